"""``.txt``: the whole file is the text, the first non-blank line the title."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diplograph.errors import ReadError
from diplograph.model import Document
from diplograph.readers import read_paths, read_txt

from .samples import ARTICLE_TXT


def test_text_reads_whole_file_with_title(write):
    path = write("lavrov.txt", ARTICLE_TXT)
    [doc] = read_txt(path)
    assert isinstance(doc, Document)
    assert doc.text == ARTICLE_TXT
    assert doc.title == "Lavrov meets Wang Yi in Beijing"
    assert doc.path == str(path)
    assert (doc.url, doc.published, doc.lang, doc.source) == (None, None, None, None)


@pytest.mark.parametrize(
    ("content", "text", "title"),
    [
        (b"\xef\xbb\xbfTitle\nBody.", "Title\nBody.", "Title"),
        (b"Title\r\n\r\nBody.\r\n", "Title\n\nBody.\n", "Title"),
        (b"Title\rBody.\r", "Title\nBody.\n", "Title"),
        (b"\n \n\t  Indented title  \nBody.", "\n \n\t  Indented title  \nBody.", "Indented title"),
        ("\u200fعنوان الخبر\nالقاهرة - التقى".encode(), "\u200fعنوان الخبر\nالقاهرة - التقى", None),
        (b"One line only", "One line only", "One line only"),
        (b"Control \x07 chars are kept\n", "Control \x07 chars are kept\n", None),
    ],
    ids=["bom", "crlf", "cr", "leading-blank-lines", "rtl", "one-line", "control-char"],
)
def test_text_normalizes_newlines_only(write, content, text, title):
    [doc] = read_txt(write("a.txt", content))
    assert doc.text == text
    assert doc.title == (title if title is not None else text.strip().split("\n")[0].strip())


def test_text_offsets_match_the_file(write):
    path = write("a.txt", "Title\r\n\r\nMOSCOW, May 2 - Lavrov met Fidan.\r\n")
    [doc] = read_txt(path)
    seen = path.read_text(encoding="utf-8")  # universal newlines: what an editor shows
    start = seen.index("Lavrov")
    assert doc.text[start : start + 6] == "Lavrov"


def test_text_same_article_twice_has_same_id(write):
    first = write("one/article.txt", ARTICLE_TXT)
    second = write("two/copy.txt", ARTICLE_TXT.replace("\n", "\r\n"))
    [a, b] = read_paths([first, second])
    assert a.id == b.id
    assert a.path != b.path


# Text that starts like a binary format is refused as one ("%PDF-1.4 ...").
SIGNATURES = ("%PDF-", "{\\rtf", "GIF87a", "GIF89a", "PK\x03\x04")
LINE_BREAKS = st.sampled_from(["\n", "\r\n", "\r", "\n\n", "\u2028", "\x85"])
TRICKY = st.sampled_from(
    [
        "%PDF-",
        "\u200f",
        "\u200e",
        "\u202b",
        "\ufeff",
        "\x00",
        " ",
        "\t",
        "Привет",
        "مرحبا",
        "北京",
        "é",
    ]
)
CHARS = st.characters(blacklist_categories=("Cs",))  # lone surrogates cannot be written
LONG_LINE = st.text(CHARS, min_size=1, max_size=5).map(lambda chunk: chunk * 20_000)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(parts=st.lists(st.one_of(st.text(CHARS), LINE_BREAKS, TRICKY, LONG_LINE), max_size=12))
def test_text_arbitrary_text_reads_back_or_is_refused(write, parts):
    written = "".join(parts)
    path = write("arbitrary.txt", written)
    results = list(read_txt(path))
    assert len(results) == 1
    [result] = results
    if isinstance(result, ReadError):
        assert str(path) in str(result)
        assert (
            "\x00" in written
            or not written.removeprefix("\ufeff").strip()
            or written.removeprefix("\ufeff").startswith(SIGNATURES)
        )
    else:
        expected = re.sub(r"\r\n?", "\n", written.removeprefix("\ufeff"))  # BOM dropped
        assert result.text == expected
