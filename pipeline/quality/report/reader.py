"""Where a run report's numbers come from: read-only queries over the published tables, the staged
batch or the batch's Parquet files, and the audit outcome."""
from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from pipeline.core.config import Settings

BATCH_NAMES = ("source_files", "documents", "quarantine", "articles", "removed_blocks", "event_mentions")


PUBLISHED = {
    "source_files": "raw.source_files",
    "documents": "raw.documents",
    "quarantine": "raw.quarantine",
    "articles": "core.articles",
    "removed_blocks": "core.removed_blocks",
    "event_mentions": "core.event_mentions",
}


# ----------------------------------------------------------------------------- data access
class Reader:
    """Read-only queries that never raise: failures become notes shown in the report."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.notes: list[str] = []
        self.con = None
        self.warehouse_ok = False
        self._open()

    def _open(self) -> None:
        import duckdb

        path = Path(self.settings.warehouse)
        if path.exists():
            for read_only in (True, False):  # read-write only if this process already holds a write connection
                try:
                    self.con = duckdb.connect(str(path), read_only=read_only)
                    self.warehouse_ok = True
                    break
                except Exception as exc:  # noqa: BLE001 - locked by another process, config clash, ...
                    last = exc
            else:
                self.notes.append(f"The warehouse {path} could not be opened ({type(last).__name__}: {last}); "
                                  "figures come from the run's batch folder only.")
        else:
            self.notes.append(f"No warehouse at {path} yet; figures come from the run's batch folder only.")
        if self.con is None:
            self.con = duckdb.connect(":memory:")

    def close(self) -> None:
        try:
            self.con.close()
        except Exception:  # noqa: BLE001
            pass

    def has(self, qualified: str) -> bool:
        if not self.warehouse_ok:
            return False
        schema, table = qualified.split(".")
        try:
            return bool(self.con.execute(
                "SELECT (SELECT count(*) FROM duckdb_tables() WHERE schema_name = ? AND table_name = ?)"
                " + (SELECT count(*) FROM duckdb_views() WHERE schema_name = ? AND view_name = ?)",
                [schema, table, schema, table],
            ).fetchone()[0])
        except Exception:  # noqa: BLE001
            return False

    def rows(self, sql: str, params: list | None = None, what: str = "") -> list[dict]:
        try:
            cur = self.con.execute(sql, params or [])
            names = [d[0] for d in cur.description]
            return [dict(zip(names, r)) for r in cur.fetchall()]
        except Exception as exc:  # noqa: BLE001
            self.notes.append(f"Could not read {what or 'data'}: {type(exc).__name__}: {str(exc)[:300]}")
            return []

    def scalar(self, sql: str, params: list | None = None, what: str = ""):
        got = self.rows(sql, params, what)
        return next(iter(got[0].values())) if got else None


@dataclass
class Batch:
    """Where one logical batch table is read from, as a SQL relation + its label."""

    relation: str | None
    label: str
    params: list = field(default_factory=list)  # parameters of the relation's WHERE


def parquet_files(folder: Path, name: str) -> list[Path]:
    if name == "quarantine":
        return sorted(folder.glob("quarantine*.parquet"))
    path = folder / f"{name}.parquet"
    return [path] if path.exists() else []


def parquet_relation(files: list[Path]) -> str:
    listing = ", ".join("'" + str(p).replace("'", "''") + "'" for p in files)
    return f"read_parquet([{listing}], union_by_name = true)"


def count_rows(reader: Reader, relation: str, params: list) -> int:
    return int(reader.scalar(f"SELECT count(*) FROM {relation}", params, relation) or 0)


def resolve_batches(reader: Reader, settings: Settings, run_id: str, status: str | None) -> tuple[dict, str]:
    """Choose, per logical table, the relation holding this run's rows; return (batches, origin)."""
    folder = Path(settings.work_dir) / run_id
    published = status == "published"
    order = ["warehouse"] if published else (["staging", "batch"] if status else ["warehouse", "staging", "batch"])
    batches: dict[str, Batch] = {}
    origins = set()
    for name in BATCH_NAMES:
        chosen = None
        for kind in order:
            if kind == "warehouse" and reader.has(PUBLISHED[name]):
                cand = Batch(f"(SELECT * FROM {PUBLISHED[name]} WHERE run_id = ?)", PUBLISHED[name], [run_id])
            elif kind == "staging" and reader.has(f"staging.{name}"):
                cand = Batch(f"(SELECT * FROM staging.{name} WHERE run_id = ?)", f"staging.{name}", [run_id])
            elif kind == "batch" and parquet_files(folder, name):
                files = parquet_files(folder, name)
                cand = Batch(f"(SELECT * FROM {parquet_relation(files)})",
                              f"{folder.name}/{files[0].name}" + (" …" if len(files) > 1 else ""))
            else:
                continue
            if chosen is None:
                chosen = cand
            if count_rows(reader, cand.relation, cand.params):
                chosen = cand
                break
        batches[name] = chosen or Batch(None, "none")
        if chosen is not None:
            origins.add(chosen.label.split(".")[0] if "." in chosen.label and "/" not in chosen.label else "batch")
    return batches, ",".join(sorted(origins))


def batch_rows(reader: Reader, batch: Batch, select: str, tail: str = "", params: list | None = None,
                what: str = "") -> list[dict]:
    if batch.relation is None:
        return []
    return reader.rows(f"SELECT {select} FROM {batch.relation} AS t {tail}", batch.params + (params or []), what)


# ----------------------------------------------------------------------------- audit
def load_audit(settings: Settings, run_id: str, reader: Reader) -> dict:
    path = Path(settings.work_dir) / run_id / "audit.json"
    audit: dict = {"source": None, "results": [], "success": None, "data_docs_index": None, "run_page": None,
                   "pages": {}}
    if path.exists():
        try:
            loaded = json.loads(path.read_text(encoding="utf-8"))
            audit.update({k: loaded.get(k, audit.get(k)) for k in ("results", "success", "data_docs_index",
                                                                    "run_page", "pages")})
            audit["results"] = list(audit.get("results") or [])
            audit["pages"] = dict(audit.get("pages") or {})
            audit["source"] = "audit.json"
        except Exception as exc:  # noqa: BLE001
            reader.notes.append(f"audit.json could not be read: {type(exc).__name__}: {exc}")
    if audit["source"] is None and reader.has("ops.audit_results"):
        rows = reader.rows(
            "SELECT suite, expectation, column_name, success, unexpected, detail FROM ops.audit_results "
            "WHERE run_id = ? ORDER BY suite, expectation, column_name", [run_id], "ops.audit_results")
        if rows:
            audit["results"] = rows
            audit["success"] = None  # severity is not stored there; ops.runs.audit_success tells
            audit["source"] = "ops.audit_results"
    return audit


def suite_pages(settings: Settings, run_id: str, suites: list[str], audit: dict) -> dict[str, Path]:
    """suite -> the GX Data Docs validation page of this run (latest one if validated twice)."""
    import glob

    pages: dict[str, Path] = {}
    root = Path(settings.data_docs_dir)
    for suite in suites:
        given = (audit.get("pages") or {}).get(suite)
        if given:
            pages[suite] = Path(given)
            continue
        pattern = os.path.join(glob.escape(str(root / "validations" / suite / run_id)), "*", "*.html")
        found = sorted(glob.glob(pattern))
        if found:
            pages[suite] = Path(found[-1])
    return pages


# ----------------------------------------------------------------------------- the run report
def run_row(reader: Reader, run_id: str) -> dict | None:
    if not reader.has("ops.runs"):
        return None
    got = reader.rows("SELECT * FROM ops.runs WHERE run_id = ?", [run_id], "ops.runs")
    return got[0] if got else None


# ----------------------------------------------------------------------------- when a run started
# ops.runs.started_at is written when the batch is staged (after ingest, clean and extract), so
# durations are taken from the earliest sign of the run: the time in its id (the CLI's
# `20261206T191702_cli_…`, Airflow's `manual__2026-12-06T19:17:02…`) or the first file of its batch
# folder. An id time more than MAX_QUEUE before the staging is a run that waited in a queue (a
# paused DAG): not counted.
MAX_QUEUE = timedelta(hours=1)
_CLI_ID = re.compile(r"^(\d{8}T\d{6})_")
_AIRFLOW_ID = re.compile(r"^[a-z_]+?__(\d{4}-\d{2}-\d{2})T(\d{2})[_:](\d{2})[_:](\d{2})")


def id_time(run_id: str) -> datetime | None:
    """The UTC start time written in a run id, if it has one."""
    try:
        if m := _CLI_ID.match(run_id):
            return datetime.strptime(m.group(1), "%Y%m%dT%H%M%S")
        if m := _AIRFLOW_ID.match(run_id):
            return datetime.strptime(f"{m.group(1)} {m.group(2)}:{m.group(3)}:{m.group(4)}", "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None
    return None


def batch_time(settings: Settings, run_id: str) -> datetime | None:
    """When the run's batch folder got its first file (UTC), if it is still there."""
    folder = Path(settings.work_dir) / run_id
    try:
        times = [p.stat().st_mtime for p in folder.iterdir() if p.is_file()]
    except OSError:
        return None
    return datetime.fromtimestamp(min(times), timezone.utc).replace(tzinfo=None, microsecond=0) if times else None


def run_started(settings: Settings, run_id: str, staged_at: datetime | None) -> tuple[datetime | None, str]:
    """(start of the run, where it was read from) — see MAX_QUEUE above."""
    found = [(t, why) for t, why in ((id_time(run_id), "the run id"), (batch_time(settings, run_id), "the batch folder"))
             if t is not None]
    if not isinstance(staged_at, datetime):
        return (min(found)[0], min(found)[1]) if found else (None, "")
    earlier = [(t, why) for t, why in found if staged_at - MAX_QUEUE <= t < staged_at]
    return min(earlier) if earlier else (staged_at, "ops.runs.started_at")
