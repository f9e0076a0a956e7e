"""The readers stage: input files become :class:`~diplograph.model.Document` records.

One module per format, each a function ``(path, *, max_bytes) -> Iterator[Document
| ReadError]`` registered in :data:`READERS` under its file extensions:

- :func:`~diplograph.readers.text.read_txt` for ``.txt``;
- :func:`~diplograph.readers.html.read_html` for ``.html`` and ``.htm``;
- :func:`~diplograph.readers.jsonl.read_jsonl` for ``.jsonl``.

Bad input is *yielded* as a :class:`~diplograph.errors.ReadError`, never raised,
so that a caller reports it and goes on with the other files.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Protocol

from diplograph.errors import ReadError
from diplograph.model import Document
from diplograph.readers._common import (
    DEFAULT_MAX_BYTES,
    normalize_lang,
    parse_date,
    require_text,
)
from diplograph.readers.html import read_html
from diplograph.readers.jsonl import read_jsonl
from diplograph.readers.text import read_txt

__all__ = [
    "DEFAULT_MAX_BYTES",
    "READERS",
    "Reader",
    "read_html",
    "read_jsonl",
    "read_paths",
    "read_text",
    "read_txt",
]


class Reader(Protocol):
    """A reader: the documents (and errors) of one file."""

    def __call__(
        self, path: Path | str, *, max_bytes: int = ...
    ) -> Iterator[Document | ReadError]: ...


READERS: Mapping[str, Reader] = MappingProxyType(
    {
        ".htm": read_html,
        ".html": read_html,
        ".jsonl": read_jsonl,
        ".txt": read_txt,
    }
)
"""File extension (lower case, with its dot) -> reader.  Read-only."""


def read_paths(
    paths: Iterable[Path | str] | Path | str, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Document | ReadError]:
    """Read the articles in files and directories.

    Parameters
    ----------
    paths : iterable of Path or str
        Files and directories, read in the given order.  A directory is walked
        recursively: its entries in order of their names, depth first, skipping
        hidden entries (a name starting with ``.``), files whose extension has no
        reader, and symbolic links to directories.  A single path is accepted
        too.
    max_bytes : int, optional
        Files larger than this are refused without being read.

    Yields
    ------
    Document or ReadError
        A document per article, and an error for each path that does not
        exist, each file named explicitly whose extension has no reader, and
        each bad file or line.  Errors are yielded, not raised.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "b.txt").write_text("Talks\\n\\nEnvoys met.", encoding="utf-8")
    >>> _ = (folder / "a.txt").write_text("", encoding="utf-8")
    >>> _ = (folder / "notes.md").write_text("skipped", encoding="utf-8")
    >>> for result in read_paths([folder, folder / "missing.txt"]):
    ...     print(type(result).__name__, result.problem if isinstance(result, ReadError)
    ...           else result.title)
    ReadError empty file
    Document Talks
    ReadError no such file or directory
    """
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from _read_dir(path, max_bytes)
        elif not path.exists() and not path.is_symlink():
            yield ReadError(path, "no such file or directory")
        else:
            reader = READERS.get(path.suffix.lower())
            if reader is None:
                yield ReadError(path, _unsupported(path))
            else:
                yield from reader(path, max_bytes=max_bytes)


def _read_dir(folder: Path, max_bytes: int) -> Iterator[Document | ReadError]:
    try:
        entries = sorted(folder.iterdir(), key=lambda entry: entry.name)
    except OSError as err:
        yield ReadError(folder, f"cannot list directory: {err.strerror or err}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            if not entry.is_symlink():
                yield from _read_dir(entry, max_bytes)
            continue
        reader = READERS.get(entry.suffix.lower())
        if reader is not None:
            yield from reader(entry, max_bytes=max_bytes)


def _unsupported(path: Path) -> str:
    kind = f"extension {path.suffix!r}" if path.suffix else "no extension"
    return f"unsupported file type ({kind}); supported: {', '.join(sorted(READERS))}"


def read_text(
    text: str,
    *,
    title: str | None = None,
    url: str | None = None,
    published: dt.date | str | None = None,
    lang: str | None = None,
    source: str | None = None,
) -> Document:
    """A document from text given directly, for use from Python.

    The text is kept exactly as given (no newline normalization, no title
    prepended), so offsets computed on it stay valid.

    Parameters
    ----------
    text : str
        The article.
    title, url, source : str, optional
        What is known about the article.
    published : date, datetime or str, optional
        Its publication date; a datetime (or ISO datetime string) is reduced
        to its date.
    lang : str, optional
        A language tag; ``en-GB`` is reduced to ``en``.

    Returns
    -------
    Document

    Raises
    ------
    ReadError
        For empty or whitespace-only text, a NUL character, a bad date or
        language tag.  Its path is ``<text>``.

    Examples
    --------
    >>> doc = read_text("MOSCOW, May 2 - Lavrov met Fidan.", published="2024-05-02T10:00:00+03:00")
    >>> doc.published, doc.lang
    (datetime.date(2024, 5, 2), None)
    >>> read_text("  ")
    Traceback (most recent call last):
    ...
    diplograph.errors.ReadError: <text>: text is only whitespace
    """
    where = "<text>"
    if not isinstance(text, str):
        raise ReadError(where, f"expected a str, got {type(text).__name__}")
    problem = require_text(text)
    if problem:
        raise ReadError(where, problem)
    day = None
    if published is not None:
        try:
            day = parse_date(published)
        except (TypeError, ValueError, AttributeError) as err:
            raise ReadError(where, f"published: {err}") from None
    code = normalize_lang(lang)
    if lang and code is None:
        raise ReadError(where, f"lang: {lang!r} is not a language code (such as 'en' or 'en-GB')")
    return Document(text=text, title=title, url=url, published=day, lang=code, source=source)
