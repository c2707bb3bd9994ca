"""Ingest: find files in the landing folder, read them safely, split JSONL exports.

Every file found ends up as documents (ingested) or as a quarantine record (with a reason);
nothing is dropped silently. Files still being written are *deferred* to the next run:
  - names starting with "." or ending in ".part", ".tmp", ".crdownload" are never read
    (rename-to-publish: write `x.txt.part`, then rename to `x.txt`);
  - a file modified less than `settle_seconds` ago is left for the next run.
Content addressing: a document's id is the sha256 of its raw bytes (whole file, or one JSONL
line), so the same content under two names is one document with two source paths.
"""
from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.models import Quarantined, RawDocument

SUPPORTED = {".txt": "txt", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
IN_PROGRESS_SUFFIXES = (".part", ".tmp", ".crdownload", ".partial")
MAX_LINE_BYTES = 4 * 1024 * 1024  # one line larger than this is not an article: quarantined
READ_CHUNK = 1024 * 1024


@dataclass
class SourceFile:
    """One file seen in the landing folder during a run."""

    source_path: str
    file_sha256: str | None
    size_bytes: int
    fmt: str | None
    status: str  # "ingested" | "quarantined" | "partial" (some JSONL lines quarantined) | "known"
    n_documents: int = 0


@dataclass
class IngestResult:
    files: list[SourceFile] = field(default_factory=list)
    documents: list[RawDocument] = field(default_factory=list)
    quarantined: list[Quarantined] = field(default_factory=list)
    deferred: list[str] = field(default_factory=list)  # still being written; next run takes them


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def is_in_progress(path: Path) -> bool:
    name = path.name
    return name.startswith(".") or name.endswith(IN_PROGRESS_SUFFIXES)


def discover(landing: Path) -> list[Path]:
    """All candidate files under `landing`, sorted, in-progress names excluded."""
    landing = Path(landing)
    if not landing.is_dir():
        raise FileNotFoundError(f"landing folder does not exist: {landing}")
    found = []
    for root, dirs, files in os.walk(landing, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root) / name
            if not is_in_progress(path):
                found.append(path)
    return found


def read_capped(path: Path, max_bytes: int) -> bytes | None:
    """File bytes, or None when the file is larger than `max_bytes` (never reads past the cap)."""
    with open(path, "rb") as handle:
        chunks, total = [], 0
        while True:
            chunk = handle.read(READ_CHUNK)
            if not chunk:
                return b"".join(chunks)
            total += len(chunk)
            if total > max_bytes:
                return None
            chunks.append(chunk)


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KB (UTF-16 is decoded before this check)."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return len(head) > 0 and controls / len(head) > 0.05


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode bytes to text; returns (text, encoding). Raises ValueError for binary content.

    UTF-8 (with or without BOM) first, UTF-16 with BOM, then line by line UTF-8 falling back to
    Windows-1252 ("mixed" when both occur) so a Latin-1 scrape is read rather than rejected.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise ValueError(f"invalid UTF-16: {exc}") from exc
    if looks_binary(data):
        raise ValueError("binary content (NUL or control bytes)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    lines, used = [], set()
    for line in data.splitlines(keepends=True):
        try:
            lines.append(line.decode("utf-8"))
            used.add("utf-8")
        except UnicodeDecodeError:
            lines.append(line.decode("cp1252", errors="replace"))
            used.add("cp1252")
    return "".join(lines), ("mixed" if len(used) > 1 else "cp1252")


def _longest_line(data: bytes) -> int:
    longest, start = 0, 0
    while True:
        end = data.find(b"\n", start)
        if end < 0:
            return max(longest, len(data) - start)
        longest = max(longest, end - start)
        start = end + 1


def _jsonl_documents(path: Path, sha: str, data: bytes) -> tuple[list[RawDocument], list[Quarantined]]:
    docs, bad = [], []
    for line_no, line in enumerate(data.split(b"\n"), start=1):
        if not line.strip():
            continue
        if len(line) > MAX_LINE_BYTES:
            bad.append(Quarantined(str(path), sha, "line_too_long", f"{len(line)} bytes", line_no))
            continue
        try:
            text, encoding = decode_text(line)
            record = json.loads(text)
        except (ValueError, json.JSONDecodeError) as exc:
            bad.append(Quarantined(str(path), sha, "malformed_jsonl_line", str(exc)[:200], line_no))
            continue
        if not isinstance(record, dict):
            bad.append(Quarantined(str(path), sha, "malformed_jsonl_line", "line is not a JSON object", line_no))
            continue
        body, is_html = record.get("text"), False
        if not (isinstance(body, str) and body.strip()):
            body, is_html = record.get("html"), True
        if not (isinstance(body, str) and body.strip()):
            bad.append(Quarantined(str(path), sha, "missing_text", "no non-empty 'text' or 'html' field", line_no))
            continue

        def _opt(key: str) -> str | None:
            value = record.get(key)
            return value.strip() if isinstance(value, str) and value.strip() else None

        docs.append(
            RawDocument(
                doc_id=sha256_bytes(line.strip()),
                source_path=str(path),
                file_sha256=sha,
                fmt="jsonl",
                raw_text=body,
                encoding=encoding,
                line_no=line_no,
                url=_opt("url"),
                title_hint=_opt("title"),
                published_hint=_opt("published"),
                is_html=is_html,
            )
        )
    return docs, bad


def ingest_file(path: Path, max_file_bytes: int) -> tuple[SourceFile, list[RawDocument], list[Quarantined]]:
    """Read one file into documents or quarantine records. Never raises for bad content."""
    src = str(path)
    fmt = SUPPORTED.get(path.suffix.lower())

    def quarantine(reason: str, detail: str, sha: str | None = None, size: int = 0):
        return SourceFile(src, sha, size, fmt, "quarantined"), [], [Quarantined(src, sha, reason, detail)]

    if path.is_symlink():
        return quarantine("symlink", f"symbolic links are not followed (points to {os.readlink(path)})")
    if fmt is None:
        size = path.stat().st_size
        return quarantine("unsupported_extension", f"'{path.suffix or '(none)'}' is not one of {sorted(SUPPORTED)}", size=size)
    try:
        data = read_capped(path, max_file_bytes)
    except OSError as exc:
        return quarantine("unreadable", f"{type(exc).__name__}: {exc}")
    if data is None:
        return quarantine("file_too_large", f"larger than {max_file_bytes} bytes", size=path.stat().st_size)
    sha = sha256_bytes(data)
    if not data.strip():
        return quarantine("empty_file", "no content", sha, len(data))
    if fmt == "jsonl":
        docs, bad = _jsonl_documents(path, sha, data)
        status = "ingested" if docs and not bad else ("partial" if docs else "quarantined")
        if not docs and not bad:
            bad = [Quarantined(src, sha, "empty_file", "no JSON lines")]
        return SourceFile(src, sha, len(data), fmt, status, len(docs)), docs, bad
    if _longest_line(data) > MAX_LINE_BYTES:
        return quarantine("line_too_long", f"a line longer than {MAX_LINE_BYTES} bytes", sha, len(data))
    try:
        text, encoding = decode_text(data)
    except ValueError as exc:
        return quarantine("binary_content", str(exc), sha, len(data))
    doc = RawDocument(doc_id=sha, source_path=src, file_sha256=sha, fmt=fmt, raw_text=text, encoding=encoding)
    return SourceFile(src, sha, len(data), fmt, "ingested", 1), [doc], []


def is_settled(path: Path, settle_seconds: float, now: float | None = None) -> bool:
    """True when the file has not been modified for `settle_seconds` (not still being written)."""
    if settle_seconds <= 0:
        return True
    try:
        mtime = path.lstat().st_mtime
    except OSError:
        return False
    return ((now or time.time()) - mtime) >= settle_seconds


def ingest_landing(
    landing: Path,
    *,
    known_paths: dict[str, str] | None = None,
    max_file_bytes: int = 50 * 1024 * 1024,
    settle_seconds: float = 0.0,
) -> IngestResult:
    """Ingest every new file under `landing`.

    `known_paths` maps source path -> sha256 already recorded in the warehouse: a file whose path
    and content are both known is skipped (status "known"); changed content at a known path is
    ingested again as new content.
    """
    known_paths = known_paths or {}
    result = IngestResult()
    for path in discover(landing):
        if not is_settled(path, settle_seconds):
            result.deferred.append(str(path))
            continue
        known_sha = known_paths.get(str(path))
        if known_sha is not None and not path.is_symlink():
            try:
                size = path.stat().st_size
                if size <= max_file_bytes and sha256_file(path) == known_sha:
                    result.files.append(SourceFile(str(path), known_sha, size, SUPPORTED.get(path.suffix.lower()), "known"))
                    continue
            except OSError:
                pass
        source, docs, bad = ingest_file(path, max_file_bytes)
        result.files.append(source)
        result.documents.extend(docs)
        result.quarantined.extend(bad)
    return result


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(READ_CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()
