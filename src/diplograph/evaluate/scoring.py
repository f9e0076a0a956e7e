"""Compare what the graph says about each document with its gold annotation."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Any, cast

from diplograph.evaluate.gold import Gold
from diplograph.evaluate.graph import Facts, NodeInfo, PredictedMeeting
from diplograph.evaluate.normalize import normalize_name

# The report classes lived here before report.py: still importable from here.
from diplograph.evaluate.report import GRAPH_ROWS, ROWS, DocumentReport, Report, Score

__all__ = [
    "GRAPH_ROWS",
    "ROWS",
    "DocumentReport",
    "Report",
    "Score",
    "align",
    "display_node",
    "score_document",
    "score_meetings",
]


def _match(
    left: Sequence[Hashable], edges: Callable[[Any], Iterable[Hashable]]
) -> dict[Hashable, Hashable]:
    """A maximum one-to-one matching (augmenting paths); ``edges`` in order of preference."""
    owner: dict[Hashable, Hashable] = {}

    def augment(item: Hashable, seen: set[Hashable]) -> bool:
        for target in edges(item):
            if target in seen:
                continue
            seen.add(target)
            if target not in owner or augment(owner[target], seen):
                owner[target] = item
                return True
        return False

    for item in left:
        augment(item, set())
    return {item: target for target, item in owner.items()}


def align(nodes: dict[str, NodeInfo], entities: list[dict[str, Any]]) -> dict[str, str]:
    """Predicted node IRI -> gold entity name, one-to-one.

    A node may match a gold entity of its own type with the same Wikidata id, or a
    label equal (after :func:`normalize_name`) to its name or an alias.
    """
    keys = []
    for entity in entities:
        names = [entity["name"], *(entity.get("aliases") or [])]
        keys.append({normalize_name(n) for n in names} - {""})
    candidates: dict[str, list[tuple[int, int]]] = {}
    for iri, info in nodes.items():
        labels = {normalize_name(text) for _, text in info.labels}
        found = []
        for index, entity in enumerate(entities):
            if entity.get("type") not in info.types:
                continue
            if entity.get("wikidata") and entity["wikidata"] in info.wikidata:
                found.append((0, index))
            elif normalize_name(entity["name"]) in labels:
                found.append((1, index))
            elif labels & keys[index]:
                found.append((2, index))
        if found:
            candidates[iri] = sorted(found)
    order = sorted(candidates, key=lambda iri: (candidates[iri][0][0], iri))
    matched = _match(order, lambda iri: [index for _, index in candidates[iri]])
    return {iri: entities[index]["name"] for iri, index in matched.items()}


def display_node(iri: str | None, nodes: dict[str, NodeInfo]) -> str:
    """A node as the misses list it: its English label (else any) and its short IRI."""
    if iri is None:
        return "-"
    info = nodes.get(iri)
    labels = sorted(info.labels) if info else []
    english = [text for lang, text in labels if lang == "en"]
    name = english[0] if english else (labels[0][1] if labels else "?")
    return f"{name} <{iri.rsplit('/id/', 1)[-1]}>"


def _pairs(
    predicted: Iterable[tuple[str, str | None]],
    gold: set[tuple[str, str | None]],
    key: Callable[[tuple[str, str | None]], tuple[str, str | None] | None],
    show: Callable[[tuple[str, str | None]], str],
    score: Score,
    spurious: list[str],
) -> set[tuple[str, str | None]]:
    """Score predicted pairs by their gold-side ``key``; returns the gold pairs found."""
    found = set()
    for pair in sorted(predicted, key=str):
        named = key(pair)
        if named is not None and named in gold and named not in found:
            found.add(named)
            score.tp += 1
        else:
            score.fp += 1
            spurious.append(show(pair))
    score.fn += len(gold - found)
    return found


def score_meetings(
    gold_meetings: list[dict[str, Any]],
    meetings: dict[str, PredictedMeeting],
    names: dict[str, str],
    show: Callable[[str | None], str],
    rows: dict[str, Score],
    missed: dict[str, list[str]],
    spurious: dict[str, list[str]],
    *,
    own_places: dict[str, set[str]] | None = None,
) -> dict[str, int]:
    """Score predicted ``meetings`` and their participants against ``gold_meetings``.

    A meeting matches a gold one of the same date (or both none) and place (or both none),
    one-to-one, the gold meeting sharing most participants first.  Adds to the ``meetings``
    and ``participants`` entries of ``rows``, ``missed`` and ``spurious``.

    ``own_places``: the meetings are nodes of the merged graph, and these are the places
    the scored article itself gave each node.  A gold meeting whose article names no place
    (``location: null``) also matches a node whose place only other articles gave: the
    graph knows more than the article, rightly.

    Parameters
    ----------
    names
        Predicted node IRI -> gold entity name (see :func:`align`).
    show
        How a node is listed among the spurious items.

    Returns
    -------
    dict
        Predicted meeting node -> index of the gold meeting it matched.
    """

    def compatible(iri: str) -> list[int]:
        meeting = meetings[iri]
        places = {names.get(p) for p in meeting.places}
        sides = {names.get(p) for p in meeting.participants}
        fits = [
            (-len(sides & set(g["participants"])), index)
            for index, g in enumerate(gold_meetings)
            if g.get("date") in meeting.dates
            and (
                g["location"] in places
                if g.get("location")
                else not (own_places or {}).get(iri, meeting.places)
            )
        ]
        return [index for _, index in sorted(fits)]

    pairs = cast("dict[str, int]", _match(sorted(meetings), compatible))
    rows["meetings"].tp += len(pairs)
    rows["meetings"].fp += len(meetings) - len(pairs)
    rows["meetings"].fn += len(gold_meetings) - len(pairs)
    found = set(pairs.values())
    for index, g in enumerate(gold_meetings):
        if index not in found:
            missed["meetings"].append(f"{g.get('date')} @ {g.get('location')}: {g.get('name')}")
    for node in sorted(meetings):
        if node not in pairs:
            meeting = meetings[node]
            dates = ",".join(sorted(str(d) for d in meeting.dates))
            where = ", ".join(show(p) for p in sorted(meeting.places)) or "None"
            spurious["meetings"].append(f"{dates} @ {where}")
    for node, index in sorted(pairs.items()):
        g = gold_meetings[index]
        wanted = set(g["participants"])
        got = set()
        for who in sorted(meetings[node].participants):
            if names.get(who) in wanted:
                got.add(names[who])
                rows["participants"].tp += 1
            else:
                rows["participants"].fp += 1
                spurious["participants"].append(f"{g.get('name')}: {show(who)}")
        rows["participants"].fn += len(wanted - got)
        missed["participants"] += [f"{g.get('name')}: {w}" for w in sorted(wanted - got)]
    return pairs


def score_document(gold: Gold, facts: Facts, iri: str | None = None) -> DocumentReport:
    """Score one document's predictions against its gold annotation."""
    report = DocumentReport(gold.id, gold.lang, iri)
    nodes, data = facts.nodes, gold.data
    names = align(nodes, gold.entities)
    show = lambda node: display_node(node, nodes)  # noqa: E731

    def named(pair: tuple[str, str | None]) -> tuple[str, str | None] | None:
        """A (node, node-or-nothing) pair as gold names; ``None`` if a node matched nothing."""
        first, second = names.get(pair[0]), pair[1] and names.get(pair[1])
        if first is None or (pair[1] is not None and second is None):
            return None
        return first, second

    rows, missed, spurious = report.scores, report.missed, report.spurious

    # Entities.
    rows["entities"].tp = len(names)
    rows["entities"].fp = len(nodes) - len(names)
    rows["entities"].fn = len(gold.entities) - len(names)
    matched_names = set(names.values())
    missed["entities"] = [
        f"{e['type']}: {e['name']}" for e in gold.entities if e["name"] not in matched_names
    ]
    spurious["entities"] = [
        f"{'/'.join(sorted(nodes[n].types)) or 'untyped'}: {show(n)}"
        for n in sorted(nodes)
        if n not in names
    ]

    # Meetings: same date (or both none) and same place (or both none), one-to-one.
    pairs = score_meetings(data["meetings"], facts.meetings, names, show, rows, missed, spurious)
    report.meeting_nodes = {index: node for node, index in pairs.items()}

    # Statements: distinct speakers.
    speakers = {s["speaker"] for s in data["statements"]}
    found = _pairs(
        ((s, None) for s in facts.speakers),
        {(s, None) for s in speakers},
        named,
        lambda pair: show(pair[0]),
        rows["statements"],
        spurious["statements"],
    )
    missed["statements"] = sorted(speakers - {s for s, _ in found})

    # Roles: (person, of); titles reported apart.
    gold_roles = {(r["person"], r.get("of")) for r in data["roles"]}
    found = _pairs(
        facts.roles,
        gold_roles,
        named,
        lambda pair: f"{show(pair[0])} — {show(pair[1])}",
        rows["roles"],
        spurious["roles"],
    )
    missed["roles"] = [f"{p} — {o}" for p, o in sorted(gold_roles - found, key=str)]
    titles: dict[tuple[str | None, str | None], set[str]] = {}
    for (holder, org), given in facts.roles.items():
        key = named((holder, org))
        titles.setdefault(key, set()).update(normalize_name(t) for t in given)
    for role in data["roles"]:
        pair = (role["person"], role.get("of"))
        if pair in found:
            report.titles_total += 1
            report.titles_correct += normalize_name(role.get("title") or "") in titles[pair]

    # Positions: (holder, stance).
    gold_positions = {(p["holder"], p["type"]) for p in data["positions"]}
    found = _pairs(
        facts.positions,
        gold_positions,
        lambda pair: (names[pair[0]], pair[1]) if pair[0] in names else None,
        lambda pair: f"{show(pair[0])} {pair[1]}",
        rows["positions"],
        spurious["positions"],
    )
    missed["positions"] = [f"{h} {t}" for h, t in sorted(gold_positions - found)]
    return report
