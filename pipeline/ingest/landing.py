"""Ingest: find files in the landing folder, read them safely, split JSONL exports.

Every file found ends up as documents (ingested) or as a quarantine record (with a reason);
nothing is dropped silently. Files still being written are *deferred* to the next run:
  - names starting with "." or ending in ".part", ".tmp", ".crdownload", ".partial" are never
    read (rename-to-publish: write `x.txt.part`, then rename to `x.txt`);
  - a file modified less than `settle_seconds` ago is left for the next run;
  - a file whose size or mtime changes while it is being read is left for the next run.
Content addressing: a document's id is the sha256 of its raw bytes (whole file, or one JSONL
line), so the same content under two names is one document with two source paths.

Safety and bounded memory:
  - a file's size is checked (fstat) before it is read, and the read itself stops at
    `max_file_bytes`: a larger file is quarantined ("file_too_large") after hashing it in 1 MB
    chunks, so memory stays O(max_file_bytes) whatever lands in the folder; a line longer than
    MAX_LINE_BYTES is quarantined ("line_too_long"; for JSONL only that line);
  - symbolic links are never followed (reason "symlink", also for links to directories; the
    open uses O_NOFOLLOW and the resolved path must stay inside the landing folder), FIFOs,
    sockets and devices are never opened ("unreadable", detail "not a regular file");
  - archives (.zip, .tar, .gz, .tgz, .bz2, .xz, .zst, .7z, .rar, or a text extension whose bytes
    start with an archive signature) are NOT unpacked: they are quarantined with reason
    "unsupported_archive". Unpacking would need path-traversal and zip-bomb guards for a format
    no producer of ours sends; extract them into the landing folder instead;
  - every quarantined file that could be read still gets a content hash, so it is recorded
    once and skipped by the next runs until its content changes ("exactly once").
Quarantine reasons (INGEST_REASONS; the audit accepts only reasons documented on raw.quarantine.reason):
the detail column says more (e.g. "not a regular file", "undecodable: invalid UTF-16").
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable

from pipeline.core.config import DEFAULT_MAX_FILE_MB
from pipeline.core.models import Quarantined, RawDocument, SourceFile

_FIELDS_FILE = Path(__file__).resolve().parents[1] / "data" / "jsonl_fields.yaml"

SUPPORTED = {".txt": "txt", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
IN_PROGRESS_SUFFIXES = (".part", ".tmp", ".crdownload", ".partial")
ARCHIVE_SUFFIXES = (".zip", ".tar", ".tgz", ".gz", ".bz2", ".tbz2", ".xz", ".txz", ".zst", ".7z", ".rar", ".lz4", ".lzma")
ARCHIVE_MAGIC = (
    (b"PK\x03\x04", "zip"), (b"PK\x05\x06", "zip"), (b"PK\x07\x08", "zip"), (b"\x1f\x8b", "gzip"),
    (b"\xfd7zXZ\x00", "xz"), (b"7z\xbc\xaf\x27\x1c", "7z"), (b"Rar!\x1a\x07", "rar"), (b"\x28\xb5\x2f\xfd", "zstd"),
)
INGEST_REASONS = (
    "symlink", "unreadable", "unsupported_extension", "unsupported_archive", "file_too_large", "empty_file",
    "line_too_long", "binary_content", "malformed_jsonl_line", "missing_text", "document_too_long",
)
# A document longer than this (characters) is quarantined whole, never cut: no real article is
# this long, and cleaning and extraction of one input must stay bounded.
MAX_DOCUMENT_CHARS = 3_000_000
MAX_HTML_CHARS = 20_000_000  # a page's markup may be many times its text
MAX_LINE_BYTES = 4 * 1024 * 1024  # one line larger than this is not an article: quarantined
READ_CHUNK = 1024 * 1024
_SURROGATES = re.compile("[\ud800-\udfff]")


@dataclass
class IngestResult:
    files: list[SourceFile] = field(default_factory=list)
    documents: list[RawDocument] = field(default_factory=list)
    quarantined: list[Quarantined] = field(default_factory=list)
    deferred: list[str] = field(default_factory=list)  # still being written; next run takes them
    pending: list[str] = field(default_factory=list)  # the batch is full; the next batch takes them
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason): hidden, in_progress


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def path_text(path: Path | str) -> str:
    """The path as text that can be stored (a name that is not valid UTF-8 gets \\x escapes)."""
    text = str(path)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", "backslashreplace")


def is_in_progress(path: Path) -> bool:
    name = path.name
    return name.startswith(".") or name.endswith(IN_PROGRESS_SUFFIXES)


def skip_reason(path: Path) -> str | None:
    """Why a landing entry is not read (counted in the run record, never silently dropped)."""
    if path.name.startswith("."):
        return "hidden"
    if path.name.endswith(IN_PROGRESS_SUFFIXES):
        return "in_progress"
    return None


def _walk(landing: Path):
    """(path, None) for every candidate file, (dir, OSError) for a directory that cannot be listed,
    (path, "skip:<reason>") for a hidden file or folder or a file still being written.

    Symbolic links to directories are returned as candidates (then quarantined), never entered."""
    errors: list[OSError] = []
    for root, dirs, files in os.walk(landing, followlinks=False, onerror=errors.append):
        while errors:
            exc = errors.pop()
            yield Path(exc.filename or root), exc
        linked = [d for d in dirs if os.path.islink(os.path.join(root, d))]
        for name in sorted(d for d in dirs if d.startswith(".") and d not in linked):
            yield Path(root) / name, "skip:hidden"
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in linked)
        for name in sorted(files + linked):
            path = Path(root) / name
            reason = skip_reason(path)
            yield path, (f"skip:{reason}" if reason else None)
    while errors:
        exc = errors.pop()
        yield Path(exc.filename or landing), exc


def discover(landing: Path) -> list[Path]:
    """All candidate files under `landing`, sorted, in-progress names excluded."""
    landing = Path(landing)
    if not landing.is_dir():
        raise FileNotFoundError(f"landing folder does not exist: {landing}")
    return [path for path, error in _walk(landing) if error is None]


def split_oversize(docs: list[RawDocument]) -> tuple[list[RawDocument], list[Quarantined]]:
    """Documents longer than MAX_DOCUMENT_CHARS (HTML: MAX_HTML_CHARS) are quarantined whole (never cut)."""
    kept, bad = [], []
    for d in docs:
        limit = MAX_HTML_CHARS if d.is_html or d.fmt == "html" else MAX_DOCUMENT_CHARS
        if len(d.raw_text) > limit:
            bad.append(Quarantined(d.source_path, d.file_sha256, "document_too_long",
                                   f"{len(d.raw_text):,} characters (limit {limit:,})", d.line_no))
        else:
            kept.append(d)
    return kept, bad


def _read_fd_capped(handle, max_bytes: int) -> bytes | None:
    buffer = bytearray()
    while True:
        chunk = handle.read(min(READ_CHUNK, max_bytes + 1 - len(buffer)))
        if not chunk:
            return bytes(buffer)
        buffer += chunk
        if len(buffer) > max_bytes:
            return None


def looks_binary(data: bytes) -> bool:
    """NUL bytes anywhere, or many control characters in the first 8 KB (UTF-16 is decoded before)."""
    head = data[:8192]
    if b"\x00" in data:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return len(head) > 0 and controls / len(head) > 0.05


def archive_kind(data: bytes) -> str | None:
    for magic, kind in ARCHIVE_MAGIC:
        if data.startswith(magic):
            return kind
    if len(data) > 262 and data[257:262] == b"ustar":
        return "tar"
    if len(data) > 4 and data.startswith(b"BZh") and data[3:4].isdigit() and data[4:10] == b"1AY&SY":
        return "bzip2"
    return None


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode bytes to text; returns (text, encoding). Raises ValueError for binary content.

    UTF-8 (with or without BOM) first, UTF-16 with BOM, then line by line UTF-8 falling back to
    Windows-1252 ("mixed" when both occur) so a Latin-1 scrape is read rather than rejected.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise UnicodeError(f"invalid UTF-16: {exc}") from exc
        if "\x00" in text:
            raise ValueError("binary content (NUL characters in UTF-16 text)")
        return _SURROGATES.sub("\ufffd", text), "utf-16"
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


def _lines(data: bytes):
    """(line_no, line) without splitting the whole buffer at once (one line copied at a time)."""
    start, line_no = 0, 0
    while start <= len(data):
        end = data.find(b"\n", start)
        if end < 0:
            end = len(data)
        line_no += 1
        yield line_no, start, end
        start = end + 1


def _longest_line(data: bytes) -> int:
    return max((end - start for _, start, end in _lines(data)), default=0)


def _clean_str(value: str) -> str:
    """Lone surrogates (from JSON \\ud800 escapes) cannot be stored: replaced by U+FFFD."""
    return _SURROGATES.sub("\ufffd", value)


@lru_cache(maxsize=1)
def jsonl_fields() -> dict[str, list[str]]:
    """Article attribute -> the JSONL field names that may hold it (pipeline/data/jsonl_fields.yaml)."""
    import yaml

    data = yaml.safe_load(_FIELDS_FILE.read_text(encoding="utf-8"))
    return {attr: [str(n) for n in names] for attr, names in data.items()}


def _field(record: dict, attr: str) -> str | None:
    """The first non-empty string among the record's fields for `attr`."""
    for name in jsonl_fields()[attr]:
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            return value
    return None


def _jsonl_documents(src: str, sha: str, data: bytes) -> tuple[list[RawDocument], list[Quarantined]]:
    docs, bad = [], []
    for line_no, start, end in _lines(data):
        if end - start > MAX_LINE_BYTES:
            bad.append(Quarantined(src, sha, "line_too_long", f"{end - start} bytes", line_no))
            continue
        line = data[start:end]
        if not line.strip():
            continue
        try:
            text, encoding = decode_text(line)
            record = json.loads(text)
        except (ValueError, RecursionError) as exc:  # JSONDecodeError and UnicodeError are ValueErrors
            bad.append(Quarantined(src, sha, "malformed_jsonl_line", f"{type(exc).__name__}: {exc}"[:200], line_no))
            continue
        if not isinstance(record, dict):
            bad.append(Quarantined(src, sha, "malformed_jsonl_line", "line is not a JSON object", line_no))
            continue
        body, is_html = _field(record, "text"), False
        if body is None:
            body, is_html = _field(record, "html"), True
        if body is None:
            names = ", ".join(f"'{n}'" for n in jsonl_fields()["text"] + jsonl_fields()["html"])
            bad.append(Quarantined(src, sha, "missing_text", f"no non-empty text field (one of {names})"[:300], line_no))
            continue
        if "\x00" in body:
            bad.append(Quarantined(src, sha, "binary_content", "NUL characters in the text field", line_no))
            continue

        def _opt(key: str, record: dict = record) -> str | None:
            value = _field(record, key)
            return _clean_str(value.strip()) if value is not None else None

        docs.append(
            RawDocument(
                doc_id=sha256_bytes(line.strip()),
                source_path=src,
                file_sha256=sha,
                fmt="jsonl",
                raw_text=_clean_str(body),
                encoding=encoding,
                line_no=line_no,
                url=_opt("url"),
                title_hint=_opt("title"),
                published_hint=_opt("published"),
                is_html=is_html,
            )
        )
    return docs, bad


def sha256_file(path: Path) -> str:
    """Streaming sha256 (1 MB at a time, symlinks not followed)."""
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        return _sha256_handle(handle)


def _sha256_handle(handle) -> str:
    digest = hashlib.sha256()
    for chunk in iter(lambda: handle.read(READ_CHUNK), b""):
        digest.update(chunk)
    return digest.hexdigest()


def symlink_fingerprint(path: Path) -> str:
    """Identity of a symlink for the ledger: its target *text* (the target is never read)."""
    return sha256_bytes(b"symlink\x00" + os.fsencode(os.readlink(path)))


def _inside(path: Path, landing: Path | None) -> bool:
    if landing is None:
        return True
    root = os.path.realpath(landing)
    return os.path.realpath(path).startswith(root.rstrip(os.sep) + os.sep)


def ingest_file(path: Path, max_file_bytes: int, landing: Path | None = None
                ) -> tuple[SourceFile, list[RawDocument], list[Quarantined]]:
    """Read one file into documents or quarantine records. Never raises for bad content.

    A file that vanishes or changes while being read comes back with status "deferred"."""
    path = Path(path)
    src = path_text(path)
    fmt = SUPPORTED.get(path.suffix.lower())

    def quarantine(reason: str, detail: str, sha: str | None = None, size: int = 0):
        return SourceFile(src, sha, size, fmt, "quarantined"), [], [Quarantined(src, sha, reason, detail)]

    def deferred(size: int = 0):
        return SourceFile(src, None, size, fmt, "deferred"), [], []

    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return deferred()
    except OSError as exc:
        return quarantine("unreadable", f"{type(exc).__name__}: {exc}")
    if stat.S_ISLNK(st.st_mode):
        target = os.readlink(path)
        where = "inside" if _inside(path, landing) else "OUTSIDE"
        return quarantine("symlink", f"symbolic links are not followed (points {where} the landing folder, "
                          f"to {path_text(target)})", symlink_fingerprint(path))
    if not stat.S_ISREG(st.st_mode):
        kind = "directory" if stat.S_ISDIR(st.st_mode) else "FIFO, socket or device"
        return quarantine("unreadable", f"not a regular file ({kind}): never opened")
    if not _inside(path, landing):
        return quarantine("symlink", f"a parent folder is a symbolic link: resolves to {path_text(os.path.realpath(path))}, outside the landing folder")
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        return deferred()
    except OSError as exc:
        return quarantine("unreadable", f"{type(exc).__name__}: {exc}", size=st.st_size)
    with os.fdopen(fd, "rb") as handle:
        before = os.fstat(fd)
        if (before.st_dev, before.st_ino) != (st.st_dev, st.st_ino) or not stat.S_ISREG(before.st_mode):
            return deferred()  # replaced between discovery and open: next run
        size = before.st_size
        lower = path.name.lower()
        if fmt is None or lower.endswith(ARCHIVE_SUFFIXES):
            sha = _sha256_handle(handle)
            if lower.endswith(ARCHIVE_SUFFIXES):
                return quarantine("unsupported_archive", "archives are not unpacked; extract the files into the "
                                  "landing folder", sha, size)
            return quarantine("unsupported_extension", f"'{path.suffix or '(none)'}' is not one of {sorted(SUPPORTED)}",
                              sha, size)
        if size > max_file_bytes:
            return quarantine("file_too_large", f"{size} bytes, larger than {max_file_bytes}", _sha256_handle(handle), size)
        try:
            data = _read_fd_capped(handle, max_file_bytes)
        except OSError as exc:
            return quarantine("unreadable", f"{type(exc).__name__}: {exc}", size=size)
        after = os.fstat(fd)
        if data is None:  # grew past the cap while we read it
            return deferred(after.st_size)
        if len(data) != size or after.st_size != size or after.st_mtime_ns != before.st_mtime_ns:
            return deferred(after.st_size)  # still being written: next run
    sha = sha256_bytes(data)
    if not data or data.isspace():
        return quarantine("empty_file", "no content", sha, len(data))
    kind = archive_kind(data)
    if kind:
        return quarantine("unsupported_archive", f"{kind} archive with a '{path.suffix}' name; archives are not "
                          "unpacked", sha, len(data))
    if fmt == "jsonl":
        docs, bad = _jsonl_documents(src, sha, data)
        status = "ingested" if docs and not bad else ("partial" if docs else "quarantined")
        if not docs and not bad:
            bad = [Quarantined(src, sha, "empty_file", "no JSON lines")]
        return SourceFile(src, sha, len(data), fmt, status, len(docs)), docs, bad
    if _longest_line(data) > MAX_LINE_BYTES:
        return quarantine("line_too_long", f"a line longer than {MAX_LINE_BYTES} bytes", sha, len(data))
    try:
        text, encoding = decode_text(data)
    except UnicodeError as exc:
        return quarantine("binary_content", f"undecodable: {exc}"[:300], sha, len(data))
    except ValueError as exc:
        return quarantine("binary_content", str(exc), sha, len(data))
    if not text.strip():  # e.g. only a byte-order mark
        return quarantine("empty_file", f"no text after decoding ({encoding})", sha, len(data))
    doc = RawDocument(doc_id=sha, source_path=src, file_sha256=sha, fmt=fmt, raw_text=text, encoding=encoding)
    return SourceFile(src, sha, len(data), fmt, "ingested", 1), [doc], []


def is_settled(path: Path, settle_seconds: float, now: float | None = None) -> bool:
    """True when the file has not been modified for `settle_seconds` (not still being written).
    A modification time in the future (a skewed clock, a copied timestamp) cannot tell: the file
    is taken rather than left waiting forever."""
    if settle_seconds <= 0:
        return True
    try:
        mtime = path.lstat().st_mtime
    except OSError:
        return False
    age = (now or time.time()) - mtime
    return age >= settle_seconds or age < -settle_seconds


def _known_fingerprint(path: Path) -> tuple[str, int] | None:
    """(sha256, size) of what is at `path` now, as ingest_file would record it; None if unreadable."""
    try:
        st = os.lstat(path)
        if stat.S_ISLNK(st.st_mode):
            return symlink_fingerprint(path), 0
        if not stat.S_ISREG(st.st_mode):
            return None
        return sha256_file(path), st.st_size
    except OSError:
        return None


def ingest_landing(
    landing: Path,
    *,
    known_paths: dict[str, str] | None = None,
    max_file_bytes: int = DEFAULT_MAX_FILE_MB * 1024 * 1024,
    settle_seconds: float = 0.0,
    max_documents: int = 0,
    known_documents: Callable[[list[str]], set[str]] | None = None,
) -> IngestResult:
    """Ingest every new file under `landing`.

    `known_paths` maps source path -> sha256 already recorded in the warehouse: a file whose path
    and content are both known is skipped (status "known"); changed content at a known path is
    ingested again as new content. With `max_documents` (> 0), files are read until the batch
    holds that many new documents; a JSONL file with more is cut between documents: its first
    ones join this batch and the file stays `pending` (unrecorded) so that the next batch reads it
    again and takes the documents after them (`known_documents` tells which doc ids are already
    in the warehouse); the other new files are listed in `pending`, unread, for the next batch.
    """
    landing = Path(landing)
    if not landing.is_dir():
        raise FileNotFoundError(f"landing folder does not exist: {landing}")
    known_paths = known_paths or {}
    result = IngestResult()
    known_documents = known_documents or (lambda ids: set())
    for path, error in _walk(landing):
        if isinstance(error, str):
            result.skipped.append((path_text(path), error.removeprefix("skip:")))
            continue
        if error is not None:
            src = path_text(path)
            result.files.append(SourceFile(src, None, 0, None, "quarantined"))
            result.quarantined.append(Quarantined(src, None, "unreadable", f"folder cannot be listed: {type(error).__name__}: {error}"))
            continue
        if not is_settled(path, settle_seconds):
            result.deferred.append(path_text(path))
            continue
        known_sha = known_paths.get(path_text(path))
        if known_sha is not None:
            now = _known_fingerprint(path)
            if now is not None and now[0] == known_sha:
                result.files.append(SourceFile(path_text(path), known_sha, now[1], SUPPORTED.get(path.suffix.lower()), "known"))
                continue
        if max_documents > 0 and len(result.documents) >= max_documents:
            result.pending.append(path_text(path))
            continue
        source, docs, bad = ingest_file(path, max_file_bytes, landing)
        if source.status == "deferred":
            result.deferred.append(source.source_path)
            continue
        docs, too_long = split_oversize(docs)
        bad += too_long
        if max_documents > 0 and docs:
            known = known_documents([d.doc_id for d in docs])
            new = [d for d in docs if d.doc_id not in known]
            room = max_documents - len(result.documents)
            if len(new) > room:  # the batch bound holds inside the file: the rest waits
                result.documents.extend(new[:max(room, 0)])
                result.pending.append(path_text(path))
                continue
        result.files.append(source)
        result.documents.extend(docs)
        result.quarantined.extend(bad)
    return result
