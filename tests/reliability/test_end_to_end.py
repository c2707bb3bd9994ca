"""Whole runs on hostile landings: every file accounted for exactly once in the warehouse, re-runs
are no-ops, nothing reaches the network, nothing from the input is executed, SQL never carries
user text."""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import (
    ARTICLE_FR,
    REPO,
    SAMPLES,
    assert_exactly_once,
    audit_accepts,
    count,
    curated_snapshot,
    make_landing,
    make_settings,
    needs_extract,
    settings_env,
)

pytestmark = needs_extract

MARKER = "NEWSEVENTS_PWNED_MARKER"


def hostile_landing(landing: Path, marker_dir: Path, outside: Path) -> Path:
    """Real articles under odd names, next to every kind of bad input."""
    make_landing(landing)
    (landing / "sub dir").mkdir()
    shutil.copy2(SAMPLES / "fr_04_lula_modi_appel.txt", landing / "sub dir" / "Élection à Genève — 選挙 copy.txt")
    shutil.copy2(SAMPLES / "fr_04_lula_modi_appel.txt", landing / "same content, other name.txt")
    shutil.copy2(SAMPLES / "en_01_india_china_border.txt", landing / "new\nline name.txt")
    shutil.copy2(SAMPLES / "en_02_venezuela_detainees_release.txt",
                 landing / "quote'; DROP TABLE raw.documents; --.txt")
    shutil.copy2(SAMPLES / "en_04_kenya_haiti_police.txt",
                 Path(os.fsdecode(os.fsencode(landing) + b"/latin1_\xe9t\xe9.txt")))
    marker = marker_dir / MARKER
    (landing / "script.html").write_text(
        "<html><head><title>Script test</title>"
        f"<script>require('fs').writeFileSync('{marker}', 'x')</script>"
        f"<script type='text/python'>open('{marker}', 'w').write('x')</script></head><body>"
        f"<iframe src='http://127.0.0.1:9/{MARKER}'></iframe><img src='http://127.0.0.1:9/x.png' onerror=\"fetch('x')\">"
        f"<p>{ARTICLE_FR}</p><p>{{{{ ''.__class__.__mro__[1].__subclasses__() }}}} $(touch {marker}) `touch {marker}`</p>"
        "</body></html>", encoding="utf-8")
    (landing / "injection.jsonl").write_text(
        json.dumps({"text": f"__import__('os').system('touch {marker}') " + ARTICLE_FR, "title": "'); DROP TABLE x; --",
                    "url": "javascript:alert(1)"}) + "\n{broken line\n", encoding="utf-8")
    (landing / "empty.txt").write_bytes(b"")
    (landing / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)))
    (landing / "archive.zip").write_bytes(b"PK\x03\x04" + b"\x00" * 64)
    (landing / "notes.docx").write_bytes(b"PK\x03\x04 docx")
    (landing / "writing.txt.part").write_text("half")
    (outside / "secret.txt").write_text("TOP-SECRET-OUTSIDE " + ARTICLE_FR)
    (landing / "link_out.txt").symlink_to(outside / "secret.txt")
    (landing / "link_dir").symlink_to(outside, target_is_directory=True)
    return landing


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    from pipeline.run.runner import run_pipeline

    root = tmp_path_factory.mktemp("hostile")
    outside = root / "outside"
    outside.mkdir()
    landing = hostile_landing(root / "land'ing\"; DROP TABLE core.articles; --", root, outside)
    settings = make_settings(root, landing)
    settings = settings.with_overrides(warehouse=root / "wh'house; DROP" / "warehouse.duckdb",
                                       work_dir=root / "work'; DROP TABLE x" / "w")
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args[1:] if args else kwargs)
        raise OSError("network access attempted during processing")

    mp = pytest.MonkeyPatch()
    for target, name in ((socket.socket, "connect"), (socket.socket, "connect_ex"), (socket, "create_connection"),
                         (socket, "getaddrinfo")):
        mp.setattr(target, name, refuse)
    try:
        first = run_pipeline(settings)
        second = run_pipeline(settings)
    finally:
        mp.undo()
    return {"root": root, "landing": landing, "settings": settings, "first": first, "second": second,
            "attempts": attempts, "outside": outside}


def test_every_file_is_accounted_for_exactly_once(hostile_run):
    s = hostile_run["settings"]
    assert hostile_run["first"].status == "published"
    stats = assert_exactly_once(s.warehouse, hostile_run["landing"])
    reasons = dict(count(s.warehouse, "SELECT regexp_extract(source_path, '[^/]+$'), reason FROM raw.quarantine "
                                      "WHERE stage = 'ingest' AND line_no IS NULL"))
    expected = {"empty.txt": "empty_file", "image.txt": "binary_content", "notes.docx": "unsupported_extension",
                "link_out.txt": "symlink", "link_dir": "symlink"}
    expected["archive.zip"] = "unsupported_archive"
    assert reasons == expected
    assert count(s.warehouse, "SELECT line_no, reason FROM raw.quarantine WHERE source_path LIKE '%injection.jsonl'") \
        == [(2, "malformed_jsonl_line")]
    print(f"hostile landing: {stats}")


def test_same_content_under_two_names_is_one_article_with_two_source_paths(hostile_run):
    s = hostile_run["settings"]
    sha = count(s.warehouse, "SELECT file_sha256 FROM raw.source_files WHERE source_path LIKE '%same content, other name.txt'")[0][0]
    paths = count(s.warehouse, "SELECT source_path FROM raw.source_files WHERE file_sha256 = ? ORDER BY 1", [sha])
    assert len(paths) == 2
    assert count(s.warehouse, "SELECT count(*) FROM raw.documents WHERE doc_id = ?", [sha]) == [(1,)]
    assert count(s.warehouse, "SELECT count(*) FROM curated.articles WHERE article_id = ?", [sha]) == [(1,)]


def test_odd_names_are_stored_verbatim(hostile_run):
    s = hostile_run["settings"]
    names = {p.rsplit("/", 1)[-1] for p, in count(s.warehouse, "SELECT source_path FROM curated.articles")}
    assert {"new\nline name.txt", "quote'; DROP TABLE raw.documents; --.txt", "latin1_\\xe9t\\xe9.txt"} <= names
    assert any("Élection à Genève — 選挙 copy.txt" in p or "same content, other name.txt" in p
               for p, in count(s.warehouse, "SELECT source_path FROM curated.articles"))


def test_sql_from_paths_and_file_names_is_never_executed(hostile_run):
    s = hostile_run["settings"]
    tables = {t for t, in count(s.warehouse, "SELECT schema_name || '.' || table_name FROM duckdb_tables()")}
    assert {"raw.documents", "core.articles", "raw.source_files", "core.event_mentions"} <= tables
    assert count(s.warehouse, "SELECT landing FROM ops.runs WHERE status = 'published'")[0][0] == str(hostile_run["landing"])
    assert count(s.warehouse, "SELECT count(*) FROM raw.documents")[0][0] > 5


def test_symlink_outside_the_landing_is_never_read(hostile_run):
    s = hostile_run["settings"]
    assert count(s.warehouse, "SELECT count(*) FROM raw.documents WHERE raw_text LIKE '%TOP-SECRET%'") == [(0,)]
    assert count(s.warehouse, "SELECT count(*) FROM raw.source_files WHERE source_path LIKE '%secret.txt'") == [(0,)]


def test_no_code_from_the_input_is_executed(hostile_run):
    assert not list(hostile_run["root"].rglob(MARKER)) and not (Path.cwd() / MARKER).exists()
    s = hostile_run["settings"]
    bodies = " ".join(b for b, in count(s.warehouse, "SELECT body FROM curated.articles"))
    assert "writeFileSync" not in bodies and "onerror" not in bodies  # scripts and handlers are dropped
    assert "__import__('os').system" in bodies  # text stays text: stored, never evaluated


def test_no_network_access_during_a_full_run(hostile_run):
    assert hostile_run["attempts"] == []


def test_rerun_is_a_no_op(hostile_run):
    s = hostile_run["settings"]
    assert hostile_run["second"].status == "nothing_new"
    assert hostile_run["second"].totals["articles"] == hostile_run["first"].totals["articles"]
    before = curated_snapshot(s.warehouse)
    from pipeline.run.runner import run_pipeline

    third = run_pipeline(s)
    assert third.status == "nothing_new" and curated_snapshot(s.warehouse) == before
    assert_exactly_once(s.warehouse, hostile_run["landing"])


def test_clean_and_extract_alone_never_touch_the_network(monkeypatch):
    from pipeline.clean import clean_document
    from pipeline.extract import extract_mentions
    from pipeline.ingest.landing import ingest_landing

    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network")

    for target, name in ((socket.socket, "connect"), (socket.socket, "connect_ex"), (socket, "create_connection"),
                         (socket, "getaddrinfo")):
        monkeypatch.setattr(target, name, refuse)
    n = 0
    for doc in ingest_landing(SAMPLES).documents:
        article = clean_document(doc)
        n += len(extract_mentions(doc.doc_id, article.body, article.language, article.reference_date, article.title))
    assert attempts == [] and n > 0


@pytest.mark.parametrize("reason", ["symlink", "unreadable", "unsupported_extension", "unsupported_archive",
                                    "file_too_large", "empty_file", "line_too_long", "binary_content",
                                    "malformed_jsonl_line", "missing_text", "empty_body", "extraction_error",
                                    "cleaning_error"])
def test_every_quarantine_reason_is_accepted_by_the_audit(reason):
    """A quarantine reason the GX suite does not list fails the audit of the WHOLE batch. The list is
    the comment on raw.quarantine.reason (warehouse/schema/022), turned into the suite by
    scripts/build_suites.py."""
    from pipeline.ingest.landing import INGEST_REASONS

    assert reason in INGEST_REASONS or reason in ("empty_body", "extraction_error", "cleaning_error")
    assert audit_accepts(reason), f"'{reason}' is not documented on raw.quarantine.reason"


@pytest.mark.slow
def test_cli_run_without_any_network_interface(tmp_path):
    """OS-level proof (also covers C extensions such as DuckDB): the CLI in a network namespace
    with no interface up publishes normally."""
    if shutil.which("unshare") is None or subprocess.run(["unshare", "-rn", "true"], capture_output=True).returncode:
        pytest.skip("unshare -rn (user + network namespace) not available")
    landing = make_landing(tmp_path / "landing")
    settings = make_settings(tmp_path, landing)
    cli = str(Path(sys.executable).parent / "newsevents")
    out = subprocess.run(["unshare", "-rn", cli, "run", "--quiet"], env=settings_env(settings), capture_output=True,
                         text=True, timeout=300, cwd=str(REPO))
    assert out.returncode == 0, out.stderr[-2000:]
    assert "published" in out.stdout
    assert count(settings.warehouse, "SELECT count(*) FROM curated.articles")[0][0] > 0
