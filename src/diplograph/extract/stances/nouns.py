"""Stance nouns: whether one follows an article or a possessive ("the proposal", "its
support", Arabic ال), the actor it belongs to ("the Russian proposal", "of Turkey", "russe",
"الأمريكية"; an adjective only on the side where the language puts adjectives) and the support
verb that takes it as its object ("expressed support").  The holder search
(``holders``) gives a noun after a possessive ("its commitment to") the clause's
subject, else its possessor, else the subject of its support verb, else nobody.
"""

from __future__ import annotations

import functools
import re

from diplograph.extract.stances.clauses import (
    PUNCTUATION,
    actor_mentions,
    either,
    obliquely_governed,
)
from diplograph.extract.state import State
from diplograph.lang import Grammar
from diplograph.model import Mention
from diplograph.text.folding import Sentence
from diplograph.text.matcher import Match

__all__ = ["nominal", "possessor", "support_verb"]


SUPPORT_REACH = 4
"""How many words (determiners, adjectives) may stand between a support verb and its noun."""


APOSTROPHES = ("'", "’")


ONE_WORD = re.compile(r"\s+\w+\s+")
GENITIVE_S = ("", "'s", "’s")


@functools.lru_cache(maxsize=64)
def _endings(words: tuple[str, ...]) -> tuple[re.Pattern | None, re.Pattern | None]:
    """Patterns for a text that ends with one of ``words``: a whole word and spaces ("le "),
    an elided one ("l'"); ``None`` where there are no such words."""
    whole = tuple(w for w in words if not w.endswith(APOSTROPHES))
    elided = tuple(w for w in words if w.endswith(APOSTROPHES))
    lead = r"(?:^|(?<=[\s(\"«“]))"
    return (
        re.compile(rf"{lead}(?:{either(whole)})\s+$", re.IGNORECASE) if whole else None,
        re.compile(rf"{lead}(?:{either(elided)})$", re.IGNORECASE) if elided else None,
    )


def _ends_with_word(text: str, words: tuple[str, ...]) -> bool:
    """Whether ``text`` ends with one of ``words`` ("le ", "l'")."""
    whole, elided = _endings(words)
    if whole is not None and whole.search(text):
        return True
    return elided is not None and bool(elided.search(text))


def possessor(state: State, trigger: Match, sentence: Sentence, grammar: Grammar) -> Mention | None:
    """The actor a stance noun belongs to: "the Russian proposal", "Russia's proposal",
    "the proposal of Russia", "le soutien russe", "المقترحات الروسية"."""
    sides = state.language.stance_triggers.adjective_side if state.language else ("before",)
    before = actor_mentions(state, max(sentence.start, trigger.start - 40), trigger.start)
    if before and (before[-1].via != "adjective" or "before" in sides):
        last = before[-1]
        gap = state.text[last.span.end : trigger.start]
        saxon = last.span.quote.endswith(("'s", "’s")) or gap.strip() in ("'s", "’s")
        if (not gap.strip() and last.via == "adjective") or (saxon and gap.strip() in GENITIVE_S):
            return last
        if (
            last.via == "adjective"
            and ONE_WORD.fullmatch(gap)
            and not obliquely_governed(state, last)
        ):
            # "Russian security proposals": one word may stand between, unless a preposition
            # makes the adjective's phrase another complement ("с российской стороной предложения")
            return last
    # "support for Russia", "opposition to NATO": the noun's own preposition takes its object
    last_word = trigger.key.split()[-1] if trigger.key.split() else ""
    obliques = state.language.reporting_verbs.oblique_markers if state.language else ()
    if len(trigger.key.split()) > 1 and last_word in {o.casefold() for o in obliques}:
        return None
    after = actor_mentions(state, trigger.end, min(sentence.end, trigger.end + 40))
    if after:
        first = after[0]
        gap = state.text[trigger.end : first.span.start].strip()
        words = (*grammar.genitives, *grammar.articles)
        pattern = rf"(?:(?:{either(words)})\s*)*" if words else ""
        if re.fullmatch(pattern, gap, re.IGNORECASE):
            return first
    return None


def nominal(state: State, trigger: Match, sentence: Sentence, grammar: Grammar) -> str | None:
    """Whether the trigger is a noun after a determiner: "article" ("the proposal", "le
    soutien", Arabic ال) or "possessive" ("its support", "son soutien")."""
    head = state.text[max(sentence.start, trigger.start - 30) : trigger.start]
    if _ends_with_word(head, grammar.possessives):
        return "possessive"
    # an adjective of nationality may stand between the article and the noun
    adjectives = [
        m for m in actor_mentions(state, sentence.start, trigger.start) if m.via == "adjective"
    ]
    if adjectives and not state.text[adjectives[-1].span.end : trigger.start].strip():
        head = state.text[
            max(sentence.start, adjectives[-1].span.start - 30) : adjectives[-1].span.start
        ]
    if _ends_with_word(head, grammar.articles):
        return "article"
    if state.language and state.language.orthography.article:
        article = state.language.orthography.article
        if state.text[trigger.start : trigger.end].startswith(article):
            return "article"
    return None


def support_verb(
    state: State,
    trigger: Match,
    sentence: Sentence,
    breaks: list[Match],
    supports: list[Match],
    stances: list[Match],
) -> Match | None:
    """The support verb that takes a stance noun as its object ("expressed ... support"):
    the last one before it in its clause, with no other stance word between."""
    verbs = [v for v in supports if sentence.start <= v.start and v.end <= trigger.start]
    if not verbs:
        return None
    verb = verbs[-1]
    if any(verb.end <= n.start and n.end <= trigger.start for n in stances):
        return None  # "expressed its rejection of the proposal": the first noun is the object
    between = state.text[verb.end : trigger.start]
    # the subject may stand between ("أبدت واشنطن استعدادها"): its words do not count
    names = sum(
        len(re.findall(r"\w+", m.span.quote))
        for m in actor_mentions(state, verb.end, trigger.start)
    )
    words = len(re.findall(r"\w+", between)) - names
    if (
        words <= SUPPORT_REACH
        and not PUNCTUATION.search(between)
        and not any(verb.end <= b.start and b.end <= trigger.start for b in breaks)
    ):
        return verb
    return None
