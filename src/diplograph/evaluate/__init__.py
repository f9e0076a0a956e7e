"""Score the pipeline against gold annotations.

:func:`evaluate` reads a folder of ``ID.txt`` + ``ID.json`` gold files (the format of the
annotated corpus), ingests the articles into a graph store, and scores the graph with
:func:`score`, which reads it only through SPARQL over the public vocabulary.  Rows:

- ``entities``: typed nodes the document ``dip:mentions`` or its facts involve (participants,
  speakers, holders, locations, organizations), matched one-to-one with the gold entities by
  type and Wikidata id or a normalized label equal to the gold name or an alias;
- ``meetings``: same date (day or ``start/end`` range, or none) and same place (or none);
- ``participants``: of each matched meeting pair, micro-averaged;
- ``statements``: distinct speakers; ``roles``: (person, of) pairs; ``positions``: (holder,
  stance) pairs;
- ``meetings (graph)``, ``participants (graph)``: the same two rows on the merged graph, the
  document's meeting nodes described by every article's graph (:mod:`.merged`).

Besides, the real meetings that two or more articles report are checked for one shared
node each (:mod:`.crossdoc`).

A predicted node that matches no gold entity is a false positive in every row.  Scores are
micro-averaged overall and per language.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path

from rdflib import URIRef

from diplograph.errors import ReadError
from diplograph.evaluate.crossdoc import CrossGroup, cross_article, wrong_merges
from diplograph.evaluate.gold import Gold, load_gold
from diplograph.evaluate.graph import Queryable, read_facts
from diplograph.evaluate.merged import read_merged, score_merged
from diplograph.evaluate.normalize import normalize_name
from diplograph.evaluate.render import report_tables
from diplograph.evaluate.report import GRAPH_ROWS, ROWS, DocumentReport, Report, Score
from diplograph.evaluate.scoring import align, score_document

__all__ = [
    "GRAPH_ROWS",
    "ROWS",
    "CrossGroup",
    "DocumentReport",
    "Gold",
    "Report",
    "Score",
    "align",
    "evaluate",
    "load_gold",
    "normalize_name",
    "report_tables",
    "score",
    "score_document",
]


def score(store: Queryable, golds: Sequence[Gold], doc_iris: Sequence[URIRef | None]) -> Report:
    """Score the graph in ``store`` against ``golds``; ``doc_iris[i]`` is the IRI of gold ``i``.

    Each document is scored on its own named graph, its meetings again on the merged graph;
    then the meetings several documents report are checked for one node each.
    """
    report = Report()
    for gold, iri in zip(golds, doc_iris, strict=True):
        facts = read_facts(store, iri)
        document = score_document(gold, facts, None if iri is None else str(iri))
        score_merged(document, gold, facts, read_merged(store, iri))
        report.documents.append(document)
    ids = [gold.id for gold in golds]
    meetings = [gold.data["meetings"] for gold in golds]
    nodes = [document.meeting_nodes for document in report.documents]
    report.cross_article = cross_article(ids, meetings, nodes)
    report.wrong_merges = wrong_merges(ids, meetings, nodes)
    return report


def evaluate(gold_dir: Path | str, *, store: Path | str | None = None) -> Report:
    """Ingest the gold articles of ``gold_dir`` and score what the pipeline extracted.

    The graph goes to a fresh temporary store, or to the store folder ``store`` if given.
    Articles that cannot be read or extracted are listed in ``Report.errors`` and score as
    if nothing had been found in them.
    """
    from diplograph.api import ingest_documents
    from diplograph.rdf.mapping import document_iri
    from diplograph.rdf.store import open_store

    golds = load_gold(gold_dir)
    documents, iris, errors = [], [], []
    for gold in golds:
        try:
            doc = gold.document()
        except ReadError as err:
            errors.append(f"{gold.path}: {err.problem}")
            iris.append(None)
            continue
        documents.append(doc)
        iris.append(document_iri(doc.id))
    with tempfile.TemporaryDirectory(prefix="diplograph-eval-") as scratch:
        folder = Path(store) if store is not None else Path(scratch) / "store"
        ingested = ingest_documents(documents, store=folder)
        if not folder.exists():
            open_store(folder).close()  # nothing was stored: score an empty graph
        with open_store(folder, read_only=True) as graph:
            report = score(graph, golds, iris)
    report.errors = errors + ingested.errors
    return report
