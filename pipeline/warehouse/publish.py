"""Publish: copy the audited staging tables into raw.*/core.* and rebuild the affected events, in one
transaction, so readers of the curated views see the previous or the new publish, never a mix.

All SQL is static or built from our own table names; user text only travels as parameters or
inside DataFrames.
"""
from __future__ import annotations

from pipeline.core.faults import fault_point
from pipeline.warehouse.event_rebuild import rebuild_affected_events
from pipeline.warehouse.ledger import finish_run
from pipeline.warehouse.near_duplicates import bands_sql
from pipeline.warehouse.schema import BATCH_TABLES, KEYED


def _insert_new(con, name: str, target: str) -> None:
    if target in KEYED:
        con.execute(f"INSERT OR IGNORE INTO {target} BY NAME SELECT * FROM staging.{name}")
    else:  # the source-file ledger: one row per (path, content)
        con.execute(
            f"""
            INSERT INTO {target} BY NAME
            SELECT s.* FROM staging.{name} AS s
            WHERE NOT EXISTS (
                SELECT 1 FROM {target} AS t
                WHERE t.source_path = s.source_path AND t.file_sha256 IS NOT DISTINCT FROM s.file_sha256
            )
            """
        )


def _insert_batch(con) -> None:
    """Copy the staged tables into raw/core (event mentions: rebuild_affected_events, which gives
    them their event ids), and index the new articles' MinHash bands."""
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE unindexed_articles AS
        SELECT article_id, minhash FROM staging.articles ANTI JOIN core.articles USING (article_id)
        """
    )
    for name, target in BATCH_TABLES.items():
        if name != "event_mentions":
            _insert_new(con, name, target)
    con.execute(f"INSERT INTO core.article_bands {bands_sql('unindexed_articles')}")


def publish_batch(con, run_id: str, **run_fields) -> dict[str, int]:
    """Copy staging into raw/core, rebuild affected events, mark the run published — atomically."""
    con.execute("BEGIN TRANSACTION")
    try:
        _insert_batch(con)
        n_events = rebuild_affected_events(con, run_id)
        total_events = con.execute("SELECT count(*) FROM core.events").fetchone()[0]
        finish_run(con, run_id, "published", audit_success=True, n_events=total_events, **run_fields)

        fault_point("publish.commit")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return {"events_rebuilt": n_events, "events_total": total_events}


def republish_articles(con, run_id: str, **run_fields) -> dict[str, int]:
    """Reprocessing one slice of documents: their articles, blocks, sentences and mentions are
    replaced by the staged re-extraction and the events they touched are rebuilt, in one
    transaction (the previous publish stays if anything fails)."""
    con.execute("BEGIN TRANSACTION")
    try:
        slice_ids = "SELECT doc_id FROM staging.documents"
        lost = [r[0] for r in con.execute(
            f"SELECT DISTINCT event_id FROM core.event_mentions WHERE article_id IN ({slice_ids}) AND event_id IS NOT NULL"
        ).fetchall()]
        for name in ("event_mentions", "sentences", "removed_blocks", "articles"):
            con.execute(f"DELETE FROM {BATCH_TABLES[name]} WHERE article_id IN ({slice_ids})")
        con.execute(f"DELETE FROM core.article_bands WHERE article_id IN ({slice_ids})")
        _insert_batch(con)
        n_events = rebuild_affected_events(con, run_id, lost_members=lost)
        total_events = con.execute("SELECT count(*) FROM core.events").fetchone()[0]
        finish_run(con, run_id, "published", audit_success=True, n_events=total_events, **run_fields)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return {"events_rebuilt": n_events, "events_total": total_events}
