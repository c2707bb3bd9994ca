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

import os
import re
from contextlib import contextmanager
from typing import Iterator

from pipeline.core.config import Settings, load_settings
from pipeline.run.lock import warehouse_lock
from pipeline.run.stages import audit_stage, clean_stage, extract_stage, ingest_stage, publish_stage, stage_load

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
    return ingest_stage(airflow_settings(), batch, progress=print)["files"] > 0


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
    return audit_stage(airflow_settings(), batch, progress=print)["success"]


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
