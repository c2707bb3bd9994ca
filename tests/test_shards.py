"""Sharded cleaning and extraction (pipeline.run.shards) write exactly the files of the
single-process stages, whatever the number of shards; the fork pool stays out of daemonic processes."""
from __future__ import annotations

import multiprocessing
import shutil
from datetime import datetime
from pathlib import Path

import pytest

from pipeline.core.config import load_settings
from pipeline.run import shards
from pipeline.run.stages import clean_stage, extract_stage, ingest_stage
from pipeline.warehouse.batch import batch_dir, read_rows

REPO = Path(__file__).resolve().parents[1]
OUTPUTS = ("articles", "removed_blocks", "quarantine.clean", "event_mentions", "sentences", "quarantine.extract")


def _without_clock(rows: list[dict]) -> list[dict]:
    return [{k: v for k, v in row.items() if not isinstance(v, datetime)} for row in rows]


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    """The samples ingested once into a batch folder that each variant copies."""
    tmp = tmp_path_factory.mktemp("shards")
    landing = tmp / "landing"
    shutil.copytree(REPO / "samples", landing, ignore=shutil.ignore_patterns("*.md", "expected_*"))
    settings = load_settings(landing=landing, warehouse=tmp / "absent.duckdb", work_dir=tmp / "base",
                             reports_dir=tmp / "reports", settle_seconds=0.0)
    stats = ingest_stage(settings, "batch1")
    assert stats["documents"] >= 8
    return tmp, settings


def _variant(ingested, name: str):
    tmp, settings = ingested
    variant = settings.with_overrides(work_dir=tmp / name)
    target = batch_dir(variant, "batch1")
    for path in batch_dir(settings, "batch1").glob("*.parquet"):
        shutil.copy(path, target / path.name)
    return variant


@pytest.fixture(scope="module")
def single(ingested):
    settings = _variant(ingested, "single")
    clean_stage(settings, "batch1")
    extract_stage(settings, "batch1")
    return {name: read_rows(batch_dir(settings, "batch1") / f"{name}.parquet") for name in OUTPUTS}


@pytest.mark.parametrize("n", [1, 2, 4])
def test_sharded_run_writes_the_single_process_files(ingested, single, n, monkeypatch):
    monkeypatch.setattr(shards, "MIN_SHARD_DOCUMENTS", 1)  # the samples are small: force real shards
    settings = _variant(ingested, f"sharded{n}")
    result = shards.run_sharded(settings, "batch1", n)
    assert result["shards"] == n
    for name in OUTPUTS:
        rows = read_rows(batch_dir(settings, "batch1") / f"{name}.parquet")
        assert _without_clock(rows) == _without_clock(single[name]), name
    assert single["event_mentions"], "the samples give mentions"


def test_shard_count_is_bounded_by_the_batch(ingested):
    settings = _variant(ingested, "bounded")
    docs = len(read_rows(batch_dir(settings, "batch1") / "documents.parquet"))
    assert shards.plan_shards(settings, "batch1", 64) == list(range(max(1, -(-docs // shards.MIN_SHARD_DOCUMENTS))))


def test_slices_are_contiguous_and_cover_everything():
    for n_items in (0, 1, 7, 100):
        for n in (1, 2, 3, 4, 9):
            bounds = shards.slice_bounds(n_items, n)
            assert len(bounds) == n and bounds[0][0] == 0 and bounds[-1][1] == n_items
            assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:]))
            sizes = [e - s for s, e in bounds]
            assert max(sizes) - min(sizes) <= 1


def test_merge_refuses_missing_shards(ingested):
    settings = _variant(ingested, "missing")
    shards.plan_shards(settings, "batch1", 2)
    with pytest.raises(RuntimeError, match="not done"):
        shards.merge_clean(settings, "batch1")


def _fork_in_daemon(queue):
    from pipeline.core.workers import fork_map, in_daemonic_process

    queue.put((in_daemonic_process(), list(fork_map(abs, [-1, -2, -3], workers=4))))


def test_fork_pool_runs_in_process_inside_a_daemonic_process():
    """What a Celery prefork child is: forking there fails with 'daemonic processes are not
    allowed to have children'; fork_map must run the chunks in-process instead."""
    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()
    child = ctx.Process(target=_fork_in_daemon, args=(queue,), daemon=True)
    child.start()
    daemonic, result = queue.get(timeout=60)
    child.join(60)
    assert daemonic is True and result == [1, 2, 3]
