"""Extraction time against article length: it must grow linearly.

Usage::

    .venv/bin/python benchmarks/length.py [--sizes 1 4 16 64 256 1024] [--lang en] [--limit 120]

Makes one synthetic article per size (in KB, UTF-8 bytes) with ``benchmarks/extract.py``'s
generator, extracts it once (after one warm-up article) and prints seconds, microseconds
per byte and the ratio to the smallest size's per-byte cost: a ratio that grows with size
means a loop over all of something per something. An article that takes over ``--limit``
seconds is stopped (in a child process) and reported as such.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from extract import article, vocabularies

from diplograph.extract.pipeline import extract
from diplograph.model import Document
from diplograph.resolve.gazetteer import gazetteer


def _run(text: str, lang: str, queue) -> None:
    started = time.perf_counter()
    found = extract(Document(id="bench", text=text, lang=lang))
    queue.put((time.perf_counter() - started, len(found.events), len(found.mentions)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 4, 16, 64, 256, 1024])
    parser.add_argument("--lang", default="en")
    parser.add_argument("--limit", type=float, default=120)
    args = parser.parse_args()
    vocab = vocabularies(gazetteer())[args.lang]
    _run(article(vocab, 4096, random.Random(1)), args.lang, multiprocessing.Queue())
    print(f"{'KB':>6} {'seconds':>9} {'us/byte':>8} {'ratio':>6} {'events':>7} {'mentions':>8}")
    base = None
    context = multiprocessing.get_context("fork")
    for kb in args.sizes:
        text = article(vocab, kb * 1024, random.Random(kb))
        queue = context.Queue()
        child = context.Process(target=_run, args=(text, args.lang, queue))
        child.start()
        child.join(args.limit)
        if child.is_alive():
            child.kill()
            print(f"{kb:>6} {'> ' + str(int(args.limit)):>9}  stopped")
            continue
        seconds, events, mentions = queue.get()
        per_byte = seconds / len(text.encode()) * 1e6
        base = base or per_byte
        print(
            f"{kb:>6} {seconds:>9.2f} {per_byte:>8.1f} {per_byte / base:>6.1f} "
            f"{events:>7} {mentions:>8}"
        )


if __name__ == "__main__":
    main()
