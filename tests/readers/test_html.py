"""``.html``: trafilatura keeps the article and drops the boilerplate."""

from __future__ import annotations

import datetime as dt

import pytest

from diplograph.errors import ReadError
from diplograph.model import Document
from diplograph.readers import read_html, read_paths

from .samples import ARTICLE_HTML


def test_html_reads_article_without_boilerplate(write):
    path = write("lavrov.html", ARTICLE_HTML)
    [doc] = read_html(path)
    assert isinstance(doc, Document)
    assert doc.title == "Lavrov meets Wang Yi in Beijing"
    assert doc.text.startswith("Lavrov meets Wang Yi in Beijing\n\nBEIJING, April 9 — ")
    assert doc.text.count("Lavrov meets Wang Yi in Beijing") == 1  # the <h1> is not repeated
    assert "\n\nWang said China was ready" in doc.text
    for boilerplate in ("Subscribe", "Most read", "Celebrity", "Privacy", "All rights reserved"):
        assert boilerplate not in doc.text
    assert doc.published == dt.date(2024, 4, 9)
    assert doc.url == "https://news.example.com/world/2024/04/09/lavrov-wang-yi"
    assert doc.lang == "en"
    assert doc.source == "World News Daily"
    assert doc.path == str(path)


def test_html_reads_htm_and_uppercase_extensions(write):
    results = list(read_paths([write("a.htm", ARTICLE_HTML), write("b.HTML", ARTICLE_HTML)]))
    assert [type(result) for result in results] == [Document, Document]


def test_html_paragraphs_are_separated_by_blank_lines(write):
    [doc] = read_html(write("a.html", ARTICLE_HTML))
    assert "\n\n\n" not in doc.text
    assert all(paragraph.strip() for paragraph in doc.text.split("\n\n"))


@pytest.mark.parametrize(
    ("head", "lang"),
    [
        ('<html lang="ru">', "ru"),
        ('<html xml:lang="AR-eg" xmlns="http://www.w3.org/1999/xhtml">', "ar"),
        ('<html><meta http-equiv="Content-Language" content="fr-FR">', "fr"),
        ('<html><meta property="og:locale" content="de_DE">', "de"),
        ('<html lang="x-klingon">', None),
        ("<html>", None),
    ],
)
def test_html_lang_is_reduced_to_its_code(write, head, lang):
    body = "Ministers met in Vienna on Monday. " * 5
    page = f"{head}<body><article><p>{body}</p></article></body></html>"
    [doc] = read_html(write("a.html", page))
    assert doc.lang == lang


@pytest.mark.parametrize(
    "meta",
    [
        '<meta property="article:published_time" content="yesterday">',
        '<meta property="article:published_time" content="2024-13-45">',
        "",
    ],
)
def test_html_unparsable_or_missing_date_is_ignored(write, meta):
    page = (
        f"<html><head><title>Talks</title>{meta}</head><body><article>"
        f"<p>{'The envoys met again on Monday. ' * 5}</p></article></body></html>"
    )
    [doc] = read_html(write("a.html", page))
    assert isinstance(doc, Document)
    assert doc.published is None


def test_html_without_title_is_main_text(write):
    page = f"<html><body><article><p>{'Envoys met in Oman. ' * 5}</p></article></body></html>"
    [doc] = read_html(write("a.html", page))
    assert doc.title is None
    assert doc.text == ("Envoys met in Oman. " * 5).strip()


def test_html_fragment_is_read(write):
    [doc] = read_html(write("a.html", f"<p>{'Envoys met in Oman. ' * 5}</p>"))
    assert isinstance(doc, Document)
    assert doc.text.startswith("Envoys met in Oman.")


def test_html_xml_declaration_is_accepted(write):
    page = '<?xml version="1.0" encoding="utf-8"?>\n' + ARTICLE_HTML.split("\n", 1)[1]
    [doc] = read_html(write("a.xhtml.html", page))
    assert isinstance(doc, Document)
    assert "Wang said" in doc.text


def test_html_xml_declared_legacy_charset_is_decoded_once(write):
    page = (
        '<?xml version="1.0" encoding="windows-1251"?>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" lang="ru"><head><title>Лавров в Пекине</title>'
        "</head><body><article><p>"
        + "Министр встретился с коллегой в Пекине. " * 4
        + "</p></article></body></html>"
    )
    [doc] = read_html(write("a.html", page.encode("cp1251")))
    assert doc.title == "Лавров в Пекине"
    assert "Министр встретился" in doc.text


def test_html_declared_legacy_charset_is_honoured(write):
    page = (
        '<html lang="ru"><head><meta charset="windows-1251"><title>Лавров в Пекине</title></head>'
        "<body><article><p>"
        + "Министр встретился с коллегой в Пекине. " * 4
        + "</p></article></body></html>"
    )
    [doc] = read_html(write("a.html", page.encode("cp1251")))
    assert doc.title == "Лавров в Пекине"
    assert "Министр встретился" in doc.text


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("<html><head><title>Nothing</title></head><body></body></html>", "no article text"),
        ("<html><body><nav><a href='/'>Home</a></nav></body></html>", "no article text"),
        ("   \n  ", "only whitespace"),
        (b'<html><meta charset="nonsense-8"><p>\xff</p></html>', "unknown"),
        (b"<html><body><p>caf\xe9 without a charset</p></body></html>", "not UTF-8"),
    ],
    ids=["empty-body", "only-nav", "whitespace", "unknown-charset", "latin1-undeclared"],
)
def test_html_unreadable_page_is_error(write, content, problem):
    path = write("bad.html", content)
    [error] = read_html(path)
    assert isinstance(error, ReadError)
    assert problem in error.problem
    assert str(path) in str(error)
