"""The `newsevents` command as a user meets it (subprocess): help, one-line errors and exit codes,
the read-only `sql`, tables/describe with comments, export with comments, migrate, stdin."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.cli import exit_codes

REPO = Path(__file__).resolve().parents[1]
CLI = str(Path(sys.executable).parent / "newsevents")


def cli(*args: str, env: dict | None = None, stdin: str | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([CLI, *args], capture_output=True, text=True, env=env, input=stdin, timeout=timeout)


def one_line_error(out: subprocess.CompletedProcess) -> str:
    lines = [line for line in out.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("newsevents: error: "), out.stderr
    assert "Traceback" not in out.stderr
    return lines[0]


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> tuple[Path, dict]:
    """A warehouse with the project's schema (comments included) and a few rows, NULL and '' among them."""
    import duckdb

    from pipeline.warehouse.schema import apply_schema

    folder = tmp_path_factory.mktemp("wh")
    path = folder / "warehouse.duckdb"
    with duckdb.connect(str(path)) as con:
        apply_schema(con)
        con.execute("INSERT INTO ops.runs (run_id, started_at, status, n_documents, n_articles, n_mentions, n_events, "
                    "audit_success, error) VALUES ('r1', TIMESTAMP '2026-03-01 10:00', 'published', 2, 2, 5, 4, true, NULL),"
                    "('r2', TIMESTAMP '2026-03-02 10:00', 'nothing_new', 0, 0, 0, 4, NULL, '')")
        con.execute("CREATE TABLE staging.documents AS SELECT * FROM raw.documents LIMIT 0")
    env = {**os.environ, "NEWSEVENTS_WAREHOUSE": str(path), "NEWSEVENTS_WORK": str(folder / "work"),
           "NEWSEVENTS_REPORTS": str(folder / "reports"), "NEWSEVENTS_SETTLE_SECONDS": "0"}
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    return path, env


def rows(path: Path, sql: str):
    import duckdb

    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(sql).fetchall()


# ---------------------------------------------------------------- help, version, usage
def test_version_and_help_have_examples_and_exit_codes():
    out = cli("--version")
    assert out.returncode == 0 and out.stdout.startswith("newsevents ") and "duckdb 1.5" in out.stdout
    top = cli("--help").stdout
    assert "examples:" in top and "exit codes:" in top
    for code, _meaning in exit_codes.TABLE:
        assert f"\n  {code:<3} " in top
    for command in ("run", "clean", "extract", "eval", "dates", "report", "sql", "tables", "describe", "export",
                    "migrate", "reprocess"):
        assert "examples:" in cli(command, "--help").stdout, command
    sql_help = cli("sql", "--help").stdout
    assert "one read-only SQL statement" in sql_help and "one object a line" in sql_help and "--max-width" in sql_help
    assert "how many runs to list" in cli("report", "--help").stdout


def test_exit_codes_are_distinct():
    codes = [code for code, _ in exit_codes.TABLE]
    assert len(codes) == len(set(codes))
    assert (exit_codes.OK, exit_codes.ERROR, exit_codes.AUDIT_FAILED, exit_codes.NOTHING_NEW, exit_codes.LOCKED) == (0, 1, 2, 3, 4)


def test_usage_errors_exit_64():
    out = cli("sql")
    assert out.returncode == exit_codes.USAGE and "usage:" in out.stderr
    assert cli("nosuchcommand").returncode == exit_codes.USAGE


# ---------------------------------------------------------------- sql
def test_sql_typo_is_one_line_with_duckdbs_suggestion(warehouse):
    path, env = warehouse
    out = cli("sql", "SELECT * FROM curated.evnts", env=env)
    assert out.returncode == exit_codes.QUERY_ERROR
    line = one_line_error(out)
    assert "evnts" in line and "Did you mean" in line


def test_sql_debug_shows_the_traceback(warehouse):
    _, env = warehouse
    out = cli("--debug", "sql", "SELECT * FROM curated.evnts", env=env)
    assert out.returncode == exit_codes.QUERY_ERROR and "Traceback" in out.stderr


@pytest.mark.parametrize("query", [
    "COPY (SELECT 'x') TO '{warehouse}' (FORMAT csv)",
    "COPY (SELECT 'x') TO '{tmp}/out.csv' (FORMAT csv)",
    "SELECT * FROM read_text('/etc/hostname')",
    "INSTALL httpfs",
    "LOAD httpfs",
    "SELECT * FROM read_csv('http://127.0.0.1:9/x.csv')",
    "ATTACH '{tmp}/other.duckdb' AS other",
    "SET enable_external_access = true",
    "PRAGMA enable_profiling",
    "CREATE TABLE main.x AS SELECT 1",
    "DELETE FROM ops.runs",
    "EXPORT DATABASE '{tmp}/dump'",
    "SELECT 1; DROP TABLE ops.runs",
    "CALL pragma_version()",
    "EXPLAIN ANALYZE COPY (SELECT 1) TO '{tmp}/x.csv'",
    "SELECT * FROM glob('/etc/*')",
])
def test_sql_refuses_anything_but_one_read(warehouse, tmp_path, query):
    path, env = warehouse
    before = path.read_bytes()
    out = cli("sql", query.format(warehouse=path, tmp=tmp_path), env=env)
    assert out.returncode == exit_codes.REFUSED, (query, out.returncode, out.stderr)
    one_line_error(out)
    assert path.read_bytes() == before, "the warehouse changed"
    assert list(tmp_path.iterdir()) == [], "a file was written"
    assert rows(path, "SELECT count(*) FROM ops.runs") == [(2,)]


def test_sql_allows_the_reading_statements(warehouse):
    _, env = warehouse
    for query in ("WITH r AS (SELECT * FROM curated.runs) SELECT count(*) FROM r", "SHOW ALL TABLES",
                  "DESCRIBE curated.events", "PRAGMA table_info('curated.runs')", "EXPLAIN SELECT 1",
                  "SUMMARIZE curated.runs", "FROM curated.runs"):
        out = cli("sql", query, env=env)
        assert out.returncode == 0, (query, out.stderr)


def test_sql_prints_null_apart_from_empty_and_honours_max_width(warehouse):
    _, env = warehouse
    out = cli("sql", "SELECT run_id, error, repeat('x', 100) AS long FROM curated.runs ORDER BY run_id", env=env)
    assert out.returncode == 0, out.stderr
    r1, r2 = out.stdout.splitlines()[2:4]
    assert r1.split(" | ")[1].strip() == "NULL" and r2.split(" | ")[1].strip() == ""
    assert "x" * 59 + "…" in r1
    wide = cli("sql", "SELECT repeat('x', 100) AS long", "--max-width", "0", env=env)
    assert "x" * 100 in wide.stdout
    narrow = cli("sql", "SELECT repeat('x', 100) AS long", "--max-width", "10", env=env)
    assert "x" * 9 + "…" in narrow.stdout and "x" * 11 not in narrow.stdout


def test_sql_formats_write_through_python_not_duckdb(warehouse, tmp_path):
    import duckdb

    _, env = warehouse
    target = tmp_path / "runs.parquet"
    out = cli("sql", "FROM curated.runs", "--format", "parquet", "--output", str(target), env=env)
    assert out.returncode == 0, out.stderr
    assert duckdb.sql(f"SELECT count(*) FROM '{target}'").fetchall() == [(2,)]
    out = cli("sql", "SELECT run_id, error FROM curated.runs ORDER BY 1", "--format", "json", env=env)
    assert [json.loads(line)["error"] for line in out.stdout.splitlines()] == [None, ""]
    assert cli("sql", "SELECT 1", "--format", "parquet", env=env).returncode == exit_codes.USAGE


def test_sql_output_cannot_be_the_warehouse(warehouse):
    path, env = warehouse
    before = path.read_bytes()
    out = cli("sql", "SELECT 'x'", "--format", "csv", "--output", str(path), env=env)
    assert out.returncode == exit_codes.REFUSED
    assert path.read_bytes() == before


def _hold_writer(path: Path, seconds: float) -> subprocess.Popen:
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('open', flush=True); "
         "time.sleep(float(sys.argv[2]))", str(path), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "open"
    return holder


def test_sql_waits_for_a_writer_then_reads(warehouse):
    path, env = warehouse
    holder = _hold_writer(path, 2)
    try:
        started = time.monotonic()
        out = cli("sql", "SELECT count(*) AS n FROM curated.runs", "--wait", "30", env=env)
        assert out.returncode == 0, out.stderr
        assert "2" in out.stdout and time.monotonic() - started >= 1
    finally:
        holder.kill()
        holder.wait()


def test_sql_gives_up_on_a_busy_warehouse_with_exit_4(warehouse):
    path, env = warehouse
    holder = _hold_writer(path, 60)
    try:
        out = cli("sql", "SELECT 1 FROM curated.runs", "--wait", "0.5", env=env)
    finally:
        holder.kill()
        holder.wait()
    assert out.returncode == exit_codes.LOCKED
    assert "being written" in one_line_error(out)


def test_sql_without_a_warehouse(tmp_path):
    env = {**os.environ, "NEWSEVENTS_WAREHOUSE": str(tmp_path / "none.duckdb")}
    out = cli("sql", "SELECT 1", env=env)
    assert out.returncode == exit_codes.NO_INPUT and "newsevents run" in one_line_error(out)
    assert not (tmp_path / "none.duckdb").exists()


# ---------------------------------------------------------------- tables, describe, export
def test_tables_and_describe_show_the_comments(warehouse):
    _, env = warehouse
    out = cli("tables", env=env)
    assert out.returncode == 0, out.stderr
    assert any(line.startswith("curated.events") and len(line.split()) > 3 for line in out.stdout.splitlines())
    everything = cli("tables", "--all", env=env).stdout
    assert "raw.documents" in everything and "ops.runs" in everything
    staging = next(line for line in everything.splitlines() if line.startswith("staging.documents"))
    assert "raw.documents" in staging  # staging tables borrow their published table's description
    out = cli("describe", "runs", env=env)
    assert out.returncode == 0 and out.stdout.startswith("curated.runs — Pipeline runs")
    assert "run_id" in out.stdout and "Run id." in out.stdout
    out = cli("describe", "staging.documents", env=env)
    assert out.returncode == 0 and "doc_id" in out.stdout
    assert len([line for line in out.stdout.splitlines()[1:] if len(line.split()) > 2]) > 3
    out = cli("describe", "curated.nothing", env=env)
    assert out.returncode == exit_codes.QUERY_ERROR and "newsevents tables" in one_line_error(out)


def test_export_keeps_the_comments(warehouse, tmp_path):
    import pyarrow.parquet as pq

    _, env = warehouse
    out = cli("export", "--output", str(tmp_path / "export"), env=env)
    assert out.returncode == 0, out.stderr
    table = pq.read_table(tmp_path / "export" / "runs.parquet")
    meta = table.schema.metadata
    assert meta[b"newsevents.comment"].decode().startswith("Pipeline runs")
    assert json.loads(meta[b"newsevents.column_comments"])["run_id"] == "Run id."
    assert table.schema.field("run_id").metadata[b"comment"] == b"Run id."
    dictionary = json.loads((tmp_path / "export" / "data_dictionary.json").read_text())
    assert dictionary["events"]["comment"] and dictionary["events"]["columns"]["event_id"]


# ---------------------------------------------------------------- migrate (export and rebuild)
def _exported(tmp_path: Path, source: Path) -> Path:
    """What `EXPORT DATABASE ... (FORMAT parquet)` writes (here with this duckdb, standing in for 2.0)."""
    import duckdb

    folder = tmp_path / "export"
    with duckdb.connect(str(source), read_only=True) as con:
        con.execute(f"EXPORT DATABASE '{folder}' (FORMAT parquet)")
    return folder


def test_migrate_rebuilds_from_an_export(warehouse, tmp_path):
    import shutil

    source, _ = warehouse
    old = tmp_path / "old.duckdb"
    shutil.copy2(source, old)
    export = _exported(tmp_path, old)
    old.write_bytes(b"not a duckdb file of this version")  # the file this DuckDB cannot open
    env = {**os.environ, "NEWSEVENTS_WAREHOUSE": str(old)}
    out = cli("migrate", "--from-export", str(export), env=env)
    assert out.returncode == 0, out.stderr
    assert "rebuilt" in out.stdout and "ops.runs" in out.stdout
    assert rows(old, "SELECT run_id, status FROM curated.runs ORDER BY run_id") == [("r1", "published"), ("r2", "nothing_new")]
    assert rows(old, "SELECT comment FROM duckdb_views() WHERE view_name = 'events'")[0][0]
    assert (tmp_path / "old.duckdb.pre-migration").read_bytes() == b"not a duckdb file of this version"


def test_migrate_with_another_python_exports_then_rebuilds(warehouse, tmp_path):
    import shutil

    source, _ = warehouse
    target = tmp_path / "wh.duckdb"
    shutil.copy2(source, target)
    env = {**os.environ, "NEWSEVENTS_WAREHOUSE": str(target)}
    out = cli("migrate", "--old-python", sys.executable, env=env)
    assert out.returncode == 0, out.stderr
    assert rows(target, "SELECT count(*) FROM ops.runs") == [(2,)]
    assert (tmp_path / "wh.duckdb.export" / "load.sql").exists()
    bad = cli("migrate", "--from-export", str(tmp_path / "nowhere"), env=env)
    assert bad.returncode == exit_codes.USAGE


# ---------------------------------------------------------------- the pipeline commands
def test_run_on_a_missing_folder_is_one_line_and_records_nothing(warehouse):
    path, env = warehouse
    out = cli("run", "/missing", env=env)
    assert out.returncode == exit_codes.USAGE
    assert "/missing" in one_line_error(out)
    assert rows(path, "SELECT count(*) FROM ops.runs") == [(2,)]


def test_clean_of_a_missing_file_fails(tmp_path):
    out = cli("clean", str(tmp_path / "missing.txt"))
    assert out.returncode == exit_codes.USAGE and "missing.txt" in one_line_error(out)
    empty = tmp_path / "empty"
    empty.mkdir()
    assert cli("clean", str(empty)).returncode == exit_codes.NO_INPUT


def test_extract_reads_stdin_and_says_which_languages_are_not_extracted(tmp_path):
    text = (REPO / "samples" / "en_01_india_china_border.txt").read_text(encoding="utf-8")
    out = cli("extract", "-", stdin=text)
    assert out.returncode == 0, out.stderr
    mentions = [json.loads(line) for line in out.stdout.splitlines()]
    assert mentions and all(m.get("source", "-") == "-" for m in mentions)
    spanish = ("El presidente de México, Claudia Sheinbaum, condenó el martes los ataques de Estados Unidos contra "
               "Venezuela y pidió una reunión urgente con el gobierno de Washington para discutir la crisis en la "
               "región. Las tensiones entre ambos países han aumentado en las últimas semanas.\n")
    out = cli("extract", "-", stdin=spanish)
    assert out.returncode == 0 and out.stdout == ""
    assert "Spanish (es) is not extracted" in out.stderr


def test_report_separates_runs_from_totals_and_open_needs_a_display(warehouse):
    _, env = warehouse
    out = cli("report", "--limit", "5", env=env)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert any("r1" in line and "docs=2" in line and "mentions=5" in line and "events" not in line for line in lines)
    assert any(line.startswith("warehouse now (all runs):") for line in lines)
    opened = cli("report", "--open", env=env)
    assert opened.returncode == exit_codes.NO_INPUT
    assert "display" in opened.stderr or "no such page" in opened.stderr


# ---------------------------------------------------------------- the DuckDB CLI users have
@pytest.mark.slow
def test_the_duckdb_cli_opens_a_warehouse_the_pipeline_wrote(tmp_path):
    """duckdb-cli 1.5.6 from PyPI (what users install) opens var/warehouse.duckdb of a real run."""
    import shutil

    binary = _duckdb_cli(tmp_path)
    landing = tmp_path / "landing"
    landing.mkdir()
    for name in ("en_01_india_china_border.txt", "fr_01_macron_merz_defense.txt"):
        shutil.copy2(REPO / "samples" / name, landing / name)
    env = {**os.environ, "NEWSEVENTS_WAREHOUSE": str(tmp_path / "wh.duckdb"), "NEWSEVENTS_WORK": str(tmp_path / "work"),
           "NEWSEVENTS_REPORTS": str(tmp_path / "reports"), "NEWSEVENTS_SETTLE_SECONDS": "0"}
    run = cli("run", str(landing), "--quiet", env=env, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    out = subprocess.run([str(binary), "-readonly", "-csv", str(tmp_path / "wh.duckdb"), "-c",
                          "SELECT count(*) > 0 FROM curated.events"], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["(count_star() > 0)", "true"] or out.stdout.strip().endswith("true"), out.stdout


def _duckdb_cli(tmp_path: Path) -> Path:
    found = os.environ.get("NEWSEVENTS_DUCKDB_CLI")
    if found:
        return Path(found)
    target = tmp_path / "duckdb_cli"
    out = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target),
                          "duckdb-cli==1.5.6"], capture_output=True, text=True, timeout=600)
    binary = target / "duckdb_cli" / "duckdb"
    if out.returncode != 0 or not binary.exists():
        pytest.skip(f"duckdb-cli 1.5.6 could not be installed from PyPI: {out.stderr.strip()[-300:]}")
    binary.chmod(0o755)
    return binary


def test_run_exit_codes_nothing_new_and_locked(tmp_path):
    import fcntl

    landing = tmp_path / "landing"
    landing.mkdir()
    env = {**os.environ, "NEWSEVENTS_WAREHOUSE": str(tmp_path / "wh.duckdb"), "NEWSEVENTS_WORK": str(tmp_path / "work"),
           "NEWSEVENTS_REPORTS": str(tmp_path / "reports"), "NEWSEVENTS_SETTLE_SECONDS": "0"}
    out = cli("run", str(landing), env=env)
    assert out.returncode == exit_codes.NOTHING_NEW, out.stderr
    assert "nothing new" in out.stdout
    with open(tmp_path / "wh.duckdb.lock", "a") as handle:  # another run holds the warehouse
        fcntl.flock(handle, fcntl.LOCK_EX)
        out = cli("run", str(landing), env=env)
    assert out.returncode == exit_codes.LOCKED
    assert "another newsevents run is writing" in one_line_error(out)


def test_reprocess_prints_a_summary_not_a_dict(monkeypatch, capsys, tmp_path):
    from types import SimpleNamespace

    from pipeline.cli import main
    from pipeline.run import reprocess

    (tmp_path / "wh.duckdb").write_bytes(b"")
    monkeypatch.setenv("NEWSEVENTS_WAREHOUSE", str(tmp_path / "wh.duckdb"))
    fake = [SimpleNamespace(run_id=f"r{i}", status="published", stages={"export": {"documents": 10}},
                            seconds={"clean": 1.5, "extract": 2.0}, report=f"/reports/r{i}.html",
                            totals={"articles": 20, "mentions": 50, "events": 30}) for i in (1, 2)]
    monkeypatch.setattr(reprocess, "reprocess_all", lambda settings, progress: fake)
    assert main(["reprocess"]) == exit_codes.OK
    out = capsys.readouterr().out
    assert "{" not in out and "2 of 2 slices published" in out
    assert "r1  published    10 documents  3.5 s" in out
    assert out.rstrip().endswith("warehouse now: 20 articles, 50 event mentions, 30 events")
