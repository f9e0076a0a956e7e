"""Positions: a stance word ("rejects", "طلبت", "предложил") that no negation cancels,
its holder (found as a speaker is) and the rest of the clause as topic.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from diplograph.extract.agents import find_agent, in_sentence, matches
from diplograph.extract.matcher import Match
from diplograph.extract.state import State
from diplograph.extract.text import Sentence
from diplograph.model import Position, Span

__all__ = ["extract_positions"]

TOPIC_END = re.compile(r"[.;:؛،,!?؟\n]|\s(?:but|mais|но|لكن|pero|aber)\s")
MAX_TOPIC = 120


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
    triggers = matches(state, "stance_triggers")
    negations = matches(state, "negations")
    breaks = matches(state, "clause_breaks")
    for sentence in state.sentences:
        for trigger in (t for t in triggers if in_sentence(sentence, t)):
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
