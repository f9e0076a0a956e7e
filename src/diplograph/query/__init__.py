"""Canned SPARQL queries (the ``.rq`` files beside this module) and a safe runner.

Each ``.rq`` file starts with comment lines: a one-line description, then
``Parameters:`` followed by ``#   NAME  TYPE  description`` lines, where TYPE is
``string``, ``name`` (a name in any language, case and accents aside: matched against
``dip:nameKey``), ``date`` or ``iri``.  Values are bound to variables by the store
(SPARQL variable substitution), never pasted into the query text.

>>> sorted(canned())[:3]
['actor_timeline', 'co_participation', 'conflicts']
>>> canned()["who_met"].params
{'place': 'name', 'day': 'date'}
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from diplograph.errors import QueryError
from diplograph.text.folding import fold_key

__all__ = ["SAMPLE_PARAMS", "CannedQuery", "bind", "canned", "project_query", "resolve_query"]

HERE = Path(__file__).parent
NAME = re.compile(r"[A-Za-z_][\w-]*")
"""What a canned query's name looks like (SPARQL text never does)."""
SAMPLE_PARAMS: dict[str, dict[str, str]] = {
    "who_met": {"place": "Genf", "day": "2022-01-10"},
    "relayed_only": {"relay": "TASS"},
    "meeting_reports": {"first": "2022-01-01", "last": "2022-12-31"},
    "document_meetings": {"document": "https://w3id.org/diplograph/id/document/none"},
    "actor_timeline": {"actor": "Лавров"},
    "evidence": {"fact": "https://w3id.org/diplograph/id/meeting/bf8e7a03648940f7"},
}
"""Parameters for each canned query that takes some, as questions about ``data/samples``:
what the tests and benchmarks ask."""

PARAM = re.compile(r"^#\s{2,}(?P<name>\w+)\s+(?P<type>string|name|date|iri)\s+(?P<doc>.*)$")


@dataclass(frozen=True)
class CannedQuery:
    name: str
    description: str
    params: dict[str, str]
    """Parameter name -> its type (``string``, ``date`` or ``iri``)."""
    text: str
    param_docs: dict[str, str] = field(default_factory=dict)
    """Parameter name -> what it is."""


def _parse(path: Path) -> CannedQuery:
    text = path.read_text(encoding="utf-8")
    header = [line for line in text.splitlines() if line.startswith("#")]
    params, docs = {}, {}
    for line in header:
        match = PARAM.match(line)
        if match:
            params[match["name"]] = match["type"]
            docs[match["name"]] = match["doc"].strip()
    description = header[0].lstrip("# ").strip() if header else path.stem
    return CannedQuery(path.stem, description, params, text, docs)


@functools.cache
def canned() -> dict[str, CannedQuery]:
    """The canned queries by name."""
    return {path.stem: _parse(path) for path in sorted(HERE.glob("*.rq"))}


@functools.cache
def project_query(name: str) -> str:
    """The text of a query the project runs for itself (``view/meetings``: the graph
    view's), kept in a subfolder beside the canned ones so that all SPARQL lives here."""
    return (HERE / f"{name}.rq").read_text(encoding="utf-8")


def resolve_query(query: str) -> CannedQuery:
    """A canned query's name, a ``.rq`` file's path, or SPARQL text."""
    if query in canned():
        return canned()[query]
    if query.endswith(".rq") or ("\n" not in query and Path(query).is_file()):
        path = Path(query)
        if not path.is_file():
            raise QueryError(f"{query}: no such query file")
        return _parse(path)
    if NAME.fullmatch(query.strip()):
        raise QueryError(
            f"no canned query named {query.strip()!r}: `diplograph query --list` names them"
        )
    return CannedQuery("query", "", {}, query)


def _term(name: str, kind: str, value: str | Node) -> Node:
    if isinstance(value, Node):
        return value
    if kind == "date":
        try:
            return Literal(dt.date.fromisoformat(value).isoformat(), datatype=XSD.date)
        except ValueError as err:
            raise QueryError(f"parameter {name}: {value!r} is not an ISO date") from err
    if kind == "name":
        # matched against dip:nameKey: folded as the name matcher folds text
        return Literal(fold_key(value))
    if kind == "iri":
        if not re.match(r"^https?://[^\s<>\"{}|\\^`]+$", value):
            raise QueryError(f"parameter {name}: {value!r} is not an http(s) IRI")
        return URIRef(value)
    return Literal(value)


def bind(query: CannedQuery, params: Mapping[str, str | Node]) -> dict[str, Node]:
    """Typed terms for ``params``, checked against what the query declares.

    >>> bind(canned()["who_met"], {"place": "Brussels", "day": "2022-01-12"})["day"]
    rdflib.term.Literal('2022-01-12', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#date'))
    """
    unknown = set(params) - set(query.params) if query.params else set()
    if unknown and query.name != "query":
        raise QueryError(f"query {query.name!r} has no parameter {sorted(unknown)[0]!r}")
    missing = [name for name in query.params if name not in params]
    if missing:
        # an unbound parameter matches nothing, and the answer would be silently empty
        name = missing[0]
        raise QueryError(
            f"query {query.name!r} needs parameter {name!r} ({query.params[name]}): -p {name}=..."
        )
    return {
        name: _term(name, query.params.get(name, "string"), value) for name, value in params.items()
    }
