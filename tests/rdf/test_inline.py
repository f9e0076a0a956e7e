"""Parameters written into the query text (so Oxigraph's indexes serve them) give exactly
the answers Oxigraph's own substitutions give, whatever the values hold."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Literal, URIRef

from diplograph import api
from diplograph.query import SAMPLE_PARAMS, bind, canned
from diplograph.rdf.inline import inline
from diplograph.rdf.store import from_ox, open_store, to_ox

SAMPLES = Path(__file__).parents[2] / "data" / "samples"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("inline") / "store"
    api.ingest([SAMPLES], store=folder)
    with open_store(folder, read_only=True) as graph:
        yield graph


def substituted(graph, sparql: str, bindings: dict) -> list[tuple]:
    """The answer through Oxigraph's substitutions, as sorted tuples."""
    result = graph._store.query(
        sparql,
        use_default_graph_as_union=True,
        substitutions={ox.Variable(k): to_ox(v) for k, v in bindings.items()},
    )
    names = [v.value for v in result.variables]
    return sorted(
        tuple(str(from_ox(row[name])) if row[name] is not None else "" for name in names)
        for row in result
    )


def answered(graph, sparql: str, bindings: dict) -> list[tuple]:
    rows = graph.query(sparql, bindings, max_rows=1 << 40)
    return sorted(
        tuple(str(row[name]) if row[name] is not None else "" for name in rows.variables)
        for row in rows
    )


@pytest.mark.parametrize("name", sorted(n for n, q in canned().items() if q.params))
def test_canned_queries_answer_the_same_inlined(store, name):
    query = canned()[name]
    bindings = bind(query, SAMPLE_PARAMS.get(name, {}))
    text, rest = inline(query.text, {k: to_ox(v) for k, v in bindings.items()})
    assert rest == {} and text != query.text  # really written in
    projected = all(f"?{k}" in query.text.split("WHERE")[0] for k in bindings)
    if projected:  # (Oxigraph substitutes only projected variables)
        assert answered(store, query.text, bindings) == substituted(store, query.text, bindings)
    else:
        answered(store, query.text, bindings)


CUSTOM = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?node ?label (COUNT(?other) AS ?n) WHERE {
  ?node rdfs:label ?label . OPTIONAL { ?node rdfs:label ?other }
} GROUP BY ?node ?label ORDER BY ?label
"""


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=40))
def test_any_value_stays_a_value(store, value):
    before = len(store)
    bindings = {"label": Literal(value, lang="en")}
    assert answered(store, CUSTOM, bindings) == substituted(store, CUSTOM, bindings)
    assert len(store) == before


def test_known_labels_and_iris_are_found(store):
    bindings = {"label": Literal("Brussels", lang="en")}
    [row] = answered(store, CUSTOM, bindings)
    assert row[1] == "Brussels"
    iri = {"node": URIRef(row[0])}
    assert answered(store, CUSTOM, iri) == substituted(store, CUSTOM, iri)


def test_a_variable_the_query_does_not_project_can_be_bound(store):
    sparql = (
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        "SELECT ?node WHERE { ?node rdfs:label ?label }"
    )
    rows = store.query(sparql, {"label": Literal("Brussels", lang="en")})
    assert len(rows) == 1


@pytest.mark.parametrize(
    "sparql",
    [
        "SELECT * WHERE { ?s ?p ?label }",
        "SELECT ?s WHERE { ?s ?p ?o BIND(?o AS ?label) }",
        "SELECT ?s WHERE { VALUES ?label { 1 } ?s ?p ?label }",
        "CONSTRUCT { ?s ?p ?label } WHERE { ?s ?p ?label }",
    ],
)
def test_rewrites_that_would_change_the_meaning_are_not_made(sparql):
    text, rest = inline(sparql, {"label": ox.Literal("x")})
    assert text == sparql and list(rest) == ["label"]
