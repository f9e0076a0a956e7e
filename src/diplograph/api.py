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
from diplograph.outfile import write_atomically
from diplograph.query import bind, canned, resolve_query
from diplograph.rdf.store import MAX_ROWS, Rows, open_store
from diplograph.readers import read_paths

__all__ = [
    "IngestReport",
    "KnowledgeGraph",
    "export",
    "export_csv",
    "ingest",
    "ingest_documents",
    "open",
    "query",
    "stats",
    "validate",
    "view",
]


def ingest(
    paths: Iterable[Path | str],
    *,
    store: Path | str,
    jobs: int = 1,
    executor: str | None = None,
) -> IngestReport:
    """Read the files and folders at ``paths`` and add their articles to the store,
    extracting with ``jobs`` worker processes, or on a Dask cluster
    (``executor="dask://HOST:PORT"``)."""
    return ingest_documents(read_paths(paths), store=store, jobs=jobs, executor=executor)


def query(
    sparql: str,
    *,
    store: Path | str,
    params: Mapping[str, str | Node] | None = None,
    allow_service: bool = False,
    max_rows: int = MAX_ROWS,
) -> Rows:
    """Run a canned query (by name), a ``.rq`` file or SPARQL text over the store.
    ``SERVICE`` and ``LOAD`` (requests to other machines) are refused unless
    ``allow_service``; more than ``max_rows`` rows is an error."""
    chosen = resolve_query(sparql)
    bindings = bind(chosen, params or {})
    with open_store(store, read_only=True) as graph:
        return graph.query(chosen.text, bindings, allow_service=allow_service, max_rows=max_rows)


def export(*, store: Path | str, fmt: str = "trig", lang: str = "en") -> bytes:
    """The whole graph serialized as ``trig``, ``nquads``, ``turtle`` or ``jsonld``; or
    its projection (actors, places, meetings, positions: see :mod:`diplograph.view.graph`,
    labels in ``lang``) as ``graphml`` or ``gexf``, for Gephi (see
    :mod:`diplograph.view.export`).  ``csv`` is two files: see :func:`export_csv`."""
    from diplograph.errors import DiplographError
    from diplograph.rdf.store import EXPORT_FORMATS
    from diplograph.view.export import GRAPH_FORMATS, SERIALIZERS
    from diplograph.view.graph import to_networkx

    if fmt == "csv":
        raise DiplographError(
            "csv is two files (nodes.csv, edges.csv): write them with export_csv "
            "(on the command line: --format csv --output DIR)"
        )
    if fmt not in EXPORT_FORMATS and fmt not in SERIALIZERS:
        known = ", ".join([*EXPORT_FORMATS, *GRAPH_FORMATS])
        raise DiplographError(f"unknown export format {fmt!r}: choose {known}")
    with open_store(store, read_only=True) as graph:
        if fmt in EXPORT_FORMATS:
            return graph.dump(fmt)
        network = to_networkx(graph, lang=lang)
    return SERIALIZERS[fmt](network)


def export_csv(*, store: Path | str, folder: Path | str, lang: str = "en") -> tuple[Path, Path]:
    """Write the graph's projection (as :func:`export` does for ``graphml``) to
    ``folder/nodes.csv`` and ``folder/edges.csv``, UTF-8, for spreadsheets; the two paths."""
    from diplograph.view.export import to_csv
    from diplograph.view.graph import to_networkx

    with open_store(store, read_only=True) as graph:
        network = to_networkx(graph, lang=lang)
    return to_csv(network, folder)


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


def view(
    *,
    store: Path | str,
    output: Path | str,
    lang: str = "en",
    page: str = "network",
    actor: str | None = None,
    hops: int = 1,
    event: str | None = None,
    start: str | None = None,
    end: str | None = None,
    limit: int | None = None,
) -> Path:
    """Write an interactive HTML page of the graph (works offline); see
    :mod:`diplograph.view.build` for the pages and their options."""
    from diplograph.view.build import build_page
    from diplograph.view.graph import to_networkx
    from diplograph.view.select import LIMIT

    with open_store(store, read_only=True) as graph:
        network = to_networkx(graph, lang=lang)
    html = build_page(
        network,
        page=page,
        lang=lang,
        actor=actor,
        hops=hops,
        event=event,
        start=start,
        end=end,
        limit=limit or LIMIT,
        title=f"diplograph · {Path(store).name}",
    )
    return write_atomically(Path(output), html)


class KnowledgeGraph:
    """A store opened for a notebook or a script: the functions above, with the store
    given once.  ``diplograph.open(folder)`` makes one.

    >>> import tempfile, diplograph
    >>> kg = diplograph.open(tempfile.mkdtemp())
    >>> kg.ingest_text("Russian Deputy Foreign Minister Sergei Ryabkov met US Deputy "
    ...     "Secretary of State Wendy Sherman in Geneva on Monday.", published="2022-01-11").added
    1
    >>> sorted(str(row["name"]) for row in kg.query("who_met", place="Genève", day="2022-01-10"))
    ['Russia', 'Sergei Ryabkov', 'United States', 'Wendy Sherman']
    >>> frame = kg.df("who_met", place="Genf", day="2022-01-10")
    >>> frame["name"].iloc[0], frame["day"].iloc[0].date().isoformat()
    ('Russia', '2022-01-10')
    >>> sorted(label for _, label in kg.graph().nodes(data="label"))[:3]
    ['Geneva', 'Russia', 'Russia–United States meeting in Geneva, 2022-01-10']
    """

    def __init__(self, store: Path | str) -> None:
        self.store = Path(store)

    def __repr__(self) -> str:
        return f"diplograph.open({str(self.store)!r})"

    def ingest(self, paths: Iterable[Path | str] | Path | str) -> IngestReport:
        """Read files and folders (text, HTML, JSON lines) into the store."""
        if isinstance(paths, str | Path):
            paths = [paths]
        return ingest(paths, store=self.store)

    def ingest_text(self, text: str, **metadata) -> IngestReport:
        """Add one article given as text (``published=``, ``lang=``, ``title=``, ``url=``)."""
        from diplograph.readers import read_text

        return ingest_documents([read_text(text, **metadata)], store=self.store)

    def query(self, sparql: str, **params: str | Node) -> Rows:
        """Rows of a canned query (by name, see ``canned()``), a ``.rq`` file or SPARQL
        text; parameters by keyword, bound as RDF terms."""
        return query(sparql, store=self.store, params=params)

    def df(self, sparql: str, **params: str | Node):
        """The same rows as a pandas DataFrame (numbers as numbers, IRIs and text as
        ``str``, a column of days as pandas dates with ``NaT`` where a row has none, ready
        to sort and plot), with the query's columns even when the answer is empty."""
        import datetime as dt

        import pandas as pd

        rows = self.query(sparql, **params)
        columns = rows.variables
        frame = pd.DataFrame(
            [[_python(row.get(c)) for c in columns] for row in rows], columns=columns
        )
        for column in columns:
            values = frame[column].dropna()
            if len(values) and all(isinstance(v, dt.date) for v in values):
                frame[column] = pd.to_datetime(frame[column])
        return frame

    def graph(self, lang: str = "en"):
        """The store as a networkx graph (actors, places, meetings and what links them)."""
        from diplograph.view.graph import to_networkx

        with open_store(self.store, read_only=True) as store:
            return to_networkx(store, lang=lang)

    def stats(self) -> dict[str, int]:
        return stats(store=self.store)

    def validate(self):
        return validate(store=self.store)


def _python(term: Node | None):
    if term is None:
        return None
    value = term.toPython() if hasattr(term, "toPython") else term
    return str(value) if isinstance(value, Node) else value


def open(store: Path | str) -> KnowledgeGraph:
    """Open (or create at the first ingest) the store at ``store``."""
    return KnowledgeGraph(store)
