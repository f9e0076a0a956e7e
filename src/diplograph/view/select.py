"""Parts of the graph a page shows: an actor's neighbourhood, one event, a date window,
and groups when there is too much to draw one by one.

Plain functions over the graphs of :mod:`diplograph.view.graph` and
:mod:`diplograph.view.network`; names are matched as the search box matches them
(case, accents and Arabic letter variants folded away).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

import networkx as nx

from diplograph.errors import DiplographError
from diplograph.text.folding import fold_key
from diplograph.view.network import ACTOR_KINDS, stance_sign

__all__ = [
    "LIMIT",
    "ViewError",
    "actors_called",
    "date_window",
    "event_graph",
    "find_nodes",
    "group_actors",
    "neighbourhood",
]

LIMIT = 400
"""Past this many actors a page groups them (by state) instead of drawing each one: a
force layout of thousands of nodes neither settles quickly nor reads at a glance."""


class ViewError(DiplographError):
    """A view's option names nothing in the graph, or too much."""


def _names(data: dict[str, Any]) -> set[str]:
    names = {fold_key(text) for _, text in data.get("labels") or ()}
    names.add(fold_key(str(data.get("label", ""))))
    return names - {""}


def find_nodes(G: nx.Graph, name: str, kinds: frozenset[str] = ACTOR_KINDS) -> list[str]:
    """Nodes of ``kinds`` with a label that is ``name`` (folded), else that contains it.

    Examples
    --------
    >>> from diplograph.view.examples import example_store
    >>> from diplograph.view.graph import to_networkx
    >>> G = to_networkx(example_store())
    >>> find_nodes(G, "ГРУШКО"), find_nodes(G, "غروشكو")
    (['https://w3id.org/diplograph/id/grushko'], ['https://w3id.org/diplograph/id/grushko'])
    """
    wanted = fold_key(name)
    if not wanted:
        return []
    candidates = [(n, _names(d)) for n, d in G.nodes(data=True) if d.get("kind") in kinds]
    exact = sorted(n for n, names in candidates if wanted in names)
    if exact:
        return exact
    return sorted(n for n, names in candidates if any(wanted in each for each in names))


def actors_called(G: nx.Graph, name: str) -> list[str]:
    """The actors called ``name`` (see :func:`find_nodes`); none is an error."""
    found = find_nodes(G, name)
    if not found:
        raise ViewError(f"no actor is called {name!r}")
    return found


def neighbourhood(H: nx.Graph, name: str, hops: int = 1) -> nx.Graph:
    """The actors within ``hops`` links of the actor called ``name``, in any language."""
    centres = actors_called(H, name)
    keep: set[str] = set()
    for centre in centres:
        keep |= set(nx.single_source_shortest_path_length(H, centre, cutoff=hops))
    return H.subgraph(keep).copy()


def event_graph(G: nx.MultiDiGraph, event: str) -> nx.MultiDiGraph:
    """One meeting with its place, participants, and their positions and statements
    read from the articles that report it.

    ``event`` is the meeting's IRI, the end of its IRI, or words of its label or its
    day ("2022-01-12"); it must name exactly one meeting.
    """
    wanted = fold_key(event)
    meetings = [n for n, d in G.nodes(data=True) if d.get("kind") == "meeting"]
    chosen = [n for n in meetings if n == event or n.endswith("/" + event)]
    if not chosen:
        chosen = [
            n
            for n in meetings
            if wanted
            and (
                any(wanted in name for name in _names(G.nodes[n]))
                or wanted == fold_key(G.nodes[n].get("date") or "")
            )
        ]
    if len(chosen) != 1:
        found = ", ".join(f"{G.nodes[n]['label']} ({G.nodes[n].get('date')})" for n in chosen[:8])
        raise ViewError(f"{event!r} names {len(chosen)} meetings" + (f": {found}" if found else ""))
    [meeting] = chosen
    documents = {said["doc"] for said in G.nodes[meeting].get("evidence", [])}
    keep = {meeting, *G.predecessors(meeting), *G.successors(meeting)}
    for actor in list(keep):
        for _, position, kind in G.out_edges(actor, data="kind"):
            said = G.nodes[position].get("evidence", [])
            if kind == "position" and any(s["doc"] in documents for s in said):
                keep.add(position)
                keep |= set(G.successors(position))
    return G.subgraph(keep).copy()


def date_window(G: nx.MultiDiGraph, start: str | None, end: str | None) -> nx.MultiDiGraph:
    """What happened from ``start`` to ``end`` (ISO days, either may be open): the
    meetings and positions dated inside, and the actors and places linked to them."""

    def inside(day: str | None) -> bool:
        return bool(day) and (not start or day >= start) and (not end or day[:10] <= end)

    keep: set[str] = set()
    for node, data in G.nodes(data=True):
        dated = data.get("kind") == "meeting" and inside(data.get("date"))
        said = data.get("kind") == "position" and any(
            inside(s.get("date")) for s in data.get("statements", [])
        )
        if dated or said:
            keep |= {node, *G.predecessors(node), *G.successors(node)}
    return G.subgraph(keep).copy()


def _group_of(H: nx.Graph, node: str) -> str:
    data = H.nodes[node]
    if data.get("kind") in {"country", "organization"}:
        return node
    return data.get("country") or node


def group_actors(H: nx.Graph, limit: int = LIMIT) -> nx.Graph:
    """``H`` itself when it has at most ``limit`` actors; else each person folded into
    the state they serve, and, if that is still too many, the least active groups
    folded into one "other" node. Links add up their meetings and stances."""
    if H.number_of_nodes() <= limit:
        return H
    group = {node: _group_of(H, node) for node in H}
    activity: Counter[str] = Counter()
    for node, data in H.nodes(data=True):
        activity[group[node]] += data.get("activity", 0)
    if len(activity) > limit:
        kept = {g for g, _ in activity.most_common(limit - 1)}
        group = {node: g if g in kept else "other" for node, g in group.items()}
    members: dict[str, list[str]] = defaultdict(list)
    for node, g in group.items():
        members[g].append(node)
    G = nx.Graph(grouped_from=H.number_of_nodes())
    for g, nodes in sorted(members.items()):
        head = H.nodes[g] if g in H else {}
        label = head.get("label") or g.rsplit("/", 1)[-1]
        G.add_node(
            g,
            kind="group" if len(nodes) > 1 or g not in H else head.get("kind", "actor"),
            label=f"{label} ({len(nodes)})" if len(nodes) > 1 else label,
            labels=head.get("labels", ()),
            statements=[s for n in nodes for s in H.nodes[n].get("statements", [])],
            meetings=sorted({m for n in nodes for m in H.nodes[n].get("meetings", [])}),
            activity=sum(H.nodes[n].get("activity", 0) for n in nodes),
        )
    for a, b, link in H.edges(data=True):
        ga, gb = group[a], group[b]
        if ga == gb:
            continue
        if not G.has_edge(ga, gb):
            G.add_edge(ga, gb, meetings=[], stances=[], weight=0, sign="")
        merged = G.edges[ga, gb]
        merged["meetings"] = sorted({*merged["meetings"], *link["meetings"]})
        merged["stances"] = merged["stances"] + [
            {**s, "holder": group[s["holder"]], "target": group[s["target"]]}
            for s in link["stances"]
        ]
        merged["weight"] = len(merged["meetings"]) + len(merged["stances"])
        merged["sign"] = stance_sign([s["stance"] for s in merged["stances"]])
    return G
