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
  stance) pairs.

A predicted node that matches no gold entity is a false positive in every row.  Scores are
micro-averaged overall and per language.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from diplograph.errors import ReadError
from diplograph.evaluate.gold import Gold, load_gold
from diplograph.evaluate.normalize import normalize_name
from diplograph.evaluate.render import report_tables
from diplograph.evaluate.scoring import (
    ROWS,
    DocumentReport,
    Report,
    Score,
    align,
    score,
    score_document,
)

__all__ = [
    "ROWS",
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
        with open_store(folder, read_only=True) as graph:
            report = score(graph, golds, iris)
    report.errors = errors + ingested.errors
    return report
