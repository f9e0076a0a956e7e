"""A key that a person's name keeps across scripts: غروشكو, جروشكو, Грушко and Grushko.

The name is read into Latin letters (each script's ``romanization`` in
``lang/<code>/orthography.yaml``), then reduced to its consonants, with the consonants that
transliterations swap for one another taken as one: Arabic writes no short vowels and has
no "p", "v" or "g" (بوتين, لافروف, غروشكو), Russian and the Latin alphabets spell one sound
several ways (sh, ch, sch; kh, h; j, g).  The key of a full name is the key of its first
word and of its last: "Alexander Viktorovich Grushko" and ألكسندر غروشكو agree.

No library fits: transliteration packages (unidecode, anyascii) read Arabic letter by
letter into forms no newspaper writes, and phonetic keys (Soundex, Metaphone) are made for
English spellings.  The reduction is coarse on purpose: two names that differ only in
vowels (Mahmoud, Mohammed) get one key, so a key is a candidate link, not a proof; it
joins only persons that the knowledge base does not know.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from diplograph.lang import available_languages, load

__all__ = ["name_key", "spelling_key", "word_key"]

# Spellings of one sound, longest first: each becomes one letter of the key.
SOUNDS = (
    ("shch", "s"),
    ("tsch", "s"),
    ("dzh", "g"),
    ("sch", "s"),
    ("tch", "s"),
    ("tsh", "s"),
    ("sh", "s"),
    ("ch", "s"),
    ("zh", "s"),
    ("ts", "s"),
    ("tz", "s"),
    ("kh", "k"),
    ("gh", "g"),
    ("dj", "g"),
    ("ph", "f"),
    ("th", "t"),
    ("dh", "d"),
    ("ck", "k"),
    ("ou", "u"),
)
LETTERS_TABLE = {"z": "s", "j": "g", "q": "k", "c": "k", "x": "ks", "p": "b", "v": "f"} | {
    vowel: "" for vowel in "aeiouyw"
}
LETTERS = str.maketrans(LETTERS_TABLE)
CONSONANTS = str.maketrans({k: v for k, v in LETTERS_TABLE.items() if k not in "aeiouyw"})
_PARTICLE_WORDS = """al el ad an ar as ash at az ibn bin ben bint abu abou ould
de da di del della van von der le la"""
PARTICLES = frozenset(_PARTICLE_WORDS.split())
"""Words of a name that transliterations keep or drop at will ("al-Safadi", الصفدي)."""
ARABIC_ARTICLE = "ال"
WORD_BREAK = re.compile(r"[\s\-‐‑]+")


@functools.cache
def _romanization() -> dict[str, str]:
    table: dict[str, str] = {}
    for code in available_languages():
        table.update(load(code).orthography.romanization)
    return table


def word_key(word: str) -> str:
    """The consonants of one word of a name, as :mod:`this module <diplograph.text.names>`
    reduces them.

    >>> [word_key(w) for w in ("Grushko", "Грушко", "غروشكو", "جروشكو")]
    ['grsk', 'grsk', 'grsk', 'grsk']
    >>> [word_key(w) for w in ("Lavrov", "Лавров", "لافروف")]
    ['lfrf', 'lfrf', 'lfrf']
    """
    return re.sub(r"(.)\1+", r"\1", _sounds(word).translate(LETTERS))


def _sounds(word: str) -> str:
    """``word`` in lower-case Latin letters, each sound spelt with one letter (its article
    dropped): what both keys reduce further."""
    if len(word) > 4 and word.startswith(ARABIC_ARTICLE):
        word = word[len(ARABIC_ARTICLE) :]
    table = _romanization()
    latin = "".join(table.get(char, char) for char in word.lower())
    latin = unicodedata.normalize("NFKD", latin).encode("ascii", "ignore").decode()
    latin = re.sub(r"[^a-z]", "", latin)
    for spelling, sound in SOUNDS:
        latin = latin.replace(spelling, sound)
    return latin


VOWELS = str.maketrans({"o": "u", "w": "u", "e": "i", "y": "i"})


def spelling_key(name: str) -> str:
    """A finer key for a place's name written in another script: its consonants as
    :func:`word_key` reduces them, and its vowels as three classes (a; i and e; u and o).
    Names of foreign places in Arabic write their vowels (سوتشي, كراسنودار), so a town
    the gazetteer knows only in Latin letters can be found by it; where Arabic leaves a
    vowel out (جنيف, Geneva) the keys differ, and nothing is linked.

    >>> spelling_key("Sochi") == spelling_key("سوتشي") == spelling_key("Сочи")
    True
    >>> spelling_key("Krasnodar") == spelling_key("كراسنودار")
    True
    >>> spelling_key("Geneva") == spelling_key("جنيف")
    False
    """
    words = [w for w in WORD_BREAK.split(name.strip()) if w]
    return "-".join(_spelling(word) for word in words)


def _spelling(word: str) -> str:
    key = _sounds(word).translate(CONSONANTS).translate(VOWELS)
    return re.sub(r"(.)\1+", r"\1", key)


def name_key(name: str) -> str | None:
    """The key of a full name: its first and last words' keys; ``None`` for a single word
    (a surname alone links nothing) or a word with no consonant left.

    >>> name_key("Alexander Grushko") == name_key("ألكسندر غروشكو") == name_key("Александр Грушко")
    True
    >>> name_key("Ayman al-Safadi") == name_key("أيمن الصفدي")
    True
    >>> name_key("Anna Kowalska") == name_key("Maria Kowalska")
    False
    >>> name_key("Grushko") is None
    True
    """
    words = [w for w in WORD_BREAK.split(name.strip()) if w and w.lower() not in PARTICLES]
    if len(words) < 2:
        return None
    first, last = word_key(words[0]), word_key(words[-1])
    if not first or not last:
        return None
    return f"{first}-{last}"
