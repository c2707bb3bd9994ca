"""The pipeline's stages, as functions over a per-run batch folder of Parquet files.

ingest -> clean -> extract write Parquet in `work_dir/<run_id>/` (no warehouse lock needed, so
Airflow can run them as separate tasks); `stage` loads the batch into `staging.*`; `audit`
validates it with Great Expectations; `publish` copies it into the warehouse atomically, or
marks the run failed and leaves the published data untouched. `run_pipeline` chains them for
`newsevents run`; the DAGs in dags/ call the same functions, one task each.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import secrets
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Callable, Iterator
from urllib.parse import urlparse

from pipeline.core.config import Settings
from pipeline.core.models import CleanArticle, EventMention, Quarantined, RawDocument

Progress = Callable[[str], None]


def _quiet(_: str) -> None:
    pass


def fault_point(name: str) -> None:
    """Fault injection for tests/reliability: NEWSEVENTS_FAULT=<name> SIGKILLs this process here."""
    if os.environ.get("NEWSEVENTS_FAULT") == name:
        import signal

        os.kill(os.getpid(), signal.SIGKILL)


class RunLocked(RuntimeError):
    """Another run holds the warehouse."""


class AuditFailed(RuntimeError):
    """The staged batch did not pass the data-quality audit; nothing was published."""


def new_run_id(trigger: str = "cli") -> str:
    return f"{datetime.now(timezone.utc):%Y%m%dT%H%M%S}_{trigger}_{secrets.token_hex(3)}"


def batch_dir(settings: Settings, run_id: str) -> Path:
    path = settings.work_dir / run_id
    path.mkdir(parents=True, exist_ok=True)
    return path


@contextmanager
def warehouse_lock(settings: Settings, wait_seconds: float = 0.0) -> Iterator[None]:
    """Exclusive lock for everything that writes the warehouse (CLI runs and DAG tasks alike)."""
    settings.warehouse.parent.mkdir(parents=True, exist_ok=True)
    lock_path = settings.warehouse.with_suffix(settings.warehouse.suffix + ".lock")
    with open(lock_path, "w") as handle:
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise RunLocked(
                        f"another newsevents run is writing {settings.warehouse} (lock {lock_path}); "
                        "try again when it finishes"
                    ) from None
                time.sleep(0.5)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


# ---------------------------------------------------------------- Parquet helpers
def write_rows(rows: list[dict], path: Path) -> int:
    """Write rows as Parquet (atomically: temp file + rename); no file for no rows."""
    if not rows:
        path.unlink(missing_ok=True)
        return 0
    import pyarrow as pa
    import pyarrow.parquet as pq

    tmp = path.with_suffix(".parquet.tmp")
    pq.write_table(pa.Table.from_pylist(rows), tmp)
    tmp.replace(path)
    return len(rows)


def read_rows(path: Path) -> list[dict]:
    if not path.exists():
        return []
    import pyarrow.parquet as pq

    return pq.read_table(path).to_pylist()


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def quarantine_row(q: Quarantined, stage: str, run_id: str, doc_id: str | None = None) -> dict:
    """A raw.quarantine row; its id is stable, so re-running never duplicates it. `doc_id` tells
    apart two documents of one file (JSONL lines) rejected by a later stage."""
    key = f"{q.source_path}|{q.file_sha256}|{q.line_no}|{stage}|{q.reason}|{doc_id or ''}"
    return {
        "quarantine_id": hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest(),
        "source_path": q.source_path,
        "file_sha256": q.file_sha256,
        "line_no": q.line_no,
        "stage": stage,
        "reason": q.reason,
        "detail": q.detail,
        "run_id": run_id,
        "quarantined_at": _now(),
    }


# ---------------------------------------------------------------- stages
def ingest_stage(settings: Settings, run_id: str, *, landing: Path | None = None, progress: Progress = _quiet) -> dict:
    """Read new files from the landing folder into documents.parquet (+ source_files, quarantine)."""
    from pipeline.ingest.landing import discover, ingest_landing, path_text
    from pipeline.warehouse.load import connect, known_doc_ids, known_source_paths

    out = batch_dir(settings, run_id)
    landing = Path(landing or settings.landing)
    known_paths: dict[str, str] = {}
    known_docs: set[str] = set()
    if settings.warehouse.exists() and landing.is_dir():
        with connect(settings.warehouse, read_only=True) as con:
            if _has_table(con, "raw", "source_files"):  # only the landing folder's files: never the whole ledger
                known_paths = known_source_paths(con, [path_text(p) for p in discover(landing)])
    result = ingest_landing(
        landing, known_paths=known_paths, max_file_bytes=settings.max_file_bytes, settle_seconds=settings.settle_seconds,
        max_documents=settings.max_batch_documents,
    )
    new_docs: dict[str, RawDocument] = {}
    for doc in result.documents:
        new_docs.setdefault(doc.doc_id, doc)  # same content under two names: one document
    if known_paths and new_docs:
        with connect(settings.warehouse, read_only=True) as con:
            known_docs = known_doc_ids(con, list(new_docs))
    documents = [d for d in new_docs.values() if d.doc_id not in known_docs]
    now = _now()
    files = [
        {**asdict(f), "format": f.fmt, "run_id": run_id, "seen_at": now}
        for f in result.files if f.status != "known"
    ]
    for row in files:
        row.pop("fmt", None)
    doc_rows = [
        {
            "doc_id": d.doc_id, "file_sha256": d.file_sha256, "source_path": d.source_path, "line_no": d.line_no,
            "format": d.fmt, "encoding": d.encoding, "url": d.url, "title_hint": d.title_hint,
            "published_hint": d.published_hint, "is_html": d.is_html, "raw_text": d.raw_text,
            "run_id": run_id, "ingested_at": now,
        }
        for d in documents
    ]
    write_rows(files, out / "source_files.parquet")
    write_rows(doc_rows, out / "documents.parquet")
    write_rows([quarantine_row(q, "ingest", run_id) for q in result.quarantined], out / "quarantine.ingest.parquet")
    stats = {
        "files": len(files), "documents": len(doc_rows), "already_known": len(known_docs),
        "quarantined": len(result.quarantined), "deferred": len(result.deferred), "pending": len(result.pending),
    }
    progress(f"ingest: {stats['files']} new files, {stats['documents']} new documents, "
             f"{stats['quarantined']} quarantined, {stats['deferred']} deferred (still being written)"
             + (f", {stats['pending']} files left for the next batch (batch full: "
                f"{settings.max_batch_documents} documents)" if stats["pending"] else ""))
    return stats


def _documents_from_rows(rows: list[dict]) -> list[RawDocument]:
    return [
        RawDocument(
            doc_id=r["doc_id"], source_path=r["source_path"], file_sha256=r["file_sha256"], fmt=r["format"],
            raw_text=r["raw_text"], encoding=r.get("encoding") or "utf-8", line_no=r.get("line_no"), url=r.get("url"),
            title_hint=r.get("title_hint"), published_hint=r.get("published_hint"), is_html=bool(r.get("is_html")),
        )
        for r in rows
    ]


def source_name(article: CleanArticle, doc: RawDocument) -> str:
    url = article.canonical_url or doc.url
    if url:
        host = urlparse(url).netloc.lower()
        if host:
            return host.removeprefix("www.")
    return Path(doc.source_path).stem


def clean_stage(settings: Settings, run_id: str, progress: Progress = _quiet) -> dict:
    """Clean documents.parquet into articles.parquet and removed_blocks.parquet."""
    from pipeline.clean import clean_batch
    from pipeline.clean.dedup import find_near_duplicates

    out = batch_dir(settings, run_id)
    docs = _documents_from_rows(read_rows(out / "documents.parquet"))
    by_id = {d.doc_id: d for d in docs}
    articles: list[CleanArticle] = []
    quarantined = []
    try:
        articles = clean_batch(docs)
    except Exception:  # one bad document must not stop the batch: clean one by one to find it
        from pipeline.clean import clean_document

        for doc in docs:
            try:
                articles.append(clean_document(doc))
            except Exception as exc:
                quarantined.append((doc.doc_id, Quarantined(doc.source_path, doc.file_sha256, "cleaning_error",
                                                            f"{type(exc).__name__}: {exc}"[:300], doc.line_no)))
    kept = []
    for article in articles:
        if not article.body.strip():
            doc = by_id[article.doc_id]
            quarantined.append((doc.doc_id, Quarantined(doc.source_path, doc.file_sha256, "empty_body",
                                                        "no article text left after boilerplate removal", doc.line_no)))
        else:
            kept.append(article)
    # canonical = earliest published, then smallest id: the same whatever order files arrive in
    kept.sort(key=lambda a: (a.published or date.max, a.doc_id))
    signatures: dict[str, list[int]] = {}  # MinHash of every body, computed once by find_near_duplicates
    duplicates = find_near_duplicates([(a.doc_id, a.body) for a in kept], signatures=signatures)
    duplicates.update(match_published_duplicates(settings, kept, signatures, duplicates))
    now = _now()
    article_rows, block_rows = [], []
    for a in kept:
        doc = by_id[a.doc_id]
        reference = a.published
        published = a.published if a.published_source != "inferred" else None
        article_rows.append({
            "article_id": a.doc_id, "source_path": a.source_path, "source_name": source_name(a, doc),
            "url": doc.url, "canonical_url": a.canonical_url, "title": a.title, "published": published,
            "published_source": a.published_source, "reference_date": reference, "language": a.language,
            "body": a.body, "n_paragraphs": len(a.paragraphs), "n_chars": len(a.body),
            "n_removed_blocks": len(a.removed), "duplicate_of": duplicates.get(a.doc_id),
            "minhash": signatures[a.doc_id], "notes": list(a.notes),
            "extractor_version": settings.extractor_version, "run_id": run_id, "loaded_at": now,
        })
        for i, block in enumerate(a.removed):
            block_rows.append({
                "article_id": a.doc_id, "block_index": i, "reason": block.reason, "text": block.text,
                "start_offset": block.start, "end_offset": block.end, "run_id": run_id,
            })
    write_rows(article_rows, out / "articles.parquet")
    write_rows(block_rows, out / "removed_blocks.parquet")
    write_rows([quarantine_row(q, "clean", run_id, doc_id) for doc_id, q in quarantined], out / "quarantine.clean.parquet")
    stats = {"articles": len(article_rows), "removed_blocks": len(block_rows), "quarantined": len(quarantined),
             "near_duplicates": len(duplicates)}
    progress(f"clean: {stats['articles']} articles, {stats['removed_blocks']} boilerplate blocks removed, "
             f"{stats['near_duplicates']} near-duplicates, {stats['quarantined']} quarantined")
    return stats


def match_published_duplicates(settings: Settings, articles: list[CleanArticle], signatures: dict[str, list[int]],
                               in_batch: dict[str, str], window_days: int = 14,
                               threshold: float = 0.8) -> dict[str, str]:
    """Link new articles to near-duplicates already published (same wire story from an earlier run).

    Candidates come from the LSH band index (core.article_bands): published articles sharing
    enough bands with the new article that their signatures may be `threshold` similar (fewer
    shared bands rule it out exactly, see pipeline.warehouse.load.min_shared_bands) and dated (reference
    date) within `window_days` of it (or undated). They are confirmed on the whole signature
    (`best_signature_match`), so the decision is the one a comparison with every published
    signature would make, at a cost that follows the batch, not the warehouse.
    """
    from datetime import timedelta

    import numpy as np
    import pandas as pd

    from pipeline.clean.dedup import NUM_PERM, best_signature_match
    from pipeline.warehouse.load import bands_sql, connect, min_shared_bands

    todo = [a for a in articles if a.doc_id not in in_batch and signatures.get(a.doc_id)]
    if not settings.warehouse.exists() or not todo:
        return {}
    probes = pd.DataFrame({"article_id": [a.doc_id for a in todo], "minhash": [signatures[a.doc_id] for a in todo]})
    with connect(settings.warehouse, read_only=True) as con:
        con.register("new_signatures", probes)  # before any query: DuckDB refuses it while a result is open
        if not _has_table(con, "core", "articles"):
            return {}
        # a warehouse from before the band index (filled in by the next publish's apply_schema): bands on the fly
        index = "core.article_bands" if _has_table(con, "core", "article_bands") else f"({bands_sql('core.articles')})"
        hits = con.execute(  # fewer shared bands: similarity below the threshold for sure
            f"""
            WITH new_bands AS ({bands_sql("new_signatures")})
            SELECT n.article_id AS new_id, b.article_id
            FROM new_bands AS n JOIN {index} AS b USING (band, band_key)
            GROUP BY ALL HAVING count(*) >= {min_shared_bands(threshold, NUM_PERM)}
            """
        ).fetchall()
        rows = con.execute(
            """
            SELECT article_id, coalesce(duplicate_of, article_id) AS canonical, reference_date, minhash
            FROM core.articles WHERE article_id IN (SELECT unnest(?)) AND minhash IS NOT NULL
            """,
            [sorted({old for _, old in hits})],
        ).fetchall() if hits else []
        con.unregister("new_signatures")
    published = {r[0]: r[1:] for r in rows}
    candidates: dict[str, list[tuple]] = {}
    for new_id, old in sorted(hits, key=lambda h: (h[0], published.get(h[1], ("",))[0], h[1])):
        if old in published:
            candidates.setdefault(new_id, []).append(published[old])
    links = {}
    for a in todo:
        found = candidates.get(a.doc_id) or []
        if a.published:  # published articles dated within the window of this one (or undated)
            low, high = a.published - timedelta(days=window_days), a.published + timedelta(days=window_days)
            found = [c for c in found if c[1] is None or low <= c[1] <= high]
        if not found or any(c[0] == a.doc_id for c in found):  # none, or it is itself a published canonical
            continue
        best = best_signature_match(signatures[a.doc_id], np.asarray([c[2] for c in found], dtype=np.uint64),
                                    threshold)
        if best is not None:
            links[a.doc_id] = found[best][0]
    return links


def mention_id(article_id: str, m: EventMention) -> str:
    key = f"{article_id}|{m.trigger_start}|{m.trigger_end}|{m.event_type}|" + ",".join(a.text for a in m.recipient)
    return hashlib.sha256(key.encode()).hexdigest()[:24]


def mention_row(m: EventMention, run_id: str, extractor_version: str) -> dict:
    from pipeline.core.ontology import CAMEO_ROOT, INTENSITY, QUAD_CLASS

    first_actor = m.actor[0] if m.actor else None
    first_recipient = m.recipient[0] if m.recipient else None
    place = m.location
    return {
        "mention_id": mention_id(m.article_id, m), "article_id": m.article_id, "sentence_index": m.sentence_index,
        "sentence_start": m.sentence_start, "sentence_end": m.sentence_end, "sentence": m.sentence,
        "event_type": m.event_type, "mode": m.mode, "quad_class": QUAD_CLASS[m.event_type],
        "intensity": float(INTENSITY[m.event_type]), "cameo_root": CAMEO_ROOT.get(m.event_type),
        "trigger": m.trigger, "trigger_start": m.trigger_start, "trigger_end": m.trigger_end,
        "actor_text": first_actor.text if first_actor else None,
        "actor_name": first_actor.name if first_actor else None,
        "actor_country": first_actor.country if first_actor else None,
        "actor_sector": first_actor.sector if first_actor else None,
        "actor_countries": sorted({a.country for a in m.actor if a.country}),
        "recipient_text": first_recipient.text if first_recipient else None,
        "recipient_name": first_recipient.name if first_recipient else None,
        "recipient_country": first_recipient.country if first_recipient else None,
        "recipient_sector": first_recipient.sector if first_recipient else None,
        "recipient_countries": sorted({a.country for a in m.recipient if a.country}),
        "actors_json": json.dumps([a.to_json() for a in m.actor], ensure_ascii=False),
        "recipients_json": json.dumps([a.to_json() for a in m.recipient], ensure_ascii=False),
        "event_date": m.event_date, "date_precision": m.date_precision, "date_text": m.date_text,
        "location_name": place.name if place else None, "location_country": place.country if place else None,
        "location_lat": place.lat if place else None, "location_lon": place.lon if place else None,
        "location_precision": place.precision if place else None, "location_source": place.source if place else None,
        "status": m.status, "reported_by": m.reported_by, "is_symmetric": bool(m.symmetric),
        "confidence": float(m.confidence), "notes": list(m.notes), "language": m.language, "event_id": None,
        "extractor_version": extractor_version, "run_id": run_id,
    }


def _article_item(a: dict) -> tuple:
    return a["article_id"], a["body"], a["language"], a["reference_date"], a["title"]


def _extract_chunk(items: list[tuple]) -> list:
    """Mentions (or the exception) per article of one chunk; a failing article is isolated by
    retrying the chunk article by article. Top-level so worker processes can run it."""
    from pipeline.extract.events import extract_many, extract_mentions

    try:
        return list(extract_many(items))
    except Exception:
        results = []
        for item in items:
            try:
                results.append(extract_mentions(*item))
            except Exception as exc:  # carried back as a value: one bad article must not stop the batch
                results.append(RuntimeError(f"{type(exc).__name__}: {exc}"))
        return results


def extract_isolated(articles: list[dict], chunk: int = 32):
    """(article_id, mentions or the exception) for each article, in order.

    Large batches are spread over worker processes forked after the spaCy models are loaded, so
    the models are shared copy-on-write rather than loaded once per worker.
    """
    from pipeline.core.workers import fork_map, worker_count

    chunks = [articles[i:i + chunk] for i in range(0, len(articles), chunk)]
    workers = worker_count(len(articles), chunk)
    if workers > 1:
        from pipeline.text.nlp import load_nlp

        for language in sorted({a["language"] for a in articles}):
            load_nlp(language)
    results = fork_map(_extract_chunk, ([_article_item(a) for a in part] for part in chunks), workers)
    for part, found in zip(chunks, results):
        yield from zip((a["article_id"] for a in part), found)


def extract_stage(settings: Settings, run_id: str, progress: Progress = _quiet) -> dict:
    """Extract sentences.parquet and event_mentions.parquet from articles.parquet."""
    from pipeline.extract.events import split_sentences

    out = batch_dir(settings, run_id)
    articles = read_rows(out / "articles.parquet")
    extractable = [a for a in articles if a["language"] in settings.languages]
    mention_rows, sentence_rows, quarantined = [], [], []
    done, started = 0, time.monotonic()

    by_id = {a["article_id"]: a for a in extractable}
    for article_id, mentions in extract_isolated(extractable):
        if isinstance(mentions, Exception):
            a = by_id[article_id]
            quarantined.append((article_id, Quarantined(a["source_path"], None, "extraction_error",
                                                        f"{type(mentions).__name__}: {mentions}"[:300])))
            continue
        rows = {}
        for m in mentions:
            row = mention_row(m, run_id, settings.extractor_version)
            rows.setdefault(row["mention_id"], row)
        mention_rows.extend(rows.values())
        per_sentence: dict[int, int] = {}
        for row in rows.values():
            per_sentence[row["sentence_index"]] = per_sentence.get(row["sentence_index"], 0) + 1
        body = by_id[article_id]["body"]
        for index, (start, end) in enumerate(split_sentences(body)):
            sentence_rows.append({
                "article_id": article_id, "sentence_index": index, "start_offset": start, "end_offset": end,
                "text": body[start:end], "n_mentions": per_sentence.get(index, 0), "run_id": run_id,
            })
        done += 1
        if done % 200 == 0:
            rate = done / max(time.monotonic() - started, 1e-9)
            progress(f"extract: {done}/{len(extractable)} articles ({rate:.1f}/s)")
    write_rows(mention_rows, out / "event_mentions.parquet")
    write_rows(sentence_rows, out / "sentences.parquet")
    write_rows([quarantine_row(q, "extract", run_id, doc_id) for doc_id, q in quarantined],
               out / "quarantine.extract.parquet")
    stats = {"articles": len(extractable), "skipped_language": len(articles) - len(extractable),
             "sentences": len(sentence_rows), "mentions": len(mention_rows), "quarantined": len(quarantined)}
    progress(f"extract: {stats['mentions']} event mentions from {stats['articles']} articles "
             f"({stats['sentences']} sentences; {stats['skipped_language']} articles in other languages kept unextracted)")
    return stats


def stage_load(settings: Settings, run_id: str, trigger: str = "cli", landing: Path | None = None,
               progress: Progress = _quiet) -> dict:
    """Load the batch's Parquet files into staging.* and open the run in ops.runs."""
    from pipeline.warehouse.load import apply_schema, connect, stage_batch, start_run

    out = batch_dir(settings, run_id)
    with connect(settings.warehouse) as con:
        apply_schema(con)
        start_run(con, run_id, trigger, str(landing or settings.landing), settings.extractor_version)
        counts = stage_batch(con, out)
    progress("stage: " + ", ".join(f"{k}={v}" for k, v in counts.items()))
    return counts


def batch_frames(settings: Settings, run_id: str) -> dict:
    """The batch as pandas frames, typed like the warehouse tables.

    Built from the batch's own Parquet files in an in-memory DuckDB with the warehouse schema,
    so the audit validates exactly this run's batch even if another run re-stages the shared
    `staging.*` tables meanwhile (Airflow tasks take the warehouse lock one at a time).
    """
    import duckdb

    from pipeline.warehouse.load import BATCH_TABLES, apply_schema, stage_batch

    with duckdb.connect() as con:
        apply_schema(con)
        stage_batch(con, batch_dir(settings, run_id))
        return {name: con.execute(f"SELECT * FROM staging.{name}").fetch_df() for name in BATCH_TABLES}


def audit_stage(settings: Settings, run_id: str, progress: Progress = _quiet) -> dict:
    """Validate the staged batch with the GX suites; writes audit.json in the batch folder."""
    from pipeline.quality.audit import audit_batch

    frames = batch_frames(settings, run_id)
    result = audit_batch(frames, run_id, settings.data_docs_dir)
    summary = {
        "success": bool(result.success),
        "results": result.results,
        "failed": list(result.critical_failures),  # failures that block publishing (warnings do not)
        "warnings": list(result.warnings),
        "data_docs_index": str(result.data_docs_index) if result.data_docs_index else None,
        "run_page": str(result.run_page) if result.run_page else None,
        "pages": {suite: str(page) for suite, page in (result.pages or {}).items()},  # per-suite Data Docs page
    }
    (batch_dir(settings, run_id) / "audit.json").write_text(json.dumps(summary, default=str, indent=1))
    progress(f"audit: {'passed' if result.success else 'FAILED'} "
             f"({len(result.results) - len(summary['failed'])}/{len(result.results)} expectations met)")
    return summary


def publish_stage(settings: Settings, run_id: str, *, replace: bool = False, progress: Progress = _quiet) -> dict:
    """Publish the audited batch, or record the failed audit and raise AuditFailed."""
    from pipeline.warehouse.load import connect, finish_run, publish_batch, record_audit, replace_published, stage_batch

    out = batch_dir(settings, run_id)
    audit = json.loads((out / "audit.json").read_text())
    with connect(settings.warehouse) as con:
        stage_batch(con, out)  # the audited files themselves, whatever another run staged since
        counts = {name: con.execute(f"SELECT count(*) FROM staging.{name}").fetchone()[0]
                  for name in ("source_files", "documents", "quarantine", "articles", "event_mentions")}
        run_fields = dict(
            n_files=counts["source_files"], n_documents=counts["documents"], n_quarantined=counts["quarantine"],
            n_articles=counts["articles"], n_mentions=counts["event_mentions"],
            data_docs_path=audit.get("run_page") or audit.get("data_docs_index"),
        )
        record_audit(con, run_id, audit["results"])
        if not audit["success"]:
            failed = "; ".join(f"{r.get('suite')}:{r.get('expectation')}({r.get('column_name')})" for r in audit["failed"][:5])
            finish_run(con, run_id, "audit_failed", audit_success=False, error=f"audit failed: {failed}", **run_fields)
            progress(f"publish: skipped — audit failed ({failed}); the previous publish is unchanged")
            raise AuditFailed(f"run {run_id}: audit failed: {failed}")
        if replace:
            result = replace_published(con, run_id, **run_fields)
        else:
            result = publish_batch(con, run_id, **run_fields)
    progress(f"publish: {counts['articles']} articles, {counts['event_mentions']} mentions; "
             f"{result['events_total']} events in curated.events")
    return {**counts, **result}


def record_nothing_new(settings: Settings, run_id: str, trigger: str, landing: Path | None) -> None:
    from pipeline.warehouse.load import apply_schema, connect, finish_run, start_run

    with connect(settings.warehouse) as con:
        apply_schema(con)
        start_run(con, run_id, trigger, str(landing or settings.landing), settings.extractor_version)
        finish_run(con, run_id, "nothing_new", n_files=0, n_documents=0, n_quarantined=0)


def fail_run(settings: Settings, run_id: str, error: str) -> None:
    """Mark a run failed (any stage crashed); published data is untouched."""
    from pipeline.warehouse.load import apply_schema, connect, finish_run

    with connect(settings.warehouse) as con:
        apply_schema(con)
        con.execute(
            "INSERT INTO ops.runs (run_id, started_at, status) VALUES (?, ?, 'failed') ON CONFLICT DO NOTHING",
            [run_id, _now()],
        )
        finish_run(con, run_id, "failed", error=error[:1000])


@dataclass
class RunSummary:
    run_id: str
    status: str
    warehouse: str
    report: str | None
    data_docs: str | None
    stages: dict = field(default_factory=dict)
    totals: dict = field(default_factory=dict)
    seconds: dict = field(default_factory=dict)


class NothingNew(Exception):
    """The landing folder held nothing new: the run ends early, published data unchanged."""


def execute_run(settings: Settings, run_id: str, steps, *, progress: Progress = _quiet,
                lock_wait_seconds: float = 0.0) -> RunSummary:
    """Run named steps in order under the warehouse lock, then write the run report."""
    from pipeline.warehouse.load import connect, summary

    stages, seconds, status = {}, {}, "published"
    with warehouse_lock(settings, lock_wait_seconds):
        try:
            for name, call in steps:
                started = time.perf_counter()
                fault_point(name)
                stages[name] = call()
                seconds[name] = round(time.perf_counter() - started, 3)
        except NothingNew:
            status = "nothing_new"
        except AuditFailed:
            status = "audit_failed"
        except Exception as exc:
            status = "failed"
            fail_run(settings, run_id, f"{type(exc).__name__}: {exc}")
            raise
        finally:
            report = write_report_safely(settings, run_id, progress)
    with connect(settings.warehouse, read_only=True) as con:
        totals = summary(con)
    audit = stages.get("audit") or {}
    return RunSummary(run_id, status, str(settings.warehouse), report,
                      audit.get("run_page") or audit.get("data_docs_index"), stages, totals, seconds)


def run_pipeline(settings: Settings, *, landing: Path | None = None, trigger: str = "cli", run_id: str | None = None,
                 progress: Progress = _quiet, lock_wait_seconds: float = 0.0) -> RunSummary:
    """ingest -> clean -> extract -> stage -> audit -> publish -> report, under the warehouse lock."""
    run_id = run_id or new_run_id(trigger)

    def ingest():
        stats = ingest_stage(settings, run_id, landing=landing, progress=progress)
        if stats["files"] == 0:
            record_nothing_new(settings, run_id, trigger, landing)
            progress("nothing new in the landing folder; published data unchanged")
            raise NothingNew()
        return stats

    steps = (
        ("ingest", ingest),
        ("clean", lambda: clean_stage(settings, run_id, progress=progress)),
        ("extract", lambda: extract_stage(settings, run_id, progress=progress)),
        ("stage", lambda: stage_load(settings, run_id, trigger, landing, progress=progress)),
        ("audit", lambda: audit_stage(settings, run_id, progress=progress)),
        ("publish", lambda: publish_stage(settings, run_id, progress=progress)),
    )
    return execute_run(settings, run_id, steps, progress=progress, lock_wait_seconds=lock_wait_seconds)


def run_landing(settings: Settings, *, landing: Path | None = None, trigger: str = "cli",
                progress: Progress = _quiet, lock_wait_seconds: float = 0.0,
                max_batches: int | None = None) -> list[RunSummary]:
    """Drain the landing folder in bounded batches: `run_pipeline` again while files are pending.

    Each batch holds at most `settings.max_batch_documents` documents and goes through the whole
    write-audit-publish on its own (its own run id), so memory follows the batch size, not the
    size of the landing folder. Stops after a batch that did not publish (its files stay for
    the next run) or after `max_batches`.
    """
    summaries: list[RunSummary] = []
    while max_batches is None or len(summaries) < max_batches:
        summary = run_pipeline(settings, landing=landing, trigger=trigger, progress=progress,
                               lock_wait_seconds=lock_wait_seconds)
        summaries.append(summary)
        pending = (summary.stages.get("ingest") or {}).get("pending", 0)
        if summary.status != "published" or not pending:
            break
        progress(f"batch {len(summaries)} published; {pending} files still pending: next batch")
    return summaries


def write_report_safely(settings: Settings, run_id: str, progress: Progress = _quiet) -> str | None:
    """Render the run report; a reporting bug must not hide the run's own outcome."""
    try:
        from pipeline.quality.report import write_run_report

        path = write_run_report(settings, run_id)
    except Exception as exc:  # reported, not swallowed: the run's status stands on its own
        progress(f"report: could not be written ({type(exc).__name__}: {exc})")
        return None
    from pipeline.warehouse.load import connect

    with connect(settings.warehouse) as con:
        con.execute("UPDATE ops.runs SET report_path = ? WHERE run_id = ?", [str(path), run_id])
    return str(path)


def _has_table(con, schema: str, table: str) -> bool:
    return bool(con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE schema_name = ? AND table_name = ?", [schema, table]
    ).fetchone()[0])
