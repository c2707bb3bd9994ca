"""DuckDB connections and catalog lookups shared by the warehouse modules."""
from __future__ import annotations

import time
from datetime import datetime, timezone
from pathlib import Path

from pipeline.core.config import process_settings


class WarehouseBusy(RuntimeError):
    """Another process holds the warehouse file (DuckDB allows one writer, or readers only)."""


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def connect(path: Path, read_only: bool = False, wait_seconds: float | None = None, config: dict | None = None):
    """A DuckDB connection; while another process holds the file (a reader polling during a run, a
    writer), retry with backoff for `wait_seconds` (NEWSEVENTS_LOCK_WAIT_SECONDS), then raise
    WarehouseBusy with a clear message. A `*.ducklake` pointer opens the shared DuckLake instead
    (pipeline.warehouse.backend, selected by NEWSEVENTS_WAREHOUSE=ducklake:...)."""
    import duckdb

    path = Path(path)
    if path.suffix == ".ducklake":
        from pipeline.warehouse.backend import connect_lake

        return connect_lake(path, read_only=read_only)
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    wait = process_settings().lock_wait_seconds if wait_seconds is None else wait_seconds
    deadline, delay = time.monotonic() + wait, 0.05
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only, config=dict(config or {}))
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower():
                raise
            if time.monotonic() >= deadline:
                raise WarehouseBusy(
                    f"{path} is held by another process ({str(exc).split(': ', 1)[-1].split(' See also')[0]}); "
                    f"gave up after {wait:g} s (NEWSEVENTS_LOCK_WAIT_SECONDS)") from None
            time.sleep(delay)
            delay = min(delay * 2, 1.0)


def table_columns(con, qualified: str) -> list[str]:
    schema, table = qualified.split(".")
    rows = con.execute(
        "SELECT column_name FROM duckdb_columns() WHERE database_name = current_database() AND schema_name = ? "
        "AND table_name = ? ORDER BY column_index",
        [schema, table],
    ).fetchall()
    return [r[0] for r in rows]


def has_table(con, schema: str, table: str) -> bool:
    return bool(con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = ? "
        "AND table_name = ?", [schema, table]
    ).fetchone()[0])


# A reader that can only read: no files other than the warehouse, no network, no extensions,
# and none of this can be switched back on from SQL (used by `newsevents sql`).
READER_CONFIG = {
    "enable_external_access": False,
    "autoload_known_extensions": False,
    "autoinstall_known_extensions": False,
    "allow_community_extensions": False,
    "lock_configuration": True,
}


def connect_reader(path: Path, wait_seconds: float | None = None):
    """The locked-down read-only connection, with connect()'s wait while a writer holds the file."""
    return connect(path, read_only=True, wait_seconds=wait_seconds, config=READER_CONFIG)
