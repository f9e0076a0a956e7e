"""Every canned query with parameters, fed hostile values: the store is unchanged and the
answer empty (or an error naming the parameter), never a changed query."""

import datetime as dt

import pytest

from diplograph import api
from diplograph.errors import QueryError
from diplograph.model import Document
from diplograph.query import canned
from diplograph.rdf.store import open_store

HOSTILE = [
    '" } ; DELETE WHERE { ?s ?p ?o } ; SELECT * { "',
    "x' } DROP ALL #",
    "}}}{{{",
    "Brussels\nDELETE WHERE { ?s ?p ?o }",
    "\u200fبروكسل\u200f",  # Arabic with right-to-left marks
    "<script>alert(1)</script>",
    "",
]
WITH_PARAMS = sorted(name for name, query in canned().items() if query.params)
VALID = {"date": "2022-01-12", "iri": "https://w3id.org/diplograph/id/document/none"}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile") / "store"
    api.ingest_documents(
        [
            Document(
                text="NATO and Russia met in Brussels on Wednesday, TASS reported, citing "
                "the Russian Foreign Ministry.",
                lang="en",
                published=dt.date(2022, 1, 12),
            )
        ],
        store=folder,
    )
    return folder


@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize("name", WITH_PARAMS)
def test_a_hostile_value_changes_no_query_and_no_quad(store, name, value):
    with open_store(store, read_only=True) as graph:
        before = graph.sorted_nquads()
    query = canned()[name]
    for param, kind in query.params.items():
        params = {p: VALID.get(k, "Brussels") for p, k in query.params.items()}
        params[param] = value
        try:
            rows = api.query(name, store=store, params=params)
        except QueryError as error:
            # a date or an IRI that is none: refused, naming the parameter
            assert kind in ("date", "iri") and param in str(error)
            continue
        if value.strip("\u200f") == "بروكسل":
            # marks of direction are not part of a name: the answer is Brussels's
            plain = api.query(name, store=store, params={**params, param: "بروكسل"})
            assert rows == plain
        else:
            assert rows == []
    with open_store(store, read_only=True) as graph:
        assert graph.sorted_nquads() == before
