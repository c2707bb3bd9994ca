"""Scheduled ingestion: new dumps in the landing folder -> audited events in DuckDB."""
from __future__ import annotations

from datetime import datetime, timedelta
import os

from airflow.sdk import Asset, dag, task

CURATED_EVENTS = Asset(name="newsevents_curated_events", uri="file:///newsevents/curated/events")
SCHEDULE = os.environ.get("NEWSEVENTS_SCHEDULE", "*/15 * * * *")

DOC = """
### newsevents_ingest

Every 15 minutes (`NEWSEVENTS_SCHEDULE`), picks up **new** files from the landing folder
(`NEWSEVENTS_LANDING`, default `samples/`) and runs write-audit-publish:

1. **ingest** — content-addressed read of `.txt`, `.html`, `.jsonl`; bad input is quarantined with a reason;
   files still being written (`*.part`, `*.tmp`, modified in the last seconds) wait for the next run.
   A run takes whole files until its batch holds `NEWSEVENTS_MAX_BATCH_DOCUMENTS` documents (default 2,000,
   which bounds every task's memory); the other new files wait, unread, for the next run (the task log
   says how many; `newsevents run` drains a backlog in successive batches).
2. **clean** — boilerplate removal, title, publication date, language, near-duplicates.
3. **extract** — PLOVER event mentions with actors, dates, places, status.
4. **stage** — the batch goes to `staging.*` in the warehouse.
5. **audit** — Great Expectations suites from `expectations/` validate the staged batch; Data Docs built.
6. **publish** — only if the audit passed: one transaction into `raw.*`/`core.*`, events re-merged;
   updates the `newsevents_curated_events` Asset. A failed audit fails the run and publishes nothing.
7. **report** — static HTML run report (`newsevents report` prints where).

Only one run at a time (`max_active_runs=1`); every task that writes DuckDB takes the warehouse lock.
"""

default_args = {
    "owner": "newsevents",
    "retries": 2,
    "retry_delay": timedelta(seconds=30),
    "retry_exponential_backoff": True,
}


@dag(
    dag_id="newsevents_ingest",
    schedule=SCHEDULE,
    start_date=datetime(2026, 1, 1),
    catchup=False,
    max_active_runs=1,
    default_args=default_args,
    doc_md=DOC,
    tags=["newsevents", "ingest", "write-audit-publish"],
)
def newsevents_ingest():
    @task
    def open_batch() -> str:
        """Name this run's batch folder after the Airflow run id."""
        from airflow.sdk import get_current_context

        from pipeline.run.orchestration import batch_id

        return batch_id(get_current_context()["run_id"])

    @task.short_circuit
    def ingest(batch: str) -> bool:
        """Read new files; skip the rest of the run when nothing new arrived."""
        from pipeline.run.orchestration import airflow_settings
        from pipeline.run.runner import ingest_stage

        stats = ingest_stage(airflow_settings(), batch, progress=print)
        return stats["files"] > 0

    @task
    def clean(batch: str) -> dict:
        """Strip boilerplate, read metadata, detect language and near-duplicates."""
        from pipeline.run.orchestration import airflow_settings
        from pipeline.run.runner import clean_stage

        return clean_stage(airflow_settings(), batch, progress=print)

    @task
    def extract(batch: str, cleaned: dict) -> dict:
        """Extract PLOVER event mentions from the cleaned articles."""
        from pipeline.run.orchestration import airflow_settings
        from pipeline.run.runner import extract_stage

        return extract_stage(airflow_settings(), batch, progress=print)

    @task
    def stage(batch: str, extracted: dict) -> dict:
        """Load the batch into staging.* (takes the warehouse lock)."""
        from pipeline.run.orchestration import airflow_settings
        from pipeline.run.runner import stage_load, warehouse_lock

        settings = airflow_settings()
        with warehouse_lock(settings, wait_seconds=600):
            return stage_load(settings, batch, trigger="airflow", progress=print)

    @task(retries=0)
    def audit(batch: str, staged: dict) -> bool:
        """Validate the staged batch with the Great Expectations suites."""
        from pipeline.run.orchestration import airflow_settings
        from pipeline.run.runner import audit_stage

        return audit_stage(airflow_settings(), batch, progress=print)["success"]

    @task(retries=0, outlets=[CURATED_EVENTS])
    def publish(batch: str, audited: bool) -> dict:
        """Publish atomically if the audit passed; otherwise fail without touching published data."""
        from airflow.sdk.exceptions import AirflowFailException

        from pipeline.run.orchestration import airflow_settings
        from pipeline.run.runner import AuditFailed, publish_stage, warehouse_lock

        settings = airflow_settings()
        with warehouse_lock(settings, wait_seconds=600):
            try:
                return publish_stage(settings, batch, progress=print)
            except AuditFailed as exc:  # bad data: retrying cannot help
                raise AirflowFailException(str(exc)) from exc

    @task(trigger_rule="all_done", retries=0)
    def report(batch: str) -> str | None:
        """Write the static HTML run report (also after a failed audit)."""
        from pipeline.run.orchestration import airflow_settings
        from pipeline.run.runner import warehouse_lock, write_report_safely

        settings = airflow_settings()
        with warehouse_lock(settings, wait_seconds=600):
            return write_report_safely(settings, batch, print)

    batch = open_batch()
    new_files = ingest(batch)
    cleaned = clean(batch)
    new_files >> cleaned
    published = publish(batch, audit(batch, stage(batch, extract(batch, cleaned))))
    published >> report(batch)


newsevents_ingest()
