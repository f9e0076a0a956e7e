"""The actor network: who meets whom, and who sides with or against whom.

:func:`actor_network` folds the projection made by
:func:`~diplograph.view.graph.to_networkx` onto its actors. Two actors are
linked when they took part in the same meetings, or when one took a position
aimed at the other (``dip:target``); the link's ``weight`` counts both, and its
``sign`` says whether the stances between them are friendly (SUPPORT, AGREE),
hostile (REJECT, ACCUSE, THREATEN), both, or neither. Meetings, places and
positions become attributes of the actors and links, so the picture stays small
enough to read: an analyst looks first at who deals with whom.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations
from typing import Any

import networkx as nx

__all__ = ["ACTOR_KINDS", "FRIENDLY", "HOSTILE", "actor_network", "stance_sign"]

ACTOR_KINDS = frozenset({"person", "organization", "country", "actor"})

#: Stances that side with their target, and stances that side against it.
FRIENDLY = frozenset({"SUPPORT", "AGREE"})
HOSTILE = frozenset({"REJECT", "ACCUSE", "THREATEN"})


def stance_sign(stances: list[str]) -> str:
    """``"friendly"``, ``"hostile"``, ``"mixed"`` or ``""`` for a link's stances.

    Examples
    --------
    >>> stance_sign(["SUPPORT", "AGREE"]), stance_sign(["REJECT"]), stance_sign(["PROPOSE"])
    ('friendly', 'hostile', '')
    >>> stance_sign(["SUPPORT", "ACCUSE"])
    'mixed'
    """
    friendly = any(s in FRIENDLY for s in stances)
    hostile = any(s in HOSTILE for s in stances)
    return {(True, False): "friendly", (False, True): "hostile", (True, True): "mixed"}.get(
        (friendly, hostile), ""
    )


def _actor_attributes(G: nx.MultiDiGraph, node: str) -> dict[str, Any]:
    data = G.nodes[node]
    keep = ("kind", "label", "labels", "country", "statements")
    return {key: data[key] for key in keep if key in data}


def actor_network(G: nx.MultiDiGraph) -> nx.Graph:
    """The actors of ``G`` linked by shared meetings and by stances aimed at each other.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A projection from :func:`~diplograph.view.graph.to_networkx`.

    Returns
    -------
    networkx.Graph
        Nodes are actors with ``kind``, ``label``, ``labels``, ``statements``
        (and ``country`` where known) from ``G``, plus ``meetings`` (the meeting
        ids it took part in), ``positions`` (the position ids it holds) and
        ``activity`` (meetings + positions + statements). Edges carry
        ``meetings`` (the shared meeting ids, sorted), ``stances`` (dicts with
        ``holder``, ``target``, ``stance`` and ``position``, for positions one
        end aimed at the other), ``weight`` (meetings plus stances) and
        ``sign`` (see :func:`stance_sign`). Actors with no link are kept, with
        degree 0: a caller may leave them out or gather them apart.

    Examples
    --------
    >>> from diplograph.view.examples import example_store
    >>> from diplograph.view.graph import to_networkx
    >>> H = actor_network(to_networkx(example_store()))
    >>> ID = "https://w3id.org/diplograph/id/"
    >>> H.edges[ID + "fomin", ID + "sherman"]["weight"]
    2
    >>> link = H.edges[ID + "zakharova", ID + "nato"]
    >>> link["sign"], [s["stance"] for s in link["stances"]]
    ('hostile', ['REJECT'])
    >>> H.nodes[ID + "sherman"]["activity"]
    3
    """
    H = nx.Graph()
    meetings_of: dict[str, set[str]] = defaultdict(set)
    positions_of: dict[str, set[str]] = defaultdict(set)
    for node, kind in G.nodes(data="kind"):
        if kind in ACTOR_KINDS:
            H.add_node(node, **_actor_attributes(G, node))
    for actor, meeting, kind in G.edges(data="kind"):
        if kind == "participant" and actor in H:
            meetings_of[actor].add(meeting)
        elif kind == "position" and actor in H:
            positions_of[actor].add(meeting)  # the edge's head is the position

    attendees: dict[str, set[str]] = defaultdict(set)
    for actor, meetings in meetings_of.items():
        for meeting in meetings:
            attendees[meeting].add(actor)
    shared: dict[tuple[str, str], set[str]] = defaultdict(set)
    for meeting, actors in attendees.items():
        for a, b in combinations(sorted(actors), 2):
            shared[a, b].add(meeting)

    stances: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for holder in sorted(positions_of):
        for position in sorted(positions_of[holder]):
            stance = G.nodes[position].get("stance", "")
            for _, target, kind in G.out_edges(position, data="kind"):
                if kind == "target" and target in H and target != holder:
                    pair = tuple(sorted((holder, target)))
                    stances[pair].append(
                        {"holder": holder, "target": target, "stance": stance, "position": position}
                    )

    for node in H:
        statements = H.nodes[node].get("statements", [])
        H.nodes[node]["meetings"] = sorted(meetings_of[node])
        H.nodes[node]["positions"] = sorted(positions_of[node])
        H.nodes[node]["activity"] = (
            len(meetings_of[node]) + len(positions_of[node]) + len(statements)
        )
    for a, b in sorted(set(shared) | set(stances)):
        said = stances.get((a, b), [])
        H.add_edge(
            a,
            b,
            meetings=sorted(shared.get((a, b), ())),
            stances=said,
            weight=len(shared.get((a, b), ())) + len(said),
            sign=stance_sign([s["stance"] for s in said]),
        )
    return H
