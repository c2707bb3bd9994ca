"""DuckDB connections and catalog lookups shared by the warehouse modules."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def connect(path: Path, read_only: bool = False):
    import duckdb

    path = Path(path)
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    return duckdb.connect(str(path), read_only=read_only)


def table_columns(con, qualified: str) -> list[str]:
    schema, table = qualified.split(".")
    rows = con.execute(
        "SELECT column_name FROM duckdb_columns() WHERE schema_name = ? AND table_name = ? ORDER BY column_index",
        [schema, table],
    ).fetchall()
    return [r[0] for r in rows]


def has_table(con, schema: str, table: str) -> bool:
    return bool(con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE schema_name = ? AND table_name = ?", [schema, table]
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


def connect_reader(path: Path):
    import duckdb

    return duckdb.connect(str(path), read_only=True, config=dict(READER_CONFIG))
