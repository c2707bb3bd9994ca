"""Load: the DuckDB warehouse — schema, staging the batch, publishing it atomically.

Write–audit–publish: a run's batch is written to `staging.*`, validated (pipeline.audit), and
only then copied into `raw.*`/`core.*` in ONE transaction that also rebuilds the affected
canonical events and marks the run published. Curated views read `core.*`, so readers see
the previous or the new publish, never a mix, and a failed audit leaves them untouched.
All SQL is static or built from our own table names; user text only travels as parameters
or inside DataFrames.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from pipeline.config import REPO_ROOT

WAREHOUSE_SQL = REPO_ROOT / "warehouse"

# staged batch table -> published table; order matters for readers of the code only
BATCH_TABLES = {
    "source_files": "raw.source_files",
    "documents": "raw.documents",
    "quarantine": "raw.quarantine",
    "articles": "core.articles",
    "removed_blocks": "core.removed_blocks",
    "sentences": "core.sentences",
    "event_mentions": "core.event_mentions",
}
KEYED = {  # tables whose primary key makes re-publishing a no-op
    "raw.documents", "raw.quarantine", "core.articles", "core.removed_blocks", "core.sentences", "core.event_mentions",
}


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def connect(path: Path, read_only: bool = False):
    import duckdb

    path = Path(path)
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    return duckdb.connect(str(path), read_only=read_only)


def sql_files(folder: str) -> list[Path]:
    return sorted((WAREHOUSE_SQL / folder).glob("*.sql"))


def apply_schema(con) -> None:
    """Create schemas, tables and curated views (idempotent)."""
    for path in sql_files("schema") + sql_files("curated"):
        con.execute(path.read_text(encoding="utf-8"))


def table_columns(con, qualified: str) -> list[str]:
    schema, table = qualified.split(".")
    rows = con.execute(
        "SELECT column_name FROM duckdb_columns() WHERE schema_name = ? AND table_name = ? ORDER BY column_index",
        [schema, table],
    ).fetchall()
    return [r[0] for r in rows]


def known_source_paths(con) -> dict[str, str]:
    """source path -> sha256 of the content last recorded for it (ingested or quarantined)."""
    rows = con.execute(
        """
        SELECT source_path, arg_max(file_sha256, seen_at)
        FROM raw.source_files WHERE file_sha256 IS NOT NULL GROUP BY source_path
        """
    ).fetchall()
    return {path: sha for path, sha in rows}


def known_doc_ids(con, doc_ids: list[str]) -> set[str]:
    if not doc_ids:
        return set()
    rows = con.execute("SELECT doc_id FROM raw.documents WHERE list_contains(?, doc_id)", [doc_ids]).fetchall()
    return {r[0] for r in rows}


def start_run(con, run_id: str, trigger: str, landing: str, extractor_version: str) -> None:
    # Called under the warehouse lock: another 'running' row is a run that was killed or crashed
    # (Airflow runs hold the lock per task only, so theirs count as stale after 6 hours).
    con.execute(
        """
        UPDATE ops.runs SET status = 'failed', finished_at = ?,
               error = 'interrupted: the run stopped before finishing (killed or crashed); nothing of it was published'
        WHERE status = 'running' AND run_id <> ? AND (trigger IS DISTINCT FROM 'airflow' OR started_at < ?)
        """,
        [utcnow(), run_id, utcnow() - timedelta(hours=6)],
    )
    con.execute(
        """
        INSERT INTO ops.runs (run_id, started_at, status, trigger, landing, extractor_version)
        VALUES (?, ?, 'running', ?, ?, ?)
        ON CONFLICT (run_id) DO UPDATE SET started_at = excluded.started_at, status = 'running', error = NULL
        """,
        [run_id, utcnow(), trigger, landing, extractor_version],
    )


def finish_run(con, run_id: str, status: str, **fields) -> None:
    allowed = set(table_columns(con, "ops.runs")) - {"run_id", "started_at"}
    fields = {k: v for k, v in fields.items() if k in allowed}
    fields.update(status=status, finished_at=utcnow())
    assignments = ", ".join(f'"{k}" = ?' for k in fields)
    con.execute(f"UPDATE ops.runs SET {assignments} WHERE run_id = ?", [*fields.values(), run_id])


def stage_batch(con, batch_dir: Path) -> dict[str, int]:
    """Replace staging.* with the batch's Parquet files (typed like the published tables)."""
    counts = {}
    for name, target in BATCH_TABLES.items():
        con.execute(f"CREATE OR REPLACE TABLE staging.{name} AS SELECT * FROM {target} LIMIT 0")
        # a table may come in parts, one per stage (quarantine.ingest.parquet, quarantine.clean.parquet, ...)
        parts = sorted(str(p) for p in Path(batch_dir).glob(f"{name}*.parquet") if p.stem.split(".")[0] == name)
        if parts:
            con.execute(f"INSERT INTO staging.{name} BY NAME SELECT * FROM read_parquet(?, union_by_name = true)", [parts])
        counts[name] = con.execute(f"SELECT count(*) FROM staging.{name}").fetchone()[0]
    return counts


def record_audit(con, run_id: str, results: list[dict]) -> None:
    con.execute("DELETE FROM ops.audit_results WHERE run_id = ?", [run_id])
    if results:
        con.executemany(
            "INSERT INTO ops.audit_results VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                [run_id, r.get("suite"), r.get("expectation"), r.get("column_name"), bool(r.get("success")),
                 r.get("unexpected"), (str(r.get("detail")) if r.get("detail") is not None else None)]
                for r in results
            ],
        )


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


MERGE_WINDOW_DAYS = 35  # wider than any window pipeline.aggregate merges across (a month, 14 days)


def rebuild_affected_events(con, run_id: str) -> int:
    """Re-cluster the published mentions the batch's new mentions could merge with.

    Affected: same event type, a country in common, and a date (or, undated, an article
    reference date) within MERGE_WINDOW_DAYS of the new mentions of that type and country —
    plus every mention of an event one of those belongs to. The cost follows the batch, not the
    warehouse: nothing outside those windows is read or rewritten.
    """
    from pipeline.aggregate import PUBLISHABLE, build_events

    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE affected_keys AS
        WITH new_mentions AS (
            SELECT m.event_type, coalesce(m.event_date, a.reference_date) AS day,
                   list_distinct(coalesce(m.actor_countries, []) || coalesce(m.recipient_countries, [])) AS countries
            FROM staging.event_mentions AS m LEFT JOIN staging.articles AS a USING (article_id)
            WHERE m.status IN ('asserted', 'future')
        )
        -- one window per new mention's date (not one per key: an outlier date must not widen it)
        SELECT DISTINCT event_type, country, day - INTERVAL (?) DAY AS low, day + INTERVAL (?) DAY AS high
        FROM (SELECT event_type, day, unnest(countries) AS country FROM new_mentions)
        """,
        [MERGE_WINDOW_DAYS, MERGE_WINDOW_DAYS],
    )
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE affected_mentions AS
        WITH candidates AS (
            SELECT m.mention_id, m.event_id, m.event_type, coalesce(m.event_date, a.reference_date) AS day,
                   coalesce(m.actor_countries, []) || coalesce(m.recipient_countries, []) AS countries
            FROM core.event_mentions AS m JOIN core.articles AS a USING (article_id)
            WHERE m.status IN ('asserted', 'future')
              AND m.event_type IN (SELECT DISTINCT event_type FROM affected_keys)
        ),
        direct AS (
            SELECT DISTINCT c.mention_id, c.event_id
            FROM candidates AS c JOIN affected_keys AS k
              ON k.event_type = c.event_type AND list_contains(c.countries, k.country)
            WHERE (c.day BETWEEN k.low AND k.high) OR c.day IS NULL
               OR k.low IS NULL  -- an undated new mention (article without any date) may join any of its key
        ),
        old_events AS (SELECT DISTINCT event_id FROM direct WHERE event_id IS NOT NULL)
        SELECT mention_id, event_id FROM direct
        UNION
        SELECT m.mention_id, m.event_id FROM core.event_mentions AS m JOIN old_events USING (event_id)
        """
    )
    cursor = con.execute(
        """
        SELECT m.mention_id, m.article_id, m.event_type, m.mode, m.quad_class, m.intensity, m.cameo_root,
               m.actor_name, m.actor_country, m.actor_sector, coalesce(m.actor_countries, []) AS actor_countries,
               m.recipient_name, m.recipient_country, m.recipient_sector,
               coalesce(m.recipient_countries, []) AS recipient_countries,
               m.is_symmetric, m.event_date, m.date_precision, m.location_name, m.location_country,
               m.location_lat, m.location_lon, m.location_precision, m.status, m.confidence,
               coalesce(m.notes, []) AS notes, m.event_id,
               a.reference_date AS article_reference_date, a.duplicate_of AS article_duplicate_of
        FROM core.event_mentions AS m
        JOIN affected_mentions USING (mention_id)
        JOIN core.articles AS a ON a.article_id = m.article_id
        """
    )
    names = [d[0] for d in cursor.description]
    mentions = [dict(zip(names, row)) for row in cursor.fetchall()]
    articles = {m["article_id"]: {"reference_date": m.pop("article_reference_date"),
                                  "duplicate_of": m.pop("article_duplicate_of")} for m in mentions}
    events, assignment = build_events([m for m in mentions if m["status"] in PUBLISHABLE], articles, run_id)
    con.execute(
        "DELETE FROM core.events WHERE event_id IN (SELECT event_id FROM affected_mentions WHERE event_id IS NOT NULL)"
    )
    import pandas as pd

    if events:
        con.register("new_events", pd.DataFrame(events))
        con.execute("INSERT OR REPLACE INTO core.events BY NAME SELECT * FROM new_events")
        con.unregister("new_events")
    if assignment:
        links = pd.DataFrame({"mention_id": list(assignment), "event_id": list(assignment.values())})
        con.register("mention_links", links)
        con.execute(
            """
            UPDATE core.event_mentions AS m SET event_id = l.event_id
            FROM mention_links AS l WHERE m.mention_id = l.mention_id AND m.event_id IS DISTINCT FROM l.event_id
            """
        )
        con.unregister("mention_links")
    return len(events)


def publish_batch(con, run_id: str, **run_fields) -> dict[str, int]:
    """Copy staging into raw/core, rebuild affected events, mark the run published — atomically."""
    con.execute("BEGIN TRANSACTION")
    try:
        for name, target in BATCH_TABLES.items():
            _insert_new(con, name, target)
        n_events = rebuild_affected_events(con, run_id)
        total_events = con.execute("SELECT count(*) FROM core.events").fetchone()[0]
        finish_run(con, run_id, "published", audit_success=True, n_events=total_events, **run_fields)
        from pipeline.runner import fault_point

        fault_point("publish.commit")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return {"events_rebuilt": n_events, "events_total": total_events}


def replace_published(con, run_id: str, **run_fields) -> dict[str, int]:
    """Reprocessing: swap core.* for the staged full re-extraction in one transaction."""
    con.execute("BEGIN TRANSACTION")
    try:
        for name in ("articles", "removed_blocks", "sentences", "event_mentions"):
            con.execute(f"DELETE FROM {BATCH_TABLES[name]}")
        con.execute("DELETE FROM core.events")
        for name, target in BATCH_TABLES.items():
            _insert_new(con, name, target)
        n_events = rebuild_affected_events(con, run_id)
        finish_run(con, run_id, "published", audit_success=True, n_events=n_events, **run_fields)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return {"events_rebuilt": n_events, "events_total": n_events}


def summary(con) -> dict:
    """Counts users see after a run."""
    one = lambda sql: con.execute(sql).fetchone()[0]  # noqa: E731
    return {
        "articles": one("SELECT count(*) FROM curated.articles"),
        "mentions": one("SELECT count(*) FROM curated.event_mentions"),
        "events": one("SELECT count(*) FROM curated.events"),
        "quarantined": one("SELECT count(*) FROM curated.quarantine"),
        "runs": one("SELECT count(*) FROM ops.runs"),
    }
