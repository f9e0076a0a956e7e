"""What a query may not do unless its user asks: reach out to other machines.

``SERVICE <url> { ... }`` makes the store send HTTP requests wherever the query says, and
``LOAD <url>`` fetches a document: once query text comes from someone else (a shared
notebook, the endpoint), that is a request forged in the user's name.  Oxigraph runs both
without a switch to turn them off, so the query text is checked before it runs: the
keywords are looked for outside strings, IRIs and comments, where they can only be
keywords.
"""

from __future__ import annotations

import re

from diplograph.errors import QueryError

__all__ = ["refuse_remote"]

_NOT_CODE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'  # long strings
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'  # short strings
    r"|'(?:[^'\\\n]|\\.)*'"
    r"|<[^<>\"{}|^`\\\s]*>"  # IRIs
    r"|#[^\n]*",  # comments
    re.DOTALL,
)
_REMOTE = re.compile(r"(?<![\w:?$])(SERVICE|LOAD)(?![\w:])", re.IGNORECASE)


def refuse_remote(sparql: str) -> None:
    """Raise :class:`QueryError` if ``sparql`` holds ``SERVICE`` or ``LOAD``."""
    found = _REMOTE.search(_NOT_CODE.sub(" ", sparql))
    if found:
        keyword = found.group(1).upper()
        raise QueryError(
            f"{keyword} is refused: it would make this machine send requests elsewhere "
            "(allow it explicitly with --allow-service / allow_service=True)"
        )
