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


def test_ingest_dag_reads_as_the_data_flow(dagbag):
    """Each task takes what the one before it produced: the graph is a chain, not a star around open_batch."""
    dag = dagbag.dags["newsevents_ingest"]
    order = ["open_batch", "ingest", "plan_shards", "clean", "merge_clean", "extract", "stage", "audit", "publish",
             "report"]
    for before, after in zip(order, order[1:]):
        assert dag.get_task(after).upstream_task_ids == {before}, after
    assert dag.description and "write-audit-publish" in dag.description


def test_audit_and_report_link_to_the_data_docs_and_the_run_report(dagbag):
    from airflow.serialization.serialized_objects import DagSerialization

    dag = dagbag.dags["newsevents_ingest"]
    assert [link.name for link in dag.get_task("audit").operator_extra_links] == ["Data Docs"]
    assert [link.name for link in dag.get_task("report").operator_extra_links] == ["Run report", "Data Docs"]
    serialized = DagSerialization.to_dict(dag)
    tasks = {t["__var"]["task_id"]: t["__var"] for t in serialized["dag"]["tasks"]}
    assert set(tasks["report"]["_operator_extra_links"]) == {"Run report", "Data Docs"}


def test_links_point_at_this_runs_files(tmp_path, monkeypatch):
    import json

    from pipeline.run import tasks

    monkeypatch.setenv("NEWSEVENTS_REPORTS", str(tmp_path / "reports"))
    monkeypatch.setenv("NEWSEVENTS_WORK", str(tmp_path / "work"))
    run_id = "manual__2026-03-01T10:00:00+00:00"
    batch = tasks.batch_id(run_id)
    assert tasks.report_link(run_id) == "" and tasks.data_docs_link(run_id) == ""
    (tmp_path / "reports" / "runs").mkdir(parents=True)
    (tmp_path / "reports" / "runs" / f"{batch}.html").write_text("<html></html>")
    (tmp_path / "work" / batch).mkdir(parents=True)
    page = tmp_path / "reports" / "data_docs" / "page.html"
    (tmp_path / "work" / batch / "audit.json").write_text(json.dumps({"run_page": str(page)}))
    # served by the newsevents plugin on the API server: same origin as the UI, so the UI shows them
    assert tasks.report_link(run_id) == f"/newsevents/reports/runs/{batch}.html"
    assert tasks.data_docs_link(run_id) == "/newsevents/reports/data_docs/page.html"
    elsewhere = tmp_path / "elsewhere.html"
    (tmp_path / "work" / batch / "audit.json").write_text(json.dumps({"run_page": str(elsewhere)}))
    assert tasks.data_docs_link(run_id) == elsewhere.as_uri()


def test_the_plugin_serves_the_reports_folder(tmp_path, monkeypatch):
    from fastapi.testclient import TestClient

    from pipeline.run import tasks

    monkeypatch.setenv("NEWSEVENTS_REPORTS", str(tmp_path))
    (tmp_path / "runs").mkdir()
    (tmp_path / "runs" / "r1.html").write_text("<html>run r1</html>")
    [entry] = tasks.NewseventsPlugin().fastapi_apps
    assert entry["url_prefix"] + "/reports" == tasks.REPORTS_URL
    client = TestClient(entry["app"])
    assert client.get("/reports/runs/r1.html").text == "<html>run r1</html>"
    assert client.get("/reports/../../etc/hostname").status_code == 404


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
    from airflow.models.xcom import XComModel
    from airflow.utils.session import create_session

    with create_session() as session:
        links = dict(session.query(XComModel.key, XComModel.value).filter(
            XComModel.run_id == dagrun.run_id, XComModel.task_id == "report", XComModel.key.like("_link_%")).all())
    assert set(links) == {"_link_RunReportLink", "_link_DataDocsLink"}, links
    assert all("/newsevents/reports/" in str(v) for v in links.values()), links


def test_make_standalone_listens_locally_with_slots_for_the_cores():
    make = shutil.which("make")
    if not make:
        pytest.skip("make is not installed")
    out = subprocess.run([make, "-n", "-s", "standalone"], cwd=REPO, capture_output=True, text=True)
    command = out.stdout
    assert "AIRFLOW__API__HOST=127.0.0.1" in command, command[-800:]
    assert f"AIRFLOW__CORE__PARALLELISM={os.cpu_count()}" in command
    wide = subprocess.run([make, "-n", "-s", "standalone", "AIRFLOW_HOST=0.0.0.0", "AIRFLOW_PARALLELISM=3"], cwd=REPO,
                          capture_output=True, text=True).stdout
    assert "AIRFLOW__API__HOST=0.0.0.0" in wide and "AIRFLOW__CORE__PARALLELISM=3" in wide
