"""Name normalization for matching predicted labels with gold names and aliases."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalize_name"]

_ARABIC = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ـ": None,  # tatweel
    }
)
_WORD = re.compile(r"[^\W_]+")
_ARTICLE = "ال"


def normalize_name(text: str) -> str:
    """The key two names must share to match.

    Casefolded; diacritics, Arabic harakat and tatweel removed; Arabic alef, yeh and teh
    marbuta forms unified; the Arabic article ``ال`` removed from the start of each word;
    punctuation, dashes and spaces dropped.

    >>> normalize_name("U.S.") == normalize_name("US")
    True
    >>> normalize_name("Genève") == normalize_name("GENEVE")
    True
    >>> normalize_name("الأُمَمُ المتّحدة") == normalize_name("امم متحدة")
    True
    >>> normalize_name("Co-operation") == normalize_name("co operation")
    True
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.casefold().translate(_ARABIC)
    words = []
    for word in _WORD.findall(text):
        if word.startswith(_ARTICLE) and len(word) >= len(_ARTICLE) + 2:
            word = word[len(_ARTICLE) :]
        words.append(word)
    return "".join(words)
