"""to_networkx and the analytics, on the canned graph."""

from __future__ import annotations

import pytest

from diplograph.view.analytics import co_participation, meeting_centrality, stance_counts
from diplograph.view.examples import example_store
from diplograph.view.graph import to_networkx

ID = "https://w3id.org/diplograph/id/"


def test_graph_node_kinds(graph):
    kinds = {node: kind for node, kind in graph.nodes(data="kind")}
    assert kinds == {
        **{ID + p: "person" for p in ("grushko", "fomin", "sherman", "stoltenberg")},
        **{ID + p: "person" for p in ("zakharova", "ryabkov")},
        ID + "nato": "organization",
        ID + "russia": "country",
        ID + "usa": "country",
        ID + "brussels": "place",
        ID + "geneva": "place",
        ID + "nrc-2022-01-12": "meeting",
        ID + "geneva-2022-01": "meeting",
        ID + "osce-2022-01-13": "meeting",
        ID + "pos-stoltenberg-talks": "position",
        ID + "pos-zakharova-enlargement": "position",
    }


def test_graph_has_no_documents_or_statements(graph):
    assert not any("doc-" in node or "stmt-" in node for node in graph)


@pytest.mark.parametrize(
    ("lang", "node", "label"),
    [
        ("en", "grushko", "Alexander Grushko"),
        ("ar", "grushko", "ألكسندر غروشكو"),
        ("ru", "grushko", "Александр Грушко"),
        ("fr", "grushko", "Alexander Grushko"),  # no French label: English
        ("fr", "nato", "OTAN"),
        ("en", "zakharova", "ماريا زاخاروفا"),  # only an Arabic label
        ("en", "ryabkov", "Сергей Рябков"),  # only a Russian label
        ("ar", "brussels", "بروكسل"),
        ("en", "geneva-2022-01", "meeting 2022-01-09"),  # unnamed meeting: its date
        ("en", "pos-zakharova-enlargement", "NATO enlargement"),
        ("ar", "pos-zakharova-enlargement", "توسيع حلف الناتو"),
    ],
)
def test_graph_label_per_lang(store, lang, node, label):
    assert to_networkx(store, lang=lang).nodes[ID + node]["label"] == label


def test_graph_labels_keep_every_language(graph):
    assert graph.nodes[ID + "geneva"]["labels"] == (
        ("ar", "جنيف"),
        ("en", "Geneva"),
        ("ru", "Женева"),
    )


def test_graph_meeting_dates(graph):
    nrc, geneva = graph.nodes[ID + "nrc-2022-01-12"], graph.nodes[ID + "geneva-2022-01"]
    assert (nrc["date"], nrc["end_date"]) == ("2022-01-12", None)
    assert (geneva["date"], geneva["end_date"]) == ("2022-01-09", "2022-01-10")
    assert nrc["sources"] == 1


def test_graph_edge_kinds(graph):
    counts: dict[str, int] = {}
    for _, _, kind in graph.edges(data="kind"):
        counts[kind] = counts.get(kind, 0) + 1
    assert counts == {"participant": 11, "location": 2, "holds-role": 4, "position": 2, "target": 1}


def test_graph_edges_point_the_right_way(graph):
    for source, target, data in graph.edges(data=True):
        source_kind, target_kind = graph.nodes[source]["kind"], graph.nodes[target]["kind"]
        if data["kind"] == "participant":
            assert target_kind == "meeting" and source_kind != "meeting"
        elif data["kind"] == "location":
            assert (source_kind, target_kind) == ("meeting", "place")
        elif data["kind"] == "holds-role":
            assert source_kind == "person" and target_kind in {"organization", "country"}
        elif data["kind"] == "target":
            assert source_kind == "position" and target_kind in {"organization", "country"}
        else:
            assert target_kind == "position"


@pytest.mark.parametrize(("lang", "title"), [("en", "Secretary General"), ("ar", "الأمين العام")])
def test_graph_role_edge_label_is_title(store, lang, title):
    G = to_networkx(store, lang=lang)
    edge = G.edges[ID + "stoltenberg", ID + "nato", ID + "role-stoltenberg"]
    assert (edge["kind"], edge["label"]) == ("holds-role", title)


def test_graph_position_stance_from_iri(graph):
    edge = graph.edges[
        ID + "zakharova", ID + "pos-zakharova-enlargement", ID + "pos-zakharova-enlargement"
    ]
    assert (edge["kind"], edge["label"], edge["stance"]) == ("position", "REJECT", "REJECT")
    assert graph.nodes[ID + "pos-zakharova-enlargement"]["stance"] == "REJECT"


def test_graph_statements_on_speaker_and_position(graph):
    statement = {
        "iri": ID + "stmt-zakharova",
        "date": "2022-01-13",
        "quote": "نرفض أي توسيع لحلف الناتو شرقا",
        "quote_lang": "ar",
        "evidence": [
            {
                "sentence": "وقالت زاخاروفا: نرفض أي توسيع لحلف الناتو شرقا.",
                "lang": "ar",
                "doc": ID + "doc-ar-1",
                "headline": "موسكو ترفض توسيع حلف الناتو",
                "outlet": None,
                "published": "2022-01-13",
                "url": "https://example.org/ar/news/moscow-rejects",
            }
        ],
    }
    assert graph.nodes[ID + "zakharova"]["statements"] == [statement]
    assert graph.nodes[ID + "pos-zakharova-enlargement"]["statements"] == [statement]


def test_graph_empty_store():
    G = to_networkx(example_store(""))
    assert (G.number_of_nodes(), G.number_of_edges()) == (0, 0)


def test_graph_untyped_participant_is_actor():
    trig = """
    @prefix dip: <https://w3id.org/diplograph/ontology#> .
    <urn:g> { <urn:m> a dip:Meeting ; dip:participant <urn:x> . }
    """
    G = to_networkx(example_store(trig))
    assert G.nodes["urn:x"]["kind"] == "actor"
    assert G.nodes["urn:m"]["label"] == "meeting"


def test_graph_is_deterministic(store):
    first, second = to_networkx(store), to_networkx(store)
    assert list(first.nodes(data=True)) == list(second.nodes(data=True))
    assert list(first.edges(keys=True, data=True)) == list(second.edges(keys=True, data=True))


def test_analytics_meeting_centrality(graph):
    counts = meeting_centrality(graph, normalized=False)
    assert counts == {
        ID + "sherman": 3,
        ID + "fomin": 2,
        ID + "ryabkov": 2,
        ID + "grushko": 1,
        ID + "nato": 1,
        ID + "russia": 1,
        ID + "stoltenberg": 1,
    }
    shares = meeting_centrality(graph)
    assert shares[ID + "sherman"] == 1.0
    assert shares[ID + "fomin"] == pytest.approx(2 / 3)


def test_analytics_co_participation(graph):
    P = co_participation(graph)
    assert P.number_of_nodes() == 7
    assert P.edges[ID + "sherman", ID + "ryabkov"]["weight"] == 2
    assert P.edges[ID + "grushko", ID + "nato"]["weight"] == 1
    assert not P.has_edge(ID + "grushko", ID + "ryabkov")
    # NRC: 6 actors → 15 pairs; Geneva adds ryabkov–fomin, ryabkov–sherman (fomin–sherman exists).
    assert P.number_of_edges() == 17
    assert P.nodes[ID + "ryabkov"] == {"kind": "person", "label": "Сергей Рябков"}


def test_analytics_stance_counts(graph):
    assert stance_counts(graph) == {
        ID + "stoltenberg": {"PROPOSE": 1},
        ID + "zakharova": {"REJECT": 1},
    }


def test_graph_evidence_names_its_article(graph):
    [said] = graph.nodes[ID + "nrc-2022-01-12"]["evidence"]
    assert said["sentence"].startswith("The NATO–Russia Council met in Brussels")
    assert (said["outlet"], said["published"], said["lang"]) == ("Example Wire", "2022-01-12", "en")


def test_graph_position_points_to_its_target(graph):
    position = ID + "pos-zakharova-enlargement"
    assert graph.has_edge(position, ID + "nato", "target")
