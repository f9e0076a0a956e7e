"""The Oxigraph store: replace graphs safely, bind parameters, dump."""

import pytest
from rdflib import Literal, URIRef

from diplograph.errors import QueryError, StoreError
from diplograph.rdf.store import open_store

G = URIRef("https://w3id.org/diplograph/id/document/test")
S = URIRef("https://example.org/s")
P = URIRef("https://example.org/p")


def test_store_put_graph_replaces_and_reports_change(tmp_path):
    store = open_store(tmp_path / "db")
    assert store.put_graph(G, [(S, P, Literal("a")), (S, P, Literal("b"))])
    assert not store.put_graph(G, [(S, P, Literal("b")), (S, P, Literal("a"))])
    assert store.put_graph(G, [(S, P, Literal("c"))])
    assert [r["o"] for r in store.query("SELECT ?o WHERE { ?s ?p ?o }")] == [Literal("c")]


def test_store_persists_on_disk(tmp_path):
    with open_store(tmp_path / "db") as store:
        store.put_graph(G, [(S, P, Literal("kept"))])
    with open_store(tmp_path / "db", read_only=True) as store:
        assert len(store) == 1


@pytest.mark.parametrize(
    "hostile",
    ['x" } ; DROP ALL ; SELECT * { ?s ?p "', "') || true || ('", "\\u0022 }"],
)
def test_store_bindings_cannot_change_the_query(tmp_path, hostile):
    store = open_store(tmp_path / "db")
    store.put_graph(G, [(S, P, Literal("safe"))])
    rows = store.query(
        "SELECT ?s ?v WHERE { ?s ?p ?o FILTER(STR(?o) = STR(?v)) }", {"v": Literal(hostile)}
    )
    assert rows == []
    assert len(store) == 1


def test_store_reports_bad_sparql(tmp_path):
    with pytest.raises(QueryError):
        open_store(tmp_path / "db").query("SELECT WHERE {")


def test_store_read_only_needs_an_existing_store(tmp_path):
    with pytest.raises(StoreError, match="no graph store"):
        open_store(tmp_path / "missing", read_only=True)


@pytest.mark.parametrize("fmt", ["trig", "nquads", "turtle", "jsonld", "ntriples"])
def test_store_dumps_every_format(tmp_path, fmt):
    store = open_store(tmp_path / "db")
    store.put_graph(G, [(S, P, Literal("غروشكو", lang="ar"))])
    assert "غروشكو" in store.dump(fmt).decode()


def test_store_refuses_unknown_format(tmp_path):
    with pytest.raises(StoreError, match="unknown export format"):
        open_store(tmp_path / "db").dump("xml")
