"""write_html without a browser: the page is offline, escaped and marks RTL labels."""

from __future__ import annotations

import json
import re

import pytest

from diplograph.view.page import NODE_STYLES, label_dir, render_html, write_html

# Anything that would make the browser fetch: src=, href=, url(http...), @import.
REMOTE = re.compile(
    r"""(?:src|href|action)\s*=\s*["']?\s*(?:https?:)?//|url\(\s*["']?\s*(?:https?:)?//|@import""",
    re.I,
)


def test_page_written_offline(graph, tmp_path):
    path = write_html(graph, tmp_path / "g.html")
    html = path.read_text(encoding="utf-8")
    assert path == tmp_path / "g.html"
    assert not REMOTE.search(html)
    assert "<link" not in html
    assert not re.search(r"<script[^>]*\ssrc", html)
    assert "default-src 'none'" in html
    assert "sourceMappingURL" not in html
    assert "bootstrap" not in html and "tom-select" not in html.lower()


def test_page_filters_name_each_kind(graph):
    html = render_html(graph)
    filters = html[html.index('id="kinds"') : html.index("</fieldset>", html.index('id="kinds"'))]
    for kind in {k for _, k in graph.nodes(data="kind")}:
        assert f'value="{kind}" checked' in filters
        assert NODE_STYLES[kind][1] in filters


def test_page_words_follow_the_language(graph):
    arabic = render_html(graph, lang="ar")
    assert '<html lang="ar" dir="rtl">' in arabic
    assert 'placeholder="ابحث' in arabic
    assert '<html lang="en" dir="ltr">' in render_html(graph)
    # a language without view words falls back to English, word by word
    assert 'placeholder="Search a name' in render_html(graph, lang="zz")


@pytest.mark.parametrize(
    ("lang", "direction"),
    [("ar", "rtl"), ("he", "rtl"), ("fa", "rtl"), ("en", "auto"), ("ru", "auto"), ("", "auto")],
)
def test_page_label_dir(lang, direction):
    assert label_dir(lang) == direction


def test_page_marks_arabic_labels_rtl(graph):
    data = _data(render_html(graph))
    zakharova = next(n for n in data["nodes"] if n["id"].endswith("/zakharova"))
    assert {"cls": "label", "text": "ماريا زاخاروفا", "lang": "ar", "dir": "rtl", "tag": "ar"} in (
        zakharova["tip"]
    )
    ryabkov = next(n for n in data["nodes"] if n["id"].endswith("/ryabkov"))
    assert {"cls": "label", "text": "Сергей Рябков", "lang": "ru", "dir": "auto", "tag": "ru"} in (
        ryabkov["tip"]
    )


def _data(html: str) -> dict:
    start = html.index("/*data*/")
    block = html[start : html.index("/*end data*/")]
    return json.loads(block.split("=", 1)[1].strip().removesuffix(";"))


def test_page_escapes_hostile_labels(hostile_graph, hostile_labels):
    html = render_html(hostile_graph, title="<script>alert('title')</script>")
    for label in hostile_labels:
        assert label not in html
    assert "<img" not in html
    assert "<script>alert" not in html
    # Only our own two <script> elements (vis-network and the data) close.
    assert html.count("</script>") == 2
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in html
    # The data survive the escaping intact.
    labels = {node["label"] for node in _data(html)["nodes"]}
    assert set(hostile_labels) <= labels


def test_page_tooltips_are_data_not_html(graph):
    data = _data(render_html(graph))
    node = next(n for n in data["nodes"] if n["id"].endswith("/zakharova"))
    assert "title" not in node  # built as DOM in the page
    assert any(line["cls"] == "quote" and line["dir"] == "rtl" for line in node["tip"])
    # the evidence sentence and its article, on hover and (with the link) on click
    sentence = "وقالت زاخاروفا: نرفض أي توسيع لحلف الناتو شرقا."
    assert any(line["text"] == sentence for line in node["tip"])
    links = [line for line in node["info"] if line["cls"] == "link"]
    assert [line["href"] for line in links] == ["https://example.org/ar/news/moscow-rejects"]
    meeting = next(n for n in data["nodes"] if n["id"].endswith("/geneva-2022-01"))
    assert any(line["text"] == "2022-01-09 – 2022-01-10" for line in meeting["tip"])


def test_page_is_deterministic(graph):
    assert render_html(graph) == render_html(graph)


def test_page_links_only_to_web_addresses():
    from diplograph.view.payload import safe_url

    assert safe_url("https://example.org/x") == "https://example.org/x"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "file:///etc"):
        assert safe_url(bad) is None
