"""A self-contained HTML page drawing a projected graph with vis-network (via pyvis).

:func:`write_html` builds a :class:`pyvis.network.Network` from the graph made by
:func:`~diplograph.view.graph.to_networkx`, then renders it with this package's
own template (``templates/page.html.j2``) rather than pyvis's.

Why our own template
    pyvis 0.3.2's template always links Bootstrap from a CDN (even with
    ``cdn_resources="in_line"``), and writes the heading and options unescaped.
    Ours inlines the vis-network 9.1.2 script and style that ship with pyvis
    (so the page works offline and nothing leaves it), adds a legend and an
    index of nodes, and is rendered by a Jinja environment with autoescaping.
    A ``Content-Security-Policy`` meta tag (``default-src 'none'``) makes the
    browser refuse any request the page might still attempt.

Escaping
    Labels come from news text and may be hostile. Everything written as HTML
    is escaped by Jinja's autoescape. Node and edge data go into the page's
    ``<script>`` through Jinja's ``tojson``, which writes ``<``, ``>``, ``&``
    and ``'`` as ``\\u003c``..., so a ``</script>`` in a label cannot close the
    script; :func:`write_html` also checks that the rendered data holds no ``<``.
    Tooltips are DOM elements built in the page with ``textContent`` (never
    ``innerHTML``); vis-network 9 appends an element title as is, and shows a
    string title as plain text (``innerText``).

Right-to-left text
    In the legend, index and tooltips each label is its own element with
    ``lang`` set and ``dir="rtl"`` for right-to-left languages (Arabic, Hebrew,
    Persian, Urdu...) or ``dir="auto"`` otherwise, so the browser orders it
    correctly. Node labels on the canvas are drawn by vis-network with the
    canvas ``fillText`` API: the browser shapes Arabic there too (joined letter
    forms, right-to-left within the label), as the browser test's screenshot
    shows; the canvas's base direction is left-to-right, so a label mixing
    scripts may order its runs differently from the tooltip.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import networkx as nx
import pyvis
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from pyvis.network import Network

from diplograph.outfile import write_atomically
from diplograph.view.graph import NODE_KINDS

__all__ = ["EDGE_STYLES", "NODE_STYLES", "RTL_LANGUAGES", "label_dir", "render_html", "write_html"]

#: Shape and colour of each node kind: (vis-network shape, colour, word for the legend).
NODE_STYLES: dict[str, tuple[str, str, str]] = {
    "person": ("dot", "#4e79a7", "blue circle"),
    "organization": ("square", "#f28e2b", "orange square"),
    "country": ("diamond", "#e15759", "red diamond"),
    "actor": ("dot", "#9c9c9c", "grey circle"),
    "place": ("triangle", "#59a14f", "green triangle"),
    "meeting": ("hexagon", "#b07aa1", "purple hexagon"),
    "position": ("triangleDown", "#d4a017", "yellow downward triangle"),
}
_OTHER_STYLE = ("dot", "#cccccc", "light grey circle")

#: Colour, dashes and legend text of each edge kind.
EDGE_STYLES: dict[str, tuple[str, bool, str]] = {
    "participant": ("#8c8c8c", False, "actor took part in meeting"),
    "location": ("#59a14f", True, "meeting took place in place (dashed)"),
    "holds-role": ("#f28e2b", False, "person holds an office in (labelled with the title)"),
    "position": ("#d4a017", False, "actor takes a position (labelled with the stance)"),
}

#: Language subtags written right to left.
RTL_LANGUAGES = frozenset(
    {"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ps", "sd", "ug", "ur", "yi"}
)

_KIND_NAMES = {"actor": "actor (untyped)"}

_TEMPLATES = Path(__file__).parent / "templates"
_VIS_DIR = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"


def label_dir(lang: str) -> str:
    """The ``dir`` attribute for text in ``lang``: ``"rtl"`` or ``"auto"``.

    Examples
    --------
    >>> label_dir("ar"), label_dir("fa-IR"), label_dir("en"), label_dir("")
    ('rtl', 'rtl', 'auto', 'auto')
    """
    return "rtl" if lang.lower().split("-")[0] in RTL_LANGUAGES else "auto"


def _text(text: str, lang: str = "", tag: str = "", cls: str = "label") -> dict[str, str]:
    """One line of a tooltip: a (language tag, text) row, rendered with textContent."""
    return {"cls": cls, "tag": tag, "text": text, "lang": lang, "dir": label_dir(lang)}


def _labels(labels: Any) -> list[dict[str, str]]:
    return [_text(text, lang, tag=lang or "—") for lang, text in labels]


def _node_tip(node: str, data: dict[str, Any]) -> list[dict[str, str]]:
    kind = data.get("kind", "")
    tip = [_text(_KIND_NAMES.get(kind, kind), cls="head")]
    tip += _labels(data.get("labels") or [("", data.get("label", node))])
    if data.get("date"):
        when = data["date"] + (f" – {data['end_date']}" if data.get("end_date") else "")
        tip.append(_text(when, tag="date", cls="meta"))
    if data.get("stance"):
        tip.append(_text(data["stance"], tag="stance", cls="meta"))
    for statement in data.get("statements", []):
        said = f"statement {statement['date']}" if statement["date"] else "statement"
        tip.append(_text(said, cls="meta"))
        if statement["quote"]:
            tip.append(_text(statement["quote"], statement["quote_lang"] or "", cls="quote"))
    if data.get("sources"):
        tip.append(_text(str(data["sources"]), tag="sources", cls="meta"))
    tip.append(_text(node, cls="iri"))
    return tip


def _edge_tip(data: dict[str, Any]) -> list[dict[str, str]]:
    tip = [_text(data.get("kind", ""), cls="head")]
    tip += _labels(data.get("labels", ()))
    if data.get("kind") == "position" and data.get("stance"):
        tip.append(_text(data["stance"], tag="stance", cls="meta"))
    if data.get("sources"):
        tip.append(_text(str(data["sources"]), tag="sources", cls="meta"))
    return tip


def _network(G: nx.MultiDiGraph) -> Network:
    net = Network(directed=True, cdn_resources="in_line", select_menu=False, filter_menu=False)
    for node, data in sorted(G.nodes(data=True), key=lambda item: str(item[0])):
        shape, colour, _ = NODE_STYLES.get(data.get("kind", ""), _OTHER_STYLE)
        extra = {"widthConstraint": {"maximum": 180}} if data.get("kind") == "position" else {}
        net.add_node(
            str(node),
            label=str(data.get("label") or node),
            shape=shape,
            color=colour,
            size=12 if data.get("kind") == "meeting" else 10,
            kind=data.get("kind", ""),
            tip=_node_tip(str(node), data),
            **extra,
        )
    for source, target, data in G.edges(data=True):
        colour, dashes, _ = EDGE_STYLES.get(data.get("kind", ""), ("#cccccc", False, ""))
        net.add_edge(
            str(source),
            str(target),
            label=str(data.get("label") or ""),
            color=colour,
            dashes=dashes,
            kind=data.get("kind", ""),
            tip=_edge_tip(data),
        )
    net.options = {
        "nodes": {"font": {"size": 14, "face": "sans-serif"}},
        "edges": {
            "font": {"size": 11, "align": "middle", "face": "sans-serif"},
            "smooth": {"type": "dynamic"},
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
        },
        "physics": {
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 110},
            "stabilization": {"iterations": 300},
        },
        "interaction": {"hover": True, "tooltipDelay": 120},
        # A fixed seed: the same graph is laid out the same way every time.
        "layout": {"randomSeed": 7},
    }
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


def render_html(G: nx.MultiDiGraph, *, title: str = "diplograph") -> str:
    """The page for ``G`` as a string (see :func:`write_html`).

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
    net = _network(G)
    nodes, edges, _, _, _, _ = net.get_network_data()
    kinds = Counter(data.get("kind", "") for _, data in G.nodes(data=True))
    ordered = [k for k in NODE_KINDS if k in kinds] + sorted(set(kinds) - set(NODE_KINDS))
    legend = [
        {
            "kind": _KIND_NAMES.get(kind, kind),
            "shape": NODE_STYLES.get(kind, _OTHER_STYLE)[0],
            "colour": NODE_STYLES.get(kind, _OTHER_STYLE)[1],
            "words": NODE_STYLES.get(kind, _OTHER_STYLE)[2],
            "count": kinds[kind],
        }
        for kind in ordered
    ]
    edge_kinds = Counter(kind for _, _, kind in G.edges(data="kind"))
    edge_legend = [
        {"kind": kind, "colour": colour, "dashes": dashes, "words": words}
        for kind, (colour, dashes, words) in EDGE_STYLES.items()
        if edge_kinds[kind]
    ]
    index = []
    for kind in ordered:
        members = [(n, d) for n, d in G.nodes(data=True) if d.get("kind", "") == kind]
        members.sort(key=lambda item: (str(item[1].get("label", "")).casefold(), str(item[0])))
        index.append(
            {
                "kind": _KIND_NAMES.get(kind, kind),
                "nodes": [
                    {
                        "id": str(n),
                        "labels": [
                            {"text": text, "lang": lang, "dir": label_dir(lang)}
                            for lang, text in (d.get("labels") or [("", d.get("label", n))])
                        ],
                        "date": d.get("date"),
                    }
                    for n, d in members
                ],
            }
        )
    html = (
        _environment()
        .get_template("page.html.j2")
        .render(
            title=title,
            nodes=nodes,
            edges=edges,
            options=net.options,
            legend=legend,
            edge_legend=edge_legend,
            index=index,
            vis_js=_vis_asset("vis-network.min.js", "</script"),
            vis_css=_vis_asset("vis-network.css", "</style"),
        )
    )
    _check_data_is_inert(html)
    return html


def _check_data_is_inert(html: str) -> None:
    """Fail loudly if the JSON data block could end the script it sits in."""
    start = html.index("/*data*/") + len("/*data*/")
    end = html.index("/*end data*/", start)
    data = html[start:end]
    if "<" in data or ">" in data:
        raise AssertionError("graph data in the page is not escaped for a <script> element")
    json.loads(data.strip().removesuffix(";").split("=", 1)[1])


def write_html(G: nx.MultiDiGraph, path: Path | str, *, title: str = "diplograph") -> Path:
    """Write ``G`` as one self-contained, offline HTML page.

    The page draws the graph with vis-network (inlined: the page makes no
    network request), styles each node kind by shape and colour, explains them
    in a legend, lists every node with all its labels in a side index (click to
    focus a node), and shows all labels, dates and statements in tooltips.
    Labels are escaped and right-to-left labels are marked as such (see the
    module docstring).

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph from :func:`~diplograph.view.graph.to_networkx` (any graph with
        ``kind`` and ``label`` node attributes works).
    path : path-like
        The HTML file to write, whole or not at all (missing folders are made).
    title : str, optional
        The page's title and heading.

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
    return write_atomically(path, render_html(G, title=title))
