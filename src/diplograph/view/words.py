"""The words of the views in the reader's language, falling back to English word by word.

The words themselves are data: ``lang/<code>/view.yaml``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from babel import Locale

from diplograph.lang import available_languages, load

__all__ = ["Words", "words_for"]


@dataclass(frozen=True)
class Words:
    """Page chrome (``words``), node kinds and stance verbs in one language."""

    lang: str
    words: dict[str, str] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)
    stances: dict[str, str] = field(default_factory=dict)

    def __getitem__(self, key: str) -> str:
        return self.words.get(key, key)

    def count(self, key: str, n: int) -> str:
        """``"reported_by"`` with 3 → ``"reported by 3 articles"`` (digits as the language
        writes them: 1,200 in English, 1 200 in French)."""
        return self[key].replace("{n}", _number(n, self.lang))

    def kind(self, kind: str) -> str:
        return self.kinds.get(kind, kind)

    def stance(self, notation: str) -> str:
        return self.stances.get(notation, notation.lower())


@functools.cache
def _locale(lang: str) -> Locale:
    return Locale.parse(lang)


def _number(n: int, lang: str) -> str:
    # babel.numbers.format_decimal parses the locale on every call (1 ms); keep it parsed.
    locale = _locale(lang)
    return locale.decimal_formats[None].apply(n, locale)


@functools.cache
def words_for(lang: str) -> Words:
    """The view words for ``lang`` (``"ar"``, ``"fr-CA"``...), English where it has none.

    Examples
    --------
    >>> words_for("en").stance("REJECT"), words_for("xx").kind("meeting")
    ('rejects', 'meeting')
    >>> words_for("en").count("reported_by", 3)
    'reported by 3 articles'
    """
    english = load("en").view
    code = lang.lower().split("-")[0]
    own = load(code).view if code in available_languages() and code != "en" else english
    return Words(
        lang=code if code in available_languages() else "en",
        words={**english.words, **own.words},
        kinds={**english.kinds, **own.kinds},
        stances={**english.stances, **own.stances},
    )
