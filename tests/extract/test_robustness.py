"""Extraction never crashes, quotes its spans exactly and is deterministic, whatever the text.

Two kinds of generated text: arbitrary Unicode (bidi marks, NUL, combining marks, long
lines, mixed scripts, Arabic-Indic digits, typographic quotes), and "near misses":
random concatenations of real gazetteer names, month names, titles and triggers from
``lang/<code>/`` with random separators, which drive the matchers much harder.
"""

from __future__ import annotations

import datetime as dt
import functools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from diplograph.extract.pipeline import extract
from diplograph.lang import available_languages, load
from diplograph.model import Document, Extraction, Span
from diplograph.resolve.gazetteer import gazetteer

SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
LANGS = st.sampled_from([None, *available_languages()])
PUBLISHED = st.none() | st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))

# --- arbitrary Unicode ---------------------------------------------------------------

SPECIALS = (
    "\u200f",  # right-to-left mark
    "\u200e",  # left-to-right mark
    "\u202b",  # right-to-left embedding
    "\u202c",  # pop directional formatting
    "\u2067",  # right-to-left isolate
    "\u200b",  # zero-width space
    "\u200d",  # zero-width joiner
    "\ufeff",  # byte-order mark
    "\u0640",  # Arabic tatweel
    "\x00",
    "\u0301",  # combining acute
    "\u064e",  # Arabic fatha
    "\u0651",  # Arabic shadda
    "\u2028",  # line separator
    "\r\n",
    "«",
    "»",
    "“",
    "”",
    "„",
    "‘",
    "’",
    '"',
    "'",
    "٢٠٢٢",
    "١٢",
    "۱۴۰۱",
    "2022",
    "12.01.2022",
    "9-10",
    "–",
    "—",
    "،",
    "؟",
    ".",
    "...",
    "…",
    "ß",
    "İ",
    "ﬁ",
    "Ⅻ",
    "𝐍𝐀𝐓𝐎",
    "\U0001f1f7\U0001f1fa",
)
SCRIPTS = st.sampled_from(
    [
        st.characters(min_codepoint=0x20, max_codepoint=0x7E),  # ASCII
        st.characters(min_codepoint=0xC0, max_codepoint=0x24F),  # Latin with diacritics
        st.characters(min_codepoint=0x600, max_codepoint=0x6FF),  # Arabic
        st.characters(min_codepoint=0x400, max_codepoint=0x4FF),  # Cyrillic
        st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF),  # CJK
        st.characters(min_codepoint=0x300, max_codepoint=0x36F),  # combining marks
        st.characters(codec="utf-8"),  # anything but surrogates
    ]
).flatmap(lambda chars: st.text(chars, min_size=1, max_size=30))
LONG_LINES = st.builds(lambda piece, n: piece * n, SCRIPTS, st.integers(100, 400))
PIECES = st.one_of(
    st.sampled_from(SPECIALS),
    SCRIPTS,
    st.sampled_from([" ", "\n", "\n\n", "\t"]),
    st.text(st.characters(codec="utf-8"), max_size=20),
    LONG_LINES,
)
UNICODE_TEXT = st.lists(PIECES, min_size=1, max_size=40).map("".join).filter(bool)

# --- near misses ---------------------------------------------------------------------


@functools.cache
def _vocabulary(code: str | None) -> tuple[str, ...]:
    """Words the matchers look for: one language's lexicons, or every language's."""
    codes = available_languages() if code is None else (code,)
    words: set[str] = set()
    for c in codes:
        lang = load(c)
        words.update(n for m in lang.months.months for n in m.names)
        words.update(n for w in lang.months.weekdays for n in w.names)
        words.update(n for names in lang.months.relative.model_dump().values() for n in names)
        words.update(lang.months.day_prefixes + lang.months.year_suffixes)
        words.update(lang.months.range_joiners)
        words.update(f for t in lang.titles.titles for f in t.forms)
        words.update(lang.titles.ranks)
        words.update(lang.reporting_verbs.verbs + lang.reporting_verbs.relays)
        words.update(lang.reporting_verbs.clause_breaks)
        words.update(lang.meeting_triggers.triggers + lang.meeting_triggers.locatives)
        words.update(w for ws in lang.stance_triggers.stances.values() for w in ws)
        words.update(lang.stance_triggers.negations)
        words.update(a for forms in lang.nationalities.adjectives.values() for a in forms)
        words.update(lang.orthography.prefixes + lang.orthography.suffixes)
    return tuple(sorted(w for w in words if w))


@functools.cache
def _names() -> tuple[str, ...]:
    """Every name the gazetteer knows, as written in its sources."""
    return tuple(
        sorted({alias.form for aliases in gazetteer().names.keys().values() for alias in aliases})
    )


SEPARATORS = st.sampled_from(
    [" ", "", " ", ", ", ". ", "-", " - ", "–", "\n", "\n\n", "«", "»", "“", "”", '"', "'",
     " و", "و", "ب", "ال", "، ", "؟ ", "(", ")", "/", ": ", "\u200f", "\u202b", "\x00",
     "\u0301", "’s ", "-е ", "е ", "у ", " ٢٠٢٢ ", " 12 ", "."]
)  # fmt: skip
NUMBERS = st.one_of(
    st.integers(0, 40).map(str),
    st.integers(1, 9999).map(str),
    st.integers(1, 31).map(lambda n: str(n).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))),
)


def _near_miss(code: str | None) -> st.SearchStrategy[str]:
    words = st.one_of(
        st.deferred(lambda: st.sampled_from(_vocabulary(code))),
        st.deferred(lambda: st.sampled_from(_vocabulary(None))),
        st.deferred(lambda: st.sampled_from(_names())),
        NUMBERS,
    )
    piece = st.tuples(words, SEPARATORS).map("".join)
    return st.lists(piece, min_size=1, max_size=60).map("".join).filter(str.strip)


NEAR_MISS = LANGS.flatmap(lambda code: st.tuples(st.just(code), _near_miss(code)))

# --- checks --------------------------------------------------------------------------


def _spans(value):
    """Every span in a record, however deeply nested."""
    if isinstance(value, Span):
        yield value
    elif isinstance(value, BaseModel):
        for field in value.__dict__.values():
            yield from _spans(field)
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _spans(item)


def _check(text: str, lang: str | None, published: dt.date | None) -> Extraction:
    doc = Document(text=text, lang=lang, published=published)
    result = extract(doc)
    assert isinstance(result, Extraction)
    assert result.document.text == text
    spans = [*_spans(result.mentions), *_spans(result.events)]
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start : span.end] == span.quote
    for event in result.events:
        assert text[event.evidence.start : event.evidence.end] == event.evidence.quote
        assert text[event.trigger.start : event.trigger.end] == event.trigger.quote
    again = extract(doc)
    assert again == result, "extraction is not deterministic"
    return result


@SETTINGS
@given(text=UNICODE_TEXT, lang=LANGS, published=PUBLISHED)
def test_robustness_arbitrary_unicode(text, lang, published):
    _check(text, lang, published)


@SETTINGS
@given(case=NEAR_MISS, published=PUBLISHED)
def test_robustness_near_miss(case, published):
    lang, text = case
    _check(text, lang, published)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=NEAR_MISS, published=st.none() | st.dates())
def test_robustness_near_miss_any_date(case, published):
    """Publication dates at the ends of the calendar (year 1, year 9999)."""
    lang, text = case
    _check(text, lang, published)


def test_robustness_example_sentences_with_marks():
    """Each language's own example sentence, with bidi marks and NUL inserted, still reads."""
    for code in available_languages():
        for example in load(code).examples.examples:
            for mark in ("\u200f", "\u202b", "\x00", "\u0301"):
                text = example.text.replace(" ", f" {mark}", 3)
                _check(text, code, None)
                _check(text, None, dt.date(2022, 1, 12))
