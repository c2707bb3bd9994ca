"""Audit stage: Great Expectations suites on good and bad staged batches, Data Docs, suite sync.

Run the benchmark (≈2,000 articles / 10,000 mentions) with:
    .venv/bin/python tests/test_audit.py --bench
"""
from __future__ import annotations

import datetime as dt
import importlib.util
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from pipeline.quality import audit  # noqa: E402

SUITES_DIR = REPO / "expectations" / "suites"
RUN_ID = "test-run-20261115T120000"
RUN_DATE = dt.date(2026, 11, 15)


def _load_build_suites():
    spec = importlib.util.spec_from_file_location("build_suites", REPO / "scripts" / "build_suites.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


build_suites = _load_build_suites()
SCHEMA = build_suites.read_schema()


def _frame(table: str, rows: list[dict]) -> pd.DataFrame:
    """DataFrame with exactly the SQL columns of the table (missing keys -> None)."""
    cols = SCHEMA[table]["columns"]
    extra = {k for r in rows for k in r} - set(cols)
    assert not extra, f"{table}: unknown columns {extra}"
    return pd.DataFrame([{c: r.get(c) for c in cols} for r in rows], columns=cols)


SENTENCES = [
    ("Russian forces attacked Kharkiv on Monday.", "ASSAULT", "attacked", "RUS", "MIL", "UKR", "GOV"),
    ("France and Germany agreed on a new treaty.", "AGREE", "agreed", "FRA", "GOV", "DEU", "GOV"),
    ("Protesters rallied in Paris against the reform.", "PROTEST", "rallied", "FRA", "CVL", "FRA", "GOV"),
    ("The UN sent humanitarian aid to Sudan.", "AID", "sent", None, "IGO", "SDN", "CVL"),
    ("Washington accused Beijing of espionage.", "ACCUSE", "accused", "USA", "GOV", "CHN", "GOV"),
]


def make_batch(n_articles: int = 3, mentions_per_article: int = 2, run_id: str = RUN_ID,
               published: dt.date = dt.date(2026, 11, 10)) -> dict[str, pd.DataFrame]:
    """A consistent staged batch (every expectation holds)."""
    from pipeline.core import ontology

    loaded = dt.datetime(2026, 11, 15, 12, 0, 0)
    articles, blocks, sentences, mentions, events, quarantine = [], [], [], [], [], []
    k = len(SENTENCES)
    for i in range(n_articles):
        aid = f"{i:064x}"
        chosen = [SENTENCES[(i + j) % k] for j in range(max(mentions_per_article, 1))]
        body = " ".join(s[0] for s in chosen)
        articles.append(dict(
            article_id=aid, source_path=f"samples/dump_{i % 7}.jsonl", source_name=f"source{i % 5}.example",
            url=f"https://source{i % 5}.example/a/{i}", canonical_url=None, title=f"Title {i}",
            published=published, published_source="header", reference_date=published, language="en",
            body=body, n_paragraphs=1, n_chars=len(body), n_removed_blocks=1, duplicate_of=None,
            minhash=[1, 2, 3], notes=[], extractor_version="2026.11.1", run_id=run_id, loaded_at=loaded,
        ))
        blocks.append(dict(article_id=aid, block_index=0, reason="cookie_banner", text="We use cookies.",
                           start_offset=0, end_offset=15, run_id=run_id))
        pos = 0
        for j, (text, etype, trig, ac, asec, rc, rsec) in enumerate(chosen[:mentions_per_article]):
            start, end = pos, pos + len(text)
            sentences.append(dict(article_id=aid, sentence_index=j, start_offset=start, end_offset=end,
                                  text=text, n_mentions=1, run_id=run_id))
            ts = start + text.index(trig)
            mid = f"m{i:06d}{j:03d}"
            eid = f"e{i:06d}{j:03d}"
            mentions.append(dict(
                mention_id=mid, article_id=aid, sentence_index=j, sentence_start=start, sentence_end=end,
                sentence=text, event_type=etype, mode=None, quad_class=ontology.QUAD_CLASS[etype],
                intensity=float(ontology.INTENSITY[etype]), cameo_root=ontology.CAMEO_ROOT[etype],
                trigger=trig, trigger_start=ts, trigger_end=ts + len(trig),
                actor_text="x", actor_name="X", actor_country=ac, actor_sector=asec, actor_countries=[ac] if ac else [],
                recipient_text="y", recipient_name="Y", recipient_country=rc, recipient_sector=rsec,
                recipient_countries=[rc], actors_json="[]", recipients_json="[]",
                event_date=published - dt.timedelta(days=j), date_precision="day", date_text="Monday",
                location_name=None, location_country=rc, location_lat=48.85, location_lon=2.35,
                location_precision="city", location_source="sentence", status="asserted", reported_by=None,
                is_symmetric=False, confidence=0.8, notes=[], language="en", event_id=eid,
                extractor_version="2026.11.1", run_id=run_id,
            ))
            events.append(dict(
                event_id=eid, event_type=etype, mode=None, quad_class=ontology.QUAD_CLASS[etype],
                intensity=float(ontology.INTENSITY[etype]), cameo_root=ontology.CAMEO_ROOT[etype],
                actor_name="X", actor_country=ac, actor_sector=asec, actor_countries=[ac] if ac else [],
                recipient_name="Y", recipient_country=rc, recipient_sector=rsec, recipient_countries=[rc],
                is_symmetric=False, event_date=published - dt.timedelta(days=j), date_precision="day",
                date_min=published - dt.timedelta(days=j), date_max=published - dt.timedelta(days=j),
                location_name=None, location_country=rc, location_lat=None, location_lon=None,
                location_precision="country", status="asserted", n_mentions=1, n_articles=1, n_sources=1,
                first_seen=published, last_seen=published, confidence=0.8, conflicts=[],
                merge_key=f"{etype}|{ac}|{rc}", run_id=run_id,
            ))
            pos = end + 1
    quarantine.append(dict(quarantine_id="q1", source_path="samples/bad.bin", file_sha256="ff", line_no=None,
                           stage="ingest", reason="binary_content", detail="NUL bytes", run_id=run_id,
                           quarantined_at=loaded))
    frames = {
        "articles": _frame("articles", articles),
        "removed_blocks": _frame("removed_blocks", blocks),
        "sentences": _frame("sentences", sentences),
        "event_mentions": _frame("event_mentions", mentions),
        "events": _frame("events", events),
        "quarantine": _frame("quarantine", quarantine),
    }
    # Typed like the DuckDB staging tables.
    for df in frames.values():
        for col in ("published", "reference_date", "event_date", "date_min", "date_max", "first_seen", "last_seen"):
            if col in df.columns:
                df[col] = pd.to_datetime(df[col])
        if "line_no" in df.columns:
            df["line_no"] = df["line_no"].astype("Int64")
    return frames


def failed(result: audit.AuditResult) -> set[tuple[str, str, str | None]]:
    return {(r["suite"], r["expectation"], r["column_name"]) for r in result.results if not r["success"]}


# ----------------------------------------------------------------------------- fixtures

@pytest.fixture(scope="module")
def docs_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("data_docs")


@pytest.fixture(scope="module")
def good_result(docs_dir) -> audit.AuditResult:
    return audit.audit_batch(make_batch(), RUN_ID, docs_dir, run_date=RUN_DATE)


# ----------------------------------------------------------------------------- good batch, docs

def test_good_batch_passes(good_result):
    assert good_result.success, good_result.summary()
    assert not good_result.failures, good_result.summary()
    suites = {r["suite"] for r in good_result.results}
    assert suites == set(audit.TABLES)
    assert all(set(r) == set(audit.RESULT_COLUMNS) | {"records"} for r in good_result.results)


def test_data_docs_index_lists_run(good_result, docs_dir):
    index = good_result.data_docs_index
    assert index is not None and index.exists()
    assert index.is_relative_to(docs_dir.resolve())
    assert RUN_ID in index.read_text(encoding="utf-8")
    assert good_result.run_page is not None and good_result.run_page.exists()
    assert RUN_ID in str(good_result.run_page)
    assert set(good_result.pages) == set(audit.TABLES)


def test_repo_tree_untouched(good_result):
    # Running the audit must not write into the checkout (no GX project dir, no docs).
    assert not (REPO / "gx").exists()
    assert not (REPO / "great_expectations").exists()
    assert not list((REPO / "expectations").glob("uncommitted*"))


# ----------------------------------------------------------------------------- bad batches

def _break_dup_key(f):
    a = f["articles"]
    f["articles"] = pd.concat([a, a.iloc[[0]]], ignore_index=True)


def _break_null_key(f):
    f["event_mentions"].loc[0, "mention_id"] = None


def _break_event_type(f):
    f["event_mentions"].loc[0, "event_type"] = "INVADE"


def _break_country(f):
    # every row wrong -> beyond the mostly tolerance
    f["events"]["actor_country"] = "US"  # alpha-2, a typical slip


def _break_confidence(f):
    f["event_mentions"].loc[0, "confidence"] = 1.5


def _break_body(f):
    f["articles"].loc[0, "body"] = ""
    f["articles"].loc[0, "n_chars"] = 0


def _break_old_date(f):
    f["event_mentions"].loc[0, "event_date"] = pd.Timestamp("1986-11-10")


def _break_offsets(f):
    m = f["event_mentions"]
    m.loc[0, ["trigger_start", "trigger_end"]] = [m.loc[0, "trigger_end"], m.loc[0, "trigger_start"]]


def _break_compound_key(f):
    s = f["sentences"]
    f["sentences"] = pd.concat([s, s.iloc[[0]]], ignore_index=True)


def _break_quarantine_reason(f):
    f["quarantine"].loc[0, "reason"] = "cosmic_rays"


def _break_events_counts(f):
    e = f["events"]
    e.loc[0, "n_sources"] = 3
    e.loc[0, "n_mentions"] = 0


def _break_future_published(f):
    f["articles"].loc[0, "published"] = pd.Timestamp(RUN_DATE + dt.timedelta(days=30))


def _break_quad_class(f):
    f["events"].loc[0, "quad_class"] = "verbal cooperation" if f["events"].loc[0, "quad_class"] != "verbal cooperation" \
        else "material conflict"


def _break_missing_column(f):
    f["event_mentions"] = f["event_mentions"].drop(columns=["confidence"])


BAD_CASES = {
    "duplicate_key": (_break_dup_key, {("articles", "expect_column_values_to_be_unique", "article_id")}),
    "null_key": (_break_null_key, {("event_mentions", "expect_column_values_to_not_be_null", "mention_id")}),
    "unknown_event_type": (_break_event_type, {
        ("event_mentions", "expect_column_values_to_be_in_set", "event_type")}),
    "bad_country": (_break_country, {("events", "expect_column_values_to_be_in_set", "actor_country"),
                                     ("events", "expect_column_values_to_match_regex", "actor_country")}),
    "confidence_1_5": (_break_confidence, {("event_mentions", "expect_column_values_to_be_between", "confidence")}),
    "empty_body": (_break_body, {("articles", "expect_column_value_lengths_to_be_between", "body"),
                                 ("articles", "expect_column_values_to_be_between", "n_chars")}),
    "event_date_40y_old": (_break_old_date, {
        ("event_mentions", "expect_column_values_to_be_between", "date_lag_days")}),
    "trigger_offsets_reversed": (_break_offsets, {
        ("event_mentions", "expect_column_values_to_be_in_set", "trigger_ordered")}),
    "duplicate_sentence_key": (_break_compound_key, {
        ("sentences", "expect_compound_columns_to_be_unique", "article_id,sentence_index")}),
    "quarantine_reason": (_break_quarantine_reason, {
        ("quarantine", "expect_column_values_to_match_regex", "reason")}),
    "event_counts": (_break_events_counts, {
        ("events", "expect_column_values_to_be_in_set", "n_sources_le_n_articles"),
        ("events", "expect_column_values_to_be_between", "n_mentions")}),
    "published_in_future": (_break_future_published, {
        ("articles", "expect_column_values_to_be_between", "published_ahead_days")}),
    "quad_class_not_the_types": (_break_quad_class, {
        ("events", "expect_column_values_to_be_in_set", "type_quad_class")}),
    "missing_column": (_break_missing_column, {
        ("event_mentions", "expect_table_columns_to_match_set", None)}),
}


# Knock-on failures that are right too (an emptied body no longer contains its mentions' triggers).
ALSO_BROKEN = {"empty_body": {"event_mentions"}}


@pytest.mark.parametrize("case", list(BAD_CASES))
def test_bad_batch_fails_the_right_expectation(case, docs_dir):
    breaker, expected = BAD_CASES[case]
    frames = make_batch()
    breaker(frames)
    result = audit.audit_batch(frames, f"bad-{case}", docs_dir, run_date=RUN_DATE, build_docs=False)
    assert result.success is False, result.summary()
    got = failed(result)
    # Either expectation of an alternative set may be the one in the suites (e.g. country set vs regex).
    if case == "bad_country":
        assert got & expected, result.summary()
    else:
        assert expected <= got, result.summary()
    # The failure is specific: nothing unrelated fails on the other tables.
    broken_suites = {s for s, _, _ in expected} | ALSO_BROKEN.get(case, set())
    assert {s for s, _, _ in got} <= broken_suites, result.summary()


RECORD_LEVEL = {"unknown_event_type", "confidence_1_5", "empty_body", "event_date_40y_old",
                "trigger_offsets_reversed", "published_in_future"}


@pytest.mark.parametrize("case", list(BAD_CASES))
def test_each_failure_has_the_right_grain(case, docs_dir):
    """Record-level: the failure names the records (quarantined, the rest published). Batch-level
    (shape, keys, tolerances, events, quarantine): no record named, the batch is blocked."""
    breaker, _ = BAD_CASES[case]
    frames = make_batch()
    breaker(frames)
    result = audit.audit_batch(frames, f"grain-{case}", docs_dir, run_date=RUN_DATE, build_docs=False)
    if case in RECORD_LEVEL:
        assert result.record_failures and not result.batch_failures, result.summary()
        for failure in result.record_failures:
            column = audit.RECORD_KEYS[failure["suite"]]
            assert set(failure["records"]) <= set(frames[failure["suite"]][column].astype(str)), failure
            if failure["suite"] == "articles" or case != "empty_body":  # (an emptied body fails its mentions too)
                assert len(failure["records"]) == 1, failure  # exactly the broken row, nothing more
    else:
        assert result.batch_failures, result.summary()


def test_warning_expectations_do_not_block(docs_dir):
    frames = make_batch()
    m = frames["event_mentions"]
    m.loc[0, "mode"] = "picnic"  # not a PLOVER mode of the type: severity warning
    result = audit.audit_batch(frames, "warn-run", docs_dir, run_date=RUN_DATE, build_docs=False)
    assert result.success, result.summary()
    assert [(r["suite"], r["column_name"]) for r in result.warnings] == [("event_mentions", "type_mode")]
    assert result.warnings[0]["detail"].startswith("[warning]")
    assert not result.critical_failures


def test_pair_key():
    assert audit.pair_key("ASSAULT", -9.5) == "ASSAULT|-9.5"
    assert audit.pair_key("AID", 7) == "AID|7.0"
    assert audit.pair_key("AID", None) is None
    frames = audit.prepare_frames(make_batch(1, 1))
    row = frames["event_mentions"].iloc[0]
    assert row["type_intensity"] == audit.pair_key(row["event_type"], row["intensity"])
    assert pd.isna(row["type_mode"])


def test_trigger_outside_sentence_detected():
    frames = make_batch()
    frames["event_mentions"].loc[0, "sentence_end"] = frames["event_mentions"].loc[0, "trigger_start"]
    out = audit.prepare_frames(frames, run_date=RUN_DATE)
    assert not out["event_mentions"].loc[0, "trigger_in_sentence"]
    assert out["event_mentions"]["trigger_in_sentence"].iloc[1:].all()


# ----------------------------------------------------------------------------- prepare_frames

def test_prepare_frames_derived_columns():
    frames = make_batch()
    m = frames["event_mentions"]
    m.loc[0, "event_date"] = pd.Timestamp("1986-11-10")
    m.loc[1, "event_date"] = None
    out = audit.prepare_frames(frames, run_date=RUN_DATE)
    assert "date_lag_days" not in frames["event_mentions"].columns  # inputs untouched
    for table, cols in audit.DERIVED_COLUMNS.items():
        assert set(cols) <= set(out[table].columns), table
    lag = out["event_mentions"]["date_lag_days"]
    assert lag.iloc[0] == (dt.date(1986, 11, 10) - dt.date(2026, 11, 10)).days
    assert pd.isna(lag.iloc[1])
    assert out["articles"]["published_ahead_days"].iloc[0] == -5
    assert out["event_mentions"]["trigger_ordered"].all()
    assert out["events"]["event_date_in_range"].all()


def test_prepare_frames_handles_python_dates_and_strings():
    frames = make_batch()
    frames["articles"]["reference_date"] = frames["articles"]["reference_date"].dt.date
    frames["event_mentions"]["event_date"] = frames["event_mentions"]["event_date"].dt.strftime("%Y-%m-%d")
    out = audit.prepare_frames(frames, run_date=RUN_DATE)
    assert out["event_mentions"]["date_lag_days"].iloc[0] == 0


def test_missing_and_empty_frames():
    empty = {name: df.iloc[0:0] for name, df in make_batch().items()}
    del empty["events"]
    out = audit.prepare_frames(empty)
    assert len(out["event_mentions"]) == 0
    result = audit.audit_batch({}, "empty-run", Path(os.devnull).parent / "nonexistent" if False else _tmp(),
                               build_docs=False)
    assert result.success, result.summary()
    result = audit.audit_batch(empty, "empty-run-2", _tmp(), build_docs=False)
    assert result.success, result.summary()


def _tmp() -> Path:
    import tempfile

    return Path(tempfile.mkdtemp(prefix="audit_test_"))


def test_keys_are_normalised():
    frames = {f"staging.{k}": v for k, v in make_batch(n_articles=1, mentions_per_article=1).items()}
    out = audit.prepare_frames(frames)
    assert set(out) == set(audit.TABLES)


# ----------------------------------------------------------------------------- suites

def test_suites_load_and_match_schema():
    suites = {s.name: s for s in audit.load_suites(SUITES_DIR)}
    assert set(suites) == set(audit.TABLES)
    for name, suite in suites.items():
        table = audit.TABLES[name]
        assert suite.meta["table"] == table
        assert audit.suite_columns(suite) == SCHEMA[name]["columns"], name


def test_suites_json_is_gx_format():
    import great_expectations as gx

    for path in sorted(SUITES_DIR.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        suite = gx.ExpectationSuite(**data)
        assert suite.name == path.stem
        assert len(suite.expectations) == len(data["expectations"])


def test_suites_in_sync_with_ontology():
    """The value sets in the JSON suites are those of pipeline/core/ontology.py (and countries.csv)."""
    from pipeline.core import ontology

    def sets(suite: dict, column: str) -> list:
        return [e["kwargs"]["value_set"] for e in suite["expectations"]
                if e["type"] == "expect_column_values_to_be_in_set" and e["kwargs"].get("column") == column]

    def pairs(suite: dict, b: str) -> list:
        return [sorted(tuple(k.split("|", 1)) for k in values) for values in sets(suite, f"type_{b}")]

    def expected_pairs(mapping: dict) -> list:
        return [sorted(tuple(audit.pair_key(t, x).split("|", 1)) for t, x in mapping.items())]

    countries = build_suites.country_codes()
    for name in ("event_mentions", "events"):
        suite = json.loads((SUITES_DIR / f"{name}.json").read_text(encoding="utf-8"))
        assert sets(suite, "event_type") == [list(ontology.PLOVER_TYPES)]
        assert sets(suite, "quad_class") == [list(ontology.QUAD_CLASSES)]
        assert pairs(suite, "quad_class") == expected_pairs(ontology.QUAD_CLASS)
        assert pairs(suite, "intensity") == expected_pairs({t: float(x) for t, x in ontology.INTENSITY.items()})
        assert pairs(suite, "mode") == [sorted((t, m) for t, modes in ontology.MODES.items() for m in modes)]
        for col in ("actor_sector", "recipient_sector"):
            assert sets(suite, col) == [sorted(ontology.SECTORS)]
        statuses = ontology.STATUSES if name == "event_mentions" else ontology.PUBLISHED_STATUSES
        assert sets(suite, "status") == [sorted(statuses) if name == "events" else list(statuses)]
        for col in ("actor_country", "recipient_country", "location_country"):
            if countries:
                assert sets(suite, col) == [countries], "suites out of date: run scripts/build_suites.py"
    # And the whole files are exactly what the generator produces.
    generated = build_suites.build_suites()
    for name, suite in generated.items():
        on_disk = (SUITES_DIR / f"{name}.json").read_text(encoding="utf-8")
        assert on_disk == build_suites.render(suite), f"{name}.json out of date: run scripts/build_suites.py"


def test_audit_module_imports_without_gx():
    code = "import sys, pipeline.quality.audit; print('great_expectations' in sys.modules, 'pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


# ----------------------------------------------------------------------------- benchmark

def bench(n_articles: int = 2000, mentions_per_article: int = 5, runs: int = 3) -> None:
    import tempfile

    frames = make_batch(n_articles, mentions_per_article)
    print({k: len(v) for k, v in frames.items()})
    docs = Path(tempfile.mkdtemp(prefix="audit_bench_"))
    t0 = time.perf_counter()
    audit._gx()
    import great_expectations  # noqa: F401
    print(f"import GX: {time.perf_counter() - t0:.2f}s")
    for i in range(runs):
        t0 = time.perf_counter()
        res = audit.audit_batch(frames, f"bench-{i}", docs, run_date=RUN_DATE)
        print(f"run {i}: {time.perf_counter() - t0:.2f}s success={res.success} "
              f"expectations={len(res.results)} index={res.data_docs_index}")


if __name__ == "__main__":
    if "--bench" in sys.argv:
        bench()

