"""Plain-text articles (``.txt``): the whole file is the document's text.

The text is kept exactly as the file has it, after dropping a UTF-8 byte-order
mark and turning ``\\r\\n`` and ``\\r`` into ``\\n``, so that character offsets
point at what a user sees in the file.  The first non-blank line is the title
(and stays in the text).  A text file has no URL or date: the extractors find a
dateline in the text.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from diplograph.errors import ReadError
from diplograph.model import Document
from diplograph.readers._common import (
    DEFAULT_MAX_BYTES,
    check_not_binary,
    decode_utf8,
    normalize_newlines,
    read_bytes,
    require_text,
    strip_utf8_bom,
)

__all__ = ["first_line", "read_txt"]


def read_txt(
    path: Path | str, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Document | ReadError]:
    """Read one plain-text article.

    Parameters
    ----------
    path : Path or str
        A UTF-8 text file.
    max_bytes : int, optional
        Files larger than this are refused without being read.

    Yields
    ------
    Document or ReadError
        One document, or one error naming the file and the problem (empty,
        binary, not UTF-8, too large, only whitespace).

    Examples
    --------
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "talks.txt"
    >>> _ = path.write_bytes(b"Talks in Geneva\\r\\n\\r\\nGENEVA, May 2 - Envoys met.\\r\\n")
    >>> [doc] = read_txt(path)
    >>> doc.title
    'Talks in Geneva'
    >>> doc.text
    'Talks in Geneva\\n\\nGENEVA, May 2 - Envoys met.\\n'
    """
    path = Path(path)
    try:
        raw = read_bytes(path, max_bytes)
        data = strip_utf8_bom(raw)
        if not data:
            raise ReadError(path, "empty file (only a byte-order mark)")
        check_not_binary(data, path)
        text = normalize_newlines(decode_utf8(data, path, offset=len(raw) - len(data)))
    except ReadError as err:
        yield err
        return
    problem = require_text(text)
    if problem:
        yield ReadError(path, problem)
        return
    yield Document(text=text, title=first_line(text), path=str(path))


def first_line(text: str) -> str | None:
    """The first line of ``text`` that is not blank, stripped.

    Lines are split at ``\\n`` only (not at the Unicode line separators that
    :meth:`str.splitlines` also honours), like the offsets users count.

    >>> first_line("\\n  \\n  Lavrov meets Wang  \\nBEIJING ...")
    'Lavrov meets Wang'
    """
    for line in text.split("\n"):
        if line.strip():
            return line.strip()
    return None
