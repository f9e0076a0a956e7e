"""Parts of the graph a page shows: neighbourhoods, one event, date windows, groups."""

from __future__ import annotations

import networkx as nx
import pytest

from diplograph.view.build import build_page
from diplograph.view.network import actor_network
from diplograph.view.select import (
    ViewError,
    date_window,
    event_graph,
    find_nodes,
    group_actors,
    neighbourhood,
)

ID = "https://w3id.org/diplograph/id/"


@pytest.mark.parametrize("name", ["Grushko", "grushko", "غروشكو", "ГРУШКО", "Alexander Grushko"])
def test_find_nodes_by_any_label(graph, name):
    assert find_nodes(graph, name) == [ID + "grushko"]


def test_neighbourhood_hops(graph):
    H = actor_network(graph)
    one = neighbourhood(H, "Грушко", 1)
    assert ID + "grushko" in one and ID + "stoltenberg" in one
    assert ID + "ryabkov" not in one  # met Sherman and Fomin, never Grushko
    assert ID + "ryabkov" in neighbourhood(H, "Грушко", 2)
    with pytest.raises(ViewError, match="no actor is called"):
        neighbourhood(H, "nobody at all", 1)


def test_event_graph_by_day_or_name(graph):
    nrc = event_graph(graph, "2022-01-12")
    assert {d["kind"] for _, d in nrc.nodes(data=True)} >= {"meeting", "place", "person"}
    assert ID + "brussels" in nrc and ID + "geneva" not in nrc
    osce = event_graph(graph, "المجلس الدائم")
    assert ID + "osce-2022-01-13" in osce
    with pytest.raises(ViewError, match="names 0 meetings"):
        event_graph(graph, "1999-01-01")


def test_event_graph_keeps_positions_of_the_same_articles(samples_graph):
    G = event_graph(samples_graph, "2022-01-12")
    positions = [n for n, k in G.nodes(data="kind") if k == "position"]
    assert positions
    meeting = next(n for n, k in G.nodes(data="kind") if k == "meeting")
    documents = {s["doc"] for s in G.nodes[meeting]["evidence"]}
    for position in positions:
        assert {s["doc"] for s in G.nodes[position]["evidence"]} & documents


def test_date_window(graph):
    window = date_window(graph, "2022-01-12", "2022-01-12")
    meetings = {n for n, k in window.nodes(data="kind") if k == "meeting"}
    assert meetings == {ID + "nrc-2022-01-12"}
    assert date_window(graph, None, None).number_of_nodes() <= graph.number_of_nodes()


def test_group_actors_folds_persons_into_their_state():
    H = nx.Graph()
    for i in range(30):
        H.add_node(
            f"p{i}",
            kind="person",
            label=f"P{i}",
            country="ru" if i % 2 else "us",
            activity=1,
            statements=[],
            meetings=[f"m{i}"],
        )
    for state in ("ru", "us"):
        H.add_node(state, kind="country", label=state.upper(), activity=1, statements=[])
    for i in range(29):
        H.add_edge(f"p{i}", f"p{i + 1}", meetings=[f"m{i}"], stances=[], weight=1, sign="")
    H.add_edge(
        "p0",
        "p1",
        meetings=["m0"],
        stances=[{"holder": "p0", "target": "p1", "stance": "REJECT", "position": "x"}],
        weight=2,
        sign="hostile",
    )
    grouped = group_actors(H, limit=10)
    assert set(grouped) == {"ru", "us"}
    assert grouped.nodes["ru"]["label"] == "RU (16)"
    link = grouped.edges["ru", "us"]
    assert link["sign"] == "hostile" and link["stances"][0]["holder"] in {"ru", "us"}
    assert group_actors(H, limit=100) is H


def test_build_page_says_when_it_groups(samples_graph):
    html = build_page(samples_graph, limit=10)
    assert '<div class="note">Too many to draw one by one' in html
    assert '<div class="note">' not in build_page(samples_graph)


def test_timeline_of_one_actor_keeps_whole_meetings(samples_graph):
    import json

    html = build_page(samples_graph, page="timeline", actor="Грушко")
    data = html[html.index("/*data*/") : html.index("/*end data*/")].split("=", 1)[1]
    items = json.loads(data.strip().removesuffix(";"))["items"]
    grushko = ID + "person/alexander-grushko"
    assert items and all(grushko in item["actors"] for item in items)
    assert any(len(item["actors"]) > 2 for item in items if item["kind"] == "meeting")
