"""The projected graph for other tools: GraphML and GEXF (Gephi), CSV (spreadsheets).

:func:`~diplograph.view.graph.to_networkx` gives node and edge attributes that are
tuples, lists and dicts; GraphML, GEXF and CSV cells hold only scalars. Every
attribute is flattened by :func:`flatten`, whatever its name, by the shape of its value:

- ``None`` is dropped;
- a number or a string is kept (a string made XML-safe by :func:`xml_safe`);
- ``(language, text)`` pairs (``labels``) become one attribute per language,
  ``label_ar``, ``label_ru``... (``label_und`` for a label with no language; no
  ``labels`` at all, nothing);
- a list of dicts (``statements``) becomes its count, plus ``first_quote``: the first
  non-empty ``quote`` among them, if any;
- any other list, tuple or set becomes its count; a dict becomes ``<name>_<key>``
  attributes; anything else its ``str``.

Node ids are the IRIs. Every edge is kept, parallel ones too: both formats number
the edges (``e0``, ``e1``... in GraphML, ``0``, ``1``... in GEXF) so that ids are unique
(Gephi drops an edge whose id it has seen), and keep the multigraph key in an attribute
(``key`` in GraphML, ``networkx_key`` in GEXF, which :func:`networkx.read_gexf` reads
back as the key). In GEXF a node's ``label`` is its human label, the one Gephi shows.

CSV is two files, ``nodes.csv`` and ``edges.csv``, in plain UTF-8 (no byte-order
mark), with a header row and one row per node or edge.

Every file is written whole or not at all (:func:`diplograph.outfile.write_atomically`).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import networkx as nx

from diplograph.outfile import write_atomically

__all__ = [
    "GRAPH_FORMATS",
    "SERIALIZERS",
    "csv_tables",
    "flat_graph",
    "flatten",
    "gexf_bytes",
    "graphml_bytes",
    "to_csv",
    "to_gexf",
    "to_graphml",
    "xml_safe",
]

Scalar = str | int | float | bool

#: The formats of this module, as ``diplograph export --format`` names them.
GRAPH_FORMATS = ("graphml", "gexf", "csv")

# Characters XML 1.0 forbids (lone surrogates cannot even be encoded as UTF-8).
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# GEXF gives these names a meaning of their own (timeline, hierarchy, drawing).
_GEXF_RESERVED = frozenset({"id", "pid", "start", "end", "type", "viz", "parents", "slices"})

# Columns before the others, in this order; label_<lang> columns follow "label".
_NODE_COLUMNS = ("id", "kind", "label")
_NODE_TAIL = ("date", "end_date", "sources", "stance", "statements")
_EDGE_COLUMNS = ("source", "target", "key", "kind", "label")
_EDGE_TAIL = ("stance", "sources")


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids.

    Those are the control characters but tab, line feed and carriage return,
    U+FFFE, U+FFFF and lone surrogates; markup characters stay (writers escape them).

    Examples
    --------
    >>> xml_safe("Gen\\x00eva\\x0b\\ufffe <b>&</b>")
    'Geneva <b>&</b>'
    >>> xml_safe("line\\tone\\nline two")
    'line\\tone\\nline two'
    """
    return _XML_ILLEGAL.sub("", text)


def _is_pairs(value: Any) -> bool:
    return (
        isinstance(value, tuple | list)
        and len(value) > 0
        and all(
            isinstance(item, tuple) and len(item) == 2 and all(isinstance(x, str) for x in item)
            for item in value
        )
    )


def _first_quote(items: Iterable[Mapping[str, Any]]) -> Iterator[tuple[str, Scalar]]:
    for item in items:
        if item.get("quote"):
            yield "first_quote", xml_safe(str(item["quote"]))
            return


def _flat_value(name: str, value: Any) -> Iterator[tuple[str, Scalar]]:
    if value is None:
        return
    if isinstance(value, bool | int | float):
        yield name, value
    elif isinstance(value, str):
        yield name, xml_safe(value)
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from _flat_value(f"{name}_{key}", item)
    elif _is_pairs(value):
        prefix = name.removesuffix("s")
        for lang, text in value:
            yield xml_safe(f"{prefix}_{lang or 'und'}"), xml_safe(text)
    elif name == "labels" and not value:
        return
    elif isinstance(value, list | tuple | set | frozenset):
        yield name, len(value)
        if all(isinstance(item, Mapping) for item in value):
            yield from _first_quote(value)
    else:
        yield name, xml_safe(str(value))


def flatten(attrs: Mapping[str, Any]) -> dict[str, Scalar]:
    """Node or edge attributes as scalars only (see the module docstring for the rules).

    Parameters
    ----------
    attrs : mapping
        The attributes of one node or edge of :func:`~diplograph.view.graph.to_networkx`.

    Returns
    -------
    dict of str to str, int, float or bool
        With no ``None`` and no character XML forbids.

    Examples
    --------
    >>> flatten({
    ...     "kind": "person", "label": "Sergei Ryabkov", "date": None,
    ...     "labels": (("en", "Sergei Ryabkov"), ("ru", "Сергей Рябков")),
    ...     "statements": [{"quote": None}, {"quote": "difficult\\x00 talks"}],
    ... })  # doctest: +NORMALIZE_WHITESPACE
    {'kind': 'person', 'label': 'Sergei Ryabkov', 'label_en': 'Sergei Ryabkov',
     'label_ru': 'Сергей Рябков', 'statements': 2, 'first_quote': 'difficult talks'}
    """
    flat: dict[str, Scalar] = {}
    for name, value in attrs.items():
        flat.update(_flat_value(name, value))
    return flat


def flat_graph(G: nx.MultiDiGraph, rename: Callable[[str], str] = str) -> nx.MultiDiGraph:
    """A copy of ``G`` with flattened attributes, XML-safe ids and keys, every edge kept.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The graph of :func:`~diplograph.view.graph.to_networkx`.
    rename : callable, optional
        Applied to every attribute name (to avoid a format's reserved names).

    Returns
    -------
    networkx.MultiDiGraph

    Examples
    --------
    >>> from diplograph.view import example_store, to_networkx
    >>> G = to_networkx(example_store())
    >>> H = flat_graph(G)
    >>> (H.number_of_nodes(), H.number_of_edges()) == (len(G), G.number_of_edges())
    True
    >>> H.nodes["https://w3id.org/diplograph/id/grushko"]["label_ru"]
    'Александр Грушко'
    """

    def flat(attrs: Mapping[str, Any]) -> dict[str, Scalar]:
        return {rename(name): value for name, value in flatten(attrs).items()}

    H = nx.MultiDiGraph()
    H.graph.update(flat(G.graph))
    H.add_nodes_from((xml_safe(str(node)), flat(attrs)) for node, attrs in G.nodes(data=True))
    H.add_edges_from(
        (xml_safe(str(u)), xml_safe(str(v)), xml_safe(str(key)), flat(attrs))
        for u, v, key, attrs in G.edges(keys=True, data=True)
    )
    return H


def _gexf_name(name: str) -> str:
    return f"{name}_" if name in _GEXF_RESERVED else name


def graphml_bytes(G: nx.MultiDiGraph) -> bytes:
    """``G`` as a GraphML document (UTF-8), with flattened attributes.

    Edge ids are ``e0``, ``e1``...; each edge's multigraph key is its ``key`` attribute.

    Examples
    --------
    >>> from diplograph.view import example_store, to_networkx
    >>> data = graphml_bytes(to_networkx(example_store(), lang="ar"))
    >>> H = nx.read_graphml(io.BytesIO(data), force_multigraph=True)
    >>> H.nodes["https://w3id.org/diplograph/id/grushko"]["label"]
    'ألكسندر غروشكو'
    """
    flat = flat_graph(G)
    numbered = nx.MultiDiGraph()
    numbered.graph.update(flat.graph)
    numbered.add_nodes_from(flat.nodes(data=True))
    numbered.add_edges_from(
        (u, v, f"e{n}", {**attrs, "key": key})
        for n, (u, v, key, attrs) in enumerate(flat.edges(keys=True, data=True))
    )
    buffer = io.BytesIO()
    nx.write_graphml(numbered, buffer, encoding="utf-8")
    return buffer.getvalue()


def gexf_bytes(G: nx.MultiDiGraph) -> bytes:
    """``G`` as a GEXF 1.2 document (UTF-8), with flattened attributes.

    Node labels are the human labels; attributes GEXF reserves (``start``, ``type``...)
    get a trailing ``_``.

    Examples
    --------
    >>> from diplograph.view import example_store, to_networkx
    >>> H = nx.read_gexf(io.BytesIO(gexf_bytes(to_networkx(example_store()))))
    >>> H.nodes["https://w3id.org/diplograph/id/grushko"]["label"]
    'Alexander Grushko'
    """
    buffer = io.BytesIO()
    nx.write_gexf(flat_graph(G, rename=_gexf_name), buffer, encoding="utf-8")
    return buffer.getvalue()


def _columns(rows: list[dict[str, Scalar]], head: tuple[str, ...], tail: tuple[str, ...]):
    present = {name for row in rows for name in row}
    labels = sorted(name for name in present if name.startswith("label_"))
    known = [*head, *labels, *(name for name in tail if name in present)]
    return known + sorted(present - set(known))


def _table(rows: list[dict[str, Scalar]], head: tuple[str, ...], tail: tuple[str, ...]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(
        buffer, fieldnames=_columns(rows, head, tail), restval="", lineterminator="\n"
    )
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def csv_tables(G: nx.MultiDiGraph) -> dict[str, bytes]:
    """``G`` as two CSV tables (UTF-8, no byte-order mark), by file name.

    ``nodes.csv``: ``id``, ``kind``, ``label``, ``label_<lang>`` for every language
    present, ``date``, ``end_date``, ``sources``, ``stance``, ``statements`` (a count),
    then any other attribute. ``edges.csv``: ``source``, ``target``, ``key``, ``kind``,
    ``label``, ``label_<lang>``..., ``stance``, ``sources``, then any other. A missing
    value is an empty cell.

    Examples
    --------
    >>> from diplograph.view import example_store, to_networkx
    >>> tables = csv_tables(to_networkx(example_store()))
    >>> sorted(tables)
    ['edges.csv', 'nodes.csv']
    >>> tables["edges.csv"].decode().split(",")[:6]
    ['source', 'target', 'key', 'kind', 'label', 'label_ar']
    """
    H = flat_graph(G)
    # the id columns win over any attribute of the same name
    nodes = [{**attrs, "id": node} for node, attrs in H.nodes(data=True)]
    edges = [
        {**attrs, "source": u, "target": v, "key": key}
        for u, v, key, attrs in H.edges(keys=True, data=True)
    ]
    return {
        "nodes.csv": _table(nodes, _NODE_COLUMNS, _NODE_TAIL),
        "edges.csv": _table(edges, _EDGE_COLUMNS, _EDGE_TAIL),
    }


#: The one-file formats: name to a function from the graph to the file's bytes.
SERIALIZERS: dict[str, Callable[[nx.MultiDiGraph], bytes]] = {
    "graphml": graphml_bytes,
    "gexf": gexf_bytes,
}


def to_graphml(G: nx.MultiDiGraph, path: Path | str) -> Path:
    """Write ``G`` as GraphML to ``path`` (whole or not at all); the path written.

    Examples
    --------
    >>> import tempfile
    >>> from diplograph.view import example_store, to_networkx
    >>> G = to_networkx(example_store())
    >>> path = to_graphml(G, Path(tempfile.mkdtemp()) / "g.graphml")
    >>> nx.read_graphml(path, force_multigraph=True).number_of_edges() == G.number_of_edges()
    True
    """
    return write_atomically(path, graphml_bytes(G))


def to_gexf(G: nx.MultiDiGraph, path: Path | str) -> Path:
    """Write ``G`` as GEXF to ``path`` (whole or not at all); the path written.

    Examples
    --------
    >>> import tempfile
    >>> from diplograph.view import example_store, to_networkx
    >>> G = to_networkx(example_store())
    >>> path = to_gexf(G, Path(tempfile.mkdtemp()) / "g.gexf")
    >>> nx.read_gexf(path).number_of_edges() == G.number_of_edges()
    True
    """
    return write_atomically(path, gexf_bytes(G))


def to_csv(G: nx.MultiDiGraph, folder: Path | str) -> tuple[Path, Path]:
    """Write ``folder/nodes.csv`` and ``folder/edges.csv``; the two paths.

    Each file is written whole or not at all (see :func:`csv_tables` for the columns).

    Examples
    --------
    >>> import csv, tempfile
    >>> from diplograph.view import example_store, to_networkx
    >>> G = to_networkx(example_store())
    >>> nodes, edges = to_csv(G, tempfile.mkdtemp())
    >>> with nodes.open(encoding="utf-8", newline="") as file:
    ...     len(list(csv.DictReader(file))) == len(G)
    True
    """
    folder = Path(folder)
    tables = csv_tables(G)
    return (
        write_atomically(folder / "nodes.csv", tables["nodes.csv"]),
        write_atomically(folder / "edges.csv", tables["edges.csv"]),
    )
