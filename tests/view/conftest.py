"""Fixtures for the viewer's tests: the canned graph, with and without hostile labels."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from diplograph import api
from diplograph.rdf.store import open_store
from diplograph.view.examples import EXAMPLE_TRIG, example_store
from diplograph.view.graph import to_networkx

SAMPLES = Path(__file__).parents[2] / "data" / "samples"

HOSTILE_LABELS = (
    "</script><script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
)

# A person and a place labelled with markup, as a news text could spell them.
HOSTILE_TRIG = (
    EXAMPLE_TRIG
    + """
id:doc-evil {
    id:evil a dip:Person ; rdfs:label "</script><script>alert(1)</script>"@en .
    id:evil-place a dip:Place ; rdfs:label "<img src=x onerror=alert(1)>"@en .
    id:evil-meeting a dip:Meeting ; rdfs:label "<b>'&quot;</b>"@en ;
        dip:date "2022-01-14"^^xsd:date ;
        dip:location id:evil-place ;
        dip:participant id:evil, id:zakharova .
    id:evil-statement a dip:Statement ; dip:speaker id:evil ;
        dip:date "2022-01-14"^^xsd:date ;
        dip:quote "</script><img src=x onerror=alert(2)>"@en ;
        dip:expresses id:evil-position ;
        dip:evidence _:evil-said .
    id:evil-position a dip:Position ; dip:holder id:evil ;
        dip:stance stance:ACCUSE ; dip:target id:nato ;
        dip:topic "<svg onload=alert(4)>"@en ;
        dip:evidence _:evil-said .
    _:evil-said oa:hasSource id:doc-evil ;
        oa:hasSelector [ a oa:TextQuoteSelector ;
            oa:exact "He said <img src=x onerror=alert(5)> and </script><script>alert(6)</script>."
            ] ,
            [ a oa:TextPositionSelector ; oa:start 0 ; oa:end 80 ] .
    id:doc-evil a dip:Document ;
        schema:headline "<b onmouseover=alert(7)>headline</b>"@en ;
        schema:url <javascript:alert(8)> ;
        schema:datePublished "2022-01-14"^^xsd:date .
}
"""
)


@pytest.fixture(scope="session")
def samples_store(tmp_path_factory) -> Path:
    """A store of the project's own samples (data/samples/), ingested once."""
    folder = tmp_path_factory.mktemp("samples") / "store"
    api.ingest([SAMPLES], store=folder)
    return folder


@pytest.fixture(scope="session")
def samples_graph(samples_store) -> nx.MultiDiGraph:
    with open_store(samples_store, read_only=True) as store:
        return to_networkx(store)


@pytest.fixture(scope="session")
def hostile_labels() -> tuple[str, ...]:
    return HOSTILE_LABELS


@pytest.fixture(scope="session")
def store():
    return example_store()


@pytest.fixture(scope="session")
def graph(store) -> nx.MultiDiGraph:
    return to_networkx(store)


@pytest.fixture(scope="session")
def hostile_graph() -> nx.MultiDiGraph:
    return to_networkx(example_store(HOSTILE_TRIG))
