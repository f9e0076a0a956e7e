"""Meetings scored on the merged graph, as a query over the whole store sees them.

The per-article rows read each document's own named graph only.  A meeting node that
several articles feed carries, in the union of all graphs, the dates, places and
participants of every one of them: what a user's query returns.  These rows score, for
each document, the meeting nodes derived from it (``prov:wasDerivedFrom``) with what the
union says of them, against that document's gold: a side another article reads wrongly
costs precision here, one it adds rightly gains recall.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import URIRef

from diplograph.evaluate.gold import Gold
from diplograph.evaluate.graph import (
    PREFIXES,
    Facts,
    NodeInfo,
    PredictedMeeting,
    Queryable,
    node_queries,
    read_meetings,
    read_nodes,
)
from diplograph.evaluate.report import DocumentReport
from diplograph.evaluate.scoring import align, display_node, score_meetings

__all__ = ["MergedFacts", "read_merged", "score_merged"]

# No GRAPH clause: the store queries the union of all named graphs.  ``?doc`` is bound by
# the store (a parameter), never written into the text.
MERGED_MEETINGS = (
    PREFIXES
    + """
SELECT ?doc ?meeting ?day ?start ?end ?place WHERE {
  ?meeting a dip:Meeting ; prov:wasDerivedFrom ?doc .
  OPTIONAL { ?meeting dip:date ?day }
  OPTIONAL { ?meeting dip:startDate ?start ; dip:endDate ?end }
  OPTIONAL { ?meeting dip:location ?place }
}"""
)
MERGED_PARTICIPANTS = (
    PREFIXES
    + """
SELECT ?doc ?meeting ?who WHERE {
  ?meeting a dip:Meeting ; prov:wasDerivedFrom ?doc ; dip:participant ?who .
}"""
)
# The places and sides of those meetings, whichever article gave them.
MERGED_CANDIDATES = """
  {
    SELECT DISTINCT ?doc ?node WHERE {
      ?meeting a dip:Meeting ; prov:wasDerivedFrom ?doc ; dip:participant|dip:location ?node .
      FILTER(isIRI(?node))
    }
  }
"""
MERGED_NODES = node_queries(MERGED_CANDIDATES)


@dataclass
class MergedFacts:
    """The meetings of one document as the union of all graphs describes them."""

    meetings: dict[str, PredictedMeeting] = field(default_factory=dict)
    nodes: dict[str, NodeInfo] = field(default_factory=dict)
    """The places and participants of those meetings, by node IRI."""


def read_merged(store: Queryable, doc: URIRef | None) -> MergedFacts:
    """The meeting nodes derived from ``doc``, read from every graph (nothing if ``None``)."""
    if doc is None:
        return MergedFacts()
    params = {"doc": doc}
    return MergedFacts(
        meetings=read_meetings(store, MERGED_MEETINGS, MERGED_PARTICIPANTS, params),
        nodes=read_nodes(store, MERGED_NODES, params),
    )


def score_merged(report: DocumentReport, gold: Gold, facts: Facts, merged: MergedFacts) -> None:
    """Fill ``report.graph_scores`` (and its misses) from the merged view of the meetings.

    Parameters
    ----------
    report
        The document's per-article report; its per-article rows are left as they are.
    gold
        The document's gold annotation.
    facts
        What the document's own graph says (its nodes, aligned as the per-article rows are).
    merged
        What the union of all graphs says of the document's meetings.
    """
    names = align(facts.nodes, gold.entities)
    # A side only another article ties to the meeting is no node of this document: align it
    # with the gold entities this document's own nodes left free, so that the per-article
    # alignment (and with it every other row) stays exactly as it is.
    extra = {iri: info for iri, info in merged.nodes.items() if iri not in facts.nodes}
    taken = set(names.values())
    free = [entity for entity in gold.entities if entity["name"] not in taken]
    names |= align(extra, free)
    nodes = facts.nodes | extra
    score_meetings(
        gold.data["meetings"],
        merged.meetings,
        names,
        lambda node: display_node(node, nodes),
        report.graph_scores,
        report.graph_missed,
        report.graph_spurious,
        own_places={
            iri: facts.meetings[iri].places if iri in facts.meetings else meeting.places
            for iri, meeting in merged.meetings.items()
        },
    )
