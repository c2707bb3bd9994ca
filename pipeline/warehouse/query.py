"""What users read: read-only queries, the catalog with its comments, Parquet snapshots.

Readers should not hold the DuckDB file open while a run publishes (DuckDB allows one writing
process; a reader's connection blocks the writer and vice versa). Two safe ways to read:
`newsevents sql` opens the file read-only for the length of one query (and waits briefly when a
run holds it, up to NEWSEVENTS_LOCK_WAIT_SECONDS), and `newsevents export` writes the curated views as Parquet files (written to a
temp folder, then renamed into place) that any tool can read at any time.

`newsevents sql` is read-only for real: one statement, of a reading kind (DuckDB's own parser says
which: SELECT, WITH, SHOW, DESCRIBE, SUMMARIZE, PRAGMA that reads, EXPLAIN), on a connection that
cannot touch files, the network or extensions and cannot change those settings
(`enable_external_access=false`, `lock_configuration=true`, no extension autoload/autoinstall).
Results are written by this module, never by DuckDB's COPY.
"""
from __future__ import annotations

import csv
import json
import shutil
import sys
from pathlib import Path

from pipeline.warehouse.connection import READER_CONFIG, WarehouseBusy, connect, connect_reader

CURATED_VIEWS = ("events", "event_mentions", "articles", "daily_dyads", "actor_timeline", "quarantine", "runs")
READ_STATEMENTS = ("SELECT", "EXPLAIN")  # DuckDB parses WITH/SHOW/DESCRIBE/SUMMARIZE/PRAGMA-read as SELECT
STAGED_AS = {  # staging.* tables are created as empty copies of these: their comments apply
    "source_files": "raw.source_files", "documents": "raw.documents", "quarantine": "raw.quarantine",
    "articles": "core.articles", "removed_blocks": "core.removed_blocks", "sentences": "core.sentences",
    "event_mentions": "core.event_mentions",
}
NULL_TEXT = "NULL"  # how the table format prints SQL NULL ('' stays empty)


class QueryRefused(ValueError):
    """The statement is not one read-only statement."""


class WarehouseMissing(FileNotFoundError):
    """No warehouse file yet."""


def check_read_only(query: str) -> None:
    """Refuse anything but exactly one reading statement, as DuckDB's parser types it."""
    import duckdb

    with duckdb.connect(":memory:", config=dict(READER_CONFIG)) as parser:
        statements = parser.extract_statements(query)
    if len(statements) != 1:
        raise QueryRefused(f"one statement at a time ({len(statements)} given)")
    kind = statements[0].type.name
    if kind not in READ_STATEMENTS:
        words = statements[0].query.split()
        keyword = words[0].upper() if words and words[0].isalpha() else kind
        raise QueryRefused(
            f"{keyword} statements are not allowed: `newsevents sql` is read-only "
            "(SELECT, WITH, SHOW, DESCRIBE, SUMMARIZE, EXPLAIN and reading PRAGMAs only)")


def open_reader(warehouse: Path, wait_seconds: float | None = None):
    """A locked-down read-only connection; while a run holds the file it retries for wait_seconds
    (default NEWSEVENTS_LOCK_WAIT_SECONDS), then raises WarehouseBusy."""
    warehouse = Path(warehouse)
    if not warehouse.exists():
        raise WarehouseMissing(f"no warehouse at {warehouse}: run `newsevents run` first")
    try:
        return connect_reader(warehouse, wait_seconds)
    except WarehouseBusy as exc:
        raise WarehouseBusy(f"the warehouse is being written by a run: {exc}; try again when it finishes, "
                            "or read the Parquet snapshot of `newsevents export`") from None


def fetch(warehouse: Path, query: str, params: list | None = None, wait_seconds: float | None = None):
    """(columns, rows) of one checked read-only statement."""
    check_read_only(query)
    con = open_reader(warehouse, wait_seconds)
    try:
        cursor = con.execute(query, params or [])
        columns = [d[0] for d in cursor.description or []]
        return columns, cursor.fetchall()
    finally:
        con.close()


def run_query(warehouse: Path, query: str, fmt: str = "table", output: str | None = None,
              max_width: int = 60, wait_seconds: float | None = None) -> int:
    """Print or write the result of one read-only query. Raises QueryRefused, WarehouseMissing,
    WarehouseBusy, duckdb.Error (the query's own mistakes) and ValueError (bad options)."""
    if output and _is_warehouse_file(Path(output), Path(warehouse)):
        raise QueryRefused(f"--output {output} is the warehouse itself")
    if fmt == "parquet" and not output:
        raise ValueError("--format parquet needs --output FILE")
    if fmt == "parquet":
        check_read_only(query)
        con = open_reader(warehouse, wait_seconds)
        try:
            table = con.execute(query).fetch_arrow_table()
        finally:
            con.close()
        import pyarrow.parquet as pq

        pq.write_table(table, output)
        return 0
    columns, rows = fetch(warehouse, query, wait_seconds=wait_seconds)
    out = open(output, "w", newline="", encoding="utf-8") if output else sys.stdout
    try:
        if fmt == "csv":
            writer = csv.writer(out)
            writer.writerow(columns)
            writer.writerows(rows)
        elif fmt == "json":
            for row in rows:
                out.write(json.dumps(dict(zip(columns, row)), ensure_ascii=False, default=str) + "\n")
        else:
            out.write(format_table(columns, rows, max_width) + "\n")
    finally:
        if output:
            out.close()
    return 0


def _is_warehouse_file(output: Path, warehouse: Path) -> bool:
    target = output.resolve()
    base = warehouse.resolve()
    return target in {base, base.with_name(base.name + ".wal"), base.with_name(base.name + ".lock")}


def format_table(columns: list[str], rows: list[tuple], max_width: int = 60) -> str:
    """A plain-text table; NULL prints as NULL, '' as nothing; max_width <= 0: no cut."""

    def cell(value) -> str:
        text = NULL_TEXT if value is None else str(value)
        text = text.replace("\n", " ")
        return text if max_width <= 0 or len(text) <= max_width else text[: max_width - 1] + "…"

    cells = [[cell(v) for v in row] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    line = lambda values: " | ".join(v.ljust(w) for v, w in zip(values, widths)).rstrip()  # noqa: E731
    parts = [line(columns), "-+-".join("-" * w for w in widths)] + [line(r) for r in cells]
    parts.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(parts)


# ---------------------------------------------------------------- the catalog and its comments
def catalog(con) -> list[dict]:
    """Every user table and view: schema, name, kind, rows-free comment (staging.* borrow theirs)."""
    rows = con.execute(
        """
        SELECT schema_name, table_name, 'table' AS kind, comment FROM duckdb_tables() WHERE NOT internal
        UNION ALL
        SELECT schema_name, view_name, 'view', comment FROM duckdb_views() WHERE NOT internal AND NOT temporary
        ORDER BY 1, 2
        """
    ).fetchall()
    comments = {f"{s}.{n}": c for s, n, _k, c in rows}
    out = []
    for schema, name, kind, comment in rows:
        if not comment and schema == "staging" and name in STAGED_AS:
            comment = f"The batch being audited, before it is published into {STAGED_AS[name]}: " + (
                comments.get(STAGED_AS[name]) or "")
        out.append({"schema": schema, "name": name, "kind": kind, "comment": comment or ""})
    return out


def column_comments(con, qualified: str) -> list[dict]:
    """Columns of a table or view with type, nullability and comment (staging.* borrow theirs)."""
    schema, _, name = qualified.rpartition(".")
    schema = schema or "curated"
    rows = con.execute(
        """
        SELECT column_name, data_type, is_nullable, comment FROM duckdb_columns()
        WHERE schema_name = ? AND table_name = ? ORDER BY column_index
        """,
        [schema, name],
    ).fetchall()
    if not rows:
        raise LookupError(f"no table or view {schema}.{name} (see `newsevents tables`)")
    borrowed = {}
    if schema == "staging" and name in STAGED_AS:
        published_schema, published = STAGED_AS[name].split(".")
        borrowed = dict(con.execute(
            "SELECT column_name, comment FROM duckdb_columns() WHERE schema_name = ? AND table_name = ?",
            [published_schema, published]).fetchall())
    return [{"column": c, "type": t, "nullable": bool(n), "comment": comment or borrowed.get(c) or ""}
            for c, t, n, comment in rows]


def object_comment(con, qualified: str) -> str:
    schema, _, name = qualified.rpartition(".")
    for entry in catalog(con):
        if entry["schema"] == (schema or "curated") and entry["name"] == name:
            return entry["comment"]
    return ""


# ---------------------------------------------------------------- Parquet snapshots
def export_curated(warehouse: Path, out_dir: Path) -> list[Path]:
    """Write every curated view as Parquet into out_dir, replacing the previous export atomically.

    The comments travel with the data: the view's and each column's COMMENT as Parquet key-value
    metadata (`newsevents.comment`, `newsevents.column_comments` as JSON; the column's also as
    its Arrow field metadata `comment`), and all of them in `data_dictionary.json` beside the files.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    out_dir = Path(out_dir)
    tmp = out_dir.with_name(out_dir.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    dictionary = {}
    with connect(warehouse, read_only=True) as con:
        for view in CURATED_VIEWS:
            table = con.execute(f"SELECT * FROM curated.{view}").fetch_arrow_table()
            comment = object_comment(con, f"curated.{view}")
            columns = {c["column"]: c["comment"] for c in column_comments(con, f"curated.{view}")}
            fields = [f.with_metadata({"comment": columns.get(f.name, "")}) for f in table.schema]
            schema = pa.schema(fields, metadata={
                "newsevents.comment": comment,
                "newsevents.column_comments": json.dumps(columns, ensure_ascii=False),
            })
            pq.write_table(table.cast(schema), tmp / f"{view}.parquet")
            dictionary[view] = {"comment": comment, "columns": columns}
    (tmp / "data_dictionary.json").write_text(json.dumps(dictionary, indent=1, ensure_ascii=False), encoding="utf-8")
    old = out_dir.with_name(out_dir.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if out_dir.exists():
        out_dir.rename(old)
    tmp.rename(out_dir)
    shutil.rmtree(old, ignore_errors=True)
    return sorted(out_dir.glob("*.parquet"))  # and data_dictionary.json beside them
