"""The error catalogue: every message names the file (or store) and the problem."""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "DiplographError",
    "KnowledgeBaseError",
    "LanguageDataError",
    "OutputError",
    "QueryError",
    "ReadError",
    "StoreError",
]


class DiplographError(Exception):
    """Base of every error diplograph raises on purpose."""


class ReadError(DiplographError):
    """An input file could not be read as an article."""

    def __init__(self, path: Path | str, problem: str, *, line: int | None = None) -> None:
        self.path = str(path)
        self.problem = problem
        self.line = line
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {problem}")


class LanguageDataError(DiplographError):
    """A file under ``lang/<code>/`` is missing or does not match its schema."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = str(path)
        super().__init__(f"{path}: invalid language data: {problem}")


class KnowledgeBaseError(DiplographError):
    """A knowledge-base file under ``data/kb/`` is missing or invalid."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = str(path)
        super().__init__(f"{path}: invalid knowledge base: {problem}")


class StoreError(DiplographError):
    """The graph store could not be opened, read or written."""


class QueryError(DiplographError):
    """A SPARQL query is invalid or a parameter is missing."""


class OutputError(DiplographError):
    """An output file (export, view, report) could not be written."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = str(path)
        super().__init__(f"{path}: cannot write: {problem}")
