"""Generated landings that mix good and poisoned inputs (tests/reliability/landings.py, seeded):
every input is published or quarantined with a reason (or skipped and counted), every good input
is published, nothing reaches the curated views that an audit did not see, a second run adds nothing.

Two layers: 1,000 landings through ingest and cleaning (every file and document accounted for,
no spaCy, no GX: fast), and full runs through audit and publish on a sample of them.
"""
from __future__ import annotations

import pytest

from .conftest import assert_exactly_once, count, make_settings, needs_extract
from .landings import PUBLISHED, QUARANTINED, SKIPPED, generate

CHEAP_LANDINGS = int(__import__("os").environ.get("NEWSEVENTS_TEST_LANDINGS", 1000))
FULL_LANDINGS = 12


def _accounting(landing) -> None:
    from pipeline.clean import clean_batch
    from pipeline.ingest.landing import ingest_landing, path_text

    result = ingest_landing(landing.folder, settle_seconds=0)
    by_name = {f.source_path.rsplit("/", 1)[-1]: f for f in result.files}
    skipped = {p.rsplit("/", 1)[-1] for p, _ in result.skipped}
    quarantined = {q.source_path.rsplit("/", 1)[-1] for q in result.quarantined}
    for name, fate in landing.expect.items():
        if fate == SKIPPED:
            assert name in skipped and name not in by_name, (name, landing.kinds[name])
            continue
        assert name in by_name, (name, landing.kinds[name])  # read and recorded: never silently dropped
        status = by_name[name].status
        if status in ("quarantined", "partial"):
            assert name in quarantined, (name, status)  # with a reason
        if fate == PUBLISHED:
            assert status in ("ingested", "partial"), (name, landing.kinds[name], status)
    docs = {d.doc_id: d for d in result.documents}
    articles = {a.doc_id: a for a in clean_batch(list(docs.values()))}
    assert set(articles) == set(docs)  # every document comes out of cleaning as an article
    for doc_id, article in articles.items():
        name = docs[doc_id].source_path.rsplit("/", 1)[-1]
        if landing.expect.get(name) == PUBLISHED and landing.kinds[name] != "twin":
            assert article.body.strip(), (name, landing.kinds[name])  # a good article keeps its text
    assert path_text(landing.folder)


def test_a_thousand_generated_landings_account_for_every_input(tmp_path):
    for seed in range(CHEAP_LANDINGS):
        _accounting(generate(tmp_path / f"l{seed}", seed))


@needs_extract
@pytest.mark.slow
@pytest.mark.parametrize("seed", range(FULL_LANDINGS))
def test_generated_landing_through_audit_and_publish(tmp_path, seed):
    from pipeline.run.runner import run_landing

    landing = generate(tmp_path / "landing", 10_000 + seed)
    settings = make_settings(tmp_path, landing.folder)
    summaries = run_landing(settings)
    assert summaries and all(s.status in ("published", "nothing_new") for s in summaries), summaries
    wh = settings.warehouse
    published = {p.rsplit("/", 1)[-1] for p, in count(wh, "SELECT DISTINCT source_path FROM curated.articles")}
    quarantined = {p.rsplit("/", 1)[-1] for p, in count(wh, "SELECT DISTINCT source_path FROM raw.quarantine")}
    twins = {p.rsplit("/", 1)[-1] for p, in count(wh, "SELECT source_path FROM raw.source_files")}
    for name, fate in landing.expect.items():
        if fate == PUBLISHED and landing.kinds[name] != "twin":
            assert name in published, (name, landing.kinds[name])
        if fate == QUARANTINED:
            assert name in quarantined and name not in published, (name, landing.kinds[name])
        if fate == SKIPPED:
            assert name not in twins
    # nothing in the curated views that an audit did not pass
    unaudited = count(wh, """
        SELECT count(*) FROM core.articles AS a LEFT JOIN ops.runs AS r USING (run_id)
        WHERE r.status IS DISTINCT FROM 'published' OR NOT coalesce(r.audit_success, false)""")[0][0]
    assert unaudited == 0
    events_unaudited = count(wh, """
        SELECT count(*) FROM curated.events AS e
        WHERE e.event_id NOT IN (SELECT event_id FROM curated.event_mentions WHERE event_id IS NOT NULL)""")[0][0]
    assert events_unaudited == 0
    skipped = sum(n or 0 for n, in count(wh, "SELECT n_skipped FROM ops.runs"))
    assert skipped == sum(1 for f in landing.expect.values() if f == SKIPPED)
    assert run_landing(settings)[-1].status == "nothing_new"  # a second run adds nothing
    assert_exactly_once(wh, landing.folder)
