"""Real meetings that several articles report, and whether the graph gives them one node.

The gold meetings of different documents are grouped as one real meeting when their dates
are compatible and their places agree (see :func:`same_meeting`); the groups are closed
under union-find across documents, strongest links first, never with two meetings of
one article in a group.  A group is on one node when the scorer paired every
member with a predicted meeting node and all with the same one: a user querying the store
then finds the meeting once, with what every article says of it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "CrossGroup",
    "WrongMerge",
    "cross_article",
    "dates_compatible",
    "group_meetings",
    "same_meeting",
    "wrong_merges",
]

Member = tuple[int, int]
"""(document index, meeting index in that document's gold ``meetings``)."""


def _span(date: str) -> tuple[str, str]:
    start, _, end = date.partition("/")
    return start, end or start


def dates_compatible(a: str | None, b: str | None) -> bool:
    """Equal dates, or one a day inside the other's ``start/end`` range.

    An unknown date (``None``) is compatible with nothing: two undated meetings in one
    city are as often two meetings as one, and nothing in the gold tells them apart.

    >>> dates_compatible("2022-01-12", "2022-01-11/2022-01-13")
    True
    >>> dates_compatible("2022-01-11/2022-01-12", "2022-01-12/2022-01-13")
    False
    """
    if a is None or b is None:
        return False
    if a == b:
        return True
    for day, span in ((a, b), (b, a)):
        if "/" not in day and "/" in span:
            start, end = _span(span)
            # ISO days compare as strings.
            if start <= day <= end:
                return True
    return False


def same_meeting(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Whether two gold meetings (of different documents) are one real meeting.

    Their dates must be compatible, and their places the same; where one or both places are
    unknown (a call, or a text that does not say), at least two shared participants must
    make up for it.
    """
    if not dates_compatible(a.get("date"), b.get("date")):
        return False
    place_a, place_b = a.get("location"), b.get("location")
    if place_a and place_b:
        return place_a == place_b
    shared = set(a.get("participants") or ()) & set(b.get("participants") or ())
    return len(shared) >= 2


def group_meetings(meetings: Sequence[Sequence[Mapping[str, Any]]]) -> list[list[Member]]:
    """Group the gold meetings of several documents into real meetings.

    Parameters
    ----------
    meetings
        The gold ``meetings`` of each document, in document order.

    Returns
    -------
    list
        The groups that span two or more documents, each a sorted list of
        (document index, meeting index), in the order of their first member.
    """
    members = [(d, m) for d, doc in enumerate(meetings) for m in range(len(doc))]
    parent = {member: member for member in members}
    documents = {member: {member[0]} for member in members}

    def find(member: Member) -> Member:
        while parent[member] != member:
            parent[member] = parent[parent[member]]  # path halving
            member = parent[member]
        return member

    links = []
    for i, (doc_a, m_a) in enumerate(members):
        for doc_b, m_b in members[i + 1 :]:
            a, b = meetings[doc_a][m_a], meetings[doc_b][m_b]
            if doc_a != doc_b and same_meeting(a, b):
                links.append((_strength(a, b), (doc_a, m_a), (doc_b, m_b)))
    # Strongest links first (same place and day, then a day in a range, then shared sides
    # only), and never two meetings of one article in a group: an article that tells of
    # two meetings means two, and a vague report (a week, no city) must not chain the
    # week's meetings into one.
    for _, a, b in sorted(links):
        root_a, root_b = find(a), find(b)
        if root_a == root_b or documents[root_a] & documents[root_b]:
            continue
        low, high = min(root_a, root_b), max(root_a, root_b)
        parent[high] = low
        documents[low] |= documents.pop(high)
    groups: dict[Member, list[Member]] = {}
    for member in members:
        groups.setdefault(find(member), []).append(member)
    return [group for group in groups.values() if len({d for d, _ in group}) >= 2]


def _strength(a: Mapping[str, Any], b: Mapping[str, Any]) -> tuple[int, int]:
    """How surely two compatible reports are one meeting: lower is surer."""
    same_place = bool(a.get("location")) and a.get("location") == b.get("location")
    same_day = a.get("date") == b.get("date")
    return (0 if same_place else 1, 0 if same_day else 1)


@dataclass
class CrossGroup:
    """One real meeting reported by two or more articles, and the nodes it was given."""

    names: list[str] = field(default_factory=list)
    """Each member's gold name."""
    documents: list[str] = field(default_factory=list)
    """Each member's document id."""
    nodes: list[str | None] = field(default_factory=list)
    """The predicted meeting node paired with each member, ``None`` where none was."""

    @property
    def one_node(self) -> bool:
        """Every member paired with a node, and all with the same node."""
        return None not in self.nodes and len(set(self.nodes)) == 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "names": self.names,
            "documents": self.documents,
            "nodes": [node or "-" for node in self.nodes],
            "one_node": self.one_node,
        }


def cross_article(
    ids: Sequence[str],
    meetings: Sequence[Sequence[Mapping[str, Any]]],
    meeting_nodes: Sequence[Mapping[int, str]],
) -> list[CrossGroup]:
    """The real meetings reported by two or more documents, with their predicted nodes.

    Parameters
    ----------
    ids
        The document ids.
    meetings
        Each document's gold ``meetings``.
    meeting_nodes
        Each document's pairing of gold meeting index -> predicted meeting node.
    """
    out = []
    for group in group_meetings(meetings):
        out.append(
            CrossGroup(
                names=[str(meetings[d][m].get("name")) for d, m in group],
                documents=[ids[d] for d, _ in group],
                nodes=[meeting_nodes[d].get(m) for d, m in group],
            )
        )
    return out


@dataclass
class WrongMerge:
    """A meeting node that reports of two or more different real meetings were put on."""

    node: str
    names: list[str] = field(default_factory=list)
    """The gold name of each report on the node."""
    documents: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"node": self.node, "names": self.names, "documents": self.documents}


def wrong_merges(
    ids: Sequence[str],
    meetings: Sequence[Sequence[Mapping[str, Any]]],
    meeting_nodes: Sequence[Mapping[int, str]],
) -> list[WrongMerge]:
    """Meeting nodes shared by reports of different real meetings (by the gold grouping of
    :func:`group_meetings`; a gold meeting no other article reports is a real meeting of
    its own).  Only reports the scorer paired with a gold meeting can be checked.

    >>> day = {"date": "2022-01-12", "participants": ["Russia", "NATO"]}
    >>> golds = [[{**day, "location": "Brussels"}], [{**day, "location": "Vienna"}]]
    >>> [w.documents for w in wrong_merges(["a", "b"], golds, [{0: "n1"}, {0: "n1"}])]
    [['a', 'b']]
    >>> wrong_merges(["a", "b"], golds, [{0: "n1"}, {0: "n2"}])
    []
    """
    real: dict[Member, int] = {}
    for number, group in enumerate(group_meetings(meetings)):
        for member in group:
            real[member] = number
    on_node: dict[str, list[Member]] = {}
    for d, pairs in enumerate(meeting_nodes):
        for m, node in pairs.items():
            on_node.setdefault(node, []).append((d, m))
    out = []
    for node, members in sorted(on_node.items()):
        if len({real.get(member, member) for member in members}) > 1:
            out.append(
                WrongMerge(
                    node=node,
                    names=[str(meetings[d][m].get("name")) for d, m in members],
                    documents=[ids[d] for d, _ in members],
                )
            )
    return out
