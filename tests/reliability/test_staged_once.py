"""Publishing without staging twice (run_pipeline passes what the stage step loaded to publish): the
shortcut must never publish what the audit did not see. Seeded generated changes of the batch files
land between the stage step and the audit — the staged tables then hold content the audit never
read — and the published rows must be exactly the audited files' rows."""
from __future__ import annotations

import random

import pytest

from .conftest import count, make_landing, make_settings, needs_extract

pytestmark = needs_extract
GOOD = ("fr_01_macron_merz_defense.txt", "en_03_lula_modi_call.txt")


def _change_batch(folder, rng: random.Random) -> str:
    """One generated change of the batch written before the audit reads it."""
    from pipeline.warehouse.batch import read_rows, write_rows

    kind = rng.choice(["retitle", "drop_mention", "none"])
    if kind == "retitle":
        rows = read_rows(folder / "articles.parquet")
        i = rng.randrange(len(rows))
        rows[i] = {**rows[i], "title": f"changed after staging {rng.randrange(10**6)}"}
        write_rows(rows, folder / "articles.parquet")
    elif kind == "drop_mention":
        rows = read_rows(folder / "event_mentions.parquet")
        del rows[rng.randrange(len(rows))]
        write_rows(rows, folder / "event_mentions.parquet")
    return kind


@pytest.mark.parametrize("seed", [1, 5, 7, 9])  # retitle, none, drop_mention, drop_mention
def test_publish_after_one_staging_publishes_only_audited_rows(tmp_path, seed):
    from pipeline.run.runner import new_run_id
    from pipeline.run.stages import audit_stage, clean_stage, extract_stage, ingest_stage, publish_stage, stage_load
    from pipeline.warehouse.batch import batch_dir, read_rows

    rng = random.Random(seed)
    landing = make_landing(tmp_path / "landing", GOOD)
    settings = make_settings(tmp_path, landing)
    run_id = new_run_id()
    for step in (ingest_stage, clean_stage, extract_stage):
        step(settings, run_id)
    staged: dict = {}
    stage_load(settings, run_id, staged=staged)
    folder = batch_dir(settings, run_id)
    kind = _change_batch(folder, rng)
    assert audit_stage(settings, run_id)["success"], kind
    audited_titles = sorted(str(r["title"]) for r in read_rows(folder / "articles.parquet"))
    audited_mentions = len(read_rows(folder / "event_mentions.parquet"))
    publish_stage(settings, run_id, staged=staged)
    assert sorted(str(t) for (t,) in count(settings.warehouse, "SELECT title FROM curated.articles")) == audited_titles, kind
    assert count(settings.warehouse, "SELECT count(*) FROM curated.event_mentions")[0][0] == audited_mentions, kind
