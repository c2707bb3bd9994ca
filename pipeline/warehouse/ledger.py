"""Ledgers: the runs (ops.runs, ops.audit_results) and what was already read (raw.source_files,
raw.documents), which makes re-running idempotent."""
from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from pipeline.core.config import Settings
from pipeline.warehouse.connection import connect, table_columns, utcnow
from pipeline.warehouse.schema import apply_schema

# Airflow runs hold the run lock per task, not per run: a 'running' Airflow run older than this
# is taken as interrupted when a new run starts.
STALE_AIRFLOW_RUN = timedelta(hours=6)


def known_source_paths(con, paths: list[str] | None = None) -> dict[str, str]:
    """source path -> sha256 of the content last recorded for it (ingested or quarantined);
    only for `paths` when given (the landing folder's files: the ledger is not read whole)."""
    where = "" if paths is None else "AND source_path IN (SELECT unnest(?))"
    rows = con.execute(
        f"""
        SELECT source_path, arg_max(file_sha256, seen_at)
        FROM raw.source_files WHERE file_sha256 IS NOT NULL {where} GROUP BY source_path
        """,
        [] if paths is None else [list(paths)],
    ).fetchall()
    return {path: sha for path, sha in rows}


def known_doc_ids(con, doc_ids: list[str]) -> set[str]:
    if not doc_ids:
        return set()
    rows = con.execute("SELECT doc_id FROM raw.documents WHERE doc_id IN (SELECT unnest(?))", [doc_ids]).fetchall()
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
        [utcnow(), run_id, utcnow() - STALE_AIRFLOW_RUN],
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


def record_audit(con, run_id: str, results: list[dict]) -> None:
    con.execute("DELETE FROM ops.audit_results WHERE run_id = ?", [run_id])
    if results:  # one statement (executemany took ~5 ms per row)
        con.execute(
            """
            INSERT INTO ops.audit_results
            SELECT ?, unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::BOOLEAN[]),
                   unnest(?::BIGINT[]), unnest(?::VARCHAR[])
            """,
            [run_id, [r.get("suite") for r in results], [r.get("expectation") for r in results],
             [r.get("column_name") for r in results], [bool(r.get("success")) for r in results],
             [r.get("unexpected") for r in results],
             [(str(r.get("detail")) if r.get("detail") is not None else None) for r in results]],
        )


def record_nothing_new(settings: Settings, run_id: str, trigger: str, landing: Path | None, extractor_version: str,
                       **fields) -> None:

    with connect(settings.warehouse) as con:
        apply_schema(con)
        start_run(con, run_id, trigger, str(landing or settings.landing), extractor_version)
        finish_run(con, run_id, "nothing_new", n_files=0, n_documents=0, n_quarantined=0, **fields)


def fail_run(settings: Settings, run_id: str, error: str) -> None:
    """Mark a run failed (any stage crashed); published data is untouched."""

    with connect(settings.warehouse) as con:
        apply_schema(con)
        con.execute(
            "INSERT INTO ops.runs (run_id, started_at, status) VALUES (?, ?, 'failed') ON CONFLICT DO NOTHING",
            [run_id, utcnow()],
        )
        finish_run(con, run_id, "failed", error=error[:1000])


def summary(con) -> dict:
    """Counts users see after a run: the rows of curated.articles, event_mentions, events and
    quarantine, counted on the tables under them (a published mention always has its article, so
    curated.event_mentions' join drops nothing; joining 1.6 M mentions to count them took 0.2 s)."""
    one = lambda sql: con.execute(sql).fetchone()[0]  # noqa: E731
    return {
        "articles": one("SELECT count(*) FROM core.articles"),
        "mentions": one("SELECT count(*) FROM core.event_mentions"),
        "events": one("SELECT count(*) FROM core.events"),
        "quarantined": one("SELECT count(*) FROM raw.quarantine"),
        "runs": one("SELECT count(*) FROM ops.runs"),
    }
