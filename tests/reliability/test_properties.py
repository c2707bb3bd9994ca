"""Property-based: random and mutated dumps through ingest -> clean -> extract never raise and keep
their invariants. Example counts are modest for CI time and printed (run pytest -s to see them)."""
from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.core.models import CleanArticle, RawDocument
from pipeline.ingest.landing import ingest_file

from .conftest import SAMPLES, needs_extract

SAMPLE_BYTES = sorted(
    (p.name, p.read_bytes()) for p in SAMPLES.iterdir() if p.suffix in (".txt", ".html", ".jsonl")
)
SENTENCES = [
    "Le président français a rencontré mardi à Berlin le chancelier allemand.",
    "Russia launched missiles at Kyiv on Monday, officials said.",
    "Les deux pays ont signé un accord de défense le 3 février 2026.",
    "The United States imposed sanctions on Iran last week.",
    "Hier, la police a arrêté 12 manifestants devant l'ambassade.",
    "China did not threaten Japan, the ministry insisted.",
]
TAGS = ["<p>", "</p>", "<div>", "</div>", "<script>alert(1)</script>", "<iframe src='x'>", "<br>", "<h1>", "</h1>",
        "<!--", "-->", "&amp;", "&#0;", "&#x110000;", "&nbsp;", "<![CDATA[", "]]>", "<meta name='date' content='2026-02-30'>",
        "<title>", "</title>", "<", ">", "\x00", "\ufeff", "\u202e", "\r\n", "\n\n", "Ã©", "\udcff"]
HEALTH = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
COUNTS: dict[str, int] = {}


def _mutate(data: bytes, ops: list[tuple[str, int, int, bytes]]) -> bytes:
    for op, a, b, blob in ops:
        if not data:
            data = blob
            continue
        i, j = sorted((a % (len(data) + 1), b % (len(data) + 1)))
        if op == "truncate":
            data = data[:i]
        elif op == "delete":
            data = data[:i] + data[j:]
        elif op == "insert":
            data = data[:i] + blob + data[i:]
        elif op == "duplicate":
            data = data[:j] + data[i:j] + data[j:]
        elif op == "flip":
            data = data[:i] + bytes([data[i] ^ 0xFF]) + data[i + 1:] if i < len(data) else data
        elif op == "recode":
            data = data.decode("utf-8", "replace").encode(["cp1252", "utf-16", "latin-1"][a % 3], "replace")
    return data


mutation = st.tuples(st.sampled_from(["truncate", "delete", "insert", "duplicate", "flip", "recode"]),
                     st.integers(0, 10_000), st.integers(0, 10_000),
                     st.one_of(st.binary(max_size=64), st.sampled_from([t.encode("utf-8", "surrogatepass") for t in TAGS])))
mutated_dump = st.tuples(st.sampled_from(SAMPLE_BYTES), st.lists(mutation, min_size=1, max_size=6))
html_soup = st.lists(st.one_of(st.sampled_from(TAGS), st.sampled_from(SENTENCES), st.text(max_size=40)),
                     max_size=40).map("".join)
random_text = st.one_of(st.text(max_size=2000), html_soup,
                        st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=12).map(" ".join))


def ingest_bytes(name: str, data: bytes) -> list[RawDocument]:
    """The real ingest path: bytes on disk -> documents or quarantine (never an exception)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        source, docs, bad = ingest_file(path, 50 * 1024 * 1024, Path(folder))
    assert source.status in ("ingested", "partial", "quarantined")
    assert bool(docs) == (source.status != "quarantined")
    assert all(q.reason for q in bad)
    return docs


def check_article(doc: RawDocument, article: CleanArticle) -> None:
    assert isinstance(article, CleanArticle) and article.doc_id == doc.doc_id
    assert isinstance(article.body, str) and "\x00" not in article.body
    article.body.encode("utf-8")  # storable: no lone surrogates
    if article.title is not None:
        assert isinstance(article.title, str)
        article.title.encode("utf-8")
    assert article.published is None or (isinstance(article.published, date) and 1900 <= article.published.year <= 2100)
    assert isinstance(article.language, str) and article.language
    for block in article.removed:
        if block.start is not None and block.end is not None:
            assert 0 <= block.start <= block.end <= len(doc.raw_text)


def clean_checked(doc: RawDocument) -> CleanArticle:
    from pipeline.clean import clean_document

    article = clean_document(doc)
    check_article(doc, article)
    return article


@pytest.mark.parametrize("kind", ["mutated_samples", "random_text"])
def test_clean_never_raises_and_keeps_invariants(kind):
    n = [0, 0]

    @settings(max_examples=150 if kind == "mutated_samples" else 100, deadline=None, suppress_health_check=HEALTH,
              database=None)
    @given(mutated_dump if kind == "mutated_samples" else st.tuples(random_text, st.sampled_from(["txt", "html"])))
    def check(case):
        n[0] += 1
        if kind == "mutated_samples":
            (name, data), ops = case
            docs = ingest_bytes(name, _mutate(data, ops))
        else:
            text, fmt = case
            docs = ingest_bytes(f"random.{fmt}", text.encode("utf-8", "surrogatepass"))
        for doc in docs:
            clean_checked(doc)
            n[1] += 1

    check()
    COUNTS[f"clean/{kind}"] = n[0]
    print(f"\n[properties] clean/{kind}: {n[0]} generated dumps, {n[1]} documents cleaned")
    assert n[0] >= 50


def check_mentions(article_id: str, body: str, mentions) -> None:
    from pipeline.core.ontology import PLOVER_TYPES

    for m in mentions:
        assert m.article_id == article_id
        assert 0 <= m.trigger_start < m.trigger_end <= len(body)
        assert body[m.trigger_start:m.trigger_end] == m.trigger
        assert 0 <= m.sentence_start <= m.trigger_start and m.trigger_end <= m.sentence_end <= len(body)
        assert m.event_type in PLOVER_TYPES
        assert m.status in ("asserted", "negated", "hypothetical", "future")
        assert 0.0 <= float(m.confidence) <= 1.0
        assert m.event_date is None or (isinstance(m.event_date, date) and 1900 <= m.event_date.year <= 2100)
        assert m.date_precision in (None, "day", "week", "month", "year")
        for actor in m.actor + m.recipient:
            assert isinstance(actor.text, str)


@needs_extract
def test_extract_never_raises_and_keeps_invariants():
    from pipeline.extract import extract_mentions

    n = [0, 0, 0]

    @settings(max_examples=40, deadline=None, suppress_health_check=HEALTH, database=None)
    @given(st.one_of(mutated_dump.map(lambda c: ("dump", c)), random_text.map(lambda t: ("text", t))),
           st.sampled_from(["fr", "en", "und", "de"]),
           st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2035, 12, 31))))
    def check(case, language, published):
        n[0] += 1
        kind, payload = case
        if kind == "dump":
            (name, data), ops = payload
            bodies = [(d.doc_id, clean_checked(d)) for d in ingest_bytes(name, _mutate(data, ops))]
            items = [(doc_id, a.body, a.title) for doc_id, a in bodies]
        else:
            items = [("random", payload, None)]
        for article_id, body, title in items:
            mentions = extract_mentions(article_id, body, language, published, title)
            check_mentions(article_id, body, mentions)
            n[1] += 1
            n[2] += len(mentions)

    check()
    COUNTS["extract"] = n[0]
    print(f"\n[properties] extract: {n[0]} generated cases, {n[1]} bodies extracted, {n[2]} mentions checked")
    assert n[0] >= 20


@needs_extract
def test_extract_invariants_on_every_sample():
    """The real samples (not generated) must satisfy the same invariants, with mentions found."""
    from pipeline.clean import clean_document
    from pipeline.extract import extract_mentions

    total = 0
    for name, data in SAMPLE_BYTES:
        for doc in ingest_bytes(name, data):
            article = clean_document(doc)
            mentions = extract_mentions(doc.doc_id, article.body, article.language, article.reference_date, article.title)
            check_mentions(doc.doc_id, article.body, mentions)
            total += len(mentions)
    assert total > 0
