"""Graph stores behind one small interface.

The default store is Oxigraph on disk, used through pyoxigraph directly rather
than through rdflib's plugin layer: pyoxigraph gives transactional writes,
native SPARQL with variable substitution (safe parameter binding) and bulk
dumps, and is far faster than the rdflib round-trip for the same work.

Each document's facts live in one named graph whose name is the document IRI.
:meth:`OxigraphStore.write` replaces such graphs in one transaction, so an
interrupted ingest leaves each document exactly old or exactly new, never mixed.
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from diplograph.errors import QueryError, StoreError
from diplograph.rdf.guard import refuse_remote
from diplograph.rdf.inline import inline

__all__ = ["EXPORT_FORMATS", "OxigraphStore", "from_ox", "open_store", "to_ox"]

EXPORT_FORMATS = {
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "turtle": ox.RdfFormat.TURTLE,
    "jsonld": ox.RdfFormat.JSON_LD,
    "ntriples": ox.RdfFormat.N_TRIPLES,
}


@functools.lru_cache(maxsize=1 << 16)
def to_ox(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An rdflib term as a pyoxigraph term (cached: predicates, types and actors recur in
    every document)."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"cannot store {term!r}")


def from_ox(term) -> Node | None:
    """A pyoxigraph term as an rdflib term (``None`` stays ``None``)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise TypeError(f"unexpected term {term!r}")


XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
Quad = tuple[Node, Node, Node, URIRef]


def _canonical(quads: Iterable[ox.Quad]) -> set[ox.Quad]:
    """The quads as Oxigraph will give them back (it stores integer subtypes as xsd:integer),
    so that comparing with what is stored tells real changes only."""
    scratch = ox.Store()
    scratch.extend(quads)
    return set(scratch)


def _update_text(remove: Iterable[ox.Quad], insert: Iterable[ox.Quad]) -> str:
    """One SPARQL update removing and inserting these quads.  Terms are written in their
    N-Triples form (escaped by Oxigraph), which SPARQL reads unchanged."""

    def data(quads: Iterable[ox.Quad]) -> str:
        by_graph: dict[str, list[str]] = {}
        for q in quads:
            by_graph.setdefault(str(q.graph_name), []).append(
                f"{q.subject} {q.predicate} {q.object} ."
            )
        return " ".join(f"GRAPH {g} {{ {' '.join(ts)} }}" for g, ts in by_graph.items())

    return f"DELETE DATA {{ {data(remove)} }} ;\nINSERT DATA {{ {data(insert)} }}"


class Rows(list):
    """The rows of an answer, and its variables in order (an empty answer keeps them)."""

    def __init__(self, rows=(), *, variables: list[str]) -> None:
        super().__init__(rows)
        self.variables = variables


UPDATE = re.compile(r"(?:INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b", re.IGNORECASE)
PROLOGUE = re.compile(r"(?:\s+|#[^\n]*|(?:PREFIX\s+[\w-]*:|BASE)\s*<[^>]*>)", re.IGNORECASE)


def _without_prologue(sparql: str) -> str:
    """The text after comments, PREFIX and BASE declarations."""
    position = 0
    while match := PROLOGUE.match(sparql, position):
        if match.end() == position:
            break
        position = match.end()
    return sparql[position:]


MAX_ROWS = 100_000
"""The most rows a query may answer by default (a cartesian product is an error, not a
memory exhaustion)."""


class OxigraphStore:
    """An Oxigraph database in a folder (created if missing), or in memory."""

    def __init__(self, path: Path | str | None = None, *, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else None
        self._read_only = read_only
        try:
            if self.path is None:
                self._store = ox.Store()
            elif read_only:
                if not self.path.is_dir():
                    raise StoreError(f"{self.path}: no graph store here (run `diplograph ingest`)")
                self._store = ox.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(self.path))
        except OSError as err:
            if "lock" in str(err).lower():
                raise StoreError(
                    f"{self.path}: another process is writing to this graph store "
                    "(wait for it to finish)"
                ) from err
            raise StoreError(f"{self.path}: cannot open the graph store: {err}") from err
        except RuntimeError as err:
            # RocksDB reports a damaged store as a RuntimeError ("Corruption: ...")
            raise StoreError(
                f"{self.path}: the graph store is damaged ({err}); restore it from a "
                "backup or ingest the articles into a new store"
            ) from err

    # --- writing -----------------------------------------------------------

    def put_graph(self, graph: URIRef, triples: Iterable[tuple[Node, Node, Node]]) -> bool:
        """Make named graph ``graph`` hold exactly ``triples``; ``False`` if it already did."""
        return self.write([(graph, triples)])[0]

    def write(
        self,
        replace: Iterable[tuple[URIRef, Iterable[tuple[Node, Node, Node]]]],
        add: Iterable[tuple[URIRef, Iterable[tuple[Node, Node, Node]]]] = (),
        rename: Iterable[tuple[URIRef, URIRef, URIRef]] = (),
        *,
        remove: Iterable[tuple[URIRef, Iterable[tuple[Node, Node, Node]]]] = (),
    ) -> list[bool]:
        """Replace whole named graphs, add to others, remove from others (quads that are
        not there are left alone), and rename nodes inside others (``(graph, old, new)``:
        an article's report of a meeting moving onto the node another article's report
        gives it).

        The whole write is one transaction: a kill at any point leaves every graph as it
        was or as asked, never a mix.  Returns, for each replaced graph, whether it
        changed.  Writing documents in batches keeps Oxigraph's per-transaction cost
        from dominating an ingest.
        """
        new_quads: list[ox.Quad] = []
        stale: list[ox.Quad] = []
        changed: list[bool] = []
        for graph, triples in replace:
            name = ox.NamedNode(str(graph))
            new = {ox.Quad(to_ox(s), to_ox(p), to_ox(o), name) for s, p, o in triples}
            old = set(self._store.quads_for_pattern(None, None, None, name))
            if old and new != old:
                new = _canonical(new)  # what differs may only be how Oxigraph stores a literal
            changed.append(new != old)
            new_quads.extend(new - old)
            stale.extend(old - new)
        for graph, triples in add:
            name = ox.NamedNode(str(graph))
            quads = {ox.Quad(to_ox(s), to_ox(p), to_ox(o), name) for s, p, o in triples}
            new_quads.extend(q for q in quads if q not in self._store)
        adding = set(new_quads)
        for graph, triples in remove:
            name = ox.NamedNode(str(graph))
            quads = {ox.Quad(to_ox(s), to_ox(p), to_ox(o), name) for s, p, o in triples}
            stale.extend(q for q in quads if q in self._store and q not in adding)
        for graph, old_node, new_node in rename:
            moved = self._renamed(ox.NamedNode(str(graph)), to_ox(old_node), to_ox(new_node))
            stale.extend(moved)
            new_quads.extend(moved.values())
        try:
            if stale:
                # pyoxigraph has no transaction handle, but one SPARQL update is one
                # transaction: removals and additions land together or not at all.
                self._store.update(_update_text(stale, new_quads))
            elif new_quads:
                self._store.extend(new_quads)  # one transaction, and much faster
        except OSError as err:
            raise StoreError(f"{self.path}: cannot write to the graph store: {err}") from err
        return changed

    def _renamed(self, graph: ox.NamedNode, old, new) -> dict[ox.Quad, ox.Quad]:
        """The quads of ``graph`` naming ``old``, each with ``new`` in its place."""
        found = set(self._store.quads_for_pattern(old, None, None, graph))
        found |= set(self._store.quads_for_pattern(None, None, old, graph))
        swap = {old: new}
        return {
            q: ox.Quad(
                swap.get(q.subject, q.subject), q.predicate, swap.get(q.object, q.object), graph
            )
            for q in found
        }

    def graphs(self) -> list[URIRef]:
        return sorted(URIRef(g.value) for g in self._store.named_graphs())

    # --- reading -----------------------------------------------------------

    def query(
        self,
        sparql: str,
        bindings: Mapping[str, Node] | None = None,
        *,
        allow_service: bool = False,
        max_rows: int = MAX_ROWS,
    ) -> Rows:
        """Run a SELECT query over the union of all graphs.

        ``bindings`` substitute variables with terms (never by editing the
        query text), so user input cannot change the query's shape.  Oxigraph
        substitutes only variables the query projects, so a parameter must
        appear in the SELECT clause.  ``SERVICE`` and ``LOAD`` are refused unless
        ``allow_service`` (see :mod:`diplograph.rdf.guard`).  An answer of more than
        ``max_rows`` rows is an error, never a silently cut one.
        """
        if not allow_service:
            refuse_remote(sparql)
        text, rest = inline(sparql, {k: to_ox(v) for k, v in (bindings or {}).items()})
        try:
            try:
                result = self._store.query(
                    text,
                    use_default_graph_as_union=True,
                    substitutions={ox.Variable(k): v for k, v in rest.items()},
                )
            except SyntaxError:
                if text is sparql:
                    raise
                # a rewrite the parser refuses: the slower substitutions give the same answer
                result = self._store.query(
                    sparql,
                    use_default_graph_as_union=True,
                    substitutions={ox.Variable(k): to_ox(v) for k, v in bindings.items()},
                )
        except SyntaxError as err:
            if UPDATE.match(_without_prologue(sparql)):
                raise QueryError(
                    "updates are not allowed here: queries only read the graph (ingest writes it)"
                ) from err
            raise QueryError(f"invalid SPARQL: {err}") from err
        except OSError as err:
            raise StoreError(f"{self.path}: query failed: {err}") from err
        except RuntimeError as err:
            # Oxigraph substitutes only variables that the query projects.
            raise QueryError(f"cannot bind parameters: {err}") from err
        if isinstance(result, bool | ox.QueryBoolean):  # pyoxigraph 0.5: QueryBoolean
            return Rows([{"ask": Literal(bool(result))}], variables=["ask"])
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError("only SELECT and ASK queries return rows; use export for graphs")
        names = [v.value for v in result.variables]
        rows = Rows(variables=names)
        try:
            for row in result:
                if len(rows) == max_rows:
                    raise QueryError(
                        f"the answer has more than {max_rows:,} rows: add a LIMIT, or raise "
                        "the limit (--max-rows)"
                    )
                rows.append({n: from_ox(row[n]) for n in names})
        except (OSError, RuntimeError) as err:
            raise StoreError(f"{self.path}: query failed: {err}") from err
        return rows

    def construct(self, sparql: str, bindings: Mapping[str, Node] | None = None):
        refuse_remote(sparql)
        substitutions = {ox.Variable(k): to_ox(v) for k, v in (bindings or {}).items()}
        result = self._store.query(
            sparql, use_default_graph_as_union=True, substitutions=substitutions
        )
        return [(from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)) for t in result]

    def value(self, graph: URIRef, subject: URIRef, predicate: URIRef) -> Node | None:
        """The object of ``subject predicate ?`` in named graph ``graph`` (one of them if
        several), or ``None``: a direct index lookup, no query."""
        for quad in self._store.quads_for_pattern(
            to_ox(subject), to_ox(predicate), None, to_ox(graph)
        ):
            return from_ox(quad.object)
        return None

    def quads(self) -> Iterator[tuple[Node, Node, Node, Node]]:
        for q in self._store:
            yield from_ox(q.subject), from_ox(q.predicate), from_ox(q.object), from_ox(q.graph_name)

    def __len__(self) -> int:
        return len(self._store)

    def dump(self, fmt: str) -> bytes:
        """The whole store in ``fmt`` (``trig``, ``nquads``, ``turtle``, ``jsonld``...).

        Formats without named graphs get the union of all graphs.
        """
        if fmt not in EXPORT_FORMATS:
            raise StoreError(f"unknown export format {fmt!r}; choose from {sorted(EXPORT_FORMATS)}")
        rdf_format = EXPORT_FORMATS[fmt]
        out = io.BytesIO()
        if rdf_format.supports_datasets:
            self._store.dump(out, rdf_format)
        else:
            triples = {ox.Triple(q.subject, q.predicate, q.object) for q in self._store}
            ox.serialize(sorted(triples, key=str), out, rdf_format)
        return out.getvalue()

    def sorted_nquads(self) -> str:
        """Every quad as N-Quads, sorted: equal stores give equal strings."""
        return "\n".join(sorted(str(q) + " ." for q in self._store))

    def close(self) -> None:
        if self.path is not None and not getattr(self, "_read_only", False):
            try:
                self._store.flush()
            except OSError as err:
                raise StoreError(f"{self.path}: cannot flush the graph store: {err}") from err
        del self._store

    def __enter__(self) -> OxigraphStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_store(location: Path | str | None, *, read_only: bool = False) -> OxigraphStore:
    """The store at ``location``: a folder for Oxigraph on disk, ``None`` for memory, or
    an ``http(s)://`` SPARQL 1.1 endpoint (:mod:`diplograph.rdf.remote`)."""
    from diplograph.rdf.remote import RemoteStore, is_endpoint

    if location is not None and is_endpoint(location):
        return RemoteStore(str(location), read_only=read_only)  # same methods
    return OxigraphStore(location, read_only=read_only)
