"""What the graph says about one document, read through SPARQL over the public vocabulary.

The document IRI is bound as the parameter ``?doc`` by the store (variable
substitution), never pasted into the query text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from rdflib import URIRef
from rdflib.term import Node

__all__ = [
    "Facts",
    "NodeInfo",
    "PredictedMeeting",
    "Queryable",
    "node_queries",
    "read_facts",
    "read_meetings",
    "read_nodes",
]

PREFIXES = """
PREFIX dip: <https://w3id.org/diplograph/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
DIP = "https://w3id.org/diplograph/ontology#"
WIKIDATA = "http://www.wikidata.org/entity/"
TYPES = ("Person", "Organization", "Country", "Place")

# Each document's facts are read from its own named graph (named by the document IRI):
# a meeting node shared by several articles carries, in each article's graph, only what
# that article says of it, so one article is not credited or blamed for another's facts.
# (merged.py reads the same meetings over the union of all graphs, for the graph rows.)
# Every node the document mentions or that one of its facts involves.
CANDIDATES = """
  {
    SELECT DISTINCT ?doc ?node WHERE {
      GRAPH ?doc {
        { ?doc dip:mentions ?node }
        UNION
        { ?fact prov:wasDerivedFrom ?doc ;
                dip:participant|dip:speaker|dip:holder|dip:location|dip:organization ?node }
      }
      FILTER(isIRI(?node))
    }
  }
"""


def node_queries(candidates: str) -> tuple[str, str, str, str]:
    """The queries for the nodes a ``candidates`` subquery selects (bound to ``?doc``): the
    nodes, their types, their labels and their Wikidata ids.

    The merged-graph scorer selects other candidates and reads them the same way.
    """
    nodes = PREFIXES + "SELECT ?doc ?node WHERE {" + candidates + "}"
    types = (
        PREFIXES
        + "SELECT DISTINCT ?doc ?node ?type WHERE {"
        + candidates
        + """
  ?node a ?type FILTER(?type IN (dip:Person, dip:Organization, dip:Country, dip:Place))
}"""
    )
    labels = (
        PREFIXES
        + "SELECT DISTINCT ?doc ?node ?label WHERE {"
        + candidates
        + "  ?node rdfs:label|skos:altLabel ?label\n}"
    )
    wikidata = (
        PREFIXES
        + "SELECT DISTINCT ?doc ?node ?same WHERE {"
        + candidates
        + """
  ?node owl:sameAs ?same FILTER(STRSTARTS(STR(?same), "http://www.wikidata.org/entity/Q"))
}"""
    )
    return nodes, types, labels, wikidata


NODES, NODE_TYPES, NODE_LABELS, NODE_WIKIDATA = node_queries(CANDIDATES)
MEETINGS = (
    PREFIXES
    + """
SELECT ?doc ?meeting ?day ?start ?end ?place WHERE {
  GRAPH ?doc {
    ?meeting a dip:Meeting ; prov:wasDerivedFrom ?doc .
    OPTIONAL { ?meeting dip:date ?day }
    OPTIONAL { ?meeting dip:startDate ?start ; dip:endDate ?end }
    OPTIONAL { ?meeting dip:location ?place }
  }
}"""
)
PARTICIPANTS = (
    PREFIXES
    + """
SELECT ?doc ?meeting ?who WHERE {
  GRAPH ?doc { ?meeting a dip:Meeting ; prov:wasDerivedFrom ?doc ; dip:participant ?who . }
}"""
)
STATEMENTS = (
    PREFIXES
    + """
SELECT DISTINCT ?doc ?speaker WHERE {
  ?statement a dip:Statement ; prov:wasDerivedFrom ?doc ; dip:speaker ?speaker .
}"""
)
ROLES = (
    PREFIXES
    + """
SELECT ?doc ?role ?holder ?org ?title WHERE {
  GRAPH ?doc {
    ?role a dip:Role ; prov:wasDerivedFrom ?doc ; dip:holder ?holder .
    OPTIONAL { ?role dip:organization ?org }
    OPTIONAL { ?role dip:title ?title }
  }
}"""
)
POSITIONS = (
    PREFIXES
    + """
SELECT DISTINCT ?doc ?holder ?stance WHERE {
  ?position a dip:Position ; prov:wasDerivedFrom ?doc ; dip:holder ?holder ; dip:stance ?stance .
}"""
)


class Queryable(Protocol):
    def query(self, sparql: str, bindings: dict[str, Node] | None = None) -> list[dict]: ...


@dataclass
class NodeInfo:
    types: set[str] = field(default_factory=set)
    labels: set[tuple[str, str]] = field(default_factory=set)
    """(language, text) pairs."""
    wikidata: set[str] = field(default_factory=set)


@dataclass
class PredictedMeeting:
    dates: set[str | None] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    participants: set[str] = field(default_factory=set)


@dataclass
class Facts:
    """The predictions for one document, by node IRI."""

    nodes: dict[str, NodeInfo] = field(default_factory=dict)
    meetings: dict[str, PredictedMeeting] = field(default_factory=dict)
    speakers: set[str] = field(default_factory=set)
    roles: dict[tuple[str, str | None], set[str]] = field(default_factory=dict)
    """(holder, organization) -> English titles."""
    positions: set[tuple[str, str]] = field(default_factory=set)
    """(holder, stance notation)."""


def _s(term: Node | None) -> str | None:
    return None if term is None else str(term)


def read_nodes(
    store: Queryable, queries: tuple[str, str, str, str], params: dict[str, Node]
) -> dict[str, NodeInfo]:
    """Types, labels and Wikidata ids of the nodes selected by ``queries`` (see
    :func:`node_queries`), by node IRI."""
    nodes_q, types_q, labels_q, wikidata_q = queries
    nodes: dict[str, NodeInfo] = {}
    for row in store.query(nodes_q, params):
        nodes[str(row["node"])] = NodeInfo()
    for row in store.query(types_q, params):
        nodes[str(row["node"])].types.add(str(row["type"]).removeprefix(DIP))
    for row in store.query(labels_q, params):
        label = row["label"]
        nodes[str(row["node"])].labels.add((getattr(label, "language", None) or "", str(label)))
    for row in store.query(wikidata_q, params):
        nodes[str(row["node"])].wikidata.add(str(row["same"]).removeprefix(WIKIDATA))
    return nodes


def read_meetings(
    store: Queryable, meetings_q: str, participants_q: str, params: dict[str, Node]
) -> dict[str, PredictedMeeting]:
    """Dates, places and participants of the meetings ``meetings_q`` selects, by node IRI.

    ``meetings_q`` yields ``?meeting ?day ?start ?end ?place`` and ``participants_q``
    ``?meeting ?who``, as :data:`MEETINGS` and :data:`PARTICIPANTS` do.
    """
    meetings: dict[str, PredictedMeeting] = {}
    for row in store.query(meetings_q, params):
        meeting = meetings.setdefault(str(row["meeting"]), PredictedMeeting())
        if row["day"] is not None:
            meeting.dates.add(str(row["day"]))
        elif row["start"] is not None:
            meeting.dates.add(f"{row['start']}/{row['end']}")
        if row["place"] is not None:
            meeting.places.add(str(row["place"]))
    for meeting in meetings.values():
        meeting.dates = meeting.dates or {None}
    for row in store.query(participants_q, params):
        meetings[str(row["meeting"])].participants.add(str(row["who"]))
    return meetings


def read_facts(store: Queryable, doc: URIRef | None) -> Facts:
    """Everything the scorer needs about document ``doc`` (nothing if ``doc`` is ``None``)."""
    facts = Facts()
    if doc is None:
        return facts
    params = {"doc": doc}
    facts.nodes = read_nodes(store, (NODES, NODE_TYPES, NODE_LABELS, NODE_WIKIDATA), params)
    facts.meetings = read_meetings(store, MEETINGS, PARTICIPANTS, params)
    facts.speakers = {str(row["speaker"]) for row in store.query(STATEMENTS, params)}
    for row in store.query(ROLES, params):
        titles = facts.roles.setdefault((str(row["holder"]), _s(row["org"])), set())
        if row["title"] is not None and getattr(row["title"], "language", None) in ("en", None):
            titles.add(str(row["title"]))
    for row in store.query(POSITIONS, params):
        stance = str(row["stance"]).rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
        facts.positions.add((str(row["holder"]), stance))
    return facts
