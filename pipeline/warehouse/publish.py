"""Publish: copy the audited staging tables into raw.*/core.* and rebuild the affected events, in one
transaction, so readers of the curated views see the previous or the new publish, never a mix.

All SQL is static or built from our own table names; user text only travels as parameters or
inside DataFrames.
"""
from __future__ import annotations

from typing import Callable

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


class EventsAuditFailed(RuntimeError):
    """The events a batch would publish failed their audit: the transaction was rolled back."""


# name -> SQL counting violations inside the publish transaction; each looks only at the batch's
# articles and the events written (? = their ids), so the cost follows the batch.
_BATCH_MENTIONS = "SELECT * FROM core.event_mentions WHERE article_id IN (SELECT article_id FROM staging.articles)"
EVENT_INVARIANTS = {
    "publishable_mention_without_event": f"""
        SELECT count(*) FROM ({_BATCH_MENTIONS}) AS m
        WHERE m.status IN ('asserted', 'future') AND m.event_id IS NULL
          AND (len(list_filter(coalesce(m.actor_countries, []), lambda c: coalesce(c, '') <> '')) > 0
               OR len(list_filter(coalesce(m.recipient_countries, []), lambda c: coalesce(c, '') <> '')) > 0)""",
    "mention_of_missing_event": f"""
        SELECT count(*) FROM ({_BATCH_MENTIONS}) AS m
        WHERE m.event_id IS NOT NULL AND m.event_id NOT IN (SELECT event_id FROM core.events)""",
    "event_without_mentions": """
        SELECT count(*) FROM core.events AS e WHERE e.event_id IN (SELECT unnest(?))
          AND e.event_id NOT IN (SELECT event_id FROM core.event_mentions WHERE event_id IN (SELECT unnest(?)))""",
    "event_mention_count_mismatch": """
        SELECT count(*) FROM core.events AS e JOIN (
            SELECT event_id, count(*) AS n FROM core.event_mentions WHERE event_id IN (SELECT unnest(?)) GROUP BY event_id
        ) AS m USING (event_id) WHERE e.n_mentions <> m.n""",
    "staged_mention_not_published": """
        SELECT count(*) FROM staging.event_mentions AS s
        WHERE s.mention_id NOT IN (SELECT mention_id FROM core.event_mentions)""",
}


def check_events(con, changed: list[str], audit_events: Callable | None) -> list[str]:
    """Problems of the events this transaction wrote: the invariants above, then `audit_events`
    (the GX events suite on the written rows, given by the run layer); empty when all hold."""
    problems = []
    for name, sql in EVENT_INVARIANTS.items():
        bad = con.execute(sql, [changed] * sql.count("?")).fetchone()[0]
        if bad:
            problems.append(f"{name}: {bad}")
    if audit_events is not None and changed:
        events = con.execute("SELECT * FROM core.events WHERE event_id IN (SELECT unnest(?))", [changed]).fetch_df()
        problems += audit_events(events)
    return problems


def _publish(con, run_id: str, changed_events: Callable[[], list[str]], audit_events: Callable | None,
             **run_fields) -> dict[str, int]:
    con.execute("BEGIN TRANSACTION")
    try:
        changed = changed_events()
        problems = check_events(con, changed, audit_events)
        if problems:
            raise EventsAuditFailed("; ".join(problems)[:1000])
        total_events = con.execute("SELECT count(*) FROM core.events").fetchone()[0]
        finish_run(con, run_id, "published", audit_success=True, n_events=total_events, **run_fields)
        fault_point("publish.commit")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return {"events_rebuilt": len(changed), "events_total": total_events}


# Published articles a batch replaces. New input: an article published before from the same
# source (path and JSONL line) whose content changed — a correction replaces the original rather
# than being counted beside it (raw.documents keeps both versions). Reprocessing: the slice's own
# documents, re-extracted.
SUPERSEDED_SQL = """
    SELECT a.article_id FROM core.articles AS a
    JOIN raw.documents AS d ON d.doc_id = a.article_id
    JOIN staging.documents AS s ON s.source_path = d.source_path AND s.line_no IS NOT DISTINCT FROM d.line_no
    WHERE a.article_id <> s.doc_id
"""
REPROCESSED_SQL = "SELECT article_id FROM staging.articles UNION SELECT doc_id FROM staging.documents"


def _delete_articles(con, ids_sql: str) -> list[str]:
    """Delete the articles `ids_sql` selects with their blocks, sentences, mentions and bands;
    returns the events that lost mentions (rebuilt next)."""
    con.execute(f"CREATE OR REPLACE TEMP TABLE replaced_articles AS {ids_sql}")
    lost = [r[0] for r in con.execute(
        "SELECT DISTINCT event_id FROM core.event_mentions "
        "WHERE article_id IN (SELECT article_id FROM replaced_articles) AND event_id IS NOT NULL"
    ).fetchall()]
    for name in ("event_mentions", "sentences", "removed_blocks", "articles"):
        con.execute(f"DELETE FROM {BATCH_TABLES[name]} WHERE article_id IN (SELECT article_id FROM replaced_articles)")
    con.execute("DELETE FROM core.article_bands WHERE article_id IN (SELECT article_id FROM replaced_articles)")
    return lost


def publish_batch(con, run_id: str, audit_events: Callable | None = None, *, reprocessing: bool = False,
                  **run_fields) -> dict[str, int]:
    """Copy staging into raw/core (replacing the articles it supersedes), rebuild the affected
    events, audit them and mark the run published — in one transaction: readers see the previous
    or the new publish, never a mix, and never events no audit saw."""

    def changed() -> list[str]:
        lost = _delete_articles(con, REPROCESSED_SQL if reprocessing else SUPERSEDED_SQL)
        _insert_batch(con)
        return rebuild_affected_events(con, run_id, lost_members=lost)

    return _publish(con, run_id, changed, audit_events, **run_fields)
