"""GraphML, GEXF and CSV exports of the projected graph, on the real samples."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from diplograph import api
from diplograph.cli import ALL_EXPORT_FORMATS, app
from diplograph.errors import DiplographError
from diplograph.rdf.store import EXPORT_FORMATS, open_store
from diplograph.view.examples import example_store
from diplograph.view.export import GRAPH_FORMATS, to_csv, to_gexf, to_graphml, xml_safe
from diplograph.view.graph import to_networkx

SAMPLES = Path(__file__).parents[2] / "data" / "samples"
RYABKOV = "https://w3id.org/diplograph/id/person/sergei-ryabkov"
runner = CliRunner()

HOSTILE = (
    "\x00\x0b\ufffe\uffff\ud800Lavrov\x1f",
    "<img src=x onerror=alert(1)>",
    "</script>",
    "& ;",
)


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def read_graphml(path: Path) -> tuple[dict, list]:
    G = nx.read_graphml(path, force_multigraph=True)
    return dict(G.nodes(data=True)), [d for _, _, d in G.edges(data=True)]


def read_gexf(path: Path) -> tuple[dict, list]:
    G = nx.read_gexf(path)
    return dict(G.nodes(data=True)), [d for _, _, d in G.edges(data=True)]


def read_csv(folder: Path) -> tuple[dict, list]:
    with (folder / "nodes.csv").open(encoding="utf-8", newline="") as file:
        nodes = {row["id"]: row for row in csv.DictReader(file)}
    with (folder / "edges.csv").open(encoding="utf-8", newline="") as file:
        edges = list(csv.DictReader(file))
    return nodes, edges


def write_and_read(G: nx.MultiDiGraph, fmt: str, tmp_path: Path) -> tuple[dict, list]:
    """Export ``G`` with the module's writer for ``fmt`` and parse it back."""
    if fmt == "graphml":
        return read_graphml(to_graphml(G, tmp_path / "g.graphml"))
    if fmt == "gexf":
        return read_gexf(to_gexf(G, tmp_path / "g.gexf"))
    to_csv(G, tmp_path / "csv")
    return read_csv(tmp_path / "csv")


@pytest.mark.parametrize("fmt", GRAPH_FORMATS)
def test_export_parses_back_with_every_node_and_edge(samples_graph, tmp_path, fmt):
    nodes, edges = write_and_read(samples_graph, fmt, tmp_path)
    assert set(nodes) == set(samples_graph)
    assert len(edges) == samples_graph.number_of_edges()
    # parallel edges (a person with two offices in one country) are all there
    assert Counter(e["kind"] for e in edges) == Counter(
        kind for _, _, kind in samples_graph.edges(data="kind")
    )
    assert {n: a["kind"] for n, a in nodes.items()} == dict(samples_graph.nodes(data="kind"))


@pytest.mark.parametrize("fmt", GRAPH_FORMATS)
def test_export_keeps_arabic_and_cyrillic_labels(samples_graph, tmp_path, fmt):
    nodes, _ = write_and_read(samples_graph, fmt, tmp_path)
    assert nodes[RYABKOV]["label"] == "Sergei Ryabkov"
    assert nodes[RYABKOV]["label_ar"] == "سيرغي ريابكوف"
    assert nodes[RYABKOV]["label_ru"] == "Сергей Рябков"


@pytest.mark.parametrize("fmt", GRAPH_FORMATS)
def test_export_label_is_in_the_asked_language(samples_store, tmp_path, fmt):
    with open_store(samples_store, read_only=True) as store:
        G = to_networkx(store, lang="ar")
    nodes, _ = write_and_read(G, fmt, tmp_path)
    assert nodes[RYABKOV]["label"] == "سيرغي ريابكوف"


def test_gexf_node_labels_are_the_human_labels(samples_graph, tmp_path):
    to_gexf(samples_graph, tmp_path / "g.gexf")
    H = nx.read_gexf(tmp_path / "g.gexf")
    assert dict(H.nodes(data="label")) == dict(samples_graph.nodes(data="label"))
    assert b' label="Sergei Ryabkov"' in (tmp_path / "g.gexf").read_bytes()


def test_graphml_edge_ids_are_unique_and_keys_kept(samples_graph, tmp_path):
    H = nx.read_graphml(to_graphml(samples_graph, tmp_path / "g.graphml"), force_multigraph=True)
    ids = [key for _, _, key in H.edges(keys=True)]
    assert len(ids) == len(set(ids))
    assert sorted(d["key"] for _, _, d in H.edges(data=True)) == sorted(
        str(key) for _, _, key in samples_graph.edges(keys=True)
    )


def test_csv_columns_and_counts(samples_graph, tmp_path):
    to_csv(samples_graph, tmp_path)
    raw = (tmp_path / "nodes.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")  # plain UTF-8, no byte-order mark
    header = raw.decode("utf-8").splitlines()[0].split(",")
    assert header[:3] == ["id", "kind", "label"]
    assert {"label_ar", "label_ru", "date", "end_date", "sources", "stance"} <= set(header)
    assert header.index("label_ar") < header.index("date")
    nodes, edges = read_csv(tmp_path)
    assert nodes[RYABKOV]["statements"] == str(len(samples_graph.nodes[RYABKOV]["statements"]))
    assert list(edges[0])[:5] == ["source", "target", "key", "kind", "label"]


def hostile_graph() -> tuple[nx.MultiDiGraph, str, str]:
    """The canned graph with every hostile string in a label, a quote and an edge label."""
    G = to_networkx(example_store())
    node = "https://w3id.org/diplograph/id/grushko"
    text = " ".join(HOSTILE)
    G.nodes[node]["label"] = text
    G.nodes[node]["labels"] = (("en", text), ("ru", text))
    G.nodes[node]["statements"] = [{"iri": "s", "date": None, "quote": text, "quote_lang": "en"}]
    for u, v, key in list(G.out_edges(node, keys=True)):
        G.edges[u, v, key]["label"] = text
    return G, node, text


@pytest.mark.parametrize("fmt", GRAPH_FORMATS)
def test_hostile_strings_export_and_parse_back_as_text(tmp_path, fmt):
    G, node, text = hostile_graph()
    clean = "Lavrov <img src=x onerror=alert(1)> </script> & ;"
    assert xml_safe(text) == clean
    nodes, edges = write_and_read(G, fmt, tmp_path)
    assert len(nodes) == len(G) and len(edges) == G.number_of_edges()
    assert nodes[node]["label"] == clean
    assert nodes[node]["label_ru"] == clean
    assert nodes[node]["first_quote"] == clean
    assert clean in {e["label"] for e in edges}


@pytest.mark.parametrize(("fmt", "write"), [("graphml", to_graphml), ("gexf", to_gexf)])
def test_hostile_markup_is_escaped_in_the_xml(tmp_path, fmt, write):
    G, _, _ = hostile_graph()
    data = write(G, tmp_path / f"g.{fmt}").read_bytes()
    assert b"<img" not in data and b"</script>" not in data
    assert b"\x00" not in data and b"\x0b" not in data


def test_new_attributes_and_edge_kinds_are_exported(tmp_path):
    G = to_networkx(example_store())
    person = "https://w3id.org/diplograph/id/grushko"
    position = next(n for n, kind in G.nodes(data="kind") if kind == "position")
    G.add_edge(position, person, key="target", kind="target", label="")
    G.nodes[person]["aliases"] = ["Grushko", "Грушко"]
    G.nodes[person]["wikidata"] = {"id": "Q4066186", "score": 0.9}
    G.nodes[person]["start"] = "reserved in GEXF"
    for fmt in GRAPH_FORMATS:
        nodes, edges = write_and_read(G, fmt, tmp_path / fmt)
        assert "target" in {e["kind"] for e in edges}
        assert str(nodes[person]["aliases"]) == "2"
        assert nodes[person]["wikidata_id"] == "Q4066186"
        start = nodes[person]["start_" if fmt == "gexf" else "start"]
        assert start == "reserved in GEXF"


def test_api_export_gives_bytes_and_csv_is_an_error(samples_store):
    assert api.export(store=samples_store, fmt="graphml").startswith(b"<?xml")
    assert b"gexf" in api.export(store=samples_store, fmt="gexf", lang="ru")[:300]
    with pytest.raises(DiplographError, match=r"nodes\.csv"):
        api.export(store=samples_store, fmt="csv")
    with pytest.raises(DiplographError, match="graphml"):
        api.export(store=samples_store, fmt="dot")


def test_cli_lists_every_export_format():
    assert (*EXPORT_FORMATS, *GRAPH_FORMATS) == ALL_EXPORT_FORMATS
    result = run("export", "--help")
    assert all(fmt in result.output for fmt in ALL_EXPORT_FORMATS), result.output


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_cli_export_graph_file(samples_store, samples_graph, tmp_path, fmt):
    out = tmp_path / f"g.{fmt}"
    result = run("export", "--store", samples_store, "--format", fmt, "-o", out, "--lang", "ru")
    assert result.exit_code == 0, result.output
    nodes, edges = read_graphml(out) if fmt == "graphml" else read_gexf(out)
    assert len(nodes) == len(samples_graph)
    assert len(edges) == samples_graph.number_of_edges()
    assert nodes[RYABKOV]["label"] == "Сергей Рябков"


def test_cli_export_graphml_to_stdout(samples_store, samples_graph):
    result = run("export", "--store", samples_store, "--format", "graphml")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("<?xml") and "سيرغي ريابكوف" in result.stdout


def test_cli_export_csv_to_a_folder(samples_store, samples_graph, tmp_path):
    folder = tmp_path / "tables"
    result = run("export", "--store", samples_store, "--format", "csv", "--output", folder)
    assert result.exit_code == 0, result.output
    assert "nodes.csv" in result.output and "edges.csv" in result.output
    nodes, edges = read_csv(folder)
    assert len(nodes) == len(samples_graph)
    assert len(edges) == samples_graph.number_of_edges()


def test_cli_export_csv_without_output_is_a_clear_error(samples_store):
    result = run("export", "--store", samples_store, "--format", "csv")
    assert result.exit_code == 1
    assert "--output DIR" in result.output and "nodes.csv" in result.output
    assert "Traceback" not in result.output


def test_cli_export_unknown_format_names_the_choices(samples_store):
    result = run("export", "--store", samples_store, "--format", "dot")
    assert result.exit_code == 1
    assert "'dot'" in result.output and "gexf" in result.output
