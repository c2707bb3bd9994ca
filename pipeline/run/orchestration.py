"""Glue between Airflow tasks and the pipeline stages (kept here so DAG files stay thin).

Settings come from the environment (pipeline.core.config) and may be overridden per deployment by
Airflow Variables named like the variables, in lower case: newsevents_landing,
newsevents_warehouse, newsevents_work, newsevents_reports, newsevents_languages,
newsevents_max_batch_documents.
"""
from __future__ import annotations

import re

from pipeline.core.config import Settings, load_settings

VARIABLES = ("landing", "warehouse", "work", "reports", "languages", "max_batch_documents")


def airflow_settings() -> Settings:
    """Settings for a task: environment, then Airflow Variables when they are set."""
    import os

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
