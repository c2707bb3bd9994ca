"""The shared warehouse backend: DuckLake, with its catalog in PostgreSQL and its data files on a
shared filesystem (or S3), for many workers and readers on many hosts.

Selected by configuration (pipeline.core.config): `NEWSEVENTS_WAREHOUSE=ducklake:postgres:<libpq
conninfo>` with `NEWSEVENTS_LAKE_DATA=<folder or s3://bucket/prefix/>`. The settings then point the
warehouse at a small local *pointer file* (`*.ducklake`, JSON: catalog, data path, S3 endpoint)
and `pipeline.warehouse.connection.connect` opens it here: an in-memory DuckDB that attaches the
lake and `USE`s it, so every stage, query and report runs its usual SQL on the same schemas,
comments and curated views. Writers commit DuckLake snapshots; readers attach read-only and read
the last committed snapshot, so no lock stands in their way while a run publishes.

DuckLake has no PRIMARY KEY/UNIQUE constraints, on which the embedded file's idempotency rests
(`INSERT OR IGNORE`, `ON CONFLICT`), nor comments on the columns of views. `LakeConnection` rewrites those few statements into
what they mean — an anti-join on the DDL's key columns, a MERGE — and drops the key clauses from
the DDL (the NOT NULLs stay), and the curated views keep their own comment but not their columns' (the
columns of the core tables under them keep theirs). The single writer (the run lock, and across hosts
`catalog_lock`, a PostgreSQL advisory lock) makes the anti-join as safe as the constraint.

The extensions come from the `duckdb-extension-*` wheels (the `scale` extra), copied into a
project-local extension directory; DuckDB never downloads anything (autoinstall is off).
"""
from __future__ import annotations

import json
import re
import shutil
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from pipeline.core.config import REPO_ROOT, lake_extension_dir

EXTENSIONS = ("ducklake", "postgres_scanner", "httpfs")
LAKE = "lake"  # the catalog name the lake is attached as
LOCK_KEY = 0x6E657773  # "news": the advisory lock every writer of a lake takes


# ---------------------------------------------------------------- extensions
def _wheel_binary(name: str) -> Path | None:
    """The extension binary shipped by the `duckdb-extension-<name>` wheel, if installed."""
    import importlib.util

    module = "duckdb_extension_" + name.replace("-", "_")
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        found = sorted(Path(folder).rglob("*.duckdb_extension"))
        if found:
            return found[0]
    return None


def install_extensions(target: Path | None = None) -> Path:
    """Copy the wheels' extension binaries into the project-local extension directory, laid out as
    DuckDB expects (`<dir>/v<version>/<platform>/<name>.duckdb_extension`); idempotent."""
    import duckdb

    target = Path(target or lake_extension_dir())
    with duckdb.connect() as con:
        platform = con.execute("PRAGMA platform").fetchone()[0]
    folder = target / f"v{duckdb.__version__}" / platform
    folder.mkdir(parents=True, exist_ok=True)
    for name in EXTENSIONS:
        dest = folder / f"{name}.duckdb_extension"
        if dest.exists():
            continue
        binary = _wheel_binary(name)
        if binary is None:
            raise RuntimeError(
                f"the DuckDB extension {name!r} is not installed: `pip install -c constraints.txt -e '.[scale]'` "
                f"(wheels duckdb-extension-{name.replace('_', '-')} matching duckdb {duckdb.__version__})")
        shutil.copyfile(binary, dest)
    return target


# ---------------------------------------------------------------- pointer files
def read_pointer(path: Path) -> dict:
    return json.loads(Path(path).read_text())


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def connect_lake(pointer: Path, read_only: bool = False) -> "LakeConnection":
    """An in-memory DuckDB with the lake attached and selected (`USE lake`)."""
    import duckdb

    spec = read_pointer(pointer)
    ext_dir = install_extensions()
    con = duckdb.connect(config={"extension_directory": str(ext_dir), "autoinstall_known_extensions": False,
                                 "autoload_known_extensions": False})
    try:
        data_path = spec["data_path"]
        for name in EXTENSIONS if data_path.startswith("s3://") else ("ducklake", "postgres_scanner"):
            con.execute(f"LOAD {name}")  # ~0.5 s each: httpfs only for an S3 data path
        if data_path.startswith("s3://"):
            endpoint = spec.get("s3_endpoint") or ""
            con.execute(
                "CREATE SECRET lake_s3 (TYPE s3, PROVIDER credential_chain)" if not endpoint else
                f"CREATE SECRET lake_s3 (TYPE s3, KEY_ID 'lake', SECRET 'lake', REGION 'us-east-1', "
                f"ENDPOINT {_quote(re.sub(r'^https?://', '', endpoint))}, URL_STYLE 'path', "
                f"USE_SSL {'true' if endpoint.startswith('https') else 'false'})")
        else:
            Path(data_path).mkdir(parents=True, exist_ok=True)
        attach = f"ATTACH {_quote('ducklake:' + spec['catalog'])} AS {LAKE} (DATA_PATH {_quote(data_path)}"
        try:
            con.execute(attach + (", READ_ONLY)" if read_only else ")"))
        except duckdb.InvalidInputException as exc:
            if not (read_only and "does not exist" in str(exc)):
                raise
            con.execute(attach + ")")  # a reader first: create the empty lake (as the file is created on first use)
            con.execute(f"DETACH {LAKE}")
            con.execute(attach + ", READ_ONLY)")
        con.execute(f"USE {LAKE}")
    except Exception:
        con.close()
        raise
    return LakeConnection(con)


# ---------------------------------------------------------------- the SQL DuckLake lacks
def _ddl_keys() -> dict[str, list[str]]:
    """schema.table -> its PRIMARY KEY columns, from the DDL files."""
    keys: dict[str, list[str]] = {}
    for path in sorted((REPO_ROOT / "warehouse" / "schema").glob("*.sql")):
        for qualified, body in re.findall(r"CREATE TABLE IF NOT EXISTS\s+(\w+\.\w+)\s*\((.*?)\n\);",
                                          path.read_text(encoding="utf-8"), re.S | re.I):
            inline = re.findall(r"^\s*(\w+)\s+[^,\n]*\bPRIMARY KEY\b", body, re.M | re.I)
            clause = re.search(r"^\s*PRIMARY KEY\s*\(([^)]*)\)", body, re.M | re.I)
            cols = inline or ([c.strip() for c in clause.group(1).split(",")] if clause else [])
            if cols:
                keys[qualified.lower()] = [c.lower() for c in cols]
    return keys


_KEYS: dict[str, list[str]] = {}

_PK_CLAUSE = re.compile(r",\s*PRIMARY KEY\s*\([^)]*\)", re.I)
_PK_INLINE = re.compile(r"\s+PRIMARY KEY\b", re.I)
_VIEW_COLUMN_COMMENT = re.compile(r"COMMENT ON COLUMN\s+curated\.\w+\.\w+\s+IS\s+'(?:[^']|'')*'\s*;", re.I)
_INSERT_IGNORE = re.compile(r"^\s*INSERT OR IGNORE INTO\s+(\w+\.\w+)\s+BY NAME\s+(.*)$", re.S | re.I)
_UPSERT = re.compile(
    r"^\s*INSERT INTO\s+(\w+\.\w+)\s*\(([^)]*)\)\s*VALUES\s*\(([^)]*)\)\s*ON CONFLICT\s*(?:\(([^)]*)\))?\s*"
    r"DO\s+(NOTHING|UPDATE SET\s+(.*?))\s*;?\s*$", re.S | re.I)


def keys_of(table: str) -> list[str]:
    if not _KEYS:
        _KEYS.update(_ddl_keys())
    return _KEYS[table.lower()]


def rewrite(sql: str) -> str:
    """The statement DuckLake runs for `sql` (unchanged unless it relies on a key constraint)."""
    if re.search(r"\bCREATE TABLE\b", sql, re.I) and "PRIMARY KEY" in sql.upper():
        return _PK_INLINE.sub("", _PK_CLAUSE.sub("", sql))
    if re.search(r"\bCREATE (OR REPLACE )?VIEW\b", sql, re.I):  # DuckLake keeps comments on views, not on their columns
        return _VIEW_COLUMN_COMMENT.sub("", sql)
    match = _INSERT_IGNORE.match(sql)
    if match:
        table, select = match.groups()
        keys = keys_of(table)
        on = " AND ".join(f"_old.{k} = _new.{k}" for k in keys)
        return (f"INSERT INTO {table} BY NAME SELECT * FROM ({select}) AS _new "
                f"WHERE NOT EXISTS (SELECT 1 FROM {table} AS _old WHERE {on}) "
                f"QUALIFY row_number() OVER (PARTITION BY {', '.join('_new.' + k for k in keys)}) = 1")
    match = _UPSERT.match(sql)
    if match:
        table, cols, values, conflict, action, assignments = match.groups()
        cols = [c.strip() for c in cols.split(",")]
        values = [v.strip() for v in values.split(",")]
        keys = [k.strip() for k in conflict.split(",")] if conflict else keys_of(table)
        source = ", ".join(f"{v} AS {c}" for c, v in zip(cols, values))
        on = " AND ".join(f"_old.{k} = excluded.{k}" for k in keys)
        matched = "" if action.upper() == "NOTHING" else f"WHEN MATCHED THEN UPDATE SET {assignments} "
        return (f"MERGE INTO {table} AS _old USING (SELECT {source}) AS excluded ON {on} {matched}"
                f"WHEN NOT MATCHED THEN INSERT ({', '.join(cols)}) VALUES ({', '.join('excluded.' + c for c in cols)})")
    return sql


class LakeConnection:
    """A DuckDB connection to the lake that rewrites the key-constraint statements (see `rewrite`)."""

    def __init__(self, con):
        self._con = con

    def execute(self, sql: str, parameters=None):
        sql = rewrite(sql)
        return self._con.execute(sql) if parameters is None else self._con.execute(sql, parameters)

    def executemany(self, sql: str, parameters):
        return self._con.executemany(rewrite(sql), parameters)

    def sql(self, sql: str, *args, **kwargs):
        return self._con.sql(rewrite(sql), *args, **kwargs)

    def __getattr__(self, name):
        return getattr(self._con, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._con.close()
        return False


# ---------------------------------------------------------------- the writers' lock across hosts
@contextmanager
def catalog_lock(pointer: Path, wait_seconds: float = 0.0) -> Iterator[None]:
    """A PostgreSQL advisory lock in the lake's catalog database: one writer at a time across
    hosts (the flock of pipeline.run.lock only holds on one host). Released if the holder dies
    (its session ends)."""
    import psycopg2

    spec = read_pointer(pointer)
    conninfo = spec["catalog"].split(":", 1)[1] if spec["catalog"].startswith("postgres:") else spec["catalog"]
    con = psycopg2.connect(conninfo)
    con.autocommit = True
    try:
        deadline = time.monotonic() + wait_seconds
        with con.cursor() as cur:
            while True:
                cur.execute("SELECT pg_try_advisory_lock(%s)", [LOCK_KEY])
                if cur.fetchone()[0]:
                    break
                if time.monotonic() >= deadline:
                    raise TimeoutError(f"another writer holds the lake's catalog lock ({spec['catalog']})")
                time.sleep(0.5)
        yield
    finally:
        con.close()  # ends the session, which releases the lock


def is_lake(path: Path) -> bool:
    return Path(path).suffix == ".ducklake"


# ---------------------------------------------------------------- comparing two warehouses
def is_volatile(column: str) -> bool:
    """Columns that differ between two runs of the same data: run ids, clock times, report paths."""
    return column in ("run_id", "report_path", "data_docs_path") or column.endswith("_at")


def curated_digests(con) -> dict[str, tuple[int, str]]:
    """Every curated view -> (rows, md5 of its sorted rows without the volatile columns): equal
    digests mean the same published content, whatever the backend, run ids or clock."""
    views = [r[0] for r in con.execute(
        "SELECT view_name FROM duckdb_views() WHERE database_name = current_database() AND schema_name = 'curated' "
        "ORDER BY view_name").fetchall()]
    digests = {}
    for view in views:
        cols = [r[0] for r in con.execute(f"DESCRIBE curated.{view}").fetchall() if not is_volatile(r[0])]
        row = ", ".join(f'"{c}"' for c in cols)
        n, digest = con.execute(
            f"SELECT count(*), md5(coalesce(string_agg(t, chr(10) ORDER BY t), '')) "
            f"FROM (SELECT CAST(row({row}) AS VARCHAR) AS t FROM curated.{view})").fetchone()
        digests[view] = (n, digest)
    return digests
