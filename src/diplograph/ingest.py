"""Ingest: documents → extract → resolve → RDF → store, one batch per transaction.

The stages meet here and nowhere else: extraction knows nothing of the store, the resolve
stage decides which meeting node each report is on from plain records, and the store
writes each batch (new graphs, and the stored reports that move onto or off a node) in
one transaction.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Literal, URIRef

from diplograph.errors import DiplographError, ReadError
from diplograph.fingerprint import document_fingerprint
from diplograph.model import DateRange, Document, Entity, Extraction, Meeting
from diplograph.parallel import Extractor
from diplograph.query import bind, canned
from diplograph.rdf.mapping import (
    ENTITIES_GRAPH,
    RESOLUTION_GRAPH,
    document_iri,
    entity_iri,
    meeting_iri,
    to_graphs,
)
from diplograph.rdf.namespace import DIP, ID
from diplograph.rdf.store import OxigraphStore, open_store
from diplograph.resolve.gazetteer import Gazetteer
from diplograph.resolve.gazetteer import gazetteer as default_gazetteer
from diplograph.resolve.meetings import (
    PAIR_REACH,
    Report,
    assign,
    day_window,
    disputed,
    reports_of,
)

__all__ = ["BATCH", "IngestReport", "ingest_documents"]

BATCH = 50
"""Documents written to the store in one transaction."""

UNLIMITED = 1 << 62
"""The store's own reads are not answers to users: no row limit."""
MEETING_PREFIX = str(ID["meeting/"])
ENTITY_PREFIX = str(ID[""])


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
    moved: int = 0
    """Meeting reports of stored articles moved onto (or off) a node another article gives."""

    @property
    def documents(self) -> int:
        return self.added + self.unchanged

    @property
    def ok(self) -> bool:
        return not self.errors


def ingest_documents(
    documents: Iterable[Document | ReadError],
    *,
    store: Path | str,
    gazetteer: Gazetteer | None = None,
    jobs: int = 1,
    executor: str | None = None,
) -> IngestReport:
    """Extract each document and store its graph; record errors and go on.

    Documents are read and extracted before anything is written, and written in
    batches of :data:`BATCH` (each batch in one transaction).  A document whose
    fingerprint (:mod:`diplograph.fingerprint`) the store already holds is counted as
    unchanged and not extracted again.  ``gazetteer``: the knowledge base names are
    linked to (by default the project's, ``data/kb``).  ``jobs``: worker processes that
    extract (:mod:`diplograph.parallel`); one process writes, in input order, so the
    store ends the same whatever ``jobs`` is.  ``executor``: ``dask://HOST:PORT`` extracts
    on a Dask cluster instead, feeding the same writer.
    """
    report = IngestReport()
    graph: OxigraphStore | None = None  # opened at the first article: no article, no store
    pending: list[tuple[str, Extraction, str]] = []
    fingerprints: dict[str, str] = {}
    first_of: dict[str, str] = {}  # document id -> where this run first read it
    described = Described(lambda: extractor.gazetteer.name_keys)

    def where(doc: Document) -> str:
        return doc.path or f"document {doc.id}"

    def to_extract() -> Iterator[Document]:
        nonlocal graph
        for item in documents:
            if isinstance(item, ReadError):
                report.errors.append(str(item))
                continue
            if item.id in first_of:
                # one id, one graph: a second copy would write its text and metadata
                # beside the first's, or in its place, run after run
                report.duplicates.append(f"{where(item)}: the same article as {first_of[item.id]}")
                continue
            first_of[item.id] = where(item)
            if graph is None:
                graph = open_store(store)
            fingerprint = document_fingerprint(item)
            doc_node = document_iri(item.id)
            if graph.value(doc_node, doc_node, DIP.fingerprint) == Literal(fingerprint):
                report.unchanged += 1  # read and hashed, nothing more: it would not change
                continue
            fingerprints[item.id] = fingerprint
            yield item

    try:
        # the knowledge base is built only once an article needs reading
        with Extractor(gazetteer or default_gazetteer, jobs, executor) as extractor:
            for doc, result in extractor.map(to_extract()):
                if isinstance(result, str):
                    report.errors.append(f"{where(doc)}: {result}")
                    continue
                for event in result.events:
                    report.facts[event.kind] = report.facts.get(event.kind, 0) + 1
                pending.append((where(doc), result, fingerprints.pop(doc.id)))
                if len(pending) >= BATCH:
                    _write_batch(graph, pending, report, described)
                    pending.clear()
            if pending:
                _write_batch(graph, pending, report, described)
    finally:
        if graph is not None:
            graph.close()
    return report


class Described:
    """The triples describing entities (types, labels, ``dip:nameKey``) that this run has
    already stored: the same actors recur in every article, so each batch sends the
    shared graph only what is new to it, and the name keys of each entity are made once."""

    def __init__(self, names: Callable[[], Callable[[Entity], frozenset[str]]]) -> None:
        self._names = names
        self._stored: set = set()
        self._keys: dict[str, list] = {}

    def new(self, entities: Iterable[Entity], triples: Iterable) -> list:
        """Of ``triples`` and the entities' name keys, those not yet stored by this run."""
        found: dict = dict.fromkeys(t for t in triples if t not in self._stored)
        for entity in entities:
            if entity.id not in self._keys:
                node = entity_iri(entity.id)
                names = self._names()
                self._keys[entity.id] = [
                    (node, DIP.nameKey, Literal(key)) for key in sorted(names(entity))
                ]
            found.update(dict.fromkeys(t for t in self._keys[entity.id] if t not in self._stored))
        return list(found)

    def stored(self, triples: Iterable) -> None:
        self._stored.update(triples)


def _write_batch(
    graph: OxigraphStore,
    batch: list[tuple[str, Extraction, str]],
    report: IngestReport,
    described: Described,
) -> None:
    """Resolve and write one batch.  The folded names of each entity are written as
    ``dip:nameKey`` so that a query finds it by any of them, accents and case aside."""
    new: dict[str, list[Report]] = {}
    for _, extraction, _ in batch:
        doc_id = extraction.document.id
        found = [e for e in extraction.events if isinstance(e, Meeting)]
        new[doc_id] = reports_of(found, str(document_iri(doc_id)), doc_id)
    resolution = _resolve(graph, [r for reports in new.values() for r in reports])

    replace: list[tuple[URIRef, list]] = []
    shared: dict = {}
    for where, extraction, fingerprint in batch:
        doc_id = extraction.document.id
        try:
            own, entities = to_graphs(extraction, [resolution.nodes[r] for r in new[doc_id]])
        except (DiplographError, ValueError) as err:
            report.errors.append(f"{where}: cannot be written as RDF: {err}")
            continue
        doc_node = document_iri(doc_id)
        own.append((doc_node, DIP.fingerprint, Literal(fingerprint)))
        replace.append((doc_node, own))
        shared.update(dict.fromkeys(described.new(extraction.entities, entities)))
    flags = [(meeting_iri(node), DIP.disputed, TRUE) for node in sorted(resolution.disputed)]
    unflag = [(meeting_iri(node), DIP.disputed, TRUE) for node in sorted(resolution.undisputed)]
    changes = graph.write(
        replace,
        [(ENTITIES_GRAPH, list(shared)), (RESOLUTION_GRAPH, flags)],
        resolution.renames,
        remove=[(RESOLUTION_GRAPH, unflag)],
    )
    described.stored(shared)
    for changed in changes:
        if changed:
            report.added += 1
        else:
            report.unchanged += 1
    report.moved += len(resolution.renames)


@dataclass
class Resolution:
    """What the resolve stage decided for one batch."""

    nodes: dict[Report, str]
    """The node of each new report."""
    renames: list[tuple[URIRef, URIRef, URIRef]]
    """Stored reports that move: (their article's graph, old node, new node)."""
    disputed: set[str]
    """Nodes whose reports give different days, among those the batch touched."""
    undisputed: set[str]
    """Nodes the batch touched whose reports agree (or that no report is on any more)."""


def _resolve(graph: OxigraphStore, new: list[Report]) -> Resolution:
    """The nodes of the new reports, and what changes for stored ones.

    The stored reports that can move are those within ``PAIR_REACH / 2`` days of the new
    ones' dates (and those the batch's documents gave before, when they change); the
    anchors that decide their nodes lie within their dates and a few days around, read in
    a second, wider window."""
    rewritten = {r.document for r in new}
    earlier = _stored_reports(graph, rewritten)
    window = _widen(day_window([*new, *earlier]), PAIR_REACH // 2)
    near = _window_reports(graph, window) if window else []
    movable = {r for r in near if r.document not in rewritten}
    around = _widen(day_window([*movable, *new]), PAIR_REACH)
    wider = _window_reports(graph, around) if around and around != window else near
    context = {r for r in wider if r.document not in rewritten} - movable
    # What the batch's documents used to say is gone once they are rewritten: the
    # anchors they gave, if no report gives them again, are retired.
    retired = {r.key for r in earlier if r.anchored}
    assigned = assign([*new, *movable, *context], retired)
    renames = [
        (URIRef(r.document), meeting_iri(r.key), meeting_iri(assigned[r]))
        for r in sorted(movable, key=lambda r: (r.document, r.key))
        if assigned[r] != r.key
    ]
    touched = {assigned[r] for r in [*new, *movable]} | {r.key for r in [*movable, *earlier]}
    now_disputed = disputed(assigned) & touched
    return Resolution({r: assigned[r] for r in new}, renames, now_disputed, touched - now_disputed)


def _widen(window: tuple[dt.date, dt.date] | None, days: int) -> tuple[dt.date, dt.date] | None:
    if window is None:
        return None
    step = dt.timedelta(days=days)
    return window[0] - step, window[1] + step


def _window_reports(graph: OxigraphStore, window: tuple[dt.date, dt.date]) -> list[Report]:
    query = canned()["meeting_reports"]
    params = {"first": window[0].isoformat(), "last": window[1].isoformat()}
    return _reports(graph.query(query.text, bind(query, params), max_rows=UNLIMITED))


def _stored_reports(graph: OxigraphStore, documents: set[str]) -> list[Report]:
    """What the store holds of the meetings each of ``documents`` reports."""
    query = canned()["document_meetings"]
    out: list[Report] = []
    for document in sorted(documents):
        rows = graph.query(query.text, bind(query, {"document": document}), max_rows=UNLIMITED)
        out.extend(_reports({**row, "doc": URIRef(document)} for row in rows))
    return out


def _reports(rows: Iterable[dict]) -> list[Report]:
    """Reports from rows of one article's node each (one row per participant)."""
    grouped: dict[tuple, set[str]] = defaultdict(set)
    for row in rows:
        meeting = str(row["meeting"])
        if not meeting.startswith(MEETING_PREFIX):
            continue
        day, start, end, place = row.get("day"), row.get("start"), row.get("end"), row.get("place")
        if day is not None:
            date = DateRange.day(dt.date.fromisoformat(str(day)))
        elif start is not None and end is not None:
            date = DateRange(
                start=dt.date.fromisoformat(str(start)), end=dt.date.fromisoformat(str(end))
            )
        else:
            date = None
        key = (str(row["doc"]), meeting.removeprefix(MEETING_PREFIX), date, _entity(place))
        who = row.get("who")
        grouped[key].update([_entity(who)] if who is not None else [])
    return [
        Report(document, key, date, place, frozenset(sides))
        for (document, key, date, place), sides in grouped.items()
    ]


def _entity(node) -> str | None:
    return None if node is None else str(node).removeprefix(ENTITY_PREFIX)


TRUE = Literal(True)
