"""What the newsevents DAGs share: the Asset they update, their default task arguments, and the
Airflow pool of the tasks that write the warehouse (NEWSEVENTS_PUBLISH_POOL, one slot; unset: the
default pool, the warehouse lock alone keeps writers one at a time)."""
from __future__ import annotations

from datetime import datetime, timedelta

from airflow.sdk import Asset, BaseOperatorLink

from pipeline.core.config import load_settings

CURATED_EVENTS = Asset(name="newsevents_curated_events", uri="file:///newsevents/curated/events")
START_DATE = datetime(2026, 1, 1)
DEFAULT_ARGS = {
    "owner": "newsevents",
    "retries": 2,
    "retry_delay": timedelta(seconds=30),
    "retry_exponential_backoff": True,
}


class RunReportLink(BaseOperatorLink):
    """"Run report" button on a task: this run's static HTML report (a file:// link)."""

    name = "Run report"

    def get_link(self, operator, *, ti_key) -> str:
        from pipeline.run.tasks import report_link

        return report_link(ti_key.run_id)


class DataDocsLink(BaseOperatorLink):
    """"Data Docs" button on a task: this run's Great Expectations validation page (a file:// link)."""

    name = "Data Docs"

    def get_link(self, operator, *, ti_key) -> str:
        from pipeline.run.tasks import data_docs_link

        return data_docs_link(ti_key.run_id)
PUBLISH_POOL = load_settings().publish_pool or "default_pool"
