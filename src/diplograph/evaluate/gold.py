"""Gold annotations: ``ID.json`` beside ``ID.txt`` (see the corpus FORMAT.md)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from diplograph.errors import DiplographError
from diplograph.model import Document
from diplograph.readers import read_text

__all__ = ["Gold", "load_gold"]

KEYS = ("lang", "url", "published", "entities", "meetings", "statements", "roles", "positions")


@dataclass(frozen=True)
class Gold:
    """One annotated article."""

    id: str
    lang: str
    text: str
    data: dict[str, Any] = field(repr=False)
    path: Path | None = None

    def document(self) -> Document:
        """The article as the pipeline reads it: the text exactly as stored."""
        return read_text(
            self.text,
            title=self.data.get("title"),
            url=self.data.get("url"),
            published=self.data.get("published"),
            lang=self.data.get("lang"),
            source=self.data.get("source"),
        )

    @property
    def entities(self) -> list[dict[str, Any]]:
        return self.data["entities"]


def load_gold(folder: Path | str) -> list[Gold]:
    """Every ``ID.json`` + ``ID.txt`` pair in ``folder``, sorted by file name."""
    folder = Path(folder)
    if not folder.is_dir():
        raise DiplographError(f"{folder}: not a folder of gold annotations")
    golds = []
    for path in sorted(folder.glob("*.json")):
        if path.name.startswith("."):
            continue
        txt = path.with_suffix(".txt")
        if not txt.is_file():
            raise DiplographError(f"{path}: no {txt.name} beside it")
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            # Bytes decoded as they are: no newline translation, so offsets stay valid.
            text = txt.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
            raise DiplographError(f"{path}: cannot read gold annotation: {err}") from err
        if not isinstance(data, dict):
            raise DiplographError(f"{path}: expected a JSON object")
        missing = [key for key in KEYS if key not in data]
        if missing:
            raise DiplographError(f"{path}: missing keys {', '.join(missing)}")
        golds.append(Gold(data.get("id") or path.stem, data["lang"], text, data, path))
    if not golds:
        raise DiplographError(f"{folder}: no ID.json + ID.txt gold annotations")
    return golds
