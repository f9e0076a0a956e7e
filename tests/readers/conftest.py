"""Shared fixtures."""

from __future__ import annotations

import pytest


@pytest.fixture
def write(tmp_path):
    """``write(name, content)``: a file under ``tmp_path`` (bytes or UTF-8 text)."""

    def _write(name: str, content: str | bytes):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            content = content.encode("utf-8")
        path.write_bytes(content)
        return path

    return _write
