"""Reprocess: re-clean and re-extract every ingested document with the current rules.

Used when the extractor version changes. The raw layer is the source of truth. Documents are
taken from raw.documents in slices of at most `max_batch_documents` (in doc_id order), so memory
follows the slice, not the warehouse; each slice goes through the same clean -> extract -> stage
-> audit stages as new input and, if its audit passes, replaces its documents' published rows
and rebuilds the events they touch in one transaction. A failed audit stops the reprocessing
with the earlier slices published and the rest unchanged.
"""
from __future__ import annotations

from pipeline.core.config import Settings
from pipeline.run.runner import RunSummary, execute_run, new_run_id
from pipeline.run.stages import Progress, _quiet, audit_stage, clean_stage, extract_stage, publish_stage, stage_load
from pipeline.warehouse.batch import batch_dir
from pipeline.warehouse.connection import connect


def document_slices(settings: Settings) -> list[tuple[str | None, int]]:
    """(exclusive lower doc_id bound, size) of each slice of raw.documents, in doc_id order."""
    size = settings.max_batch_documents or 10 ** 12
    with connect(settings.warehouse, read_only=True) as con:
        ids = [r[0] for r in con.execute("SELECT doc_id FROM raw.documents ORDER BY doc_id").fetchall()]
    return [(ids[i - 1] if i else None, len(ids[i:i + size])) for i in range(0, len(ids), size)]


def export_raw_documents(settings: Settings, run_id: str, after: str | None = None, limit: int | None = None) -> int:
    """Copy one slice of raw.documents (doc_id > `after`, at most `limit`) into the batch's
    documents.parquet, the reprocessing input."""
    out = batch_dir(settings, run_id)
    where, params = ("WHERE doc_id > ?", [after]) if after is not None else ("", [])
    tail = f"LIMIT {int(limit)}" if limit else ""
    with connect(settings.warehouse, read_only=True) as con:
        query = f"SELECT * FROM raw.documents {where} ORDER BY doc_id {tail}"
        con.execute(f"COPY ({query}) TO '{out / 'documents.parquet'}' (FORMAT parquet)", params)
        return con.execute(f"SELECT count(*) FROM ({query})", params).fetchone()[0]


def reprocess_slice(settings: Settings, run_id: str, after: str | None, limit: int, progress: Progress = _quiet):
    steps = (
        ("export", lambda: {"documents": export_raw_documents(settings, run_id, after, limit)}),
        ("clean", lambda: clean_stage(settings, run_id, progress=progress)),
        ("extract", lambda: extract_stage(settings, run_id, progress=progress)),
        ("stage", lambda: stage_load(settings, run_id, "reprocess", progress=progress)),
        ("audit", lambda: audit_stage(settings, run_id, progress=progress)),
        ("publish", lambda: publish_stage(settings, run_id, replace=True, progress=progress)),
    )
    return execute_run(settings, run_id, steps, progress=progress)


def reprocess_all(settings: Settings, *, progress: Progress = _quiet) -> list[RunSummary]:
    """Every slice in turn (one run each); stops at the first slice that does not publish."""
    summaries: list[RunSummary] = []
    slices = document_slices(settings)
    for number, (after, limit) in enumerate(slices, 1):
        progress(f"reprocess: slice {number}/{len(slices)} ({limit} documents)")
        summary = reprocess_slice(settings, new_run_id("reprocess"), after, limit, progress)
        summaries.append(summary)
        if summary.status != "published":
            break
    return summaries
