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

import html
import json
import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

from pipeline.core.config import Settings

BATCH_NAMES = ("source_files", "documents", "quarantine", "articles", "removed_blocks", "event_mentions")
PUBLISHED = {
    "source_files": "raw.source_files",
    "documents": "raw.documents",
    "quarantine": "raw.quarantine",
    "articles": "core.articles",
    "removed_blocks": "core.removed_blocks",
    "event_mentions": "core.event_mentions",
}
QUAD_COLORS = {
    "verbal cooperation": "#4e9a6b",
    "material cooperation": "#2f6f9f",
    "verbal conflict": "#e0912f",
    "material conflict": "#c0392b",
}
DEFAULT_COLOR = "#6b7a8f"
STATUS_CLASS = {
    "published": "ok", "nothing_new": "neutral", "audit_failed": "bad", "failed": "bad", "running": "warn",
}
MAX_FILES_SHOWN = 200
MAX_PATHS_PER_REASON = 50
INLINE_PATHS = 5
EXAMPLES_PER_REASON = 3
EXAMPLE_CHARS = 240
MAX_DAYS_CHARTED = 60
TOP_EVENTS = 15


def esc(value) -> str:
    """HTML-escape anything (None -> empty)."""
    if value is None:
        return ""
    return html.escape(str(value), quote=True)


# ----------------------------------------------------------------------------- data access
class _Reader:
    """Read-only queries that never raise: failures become notes shown in the report."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.notes: list[str] = []
        self.con = None
        self.warehouse_ok = False
        self._open()

    def _open(self) -> None:
        import duckdb

        path = Path(self.settings.warehouse)
        if path.exists():
            for read_only in (True, False):  # read-write only if this process already holds a write connection
                try:
                    self.con = duckdb.connect(str(path), read_only=read_only)
                    self.warehouse_ok = True
                    break
                except Exception as exc:  # noqa: BLE001 - locked by another process, config clash, ...
                    last = exc
            else:
                self.notes.append(f"The warehouse {path} could not be opened ({type(last).__name__}: {last}); "
                                  "figures come from the run's batch folder only.")
        else:
            self.notes.append(f"No warehouse at {path} yet; figures come from the run's batch folder only.")
        if self.con is None:
            self.con = duckdb.connect(":memory:")

    def close(self) -> None:
        try:
            self.con.close()
        except Exception:  # noqa: BLE001
            pass

    def has(self, qualified: str) -> bool:
        if not self.warehouse_ok:
            return False
        schema, table = qualified.split(".")
        try:
            return bool(self.con.execute(
                "SELECT (SELECT count(*) FROM duckdb_tables() WHERE schema_name = ? AND table_name = ?)"
                " + (SELECT count(*) FROM duckdb_views() WHERE schema_name = ? AND view_name = ?)",
                [schema, table, schema, table],
            ).fetchone()[0])
        except Exception:  # noqa: BLE001
            return False

    def rows(self, sql: str, params: list | None = None, what: str = "") -> list[dict]:
        try:
            cur = self.con.execute(sql, params or [])
            names = [d[0] for d in cur.description]
            return [dict(zip(names, r)) for r in cur.fetchall()]
        except Exception as exc:  # noqa: BLE001
            self.notes.append(f"Could not read {what or 'data'}: {type(exc).__name__}: {str(exc)[:300]}")
            return []

    def scalar(self, sql: str, params: list | None = None, what: str = ""):
        got = self.rows(sql, params, what)
        return next(iter(got[0].values())) if got else None


@dataclass
class _Batch:
    """Where one logical batch table is read from, as a SQL relation + its label."""

    relation: str | None
    label: str
    params: list = field(default_factory=list)  # parameters of the relation's WHERE


def _parquet_files(folder: Path, name: str) -> list[Path]:
    if name == "quarantine":
        return sorted(folder.glob("quarantine*.parquet"))
    path = folder / f"{name}.parquet"
    return [path] if path.exists() else []


def _parquet_relation(files: list[Path]) -> str:
    listing = ", ".join("'" + str(p).replace("'", "''") + "'" for p in files)
    return f"read_parquet([{listing}], union_by_name = true)"


def _count(reader: _Reader, relation: str, params: list) -> int:
    return int(reader.scalar(f"SELECT count(*) FROM {relation}", params, relation) or 0)


def _resolve_batches(reader: _Reader, settings: Settings, run_id: str, status: str | None) -> tuple[dict, str]:
    """Choose, per logical table, the relation holding this run's rows; return (batches, origin)."""
    folder = Path(settings.work_dir) / run_id
    published = status == "published"
    order = ["warehouse"] if published else (["staging", "batch"] if status else ["warehouse", "staging", "batch"])
    batches: dict[str, _Batch] = {}
    origins = set()
    for name in BATCH_NAMES:
        chosen = None
        for kind in order:
            if kind == "warehouse" and reader.has(PUBLISHED[name]):
                cand = _Batch(f"(SELECT * FROM {PUBLISHED[name]} WHERE run_id = ?)", PUBLISHED[name], [run_id])
            elif kind == "staging" and reader.has(f"staging.{name}"):
                cand = _Batch(f"(SELECT * FROM staging.{name} WHERE run_id = ?)", f"staging.{name}", [run_id])
            elif kind == "batch" and _parquet_files(folder, name):
                files = _parquet_files(folder, name)
                cand = _Batch(f"(SELECT * FROM {_parquet_relation(files)})",
                              f"{folder.name}/{files[0].name}" + (" …" if len(files) > 1 else ""))
            else:
                continue
            if chosen is None:
                chosen = cand
            if _count(reader, cand.relation, cand.params):
                chosen = cand
                break
        batches[name] = chosen or _Batch(None, "none")
        if chosen is not None:
            origins.add(chosen.label.split(".")[0] if "." in chosen.label and "/" not in chosen.label else "batch")
    return batches, ",".join(sorted(origins))


def _batch_rows(reader: _Reader, batch: _Batch, select: str, tail: str = "", params: list | None = None,
                what: str = "") -> list[dict]:
    if batch.relation is None:
        return []
    return reader.rows(f"SELECT {select} FROM {batch.relation} AS t {tail}", batch.params + (params or []), what)


# ----------------------------------------------------------------------------- audit
def _load_audit(settings: Settings, run_id: str, reader: _Reader) -> dict:
    path = Path(settings.work_dir) / run_id / "audit.json"
    audit: dict = {"source": None, "results": [], "success": None, "data_docs_index": None, "run_page": None,
                   "pages": {}}
    if path.exists():
        try:
            loaded = json.loads(path.read_text(encoding="utf-8"))
            audit.update({k: loaded.get(k, audit.get(k)) for k in ("results", "success", "data_docs_index",
                                                                    "run_page", "pages")})
            audit["results"] = list(audit.get("results") or [])
            audit["pages"] = dict(audit.get("pages") or {})
            audit["source"] = "audit.json"
        except Exception as exc:  # noqa: BLE001
            reader.notes.append(f"audit.json could not be read: {type(exc).__name__}: {exc}")
    if audit["source"] is None and reader.has("ops.audit_results"):
        rows = reader.rows(
            "SELECT suite, expectation, column_name, success, unexpected, detail FROM ops.audit_results "
            "WHERE run_id = ? ORDER BY suite, expectation, column_name", [run_id], "ops.audit_results")
        if rows:
            audit["results"] = rows
            audit["success"] = None  # severity is not stored there; ops.runs.audit_success tells
            audit["source"] = "ops.audit_results"
    return audit


def _suite_pages(settings: Settings, run_id: str, suites: list[str], audit: dict) -> dict[str, Path]:
    """suite -> the GX Data Docs validation page of this run (latest one if validated twice)."""
    import glob

    pages: dict[str, Path] = {}
    root = Path(settings.data_docs_dir)
    for suite in suites:
        given = (audit.get("pages") or {}).get(suite)
        if given:
            pages[suite] = Path(given)
            continue
        pattern = os.path.join(glob.escape(str(root / "validations" / suite / run_id)), "*", "*.html")
        found = sorted(glob.glob(pattern))
        if found:
            pages[suite] = Path(found[-1])
    return pages


def _href(target: Path | str | None, base_dir: Path) -> str | None:
    """Relative URL from base_dir to target (a filesystem path), percent-encoded."""
    if not target:
        return None
    target = Path(str(target).removeprefix("file://"))
    try:
        rel = os.path.relpath(target.resolve(), Path(base_dir).resolve())
    except ValueError:  # other drive
        return target.resolve().as_uri()
    return "/".join(quote(part) for part in Path(rel).parts)


# ----------------------------------------------------------------------------- SVG charts
def _fmt_num(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, float) and value.is_integer():
        return f"{int(value):,}"
    if isinstance(value, float):
        return f"{value:,.2f}"
    try:
        return f"{int(value):,}"
    except (TypeError, ValueError):
        return str(value)


def _svg_open(width: int, height: int, title: str) -> list[str]:
    """Opening of an accessible inline SVG chart (class "chart", <title>, visible heading)."""
    return [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{esc(title)}">',
        f"<title>{esc(title)}</title>",
        f'<text class="chart-title" x="0" y="18">{esc(title)}</text>',
    ]


def _nice_axis(vmax: float, integer: bool = True, max_ticks: int = 4) -> tuple[float, float]:
    """(axis top, tick step) with steps 1/2/5 x 10^k (at least 1 for counts)."""
    import math

    vmax = float(vmax or 0) or 1.0
    raw = vmax / max_ticks
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 5, 10) if m * mag >= raw)
    if integer:
        step = max(step, 1)
    return math.ceil(vmax / step - 1e-9) * step, step


def _ticks(vmax: float) -> list[float]:
    top, step = _nice_axis(vmax)
    n = int(round(top / step))
    return [step * i for i in range(n + 1)]


def hbar_chart(title: str, items: list[tuple[str, float, str]], *, width: int = 480, unit: str = "",
               legend: dict[str, str] | None = None) -> str:
    """Horizontal bar chart: items = [(label, value, color)]."""
    if not items:
        return ""
    bar_h, gap, label_w, top = 20, 6, 150, 34
    spots, x, line = [], 0, 0  # legend entries laid out left to right, wrapping
    for name, color in (legend or {}).items():
        w = 22 + 6.5 * len(name)
        if x and x + w > width:
            x, line = 0, line + 1
        spots.append((x, line, name, color))
        x += w + 10
    legend_h = 20 * (line + 1) + 6 if legend else 0
    plot_w = width - label_w - 60
    ticks = _ticks(max(v for _, v, _ in items))
    vmax = ticks[-1]
    height = top + len(items) * (bar_h + gap) + 20 + legend_h
    out = _svg_open(width, height, title)
    for tick in ticks:
        x = label_w + plot_w * tick / vmax
        out.append(f'<line class="grid" x1="{x:.1f}" y1="{top - 6}" x2="{x:.1f}" '
                   f'y2="{top + len(items) * (bar_h + gap)}"/>')
        out.append(f'<text class="tick" x="{x:.1f}" y="{top + len(items) * (bar_h + gap) + 14}" '
                   f'text-anchor="middle">{esc(_fmt_num(tick))}</text>')
    for i, (label, value, color) in enumerate(items):
        y = top + i * (bar_h + gap)
        w = max(plot_w * value / vmax, 1.5 if value else 0)
        out.append(f'<text class="label" x="{label_w - 8}" y="{y + bar_h * 0.7:.1f}" text-anchor="end">{esc(label)}</text>')
        out.append(f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{bar_h}" rx="3" fill="{esc(color)}">'
                   f"<title>{esc(label)}: {esc(_fmt_num(value))}{esc(unit)}</title></rect>")
        out.append(f'<text class="value" x="{label_w + w + 6:.1f}" y="{y + bar_h * 0.7:.1f}">{esc(_fmt_num(value))}</text>')
    base = top + len(items) * (bar_h + gap) + 20 + 18
    for x, line, name, color in spots:
        y = base + 20 * line
        out.append(f'<rect x="{x:.1f}" y="{y - 10}" width="12" height="12" rx="2" fill="{esc(color)}"/>')
        out.append(f'<text class="tick" x="{x + 16:.1f}" y="{y}">{esc(name)}</text>')
    out.append("</svg>")
    return "\n".join(out)


def column_chart(title: str, items: list[tuple[str, float]], *, width: int = 560, color: str = "#2f6f9f",
                 unit: str = "") -> str:
    """Vertical bars, one per category (days), labels rotated; every bar has a <title> tooltip."""
    if not items:
        return ""
    top, bottom, left, right = 34, 74, 44, 12
    plot_h = 190
    height = top + plot_h + bottom
    plot_w = width - left - right
    slot = plot_w / len(items)
    bar_w = max(min(slot * 0.72, 42), 2)
    ticks = _ticks(max(v for _, v in items))
    vmax = ticks[-1]
    every = max(1, int(len(items) / 30 + 0.999))
    out = _svg_open(width, height, title)
    for tick in ticks:
        y = top + plot_h - plot_h * tick / vmax
        out.append(f'<line class="grid" x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}"/>')
        out.append(f'<text class="tick" x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{esc(_fmt_num(tick))}</text>')
    for i, (label, value) in enumerate(items):
        x = left + i * slot + (slot - bar_w) / 2
        h = plot_h * value / vmax
        out.append(f'<rect x="{x:.1f}" y="{top + plot_h - h:.1f}" width="{bar_w:.1f}" height="{h:.1f}" rx="2" '
                   f'fill="{esc(color)}"><title>{esc(label)}: {esc(_fmt_num(value))}{esc(unit)}</title></rect>')
        if len(items) <= 31:
            out.append(f'<text class="value" x="{x + bar_w / 2:.1f}" y="{top + plot_h - h - 4:.1f}" '
                       f'text-anchor="middle">{esc(_fmt_num(value))}</text>')
        if i % every == 0:
            cx, cy = x + bar_w / 2, top + plot_h + 10
            out.append(f'<text class="tick" x="{cx:.1f}" y="{cy:.1f}" text-anchor="end" '
                       f'transform="rotate(-45 {cx:.1f} {cy:.1f})">{esc(label)}</text>')
    out.append(f'<line class="axis" x1="{left}" y1="{top + plot_h}" x2="{width - right}" y2="{top + plot_h}"/>')
    out.append("</svg>")
    return "\n".join(out)


# ----------------------------------------------------------------------------- HTML helpers
CSS = """
:root { --fg:#1d2733; --muted:#5b6b7c; --line:#dfe5ec; --bg:#f5f7fa; --card:#fff;
        --ok:#1e7b47; --okbg:#e3f4ea; --bad:#b42318; --badbg:#fde8e6; --warn:#9a6200; --warnbg:#fff3d6;
        --neutral:#44546a; --neutralbg:#e9eef4; --accent:#2f6f9f; }
* { box-sizing: border-box; }
body { margin:0; font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
       color:var(--fg); background:var(--bg); }
main { max-width:1180px; margin:0 auto; padding:24px 28px 60px; }
header.top { background:#1d2733; color:#fff; }
header.top .inner { max-width:1180px; margin:0 auto; padding:18px 28px; }
header.top a { color:#cfe3f5; }
header.top h1 { margin:0 0 4px; font-size:22px; font-weight:650; word-break:break-all; }
header.top .sub { color:#b8c4d1; font-size:13px; }
nav.toc { margin:10px 0 0; font-size:13px; }
nav.toc a { margin-right:14px; color:#cfe3f5; text-decoration:none; }
nav.toc a:hover { text-decoration:underline; }
h2 { font-size:19px; margin:34px 0 10px; padding-bottom:6px; border-bottom:2px solid var(--line); }
h3 { font-size:15px; margin:18px 0 8px; }
section { margin-bottom:8px; }
a { color:var(--accent); }
.badge { display:inline-block; padding:1px 9px; border-radius:10px; font-size:12.5px; font-weight:600;
         letter-spacing:.02em; white-space:nowrap; }
.badge.ok { color:var(--ok); background:var(--okbg); } .badge.bad { color:var(--bad); background:var(--badbg); }
.badge.warn { color:var(--warn); background:var(--warnbg); }
.badge.neutral { color:var(--neutral); background:var(--neutralbg); }
.banner { border-radius:8px; padding:12px 16px; margin:18px 0; border:1px solid; }
.banner.bad { background:var(--badbg); border-color:#f3b8b1; color:#7a1a11; }
.banner.warn { background:var(--warnbg); border-color:#f0d58c; color:#5e4100; }
.banner.neutral { background:var(--neutralbg); border-color:#cdd7e2; color:#2c3a4b; }
.banner.ok { background:var(--okbg); border-color:#b4dfc4; color:#124d2c; }
.banner strong { display:block; margin-bottom:2px; }
.cards { display:grid; grid-template-columns:repeat(auto-fill,minmax(118px,1fr)); gap:10px; margin:16px 0; }
.card { background:var(--card); border:1px solid var(--line); border-radius:8px; padding:10px 14px; }
.card .n { font-size:24px; font-weight:650; } .card .k { color:var(--muted); font-size:12.5px; }
dl.meta { display:grid; grid-template-columns:repeat(3, max-content minmax(0,1fr)); gap:4px 16px; margin:14px 0;
          background:var(--card); border:1px solid var(--line); border-radius:8px; padding:12px 16px; }
dl.meta dt { color:var(--muted); } dl.meta dd { margin:0; word-break:break-word; }
table { border-collapse:collapse; width:100%; background:var(--card); border:1px solid var(--line);
        border-radius:8px; overflow:hidden; font-size:13.5px; margin:6px 0 10px; }
th, td { text-align:left; padding:6px 10px; border-bottom:1px solid var(--line); vertical-align:top; }
th { background:#eef2f6; font-weight:600; color:#33414f; }
tr:last-child td { border-bottom:none; }
td.nowrap, th.nowrap { white-space:nowrap; } td.nowrap code { word-break:normal; }
td.num, th.num { text-align:right; font-variant-numeric:tabular-nums; white-space:nowrap; }
td.path, .path, code { font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace; font-size:12.5px; word-break:break-all; }
.muted { color:var(--muted); } .small { font-size:12.5px; }
.charts { display:flex; flex-wrap:wrap; gap:18px; }
.chartbox { background:var(--card); border:1px solid var(--line); border-radius:8px; padding:12px 14px; overflow-x:auto; }
svg.chart { display:block; font-family:inherit; }
svg.chart .chart-title { font-size:14px; font-weight:600; fill:#1d2733; }
svg.chart .label { font-size:12.5px; fill:#1d2733; }
svg.chart .value { font-size:11.5px; fill:#33414f; }
svg.chart .tick { font-size:11px; fill:#5b6b7c; }
svg.chart .grid { stroke:#e6ebf0; stroke-width:1; }
svg.chart .axis { stroke:#9aa7b4; stroke-width:1; }
blockquote.example { margin:4px 0; padding:6px 10px; background:#f8fafc; border-left:3px solid #c9d3de;
                     font-size:13px; color:#33414f; white-space:pre-wrap; word-break:break-word; }
details { background:var(--card); border:1px solid var(--line); border-radius:8px; padding:6px 12px; margin:6px 0; }
details.inline { border:none; padding:0; margin:4px 0 0; background:none; }
details > summary { cursor:pointer; font-weight:600; padding:2px 0; }
details[open] > summary { margin-bottom:6px; }
.suite { background:var(--card); border:1px solid var(--line); border-radius:8px; padding:10px 14px; margin:10px 0; }
.suite h3 { margin:0 0 6px; display:flex; gap:10px; align-items:center; flex-wrap:wrap; }
.suite h3 .links { margin-left:auto; font-weight:400; font-size:13px; }
pre.error { background:#2b1a1a; color:#ffd9d4; padding:10px 12px; border-radius:6px; white-space:pre-wrap;
            word-break:break-word; font-size:12.5px; }
ul.notes { font-size:13px; color:var(--muted); }
footer { margin-top:40px; color:var(--muted); font-size:12px; }
@media print { body { background:#fff; } header.top { background:#fff; color:#000; } }
"""


def _badge(text: str, cls: str) -> str:
    return f'<span class="badge {esc(cls)}">{esc(text)}</span>'


def _audit_badge(success) -> str:
    if success is True:
        return _badge("audit passed", "ok")
    if success is False:
        return _badge("audit FAILED", "bad")
    return _badge("no audit", "neutral")


def _table(headers: list[tuple[str, str]], rows: list[list[str]], empty: str = "None.") -> str:
    """headers = [(title, css class)]; row cells are already-escaped HTML."""
    if not rows:
        return f'<p class="muted">{esc(empty)}</p>'
    head = "".join(f'<th class="{c}">{esc(t)}</th>' for t, c in headers)
    body = "".join(
        "<tr>" + "".join(f'<td class="{headers[i][1]}">{cell}</td>' for i, cell in enumerate(r)) + "</tr>"
        for r in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _ts(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S") + " UTC"
    return str(value)


def _duration(start, end) -> str:
    if not isinstance(start, datetime) or not isinstance(end, datetime):
        return "–"
    secs = (end - start).total_seconds()
    if secs < 60:
        return f"{secs:.1f} s"
    if secs < 3600:
        return f"{int(secs // 60)} min {int(secs % 60)} s"
    return f"{int(secs // 3600)} h {int(secs % 3600 // 60)} min"


def _short(text, n: int = EXAMPLE_CHARS) -> str:
    text = " ".join(str(text or "").split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _page(title: str, header_html: str, body_html: str) -> str:
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f'<header class="top"><div class="inner">{header_html}</div></header>\n'
        f"<main>\n{body_html}\n<footer>Generated {esc(_ts(datetime.utcnow().replace(microsecond=0)))} by "
        "pipeline/quality/report.py — static file, no network needed.</footer>\n</main>\n</body>\n</html>\n"
    )


# ----------------------------------------------------------------------------- the run report
def _run_row(reader: _Reader, run_id: str) -> dict | None:
    if not reader.has("ops.runs"):
        return None
    got = reader.rows("SELECT * FROM ops.runs WHERE run_id = ?", [run_id], "ops.runs")
    return got[0] if got else None


def _section_header(run: dict, run_id: str, audit: dict, audit_success, origin_note: str | None) -> str:
    status = run.get("status") or "unknown"
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
        ("Status", _badge(status, STATUS_CLASS.get(status, "neutral"))),
        ("Audit", _audit_badge(audit_success)),
        ("Trigger", esc(run.get("trigger") or "–")),
        ("Started", esc(_ts(run.get("started_at")))),
        ("Finished", esc(_ts(run.get("finished_at")))),
        ("Duration", esc(_duration(run.get("started_at"), run.get("finished_at")))),
        ("Extractor version", f"<code>{esc(run.get('extractor_version') or '–')}</code>"),
        ("Landing folder", f"<code>{esc(run.get('landing') or '–')}</code>"),
    ]
    parts.append('<dl class="meta">' + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in meta) + "</dl>")
    if run.get("error"):
        parts.append(f'<h3>Error</h3><pre class="error">{esc(run["error"])}</pre>')
    return "\n".join(parts)


def _cards(items: list[tuple[str, object]]) -> str:
    return '<div class="cards">' + "".join(
        f'<div class="card"><div class="n">{esc(_fmt_num(v))}</div><div class="k">{esc(k)}</div></div>'
        for k, v in items
    ) + "</div>"


def _section_input(reader, b, run) -> str:
    files = _batch_rows(reader, b["source_files"],
                        "source_path, format, status, n_documents, size_bytes, file_sha256",
                        "ORDER BY status DESC, source_path", what="source files")
    docs = _batch_rows(reader, b["documents"], "format, encoding, count(*) AS n",
                       "GROUP BY ALL ORDER BY n DESC, format", what="documents")
    n_docs = sum(d["n"] for d in docs)
    out = ['<section id="input"><h2>What came in</h2>']
    out.append(f'<p>{_fmt_num(len(files))} new or changed file(s) read, yielding {_fmt_num(n_docs)} new '
               f'document(s). <span class="small muted">Source: {esc(b["source_files"].label)}, '
               f'{esc(b["documents"].label)}.</span></p>')
    if (run.get("trigger") == "reprocess"):
        out.append('<p class="small muted">Reprocessing run: its input is every document already in '
                   "raw.documents, re-cleaned and re-extracted with the current rules.</p>")
    if docs:
        out.append('<p class="small">Documents by format and encoding: '
                   + ", ".join(f"<code>{esc(d['format'])}</code> / {esc(d['encoding'] or '?')}: {_fmt_num(d['n'])}"
                               for d in docs) + ".</p>")
    rows = [
        [f'<span class="path">{esc(f["source_path"])}</span>', esc(f["format"] or "–"),
         _badge(f["status"], {"ingested": "ok", "partial": "warn", "quarantined": "bad"}.get(f["status"], "neutral")),
         _fmt_num(f["n_documents"]), _fmt_num(f["size_bytes"]),
         f'<code>{esc((f["file_sha256"] or "")[:12])}</code>']
        for f in files[:MAX_FILES_SHOWN]
    ]
    if rows:
        table = _table([("File", "path"), ("Format", ""), ("Status", ""), ("Documents", "num"), ("Bytes", "num"),
                        ("sha256", "")], rows)
        more = (f'<p class="small muted">… and {len(files) - MAX_FILES_SHOWN} more files.</p>'
                if len(files) > MAX_FILES_SHOWN else "")
        out.append(f"<details{' open' if len(files) <= 25 else ''}><summary>Files ({len(files)})</summary>"
                   f"{table}{more}</details>")
    else:
        out.append('<p class="muted">No new files in this run.</p>')
    out.append("</section>")
    return "\n".join(out)


def _section_quarantine(reader, b, settings, run_id, status) -> str:
    recs = _batch_rows(reader, b["quarantine"],
                       "quarantine_id, source_path, line_no, stage, reason, detail",
                       "ORDER BY reason, source_path, line_no", what="quarantine records")
    extra_note = ""
    if status == "published":  # records only in the batch folder (never staged) must not go unseen
        files = _parquet_files(Path(settings.work_dir) / run_id, "quarantine")
        if files:
            known = {r["quarantine_id"] for r in recs}
            more = reader.rows(
                f"SELECT quarantine_id, source_path, line_no, stage, reason, detail FROM {_parquet_relation(files)} "
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
    out.append(f'<p>{_fmt_num(len(recs))} record(s) quarantined for {len(groups)} reason(s). Nothing is dropped '
               f'silently: each input below is recorded with its reason (raw.quarantine once published). '
               f'<span class="small muted">Source: {esc(b["quarantine"].label)}.</span></p>')
    if extra_note:
        out.append(f'<div class="banner warn">{esc(extra_note)}</div>')
    def where(r: dict) -> str:
        line = f' <span class="muted">line {esc(r["line_no"])}</span>' if r["line_no"] is not None else ""
        detail = f'<div class="small muted">{esc(_short(r["detail"], 200))}</div>' if r.get("detail") else ""
        return f'<div><span class="path">{esc(r["source_path"])}</span>{line}{detail}</div>'

    rows = []
    for (reason, stage), rs in ordered:
        shown = "".join(where(r) for r in rs[:INLINE_PATHS])
        if len(rs) > INLINE_PATHS:  # long lists fold away, still in the page (no JavaScript)
            rest = rs[INLINE_PATHS:MAX_PATHS_PER_REASON]
            more = (f" (showing {MAX_PATHS_PER_REASON})" if len(rs) > MAX_PATHS_PER_REASON else "")
            shown += (f"<details class=\"inline\"><summary>{len(rs) - INLINE_PATHS} more{more}</summary>"
                      + "".join(where(r) for r in rest) + "</details>")
        rows.append([f"<code>{esc(reason)}</code>", esc(stage), _fmt_num(len(rs)), shown])
    out.append(_table([("Reason", ""), ("Stage", ""), ("Records", "num"), ("Files (line, detail)", "")], rows))
    out.append("</section>")
    return "\n".join(out)


def _section_boilerplate(reader, b) -> str:
    out = ['<section id="boilerplate"><h2>Removed as boilerplate</h2>']
    if b["removed_blocks"].relation is None:
        out.append('<p class="muted">No removed-blocks data for this run.</p></section>')
        return "\n".join(out)
    counts = _batch_rows(reader, b["removed_blocks"], "reason, count(*) AS n, count(DISTINCT article_id) AS n_articles, "
                         "sum(length(text)) AS n_chars", "GROUP BY reason ORDER BY n DESC, reason",
                         what="removed blocks")
    if not counts:
        out.append('<p class="muted">The cleaner removed nothing in this run\'s articles.</p></section>')
        return "\n".join(out)
    examples = _batch_rows(
        reader, b["removed_blocks"], "reason, text, article_id",
        "QUALIFY row_number() OVER (PARTITION BY reason ORDER BY length(text) DESC, article_id, block_index) <= ?",
        [EXAMPLES_PER_REASON], what="removed block examples")
    by_reason: dict[str, list[dict]] = {}
    for e in examples:
        by_reason.setdefault(e["reason"], []).append(e)
    total = sum(c["n"] for c in counts)
    out.append(f"<p>{_fmt_num(total)} block(s) cut from the run's articles, by reason. "
               f'<span class="small muted">Source: {esc(b["removed_blocks"].label)}.</span></p>')
    chart = hbar_chart("Removed blocks per reason", [(c["reason"], c["n"], "#8a6fb0") for c in counts[:20]])
    out.append(f'<div class="charts"><div class="chartbox">{chart}</div></div>')
    rows = []
    for c in counts:
        ex = "".join(f'<blockquote class="example">{esc(_short(e["text"]))}</blockquote>'
                     for e in by_reason.get(c["reason"], []))
        rows.append([f"<code>{esc(c['reason'])}</code>", _fmt_num(c["n"]), _fmt_num(c["n_articles"]),
                     _fmt_num(c["n_chars"]), ex])
    table = _table([("Reason", "nowrap"), ("Blocks", "num"), ("Articles", "num"), ("Characters", "num"),
                    (f"Examples (up to {EXAMPLES_PER_REASON}, longest first)", "")], rows)
    out.append(f"<details{' open' if len(counts) <= 10 else ''}><summary>Counts and examples for each of the "
               f"{len(counts)} reason(s)</summary>{table}</details>")
    out.append("</section>")
    return "\n".join(out)


def _section_events(reader, b, status) -> tuple[str, list[str]]:
    """Charts per type and per day; returns (html, event ids of this run's mentions)."""
    out = ['<section id="events"><h2>Events extracted</h2>']
    m = b["event_mentions"]
    n_articles = _batch_rows(reader, b["articles"], "count(*) AS n, count(DISTINCT language) AS langs",
                             what="articles")
    n_art = n_articles[0]["n"] if n_articles else 0
    if m.relation is None:
        out.append(f'<p class="muted">No event mentions for this run ({_fmt_num(n_art)} article(s)).</p></section>')
        return "\n".join(out), []
    per_type = _batch_rows(reader, m, "event_type, any_value(quad_class) AS quad_class, count(*) AS n, "
                           "count(*) FILTER (WHERE status IN ('asserted','future')) AS n_pub, "
                           "count(DISTINCT event_id) AS n_events",
                           "GROUP BY event_type ORDER BY n DESC, event_type", what="mentions per type")
    per_status = _batch_rows(reader, m, "status, count(*) AS n", "GROUP BY status ORDER BY n DESC", what="status")
    per_day = _batch_rows(reader, m, "event_date, count(*) AS n, count(DISTINCT event_id) AS n_events",
                          "WHERE event_date IS NOT NULL GROUP BY event_date ORDER BY event_date", what="mentions per day")
    undated = _batch_rows(reader, m, "count(*) AS n", "WHERE event_date IS NULL", what="undated mentions")
    ids = [r["event_id"] for r in _batch_rows(reader, m, "DISTINCT event_id", "WHERE event_id IS NOT NULL",
                                              what="event ids")]
    total = sum(r["n"] for r in per_type)
    if not total:
        out.append('<p class="muted">No event mentions were extracted from this run\'s articles.</p></section>')
        return "\n".join(out), ids
    out.append(f'<p>{_fmt_num(total)} mention(s) of {len(per_type)} PLOVER type(s) in {_fmt_num(n_art)} article(s). '
               + ", ".join(f"{esc(s['status'])}: {_fmt_num(s['n'])}" for s in per_status)
               + f'. <span class="small muted">Source: {esc(m.label)}.</span></p>')
    if status != "published":
        out.append('<p class="small muted">Mentions are merged into events when a batch is published; '
                   "this batch was not, so it has no events.</p>")
    used = {r["quad_class"] for r in per_type}
    legend = {k: v for k, v in QUAD_COLORS.items() if k in used}
    type_chart = hbar_chart("Event mentions per PLOVER type",
                            [(r["event_type"], r["n"], QUAD_COLORS.get(r["quad_class"], DEFAULT_COLOR))
                             for r in per_type], legend=legend or None)
    days = per_day[-MAX_DAYS_CHARTED:]
    day_chart = column_chart("Event mentions per event day (days with mentions)" + (f" (latest {MAX_DAYS_CHARTED} days)"
                                                               if len(per_day) > MAX_DAYS_CHARTED else ""),
                             [(str(r["event_date"]), r["n"]) for r in days])
    out.append('<div class="charts">' + f'<div class="chartbox">{type_chart}</div>'
               + (f'<div class="chartbox">{day_chart}</div>' if day_chart else "") + "</div>")
    n_undated = undated[0]["n"] if undated else 0
    if per_day or n_undated:
        out.append(f'<p class="small muted">{_fmt_num(len(per_day))} distinct event day(s)'
                   + (f", from {esc(per_day[0]['event_date'])} to {esc(per_day[-1]['event_date'])}" if per_day else "")
                   + f"; {_fmt_num(n_undated)} mention(s) without a date.</p>")
    out.append(_table([("Type", ""), ("Quad class", ""), ("Mentions", "num"), ("Asserted/future", "num"),
                       ("Events", "num")],
                      [[f"<code>{esc(r['event_type'])}</code>", esc(r["quad_class"]), _fmt_num(r["n"]),
                        _fmt_num(r["n_pub"]), _fmt_num(r["n_events"])] for r in per_type]))
    out.append("</section>")
    return "\n".join(out), ids


def _section_audit(settings, run_id, audit, audit_success, report_dir) -> str:
    out = ['<section id="dq"><h2>Data quality (Great Expectations)</h2>']
    results = audit["results"]
    index = audit.get("data_docs_index")
    if not index and (Path(settings.data_docs_dir) / "index.html").exists():
        index = Path(settings.data_docs_dir) / "index.html"
    links = []
    if audit.get("run_page"):
        links.append(f'<a class="datadocs" href="{esc(_href(audit["run_page"], report_dir))}">'
                     "this run's validation page</a>")
    if index:
        links.append(f'<a class="datadocs" href="{esc(_href(index, report_dir))}">Data Docs index</a>')
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
    out.append(f'<p>{_audit_badge(audit_success)} {len(results) - len(failed)} of {len(results)} expectations met; '
               f"{len(blocking)} failed{f', {len(warnings)} warning(s) (reported, not blocking)' if warnings else ''}. "
               f'<span class="small muted">Source: {esc(audit["source"])}.</span></p>')
    if links:
        out.append("<p>GX Data Docs: " + " · ".join(links) + "</p>")
    suites: dict[str, list[dict]] = {}
    for r in results:
        suites.setdefault(str(r.get("suite")), []).append(r)
    pages = _suite_pages(settings, run_id, list(suites), audit)
    summary_rows = []
    for suite, rs in sorted(suites.items(), key=lambda kv: (all(r.get("success") for r in kv[1]), kv[0])):
        bad = [r for r in rs if not r.get("success")]
        page = pages.get(suite)
        link = (f'<a class="datadocs" href="{esc(_href(page, report_dir))}">Data Docs</a>' if page else "–")
        summary_rows.append([f"<a href=\"#suite-{esc(suite)}\"><code>{esc(suite)}</code></a>",
                             _fmt_num(len(rs) - len(bad)), _fmt_num(len(bad)),
                             _badge("passed", "ok") if not bad else _badge("failed", "bad"), link])
    out.append(_table([("Suite", ""), ("Passed", "num"), ("Failed", "num"), ("Outcome", ""), ("Validation page", "")],
                      summary_rows))
    for suite, rs in sorted(suites.items()):
        bad = [r for r in rs if not r.get("success")]
        if not bad:
            continue
        page = pages.get(suite) or audit.get("run_page")
        link = (f'<a class="datadocs" href="{esc(_href(page, report_dir))}">open in Data Docs</a>' if page else "")
        out.append(f'<div class="suite" id="suite-{esc(suite)}"><h3><code>{esc(suite)}</code> '
                   f'{_badge(f"{len(rs) - len(bad)}/{len(rs)} passed", "ok" if not bad else "bad")}'
                   f'<span class="links">{link}</span></h3>')
        if bad:
            out.append(_table([("Failed expectation", ""), ("Column", ""), ("Unexpected", "num"), ("Detail", "")],
                              [[f"<code>{esc(r.get('expectation'))}</code>", esc(r.get("column_name") or "–"),
                                _fmt_num(r.get("unexpected")), esc(_short(r.get("detail"), 500))] for r in bad]))
        out.append("</div>")
    met = [r for r in results if r.get("success")]
    if met:
        out.append(f"<details><summary>{len(met)} expectation(s) met</summary>"
                   + _table([("Suite", ""), ("Expectation", ""), ("Column", "")],
                            [[f"<code>{esc(r.get('suite'))}</code>", f"<code>{esc(r.get('expectation'))}</code>",
                              esc(r.get("column_name") or "–")] for r in met]) + "</details>")
    out.append("</section>")
    return "\n".join(out)


def _section_published(reader, run, status, event_ids) -> str:
    out = ['<section id="published"><h2>What was published</h2>']
    if status == "audit_failed":
        out.append('<div class="banner bad">Nothing: the audit failed, so this batch was not published. '
                   "The curated views still show the previous publish.</div>")
    elif status == "failed":
        out.append('<div class="banner bad">Nothing: the run failed before publishing.</div>')
    elif status == "nothing_new":
        out.append('<p class="muted">Nothing new was published by this run.</p>')
    elif status == "published":
        out.append(_cards([("files", run.get("n_files")), ("documents", run.get("n_documents")),
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
        out.append("<h3>The warehouse now (all runs)</h3>" + _cards(list(totals.items())))
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
                     _fmt_num(e["n_mentions"]), _fmt_num(e["n_sources"]), f"{float(e['confidence'] or 0):.2f}"]
                    for e in top]
            out.append(f"<h3>{esc(heading)}</h3>" + _table(
                [("Date", ""), ("Type", ""), ("Actor", ""), ("Recipient", ""), ("Where", ""), ("Mentions", "num"),
                 ("Sources", "num"), ("Confidence", "num")], rows))
        else:
            out.append('<p class="muted">curated.events is empty: no events have been published yet.</p>')
    else:
        out.append('<p class="muted">The warehouse has no curated views yet.</p>')
    out.append("</section>")
    return "\n".join(out)


def render_run_report(settings: Settings, run_id: str, out_path: Path) -> str:
    reader = _Reader(settings)
    try:
        run = _run_row(reader, run_id)
        status = run.get("status") if run else None
        b, _ = _resolve_batches(reader, settings, run_id, status)
        run = run or {"status": "unknown"}
        audit = _load_audit(settings, run_id, reader)
        audit_success = run.get("audit_success")
        if audit_success is None and audit.get("source") == "audit.json":
            audit_success = audit.get("success")
        origin = None
        if status and status != "published":
            labels = sorted({x.label for x in b.values() if x.relation is not None})
            if labels:
                origin = "Batch data read from: " + ", ".join(labels) + "."
        report_dir = out_path.parent
        glance = [(label, _count(reader, b[name].relation, b[name].params) if b[name].relation else 0)
                  for label, name in (("new files", "source_files"), ("new documents", "documents"),
                                      ("quarantined", "quarantine"), ("articles", "articles"),
                                      ("boilerplate blocks", "removed_blocks"), ("event mentions", "event_mentions"))]
        input_html = _section_input(reader, b, run)
        quarantine_html = _section_quarantine(reader, b, settings, run_id, status)
        boiler_html = _section_boilerplate(reader, b)
        events_html, event_ids = _section_events(reader, b, status)
        audit_html = _section_audit(settings, run_id, audit, audit_success, report_dir)
        published_html = _section_published(reader, run, status, event_ids)
        n_failed = sum(1 for r in audit["results"] if not r.get("success"))
        glance += [("events", len(event_ids)), ("failed expectations", n_failed if audit["results"] else None)]
        head = _section_header(run, run_id, audit, audit_success, origin) + _cards(glance)
        notes = reader.notes
    finally:
        reader.close()
    index_href = _href(Path(settings.reports_dir) / "index.html", report_dir)
    status_txt = run.get("status") or "unknown"
    header = (
        f'<div class="sub"><a href="{esc(index_href)}">← all runs</a> · newsevents run report</div>'
        f"<h1>Run {esc(run_id)}</h1>"
        f'<div>{_badge(status_txt, STATUS_CLASS.get(status_txt, "neutral"))} {_audit_badge(audit_success)}</div>'
        '<nav class="toc"><a href="#input">Input</a><a href="#quarantine">Quarantine</a>'
        '<a href="#boilerplate">Boilerplate</a><a href="#events">Events</a><a href="#dq">Data quality</a>'
        '<a href="#published">Published</a></nav>'
    )
    notes_html = ("<h2>Notes</h2><ul class=\"notes\">" + "".join(f"<li>{esc(n)}</li>" for n in notes) + "</ul>"
                  if notes else "")
    body = "\n".join([head, input_html, quarantine_html, boiler_html, events_html, audit_html, published_html,
                      notes_html])
    return _page(f"newsevents run {run_id} — {status_txt}", header, body)


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
def render_index(settings: Settings, current: str | None = None) -> str:
    reports_dir = Path(settings.reports_dir)
    reader = _Reader(settings)
    try:
        runs = reader.rows(
            "SELECT run_id, started_at, finished_at, status, trigger, n_files, n_documents, n_quarantined, "
            "n_articles, n_mentions, n_events, audit_success, data_docs_path, error "
            "FROM ops.runs ORDER BY started_at DESC, run_id DESC", [], "ops.runs") if reader.has("ops.runs") else []
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
        link = f'<a href="{esc(_href(report, reports_dir))}">{name}</a>' if report.exists() or r["run_id"] == current \
            else name
        docs = (f'<a class="datadocs" href="{esc(_href(r["data_docs_path"], reports_dir))}">Data Docs</a>'
                if r.get("data_docs_path") else "–")
        status = r["status"] or "unknown"
        err = f'<div class="small muted">{esc(_short(r["error"], 160))}</div>' if r.get("error") else ""
        rows.append([link + err, esc(_ts(r["started_at"])), esc(_duration(r["started_at"], r["finished_at"])),
                     _badge(status, STATUS_CLASS.get(status, "neutral")), _audit_badge(r["audit_success"]),
                     esc(r["trigger"] or "–"), _fmt_num(r["n_files"]), _fmt_num(r["n_documents"]),
                     _fmt_num(r["n_quarantined"]), _fmt_num(r["n_mentions"]), _fmt_num(r["n_events"]), docs])
    for p in orphans:
        rows.append([f'<a href="{esc(_href(p, reports_dir))}"><code>{esc(p.stem)}</code></a>',
                     esc(_ts(datetime.utcfromtimestamp(p.stat().st_mtime).replace(microsecond=0))), "–",
                     _badge("not in ops.runs", "neutral"), _audit_badge(None), "–", "–", "–", "–", "–", "–", "–"])
    data_docs_index = Path(settings.data_docs_dir) / "index.html"
    latest = runs[0] if runs else None
    parts = []
    if latest:
        parts.append(_cards([("runs", len(runs)),
                             ("published", sum(r["status"] == "published" for r in runs)),
                             ("audit failed", sum(r["status"] == "audit_failed" for r in runs)),
                             ("failed", sum(r["status"] == "failed" for r in runs)),
                             ("events now", latest.get("n_events") if latest.get("status") == "published" else
                              next((r["n_events"] for r in runs if r["status"] == "published"), None))]))
    links = []
    if data_docs_index.exists():
        links.append(f'<a class="datadocs" href="{esc(_href(data_docs_index, reports_dir))}">'
                     "Great Expectations Data Docs (all validations)</a>")
    if links:
        parts.append("<p>" + " · ".join(links) + "</p>")
    parts.append("<h2>Runs, latest first</h2>")
    parts.append(_table([("Run", "nowrap"), ("Started", "nowrap"), ("Duration", "nowrap"), ("Status", ""), ("Audit", ""),
                         ("Trigger", ""), ("Files", "num"), ("Docs", "num"), ("Quarantined", "num"),
                         ("Mentions", "num"), ("Events", "num"), ("Data Docs", "nowrap")], rows,
                        empty="No runs recorded yet."))
    if notes:
        parts.append("<ul class=\"notes\">" + "".join(f"<li>{esc(n)}</li>" for n in notes) + "</ul>")
    header = ('<div class="sub">newsevents</div><h1>Pipeline runs</h1>'
              f'<div class="sub">Warehouse <code>{esc(settings.warehouse)}</code></div>')
    return _page("newsevents — pipeline runs", header, "\n".join(parts))


def write_index(settings: Settings, current: str | None = None) -> Path:
    out = Path(settings.reports_dir) / "index.html"
    _write_atomic(out, render_index(settings, current))
    return out


__all__ = ["write_run_report", "write_index", "render_run_report", "render_index", "hbar_chart", "column_chart",
           "esc"]
