"""Scheduled ingestion: new dumps in the landing folder -> audited events in DuckDB."""
from __future__ import annotations

from airflow.sdk import dag, task
from newsevents_common import CURATED_EVENTS, DEFAULT_ARGS, PUBLISH_POOL, START_DATE, DataDocsLink, RunReportLink

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
2. **clean** — boilerplate removal, title, publication date, language, near-duplicates: `plan_shards`
   cuts the batch into at most `NEWSEVENTS_SHARDS` shards (default 1) and learns the batch's recurring
   lines, `clean` is mapped over the shards, `merge_clean` finds near-duplicates over the whole batch.
3. **extract** — PLOVER event mentions with actors, dates, places, status, mapped over the shards.
   Results are identical whatever the number of shards (`pipeline/run/shards.py`).
4. **stage** — the shards' files are merged and the batch goes to `staging.*` in the warehouse.
5. **audit** — Great Expectations suites from `expectations/` validate the staged batch; a record that
   fails a record-level check is quarantined and the rest audited again; Data Docs built (the task's
   "Data Docs" link).
6. **publish** — only if the audit passed and the batch files are the audited ones: one transaction into
   `raw.*`/`core.*`, events re-merged and audited before commit;
   updates the `newsevents_curated_events` Asset. A failed audit fails the run and publishes nothing.
7. **report** — static HTML run report (`newsevents report` prints where).

Only one run at a time (`max_active_runs=1`); every task that writes DuckDB takes the warehouse lock
(and, on a DuckLake, a PostgreSQL advisory lock); stage, audit and publish run in the
`NEWSEVENTS_PUBLISH_POOL` Airflow pool (one slot) when set. Runs unchanged on the LocalExecutor and the
CeleryExecutor (docs/scaling.md).
"""


def _batch() -> str:
    """This run's batch folder name, from the Airflow run id."""
    from airflow.sdk import get_current_context

    from pipeline.run.tasks import batch_id

    return batch_id(get_current_context()["run_id"])


@dag(
    dag_id="newsevents_ingest",
    description="New news dumps in the landing folder -> audited PLOVER events in DuckDB (write-audit-publish)",
    schedule=load_settings().schedule or None,  # NEWSEVENTS_SCHEDULE= (empty): triggered by hand only
    start_date=START_DATE,
    catchup=False,
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    doc_md=DOC,
    tags=["newsevents", "ingest", "write-audit-publish"],
)
def newsevents_ingest():
    # Each task passes the next what it needs (the batch, the shard numbers), so the graph reads as
    # the data flow; tasks that only need the batch's name take it from the run id.
    @task
    def open_batch() -> str:
        """Name this run's batch folder after the Airflow run id."""
        return _batch()

    @task.short_circuit
    def ingest(batch: str) -> str | None:
        """Read new files; skip the rest of the run when nothing new arrived."""
        from pipeline.run import tasks

        return batch if tasks.ingest(batch) else None

    @task
    def plan_shards(batch: str) -> list[int]:
        """Cut the batch into shards and learn its recurring lines (template boilerplate)."""
        from pipeline.run import tasks

        return tasks.plan_shards(batch)

    @task
    def clean(shard: int) -> int:
        """Strip boilerplate, read metadata, detect language: one shard of the batch."""
        from pipeline.run import tasks

        tasks.clean_shard(_batch(), shard)  # logs its own summary line
        return shard

    @task
    def merge_clean(shards: list[int]) -> list[int]:
        """The shards' articles together: near-duplicates over the batch and the warehouse."""
        from pipeline.run import tasks

        tasks.merge_clean(_batch())
        return list(range(len(shards)))  # shard numbers 0..n-1 (len() reads no XCom beyond the last)

    @task
    def extract(shard: int) -> int:
        """Extract PLOVER event mentions from one shard of the cleaned articles."""
        from pipeline.run import tasks

        tasks.extract_shard(_batch(), shard)
        return shard

    @task(pool=PUBLISH_POOL)
    def stage(shards: list[int]) -> str:
        """Merge the extraction shards and load the batch into staging.* (takes the warehouse lock)."""
        from pipeline.run import tasks

        batch = _batch()
        tasks.stage(batch, trigger="airflow", sharded=True)
        return batch

    @task(retries=0, pool=PUBLISH_POOL)
    def audit(batch: str) -> str:
        """Validate the staged batch with the Great Expectations suites (the outcome is the log's first line)."""
        from pipeline.run import tasks

        tasks.audit(batch)
        return batch

    @task(retries=0, outlets=[CURATED_EVENTS], pool=PUBLISH_POOL)
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
        from pipeline.run import tasks

        return tasks.report(_batch())

    shards = plan_shards(ingest(open_batch()))
    merged = merge_clean(clean.expand(shard=shards))
    audited = audit(stage(extract.expand(shard=merged)))
    reported = report()
    publish(audited) >> reported
    audited.operator.operator_extra_links = [DataDocsLink()]
    reported.operator.operator_extra_links = [RunReportLink(), DataDocsLink()]


newsevents_ingest()
