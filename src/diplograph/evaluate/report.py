"""The scores of an evaluation: per row, per document, overall and per language."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from diplograph.evaluate.crossdoc import CrossGroup, WrongMerge

__all__ = ["GRAPH_ROWS", "ROWS", "DocumentReport", "Report", "Score"]

ROWS = ("entities", "meetings", "participants", "statements", "roles", "positions")
GRAPH_ROWS = ("meetings", "participants")
"""The rows scored again on the merged graph (shown as ``meetings (graph)``, ...)."""


@dataclass
class Score:
    """True positives, false positives and false negatives of one row."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __iadd__(self, other: Score) -> Score:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn
        return self

    @property
    def precision(self) -> float:
        if self.tp + self.fp == 0:
            return 1.0 if self.fn == 0 else 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        if self.tp + self.fn == 0:
            return 1.0 if self.fp == 0 else 0.0
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


def _rows(rows: tuple[str, ...] = ROWS) -> dict[str, Score]:
    return {row: Score() for row in rows}


def _lists(rows: tuple[str, ...] = ROWS) -> dict[str, list[str]]:
    return {row: [] for row in rows}


def _graph_rows() -> dict[str, Score]:
    return _rows(GRAPH_ROWS)


def _graph_lists() -> dict[str, list[str]]:
    return _lists(GRAPH_ROWS)


@dataclass
class DocumentReport:
    id: str
    lang: str
    iri: str | None
    scores: dict[str, Score] = field(default_factory=_rows)
    missed: dict[str, list[str]] = field(default_factory=_lists)
    spurious: dict[str, list[str]] = field(default_factory=_lists)
    titles_correct: int = 0
    titles_total: int = 0
    meeting_nodes: dict[int, str] = field(default_factory=dict)
    """Gold meeting index -> the predicted meeting node the alignment paired it with."""
    graph_scores: dict[str, Score] = field(default_factory=_graph_rows)
    """:data:`GRAPH_ROWS` scored on the merged graph (the union of every named graph)."""
    graph_missed: dict[str, list[str]] = field(default_factory=_graph_lists)
    graph_spurious: dict[str, list[str]] = field(default_factory=_graph_lists)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "lang": self.lang,
            "iri": self.iri,
            "scores": {row: s.to_dict() for row, s in self.scores.items()},
            "missed": self.missed,
            "spurious": self.spurious,
            "titles": {"correct": self.titles_correct, "of": self.titles_total},
            "meeting_nodes": {str(i): iri for i, iri in sorted(self.meeting_nodes.items())},
            "graph": {
                "scores": {row: s.to_dict() for row, s in self.graph_scores.items()},
                "missed": self.graph_missed,
                "spurious": self.graph_spurious,
            },
        }


def _total(documents: Iterable[DocumentReport], graph: bool = False) -> dict[str, Score]:
    """Micro-averaged per-article rows, or (``graph``) merged-graph rows, of ``documents``."""
    rows = GRAPH_ROWS if graph else ROWS
    total = _rows(rows)
    for doc in documents:
        scores = doc.graph_scores if graph else doc.scores
        for row in rows:
            total[row] += scores[row]
    return total


@dataclass
class Report:
    """Micro-averaged scores overall and per language, and per-document detail."""

    documents: list[DocumentReport] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    cross_article: list[CrossGroup] = field(default_factory=list)
    """The real meetings that two or more articles report, with the nodes they got."""
    wrong_merges: list[WrongMerge] = field(default_factory=list)
    """Meeting nodes that reports of different real meetings share."""

    @property
    def overall(self) -> dict[str, Score]:
        return _total(self.documents)

    @property
    def by_lang(self) -> dict[str, dict[str, Score]]:
        return self._by_lang(graph=False)

    @property
    def graph_overall(self) -> dict[str, Score]:
        """:data:`GRAPH_ROWS` on the merged graph, micro-averaged over the documents."""
        return _total(self.documents, graph=True)

    @property
    def graph_by_lang(self) -> dict[str, dict[str, Score]]:
        return self._by_lang(graph=True)

    def _by_lang(self, graph: bool) -> dict[str, dict[str, Score]]:
        langs = sorted({doc.lang for doc in self.documents})
        return {
            lang: _total((d for d in self.documents if d.lang == lang), graph) for lang in langs
        }

    @property
    def one_node(self) -> tuple[int, int]:
        """Cross-article meetings on one node, and cross-article meetings."""
        return sum(g.one_node for g in self.cross_article), len(self.cross_article)

    @property
    def title_accuracy(self) -> tuple[int, int]:
        """Correct titles among the gold roles whose (person, of) pair was found."""
        return (
            sum(d.titles_correct for d in self.documents),
            sum(d.titles_total for d in self.documents),
        )

    def to_dict(self) -> dict[str, Any]:
        correct, total = self.title_accuracy
        return {
            "overall": {row: s.to_dict() for row, s in self.overall.items()},
            "by_lang": {
                lang: {row: s.to_dict() for row, s in scores.items()}
                for lang, scores in self.by_lang.items()
            },
            "titles": {"correct": correct, "of": total},
            "graph": {
                "overall": {row: s.to_dict() for row, s in self.graph_overall.items()},
                "by_lang": {
                    lang: {row: s.to_dict() for row, s in scores.items()}
                    for lang, scores in self.graph_by_lang.items()
                },
            },
            "cross_article": {
                "one_node": self.one_node[0],
                "of": self.one_node[1],
                "groups": [g.to_dict() for g in self.cross_article],
                "wrong_merges": [w.to_dict() for w in self.wrong_merges],
            },
            "documents": [d.to_dict() for d in self.documents],
            "errors": self.errors,
        }
