"""The promises, one test per way they were found broken (issue: inputs and readers nobody planned for):
one bad article never stops the stream, nothing is published that no audit saw, nothing is lost
silently, readers never break a run."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import (
    ARTICLE_FR,
    SAMPLES,
    assert_exactly_once,
    count,
    curated_snapshot,
    make_landing,
    make_settings,
    needs_extract,
    settings_env,
)

pytestmark = needs_extract
GOOD = ("fr_01_macron_merz_defense.txt", "en_03_lula_modi_call.txt")


def _published_titles(warehouse: Path) -> set[str]:
    return {t for t, in count(warehouse, "SELECT source_path FROM curated.articles")}


def _poison(landing: Path) -> dict[str, str]:
    """Inputs that pass ingest, clean and extract but fail a record-level audit check."""
    (landing / "a_arabic.html").write_text(
        '<html lang="ar"><head><title>خبر</title></head><body><article><h1>المغرب والجزائر</h1>'
        "<p>التقى ملك المغرب يوم الثلاثاء الرئيس الجزائري في الرباط لمناقشة الحدود المشتركة بين البلدين.</p>"
        "<p>ووقع الزعيمان اتفاقا للتعاون الاقتصادي واتفقا على إعادة فتح الحدود المغلقة منذ سنوات.</p>"
        "</article></body></html>", encoding="utf-8")
    (landing / "b_future.jsonl").write_text(json.dumps(
        {"title": "Futur", "published": "2030-05-01", "language": "fr", "text": ARTICLE_FR}, ensure_ascii=False) + "\n",
        encoding="utf-8")
    (landing / "c_memory.txt").write_text(
        " date 2026-03-10 Souvenir d'une crise\nLe 3 mars 1991, l'Irak a attaqué le Koweït selon les archives, "
        "a rappelé lundi le ministre koweïtien.\nLe Koweït a accusé mardi l'Irak de provocations à la frontière.\n",
        encoding="utf-8")
    return {"a_arabic.html": "audit:articles.language.", "b_future.jsonl": "audit:articles.published_ahead_days.",
            "c_memory.txt": "audit:event_mentions.date_lag_days."}


def test_one_bad_article_never_stops_the_stream(tmp_path):
    from pipeline.run.runner import run_pipeline

    landing = make_landing(tmp_path / "landing", GOOD)
    expected = _poison(landing)
    settings = make_settings(tmp_path, landing)
    first = run_pipeline(settings)
    assert first.status == "published"
    published = _published_titles(settings.warehouse)
    assert {str(landing / name) for name in GOOD} <= published  # the good articles, every one
    reasons = dict(count(settings.warehouse, "SELECT source_path, reason FROM curated.quarantine WHERE stage = 'audit'"))
    for name, prefix in expected.items():
        assert reasons[str(landing / name)].startswith(prefix), reasons
    assert str(landing / "a_arabic.html") not in published and str(landing / "b_future.jsonl") not in published
    assert str(landing / "c_memory.txt") in published  # only its bad mention was quarantined
    assert run_pipeline(settings).status == "nothing_new"  # nothing waits, nothing blocks the next run
    assert_exactly_once(settings.warehouse, landing)


def test_events_are_built_and_audited_before_they_are_published(tmp_path, monkeypatch):
    from pipeline.run.runner import run_pipeline
    from pipeline.warehouse import event_rebuild

    landing = make_landing(tmp_path / "landing", GOOD)
    settings = make_settings(tmp_path, landing)
    assert run_pipeline(settings).status == "published"
    n_events = count(settings.warehouse, "SELECT count(*) FROM curated.events")[0][0]
    assert n_events > 0
    rows = count(settings.warehouse, "SELECT count(*), bool_and(success) FROM ops.audit_results WHERE suite = 'events'")
    assert rows[0][0] > 0 and rows[0][1]  # the events suite ran on the events published, and passed
    before = curated_snapshot(settings.warehouse, landing)

    real = event_rebuild.summarise_event

    def wrong_counts(*args, **kwargs):
        event = real(*args, **kwargs)
        event["n_mentions"] = 0  # an event that says it has no mention: the events audit must refuse it
        return event

    monkeypatch.setattr(event_rebuild, "summarise_event", wrong_counts)
    shutil.copy2(SAMPLES / "fr_07_iran_sanctions_ormuz.txt", landing)
    assert run_pipeline(settings).status == "audit_failed"
    assert curated_snapshot(settings.warehouse, landing) == before  # rolled back: nothing unaudited visible
    monkeypatch.undo()
    assert run_pipeline(settings).status == "published"


@pytest.mark.parametrize("tamper", ["add_article_row", "delete_mentions_file"])
def test_publish_refuses_a_batch_changed_after_its_audit(tmp_path, tamper):
    from pipeline.run.audit_gate import BatchChanged
    from pipeline.run.runner import new_run_id
    from pipeline.run.stages import audit_stage, clean_stage, extract_stage, ingest_stage, publish_stage, stage_load
    from pipeline.warehouse.batch import batch_dir, read_rows, write_rows

    landing = make_landing(tmp_path / "landing", GOOD)
    settings = make_settings(tmp_path, landing)
    run_id = new_run_id()
    for step in (ingest_stage, clean_stage, extract_stage):
        step(settings, run_id)
    stage_load(settings, run_id)
    assert audit_stage(settings, run_id)["success"]
    folder = batch_dir(settings, run_id)
    if tamper == "add_article_row":  # as could happen between two Airflow tasks
        rows = read_rows(folder / "articles.parquet")
        write_rows(rows + [{**rows[0], "article_id": "f" * 64, "title": "never audited"}], folder / "articles.parquet")
    else:
        (folder / "event_mentions.parquet").unlink()
    with pytest.raises(BatchChanged, match="changed after its audit"):
        publish_stage(settings, run_id)
    assert count(settings.warehouse, "SELECT count(*) FROM curated.articles")[0][0] == 0
    assert count(settings.warehouse, "SELECT status FROM ops.runs WHERE run_id = ?", [run_id])[0][0] == "failed"


def test_every_document_is_an_article_or_quarantined_before_publish(tmp_path):
    from pipeline.run.runner import new_run_id
    from pipeline.run.stages import (
        AuditFailed,
        audit_stage,
        clean_stage,
        extract_stage,
        ingest_stage,
        publish_stage,
        stage_load,
    )
    from pipeline.warehouse.batch import batch_dir, read_rows, write_rows

    landing = make_landing(tmp_path / "landing", GOOD)
    settings = make_settings(tmp_path, landing)
    run_id = new_run_id()
    ingest_stage(settings, run_id)
    clean_stage(settings, run_id)
    folder = batch_dir(settings, run_id)
    write_rows(read_rows(folder / "articles.parquet")[1:], folder / "articles.parquet")  # an article lost
    extract_stage(settings, run_id)
    stage_load(settings, run_id)
    audit_stage(settings, run_id)
    with pytest.raises(AuditFailed, match="neither articles nor quarantined"):
        publish_stage(settings, run_id)


def test_oversize_documents_are_quarantined_never_cut(tmp_path, monkeypatch):
    from pipeline.ingest import landing as ingest
    from pipeline.run.runner import run_pipeline

    monkeypatch.setattr(ingest, "MAX_DOCUMENT_CHARS", 2_000)
    landing = make_landing(tmp_path / "landing", GOOD[:1])
    (landing / "long.txt").write_text((ARTICLE_FR + "\n\n") * 20, encoding="utf-8")
    settings = make_settings(tmp_path, landing)
    assert run_pipeline(settings).status == "published"
    rows = count(settings.warehouse, "SELECT reason, detail FROM curated.quarantine WHERE source_path LIKE '%long.txt'")
    assert rows and rows[0][0] == "document_too_long" and "limit 2,000" in rows[0][1]
    assert not count(settings.warehouse, "SELECT 1 FROM curated.articles WHERE source_path LIKE '%long.txt'")


def test_skipped_entries_are_counted_in_the_run_record(tmp_path):
    from pipeline.run.runner import run_pipeline

    landing = make_landing(tmp_path / "landing", GOOD[:1])
    (landing / ".hidden").mkdir()
    (landing / ".hidden" / "a.txt").write_text(ARTICLE_FR, encoding="utf-8")
    (landing / ".dotfile.txt").write_text(ARTICLE_FR, encoding="utf-8")
    (landing / "coming.txt.part").write_text(ARTICLE_FR, encoding="utf-8")
    settings = make_settings(tmp_path, landing)
    summary = run_pipeline(settings)
    assert summary.stages["ingest"]["skipped"] == {"hidden": 2, "in_progress": 1}
    n, detail = count(settings.warehouse, "SELECT n_skipped, skipped FROM ops.runs WHERE run_id = ?",
                      [summary.run_id])[0]
    assert n == 3 and detail == "hidden: 2; in_progress: 1"


def test_the_batch_bound_holds_inside_a_large_jsonl_file(tmp_path):
    from pipeline.run.runner import run_landing

    landing = tmp_path / "landing"
    landing.mkdir()
    countries = ["l'Allemagne", "l'Espagne", "l'Italie", "la Pologne", "la Grèce", "le Portugal", "la Suède"]
    lines = [json.dumps({"title": f"Visite {i}", "published": "2026-02-0{}".format(i % 9 + 1), "language": "fr",
                         "text": f"Le président français a rencontré mardi le Premier ministre de {c} à Paris."},
                        ensure_ascii=False) for i, c in enumerate(countries)]
    (landing / "export.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    settings = make_settings(tmp_path, landing).with_overrides(max_batch_documents=3)
    summaries = run_landing(settings)
    assert [s.status for s in summaries] == ["published"] * 3
    assert [s.stages["ingest"]["documents"] for s in summaries] == [3, 3, 1]
    assert count(settings.warehouse, "SELECT count(*) FROM curated.articles")[0][0] == 7
    assert_exactly_once(settings.warehouse, landing)


def test_appending_to_a_jsonl_does_not_quarantine_its_old_bad_lines_again(tmp_path):
    from pipeline.run.runner import run_pipeline

    landing = tmp_path / "landing"
    landing.mkdir()
    good = json.dumps({"title": "A", "published": "2026-02-03", "language": "fr", "text": ARTICLE_FR},
                      ensure_ascii=False)
    (landing / "feed.jsonl").write_text(good + "\n{not json\n", encoding="utf-8")
    settings = make_settings(tmp_path, landing)
    assert run_pipeline(settings).status == "published"
    with open(landing / "feed.jsonl", "a", encoding="utf-8") as fh:
        fh.write(json.dumps({"title": "B", "published": "2026-02-04", "language": "fr",
                             "text": ARTICLE_FR.replace("Berlin", "Varsovie")}, ensure_ascii=False) + "\n")
    assert run_pipeline(settings).status == "published"
    assert count(settings.warehouse, "SELECT count(*) FROM curated.quarantine")[0][0] == 1


def test_a_corrected_article_replaces_the_original(tmp_path):
    from pipeline.run.runner import run_pipeline

    landing = make_landing(tmp_path / "landing", GOOD[:1])
    settings = make_settings(tmp_path, landing)
    assert run_pipeline(settings).status == "published"
    events_before = count(settings.warehouse, "SELECT count(*), sum(n_mentions) FROM curated.events")[0]
    path = landing / GOOD[0]
    path.write_text(path.read_text(encoding="utf-8") + "\n\nCorrection : une précision a été apportée.\n",
                    encoding="utf-8")
    assert run_pipeline(settings).status == "published"
    assert count(settings.warehouse, "SELECT count(*) FROM curated.articles")[0][0] == 1
    assert count(settings.warehouse, "SELECT count(*), sum(n_mentions) FROM curated.events")[0] == events_before
    assert count(settings.warehouse, "SELECT count(*) FROM raw.documents")[0][0] == 2  # both versions kept raw


def test_a_file_with_a_future_mtime_does_not_wait_forever(tmp_path):
    from pipeline.run.runner import run_pipeline

    landing = make_landing(tmp_path / "landing", GOOD[:1])
    future = time.time() + 3 * 86400
    os.utime(landing / GOOD[0], (future, future))
    settings = make_settings(tmp_path, landing).with_overrides(settle_seconds=2.0)
    assert run_pipeline(settings).status == "published"


def test_published_batches_leave_no_raw_text_in_the_work_folder(tmp_path):
    from pipeline.run.runner import run_pipeline

    landing = make_landing(tmp_path / "landing", GOOD[:1])
    settings = make_settings(tmp_path, landing)
    summary = run_pipeline(settings)
    folder = settings.work_dir / summary.run_id
    assert not list(folder.glob("*.parquet")) and (folder / "audit.json").exists()


def test_the_run_lock_is_keyed_on_the_resolved_path(tmp_path):
    from pipeline.run.lock import RunLocked, warehouse_lock

    settings = make_settings(tmp_path, tmp_path)
    settings.warehouse.parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / "alias").symlink_to(settings.warehouse.parent)
    other = settings.with_overrides(warehouse=tmp_path / "alias" / settings.warehouse.name)
    with warehouse_lock(settings):
        with pytest.raises(RunLocked):
            with warehouse_lock(other):
                pass


READER = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
print("holding", flush=True)
time.sleep(float(sys.argv[2]))
"""


@pytest.mark.parametrize("hold, wait, status", [(3.0, 30, "published"), (30.0, 1, "failed")])
def test_a_reader_holding_the_file_never_breaks_a_run(tmp_path, monkeypatch, hold, wait, status):
    """A reader polling during a run: the writer waits for it (bounded) and publishes, or gives up
    with a clear error and a run record that says so — never a crash that leaves it `running`."""
    from pipeline.run.runner import run_pipeline
    from pipeline.warehouse.connection import WarehouseBusy

    landing = make_landing(tmp_path / "landing", GOOD[:1])
    settings = make_settings(tmp_path, landing)
    assert run_pipeline(settings).status == "published"
    shutil.copy2(SAMPLES / GOOD[1], landing)
    monkeypatch.setenv("NEWSEVENTS_LOCK_WAIT_SECONDS", str(wait))
    reader = subprocess.Popen([sys.executable, "-c", READER, str(settings.warehouse), str(hold)],
                              stdout=subprocess.PIPE, text=True, env=settings_env(settings))
    try:
        assert reader.stdout.readline().strip() == "holding"
        if status == "published":
            assert run_pipeline(settings).status == "published"
        else:
            with pytest.raises(WarehouseBusy, match="held by another process"):
                run_pipeline(settings)
    finally:
        reader.kill()
        reader.wait()
    monkeypatch.setenv("NEWSEVENTS_LOCK_WAIT_SECONDS", "30")
    statuses = [s for s, in count(settings.warehouse, "SELECT status FROM ops.runs ORDER BY started_at")]
    assert "running" not in statuses[:-1] or status == "failed"
    assert run_pipeline(settings).status in ("published", "nothing_new")
    assert "running" not in [s for s, in count(settings.warehouse, "SELECT status FROM ops.runs")]


def test_a_rule_error_is_quarantined_never_swallowed_as_no_events(tmp_path, monkeypatch):
    from pipeline.extract import events
    from pipeline.run.runner import run_pipeline

    landing = make_landing(tmp_path / "landing", GOOD)
    settings = make_settings(tmp_path, landing)
    real = events._process_article

    def rule_bug(st, sentences, docs):
        if "Lula" in st.body:
            raise KeyError("a rule's missing key")
        return real(st, sentences, docs)

    monkeypatch.setattr(events, "_process_article", rule_bug)
    monkeypatch.setenv("NEWSEVENTS_WORKERS", "1")  # the patch must run in this process
    assert run_pipeline(settings).status == "published"
    rows = count(settings.warehouse, "SELECT source_path, reason, detail FROM curated.quarantine")
    assert [(p.rsplit("/", 1)[-1], r) for p, r, _ in rows] == [(GOOD[1], "extraction_error")]
    assert "KeyError" in rows[0][2]
    assert count(settings.warehouse, "SELECT count(*) FROM curated.event_mentions")[0][0] > 0  # the other article
