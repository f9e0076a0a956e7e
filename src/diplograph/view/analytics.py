"""Questions asked of the projected graph, one plain function per question.

Each function takes the :class:`networkx.MultiDiGraph` made by
:func:`diplograph.view.graph.to_networkx` and returns plain data.

Who meets most?
    :func:`meeting_centrality`
Who meets whom?
    :func:`co_participation`
Who takes which stance?
    :func:`stance_counts`
"""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import combinations

import networkx as nx

__all__ = ["co_participation", "meeting_centrality", "stance_counts"]


def _attendance(G: nx.MultiDiGraph) -> dict[str, set[str]]:
    """Each actor's set of meetings (from ``participant`` edges)."""
    meetings: dict[str, set[str]] = defaultdict(set)
    for actor, meeting, kind in G.edges(data="kind"):
        if kind == "participant":
            meetings[actor].add(meeting)
    return meetings


def meeting_centrality(G: nx.MultiDiGraph, *, normalized: bool = True) -> dict[str, float]:
    """How central each actor is to the meetings: the share of meetings it attended.

    This is the degree centrality of the actor side of the bipartite
    actor–meeting graph (:func:`networkx.algorithms.bipartite.degree_centrality`
    normalises actor degrees by the number of meetings, as here).

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph from :func:`~diplograph.view.graph.to_networkx`.
    normalized : bool, optional
        If ``True`` (default) divide by the number of meetings in ``G``;
        if ``False`` return the number of meetings attended.

    Returns
    -------
    dict
        Actor IRI → centrality, for every actor that attended a meeting,
        highest first (ties in IRI order).

    Examples
    --------
    >>> from diplograph.view.examples import example_store
    >>> from diplograph.view.graph import to_networkx
    >>> G = to_networkx(example_store())
    >>> counts = meeting_centrality(G, normalized=False)
    >>> [(G.nodes[a]["label"], n) for a, n in counts.items()][:3]
    [('Wendy Sherman', 3), ('Alexander Fomin', 2), ('Сергей Рябков', 2)]
    >>> round(meeting_centrality(G)["https://w3id.org/diplograph/id/grushko"], 3)
    0.333
    """
    total = sum(1 for _, kind in G.nodes(data="kind") if kind == "meeting")
    scale = 1 / total if normalized and total else 1
    counts = {actor: len(meetings) for actor, meetings in _attendance(G).items()}
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return {actor: n * scale if normalized else n for actor, n in ranked}


def co_participation(G: nx.MultiDiGraph) -> nx.Graph:
    """Who meets whom: actors linked by the meetings they attended together.

    The weighted projection of the bipartite actor–meeting graph onto actors.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph from :func:`~diplograph.view.graph.to_networkx`.

    Returns
    -------
    networkx.Graph
        Nodes are the actors that attended a meeting, with their ``kind`` and
        ``label``; an edge joins two actors that attended at least one meeting
        together, with ``weight`` the number of such meetings and ``meetings``
        their sorted IRIs.

    Examples
    --------
    >>> from diplograph.view.examples import example_store
    >>> from diplograph.view.graph import to_networkx
    >>> G = to_networkx(example_store())
    >>> P = co_participation(G)
    >>> fomin = "https://w3id.org/diplograph/id/fomin"
    >>> sherman = "https://w3id.org/diplograph/id/sherman"
    >>> P.edges[fomin, sherman]["weight"]
    2
    >>> P.edges[fomin, sherman]["meetings"]  # doctest: +NORMALIZE_WHITESPACE
    ['https://w3id.org/diplograph/id/geneva-2022-01',
     'https://w3id.org/diplograph/id/nrc-2022-01-12']
    >>> sorted(P.nodes[n]["label"] for n in P[fomin])  # doctest: +NORMALIZE_WHITESPACE
    ['Alexander Grushko', 'Jens Stoltenberg', 'NATO', 'Russia', 'Wendy Sherman',
     'Сергей Рябков']
    """
    attendance = _attendance(G)
    P = nx.Graph()
    for actor in sorted(attendance):
        P.add_node(actor, kind=G.nodes[actor]["kind"], label=G.nodes[actor]["label"])
    together: dict[tuple[str, str], list[str]] = defaultdict(list)
    for a, b in combinations(sorted(attendance), 2):
        shared = attendance[a] & attendance[b]
        if shared:
            together[a, b] = sorted(shared)
    for (a, b), meetings in together.items():
        P.add_edge(a, b, weight=len(meetings), meetings=meetings)
    return P


def stance_counts(G: nx.MultiDiGraph) -> dict[str, dict[str, int]]:
    """Who takes which stance: per holder, how many positions of each stance.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph from :func:`~diplograph.view.graph.to_networkx`.

    Returns
    -------
    dict
        Holder IRI → {stance notation → number of positions}, both in sorted order.

    Examples
    --------
    >>> from diplograph.view.examples import example_store
    >>> from diplograph.view.graph import to_networkx
    >>> G = to_networkx(example_store())
    >>> for holder, stances in stance_counts(G).items():
    ...     print(G.nodes[holder]["label"], stances)
    Jens Stoltenberg {'PROPOSE': 1}
    ماريا زاخاروفا {'REJECT': 1}
    """
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for holder, _, data in G.edges(data=True):
        if data["kind"] == "position":
            counts[holder][data["stance"] or "UNKNOWN"] += 1
    return {holder: dict(sorted(counts[holder].items())) for holder in sorted(counts)}
