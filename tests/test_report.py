"""Run reports (pipeline/quality/report.py) and the data dictionary (pipeline/lab/docs.py), no browser.

`build_report_fixture(tmp_path)` builds a tiny warehouse with the real schema and one published
run plus one audit_failed run (its batch only in staging.*), with audit.json files and fake GX
Data Docs pages; tests/test_report_browser.py reuses it.
"""
from __future__ import annotations

import json
import re
import sys
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from pipeline.core.config import Settings  # noqa: E402
from pipeline.warehouse.connection import connect  # noqa: E402
from pipeline.warehouse.schema import apply_schema  # noqa: E402

PUBLISHED_RUN = "20261120T100000_cli_aaaaaa"
FAILED_RUN = "20261121T090000_airflow_bbbbbb"
XSS = "<script>alert('x')</script>"


def make_settings(tmp_path: Path) -> Settings:
    return Settings(home=tmp_path, landing=tmp_path / "landing", warehouse=tmp_path / "var" / "warehouse.duckdb",
                    work_dir=tmp_path / "var" / "work", reports_dir=tmp_path / "var" / "reports")


def insert(con, table: str, **values) -> None:
    cols = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    con.execute(f"INSERT INTO {table} ({cols}) VALUES ({marks})", list(values.values()))


def _article(run_id: str, article_id: str, title: str) -> dict:
    return dict(article_id=article_id, source_path=f"/landing/{article_id}.html", source_name="example.org",
                url=f"https://example.org/{article_id}", canonical_url=None, title=title,
                published=date(2026, 11, 19), published_source="meta", reference_date=date(2026, 11, 19),
                language="en", body="Body text.", n_paragraphs=1, n_chars=10, n_removed_blocks=2,
                duplicate_of=None, minhash=[1, 2, 3], notes=[], extractor_version="2026.11.1", run_id=run_id,
                loaded_at=datetime(2026, 11, 20, 10, 1))


def _mention(run_id: str, mention_id: str, article_id: str, event_type: str, quad: str, day: date | None,
             event_id: str | None, status: str = "asserted") -> dict:
    return dict(mention_id=mention_id, article_id=article_id, sentence_index=0, sentence_start=0, sentence_end=10,
                sentence="France and Germany held talks.", event_type=event_type, mode=None, quad_class=quad,
                intensity=1.0, cameo_root="04", trigger="talks", trigger_start=25, trigger_end=30,
                actor_text="France", actor_name="France", actor_country="FRA", actor_sector="GOV",
                actor_countries=["FRA"], recipient_text="Germany", recipient_name="Germany",
                recipient_country="DEU", recipient_sector="GOV", recipient_countries=["DEU"],
                actors_json="[]", recipients_json="[]", event_date=day, date_precision="day" if day else None,
                date_text="on Tuesday", location_name="Paris", location_country="FRA", location_lat=48.85,
                location_lon=2.35, location_precision="city", location_source="sentence", status=status,
                reported_by=None, is_symmetric=True, confidence=0.8, notes=[], language="en", event_id=event_id,
                extractor_version="2026.11.1", run_id=run_id)


def _event(run_id: str, event_id: str, event_type: str, quad: str, day: date, n_mentions: int) -> dict:
    return dict(event_id=event_id, event_type=event_type, mode=None, quad_class=quad, intensity=1.0,
                cameo_root="04", actor_name="France", actor_country="FRA", actor_sector="GOV",
                actor_countries=["FRA"], recipient_name="Germany", recipient_country="DEU", recipient_sector="GOV",
                recipient_countries=["DEU"], is_symmetric=True, event_date=day, date_precision="day", date_min=day,
                date_max=day, location_name="Paris", location_country="FRA", location_lat=48.85, location_lon=2.35,
                location_precision="city", status="asserted", n_mentions=n_mentions, n_articles=1, n_sources=1,
                first_seen=day, last_seen=day, confidence=0.9, conflicts=[], merge_key=f"{event_type}|FRA|DEU",
                run_id=run_id)


def fake_data_docs(settings: Settings, run_id: str, suites: list[str]) -> dict[str, Path]:
    """Data Docs-like pages laid out like GX: validations/<suite>/<run>/<time>/staging-<suite>.html."""
    root = settings.data_docs_dir
    root.mkdir(parents=True, exist_ok=True)
    pages = {}
    for suite in suites:
        page = root / "validations" / suite / run_id / "20261120T100500.000000Z" / f"staging-{suite}.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(f"<html><body><h1>Validation {suite} {run_id}</h1></body></html>")
        pages[suite] = page
    links = "".join(f'<li><a href="{p.relative_to(root)}">{s}</a></li>' for s, p in pages.items())
    (root / "index.html").write_text(f"<html><head><title>Data Docs</title></head><body><h1>Data Docs</h1>"
                                     f"<ul>{links}</ul></body></html>")
    return pages


def write_audit(settings: Settings, run_id: str, results: list[dict], pages: dict[str, Path]) -> Path:
    folder = settings.work_dir / run_id
    folder.mkdir(parents=True, exist_ok=True)
    failed = [r for r in results if not r["success"]]
    first = failed[0]["suite"] if failed else next(iter(pages))
    path = folder / "audit.json"
    path.write_text(json.dumps({
        "success": not failed, "results": results, "failed": failed,
        "data_docs_index": str(settings.data_docs_dir / "index.html"), "run_page": str(pages[first]),
    }, indent=1))
    return path


def _result(suite, expectation, column, success=True, unexpected=0, detail=None) -> dict:
    return {"suite": suite, "expectation": expectation, "column_name": column, "success": success,
            "unexpected": unexpected, "detail": detail}


def build_report_fixture(tmp_path: Path) -> Settings:
    """A warehouse with a published run and a later audit_failed run (batch in staging.*)."""
    settings = make_settings(tmp_path)
    with connect(settings.warehouse) as con:
        apply_schema(con)
        # ---- published run
        run = PUBLISHED_RUN
        insert(con, "ops.runs", run_id=run, started_at=datetime(2026, 11, 20, 10, 0), finished_at=datetime(2026, 11, 20, 10, 2, 30),
               status="published", trigger="cli", landing="/landing", extractor_version="2026.11.1", n_files=3,
               n_documents=2, n_quarantined=2, n_articles=2, n_mentions=4, n_events=2, audit_success=True)
        for path, fmt, status, n in (("/landing/a1.html", "html", "ingested", 1), ("/landing/export.jsonl", "jsonl", "partial", 1),
                                     ("/landing/blob.bin", None, "quarantined", 0)):
            insert(con, "raw.source_files", source_path=path, file_sha256=f"sha-{path}", size_bytes=1234, format=fmt,
                   status=status, n_documents=n, run_id=run, seen_at=datetime(2026, 11, 20, 10, 0, 5))
        for aid, fmt in (("a1", "html"), ("a2", "jsonl")):
            insert(con, "raw.documents", doc_id=aid, file_sha256="sha", source_path=f"/landing/{aid}", line_no=None,
                   format=fmt, encoding="utf-8", url=None, title_hint=None, published_hint=None, is_html=fmt == "html",
                   raw_text="raw", run_id=run, ingested_at=datetime(2026, 11, 20, 10, 0, 6))
        insert(con, "raw.quarantine", quarantine_id="q1", source_path="/landing/blob.bin", file_sha256="sha-bin", line_no=None,
               stage="ingest", reason="binary_content", detail="NUL bytes in the first 4 KiB", run_id=run,
               quarantined_at=datetime(2026, 11, 20, 10, 0, 7))
        insert(con, "raw.quarantine", quarantine_id="q2", source_path="/landing/export.jsonl", file_sha256="sha-j", line_no=7,
               stage="ingest", reason="malformed_jsonl_line", detail=f"Expecting value {XSS}", run_id=run,
               quarantined_at=datetime(2026, 11, 20, 10, 0, 7))
        insert(con, "core.articles", **_article(run, "a1", "Talks in Paris"))
        insert(con, "core.articles", **_article(run, "a2", "Clashes"))
        blocks = [("a1", "cookie_banner", "We use cookies to improve your experience. Accept all?"),
                  ("a2", "cookie_banner", "Nous utilisons des cookies."),
                  ("a1", "caption", "Photo: AFP"),
                  ("a2", "related_teaser", f"Read also: {XSS} & more")]
        for i, (aid, reason, text) in enumerate(blocks):
            insert(con, "core.removed_blocks", article_id=aid, block_index=i, reason=reason, text=text,
                   start_offset=0, end_offset=len(text), run_id=run)
        mentions = [("m1", "a1", "CONSULT", "verbal cooperation", date(2026, 11, 18), "e1", "asserted"),
                    ("m2", "a2", "CONSULT", "verbal cooperation", date(2026, 11, 18), "e1", "asserted"),
                    ("m3", "a2", "ASSAULT", "material conflict", date(2026, 11, 19), "e2", "asserted"),
                    ("m4", "a1", "AGREE", "verbal cooperation", None, None, "negated")]
        for mid, aid, et, quad, day, eid, st in mentions:
            insert(con, "core.event_mentions", **_mention(run, mid, aid, et, quad, day, eid, st))
        insert(con, "core.events", **_event(run, "e1", "CONSULT", "verbal cooperation", date(2026, 11, 18), 2))
        insert(con, "core.events", **_event(run, "e2", "ASSAULT", "material conflict", date(2026, 11, 19), 1))
        # ---- audit_failed run: batch only in staging.* (as load.stage_batch leaves it)
        run = FAILED_RUN
        for name, target in (("source_files", "raw.source_files"), ("documents", "raw.documents"),
                             ("quarantine", "raw.quarantine"), ("articles", "core.articles"),
                             ("removed_blocks", "core.removed_blocks"), ("sentences", "core.sentences"),
                             ("event_mentions", "core.event_mentions")):
            con.execute(f"CREATE OR REPLACE TABLE staging.{name} AS SELECT * FROM {target} LIMIT 0")
        insert(con, "ops.runs", run_id=run, started_at=datetime(2026, 11, 21, 9, 0), finished_at=datetime(2026, 11, 21, 9, 1),
               status="audit_failed", trigger="airflow", landing="/landing", extractor_version="2026.11.1", n_files=1,
               n_documents=1, n_quarantined=1, n_articles=1, n_mentions=1, audit_success=False,
               error="audit failed: event_mentions:expect_column_values_to_not_be_null(actor_country)")
        insert(con, "staging.source_files", source_path="/landing/b1.txt", file_sha256="sha-b1", size_bytes=99, format="txt",
               status="ingested", n_documents=1, run_id=run, seen_at=datetime(2026, 11, 21, 9, 0, 1))
        insert(con, "staging.quarantine", quarantine_id="q3", source_path="/landing/empty.txt", file_sha256=None, line_no=None,
               stage="ingest", reason="empty_file", detail="0 bytes", run_id=run, quarantined_at=datetime(2026, 11, 21, 9, 0, 2))
        insert(con, "staging.articles", **_article(run, "b1", "Staged only"))
        insert(con, "staging.removed_blocks", article_id="b1", block_index=0, reason="social_digest",
               text="Follow us on X", start_offset=0, end_offset=14, run_id=run)
        insert(con, "staging.event_mentions", **_mention(run, "m9", "b1", "PROTEST", "verbal conflict",
                                                          date(2026, 11, 20), None))
    pub_pages = fake_data_docs(settings, PUBLISHED_RUN, ["articles", "event_mentions"])
    write_audit(settings, PUBLISHED_RUN, [
        _result("articles", "expect_column_values_to_be_unique", "article_id"),
        _result("articles", "expect_column_values_to_not_be_null", "body"),
        _result("event_mentions", "expect_column_values_to_be_in_set", "event_type"),
    ], pub_pages)
    fail_pages = fake_data_docs(settings, FAILED_RUN, ["articles", "event_mentions"])
    write_audit(settings, FAILED_RUN, [
        _result("articles", "expect_column_values_to_be_unique", "article_id"),
        _result("event_mentions", "expect_column_values_to_not_be_null", "actor_country", False, 1,
                f"1 unexpected (100.00%), e.g. [null] {XSS}"),
    ], fail_pages)
    return settings


# ----------------------------------------------------------------------------- tests
@pytest.fixture
def settings(tmp_path):
    return build_report_fixture(tmp_path)


def _sections(text: str) -> dict[str, str]:
    return dict(re.findall(r'<section id="([a-z]+)">(.*?)</section>', text, flags=re.S))


def test_published_run_report(settings):
    from pipeline.quality.report import write_run_report

    path = write_run_report(settings, PUBLISHED_RUN)
    assert path == settings.reports_dir / "runs" / f"{PUBLISHED_RUN}.html"
    text = path.read_text(encoding="utf-8")
    s = _sections(text)
    assert "published" in text and "audit passed" in text and "2026.11.1" in text
    assert "/landing/a1.html" in s["input"] and "/landing/blob.bin" in s["input"]
    # quarantine grouped by reason, with paths; detail escaped
    assert "binary_content" in s["quarantine"] and "malformed_jsonl_line" in s["quarantine"]
    assert "/landing/export.jsonl" in s["quarantine"]
    assert XSS not in text and "&lt;script&gt;" in text
    # boilerplate per reason with examples
    assert "cookie_banner" in s["boilerplate"] and "related_teaser" in s["boilerplate"]
    assert "We use cookies" in s["boilerplate"]
    # charts
    assert s["events"].count('<svg class="chart"') == 2 and "<title>Event mentions per PLOVER type</title>" in text
    assert "CONSULT" in s["events"] and "2026-11-18" in s["events"]
    # data docs links are relative and resolve to the fake pages
    hrefs = re.findall(r'<a class="datadocs" href="([^"]+)"', s["dq"])
    assert hrefs and all(not h.startswith(("/", "file:")) for h in hrefs)
    for h in hrefs:
        assert (path.parent / h).resolve().exists(), h
    assert any("validations/articles/" in h for h in hrefs)
    # published: top events from curated.events
    assert "Top events from this run" in s["published"] and "France" in s["published"]
    assert "staging" not in s["events"]


def test_audit_failed_run_reads_staging(settings):
    from pipeline.quality.report import write_run_report

    text = write_run_report(settings, FAILED_RUN).read_text(encoding="utf-8")
    s = _sections(text)
    assert "audit_failed" in text and "audit FAILED" in text
    assert "nothing from this run was published" in text and "staging" in text
    assert "/landing/b1.txt" in s["input"] and "staging.source_files" in s["input"]
    assert "empty_file" in s["quarantine"] and "/landing/empty.txt" in s["quarantine"]
    assert "social_digest" in s["boilerplate"]
    assert "PROTEST" in s["events"] and '<svg class="chart"' in s["events"]
    # the failure, its detail (escaped) and a link to the failing suite's page
    assert "expect_column_values_to_not_be_null" in s["dq"] and "actor_country" in s["dq"]
    assert "&lt;script&gt;" in s["dq"] and XSS not in text
    assert "validations/event_mentions/" in s["dq"]
    assert "the audit failed" in s["published"].lower()
    # the published run's data does not leak into the failed run's report
    assert "/landing/a1.html" not in text and "cookie_banner" not in text


def test_missing_audit_json_falls_back_to_ops_audit_results(settings):
    from pipeline.quality.report import write_run_report
    from pipeline.warehouse.ledger import record_audit

    (settings.work_dir / FAILED_RUN / "audit.json").unlink()
    text = write_run_report(settings, FAILED_RUN).read_text(encoding="utf-8")
    assert "No audit results" in text
    with connect(settings.warehouse) as con:
        record_audit(con, FAILED_RUN, [_result("quarantine", "expect_column_values_to_not_be_null", "reason",
                                               False, 2, "2 unexpected")])
    text = write_run_report(settings, FAILED_RUN).read_text(encoding="utf-8")
    assert "ops.audit_results" in text and "2 unexpected" in text


def test_batch_folder_fallback_and_unstaged_quarantine(settings):
    """A crashed run (nothing staged) is reported from its Parquet batch files."""
    import pandas as pd

    from pipeline.quality.report import write_run_report

    run = "20261122T000000_cli_cccccc"
    with connect(settings.warehouse) as con:
        insert(con, "ops.runs", run_id=run, started_at=datetime(2026, 11, 22), status="failed", trigger="cli",
               error="ValueError: boom <b>")
    folder = settings.work_dir / run
    folder.mkdir(parents=True)
    pd.DataFrame([{"quarantine_id": "q9", "source_path": "/landing/huge.txt", "file_sha256": None, "line_no": None,
                   "stage": "ingest", "reason": "file_too_large", "detail": "60 MB", "run_id": run,
                   "quarantined_at": datetime(2026, 11, 22)}]).to_parquet(folder / "quarantine.ingest.parquet")
    text = write_run_report(settings, run).read_text(encoding="utf-8")
    assert "file_too_large" in text and "/landing/huge.txt" in text
    assert "ValueError: boom &lt;b&gt;" in text and "crashed" in text


def test_empty_warehouse_and_no_warehouse(tmp_path):
    from pipeline.quality.report import write_run_report

    settings = make_settings(tmp_path)
    # no warehouse file at all: still a report, and the warehouse is not created
    path = write_run_report(settings, "nope")
    assert path.exists() and "No warehouse" in path.read_text(encoding="utf-8")
    assert not settings.warehouse.exists()
    # schema only, a nothing_new run, no audit.json
    with connect(settings.warehouse) as con:
        apply_schema(con)
        insert(con, "ops.runs", run_id="r0", started_at=datetime(2026, 11, 20), finished_at=datetime(2026, 11, 20, 0, 0, 3),
               status="nothing_new", trigger="cli")
    text = write_run_report(settings, "r0").read_text(encoding="utf-8")
    assert "nothing_new" in text and "Nothing was quarantined" in text and "No audit results" in text
    assert "no events have been published yet" in text
    assert "Could not read" not in text  # every query worked against the empty schema
    index = (settings.reports_dir / "index.html").read_text(encoding="utf-8")
    assert "r0" in index


def test_index_lists_runs_latest_first(settings):
    from pipeline.quality.report import write_run_report

    write_run_report(settings, PUBLISHED_RUN)
    write_run_report(settings, FAILED_RUN)
    index = (settings.reports_dir / "index.html").read_text(encoding="utf-8")
    table = index.split('<h2 id="runs">')[1]
    assert table.index(FAILED_RUN) < table.index(PUBLISHED_RUN)
    assert f'href="runs/{PUBLISHED_RUN}.html"' in index and f'href="runs/{FAILED_RUN}.html"' in index
    assert "audit FAILED" in index and "audit passed" in index
    assert 'href="data_docs/index.html"' in index


def test_report_opens_while_runner_holds_a_write_connection(settings):
    """Same process, open read-write connection (DuckDB refuses a read-only one then)."""
    from pipeline.quality.report import write_run_report

    with connect(settings.warehouse) as con:
        con.execute("SELECT 1")
        text = write_run_report(settings, PUBLISHED_RUN).read_text(encoding="utf-8")
    assert "cookie_banner" in text and "could not be opened" not in text


def test_data_dictionary_covers_curated_views(tmp_path):
    import duckdb

    from pipeline.lab.docs import write_data_dictionary

    con = duckdb.connect(":memory:")
    apply_schema(con)
    out = write_data_dictionary(con, tmp_path / "dd.md")
    text = out.read_text(encoding="utf-8")
    cols = con.execute(
        "SELECT table_name, column_name, comment FROM duckdb_columns() "
        "WHERE schema_name IN ('raw','core','ops','curated')").fetchall()
    views = {r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE schema_name = 'curated'").fetchall()}
    assert {"events", "event_mentions", "articles", "runs"} <= views
    for table, column, comment in cols:
        assert comment, f"{table}.{column} has no COMMENT"
    for view in views:
        assert f"curated.{view}" in text
    curated_cols = con.execute("SELECT table_name, column_name FROM duckdb_columns() WHERE schema_name = 'curated'").fetchall()
    rows = {tuple(c.strip().strip("`") for c in line.strip("|").split("|")[:1])[0]
            for line in text.splitlines() if line.startswith("| `")}
    for _, column in curated_cols:
        assert column in rows
    # no table row has an empty description cell
    for line in text.splitlines():
        if line.startswith("| `"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            assert cells[-1], line


def test_committed_data_dictionary_is_up_to_date(tmp_path):
    import duckdb

    from pipeline.lab.docs import write_data_dictionary

    con = duckdb.connect(":memory:")
    apply_schema(con)
    fresh = write_data_dictionary(con, tmp_path / "dd.md").read_text(encoding="utf-8")
    committed = (REPO / "docs" / "data_dictionary.md")
    assert committed.exists(), "run .venv/bin/python -m pipeline.lab.docs"
    assert committed.read_text(encoding="utf-8") == fresh, "docs/data_dictionary.md is stale: run python -m pipeline.lab.docs"


def test_durations_count_from_the_start_of_the_run(settings):
    """ops.runs.started_at is written at the stage step; the report counts from the run's start."""
    import os

    from pipeline.quality.report import write_run_report
    from pipeline.quality.report.reader import id_time, run_started

    cli, dag, queued, other = ("20261206T100000_cli_dddddd", "manual__2026-12-06T11_00_00.123456_00_00",
                               "scheduled__2026-12-06T08_00_00_00_00", "hand-made")
    with connect(settings.warehouse) as con:
        # a 20 s CLI run staged after 12.9 s; a 28.7 s DAG run staged after 20.5 s
        insert(con, "ops.runs", run_id=cli, started_at=datetime(2026, 12, 6, 10, 0, 12, 900000),
               finished_at=datetime(2026, 12, 6, 10, 0, 20), status="published", trigger="cli")
        insert(con, "ops.runs", run_id=dag, started_at=datetime(2026, 12, 6, 11, 0, 20, 500000),
               finished_at=datetime(2026, 12, 6, 11, 0, 28, 700000), status="published", trigger="airflow")
        insert(con, "ops.runs", run_id=queued, started_at=datetime(2026, 12, 6, 12, 0, 0),
               finished_at=datetime(2026, 12, 6, 12, 0, 10), status="published", trigger="airflow")
        insert(con, "ops.runs", run_id=other, started_at=datetime(2026, 12, 6, 13, 0, 10),
               finished_at=datetime(2026, 12, 6, 13, 0, 15), status="published", trigger="cli")
    folder = settings.work_dir / other
    folder.mkdir(parents=True)
    (folder / "documents.parquet").write_bytes(b"")
    first = datetime(2026, 12, 6, 13, 0, 0, tzinfo=timezone.utc).timestamp()
    os.utime(folder / "documents.parquet", (first, first))

    assert id_time(dag) == datetime(2026, 12, 6, 11, 0, 0) and id_time(other) is None
    assert run_started(settings, queued, datetime(2026, 12, 6, 12))[1] == "ops.runs.started_at"  # waited 4 h
    assert run_started(settings, other, datetime(2026, 12, 6, 13, 0, 10)) == (datetime(2026, 12, 6, 13),
                                                                            "the batch folder")
    expected = {cli: "20.0 s", dag: "28.7 s", queued: "10.0 s", other: "15.0 s"}
    for run, shown in expected.items():
        text = write_run_report(settings, run).read_text(encoding="utf-8")
        assert re.search(r'<span class="duration"[^>]*>' + re.escape(shown) + "</span>", text), (run, shown)
    index = (settings.reports_dir / "index.html").read_text(encoding="utf-8")
    for run, shown in expected.items():
        row = next(r for r in index.split("<tr>") if run in r)
        assert f">{shown}<" in row, (run, row[:400])


HISTORY_RUNS = [  # run id, trigger, start, status, articles, mentions (dated, undated, unresolved), warnings
    ("20261122T080000_cli_h00001", "cli", datetime(2026, 11, 22, 8), "published", 40, (30, 5, 2), 1),
    ("scheduled__2026-11-23T06_00_00_00_00", "airflow", datetime(2026, 11, 23, 6), "published", 55, (40, 2, 8), 0),
    ("scheduled__2026-11-24T06_00_00_00_00", "airflow", datetime(2026, 11, 24, 6), "nothing_new", 0, None, 0),
    ("20261124T120000_cli_h00003", "cli", datetime(2026, 11, 24, 12), "nothing_new", 0, None, 0),
    ("manual__2026-11-26T18_30_00.123456_00_00", "airflow", datetime(2026, 11, 26, 18, 30), "published", 12,
     (6, 6, 0), 3),
]
SKIPPED_DAG_RUN = "scheduled__2026-11-27T06_00_00_00_00"


def add_history(settings: Settings) -> None:
    """More runs over a week: CLI and DAG runs, two with nothing new (one recorded, one skipped by the DAG)."""
    import pandas as pd

    with connect(settings.warehouse) as con:
        for run, trigger, start, status, n_art, mentions, warnings in HISTORY_RUNS:
            dated, undated, unresolved = mentions or (0, 0, 0)
            insert(con, "ops.runs", run_id=run, started_at=start + pd.Timedelta(seconds=20),
                   finished_at=start + pd.Timedelta(seconds=29), status=status, trigger=trigger, landing="/landing",
                   n_files=n_art // 4, n_documents=n_art, n_quarantined=n_art // 10, n_articles=n_art,
                   n_mentions=dated + undated, audit_success=True if status == "published" else None,
                   error=("interrupted: the run stopped before finishing (killed or crashed); nothing of it was "
                          "published; " * 3) if run.startswith("manual") else None)
            if not mentions:
                continue
            insert(con, "core.articles", **_article(run, f"h-{run}", "History"))
            types = ["CONSULT", "ASSAULT", "AGREE"]
            for i in range(dated + undated):
                row = _mention(run, f"{run}-{i}", f"h-{run}", types[i % 3], "verbal cooperation",
                               None if i >= dated else date(2026, 11, 1 + i % 20), None)
                if i < unresolved:
                    row.update(actor_name=None, actor_country=None)
                insert(con, "core.event_mentions", **row)
            for w in range(warnings):
                insert(con, "ops.audit_results", run_id=run, suite="articles", expectation=f"expect_w{w}",
                       column_name=None, success=False, unexpected=1, detail="[warning] 1 unexpected")
            insert(con, "ops.audit_results", run_id=run, suite="articles", expectation="expect_ok", column_name=None,
                   success=True, unexpected=0, detail=None)
    folder = settings.work_dir / SKIPPED_DAG_RUN  # the DAG's ingest found nothing: no ops.runs row
    folder.mkdir(parents=True)
    pd.DataFrame({"source_path": pd.Series(dtype="str")}).to_parquet(folder / "source_files.parquet")


def test_index_trends_and_dag_runs(settings):
    import pandas as pd

    from pipeline.quality.report import write_index

    add_history(settings)
    stopped, slices = settings.work_dir / "manual__2026-11-27T09_00_00_00_00", settings.work_dir / "manual__x_slice0001"
    stopped.mkdir()
    pd.DataFrame({"source_path": ["/landing/new.txt"]}).to_parquet(stopped / "source_files.parquet")
    slices.mkdir()  # a reprocessing slice's folder: documents only, no ingest
    pd.DataFrame({"doc_id": ["d"]}).to_parquet(slices / "documents.parquet")
    index = write_index(settings).read_text(encoding="utf-8")
    charts = re.findall(r'<svg class="chart".*?</svg>', index, re.S)
    titles = [re.search(r"<title>(.*?)</title>", c).group(1) for c in charts]
    assert titles == ["Articles in, per run", "Quarantine rate", "Undated share of event mentions",
                      "Unresolved-party share of event mentions", "Event mentions per PLOVER type, per run",
                      "Audit: failed expectations per run"], titles
    by_title = dict(zip(titles, charts))
    # one point per run that read something: 2 fixture runs + 3 history runs; none for nothing_new
    assert by_title["Articles in, per run"].count("<circle") == 5
    assert 'fill="#fff"' in by_title["Articles in, per run"]  # the audit_failed run is hollow
    # shares as computed from the mentions: 5 undated of 35, 8 unresolved of 42, 6 of 12
    undated = re.findall(r'data-v="([0-9.]+)"><title>undated: (\d+)%', by_title["Undated share of event mentions"])
    assert ("0.5", "50") in undated and any(v.startswith("0.142") for v, _ in undated), undated
    unresolved = by_title["Unresolved-party share of event mentions"]
    assert 'data-v="0.19047619047619047"' in unresolved
    assert by_title["Audit: failed expectations per run"].count("<circle") == 2 * 3  # runs with audit rows
    assert "CONSULT" in by_title["Event mentions per PLOVER type, per run"]
    # points sit on a real time axis: x grows with the start time, not with the run's rank
    xs = [float(x) for x in re.findall(r'<circle cx="([0-9.]+)"', by_title["Articles in, per run"])]
    assert xs == sorted(xs)
    ts_ = [int(t) for t in re.findall(r'data-t="(\d+)"', by_title["Articles in, per run"])]
    gaps = [(b - a) for a, b in zip(ts_, ts_[1:])]
    dx = [(b - a) for a, b in zip(xs, xs[1:])]
    assert all(abs(dx[i] / gaps[i] - dx[0] / gaps[0]) < 1e-3 * dx[0] / gaps[0] for i in range(len(gaps)))
    # the table: DAG and CLI runs told apart, nothing-new runs of both kinds, the skipped DAG run too
    table = index.split('<h2 id="runs">')[1]
    rows = {r.split("</code>")[0].split("<code>")[-1]: r for r in table.split("<tr>")[2:]}
    assert 'class="trigger dag">Airflow DAG' in rows["scheduled__2026-11-24T06_00_00_00_00"]
    assert "nothing new" in rows["scheduled__2026-11-24T06_00_00_00_00"]
    assert 'class="trigger cli">CLI' in rows["20261124T120000_cli_h00003"]
    assert "nothing new" in rows["20261124T120000_cli_h00003"]
    assert "skipped after ingest" in rows[SKIPPED_DAG_RUN] and "Airflow DAG" in rows[SKIPPED_DAG_RUN]
    assert "not staged" in rows[stopped.name] and slices.name not in rows


def test_precision_chart_is_on_a_time_axis():
    from pipeline.quality.report.charts import precision_period, precision_timeline

    assert precision_period(date(2026, 7, 2), "year") == (date(2026, 1, 1), date(2026, 12, 31))
    assert precision_period(date(2026, 4, 15), "month") == (date(2026, 4, 1), date(2026, 4, 30))
    assert precision_period(date(2026, 1, 15), "week") == (date(2026, 1, 12), date(2026, 1, 18))
    svg = precision_timeline("t", [("day", date(2026, 1, 1), 3), ("day", date(2026, 1, 2), 1),
                                   ("day", date(2026, 1, 31), 2), ("month", date(2026, 3, 16), 4),
                                   ("year", date(2013, 7, 2), 1)], max_days=120)
    rects = {}
    for tag in re.findall(r'<rect class="period"[^>]*>', svg):
        attrs = dict(re.findall(r'([\w-]+)="([^"]*)"', tag))
        rects[(attrs["data-precision"], attrs["data-first"])] = (float(attrs["x"]), float(attrs["width"]))
    x1, x2, x31 = (rects[("day", d)][0] for d in ("2026-01-01", "2026-01-02", "2026-01-31"))
    day = x2 - x1
    assert abs((x31 - x1) - 30 * day) < 0.05  # a 29-day gap is drawn as one
    assert abs(rects[("month", "2026-03-01")][0] - (x1 + 59 * day)) < 0.05  # March from its 1st, not the 16th
    assert abs(rects[("month", "2026-03-01")][1] - 31 * day) < 0.05  # ... and whole
    assert ("year", "2013-01-01") not in rects and "1 more before" in svg  # outside the window: counted


def test_documented_date_convention_is_the_extractors():
    """The README (and the report's note) say where week/month/year dates are stored; the extractor
    agrees, and the report's chart maps each stored day back to its whole period."""
    from pipeline.extract.event_dates import _date_value
    from pipeline.quality.report.charts import precision_period
    from pipeline.text.temporal import DateMention

    cases = [("year", date(2026, 1, 1), date(2026, 7, 2)), ("year", date(2024, 1, 1), date(2024, 7, 1)),
             ("month", date(2026, 1, 1), date(2026, 1, 16)), ("month", date(2026, 4, 1), date(2026, 4, 15)),
             ("month", date(2026, 2, 1), date(2026, 2, 14)), ("month", date(2024, 2, 1), date(2024, 2, 15)),
             ("week", date(2026, 1, 12), date(2026, 1, 15))]
    for precision, value, stored in cases:
        mention = DateMention("x", 0, 1, value, precision, "absolute")
        assert _date_value(mention) == (stored, precision), (precision, value)
        assert precision_period(stored, precision) == mention.period()
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for words in ("a week's Thursday", "a month's 15th or 16th", "2 July for a year (1 July"):
        assert words in " ".join(readme.split()), words
