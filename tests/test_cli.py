"""The command line on the real samples: ingest, query, export, view, stats, validate."""

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

import diplograph
from diplograph.cli import app
from diplograph.query import SAMPLE_PARAMS, canned
from diplograph.rdf.store import open_store

SAMPLES = Path(__file__).parents[1] / "data" / "samples"
runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli") / "store"
    result = run("ingest", SAMPLES, "--store", folder)
    assert result.exit_code == 0, result.output
    return folder


def test_cli_ingest_reports_documents_and_facts(store):
    result = run("ingest", SAMPLES, "--store", store)
    assert result.exit_code == 0
    assert "unchanged" in result.output
    assert "0 new or changed" in result.output


def test_cli_ingest_twice_leaves_store_byte_for_byte_equal(tmp_path):
    folder = tmp_path / "store"
    assert run("ingest", SAMPLES, "--store", folder).exit_code == 0
    with open_store(folder, read_only=True) as graph:
        first = graph.sorted_nquads()
    assert run("ingest", SAMPLES, "--store", folder).exit_code == 0
    with open_store(folder, read_only=True) as graph:
        assert graph.sorted_nquads() == first


def test_cli_same_input_gives_same_graph_in_fresh_stores(tmp_path):
    dumps = []
    for name in ("a", "b"):
        assert run("ingest", SAMPLES, "--store", tmp_path / name).exit_code == 0
        with open_store(tmp_path / name, read_only=True) as graph:
            dumps.append(graph.sorted_nquads())
    assert dumps[0] == dumps[1]


def test_cli_bad_files_are_reported_and_the_rest_ingested(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLES / "ar-00-seed.txt", folder / "good.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "latin1.txt").write_bytes("Réunion à Genève".encode("latin-1"))
    (folder / "feed.jsonl").write_text(
        '{"text": "NATO met Russia."}\n{not json\n', encoding="utf-8"
    )
    (folder / "broken.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    result = run("ingest", folder, "--store", tmp_path / "store")
    assert result.exit_code == 2
    output = result.output
    for name in ("empty.txt", "latin1.txt", "feed.jsonl:2", "broken.html"):
        assert name in output, output
    assert "2 documents" in output
    rows = run(
        "query",
        "SELECT (COUNT(*) AS ?n) WHERE { ?d a <https://w3id.org/diplograph/ontology#Document> }",
        "--store",
        tmp_path / "store",
        "--format",
        "json",
    )
    assert json.loads(rows.stdout)[0]["n"] == "2"


def test_cli_failed_file_does_not_touch_what_is_stored(tmp_path, store):
    folder = tmp_path / "copy"
    shutil.copytree(store, folder)
    with open_store(folder, read_only=True) as graph:
        before = graph.sorted_nquads()
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00\x00")
    assert run("ingest", bad, "--store", folder).exit_code == 2
    with open_store(folder, read_only=True) as graph:
        assert graph.sorted_nquads() == before


def test_cli_query_canned_with_parameters(store):
    result = run(
        "query",
        "who_met",
        "--store",
        store,
        "-p",
        "place=Brussels",
        "-p",
        "day=2022-01-12",
        "--format",
        "csv",
    )
    assert result.exit_code == 0, result.output
    assert "Russia" in result.stdout and "NATO" in result.stdout


def test_cli_query_hostile_parameter_is_only_a_value(store):
    result = run(
        "query",
        "who_met",
        "--store",
        store,
        "-p",
        'place=x" } ; DROP ALL ; #',
        "-p",
        "day=2022-01-12",
        "--format",
        "json",
    )
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []
    assert run("stats", "--store", store).exit_code == 0


def test_cli_query_bad_date_parameter_is_a_clear_error(store):
    result = run(
        "query", "who_met", "--store", store, "-p", "place=Brussels", "-p", "day=12/01/2022"
    )
    assert result.exit_code == 1
    assert "not an ISO date" in result.output


@pytest.mark.parametrize("fmt", ["trig", "nquads", "turtle", "jsonld"])
def test_cli_export_formats(store, tmp_path, fmt):
    out = tmp_path / f"graph.{fmt}"
    result = run("export", "--store", store, "--format", fmt, "--output", out)
    assert result.exit_code == 0, result.output
    assert "بروكسل" in out.read_text(encoding="utf-8")


def test_cli_stats_counts(store):
    result = run("stats", "--store", store)
    assert result.exit_code == 0
    assert "meetings" in result.output and "documents" in result.output


def test_cli_validate_samples_conform(store):
    result = run("validate", "--store", store)
    assert result.exit_code == 0, result.output
    assert "conforms" in result.output


def test_cli_view_writes_offline_page(store, tmp_path):
    out = tmp_path / "graph.html"
    result = run("view", "--store", store, "--output", out)
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "بروكسل" in html or "Brussels" in html
    assert 'src="http' not in html and "cdn." not in html


def test_cli_missing_store_is_a_clear_error(tmp_path):
    result = run("stats", "--store", tmp_path / "nowhere")
    assert result.exit_code == 1
    assert "no graph store" in result.output


def test_cli_a_bug_on_one_article_is_reported_and_the_rest_ingested(tmp_path, monkeypatch):
    import diplograph.parallel as parallel

    real = parallel.extract

    def failing_on_one(document, **options):
        if "Boom" in document.text:
            raise KeyError("organization/foreign-ministry-XX")  # as an extractor bug would
        return real(document, **options)

    monkeypatch.setattr(parallel, "extract", failing_on_one)
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLES / "ar-00-seed.txt", folder / "a-good.txt")
    (folder / "b-bug.txt").write_text("Boom. The ministers met in Lima on Monday.", "utf-8")
    shutil.copy(SAMPLES / "ar-00-seed.txt", folder / "c-good.txt")
    (folder / "c-good.txt").write_text(
        (folder / "c-good.txt").read_text("utf-8") + "\nإضافة.", "utf-8"
    )
    result = run("ingest", folder, "--store", tmp_path / "store")
    assert "b-bug.txt" in result.output and "KeyError" in result.output, result.output
    assert "Traceback" not in result.output
    assert "2 documents" in result.output, result.output


def test_cli_the_same_article_twice_in_one_run_is_stored_once(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    text = (SAMPLES / "ar-00-seed.txt").read_text("utf-8")
    (folder / "a.txt").write_text(text, "utf-8")
    (folder / "b.txt").write_text(text + "\n\n", "utf-8")  # the same article, spaced apart
    count = "SELECT (COUNT(?t) AS ?n) WHERE { ?d <https://w3id.org/diplograph/ontology#text> ?t }"
    for _ in range(3):  # the same answer run after run
        result = run("ingest", folder, "--store", tmp_path / "store")
        assert result.exit_code == 0, result.output
        assert "b.txt: the same article as" in result.output, result.output
        rows = run("query", count, "--store", tmp_path / "store", "--format", "json")
        assert json.loads(rows.stdout)[0]["n"] == "1", rows.stdout


@pytest.fixture
def listener():
    """A local HTTP server that records every request it gets: ``(port, hits)``."""
    import http.server
    import threading

    hits: list[str] = []

    class Listener(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(500)
            self.end_headers()

        do_POST = do_GET

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Listener)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_address[1], hits
    server.shutdown()


@pytest.mark.parametrize(
    "sparql",
    [
        "SELECT * WHERE { SERVICE <http://127.0.0.1:{port}/sparql> { ?s ?p ?o } }",
        "select * where { service   <http://127.0.0.1:{port}/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { ?s ?p ?o . SERVICE SILENT <http://127.0.0.1:{port}/x> { ?s ?q ?r } }",
    ],
)
def test_cli_query_refuses_service_and_nothing_leaves_the_machine(store, listener, sparql):
    port, hits = listener
    result = run("query", sparql.replace("{port}", str(port)), "--store", store)
    assert result.exit_code != 0
    assert "SERVICE is refused" in result.output and "Traceback" not in result.output
    assert hits == []


def test_cli_query_service_in_strings_iris_and_names_is_no_keyword(store):
    sparql = (
        'SELECT ?service WHERE { BIND("SERVICE <http://x/>" AS ?service) # SERVICE in a comment\n}'
    )
    result = run("query", sparql, "--store", store, "--format", "json")
    assert result.exit_code == 0, result.output


def test_cli_query_service_when_allowed_reaches_out_and_fails_in_one_line(store, listener):
    # the listener does see requests: allowed, SERVICE reaches it, and the error answer it
    # gets is one line, not a traceback
    port, hits = listener
    text = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
    result = run("query", text, "--store", store, "--allow-service")
    assert hits, "the listener saw no request"
    assert result.exit_code != 0 and "Traceback" not in result.output, result.output


@pytest.mark.parametrize(
    ("options", "expect"),
    [
        (["--page", "timeline"], "timelineData"),
        (["--page", "graph", "--lang", "ru"], '<html lang="ru"'),
        (["--actor", "غروشكو", "--hops", "1"], "alexander-grushko"),
        (["--event", "2022-01-12"], '"kind": "meeting"'),
        (["--from", "2022-01-01", "--to", "2022-01-31", "--lang", "ar"], 'dir="rtl"'),
    ],
)
def test_cli_view_pages_and_options(store, tmp_path, options, expect):
    out = tmp_path / "page.html"
    result = run("view", "--store", store, "-o", out, *options)
    assert result.exit_code == 0, result.output
    assert expect in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--page", "map"], "--page 'map': choose one of network, graph, timeline"),
        (["--from", "12/01/2022"], "--from '12/01/2022': write a day as YYYY-MM-DD"),
        (["--actor", "Nobody Atall"], "no actor is called 'Nobody Atall'"),
        (["--event", "1999-01-01"], "'1999-01-01' names 0 meetings"),
    ],
)
def test_cli_view_bad_options_fail_clearly(store, tmp_path, options, message):
    out = tmp_path / "page.html"
    result = run("view", "--store", store, "-o", out, *options)
    assert result.exit_code == 1
    assert message in result.output
    assert not out.exists()


def test_cli_export_and_view_into_a_bad_place_fail_in_one_line(tmp_path, store):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    for command in ("export", "view"):
        result = run(command, "--store", store, "-o", blocker / "out")
        assert result.exit_code == 1, result.output
        assert "cannot write" in result.output and "Traceback" not in result.output
    made = run("view", "--store", store, "-o", tmp_path / "new" / "folder" / "g.html")
    assert made.exit_code == 0 and (tmp_path / "new" / "folder" / "g.html").exists()


def test_cli_a_missing_input_makes_no_store(tmp_path):
    result = run("ingest", tmp_path / "no-such-folder", "--store", tmp_path / "store")
    assert result.exit_code == 2 and "no-such-folder" in result.output, result.output
    assert not (tmp_path / "store").exists()


def test_cli_a_damaged_store_is_one_line(tmp_path, store):
    damaged = tmp_path / "damaged"
    shutil.copytree(store, damaged)
    (damaged / "CURRENT").write_text("garbage\n")
    result = run("query", "stats", "--store", damaged)
    assert result.exit_code == 1 and "damaged" in result.output, result.output
    assert "Traceback" not in result.output


def test_cli_a_second_writer_is_told_another_process_writes(tmp_path, store):
    import subprocess
    import sys

    copy = tmp_path / "busy"
    shutil.copytree(store, copy)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import pyoxigraph, time; s = pyoxigraph.Store({str(copy)!r}); "
            "print('open', flush=True); time.sleep(30)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        result = run("ingest", SAMPLES / "ar-00-seed.txt", "--store", copy)
    finally:
        holder.kill()
        holder.wait()
    assert result.exit_code == 1, result.output
    assert "another process is writing" in result.output and "Traceback" not in result.output


def test_cli_query_answer_over_the_row_limit_is_an_error_not_a_cut(store):
    cartesian = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }"
    result = run("query", cartesian, "--store", store, "--max-rows", "1000")
    assert result.exit_code == 1, result.output
    assert "more than 1,000 rows" in result.output and "Traceback" not in result.output
    small = run("query", "SELECT * WHERE { ?a ?b ?c } LIMIT 5", "--store", store, "-f", "json")
    assert small.exit_code == 0 and len(json.loads(small.stdout)) == 5


def test_cli_ctrl_c_during_ingest_says_what_is_kept(tmp_path, monkeypatch):
    import diplograph.api as api

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(api, "ingest", interrupted)
    result = run("ingest", SAMPLES, "--store", tmp_path / "store")
    assert result.exit_code == 130
    assert "interrupted" in result.output and "run the same command again" in result.output


# --- found when tried as a new user would (issue 11) -------------------------------------


def test_cli_version():
    result = run("--version")
    assert result.exit_code == 0 and result.output.startswith("diplograph ")


def test_cli_ask_query_answers_true_or_false(store):
    result = run("query", "ASK { ?s ?p ?o }", "--store", store, "-f", "csv")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == ["ask", "true"]


def test_cli_an_unknown_canned_name_is_named(store):
    result = run("query", "who_meet", "--store", store)
    assert result.exit_code == 1
    assert "no canned query named 'who_meet'" in result.output


@pytest.mark.parametrize(
    "update",
    [
        "INSERT DATA { <http://a/b> <http://a/b> <http://a/b> }",
        "PREFIX dip: <https://w3id.org/diplograph/ontology#>\n# clean\nDELETE WHERE { ?s ?p ?o }",
        "drop all",
    ],
)
def test_cli_an_update_is_refused_as_an_update(store, update):
    before = run("stats", "--store", store).output
    result = run("query", update, "--store", store)
    assert result.exit_code == 1
    assert "updates are not allowed here" in result.output
    assert run("stats", "--store", store).output == before


def test_cli_a_missing_parameter_is_named_not_an_empty_answer(store):
    result = run("query", "who_met", "--store", store, "-p", "place=Brussels")
    assert result.exit_code == 1
    assert "needs parameter 'day'" in result.output


def test_cli_an_empty_csv_answer_still_has_its_header(store):
    result = run(
        "query",
        "SELECT ?who ?when WHERE { ?who <http://x/none> ?when }",
        "--store",
        store,
        "-f",
        "csv",
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == ["who,when"]


def test_cli_query_list_describes_every_canned_query():
    result = run("query", "--list")
    assert result.exit_code == 0, result.output
    for name in ("who_met", "relayed_only", "conflicts", "meeting_reports"):
        assert name in result.output
    assert "day (date)" in result.output


@pytest.mark.parametrize("place", ["Genève", "genf", "Ginebra", "GENEVA", "Женева", "جنيف"])
def test_cli_a_place_is_found_by_any_of_its_names_case_and_accents_aside(store, place):
    result = run(
        "query",
        "who_met",
        "--store",
        store,
        "-p",
        f"place={place}",
        "-p",
        "day=2022-01-10",
        "-f",
        "csv",
    )
    assert result.exit_code == 0, result.output
    assert "Russia" in result.output and "United States" in result.output


@pytest.mark.parametrize("name", sorted(canned()))
def test_every_canned_query_answers_the_same_through_the_cli_and_the_api(store, name):
    params = SAMPLE_PARAMS.get(name, {})
    options = [option for key, value in params.items() for option in ("-p", f"{key}={value}")]
    result = run("query", name, "--store", store, "-f", "json", *options)
    assert result.exit_code == 0, result.output
    through_cli = sorted(json.dumps(row, sort_keys=True) for row in json.loads(result.stdout))
    rows = diplograph.open(store).query(name, **params)
    through_api = sorted(
        json.dumps({k: "" if v is None else str(v) for k, v in row.items()}, sort_keys=True)
        for row in rows
    )
    assert through_cli == through_api


def test_api_dataframes_hold_dates_as_dates(store):
    import pandas as pd

    import diplograph

    frame = diplograph.open(store).df("statements")
    dated = [c for c in frame.columns if pd.api.types.is_datetime64_any_dtype(frame[c])]
    assert dated, frame.dtypes
    column = frame[dated[0]]
    assert column.notna().any()
    assert "None" not in frame.astype(str).to_string()
    empty = diplograph.open(store).df("who_met", place="Nowhere", day="2022-01-12")
    assert list(empty.columns) == ["name", "place", "day"] and empty.empty
