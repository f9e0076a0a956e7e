"""Extraction on a real Dask cluster (a scheduler and two worker processes started with
Dask's own command-line tools from this venv) writes what one process writes."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from diplograph import api
from diplograph.errors import DiplographError
from diplograph.rdf.store import open_store

distributed = pytest.importorskip("distributed")

SAMPLES = Path(__file__).parents[1] / "data" / "samples"
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dask")
    port = free_port()
    address = f"127.0.0.1:{port}"
    common = {"cwd": folder, "stdout": subprocess.DEVNULL, "stderr": subprocess.STDOUT}
    scheduler = subprocess.Popen(
        [BIN / "dask", "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
        **common,
    )
    workers = subprocess.Popen(
        [
            BIN / "dask",
            "worker",
            f"tcp://{address}",
            "--nworkers",
            "2",
            "--nthreads",
            "1",
            "--no-dashboard",
            "--local-directory",
            str(folder),
        ],
        **common,
    )
    try:
        with distributed.Client(f"tcp://{address}", timeout="30s") as client:
            client.wait_for_workers(2, timeout=60)
        yield address
    finally:
        for process in (workers, scheduler):
            process.terminate()
        for process in (workers, scheduler):
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


def nquads(store: Path) -> str:
    with open_store(store, read_only=True) as graph:
        return graph.sorted_nquads()


def test_dask_extraction_writes_what_one_process_writes(cluster, tmp_path):
    report = api.ingest([SAMPLES], store=tmp_path / "dask", executor=f"dask://{cluster}")
    assert report.ok and report.added == 18, report.errors
    api.ingest([SAMPLES], store=tmp_path / "local")
    assert nquads(tmp_path / "dask") == nquads(tmp_path / "local")


def test_a_wrong_executor_is_a_clear_error(tmp_path):
    with pytest.raises(DiplographError, match="no Dask scheduler answers"):
        api.ingest([SAMPLES], store=tmp_path / "s", executor=f"dask://127.0.0.1:{free_port()}")
    with pytest.raises(DiplographError, match="give a Dask scheduler"):
        api.ingest([SAMPLES], store=tmp_path / "s", executor="spark://x:1")
