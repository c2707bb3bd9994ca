"""Bad input at the ingest boundary: every case ends as a clean ingest or a clear quarantine reason,
exactly once, never an exception, never unbounded memory, never a followed symlink."""
from __future__ import annotations

import gzip
import io
import json
import os
import socket
import subprocess
import sys
import tarfile
import threading
import time
import zipfile
from pathlib import Path

import pytest

from pipeline.ingest.landing import MAX_LINE_BYTES, decode_text, discover, ingest_file, ingest_landing, path_text
from pipeline.warehouse.batch import write_rows
from pipeline.warehouse.rows import quarantine_row

from .conftest import REPO

CAP = 50 * 1024 * 1024
ARTICLE = "Le président français a rencontré mardi à Berlin le chancelier allemand pour parler de défense.\n"


def outcome(tmp_path, name: str | bytes, data: bytes, **kw):
    """(status, reasons, documents) of one file ingested alone."""
    landing = tmp_path / "landing"
    landing.mkdir(parents=True, exist_ok=True)
    path = Path(os.fsdecode(os.path.join(os.fsencode(landing), os.fsencode(name))))
    path.write_bytes(data)
    result = ingest_landing(landing, **kw)
    assert len(result.files) == 1, result
    return result.files[0].status, [q.reason for q in result.quarantined], result.documents


def rows_storable(result, tmp_path):
    """The ingest result can be written to Parquet (what the runner does next): no surrogates etc."""
    write_rows([{"source_path": f.source_path, "sha": f.file_sha256} for f in result.files], tmp_path / "f.parquet")
    write_rows([{"raw": d.raw_text, "p": d.source_path, "t": d.title_hint} for d in result.documents], tmp_path / "d.parquet")
    write_rows([quarantine_row(q, "ingest", "r") for q in result.quarantined], tmp_path / "q.parquet")


# ---------------------------------------------------------------- empty and binary
@pytest.mark.parametrize("data", [b"", b"   \n\n\t  \r\n", b"\xef\xbb\xbf"], ids=["zero_bytes", "whitespace", "bom_only"])
def test_empty_files_are_quarantined(tmp_path, data):
    status, reasons, docs = outcome(tmp_path, "empty.txt", data)
    assert (status, reasons, docs) == ("quarantined", ["empty_file"], [])


@pytest.mark.parametrize("name,data", [
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8),
    ("program.html", b"\x7fELF\x02\x01\x01\x00" + os.urandom(4096)),
    ("report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Filter /FlateDecode >>\nstream\n" + bytes(range(256)) * 4),
    ("random.jsonl", os.urandom(2048).replace(b"\n", b"") + b"\x00"),
    ("late_nul.txt", ARTICLE.encode() * 400 + b"\x00tail"),
], ids=["png_as_txt", "elf_as_html", "pdf_as_txt", "random_as_jsonl", "nul_after_8kb"])
def test_binary_files_with_text_extensions_are_quarantined(tmp_path, name, data):
    status, reasons, docs = outcome(tmp_path, name, data)
    assert status == "quarantined" and docs == []
    assert reasons and set(reasons) <= {"binary_content", "malformed_jsonl_line"}, reasons


# ---------------------------------------------------------------- encodings
def test_invalid_utf8_is_read_as_windows_1252_not_rejected(tmp_path):
    status, reasons, docs = outcome(tmp_path, "bad_utf8.txt", b"Caf\xe9 \xc3 \xff na\xefve " + ARTICLE.encode())
    assert status == "ingested" and reasons == [] and docs[0].encoding in ("cp1252", "mixed")
    assert "Café" in docs[0].raw_text and "naïve" in docs[0].raw_text


def test_latin1_and_windows1252(tmp_path):
    text = "Élection à Genève : « l’opposition » a gagné – 5 € de plus.\n" + ARTICLE
    status, _, docs = outcome(tmp_path, "cp1252.txt", text.encode("cp1252"))
    assert status == "ingested" and docs[0].raw_text == text and docs[0].encoding == "cp1252"
    status, _, docs = outcome(tmp_path / "l1", "latin1.txt", "Élection à Genève, été 2026.\n".encode("latin-1"))
    assert status == "ingested" and docs[0].raw_text == "Élection à Genève, été 2026.\n"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(tmp_path, codec):
    text = "Élection à Genève — 選挙.\n" + ARTICLE
    data = text.encode(codec) if codec == "utf-16" else (("\ufeff" + text).encode(codec))
    status, reasons, docs = outcome(tmp_path, "utf16.txt", data)
    assert (status, reasons) == ("ingested", []) and docs[0].raw_text == text and docs[0].encoding == "utf-16"


def test_utf16_broken_or_without_bom_gets_a_clear_reason(tmp_path):
    status, reasons, _ = outcome(tmp_path, "odd.txt", b"\xff\xfe" + "abc".encode("utf-16-le") + b"\x00\xd8")
    assert status == "quarantined" and reasons == ["binary_content"]
    status, reasons, _ = outcome(tmp_path / "nobom", "nobom.txt", ARTICLE.encode("utf-16-le"))
    assert status == "quarantined" and reasons == ["binary_content"]


def test_mixed_encodings_line_by_line(tmp_path):
    data = "Ligne UTF-8 : élection.\n".encode() + "Ligne Latin-1 : élection.\n".encode("cp1252") + ARTICLE.encode()
    status, _, docs = outcome(tmp_path, "mixed.txt", data)
    assert status == "ingested" and docs[0].encoding == "mixed" and docs[0].raw_text.count("élection") == 2


def test_mojibake_is_ingested_and_repaired_by_the_cleaner(tmp_path):
    from pipeline.clean import clean_document

    mojibake = ("Ã‰lection Ã  GenÃ¨ve : le prÃ©sident a rencontrÃ© son homologue.\n\n" + ARTICLE).encode("utf-8")
    status, _, docs = outcome(tmp_path, "mojibake.txt", mojibake)
    assert status == "ingested" and docs[0].encoding == "utf-8"
    article = clean_document(docs[0])
    assert "président" in article.body and "Ã©" not in article.body


# ---------------------------------------------------------------- size: bounded memory
MEMORY_PROBE = r"""
import json, resource, sys
from pathlib import Path
from pipeline.ingest.landing import ingest_landing
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
result = ingest_landing(Path(sys.argv[1]), max_file_bytes=50 * 1024 * 1024)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"base_kb": base, "peak_kb": peak,
                  "vm_hwm": [l for l in open("/proc/self/status") if l.startswith("VmHWM")][0].split()[1],
                  "reasons": sorted((Path(q.source_path).name, q.reason, q.line_no) for q in result.quarantined),
                  "documents": sorted((Path(d.source_path).name, d.line_no) for d in result.documents)}))
"""


def probe(landing: Path) -> dict:
    # Linux keeps the RSS high-water mark across fork+exec: a child spawned straight from pytest
    # would report pytest's own peak. A small shell forks the probe so its getrusage is its own.
    out = subprocess.run(["/bin/sh", "-c", '"$0" -c "$1" "$2"; exit $?', sys.executable, MEMORY_PROBE, str(landing)],
                         capture_output=True, text=True, cwd=str(REPO), timeout=120, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_200mb_file_is_quarantined_in_bounded_memory(tmp_path):
    landing = tmp_path / "landing"
    landing.mkdir()
    with open(landing / "huge dump.txt", "wb") as handle:  # sparse: instant to create, 200 MB to read
        handle.write(ARTICLE.encode())
        handle.truncate(200 * 1024 * 1024)
    (landing / "ok.txt").write_text(ARTICLE, encoding="utf-8")
    started = time.monotonic()
    report = probe(landing)
    delta_mb = (report["peak_kb"] - report["base_kb"]) / 1024
    print(f"200 MB file: peak RSS +{delta_mb:.1f} MB over the interpreter, {time.monotonic() - started:.1f}s")
    assert report["reasons"] == [["huge dump.txt", "file_too_large", None]]
    assert report["documents"] == [["ok.txt", None]]
    assert delta_mb < 32, f"ingesting a 200 MB file raised peak RSS by {delta_mb:.0f} MB"


def test_10mb_single_line_is_quarantined_in_bounded_memory(tmp_path):
    landing = tmp_path / "landing"
    landing.mkdir()
    line = b"x" * (10 * 1024 * 1024)
    (landing / "one_line.txt").write_bytes(line)
    good = json.dumps({"text": ARTICLE, "title": "ok"}).encode()
    (landing / "export.jsonl").write_bytes(good + b"\n" + b'{"text": "' + line + b'"}\n' + good.replace(b"ok", b"ok2") + b"\n")
    report = probe(landing)
    delta_mb = (report["peak_kb"] - report["base_kb"]) / 1024
    print(f"10 MB line (txt + jsonl): peak RSS +{delta_mb:.1f} MB")
    assert report["reasons"] == [["export.jsonl", "line_too_long", 2], ["one_line.txt", "line_too_long", None]]
    assert report["documents"] == [["export.jsonl", 1], ["export.jsonl", 3]]
    assert 5 < delta_mb < 80, f"a 10 MB line raised peak RSS by {delta_mb:.0f} MB (the probe must see the 10 MB read)"
    assert MAX_LINE_BYTES < len(line)


# ---------------------------------------------------------------- truncated / malformed
def test_truncated_html_is_ingested_and_cleaned_without_error(tmp_path):
    from pipeline.clean import clean_document

    page = (REPO / "samples" / "en_05_japan_china_export_controls.html").read_bytes()
    for cut in (len(page) // 3, len(page) // 2, len(page) - 7):
        status, reasons, docs = outcome(tmp_path / str(cut), "cut.html", page[:cut])
        assert (status, reasons) == ("ingested", [])
        clean_document(docs[0])  # no exception; an empty body is quarantined later as "empty_body"


def test_malformed_jsonl_keeps_good_lines_and_quarantines_bad_ones(tmp_path):
    good = [json.dumps({"text": f"{ARTICLE} n°{i}", "title": f"t{i}"}) for i in range(3)]
    lines = [
        good[0].encode(),
        good[1][:40].encode(),                                  # truncated mid-record
        b"[" * 100_000 + b"]" * 100_000,                        # nesting bomb (RecursionError in json)
        json.dumps({"text": "Bad \ud800 surrogate " + ARTICLE}).encode(),  # lone surrogate escape: repaired
        json.dumps({"text": "NUL \u0000 inside"}).encode(),    # NUL in text
        b"\xff\xfe\x00garbage",                                 # not JSON at all
        good[2].encode() + b"\r",                               # CRLF line ending
        good[2][:-3].encode(),                                  # truncated last line, no newline
    ]
    (tmp_path / "dump.jsonl").write_bytes(b"\n".join(lines))
    source, docs, bad = ingest_file(tmp_path / "dump.jsonl", CAP)
    assert source.status == "partial"
    assert [d.line_no for d in docs] == [1, 4, 7]
    assert "\ufffd" in docs[1].raw_text
    assert [(q.line_no, q.reason) for q in bad] == [
        (2, "malformed_jsonl_line"), (3, "malformed_jsonl_line"), (5, "binary_content"), (6, "malformed_jsonl_line"),
        (8, "malformed_jsonl_line")]
    rows_storable(ingest_landing(tmp_path), tmp_path)


# ---------------------------------------------------------------- hostile HTML: never executed, never exponential
HOSTILE = {
    "scripts_iframes": (
        "<html><head><script>fetch('http://127.0.0.1:9/steal')</script></head><body>"
        "<iframe src='http://127.0.0.1:9/frame'></iframe><iframe srcdoc='<script>alert(1)</script>'></iframe>"
        f"<p>{ARTICLE}</p><script>document.write('INJECTED')</script>"
        "<img src=x onerror=\"alert('INJECTED')\"><svg onload=alert(1)></svg></body></html>"),
    "entity_bomb": (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">' for i in range(1, 10))
        + f']><html><body><p>&lol9;</p><p>{ARTICLE}</p></body></html>'),
    "entity_flood": "<html><body><p>" + "&amp;&lt;&#x1F600;&eacute;" * 100_000 + f"</p><p>{ARTICLE}</p></body></html>",
    "deep_nesting": "<html><body>" + "<div>" * 100_000 + f"<p>{ARTICLE}</p>" + "</div>" * 100_000 + "</body></html>",
    "unclosed_nesting": "<html><body>" + "<b><i><span>" * 50_000 + ARTICLE,
    "comment_bomb": "<html><body>" + "<!--" * 50_000 + f"<p>{ARTICLE}</p>" + "-->" * 50_000 + "</body></html>",
    "huge_attribute": "<html><body><p title='" + "a" * 3_000_000 + f"'>{ARTICLE}</p></body></html>",
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_html_is_parsed_in_bounded_time_and_never_executed(tmp_path, name):
    from pipeline.clean import clean_document

    status, reasons, docs = outcome(tmp_path, f"{name}.html", HOSTILE[name].encode())
    assert (status, reasons) == ("ingested", [])
    started = time.monotonic()
    article = clean_document(docs[0])
    elapsed = time.monotonic() - started
    print(f"{name}: cleaned in {elapsed:.2f}s, body {len(article.body)} chars")
    assert elapsed < 10
    assert "INJECTED" not in article.body and "fetch(" not in article.body and "alert(" not in article.body
    assert len(article.body) < 2 * len(HOSTILE[name])  # no entity expansion blow-up
    assert "lollollol" not in article.body


# ---------------------------------------------------------------- archives: quarantined, never unpacked
def _zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("bomb.txt", b"0" * (50 * 1024 * 1024))
    return buffer.getvalue()


def _tar_traversal(mode: str = "w:gz") -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode=mode) as t:
        data = ARTICLE.encode()
        info = tarfile.TarInfo("../../escaped.txt")
        info.size = len(data)
        t.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


@pytest.mark.parametrize("name,maker", [
    ("dump.zip", _zip_bomb), ("dump.tar.gz", _tar_traversal), ("dump.tgz", _tar_traversal),
    ("dump.jsonl.gz", lambda: gzip.compress(json.dumps({"text": ARTICLE}).encode())),
    ("zip_named.txt", _zip_bomb), ("gzip_named.jsonl", lambda: gzip.compress(b'{"text": "x"}')),
    ("tar_named.html", lambda: _tar_traversal("w")),
], ids=["zip_bomb", "tar_gz_traversal", "tgz", "jsonl_gz", "zip_as_txt", "gzip_as_jsonl", "tar_as_html"])
def test_archives_are_quarantined_never_unpacked(tmp_path, name, maker):
    before = set(tmp_path.rglob("*"))
    status, reasons, docs = outcome(tmp_path, name, maker())
    assert (status, reasons, docs) == ("quarantined", ["unsupported_archive"], [])
    assert set(tmp_path.rglob("*")) - before == {tmp_path / "landing", tmp_path / "landing" / name}
    assert not (tmp_path.parent / "escaped.txt").exists()


# ---------------------------------------------------------------- files still being written
def test_in_progress_names_are_never_read_and_settle_time_defers(tmp_path):
    landing = tmp_path / "landing"
    landing.mkdir()
    for name in ("a.txt.part", "b.html.tmp", "c.jsonl.crdownload", "d.txt.partial", ".e.txt"):
        (landing / name).write_text(ARTICLE)
    fresh = landing / "fresh.txt"
    fresh.write_text(ARTICLE)
    result = ingest_landing(landing, settle_seconds=3600)
    assert result.files == [] and result.documents == [] and result.deferred == [str(fresh)]
    (landing / "a.txt.part").rename(landing / "a.txt")  # rename-to-publish
    old = time.time() - 10
    for path in (landing / "a.txt", fresh):
        os.utime(path, (old, old))
    result = ingest_landing(landing, settle_seconds=5)
    assert sorted(Path(f.source_path).name for f in result.files) == ["a.txt", "fresh.txt"]


def test_file_growing_while_read_is_deferred_not_half_ingested(tmp_path, monkeypatch):
    import pipeline.ingest.landing as ingest

    landing = tmp_path / "landing"
    landing.mkdir()
    path = landing / "growing.txt"
    path.write_text(ARTICLE)
    real = ingest._read_fd_capped

    def read_while_writer_appends(handle, max_bytes):
        data = real(handle, max_bytes)
        with open(path, "a") as writer:
            writer.write("more text arriving\n")
        return data

    monkeypatch.setattr(ingest, "_read_fd_capped", read_while_writer_appends)
    result = ingest_landing(landing)
    assert result.deferred == [str(path)] and result.files == [] and result.documents == []
    monkeypatch.setattr(ingest, "_read_fd_capped", real)
    result = ingest_landing(landing)
    assert result.documents[0].raw_text.endswith("more text arriving\n")


# ---------------------------------------------------------------- names
@pytest.mark.parametrize("name", [
    "with spaces in name.txt", "Élection à Genève — 選挙.txt", "e\u0301lection_nfd.txt", "new\nline.txt",
    "quote'; DROP TABLE raw.documents; --.txt", 'double"quote.txt', b"latin1_\xe9t\xe9.txt", "tab\tand\rcr.txt",
], ids=["spaces", "unicode", "nfd", "newline", "sql", "dquote", "non_utf8_bytes", "tab_cr"])
def test_odd_filenames_are_ingested_and_storable(tmp_path, name):
    status, reasons, docs = outcome(tmp_path, name, ARTICLE.encode())
    assert (status, reasons) == ("ingested", []) and len(docs) == 1
    docs[0].source_path.encode("utf-8")  # storable text, even for a non-UTF-8 name
    rows_storable(ingest_landing(tmp_path / "landing"), tmp_path)


def test_same_content_under_two_names_is_one_document(tmp_path):
    landing = tmp_path / "landing"
    (landing / "sub").mkdir(parents=True)
    (landing / "a.txt").write_text(ARTICLE)
    (landing / "sub" / "copy of a.txt").write_text(ARTICLE)
    result = ingest_landing(landing)
    assert [f.status for f in result.files] == ["ingested", "ingested"]
    assert len({d.doc_id for d in result.documents}) == 1
    assert {f.source_path for f in result.files} == {str(landing / "a.txt"), str(landing / "sub" / "copy of a.txt")}


# ---------------------------------------------------------------- symlinks and special files
def test_symlinks_are_quarantined_and_never_followed(tmp_path, monkeypatch):
    landing = tmp_path / "landing"
    landing.mkdir()
    outside = tmp_path / "secret"
    outside.mkdir()
    (outside / "passwords.txt").write_text("TOP-SECRET-OUTSIDE " + ARTICLE)
    (landing / "inside.txt").write_text(ARTICLE)
    (landing / "to_inside.txt").symlink_to(landing / "inside.txt")
    (landing / "to_outside.txt").symlink_to(outside / "passwords.txt")
    (landing / "to_outside_dir").symlink_to(outside, target_is_directory=True)
    (landing / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (landing / "loop.txt").symlink_to(landing / "loop.txt")
    opened = []
    real_open = os.open
    monkeypatch.setattr(os, "open", lambda p, *a, **k: (opened.append(os.fspath(p)), real_open(p, *a, **k))[1])
    result = ingest_landing(landing)
    reasons = {Path(q.source_path).name: q.reason for q in result.quarantined}
    assert reasons == {n: "symlink" for n in ("to_inside.txt", "to_outside.txt", "to_outside_dir", "dangling.txt", "loop.txt")}
    assert [Path(d.source_path).name for d in result.documents] == ["inside.txt"]
    assert not any("secret" in p for p in opened), "a path outside the landing folder was opened"
    assert all("TOP-SECRET" not in d.raw_text for d in result.documents)
    detail = {Path(q.source_path).name: q.detail for q in result.quarantined}
    assert "OUTSIDE" in detail["to_outside.txt"] and "inside" in detail["to_inside.txt"]
    # a symlink has a stable identity (its target text): recorded once, skipped by the next run
    known = {f.source_path: f.file_sha256 for f in result.files}
    again = ingest_landing(landing, known_paths=known)
    assert {f.status for f in again.files} == {"known"} and again.quarantined == []


def test_file_swapped_for_symlink_after_discovery_is_not_followed(tmp_path):
    landing = tmp_path / "landing"
    landing.mkdir()
    (tmp_path / "secret.txt").write_text("TOP-SECRET " + ARTICLE)
    path = landing / "story.txt"
    path.symlink_to(tmp_path / "secret.txt")
    source, docs, bad = ingest_file(path, CAP, landing)
    assert docs == [] and bad[0].reason == "symlink"
    with pytest.raises(OSError):  # the open itself refuses symlinks (O_NOFOLLOW)
        from pipeline.ingest.landing import sha256_file
        sha256_file(path)


def test_fifo_and_socket_are_never_opened(tmp_path):
    landing = tmp_path / "landing"
    landing.mkdir()
    os.mkfifo(landing / "pipe.txt")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(landing / "sock.txt"))
    try:
        done = {}
        worker = threading.Thread(target=lambda: done.setdefault("r", ingest_landing(landing)), daemon=True)
        worker.start()
        worker.join(10)
        assert "r" in done, "ingest blocked on a FIFO"
        assert sorted((Path(q.source_path).name, q.reason) for q in done["r"].quarantined) == [
            ("pipe.txt", "unreadable"), ("sock.txt", "unreadable")]
        assert all("not a regular file" in q.detail for q in done["r"].quarantined)
    finally:
        sock.close()


# ---------------------------------------------------------------- exactly once at the ingest boundary
def test_every_file_is_accounted_for_exactly_once_and_rerun_is_a_no_op(tmp_path):
    landing = tmp_path / "landing"
    (landing / "sub").mkdir(parents=True)
    (landing / "ok.txt").write_text(ARTICLE)
    (landing / "sub" / "dup.txt").write_text(ARTICLE)
    (landing / "empty.txt").write_bytes(b"")
    (landing / "bin.html").write_bytes(b"\x00\x01\x02" * 100)
    (landing / "notes.docx").write_bytes(b"PK\x03\x04 docx")
    (landing / "a.zip").write_bytes(_zip_bomb())
    (landing / "exp.jsonl").write_text(json.dumps({"text": ARTICLE + "1"}) + "\n{bad\n")
    (landing / "link.txt").symlink_to(landing / "ok.txt")
    with open(landing / "big.txt", "wb") as handle:
        handle.truncate(2048)
    first = ingest_landing(landing, max_file_bytes=1024)
    names = sorted(Path(f.source_path).name for f in first.files)
    assert names == sorted(Path(p).name for p in discover(landing))
    assert all(f.status in ("ingested", "quarantined", "partial") for f in first.files)
    quarantined_files = {f.source_path for f in first.files if f.status in ("quarantined", "partial")}
    assert quarantined_files == {q.source_path for q in first.quarantined}
    assert all(f.file_sha256 for f in first.files), "every readable file gets an identity for the ledger"
    known = {f.source_path: f.file_sha256 for f in first.files}
    second = ingest_landing(landing, known_paths=known, max_file_bytes=1024)
    assert {f.status for f in second.files} == {"known"}
    assert second.documents == [] and second.quarantined == []


def test_decode_text_never_raises_anything_but_valueerror():
    for data in (b"\xff\xfe\x00", b"\xfe\xff\xd8\x00", b"\xef\xbb\xbf\xff", os.urandom(64), b"\x80" * 10):
        try:
            decode_text(data)
        except ValueError:
            pass


def test_path_text_escapes_undecodable_names():
    name = os.fsdecode(b"/landing/\xe9t\xe9.txt")
    assert path_text(name) == "/landing/\\xe9t\\xe9.txt"
    assert path_text("/landing/été.txt") == "/landing/été.txt"
