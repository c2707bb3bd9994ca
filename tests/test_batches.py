"""Bounded batches: a large landing folder is drained in batches of at most
`max_batch_documents` documents, each through the whole write-audit-publish; nothing is lost,
nothing is ingested twice, and the published result is the one of a single big batch."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest

from pipeline.core.config import load_settings
from pipeline.ingest.landing import ingest_landing
from pipeline.run.runner import run_landing

REPO = Path(__file__).resolve().parents[1]


def _write_landing(folder: Path) -> None:
    folder.mkdir()
    for i in range(6):
        (folder / f"note_{i}.txt").write_text(f"Titre {i}\n\nLe ministre a parlé le {i + 1} mars 2026 à Paris.\n")
    lines = [json.dumps({"id": f"a{i}", "title": f"T{i}", "text": f"Article {i} body text."}) for i in range(4)]
    (folder / "export.jsonl").write_text("\n".join(lines) + "\n")


def test_ingest_stops_reading_when_the_batch_is_full(tmp_path):
    landing = tmp_path / "landing"
    _write_landing(landing)
    docs_seen: set[str] = set()

    def known_docs(ids):
        return set(ids) & docs_seen

    first = ingest_landing(landing, max_documents=3, known_documents=known_docs)
    ingested = [f.source_path for f in first.files if f.status == "ingested"]
    # the bound holds exactly, even inside the 4-line JSONL (its rest waits in `pending`)
    assert len(ingested) <= 3 and len(first.documents) == 3
    assert len(ingested) + len(first.pending) == 7
    assert not set(ingested) & set(first.pending)

    # later batches see the recorded files and documents as known and take what is pending
    known = {f.source_path: f.file_sha256 for f in first.files}
    seen = set(ingested)
    docs_seen |= {d.doc_id for d in first.documents}
    n_documents = len(first.documents)
    while True:
        batch = ingest_landing(landing, known_paths=known, max_documents=3, known_documents=known_docs)
        new = [f for f in batch.files if f.status == "ingested"]
        fresh = [d for d in batch.documents if d.doc_id not in docs_seen]
        if not new and not fresh:
            break
        assert len(fresh) <= 3, "a batch overshot its bound"
        assert not {f.source_path for f in new} & seen, "a file was ingested twice"
        seen |= {f.source_path for f in new}
        known |= {f.source_path: f.file_sha256 for f in new}
        docs_seen |= {d.doc_id for d in fresh}
        n_documents += len(fresh)
    assert len(seen) == 7 and not batch.pending
    assert n_documents == len(docs_seen) == 10  # 6 one-document files and a 4-line JSONL, each once


def test_no_limit_reads_everything(tmp_path):
    landing = tmp_path / "landing"
    _write_landing(landing)
    result = ingest_landing(landing, max_documents=0)
    assert len(result.documents) == 10 and not result.pending


SNAPSHOT = {
    "articles": "SELECT article_id, title, published, language, body FROM curated.articles",
    "mentions": "SELECT mention_id, event_type, status, actor_country, recipient_country, event_date "
                "FROM curated.event_mentions",
    "quarantine": "SELECT source_path, line_no, stage, reason FROM curated.quarantine",
    "files": "SELECT source_path, file_sha256 FROM raw.source_files",
    "duplicate_pairs": "SELECT least(article_id, duplicate_of), greatest(article_id, duplicate_of) "
                       "FROM core.articles WHERE duplicate_of IS NOT NULL",
    "events": "SELECT event_type, actor_countries, recipient_countries, event_date, n_mentions FROM curated.events",
}


@pytest.mark.slow
def test_small_batches_publish_the_same_as_one_batch(tmp_path, warehouse_snapshot):
    landing = tmp_path / "landing"
    shutil.copytree(REPO / "samples", landing, ignore=shutil.ignore_patterns("*.md", "expected_*"))

    def settings(name: str, cap: int):
        return load_settings(landing=landing, warehouse=tmp_path / f"{name}.duckdb", work_dir=tmp_path / f"work_{name}",
                             reports_dir=tmp_path / f"reports_{name}", settle_seconds=0, max_batch_documents=cap)

    one = run_landing(settings("one", 0))
    assert [r.status for r in one] == ["published"]
    many = run_landing(settings("many", 4))
    assert len(many) >= 4 and {r.status for r in many} == {"published"}
    # a batch takes whole files until it holds 4 documents: it overshoots by at most its last file
    # (the JSONL export holds 7 documents)
    assert all(r.stages["ingest"]["documents"] <= 4 - 1 + 7 for r in many)
    assert any(r.stages["ingest"]["pending"] for r in many[:-1]) and not many[-1].stages["ingest"]["pending"]
    assert sum(r.stages["ingest"]["files"] for r in many) == one[0].stages["ingest"]["files"]

    single = warehouse_snapshot(tmp_path / "one.duckdb", SNAPSHOT)
    batched = warehouse_snapshot(tmp_path / "many.duckdb", SNAPSHOT)
    for name in SNAPSHOT:
        assert batched[name] == single[name], name
    with duckdb.connect(str(tmp_path / "many.duckdb"), read_only=True) as con:
        runs = con.execute("SELECT count(*), count(*) FILTER (status = 'published') FROM ops.runs").fetchone()
    assert runs == (len(many), len(many))

    # draining again finds nothing new
    again = run_landing(settings("many", 4))
    assert [r.status for r in again] == ["nothing_new"]
