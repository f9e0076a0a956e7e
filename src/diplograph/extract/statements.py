"""Statements: a reporting verb ("said", "أعلن", "заявил") and its speaker, the nearest
actor on the side where the language puts subjects; quoted words and relays ("told
TASS") are kept.
"""

from __future__ import annotations

import re

from diplograph.extract.agents import find_agent, in_sentence, matches
from diplograph.extract.matcher import Match
from diplograph.extract.state import State
from diplograph.extract.text import Sentence, fold_key
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


PAIR_GAP = 50
"""How long the words joining two speakers may be ("Lavrov and his Japanese counterpart Motegi")."""
PAIR_BREAK = re.compile(r"[.,;:!?؟،\"«»“”„()]")


def _coordinated(state: State, speaker: Mention, sentence: Sentence) -> list[Mention]:
    """ "Lavrov and Motegi said", "заявили Рябков и Шерман": persons joined to the found
    speaker by a conjunction ("and", "и", "et", "و")."""
    if state.language is None:
        return []
    grammar = state.language.grammar
    words = {fold_key(c) for c in grammar.conjunctions}
    glued = tuple(grammar.glued_conjunctions)
    kind = state.entity(speaker).type
    if kind != "Person":
        return []  # "Iraq and Oman" after a body's verb are more often its objects
    found: list[Mention] = []
    chain = [speaker]
    for forward in (True, False):
        current = speaker
        while True:
            others = [
                m
                for m in state.mentions_in(sentence.start, sentence.end)
                if state.is_actor(m)
                and state.entity(m).type == kind
                and m.entity not in {c.entity for c in chain}
                and (
                    m.span.start >= current.span.end
                    if forward
                    else m.span.end <= current.span.start
                )
            ]
            if not others:
                break
            other = others[0] if forward else others[-1]
            left, right = (current, other) if forward else (other, current)
            gap = state.text[left.span.end : right.span.start]
            if len(gap) > PAIR_GAP or PAIR_BREAK.search(gap):
                break
            first = gap.split()[0] if gap.split() else ""
            if fold_key(first) not in words and not (
                glued and any(first.startswith(g) for g in glued)
            ):
                break
            found.append(other)
            chain.append(other)
            current = other
    return found


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
            for who in (speaker, *_coordinated(state, speaker, sentence)):
                key = (who.entity, value)
                if key in seen:
                    continue
                seen[key] = Statement(
                    speaker=who.entity,
                    date=value,
                    quote=_quote(state, sentence, verb.end),
                    reported_by=_relay(state, relays, sentence, who),
                    trigger=Span.of(state.text, verb.start, verb.end),
                    evidence=Span.of(state.text, sentence.start, sentence.end),
                    confidence=confidence if who is speaker else confidence * 0.9,
                )
    return list(seen.values())
