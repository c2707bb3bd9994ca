"""The pipeline's stages, as functions over a per-run batch folder of Parquet files.

ingest -> clean -> extract write Parquet in `work_dir/<run_id>/` (no warehouse lock needed, so
Airflow can run them as separate tasks); `stage` loads the batch into `staging.*`; `audit`
validates it with Great Expectations; `publish` copies it into the warehouse atomically, or
marks the run failed and leaves the published data untouched. The CLI (pipeline.run.runner) and
the DAGs in dags/ call the same functions, one task each.
"""
from __future__ import annotations

import contextlib
import json
import time
from datetime import date
from pathlib import Path
from typing import Callable

from pipeline.core.config import Settings
from pipeline.core.models import CleanArticle, Quarantined, RawDocument
from pipeline.core.workers import fork_map, worker_count
from pipeline.run.audit_gate import (
    UNACCOUNTED_DOCUMENTS_SQL,
    AuditFailed,
    BatchChanged,
    EventsAuditor,
    audit_with_quarantine,
    manifest,
    verify_manifest,
)
from pipeline.warehouse.batch import batch_dir, read_rows, release_batch_files, stage_batch, write_rows
from pipeline.warehouse.connection import connect, has_table, utcnow
from pipeline.warehouse.ledger import finish_run, known_doc_ids, known_source_paths, record_audit, start_run
from pipeline.warehouse.near_duplicates import match_published_duplicates
from pipeline.warehouse.publish import EventsAuditFailed, publish_batch
from pipeline.warehouse.rows import (
    article_row,
    document_row,
    documents_from_rows,
    mention_row,
    quarantine_row,
    removed_block_rows,
    sentence_rows_of,
    source_file_row,
)
from pipeline.warehouse.schema import apply_schema

Progress = Callable[[str], None]


def _quiet(_: str) -> None:
    pass


# ---------------------------------------------------------------- stages
def ingest_stage(settings: Settings, run_id: str, *, landing: Path | None = None, progress: Progress = _quiet) -> dict:
    """Read new files from the landing folder into documents.parquet (+ source_files, quarantine)."""
    from pipeline.ingest.landing import discover, ingest_landing, path_text

    out = batch_dir(settings, run_id)
    landing = Path(landing or settings.landing)
    with contextlib.ExitStack() as stack:
        con = None
        if settings.warehouse.exists() and landing.is_dir():
            con = stack.enter_context(connect(settings.warehouse, read_only=True))
            if not has_table(con, "raw", "source_files"):
                con = None
        # only the landing folder's files and this batch's documents are looked up: never the whole ledger
        known_paths = known_source_paths(con, [path_text(p) for p in discover(landing)]) if con else {}
        known = (lambda ids: known_doc_ids(con, ids)) if con else None
        result = ingest_landing(
            landing, known_paths=known_paths, max_file_bytes=settings.max_file_bytes,
            settle_seconds=settings.settle_seconds, max_documents=settings.max_batch_documents, known_documents=known,
        )
        new_docs: dict[str, RawDocument] = {}
        for doc in result.documents:
            new_docs.setdefault(doc.doc_id, doc)  # same content under two names: one document
        known_docs = known_doc_ids(con, list(new_docs)) if con and new_docs else set()
    documents = [d for d in new_docs.values() if d.doc_id not in known_docs]
    now = utcnow()
    files = [source_file_row(f, run_id, now) for f in result.files if f.status != "known"]
    doc_rows = [document_row(d, run_id, now) for d in documents]
    write_rows(files, out / "source_files.parquet")
    write_rows(doc_rows, out / "documents.parquet")
    write_rows([quarantine_row(q, "ingest", run_id) for q in result.quarantined], out / "quarantine.ingest.parquet")
    skipped: dict[str, int] = {}
    for _, reason in result.skipped:
        skipped[reason] = skipped.get(reason, 0) + 1
    (out / "skipped.json").write_text(json.dumps({"counts": skipped, "paths": result.skipped[:200]}))
    stats = {
        "files": len(files), "documents": len(doc_rows), "already_known": len(known_docs),
        "quarantined": len(result.quarantined), "deferred": len(result.deferred), "pending": len(result.pending),
        "skipped": skipped,
    }
    progress(f"ingest: {stats['files']} new files, {stats['documents']} new documents, "
             f"{stats['quarantined']} quarantined, {stats['deferred']} deferred (still being written)"
             + (f", {stats['pending']} files left for the next batch (batch full: "
                f"{settings.max_batch_documents} documents)" if stats["pending"] else "")
             + (", skipped: " + ", ".join(f"{n} {r}" for r, n in sorted(skipped.items())) if skipped else ""))
    return stats


def clean_stage(settings: Settings, run_id: str, progress: Progress = _quiet) -> dict:
    """Clean documents.parquet into articles.parquet and removed_blocks.parquet."""
    from pipeline.clean import clean_batch
    from pipeline.clean.dedup import find_near_duplicates

    out = batch_dir(settings, run_id)
    docs = documents_from_rows(read_rows(out / "documents.parquet"))
    by_id = {d.doc_id: d for d in docs}
    articles: list[CleanArticle] = []
    quarantined = []
    minhash: dict = {}  # MinHash values of the bodies, computed by the cleaning workers
    try:
        articles = clean_batch(docs, minhash=minhash)
    except Exception:  # one bad document must not stop the batch: clean one by one to find it
        from pipeline.clean import clean_document

        minhash.clear()  # (bodies cleaned one by one differ from the batch's)
        for doc in docs:
            try:
                articles.append(clean_document(doc))
            except Exception as exc:
                quarantined.append((doc.doc_id, Quarantined(doc.source_path, doc.file_sha256, "cleaning_error",
                                                            f"{type(exc).__name__}: {exc}"[:300], doc.line_no)))
    kept = []
    for article in articles:
        errors = [n.split(":", 1)[1] for n in article.notes if n.startswith("clean_error:")]
        if errors:  # a cleaning bug is a cleaning error, never an "empty body"
            doc = by_id[article.doc_id]
            quarantined.append((doc.doc_id, Quarantined(doc.source_path, doc.file_sha256, "cleaning_error",
                                                        "; ".join(errors)[:300], doc.line_no)))
        elif not article.body.strip():
            doc = by_id[article.doc_id]
            quarantined.append((doc.doc_id, Quarantined(doc.source_path, doc.file_sha256, "empty_body",
                                                        "no article text left after boilerplate removal", doc.line_no)))
        else:
            kept.append(article)
    # canonical = earliest published, then smallest id: the same whatever order files arrive in
    kept.sort(key=lambda a: (a.reference_date or date.max, a.doc_id))
    signatures: dict[str, list[int]] = {}  # MinHash of every body, computed once by find_near_duplicates
    duplicates = find_near_duplicates([(a.doc_id, a.body) for a in kept], signatures=signatures, known=minhash)
    duplicates.update(match_published_duplicates(settings, kept, signatures, duplicates))
    now, version = utcnow(), version_of(settings)
    article_rows, block_rows = [], []
    for a in kept:
        article_rows.append(article_row(a, by_id[a.doc_id], duplicates.get(a.doc_id), signatures[a.doc_id],
                                        version, run_id, now))
        block_rows.extend(removed_block_rows(a, run_id))
    write_rows(article_rows, out / "articles.parquet")
    write_rows(block_rows, out / "removed_blocks.parquet")
    write_rows([quarantine_row(q, "clean", run_id, doc_id) for doc_id, q in quarantined], out / "quarantine.clean.parquet")
    stats = {"articles": len(article_rows), "removed_blocks": len(block_rows), "quarantined": len(quarantined),
             "near_duplicates": len(duplicates)}
    progress(f"clean: {stats['articles']} articles, {stats['removed_blocks']} boilerplate blocks removed, "
             f"{stats['near_duplicates']} near-duplicates, {stats['quarantined']} quarantined")
    return stats


def _article_item(a: dict) -> tuple:
    return a["article_id"], a["body"], a["language"], a["reference_date"], a["title"]


def _extract_chunk(items: list[tuple]) -> list:
    """(mentions, sentence spans) per article of one chunk, or the exception; a failing article is
    isolated by retrying the chunk article by article. The spans are those the mentions'
    sentence_index counts in (the split of the text as the extractor normalised it). Top-level so
    worker processes can run it."""
    from pipeline.extract.events import extract_many, extract_mentions, split_sentences
    from pipeline.text.nlp import normalise_for_nlp

    def spans(item: tuple) -> list[tuple[int, int]]:
        return split_sentences(normalise_for_nlp(item[1] or ""))

    try:
        return [(mentions, spans(item)) for item, mentions in zip(items, extract_many(items))]
    except Exception:
        results = []
        for item in items:
            try:
                results.append((extract_mentions(*item), spans(item)))
            except Exception as exc:  # carried back as a value: one bad article must not stop the batch
                results.append(RuntimeError(f"{type(exc).__name__}: {exc}"))
        return results


EXTRACT_CHUNK = 32  # articles per task of the extraction workers


def extract_isolated(articles: list[dict], chunk: int = EXTRACT_CHUNK):
    """(article_id, (mentions, sentence spans) or the exception) for each article, in order.

    Large batches are spread over worker processes forked after the spaCy models are loaded, so
    the models are shared copy-on-write rather than loaded once per worker.
    """

    chunks = [articles[i:i + chunk] for i in range(0, len(articles), chunk)]
    workers = worker_count(len(articles), chunk)
    if workers > 1:
        first: dict[str, tuple] = {}
        for a in articles:
            first.setdefault(a["language"], _article_item(a))
        warm_extractor(list(first.values()))
    results = fork_map(_extract_chunk, ([_article_item(a) for a in part] for part in chunks), workers)
    for part, found in zip(chunks, results):
        yield from zip((a["article_id"] for a in part), found)


# ---------------------------------------------------------------- extraction warm-up
_WARMED: set[str] = set()  # languages whose models are loaded and extractor warmed in this process


def warm_extractor(items: list[tuple]) -> None:
    """Load the spaCy model of each item's language and extract the item once (result unused), so
    that the extractor's lazily read data (lexicons, senses, gazetteer, town index...) is read
    here, once, before the workers are forked, rather than by each of them (~0.45 s of CPU per
    worker); the item's parsed sentences stay in the Doc cache the workers inherit. An article
    that fails is left for the workers to meet (and quarantine) again (`_extract_chunk` returns
    its error); a model that cannot load fails the stage, as before."""
    from pipeline.text.nlp import load_nlp

    for item in items:
        language = item[2]
        if language not in _WARMED:
            load_nlp(language)
            _extract_chunk([item])
            _WARMED.add(language)


def extract_stage(settings: Settings, run_id: str, progress: Progress = _quiet,
                  meanwhile: Callable[[], None] | None = None) -> dict:
    """Extract sentences.parquet and event_mentions.parquet from articles.parquet. `meanwhile`:
    called once the extraction workers are forked (when the first results come back: the pool
    forks all its workers on its first chunk), while they work; not when extraction runs in-process."""
    out = batch_dir(settings, run_id)
    articles = read_rows(out / "articles.parquet")
    extractable = [a for a in articles if a["language"] in settings.languages]
    mention_rows, sentence_rows, quarantined = [], [], []
    done, started, version = 0, time.monotonic(), version_of(settings)

    by_id = {a["article_id"]: a for a in extractable}
    if meanwhile is not None and worker_count(len(extractable), EXTRACT_CHUNK) <= 1:
        meanwhile = None  # in-process: the parent is not free
    for article_id, found in extract_isolated(extractable):
        if meanwhile is not None:
            meanwhile()
            meanwhile = None
        if isinstance(found, Exception):
            a = by_id[article_id]
            quarantined.append((article_id, Quarantined(a["source_path"], None, "extraction_error",
                                                        f"{type(found).__name__}: {found}"[:300])))
            continue
        mentions, spans = found
        rows = {}
        for m in mentions:
            row = mention_row(m, run_id, version)
            rows.setdefault(row["mention_id"], row)
        mention_rows.extend(rows.values())
        per_sentence: dict[int, int] = {}
        for row in rows.values():
            per_sentence[row["sentence_index"]] = per_sentence.get(row["sentence_index"], 0) + 1
        body = by_id[article_id]["body"]
        sentence_rows.extend(sentence_rows_of(article_id, body, spans, per_sentence, run_id))
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
               progress: Progress = _quiet, staged: dict | None = None) -> dict:
    """Load the batch's Parquet files into staging.* and open the run in ops.runs. `staged`, when
    given, receives the content hashes of the files loaded (`manifest`): a publish in the same
    hold of the warehouse lock need not load them again if they are the audited ones."""

    out = batch_dir(settings, run_id)
    with connect(settings.warehouse) as con:
        apply_schema(con)
        start_run(con, run_id, trigger, str(landing or settings.landing), version_of(settings))
        loading = manifest(out) if staged is not None else None
        counts = stage_batch(con, out)
        if staged is not None:
            staged["manifest"] = loading
    progress("stage: " + ", ".join(f"{k}={v}" for k, v in counts.items()))
    return counts


def version_of(settings: Settings) -> str:
    """The extractor version recorded with every row: the setting, else the extractor's own hash of
    its pattern files and model (pipeline.extract.extractor_version)."""
    if settings.extractor_version:
        return settings.extractor_version
    from pipeline.extract import extractor_version

    return extractor_version()


def skipped_fields(batch: Path) -> dict:
    """ops.runs columns for the landing entries the ingest skipped (skipped.json in the batch)."""
    path = batch / "skipped.json"
    counts = json.loads(path.read_text()).get("counts", {}) if path.exists() else {}
    return {"n_skipped": sum(counts.values()),
            "skipped": "; ".join(f"{reason}: {n}" for reason, n in sorted(counts.items())) or None}


def audit_stage(settings: Settings, run_id: str, progress: Progress = _quiet) -> dict:
    """Validate the staged batch with the GX suites (records failing a record-level check are
    quarantined and the rest audited again); writes audit.json with the audited files' hashes."""
    return audit_with_quarantine(settings, run_id, batch_dir(settings, run_id), progress)


def publish_stage(settings: Settings, run_id: str, *, replace: bool = False, progress: Progress = _quiet,
                  staged: dict | None = None) -> dict:
    """Publish exactly the audited batch, or record why not and raise AuditFailed / BatchChanged.
    `replace`: the batch re-extracts documents already published (reprocessing), whose old rows
    it replaces. `staged`: what `stage_load` loaded earlier in the same hold of the warehouse lock
    (run_pipeline), so that nothing else can have staged since: when its files are the audited
    ones, staging.* already holds them."""
    out = batch_dir(settings, run_id)
    audit = json.loads((out / "audit.json").read_text())
    with connect(settings.warehouse) as con:
        try:
            verify_manifest(out, audit.get("manifest"))
        except BatchChanged as exc:
            finish_run(con, run_id, "failed", audit_success=False, error=str(exc))
            raise
        if staged is None or staged.get("manifest") != audit.get("manifest"):
            stage_batch(con, out)  # the audited files themselves, whatever another run staged since
        counts = {name: con.execute(f"SELECT count(*) FROM staging.{name}").fetchone()[0]
                  for name in ("source_files", "documents", "quarantine", "articles", "event_mentions")}
        run_fields = dict(
            n_files=counts["source_files"], n_documents=counts["documents"], n_quarantined=counts["quarantine"],
            n_articles=counts["articles"], n_mentions=counts["event_mentions"],
            data_docs_path=audit.get("run_page") or audit.get("data_docs_index"), **skipped_fields(out),
        )
        failed = "; ".join(f"{r.get('suite')}:{r.get('expectation')}({r.get('column_name')})" for r in audit["failed"][:5])
        unaccounted = con.execute(UNACCOUNTED_DOCUMENTS_SQL).fetchone()[0]
        if audit["success"] and unaccounted:
            failed = f"{unaccounted} documents are neither articles nor quarantined"
        if not audit["success"] or unaccounted:
            record_audit(con, run_id, audit["results"])  # (when it publishes: once, with the events audit, below)
            finish_run(con, run_id, "audit_failed", audit_success=False, error=f"audit failed: {failed}", **run_fields)
            progress(f"publish: skipped — audit failed ({failed}); the previous publish is unchanged")
            raise AuditFailed(f"run {run_id}: audit failed: {failed}")
        events_audit = EventsAuditor(settings, run_id)
        try:
            result = publish_batch(con, run_id, audit_events=events_audit, reprocessing=replace, **run_fields)
        except EventsAuditFailed as exc:
            finish_run(con, run_id, "audit_failed", audit_success=False, error=f"events audit failed: {exc}",
                       **run_fields)
            raise AuditFailed(f"run {run_id}: the events it would publish failed their audit: {exc}") from exc
        finally:
            record_audit(con, run_id, audit["results"] + events_audit.results)
    release_batch_files(out)
    progress(f"publish: {counts['articles']} articles, {counts['event_mentions']} mentions; "
             f"{result['events_total']} events in curated.events")
    return {**counts, **result}
