"""Airflow: the DAG files import cleanly and the main DAG runs end to end with dag.test()."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
os.environ.setdefault("AIRFLOW_HOME", str(REPO / "var" / "airflow"))
os.environ.setdefault("AIRFLOW__CORE__DAGS_FOLDER", str(REPO / "dags"))
os.environ.setdefault("AIRFLOW__CORE__LOAD_EXAMPLES", "False")
os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")


@pytest.fixture(scope="module")
def dagbag():
    from airflow.dag_processing.dagbag import DagBag

    return DagBag(dag_folder=str(REPO / "dags"))


def test_dag_files_import_without_errors(dagbag):
    assert dagbag.import_errors == {}
    assert set(dagbag.dags) == {"newsevents_ingest", "newsevents_reprocess"}


def test_ingest_dag_shape(dagbag):
    dag = dagbag.dags["newsevents_ingest"]
    assert [t.task_id for t in dag.topological_sort()] == [
        "open_batch", "ingest", "plan_shards", "clean", "merge_clean", "extract", "stage", "audit", "publish", "report"]
    assert dag.get_task("clean").is_mapped and dag.get_task("extract").is_mapped  # sharded (pipeline.run.shards)
    assert dag.max_active_runs == 1 and not dag.catchup
    assert "write-audit-publish" in dag.tags and dag.doc_md
    assert dag.get_task("publish").outlets[0].name == "newsevents_curated_events"
    assert dag.get_task("audit").retries == 0  # bad data: a retry cannot help
    assert dag.get_task("ingest").retries == 2
    assert dag.timetable.expression == "*/15 * * * *"


def test_reprocess_dag_is_manual(dagbag):
    dag = dagbag.dags["newsevents_reprocess"]
    assert type(dag.timetable).__name__ == "NullTimetable"  # manual trigger only
    assert dag.doc_md and dag.max_active_runs == 1


def test_dag_files_do_not_import_heavy_libraries_at_parse_time():
    code = (
        "import sys, runpy\n"
        f"sys.path.append({str(REPO / 'dags')!r})\n"
        f"runpy.run_path({str(REPO / 'dags' / 'newsevents_ingest.py')!r})\n"
        "heavy = [m for m in ('pandas', 'duckdb', 'spacy', 'great_expectations') if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=os.environ.copy(), check=True)
    assert out.stdout.rstrip("\n").split("\n")[-1] == ""


@pytest.mark.slow
def test_ingest_dag_runs_end_to_end_on_samples(tmp_path, monkeypatch, dagbag):
    """dag.test() in-process on a copy of samples/: rows appear in every curated view."""
    import duckdb

    landing = tmp_path / "landing"
    shutil.copytree(REPO / "samples", landing, ignore=shutil.ignore_patterns("*.md", "expected_*"))
    env = {
        "NEWSEVENTS_LANDING": str(landing), "NEWSEVENTS_WAREHOUSE": str(tmp_path / "wh.duckdb"),
        "NEWSEVENTS_WORK": str(tmp_path / "work"), "NEWSEVENTS_REPORTS": str(tmp_path / "reports"),
        "NEWSEVENTS_SETTLE_SECONDS": "0",
    }
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    subprocess.run([shutil.which("airflow") or str(Path(sys.executable).parent / "airflow"), "db", "migrate"],
                   check=True, capture_output=True, env=os.environ.copy())
    dag = dagbag.dags["newsevents_ingest"]
    dagrun = dag.test()
    assert str(dagrun.state) in ("success", "DagRunState.SUCCESS")
    with duckdb.connect(env["NEWSEVENTS_WAREHOUSE"], read_only=True) as con:
        counts = {v: con.execute(f"SELECT count(*) FROM curated.{v}").fetchone()[0]
                  for v in ("articles", "event_mentions", "events", "daily_dyads", "actor_timeline", "runs")}
        status = con.execute("SELECT status, audit_success FROM ops.runs").fetchall()
    assert all(n > 0 for n in counts.values()), counts
    assert status == [("published", True)]
    assert list((tmp_path / "reports").rglob("*.html"))
