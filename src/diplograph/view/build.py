"""Which page to make: the choices of ``diplograph view`` turned into one HTML page.

==============================  ==================================================
``network`` (default)           actors linked by shared meetings and signed stances
``--actor NAME --hops N``       the same, around one actor
``--event TEXT``                one meeting: participants, place, positions
``graph``                       every actor, meeting, place and position
``timeline``                    meetings and statements on a time axis
==============================  ==================================================

``--from``/``--to`` keep what happened in a date window, for every page.
"""

from __future__ import annotations

from typing import Literal

import networkx as nx

from diplograph.view.network import actor_network
from diplograph.view.page import render_html
from diplograph.view.payload import draw_actor_network, draw_projection
from diplograph.view.select import (
    LIMIT,
    actors_called,
    date_window,
    event_graph,
    group_actors,
    neighbourhood,
)
from diplograph.view.timeline import render_timeline
from diplograph.view.words import words_for

__all__ = ["GRAPH_FACTOR", "PAGES", "build_page"]

GRAPH_FACTOR = 4
"""The ``graph`` page draws every node up to ``limit * GRAPH_FACTOR`` nodes (1,600 by
default); past that it draws the actor network instead, grouped if need be."""

Page = Literal["network", "graph", "timeline"]
PAGES: tuple[Page, ...] = ("network", "graph", "timeline")


def build_page(
    G: nx.MultiDiGraph,
    *,
    page: Page = "network",
    lang: str = "en",
    actor: str | None = None,
    hops: int = 1,
    event: str | None = None,
    start: str | None = None,
    end: str | None = None,
    limit: int = LIMIT,
    title: str = "diplograph",
) -> str:
    """The HTML of the page asked for (see the module docstring).

    Raises :class:`~diplograph.view.select.ViewError` when ``actor`` or ``event``
    names nothing (or ``event`` several meetings).

    Examples
    --------
    >>> from diplograph.view.examples import example_store
    >>> from diplograph.view.graph import to_networkx
    >>> html = build_page(to_networkx(example_store()), actor="Грушко", lang="ru")
    >>> 'lang="ru"' in html and "Alexander Grushko" in html
    True
    """
    words = words_for(lang)
    if start or end:
        G = date_window(G, start, end)
    if event:
        G = event_graph(G, event)
        page = "graph" if page == "network" else page
    if page == "timeline":
        if actor:
            # the actor's meetings (with everyone at them) and positions
            centres = set(actors_called(G, actor))
            events = {
                e
                for a in centres
                for _, e, kind in G.out_edges(a, data="kind")
                if kind in {"participant", "position"}
            }
            around = {n for e in events for n in nx.all_neighbors(G, e)}
            G = G.subgraph(centres | events | around).copy()
            for other in around - centres:
                G.nodes[other]["statements"] = []  # what the others said is not their timeline
        return render_timeline(G, title=title, lang=lang)
    if page == "graph" and G.number_of_nodes() > limit * GRAPH_FACTOR:
        # Every node of a big graph would neither settle nor read: draw its actors.
        page, title = "network", f"{title} · {words['network']}"
    if page == "graph":
        if actor:
            keep = set(actors_called(G, actor))
            for _ in range(hops):
                keep |= {m for n in keep for m in nx.all_neighbors(G, n)}
            G = G.subgraph(keep).copy()
        return render_html(draw_projection(G, words), title=title, lang=lang)
    H = actor_network(G)
    if actor:
        H = neighbourhood(H, actor, hops)
    grouped = group_actors(H, limit)
    drawing = draw_actor_network(grouped, G, words)
    if grouped is not H:
        drawing.note = words.count("grouped", H.number_of_nodes())
    return render_html(drawing, title=title, lang=lang)
