from pipeline.clean.dedup import find_near_duplicates, minhash_signature, signature_similarity

STORY = ("The central bank raised its main interest rate by a quarter of a point on Thursday, the third increase "
         "this year, saying inflation remained well above its target despite a slowdown in consumer spending. "
         "The governor told reporters that further rises could not be ruled out if energy prices kept climbing, "
         "while several economists warned that higher borrowing costs would weigh on the housing market.")
OTHER = ("Heavy rain caused flooding in several villages in the north of the region overnight, forcing dozens of "
         "families to leave their homes, while firefighters rescued a driver trapped in his car on a submerged road. "
         "Schools remained closed on Friday and the regional authorities opened a crisis centre in the town hall.")


def test_wire_story_on_two_sites_is_duplicate():
    copy = "By Staff Writer. " + STORY + " Follow us for more news."
    out = find_near_duplicates([("a", STORY), ("b", OTHER), ("c", copy)], threshold=0.8)
    assert out == {"c": "a"}


def test_canonical_is_first_and_chains_collapse():
    v2 = STORY.replace("Thursday", "Thursday morning")
    v3 = v2.replace("the housing market", "the property market")
    out = find_near_duplicates([("x", STORY), ("y", v2), ("z", v3)], threshold=0.8)
    assert out == {"y": "x", "z": "x"}


def test_distinct_stories_not_merged_and_empty_ignored():
    assert find_near_duplicates([("a", STORY), ("b", OTHER), ("c", ""), ("d", "")]) == {}


def test_signature_stable_and_comparable():
    s1, s2, s3 = minhash_signature(STORY), minhash_signature(STORY + " Extra words here."), minhash_signature(OTHER)
    assert len(s1) == 128 and all(isinstance(v, int) for v in s1)
    assert s1 == minhash_signature(STORY)
    assert signature_similarity(s1, s2) > 0.8 > signature_similarity(s1, s3)


def test_signatures_are_computed_once_by_find_near_duplicates():
    signatures = {}
    find_near_duplicates([("a", STORY), ("b", OTHER), ("c", "")], signatures=signatures)
    assert signatures == {"a": minhash_signature(STORY), "b": minhash_signature(OTHER), "c": minhash_signature("")}


def test_band_filter_never_drops_a_pair_above_the_threshold():
    """Each unequal signature value breaks at most one band: a pair with >= 103 of 128 equal values
    (similarity >= 0.8) shares >= 7 bands, so filtering candidates on that loses nothing."""
    import random

    from pipeline.warehouse.near_duplicates import BAND_ROWS, BANDS, min_shared_bands

    assert min_shared_bands(0.8) == 7 and min_shared_bands(0.5) == 1
    rng = random.Random(3)
    for _ in range(2000):
        unequal = rng.sample(range(128), rng.randint(0, 60))
        broken = {i // BAND_ROWS for i in unequal}
        shared = BANDS - len(broken)
        if (128 - len(unequal)) / 128 >= 0.8:
            assert shared >= min_shared_bands(0.8)


def test_band_keys_pack_the_values_exactly():
    import duckdb

    from pipeline.warehouse.near_duplicates import bands_sql

    a, b = minhash_signature(STORY), minhash_signature(OTHER)
    mixed = a[:4] + b[4:]  # shares band 0 with `a` only
    con = duckdb.connect()
    con.execute("CREATE TABLE s AS SELECT unnest(?) AS article_id, unnest(?)::UBIGINT[] AS minhash", [["a", "b", "m"], [a, b, mixed]])
    rows = con.execute(f"SELECT article_id, band, band_key FROM ({bands_sql('s')}) ORDER BY 1, 2").fetchall()
    assert len(rows) == 96
    key = {(r[0], r[1]): r[2] for r in rows}
    assert key[("a", 0)] == (a[0] << 96) | (a[1] << 64) | (a[2] << 32) | a[3]
    assert {band for band in range(32) if key[("m", band)] == key[("a", band)]} == {0}


def test_a_new_article_is_linked_to_the_published_copy_of_its_story(tmp_path):
    from datetime import date, datetime

    from pipeline.core.config import load_settings
    from pipeline.core.models import CleanArticle
    from pipeline.warehouse.batch import stage_batch, write_rows
    from pipeline.warehouse.connection import connect
    from pipeline.warehouse.ledger import start_run
    from pipeline.warehouse.near_duplicates import match_published_duplicates
    from pipeline.warehouse.publish import publish_batch
    from pipeline.warehouse.schema import apply_schema

    settings = load_settings(warehouse=tmp_path / "wh.duckdb", work_dir=tmp_path / "work", reports_dir=tmp_path / "r")
    published = {"story": (STORY, date(2026, 1, 10)), "other": (OTHER, date(2026, 1, 10)),
                 "story-copy": ("Wire. " + STORY, date(2026, 1, 10))}
    rows = [{"article_id": aid, "source_path": f"/l/{aid}.txt", "language": "en", "body": text, "n_paragraphs": 1,
             "n_chars": len(text), "n_removed_blocks": 0, "published": day, "reference_date": day,
             "duplicate_of": "story" if aid == "story-copy" else None, "minhash": minhash_signature(text),
             "extractor_version": "t", "run_id": "r1", "loaded_at": datetime(2026, 1, 10)} for aid, (text, day) in published.items()]
    (tmp_path / "b1").mkdir()
    write_rows(rows, tmp_path / "b1" / "articles.parquet")
    with connect(settings.warehouse) as con:
        apply_schema(con)
        start_run(con, "r1", "test", "/l", "t")
        stage_batch(con, tmp_path / "b1")
        publish_batch(con, "r1")
        assert con.execute("SELECT count(*) FROM core.article_bands").fetchone()[0] == 3 * 32

    def article(doc_id, text, day):
        return CleanArticle(doc_id, f"/l/{doc_id}.txt", None, day, "header", "en", text)

    new = [article("late-copy", STORY + " Follow us for more news.", date(2026, 1, 12)),
           article("year-later", STORY + " Follow us.", date(2027, 1, 12)),  # outside the 14-day window
           article("unrelated", "Local elections were postponed after a storm damaged polling stations. " * 3,
                   date(2026, 1, 12)),
           article("story", STORY, date(2026, 1, 10))]  # published already, as the canonical copy
    signatures = {a.doc_id: minhash_signature(a.body) for a in new}
    assert match_published_duplicates(settings, new, signatures, {}) == {"late-copy": "story"}


def test_values_known_beforehand_give_the_same_groups_and_signatures():
    """The cleaning workers compute each body's MinHash values (`minhash_values`); the parent then
    builds shingle sets only for LSH candidates: same groups, same signatures as computing all."""
    import random

    from pipeline.clean.dedup import minhash_values, shingles

    assert shingles("a b c d") == {b"a b c", b"b c d"} and shingles("Un deux") == {b"un deux"}
    rng = random.Random(5)
    words = (STORY + " " + OTHER).split()
    items = [("a", STORY), ("b", OTHER), ("e", ""), ("p", "...")]
    for i in range(40):  # variants of the two stories, some near copies, some not
        base = list(words[:60] if i % 2 else words[60:])
        for _ in range(rng.choice([1, 2, 8, 30])):
            base[rng.randrange(len(base))] = rng.choice(["today", "Paris", "said", "rain"])
        items.append((f"v{i}", " ".join(base)))
    sig_plain, sig_fast = {}, {}
    plain = find_near_duplicates(items, signatures=sig_plain)
    known = {doc_id: minhash_values(text) for doc_id, text in items if text.strip() and rng.random() < .8}
    fast = find_near_duplicates(items, signatures=sig_fast, known=known)
    assert plain and fast == plain and sig_fast == sig_plain
