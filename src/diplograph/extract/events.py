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

import functools
import re
from collections.abc import Iterator

from diplograph.extract.entities import affixes
from diplograph.extract.lexicon import lexicon
from diplograph.extract.matcher import Match, select_longest
from diplograph.extract.state import State
from diplograph.extract.text import Sentence, fold_key
from diplograph.lang import load
from diplograph.model import DateRange, Meeting, Mention, Position, Role, Span, Statement

__all__ = ["extract_meetings", "extract_positions", "extract_statements"]

PLACE_WINDOW = 120
"""Characters around a meeting word in which its place and date are sought."""
NEAR_AFTER = 40
"""How far after a verb its subject may stand (verb-first languages)."""
QUOTES = re.compile(r"[\"«“„]([^\"»”“]{3,}?)[\"»”“]")
TOPIC_END = re.compile(r"[.;:؛،,!?؟\n]|\s(?:but|mais|но|لكن|pero|aber)\s")
MAX_TOPIC = 120


def _matches(state: State, which: str) -> list[Match]:
    """The words of one lexicon in the text, except inside names ("States" in "United States")."""
    if state.language is None:
        return []
    matcher = getattr(lexicon(state.language.code), which)
    found = matcher.find(state.folded, state.text, affixes(state.language))
    names = [(m.span.start, m.span.end) for m in state.mentions if m.via == "name"]
    return select_longest(
        m for m in found if not any(m.start < end and start < m.end for start, end in names)
    )


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


ADJACENT = 15
"""A nationality adjective acts only this close to the verb ("the Russian side proposed")."""
PUNCTUATION = re.compile(r"[,،;:.!?؟]")


def _pick_before(state: State, before: list[Mention], trigger: Match, *, prefer_person: bool):
    """The actor before ``trigger`` most likely acting: a person for speech, else the nearest."""
    named = [m for m in before if m.via != "adjective"]
    adjacent = [
        m
        for m in before
        if m.via == "adjective"
        and trigger.start - m.span.end <= ADJACENT
        and not PUNCTUATION.search(state.text[m.span.end : trigger.start])
    ]
    if adjacent and (not named or adjacent[-1].span.start > named[-1].span.start):
        return adjacent[-1]
    if prefer_person:
        persons = [m for m in named if state.entity(m).type == "Person"]
        if persons and trigger.start - persons[-1].span.end <= 160:
            return persons[-1]
    return named[-1] if named else None


def _person_behind_title(state: State, mention: Mention) -> Mention:
    """ "The NATO Secretary General said": the person this document gives that office."""
    if state.entity(mention).type == "Person":
        return mention
    for title in state.titles:
        if (
            not 0 <= mention.span.start - title.end <= 4
            and not 0 <= title.start - mention.span.end <= 2
        ):
            continue
        for role in (e for e in state.events if isinstance(e, Role)):
            if role.organization == mention.entity and fold_key(role.trigger.quote) == fold_key(
                state.text[title.start : title.end]
            ):
                persons = [m for m in state.mentions if m.entity == role.person]
                if persons:
                    return Mention(span=mention.span, entity=role.person, via="title")
    return mention


def _titled_person_after(state: State, trigger: Match, near: int) -> Mention | None:
    """A subject after its verb may be a long title and a name ("رحب الممثل الأعلى للسياسة
    الخارجية في الاتحاد الأوروبي جوزيب بوريل"): a role that starts right after the verb."""
    for role in (e for e in state.events if isinstance(e, Role)):
        if 0 <= role.evidence.start - trigger.end <= near:
            for mention in state.mentions_in(role.evidence.start, role.evidence.end):
                if mention.entity == role.person:
                    return mention
    return None


def find_agent(
    state: State,
    trigger: Match,
    sentence: Sentence,
    breaks: list[Match],
    *,
    near: int = NEAR_AFTER,
    speech: bool = False,
) -> tuple[Mention | None, float]:
    """The actor who acts at ``trigger`` (a speaker, a position holder), and how sure we are."""
    order = state.language.reporting_verbs.speaker_search if state.language else ("before",)
    for direction in order:
        if direction == "after" and (titled := _titled_person_after(state, trigger, near)):
            return titled, 0.8
        if direction == "after":
            end = min(sentence.end, trigger.end + near)
            stop = _clause_break_before(state, breaks, trigger.end, end)
            after = [
                m
                for m in _actors(state, trigger.end, stop)
                if m.via != "adjective" or m.span.start - trigger.end <= ADJACENT
            ]
            if after:
                persons = [m for m in after if state.entity(m).type == "Person"]
                return _person_behind_title(state, (persons or after)[0]), 0.8
        else:
            before = _actors(state, sentence.start, trigger.start)
            chosen = _pick_before(state, before, trigger, prefer_person=speech)
            if chosen:
                confidence = 0.75 if trigger.start - chosen.span.end < 60 else 0.55
                return _person_behind_title(state, chosen), confidence
    return None, 0.0


# --- meetings ---------------------------------------------------------------------


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


def _distance(start: int, end: int, cluster: tuple[int, int, Match]) -> int:
    return max(cluster[0] - end, start - cluster[1], 0)


@functools.cache
def _locatives(code: str) -> re.Pattern:
    words = sorted(load(code).meeting_triggers.locatives, key=len, reverse=True)
    return re.compile(
        r"(?:^|\W)(?:" + "|".join(re.escape(w) for w in words) + r")\W*$", re.IGNORECASE
    )


def _is_location(state: State, place: Mention, cluster: tuple[int, int, Match]) -> bool:
    """A place is where the meeting happens if a locative word leads it ("in Geneva",
    "في بروكسل", glued "بجنيف") or it stands right before the meeting word ("the Geneva talks")."""
    if 0 <= cluster[0] - place.span.end <= 2:
        return True
    if state.language is None or not state.language.meeting_triggers.locatives:
        return False
    head = state.text[max(0, place.span.start - 30) : place.span.start]
    return bool(_locatives(state.language.code).search(head))


def _meeting_parts(state: State, sentence: Sentence, clusters, index: int):
    """Participants, place and date of the meeting named by ``clusters[index]``: the actors,
    places and dates of the sentence that stand nearer to it than to the sentence's other
    meeting words."""
    cluster = clusters[index]

    def mine(start: int, end: int) -> bool:
        distances = [_distance(start, end, c) for c in clusters]
        return distances[index] == min(distances)

    def mine_setting(start: int, end: int) -> bool:
        # Places and dates follow their meeting word ("talks ... in Geneva on Monday"):
        # they belong to the nearest meeting word before them, if any.
        before = [i for i, c in enumerate(clusters) if c[1] <= start]
        return before[-1] == index if before else mine(start, end)

    places = [
        m
        for m in state.mentions_in(sentence.start, sentence.end)
        if state.is_place(m)
        and mine_setting(m.span.start, m.span.end)
        and _distance(m.span.start, m.span.end, cluster) <= PLACE_WINDOW
        and _is_location(state, m, cluster)
    ]
    place = min(places, key=lambda m: _distance(m.span.start, m.span.end, cluster), default=None)
    dates = [
        d
        for d in state.dates_in(sentence.start, sentence.end)
        if mine_setting(d.start, d.end) and _distance(d.start, d.end, cluster) <= PLACE_WINDOW
    ]
    date = min(dates, key=lambda d: _distance(d.start, d.end, cluster), default=None)
    participants: list[str] = []
    name = None
    for mention in _actors(state, sentence.start, sentence.end):
        if not mine(mention.span.start, mention.span.end):
            continue
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
    same_day = a.date is not None and a.date == b.date
    same_setting = same_day and a.place is not None and a.place == b.place
    # One side says where, the other does not, but the same sides met that day.
    same_sides = same_day and len(set(a.participants) & set(b.participants)) >= 2
    return same_body or same_setting or same_sides


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
        clusters = _clusters([t for t in triggers if _in(sentence, t)])
        for index, cluster in enumerate(clusters):
            place, date, participants, name = _meeting_parts(state, sentence, clusters, index)
            has_setting = place is not None or date is not None
            if len(participants) < 2 and not (participants and place and date):
                continue
            if not has_setting and name is None:
                continue
            confidence = (
                0.5
                + 0.15 * (place is not None)
                + 0.15 * (date is not None)
                + 0.1 * (len(participants) >= 2)
            )
            trigger = cluster[2]
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
        window = state.mentions_in(relay.end, min(sentence.end, relay.end + 30))
        after = [m for m in window if state.entity(m).type != "Place"]
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
            speaker, confidence = find_agent(state, verb, sentence, breaks, speech=True)
            if speaker is None:
                continue
            date = state.nearest_date(sentence.start, sentence.end, verb.start)
            value = (
                date.value
                if date
                else (DateRange.day(state.published) if state.published else None)
            )
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
