"""Static HTML run reports, for the people who use the warehouse (issue 7).

    path = write_run_report(settings, run_id)   # reports_dir/runs/<run_id>.html (+ reports_dir/index.html)

One self-contained file per run: inline CSS and inline SVG charts, no JavaScript, no network,
so it opens from file:// anywhere. It tells what came in, what was quarantined and why, what
the cleaner cut as boilerplate, which events were extracted (per type and per day), the
Great Expectations outcome per suite with links to the Data Docs pages, and what was published.

Where the numbers come from:
* a published run: raw.* / core.* / curated.* rows with the run's run_id;
* any other run (audit_failed, failed, running, nothing_new): the rejected/unfinished batch in
  staging.* (same columns), else the batch's Parquet files in work_dir/<run_id>/ — the report
  says so at the top, because none of it is in core.*;
* the audit: work_dir/<run_id>/audit.json, else ops.audit_results.

The warehouse is opened read-only inside the function and closed before returning (the runner
calls this while holding the warehouse lock and writes ops.runs.report_path right after).
A missing warehouse, missing tables or a missing audit.json degrade to notes, never to errors.
"""
from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from pipeline.core.config import Settings
from pipeline.quality.report.history import history_charts
from pipeline.quality.report.html import (
    STATUS_CLASS,
    audit_badge,
    badge,
    cards,
    duration,
    esc,
    fmt_num,
    href,
    html_table,
    page,
    short,
    ts,
)
from pipeline.quality.report.reader import (
    Reader,
    count_rows,
    load_audit,
    parquet_relation,
    resolve_batches,
    run_row,
    run_started,
)
from pipeline.quality.report.sections import (
    section_audit,
    section_boilerplate,
    section_events,
    section_header,
    section_input,
    section_published,
    section_quarantine,
)


def render_run_report(settings: Settings, run_id: str, out_path: Path) -> str:
    reader = Reader(settings)
    try:
        run = run_row(reader, run_id)
        status = run.get("status") if run else None
        b, _ = resolve_batches(reader, settings, run_id, status)
        run = run or {"status": "unknown"}
        audit = load_audit(settings, run_id, reader)
        audit_success = run.get("audit_success")
        if audit_success is None and audit.get("source") == "audit.json":
            audit_success = audit.get("success")
        origin = None
        if status and status != "published":
            labels = sorted({x.label for x in b.values() if x.relation is not None})
            if labels:
                origin = "Batch data read from: " + ", ".join(labels) + "."
        report_dir = out_path.parent
        glance = [(label, count_rows(reader, b[name].relation, b[name].params) if b[name].relation else 0)
                  for label, name in (("new files", "source_files"), ("new documents", "documents"),
                                      ("quarantined", "quarantine"), ("articles", "articles"),
                                      ("boilerplate blocks", "removed_blocks"), ("event mentions", "event_mentions"))]
        input_html = section_input(reader, b, run)
        quarantine_html = section_quarantine(reader, b, settings, run_id, status)
        boiler_html = section_boilerplate(reader, b)
        events_html, event_ids = section_events(reader, b, status)
        audit_html = section_audit(settings, run_id, audit, audit_success, report_dir)
        published_html = section_published(reader, run, status, event_ids)
        n_failed = sum(1 for r in audit["results"] if not r.get("success"))
        glance += [("events", len(event_ids)), ("failed expectations", n_failed if audit["results"] else None)]
        started = run_started(settings, run_id, run.get("started_at"))
        head = section_header(run, run_id, audit, audit_success, origin, started) + cards(glance)
        notes = reader.notes
    finally:
        reader.close()
    index_href = href(Path(settings.reports_dir) / "index.html", report_dir)
    status_txt = run.get("status") or "unknown"
    header = (
        f'<div class="sub"><a href="{esc(index_href)}">← all runs</a> · newsevents run report</div>'
        f"<h1>Run {esc(run_id)}</h1>"
        f'<div>{badge(status_txt, STATUS_CLASS.get(status_txt, "neutral"))} {audit_badge(audit_success)}</div>'
        '<nav class="toc"><a href="#input">Input</a><a href="#quarantine">Quarantine</a>'
        '<a href="#boilerplate">Boilerplate</a><a href="#events">Events</a><a href="#dq">Data quality</a>'
        '<a href="#published">Published</a></nav>'
    )
    notes_html = ("<h2>Notes</h2><ul class=\"notes\">" + "".join(f"<li>{esc(n)}</li>" for n in notes) + "</ul>"
                  if notes else "")
    body = "\n".join([head, input_html, quarantine_html, boiler_html, events_html, audit_html, published_html,
                      notes_html])
    return page(f"newsevents run {run_id} — {status_txt}", header, body)


def _report_name(run_id: str) -> str:
    return f"{run_id}.html"


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def write_run_report(settings: Settings, run_id: str) -> Path:
    """Write reports_dir/runs/<run_id>.html and refresh reports_dir/index.html; return the report path."""
    out = Path(settings.reports_dir) / "runs" / _report_name(run_id)
    _write_atomic(out, render_run_report(settings, run_id, out))
    write_index(settings, current=run_id)
    return out


# ----------------------------------------------------------------------------- index of runs
TRIGGERS = {"airflow": ("Airflow DAG", "dag"), "cli": ("CLI", "cli"), "reprocess": ("reprocess", "cli")}
AIRFLOW_BATCH = re.compile(r"^[a-z_]+__\d{4}-\d{2}-\d{2}T")  # pipeline.run.tasks.batch_id of an Airflow run id


def trigger_badge(trigger: str | None) -> str:
    text, cls = TRIGGERS.get(trigger or "", (trigger or "?", "neutral"))
    return f'<span class="trigger {cls}">{esc(text)}</span>'


def unrecorded_dag_runs(reader: Reader, settings: Settings, known: set[str], limit: int = 50) -> list[dict]:
    """Airflow batch folders with no ops.runs row: a DAG run whose ingest found nothing new (the DAG
    skips the rest, so nothing is recorded), or one that stopped before staging."""
    root = Path(settings.work_dir)
    if not root.is_dir():
        return []
    folders = sorted((p for p in root.iterdir() if p.name not in known and AIRFLOW_BATCH.match(p.name)
                      and (p / "source_files.parquet").is_file()),  # written by ingest (not by reprocessing)
                     key=lambda p: p.stat().st_mtime, reverse=True)[:limit]
    return [{"run_id": folder.name, "start": run_started(settings, folder.name, None)[0],
             "n_files": count_rows(reader, parquet_relation([folder / "source_files.parquet"]), [])}
            for folder in folders]


def render_index(settings: Settings, current: str | None = None) -> str:
    reports_dir = Path(settings.reports_dir)
    reader = Reader(settings)
    try:
        runs = reader.rows(
            "SELECT run_id, started_at, finished_at, status, trigger, n_files, n_documents, n_quarantined, "
            "n_articles, n_mentions, n_events, audit_success, data_docs_path, error "
            "FROM ops.runs ORDER BY started_at DESC, run_id DESC", [], "ops.runs") if reader.has("ops.runs") else []
        starts = {r["run_id"]: run_started(settings, r["run_id"], r["started_at"])[0] for r in runs}
        runs.sort(key=lambda r: (starts[r["run_id"]] or datetime.min, r["run_id"]), reverse=True)
        trends = history_charts(reader, runs, starts)
        skipped = unrecorded_dag_runs(reader, settings, {r["run_id"] for r in runs})
        notes = reader.notes
    finally:
        reader.close()
    known = {r["run_id"] for r in runs}
    orphans = sorted((p for p in (reports_dir / "runs").glob("*.html") if p.stem not in known),
                     key=lambda p: p.stat().st_mtime, reverse=True) if (reports_dir / "runs").exists() else []
    rows = []
    for r in runs:
        report = reports_dir / "runs" / _report_name(r["run_id"])
        name = f"<code>{esc(r['run_id'])}</code>"
        link = f'<a href="{esc(href(report, reports_dir))}">{name}</a>' if report.exists() or r["run_id"] == current \
            else name
        docs = (f'<a class="datadocs" href="{esc(href(r["data_docs_path"], reports_dir))}">Data Docs</a>'
                if r.get("data_docs_path") else "–")
        status = r["status"] or "unknown"
        err = f'<div class="small muted">{esc(short(r["error"], 160))}</div>' if r.get("error") else ""
        start = starts[r["run_id"]]
        outcome = badge(status.replace("_", " ") if status == "nothing_new" else status,
                        STATUS_CLASS.get(status, "neutral"))
        if status != "nothing_new":
            outcome += " " + audit_badge(r["audit_success"])
        rows.append([f"{link} {trigger_badge(r['trigger'])}{err}", esc(ts(start)), esc(duration(start, r["finished_at"])),
                     outcome, fmt_num(r["n_files"]), fmt_num(r["n_documents"]), fmt_num(r["n_quarantined"]),
                     fmt_num(r["n_mentions"]), fmt_num(r["n_events"]), docs])
    for d in skipped:
        state = (badge("nothing new", "neutral") + ' <span class="small muted">skipped after ingest, not in ops.runs'
                 "</span>" if d["n_files"] == 0 else badge("not staged", "warn")
                 + ' <span class="small muted">stopped (or still running) before the stage step</span>')
        rows.append([f"<code>{esc(d['run_id'])}</code> {trigger_badge('airflow')}", esc(ts(d["start"])), "–", state,
                     fmt_num(d["n_files"]), "–", "–", "–", "–", "–"])
    for p in orphans:
        rows.append([f'<a href="{esc(href(p, reports_dir))}"><code>{esc(p.stem)}</code></a>',
                     esc(ts(datetime.utcfromtimestamp(p.stat().st_mtime).replace(microsecond=0))), "–",
                     badge("not in ops.runs", "neutral"), "–", "–", "–", "–", "–", "–"])
    data_docs_index = Path(settings.data_docs_dir) / "index.html"
    latest = runs[0] if runs else None
    parts = []
    if latest:
        parts.append(cards([("runs", len(runs)),
                             ("published", sum(r["status"] == "published" for r in runs)),
                             ("audit failed", sum(r["status"] == "audit_failed" for r in runs)),
                             ("failed", sum(r["status"] == "failed" for r in runs)),
                             ("nothing new", sum(r["status"] == "nothing_new" for r in runs) + sum(
                                 d["n_files"] == 0 for d in skipped)),
                             ("events now", latest.get("n_events") if latest.get("status") == "published" else
                              next((r["n_events"] for r in runs if r["status"] == "published"), None))]))
    links = []
    if data_docs_index.exists():
        links.append(f'<a class="datadocs" href="{esc(href(data_docs_index, reports_dir))}">'
                     "Great Expectations Data Docs (all validations)</a>")
    if links:
        parts.append("<p>" + " · ".join(links) + "</p>")
    if trends:
        parts.append(trends)
    parts.append('<h2 id="runs">Runs, latest first</h2>')
    parts.append('<div class="tablewrap">' + html_table(
        [("Run", "run"), ("Started", "when"), ("Duration", "nowrap"), ("Outcome", "outcome"), ("Files", "num"),
         ("Docs", "num"), ("Quarantined", "num"), ("Mentions", "num"), ("Events", "num"), ("Data Docs", "nowrap")],
        rows, empty="No runs recorded yet.") + "</div>")
    if notes:
        parts.append("<ul class=\"notes\">" + "".join(f"<li>{esc(n)}</li>" for n in notes) + "</ul>")
    header = ('<div class="sub">newsevents</div><h1>Pipeline runs</h1>'
              f'<div class="sub">Warehouse <code>{esc(settings.warehouse)}</code></div>'
              '<nav class="toc"><a href="#trends">Trends</a><a href="#runs">Runs</a></nav>')
    return page("newsevents — pipeline runs", header, "\n".join(parts))


def write_index(settings: Settings, current: str | None = None) -> Path:
    out = Path(settings.reports_dir) / "index.html"
    _write_atomic(out, render_index(settings, current))
    return out


__all__ = ["write_run_report", "write_index", "render_run_report", "render_index", "esc"]
