"""The whole pipeline without Airflow: publish, idempotency, a failing audit, reprocessing."""
from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from pipeline.core.config import load_settings
from pipeline.run.runner import run_pipeline

REPO = Path(__file__).resolve().parents[1]
SNAPSHOT = {
    "articles": "SELECT article_id, title, published, language, body, duplicate_of FROM curated.articles",
    "event_mentions": "SELECT mention_id, event_id, event_type, status, actor_country, recipient_country, event_date "
                      "FROM curated.event_mentions",
    "events": "SELECT event_id, event_type, actor_country, recipient_country, event_date, n_mentions, n_articles "
              "FROM curated.events",
    "quarantine": "SELECT source_path, line_no, stage, reason FROM curated.quarantine",
}


@pytest.fixture
def settings(tmp_path):
    landing = tmp_path / "landing"
    shutil.copytree(REPO / "samples", landing, ignore=shutil.ignore_patterns("*.md", "expected_*"))
    return load_settings(landing=landing, warehouse=tmp_path / "wh.duckdb", work_dir=tmp_path / "work",
                         reports_dir=tmp_path / "reports", settle_seconds=0)


@pytest.fixture
def published(settings):
    result = run_pipeline(settings)
    assert result.status == "published", result
    return result


def test_first_run_publishes_samples_into_every_curated_view(settings, published):
    assert published.totals["articles"] >= 15 and published.totals["events"] > 10
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        for view in ("articles", "event_mentions", "events", "daily_dyads", "actor_timeline", "runs"):
            assert con.execute(f"SELECT count(*) FROM curated.{view}").fetchone()[0] > 0, view
        # the near-duplicate wire story is linked to its canonical article
        assert con.execute("SELECT count(*) FROM curated.articles WHERE duplicate_of IS NOT NULL").fetchone()[0] >= 1
        # only asserted/future mentions carry an event
        assert con.execute(
            "SELECT count(*) FROM core.event_mentions WHERE status IN ('negated','hypothetical') AND event_id IS NOT NULL"
        ).fetchone()[0] == 0
        removed = con.execute("SELECT DISTINCT reason FROM core.removed_blocks").fetchall()
    assert len(removed) >= 4
    assert Path(published.report).exists()


def test_second_run_changes_nothing(settings, published, warehouse_snapshot):
    before = warehouse_snapshot(settings.warehouse, SNAPSHOT)
    again = run_pipeline(settings)
    assert again.status == "nothing_new"
    assert warehouse_snapshot(settings.warehouse, SNAPSHOT) == before


def test_failed_audit_keeps_the_last_good_publish(settings, published, monkeypatch, warehouse_snapshot):
    before = warehouse_snapshot(settings.warehouse, SNAPSHOT)
    extra = settings.landing / "late_story.txt"
    extra.write_text(
        "La Turquie menace la Grèce\n\nLe président turc a menacé mardi la Grèce de représailles militaires "
        "en mer Égée, a rapporté l'agence Anadolu.\n", encoding="utf-8")

    import pipeline.run.stages as stages

    real_row = stages.mention_row

    def corrupt(*args, **kwargs):
        row = real_row(*args, **kwargs)
        row["actor_country"] = "TR"  # alpha-2 everywhere: a systematic slip, batch-level (beyond `mostly`)
        return row

    monkeypatch.setattr(stages, "mention_row", corrupt)
    result = run_pipeline(settings)
    assert result.status == "audit_failed"
    assert warehouse_snapshot(settings.warehouse, SNAPSHOT) == before
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        status, ok, error = con.execute(
            "SELECT status, audit_success, error FROM ops.runs WHERE run_id = ?", [result.run_id]).fetchone()
        failures = con.execute(
            "SELECT count(*) FROM ops.audit_results WHERE run_id = ? AND NOT success", [result.run_id]).fetchone()[0]
    assert (status, ok) == ("audit_failed", False) and "actor_country" in error and failures >= 1
    monkeypatch.setattr(stages, "mention_row", real_row)
    fixed = run_pipeline(settings)  # the file was not recorded as seen: the next good run takes it
    assert fixed.status == "published"
    assert fixed.totals["articles"] == published.totals["articles"] + 1


def test_reprocess_rebuilds_the_same_warehouse(settings, published, warehouse_snapshot):
    from pipeline.run.reprocess import reprocess_all

    before = warehouse_snapshot(settings.warehouse, SNAPSHOT)
    results = reprocess_all(settings)
    assert [r.status for r in results] == ["published"]
    assert warehouse_snapshot(settings.warehouse, SNAPSHOT) == before


def test_reprocess_drains_in_bounded_slices_to_the_same_warehouse(settings, published, warehouse_snapshot):
    """Slices of 3 documents: every slice its own audited run, the result the same as one batch."""
    import dataclasses

    from pipeline.run.reprocess import reprocess_all

    before = warehouse_snapshot(settings.warehouse, SNAPSHOT)
    small = dataclasses.replace(settings, max_batch_documents=3)
    results = reprocess_all(small)
    n_documents = published.totals["articles"] + published.totals["quarantined"]
    assert len(results) >= max(2, n_documents // 3)
    assert all(r.status == "published" for r in results)
    assert all(r.stages["export"]["documents"] <= 3 for r in results)
    assert warehouse_snapshot(settings.warehouse, SNAPSHOT) == before


def test_near_duplicate_arriving_in_a_later_run_links_to_the_published_story(tmp_path):
    landing = tmp_path / "landing"
    landing.mkdir()
    shutil.copy(REPO / "samples" / "fr_02_frappes_kiev_depeche.txt", landing)
    settings = load_settings(landing=landing, warehouse=tmp_path / "wh.duckdb", work_dir=tmp_path / "work",
                             reports_dir=tmp_path / "reports", settle_seconds=0)
    assert run_pipeline(settings).status == "published"
    shutil.copy(REPO / "samples" / "fr_03_frappes_kiev_reprise.txt", landing)
    assert run_pipeline(settings).status == "published"
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        rows = con.execute("SELECT source_path, duplicate_of FROM core.articles ORDER BY source_path").fetchall()
        sources = con.execute("SELECT max(n_sources), max(n_articles) FROM core.events").fetchone()
    assert rows[0][1] is None and rows[1][1] is not None  # fr_03 -> fr_02's article
    assert sources[0] < sources[1]  # two articles, one source
