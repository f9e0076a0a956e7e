"""The timeline page: meetings and statements on a time axis, each with its evidence.

:func:`timeline_items` lists what happened when, from the projection of
:func:`~diplograph.view.graph.to_networkx`; :func:`render_timeline` writes the
page (a bar per month to jump by, then the events month by month, filterable by
actor and stance). Undated events are listed last.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import networkx as nx

from diplograph.outfile import write_atomically
from diplograph.view.network import ACTOR_KINDS, stance_sign
from diplograph.view.page import render_page
from diplograph.view.payload import SIGN_COLOURS, label_dir, safe_url
from diplograph.view.words import Words, words_for

__all__ = ["AXIS_MONTHS", "PER_MONTH", "render_timeline", "timeline_items", "write_timeline"]

AXIS_MONTHS = 240
"""The longest time axis drawn month by month (twenty years)."""

PER_MONTH = 60
"""Past this many events in a month the page lists the most reported ones and says how
many it left out: a month of a big crisis holds thousands of statements."""


def _evidence(evidence: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            "sentence": said["sentence"],
            "lang": said.get("lang") or "",
            "dir": label_dir(said.get("lang")),
            "source": " · ".join(
                p for p in (said.get("headline"), said.get("outlet"), said.get("published")) if p
            ),
            "url": safe_url(said.get("url")),
        }
        for said in evidence
    ]


def timeline_items(G: nx.MultiDiGraph, words: Words) -> list[dict[str, Any]]:
    """Every meeting and statement of ``G`` as a dict for the page, by date."""
    items: list[dict[str, Any]] = []
    label = {n: str(d.get("label", n)) for n, d in G.nodes(data=True)}
    for node, data in G.nodes(data=True):
        if data.get("kind") != "meeting":
            continue
        actors = sorted(a for a in G.predecessors(node) if G.nodes[a].get("kind") in ACTOR_KINDS)
        places = [p for p in G.successors(node) if G.nodes[p].get("kind") == "place"]
        items.append(
            {
                "id": node,
                "kind": "meeting",
                "date": data.get("date") or "",
                "end": data.get("end_date") or "",
                "title": label[node],
                "where": ", ".join(label[p] for p in places),
                "actors": actors,
                "who": ", ".join(label[a] for a in actors),
                "stances": [],
                "quote": "",
                "sources": data.get("sources") or 0,
                "evidence": _evidence(data.get("evidence", [])),
            }
        )
    stances_of: dict[str, set[str]] = defaultdict(set)
    for _, data in G.nodes(data=True):
        if data.get("kind") == "position":
            for statement in data.get("statements", []):
                stances_of[statement["iri"]].add(data.get("stance", ""))
    for node, data in G.nodes(data=True):
        if data.get("kind") not in ACTOR_KINDS:
            continue
        for statement in data.get("statements", []):
            stances = sorted(stances_of[statement["iri"]] - {""})
            verbs = ", ".join(words.stance(s) for s in stances)
            first = (statement.get("evidence") or [{}])[0] if not statement.get("quote") else {}
            items.append(
                {
                    "id": statement["iri"],
                    "kind": "statement",
                    "date": statement.get("date") or "",
                    "end": "",
                    "title": f"{label[node]} · {verbs or words['said']}",
                    "where": "",
                    "actors": [node],
                    "who": label[node],
                    "stances": stances,
                    # No quote marks in the text: what was said is the sentence itself.
                    "quote": statement.get("quote") or first.get("sentence", ""),
                    "quote_lang": (statement.get("quote_lang") or first.get("lang")) or "",
                    "quote_dir": label_dir(statement.get("quote_lang") or first.get("lang")),
                    "sources": len({s["doc"] for s in statement.get("evidence", [])}),
                    "evidence": _evidence(statement.get("evidence", [])),
                }
            )
    items.sort(key=lambda item: (item["date"] or "9999", item["kind"], item["title"], item["id"]))
    return items


def _months(items: list[dict[str, Any]], per_month: int) -> tuple[list, list, int]:
    """Items kept (the most reported of each month) and each month's count."""
    by_month: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for item in items:
        by_month[item["date"][:7] or "undated"].append(item)
    kept: list[dict[str, Any]] = []
    months = []
    for month in sorted(by_month, key=lambda m: (m == "undated", m)):
        members = by_month[month]
        shown = sorted(members, key=lambda i: -i["sources"])[:per_month]
        shown_ids = {i["id"] for i in shown}
        kept += [i for i in members if i["id"] in shown_ids]
        months.append({"month": month, "count": len(members), "shown": len(shown)})
    return kept, _with_empty_months(months), len(items) - len(kept)


def _with_empty_months(months: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every month from the first to the last, so the bars stand on a true time axis
    (at most :data:`AXIS_MONTHS` of them: past that, only months with events)."""
    dated = [m["month"] for m in months if m["month"] != "undated"]
    if not dated:
        return months
    first, last = (int(dated[0][:4]), int(dated[0][5:7])), (int(dated[-1][:4]), int(dated[-1][5:7]))
    span = (last[0] - first[0]) * 12 + last[1] - first[1] + 1
    if span > AXIS_MONTHS:
        return months
    present = {m["month"]: m for m in months}
    filled = []
    for i in range(span):
        year, month = divmod(first[1] - 1 + i, 12)
        key = f"{first[0] + year:04d}-{month + 1:02d}"
        filled.append(present.get(key, {"month": key, "count": 0, "shown": 0}))
    return filled + [m for m in months if m["month"] == "undated"]


def render_timeline(
    G: nx.MultiDiGraph, *, title: str = "diplograph", lang: str = "en", per_month: int = PER_MONTH
) -> str:
    """The timeline page for ``G`` as a string."""
    words = words_for(lang)
    items, months, left_out = _months(timeline_items(G, words), per_month)
    actors = Counter(a for item in items for a in item["actors"])
    actor_list = sorted(
        ({"id": a, "label": str(G.nodes[a].get("label", a))} for a in actors),
        key=lambda a: a["label"].casefold(),
    )
    stance_list = [
        {
            "value": s,
            "word": words.stance(s),
            "colour": SIGN_COLOURS[stance_sign([s])],
        }
        for s in sorted({s for item in items for s in item["stances"]})
    ]
    note = words.count("more", left_out) if left_out else ""
    return render_page(
        "timeline.html.j2",
        title=title,
        lang=lang,
        data={"items": items, "months": months},
        actors=actor_list,
        stances=stance_list,
        note=note,
    )


def write_timeline(
    G: nx.MultiDiGraph, path: Path | str, *, title: str = "diplograph", lang: str = "en"
) -> Path:
    """Write the timeline page of ``G`` (self-contained, offline) to ``path``.

    Examples
    --------
    >>> import tempfile
    >>> from diplograph.view.examples import example_store
    >>> from diplograph.view.graph import to_networkx
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     page = write_timeline(to_networkx(example_store()), Path(folder) / "t.html")
    ...     "2022-01-12" in page.read_text()
    True
    """
    return write_atomically(path, render_timeline(G, title=title, lang=lang))
