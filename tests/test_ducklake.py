"""The DuckLake backend (pipeline.warehouse.backend) on a throwaway PostgreSQL catalog: the same
schemas, comments, curated views, write-audit-publish and idempotency as the embedded DuckDB file,
and readers that query while a run publishes. Skipped, with the reason, where PostgreSQL 15 or the
DuckDB extension wheels (the `scale` extra) are missing."""
from __future__ import annotations

import importlib.util
import shutil
import sys
import threading
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))
import scale_stack  # noqa: E402

from pipeline.warehouse import backend  # noqa: E402


def _why_skip() -> str | None:
    import duckdb

    if duckdb.__version__ != "1.5.5":
        return f"DuckLake extension wheels exist for duckdb 1.5.5 only (installed: {duckdb.__version__})"
    for name in backend.EXTENSIONS:
        if importlib.util.find_spec("duckdb_extension_" + name) is None:
            return f"duckdb-extension-{name} not installed (pip install -e '.[scale]')"
    return scale_stack.postgres_unavailable()


pytestmark = pytest.mark.skipif(bool(_why_skip()), reason=_why_skip() or "")


def test_rewrites_keep_the_key_semantics():
    ddl = "CREATE TABLE IF NOT EXISTS core.x (\n    a VARCHAR PRIMARY KEY,\n    b INT NOT NULL\n);"
    assert "PRIMARY KEY" not in backend.rewrite(ddl) and "NOT NULL" in backend.rewrite(ddl)
    sql = backend.rewrite("INSERT OR IGNORE INTO core.sentences BY NAME SELECT * FROM staging.sentences")
    assert "NOT EXISTS" in sql and "_old.article_id = _new.article_id AND _old.sentence_index = _new.sentence_index" in sql
    assert backend.rewrite("SELECT 1") == "SELECT 1"


@pytest.fixture(scope="module")
def postgres():
    pg = scale_stack.start_postgres()
    yield pg
    pg.stop()


def _settings(tmp: Path, name: str, warehouse: str, monkeypatch, landing: Path):
    from pipeline.core.config import load_settings

    monkeypatch.setenv("NEWSEVENTS_WAREHOUSE", warehouse)
    monkeypatch.setenv("NEWSEVENTS_LAKE_POINTER", str(tmp / f"{name}.ducklake"))
    monkeypatch.setenv("NEWSEVENTS_LAKE_DATA", str(tmp / f"{name}_data"))
    return load_settings(landing=landing, work_dir=tmp / f"{name}_work", reports_dir=tmp / f"{name}_reports",
                         settle_seconds=0.0)


@pytest.mark.slow
def test_lake_publishes_what_the_file_publishes(tmp_path, postgres, monkeypatch):
    from pipeline.run.runner import run_pipeline
    from pipeline.warehouse.connection import connect

    landing = tmp_path / "landing"
    shutil.copytree(REPO / "samples", landing, ignore=shutil.ignore_patterns("*.md", "expected_*"))
    file_settings = _settings(tmp_path, "file", str(tmp_path / "wh.duckdb"), monkeypatch, landing)
    run_pipeline(file_settings)
    lake_settings = _settings(tmp_path, "lake", "ducklake:postgres:" + postgres.conninfo, monkeypatch, landing)
    assert lake_settings.warehouse.suffix == ".ducklake"
    from pipeline.warehouse.schema import apply_schema

    with connect(lake_settings.warehouse) as con:  # readers attach an existing lake (read-only)
        apply_schema(con)

    # a reader queries the lake all along the publish: it never waits on a lock nor sees a half publish
    seen, errors, stop = [], [], threading.Event()

    def reader():
        while not stop.is_set():
            try:
                with connect(lake_settings.warehouse, read_only=True) as con:
                    tables = con.execute("SELECT count(*) FROM duckdb_tables() WHERE database_name = 'lake' "
                                         "AND schema_name = 'core' AND table_name = 'events'").fetchone()[0]
                    if tables:
                        seen.append(con.execute("SELECT (SELECT count(*) FROM curated.articles), "
                                                "(SELECT count(*) FROM curated.events)").fetchone())
            except Exception as exc:  # noqa: BLE001
                errors.append(exc)
            time.sleep(0.2)

    thread = threading.Thread(target=reader)
    thread.start()
    try:
        first = run_pipeline(lake_settings)
    finally:
        stop.set()
        thread.join(60)
    assert not errors, errors
    with connect(file_settings.warehouse, read_only=True) as con:
        expected = backend.curated_digests(con)
        comments = con.execute("SELECT schema_name, table_name, comment FROM duckdb_tables() "
                               "WHERE database_name = current_database() ORDER BY ALL").fetchall()
        core_columns = con.execute("SELECT table_name, column_name, comment FROM duckdb_columns() WHERE "
                                   "database_name = current_database() AND schema_name IN ('core', 'raw', 'ops') "
                                   "ORDER BY ALL").fetchall()
    with connect(lake_settings.warehouse, read_only=True) as con:
        assert backend.curated_digests(con) == expected
        assert con.execute("SELECT schema_name, table_name, comment FROM duckdb_tables() "
                           "WHERE database_name = current_database() ORDER BY ALL").fetchall() == comments
        assert con.execute("SELECT table_name, column_name, comment FROM duckdb_columns() WHERE "
                           "database_name = current_database() AND schema_name IN ('core', 'raw', 'ops') "
                           "ORDER BY ALL").fetchall() == core_columns
    assert expected["events"][0] > 0 and expected["articles"][0] > 0
    # readers saw the empty lake or the whole publish, never a part of it
    assert all(row in ((0, 0), (expected["articles"][0], expected["events"][0])) for row in seen), seen

    # idempotent: the same landing folder again publishes nothing new
    again = run_pipeline(lake_settings)
    assert again.status == "nothing_new", again
    with connect(lake_settings.warehouse, read_only=True) as con:
        assert backend.curated_digests(con)["events"] == expected["events"]
    assert first.status == "published"
