"""A SPARQL 1.1 database over HTTP as the graph store, for graphs past one machine.

``--store http://USER:PASSWORD@HOST:PORT/sparql`` queries the endpoint by the SPARQL 1.1
Protocol and writes by SPARQL 1.1 Update to the same path with ``-auth`` appended (Virtuoso's
``/sparql-auth``, with HTTP Digest authentication; the anonymous endpoint never needs to accept
updates). Without a user and password, updates go to the query URL itself.

A server gives no transaction across requests, and limits the size of one (Virtuoso refuses
``INSERT DATA`` of more than about 5,000 triples), so a write is a sequence of requests,
each idempotent, ordered so that an interrupted write is always repaired by running the
same ingest again:

1. triples added to shared graphs (entities, resolution): adding twice changes nothing;
2. triples removed, and nodes renamed inside stored articles' graphs: again a no-op when
   repeated;
3. each article's graph: dropped, then written in chunks of :data:`CHUNK` triples, its
   ``dip:fingerprint`` in the last request. An article cut off mid-write has no
   fingerprint, so the next ingest extracts and writes it again, whole.

A request that fails (a deadlock between concurrent writers, a dropped connection) is retried
a few times before the write gives up with a clear error. No blank nodes are written: each
request would make new ones.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator, Mapping

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from diplograph.errors import QueryError, StoreError
from diplograph.rdf.guard import refuse_remote
from diplograph.rdf.inline import inline
from diplograph.rdf.namespace import DIP, ID
from diplograph.rdf.store import Rows, open_store, to_ox

__all__ = ["CHUNK", "RemoteStore", "is_endpoint"]

CHUNK = 2_000
"""Triples per update request: well under Virtuoso's limit of about 5,000."""
RETRIES = 4
OURS = str(ID[""])
"""Only graphs under this prefix are ours (a server keeps its own system graphs)."""


def is_endpoint(location: object) -> bool:
    """Whether ``location`` names an HTTP endpoint rather than a folder."""
    text = str(location)
    return text.startswith(("http://", "https://", "http:/", "https:/"))


def _url(location: str) -> str:
    # A path option turns "http://" into "http:/": give the slash back.
    for scheme in ("http:/", "https:/"):
        if location.startswith(scheme) and not location.startswith(scheme + "/"):
            return scheme + "/" + location[len(scheme) :]
    return location


def _term(term: Node) -> str:
    """A term in N-Triples syntax, as pyoxigraph writes it (escaped, IRIs checked)."""
    if isinstance(term, BNode):
        raise StoreError(f"cannot write {term!r} to a SPARQL endpoint: no blank nodes are written")
    return str(to_ox(term))


def _triples(triples: Iterable[tuple[Node, Node, Node]]) -> Iterator[str]:
    for s, p, o in triples:
        yield f"{_term(s)} {_term(p)} {_term(o)} ."


def _from_json(value: Mapping | None) -> Node | None:
    if value is None:
        return None
    kind = value["type"]
    if kind == "uri":
        return URIRef(value["value"])
    if kind == "bnode":
        return BNode(value["value"])
    if "xml:lang" in value:
        return Literal(value["value"], lang=value["xml:lang"])
    datatype = value.get("datatype")
    if datatype and datatype != "http://www.w3.org/2001/XMLSchema#string":
        return Literal(value["value"], datatype=URIRef(datatype))
    return Literal(value["value"])


class RemoteStore:
    """The store's methods, on a SPARQL 1.1 endpoint (see the module docstring)."""

    def __init__(self, location: str, *, read_only: bool = False) -> None:
        parts = urllib.parse.urlsplit(_url(str(location)))
        netloc = parts.hostname + (f":{parts.port}" if parts.port else "")
        self.query_url = urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, "", ""))
        self.path = self.query_url
        self._read_only = read_only
        handlers: list = []
        if parts.username:
            self.update_url = self.query_url + "-auth"
            passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            passwords.add_password(
                None,
                self.update_url,
                urllib.parse.unquote(parts.username),
                urllib.parse.unquote(parts.password or ""),
            )
            handlers.append(urllib.request.HTTPDigestAuthHandler(passwords))
        else:
            self.update_url = self.query_url
        self._http = urllib.request.build_opener(*handlers)
        self._ask("ASK { }")  # fail now, clearly, if nothing answers

    # --- HTTP ----------------------------------------------------------------

    def _post(self, url: str, field: str, text: str, accept: str) -> bytes:
        data = urllib.parse.urlencode({field: text}).encode()
        request = urllib.request.Request(url, data=data, headers={"Accept": accept})
        for attempt in range(RETRIES):
            try:
                with self._http.open(request, timeout=300) as response:
                    return response.read()
            except urllib.error.HTTPError as err:
                body = err.read().decode("utf-8", "replace")[:300]
                if err.code in (400, 401, 403) or attempt == RETRIES - 1:
                    raise StoreError(f"{url}: HTTP {err.code}: {body.strip()}") from err
            except (urllib.error.URLError, OSError) as err:
                if attempt == RETRIES - 1:
                    raise StoreError(f"{url}: no answer ({err})") from err
            time.sleep(0.2 * 2**attempt)  # a deadlock or a busy server: try again
        raise AssertionError("unreachable")

    def _select(self, sparql: str) -> dict:
        raw = self._post(self.query_url, "query", sparql, "application/sparql-results+json")
        try:
            return json.loads(raw)
        except ValueError as err:
            raise StoreError(f"{self.query_url}: not a SPARQL JSON answer") from err

    def _ask(self, sparql: str) -> bool:
        return bool(self._select(sparql).get("boolean"))

    def _update(self, sparql: str) -> None:
        if self._read_only:
            raise StoreError(f"{self.query_url}: opened read-only")
        self._post(self.update_url, "query", sparql, "application/sparql-results+json")

    # --- reading -------------------------------------------------------------

    def query(
        self,
        sparql: str,
        bindings: Mapping[str, Node] | None = None,
        *,
        allow_service: bool = False,
        max_rows: int = 100_000,
    ):
        if not allow_service:
            refuse_remote(sparql)
        text, rest = inline(sparql, {k: to_ox(v) for k, v in (bindings or {}).items()})
        if rest:
            raise QueryError(
                f"cannot bind {sorted(rest)} on a SPARQL endpoint in this query "
                "(write the value into the query, or avoid SELECT *, AS and VALUES on it)"
            )
        answer = self._select(text)
        if "boolean" in answer:
            return Rows([{"ask": Literal(bool(answer["boolean"]))}], variables=["ask"])
        variables = answer["head"]["vars"]
        rows = [
            {name: _from_json(binding.get(name)) for name in variables}
            for binding in answer["results"]["bindings"]
        ]
        if len(rows) > max_rows:
            raise QueryError(f"the answer has more than {max_rows:,} rows (--max-rows)")
        return Rows(rows, variables=variables)

    def value(self, graph: URIRef, subject: URIRef, predicate: URIRef) -> Node | None:
        pattern = f"{_term(subject)} {_term(predicate)} ?o"
        rows = self.query(f"SELECT ?o WHERE {{ GRAPH {_term(graph)} {{ {pattern} }} }} LIMIT 1")
        return rows[0]["o"] if rows else None

    def graphs(self) -> list[URIRef]:
        rows = self.query(
            "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } "
            f'FILTER(STRSTARTS(STR(?g), "{OURS}")) }}',
            max_rows=1 << 40,
        )
        return sorted(URIRef(str(row["g"])) for row in rows)

    def quads(self) -> Iterator[tuple[Node, Node, Node, Node]]:
        for graph in self.graphs():
            rows = self.query(
                f"SELECT ?s ?p ?o WHERE {{ GRAPH {_term(graph)} {{ ?s ?p ?o }} }}",
                max_rows=1 << 40,
            )
            for row in rows:
                yield row["s"], row["p"], row["o"], graph

    def __len__(self) -> int:
        rows = self.query(
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
            f'FILTER(STRSTARTS(STR(?g), "{OURS}")) }}'
        )
        return int(rows[0]["n"])

    def _memory(self):
        copy = open_store(None)
        copy._store.extend(
            ox.Quad(to_ox(s), to_ox(p), to_ox(o), to_ox(g)) for s, p, o, g in self.quads()
        )
        return copy

    def dump(self, fmt: str) -> bytes:
        """The store's graphs in ``fmt``, as :meth:`OxigraphStore.dump` writes them."""
        return self._memory().dump(fmt)

    def sorted_nquads(self) -> str:
        return self._memory().sorted_nquads()

    # --- writing -------------------------------------------------------------

    def _insert(self, graph: URIRef, triples: list[str]) -> None:
        for start in range(0, len(triples), CHUNK):
            body = "\n".join(triples[start : start + CHUNK])
            self._update(f"INSERT DATA {{ GRAPH {_term(graph)} {{\n{body}\n}} }}")

    def write(
        self,
        replace: Iterable[tuple[URIRef, Iterable[tuple[Node, Node, Node]]]],
        add: Iterable[tuple[URIRef, Iterable[tuple[Node, Node, Node]]]] = (),
        rename: Iterable[tuple[URIRef, URIRef, URIRef]] = (),
        *,
        remove: Iterable[tuple[URIRef, Iterable[tuple[Node, Node, Node]]]] = (),
    ) -> list[bool]:
        """The same writes as :meth:`OxigraphStore.write`, as idempotent requests in the
        order the module docstring gives. Every replaced graph counts as changed (ingest
        replaces only articles whose fingerprint is not stored)."""
        for graph, triples in add:
            self._insert(graph, list(_triples(triples)))
        for graph, triples in remove:
            lines = list(_triples(triples))
            for start in range(0, len(lines), CHUNK):
                body = "\n".join(lines[start : start + CHUNK])
                self._update(f"DELETE DATA {{ GRAPH {_term(graph)} {{\n{body}\n}} }}")
        for graph, old, new in rename:
            g, o, n = _term(graph), _term(old), _term(new)
            self._update(
                f"DELETE {{ GRAPH {g} {{ {o} ?p ?x }} }} INSERT {{ GRAPH {g} {{ {n} ?p ?x }} }} "
                f"WHERE {{ GRAPH {g} {{ {o} ?p ?x }} }}"
            )
            self._update(
                f"DELETE {{ GRAPH {g} {{ ?x ?p {o} }} }} INSERT {{ GRAPH {g} {{ ?x ?p {n} }} }} "
                f"WHERE {{ GRAPH {g} {{ ?x ?p {o} }} }}"
            )
        changed = []
        for graph, triples in replace:
            triples = list(triples)
            # the fingerprint goes last: an article cut off mid-write lacks it, and the
            # next ingest writes it again
            triples.sort(key=lambda t: t[1] == DIP.fingerprint)
            self._update(f"DROP SILENT GRAPH {_term(graph)}")
            self._insert(graph, list(_triples(triples)))
            changed.append(True)
        return changed

    def put_graph(self, graph: URIRef, triples: Iterable[tuple[Node, Node, Node]]) -> bool:
        return self.write([(graph, triples)])[0]

    def clear(self) -> None:
        """Drop every graph of ours (for tests and fresh starts)."""
        for graph in self.graphs():
            self._update(f"DROP SILENT GRAPH {_term(graph)}")

    def close(self) -> None:
        pass

    def __enter__(self) -> RemoteStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
