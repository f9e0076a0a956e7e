"""Subject pronouns: a pronoun that opens a stance verb's clause ("He urged ...", "Он
призвал ...") and the actor named before that it stands for, a person for "he" and, for a
plural "they", also a nationality that heads its sentence ("Russian officials said they").
"""

from __future__ import annotations

import functools
import re

from diplograph.extract.agents import is_oblique
from diplograph.extract.stances.clauses import (
    clause_start,
    either,
    governed,
    grammar_of,
    locatives,
    obliquely_governed,
)
from diplograph.extract.state import State
from diplograph.lang import Grammar
from diplograph.model import Mention
from diplograph.text.folding import Sentence
from diplograph.text.matcher import Match

__all__ = ["antecedent", "pronoun_subject"]


ANTECEDENT_SENTENCES = 2
"""How many sentences back a pronoun's antecedent may stand."""


def pronoun_subject(
    state: State, sentence: Sentence, trigger: Match, cuts: list[Match], grammar: Grammar
) -> tuple[str, int] | None:
    """ "He urged Russia to ...": the kind of pronoun that opens the trigger's clause, and
    where it stands."""
    if not grammar.persons and not grammar.others:
        return None
    start = clause_start(state, sentence, trigger, cuts)
    head = state.text[start : trigger.start]
    for kind, words in (("person", grammar.persons), ("other", grammar.others)):
        if not words:
            continue
        found = _opening_pronoun(grammar.openers, words).match(head)
        if found:
            return kind, start + found.start(1)
    return None


@functools.lru_cache(maxsize=64)
def _opening_pronoun(openers: tuple[str, ...], words: tuple[str, ...]) -> re.Pattern:
    """One of ``words`` opening a text, after any ``openers`` ("and", "but")."""
    lead = rf"(?:(?:{either(openers)})\s+)*" if openers else ""
    return re.compile(rf"\s*{lead}({either(words)})\b", re.IGNORECASE)


def _heads_sentence(state: State, start: int, mention: Mention) -> bool:
    return len(re.findall(r"\w+", state.text[start : mention.span.start])) <= 2


def antecedent(state: State, kind: str, before: int) -> Mention | None:
    """The actor a pronoun at ``before`` stands for: the last one named in this sentence or
    the ones just before it (a person for "he", "она")."""
    index = next(
        i
        for i, s in enumerate(state.sentences)
        if s.start <= before < s.end or i == len(state.sentences) - 1
    )
    first = state.sentences[max(0, index - ANTECEDENT_SENTENCES)].start
    own = state.sentences[index].start
    candidates = [
        m
        for m in state.mentions_in(first, before)
        if state.is_actor(m)
        and (
            m.via != "adjective"
            # "Russian officials said they ...": a plural pronoun may stand for the subject an
            # adjective of nationality opens, at the head of the pronoun's own sentence
            or (kind == "other" and m.span.start >= own and _heads_sentence(state, own, m))
        )
    ]
    if kind == "person":
        candidates = [m for m in candidates if state.entity(m).type == "Person"]
    own_sentence = [m for m in candidates if m.span.start >= own]
    if own_sentence or not candidates:
        return own_sentence[-1] if own_sentence else None
    grammar = grammar_of(state)
    words = grammar.persons if kind == "person" else grammar.others
    if index > 0 and words:
        previous_sentence = state.sentences[index - 1]
        head = state.text[previous_sentence.start : previous_sentence.end]
        if _opening_pronoun(grammar.openers, words).match(head):
            # "X arrived. He condemned the detention of Y. He also demanded": the pronouns
            # go on with one subject, named before the first of them
            return antecedent(state, kind, previous_sentence.start)
    # across sentences a subject pronoun takes up the last sentence's subject, its first actor
    # no preposition governs ("The Kremlin accused Kyiv. It demanded": the Kremlin)
    last = state.sentence_at(candidates[-1].span.start)
    previous = [m for m in candidates if m.span.start >= last.start]
    subjects = [
        m
        for m in previous
        if not governed(state, m, locatives(state), grammar_of(state))
        and not obliquely_governed(state, m)
        and not is_oblique(state, m)
    ]
    # a sentence whose actors are all governed ("the detention of President X") names no
    # subject for the pronoun to take up
    return subjects[0] if subjects else None
