"""Tell which of the known languages a text is written in.

Pure data: the script of each language and its frequent words come from
``lang/<code>/orthography.yaml`` (``script`` and ``common_words``), so a new
language folder is identified without touching this module.

The dominant script is decided by counting letters; among the languages written
in that script, the one whose common words occur most often wins.  A word that
several of those languages list (``de``, ``la``, ``que``) counts for each of them
in proportion, so distinctive words decide; ties go to the first code in
alphabetical order.

>>> identify("Der Außenminister sagte am Mittwoch, dass die Gespräche in Genf weitergehen.")
'de'
>>> identify("قال وزير الخارجية إن المحادثات مع الناتو كانت صعبة.")
'ar'
>>> identify("Глава МИД России заявил, что переговоры будут продолжены.")
'ru'
>>> identify("12/01/2022 - 10:45") is None
True
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from diplograph.lang import Orthography, available_languages, load

__all__ = ["SAMPLE_CHARS", "identify", "script_of"]

SAMPLE_CHARS = 2000
"""How much of the text is looked at: the beginning is enough, and keeps long texts cheap."""

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class _Profile:
    code: str
    script: str
    fold: dict[int, str | None]
    common: frozenset[str]

    def tokens(self, text: str) -> list[str]:
        """The words of ``text``, folded as this language folds them."""
        folded = text.casefold()
        # An empty table changes nothing, but str.translate would still visit every character.
        return _WORD.findall(folded.translate(self.fold) if self.fold else folded)


def _fold_table(orthography: Orthography) -> dict[int, str | None]:
    """A ``str.translate`` table: strip the stripped marks, map the mapped letters."""
    table: dict[int, str | None] = {ord(c): None for c in orthography.strip if len(c) == 1}
    for source, target in orthography.letter_map.items():
        if len(source) == 1:
            table[ord(source.casefold())] = target.casefold()
    return table


@functools.cache
def _profiles() -> tuple[_Profile, ...]:
    profiles = []
    for code in available_languages():
        orthography = load(code).orthography
        fold = _fold_table(orthography)
        common = frozenset(
            token
            for word in orthography.common_words
            for token in _WORD.findall(word.casefold().translate(fold))
        )
        profiles.append(_Profile(code, orthography.script, fold, common))
    return tuple(profiles)


def script_of(char: str) -> str | None:
    """The script of a letter, named as in ``orthography.yaml``; None for a non-letter.

    >>> script_of("ж"), script_of("é"), script_of("ب"), script_of("7"), script_of("-")
    ('Cyrillic', 'Latin', 'Arabic', None, None)
    """
    return _script_of(char)


@functools.lru_cache(maxsize=8192)
def _script_of(char: str) -> str | None:
    # Cached: unicodedata.name is slow and a text uses few distinct letters.
    if not char.isalpha():
        return None
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0].title() or None


def identify(text: str) -> str | None:
    """The code of the language ``text`` is written in, among ``available_languages()``.

    Returns None when the text has no letters, or when most of its letters are in a
    script that none of the languages uses.

    >>> identify("Le ministre a déclaré que les discussions se poursuivraient.")
    'fr'
    >>> identify("El ministro dijo que las conversaciones con la OTAN fueron útiles.")
    'es'
    >>> identify("The minister said that the talks had been useful.")
    'en'
    >>> identify("") is None
    True
    """
    sample = text[:SAMPLE_CHARS]
    letters = Counter(sample)
    scripts: Counter[str] = Counter()
    for char, count in letters.items():
        script = _script_of(char)
        if script is not None:
            scripts[script] += count
    if not scripts:
        return None
    dominant, _ = scripts.most_common(1)[0]
    candidates = _written_in(dominant)
    if not candidates:
        return None
    if len(candidates) == 1:
        return candidates[0].code
    sharing = _sharing(dominant)
    # Languages that fold alike (most Latin ones fold nothing) read the same words.
    words: dict[tuple, list[str]] = {}

    def score(profile: _Profile) -> float:
        key = tuple(profile.fold.items())
        if key not in words:
            words[key] = profile.tokens(sample)
        return sum(1 / sharing[t] for t in words[key] if t in profile.common)

    return max(candidates, key=score).code


@functools.cache
def _written_in(script: str) -> list[_Profile]:
    return [p for p in _profiles() if p.script == script]


@functools.cache
def _sharing(script: str) -> Counter[str]:
    """How many of the languages written in ``script`` list each common word."""
    return Counter(word for p in _written_in(script) for word in p.common)
