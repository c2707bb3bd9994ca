"""What the newsevents DAGs share: the Asset they update and their default task arguments."""
from __future__ import annotations

from datetime import datetime, timedelta

from airflow.sdk import Asset

CURATED_EVENTS = Asset(name="newsevents_curated_events", uri="file:///newsevents/curated/events")
START_DATE = datetime(2026, 1, 1)
DEFAULT_ARGS = {
    "owner": "newsevents",
    "retries": 2,
    "retry_delay": timedelta(seconds=30),
    "retry_exponential_backoff": True,
}
