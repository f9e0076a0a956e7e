"""JSON Lines (``.jsonl``): one article per line.

Each non-blank line is a JSON object with a non-empty ``text`` and, optionally,
``title``, ``url``, ``published`` (an ISO date; a datetime is reduced to its
date), ``lang`` and ``source``.  Other keys are ignored.  ``text`` is kept
exactly as given, even when it does not start with the title, so that offsets
computed on the record's text stay valid.

A bad line yields a :class:`~diplograph.errors.ReadError` naming the file and the
line, and the following lines are still read.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from diplograph.errors import ReadError
from diplograph.model import Document
from diplograph.readers._common import (
    DEFAULT_MAX_BYTES,
    check_not_binary,
    decode_utf8,
    normalize_lang,
    parse_date,
    read_bytes,
    require_text,
    strip_utf8_bom,
)

__all__ = ["JsonlRecord", "read_jsonl"]


class JsonlRecord(BaseModel):
    """The schema of one line of a ``.jsonl`` file."""

    model_config = ConfigDict(frozen=True, extra="ignore", strict=True)

    text: str
    title: str | None = None
    url: str | None = None
    published: dt.date | None = None
    lang: str | None = None
    source: str | None = None

    @field_validator("text")
    @classmethod
    def _real_text(cls, text: str) -> str:
        problem = require_text(text)
        if problem:
            raise ValueError(problem)
        return text

    @field_validator("title", "url", "source")
    @classmethod
    def _blank_is_none(cls, value: str | None) -> str | None:
        return (value.strip() or None) if value is not None else None

    @field_validator("published", mode="before")
    @classmethod
    def _iso_date(cls, value: object) -> dt.date | None:
        if value is None or value == "":
            return None
        if not isinstance(value, str):
            raise ValueError(f"expected an ISO date string, got {type(value).__name__}")
        return parse_date(value)

    @field_validator("lang")
    @classmethod
    def _lang_code(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        lang = normalize_lang(value)
        if lang is None:
            raise ValueError(f"{value!r} is not a language code (such as 'en' or 'en-GB')")
        return lang


def read_jsonl(
    path: Path | str, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Document | ReadError]:
    """Read the articles of a JSON Lines file, one per non-blank line.

    Parameters
    ----------
    path : Path or str
        A UTF-8 ``.jsonl`` file.
    max_bytes : int, optional
        Files larger than this are refused without being read.

    Yields
    ------
    Document or ReadError
        A document per good line, and an error (with its line number) per bad
        line, in file order; or a single error for a bad file.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "news.jsonl"
    >>> _ = path.write_text(
    ...     '{"text": "Envoys met in Doha.", "published": "2024-03-01T10:00:00Z"}\\n'
    ...     "not json\\n",
    ...     encoding="utf-8",
    ... )
    >>> doc, error = read_jsonl(path)
    >>> doc.text, doc.published
    ('Envoys met in Doha.', datetime.date(2024, 3, 1))
    >>> error.line, error.problem
    (2, 'invalid JSON: Expecting value (column 1)')
    """
    path = Path(path)
    try:
        raw = read_bytes(path, max_bytes)
        data = strip_utf8_bom(raw)
        check_not_binary(data, path)
    except ReadError as err:
        yield err
        return
    offset = len(raw) - len(data)
    records = 0
    for number, line in enumerate(data.split(b"\n"), start=1):
        start, offset = offset, offset + len(line) + 1
        try:
            text = decode_utf8(line, path, offset=start, line=number)
        except ReadError as err:
            yield err
            continue
        if not text.strip():
            continue
        records += 1
        yield _document(path, number, text)
    if not records:
        yield ReadError(path, "no records: the file has only blank lines")


def _document(path: Path, number: int, line: str) -> Document | ReadError:
    try:
        value = json.loads(line)
    except json.JSONDecodeError as err:
        return ReadError(path, f"invalid JSON: {err.msg} (column {err.colno})", line=number)
    except RecursionError:
        return ReadError(path, "invalid JSON: nested too deeply", line=number)
    if not isinstance(value, dict):
        return ReadError(path, f"expected a JSON object, got {_json_type(value)}", line=number)
    if field := _lone_surrogate(value):
        return ReadError(
            path,
            f"invalid text in {field}: a lone UTF-16 surrogate (an escape such as \\ud800 "
            "without its pair)",
            line=number,
        )
    try:
        record = JsonlRecord.model_validate(value)
        return Document(**record.model_dump(), path=str(path))
    except ValidationError as err:
        return ReadError(path, _describe(err), line=number)


SURROGATE = re.compile("[\ud800-\udfff]")


def _lone_surrogate(record: dict) -> str | None:
    """The first field whose text holds half a UTF-16 pair: JSON can escape one
    ("\\ud800"), but it is no character, and no store or page can write it."""
    for key, value in record.items():
        if isinstance(value, str) and SURROGATE.search(value):
            return f"field {key!r}"
        if isinstance(key, str) and SURROGATE.search(key):
            return "a field name"
    return None


def _describe(err: ValidationError) -> str:
    problems = []
    for error in err.errors(include_url=False):
        field = ".".join(str(part) for part in error["loc"]) or "record"
        message = error["msg"].removeprefix("Value error, ")
        if error["type"] == "missing":
            message = "required field is missing"
        problems.append(f"{field}: {message}")
    return "invalid record: " + "; ".join(problems)


def _json_type(value: object) -> str:
    names = {list: "an array", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number")
