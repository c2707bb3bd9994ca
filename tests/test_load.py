"""Warehouse: schema, staging, atomic publishing and event rebuilds, on throwaway DuckDB files."""
from __future__ import annotations

from datetime import date, datetime, timedelta

import duckdb
import pytest

from pipeline.warehouse.batch import stage_batch, write_rows
from pipeline.warehouse.event_rebuild import rebuild_affected_events
from pipeline.warehouse.ledger import known_source_paths, start_run, summary
from pipeline.warehouse.publish import publish_batch
from pipeline.warehouse.schema import apply_schema

NOW = datetime(2026, 2, 4, 12, 0)


def article_row(article_id: str, run_id: str = "r1", **extra) -> dict:
    row = {
        "article_id": article_id, "source_path": f"/landing/{article_id}.txt", "source_name": article_id,
        "title": "Title", "published": date(2026, 2, 4), "published_source": "header",
        "reference_date": date(2026, 2, 4), "language": "fr", "body": "Le président a appelé son homologue.",
        "n_paragraphs": 1, "n_chars": 36, "n_removed_blocks": 0, "extractor_version": "t", "run_id": run_id,
        "loaded_at": NOW, "notes": [],
    }
    row.update(extra)
    return row


def mention_row(mention_id: str, article_id: str, run_id: str = "r1", **extra) -> dict:
    row = {
        "mention_id": mention_id, "article_id": article_id, "sentence_index": 0, "sentence_start": 0,
        "sentence_end": 36, "sentence": "Le président a appelé son homologue.", "event_type": "CONSULT",
        "mode": "phone", "quad_class": "verbal cooperation", "intensity": 1.0, "cameo_root": "04",
        "trigger": "appelé", "trigger_start": 15, "trigger_end": 21, "actor_country": "USA",
        "actor_countries": ["USA"], "recipient_country": "COL", "recipient_countries": ["COL"],
        "event_date": date(2026, 1, 7), "date_precision": "day", "status": "asserted", "is_symmetric": True,
        "confidence": 0.8, "notes": [], "extractor_version": "t", "run_id": run_id,
    }
    row.update(extra)
    return row


def write_batch(folder, run_id, articles, mentions, files=None):
    folder.mkdir(parents=True, exist_ok=True)
    files = files or [{"source_path": a["source_path"], "file_sha256": a["article_id"], "size_bytes": 10,
                       "format": "txt", "status": "ingested", "n_documents": 1, "run_id": run_id, "seen_at": NOW}
                      for a in articles]
    docs = [{"doc_id": a["article_id"], "file_sha256": a["article_id"], "source_path": a["source_path"],
             "format": "txt", "raw_text": a["body"], "run_id": run_id, "ingested_at": NOW} for a in articles]
    write_rows(files, folder / "source_files.parquet")
    write_rows(docs, folder / "documents.parquet")
    write_rows(articles, folder / "articles.parquet")
    write_rows(mentions, folder / "event_mentions.parquet")


@pytest.fixture
def con(tmp_path):
    connection = duckdb.connect(str(tmp_path / "wh.duckdb"))
    apply_schema(connection)
    yield connection
    connection.close()


def test_schema_is_idempotent_and_every_column_is_described(con):
    apply_schema(con)  # twice: no error, nothing duplicated
    missing = con.execute(
        """
        SELECT schema_name || '.' || table_name || '.' || column_name FROM duckdb_columns()
        WHERE schema_name IN ('raw', 'core', 'ops', 'curated') AND (comment IS NULL OR comment = '')
        """
    ).fetchall()
    assert missing == []
    views = {r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE schema_name = 'curated'").fetchall()}
    assert {"events", "event_mentions", "articles", "daily_dyads", "actor_timeline", "quarantine", "runs"} <= views
    undocumented = con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE schema_name IN ('raw','core','ops') AND comment IS NULL"
    ).fetchall()
    assert undocumented == []


def test_publish_is_atomic_idempotent_and_merges_across_articles(con, tmp_path):
    batch = tmp_path / "b1"
    write_batch(batch, "r1", [article_row("a1"), article_row("a2")],
                [mention_row("m1", "a1"), mention_row("m2", "a2", actor_country="COL", actor_countries=["COL"],
                                                      recipient_country="USA", recipient_countries=["USA"])])
    start_run(con, "r1", "test", "/landing", "t")
    counts = stage_batch(con, batch)
    assert counts["articles"] == 2 and counts["event_mentions"] == 2
    assert summary(con)["articles"] == 0  # staged, not yet published
    publish_batch(con, "r1")
    first = summary(con)
    assert first["articles"] == 2 and first["events"] == 1
    event = con.execute("SELECT n_mentions, n_articles, status FROM curated.events").fetchone()
    assert event == (2, 2, "asserted")
    assert con.execute("SELECT count(*) FROM core.event_mentions WHERE event_id IS NULL").fetchone()[0] == 0
    assert known_source_paths(con) == {"/landing/a1.txt": "a1", "/landing/a2.txt": "a2"}
    assert known_source_paths(con, ["/landing/a2.txt", "/landing/new.txt"]) == {"/landing/a2.txt": "a2"}

    # re-staging and re-publishing the same batch changes nothing
    start_run(con, "r1b", "test", "/landing", "t")
    stage_batch(con, batch)
    publish_batch(con, "r1b")
    assert summary(con) == {**first, "runs": 2}
    assert con.execute("SELECT count(*) FROM raw.source_files").fetchone()[0] == 2


def test_new_batch_extends_existing_event_and_leaves_others(con, tmp_path):
    write_batch(tmp_path / "b1", "r1", [article_row("a1")],
                [mention_row("m1", "a1"), mention_row("t1", "a1", event_type="THREATEN", quad_class="verbal conflict",
                                                      intensity=-6.0, is_symmetric=False, actor_country="RUS",
                                                      actor_countries=["RUS"], recipient_country="UKR",
                                                      recipient_countries=["UKR"])])
    start_run(con, "r1", "test", "/l", "t")
    stage_batch(con, tmp_path / "b1")
    publish_batch(con, "r1")
    threat_id = con.execute("SELECT event_id FROM core.events WHERE event_type = 'THREATEN'").fetchone()[0]
    write_batch(tmp_path / "b2", "r2", [article_row("a3", "r2")],
                [mention_row("m3", "a3", "r2", event_date=date(2026, 1, 8))])
    start_run(con, "r2", "test", "/l", "t")
    stage_batch(con, tmp_path / "b2")
    publish_batch(con, "r2")
    rows = con.execute("SELECT event_type, n_mentions, n_articles FROM core.events ORDER BY event_type").fetchall()
    assert rows == [("CONSULT", 2, 2), ("THREATEN", 1, 1)]
    assert con.execute("SELECT event_id FROM core.events WHERE event_type = 'THREATEN'").fetchone()[0] == threat_id


def test_failed_publish_rolls_back_everything(con, tmp_path, monkeypatch):
    write_batch(tmp_path / "b1", "r1", [article_row("a1")], [mention_row("m1", "a1")])
    start_run(con, "r1", "test", "/l", "t")
    stage_batch(con, tmp_path / "b1")

    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("pipeline.warehouse.publish.rebuild_affected_events", explode)
    with pytest.raises(RuntimeError, match="disk full"):
        publish_batch(con, "r1")
    assert summary(con)["articles"] == 0 and summary(con)["mentions"] == 0
    assert con.execute("SELECT count(*) FROM raw.documents").fetchone()[0] == 0


def test_rebuild_is_a_no_op_without_new_mentions(con):
    con.execute("CREATE OR REPLACE TABLE staging.event_mentions AS SELECT * FROM core.event_mentions LIMIT 0")
    con.execute("CREATE OR REPLACE TABLE staging.articles AS SELECT * FROM core.articles LIMIT 0")
    assert rebuild_affected_events(con, "r0") == []


def test_rebuild_reads_only_mentions_within_the_merge_window(con, tmp_path):
    old = [mention_row(f"o{i}", "a1", event_date=date(2024, 1, 7)) for i in range(3)]
    write_batch(tmp_path / "b1", "r1", [article_row("a1", reference_date=date(2024, 1, 8))], old)
    start_run(con, "r1", "test", "/l", "t")
    stage_batch(con, tmp_path / "b1")
    publish_batch(con, "r1")
    write_batch(tmp_path / "b2", "r2", [article_row("a2", "r2")], [mention_row("n1", "a2", "r2")])
    start_run(con, "r2", "test", "/l", "t")
    stage_batch(con, tmp_path / "b2")
    publish_batch(con, "r2")
    touched = {r[0] for r in con.execute("SELECT mention_id FROM affected_mentions").fetchall()}
    assert touched == {"n1"}  # the 2024 call is two years away: never re-read
    assert con.execute("SELECT count(*) FROM core.events").fetchone()[0] == 2


# ---------------------------------------------------------------- incremental event merging
def publish(con, folder, run_id, articles, mentions):
    write_batch(folder / run_id, run_id, articles, mentions)
    start_run(con, run_id, "test", "/l", "t")
    stage_batch(con, folder / run_id)
    return publish_batch(con, run_id)


def events_by_id(con) -> dict:
    cursor = con.execute("SELECT * FROM core.events")
    names = [d[0] for d in cursor.description]
    return {row[0]: dict(zip(names, row)) for row in cursor.fetchall()}


def memberships(con) -> set[frozenset]:
    rows = con.execute("SELECT event_id, mention_id FROM core.event_mentions WHERE event_id IS NOT NULL").fetchall()
    groups: dict = {}
    for event_id, mention_id in rows:
        groups.setdefault(event_id, set()).add(mention_id)
    return {frozenset(g) for g in groups.values()}


def call(mid, article, run_id, when, actor="USA", recipient="COL", **extra):
    return mention_row(mid, article, run_id, event_date=when, actor_country=actor, actor_countries=[actor],
                       recipient_country=recipient, recipient_countries=[recipient], **extra)


def threat(mid, article, run_id, when, **extra):
    return mention_row(mid, article, run_id, event_type="THREATEN", quad_class="verbal conflict", intensity=-6.0,
                       is_symmetric=False, event_date=when, actor_country="RUS", actor_countries=["RUS"],
                       recipient_country="UKR", recipient_countries=["UKR"], **extra)


def test_new_mention_joins_the_nearest_existing_event_and_keeps_its_id(con, tmp_path):
    publish(con, tmp_path, "r1", [article_row("a1"), article_row("a2"), article_row("a3")],
            [call("m1", "a1", "r1", date(2026, 1, 7)), call("m2", "a2", "r1", date(2026, 1, 20)),
             call("m3", "a3", "r1", date(2026, 1, 20), actor="FRA", recipient="DEU")])
    before = events_by_id(con)
    jan20 = next(e for e in before.values() if e["event_date"] == date(2026, 1, 20) and e["actor_countries"] == ["USA"])
    assert jan20["anchor_date"] == date(2026, 1, 20) and jan20["anchor_precision"] == "day"
    # Jan 19 is within 2 days of the Jan 20 event (not of Jan 7); "z1" sorts after m2: same first mention
    result = publish(con, tmp_path, "r2", [article_row("b1", "r2")], [call("z1", "b1", "r2", date(2026, 1, 19))])
    after = events_by_id(con)
    assert set(after) == set(before) and result["events_rebuilt"] == 1
    assert after[jan20["event_id"]]["n_mentions"] == 2 and after[jan20["event_id"]]["run_id"] == "r2"
    assert after[jan20["event_id"]]["date_min"] == date(2026, 1, 19)
    assert con.execute("SELECT event_id FROM core.event_mentions WHERE mention_id = 'z1'").fetchone()[0] == jan20["event_id"]
    for event_id, row in before.items():  # every other event: the very same row, not rewritten
        if event_id != jan20["event_id"]:
            assert after[event_id] == row


def test_only_events_near_the_batch_are_read_and_only_changed_ones_rewritten(con, tmp_path):
    publish(con, tmp_path, "r1", [article_row("a1"), article_row("a2"), article_row("a3")],
            [call("m1", "a1", "r1", date(2026, 1, 7)),  # same dyad, 13 days before: read (window), unchanged
             call("m2", "a2", "r1", date(2025, 11, 20)),  # same dyad, two months before
             threat("t1", "a3", "r1", date(2026, 1, 20))])  # another type, same day
    before = events_by_id(con)
    publish(con, tmp_path, "r2", [article_row("b1", "r2")], [call("n1", "b1", "r2", date(2026, 1, 20))])
    read = {r[0] for r in con.execute("SELECT mention_id FROM affected_mentions").fetchall()}
    assert read == {"n1", "m1"}
    after = events_by_id(con)
    assert len(after) == 4 and all(after[event_id] == row for event_id, row in before.items())


def test_a_batch_can_merge_published_events_and_the_result_is_the_one_from_scratch(con, tmp_path):
    # a weakly dated mention (publication date) stays alone until a dated report of the same call comes in
    publish(con, tmp_path, "r1", [article_row("a1")],
            [call("w1", "a1", "r1", date(2026, 1, 9), notes=["date_from_publication"])])
    assert len(events_by_id(con)) == 1
    publish(con, tmp_path, "r2", [article_row("b1", "r2")], [call("n1", "b1", "r2", date(2026, 1, 7))])
    events = list(events_by_id(con).values())
    assert len(events) == 1 and events[0]["n_mentions"] == 2 and events[0]["anchor_date"] == date(2026, 1, 7)
    assert memberships(con) == {frozenset({"w1", "n1"})}


def test_republishing_a_batch_changes_no_event(con, tmp_path):
    mentions = [call("m1", "a1", "r1", date(2026, 1, 7)), call("m2", "a2", "r1", date(2026, 1, 8)),
                threat("t1", "a1", "r1", date(2026, 1, 7))]
    publish(con, tmp_path, "r1", [article_row("a1"), article_row("a2")], mentions)
    before = events_by_id(con)
    result = publish(con, tmp_path, "r1b", [article_row("a1"), article_row("a2")], mentions)
    assert result["events_rebuilt"] == 0 and events_by_id(con) == before


def _random_mentions(rng, n: int) -> list[dict]:
    """Complete mentions (both sides known), one per article, of 2 types and 3 countries over 6 weeks:
    day/week/unknown precision, some dated by their publication only, a few without date."""
    countries = ["USA", "COL", "FRA"]
    rows = []
    for i in range(n):
        actor = rng.choice(countries)
        recipient = rng.choice([c for c in countries if c != actor])
        when = date(2026, 1, 1) + timedelta(days=rng.randint(0, 40))
        precision, notes = rng.choice(["day"] * 8 + ["week", None]), []
        if rng.random() < 0.25:
            precision, notes = "day", ["date_from_publication"]
        if rng.random() < 0.05:
            when, precision, notes = None, None, ["no_date"]
        kind = rng.choice(["CONSULT", "THREATEN"])
        rows.append(dict(mid=f"m{i:03d}", article=f"a{i:03d}", event_type=kind, event_date=when, date_precision=precision,
                         notes=notes, is_symmetric=rng.random() < 0.2, actor_country=actor, actor_countries=[actor],
                         recipient_country=recipient, recipient_countries=[recipient],
                         quad_class="verbal cooperation" if kind == "CONSULT" else "verbal conflict"))
    return rows


@pytest.mark.parametrize("seed", range(8))
def test_batches_in_any_order_give_the_events_of_one_clustering_of_everything(tmp_path, seed):
    """Where arrival order cannot matter (one mention per article, both sides known), publishing in
    2-3 batches of random articles gives exactly the events of clustering all mentions at once."""
    import random

    from merge_support import cluster_mentions

    rng = random.Random(seed)
    mentions = _random_mentions(rng, 24)
    batches = rng.choice([2, 3])
    batch_of = {m["article"]: rng.randrange(batches) for m in mentions}
    con = duckdb.connect(str(tmp_path / "wh.duckdb"))
    apply_schema(con)
    for b in range(batches):
        rows = [m for m in mentions if batch_of[m["article"]] == b]
        if rows:
            run_id = f"r{b}"
            publish(con, tmp_path, run_id, [article_row(m["article"], run_id) for m in rows],
                    [mention_row(m["mid"], m["article"], run_id, **{k: v for k, v in m.items() if k not in ("mid", "article")})
                     for m in rows])
    cursor = con.execute("SELECT * FROM core.event_mentions")
    names = [d[0] for d in cursor.description]
    everything = [dict(zip(names, row)) for row in cursor.fetchall()]
    from_scratch = {frozenset(m["mention_id"] for m in members) for members in cluster_mentions(everything)}
    assert memberships(con) == from_scratch
    # and each event row is the one a single clustering would write (ids may differ only where kept)
    assert con.execute("SELECT count(*) FROM core.events").fetchone()[0] == len(from_scratch)
    con.close()


def test_warehouse_from_before_the_anchors_and_band_index_is_filled_in(con, tmp_path):
    publish(con, tmp_path, "r1", [article_row("a1", minhash=list(range(128))), article_row("a2")],
            [call("m1", "a1", "r1", date(2026, 1, 7)), call("w1", "a2", "r1", date(2026, 1, 9), notes=["date_from_publication"],
                                                              actor="FRA")])
    anchors = con.execute("SELECT event_id, anchor_date, anchor_precision FROM core.events ORDER BY 1").fetchall()
    assert {(d, p) for _, d, p in anchors} == {(date(2026, 1, 7), "day"), (date(2026, 1, 9), "weak")}
    bands = con.execute("SELECT * FROM core.article_bands ORDER BY band").fetchall()
    assert len(bands) == 32 and {b[0] for b in bands} == {"a1"}  # a2 has no signature
    con.execute("DROP VIEW IF EXISTS curated.events")  # views depend on the table's columns
    con.execute("DROP TABLE core.article_bands")
    con.execute("ALTER TABLE core.events DROP COLUMN anchor_date")
    con.execute("ALTER TABLE core.events DROP COLUMN anchor_precision")
    apply_schema(con)
    assert con.execute("SELECT event_id, anchor_date, anchor_precision FROM core.events ORDER BY 1").fetchall() == anchors
    assert con.execute("SELECT * FROM core.article_bands ORDER BY band").fetchall() == bands
