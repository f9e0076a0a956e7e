"""Text utilities that keep every offset pointing into the original text.

Matching happens on a *folded* copy of the text (case folded, diacritics and
Arabic harakat removed, letter variants unified, dashes turned into spaces,
runs of spaces collapsed) together with an index that maps each folded
character back to the original one.  Extractors search the folded text and
report spans of the original.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from diplograph.lang import available_languages, load

__all__ = [
    "Folded",
    "Sentence",
    "Token",
    "fold",
    "fold_key",
    "opens_line",
    "sentences",
    "tokens",
    "words",
]

DASHES = frozenset("-‐‑‒–—―−_/")
# Double quotes and guillemets become spaces too, so that «مجلس " روسيا - الناتو"»
# still reads as the name it is.
QUOTE_MARKS = frozenset('"«»“”„‟')
SPACE_LIKE = frozenset(
    "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
)
INVISIBLE = frozenset(
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u0640"
)


@functools.cache
def _orthography_tables() -> tuple[dict[str, str], frozenset[str]]:
    """The letter maps and stripped characters of every language, merged.

    One folding for all languages lets one automaton hold every alphabet's names.
    """
    letter_map: dict[str, str] = {}
    strip: set[str] = set()
    for code in available_languages():
        orthography = load(code).orthography
        letter_map.update(orthography.letter_map)
        strip.update(orthography.strip)
    return letter_map, frozenset(strip)


def _fold_char(char: str) -> str:
    letter_map, strip = _orthography_tables()
    if char in strip or char in INVISIBLE:
        return ""
    if char in DASHES or char in QUOTE_MARKS or char in SPACE_LIKE or char.isspace():
        return " "
    char = letter_map.get(char, char)
    decomposed = unicodedata.normalize("NFD", char)
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    folded = base.casefold()
    return "".join(letter_map.get(c, c) for c in folded)


@dataclass(frozen=True)
class Folded:
    """A folded text and, for each of its characters, the offset it came from."""

    text: str
    index: tuple[int, ...]
    original_length: int

    def start_of(self, i: int) -> int:
        """Original offset of folded position ``i`` (a span start)."""
        return self.index[i] if i < len(self.index) else self.original_length

    def end_of(self, j: int) -> int:
        """Original offset just after folded position ``j - 1`` (a span end)."""
        return self.index[j - 1] + 1 if j > 0 else 0

    def word_start(self, i: int) -> int:
        """Where the word holding position ``i`` starts."""
        breaks = self._breaks
        k = bisect.bisect_left(breaks, i)
        return breaks[k - 1] + 1 if k else 0

    def word_end(self, i: int) -> int:
        """Where the word holding position ``i`` ends."""
        breaks = self._breaks
        k = bisect.bisect_left(breaks, i)
        return breaks[k] if k < len(breaks) else len(self.text)

    @functools.cached_property
    def _breaks(self) -> list[int]:
        # Positions of the characters that are not part of words, found once per text
        # (in C, by the regex engine), so that matchers find word edges by bisection.
        return [m.start() for m in NON_WORD.finditer(self.text)]

    def masked(self, spans: list[tuple[int, int]]) -> Folded:
        """The same folded text with the original ``spans`` blanked out (one space each).

        >>> f = fold("le ministre russe des affaires")
        >>> f.masked([(12, 17)]).text
        'le ministre des affaires'
        """
        text, index = self.text, list(self.index)
        chars = list(text)
        for start, end in sorted(spans, reverse=True):
            first = bisect.bisect_left(index, start)
            last = bisect.bisect_left(index, end)
            if first >= last:
                continue
            left_space = first > 0 and chars[first - 1] == " "
            right_space = last < len(chars) and chars[last] == " "
            if left_space or right_space:
                del chars[first:last], index[first:last]
                if left_space and right_space:
                    del chars[first], index[first]
            else:
                chars[first:last], index[first:last] = [" "], [index[first]]
        return Folded("".join(chars), tuple(index), self.original_length)


NON_WORD = re.compile(r"[\W_]")
SPACE_RUN = re.compile(r" {2,}")
_FOLDED: dict[str, str] = {}
"""Each character's folded form, filled as characters are met (a text uses few)."""


def _folded_chars(text: str) -> list[str]:
    """The folded form of each character of ``text``."""
    table = _FOLDED
    parts = [table.get(c) for c in text]
    if None in parts:
        for i, part in enumerate(parts):
            if part is None:
                parts[i] = table[text[i]] = _fold_char(text[i])
    return parts


def fold(text: str) -> Folded:
    """Fold ``text`` for matching, keeping the way back to original offsets.

    >>> f = fold("Le  Président-Élu")
    >>> f.text
    'le president elu'
    >>> f.start_of(3), f.end_of(12)
    (4, 13)
    """
    parts = _folded_chars(text)
    out: list[str] = []
    index: list[int] = []
    space = True  # no space at the start, none twice in a row
    for i, part in enumerate(parts):
        if part == " ":
            if space:
                continue
            space = True
            out.append(part)
            index.append(i)
        elif len(part) == 1:
            space = False
            out.append(part)
            index.append(i)
        elif part:
            for c in part:
                if c == " " and space:
                    continue
                space = c == " "
                out.append(c)
                index.append(i)
    return Folded("".join(out), tuple(index), len(text))


@functools.lru_cache(maxsize=65536)
def fold_key(text: str) -> str:
    """The folded form of a name, for lookups: ``fold(text).text`` without the offsets,
    which the gazetteer does not need for its hundred thousand names.

    >>> fold_key("  Brüssel ") == fold_key("brussel")
    True
    >>> fold_key("الأمين") == fold_key("الامين")
    True
    >>> fold_key("Le  Président-Élu") == fold("Le  Président-Élu").text
    True
    """
    return SPACE_RUN.sub(" ", "".join(_folded_chars(text))).strip()


def is_word_char(char: str) -> bool:
    return char.isalnum()


class Token(NamedTuple):
    """A word or punctuation mark (a named tuple: extractors make tens of thousands)."""

    start: int
    end: int
    text: str


TOKEN = re.compile(r"\w+(?:[.'’]\w+)*\.?|[^\w\s]", re.UNICODE)


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Word and punctuation tokens of ``text[start:end]``, with original offsets.

    >>> [t.text for t in tokens("U.S. envoy, said: «yes»")]
    ['U.S.', 'envoy', ',', 'said', ':', '«', 'yes', '»']
    """
    end = len(text) if end is None else end
    # ``_make`` from a tuple is twice as fast as calling the class.
    return [Token._make((*m.span(), m.group())) for m in TOKEN.finditer(text, start, end)]


def words(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """The texts of :func:`tokens`, without making tokens.

    >>> words("U.S. envoy, said")
    ['U.S.', 'envoy', ',', 'said']
    """
    return TOKEN.findall(text, start, len(text) if end is None else end)


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


# "(Sputnik - 12 January 2022)" or "GENEVA, Jan 10 (Reuters) -" opening a paragraph: the
# dateline is not part of the first sentence (its agency did not attend the meeting).
DATELINE = re.compile(
    r"(?:^|(?<=\n))[^\n.!?()]{0,40}(?:\([^()\n]{2,120}\)\s*[-–—]|\([^()\n]{0,120}\d[^()\n]{0,120}\))(?=\s)"
)
ABBREVIATION = re.compile(
    r"(?:\b[A-ZА-Я]\.|\b(?:Mr|Mrs|Ms|Dr|Gen|Col|Jan|Feb|Aug|Sept?|Oct|Nov|Dec|St|No|vs|etc|M|Mme|г|гг|т\.е)\.)$"
)


def sentences(text: str, sentence_end: str = r"[.!?؟]") -> Iterator[Sentence]:
    """Split ``text`` into sentences at line breaks and sentence-final marks.

    A mark followed by a lower-case letter, or ending a known abbreviation,
    does not end the sentence.

    >>> text = "NATO met Russia. U.S. envoy Wendy Sherman spoke.\\nNew line"
    >>> [text[s.start:s.end] for s in sentences(text)]
    ['NATO met Russia.', 'U.S. envoy Wendy Sherman spoke.', 'New line']
    """
    start = 0
    for match in _boundaries(text, sentence_end):
        end = match.end()
        if match.group().startswith("\n"):
            end = match.start()
        elif DATELINE.fullmatch(match.group()):
            pass
        else:
            following = text[end : end + 3].lstrip()
            if following[:1].islower() or ABBREVIATION.search(text[start : match.start() + 1]):
                continue
        yield from _trimmed(text, start, end)
        start = match.end()
    yield from _trimmed(text, start, len(text))


@functools.lru_cache(maxsize=16)
def _boundary(sentence_end: str) -> tuple[re.Pattern, re.Pattern | None]:
    """Where a sentence may end, and where such a place can begin (``None``: anywhere)."""
    # A mark followed by a space ends a sentence; so does one glued to the next sentence's
    # capitalized word ("Paris.Le ministre"), which an acronym ("U.S.A") never is.
    boundary = re.compile(
        rf"(?:{sentence_end})+[\"'»”’)\]]*(?=\s)|[.!?](?=[A-ZА-ЯЁ][a-zа-яё])|\n+|{DATELINE.pattern}"
    )
    first = _first_chars(sentence_end)
    if first is None:
        return boundary, None
    # The first character of a sentence end, a mark, a line break, or a line's start (the
    # dateline).
    chars = "".join(re.escape(c) for c in sorted(first | set(".!?\n")))
    return boundary, re.compile(rf"[{chars}]|^|(?<=\n)")


def _boundaries(text: str, sentence_end: str) -> Iterator[re.Match]:
    """``_boundary(sentence_end)`` found in ``text`` as ``finditer`` finds it, but tried
    only where a boundary can begin: the regex engine would try every alternative (and
    each language's look-behinds for abbreviations) at every character."""
    boundary, starts = _boundary(sentence_end)
    if starts is None:
        yield from boundary.finditer(text)
        return
    done = 0
    for candidate in starts.finditer(text):
        at = candidate.start()
        if at >= done and (match := boundary.match(text, at)):
            yield match
            done = match.end()


def _first_chars(pattern: str) -> frozenset[str] | None:
    r"""The characters a match of ``pattern`` can begin with, read from its parse tree;
    ``None`` where that is not simply told (a pattern that may match nothing, ignore case,
    a negated class or category...).

    >>> sorted(_first_chars(r"(?<!\bMr)[.!?]+(?=\s)"))
    ['!', '.', '?']
    >>> _first_chars(r"\w+") is None
    True
    """
    parser = getattr(re, "_parser", None)  # CPython's own regex parser (3.11+)
    if parser is None:
        return None
    try:
        parsed = parser.parse(pattern)
    except re.error:
        return None
    if parsed.state.flags & re.IGNORECASE:
        return None
    return _first_of(list(parsed))


def _first_of(items: list) -> frozenset[str] | None:
    constants = re._constants
    for op, value in items:
        if op in (constants.ASSERT, constants.ASSERT_NOT, constants.AT):
            continue  # takes no character
        if op is constants.LITERAL:
            return frozenset(chr(value))
        if op is constants.IN:
            chars: set[str] = set()
            for kind, item in value:
                if kind is constants.LITERAL:
                    chars.add(chr(item))
                elif kind is constants.RANGE and item[1] - item[0] < 256:
                    chars.update(chr(c) for c in range(item[0], item[1] + 1))
                else:
                    return None
            return frozenset(chars)
        if op is constants.BRANCH:
            branches = [_first_of(list(branch)) for branch in value[1]]
            if any(b is None for b in branches):
                return None
            return frozenset().union(*branches)
        if op is constants.SUBPATTERN:
            if value[1] & re.IGNORECASE:
                return None
            return _first_of(list(value[3]))
        if op in (constants.MAX_REPEAT, constants.MIN_REPEAT) and value[0] >= 1:
            return _first_of(list(value[2]))
        return None
    return None  # nothing that takes a character: may match the empty string


def _trimmed(text: str, start: int, end: int) -> Iterator[Sentence]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield Sentence(start, end)


def opens_line(text: str, start: int) -> bool:
    """Whether nothing but blanks stands between the line's start and ``start`` (a
    dateline's city, "GENEVA, Jan 10 -")."""
    return not text[text.rfind("\n", 0, start) + 1 : start].strip()
