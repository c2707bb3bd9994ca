"""The audit gate of write–audit–publish.

audit: the staged batch is validated with the GX suites. A record that fails a record-level
check (see pipeline.quality.audit.RECORD_KEYS) is quarantined with the check's name as its
reason and taken out of the batch files — an article with its blocks, sentences and mentions,
or a single mention — and the rest is audited again; only batch-level failures block the batch.
audit.json records the outcome and the content hash of every batch file as audited.

publish: refuses a batch whose files changed since their audit, or in which a document is
neither an article nor quarantined; the events it builds are audited inside the publish
transaction (pipeline.warehouse.publish.check_events) before anything is committed.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from pipeline.core.config import Settings
from pipeline.core.models import Quarantined
from pipeline.warehouse.batch import batch_frames, read_rows, write_rows
from pipeline.warehouse.rows import quarantine_row

MAX_AUDIT_ROUNDS = 3  # each round quarantines the records the previous one named
AUDIT_QUARANTINE = "quarantine.audit.parquet"


class AuditFailed(RuntimeError):
    """The staged batch did not pass the data-quality audit; nothing was published."""


class BatchChanged(RuntimeError):
    """The batch files differ from the ones the audit saw: publishing them would publish unaudited rows."""


def manifest(batch: Path) -> dict[str, str]:
    """sha256 of every Parquet file of the batch folder (what the audit saw)."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(Path(batch).glob("*.parquet"))}


def verify_manifest(batch: Path, audited: dict[str, str] | None) -> None:
    if audited is None:
        raise BatchChanged(f"batch {batch.name} has no audit manifest: audit it before publishing")
    now = manifest(batch)
    if now != audited:
        changed = sorted(set(now) ^ set(audited) | {k for k in now.keys() & audited.keys() if now[k] != audited[k]})
        raise BatchChanged(f"batch {batch.name} changed after its audit ({', '.join(changed)}); "
                           "nothing was published: run the audit again")


def _reason(failure: dict) -> str:
    return f"audit:{failure['suite']}.{failure.get('column_name') or '-'}.{failure['expectation']}"


def _drop(batch: Path, name: str, column: str, values: set[str]) -> None:
    path = batch / f"{name}.parquet"
    rows = read_rows(path)
    if rows:
        write_rows([r for r in rows if str(r.get(column)) not in values], path)


def quarantine_failed_records(batch: Path, run_id: str, failures: list[dict], frames: dict) -> int:
    """Take the records `failures` name out of the batch files and quarantine them; returns how many."""
    documents = {d["doc_id"]: d for d in read_rows(batch / "documents.parquet")}
    mentions = frames["event_mentions"].set_index("mention_id") if len(frames["event_mentions"]) else None
    new_rows, articles, mention_ids = [], set(), set()
    for failure in failures:
        for key in failure["records"]:
            if failure["suite"] == "event_mentions":
                if key in mention_ids or mentions is None or key not in mentions.index:
                    continue
                mention_ids.add(key)
                article_id, text = mentions.at[key, "article_id"], str(mentions.at[key, "sentence"])[:160]
                detail = f"event mention {key} ({failure['column_name']}): {text}"
            else:
                if key in articles:
                    continue
                articles.add(key)
                article_id, detail = key, (failure.get("detail") or "")[:300]
            doc = documents.get(article_id, {})
            q = Quarantined(doc.get("source_path") or "", doc.get("file_sha256"), _reason(failure), detail,
                            doc.get("line_no"))
            new_rows.append(quarantine_row(q, "audit", run_id, doc_id=f"{article_id}|{key}"))
    if articles:
        for name in ("articles", "removed_blocks", "sentences", "event_mentions"):
            _drop(batch, name, "article_id", articles)
    if mention_ids:
        _drop(batch, "event_mentions", "mention_id", mention_ids)
    write_rows(read_rows(batch / AUDIT_QUARANTINE) + new_rows, batch / AUDIT_QUARANTINE)
    return len(new_rows)


def audit_with_quarantine(settings: Settings, run_id: str, batch: Path, progress) -> dict:
    from pipeline.quality.audit import audit_batch

    quarantined = 0
    for round_number in range(1, MAX_AUDIT_ROUNDS + 1):
        frames = batch_frames(settings, run_id)
        # the events suite runs inside publish, on the events the batch actually builds
        result = audit_batch(frames, run_id, settings.data_docs_dir, skip=("events",))
        if result.success or result.batch_failures or round_number == MAX_AUDIT_ROUNDS:
            break
        n = quarantine_failed_records(batch, run_id, result.record_failures, frames)
        quarantined += n
        progress(f"audit: {n} records failed a record-level check and were quarantined; auditing the rest again")
    summary = {
        "success": bool(result.success),
        "results": result.results,
        "failed": list(result.critical_failures),  # failures that block publishing (warnings do not)
        "batch_level": list(result.batch_failures),
        "warnings": list(result.warnings),
        "quarantined_records": quarantined,
        "data_docs_index": str(result.data_docs_index) if result.data_docs_index else None,
        "run_page": str(result.run_page) if result.run_page else None,
        "pages": {suite: str(page) for suite, page in (result.pages or {}).items()},  # per-suite Data Docs page
        "manifest": manifest(batch),
    }
    (batch / "audit.json").write_text(json.dumps(summary, default=str, indent=1))
    progress(f"audit: {'passed' if result.success else 'FAILED'} "
             f"({len(result.results) - len(summary['failed'])}/{len(result.results)} expectations met"
             + (f"; {quarantined} records quarantined" if quarantined else "") + ")")
    return summary


UNACCOUNTED_DOCUMENTS_SQL = """
    SELECT count(*) FROM staging.documents AS d
    WHERE d.doc_id NOT IN (SELECT article_id FROM staging.articles)
      AND NOT EXISTS (SELECT 1 FROM staging.quarantine AS q
                      WHERE q.stage IN ('clean', 'extract', 'audit') AND q.source_path = d.source_path
                        AND q.line_no IS NOT DISTINCT FROM d.line_no)
"""


class EventsAuditor:
    """The GX events suite as a check of the rows a publish transaction wrote: called with them,
    returns the problems ([] when none); keeps the results for ops.audit_results and the page."""

    def __init__(self, settings: Settings, run_id: str):
        self.settings, self.run_id = settings, run_id
        self.results: list[dict] = []
        self.page: str | None = None

    def __call__(self, events) -> list[str]:
        from pipeline.quality.audit import audit_batch

        result = audit_batch({"events": events}, self.run_id, self.settings.data_docs_dir, only=("events",))
        self.results = result.results
        self.page = str(result.pages["events"]) if result.pages.get("events") else None
        return [f"events:{r['expectation']}({r['column_name']}): {r['detail']}" for r in result.critical_failures]
