"""HTML building blocks of the reports: escaping, badges, tables, the page shell (CSS from
pipeline/quality/templates/report.css, inlined so a report is one self-contained file)."""
from __future__ import annotations

import html
import os
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
CSS = (TEMPLATES / "report.css").read_text(encoding="utf-8")


STATUS_CLASS = {
    "published": "ok", "nothing_new": "neutral", "audit_failed": "bad", "failed": "bad", "running": "warn",
}


EXAMPLE_CHARS = 240


def esc(value) -> str:
    """HTML-escape anything (None -> empty)."""
    if value is None:
        return ""
    return html.escape(str(value), quote=True)


def href(target: Path | str | None, base_dir: Path) -> str | None:
    """Relative URL from base_dir to target (a filesystem path), percent-encoded."""
    if not target:
        return None
    target = Path(str(target).removeprefix("file://"))
    try:
        rel = os.path.relpath(target.resolve(), Path(base_dir).resolve())
    except ValueError:  # other drive
        return target.resolve().as_uri()
    return "/".join(quote(part) for part in Path(rel).parts)


def badge(text: str, cls: str) -> str:
    return f'<span class="badge {esc(cls)}">{esc(text)}</span>'


def audit_badge(success) -> str:
    if success is True:
        return badge("audit passed", "ok")
    if success is False:
        return badge("audit FAILED", "bad")
    return badge("no audit", "neutral")


def html_table(headers: list[tuple[str, str]], rows: list[list[str]], empty: str = "None.") -> str:
    """headers = [(title, css class)]; row cells are already-escaped HTML."""
    if not rows:
        return f'<p class="muted">{esc(empty)}</p>'
    head = "".join(f'<th class="{c}">{esc(t)}</th>' for t, c in headers)
    body = "".join(
        "<tr>" + "".join(f'<td class="{headers[i][1]}">{cell}</td>' for i, cell in enumerate(r)) + "</tr>"
        for r in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def ts(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S") + " UTC"
    return str(value)


def duration(start, end) -> str:
    if not isinstance(start, datetime) or not isinstance(end, datetime):
        return "–"
    secs = (end - start).total_seconds()
    if secs < 60:
        return f"{secs:.1f} s"
    if secs < 3600:
        return f"{int(secs // 60)} min {int(secs % 60)} s"
    return f"{int(secs // 3600)} h {int(secs % 3600 // 60)} min"


def short(text, n: int = EXAMPLE_CHARS) -> str:
    text = " ".join(str(text or "").split())
    return text if len(text) <= n else text[: n - 1] + "…"


def page(title: str, header_html: str, body_html: str) -> str:
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f'<header class="top"><div class="inner">{header_html}</div></header>\n'
        f"<main>\n{body_html}\n<footer>Generated {esc(ts(datetime.utcnow().replace(microsecond=0)))} by "
        "pipeline/quality/report/ — static file, no network needed.</footer>\n</main>\n</body>\n</html>\n"
    )


def cards(items: list[tuple[str, object]]) -> str:
    return '<div class="cards">' + "".join(
        f'<div class="card"><div class="n">{esc(fmt_num(v))}</div><div class="k">{esc(k)}</div></div>'
        for k, v in items
    ) + "</div>"


# ----------------------------------------------------------------------------- SVG charts
def fmt_num(value) -> str:
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
