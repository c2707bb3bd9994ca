"""Accessible inline SVG charts (no JavaScript): horizontal bars and columns."""
from __future__ import annotations

from pipeline.quality.report.html import esc, fmt_num

QUAD_COLORS = {
    "verbal cooperation": "#4e9a6b",
    "material cooperation": "#2f6f9f",
    "verbal conflict": "#e0912f",
    "material conflict": "#c0392b",
}


DEFAULT_COLOR = "#6b7a8f"




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
                   f'text-anchor="middle">{esc(fmt_num(tick))}</text>')
    for i, (label, value, color) in enumerate(items):
        y = top + i * (bar_h + gap)
        w = max(plot_w * value / vmax, 1.5 if value else 0)
        out.append(f'<text class="label" x="{label_w - 8}" y="{y + bar_h * 0.7:.1f}" text-anchor="end">{esc(label)}</text>')
        out.append(f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{bar_h}" rx="3" fill="{esc(color)}">'
                   f"<title>{esc(label)}: {esc(fmt_num(value))}{esc(unit)}</title></rect>")
        out.append(f'<text class="value" x="{label_w + w + 6:.1f}" y="{y + bar_h * 0.7:.1f}">{esc(fmt_num(value))}</text>')
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
        out.append(f'<text class="tick" x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{esc(fmt_num(tick))}</text>')
    for i, (label, value) in enumerate(items):
        x = left + i * slot + (slot - bar_w) / 2
        h = plot_h * value / vmax
        out.append(f'<rect x="{x:.1f}" y="{top + plot_h - h:.1f}" width="{bar_w:.1f}" height="{h:.1f}" rx="2" '
                   f'fill="{esc(color)}"><title>{esc(label)}: {esc(fmt_num(value))}{esc(unit)}</title></rect>')
        if len(items) <= 31:
            out.append(f'<text class="value" x="{x + bar_w / 2:.1f}" y="{top + plot_h - h - 4:.1f}" '
                       f'text-anchor="middle">{esc(fmt_num(value))}</text>')
        if i % every == 0:
            cx, cy = x + bar_w / 2, top + plot_h + 10
            out.append(f'<text class="tick" x="{cx:.1f}" y="{cy:.1f}" text-anchor="end" '
                       f'transform="rotate(-45 {cx:.1f} {cy:.1f})">{esc(label)}</text>')
    out.append(f'<line class="axis" x1="{left}" y1="{top + plot_h}" x2="{width - right}" y2="{top + plot_h}"/>')
    out.append("</svg>")
    return "\n".join(out)
