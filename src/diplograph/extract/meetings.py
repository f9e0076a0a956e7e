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
  no other meeting of the document already accounts for.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from diplograph.extract.agents import in_sentence, matches
from diplograph.extract.dates import DateMention
from diplograph.extract.matcher import Match
from diplograph.extract.meeting_setting import (
    PLACE_WINDOW,
    as_city,
    capital_phrases,
    dateline,
    distance,
    is_location,
    join_located,
    opens_where,
    periods,
    words,
)
from diplograph.extract.meeting_sides import host_of, sides
from diplograph.extract.state import State
from diplograph.extract.text import Sentence, fold_key
from diplograph.lang import load
from diplograph.model import Meeting, Mention, Span

__all__ = ["extract_meetings"]

TRIGGER_GAP = 25
"""Meeting words closer than this name one meeting ("held talks", "عقد اجتماع")."""


def _clusters(triggers: list[Match]) -> list[tuple[int, int, Match]]:
    clusters: list[tuple[int, int, Match]] = []
    for trigger in triggers:
        if clusters and trigger.start - clusters[-1][1] <= TRIGGER_GAP:
            start, _, first = clusters[-1]
            clusters[-1] = (start, trigger.end, first)
        else:
            clusters.append((trigger.start, trigger.end, trigger))
    return clusters


@functools.cache
def _keys(code: str, which: str) -> frozenset[str]:
    return frozenset(fold_key(w) for w in getattr(load(code).meeting_triggers, which))


@functools.cache
def _follow_up(code: str) -> tuple[re.Pattern | None, re.Pattern | None]:
    alt = words(code, "follow_ups")
    if not alt:
        return None, None
    before = re.compile(rf"(?:^|\W)(?:{alt})(?:\s+\w+)?\s*$", re.IGNORECASE)
    after = re.compile(rf"^\s*(?:\w+\s+)?(?:{alt})(?!\w)", re.IGNORECASE)
    return before, after


def _kind(state: State, cluster: tuple[int, int, Match], triggers: list[Match]) -> set[str]:
    code = state.language.code
    keys = {t.key for t in triggers if cluster[0] <= t.start and t.end <= cluster[1]}
    kinds = set()
    if keys & _keys(code, "visits"):
        kinds.add("visit")
    if keys & _keys(code, "calls"):
        kinds.add("call")
    before, after = _follow_up(code)
    head = state.text[max(0, cluster[0] - 30) : cluster[0]]
    tail = state.text[cluster[1] : cluster[1] + 25]
    if (before and before.search(head)) or (code == "ar" and after and after.search(tail)):
        kinds.add("follow-up")
    definite = _definite(code)
    first = cluster[2]
    if (definite and definite.search(head)) or (
        code == "ar" and state.text[first.start : first.start + 2] == "ال"
    ):
        kinds.add("definite")
    return kinds


@functools.cache
def _definite(code: str) -> re.Pattern | None:
    alt = words(code, "definites")
    if not alt:
        return None
    # The determiner, then at most two words ("the first Russian-American talks").
    return re.compile(rf"(?:^|[^\w'’])(?:{alt})(?:\s*[^\s,.;:!?،]+){{0,2}}\s*$", re.IGNORECASE)


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
    kinds = _kind(state, cluster, triggers)

    def mine(start: int, end: int) -> bool:
        distances = [distance(start, end, c) for c in clusters]
        return distances[index] == min(distances)

    def mine_setting(start: int, end: int) -> bool:
        # Places and dates follow their meeting word ("talks ... in Geneva on Monday"):
        # they belong to the nearest meeting word before them, if any.
        before = [i for i, c in enumerate(clusters) if c[1] <= start]
        return before[-1] == index if before else mine(start, end)

    def date_near(d: DateMention) -> bool:
        return mine_setting(d.start, d.end) and distance(d.start, d.end, cluster) <= PLACE_WINDOW

    def date_fits(d: DateMention) -> bool:
        if not date_near(d):
            return False
        if d.end <= cluster[0]:
            # "X said on Wednesday that the meeting...": a date before a clause break that
            # precedes the meeting word dates the saying, not the meeting.
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
            capitals.get(m.span.start, m)
            for m in state.mentions_in(sentence.start, sentence.end)
            if state.is_place(m) or m.span.start in capitals
        )
        capital = capital_phrases(state, sentence.start, sentence.end)
        places = sorted(
            (
                m
                for m in [*cities, *capital]
                if m is not None
                and state.entity(m).country is not None  # a city, not "Europe"
                and mine_setting(m.span.start, m.span.end)
                and distance(m.span.start, m.span.end, cluster) <= PLACE_WINDOW
            ),
            key=lambda m: m.span.start,
        )
    located = [
        m
        for m in places
        if (m.span.start not in capitals and is_location(state, m, cluster))
        or opens_where(state, m, cluster)
    ]
    located = join_located(state, places, located, dates)
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
            out.append(Parts(place, own[0] if own else None, participants, name, kinds))
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


def _compatible(a: Meeting, b: Meeting) -> bool:
    if a.date and b.date and a.date != b.date:
        return False
    if a.place and b.place and a.place != b.place:
        return False
    shared = len(set(a.participants) & set(b.participants))
    same_body = a.name is not None and a.name == b.name
    same_day = a.date is not None and a.date == b.date
    same_setting = same_day and a.place is not None and a.place == b.place
    # One side says where, the other does not, but the same sides met that day.
    same_sides = same_day and shared >= 2
    # One side says when, the other does not, but the same sides met there.
    same_place = a.place is not None and a.place == b.place and shared >= 1
    # One says only where, the other only when, of the same sides ("talks in Geneva" ...
    # "the talks on Monday").
    halves = (a.date is None) != (b.date is None) and (a.place is None) != (b.place is None)
    complementary = halves and (a.date is None) == (a.place is not None) and shared >= 2
    return same_body or same_setting or same_sides or same_place or complementary


def _merge(a: Meeting, b: Meeting) -> Meeting:
    first, second = (a, b) if a.evidence.start <= b.evidence.start else (b, a)
    richer = max((a, b), key=lambda m: (m.date is not None) + (m.place is not None))
    return first.model_copy(
        update={
            "date": a.date or b.date,
            "place": a.place or b.place,
            "participants": tuple(dict.fromkeys((*first.participants, *second.participants))),
            "name": a.name or b.name,
            "evidence": richer.evidence,
            "trigger": richer.trigger,
            "confidence": max(a.confidence, b.confidence),
        }
    )


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
    found: list[tuple[Meeting, set[str]]] = []
    for sentence in state.sentences:
        sentence_triggers = [t for t in triggers if in_sentence(sentence, t)]
        clusters = _clusters(sentence_triggers)
        for index, cluster in enumerate(clusters):
            for parts in _meeting_parts(
                state, sentence, clusters, index, sentence_triggers, dates, breaks, speech, skip
            ):
                place, date, participants, name = (
                    parts.place,
                    parts.date,
                    parts.participants,
                    parts.name,
                )
                antecedent = any(set(participants) & set(m.participants) for m, _ in found)
                if parts.loose and "definite" in parts.kinds and antecedent:
                    date = None  # "X said today that the meeting will...": told of before
                if (
                    line
                    and place is None
                    and date is not None
                    and date.value == line[1]
                    and "call" not in parts.kinds
                ):
                    place = line[0]  # "GENEVA, Jan 10 - ... talks on Monday": there
                elif line and date is None and place is not None and place.entity == line[0].entity:
                    # "GENEVA, Jan 10 - ... talks in Geneva": the report's day.
                    date = DateMention(line[0].span.start, line[0].span.end, line[1], True, True)
                if "visit" in parts.kinds and (host := host_of(state, place)):
                    participants = tuple(dict.fromkeys((*participants, host)))
                if "follow-up" in parts.kinds and len(participants) < 2 and found:
                    # "The next round will be held in Berlin": by the sides of the last one.
                    previous = found[-1][0]
                    participants = tuple(dict.fromkeys((*participants, *previous.participants)))
                    name = name or previous.name
                has_setting = place is not None or date is not None
                if len(participants) < 2 and not (participants and place and date):
                    continue
                if not has_setting and name is None and len(participants) < 2:
                    continue
                if (
                    not has_setting
                    and "definite" in parts.kinds
                    and "follow-up" not in parts.kinds
                    and any(set(participants) & set(m.participants) for m, _ in found)
                ):
                    continue  # "the meeting lasted four hours": told of before
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
                            date=date.value if date else None,
                            place=place.entity if place else None,
                            participants=participants,
                            name=name,
                            trigger=Span.of(state.text, trigger.start, trigger.end),
                            evidence=Span.of(state.text, sentence.start, sentence.end),
                            confidence=round(min(confidence, 0.95), 2),
                        ),
                        parts.kinds,
                    )
                )
    merged: list[Meeting] = []
    for meeting, kinds in found:
        if "follow-up" not in kinds:
            for i, other in enumerate(merged):
                if _compatible(meeting, other):
                    merged[i] = _merge(other, meeting)
                    break
            else:
                merged.append(meeting)
        else:
            merged.append(meeting)
    return _drop_references(merged)


def _drop_references(meetings: list[Meeting]) -> list[Meeting]:
    """A meeting with neither date nor place is a reference to another of the document
    ("the talks", "the meeting") unless it names sides no other meeting has."""
    kept: list[Meeting] = []
    for meeting in meetings:
        if meeting.date is not None or meeting.place is not None:
            kept.append(meeting)
            continue
        sides = set(meeting.participants)
        if any(
            len(sides & set(other.participants)) >= 2
            for other in meetings
            if other is not meeting and (other.date or other.place)
        ):
            continue
        kept.append(meeting)
    return kept
