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
  dateline's city or the one city its lead sets something in (context.py);
* "the two sides", "les parties" meet with the sides of the meeting before;
* one organization alone with a date ("the OSCE Permanent Council on Thursday") meets
  as a body.
"""

from __future__ import annotations

from diplograph.extract.agents import matches
from diplograph.extract.dates import DateMention
from diplograph.extract.meetings.context import (
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
from diplograph.extract.meetings.merge import antecedent, drop_references, merge_reports
from diplograph.extract.meetings.parts import clusters_of, meeting_parts
from diplograph.extract.meetings.setting import (
    dateline,
    distance,
    lead_place,
    periods,
)
from diplograph.extract.meetings.sides import host_of
from diplograph.extract.meetings.words import Kind, agreement, denied, lasting, now
from diplograph.extract.state import State
from diplograph.model import DateRange, Meeting, Mention, Span

__all__ = ["extract_meetings"]

AGREED_GAP = 25
"""How far from its meeting word a word of agreeing may stand ("agreed to hold talks")."""


def _side_count(state: State, participants: tuple[str, ...]) -> int:
    sides = set()
    for p in participants:
        entity = state.entities.get(p)
        serves = entity is not None and entity.type == "Person" and entity.country
        sides.add(f"country/{entity.country}" if serves else p)
    return len(sides)


def _assumed_antecedent(
    found: list[tuple[Meeting, set[str]]], day: DateRange, place: Mention | None
) -> int | None:
    """The earlier meeting a definite meeting word with a day of its own refers to, when
    that meeting's day was only assumed: the latest dated one, not a follow-up, in the same
    place if the word gives one, and not before the day given.  ("Blinken praised the
    meeting that took place on Monday": whoever speaks of it.)"""
    for i in range(len(found) - 1, -1, -1):
        meeting, kinds = found[i]
        if Kind.FOLLOW_UP in kinds or meeting.date is None:
            continue  # "the next round", or a later mention with no day of its own
        if Kind.ASSUMED_DATE not in kinds:
            return None
        if place is not None and meeting.place != place.entity:
            return None  # a report with a place of its own tells of that place's meeting
        if day.end > meeting.date.start:
            return None
        return i
    return None


def _redated(
    earlier: tuple[Meeting, set[str]],
    day: DateRange,
    place: Mention | None,
    participants: tuple[str, ...],
) -> tuple[Meeting, set[str]]:
    """The earlier meeting with the day a later report gives it; the report's sides join it
    only where they overlap ("X and Y ... the meeting"), not whoever speaks of it."""
    meeting, kinds = earlier
    joined = participants if set(participants) & set(meeting.participants) else ()
    update = {
        "date": day,
        "place": meeting.place or (place and place.entity),
        "participants": tuple(dict.fromkeys((*meeting.participants, *joined))),
    }
    return meeting.model_copy(update=update), kinds - {Kind.ASSUMED_DATE}


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
        clusters = clusters_of(state, sentence_triggers, dates)
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
            for parts in meeting_parts(
                state, sentence, clusters, index, sentence_triggers, dates, breaks, speech, skip
            ):
                place, date, participants, name = (
                    parts.place,
                    parts.date,
                    parts.participants,
                    parts.name,
                )
                follow_up = Kind.FOLLOW_UP in parts.kinds
                told = Kind.DEFINITE in parts.kinds  # "the meeting", "such a meeting"
                # "agreed to meet", "a dialogue was agreed"; not "the deal agreed in
                # Istanbul" in a clause of its own
                agreed = any(
                    distance(a.start(), a.end(), cluster) <= AGREED_GAP for a in agreements
                )
                shared = any(set(participants) & set(m.participants) for m, _ in found)
                if told and shared and (parts.loose or now(state, date)):
                    # "X said today that the meeting will...", "work is underway on such a
                    # meeting": a meeting told of before, not one of that day.
                    date = None
                if (
                    line
                    and place is None
                    and date is not None
                    and just_before(date.value, line[1])
                    and Kind.CALL not in parts.kinds
                ):
                    # "GENEVA, Jan 10 - ... talks on Monday", "... a dinner on Sunday": there.
                    place = line[0]
                elif line and date is None and place is not None and place.entity == line[0].entity:
                    # "GENEVA, Jan 10 - ... talks in Geneva": the report's day.
                    date = DateMention(line[0].span.start, line[0].span.end, line[1], True, True)
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
                if told and date is not None and not (follow_up or to_come or agreed):
                    # "... after the meeting on Wednesday in San Francisco": the day of the
                    # meeting told of before, whose day was only assumed from publication
                    target = _assumed_antecedent(found, date.value, place)
                    if target is not None:
                        found[target] = _redated(found[target], date.value, place, participants)
                        continue
                if date is None and place is None and not (follow_up or to_come or agreed):
                    # "The meeting lasted four hours", "the talks": told of before.
                    target = antecedent(found, participants, told, articles)
                    if target is not None:
                        before, kinds = found[target]
                        sides = tuple(dict.fromkeys((*before.participants, *participants)))
                        found[target] = (before.model_copy(update={"participants": sides}), kinds)
                        continue
                lead = (
                    sentence.start < LEAD_CHARS
                    and not follow_up
                    and not to_come
                    and not any(Kind.FOLLOW_UP not in k for _, k in found)
                )
                kinds = {*parts.kinds, Kind.ASIDE} if aside else parts.kinds
                if parts.loose and date is not None:
                    # the day of the report that tells of it, not one the text gives it
                    kinds = {*kinds, Kind.ASSUMED_DATE}
                if agreed and date is None and place is None:
                    # A meeting agreed on is one to come, not the one it was agreed at.
                    kinds = {*kinds, Kind.FOLLOW_UP}
                if lead and date is None:
                    # The article's first meeting: a date anywhere in its sentence ("...,
                    # said X at a briefing on Feb. 10"), else the day of publication.
                    # Either is assumed: a later report may give the meeting's own day.
                    date = sentence_date(state, sentence, cluster, dates) or publication_day(
                        state, cluster[0]
                    )
                    if date is not None:
                        kinds = {*kinds, Kind.ASSUMED_DATE}
                today = line[1] if line else publication_day(state, 0)
                today = today.value if isinstance(today, DateMention) else today
                recent = date is None or (today is not None and just_before(date.value, today))
                if lead and place is None and recent and Kind.CALL not in parts.kinds:
                    # Only a meeting of the report's days: not "talks in December 2021".
                    place = lead_place(state, line, LEAD_CHARS)
                if Kind.VISIT in parts.kinds and (host := host_of(state, place)):
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
                implied = grouped or bool(parts.kinds & {Kind.VISIT, Kind.CALL})
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
