"""Trends across runs for the index of runs: what an analyst checks first, one inline SVG chart each.

Per run that read something (published or audit_failed; a run with nothing new adds no point),
on a real time axis at the run's start:
* articles in (ops.runs.n_articles);
* quarantine rate: quarantine records / (new documents + records quarantined at ingest, which never
  became documents);
* undated share: event mentions without a date / event mentions;
* unresolved-party share: mentions with an actor or recipient found in the text but resolved to
  neither a canonical name nor a country / mentions;
* event mentions per PLOVER type (the most frequent types, the rest as "other");
* audit: failed expectations per run, blocking and warnings.
Mentions are read from core.event_mentions (published runs) and staging.event_mentions (a
rejected batch); a run whose mentions were replaced by reprocessing has no mention figures.
"""
from __future__ import annotations

from datetime import datetime, timezone

from pipeline.quality.report.charts import QUAD_COLORS, time_series_chart
from pipeline.quality.report.html import esc, ts

TOP_TYPES = 6
TYPE_COLORS = ["#2f6f9f", "#c0392b", "#4e9a6b", "#e0912f", "#8a6fb0", "#1f9aa8", "#9aa7b4"]
READ_SOMETHING = ("published", "audit_failed")

_MENTIONS = """
    count(*) AS n,
    count(*) FILTER (WHERE event_date IS NULL) AS undated,
    count(*) FILTER (WHERE (actor_text IS NOT NULL AND actor_name IS NULL AND actor_country IS NULL)
                        OR (recipient_text IS NOT NULL AND recipient_name IS NULL AND recipient_country IS NULL))
        AS unresolved
"""


def _mention_stats(reader, run_ids: list[str]) -> tuple[dict, dict]:
    """run_id -> {n, undated, unresolved}; run_id -> {event_type: n} (core first, then staging)."""
    stats: dict[str, dict] = {}
    types: dict[str, dict] = {}
    for table in ("core.event_mentions", "staging.event_mentions"):
        todo = [r for r in run_ids if r not in stats]
        if not todo or not reader.has(table):
            continue
        for row in reader.rows(f"SELECT run_id, {_MENTIONS} FROM {table} WHERE list_contains(?, run_id) "
                               "GROUP BY run_id", [todo], table):
            stats[row["run_id"]] = row
        for row in reader.rows(f"SELECT run_id, event_type, count(*) AS n FROM {table} "
                               "WHERE list_contains(?, run_id) GROUP BY ALL", [todo], table):
            types.setdefault(row["run_id"], {})[row["event_type"]] = row["n"]
    return stats, types


def _ingest_quarantine(reader, run_ids: list[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for table in ("raw.quarantine", "staging.quarantine"):
        if reader.has(table):
            for row in reader.rows(f"SELECT run_id, count(*) AS n FROM {table} WHERE stage = 'ingest' "
                                   "AND list_contains(?, run_id) GROUP BY run_id", [run_ids], table):
                out.setdefault(row["run_id"], row["n"])
    return out


def _audit_failures(reader, run_ids: list[str]) -> dict[str, dict]:
    if not reader.has("ops.audit_results"):
        return {}
    rows = reader.rows("SELECT run_id, count(*) FILTER (WHERE NOT success AND detail LIKE '[%') AS warnings, "
                       "count(*) FILTER (WHERE NOT success AND (detail IS NULL OR detail NOT LIKE '[%')) AS blocking, "
                       "count(*) AS n FROM ops.audit_results WHERE list_contains(?, run_id) GROUP BY run_id",
                       [run_ids], "ops.audit_results")
    return {r["run_id"]: r for r in rows}


def _epoch(moment: datetime) -> float:
    return moment.replace(tzinfo=timezone.utc).timestamp()


def history_charts(reader, runs: list[dict], starts: dict[str, datetime]) -> str:
    """The trend charts (HTML), or "" when fewer than one run read anything."""
    runs = [r for r in runs if r.get("status") in READ_SOMETHING and isinstance(starts.get(r["run_id"]), datetime)]
    if not runs:
        return ""
    ids = [r["run_id"] for r in runs]
    mentions, per_type = _mention_stats(reader, ids)
    ingest_q = _ingest_quarantine(reader, ids)
    audits = _audit_failures(reader, ids)

    def point(run: dict, value) -> tuple[float, float, str]:
        tip = f"{run['run_id']} ({run.get('trigger') or '?'}, {ts(starts[run['run_id']])}, {run['status']})"
        return _epoch(starts[run["run_id"]]), float(value), ("!" if run["status"] != "published" else "") + tip

    articles = [point(r, r["n_articles"]) for r in runs if r.get("n_articles") is not None]
    quarantine = []
    for r in runs:
        read = (r.get("n_documents") or 0) + ingest_q.get(r["run_id"], 0)
        if read and r.get("n_quarantined") is not None:
            quarantine.append(point(r, min(r["n_quarantined"] / read, 1.0)))
    undated = [point(r, mentions[r["run_id"]]["undated"] / mentions[r["run_id"]]["n"])
               for r in runs if mentions.get(r["run_id"], {}).get("n")]
    unresolved = [point(r, mentions[r["run_id"]]["unresolved"] / mentions[r["run_id"]]["n"])
                  for r in runs if mentions.get(r["run_id"], {}).get("n")]
    totals: dict[str, int] = {}
    for counts in per_type.values():
        for etype, n in counts.items():
            totals[etype] = totals.get(etype, 0) + n
    top = [t for t, _ in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_TYPES]]
    type_series = []
    for i, etype in enumerate(top + (["other"] if len(totals) > len(top) else [])):
        pts = []
        for r in runs:
            counts = per_type.get(r["run_id"])
            if counts is None:
                continue
            n = (counts.get(etype, 0) if etype != "other"
                 else sum(v for k, v in counts.items() if k not in top))
            pts.append(point(r, n))
        type_series.append((etype, TYPE_COLORS[i % len(TYPE_COLORS)], pts))
    blocking = [point(r, audits[r["run_id"]]["blocking"]) for r in runs if r["run_id"] in audits]
    warnings = [point(r, audits[r["run_id"]]["warnings"]) for r in runs if r["run_id"] in audits]
    charts = [
        time_series_chart("Articles in, per run", [("articles", "#2f6f9f", articles)]),
        time_series_chart("Quarantine rate", [("quarantined", QUAD_COLORS["material conflict"], quarantine)],
                          percent=True, note="quarantine records ÷ (new documents + records quarantined at ingest)"),
        time_series_chart("Undated share of event mentions", [("undated", "#e0912f", undated)], percent=True),
        time_series_chart("Unresolved-party share of event mentions", [("unresolved", "#8a6fb0", unresolved)],
                          percent=True, note="a party found in the text, resolved to no name and no country"),
        time_series_chart("Event mentions per PLOVER type, per run", type_series),
        time_series_chart("Audit: failed expectations per run",
                          [("blocking", "#b42318", blocking), ("warnings", "#9a6200", warnings)]),
    ]
    boxes = "".join(f'<div class="chartbox">{c}</div>' for c in charts if c)
    return ('<h2 id="trends">Trends across runs</h2>'
            f'<p class="small muted">One point per run that read something ({esc(", ".join(READ_SOMETHING))}), '
            "at the run's start; a hollow point is a run whose audit failed (its batch was not published). "
            "Hover a point for the run.</p>"
            f'<div class="charts trends">{boxes}</div>')
