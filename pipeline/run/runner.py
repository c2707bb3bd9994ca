"""A whole run: the stages in order under the run lock, then the report; and draining a landing
folder in bounded batches (`newsevents run`)."""
from __future__ import annotations

import secrets
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from pipeline.core.config import Settings
from pipeline.core.faults import fault_point
from pipeline.run.lock import warehouse_lock
from pipeline.run.stages import (
    AuditFailed,
    Progress,
    _quiet,
    audit_stage,
    clean_stage,
    extract_stage,
    ingest_stage,
    publish_stage,
    skipped_fields,
    stage_load,
    version_of,
)
from pipeline.warehouse.batch import batch_dir
from pipeline.warehouse.connection import connect
from pipeline.warehouse.ledger import fail_run, record_nothing_new, summary


def new_run_id(trigger: str = "cli") -> str:
    return f"{datetime.now(timezone.utc):%Y%m%dT%H%M%S}_{trigger}_{secrets.token_hex(3)}"


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
            try:
                fail_run(settings, run_id, f"{type(exc).__name__}: {exc}")
            except Exception as record_error:  # e.g. the file still held: the next run marks this one interrupted
                progress(f"could not record the failure in ops.runs ({type(record_error).__name__}: {record_error}); "
                         "the next run marks this run interrupted")
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
        if stats["files"] == 0 and stats["documents"] == 0:
            record_nothing_new(settings, run_id, trigger, landing, version_of(settings),
                               **skipped_fields(batch_dir(settings, run_id)))
            progress("nothing new in the landing folder; published data unchanged")
            raise NothingNew()
        return stats

    staged: dict = {}  # what the stage step loaded: the steps run under one hold of the warehouse lock
    steps = (
        ("ingest", ingest),
        ("clean", lambda: clean_stage(settings, run_id, progress=progress)),
        ("extract", lambda: extract_stage(settings, run_id, progress=progress, meanwhile=preload_audit)),
        ("stage", lambda: stage_load(settings, run_id, trigger, landing, progress=progress, staged=staged)),
        ("audit", lambda: audit_stage(settings, run_id, progress=progress)),
        ("publish", lambda: publish_stage(settings, run_id, progress=progress, staged=staged)),
    )
    return execute_run(settings, run_id, steps, progress=progress, lock_wait_seconds=lock_wait_seconds)


def preload_audit() -> None:
    """Import the audit's Great Expectations in a background thread while the extraction workers
    work (the parent only waits for their results then): ~2 s of CPU off the audit stage. Only
    imports: nothing is validated or written, and the thread has no state of the run."""
    import threading

    def load() -> None:
        try:
            from pipeline.quality.audit import preload

            preload()
        except Exception:  # noqa: BLE001 - the audit imports it again and reports the error there
            pass

    threading.Thread(target=load, name="newsevents-preload-gx", daemon=True).start()


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

    try:
        with connect(settings.warehouse) as con:
            con.execute("UPDATE ops.runs SET report_path = ? WHERE run_id = ?", [str(path), run_id])
    except Exception as exc:  # the report exists; only its link in ops.runs is missing
        progress(f"report: written, but not linked in ops.runs ({type(exc).__name__}: {exc})")
    return str(path)
