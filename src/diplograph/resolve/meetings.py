"""Which reports of meetings are one meeting: the identity of meeting nodes across articles.

Each article's report of a meeting gets its *own key* from what the article alone says:
its day and city (``date-place``: every article naming that day and city shares it), or its
day and sides when it names no city (``date-sides``), else a key of the article only.

Reports that give the day and the city are *anchors*.  A report that lacks the city or
gives only a span of days ("talks this week", "the meeting on Wednesday" with no place) is
*loose*: it joins an anchor when exactly one anchor's key is compatible with it (its day
inside the report's dates, the same city or none given, shared sides: two, or all of the
smaller side) and no other report of its own article has that key already.  With two
candidates (two meetings that day in two cities, or of other sides) it stays on its own:
a missed merge costs less than a wrong one.

Two anchors a day apart in one city with the same sides, each the other's only such
neighbour and never both told by one article, are one meeting whose date the articles
dispute ("on Tuesday" read by one article as the day it was published): they share the
earlier day's node, which :func:`disputed` names.  An article that tells of both days
means two meetings.

The assignment is a function of the set of reports, whatever order their articles came
in, so an article added later moves the reports of earlier articles onto the meeting it
tells of (or off it, when it makes the match ambiguous or changes); the store renames
those nodes in the same transaction (see :func:`assign`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from diplograph.model import DateRange, Meeting, digest

__all__ = ["PAIR_REACH", "Report", "assign", "disputed", "own_keys", "plain_key", "reports_of"]


def plain_key(date: DateRange | None, place: str | None, sides: Iterable[str] = ()) -> str | None:
    """The key every article shares for a meeting on ``date`` in ``place`` (or, with no
    place, between ``sides``); ``None`` when the report gives too little to share one.

    >>> import datetime as dt
    >>> day = DateRange.day(dt.date(2022, 1, 12))
    >>> plain_key(day, "place/2800866") == plain_key(day, "place/2800866", ["country/RU"])
    True
    >>> plain_key(day, None) is None
    True
    """
    if date and place:
        return digest("date-place", date, place)
    sides = sorted(set(sides))
    if date and sides:
        return digest("date-sides", date, *sides)
    return None


def _document_key(meeting: Meeting, doc_id: str) -> str:
    # Known only to this document; one meeting word may name several ("visits to Kyiv and
    # Berlin"), told apart by their place and date.
    return digest("document", doc_id, meeting.trigger.start, meeting.place, meeting.date)


def own_keys(meetings: list[Meeting], doc_id: str) -> list[str]:
    """Each meeting's own key, as its article alone tells it.  The first told of on a day
    in a city has the key of that day and city; others that day there (``"X met Y in Cairo
    on Sunday ... later met Z"``) are told apart by their persons, failing those by where
    they are told.

    >>> import datetime as dt
    >>> from diplograph.model import Span
    >>> span = Span(start=0, end=4, quote="talk")
    >>> m = Meeting(date=DateRange.day(dt.date(2022, 1, 12)), place="place/2800866",
    ...             participants=("country/RU",), trigger=span, evidence=span)
    >>> own_keys([m], "doc1") == own_keys([m.model_copy(update={"participants": ()})], "doc2")
    True
    >>> len(set(own_keys([m, m], "doc1")))
    2
    """
    keys: list[str] = []
    settings: set[tuple] = set()
    for meeting in meetings:
        setting = (meeting.date, meeting.place)
        if meeting.date and meeting.place and setting in settings:
            persons = sorted(p for p in meeting.participants if p.startswith("person/"))
            key = digest("date-place-persons", meeting.date, meeting.place, *persons)
        else:
            key = plain_key(meeting.date, meeting.place, meeting.participants)
            key = key or _document_key(meeting, doc_id)
        if key in keys:
            key = _document_key(meeting, doc_id)
        settings.add(setting)
        keys.append(key)
    return keys


@dataclass(frozen=True)
class Report:
    """One article's report of one meeting: what the article says of it, and its key."""

    document: str
    """The reporting article (any stable id: its IRI in the store)."""
    key: str
    """The node it is on now (a stored report), or its own key (a new one)."""
    date: DateRange | None
    place: str | None
    sides: frozenset[str]
    own: str | None = None
    """Its own key when known (a new report); for a stored one, :func:`assign` infers it."""

    @property
    def anchored(self) -> bool:
        return bool(self.date and self.date.is_day and self.place)

    def fits(self, anchor: Report) -> bool:
        """Whether this loose report may be a report of ``anchor``'s meeting."""
        assert self.date and anchor.date
        if not self.date.start <= anchor.date.start <= self.date.end:
            return False
        if self.place and self.place != anchor.place:
            return False
        shared = len(self.sides & anchor.sides)
        return shared >= 1 and shared >= min(2, len(self.sides), len(anchor.sides))


def reports_of(meetings: list[Meeting], document: str, doc_id: str) -> list[Report]:
    """New reports of an extracted article's meetings, in the order of ``meetings``."""
    return [
        Report(document, key, m.date, m.place, frozenset(m.participants), own=key)
        for m, key in zip(meetings, own_keys(meetings, doc_id), strict=True)
    ]


def assign(reports: Iterable[Report], retired: Iterable[str] = ()) -> dict[Report, str]:
    """The node key of each report.

    ``reports``: the new reports and the stored reports whose dates meet theirs (with the
    anchors within a few days of those reports' dates, see :data:`PAIR_REACH`).
    ``retired``: the keys of anchors that a changed article no longer gives, so that stored
    reports resting on them can leave.  A stored report can move only when its node is its
    plain key or an anchor's key (a report that had to take a key of its article only keeps
    it).
    """
    reports = sorted(set(reports), key=_order)
    anchor_keys = {r.key for r in reports if r.anchored} | set(retired)
    owns = {r: _own(r, anchor_keys) for r in reports}

    # Anchors by their own key; those a day apart in one city with the same sides, each the
    # other's only such neighbour, and never both told by one article, are one meeting
    # whose date the articles dispute: its node is the earlier day's.
    anchors: dict[str, list[Report]] = defaultdict(list)
    for report in reports:
        if report.anchored:
            anchors[owns[report]].append(report)
    node_of = {key: key for key in anchors}
    for key, partner in sorted(_day_pairs(anchors, owns).items()):
        node_of[key] = node_of[partner] = min(key, partner, key=lambda k: _day(anchors[k]))
    clusters: dict[str, list[Report]] = defaultdict(list)
    for key, group in anchors.items():
        clusters[node_of[key]].extend(group)

    out: dict[Report, str] = {}
    loose: list[Report] = []
    for report in reports:
        own = owns[report]
        if report.anchored:
            out[report] = node_of[own] if _movable(report, own) else report.key
        elif report.date and report.sides and own == _plain(report):
            loose.append(report)
        else:
            out[report] = report.key

    # Which meeting each loose report fits, if exactly one; then at most one report of an
    # article per node.
    taken: dict[tuple[str, str], int] = defaultdict(int)
    for node, group in clusters.items():
        for document in {r.document for r in group}:
            taken[document, node] += 1
    chosen: dict[Report, str] = {}
    for report in loose:
        fitting = {node for node, group in clusters.items() if any(report.fits(a) for a in group)}
        if len(fitting) == 1:
            chosen[report] = node = fitting.pop()
            taken[report.document, node] += 1
    for report in loose:
        node = chosen.get(report)
        out[report] = node if node and taken[report.document, node] == 1 else owns[report]
    return out


PAIR_REACH = 4
"""Days around a report within which the anchors that decide its node lie: a pair is a day
apart, and whether a neighbour is the only one depends on that neighbour's own neighbours."""


def disputed(assigned: dict[Report, str]) -> set[str]:
    """The nodes whose reports give different days (see :func:`assign`)."""
    days: dict[str, set[dt.date]] = defaultdict(set)
    for report, node in assigned.items():
        if report.anchored and report.date:
            days[node].add(report.date.start)
    return {node for node, found in days.items() if len(found) > 1}


def _plain(report: Report) -> str | None:
    return plain_key(report.date, report.place, report.sides)


def _own(report: Report, anchor_keys: set[str]) -> str:
    """A report's own key: a new report knows it; a stored one has it unless it moved onto
    an anchor's node (then its plain key), or it kept a key of its article only."""
    if report.own is not None:
        return report.own
    plain = _plain(report)
    if plain and (report.key == plain or report.key in anchor_keys):
        return plain
    return report.key


def _movable(report: Report, own: str) -> bool:
    """Whether an anchor may move to a node of a day-apart pair: only one with the plain
    key of its day and city (one told apart by its persons stays where it is)."""
    return own == _plain(report)


def _day(group: list[Report]) -> dt.date:
    assert group[0].date
    return group[0].date.start


def _day_pairs(anchors: dict[str, list[Report]], owns: dict[Report, str]) -> dict[str, str]:
    """Anchor keys paired with the anchor key a day away that is their only such neighbour
    (both ways)."""
    summary = {}
    for key, group in anchors.items():
        if not all(_movable(r, owns[r]) for r in group):
            continue
        sides = frozenset().union(*(r.sides for r in group))
        summary[key] = (_day(group), group[0].place, sides, {r.document for r in group})
    neighbours: dict[str, list[str]] = defaultdict(list)
    by_place: dict[str | None, list[str]] = defaultdict(list)
    for key, (_, place, _, _) in summary.items():
        by_place[place].append(key)
    for keys in by_place.values():
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                day_a, _, sides_a, docs_a = summary[a]
                day_b, _, sides_b, docs_b = summary[b]
                shared = len(sides_a & sides_b)
                if (
                    abs((day_a - day_b).days) == 1
                    and not docs_a & docs_b
                    and shared >= 1
                    and shared >= min(2, len(sides_a), len(sides_b))
                ):
                    neighbours[a].append(b)
                    neighbours[b].append(a)
    return {
        key: found[0]
        for key, found in neighbours.items()
        if len(found) == 1 and neighbours[found[0]] == [key]
    }


def _order(report: Report) -> tuple:
    return (report.document, report.key, str(report.date), report.place or "", sorted(report.sides))


def day_window(reports: Iterable[Report]) -> tuple[dt.date, dt.date] | None:
    """The first and last day the reports' dates touch (``None`` if none is dated)."""
    dated = [r.date for r in reports if r.date]
    if not dated:
        return None
    return min(d.start for d in dated), max(d.end for d in dated)
