"""The sections of a run report: header, input, quarantine, boilerplate, events, audit, published."""
from __future__ import annotations

from pathlib import Path

from pipeline.quality.report.charts import DEFAULT_COLOR, QUAD_COLORS, hbar_chart, precision_timeline
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
    short,
    ts,
)
from pipeline.quality.report.reader import batch_rows, parquet_files, parquet_relation, suite_pages

MAX_FILES_SHOWN = 200


MAX_PATHS_PER_REASON = 50


INLINE_PATHS = 5


EXAMPLES_PER_REASON = 3


MAX_DAYS_CHARTED = 400  # days on the time axis of the date chart


TOP_EVENTS = 15


def section_header(run: dict, run_id: str, audit: dict, audit_success, origin_note: str | None,
                   started: tuple = (None, "")) -> str:
    """`started`: (start of the run, where it was read from), from reader.run_started."""
    status = run.get("status") or "unknown"
    start, start_source = started if started[0] is not None else (run.get("started_at"), "ops.runs.started_at")
    parts = []
    banner = {
        "audit_failed": ("bad", "The data-quality audit failed — nothing from this run was published.",
                         "The batch stayed in staging; the published warehouse (core.*, curated.*) is unchanged. "
                         "Everything below about this run's data is read from the staging tables (staging.*), "
                         "i.e. the rejected batch. See the failed expectations under Data quality."),
        "failed": ("bad", "The run crashed — nothing from this run was published.",
                   "Figures below come from whatever stages finished (staging tables or the run's batch folder)."),
        "running": ("warn", "The run has not finished (or was interrupted).",
                    "Figures below come from the staging tables or the run's batch folder."),
        "nothing_new": ("neutral", "Nothing new: no new or changed input files were found.",
                        "The published warehouse is unchanged."),
        "published": ("ok", "Published.", "The batch passed the audit and is in core.* and the curated views."),
    }.get(status)
    if banner:
        cls, head, text = banner
        parts.append(f'<div class="banner {cls}"><strong>{esc(head)}</strong>{esc(text)}</div>')
    elif status == "unknown":
        parts.append('<div class="banner warn"><strong>This run is not recorded in ops.runs.</strong>'
                     "Figures below are whatever could be found for this run id.</div>")
    if origin_note:
        parts.append(f'<p class="small muted">{esc(origin_note)}</p>')
    meta = [
        ("Run id", f"<code>{esc(run_id)}</code>"),
        ("Status", badge(status, STATUS_CLASS.get(status, "neutral"))),
        ("Audit", audit_badge(audit_success)),
        ("Trigger", esc(run.get("trigger") or "–")),
        ("Started", f'<span title="from {esc(start_source)}">{esc(ts(start))}</span>'),
        ("Finished", esc(ts(run.get("finished_at")))),
        ("Duration", f'<span class="duration" title="from the start of the run ({esc(start_source)}) to its end">'
                     f'{esc(duration(start, run.get("finished_at")))}</span>'),
        ("Extractor version", f"<code>{esc(run.get('extractor_version') or '–')}</code>"),
        ("Landing folder", f"<code>{esc(run.get('landing') or '–')}</code>"),
    ]
    parts.append('<dl class="meta">' + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in meta) + "</dl>")
    if run.get("error"):
        parts.append(f'<h3>Error</h3><pre class="error">{esc(run["error"])}</pre>')
    return "\n".join(parts)


def section_input(reader, b, run) -> str:
    files = batch_rows(reader, b["source_files"],
                        "source_path, format, status, n_documents, size_bytes, file_sha256",
                        "ORDER BY status DESC, source_path", what="source files")
    docs = batch_rows(reader, b["documents"], "format, encoding, count(*) AS n",
                       "GROUP BY ALL ORDER BY n DESC, format", what="documents")
    n_docs = sum(d["n"] for d in docs)
    out = ['<section id="input"><h2>What came in</h2>']
    out.append(f'<p>{fmt_num(len(files))} new or changed file(s) read, yielding {fmt_num(n_docs)} new '
               f'document(s). <span class="small muted">Source: {esc(b["source_files"].label)}, '
               f'{esc(b["documents"].label)}.</span></p>')
    if (run.get("trigger") == "reprocess"):
        out.append('<p class="small muted">Reprocessing run: its input is every document already in '
                   "raw.documents, re-cleaned and re-extracted with the current rules.</p>")
    if docs:
        out.append('<p class="small">Documents by format and encoding: '
                   + ", ".join(f"<code>{esc(d['format'])}</code> / {esc(d['encoding'] or '?')}: {fmt_num(d['n'])}"
                               for d in docs) + ".</p>")
    rows = [
        [f'<span class="path">{esc(f["source_path"])}</span>', esc(f["format"] or "–"),
         badge(f["status"], {"ingested": "ok", "partial": "warn", "quarantined": "bad"}.get(f["status"], "neutral")),
         fmt_num(f["n_documents"]), fmt_num(f["size_bytes"]),
         f'<code>{esc((f["file_sha256"] or "")[:12])}</code>']
        for f in files[:MAX_FILES_SHOWN]
    ]
    if rows:
        table = html_table([("File", "path"), ("Format", ""), ("Status", ""), ("Documents", "num"), ("Bytes", "num"),
                        ("sha256", "")], rows)
        more = (f'<p class="small muted">… and {len(files) - MAX_FILES_SHOWN} more files.</p>'
                if len(files) > MAX_FILES_SHOWN else "")
        out.append(f"<details{' open' if len(files) <= 25 else ''}><summary>Files ({len(files)})</summary>"
                   f"{table}{more}</details>")
    else:
        out.append('<p class="muted">No new files in this run.</p>')
    out.append("</section>")
    return "\n".join(out)


def section_quarantine(reader, b, settings, run_id, status) -> str:
    recs = batch_rows(reader, b["quarantine"],
                       "quarantine_id, source_path, line_no, stage, reason, detail",
                       "ORDER BY reason, source_path, line_no", what="quarantine records")
    extra_note = ""
    if status == "published":  # records only in the batch folder (never staged) must not go unseen
        files = parquet_files(Path(settings.work_dir) / run_id, "quarantine")
        if files:
            known = {r["quarantine_id"] for r in recs}
            more = reader.rows(
                f"SELECT quarantine_id, source_path, line_no, stage, reason, detail FROM {parquet_relation(files)} "
                "ORDER BY reason, source_path, line_no", [], "quarantine batch files")
            more = [r for r in more if r["quarantine_id"] not in known]
            if more:
                recs = sorted(recs + more, key=lambda r: (r["reason"] or "", r["source_path"] or "", r["line_no"] or 0))
                extra_note = (f"{len(more)} record(s) were found only in the run's batch folder "
                              "(quarantine.*.parquet), not in raw.quarantine.")
    out = ['<section id="quarantine"><h2>Quarantined, and why</h2>']
    if not recs:
        out.append('<p class="muted">Nothing was quarantined in this run.</p></section>')
        return "\n".join(out)
    groups: dict[tuple[str, str], list[dict]] = {}
    for r in recs:
        groups.setdefault((r["reason"] or "unknown", r["stage"] or "–"), []).append(r)
    ordered = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    out.append(f'<p>{fmt_num(len(recs))} record(s) quarantined for {len(groups)} reason(s). Nothing is dropped '
               f'silently: each input below is recorded with its reason (raw.quarantine once published). '
               f'<span class="small muted">Source: {esc(b["quarantine"].label)}.</span></p>')
    if extra_note:
        out.append(f'<div class="banner warn">{esc(extra_note)}</div>')
    def where(r: dict) -> str:
        line = f' <span class="muted">line {esc(r["line_no"])}</span>' if r["line_no"] is not None else ""
        detail = f'<div class="small muted">{esc(short(r["detail"], 200))}</div>' if r.get("detail") else ""
        return f'<div><span class="path">{esc(r["source_path"])}</span>{line}{detail}</div>'

    rows = []
    for (reason, stage), rs in ordered:
        shown = "".join(where(r) for r in rs[:INLINE_PATHS])
        if len(rs) > INLINE_PATHS:  # long lists fold away, still in the page (no JavaScript)
            rest = rs[INLINE_PATHS:MAX_PATHS_PER_REASON]
            more = (f" (showing {MAX_PATHS_PER_REASON})" if len(rs) > MAX_PATHS_PER_REASON else "")
            shown += (f"<details class=\"inline\"><summary>{len(rs) - INLINE_PATHS} more{more}</summary>"
                      + "".join(where(r) for r in rest) + "</details>")
        rows.append([f"<code>{esc(reason)}</code>", esc(stage), fmt_num(len(rs)), shown])
    out.append(html_table([("Reason", ""), ("Stage", ""), ("Records", "num"), ("Files (line, detail)", "")], rows))
    out.append("</section>")
    return "\n".join(out)


def section_boilerplate(reader, b) -> str:
    out = ['<section id="boilerplate"><h2>Removed as boilerplate</h2>']
    if b["removed_blocks"].relation is None:
        out.append('<p class="muted">No removed-blocks data for this run.</p></section>')
        return "\n".join(out)
    counts = batch_rows(reader, b["removed_blocks"], "reason, count(*) AS n, count(DISTINCT article_id) AS n_articles, "
                         "sum(length(text)) AS n_chars", "GROUP BY reason ORDER BY n DESC, reason",
                         what="removed blocks")
    if not counts:
        out.append('<p class="muted">The cleaner removed nothing in this run\'s articles.</p></section>')
        return "\n".join(out)
    examples = batch_rows(
        reader, b["removed_blocks"], "reason, text, article_id",
        "QUALIFY row_number() OVER (PARTITION BY reason ORDER BY length(text) DESC, article_id, block_index) <= ?",
        [EXAMPLES_PER_REASON], what="removed block examples")
    by_reason: dict[str, list[dict]] = {}
    for e in examples:
        by_reason.setdefault(e["reason"], []).append(e)
    total = sum(c["n"] for c in counts)
    out.append(f"<p>{fmt_num(total)} block(s) cut from the run's articles, by reason. "
               f'<span class="small muted">Source: {esc(b["removed_blocks"].label)}.</span></p>')
    chart = hbar_chart("Removed blocks per reason", [(c["reason"], c["n"], "#8a6fb0") for c in counts[:20]])
    out.append(f'<div class="charts"><div class="chartbox">{chart}</div></div>')
    rows = []
    for c in counts:
        ex = "".join(f'<blockquote class="example">{esc(short(e["text"]))}</blockquote>'
                     for e in by_reason.get(c["reason"], []))
        rows.append([f"<code>{esc(c['reason'])}</code>", fmt_num(c["n"]), fmt_num(c["n_articles"]),
                     fmt_num(c["n_chars"]), ex])
    table = html_table([("Reason", "nowrap"), ("Blocks", "num"), ("Articles", "num"), ("Characters", "num"),
                    (f"Examples (up to {EXAMPLES_PER_REASON}, longest first)", "")], rows)
    out.append(f"<details{' open' if len(counts) <= 10 else ''}><summary>Counts and examples for each of the "
               f"{len(counts)} reason(s)</summary>{table}</details>")
    out.append("</section>")
    return "\n".join(out)


def section_events(reader, b, status) -> tuple[str, list[str]]:
    """Charts per type and per day; returns (html, event ids of this run's mentions)."""
    out = ['<section id="events"><h2>Events extracted</h2>']
    m = b["event_mentions"]
    n_articles = batch_rows(reader, b["articles"], "count(*) AS n, count(DISTINCT language) AS langs",
                             what="articles")
    n_art = n_articles[0]["n"] if n_articles else 0
    if m.relation is None:
        out.append(f'<p class="muted">No event mentions for this run ({fmt_num(n_art)} article(s)).</p></section>')
        return "\n".join(out), []
    per_type = batch_rows(reader, m, "event_type, any_value(quad_class) AS quad_class, count(*) AS n, "
                           "count(*) FILTER (WHERE status IN ('asserted','future')) AS n_pub, "
                           "count(DISTINCT event_id) AS n_events",
                           "GROUP BY event_type ORDER BY n DESC, event_type", what="mentions per type")
    per_status = batch_rows(reader, m, "status, count(*) AS n", "GROUP BY status ORDER BY n DESC", what="status")
    per_day = batch_rows(reader, m, "event_date, count(*) AS n, count(DISTINCT event_id) AS n_events",
                          "WHERE event_date IS NOT NULL GROUP BY event_date ORDER BY event_date", what="mentions per day")
    per_precision = batch_rows(reader, m, "date_precision, event_date, count(*) AS n",
                               "WHERE event_date IS NOT NULL GROUP BY ALL ORDER BY event_date",
                               what="mentions per date and precision")
    undated = batch_rows(reader, m, "count(*) AS n", "WHERE event_date IS NULL", what="undated mentions")
    ids = [r["event_id"] for r in batch_rows(reader, m, "DISTINCT event_id", "WHERE event_id IS NOT NULL",
                                              what="event ids")]
    total = sum(r["n"] for r in per_type)
    if not total:
        out.append('<p class="muted">No event mentions were extracted from this run\'s articles.</p></section>')
        return "\n".join(out), ids
    out.append(f'<p>{fmt_num(total)} mention(s) of {len(per_type)} PLOVER type(s) in {fmt_num(n_art)} article(s). '
               + ", ".join(f"{esc(s['status'])}: {fmt_num(s['n'])}" for s in per_status)
               + f'. <span class="small muted">Source: {esc(m.label)}.</span></p>')
    if status != "published":
        out.append('<p class="small muted">Mentions are merged into events when a batch is published; '
                   "this batch was not, so it has no events.</p>")
    used = {r["quad_class"] for r in per_type}
    legend = {k: v for k, v in QUAD_COLORS.items() if k in used}
    type_chart = hbar_chart("Event mentions per PLOVER type",
                            [(r["event_type"], r["n"], QUAD_COLORS.get(r["quad_class"], DEFAULT_COLOR))
                             for r in per_type], legend=legend or None)
    day_chart = precision_timeline("Event mentions over time, by date precision",
                                   [(r["date_precision"], r["event_date"], r["n"]) for r in per_precision],
                                   max_days=MAX_DAYS_CHARTED)
    out.append('<div class="charts">' + f'<div class="chartbox">{type_chart}</div>'
               + (f'<div class="chartbox wide">{day_chart}</div>' if day_chart else "") + "</div>")
    if any(r["date_precision"] not in (None, "day") for r in per_precision):
        out.append('<p class="small muted">A date known only to the week, month or year is stored on a '
                   "conventional day, the middle of its period (a week's Thursday, a month's 15th or 16th, "
                   "2 July for a year — 1 July in leap years; see date_precision in the data dictionary); "
                   "the chart draws the whole period instead.</p>")
    n_undated = undated[0]["n"] if undated else 0
    if per_day or n_undated:
        out.append(f'<p class="small muted">{fmt_num(len(per_day))} distinct event day(s)'
                   + (f", from {esc(per_day[0]['event_date'])} to {esc(per_day[-1]['event_date'])}" if per_day else "")
                   + f"; {fmt_num(n_undated)} mention(s) without a date.</p>")
    out.append(html_table([("Type", ""), ("Quad class", ""), ("Mentions", "num"), ("Asserted/future", "num"),
                       ("Events", "num")],
                      [[f"<code>{esc(r['event_type'])}</code>", esc(r["quad_class"]), fmt_num(r["n"]),
                        fmt_num(r["n_pub"]), fmt_num(r["n_events"])] for r in per_type]))
    out.append("</section>")
    return "\n".join(out), ids


def section_audit(settings, run_id, audit, audit_success, report_dir) -> str:
    out = ['<section id="dq"><h2>Data quality (Great Expectations)</h2>']
    results = audit["results"]
    index = audit.get("data_docs_index")
    if not index and (Path(settings.data_docs_dir) / "index.html").exists():
        index = Path(settings.data_docs_dir) / "index.html"
    links = []
    if audit.get("run_page"):
        links.append(f'<a class="datadocs" href="{esc(href(audit["run_page"], report_dir))}">'
                     "this run's validation page</a>")
    if index:
        links.append(f'<a class="datadocs" href="{esc(href(index, report_dir))}">Data Docs index</a>')
    if not results:
        why = ("audit.json is missing and ops.audit_results has no rows for this run — the run probably stopped "
               "before the audit stage.")
        out.append(f'<p class="muted">No audit results. {esc(why)}</p>')
        if links:
            out.append("<p>GX Data Docs: " + " · ".join(links) + "</p>")
        out.append("</section>")
        return "\n".join(out)
    failed = [r for r in results if not r.get("success")]
    warnings = [r for r in failed if str(r.get("detail") or "").startswith("[")]
    blocking = [r for r in failed if r not in warnings]
    out.append(f'<p>{audit_badge(audit_success)} {len(results) - len(failed)} of {len(results)} expectations met; '
               f"{len(blocking)} failed{f', {len(warnings)} warning(s) (reported, not blocking)' if warnings else ''}. "
               f'<span class="small muted">Source: {esc(audit["source"])}.</span></p>')
    if links:
        out.append("<p>GX Data Docs: " + " · ".join(links) + "</p>")
    suites: dict[str, list[dict]] = {}
    for r in results:
        suites.setdefault(str(r.get("suite")), []).append(r)
    pages = suite_pages(settings, run_id, list(suites), audit)
    summary_rows = []
    for suite, rs in sorted(suites.items(), key=lambda kv: (all(r.get("success") for r in kv[1]), kv[0])):
        bad = [r for r in rs if not r.get("success")]
        page = pages.get(suite)
        link = (f'<a class="datadocs" href="{esc(href(page, report_dir))}">Data Docs</a>' if page else "–")
        summary_rows.append([f"<a href=\"#suite-{esc(suite)}\"><code>{esc(suite)}</code></a>",
                             fmt_num(len(rs) - len(bad)), fmt_num(len(bad)),
                             badge("passed", "ok") if not bad else badge("failed", "bad"), link])
    out.append(html_table([("Suite", ""), ("Passed", "num"), ("Failed", "num"), ("Outcome", ""), ("Validation page", "")],
                      summary_rows))
    for suite, rs in sorted(suites.items()):
        bad = [r for r in rs if not r.get("success")]
        if not bad:
            continue
        page = pages.get(suite) or audit.get("run_page")
        link = (f'<a class="datadocs" href="{esc(href(page, report_dir))}">open in Data Docs</a>' if page else "")
        out.append(f'<div class="suite" id="suite-{esc(suite)}"><h3><code>{esc(suite)}</code> '
                   f'{badge(f"{len(rs) - len(bad)}/{len(rs)} passed", "ok" if not bad else "bad")}'
                   f'<span class="links">{link}</span></h3>')
        if bad:
            out.append(html_table([("Failed expectation", ""), ("Column", ""), ("Unexpected", "num"), ("Detail", "")],
                              [[f"<code>{esc(r.get('expectation'))}</code>", esc(r.get("column_name") or "–"),
                                fmt_num(r.get("unexpected")), esc(short(r.get("detail"), 500))] for r in bad]))
        out.append("</div>")
    met = [r for r in results if r.get("success")]
    if met:
        out.append(f"<details><summary>{len(met)} expectation(s) met</summary>"
                   + html_table([("Suite", ""), ("Expectation", ""), ("Column", "")],
                            [[f"<code>{esc(r.get('suite'))}</code>", f"<code>{esc(r.get('expectation'))}</code>",
                              esc(r.get("column_name") or "–")] for r in met]) + "</details>")
    out.append("</section>")
    return "\n".join(out)


def section_published(reader, run, status, event_ids) -> str:
    out = ['<section id="published"><h2>What was published</h2>']
    if status == "audit_failed":
        out.append('<div class="banner bad">Nothing: the audit failed, so this batch was not published. '
                   "The curated views still show the previous publish.</div>")
    elif status == "failed":
        out.append('<div class="banner bad">Nothing: the run failed before publishing.</div>')
    elif status == "nothing_new":
        out.append('<p class="muted">Nothing new was published by this run.</p>')
    elif status == "published":
        out.append(cards([("files", run.get("n_files")), ("documents", run.get("n_documents")),
                           ("quarantine records", run.get("n_quarantined")), ("articles", run.get("n_articles")),
                           ("event mentions", run.get("n_mentions")), ("events (rebuilt/new)", len(event_ids))]))
    if reader.has("curated.events"):
        totals = {
            "articles": reader.scalar("SELECT count(*) FROM curated.articles", what="curated.articles")
            if reader.has("curated.articles") else None,
            "event mentions": reader.scalar("SELECT count(*) FROM curated.event_mentions", what="curated.event_mentions")
            if reader.has("curated.event_mentions") else None,
            "events": reader.scalar("SELECT count(*) FROM curated.events", what="curated.events"),
            "quarantine records": reader.scalar("SELECT count(*) FROM curated.quarantine", what="curated.quarantine")
            if reader.has("curated.quarantine") else None,
        }
        out.append("<h3>The warehouse now (all runs)</h3>" + cards(list(totals.items())))
        cols = ("event_id, event_date, date_precision, event_type, quad_class, actor_name, actor_country, "
                "recipient_name, recipient_country, location_name, location_country, n_mentions, n_articles, "
                "n_sources, confidence, status")
        top, heading = [], ""
        if event_ids and status == "published":
            top = reader.rows(f"SELECT {cols} FROM curated.events WHERE list_contains(?, event_id) "
                              "ORDER BY n_mentions DESC, n_sources DESC, confidence DESC, event_id LIMIT ?",
                              [event_ids, TOP_EVENTS], "curated.events")
            heading = f"Top events from this run (by mentions, {len(top)} of {len(event_ids)})"
        if not top:
            top = reader.rows(f"SELECT {cols} FROM curated.events "
                              "ORDER BY n_mentions DESC, n_sources DESC, confidence DESC, event_id LIMIT ?",
                              [TOP_EVENTS], "curated.events")
            heading = "Top events in the warehouse (this run added none)"
        if top:
            def who(name, country):
                return esc(name or "–") + (f' <span class="muted">{esc(country)}</span>' if country else "")

            rows = [[esc(e["event_date"] or "–") + (f' <span class="muted small">{esc(e["date_precision"])}</span>'
                                                    if e["date_precision"] and e["date_precision"] != "day" else ""),
                     f"<code>{esc(e['event_type'])}</code>", who(e["actor_name"], e["actor_country"]),
                     who(e["recipient_name"], e["recipient_country"]), who(e["location_name"], e["location_country"]),
                     fmt_num(e["n_mentions"]), fmt_num(e["n_sources"]), f"{float(e['confidence'] or 0):.2f}"]
                    for e in top]
            out.append(f"<h3>{esc(heading)}</h3>" + html_table(
                [("Date", ""), ("Type", ""), ("Actor", ""), ("Recipient", ""), ("Where", ""), ("Mentions", "num"),
                 ("Sources", "num"), ("Confidence", "num")], rows))
        else:
            out.append('<p class="muted">curated.events is empty: no events have been published yet.</p>')
    else:
        out.append('<p class="muted">The warehouse has no curated views yet.</p>')
    out.append("</section>")
    return "\n".join(out)
