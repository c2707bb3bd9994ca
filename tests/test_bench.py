"""Smoke test of the benchmark harness (pipeline.lab.bench): a 20-article run through the real
pipeline, the baseline on a blank spaCy pipeline (no model load), no Airflow, no incremental run.

Checks the JSON structure and that every derived figure (articles/s, shares, ratios to the
baseline) is computed from the measured numbers. Speed targets are NOT asserted here: they are
reported by `newsevents bench` (see docs/benchmarks.md).
"""
from __future__ import annotations

import json
from argparse import Namespace
from pathlib import Path

import duckdb
import pytest

from pipeline.lab import bench


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    import spacy

    root = tmp_path_factory.mktemp("bench")
    opts = bench.options(Namespace(articles=20, skip_airflow=True, incremental=False,
                                   baseline_sample=5, keep=True, output=str(root / "results.json")))
    results = bench.run_bench(opts, progress=lambda _: None, root=root,
                              baseline_loader=lambda name: spacy.blank("fr" if "fr_" in name else "en"))
    out = bench.write_results(results, Path(opts.output))
    return root, results, json.loads(out.read_text())


def test_json_structure(run):
    _, results, loaded = run
    for key in ("schema_version", "git", "machine", "options", "corpus", "pipeline", "baseline", "ratios",
                "targets", "airflow", "bench_seconds", "output"):
        assert key in loaded, key
    assert loaded["airflow"] == {"skipped": "disabled by flag"}
    assert loaded["skipped"] == {"incremental": "disabled by flag", "airflow": "disabled by flag"}
    assert "incremental" not in loaded and "memory_check" not in loaded
    assert loaded["git"].keys() >= {"commit", "dirty"}
    assert loaded["corpus"]["articles"] == 20
    p = loaded["pipeline"]
    assert p["status"] == "published", p.get("error")
    assert p["articles"] == 20
    assert list(p["stages"]) == ["ingest", "clean", "extract", "stage", "audit", "publish", "report"]
    for stage in p["stages"].values():
        assert stage.keys() >= {"seconds", "articles_per_second", "peak_rss_mb", "share"}
        assert stage["seconds"] > 0 and stage["peak_rss_mb"] > 0
    assert set(loaded["targets"]) == {"run_articles_per_second", "run_vs_baseline", "audit_share",
                                      "incremental_ratio_100_into_100k", "peak_rss_mb_10k_articles"}
    assert loaded["targets"]["incremental_ratio_100_into_100k"]["met"] is None  # not measured: not invented


def test_figures_derive_from_measurements(run):
    _, results, _ = run
    p = results["pipeline"]
    for stage in p["stages"].values():
        assert stage["articles_per_second"] == pytest.approx(p["articles"] / stage["seconds"], rel=0.01)
        assert stage["share"] == pytest.approx(stage["seconds"] / p["seconds"], abs=1e-3)
    assert sum(s["share"] for s in p["stages"].values()) <= 1.0 + 1e-3
    assert p["articles_per_second"] == pytest.approx(p["articles"] / p["seconds"], rel=0.01)
    assert results["targets"]["audit_share"]["value"] == p["stages"]["audit"]["share"]

    b = results["baseline"]
    assert b["sample_articles"] == 5 and b["extrapolated"] is True and b["sentences"] > 0
    assert b["articles_per_second"] == pytest.approx(b["sample_articles"] / b["seconds"], rel=0.01)
    r = results["ratios"]
    assert r["extract_vs_baseline"] == pytest.approx(
        p["stages"]["extract"]["articles_per_second"] / b["articles_per_second"], rel=0.01)
    assert r["run_vs_baseline"] == pytest.approx(p["articles_per_second"] / b["articles_per_second"], rel=0.01)


def test_table_mentions_every_stage(run):
    _, results, _ = run
    table = bench.format_table(results)
    for name in ("ingest", "clean", "extract", "stage", "audit", "publish", "whole run", "ours vs baseline"):
        assert name in table


def test_seed_big_warehouse_replicates_with_new_ids(run, tmp_path):
    root, results, _ = run
    source = root / "run" / "warehouse.duckdb"
    seeded = bench.seed_big_warehouse(source, tmp_path / "big.duckdb", articles=100)
    assert seeded["replicas"] == 5
    con = duckdb.connect(str(tmp_path / "big.duckdb"), read_only=True)
    try:
        one = lambda sql: con.execute(sql).fetchone()[0]  # noqa: E731
        assert one("SELECT count(*) FROM core.articles") == 100
        assert one("SELECT count(DISTINCT article_id) FROM core.articles") == 100
        assert one("SELECT count(*) FROM raw.documents") == 100
        n_mentions = results["pipeline"]["counts"]["extract"]["mentions"]
        assert one("SELECT count(*) FROM core.event_mentions") == 5 * n_mentions
        # every replicated mention points at an article and (when it had one) an event that exist
        assert one("SELECT count(*) FROM core.event_mentions m ANTI JOIN core.articles a USING (article_id)") == 0
        assert one("""SELECT count(*) FROM core.event_mentions m WHERE event_id IS NOT NULL
                      AND event_id NOT IN (SELECT event_id FROM core.events)""") == 0
    finally:
        con.close()
    assert seeded["counts"]["core.articles"] == 100


def test_airflow_log_parsing():
    log = "\n".join([
        "2026-11-21T05:45:01.000000Z [info ] [DAG TEST] running task <TaskInstance: newsevents_ingest.clean "
        "manual__x [TaskInstanceState.SCHEDULED] ti_id=01a1fca2-f5a9-7b6a-b08b-75193f6e5126> [x]",
        "2026-11-21T05:45:02.000000Z [info ] Task started [x] previous_state=queued ti_id=01a1fca2-f5a9-7b6a-b08b-75193f6e5126",
        "2026-11-21T05:45:04.500000Z [info ] Task instance state updated [x] new_state=success rows_affected=1 "
        "ti_id=01a1fca2-f5a9-7b6a-b08b-75193f6e5126",
        "2026-11-21T05:45:05.000000Z [info ] DagRun Finished: dag_id=newsevents_ingest, run_duration=4.0, state=success",
    ])
    parsed = bench.airflow_task_times(log)
    assert parsed["tasks"] == [{"task": "clean", "state": "success", "wall_seconds": 3.5, "exec_seconds": 2.5}]
    assert parsed["dag_run_seconds"] == 4.0
