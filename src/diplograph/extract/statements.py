"""Statements: a reporting verb ("said", "أعلن", "заявил") and its speaker, the nearest
actor on the side where the language puts subjects; quoted words and relays ("told
TASS") are kept.
"""

from __future__ import annotations

import re

from diplograph.extract.agents import find_agent, in_sentence, matches
from diplograph.extract.matcher import Match
from diplograph.extract.state import State
from diplograph.extract.text import Sentence
from diplograph.model import DateRange, Mention, Span, Statement

__all__ = ["extract_statements"]

QUOTES = re.compile(r"[\"«“„]([^\"»”“]{3,}?)[\"»”“]")


def _relay(state: State, relays: list[Match], sentence: Sentence, speaker: Mention) -> str | None:
    """Who relayed the words: the actor right after "told", "quoted by", "نقلت عن"."""
    for relay in (r for r in relays if in_sentence(sentence, r)):
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
    verbs = matches(state, "reporting_verbs")
    breaks = matches(state, "clause_breaks")
    relays = matches(state, "relays")
    seen: dict[tuple[str, DateRange | None], Statement] = {}
    for sentence in state.sentences:
        for verb in (v for v in verbs if in_sentence(sentence, v)):
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
