"""Ingest runs: several extracting processes write what one writes; an unchanged article
is read and hashed, never extracted again; a changed one is (our own articles)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

import diplograph.parallel as parallel
from diplograph import api
from diplograph.fingerprint import document_fingerprint
from diplograph.model import Document
from diplograph.rdf.store import open_store

SAMPLES = Path(__file__).parents[1] / "data" / "samples"


def nquads(store: Path) -> str:
    with open_store(store, read_only=True) as graph:
        return graph.sorted_nquads()


@pytest.fixture(scope="module")
def serial(tmp_path_factory) -> Path:
    store = tmp_path_factory.mktemp("serial") / "store"
    report = api.ingest([SAMPLES], store=store)
    assert report.ok and report.added == 18
    return store


def test_jobs_write_what_one_process_writes(serial, tmp_path):
    report = api.ingest([SAMPLES], store=tmp_path / "store", jobs=2)
    assert report.ok and report.added == 18
    assert nquads(tmp_path / "store") == nquads(serial)


def test_an_unchanged_corpus_is_not_extracted_again(serial, tmp_path, monkeypatch):
    store = tmp_path / "store"
    shutil.copytree(serial, store)

    def never(*_, **__):
        raise AssertionError("an unchanged article was extracted again")

    monkeypatch.setattr(parallel, "extract", never)
    report = api.ingest([SAMPLES], store=store)
    assert (report.added, report.unchanged, report.errors) == (0, 18, [])
    assert nquads(store) == nquads(serial)


def test_changed_metadata_is_read_again(serial, tmp_path):
    store = tmp_path / "store"
    shutil.copytree(serial, store)
    folder = tmp_path / "in"
    folder.mkdir()
    seed = next(SAMPLES.glob("ar-00-*"))
    (folder / "seed.txt").write_text(seed.read_text("utf-8"), "utf-8")
    assert api.ingest([folder], store=store).unchanged == 1
    jsonl = folder / "seed.jsonl"
    text = seed.read_text("utf-8")
    jsonl.write_text(json.dumps({"text": text, "title": "A new headline"}) + "\n", "utf-8")
    (folder / "seed.txt").unlink()
    report = api.ingest([folder], store=store)
    assert (report.added, report.unchanged) == (1, 0)


def test_the_fingerprint_follows_the_text_and_metadata_not_the_path():
    doc = Document(text="The ministers met in Lima on Monday.", title="Lima")
    assert document_fingerprint(doc) == document_fingerprint(doc.model_copy(update={"path": "a"}))
    assert document_fingerprint(doc) != document_fingerprint(
        doc.model_copy(update={"published": dt.date(2024, 3, 5)})
    )


def test_a_worker_failure_is_reported_and_the_rest_stored(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a", "b", "c"):
        (folder / f"{name}.txt").write_text(
            f"Talks {name}\n\nSergey Lavrov met Wang Yi in Beijing on Tuesday ({name}).", "utf-8"
        )
    (folder / "d.txt").write_bytes(b"\xff\xfe not utf-8 \x00\x01")
    report = api.ingest([folder], store=tmp_path / "store", jobs=2)
    assert report.added == 3 and len(report.errors) == 1 and "d.txt" in report.errors[0]
