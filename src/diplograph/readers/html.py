"""Saved web pages (``.html``, ``.htm``): the article's main text and metadata.

`trafilatura <https://trafilatura.readthedocs.io>`_ removes the boilerplate
(navigation, footers, "most read" boxes, comments) and reads the metadata: title,
publication date, canonical URL, site name.  It is called on the parsed page
only, so it never fetches anything, and with options that make the result
depend on the file alone: no deduplication cache, no free-text date search,
precision favoured over recall.

The document's text is the title, a blank line, then the paragraphs separated
by blank lines.  Pages are UTF-8, unless they are not valid UTF-8 and declare
another charset in a ``<meta>`` tag or XML declaration (many Russian and Arabic
news sites still serve ``windows-1251`` and ``windows-1256``).
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from diplograph.errors import ReadError
from diplograph.model import Document
from diplograph.readers._common import (
    DEFAULT_MAX_BYTES,
    check_not_binary,
    decode_utf8,
    normalize_lang,
    read_bytes,
    require_text,
    strip_utf8_bom,
)

__all__ = ["read_html"]

# The HTML standard's prescan looks for a declared charset in the first 1024 bytes.
_PRESCAN = 1024
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)""", re.I)
_LANG_XPATH = (
    "/html/@lang",
    "/html/@*[name()='xml:lang']",
    "//meta[translate(@http-equiv, 'CONTENT-LANGUAGE', 'content-language')"
    "='content-language']/@content",
    "//meta[@property='og:locale']/@content",
    "//meta[@name='language' or @name='Language']/@content",
)


def read_html(
    path: Path | str, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Document | ReadError]:
    """Read the article of one saved web page.

    Parameters
    ----------
    path : Path or str
        An HTML file.
    max_bytes : int, optional
        Files larger than this are refused without being read.

    Yields
    ------
    Document or ReadError
        One document, or one error naming the file and the problem (empty,
        binary, undecodable, no article text found, too large).

    Examples
    --------
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "page.html"
    >>> _ = path.write_text(
    ...     '<html lang="fr-FR"><head><title>Sommet à Paris</title>'
    ...     '<meta property="article:published_time" content="2024-05-02T09:00:00Z">'
    ...     '</head><body><nav><a href="/">Accueil</a></nav><article>'
    ...     "<p>Les ministres se sont réunis jeudi à Paris pour un sommet.</p>"
    ...     "<p>Ils ont signé une déclaration commune.</p></article></body></html>",
    ...     encoding="utf-8",
    ... )
    >>> [doc] = read_html(path)
    >>> print(doc.text)
    Sommet à Paris
    <BLANKLINE>
    Les ministres se sont réunis jeudi à Paris pour un sommet.
    <BLANKLINE>
    Ils ont signé une déclaration commune.
    >>> doc.lang, doc.published
    ('fr', datetime.date(2024, 5, 2))
    """
    path = Path(path)
    try:
        yield _read(path, max_bytes)
    except ReadError as err:
        yield err


def _read(path: Path, max_bytes: int) -> Document:
    data = strip_utf8_bom(read_bytes(path, max_bytes))
    check_not_binary(data, path)
    html = _decode(data, path)
    if not html.strip():
        raise ReadError(path, "text is only whitespace")
    trafilatura, load_html, set_date_params = _trafilatura()
    try:
        tree = load_html(html)
        if tree is None and "<html" not in html[:1024].lower():
            # trafilatura refuses bare fragments ("<p>...</p>"); wrap them.
            tree = load_html(f"<html><body>{html}</body></html>")
        if tree is None:
            raise ReadError(path, "not HTML: the page could not be parsed")
        result = trafilatura.bare_extraction(
            tree,
            favor_precision=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            include_formatting=False,
            deduplicate=False,
            with_metadata=True,
            date_extraction_params=set_date_params(False),
            # without this, trafilatura's last-resort fallback returns the menu
            # of a page that has no article ("Home").
            prune_xpath=["//nav", "//footer"],
        )
    except ReadError:
        raise
    except (ValueError, TypeError, RecursionError) as err:
        raise ReadError(path, f"HTML extraction failed: {type(err).__name__}: {err}") from None
    if result is None or not result.text or not result.text.strip():
        raise ReadError(path, "no article text found in the HTML")
    return _document(path, result, tree)


def _document(path: Path, result: Any, tree: Any) -> Document:
    title = " ".join(result.title.split()) if result.title else None
    paragraphs = [line.strip() for line in result.text.split("\n") if line.strip()]
    if title and paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]  # the page's <h1>, already in the title
    if not paragraphs:
        raise ReadError(path, "no article text found in the HTML (only a title)")
    body = "\n\n".join(paragraphs)
    text = f"{title}\n\n{body}" if title else body
    problem = require_text(text)
    if problem:
        raise ReadError(path, problem)
    return Document(
        text=text,
        title=title,
        url=result.url or None,
        published=_date(result.date),
        lang=_lang(tree),
        source=result.sitename or result.author or None,
        path=str(path),
    )


def _decode(data: bytes, path: Path) -> str:
    """UTF-8, or the declared charset when the page is not valid UTF-8."""
    try:
        return decode_utf8(data, path)
    except ReadError as not_utf8:
        head = data[:_PRESCAN]
        match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
        if not match:
            raise
        declared = match.group(1).decode("ascii")
        try:
            codec = codecs.lookup(declared).name
        except LookupError:
            raise ReadError(
                path, f"{not_utf8.problem}, and the declared charset {declared!r} is unknown"
            ) from None
        if codec == "utf-8":
            raise
        try:
            return data.decode(codec)
        except UnicodeDecodeError as err:
            raise ReadError(
                path,
                f"not {declared}, the charset it declares: invalid byte "
                f"0x{data[err.start]:02x} at offset {err.start}",
            ) from None


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _lang(tree: Any) -> str | None:
    for xpath in _LANG_XPATH:
        for value in tree.xpath(xpath):
            lang = normalize_lang(str(value))
            if lang:
                return lang
    return None


def _trafilatura():
    """Import trafilatura on first use (it is slow to import, and needs lxml_html_clean)."""
    try:
        import trafilatura
        from trafilatura.settings import set_date_params
        from trafilatura.utils import load_html
    except ImportError as err:
        if "clean" in str(err):
            raise ImportError(
                "reading HTML needs lxml_html_clean (lxml >= 5.2 moved lxml.html.clean "
                "there): pip install lxml_html_clean"
            ) from err
        raise
    return trafilatura, load_html, set_date_params
