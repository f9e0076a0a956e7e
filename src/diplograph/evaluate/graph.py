"""What the graph says about one document, read through SPARQL over the public vocabulary.

The document IRI is bound as the parameter ``?doc`` by the store (variable
substitution), never pasted into the query text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from rdflib import URIRef
from rdflib.term import Node

__all__ = ["Facts", "NodeInfo", "PredictedMeeting", "read_facts"]

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
NODES = PREFIXES + "SELECT ?doc ?node WHERE {" + CANDIDATES + "}"
NODE_TYPES = (
    PREFIXES
    + "SELECT DISTINCT ?doc ?node ?type WHERE {"
    + CANDIDATES
    + """
  ?node a ?type FILTER(?type IN (dip:Person, dip:Organization, dip:Country, dip:Place))
}"""
)
NODE_LABELS = (
    PREFIXES
    + "SELECT DISTINCT ?doc ?node ?label WHERE {"
    + CANDIDATES
    + "  ?node rdfs:label|skos:altLabel ?label\n}"
)
NODE_WIKIDATA = (
    PREFIXES
    + "SELECT DISTINCT ?doc ?node ?same WHERE {"
    + CANDIDATES
    + """
  ?node owl:sameAs ?same FILTER(STRSTARTS(STR(?same), "http://www.wikidata.org/entity/Q"))
}"""
)
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


def read_facts(store: Queryable, doc: URIRef | None) -> Facts:
    """Everything the scorer needs about document ``doc`` (nothing if ``doc`` is ``None``)."""
    facts = Facts()
    if doc is None:
        return facts
    params = {"doc": doc}
    nodes = facts.nodes
    for row in store.query(NODES, params):
        nodes[str(row["node"])] = NodeInfo()
    for row in store.query(NODE_TYPES, params):
        nodes[str(row["node"])].types.add(str(row["type"]).removeprefix(DIP))
    for row in store.query(NODE_LABELS, params):
        label = row["label"]
        nodes[str(row["node"])].labels.add((getattr(label, "language", None) or "", str(label)))
    for row in store.query(NODE_WIKIDATA, params):
        nodes[str(row["node"])].wikidata.add(str(row["same"]).removeprefix(WIKIDATA))
    for row in store.query(MEETINGS, params):
        meeting = facts.meetings.setdefault(str(row["meeting"]), PredictedMeeting())
        if row["day"] is not None:
            meeting.dates.add(str(row["day"]))
        elif row["start"] is not None:
            meeting.dates.add(f"{row['start']}/{row['end']}")
        if row["place"] is not None:
            meeting.places.add(str(row["place"]))
    for meeting in facts.meetings.values():
        meeting.dates = meeting.dates or {None}
    for row in store.query(PARTICIPANTS, params):
        facts.meetings[str(row["meeting"])].participants.add(str(row["who"]))
    facts.speakers = {str(row["speaker"]) for row in store.query(STATEMENTS, params)}
    for row in store.query(ROLES, params):
        titles = facts.roles.setdefault((str(row["holder"]), _s(row["org"])), set())
        if row["title"] is not None and getattr(row["title"], "language", None) in ("en", None):
            titles.add(str(row["title"]))
    for row in store.query(POSITIONS, params):
        stance = str(row["stance"]).rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
        facts.positions.add((str(row["holder"]), stance))
    return facts
