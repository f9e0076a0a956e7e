"""The clause around a stance word: where it starts, what cancels the stance (a negation,
a question or condition), which prepositions govern an actor, and whether a first-person
pronoun speaks.  Shared by the holder search (``holders``) and ``find``."""

from __future__ import annotations

import re

from diplograph.extract.lexicon import alternation
from diplograph.extract.state import State
from diplograph.lang import Grammar
from diplograph.model import Mention
from diplograph.text.folding import Sentence
from diplograph.text.matcher import Match

__all__ = [
    "CLAUSE_PUNCTUATION",
    "PUNCTUATION",
    "actor_mentions",
    "clause_start",
    "either",
    "first_person_subject",
    "governed",
    "grammar_of",
    "locatives",
    "negated",
    "obliquely_governed",
    "questioned",
]


CLAUSE_PUNCTUATION = re.compile(r"[,;:،؛\"«»“”„()\[\]—–]")


PUNCTUATION = re.compile(r"[,;:،؛.!?؟()]")


QUESTION_REACH = 6
"""How many words may stand between a question word and the stance it questions."""


def locatives(state: State) -> tuple[str, ...]:
    return state.language.meeting_triggers.locatives if state.language else ()


def grammar_of(state: State) -> Grammar:
    return state.language.grammar if state.language else Grammar()


def either(pattern: tuple[str, ...]) -> str:
    """A regex alternation of ``pattern``'s words, longest first."""
    return alternation(pattern)


def actor_mentions(state: State, start: int, end: int) -> list[Mention]:
    return [m for m in state.mentions_in(start, end) if state.is_actor(m)]


def governed(state: State, mention: Mention, words: tuple[str, ...], grammar: Grammar) -> bool:
    """Whether a preposition governs ``mention`` ("in Egypt", "de l'Ukraine", "في موسكو"):
    then it is a place or a complement, not the subject of a stance."""
    if not words:
        return False
    before = state.text[max(0, mention.span.start - 30) : mention.span.start]
    articles = rf"(?:(?:{either(grammar.articles)})\s*)*" if grammar.articles else ""
    return bool(re.search(rf"(?:^|\W)(?:{either(words)})\s*{articles}$", before, re.IGNORECASE))


def obliquely_governed(state: State, mention: Mention) -> bool:
    if state.language is None:
        return False
    grammar = state.language.grammar
    markers = tuple(
        m for m in state.language.reporting_verbs.oblique_markers if m not in grammar.genitives
    )
    return governed(state, mention, (*markers, *locatives(state)), grammar)


def negated(
    state: State, negations: list[Match], trigger: Match, opening: int, grammar: Grammar
) -> bool:
    """A negation a few words before the trigger, in its clause, cancels it."""
    for n in negations:
        if not (opening <= n.start and n.end <= trigger.start):
            continue
        between = state.text[n.end : trigger.start]
        if len(re.findall(r"\w+", between)) <= grammar.negation_reach and not PUNCTUATION.search(
            between
        ):
            return True
    return False


def questioned(state: State, trigger: Match, sentence: Sentence) -> bool:
    """ "whether Russia is ready to", "ли РФ готова", "if NATO rejects": a question or a
    condition word before the trigger, in its clause, makes the stance asked about."""
    if state.language is None or not state.language.stance_triggers.questions:
        return False
    start = sentence.start
    for m in CLAUSE_PUNCTUATION.finditer(state.text, sentence.start, trigger.start):
        start = max(start, m.end())
    head = state.text[start : trigger.start]
    words = either(state.language.stance_triggers.questions)
    found = list(re.finditer(rf"(?:^|(?<=\W))(?:{words})(?=\W)", head, re.IGNORECASE))
    return bool(found) and len(re.findall(r"\w+", head[found[-1].end() :])) <= QUESTION_REACH


def clause_start(state: State, sentence: Sentence, trigger: Match, cuts: list[Match]) -> int:
    """Where the trigger's clause begins: after the last punctuation, complementizer or
    reporting verb before it."""
    start = sentence.start
    for m in CLAUSE_PUNCTUATION.finditer(state.text, sentence.start, trigger.start):
        start = max(start, m.end())
    for cut in cuts:
        if sentence.start <= cut.start and cut.end <= trigger.start:
            start = max(start, cut.end)
    return start


def first_person_subject(
    state: State, sentence: Sentence, trigger: Match, cuts: list[Match], grammar: Grammar
) -> bool:
    """Whether a first-person pronoun ("we", "мы", "nous") opens the trigger's clause: in a
    quote, the stance is the speaker's."""
    if state.language is None or not state.language.stance_triggers.first_person:
        return False
    start = clause_start(state, sentence, trigger, cuts)
    head = state.text[start : trigger.start]
    openers = rf"(?:(?:{either(grammar.openers)})\s+)*" if grammar.openers else ""
    words = either(state.language.stance_triggers.first_person)
    return bool(re.match(rf"\W*{openers}(?:{words})\b", head, re.IGNORECASE))
