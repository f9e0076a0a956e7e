"""What every reader shares: bounded reading, binary and encoding checks, field parsing.

The helpers raise :class:`~diplograph.errors.ReadError`; the readers turn it into
a yielded value, so one bad file never stops a batch.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
import stat
from pathlib import Path

from diplograph.errors import ReadError

__all__ = [
    "DEFAULT_MAX_BYTES",
    "check_not_binary",
    "decode_utf8",
    "normalize_lang",
    "normalize_newlines",
    "parse_date",
    "read_bytes",
    "require_text",
    "strip_utf8_bom",
]

DEFAULT_MAX_BYTES = 20_000_000
"""Files larger than this many bytes are refused unread."""

UTF8_BOM = codecs.BOM_UTF8

# Byte-order marks of encodings that are text, but not UTF-8 (UTF-32 first: its
# little-endian mark starts with the UTF-16 one).
_OTHER_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)

# Signatures of binary formats that are often renamed or saved by mistake.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or DOCX/ODT)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office document"),
    (b"{\\rtf", "RTF document"),
)

_LANG = re.compile(r"[a-z]{2,3}")


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The bytes of ``path``, refusing missing, special, empty and oversized files.

    The size is checked before reading, and the read is bounded, so a huge file
    (or one that grows meanwhile) never enters memory whole.
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ReadError(path, "no such file or directory") from None
    except OSError as err:
        raise ReadError(path, f"cannot read: {err.strerror or err}") from None
    if stat.S_ISDIR(info.st_mode):
        raise ReadError(path, "is a directory, expected a file")
    if not stat.S_ISREG(info.st_mode):
        raise ReadError(path, "not a regular file")
    if info.st_size > max_bytes:
        raise ReadError(path, _too_large(info.st_size, max_bytes))
    try:
        with path.open("rb") as stream:
            data = stream.read(max_bytes + 1)
    except OSError as err:
        raise ReadError(path, f"cannot read: {err.strerror or err}") from None
    if len(data) > max_bytes:
        raise ReadError(path, _too_large(len(data), max_bytes, at_least=True))
    if not data:
        raise ReadError(path, "empty file")
    return data


def _too_large(size: int, max_bytes: int, *, at_least: bool = False) -> str:
    more = "more than " if at_least else ""
    return f"file is too large: {more}{size:,} bytes, over the limit of {max_bytes:,} bytes"


def strip_utf8_bom(data: bytes) -> bytes:
    """``data`` without a leading UTF-8 byte-order mark."""
    return data[len(UTF8_BOM) :] if data.startswith(UTF8_BOM) else data


def check_not_binary(data: bytes, path: Path) -> None:
    """Refuse UTF-16/32 text, known binary formats, and anything with a NUL byte."""
    for bom, encoding in _OTHER_BOMS:
        if data.startswith(bom):
            raise ReadError(path, f"{encoding} text (byte-order mark found); expected UTF-8")
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise ReadError(path, f"binary content, not text (looks like a {kind})")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise ReadError(path, f"binary content, not text (NUL byte at offset {nul})")


def decode_utf8(data: bytes, path: Path, *, offset: int = 0, line: int | None = None) -> str:
    """Decode ``data`` as strict UTF-8, naming the first bad byte and its offset.

    ``offset`` is where ``data`` starts in the file, so that the offset in the
    message is a file offset.  Without ``line``, the line is computed.
    """
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        if line is None:
            line = data.count(b"\n", 0, err.start) + 1
        problem = (
            f"not UTF-8: invalid byte 0x{data[err.start]:02x} at offset {offset + err.start}"
            f" ({err.reason})"
        )
        raise ReadError(path, problem, line=line) from None


def normalize_newlines(text: str) -> str:
    r"""``text`` with ``\r\n`` and lone ``\r`` replaced by ``\n``.

    >>> normalize_newlines("a\r\nb\rc\n")
    'a\nb\nc\n'
    """
    return text.replace("\r\n", "\n").replace("\r", "\n")


def require_text(text: str) -> str | None:
    """Why ``text`` cannot be a document's text, or ``None`` when it can."""
    if not text:
        return "empty text"
    if "\x00" in text:
        return f"NUL character in text at index {text.index(chr(0))}"
    if not text.strip():
        return "text is only whitespace"
    return None


def parse_date(value: str | dt.date) -> dt.date:
    """A date from an ISO date or datetime (reduced to its date, as written).

    The time zone is not applied: ``2024-04-09T23:30:00-05:00`` is April 9, the
    day the writer saw.

    >>> parse_date("2024-04-09")
    datetime.date(2024, 4, 9)
    >>> parse_date("2024-04-09T23:30:00-05:00")
    datetime.date(2024, 4, 9)
    >>> parse_date("9 April")
    Traceback (most recent call last):
    ...
    ValueError: '9 April' is not an ISO date (YYYY-MM-DD) or datetime
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = value.strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(text).date()
    except ValueError:
        raise ValueError(f"{value!r} is not an ISO date (YYYY-MM-DD) or datetime") from None


def normalize_lang(value: str | None) -> str | None:
    """The primary language subtag of a tag such as ``en-GB`` or ``ru_RU``, or ``None``.

    >>> normalize_lang("en-GB"), normalize_lang("RU_ru"), normalize_lang("English")
    ('en', 'ru', None)
    """
    if not value:
        return None
    primary = re.split(r"[-_]", value.strip(), maxsplit=1)[0].lower()
    return primary if _LANG.fullmatch(primary) else None
