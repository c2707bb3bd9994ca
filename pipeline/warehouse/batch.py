"""A run's batch on disk: one folder of Parquet files per run, staged into staging.* with the
published tables' types."""
from __future__ import annotations

from pathlib import Path

from pipeline.core.config import Settings
from pipeline.warehouse.schema import BATCH_TABLES, apply_schema


def batch_dir(settings: Settings, run_id: str) -> Path:
    path = settings.work_dir / run_id
    path.mkdir(parents=True, exist_ok=True)
    return path


# ---------------------------------------------------------------- Parquet helpers
def write_rows(rows: list[dict], path: Path) -> int:
    """Write rows as Parquet (atomically: temp file + rename); no file for no rows."""
    if not rows:
        path.unlink(missing_ok=True)
        return 0
    import pyarrow as pa
    import pyarrow.parquet as pq

    tmp = path.with_suffix(".parquet.tmp")
    pq.write_table(pa.Table.from_pylist(rows), tmp)
    tmp.replace(path)
    return len(rows)


def read_rows(path: Path) -> list[dict]:
    if not path.exists():
        return []
    import pyarrow.parquet as pq

    return pq.read_table(path).to_pylist()


def _copy_comments(con, source: str, target: str) -> None:
    """The published table's COMMENTs on its staging copy (COMMENT ON takes literals only)."""
    schema, table = source.split(".")
    quote = lambda text: text.replace("'", "''")  # noqa: E731
    comment = con.execute("SELECT comment FROM duckdb_tables() WHERE schema_name = ? AND table_name = ?",
                          [schema, table]).fetchone()
    con.execute(f"COMMENT ON TABLE {target} IS '{quote(f'Batch under audit, bound for {source}: ' + (comment[0] or ''))}'")
    for column, text in con.execute(
        "SELECT column_name, comment FROM duckdb_columns() WHERE schema_name = ? AND table_name = ? AND comment IS NOT NULL",
        [schema, table],
    ).fetchall():
        con.execute(f'COMMENT ON COLUMN {target}."{column}" IS \'{quote(text)}\'')


def stage_batch(con, batch_dir: Path) -> dict[str, int]:
    """Replace staging.* with the batch's Parquet files (typed like the published tables)."""
    counts = {}
    for name, target in BATCH_TABLES.items():
        con.execute(f"CREATE OR REPLACE TABLE staging.{name} AS SELECT * FROM {target} LIMIT 0")
        _copy_comments(con, target, f"staging.{name}")
        # a table may come in parts, one per stage (quarantine.ingest.parquet, quarantine.clean.parquet, ...)
        parts = sorted(str(p) for p in Path(batch_dir).glob(f"{name}*.parquet") if p.stem.split(".")[0] == name)
        if parts:
            con.execute(f"INSERT INTO staging.{name} BY NAME SELECT * FROM read_parquet(?, union_by_name = true)", [parts])
        counts[name] = con.execute(f"SELECT count(*) FROM staging.{name}").fetchone()[0]
    return counts


def batch_frames(settings: Settings, run_id: str) -> dict:
    """The batch as pandas frames, typed like the warehouse tables.

    Built from the batch's own Parquet files in an in-memory DuckDB with the warehouse schema,
    so the audit validates exactly this run's batch even if another run re-stages the shared
    `staging.*` tables meanwhile (Airflow tasks take the warehouse lock one at a time).
    """
    import duckdb


    with duckdb.connect() as con:
        apply_schema(con)
        stage_batch(con, batch_dir(settings, run_id))
        return {name: con.execute(f"SELECT * FROM staging.{name}").fetch_df() for name in BATCH_TABLES}


def release_batch_files(batch: Path) -> int:
    """After a publish: the batch's Parquet files are in the warehouse now (raw text in
    raw.documents), so they are removed; audit.json and skipped.json stay as the run's record."""
    removed = 0
    for path in Path(batch).glob("*.parquet"):
        path.unlink(missing_ok=True)
        removed += 1
    return removed
