"""A process killed (SIGKILL) in the middle of a write leaves every document graph exactly
as it was or exactly as asked, never a mix of the two versions."""

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
from rdflib import Literal, URIRef

from diplograph.rdf.store import open_store

# A child that rewrites one large graph, alternating two versions, forever: the parent kills
# it at random moments and looks at what is left.
WRITER = """
import sys
from rdflib import Literal, URIRef
from diplograph.rdf.store import open_store

G = URIRef("https://w3id.org/diplograph/id/document/big")
P = URIRef("https://example.org/p")
version = lambda tag: [(URIRef(f"https://example.org/s{i}"), P, Literal(f"{tag} {i}"))
                       for i in range(QUADS)]
store = open_store(sys.argv[1])
print("ready", flush=True)
while True:
    store.put_graph(G, version("old"))
    store.put_graph(G, version("new"))
"""
QUADS = 5_000


def _graph_values(folder: Path) -> set[str]:
    with open_store(folder, read_only=True) as store:
        return {str(r["o"]).split()[0] for r in store.query("SELECT ?o WHERE { ?s ?p ?o }")}


def test_a_killed_rewrite_leaves_one_whole_version(tmp_path):
    rng = random.Random(7)
    for trial in range(5):
        folder = tmp_path / f"db{trial}"
        child = subprocess.Popen(
            [sys.executable, "-c", WRITER.replace("QUADS", str(QUADS)), str(folder)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout.readline().strip() == "ready"
        time.sleep(0.3 + rng.random() * 1.5)
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        with open_store(folder, read_only=True) as store:
            count = len(store)
        values = _graph_values(folder)
        assert (count, len(values)) in {(0, 0), (QUADS, 1)}, (trial, count, values)


def test_a_replacement_with_hostile_literals_is_exact(tmp_path):
    store = open_store(tmp_path / "db")
    g = URIRef("https://w3id.org/diplograph/id/document/h")
    other = URIRef("https://w3id.org/diplograph/id/document/other")
    s, p = URIRef("https://example.org/s"), URIRef("https://example.org/p")
    store.put_graph(other, [(s, p, Literal("kept"))])
    store.put_graph(g, [(s, p, Literal("old"))])
    hostile = [
        'x" } ; DROP ALL ; INSERT DATA { <a> <b> "',
        "}}}\n\\",
        "\u202eغروشكو\u202c",
        '"""',
        "\\u0022",
        "a\tb\rc\x0c",
        "<script>",
        "GRAPH <x> { }",
    ]
    store.put_graph(g, [(s, p, Literal(h)) for h in hostile] + [(s, p, Literal("ar", lang="ar"))])
    name = ox.NamedNode(str(g))
    values = {q.object.value for q in store._store.quads_for_pattern(None, None, None, name)}
    assert values == set(hostile) | {"ar"}
    assert (
        len(list(store._store.quads_for_pattern(None, None, None, ox.NamedNode(str(other))))) == 1
    )
