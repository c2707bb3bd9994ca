"""Manual re-processing: every ingested document through the current cleaning and extraction rules."""
from __future__ import annotations

from datetime import timedelta

from airflow.sdk import dag, task, task_group
from newsevents_common import CURATED_EVENTS, PUBLISH_POOL, START_DATE

DOC = """
### newsevents_reprocess

Trigger by hand after the cleaning or extraction rules change (a new extractor version).
The raw layer is the source of truth: `raw.documents` is cut into slices of at most
`NEWSEVENTS_MAX_BATCH_DOCUMENTS` documents (memory follows the slice, not the warehouse). Each
slice is cleaned and extracted again, audited with the Great Expectations suites, and only if
it passes replaces its documents' published rows and rebuilds the events they touch, in one
transaction. A slice whose audit fails keeps its previous publish. Slices go one at a time
through each step; every write shares the warehouse lock with `newsevents_ingest`.
"""
ONE_AT_A_TIME = {"max_active_tis_per_dagrun": 1}


@dag(
    dag_id="newsevents_reprocess",
    description="Manual: every ingested document through the current cleaning and extraction rules, audited slice by slice",
    schedule=None,
    start_date=START_DATE,
    catchup=False,
    max_active_runs=1,
    default_args={"owner": "newsevents", "retries": 1, "retry_delay": timedelta(seconds=30)},
    doc_md=DOC,
    tags=["newsevents", "reprocess", "write-audit-publish"],
)
def newsevents_reprocess():
    @task
    def export_slices() -> list[str]:
        """Copy raw.documents, slice by slice, into one batch folder per slice."""
        from airflow.sdk import get_current_context

        from pipeline.run import tasks

        return tasks.export_reprocess_slices(tasks.batch_id(get_current_context()["run_id"]))

    @task(**ONE_AT_A_TIME)
    def clean(batch: str) -> str:
        """Clean the slice's documents again."""
        from pipeline.run import tasks

        tasks.clean(batch)
        return batch

    @task(**ONE_AT_A_TIME)
    def extract(batch: str) -> str:
        """Extract the slice's event mentions again."""
        from pipeline.run import tasks

        tasks.extract(batch)
        return batch

    @task(pool=PUBLISH_POOL, **ONE_AT_A_TIME)
    def stage(batch: str) -> str:
        """Stage the re-extracted slice."""
        from pipeline.run import tasks

        tasks.stage(batch, trigger="reprocess")
        return batch

    @task(retries=0, **ONE_AT_A_TIME)
    def audit(batch: str) -> str:
        """Validate the re-extracted slice."""
        from pipeline.run import tasks

        tasks.audit(batch)
        return batch

    @task(retries=0, outlets=[CURATED_EVENTS], pool=PUBLISH_POOL, **ONE_AT_A_TIME)
    def publish(batch: str) -> dict:
        """Replace the slice's published rows atomically if its audit passed."""
        from airflow.sdk.exceptions import AirflowFailException

        from pipeline.run import tasks
        from pipeline.run.stages import AuditFailed

        try:
            return tasks.publish(batch, replace=True)
        except AuditFailed as exc:
            raise AirflowFailException(str(exc)) from exc

    @task_group
    def reprocess_slice(batch: str):
        publish(audit(stage(extract(clean(batch)))))

    reprocess_slice.expand(batch=export_slices())


newsevents_reprocess()
