"""What each Airflow task does, so the DAG files stay thin: settings (environment, then Airflow
Variables), the batch folder's name, the run lock around every step that writes the warehouse.

Airflow Variables named like the settings in lower case override the environment per deployment:
newsevents_landing, newsevents_warehouse, newsevents_work, newsevents_reports,
newsevents_languages, newsevents_max_batch_documents, newsevents_shards.

Under the CeleryExecutor the tasks of one run may run on different hosts: the batch folder
(`NEWSEVENTS_WORK`) must then be on a shared filesystem, and the warehouse a DuckLake
(pipeline.warehouse.backend), whose writers also take a PostgreSQL advisory lock (the flock only
holds on one host).
"""
from __future__ import annotations

import json
import logging
import os
import re
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from pipeline.core.config import Settings, load_settings
from pipeline.run.lock import warehouse_lock
from pipeline.run.stages import audit_stage, clean_stage, extract_stage, ingest_stage, publish_stage, stage_load

LOUD_LOGGERS = ("great_expectations", "urllib3", "filelock", "matplotlib")


def quiet_logs() -> None:
    """Task logs say what the task did: libraries' INFO chatter (GX logs ~200 "Skipping registering
    function" lines per audit) is dropped; warnings and errors still show."""
    for name in LOUD_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)


quiet_logs()  # every DAG task imports this module before it does anything

VARIABLES = ("landing", "warehouse", "work", "reports", "languages", "max_batch_documents", "shards")
LOCK_WAIT_SECONDS = 600  # a task waits this long for another run's write before failing (and retrying)


def airflow_settings() -> Settings:
    """Settings for a task: environment, then Airflow Variables when they are set."""
    try:
        from airflow.sdk import Variable

        for name in VARIABLES:
            value = Variable.get(f"newsevents_{name}", default=None)
            if value:
                os.environ[f"NEWSEVENTS_{name.upper()}"] = str(value)
    except Exception:  # no Airflow metadata (plain python): environment only
        pass
    return load_settings()


def batch_id(airflow_run_id: str) -> str:
    """A file-system-safe batch folder name from an Airflow run id."""
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", airflow_run_id)[:120]


@contextmanager
def writing(settings: Settings) -> Iterator[None]:
    """The run lock of every task that writes the warehouse: the flock, and for a DuckLake the
    catalog's advisory lock too (writers on other hosts)."""
    with warehouse_lock(settings, wait_seconds=LOCK_WAIT_SECONDS):
        if settings.warehouse.suffix != ".ducklake":
            yield
            return
        from pipeline.warehouse.backend import catalog_lock

        with catalog_lock(settings.warehouse, wait_seconds=LOCK_WAIT_SECONDS):
            yield


def ingest(batch: str) -> bool:
    """Read new files; False when nothing new arrived (the rest of the run is skipped)."""
    stats = ingest_stage(airflow_settings(), batch, progress=print)
    return stats["files"] > 0 or stats["documents"] > 0


def clean(batch: str) -> dict:
    return clean_stage(airflow_settings(), batch, progress=print)


def extract(batch: str) -> dict:
    return extract_stage(airflow_settings(), batch, progress=print)


def plan_shards(batch: str) -> list[int]:
    """Sharded DAG: the shard numbers of this batch (at most NEWSEVENTS_SHARDS)."""
    from pipeline.run import shards

    settings = airflow_settings()
    return shards.plan_shards(settings, batch, settings.shards, progress=print)


def clean_shard(batch: str, shard: int) -> dict:
    from pipeline.run import shards

    return shards.clean_shard(airflow_settings(), batch, shard, progress=print)


def merge_clean(batch: str) -> dict:
    from pipeline.run import shards

    return shards.merge_clean(airflow_settings(), batch, progress=print)


def extract_shard(batch: str, shard: int) -> dict:
    from pipeline.run import shards

    return shards.extract_shard(airflow_settings(), batch, shard, progress=print)


def stage(batch: str, trigger: str, *, sharded: bool = False) -> dict:
    """Load the batch into staging.*; `sharded`: merge the extraction shards' files first."""
    settings = airflow_settings()
    if sharded:
        from pipeline.run import shards

        shards.merge_extract(settings, batch, progress=print)
    with writing(settings):
        return stage_load(settings, batch, trigger=trigger, progress=print)


def audit(batch: str) -> bool:
    """Audit the staged batch; the log starts with the outcome, then the details."""
    lines: list[str] = []
    result = audit_stage(airflow_settings(), batch, progress=lines.append)
    failed, warnings = result.get("failed") or [], result.get("warnings") or []
    print(f"AUDIT {'PASSED' if result['success'] else 'FAILED'}: {len(result['results']) - len(failed)}/"
          f"{len(result['results'])} expectations met, {len(failed)} blocking failures, {len(warnings)} warnings")
    for failure in failed[:20]:
        print(f"  blocking: {failure.get('suite')}: {failure.get('expectation')} ({failure.get('column_name')})")
    print(f"Data Docs: {result.get('run_page') or result.get('data_docs_index')}")
    for line in lines:
        print(line)
    return result["success"]


def publish(batch: str, *, replace: bool = False) -> dict:
    """Publish the audited batch; raises pipeline.run.stages.AuditFailed when its audit failed."""
    settings = airflow_settings()
    with writing(settings):
        return publish_stage(settings, batch, replace=replace, progress=print)


def report(batch: str) -> str | None:
    from pipeline.run.runner import write_report_safely

    settings = airflow_settings()
    with writing(settings):
        return write_report_safely(settings, batch, print)


def export_reprocess_slices(batch: str) -> list[str]:
    """Reprocessing: one batch folder per slice of raw.documents (pipeline.run.reprocess)."""
    from pipeline.run.reprocess import document_slices, export_raw_documents

    settings = airflow_settings()
    batches = []
    with writing(settings):
        for number, (after, limit) in enumerate(document_slices(settings), 1):
            name = f"{batch}_slice{number:04d}"
            export_raw_documents(settings, name, after, limit)
            batches.append(name)
    return batches


# ---------------------------------------------------------------- links from the Airflow UI
# The Airflow UI shows an extra link only when it is http(s) or on its own origin (not file://), so the
# API server serves the reports folder at REPORTS_URL (the `newsevents` plugin below, registered as an
# `airflow.plugins` entry point in pyproject.toml) and the links point there.
REPORTS_URL = "/newsevents/reports"


def _served(path: Path, reports_dir: Path) -> str:
    """The UI link of a file under the reports folder (file:// when it lies elsewhere)."""
    path, reports_dir = path.resolve(), Path(reports_dir).resolve()
    try:
        return f"{REPORTS_URL}/{path.relative_to(reports_dir).as_posix()}"
    except ValueError:
        return path.as_uri()


def report_link(airflow_run_id: str) -> str:
    """Link to the run report of this Airflow run ('' before it is written)."""
    settings = airflow_settings()
    path = Path(settings.reports_dir) / "runs" / f"{batch_id(airflow_run_id)}.html"
    return _served(path, settings.reports_dir) if path.exists() else ""


def data_docs_link(airflow_run_id: str) -> str:
    """Link to this run's GX Data Docs page ('' when the audit did not run)."""
    settings = airflow_settings()
    audit_json = Path(settings.work_dir) / batch_id(airflow_run_id) / "audit.json"
    try:
        audit = json.loads(audit_json.read_text())
    except (OSError, ValueError):
        return ""
    page = audit.get("run_page") or audit.get("data_docs_index")
    return _served(Path(page), settings.reports_dir) if page else ""


def reports_app():
    """A FastAPI app serving the reports folder (run reports, Data Docs) read-only."""
    from fastapi import FastAPI
    from fastapi.staticfiles import StaticFiles

    app = FastAPI(title="newsevents reports", docs_url=None, redoc_url=None, openapi_url=None)
    app.mount("/reports", StaticFiles(directory=str(load_settings().reports_dir), html=True, check_dir=False),
              name="reports")
    return app


try:
    from airflow.plugins_manager import AirflowPlugin
except ImportError:  # Airflow not importable: no plugin, the links still work as paths
    AirflowPlugin = None

if AirflowPlugin is not None:
    class NewseventsPlugin(AirflowPlugin):
        """Serves var/reports at /newsevents/reports on the Airflow API server (same origin as the UI)."""

        name = "newsevents"

        @property
        def fastapi_apps(self):  # built when the API server asks, not when a task imports this module
            return [{"app": reports_app(), "url_prefix": "/newsevents", "name": "newsevents reports"}]
