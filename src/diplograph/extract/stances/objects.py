"""Verbs that take a stance only through their object: signing an agreement is agreeing
to it, withdrawing from a deal rejects it, voting against a draft rejects it, submitting
a draft proposes it.  The object may stand a few words away: past a date, a number or the
subject of a verb-first language ("signed on Friday two agreements", "ووقع وفدان روسي
وأوكراني على اتفاق", "подписали в пятницу соглашение"), or before the verb (a verb-final
clause: "haben ein Abkommen unterzeichnet"), which a fixed phrase cannot reach.  The verb
is the trigger, so its subject holds the stance as for any stance verb.

The word lists are ``verb_objects`` in each ``lang/<code>/stance_triggers.yaml``.
"""

from __future__ import annotations

import bisect
import functools

from diplograph.extract.entities.find import affixes
from diplograph.extract.lexicon import folded_words
from diplograph.extract.state import State
from diplograph.lang import load
from diplograph.text.folding import fold_key, words
from diplograph.text.matcher import Match, Matcher

__all__ = ["REACH", "verb_object_triggers"]

REACH = 6
"""How many words may stand between a verb and its object."""


@functools.cache
def _matchers(code: str) -> tuple[tuple[str, Matcher[str], Matcher[str]], ...]:
    """(stance, verbs, objects) for each group of a language's ``verb_objects``."""
    groups = load(code).stance_triggers.verb_objects
    return tuple(
        (
            stance,
            Matcher((verb, stance) for verb in group.verbs),
            Matcher((noun, stance) for noun in group.objects),
        )
        for stance, listed in groups.items()
        for group in listed
    )


def verb_object_triggers(state: State) -> list[Match]:
    """The verbs of the text whose object, within :data:`REACH` words of the same
    sentence, makes them stance triggers; each with its stance as payload."""
    if state.language is None:
        return []
    glued = affixes(state.language)
    inside = state.inside_names()
    negations = folded_words(state.language.stance_triggers.negations)
    found: list[Match] = []
    for stance, verbs, objects in _matchers(state.language.code):
        heads = [m for m in verbs.find(state.folded, state.text, glued) if m.start not in inside]
        if not heads:
            continue
        # "ended without agreement", "sin acuerdo", "без соглашения": no object at all
        nouns = [
            m
            for m in objects.find(state.folded, state.text, glued)
            if not _negated(state.text, m.start, negations)
        ]
        starts, ends = sorted(m.start for m in nouns), sorted(m.end for m in nouns)
        for verb in heads:
            sentence = state.sentence_at(verb.start)
            after = bisect.bisect_left(starts, verb.end)
            before = bisect.bisect_right(ends, verb.start) - 1
            near = (
                after < len(starts)
                and starts[after] < sentence.end
                and _words_between(state.text, verb.end, starts[after]) <= REACH
            ) or (
                before >= 0
                and ends[before] > sentence.start
                and _words_between(state.text, ends[before], verb.start) <= REACH
            )
            if near:
                found.append(Match(verb.start, verb.end, verb.key, verb.suffix, (stance,)))
    return found


def _negated(text: str, start: int, negations: frozenset[str]) -> bool:
    """Whether the word before ``start`` (past an article) negates what follows."""
    before = [w for w in words(text, max(0, start - 30), start) if w[:1].isalnum()]
    return any(fold_key(w) in negations for w in before[-2:])


def _words_between(text: str, start: int, end: int) -> int:
    return sum(w[:1].isalnum() for w in words(text, start, end))
