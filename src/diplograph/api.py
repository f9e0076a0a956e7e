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
from pathlib import Path

from rdflib.term import Node

from diplograph.ingest import IngestReport, ingest_documents
from diplograph.query import bind, canned, resolve_query
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
    """How many documents, triples, meetings, statements... the store holds; and, for
    actors, places and meetings, how many article reports (one per article and node) feed
    how many nodes (``meetings_reported`` → ``meetings_nodes``)."""
    with open_store(store, read_only=True) as graph:
        counts = dict.fromkeys(STAT_KINDS.values(), 0)
        for row in graph.query(canned()["stats"].text):
            kind = str(row["kind"]).rsplit("#", 1)[-1]
            counts[STAT_KINDS[kind]] = int(row["count"])
        for row in graph.query(canned()["resolution"].text):
            # how many reports in articles the resolve stage made into how many nodes
            counts[f"{row['kind']}_reported"] = int(row["reports"])
            counts[f"{row['kind']}_nodes"] = int(row["nodes"])
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
