"""Faults: SIGKILL at every stage (really killing a subprocess), a failing audit, a failing document,
a full disk and a read-only warehouse, two runs at once, readers during a publish. After each fault
the last good publish is intact and a plain re-run reaches exactly the state of a clean run."""
from __future__ import annotations

import errno
import fcntl
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import (
    EXTRA_SAMPLE,
    REPO,
    SAMPLES,
    assert_exactly_once,
    count,
    curated_snapshot,
    make_landing,
    make_settings,
    needs_extract,
    run_driver,
    settings_env,
)

pytestmark = needs_extract

STAGE_POINTS = ["ingest", "audit", "publish"]  # fault_point(name) at the stage's start
IN_CODE_POINTS = ["publish.commit"]  # inside publish_batch's transaction, just before COMMIT
MID_POINTS = ["ingest.mid", "extract.mid", "stage.mid"]  # inside a stage (driver-level patches)
ALL_POINTS = STAGE_POINTS + IN_CODE_POINTS + MID_POINTS
# Kill-only points: their persisted state (batch Parquet files, nothing in the warehouse) is the
# same as ingest.mid's, whose re-run is fully checked; here we only prove the kill and no write.
KILL_ONLY_POINTS = ["clean", "extract"]


@pytest.fixture(scope="module")
def killed_runs(tmp_path_factory, request):
    """Launch one subprocess per kill point, all at once (each with its own warehouse), and the
    in-process reference run while they work."""
    runs = {}
    for point in ALL_POINTS + KILL_ONLY_POINTS:
        root = tmp_path_factory.mktemp("kill_" + point.replace(".", "_"))
        settings = make_settings(root, make_landing(root / "landing"))
        mid = point if point in MID_POINTS else None
        runs[point] = {"settings": settings,
                       "proc": run_driver(settings, fault=None if mid else point, mid=mid)}
    request.getfixturevalue("reference_run")
    for info in runs.values():
        out, err = info["proc"].communicate(timeout=600)
        info.update(returncode=info["proc"].returncode, stdout=out, stderr=err)
    return runs


@pytest.mark.parametrize("point", KILL_ONLY_POINTS)
def test_sigkill_at_clean_and_extract_start_writes_nothing_to_the_warehouse(point, killed_runs):
    info = killed_runs[point]
    assert info["returncode"] == -signal.SIGKILL, f"{point}: not killed ({info['returncode']}): {info['stderr'][-1500:]}"
    s = info["settings"]
    assert not s.warehouse.exists() or count(s.warehouse, "SELECT count(*) FROM ops.runs") == [(0,)]
    assert list(s.work_dir.glob("*/source_files.parquet")), "ingest ran before the kill"


@pytest.mark.parametrize("point", ALL_POINTS)
def test_sigkill_then_rerun_equals_a_clean_run(point, killed_runs, reference_run):
    from pipeline.run.runner import run_pipeline

    info = killed_runs[point]
    assert info["returncode"] == -signal.SIGKILL, f"{point}: not killed ({info['returncode']}): {info['stderr'][-1500:]}"
    assert "STATUS" not in info["stdout"]
    s = info["settings"]
    if s.warehouse.exists():  # whatever the kill left: nothing of the killed run is published
        assert count(s.warehouse, "SELECT count(*) FROM ops.runs WHERE status = 'published'") == [(0,)]
        assert count(s.warehouse, "SELECT count(*) FROM curated.articles") == [(0,)]
    rerun = run_pipeline(s)
    assert rerun.status == "published", rerun
    assert curated_snapshot(s.warehouse) == reference_run["snapshot"], f"{point}: re-run differs from a clean run"
    stats = assert_exactly_once(s.warehouse, s.landing)
    statuses = count(s.warehouse, "SELECT status, error FROM ops.runs ORDER BY started_at")
    assert [st for st, _ in statuses].count("published") == 1
    assert all(st != "running" for st, _ in statuses), statuses
    if point not in ("ingest", "ingest.mid", "extract.mid"):  # killed after start_run opened the ops.runs row
        assert statuses[0][0] == "failed" and statuses[0][1].startswith("interrupted"), statuses
    again = run_pipeline(s)  # and re-running once more is a no-op
    assert again.status == "nothing_new" and curated_snapshot(s.warehouse) == reference_run["snapshot"]
    print(f"{point}: killed, re-run published {stats}")


def test_audit_failure_publishes_nothing_and_keeps_the_last_publish(tmp_path, monkeypatch, reference_run):
    import pipeline.run.runner as runner

    landing = make_landing(tmp_path / "landing")
    settings = make_settings(tmp_path, landing)
    assert runner.run_pipeline(settings).status == "published"
    good = curated_snapshot(settings.warehouse)
    shutil.copy2(SAMPLES / EXTRA_SAMPLE, landing / EXTRA_SAMPLE)
    import pipeline.run.stages as stages

    real = stages.mention_row
    poisoned = []

    def bad_confidence(m, run_id, version):
        row = real(m, run_id, version)
        row["actor_country"] = "IR"  # every mention: a systematic slip, so batch-level (beyond `mostly`)
        poisoned.append(row["mention_id"])
        return row

    monkeypatch.setattr(stages, "mention_row", bad_confidence)
    failed = runner.run_pipeline(settings)
    assert poisoned and failed.status == "audit_failed"
    assert curated_snapshot(settings.warehouse) == good, "a failed audit changed the curated views"
    assert count(settings.warehouse, "SELECT status, audit_success FROM ops.runs WHERE run_id = ?", [failed.run_id]) \
        == [("audit_failed", False)]
    assert count(settings.warehouse, "SELECT count(*) FROM ops.audit_results WHERE run_id = ? AND NOT success",
                 [failed.run_id])[0][0] >= 1
    assert count(settings.warehouse, "SELECT count(*) FROM raw.source_files WHERE source_path LIKE ?",
                 [f"%{EXTRA_SAMPLE}"]) == [(0,)], "the unpublished file must be retried by the next run"
    monkeypatch.setattr(stages, "mention_row", real)
    fixed = runner.run_pipeline(settings)
    assert fixed.status == "published"
    assert count(settings.warehouse, "SELECT count(*) FROM curated.articles WHERE source_path LIKE ?",
                 [f"%{EXTRA_SAMPLE}"]) == [(1,)]
    assert_exactly_once(settings.warehouse, landing)


def break_extraction(monkeypatch, fails):
    """Make the extractor raise for the articles `fails(article_id, body)` selects (batch and single
    calls alike); the others go through the real extractor."""
    import pipeline.extract as extract
    import pipeline.extract.events as events

    real_one, real_many = events.extract_mentions, events.extract_many

    def one(article_id, body, *args, **kwargs):
        if fails(article_id, body):
            raise RuntimeError("simulated extractor crash")
        return real_one(article_id, body, *args, **kwargs)

    def many(items, *args, **kwargs):
        items = list(items)
        if any(fails(item[0], item[1]) for item in items):
            raise RuntimeError("simulated extractor crash")
        return real_many(items, *args, **kwargs)

    for module in (extract, events):
        monkeypatch.setattr(module, "extract_mentions", one)
        monkeypatch.setattr(module, "extract_many", many)


def test_one_document_failing_extraction_is_quarantined_and_the_batch_goes_on(tmp_path, monkeypatch, reference_run):

    landing = make_landing(tmp_path / "landing")
    settings = make_settings(tmp_path, landing)
    from pipeline.ingest.landing import sha256_file

    target = sha256_file(landing / "fr_01_macron_merz_defense.txt")  # a .txt article's id is its file's sha256
    break_extraction(monkeypatch, lambda article_id, body: article_id == target)
    from pipeline.run.runner import run_pipeline

    result = run_pipeline(settings)
    assert result.status == "published"
    q = count(settings.warehouse, "SELECT source_path, stage, reason, detail FROM raw.quarantine WHERE stage = 'extract'")
    assert len(q) == 1, q
    assert q[0][1:3] == ("extract", "extraction_error") and "simulated extractor crash" in q[0][3]
    assert q[0][0].endswith("fr_01_macron_merz_defense.txt")
    others = count(settings.warehouse, "SELECT count(DISTINCT article_id) FROM curated.event_mentions")[0][0]
    reference = count(reference_run["settings"].warehouse, "SELECT count(DISTINCT article_id) FROM curated.event_mentions")[0][0]
    assert others == reference - 1, "the other articles' mentions were published"


def _enospc(*args, **kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("where", ["work_dir_write", "inside_publish_transaction"])
def test_disk_full_fails_clearly_and_publishes_nothing(tmp_path, monkeypatch, where):
    """Simulated (monkeypatched OSError ENOSPC): at a batch Parquet write, and inside the publish
    transaction after rows were already inserted into raw/core."""
    import pipeline.run.runner as runner
    import pipeline.run.stages as stages
    import pipeline.warehouse.publish as publish

    landing = make_landing(tmp_path / "landing", names=("fr_01_macron_merz_defense.txt",))
    settings = make_settings(tmp_path, landing)
    assert runner.run_pipeline(settings).status == "published"
    good = curated_snapshot(settings.warehouse)
    docs_before = count(settings.warehouse, "SELECT count(*) FROM raw.documents")
    shutil.copy2(SAMPLES / EXTRA_SAMPLE, landing / EXTRA_SAMPLE)
    if where == "work_dir_write":
        real = stages.write_rows
        monkeypatch.setattr(stages, "write_rows",
                            lambda rows, path: _enospc() if path.name == "articles.parquet" else real(rows, path))
    else:
        monkeypatch.setattr(publish, "rebuild_affected_events", _enospc)
    with pytest.raises(OSError, match="No space left on device"):
        runner.run_pipeline(settings)
    assert curated_snapshot(settings.warehouse) == good
    assert count(settings.warehouse, "SELECT count(*) FROM raw.documents") == docs_before  # rolled back
    last = count(settings.warehouse, "SELECT status, error FROM ops.runs ORDER BY started_at DESC LIMIT 1")[0]
    assert last[0] == "failed" and "No space left on device" in last[1]
    monkeypatch.undo()
    assert runner.run_pipeline(settings).status == "published"
    assert_exactly_once(settings.warehouse, landing)


def test_read_only_warehouse_fails_clearly_and_publishes_nothing(tmp_path, monkeypatch):
    """Simulated: every connection is opened read_only (as on a read-only mount; chmod does not
    stop root, so the DuckDB read-only mode stands in for it)."""
    import pipeline.warehouse.connection as connection
    from pipeline.run.runner import run_pipeline

    landing = make_landing(tmp_path / "landing", names=("fr_01_macron_merz_defense.txt",))
    settings = make_settings(tmp_path, landing)
    assert run_pipeline(settings).status == "published"
    good = curated_snapshot(settings.warehouse)
    shutil.copy2(SAMPLES / EXTRA_SAMPLE, landing / EXTRA_SAMPLE)
    real = connection.connect
    for module in [m for name, m in sys.modules.items() if name.startswith("pipeline.")]:
        if getattr(module, "connect", None) is real:  # every module that opens the warehouse
            monkeypatch.setattr(module, "connect", lambda path, read_only=False: real(path, read_only=True))
    with pytest.raises(Exception, match="read-only"):
        run_pipeline(settings)
    monkeypatch.undo()
    assert curated_snapshot(settings.warehouse) == good
    assert run_pipeline(settings).status == "published"
    assert_exactly_once(settings.warehouse, landing)


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions: covered by the read_only simulation")
def test_read_only_warehouse_file_permissions(tmp_path):
    from pipeline.run.runner import run_pipeline

    landing = make_landing(tmp_path / "landing", names=("fr_01_macron_merz_defense.txt",))
    settings = make_settings(tmp_path, landing)
    assert run_pipeline(settings).status == "published"
    good = curated_snapshot(settings.warehouse)
    shutil.copy2(SAMPLES / EXTRA_SAMPLE, landing / EXTRA_SAMPLE)
    os.chmod(settings.warehouse, 0o444)
    try:
        with pytest.raises(Exception, match="(?i)read-only|permission|readonly"):
            run_pipeline(settings)
    finally:
        os.chmod(settings.warehouse, 0o644)
    assert curated_snapshot(settings.warehouse) == good


@pytest.mark.slow
def test_real_full_disk_and_read_only_mount(tmp_path):
    """Not simulated: a tiny tmpfs (ENOSPC) and a read-only bind mount, in a private mount
    namespace (unshare -rm). The first run publishes; the second must fail without damage."""
    if shutil.which("unshare") is None or subprocess.run(["unshare", "-rm", "true"], capture_output=True).returncode:
        pytest.skip("unshare -rm (user + mount namespace) not available")
    landing = make_landing(tmp_path / "landing", names=("fr_01_macron_merz_defense.txt",))
    settings = make_settings(tmp_path, landing)
    cli = str(Path(sys.executable).parent / "newsevents")
    env = settings_env(settings)
    from pipeline.run.runner import run_pipeline

    assert run_pipeline(settings).status == "published"
    shutil.copy2(SAMPLES / EXTRA_SAMPLE, landing / EXTRA_SAMPLE)
    wh = settings.warehouse.parent
    size_kb = sum(p.stat().st_size for p in wh.iterdir()) // 1024 + 64
    snapshot = f"{sys.executable} -c \"import json,sys; sys.path.insert(0, '{REPO / 'tests'}'); " \
               f"from reliability.conftest import curated_snapshot; from pathlib import Path; " \
               f"print('SNAP', json.dumps(curated_snapshot(Path('{settings.warehouse}'))))\""
    scripts = {
        "full_disk": f"cp -a {wh} {tmp_path}/wh_copy && mount -t tmpfs -o size={size_kb}k tmpfs {wh} && "
                     f"cp -a {tmp_path}/wh_copy/. {wh}/ && {cli} run --quiet; echo RC=$?; {snapshot}",
        "read_only": f"mount --bind {wh} {wh} && mount -o remount,bind,ro {wh} && {cli} run --quiet; echo RC=$?; {snapshot}",
    }
    import json

    good = curated_snapshot(settings.warehouse)
    good_json = json.loads(json.dumps(good))
    for name, script in scripts.items():
        out = subprocess.run(["unshare", "-rm", "sh", "-c", script], env=env, capture_output=True, text=True, timeout=300)
        rc = [line for line in out.stdout.splitlines() if line.startswith("RC=")]
        assert rc and rc[0] != "RC=0", f"{name}: the run should have failed\n{out.stdout[-800:]}\n{out.stderr[-1500:]}"
        snap = [line for line in out.stdout.splitlines() if line.startswith("SNAP ")]
        assert snap and json.loads(snap[0][5:]) == good_json, f"{name}: curated views changed\n{out.stderr[-1500:]}"
        print(f"{name}: {rc[0]}; stderr tail: {out.stderr.strip().splitlines()[-1][:200]}")
    assert curated_snapshot(settings.warehouse) == good  # outside the namespace: untouched
    assert run_pipeline(settings).status == "published"
    assert_exactly_once(settings.warehouse, landing)


def _lock_is_held(lock_path: Path) -> bool:
    with open(lock_path, "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(handle, fcntl.LOCK_UN)
        return False


def test_two_cli_runs_at_once_one_is_refused_with_the_locked_exit_code(tmp_path, reference_run):
    landing = make_landing(tmp_path / "landing")
    settings = make_settings(tmp_path, landing)
    env = settings_env(settings)
    cli = str(Path(sys.executable).parent / "newsevents")
    # A waits for the lock (so the probe below cannot make it fail); B does not wait.
    a = subprocess.Popen([cli, "run", "--quiet", "--wait", "120"], env=env, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
    lock = settings.warehouse.with_suffix(settings.warehouse.suffix + ".lock")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (lock.exists() and _lock_is_held(lock)):
        assert a.poll() is None, a.communicate()
        time.sleep(0.05)
    assert _lock_is_held(lock), "run A never took the warehouse lock"
    b = subprocess.run([cli, "run", "--quiet"], env=env, capture_output=True, text=True, timeout=120)
    a_out, a_err = a.communicate(timeout=300)
    from pipeline.cli.exit_codes import LOCKED

    assert b.returncode == LOCKED, b.stderr
    assert "another newsevents run is writing" in b.stderr
    assert a.returncode == 0, a_err[-1500:]
    snap = curated_snapshot(settings.warehouse)
    for view in snap:
        assert snap[view] == reference_run["snapshot"][view], (view, set(snap[view]) ^ set(reference_run["snapshot"][view]))
    assert count(settings.warehouse, "SELECT status FROM ops.runs") == [("published",)]
    assert_exactly_once(settings.warehouse, landing)


def test_readers_during_a_publish(tmp_path, reference_run):
    """Safe read paths: (1) the Parquet export — an export taken before a publish stays complete and
    consistent while and after the next run publishes; (2) `newsevents sql` (read-only) between runs.
    A reader holding the DuckDB file open during a run makes the run fail cleanly, never half-publish."""
    import duckdb

    from pipeline.run.runner import run_pipeline
    from pipeline.warehouse.query import export_curated

    landing = make_landing(tmp_path / "landing")
    settings = make_settings(tmp_path, landing)
    assert run_pipeline(settings).status == "published"
    exported = export_curated(settings.warehouse, tmp_path / "export")
    before = {p.name: duckdb.sql(f"SELECT count(*) FROM read_parquet('{p}')").fetchall()[0][0] for p in exported}
    good = curated_snapshot(settings.warehouse)

    # a reader holding a read-only connection in another process during the run
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1], "
                               "read_only=True); print('open', flush=True); time.sleep(60)", str(settings.warehouse)],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "open"
    shutil.copy2(SAMPLES / EXTRA_SAMPLE, landing / EXTRA_SAMPLE)
    try:
        with pytest.raises(Exception, match="(?i)lock"):
            run_pipeline(settings)
    finally:
        holder.kill()
        holder.wait()
    assert curated_snapshot(settings.warehouse) == good, "a blocked run changed the published data"

    # the reader is gone: the run publishes; the earlier export is untouched and self-consistent
    assert run_pipeline(settings).status == "published"
    after = {p.name: duckdb.sql(f"SELECT count(*) FROM read_parquet('{p}')").fetchall()[0][0] for p in exported}
    assert after == before
    orphans = duckdb.sql(
        f"SELECT count(*) FROM read_parquet('{tmp_path / 'export' / 'event_mentions.parquet'}') m "
        f"ANTI JOIN read_parquet('{tmp_path / 'export' / 'articles.parquet'}') a USING (article_id)").fetchall()[0][0]
    assert orphans == 0
    assert before["articles.parquet"] == len(good["articles"])
    cli = str(Path(sys.executable).parent / "newsevents")
    out = subprocess.run([cli, "sql", "SELECT count(*) AS n FROM curated.articles", "--format", "csv"],
                         env=settings_env(settings), capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and out.stdout.splitlines()[1] == str(before["articles.parquet"] + 1), out


def test_two_documents_of_one_jsonl_failing_extraction_do_not_block_the_batch(tmp_path, monkeypatch):
    from pipeline.run.runner import run_pipeline

    landing = make_landing(tmp_path / "landing")
    settings = make_settings(tmp_path, landing)
    break_extraction(monkeypatch, lambda article_id, body: "Gaza" in body or "Nigeria" in body)
    assert run_pipeline(settings).status == "published"
    assert count(settings.warehouse, "SELECT count(*) FROM raw.quarantine WHERE stage = 'extract'")[0][0] >= 2
