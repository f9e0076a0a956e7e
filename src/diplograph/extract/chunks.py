"""Very long documents read in parts, so extraction time grows linearly with length.

The rules look around each word for its subject, title, date or clause, and several of
them scan the document's names or facts to do so: fine for an article of a few
kilobytes, quadratic for a 2 MB digest or transcript (a 2 MB text did not finish in ten
minutes). A text longer than :data:`CHUNK` characters is cut at paragraph breaks (else
sentence ends, else spaces) into parts of at most that size; each part is read as its
own document (with the whole document's language and date) and the parts' findings are
shifted back to the whole text's offsets. A fact's context never spans paragraphs, so
cutting there loses only what links paragraphs (a surname first named in an earlier
part, a title far from its name).
"""

from __future__ import annotations

import re
from typing import Any, TypeVar

from diplograph.model import Record, Span

__all__ = ["CHUNK", "chunks", "shifted"]

CHUNK = 40_000
"""Characters per part: ten long articles' worth, where extraction still costs the same
per character as for one article (benchmarks/length.py)."""

_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"[.!?؟]\s"), re.compile(r"\s"))

R = TypeVar("R")


def chunks(text: str, size: int = CHUNK) -> list[tuple[int, int]]:
    """``(start, end)`` of consecutive parts of ``text``, each at most ``size`` long, cut at
    the last paragraph break (else line break, sentence end, space) inside the limit.

    >>> chunks("one.\\n\\ntwo.\\n\\nthree.", size=12)
    [(0, 12), (12, 18)]
    >>> chunks("short")
    [(0, 5)]
    """
    parts, start = [], 0
    while len(text) - start > size:
        end = start + size
        for pattern in _BREAKS:
            cuts = [m.end() for m in pattern.finditer(text, start + size // 2, end)]
            if cuts:
                end = cuts[-1]
                break
        parts.append((start, end))
        start = end
    parts.append((start, len(text)))
    return parts


def shifted(record: R, offset: int) -> R:
    """``record`` with every span in it (at any depth) moved ``offset`` characters on."""
    if not offset:
        return record
    return _shift(record, offset)


def _shift(value: Any, offset: int) -> Any:
    if isinstance(value, Span):
        return Span(start=value.start + offset, end=value.end + offset, quote=value.quote)
    if isinstance(value, Record):
        update = {
            name: _shift(item, offset)
            for name, item in value.__dict__.items()
            if isinstance(item, Record | tuple | list)
        }
        return value.model_copy(update=update) if update else value
    if isinstance(value, tuple | list):
        return type(value)(_shift(item, offset) for item in value)
    return value
