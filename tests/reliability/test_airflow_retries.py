"""Airflow: transient stages retry with backoff, the write-audit-publish gate never retries;
the documented Airflow set-up ships no fixed password."""
from __future__ import annotations

import os
import re

import pytest

from .conftest import REPO

os.environ.setdefault("AIRFLOW_HOME", str(REPO / "var" / "airflow"))
os.environ.setdefault("AIRFLOW__CORE__DAGS_FOLDER", str(REPO / "dags"))
os.environ.setdefault("AIRFLOW__CORE__LOAD_EXAMPLES", "False")


@pytest.fixture(scope="module")
def ingest_dag():
    from airflow.dag_processing.dagbag import DagBag

    bag = DagBag(dag_folder=str(REPO / "dags"))
    assert bag.import_errors == {}
    return bag.dags["newsevents_ingest"]


@pytest.mark.parametrize("task_id", ["ingest", "clean", "extract"])
def test_transient_stages_retry_with_exponential_backoff(ingest_dag, task_id):
    task = ingest_dag.get_task(task_id)
    assert task.retries >= 1
    assert task.retry_exponential_backoff
    assert task.retry_delay.total_seconds() > 0


@pytest.mark.parametrize("task_id", ["audit", "publish"])
def test_audit_and_publish_never_retry(ingest_dag, task_id):
    assert ingest_dag.get_task(task_id).retries == 0


def test_one_run_at_a_time(ingest_dag):
    assert ingest_dag.max_active_runs == 1


def test_readme_airflow_setup_ships_no_fixed_password():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    fixed = re.findall(r"(?i)(password\s*[:=]\s*\S+|SIMPLE_AUTH_MANAGER_(?:USERS|PASSWORDS?)\s*=|"
                       r"admin:admin|--password\s+\S+|simple_auth_manager_all_admins\s*=\s*true)", readme)
    assert fixed == [], f"README sets a fixed credential: {fixed}"
    for folder in (REPO / "dags", REPO / "pipeline"):
        for path in folder.rglob("*.py"):
            text = path.read_text(encoding="utf-8", errors="replace")
            assert not re.search(r"(?i)SIMPLE_AUTH_MANAGER_PASSWORDS|admin:admin", text), path
