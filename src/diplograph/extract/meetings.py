"""Meetings: a meeting word ("talks", "اجتماع", "встреча") with the actors of its
sentence as participants, the place a locative leads ("in Geneva", "في بروكسل") and the
nearest date; the sides of a known body ("NATO–Russia Council") take part too.  Reports
of one meeting merge.

Beyond one sentence:

* a month or a relative week/month ("in July", "next week", "в июне") dates a meeting
  when no day does (a range over the month or the week);
* one meeting word followed by several located places ("visits to Kyiv on Jan. 19 and
  Berlin on Jan. 20") names one meeting per place, each with the date that follows it;
* a visit's host: the state of the city visited takes part;
* a follow-up ("the next round", "a new meeting", "новая встреча") without sides of its
  own is held by the sides of the meeting before it;
* a later reference ("the meeting", "la rencontre à Genève") merges with the meeting it
  names; a meeting with neither date nor place is kept only when it has two sides that
  no other meeting of the document already accounts for;
* a meeting word with neither date nor place ("the meeting lasted four hours", "Об
  итогах переговоров рассказали X и Y") refers to the meeting before it and brings it
  its sides, unless it is to come, a follow-up, or (where articles mark a meeting told
  of) a bare word that brings a new person;
* the lead: the article's first meeting, told as held, without a date of its own takes
  a date from anywhere in its sentence, else the day of publication (which a later
  report of the same sides with a day of its own overrides), and without a place the
  dateline's city or the one city its lead sets something in (meeting_context.py);
* "the two sides", "les parties" meet with the sides of the meeting before;
* one organization alone with a date ("the OSCE Permanent Council on Thursday") meets
  as a body.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from diplograph.extract.agents import matches
from diplograph.extract.dates import DateMention
from diplograph.extract.lexicon import alternation
from diplograph.extract.matcher import Match
from diplograph.extract.meeting_context import (
    LEAD_CHARS,
    aside_words,
    first_mention,
    future_marker,
    group_words,
    host_words,
    just_before,
    meets_as_body,
    new_persons,
    publication_day,
    sentence_date,
    setting_before,
)
from diplograph.extract.meeting_merge import antecedent, drop_references, merge_reports
from diplograph.extract.meeting_setting import (
    PLACE_WINDOW,
    as_city,
    capital_phrases,
    dateline,
    distance,
    in_city,
    is_location,
    join_located,
    lead_place,
    opens_where,
    periods,
    reach,
    widest,
)
from diplograph.extract.meeting_sides import host_of, sides
from diplograph.extract.meeting_words import agreement, denied, kind, lasting, now
from diplograph.extract.state import State
from diplograph.extract.text import Sentence
from diplograph.extract.towns import TOWN_PREFIX
from diplograph.lang import load
from diplograph.model import Meeting, Mention, Span

__all__ = ["extract_meetings"]

AGREED_GAP = 25
"""How far from its meeting word a word of agreeing may stand ("agreed to hold talks")."""

TRIGGER_GAP = 25
"""Meeting words closer than this name one meeting ("held talks", "عقد اجتماع")."""


def _clusters(state: State, triggers: list[Match], dates: list[DateMention]):
    clusters: list[tuple[int, int, Match]] = []
    for trigger in triggers:
        if clusters and _one_meeting(clusters[-1][1], trigger.start, dates):
            start, _, first = clusters[-1]
            clusters[-1] = (start, trigger.end, first)
        else:
            clusters.append((trigger.start, trigger.end, trigger))
    return clusters


def _one_meeting(end: int, start: int, dates: list[DateMention]) -> bool:
    """Two meeting words name one meeting when they stand close, unless a date stands
    between them: it dates the first ("the meeting with NATO on Jan. 12 and the session
    on Jan. 13")."""
    return start - end <= TRIGGER_GAP and not any(end <= d.start and d.end <= start for d in dates)


@dataclass
class Parts:
    place: Mention | None
    date: DateMention | None
    participants: tuple[str, ...]
    name: str | None
    kinds: set[str]
    loose: bool = False
    """The date is the report's ("said on Friday that the talks..."), not the meeting's own."""


def _meeting_parts(
    state: State,
    sentence: Sentence,
    clusters,
    index: int,
    triggers: list[Match],
    dates: list[DateMention],
    breaks: list[Match],
    speech: list[Match],
    skip: tuple[int, int] = (0, 0),
) -> list[Parts]:
    """Participants, place and date of the meeting(s) named by ``clusters[index]``: the
    actors, places and dates of the sentence that stand nearer to it than to the
    sentence's other meeting words.  Several places in a row after it ("in Kyiv on Jan. 19
    and Berlin on Jan. 20") make several meetings."""
    cluster = clusters[index]
    kinds = kind(state, cluster, triggers)

    def mine(start: int, end: int) -> bool:
        distances = [distance(start, end, c) for c in clusters]
        return distances[index] == min(distances)

    def mine_setting(start: int, end: int) -> bool:
        # Places and dates follow their meeting word ("talks ... in Geneva on Monday"):
        # they belong to the nearest meeting word before them, if any.
        before = [i for i, c in enumerate(clusters) if c[1] <= start]
        return before[-1] == index if before else mine(start, end)

    def date_near(d: DateMention) -> bool:
        return (
            mine_setting(d.start, d.end) and reach(state, d.start, d.end, cluster) <= PLACE_WINDOW
        )

    relative = _relative_clause(state.language.code)

    def in_other_clause(d: DateMention) -> bool:
        return bool(
            relative and d.end <= cluster[0] and relative.search(state.text, d.end, cluster[0])
        )

    def date_fits(d: DateMention) -> bool:
        if not date_near(d):
            return False
        if d.end <= cluster[0]:
            # "X said on Wednesday that the meeting...": a date before a clause break that
            # precedes the meeting word dates the saying, not the meeting; so does one
            # before a relative clause ("On Sunday X met Y, who accepted a visit to...").
            if in_other_clause(d):
                return False
            return not any(d.end <= b.start and b.end <= cluster[0] for b in breaks)
        # "after the talks in Geneva: Washington will answer next week", "talks ended,
        # X said on Monday": a colon, a quote or a reporting verb between them ends the
        # meeting's clause.
        between = state.text[cluster[1] : d.start]
        if re.search(r"[:«»“”\"]", between):
            return False
        return not any(cluster[1] <= b.start and b.end <= d.start for b in speech)

    places, capitals = [], {}
    if "call" not in kinds:
        # A capital read as its state may still be a place when it is listed with one
        # ("in Geneva, Brussels and Vienna").
        capitals = {
            m.span.start: c
            for m in state.mentions_in(sentence.start, sentence.end)
            if not state.is_place(m) and (c := as_city(state, m)) is not None
        }
        cities = (
            in_city(state, capitals.get(m.span.start, m))
            for m in state.mentions_in(sentence.start, sentence.end)
            if state.is_place(m) or m.span.start in capitals
        )
        capital = capital_phrases(state, sentence.start, sentence.end)
        places = sorted(
            (
                m
                for m in [*cities, *capital]
                if m is not None
                and (
                    m.entity.startswith(TOWN_PREFIX)  # "the resort of Bürgenstock"
                    or (
                        state.entity(m).country is not None  # a city, not "Europe"
                        and state.entity(m).geonames is not None  # a city, not "Donbas"
                    )
                )
                and mine_setting(m.span.start, m.span.end)
                and reach(state, m.span.start, m.span.end, cluster) <= PLACE_WINDOW
            ),
            key=lambda m: m.span.start,
        )
    located = [
        m
        for m in places
        if (m.span.start not in capitals and is_location(state, m, cluster))
        or opens_where(state, m, cluster)
    ]
    located = widest(state, join_located(state, places, located, dates), dates)
    candidates = [d for d in dates if sentence.start <= d.start and d.end <= sentence.end]
    fitting = [d for d in candidates if date_fits(d)]
    loose = False
    if not fitting:
        # "X said on Friday that the talks in Geneva were useful": with no date of its own,
        # a meeting told of by a new report takes the date of the report.
        fitting = [
            d
            for d in candidates
            if date_near(d)
            and not in_other_clause(d)
            and not (
                d.start >= cluster[1] and re.search(r"[:«»“”\"]", state.text[cluster[1] : d.start])
            )
        ]
        loose = bool(fitting)

    where = [skip, *((m.span.start, m.span.end) for m in located)]

    def mine_side(start: int, end: int) -> bool:
        # The dateline's city ("GENEVA, Jan 10 -") and the meeting's own places are where
        # the report is from and where the sides meet, not sides.
        return all(end <= s or start >= e for s, e in where) and mine(start, end)

    participants, name = sides(state, sentence, mine_side, kinds)

    after = [m for m in located if m.span.start >= cluster[1]]
    distinct_after = list(dict.fromkeys(m.entity for m in after))
    if len(distinct_after) >= 2:
        out = []
        for i, place in enumerate(after):
            if place.entity in [p.place.entity for p in out if p.place]:
                continue
            stop = after[i + 1].span.start if i + 1 < len(after) else sentence.end
            own = [d for d in fitting if place.span.end <= d.start < stop]
            listed = {*kinds, "listed"}
            # "talks with NATO in Brussels on Wednesday and at the OSCE in Vienna on
            # Thursday": the actors named before a place (after the one before it) are that
            # meeting's, with those before the meeting word; a place with none of its own
            # ("visits to Kyiv and Berlin") has all the sentence's.
            opening = after[i - 1].span.end if i else cluster[1]
            segment = set(
                sides(
                    state,
                    sentence,
                    lambda start, end, a=opening, b=place.span.start: (
                        (start < cluster[0] or a <= start < b) and mine_side(start, end)
                    ),
                    kinds,
                )[0]
            )
            own_sides = tuple(p for p in participants if p in segment) or participants
            out.append(Parts(place, own[0] if own else None, own_sides, name, listed))
        # A date before the first place dates them all if none has its own.
        if all(p.date is None for p in out):
            shared = [d for d in fitting if d.end <= after[0].span.start]
            if shared:
                for p in out:
                    p.date = shared[-1]
        return out
    place = min(located, key=lambda m: distance(m.span.start, m.span.end, cluster), default=None)
    date = min(fitting, key=lambda d: distance(d.start, d.end, cluster), default=None)
    return [Parts(place, date, participants, name, kinds, loose)]


@functools.cache
def _relative_clause(code: str) -> re.Pattern | None:
    """A comma and a relative pronoun: the start of a relative clause."""
    relatives = load(code).grammar.relatives
    if not relatives:
        return None
    return re.compile(rf"[,،]\s*(?:{alternation(tuple(relatives))})(?!\w)", re.IGNORECASE)


def _side_count(state: State, participants: tuple[str, ...]) -> int:
    sides = set()
    for p in participants:
        entity = state.entities.get(p)
        serves = entity is not None and entity.type == "Person" and entity.country
        sides.add(f"country/{entity.country}" if serves else p)
    return len(sides)


def extract_meetings(state: State) -> list[Meeting]:
    """Meetings of the document, merged when they are the same encounter."""
    triggers = matches(state, "meeting_triggers")
    if state.language is None:
        return []
    dates = sorted([*state.dates, *periods(state)], key=lambda d: d.start)
    speech = matches(state, "reporting_verbs")
    breaks = [*matches(state, "clause_breaks"), *speech]
    line = dateline(state, dates)
    skip = (line[0].span.start, line[0].span.end) if line else (0, 0)
    future = future_marker(state.language.code)
    group = group_words(state.language.code)
    agreeing = agreement(state.language.code)
    articles = bool(state.language.grammar.articles)
    found: list[tuple[Meeting, set[str]]] = []
    sidelines, sequels = aside_words(state.language.code)
    for sentence, sentence_triggers in zip(
        state.sentences, state.by_sentence(triggers), strict=True
    ):
        if not sentence_triggers:
            continue  # no meeting word, no meeting: skip the sentence's searches
        # "On the sidelines of the summit, X met Y": the summit is told of, not met at.
        hosts = host_words(state, sentence, sentence_triggers, sidelines)
        sentence_triggers = [t for t in sentence_triggers if t.start not in hosts]
        aside_at = (
            [m.start() for m in sidelines.finditer(state.text, sentence.start, sentence.end)]
            if sidelines
            else []
        )
        sequel = bool(sequels and sequels.search(state.text, sentence.start, sentence.end))
        clusters = _clusters(state, sentence_triggers, dates)
        # The meeting nearest "on the sidelines" is the one held there.
        beside_index = {
            min(range(len(clusters)), key=lambda i: distance(at, at, clusters[i]))
            for at in aside_at
            if clusters
        }
        to_come = bool(future and future.search(state.text, sentence.start, sentence.end))
        grouped = bool(group and group.search(state.text, sentence.start, sentence.end))
        agreements = (
            list(agreeing.finditer(state.text, sentence.start, sentence.end)) if agreeing else []
        )
        for index, cluster in enumerate(clusters):
            if denied(state, cluster):
                continue  # "they have never met", "no meeting is planned"
            for parts in _meeting_parts(
                state, sentence, clusters, index, sentence_triggers, dates, breaks, speech, skip
            ):
                place, date, participants, name = (
                    parts.place,
                    parts.date,
                    parts.participants,
                    parts.name,
                )
                follow_up = "follow-up" in parts.kinds
                # "agreed to meet", "a dialogue was agreed"; not "the deal agreed in
                # Istanbul" in a clause of its own
                agreed = any(
                    distance(a.start(), a.end(), cluster) <= AGREED_GAP for a in agreements
                )
                shared = any(set(participants) & set(m.participants) for m, _ in found)
                if "definite" in parts.kinds and shared and (parts.loose or now(state, date)):
                    # "X said today that the meeting will...", "work is underway on such a
                    # meeting": a meeting told of before, not one of that day.
                    date = None
                if (
                    line
                    and place is None
                    and date is not None
                    and just_before(date.value, line[1])
                    and "call" not in parts.kinds
                ):
                    # "GENEVA, Jan 10 - ... talks on Monday", "... a dinner on Sunday": there.
                    place = line[0]
                elif line and date is None and place is not None and place.entity == line[0].entity:
                    # "GENEVA, Jan 10 - ... talks in Geneva": the report's day.
                    date = DateMention(line[0].span.start, line[0].span.end, line[1], True, True)
                told = "definite" in parts.kinds  # "the meeting", "such a meeting"
                beside = index in beside_index and not told
                aside = beside
                if date is None and place is None and not (follow_up or to_come or agreed):
                    host = setting_before(found) if beside or (sequel and not told) else None
                    if host is not None and (beside or new_persons(participants, host)):
                        # "X later met Y", "on the sidelines, X met Y": another meeting,
                        # where and when the one before was.
                        aside = True
                        date = host.date and DateMention(cluster[0], cluster[1], host.date, True)
                        place = host.place and (
                            first_mention(state, host.place)
                            or (line[0] if line and line[0].entity == host.place else None)
                        )
                if date is None and place is None and not (follow_up or to_come or agreed):
                    # "The meeting lasted four hours", "the talks": told of before.
                    target = antecedent(found, participants, "definite" in parts.kinds, articles)
                    if target is not None:
                        before, kinds = found[target]
                        sides = tuple(dict.fromkeys((*before.participants, *participants)))
                        found[target] = (before.model_copy(update={"participants": sides}), kinds)
                        continue
                lead = (
                    sentence.start < LEAD_CHARS
                    and not follow_up
                    and not to_come
                    and not any("follow-up" not in k for _, k in found)
                )
                kinds = {*parts.kinds, "aside"} if aside else parts.kinds
                if agreed and date is None and place is None:
                    # A meeting agreed on is one to come, not the one it was agreed at.
                    kinds = {*kinds, "follow-up"}
                if lead and date is None:
                    # The article's first meeting: a date anywhere in its sentence ("...,
                    # said X at a briefing on Feb. 10"), else the day of publication.
                    date = sentence_date(state, sentence, cluster, dates)
                    if date is None and (date := publication_day(state, cluster[0])):
                        kinds = {*kinds, "assumed-date"}
                today = line[1] if line else publication_day(state, 0)
                today = today.value if isinstance(today, DateMention) else today
                recent = date is None or (today is not None and just_before(date.value, today))
                if lead and place is None and recent and "call" not in parts.kinds:
                    # Only a meeting of the report's days: not "talks in December 2021".
                    place = lead_place(state, line, LEAD_CHARS)
                if "visit" in parts.kinds and (host := host_of(state, place)):
                    participants = tuple(dict.fromkeys((*participants, host)))
                if len(participants) < 2 and found and (follow_up or grouped or agreed):
                    # "The next round will be held in Berlin", "the two sides will meet in
                    # Berlin", "a direct dialogue was agreed": by the sides of the last one.
                    previous = found[-1][0]
                    participants = tuple(dict.fromkeys((*participants, *previous.participants)))
                    name = name or previous.name
                has_setting = place is not None or date is not None
                # "Peskov said in Moscow that Russia rejects negotiations": one side is no
                # encounter (a person counts as the state they serve).
                # A visit's host and "the two" of a call may be told elsewhere.
                implied = grouped or bool(parts.kinds & {"visit", "call"})
                two_sides = len(participants) >= 2 and (
                    implied or _side_count(state, participants) >= 2
                )
                if not two_sides and not (
                    (participants and place and date)
                    # "all three meetings in Geneva, Brussels and Vienna": each is one.
                    or (participants and parts.place and "listed" in parts.kinds)
                    or (lead and parts.place and date)
                    or (date and meets_as_body(state, participants))
                ):
                    continue
                if not has_setting and name is None and not two_sides:
                    continue
                confidence = (
                    0.5
                    + 0.15 * (place is not None)
                    + 0.15 * (date is not None)
                    + 0.1 * (len(participants) >= 2)
                )
                trigger = cluster[2]
                found.append(
                    (
                        Meeting(
                            date=lasting(state, sentence, cluster, date.value) if date else None,
                            place=place.entity if place else None,
                            participants=participants,
                            name=name,
                            trigger=Span.of(state.text, trigger.start, trigger.end),
                            evidence=Span.of(state.text, sentence.start, sentence.end),
                            confidence=round(min(confidence, 0.95), 2),
                        ),
                        kinds,
                    )
                )
    return drop_references(merge_reports(found))
