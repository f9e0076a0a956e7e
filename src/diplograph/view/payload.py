"""What a page draws: nodes and links as plain dicts, with their tooltips and details.

A :class:`Drawing` is the data a page script needs and nothing else: every
string in it is news text or a label, and the page only ever writes it with
``textContent`` (see :mod:`diplograph.view.page`). Two drawings are made here:

:func:`draw_projection`
    any graph from :func:`~diplograph.view.graph.to_networkx` (or a part of it)
    as it is: actors, meetings, places, positions.
:func:`draw_actor_network`
    the :func:`~diplograph.view.network.actor_network`: actors only, links
    weighted by shared meetings and coloured by the stances between them.

Each node and link carries ``tip`` (a few lines, shown on hover: the labels,
the date and the first evidence sentences with their articles) and ``info``
(everything, shown on click, with links to the articles).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import networkx as nx

from diplograph.view.graph import NODE_KINDS
from diplograph.view.network import stance_sign
from diplograph.view.words import Words

__all__ = [
    "EDGE_STYLES",
    "NODE_STYLES",
    "RTL_LANGUAGES",
    "SIGN_COLOURS",
    "Drawing",
    "draw_actor_network",
    "draw_projection",
    "label_dir",
]

#: Shape and colour of each node kind (vis-network shape names).
NODE_STYLES: dict[str, tuple[str, str]] = {
    "person": ("dot", "#4e79a7"),
    "organization": ("square", "#f28e2b"),
    "country": ("diamond", "#e15759"),
    "actor": ("dot", "#9c9c9c"),
    "place": ("triangle", "#59a14f"),
    "meeting": ("hexagon", "#b07aa1"),
    "position": ("triangleDown", "#d4a017"),
    "group": ("database", "#76b7b2"),
}
_OTHER_STYLE = ("dot", "#cccccc")

#: Colour and dashes of each edge kind of the projection.
EDGE_STYLES: dict[str, tuple[str, bool]] = {
    "participant": ("#8c8c8c", False),
    "location": ("#59a14f", True),
    "holds-role": ("#f28e2b", False),
    "position": ("#d4a017", False),
    "target": ("#d4a017", True),
}

#: Colour of an actor-network link by the stances between its ends.
SIGN_COLOURS = {"friendly": "#2e8b57", "hostile": "#d62728", "mixed": "#ff7f0e", "": "#9aa5b1"}

#: Language subtags written right to left.
RTL_LANGUAGES = frozenset(
    {"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ps", "sd", "ug", "ur", "yi"}
)

#: How many evidence sentences a tooltip shows.
TIP_EVIDENCE = 2

#: How many meetings, stances or statements the details panel lists (then "and N more"):
#: a link between two states grouped from thousands of actors holds thousands.
INFO_ITEMS = 30
LINK_ITEMS = 20
"""The same for a link's meetings and stances (a page holds many more links than nodes)."""


def label_dir(lang: str | None) -> str:
    """The ``dir`` attribute for text in ``lang``: ``"rtl"`` or ``"auto"``.

    Examples
    --------
    >>> label_dir("ar"), label_dir("fa-IR"), label_dir("en"), label_dir(None)
    ('rtl', 'rtl', 'auto', 'auto')
    """
    return "rtl" if (lang or "").lower().split("-")[0] in RTL_LANGUAGES else "auto"


@dataclass
class Drawing:
    """The nodes and links a page draws, its legend, and what it left out."""

    nodes: list[dict[str, Any]] = field(default_factory=list)
    edges: list[dict[str, Any]] = field(default_factory=list)
    apart: list[dict[str, Any]] = field(default_factory=list)
    """Nodes gathered apart (not drawn): actors linked to no one."""
    note: str = ""
    """A line above the drawing, such as why it is grouped."""
    facts: dict[str, list] = field(default_factory=dict)
    """Rows of the meetings and stances behind links, by key (a tooltip shows the first
    three: the fact, its first sentence and article); a link lists its facts' keys in
    ``refs``."""

    def kinds(self) -> Counter[str]:
        return Counter(node["kind"] for node in self.nodes)


def _row(cls: str, text: str, lang: str | None = None, tag: str = "") -> dict[str, str]:
    return {"cls": cls, "text": text, "lang": lang or "", "dir": label_dir(lang), "tag": tag}


def safe_url(url: str | None) -> str | None:
    """``url`` if it is an http(s) address, else ``None`` (no ``javascript:`` links).

    >>> safe_url("https://example.org/a"), safe_url("javascript:alert(1)"), safe_url(None)
    ('https://example.org/a', None, None)
    """
    if not url:
        return None
    return url if urlsplit(url.strip()).scheme.lower() in {"http", "https"} else None


def _evidence_rows(evidence: list[dict[str, Any]], words: Words, limit: int | None) -> list:
    rows: list[dict[str, str]] = []
    shown = evidence if limit is None else evidence[:limit]
    for said in shown:
        rows.append(_row("quote", said["sentence"], said.get("lang")))
        source = " · ".join(part for part in (said.get("outlet"), said.get("published")) if part)
        if said.get("headline"):
            rows.append(_row("source", said["headline"], said.get("lang"), tag=source))
        elif source:
            rows.append(_row("source", source))
        url = safe_url(said.get("url"))
        if url and limit is None:
            rows.append({**_row("link", words["open_article"]), "href": url})
    if limit is not None and len(evidence) > limit:
        rows.append(_row("meta", words.count("more", len(evidence) - limit)))
    return rows


def _labels_rows(data: dict[str, Any], node: str) -> list[dict[str, str]]:
    labels = data.get("labels") or [("", data.get("label", node))]
    return [_row("label", text, lang, tag=lang) for lang, text in labels]


def _dates(data: dict[str, Any]) -> list[str]:
    dates = [data[key] for key in ("date", "end_date") if data.get(key)]
    dates += [s["date"] for s in data.get("statements", []) if s.get("date")]
    return sorted(set(dates))


def _node_rows(node: str, data: dict[str, Any], words: Words, limit: int | None) -> list:
    kind = data.get("kind", "")
    head = words.stance(data["stance"]) if kind == "position" and data.get("stance") else ""
    rows = [_row("head", words.kind(kind) + (f" · {head}" if head else ""))]
    rows += _labels_rows(data, node)
    if data.get("date"):
        when = data["date"] + (f" – {data['end_date']}" if data.get("end_date") else "")
        rows.append(_row("meta", when))
    if data.get("disputed"):
        rows.append(_row("warn", words["disputed"]))
    if (data.get("sources") or 0) > 1:
        rows.append(_row("meta", words.count("reported_by", data["sources"])))
    rows += _evidence_rows(data.get("evidence", []), words, limit)
    statements = data.get("statements", [])
    shown = statements[:INFO_ITEMS] if limit is None else statements[:TIP_EVIDENCE]
    for statement in shown:
        rows.append(_row("meta", f"{words['said']} {statement.get('date') or ''}".strip()))
        if statement.get("quote"):
            rows.append(_row("quote", statement["quote"], statement.get("quote_lang")))
        rows += _evidence_rows(statement.get("evidence", []), words, 1 if limit else None)
    if len(statements) > len(shown):
        rows.append(_row("meta", words.count("more", len(statements) - len(shown))))
    if limit is None:
        rows.append(_row("iri", node))
    return rows


def _size(activity: int) -> tuple[float, int]:
    """Node size and label size by activity: the busiest actors stand out."""
    return 8 + 5 * math.sqrt(activity), 13 + min(9, round(2 * math.sqrt(activity)))


def _node(node: str, data: dict[str, Any], words: Words, activity: int = 0) -> dict[str, Any]:
    kind = data.get("kind", "")
    shape, colour = NODE_STYLES.get(kind, _OTHER_STYLE)
    size, font = _size(activity)
    return {
        "id": node,
        "label": str(data.get("label") or node),
        "kind": kind,
        "shape": shape,
        "color": colour,
        "size": size,
        "font": {"size": font},
        "names": [text for _, text in data.get("labels") or []] or [str(data.get("label", node))],
        "dates": _dates(data),
        "stances": [data["stance"]] if data.get("stance") else [],
        "tip": _node_rows(node, data, words, TIP_EVIDENCE),
        "info": _node_rows(node, data, words, None),
        **({"widthConstraint": {"maximum": 180}} if kind == "position" else {}),
    }


def draw_projection(G: nx.MultiDiGraph, words: Words) -> Drawing:
    """Draw the projection (or a part of it) node for node, link for link."""
    drawing = Drawing()
    degree = dict(G.degree())
    for node, data in sorted(G.nodes(data=True), key=lambda item: str(item[0])):
        drawing.nodes.append(_node(str(node), data, words, degree.get(node, 0)))
    for i, (source, target, data) in enumerate(G.edges(data=True)):
        kind = data.get("kind", "")
        colour, dashes = EDGE_STYLES.get(kind, ("#cccccc", False))
        label = words.stance(data["stance"]) if data.get("stance") else data.get("label", "")
        tip = [_row("head", words.kind(kind) if kind in words.kinds else kind.replace("-", " "))]
        tip += [_row("label", text, lang, tag=lang) for lang, text in data.get("labels", ())]
        drawing.edges.append(
            {
                "id": f"e{i}",
                "from": str(source),
                "to": str(target),
                "kind": kind,
                "label": str(label or ""),
                "color": colour,
                "dashes": dashes,
                "width": 1.5,
                "arrows": "to",
                "met": kind == "participant",
                "stances": [data["stance"]] if data.get("stance") else [],
                "dates": [],
                "tip": tip + _evidence_rows(data.get("evidence", []), words, TIP_EVIDENCE),
                "info": tip + _evidence_rows(data.get("evidence", []), words, None),
            }
        )
    return drawing


def _fact(
    drawing: Drawing, key: str, head: str, evidence: list[dict[str, Any]], words: Words
) -> str:
    """Put a meeting's or a stance's rows in the drawing's shared table, once: a meeting
    of six sides stands on fifteen links, and its sentence is written once."""
    if key not in drawing.facts:
        drawing.facts[key] = [_row("label", head), *_evidence_rows(evidence, words, None)]
    return key


def _link(
    drawing: Drawing, H: nx.Graph, G: nx.MultiDiGraph, a: str, b: str, words: Words
) -> tuple[list[dict[str, str]], list[str]]:
    """A link's own rows (who, how often) and the facts behind it, as keys of the table."""
    link = H.edges[a, b]
    rows = [_row("head", f"{H.nodes[a]['label']} — {H.nodes[b]['label']}")]
    if link["meetings"]:
        rows.append(_row("meta", f"{words['met']} × {len(link['meetings'])}"))
    refs = []
    for meeting in link["meetings"][:LINK_ITEMS]:
        data = G.nodes[meeting]
        head = f"{data.get('date') or words['undated']} · {data['label']}"
        refs.append(_fact(drawing, meeting, head, data.get("evidence", []), words))
    for said in link["stances"][:LINK_ITEMS]:
        holder, target = H.nodes[said["holder"]]["label"], H.nodes[said["target"]]["label"]
        head = f"{holder} {words.stance(said['stance'])} · {target}"
        key = f"{said['position']} {said['holder']} {said['target']}"
        refs.append(_fact(drawing, key, head, G.nodes[said["position"]].get("evidence", []), words))
    hidden = len(link["meetings"]) + len(link["stances"]) - len(refs)
    if hidden > 0:
        rows.append(_row("meta", words.count("more", hidden)))
    return rows, refs


def _link_dates(H: nx.Graph, G: nx.MultiDiGraph, a: str, b: str) -> list[str]:
    link = H.edges[a, b]
    dates = {G.nodes[m].get("date") for m in link["meetings"]}
    for said in link["stances"]:
        for statement in G.nodes[said["position"]].get("statements", []):
            dates.add(statement.get("date"))
    return sorted(d for d in dates if d)


def draw_actor_network(
    H: nx.Graph, G: nx.MultiDiGraph, words: Words, *, keep_isolated: bool = False
) -> Drawing:
    """Draw the actor network ``H`` (made from ``G``): links by weight and sign.

    Actors linked to no one are listed apart (``Drawing.apart``) unless
    ``keep_isolated``: a ring of unconnected dots tells a reader nothing.
    """
    drawing = Drawing()
    for node, data in sorted(H.nodes(data=True), key=lambda item: str(item[0])):
        if H.degree(node) == 0 and not keep_isolated:
            drawing.apart.append(
                {
                    "id": node,
                    "label": str(data.get("label", node)),
                    "info": _node_rows(node, data, words, None),
                }
            )
            continue
        drawn = _node(node, data, words, data.get("activity", 0))
        drawn["dates"] = sorted(
            {*drawn["dates"], *(G.nodes[m].get("date") or "" for m in data.get("meetings", ()))}
            - {""}
        )
        drawing.nodes.append(drawn)
    for i, (a, b, link) in enumerate(sorted(H.edges(data=True), key=lambda e: (e[0], e[1]))):
        stances = sorted({s["stance"] for s in link["stances"]})
        rows, refs = _link(drawing, H, G, a, b, words)
        drawing.edges.append(
            {
                "id": f"l{i}",
                "from": a,
                "to": b,
                "kind": "link",
                "label": "",
                "color": SIGN_COLOURS[link["sign"]],
                "dashes": not link["meetings"],
                "width": 1 + 1.8 * math.log2(1 + link["weight"]),
                "met": bool(link["meetings"]),
                "sign": link["sign"],
                "stances": stances,
                "dates": _link_dates(H, G, a, b),
                "tip": rows,
                "info": rows,
                "refs": refs,
            }
        )
    return drawing


def legend(drawing: Drawing, words: Words) -> dict[str, Any]:
    """The kinds drawn, in the legend's order, and the link colours in use."""
    counts = drawing.kinds()
    order = [k for k in (*NODE_KINDS, "group") if k in counts] + sorted(
        set(counts) - {*NODE_KINDS, "group"}
    )
    kinds = [
        {
            "kind": kind,
            "word": words.kind(kind),
            "shape": NODE_STYLES.get(kind, _OTHER_STYLE)[0],
            "colour": NODE_STYLES.get(kind, _OTHER_STYLE)[1],
            "count": counts[kind],
        }
        for kind in order
    ]
    stances = sorted({s for item in drawing.nodes + drawing.edges for s in item["stances"]})
    links = []
    if any(edge["met"] for edge in drawing.edges):
        links.append({"value": "met", "word": words["met"], "colour": SIGN_COLOURS[""]})
    for stance in stances:
        colour = SIGN_COLOURS[stance_sign([stance])]
        links.append({"value": stance, "word": words.stance(stance), "colour": colour})
    return {"kinds": kinds, "links": links}
