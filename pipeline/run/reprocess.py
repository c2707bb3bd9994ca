"""Reprocess: re-clean and re-extract every ingested document with the current rules.

Used when the extractor version changes. The raw layer is the source of truth: the batch is
all of raw.documents, it goes through the same clean -> extract -> stage -> audit stages, and
publishing replaces the core tables in one transaction (the old publish stays if the audit fails).
"""
from __future__ import annotations

from pipeline.core.config import Settings
from pipeline.run.runner import (
    RunSummary, _quiet, audit_stage, batch_dir, clean_stage, execute_run, extract_stage, new_run_id, publish_stage,
    stage_load,
)


def export_raw_documents(settings: Settings, run_id: str) -> int:
    """Copy raw.documents into the batch's documents.parquet (the reprocessing input)."""
    from pipeline.warehouse.load import connect

    out = batch_dir(settings, run_id)
    with connect(settings.warehouse, read_only=True) as con:
        con.sql("SELECT * FROM raw.documents ORDER BY doc_id").write_parquet(str(out / "documents.parquet"))
        return con.execute("SELECT count(*) FROM raw.documents").fetchone()[0]


def reprocess_all(settings: Settings, *, run_id: str | None = None, progress=_quiet) -> RunSummary:
    run_id = run_id or new_run_id("reprocess")
    steps = (
        ("export", lambda: {"documents": export_raw_documents(settings, run_id)}),
        ("clean", lambda: clean_stage(settings, run_id, progress=progress)),
        ("extract", lambda: extract_stage(settings, run_id, progress=progress)),
        ("stage", lambda: stage_load(settings, run_id, "reprocess", progress=progress)),
        ("audit", lambda: audit_stage(settings, run_id, progress=progress)),
        ("publish", lambda: publish_stage(settings, run_id, replace=True, progress=progress)),
    )
    return execute_run(settings, run_id, steps, progress=progress)
