"""Find many phrases in a text in one pass (Aho-Corasick over folded text).

A phrase matches at word boundaries, where a language may allow a clitic glued
before it (Arabic و ب ل ال) and an ending after it (Russian Брюссел-е).  The
same matcher serves the gazetteer and every lexicon of ``lang/<code>/``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Generic, NamedTuple, TypeVar

import ahocorasick

from diplograph.text.folding import Folded, fold_key, is_word_char

__all__ = ["Affixes", "Match", "Matcher", "select_longest"]

P = TypeVar("P")


@dataclass(frozen=True, slots=True)
class Affixes:
    """What a language lets stand glued before and after a word."""

    prefixes: frozenset[str] = frozenset()
    suffixes: frozenset[str] = frozenset()
    article: str | None = None
    """A prefix that belongs to the word it is glued to (Arabic ال): kept in the span."""


NO_AFFIXES = Affixes()


class Match(NamedTuple, Generic[P]):
    """A phrase found (a named tuple: matchers make tens of thousands a second)."""

    start: int
    """Start in the original text (after any clitic prefix)."""
    end: int
    """End in the original text (after any ending)."""
    key: str
    suffix: str
    payloads: tuple[P, ...]


class Matcher(Generic[P]):
    """A set of phrases, each with payloads, searchable in folded text.

    >>> from diplograph.text.folding import fold
    >>> m = Matcher([("said", "verb"), ("told", "verb")])
    >>> [(x.start, x.end, x.payloads) for x in m.find(fold("He said it"), "He said it")]
    [(3, 7, ('verb',))]
    """

    def __init__(self, phrases: Iterable[tuple[str, P]] = ()) -> None:
        self._keys: dict[str, list[P]] = {}
        for phrase, payload in phrases:
            self.add(phrase, payload)
        self._automaton: ahocorasick.Automaton | None = None

    def add(self, phrase: str, payload: P, *, key: str | None = None) -> None:
        key = fold_key(phrase) if key is None else key
        if key:
            self._keys.setdefault(key, []).append(payload)
            self._automaton = None

    def keys(self) -> dict[str, list[P]]:
        return self._keys

    def build(self) -> None:
        """Make the automaton now (else the first search makes it)."""
        self._built()

    def _built(self) -> ahocorasick.Automaton:
        if self._automaton is None:
            automaton = ahocorasick.Automaton()
            for key, payloads in self._keys.items():
                # Whether the key begins and ends with a letter or digit, asked of every hit.
                edges = (is_word_char(key[0]), is_word_char(key[-1]))
                automaton.add_word(key, (key, tuple(dict.fromkeys(payloads)), *edges))
            if len(automaton):
                automaton.make_automaton()
            self._automaton = automaton
        return self._automaton

    def __len__(self) -> int:
        return len(self._keys)

    def find(
        self, folded: Folded, original: str, affixes: Affixes = NO_AFFIXES
    ) -> Iterator[Match[P]]:
        """Every match in ``folded`` at word boundaries, in order of end position."""
        automaton = self._built()
        if not len(automaton):
            return
        text, index = folded.text, folded.index
        size, length = len(text), len(folded.index)
        prefixes, suffixes = affixes.prefixes, affixes.suffixes
        for last, (key, payloads, word_first, word_last) in automaton.iter(text):
            start, end = last - len(key) + 1, last + 1
            # Most hits are inside longer words ("us" in "because"): the neighbouring
            # characters tell (``isalnum`` is ``is_word_char``, inlined for this hot loop),
            # and the word edges are looked up only when an affix may stand there.
            word_start = start
            if word_first and start and text[start - 1].isalnum():
                if not prefixes:
                    continue
                word_start = folded.word_start(start)
                if text[word_start:start] not in prefixes:
                    continue
            suffix = ""
            if word_last and end < size and text[end].isalnum():
                if not suffixes:
                    continue
                suffix = text[end : folded.word_end(last)]
                if suffix not in suffixes:
                    continue
            word_end = end + len(suffix)
            if affixes.article and text[word_start:start].endswith(affixes.article):
                start -= len(affixes.article)
            # ``folded.start_of`` and ``end_of``, inlined
            first = index[start] if start < length else folded.original_length
            yield Match(first, index[word_end - 1] + 1 if word_end else 0, key, suffix, payloads)


def select_longest(matches: Iterable[Match], rank=lambda m: 0) -> list[Match]:
    """Non-overlapping matches, longest first, then by ``rank``, then leftmost.

    >>> a, b = Match(0, 10, "a", "", ()), Match(5, 8, "b", "", ())
    >>> select_longest([b, a]) == [a]
    True
    """
    chosen: list[Match] = []
    taken: set[int] = set()
    for match in sorted(matches, key=lambda m: (-(m.end - m.start), rank(m), m.start)):
        span = range(match.start, match.end)
        if taken.isdisjoint(span):
            chosen.append(match)
            taken.update(span)
    return sorted(chosen, key=lambda m: m.start)
