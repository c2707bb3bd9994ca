"""Ingest: discovery, decoding, content addressing, quarantine reasons."""
from __future__ import annotations

import json
import os
import time

import pytest

from pipeline.ingest.landing import decode_text, discover, ingest_file, ingest_landing, is_settled

CAP = 10 * 1024 * 1024


def test_txt_file_is_one_document_addressed_by_content(tmp_path):
    (tmp_path / "a.txt").write_text("Le président a rencontré son homologue.\n", encoding="utf-8")
    (tmp_path / "copy of a.txt").write_text("Le président a rencontré son homologue.\n", encoding="utf-8")
    result = ingest_landing(tmp_path)
    assert [f.status for f in result.files] == ["ingested", "ingested"]
    assert len({d.doc_id for d in result.documents}) == 1  # same bytes, one document
    assert {d.source_path for d in result.documents} == {str(tmp_path / "a.txt"), str(tmp_path / "copy of a.txt")}


def test_known_path_with_same_content_is_skipped_and_changed_content_is_new(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("First version of the story.", encoding="utf-8")
    first = ingest_landing(tmp_path)
    known = {f.source_path: f.file_sha256 for f in first.files}
    again = ingest_landing(tmp_path, known_paths=known)
    assert again.documents == [] and again.files[0].status == "known"
    path.write_text("Second, corrected version of the story.", encoding="utf-8")
    changed = ingest_landing(tmp_path, known_paths=known)
    assert len(changed.documents) == 1 and changed.documents[0].doc_id != first.documents[0].doc_id


def test_bad_files_are_quarantined_with_reasons(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    result = ingest_landing(tmp_path)
    reasons = {os.path.basename(q.source_path): q.reason for q in result.quarantined}
    assert reasons == {"empty.txt": "empty_file", "image.txt": "binary_content", "notes.docx": "unsupported_extension"}
    assert result.documents == []
    assert all(f.status == "quarantined" for f in result.files)


def test_file_over_the_cap_is_quarantined_without_reading_it_all(tmp_path):
    (tmp_path / "big.txt").write_bytes(b"word " * 5000)
    source, docs, bad = ingest_file(tmp_path / "big.txt", max_file_bytes=1000)
    assert docs == [] and bad[0].reason == "file_too_large" and source.status == "quarantined"


def test_encodings_are_decoded_not_rejected():
    assert decode_text("élection à Genève".encode("cp1252")) == ("élection à Genève", "cp1252")
    assert decode_text("\ufeffélection".encode("utf-8")) == ("élection", "utf-8")
    assert decode_text("élection".encode("utf-16")) == ("élection", "utf-16")
    text, encoding = decode_text("ligne utf-8 é\n".encode() + "ligne latin é\n".encode("cp1252"))
    assert encoding == "mixed" and text.count("é") == 2


def test_jsonl_keeps_good_lines_and_quarantines_bad_ones(tmp_path):
    lines = [
        json.dumps({"text": "Berlin and Paris signed a defence pact.", "title": "Pact", "published": "2026-02-01",
                    "url": "https://example.org/pact"}),
        "{not json",
        json.dumps({"title": "no body"}),
        json.dumps(["a", "list"]),
        json.dumps({"html": "<html><body><p>Le Caire accueille des pourparlers.</p></body></html>"}),
        "",
    ]
    (tmp_path / "export.jsonl").write_text("\n".join(lines), encoding="utf-8")
    source, docs, bad = ingest_file(tmp_path / "export.jsonl", CAP)
    assert source.status == "partial" and source.n_documents == 2
    assert [d.line_no for d in docs] == [1, 5]
    assert docs[0].title_hint == "Pact" and docs[0].published_hint == "2026-02-01" and not docs[0].is_html
    assert docs[1].is_html
    assert [(q.line_no, q.reason) for q in bad] == [
        (2, "malformed_jsonl_line"), (3, "missing_text"), (4, "malformed_jsonl_line")]


def test_in_progress_files_are_not_discovered_and_fresh_files_wait(tmp_path):
    (tmp_path / "story.txt.part").write_text("half a file")
    (tmp_path / ".hidden.txt").write_text("editor swap")
    fresh = tmp_path / "fresh.txt"
    fresh.write_text("just written")
    assert discover(tmp_path) == [fresh]
    assert not is_settled(fresh, settle_seconds=60)
    old = time.time() - 120
    os.utime(fresh, (old, old))
    assert is_settled(fresh, settle_seconds=60)
    waiting = ingest_landing(tmp_path, settle_seconds=3600)
    assert waiting.deferred == [str(fresh)] and waiting.documents == [] and waiting.files == []
    settled = ingest_landing(tmp_path, settle_seconds=60)
    assert settled.deferred == [] and len(settled.documents) == 1


@pytest.mark.parametrize("seed", range(6))
def test_jsonl_exports_of_other_tools_are_read(tmp_path, seed):
    """Records written by other exporters (news-please, trafilatura, feed readers, schema.org
    NewsArticle) under their own field names: generated from the aliases of
    pipeline/data/jsonl_fields.yaml; when a record has several, the most preferred one wins."""
    import random

    from pipeline.ingest.landing import jsonl_fields

    rnd = random.Random(seed)
    fields = jsonl_fields()
    records, expected = [], []
    for k in range(12):
        values = {"text": f"Berlin and Paris signed pact number {k}.", "title": f"Pact {k}",
                  "published": f"2026-02-{k + 1:02d}", "url": f"https://example.org/{k}"}
        record = {}
        for attr, value in values.items():
            names = sorted(rnd.sample(fields[attr], k=rnd.randint(1, 2)), key=fields[attr].index)
            record[names[0]] = value
            record.update({name: f"decoy {name}" for name in names[1:]})
        records.append(json.dumps(record))
        expected.append(values)
    (tmp_path / "other.jsonl").write_text("\n".join(records), encoding="utf-8")
    _source, docs, bad = ingest_file(tmp_path / "other.jsonl", CAP)
    assert not bad
    got = [{"text": d.raw_text, "title": d.title_hint, "published": d.published_hint, "url": d.url} for d in docs]
    assert got == expected
