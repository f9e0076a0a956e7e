"""Rich tables of an evaluation report."""

from __future__ import annotations

from rich.table import Table

from diplograph.evaluate.report import GRAPH_ROWS, ROWS, Report, Score

__all__ = ["report_tables"]


def _graph(row: str) -> str:
    return f"{row} (graph)"


def _short(node: str | None) -> str:
    return "-" if node is None else node.rsplit("/id/", 1)[-1]


def report_tables(report: Report) -> list[Table]:
    """The overall table (P, R, F1, tp/fp/fn per row), then F1 per row and language, then
    the meetings several articles report and whether each has one node.

    The merged-graph rows (``meetings (graph)``, ...) follow the per-article rows, in a
    section of their own.
    """
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

    def add(row: str, s: Score, end_section: bool = False) -> None:
        overall.add_row(
            row,
            f"{s.precision:.3f}",
            f"{s.recall:.3f}",
            f"{s.f1:.3f}",
            f"{s.tp}/{s.fp}/{s.fn}",
            end_section=end_section,
        )

    for row, s in report.overall.items():
        add(row, s, end_section=row == ROWS[-1])
    for row, s in report.graph_overall.items():
        add(_graph(row), s)

    by_lang, graph_by_lang = report.by_lang, report.graph_by_lang
    counts = {lang: sum(d.lang == lang for d in report.documents) for lang in by_lang}
    per_lang = Table(
        "F1", *(f"{lang} ({counts[lang]})" for lang in by_lang), title="F1 by language"
    )
    for row in ROWS:
        per_lang.add_row(
            row,
            *(f"{scores[row].f1:.3f}" for scores in by_lang.values()),
            end_section=row == ROWS[-1],
        )
    for row in GRAPH_ROWS:
        per_lang.add_row(_graph(row), *(f"{s[row].f1:.3f}" for s in graph_by_lang.values()))

    one, groups = report.one_node
    wrong = len(report.wrong_merges)
    cross = Table(
        "meeting",
        "documents",
        "nodes",
        "one node",
        title=f"cross-article meetings: {one} of {groups} on one node; wrong merges: {wrong}",
    )
    for group in report.cross_article:
        cross.add_row(
            " / ".join(dict.fromkeys(group.names)),
            "\n".join(group.documents),
            "\n".join(_short(node) for node in group.nodes),
            "yes" if group.one_node else "no",
        )
    for merge in report.wrong_merges:
        cross.add_row(
            " / ".join(dict.fromkeys(merge.names)),
            "\n".join(merge.documents),
            _short(merge.node),
            "[red]wrong merge[/]",
        )
    return [overall, per_lang, cross]
