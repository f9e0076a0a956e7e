"""Self-contained HTML pages: a drawing (vis-network, through pyvis) or a timeline.

Why our own template
    pyvis 0.3.2's template always links Bootstrap from a CDN (even with
    ``cdn_resources="in_line"``), writes the heading and options unescaped, and
    switches every tooltip to raw HTML when one title contains "href". Ours
    inlines the vis-network 9.1.2 script and style that ship with pyvis (so the
    page works offline and nothing leaves it), and is rendered by a Jinja
    environment with autoescaping. A ``Content-Security-Policy`` meta tag
    (``default-src 'none'``) makes the browser refuse any request the page might
    still attempt. pyvis's ``Network.add_node`` looks each id up in a list (slow
    past a few thousand nodes), so the node and edge lists are filled directly.

Escaping
    Labels and sentences come from news text and may be hostile. Everything
    written as HTML is escaped by Jinja's autoescape. The drawing goes into the
    page's ``<script>`` through Jinja's ``tojson``, which writes ``<``, ``>``,
    ``&`` and ``'`` as ``\\u003c``..., so a ``</script>`` in a label cannot close
    the script; :func:`render_html` also checks that the data holds no ``<``.
    Tooltips and details are DOM elements built with ``textContent`` (never
    ``innerHTML``); links to articles are made only for http(s) addresses.

Right-to-left text
    Each label and sentence is its own element with ``lang`` set and
    ``dir="rtl"`` for right-to-left languages, so the browser orders it; the
    whole page turns right to left when its language does (``--lang ar``).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import networkx as nx
import pyvis
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from pyvis.network import Network

from diplograph.outfile import write_atomically
from diplograph.view.payload import (
    EDGE_STYLES,
    NODE_STYLES,
    RTL_LANGUAGES,
    Drawing,
    draw_projection,
    label_dir,
    legend,
)
from diplograph.view.words import Words, words_for

__all__ = [
    "EDGE_STYLES",
    "NODE_STYLES",
    "RTL_LANGUAGES",
    "label_dir",
    "render_html",
    "render_page",
    "write_html",
]

_TEMPLATES = Path(__file__).parent / "templates"
_VIS_DIR = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"

#: Past this many nodes the layout gets fewer iterations, so the page settles in seconds.
LARGE = 800


def _options(drawing: Drawing) -> dict[str, Any]:
    large = len(drawing.nodes) > LARGE
    return {
        "nodes": {"font": {"size": 14, "face": "sans-serif", "strokeWidth": 3}},
        "edges": {
            "font": {"size": 11, "align": "middle", "face": "sans-serif"},
            "smooth": False,
            "arrows": {"to": {"scaleFactor": 0.5}},
        },
        "physics": {
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -90,
                "springLength": 120,
                "avoidOverlap": 0.3,
            },
            "stabilization": {"iterations": 100 if large else 400, "updateInterval": 50},
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": large},
        # A fixed seed: the same graph is laid out the same way every time.
        "layout": {"randomSeed": 7, "improvedLayout": not large},
    }


def _network(drawing: Drawing) -> Network:
    """pyvis's model of the page, its lists filled directly (see the module docstring)."""
    net = Network(directed=True, cdn_resources="in_line", select_menu=False, filter_menu=False)
    net.nodes = drawing.nodes
    net.node_ids = [node["id"] for node in drawing.nodes]
    net.node_map = {node["id"]: node for node in drawing.nodes}
    net.edges = drawing.edges
    net.options = _options(drawing)
    return net


def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(_TEMPLATES), autoescape=select_autoescape(default=True)
    )


def _vis_asset(name: str, closing_tag: str) -> Markup:
    """vis-network's script or style, to inline verbatim (checked not to end its element)."""
    text = (_VIS_DIR / name).read_text(encoding="utf-8")
    # A source-map comment would make an open DevTools fetch a file that is not there.
    text = re.sub(r"^\s*(?://|/\*)# sourceMappingURL=.*$", "", text, flags=re.M)
    if closing_tag in text.lower():
        raise AssertionError(f"{_VIS_DIR / name} contains {closing_tag} and cannot be inlined")
    return Markup(text)


def _page_words(words: Words) -> dict[str, Any]:
    return {"words": words.words, "kinds": words.kinds, "stances": words.stances}


def render_html(
    drawing: Drawing | nx.MultiDiGraph,
    *,
    title: str = "diplograph",
    lang: str = "en",
) -> str:
    """The page for a :class:`~diplograph.view.payload.Drawing` (or a projection graph).

    Examples
    --------
    >>> from diplograph.view.examples import example_store
    >>> from diplograph.view.graph import to_networkx
    >>> html = render_html(to_networkx(example_store()), title="<b>talks</b>")
    >>> "<title>&lt;b&gt;talks&lt;/b&gt;</title>" in html
    True
    >>> 'src="http' in html or 'href="http' in html
    False
    """
    words = words_for(lang)
    if isinstance(drawing, nx.Graph):
        drawing = draw_projection(drawing, words)
    net = _network(drawing)
    html = (
        _environment()
        .get_template("page.html.j2")
        .render(
            title=title,
            lang=words.lang,
            dir="rtl" if label_dir(words.lang) == "rtl" else "ltr",
            w=words,
            note=drawing.note,
            legend=legend(drawing, words),
            apart=drawing.apart,
            data={
                "nodes": net.nodes,
                "edges": net.edges,
                "options": net.options,
                "apart": drawing.apart,
                "facts": drawing.facts,
                **_page_words(words),
            },
            vis_js=_vis_asset("vis-network.min.js", "</script"),
            vis_css=_vis_asset("vis-network.css", "</style"),
        )
    )
    check_data_is_inert(html)
    return html


def render_page(template: str, *, title: str, lang: str, data: dict[str, Any], **extra) -> str:
    """Another page of ours (the timeline) around ``data``, escaped the same way."""
    words = words_for(lang)
    html = (
        _environment()
        .get_template(template)
        .render(
            title=title,
            lang=words.lang,
            dir="rtl" if label_dir(words.lang) == "rtl" else "ltr",
            w=words,
            data={**data, **_page_words(words)},
            **extra,
        )
    )
    check_data_is_inert(html)
    return html


def check_data_is_inert(html: str) -> None:
    """Fail loudly if the JSON data block could end the script it sits in."""
    start = html.index("/*data*/") + len("/*data*/")
    end = html.index("/*end data*/", start)
    data = html[start:end]
    if "<" in data or ">" in data:
        raise AssertionError("graph data in the page is not escaped for a <script> element")


def write_html(
    drawing: Drawing | nx.MultiDiGraph,
    path: Path | str,
    *,
    title: str = "diplograph",
    lang: str = "en",
) -> Path:
    """Write one self-contained, offline HTML page drawing ``drawing``.

    The page draws with vis-network (inlined: the page makes no network
    request), styles each node kind by shape and colour, has a search box (any
    label, any script, accents and case ignored), filters by kind, link or
    stance and date, shows the sentences and articles behind a node or link on
    hover and on click, and stops moving once laid out.

    Parameters
    ----------
    drawing : Drawing or networkx.MultiDiGraph
        What to draw (:mod:`diplograph.view.payload`), or a graph from
        :func:`~diplograph.view.graph.to_networkx`, drawn as it is.
    path : path-like
        The HTML file to write, whole or not at all (missing folders are made).
    title : str, optional
        The page's title and heading.
    lang : str, optional
        Language of the page's words (labels were chosen when projecting).

    Returns
    -------
    pathlib.Path
        ``path``.

    Examples
    --------
    >>> import tempfile
    >>> from diplograph.view.examples import example_store
    >>> from diplograph.view.graph import to_networkx
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     page = write_html(to_networkx(example_store()), Path(folder) / "talks.html")
    ...     print(page.name, page.stat().st_size > 100_000)
    talks.html True
    """
    return write_atomically(path, render_html(drawing, title=title, lang=lang))
