"""Ingest and canned queries at scale: 1M and 10M quads, beside Oxigraph's and rdflib's
own loading of the same quads.

Usage::

    .venv/bin/python benchmarks/scale.py [--docs 200] [--quads 1000000 10000000] [--runs 5]

1. **Seed**: ``--docs`` synthetic ~4 KB articles (``benchmarks/extract.py``'s generator)
   ingested end to end by ``ingest_documents`` into an on-disk store: docs/s and quads/s.
   The same quads are then loaded by ``pyoxigraph.Store.bulk_load`` (on disk) and parsed
   into an ``rdflib.Dataset``: the anchors for ingest.
2. **Scale**: the seed's article graphs copied until the store holds about ``--quads``
   quads. Each copy renames its documents, facts and evidence and moves its dates on by a
   week, so actors and places repeat as they do in a real corpus (the knowledge base's
   few hundred actors across every article) while meetings and statements are new.
   Loaded with ``bulk_load``; seconds, peak RSS and disk bytes per quad.
3. **Queries**: every canned query's median latency (``--runs`` runs, one open store)
   with the parameters of ``benchmarks/queries.py``.

Prints Markdown tables. Needs about 2 GB of disk per 10M quads.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).parent))

from extract import write_corpus
from queries import measure

from diplograph.ingest import ingest_documents
from diplograph.rdf.store import open_store
from diplograph.readers import read_paths
from diplograph.resolve.gazetteer import gazetteer

ID = "https://w3id.org/diplograph/id/"
COPIED = re.compile(rf"<{re.escape(ID)}(document|evidence|position|role|meeting|statement)/")
BLANK = re.compile(r"(_:[A-Za-z0-9]+)")
DAY = re.compile(r'"(\d{4}-\d{2}-\d{2})"\^\^<http://www\.w3\.org/2001/XMLSchema#date>')
SHARED_GRAPHS = (f"<{ID}graph/",)
XSD_DATE = "http://www.w3.org/2001/XMLSchema#date"


def rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def disk_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def seed(folder: Path, docs: int) -> tuple[Path, list[str], dict]:
    """Ingest the seed articles; their N-Quads lines and the measures."""
    gaz = gazetteer()
    paths = write_corpus(folder / "corpus", docs=docs, size=4096, seed=0, gaz=gaz)
    store = folder / "seed"
    started = time.perf_counter()
    report = ingest_documents(read_paths(paths), store=store, gazetteer=gaz)
    seconds = time.perf_counter() - started
    with open_store(store, read_only=True) as graph:
        quads = len(graph)
        lines = graph.dump("nquads").decode().splitlines()
    nquads = folder / "seed.nq"
    nquads.write_text("\n".join(lines) + "\n", encoding="utf-8")

    started = time.perf_counter()
    bulk = ox.Store(str(folder / "bulk"))
    bulk.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
    bulk.flush()
    bulk_seconds = time.perf_counter() - started
    del bulk

    import rdflib

    started = time.perf_counter()
    rdflib.Dataset().parse(str(nquads), format="nquads")
    rdflib_seconds = time.perf_counter() - started
    return (
        store,
        lines,
        {
            "docs": report.added,
            "quads": quads,
            "ingest_s": seconds,
            "bulk_s": bulk_seconds,
            "rdflib_s": rdflib_seconds,
            "disk": disk_bytes(store),
        },
    )


def _copy(line: str, k: int) -> str:
    line = COPIED.sub(lambda m: f"{m.group(0)}c{k}-", line)
    line = BLANK.sub(lambda m: f"{m.group(1)}c{k}", line)

    def later(match: re.Match) -> str:
        day = dt.date.fromisoformat(match.group(1)) + dt.timedelta(days=7 * k)
        return f'"{day.isoformat()}"^^<{XSD_DATE}>'

    return DAY.sub(later, line)


def scaled(lines: list[str], quads: int, out: Path) -> Path:
    """An N-Quads file of about ``quads`` quads: the seed, then renamed copies."""
    own = [line for line in lines if not any(g in line.rsplit(" ", 2)[-2] for g in SHARED_GRAPHS)]
    copies = max(1, round((quads - (len(lines) - len(own))) / max(1, len(own))))
    with out.open("w", encoding="utf-8") as file:
        file.write("\n".join(lines) + "\n")
        for k in range(1, copies):
            file.write("\n".join(_copy(line, k) for line in own) + "\n")
    return out


def load(nquads: Path, folder: Path) -> tuple[Path, dict]:
    store = folder / "store"
    shutil.rmtree(store, ignore_errors=True)
    started = time.perf_counter()
    bulk = ox.Store(str(store))
    bulk.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
    bulk.flush()
    bulk.optimize()
    seconds = time.perf_counter() - started
    count = len(bulk)
    del bulk
    return store, {"quads": count, "load_s": seconds, "disk": disk_bytes(store)}


def latencies(store: Path, runs: int) -> list[tuple[str, int, float]]:
    """(query, rows, median ms) for each canned query, as ``queries.py`` measures them."""
    return [(name, rows, median) for name, rows, median, _ in measure(store, runs)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--quads", type=int, nargs="+", default=[1_000_000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    folder = args.out or Path(tempfile.mkdtemp(prefix="diplograph-scale-"))
    folder.mkdir(parents=True, exist_ok=True)
    _, lines, s = seed(folder, args.docs)
    print(f"## Ingest ({s['docs']} synthetic articles, {s['quads']:,} quads)\n")
    print("| step | seconds | quads/s | docs/s |\n| --- | --- | --- | --- |")
    print(
        f"| diplograph ingest (extract, resolve, write) | {s['ingest_s']:.1f} | "
        f"{s['quads'] / s['ingest_s']:,.0f} | {s['docs'] / s['ingest_s']:.1f} |"
    )
    for step, key in (("pyoxigraph bulk_load", "bulk_s"), ("rdflib Dataset parse", "rdflib_s")):
        rate = s["quads"] / s[key]
        print(f"| {step}, same quads | {s[key]:.2f} | {rate:,.0f} | |")
    print(
        f"\nquads per article: {s['quads'] / s['docs']:,.0f}; disk after ingest: "
        f"{s['disk'] / s['quads']:,.0f} bytes per quad\n"
    )
    results = {}
    for target in args.quads:
        nquads = scaled(lines, target, folder / f"scaled-{target}.nq")
        store, measure = load(nquads, folder)
        nquads.unlink()
        results[target] = (measure, latencies(store, args.runs))
        print(
            f"{measure['quads']:,} quads: bulk load {measure['load_s']:.0f} s "
            f"({measure['quads'] / measure['load_s']:,.0f} quads/s), "
            f"{measure['disk'] / measure['quads']:,.0f} bytes per quad on disk, "
            f"peak RSS {rss_mib():,.0f} MiB"
        )
    print(
        "\n| query | "
        + " | ".join(f"{r[0]['quads']:,} quads: rows, ms" for r in results.values())
        + " |"
    )
    print("| --- |" + " --- |" * len(results))
    names = [name for name, _, _ in next(iter(results.values()))[1]]
    for i, name in enumerate(names):
        cells = [f"{r[1][i][1]:,} rows, {r[1][i][2]:,.0f} ms" for r in results.values()]
        print(f"| {name} | " + " | ".join(cells) + " |")
    if args.out is None:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
