"""Manual re-processing: every ingested document through the current cleaning and extraction rules."""
from __future__ import annotations

from datetime import datetime, timedelta

from airflow.sdk import Asset, dag, task

CURATED_EVENTS = Asset(name="newsevents_curated_events", uri="file:///newsevents/curated/events")

DOC = """
### newsevents_reprocess

Trigger by hand after the cleaning or extraction rules change (a new `EXTRACTOR_VERSION`).
Reads every document from `raw.documents` (the raw layer is the source of truth), cleans and
extracts them again, audits the whole new batch with the Great Expectations suites, and only
if it passes replaces `core.*` in one transaction. A failed audit keeps the previous publish.
Shares the warehouse lock with `newsevents_ingest`, so the two never write at the same time.
"""


@dag(
    dag_id="newsevents_reprocess",
    schedule=None,
    start_date=datetime(2026, 1, 1),
    catchup=False,
    max_active_runs=1,
    default_args={"owner": "newsevents", "retries": 1, "retry_delay": timedelta(seconds=30)},
    doc_md=DOC,
    tags=["newsevents", "reprocess", "write-audit-publish"],
)
def newsevents_reprocess():
    @task
    def export_documents() -> str:
        """Copy raw.documents into this run's batch folder."""
        from airflow.sdk import get_current_context

        from pipeline.run.orchestration import airflow_settings, batch_id
        from pipeline.run.reprocess import export_raw_documents
        from pipeline.run.runner import warehouse_lock

        settings = airflow_settings()
        batch = batch_id(get_current_context()["run_id"])
        with warehouse_lock(settings, wait_seconds=600):
            export_raw_documents(settings, batch)
        return batch

    @task
    def clean(batch: str) -> str:
        """Clean every document again."""
        from pipeline.run.orchestration import airflow_settings
        from pipeline.run.runner import clean_stage

        clean_stage(airflow_settings(), batch, progress=print)
        return batch

    @task
    def extract(batch: str) -> str:
        """Extract event mentions again."""
        from pipeline.run.orchestration import airflow_settings
        from pipeline.run.runner import extract_stage

        extract_stage(airflow_settings(), batch, progress=print)
        return batch

    @task
    def stage(batch: str) -> str:
        """Stage the re-extracted batch."""
        from pipeline.run.orchestration import airflow_settings
        from pipeline.run.runner import stage_load, warehouse_lock

        settings = airflow_settings()
        with warehouse_lock(settings, wait_seconds=600):
            stage_load(settings, batch, trigger="reprocess", progress=print)
        return batch

    @task(retries=0)
    def audit(batch: str) -> str:
        """Validate the whole re-extracted batch."""
        from pipeline.run.orchestration import airflow_settings
        from pipeline.run.runner import audit_stage

        audit_stage(airflow_settings(), batch, progress=print)
        return batch

    @task(retries=0, outlets=[CURATED_EVENTS])
    def publish(batch: str) -> dict:
        """Replace core.* atomically if the audit passed."""
        from airflow.sdk.exceptions import AirflowFailException

        from pipeline.run.orchestration import airflow_settings
        from pipeline.run.runner import AuditFailed, publish_stage, warehouse_lock

        settings = airflow_settings()
        with warehouse_lock(settings, wait_seconds=600):
            try:
                return publish_stage(settings, batch, replace=True, progress=print)
            except AuditFailed as exc:
                raise AirflowFailException(str(exc)) from exc

    publish(audit(stage(extract(clean(export_documents())))))


newsevents_reprocess()
