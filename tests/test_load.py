"""Warehouse: schema, staging, atomic publishing and event rebuilds, on throwaway DuckDB files."""
from __future__ import annotations

from datetime import date, datetime

import duckdb
import pytest

from pipeline.load import (
    apply_schema, known_source_paths, publish_batch, rebuild_affected_events, stage_batch, start_run, summary,
)
from pipeline.runner import write_rows

NOW = datetime(2026, 2, 4, 12, 0)


def article_row(article_id: str, run_id: str = "r1", **extra) -> dict:
    row = {
        "article_id": article_id, "source_path": f"/landing/{article_id}.txt", "source_name": article_id,
        "title": "Title", "published": date(2026, 2, 4), "published_source": "header",
        "reference_date": date(2026, 2, 4), "language": "fr", "body": "Le président a appelé son homologue.",
        "n_paragraphs": 1, "n_chars": 36, "n_removed_blocks": 0, "extractor_version": "t", "run_id": run_id,
        "loaded_at": NOW, "notes": [],
    }
    row.update(extra)
    return row


def mention_row(mention_id: str, article_id: str, run_id: str = "r1", **extra) -> dict:
    row = {
        "mention_id": mention_id, "article_id": article_id, "sentence_index": 0, "sentence_start": 0,
        "sentence_end": 36, "sentence": "Le président a appelé son homologue.", "event_type": "CONSULT",
        "mode": "phone", "quad_class": "verbal cooperation", "intensity": 1.0, "cameo_root": "04",
        "trigger": "appelé", "trigger_start": 15, "trigger_end": 21, "actor_country": "USA",
        "actor_countries": ["USA"], "recipient_country": "COL", "recipient_countries": ["COL"],
        "event_date": date(2026, 1, 7), "date_precision": "day", "status": "asserted", "is_symmetric": True,
        "confidence": 0.8, "notes": [], "extractor_version": "t", "run_id": run_id,
    }
    row.update(extra)
    return row


def write_batch(folder, run_id, articles, mentions, files=None):
    folder.mkdir(parents=True, exist_ok=True)
    files = files or [{"source_path": a["source_path"], "file_sha256": a["article_id"], "size_bytes": 10,
                       "format": "txt", "status": "ingested", "n_documents": 1, "run_id": run_id, "seen_at": NOW}
                      for a in articles]
    docs = [{"doc_id": a["article_id"], "file_sha256": a["article_id"], "source_path": a["source_path"],
             "format": "txt", "raw_text": a["body"], "run_id": run_id, "ingested_at": NOW} for a in articles]
    write_rows(files, folder / "source_files.parquet")
    write_rows(docs, folder / "documents.parquet")
    write_rows(articles, folder / "articles.parquet")
    write_rows(mentions, folder / "event_mentions.parquet")


@pytest.fixture
def con(tmp_path):
    connection = duckdb.connect(str(tmp_path / "wh.duckdb"))
    apply_schema(connection)
    yield connection
    connection.close()


def test_schema_is_idempotent_and_every_column_is_described(con):
    apply_schema(con)  # twice: no error, nothing duplicated
    missing = con.execute(
        """
        SELECT schema_name || '.' || table_name || '.' || column_name FROM duckdb_columns()
        WHERE schema_name IN ('raw', 'core', 'ops', 'curated') AND (comment IS NULL OR comment = '')
        """
    ).fetchall()
    assert missing == []
    views = {r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE schema_name = 'curated'").fetchall()}
    assert {"events", "event_mentions", "articles", "daily_dyads", "actor_timeline", "quarantine", "runs"} <= views
    undocumented = con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE schema_name IN ('raw','core','ops') AND comment IS NULL"
    ).fetchall()
    assert undocumented == []


def test_publish_is_atomic_idempotent_and_merges_across_articles(con, tmp_path):
    batch = tmp_path / "b1"
    write_batch(batch, "r1", [article_row("a1"), article_row("a2")],
                [mention_row("m1", "a1"), mention_row("m2", "a2", actor_country="COL", actor_countries=["COL"],
                                                      recipient_country="USA", recipient_countries=["USA"])])
    start_run(con, "r1", "test", "/landing", "t")
    counts = stage_batch(con, batch)
    assert counts["articles"] == 2 and counts["event_mentions"] == 2
    assert summary(con)["articles"] == 0  # staged, not yet published
    publish_batch(con, "r1")
    first = summary(con)
    assert first["articles"] == 2 and first["events"] == 1
    event = con.execute("SELECT n_mentions, n_articles, status FROM curated.events").fetchone()
    assert event == (2, 2, "asserted")
    assert con.execute("SELECT count(*) FROM core.event_mentions WHERE event_id IS NULL").fetchone()[0] == 0
    assert known_source_paths(con) == {"/landing/a1.txt": "a1", "/landing/a2.txt": "a2"}

    # re-staging and re-publishing the same batch changes nothing
    start_run(con, "r1b", "test", "/landing", "t")
    stage_batch(con, batch)
    publish_batch(con, "r1b")
    assert summary(con) == {**first, "runs": 2}
    assert con.execute("SELECT count(*) FROM raw.source_files").fetchone()[0] == 2


def test_new_batch_extends_existing_event_and_leaves_others(con, tmp_path):
    write_batch(tmp_path / "b1", "r1", [article_row("a1")],
                [mention_row("m1", "a1"), mention_row("t1", "a1", event_type="THREATEN", quad_class="verbal conflict",
                                                      intensity=-6.0, is_symmetric=False, actor_country="RUS",
                                                      actor_countries=["RUS"], recipient_country="UKR",
                                                      recipient_countries=["UKR"])])
    start_run(con, "r1", "test", "/l", "t")
    stage_batch(con, tmp_path / "b1")
    publish_batch(con, "r1")
    threat_id = con.execute("SELECT event_id FROM core.events WHERE event_type = 'THREATEN'").fetchone()[0]
    write_batch(tmp_path / "b2", "r2", [article_row("a3", "r2")],
                [mention_row("m3", "a3", "r2", event_date=date(2026, 1, 8))])
    start_run(con, "r2", "test", "/l", "t")
    stage_batch(con, tmp_path / "b2")
    publish_batch(con, "r2")
    rows = con.execute("SELECT event_type, n_mentions, n_articles FROM core.events ORDER BY event_type").fetchall()
    assert rows == [("CONSULT", 2, 2), ("THREATEN", 1, 1)]
    assert con.execute("SELECT event_id FROM core.events WHERE event_type = 'THREATEN'").fetchone()[0] == threat_id


def test_failed_publish_rolls_back_everything(con, tmp_path, monkeypatch):
    write_batch(tmp_path / "b1", "r1", [article_row("a1")], [mention_row("m1", "a1")])
    start_run(con, "r1", "test", "/l", "t")
    stage_batch(con, tmp_path / "b1")

    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("pipeline.load.rebuild_affected_events", explode)
    with pytest.raises(RuntimeError, match="disk full"):
        publish_batch(con, "r1")
    assert summary(con)["articles"] == 0 and summary(con)["mentions"] == 0
    assert con.execute("SELECT count(*) FROM raw.documents").fetchone()[0] == 0


def test_rebuild_is_a_no_op_without_new_mentions(con):
    con.execute("CREATE OR REPLACE TABLE staging.event_mentions AS SELECT * FROM core.event_mentions LIMIT 0")
    con.execute("CREATE OR REPLACE TABLE staging.articles AS SELECT * FROM core.articles LIMIT 0")
    assert rebuild_affected_events(con, "r0") == 0


def test_rebuild_reads_only_mentions_within_the_merge_window(con, tmp_path):
    old = [mention_row(f"o{i}", "a1", event_date=date(2024, 1, 7)) for i in range(3)]
    write_batch(tmp_path / "b1", "r1", [article_row("a1", reference_date=date(2024, 1, 8))], old)
    start_run(con, "r1", "test", "/l", "t")
    stage_batch(con, tmp_path / "b1")
    publish_batch(con, "r1")
    write_batch(tmp_path / "b2", "r2", [article_row("a2", "r2")], [mention_row("n1", "a2", "r2")])
    start_run(con, "r2", "test", "/l", "t")
    stage_batch(con, tmp_path / "b2")
    publish_batch(con, "r2")
    touched = {r[0] for r in con.execute("SELECT mention_id FROM affected_mentions").fetchall()}
    assert touched == {"n1"}  # the 2024 call is two years away: never re-read
    assert con.execute("SELECT count(*) FROM core.events").fetchone()[0] == 2
