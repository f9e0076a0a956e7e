"""The viewer: the store as a networkx graph, questions asked of it, and an offline HTML page."""

from diplograph.view.analytics import co_participation, meeting_centrality, stance_counts
from diplograph.view.examples import example_store
from diplograph.view.graph import to_networkx
from diplograph.view.network import actor_network
from diplograph.view.page import render_html, write_html

__all__ = [
    "actor_network",
    "co_participation",
    "example_store",
    "meeting_centrality",
    "render_html",
    "stance_counts",
    "to_networkx",
    "write_html",
]
