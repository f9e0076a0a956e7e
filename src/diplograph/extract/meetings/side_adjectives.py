"""Whether a nationality adjective in a meeting's sentence names a side or the topic.

"His Indonesian counterpart", "la délégation russe", "نظيره السعودي": the adjective sits on
a noun for who acts for a state (``side_nouns`` in ``meeting_triggers.yaml``) or on a title,
and its state takes part.  "To discuss North Korean issues", "الشطر الهندي من كشمير",
"la crise libyenne": on any other noun it tells what the talks are about.  On the meeting
word itself it names the sides ("US-Russian talks", "российско-американские консультации").
Adjectives in a row share their noun ("the Japanese and South Korean ministers").
"""

from __future__ import annotations

import functools
import re

from diplograph.extract.agents import matches
from diplograph.extract.lexicon import folded_words
from diplograph.extract.state import State
from diplograph.lang import load
from diplograph.model import Mention
from diplograph.text.folding import fold_key

__all__ = ["is_topic_adjective"]

REACH = 40
"""How far (in characters) a run of adjectives and conjunctions may go to reach its noun."""


@functools.cache
def _side_nouns(code: str) -> tuple[re.Pattern, re.Pattern] | None:
    """Patterns for a folded side noun at the start and at the end of a text."""
    nouns = {fold_key(n) for n in load(code).meeting_triggers.side_nouns} - {""}
    if not nouns:
        return None
    either = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
    return re.compile(rf"(?:{either})(?!\w)"), re.compile(rf"(?:^|\W|و)(?:{either})$")


@functools.cache
def _joiners(code: str) -> frozenset[str]:
    language = load(code)
    return folded_words((*language.grammar.conjunctions, *language.grammar.articles))


def is_topic_adjective(state: State, mention: Mention) -> bool:
    """``mention`` is a nationality adjective on a noun that names no side (see module)."""
    if mention.via != "adjective" or state.language is None:
        return False
    code = state.language.code
    nouns = _side_nouns(code)
    if not nouns:
        return False
    if "after" in state.language.stance_triggers.adjective_side:
        return not _side_before(state, mention, nouns, _joiners(code))
    return not _side_after(state, mention, nouns, _joiners(code))


def _side_after(state: State, mention: Mention, nouns, joiners) -> bool:
    """English, German, Russian: the noun follows the adjective (and its neighbours)."""
    adjectives = {m.span.start: m.span.end for m in state.mentions if m.via == "adjective"}
    at, stop = mention.span.end, mention.span.end + REACH
    while at < stop:
        gap = re.match(r"[\s,\-‐–]*", state.text[at:]).end()
        at += gap
        if at in adjectives:
            at = adjectives[at]
            continue
        word = re.match(r"[\w-]+", state.text[at:])
        if word and fold_key(word.group()) in joiners:
            at += word.end()
            continue
        break
    heads = [*state.titles, *matches(state, "meeting_triggers")]
    # the head noun may stand after the capitalized words of a name: "the U.S.-Russian
    # Strategic Stability Dialogue"
    name = re.match(r"(?:[A-ZА-ЯЁ][\w-]*\s+){0,3}", state.text[at : at + REACH])
    if any(t.start in (at, at + name.end()) for t in heads):
        return True
    return bool(nouns[0].match(fold_key(state.text[at : at + 40])))


def _side_before(state: State, mention: Mention, nouns, joiners) -> bool:
    """Arabic, French, Spanish: the noun comes before the adjective (and its neighbours)."""
    adjectives = {m.span.end: m.span.start for m in state.mentions if m.via == "adjective"}
    at, stop = mention.span.start, max(0, mention.span.start - REACH)
    while at > stop:
        gap = len(state.text[:at]) - len(state.text[:at].rstrip(" \t,،-‐–"))
        at -= gap
        if at in adjectives:
            at = adjectives[at]
            continue
        word = re.search(r"[\w-]+$", state.text[:at])
        if word and fold_key(word.group()) in joiners:
            at = word.start()
            continue
        break
    heads = [*state.titles, *matches(state, "meeting_triggers")]
    if any(t.end == at for t in heads):
        return True
    return bool(nouns[1].search(fold_key(state.text[max(0, at - 40) : at])))
