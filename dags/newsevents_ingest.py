"""Scheduled ingestion: new dumps in the landing folder -> audited events in DuckDB."""
from __future__ import annotations

from airflow.sdk import dag, task
from newsevents_common import CURATED_EVENTS, DEFAULT_ARGS, START_DATE, DataDocsLink, RunReportLink

from pipeline.core.config import load_settings

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


@dag(
    dag_id="newsevents_ingest",
    description="New news dumps in the landing folder -> audited PLOVER events in DuckDB (write-audit-publish)",
    schedule=load_settings().schedule,
    start_date=START_DATE,
    catchup=False,
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    doc_md=DOC,
    tags=["newsevents", "ingest", "write-audit-publish"],
)
def newsevents_ingest():
    # Each task hands the next the batch it worked on, so the graph is the data flow:
    # open_batch -> ingest -> clean -> extract -> stage -> audit -> publish -> report.
    @task
    def open_batch() -> str:
        """Name this run's batch folder after the Airflow run id."""
        from airflow.sdk import get_current_context

        from pipeline.run.tasks import batch_id

        return batch_id(get_current_context()["run_id"])

    @task.short_circuit
    def ingest(batch: str) -> str | None:
        """Read new files; skip the rest of the run when nothing new arrived."""
        from pipeline.run import tasks

        return batch if tasks.ingest(batch) else None

    @task
    def clean(batch: str) -> str:
        """Strip boilerplate, read metadata, detect language and near-duplicates."""
        from pipeline.run import tasks

        tasks.clean(batch)  # logs its own summary line
        return batch

    @task
    def extract(batch: str) -> str:
        """Extract PLOVER event mentions from the cleaned articles."""
        from pipeline.run import tasks

        tasks.extract(batch)  # logs its own summary line
        return batch

    @task
    def stage(batch: str) -> str:
        """Load the batch into staging.* (takes the warehouse lock)."""
        from pipeline.run import tasks

        tasks.stage(batch, trigger="airflow")
        return batch

    @task(retries=0)
    def audit(batch: str) -> str:
        """Validate the staged batch with the Great Expectations suites (the outcome is the log's first line)."""
        from pipeline.run import tasks

        tasks.audit(batch)
        return batch

    @task(retries=0, outlets=[CURATED_EVENTS])
    def publish(batch: str) -> dict:
        """Publish atomically if the audit passed; otherwise fail without touching published data."""
        from airflow.sdk.exceptions import AirflowFailException

        from pipeline.run import tasks
        from pipeline.run.stages import AuditFailed

        try:
            return tasks.publish(batch)
        except AuditFailed as exc:  # bad data: retrying cannot help
            raise AirflowFailException(str(exc)) from exc

    @task(trigger_rule="all_done", retries=0)
    def report() -> str | None:
        """Write the static HTML run report (also after a failed audit): the "Run report" link."""
        from airflow.sdk import get_current_context

        from pipeline.run import tasks

        return tasks.report(tasks.batch_id(get_current_context()["run_id"]))

    audited = audit(stage(extract(clean(ingest(open_batch())))))
    reported = report()
    publish(audited) >> reported
    audited.operator.operator_extra_links = [DataDocsLink()]
    reported.operator.operator_extra_links = [RunReportLink(), DataDocsLink()]


newsevents_ingest()
