"""The Python API: what the CLI and the notebooks call.

Every function takes the store's folder by keyword and returns plain data.

>>> import tempfile
>>> from diplograph.readers import read_text
>>> folder = tempfile.mkdtemp()
>>> report = ingest_documents([read_text("NATO Secretary General Jens Stoltenberg said "
...     "on Wednesday that NATO met Russia in Brussels.", published="2022-01-12")], store=folder)
>>> report.added
1
>>> stats(store=folder)["documents"]
1
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import URIRef
from rdflib.term import Node

from diplograph.errors import DiplographError, ReadError
from diplograph.extract.pipeline import extract
from diplograph.model import Document
from diplograph.query import bind, canned, resolve_query
from diplograph.rdf.mapping import ENTITIES_GRAPH, document_iri, to_graphs
from diplograph.rdf.store import MAX_ROWS, open_store
from diplograph.readers import read_paths

__all__ = [
    "IngestReport",
    "export",
    "ingest",
    "ingest_documents",
    "query",
    "stats",
    "validate",
    "view",
]


@dataclass
class IngestReport:
    """What one ingest did."""

    added: int = 0
    """Documents whose graph was written or changed."""
    unchanged: int = 0
    """Documents already stored exactly as they are now."""
    errors: list[str] = field(default_factory=list)
    """One message per file, line or document that failed, naming it and the problem."""
    facts: dict[str, int] = field(default_factory=dict)
    """Events extracted in this run, by kind."""
    duplicates: list[str] = field(default_factory=list)
    """Documents skipped because an earlier one of the same run is the same article (the
    same text, however it is spaced): one message each, naming both."""

    @property
    def documents(self) -> int:
        return self.added + self.unchanged

    @property
    def ok(self) -> bool:
        return not self.errors


BATCH = 50
"""Documents written to the store in one transaction."""


def ingest_documents(
    documents: Iterable[Document | ReadError], *, store: Path | str
) -> IngestReport:
    """Extract each document and store its graph; record errors and go on.

    Documents are read and extracted before anything is written, and written in
    batches of :data:`BATCH` (each batch's new quads in one transaction).
    """
    report = IngestReport()
    graph = None  # opened at the first write: a run that reads nothing makes no store
    pending: list[tuple[URIRef, list]] = []
    described: list = []
    seen: set = set()

    def flush() -> None:
        nonlocal graph
        if not pending:
            return
        if graph is None:
            graph = open_store(store)
        for changed in graph.write(pending, [(ENTITIES_GRAPH, described)]):
            if changed:
                report.added += 1
            else:
                report.unchanged += 1
        pending.clear()
        described.clear()

    first_of: dict[str, str] = {}  # document id -> where this run first read it
    try:
        for item in documents:
            if isinstance(item, ReadError):
                report.errors.append(str(item))
                continue
            where = item.path or f"document {item.id}"
            if item.id in first_of:
                # one id, one graph: a second copy would write its text and metadata
                # beside the first's, or in its place, run after run
                report.duplicates.append(f"{where}: the same article as {first_of[item.id]}")
                continue
            first_of[item.id] = where
            try:
                extraction = extract(item)
                own, entities = to_graphs(extraction)
            except (DiplographError, ValueError) as err:
                report.errors.append(f"{where}: extraction failed: {err}")
                continue
            except Exception as err:  # a bug met on one article must not lose the others
                report.errors.append(
                    f"{where}: extraction failed (internal error, please report it): "
                    f"{type(err).__name__}: {err}"
                )
                continue
            for event in extraction.events:
                report.facts[event.kind] = report.facts.get(event.kind, 0) + 1
            pending.append((document_iri(item.id), own))
            # The same actors come with article after article: each triple goes once.
            for triple in entities:
                if triple not in seen:
                    seen.add(triple)
                    described.append(triple)
            if len(pending) >= BATCH:
                flush()
        flush()
    finally:
        if graph is not None:
            graph.close()
    return report


def ingest(paths: Iterable[Path | str], *, store: Path | str) -> IngestReport:
    """Read the files and folders at ``paths`` and add their articles to the store."""
    return ingest_documents(read_paths(paths), store=store)


def query(
    sparql: str,
    *,
    store: Path | str,
    params: Mapping[str, str | Node] | None = None,
    allow_service: bool = False,
    max_rows: int = MAX_ROWS,
) -> list[dict[str, Node | None]]:
    """Run a canned query (by name), a ``.rq`` file or SPARQL text over the store.
    ``SERVICE`` and ``LOAD`` (requests to other machines) are refused unless
    ``allow_service``; more than ``max_rows`` rows is an error."""
    chosen = resolve_query(sparql)
    bindings = bind(chosen, params or {})
    with open_store(store, read_only=True) as graph:
        return graph.query(chosen.text, bindings, allow_service=allow_service, max_rows=max_rows)


def export(*, store: Path | str, fmt: str = "trig") -> bytes:
    """The whole graph serialized as ``trig``, ``nquads``, ``turtle`` or ``jsonld``."""
    with open_store(store, read_only=True) as graph:
        return graph.dump(fmt)


STAT_KINDS = {
    "Document": "documents",
    "Meeting": "meetings",
    "Statement": "statements",
    "Position": "positions",
    "Role": "roles",
    "Person": "persons",
    "Organization": "organizations",
    "Country": "countries",
    "Place": "places",
}


def stats(*, store: Path | str) -> dict[str, int]:
    """How many documents, triples, meetings, statements... the store holds."""
    with open_store(store, read_only=True) as graph:
        counts = dict.fromkeys(STAT_KINDS.values(), 0)
        for row in graph.query(canned()["stats"].text):
            kind = str(row["kind"]).rsplit("#", 1)[-1]
            counts[STAT_KINDS[kind]] = int(row["count"])
        counts["quads"] = len(graph)
        return counts


def validate(*, store: Path | str):
    """Check the graph against ``ontology/shapes.ttl``; see :mod:`diplograph.rdf.validate`."""
    from diplograph.rdf.validate import validate_store

    return validate_store(store)


def view(*, store: Path | str, output: Path | str, lang: str = "en") -> Path:
    """Write an interactive HTML view of the graph (works offline)."""
    from diplograph.view.graph import to_networkx
    from diplograph.view.page import write_html

    with open_store(store, read_only=True) as graph:
        network = to_networkx(graph, lang=lang)
    return write_html(network, Path(output))
