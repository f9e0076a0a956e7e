"""The command line: thin wrappers over :mod:`diplograph.api`.

Results go to stdout; errors and progress to stderr.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from diplograph import __version__, api
from diplograph.errors import DiplographError
from diplograph.outfile import write_atomically
from diplograph.query import canned
from diplograph.rdf.store import EXPORT_FORMATS, MAX_ROWS

app = typer.Typer(
    name="diplograph",
    help="Build a knowledge graph of diplomatic events from news articles.",
    no_args_is_help=True,
    add_completion=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"diplograph {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Build a knowledge graph of diplomatic events from news articles."""


out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

StoreOption = Annotated[
    Path,
    typer.Option(
        "--store",
        "-s",
        help="Folder of the graph store (Oxigraph on disk), "
        "or a SPARQL endpoint http://USER:PASSWORD@HOST:PORT/sparql.",
    ),
]


def _fail(error: Exception) -> None:
    err.print(f"[bold red]error:[/] {error}", highlight=False)
    raise typer.Exit(code=1)


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files (.txt .html .jsonl) or folders.")],
    store: StoreOption = Path("diplograph-store"),
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs", "-j", min=0, help="Worker processes that extract (0: one per core)."
        ),
    ] = 1,
    executor: Annotated[
        str | None,
        typer.Option(help="Extract on a Dask cluster: dask://HOST:PORT (one writer here)."),
    ] = None,
) -> None:
    """Read articles and add what they report to the graph."""
    from diplograph.parallel import default_jobs

    try:
        report = api.ingest(paths, store=store, jobs=jobs or default_jobs(), executor=executor)
    except DiplographError as error:
        _fail(error)
    except KeyboardInterrupt:
        # batches already written stay whole; the same command again finishes the job
        err.print(
            "interrupted: the articles written so far are stored whole; run the same command "
            "again to add the rest",
            highlight=False,
        )
        raise typer.Exit(code=130) from None
    for message in report.errors:
        err.print(f"[red]failed:[/] {message}", highlight=False)
    for message in report.duplicates:
        err.print(f"[yellow]skipped:[/] {message}", highlight=False)
    facts = ", ".join(f"{n} {kind}s" for kind, n in sorted(report.facts.items())) or "no facts"
    out.print(
        f"{report.documents} documents ({report.added} new or changed, {report.unchanged} "
        f"unchanged), {facts}, {len(report.errors)} failed",
        highlight=False,
    )
    if not report.ok:
        raise typer.Exit(code=2)


def _cell(value) -> str:
    return "" if value is None else str(value)


@app.command()
def query(
    sparql: Annotated[
        str | None, typer.Argument(help="SPARQL text, a .rq file, or a canned query name.")
    ] = None,
    store: StoreOption = Path("diplograph-store"),
    param: Annotated[
        list[str] | None,
        typer.Option("--param", "-p", help="NAME=VALUE, bound safely to ?NAME (repeatable)."),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv or json.")] = "table",
    allow_service: Annotated[
        bool,
        typer.Option(
            "--allow-service", help="Let SERVICE and LOAD send requests to other machines."
        ),
    ] = False,
    max_rows: Annotated[
        int, typer.Option("--max-rows", help="The most rows an answer may have (else an error).")
    ] = MAX_ROWS,
    list_queries: Annotated[
        bool, typer.Option("--list", help="Describe the canned queries and their parameters.")
    ] = False,
) -> None:
    """Ask the graph a question in SPARQL."""
    if list_queries:
        _list_canned()
        return
    if sparql is None:
        _fail(DiplographError("give SPARQL, a .rq file or a canned query name (see --list)"))
    params = {}
    for item in param or []:
        name, sep, value = item.partition("=")
        if not sep:
            _fail(DiplographError(f"--param {item!r}: expected NAME=VALUE"))
        params[name.strip()] = value
    try:
        rows = api.query(
            sparql, store=store, params=params, allow_service=allow_service, max_rows=max_rows
        )
    except DiplographError as error:
        _fail(error)
    columns = rows.variables
    if fmt == "json":
        out.print_json(
            json.dumps([{k: _cell(v) for k, v in r.items()} for r in rows], ensure_ascii=False)
        )
    elif fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(columns)
        writer.writerows([[_cell(r[c]) for c in columns] for r in rows])
        typer.echo(buffer.getvalue(), nl=False)
    elif fmt == "table":
        table = Table(*columns, show_lines=False)
        for row in rows:
            table.add_row(*(_cell(row[c]) for c in columns))
        out.print(table)
        err.print(f"{len(rows)} rows")
    else:
        _fail(DiplographError(f"unknown format {fmt!r}: choose table, csv or json"))


def _list_canned() -> None:
    table = Table("query", "parameters", "what it answers", show_lines=True)
    for name, canned_query in canned().items():
        params = "\n".join(
            f"{param} ({kind}): {canned_query.param_docs.get(param, '')}"
            for param, kind in canned_query.params.items()
        )
        table.add_row(name, params or "-", canned_query.description)
    out.print(table)


#: ``export --format``: the RDF serializations, then the projection's formats (those of
#: diplograph.view.export.GRAPH_FORMATS, named here so that the CLI starts without networkx).
ALL_EXPORT_FORMATS = (*EXPORT_FORMATS, "graphml", "gexf", "csv")


def _export_csv(store: Path, folder: Path | None, lang: str) -> None:
    if folder is None:
        _fail(
            DiplographError(
                "--format csv writes two files, nodes.csv and edges.csv: "
                "give their folder with --output DIR"
            )
        )
    try:
        nodes, edges = api.export_csv(store=store, folder=folder, lang=lang)
    except DiplographError as error:
        _fail(error)
    err.print(f"wrote {nodes} and {edges}", highlight=False)


@app.command()
def export(
    store: StoreOption = Path("diplograph-store"),
    fmt: Annotated[
        str, typer.Option("--format", "-f", help=", ".join(ALL_EXPORT_FORMATS))
    ] = "trig",
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="File (default: stdout); for csv, a folder."),
    ] = None,
    lang: Annotated[str, typer.Option(help="Label language (graphml, gexf, csv).")] = "en",
) -> None:
    """Write the whole graph as TriG, N-Quads, Turtle or JSON-LD; or its actors, places,
    meetings and positions as GraphML or GEXF (for Gephi) or CSV (nodes.csv and edges.csv
    in the --output folder, for spreadsheets)."""
    if fmt == "csv":
        _export_csv(store, output, lang)
        return
    try:
        data = api.export(store=store, fmt=fmt, lang=lang)
    except DiplographError as error:
        _fail(error)
    if output:
        try:
            write_atomically(output, data)
        except DiplographError as error:
            _fail(error)
        err.print(f"wrote {output} ({len(data):,} bytes)")
    else:
        typer.echo(data.decode("utf-8"), nl=False)


@app.command()
def view(
    store: StoreOption = Path("diplograph-store"),
    output: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write.")] = Path(
        "graph.html"
    ),
    page: Annotated[
        str,
        typer.Option(
            help="network: actors linked by meetings and stances; graph: every node; "
            "timeline: meetings and statements by date."
        ),
    ] = "network",
    lang: Annotated[str, typer.Option(help="Language of labels and page words.")] = "en",
    actor: Annotated[
        str | None, typer.Option(help="Only this actor's neighbourhood (any name, any script).")
    ] = None,
    hops: Annotated[int, typer.Option(min=0, max=5, help="How far from --actor.")] = 1,
    event: Annotated[
        str | None,
        typer.Option(help="One meeting: its IRI, words of its name, or its day (2022-01-12)."),
    ] = None,
    start: Annotated[
        str | None, typer.Option("--from", help="First day to show (YYYY-MM-DD).")
    ] = None,
    end: Annotated[str | None, typer.Option("--to", help="Last day to show (YYYY-MM-DD).")] = None,
    limit: Annotated[
        int | None, typer.Option(min=10, help="Past this many actors, group them by state.")
    ] = None,
) -> None:
    """Write an interactive HTML page of the graph (no network needed to open it)."""
    from diplograph.view.build import PAGES

    if page not in PAGES:
        _fail(DiplographError(f"--page {page!r}: choose one of {', '.join(PAGES)}"))
    for option, day in (("--from", start), ("--to", end)):
        if day and not _is_day(day):
            _fail(DiplographError(f"{option} {day!r}: write a day as YYYY-MM-DD"))
    try:
        path = api.view(
            store=store,
            output=output,
            lang=lang,
            page=page,
            actor=actor,
            hops=hops,
            event=event,
            start=start,
            end=end,
            limit=limit,
        )
    except DiplographError as error:
        _fail(error)
    out.print(f"wrote {path}", highlight=False)


def _is_day(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


@app.command()
def stats(store: StoreOption = Path("diplograph-store")) -> None:
    """Count documents, quads, meetings, statements, positions, roles and actors."""
    try:
        counts = api.stats(store=store)
    except DiplographError as error:
        _fail(error)
    table = Table("what", "how many")
    for name, value in counts.items():
        table.add_row(name, f"{value:,}")
    out.print(table)


@app.command()
def validate(store: StoreOption = Path("diplograph-store")) -> None:
    """Check the graph against the SHACL shapes in ontology/shapes.ttl."""
    try:
        report = api.validate(store=store)
    except DiplographError as error:
        _fail(error)
    for violation in report.violations:
        out.print(
            f"[red]{violation.severity}[/] {violation.focus} {violation.path}: {violation.message}",
            highlight=False,
        )
    if report.conforms:
        out.print(f"conforms: {report.checked:,} triples checked, no violations")
    else:
        out.print(f"{len(report.violations)} violations")
        raise typer.Exit(code=1)


@app.command()
def evaluate(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of ID.txt + ID.json gold annotations.")],
    json_file: Annotated[
        Path | None,
        typer.Option("--json", help="Also write scores, per document, with misses, as JSON."),
    ] = None,
) -> None:
    """Score extraction against gold annotations: precision, recall and F1 per row."""
    from diplograph.evaluate import evaluate as run_evaluation
    from diplograph.evaluate import report_tables

    try:
        report = run_evaluation(gold_dir)
    except DiplographError as error:
        _fail(error)
    for message in report.errors:
        err.print(f"[red]failed:[/] {message}", highlight=False)
    for table in report_tables(report):
        out.print(table)
    if json_file:
        data = json.dumps(report.to_dict(), ensure_ascii=False, indent=2)
        try:
            write_atomically(json_file, data + "\n")
        except DiplographError as error:
            _fail(error)
        err.print(f"wrote {json_file}", highlight=False)


if __name__ == "__main__":  # pragma: no cover
    app()
