"""The graph in a real external SPARQL database (Virtuoso, Debian's
``virtuoso-opensource-7-bin``): every command and canned query works on it, writes go
through the Digest-auth endpoint, and a server killed in the middle of an ingest loses
nothing that a re-run does not restore whole."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from rdflib import URIRef
from typer.testing import CliRunner
from virtuoso_server import ISQL, VIRTUOSO, Virtuoso

from diplograph import api
from diplograph.cli import app
from diplograph.errors import StoreError
from diplograph.query import SAMPLE_PARAMS, bind, canned
from diplograph.rdf.store import open_store

pytestmark = pytest.mark.skipif(
    not (VIRTUOSO and ISQL),
    reason="virtuoso-t not installed (apt-get install virtuoso-opensource-7-bin)",
)

SAMPLES = Path(__file__).parents[2] / "data" / "samples"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    virtuoso = Virtuoso(tmp_path_factory.mktemp("virtuoso"))
    virtuoso.start()
    yield virtuoso
    virtuoso.stop()


@pytest.fixture(scope="module")
def local(tmp_path_factory) -> Path:
    store = tmp_path_factory.mktemp("local") / "store"
    assert api.ingest([SAMPLES], store=store).ok
    return store


@pytest.fixture(scope="module")
def remote(server, local) -> str:
    report = api.ingest([SAMPLES], store=server.url)
    assert report.ok and report.added == 18, report.errors
    return server.url


def nquads(store) -> str:
    with open_store(store, read_only=True) as graph:
        return graph.sorted_nquads()


def answer(store, name: str) -> list:
    query = canned()[name]
    with open_store(store, read_only=True) as graph:
        rows = graph.query(query.text, bind(query, SAMPLE_PARAMS.get(name, {})), max_rows=1 << 40)
    # (GROUP_CONCAT's order is the engine's: compare the joined names as sets)
    return sorted(
        tuple(
            ", ".join(sorted(str(row[v]).split(", "))) if row[v] is not None else ""
            for v in rows.variables
        )
        for row in rows
    )


def test_the_remote_graph_is_the_local_one(remote, local):
    assert nquads(remote) == nquads(local)


@pytest.mark.parametrize("name", sorted(canned()))
def test_every_canned_query_answers_the_same(remote, local, name):
    assert answer(remote, name) == answer(local, name)


def test_a_second_ingest_reads_nothing_again(remote):
    report = api.ingest([SAMPLES], store=remote)
    assert (report.added, report.unchanged) == (0, 18)


def test_every_command_works_on_the_endpoint(remote, tmp_path):
    runner = CliRunner()
    for args in (
        ["stats"],
        ["validate"],
        ["query", "who_met", "-p", "place=بروكسل", "-p", "day=2022-01-12"],
        ["export", "--format", "trig", "--output", str(tmp_path / "g.trig")],
        ["export", "--format", "graphml", "--output", str(tmp_path / "g.graphml")],
        ["view", "--output", str(tmp_path / "g.html")],
        ["view", "--page", "timeline", "--output", str(tmp_path / "t.html")],
    ):
        result = runner.invoke(app, [*args, "--store", remote])
        assert result.exit_code == 0, (args, result.output)
    assert (tmp_path / "g.html").stat().st_size > 100_000


def test_the_anonymous_endpoint_takes_no_update(server, remote):
    data = urllib.parse.urlencode(
        {"query": "INSERT DATA { GRAPH <urn:x> { <urn:a> <urn:b> <urn:c> } }"}
    )
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(server.anonymous, data=data.encode(), timeout=30)


def test_a_wrong_password_is_a_clear_error(server, remote):
    wrong = open_store(server.url.replace(server.password, "not-the-password"))
    triple = (URIRef("urn:a"), URIRef("urn:b"), URIRef("urn:c"))
    with pytest.raises(StoreError, match="HTTP 401"):
        wrong.write([], [(URIRef("https://w3id.org/diplograph/id/graph/t"), [triple])])


def test_a_server_killed_mid_ingest_loses_nothing_a_rerun_does_not_restore(tmp_path_factory, local):
    virtuoso = Virtuoso(tmp_path_factory.mktemp("crash"))
    virtuoso.start()
    try:
        ingest = subprocess.Popen(
            [sys.executable, "-m", "diplograph", "ingest", str(SAMPLES), "--store", virtuoso.url],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        count = (
            "SELECT (COUNT(DISTINCT ?g) AS ?n) "
            "WHERE { GRAPH ?g { ?d a <https://w3id.org/diplograph/ontology#Document> } }"
        )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and ingest.poll() is None:
            with open_store(virtuoso.url, read_only=True) as graph:
                if int(graph.query(count)[0]["n"]) >= 3:
                    break
            time.sleep(0.05)
        virtuoso.kill()  # in the middle of the batch's writes
        output = ingest.communicate(timeout=120)[0].decode()
        assert ingest.returncode != 0, output
        virtuoso.start()
        with open_store(virtuoso.url, read_only=True) as graph:
            written = int(graph.query(count)[0]["n"])
        assert written < 18  # the kill did cut the ingest short
        report = api.ingest([SAMPLES], store=virtuoso.url)
        assert report.ok and report.added + report.unchanged == 18
        assert nquads(virtuoso.url) == nquads(local)
    finally:
        virtuoso.stop()
