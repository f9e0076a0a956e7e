"""How long the pages take to build in Python and to settle in Chromium, by graph size.

Usage::

    .venv/bin/python benchmarks/views.py [--sizes 1000 10000] [--no-browser]

Makes a synthetic projection (actors of 60 states, meetings of 2-6 of them, positions
aimed at one another, an evidence sentence each) of about N nodes, then times
``build_page`` for the actor network (grouped by state past ``select.LIMIT`` actors),
the whole-graph page (which falls back to the actor network past its limit) and the
timeline, and the seconds from opening each page in headless Chromium until its layout
has settled (``body[data-stabilized]``; the timeline: drawn).
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

import networkx as nx

from diplograph.view.build import build_page

ID = "https://w3id.org/diplograph/id/"
STANCES = ("SUPPORT", "REJECT", "ACCUSE", "AGREE", "REQUEST", "PROPOSE")


def _said(i: int) -> list[dict]:
    return [
        {
            "sentence": f"Officials met on the {i % 28 + 1}th and agreed to talk again.",
            "lang": "en",
            "doc": f"{ID}document/{i % 997}",
            "headline": f"Talks, round {i}",
            "outlet": "Bench Wire",
            "published": f"2022-{i % 12 + 1:02d}-{i % 28 + 1:02d}",
            "url": f"https://example.org/{i}",
        }
    ]


def synthetic(nodes: int, seed: int = 7) -> nx.MultiDiGraph:
    """About ``nodes`` nodes: 40% persons, 25% meetings, 25% positions, states and places."""
    rng = random.Random(seed)
    G = nx.MultiDiGraph()
    states = [f"{ID}country/C{i}" for i in range(60)]
    for s in states:
        G.add_node(s, kind="country", label=s[-3:], labels=(("en", s[-3:]),), statements=[])
    persons = [f"{ID}person/p{i}" for i in range(int(nodes * 0.4))]
    for i, p in enumerate(persons):
        G.add_node(
            p,
            kind="person",
            label=f"Person {i}",
            labels=(("en", f"Person {i}"),),
            country=rng.choice(states),
            statements=[],
        )
    places = [f"{ID}place/{i}" for i in range(40)]
    for place in places:
        G.add_node(place, kind="place", label=place[-6:], labels=(), statements=[])
    for i in range(int(nodes * 0.25)):
        m = f"{ID}meeting/{i}"
        G.add_node(
            m,
            kind="meeting",
            label=f"Meeting {i}",
            labels=(),
            statements=[],
            date=f"2022-{i % 12 + 1:02d}-{i % 28 + 1:02d}",
            end_date=None,
            sources=1 + i % 4,
            disputed=False,
            evidence=_said(i),
        )
        for actor in rng.sample(persons, rng.randint(2, 6)):
            G.add_edge(actor, m, key="participant", kind="participant", label="")
        G.add_edge(m, rng.choice(places), key="location", kind="location", label="")
    for i in range(int(nodes * 0.25)):
        pos, holder = f"{ID}position/{i}", rng.choice(persons)
        stance = rng.choice(STANCES)
        statement = {
            "iri": f"{ID}statement/{i}",
            "date": f"2022-{i % 12 + 1:02d}-01",
            "quote": None,
            "quote_lang": None,
            "evidence": _said(i),
        }
        G.add_node(
            pos,
            kind="position",
            label=f"topic {i}",
            labels=(),
            stance=stance,
            sources=1,
            statements=[statement],
            evidence=_said(i),
        )
        G.nodes[holder]["statements"].append(statement)
        G.add_edge(holder, pos, key=pos, kind="position", label=stance, stance=stance)
        G.add_edge(pos, rng.choice(persons + states), key="target", kind="target", label="")
    return G


def settle_seconds(path: Path) -> float:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        started = time.perf_counter()
        page.goto(path.as_uri())
        page.wait_for_selector(
            "body[data-stabilized], body[data-drawn]", state="attached", timeout=120_000
        )
        seconds = time.perf_counter() - started
        browser.close()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    print(f"{'nodes':>7} {'page':<9} {'drawn':>6} {'build s':>8} {'KB':>7} {'settle s':>9}")
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            G = synthetic(size)
            for page in ("network", "graph", "timeline"):
                started = time.perf_counter()
                html = build_page(G, page=page)
                built = time.perf_counter() - started
                path = Path(folder) / f"{page}-{size}.html"
                path.write_text(html, encoding="utf-8")
                drawn = html.count('"shape":')
                settle = "" if args.no_browser else f"{settle_seconds(path):9.2f}"
                print(
                    f"{G.number_of_nodes():>7} {page:<9} {drawn:>6} {built:>8.2f} "
                    f"{len(html) // 1024:>7} {settle:>9}"
                )


if __name__ == "__main__":
    main()
