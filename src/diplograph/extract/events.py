"""Meetings, statements and positions, read sentence by sentence.

- A **meeting** is a meeting word ("talks", "اجتماع", "встреча") with the actors
  of its sentence as participants, the nearest city as place and the nearest
  date; the sides of a known body ("NATO–Russia Council") take part too.
- A **statement** is a reporting verb ("said", "أعلن", "заявил") and its speaker:
  the nearest actor on the side where the language puts subjects.
- A **position** is a stance word ("rejects", "طلبت", "предложил") and its
  holder, found the same way, with the rest of the clause as its topic.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from diplograph.extract.lexicon import lexicon
from diplograph.extract.matcher import Match, select_longest
from diplograph.extract.state import State
from diplograph.extract.text import Sentence
from diplograph.extract.entities import affixes
from diplograph.model import DateRange, Meeting, Mention, Position, Span, Statement

__all__ = ["extract_meetings", "extract_positions", "extract_statements"]

PLACE_WINDOW = 160
"""Characters around a meeting word in which its place and date are sought."""
NEAR_AFTER = 40
"""How far after a verb its subject may stand (verb-first languages)."""
QUOTES = re.compile(r"[\"«“„]([^\"»”“]{3,}?)[\"»”“]")
TOPIC_END = re.compile(r"[.;:؛،,!?؟\n]|\s(?:but|mais|но|لكن|pero|aber)\s")
MAX_TOPIC = 120


def _matches(state: State, which: str) -> list[Match]:
    if state.language is None:
        return []
    matcher = getattr(lexicon(state.language.code), which)
    return select_longest(matcher.find(state.folded, state.text, affixes(state.language)))


def _in(sentence: Sentence, match: Match) -> bool:
    return sentence.start <= match.start < sentence.end


def _actors(state: State, start: int, end: int) -> list[Mention]:
    return [m for m in state.mentions_in(start, end) if state.is_actor(m)]


def _clause_break_before(state: State, breaks: list[Match], start: int, end: int) -> int:
    """Where the first clause break between ``start`` and ``end`` stands (else ``end``)."""
    positions = [b.start for b in breaks if start <= b.start < end]
    quote = re.search(r"[:\"«“„]", state.text[start:end])
    if quote:
        positions.append(start + quote.start())
    return min(positions, default=end)


def find_agent(
    state: State, trigger: Match, sentence: Sentence, breaks: list[Match], *, near: int = NEAR_AFTER
) -> tuple[Mention | None, float]:
    """The actor who acts at ``trigger`` (a speaker, a position holder), and how sure we are."""
    order = state.language.reporting_verbs.speaker_search if state.language else ("before",)
    for direction in order:
        if direction == "after":
            stop = _clause_break_before(state, breaks, trigger.end, min(sentence.end, trigger.end + near))
            after = _actors(state, trigger.end, stop)
            if after:
                persons = [m for m in after if state.entity(m).type == "Person"]
                return (persons or after)[0], 0.8
        else:
            start = sentence.start
            before = _actors(state, start, trigger.start)
            if before:
                return before[-1], 0.75 if trigger.start - before[-1].span.end < 60 else 0.55
    return None, 0.0


# --- meetings ---------------------------------------------------------------------


def _meeting_parts(state: State, sentence: Sentence, trigger: Match):
    window_start = max(sentence.start, trigger.start - PLACE_WINDOW)
    window_end = min(sentence.end, trigger.end + PLACE_WINDOW)
    places = [m for m in state.mentions_in(window_start, window_end) if state.is_place(m)]
    place = min(places, key=lambda m: abs(m.span.start - trigger.start), default=None)
    date = state.nearest_date(window_start, window_end, trigger.start)
    participants: list[str] = []
    name = None
    for mention in _actors(state, sentence.start, sentence.end):
        entity = state.entity(mention)
        participants.append(entity.id)
        if entity.parties:
            participants.extend(entity.parties)
            name = name or f"{entity.label('en')} meeting"
    return place, date, tuple(dict.fromkeys(participants)), name


def _compatible(a: Meeting, b: Meeting) -> bool:
    if a.date and b.date and a.date != b.date:
        return False
    if a.place and b.place and a.place != b.place:
        return False
    same_body = a.name is not None and a.name == b.name
    same_setting = a.date is not None and a.date == b.date and a.place is not None and a.place == b.place
    return same_body or same_setting


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
    triggers = _matches(state, "meeting_triggers")
    found: list[Meeting] = []
    for sentence in state.sentences:
        for trigger in (t for t in triggers if _in(sentence, t)):
            place, date, participants, name = _meeting_parts(state, sentence, trigger)
            has_setting = place is not None or date is not None
            if len(participants) < 2 and not (participants and place and date):
                continue
            if not has_setting and name is None:
                continue
            confidence = 0.5 + 0.15 * (place is not None) + 0.15 * (date is not None) + 0.1 * (len(participants) >= 2)
            found.append(
                Meeting(
                    date=date.value if date else None,
                    place=place.entity if place else None,
                    participants=participants,
                    name=name,
                    trigger=Span.of(state.text, trigger.start, trigger.end),
                    evidence=Span.of(state.text, sentence.start, sentence.end),
                    confidence=round(min(confidence, 0.95), 2),
                )
            )
            break  # one meeting per sentence: its other meeting words name the same one
    merged: list[Meeting] = []
    for meeting in found:
        for i, other in enumerate(merged):
            if _compatible(meeting, other):
                merged[i] = _merge(other, meeting)
                break
        else:
            merged.append(meeting)
    return [m for m in merged if m.date is not None or m.place is not None]


# --- statements ----------------------------------------------------------------------


def _relay(state: State, relays: list[Match], sentence: Sentence, speaker: Mention) -> str | None:
    """Who relayed the words: the actor right after "told", "quoted by", "نقلت عن"."""
    for relay in (r for r in relays if _in(sentence, r)):
        after = [m for m in _actors(state, relay.end, min(sentence.end, relay.end + 30))]
        if after and after[0].entity != speaker.entity:
            return after[0].entity
    return None


def _quote(state: State, sentence: Sentence, after: int) -> Span | None:
    match = QUOTES.search(state.text, after, sentence.end) or QUOTES.search(
        state.text, sentence.start, sentence.end
    )
    if match:
        return Span.of(state.text, match.start(1), match.end(1))
    return None


def extract_statements(state: State) -> list[Statement]:
    """One statement per speaker and day: the first report of it in the document."""
    verbs = _matches(state, "reporting_verbs")
    breaks = _matches(state, "clause_breaks")
    relays = _matches(state, "relays")
    seen: dict[tuple[str, DateRange | None], Statement] = {}
    for sentence in state.sentences:
        for verb in (v for v in verbs if _in(sentence, v)):
            speaker, confidence = find_agent(state, verb, sentence, breaks)
            if speaker is None:
                continue
            date = state.nearest_date(sentence.start, sentence.end, verb.start)
            value = date.value if date else (DateRange.day(state.published) if state.published else None)
            key = (speaker.entity, value)
            if key in seen:
                continue
            seen[key] = Statement(
                speaker=speaker.entity,
                date=value,
                quote=_quote(state, sentence, verb.end),
                reported_by=_relay(state, relays, sentence, speaker),
                trigger=Span.of(state.text, verb.start, verb.end),
                evidence=Span.of(state.text, sentence.start, sentence.end),
                confidence=confidence,
            )
    return list(seen.values())


# --- positions -----------------------------------------------------------------------


def _negated(state: State, negations: list[Match], trigger: Match) -> bool:
    return any(0 <= trigger.start - n.end <= 2 for n in negations)


def _topic(state: State, trigger: Match, sentence: Sentence) -> Span | None:
    start = trigger.end
    while start < sentence.end and not state.text[start].isalnum():
        start += 1
    rest = state.text[start : sentence.end]
    stop = TOPIC_END.search(rest)
    end = start + min(stop.start() if stop else len(rest), MAX_TOPIC)
    while end > start and state.text[end - 1].isspace():
        end -= 1
    return Span.of(state.text, start, end) if end > start else None


def _positions(state: State) -> Iterator[Position]:
    triggers = _matches(state, "stance_triggers")
    negations = _matches(state, "negations")
    breaks = _matches(state, "clause_breaks")
    for sentence in state.sentences:
        for trigger in (t for t in triggers if _in(sentence, t)):
            if _negated(state, negations, trigger):
                continue
            holder, confidence = find_agent(state, trigger, sentence, breaks, near=25)
            if holder is None:
                continue
            topic = _topic(state, trigger, sentence)
            yield Position(
                holder=holder.entity,
                stance=trigger.payloads[0],
                topic=topic.quote if topic else None,
                topic_span=topic,
                trigger=Span.of(state.text, trigger.start, trigger.end),
                evidence=Span.of(state.text, sentence.start, sentence.end),
                confidence=round(confidence * 0.9, 2),
            )


def extract_positions(state: State) -> list[Position]:
    """Positions of the document, one per holder, stance and trigger."""
    unique: dict[tuple[str, str, int], Position] = {}
    for position in _positions(state):
        unique.setdefault((position.holder, position.stance, position.trigger.start), position)
    return list(unique.values())
