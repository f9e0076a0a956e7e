"""Extraction in worker processes, results in input order, for one writer to store.

Extraction is pure Python and holds the interpreter's lock, so threads do not help:
``jobs`` worker processes each extract a share of the documents. They are forked when
the first document needs them, after the gazetteer is built, so they share its memory
(copy on write) instead of each spending seconds building their own; a run where every
article is unchanged builds neither. Workers never touch the store (a forked child
holds none of its parent's file locks). Documents go out in windows of a few dozen per
worker: memory stays bounded however long the corpus, and the results come back in
input order, so a run with several jobs writes exactly what a run with one writes.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator

from diplograph.errors import DiplographError
from diplograph.extract.pipeline import extract
from diplograph.model import Document, Extraction
from diplograph.resolve.gazetteer import Gazetteer

__all__ = ["DASK", "Extractor", "default_jobs", "extract_batch"]

DASK = "dask://"
"""An executor address ``dask://HOST:PORT``: a Dask distributed scheduler."""

DASK_BATCH = 32
"""Documents per Dask task: a task costs about 1.5 ms to schedule, an article 25 ms to read."""

WINDOW = 16
"""Documents sent to each worker per round."""

_GAZETTEER: Gazetteer | None = None
"""The parent's gazetteer, inherited by forked workers."""


def default_jobs() -> int:
    """The cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def extract_safely(doc: Document, gazetteer: Gazetteer) -> Extraction | str:
    """The extraction of ``doc``, or why it failed: one bad article never stops a run."""
    try:
        return extract(doc, gazetteer=gazetteer)
    except (DiplographError, ValueError) as err:
        return f"extraction failed: {err}"
    except Exception as err:  # a bug met on one article must not lose the others
        return f"extraction failed (internal error, please report it): {type(err).__name__}: {err}"


def extract_batch(docs: list[Document], gazetteer: Gazetteer | None = None) -> list:
    """Extract ``docs`` on a Dask worker (the project's knowledge base unless one is sent
    along, built once per worker process)."""
    if gazetteer is None:
        from diplograph.resolve.gazetteer import gazetteer as default_gazetteer

        gazetteer = default_gazetteer()
    return [extract_safely(doc, gazetteer) for doc in docs]


def _work(doc: Document) -> Extraction | str:
    assert _GAZETTEER is not None, "workers are forked with the gazetteer set"
    return extract_safely(doc, _GAZETTEER)


class Extractor:
    """Extracts documents with ``jobs`` processes (in this one when ``jobs`` is 1).

    ``gazetteer`` is the knowledge base, or a function that makes it, called only once a
    document needs extracting. Use it as a context manager: workers stop on exit."""

    def __init__(
        self,
        gazetteer: Gazetteer | Callable[[], Gazetteer],
        jobs: int = 1,
        executor: str | None = None,
    ) -> None:
        self._gazetteer = gazetteer
        self.jobs = max(1, jobs)
        self.executor = executor
        self._pool = None
        self._client = None
        if executor is not None and not executor.startswith(DASK):
            raise DiplographError(
                f"--executor {executor!r}: give a Dask scheduler, dask://HOST:PORT"
            )

    @property
    def _handed(self) -> bool:
        """Whether the caller handed a knowledge base (not a function making one)."""
        return isinstance(self._gazetteer, Gazetteer)

    @property
    def gazetteer(self) -> Gazetteer:
        if not self._handed:
            self._gazetteer = self._gazetteer()
        return self._gazetteer

    def __enter__(self) -> Extractor:
        return self

    def __exit__(self, *exc) -> None:
        global _GAZETTEER
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._pool is not None:
            self._pool.terminate() if exc[0] else self._pool.close()
            self._pool.join()
            self._pool = None
        _GAZETTEER = None

    def _start(self) -> None:
        global _GAZETTEER
        _GAZETTEER = self.gazetteer
        self._pool = multiprocessing.get_context("fork").Pool(self.jobs)

    def map(self, docs: Iterable[Document]) -> Iterator[tuple[Document, Extraction | str]]:
        """Each document with its extraction (or error message), in input order."""
        docs = iter(docs)
        if self.executor is not None:
            yield from self._map_on_dask(docs)
            return
        if self.jobs == 1:
            for doc in docs:
                yield doc, extract_safely(doc, self.gazetteer)
            return
        previous = None
        while True:
            # the workers extract the next window while the caller stores this one
            window = list(itertools.islice(docs, self.jobs * WINDOW))
            if window and self._pool is None:
                self._start()
            running = self._pool.map_async(_work, window, chunksize=2) if window else None
            if previous is not None:
                yield from zip(previous[0], previous[1].get(), strict=True)
            if running is None:
                return
            previous = (window, running)

    def _map_on_dask(self, docs: Iterator[Document]) -> Iterator[tuple[Document, Extraction | str]]:
        """Batches of documents as tasks on a Dask cluster, a few in flight per worker,
        their results taken in input order."""
        try:
            from distributed import Client
        except ImportError as err:
            raise DiplographError(
                "--executor dask:// needs Dask: pip install 'diplograph[scale]'"
            ) from err
        address = "tcp://" + self.executor.removeprefix(DASK)
        try:
            self._client = Client(address, timeout="10s")
        except OSError as err:
            raise DiplographError(f"{self.executor}: no Dask scheduler answers ({err})") from err
        sent = None
        if self._handed:
            # a knowledge base of the caller's own goes to every worker once
            sent = self._client.scatter(self._gazetteer, broadcast=True)
        workers = max(1, len(self._client.scheduler_info()["workers"]))
        in_flight: list = []
        while True:
            while len(in_flight) < 2 * workers and (
                batch := list(itertools.islice(docs, DASK_BATCH))
            ):
                in_flight.append(
                    (batch, self._client.submit(extract_batch, batch, sent, pure=False))
                )
            if not in_flight:
                return
            batch, future = in_flight.pop(0)
            yield from zip(batch, future.result(), strict=True)
