"""``.jsonl``: one article per line; a bad line is an error, the others are read."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diplograph.errors import ReadError
from diplograph.model import Document
from diplograph.readers import read_jsonl


def line(**record) -> str:
    return json.dumps(record, ensure_ascii=False)


def test_jsonl_reads_text_and_metadata(write):
    path = write(
        "news.jsonl",
        line(
            text="DOHA, March 1 - Envoys met.",
            title="Envoys meet in Doha",
            url="https://example.com/doha",
            published="2024-03-01",
            lang="en-US",
            source="Example Wire",
            tags=["ignored"],
        )
        + "\n",
    )
    [doc] = read_jsonl(path)
    assert isinstance(doc, Document)
    assert doc.text == "DOHA, March 1 - Envoys met."  # the title is not prepended
    assert doc.title == "Envoys meet in Doha"
    assert doc.url == "https://example.com/doha"
    assert doc.published == dt.date(2024, 3, 1)
    assert doc.lang == "en"
    assert doc.source == "Example Wire"
    assert doc.path == str(path)


@pytest.mark.parametrize(
    ("published", "day"),
    [
        ("2024-03-01", dt.date(2024, 3, 1)),
        ("2024-03-01T23:30:00-05:00", dt.date(2024, 3, 1)),
        ("2024-03-01T10:00:00Z", dt.date(2024, 3, 1)),
        ("2024-03-01 10:00", dt.date(2024, 3, 1)),
        (None, None),
        ("", None),
    ],
)
def test_jsonl_published_is_reduced_to_a_date(write, published, day):
    [doc] = read_jsonl(write("a.jsonl", line(text="Envoys met.", published=published)))
    assert doc.published == day


def test_jsonl_optional_fields_default_to_none(write):
    [doc] = read_jsonl(write("a.jsonl", line(text="Envoys met.")))
    assert (doc.title, doc.url, doc.published, doc.lang, doc.source) == (None,) * 5


def test_jsonl_blank_lines_crlf_and_bom_are_accepted(write):
    content = "\ufeff" + line(text="One.") + "\r\n\r\n   \n" + line(text="Two.") + "\r\n"
    docs = list(read_jsonl(write("a.jsonl", content)))
    assert [doc.text for doc in docs] == ["One.", "Two."]


def test_jsonl_unicode_line_separator_is_not_a_line_break(write):
    content = '{"text": "First\u2028still first"}\n{"text": "Second"}\n'
    docs = list(read_jsonl(write("a.jsonl", content)))
    assert [doc.text for doc in docs] == ["First\u2028still first", "Second"]


BAD_LINES = {
    "invalid-json": ("{text: 'single quotes'}", "invalid JSON"),
    "array": ('["not", "an", "object"]', "expected a JSON object, got an array"),
    "string": ('"just a string"', "got a string"),
    "missing-text": (line(title="No text"), "text: required field is missing"),
    "empty-text": (line(text=""), "text: empty text"),
    "blank-text": (line(text=" \n\t "), "text: text is only whitespace"),
    "nul-text": (line(text="a\u0000b"), "NUL character"),
    "number-text": (line(text=42), "text: Input should be a valid string"),
    "bad-date": (
        line(text="ok", published="March 1st"),
        "published: 'March 1st' is not an ISO date",
    ),
    "impossible-date": (line(text="ok", published="2024-02-30"), "published"),
    "numeric-date": (line(text="ok", published=20240301), "published: expected an ISO date string"),
    "bad-lang": (line(text="ok", lang="English"), "lang: 'English' is not a language code"),
    "deep-nesting": ("[" * 100_000 + "]" * 100_000, "invalid JSON"),
}


@pytest.mark.parametrize(("bad", "problem"), BAD_LINES.values(), ids=BAD_LINES.keys())
def test_jsonl_bad_line_is_error_with_line_number(write, bad, problem):
    content = "\n".join([line(text="Good one."), "", bad, line(text="Good two.")]) + "\n"
    path = write("mixed.jsonl", content)
    first, error, second = read_jsonl(path)
    assert isinstance(error, ReadError)
    assert error.line == 3
    assert f"{path}:3: " in str(error)
    assert problem in error.problem
    assert (first.text, second.text) == ("Good one.", "Good two.")


def test_jsonl_invalid_utf8_line_is_error_and_others_read(write):
    good = line(text="Good.").encode()
    path = write("a.jsonl", good + b"\n" + b'{"text": "caf\xe9"}\n' + good + b"\n")
    first, error, second = read_jsonl(path)
    assert isinstance(first, Document) and isinstance(second, Document)
    assert error.line == 2
    offset = len(good) + 1 + len(b'{"text": "caf')
    assert f"not UTF-8: invalid byte 0xe9 at offset {offset}" in str(error)


def test_jsonl_only_blank_lines_is_error(write):
    path = write("a.jsonl", "\n  \n\n")
    [error] = read_jsonl(path)
    assert isinstance(error, ReadError)
    assert "only blank lines" in str(error)


@pytest.mark.parametrize("field", ["text", "title", "url", "source"])
def test_jsonl_lone_surrogate_is_an_error_of_its_line_and_the_rest_is_read(write, field):
    record = {"text": "Envoys met in Doha on Monday.", field: "half a pair \ud800 here"}
    path = write(
        "feed.jsonl",
        "\n".join([line(text="First article."), json.dumps(record), line(text="Third article.")]),
    )
    items = list(read_jsonl(path))
    assert [type(i) for i in items] == [Document, ReadError, Document]
    assert items[1].line == 2 and field in str(items[1]) and "surrogate" in str(items[1])


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.dictionaries(
        st.sampled_from(["text", "title", "url", "source", "lang", "published", "id"]),
        st.one_of(st.text(), st.integers(), st.none(), st.lists(st.text(), max_size=2)),
        min_size=1,
    )
)
def test_jsonl_any_record_is_a_document_or_an_error_never_a_crash(write, record):
    path = write("fuzz.jsonl", json.dumps(record) + "\n" + line(text="A good article."))
    items = list(read_jsonl(path))
    assert len(items) == 2 and isinstance(items[1], Document)
    assert isinstance(items[0], (Document, ReadError))
