"""Move a warehouse written by another DuckDB version (e.g. 2.0, whose files the 1.5.x CLI and
clients cannot open) to the pinned one: export, then rebuild.

1. **Export** with a DuckDB that can read the old file: `EXPORT DATABASE 'DIR' (FORMAT parquet)`.
   `export_with(python, ...)` runs that statement in another interpreter (e.g. a temporary venv
   with `pip install duckdb==2.0.0`); or run it yourself in the old DuckDB CLI.
2. **Rebuild** with this project's DuckDB: `rebuild_from_export(DIR, warehouse)` creates a new
   file with the current DDL (`warehouse/schema`, `warehouse/curated`), loads every exported table
   by column name from its Parquet file, checks the row counts, keeps the old file as
   `<name>.pre-migration` and renames the new one into place.
"""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

from pipeline.warehouse.connection import connect, has_table
from pipeline.warehouse.schema import apply_schema

_COPY_RE = re.compile(r"COPY\s+(?:\"?(\w+)\"?\.)?\"?(\w+)\"?\s+FROM\s+'((?:[^']|'')+)'", re.I)

EXPORT_SCRIPT = (
    "import sys, duckdb\n"
    "con = duckdb.connect(sys.argv[1], read_only=True)\n"
    "con.execute(\"EXPORT DATABASE '\" + sys.argv[2].replace(\"'\", \"''\") + \"' (FORMAT parquet)\")\n"
    "print(duckdb.__version__)\n"
)


class MigrationError(RuntimeError):
    """The export or the rebuild did not complete; the old warehouse is unchanged."""


def export_with(python: str, warehouse: Path, export_dir: Path) -> str:
    """EXPORT DATABASE the old file to Parquet with another interpreter's duckdb; its version."""
    export_dir = Path(export_dir)
    if export_dir.exists() and any(export_dir.iterdir()):
        raise MigrationError(f"{export_dir} is not empty: choose a new folder for the export")
    out = subprocess.run([python, "-c", EXPORT_SCRIPT, str(warehouse), str(export_dir)],
                         capture_output=True, text=True)
    if out.returncode != 0:
        last = (out.stderr.strip().splitlines() or ["no output"])[-1]
        raise MigrationError(f"the export with {python} failed: {last}")
    return out.stdout.strip()


def exported_tables(export_dir: Path) -> list[tuple[str, str, Path]]:
    """(schema, table, parquet file) of each table in an EXPORT DATABASE folder, from its load.sql."""
    export_dir = Path(export_dir)
    load = export_dir / "load.sql"
    if not load.exists():
        raise MigrationError(f"{export_dir} has no load.sql: not an EXPORT DATABASE folder")
    tables = []
    for schema, table, file in _COPY_RE.findall(load.read_text(encoding="utf-8")):
        path = Path(file.replace("''", "'"))
        if not path.is_absolute() and not path.exists():
            path = export_dir / path.name
        tables.append((schema or "main", table, path))
    return tables


def rebuild_from_export(export_dir: Path, warehouse: Path) -> dict[str, int]:
    """A new warehouse file from an export folder, swapped in for `warehouse`; rows per table."""
    warehouse = Path(warehouse)
    new = warehouse.with_name(warehouse.name + ".rebuild")
    for leftover in (new, new.with_name(new.name + ".wal")):
        leftover.unlink(missing_ok=True)
    tables = exported_tables(export_dir)
    counts: dict[str, int] = {}
    with connect(new) as con:
        apply_schema(con)
        con.execute("BEGIN TRANSACTION")
        for schema, table, path in tables:
            name = f"{schema}.{table}"
            source = f"read_parquet('{str(path).replace(chr(39), chr(39) * 2)}')"
            if has_table(con, schema, table):
                con.execute(f"INSERT INTO {name} BY NAME SELECT * FROM {source}")
            else:  # e.g. staging.* (created by each run) or a table this version no longer declares
                con.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
                con.execute(f"CREATE TABLE {name} AS SELECT * FROM {source}")
            expected = con.execute(f"SELECT count(*) FROM {source}").fetchone()[0]
            counts[name] = con.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
            if counts[name] != expected:
                con.execute("ROLLBACK")
                raise MigrationError(f"{name}: {counts[name]} rows loaded, {expected} exported")
        con.execute("COMMIT")
        con.execute("CHECKPOINT")
    if warehouse.exists():
        warehouse.rename(warehouse.with_name(warehouse.name + ".pre-migration"))
        wal = warehouse.with_name(warehouse.name + ".wal")
        if wal.exists():
            wal.rename(wal.with_name(warehouse.name + ".pre-migration.wal"))
    new.rename(warehouse)
    return counts


def readable_here(warehouse: Path) -> str | None:
    """None when this DuckDB opens the file; else its one-line reason (e.g. a newer storage version)."""
    import duckdb

    try:
        duckdb.connect(str(warehouse), read_only=True).close()
        return None
    except duckdb.Error as exc:
        return str(exc).splitlines()[0]
