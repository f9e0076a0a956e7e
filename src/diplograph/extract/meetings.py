"""Meetings: a meeting word ("talks", "اجتماع", "встреча") with the actors of its
sentence as participants, the place a locative leads ("in Geneva", "في بروكسل") and the
nearest date; the sides of a known body ("NATO–Russia Council") take part too.  Reports
of one meeting merge.
"""

from __future__ import annotations

import functools
import re

from diplograph.extract.agents import actors, in_sentence, matches
from diplograph.extract.matcher import Match
from diplograph.extract.state import State
from diplograph.extract.text import Sentence
from diplograph.lang import load
from diplograph.model import Meeting, Mention, Span

__all__ = ["extract_meetings"]

PLACE_WINDOW = 120
"""Characters around a meeting word in which its place and date are sought."""

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
    for mention in actors(state, sentence.start, sentence.end):
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
    triggers = matches(state, "meeting_triggers")
    found: list[Meeting] = []
    for sentence in state.sentences:
        clusters = _clusters([t for t in triggers if in_sentence(sentence, t)])
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
