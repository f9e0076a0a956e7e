"""Outputs are written whole or not at all, and a failure is one line naming the file."""

from __future__ import annotations

import errno
import os

import pytest

from diplograph.errors import OutputError
from diplograph.outfile import write_atomically


def test_write_makes_missing_folders(tmp_path):
    target = tmp_path / "a" / "b" / "page.html"
    write_atomically(target, "<html></html>")
    assert target.read_text("utf-8") == "<html></html>"


def test_a_full_disk_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "graph.trig"
    target.write_bytes(b"the old export")

    def full(_fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OutputError) as raised:
        write_atomically(target, b"a new export that will not fit")
    assert str(raised.value) == f"{target}: cannot write: No space left on device"
    assert target.read_bytes() == b"the old export"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.trig"]


def test_an_unwritable_place_is_one_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(OutputError, match="cannot write"):
        write_atomically(blocker / "out.html", "x")
