"""Dump everything the extractors produce, canonically, so two trees can be compared.

Usage::

    PYTHONPATH=src .venv/bin/python benchmarks/same_output.py OUT.json [--docs 300]
    cmp before.json after.json     # a speed-up must leave this file byte for byte the same

What it extracts, in this order:

1. every ``ID.txt`` of the annotated corpus (``--corpus``, ``/work/shared/corpus`` by
   default), read the way :func:`diplograph.evaluate.evaluate` reads it (through
   :meth:`~diplograph.evaluate.gold.Gold.document`, so the ``published`` date, title, URL,
   language and source of ``ID.json`` are the document's metadata);
2. every file under ``--samples`` (``data/samples`` by default) through
   :func:`diplograph.readers.read_paths`;
3. the first ``--docs`` synthetic articles of ``benchmarks/extract.py`` (same generator,
   ``--seed`` 0 and ``--size`` 4096 by default, so the same files as the benchmark).

Each :class:`~diplograph.model.Extraction` is written whole with pydantic's
``model_dump(mode="json")`` (document, entities, mentions, events, in the order the
pipeline gives them); a document that fails is written as its error.  The output is one
JSON object with sorted keys, keyed by a source label per document.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import extract as bench  # noqa: E402  (benchmarks/extract.py: the synthetic articles)


def _record(doc) -> object:
    from diplograph.extract.pipeline import extract

    try:
        return extract(doc).model_dump(mode="json")
    except Exception as err:  # a crash is output too: it must not change either
        return {"error": f"{type(err).__name__}: {err}"}


def dump(corpus: Path, samples: Path, docs: int, seed: int, size: int) -> dict[str, object]:
    """Every extraction, keyed by ``corpus/ID``, ``samples/PATH#N`` and ``synthetic/NAME``."""
    from diplograph.errors import ReadError
    from diplograph.evaluate.gold import load_gold
    from diplograph.readers import read_paths
    from diplograph.resolve.gazetteer import gazetteer

    out: dict[str, object] = {}
    for gold in load_gold(corpus):
        out[f"corpus/{gold.path.stem}"] = _record(gold.document())
    for i, item in enumerate(read_paths(samples)):
        if isinstance(item, ReadError):
            out[f"samples/#{i}"] = {"read_error": str(item)}
        else:
            out[f"samples/{Path(item.path or '').name}#{i}"] = _record(item)
    if docs:
        # A fixed folder: a document's ``path`` is part of the output.
        folder = Path(tempfile.gettempdir()) / "diplograph-same-output"
        paths = bench.write_corpus(folder, docs=docs, size=size, seed=seed, gaz=gazetteer())
        for path, item in zip(paths, read_paths(paths), strict=True):
            out[f"synthetic/{path.name}"] = (
                {"read_error": str(item)} if isinstance(item, ReadError) else _record(item)
            )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", help="where to write the canonical JSON")
    parser.add_argument("--corpus", default="/work/shared/corpus", help="gold corpus folder")
    parser.add_argument("--samples", default=str(HERE.parent / "data" / "samples"))
    parser.add_argument("--docs", type=int, default=300, help="synthetic articles (0: none)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--size", type=int, default=4096)
    args = parser.parse_args(argv)
    result = dump(Path(args.corpus), Path(args.samples), args.docs, args.seed, args.size)
    text = json.dumps(result, sort_keys=True, ensure_ascii=False, indent=1)
    Path(args.out).write_text(text + "\n", encoding="utf-8")
    print(f"{len(result)} documents written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
