"""Rich tables of an evaluation report."""

from __future__ import annotations

from rich.table import Table

from diplograph.evaluate.scoring import ROWS, Report

__all__ = ["report_tables"]


def report_tables(report: Report) -> list[Table]:
    """The overall table (P, R, F1, tp/fp/fn per row), then F1 per row and language."""
    docs = len(report.documents)
    correct, total = report.title_accuracy
    overall = Table(
        "row",
        "P",
        "R",
        "F1",
        "tp/fp/fn",
        title=f"overall ({docs} documents, micro-averaged)",
        caption=f"role titles right: {correct}/{total} of the (person, of) pairs found (info)",
    )
    for row, s in report.overall.items():
        overall.add_row(
            row, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}", f"{s.tp}/{s.fp}/{s.fn}"
        )
    by_lang = report.by_lang
    counts = {lang: sum(d.lang == lang for d in report.documents) for lang in by_lang}
    per_lang = Table(
        "F1", *(f"{lang} ({counts[lang]})" for lang in by_lang), title="F1 by language"
    )
    for row in ROWS:
        per_lang.add_row(row, *(f"{scores[row].f1:.3f}" for scores in by_lang.values()))
    return [overall, per_lang]
