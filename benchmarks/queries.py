"""Median latency of every canned query, on the samples or on any store.

Usage::

    .venv/bin/python benchmarks/queries.py [--store DIR] [--runs 7]

Without ``--store`` it ingests ``data/samples`` into a temporary store first.  Each query
runs ``--runs`` times on one open store (the first run warms Oxigraph's caches and counts
like the others); the table gives the rows, the median and the slowest run, in
milliseconds.  Parameters are those of a question the samples can answer.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from diplograph.api import ingest
from diplograph.query import SAMPLE_PARAMS, bind, canned
from diplograph.rdf.store import open_store

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"


def measure(store: Path, runs: int) -> list[tuple[str, int, float, float]]:
    """(query, rows, median ms, slowest ms) for each canned query."""
    out = []
    with open_store(store, read_only=True) as graph:
        for name, query in canned().items():
            bindings = bind(query, SAMPLE_PARAMS.get(name, {}))
            times, rows = [], 0
            for _ in range(runs):
                start = time.perf_counter()
                rows = len(graph.query(query.text, bindings, max_rows=1 << 40))
                times.append((time.perf_counter() - start) * 1000)
            out.append((name, rows, statistics.median(times), max(times)))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, help="a store folder (default: the samples)")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        store = args.store
        if store is None:
            store = Path(tmp) / "store"
            ingest([SAMPLES], store=store)
        with open_store(store, read_only=True) as graph:
            quads = len(graph)
        print(f"| query ({quads:,} quads) | rows | median ms | slowest ms |")
        print("|---|---|---|---|")
        for name, rows, median, slowest in measure(store, args.runs):
            print(f"| {name} | {rows} | {median:.1f} | {slowest:.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
