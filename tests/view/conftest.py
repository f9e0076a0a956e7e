"""Fixtures for the viewer's tests: the canned graph, with and without hostile labels."""

from __future__ import annotations

import networkx as nx
import pytest

from diplograph.view.examples import EXAMPLE_TRIG, example_store
from diplograph.view.graph import to_networkx

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
}
"""
)


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
