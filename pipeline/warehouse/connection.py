"""DuckDB connections and catalog lookups shared by the warehouse modules."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def connect(path: Path, read_only: bool = False):
    """The embedded DuckDB file, or for a `*.ducklake` pointer the shared DuckLake
    (pipeline.warehouse.backend, selected by NEWSEVENTS_WAREHOUSE=ducklake:...)."""
    import duckdb

    path = Path(path)
    if path.suffix == ".ducklake":
        from pipeline.warehouse.backend import connect_lake

        return connect_lake(path, read_only=read_only)
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    return duckdb.connect(str(path), read_only=read_only)


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
