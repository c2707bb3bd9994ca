"""Accessible inline SVG charts (no JavaScript): horizontal bars, series over time, dates by precision."""
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


# ----------------------------------------------------------------------------- real time axes
def _time_ticks(t0: float, t1: float, max_ticks: int = 6) -> list[tuple[float, str]]:
    """(epoch seconds, label) ticks on round days/months/years between t0 and t1."""
    from datetime import datetime, timedelta, timezone

    span_days = max((t1 - t0) / 86400, 1e-9)
    start = datetime.fromtimestamp(t0, timezone.utc).replace(tzinfo=None)
    out: list[tuple[float, str]] = []
    if span_days <= 2:  # hours
        step = max(1, int(span_days * 24 / max_ticks + 0.999))
        t = start.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
        while (s := t.replace(tzinfo=timezone.utc).timestamp()) <= t1:
            if t.hour % step == 0:
                out.append((s, t.strftime("%d %b %H:00")))
            t += timedelta(hours=1)
    elif span_days <= 200:  # days
        step = next(s for s in (1, 2, 7, 14, 30, 61) if span_days / s <= max_ticks)
        t = start.replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=1)
        first = t
        while (s := t.replace(tzinfo=timezone.utc).timestamp()) <= t1:
            if (t - first).days % step == 0:
                out.append((s, t.strftime("%Y-%m-%d")))
            t += timedelta(days=1)
    elif span_days <= 4 * 366:  # months
        months = span_days / 30.4
        step = next(s for s in (1, 2, 3, 6, 12) if months / s <= max_ticks)
        y, m = start.year, start.month + 1
        while True:
            y, m = (y + 1, 1) if m > 12 else (y, m)
            t = datetime(y, m, 1)
            if (s := t.replace(tzinfo=timezone.utc).timestamp()) > t1:
                break
            if (m - 1) % step == 0:
                out.append((s, t.strftime("%Y-%m")))
            m += 1
    else:  # years
        years = span_days / 365.25
        step = next(s for s in (1, 2, 5, 10, 20, 50) if years / s <= max_ticks)
        y = start.year + 1
        while (s := datetime(y, 1, 1, tzinfo=timezone.utc).timestamp()) <= t1:
            if y % step == 0:
                out.append((s, str(y)))
            y += 1
    return out


def _anchor(x: float, x0: float, x1: float, room: float = 30) -> str:
    """Text anchor of a tick label at x, so labels near the plot's ends are not cut."""
    return "end" if x > x1 - room else ("start" if x < x0 + room else "middle")


def time_series_chart(title: str, series: list[tuple[str, str, list[tuple[float, float, str]]]], *,
                      width: int = 540, percent: bool = False, note: str = "") -> str:
    """Lines with a dot per point on a real time axis. series = [(name, color, [(epoch s, value, tooltip)])];
    a tooltip starting with "!" draws a hollow dot (e.g. a run whose audit failed)."""
    points = [p for _, _, pts in series for p in pts]
    if not points:
        return ""
    top, left, right, plot_h = 34, 50, 14, 150
    legend_h = 20 if len(series) > 1 else 0
    rows = 1
    if legend_h:
        x = 0
        for name, _, _ in series:
            w = 22 + 6.5 * len(name)
            if x and x + w > width:
                rows, x = rows + 1, 0
            x += w + 10
        legend_h = 20 * rows
    height = top + plot_h + 28 + legend_h + (16 if note else 0)
    plot_w = width - left - right
    t0, t1 = min(p[0] for p in points), max(p[0] for p in points)
    if t1 - t0 < 3600:
        t0, t1 = t0 - 1800, t1 + 1800
    pad = (t1 - t0) * 0.03
    t0, t1 = t0 - pad, t1 + pad
    vmax = max(p[1] for p in points)
    if percent:
        top_v = min(1.0, _nice_axis(max(vmax, 0.001) * 100, integer=False)[0] / 100)
        ticks = [top_v * i / 4 for i in range(5)]
    else:
        ticks = _ticks(vmax)
        top_v = ticks[-1]
    top_v = top_v or 1

    def fx(t: float) -> float:
        return left + plot_w * (t - t0) / (t1 - t0)

    def fy(v: float) -> float:
        return top + plot_h - plot_h * v / top_v

    def label(v: float) -> str:
        return f"{v * 100:.0f}%" if percent else fmt_num(v)

    out = _svg_open(width, height, title)
    for tick in ticks:
        out.append(f'<line class="grid" x1="{left}" y1="{fy(tick):.1f}" x2="{width - right}" y2="{fy(tick):.1f}"/>')
        out.append(f'<text class="tick" x="{left - 6}" y="{fy(tick) + 4:.1f}" text-anchor="end">{esc(label(tick))}</text>')
    for t, text in _time_ticks(t0, t1):
        out.append(f'<line class="grid" x1="{fx(t):.1f}" y1="{top + plot_h}" x2="{fx(t):.1f}" y2="{top + plot_h + 4}"/>')
        out.append(f'<text class="tick" x="{fx(t):.1f}" y="{top + plot_h + 17}" '
                   f'text-anchor="{_anchor(fx(t), left, width - right)}">{esc(text)}</text>')
    out.append(f'<line class="axis" x1="{left}" y1="{top + plot_h}" x2="{width - right}" y2="{top + plot_h}"/>')
    for name, color, pts in series:
        pts = sorted(pts)
        if len(pts) > 1:
            path = " ".join(f"{fx(t):.1f},{fy(v):.1f}" for t, v, _ in pts)
            out.append(f'<polyline class="series" points="{path}" fill="none" stroke="{esc(color)}" stroke-width="1.8"/>')
        for t, v, tip in pts:
            hollow = tip.startswith("!")
            fill = "#fff" if hollow else color
            out.append(f'<circle cx="{fx(t):.1f}" cy="{fy(v):.1f}" r="3.5" fill="{fill}" stroke="{esc(color)}" '
                       f'stroke-width="1.5" data-t="{t:.0f}" data-v="{v}"><title>{esc(name)}: {esc(label(v))}'
                       f' — {esc(tip.lstrip("!"))}</title></circle>')
    if legend_h:
        x, y = 0.0, top + plot_h + 28 + 14
        for name, color, _ in series:
            w = 22 + 6.5 * len(name)
            if x and x + w > width:
                x, y = 0.0, y + 20
            out.append(f'<rect x="{x:.1f}" y="{y - 10}" width="12" height="12" rx="2" fill="{esc(color)}"/>')
            out.append(f'<text class="tick" x="{x + 16:.1f}" y="{y}">{esc(name)}</text>')
            x += w + 10
    if note:
        out.append(f'<text class="tick" x="0" y="{height - 4}">{esc(note)}</text>')
    out.append("</svg>")
    return "\n".join(out)


PRECISION_COLORS = {"day": "#2f6f9f", "week": "#4e9a6b", "month": "#e0912f", "year": "#8a6fb0"}


def precision_period(day, precision: str | None):
    """(first, last) day of the period a stored date of this precision stands for."""
    import calendar
    from datetime import date, timedelta

    if precision == "week":
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=6)
    if precision == "month":
        return date(day.year, day.month, 1), date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])
    if precision == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    return day, day


def precision_timeline(title: str, items: list[tuple[str, object, float]], *, width: int = 1080,
                       max_days: int = 400) -> str:
    """Event dates on a real time axis, one lane per precision: a day is a bar on its day, a week,
    month or year a block over the whole period (the stored day is only a convention), so gaps show.
    items = [(precision, stored date, count)]; only the latest `max_days` are drawn (the rest is
    counted in a note)."""
    from datetime import datetime, timedelta, timezone

    if not items:
        return ""
    spans = [(p or "day", *precision_period(d, p or "day"), n, d) for p, d, n in items]
    end = max(s[2] for s in spans) + timedelta(days=1)
    start = max(min(s[1] for s in spans), end - timedelta(days=max_days))
    drawn = [s for s in spans if s[2] >= start]
    left_out = sum(s[3] for s in spans if s[2] < start)
    lanes = [p for p in PRECISION_COLORS if any(s[0] == p for s in drawn)]
    top, left, right, lane_h, gap = 34, 64, 14, 56, 10
    height = top + len(lanes) * (lane_h + gap) + 26 + (16 if left_out else 0)
    plot_w = width - left - right

    def epoch(d) -> float:
        return datetime(d.year, d.month, d.day, tzinfo=timezone.utc).timestamp()

    t0, t1 = epoch(start), epoch(end)

    def fx(d) -> float:
        return left + plot_w * (epoch(max(d, start)) - t0) / (t1 - t0)

    out = _svg_open(width, height, title)
    base = top + len(lanes) * (lane_h + gap)
    for t, text in _time_ticks(t0, t1):
        x = left + plot_w * (t - t0) / (t1 - t0)
        out.append(f'<line class="grid" x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{base}"/>')
        out.append(f'<text class="tick" x="{x:.1f}" y="{base + 16}" text-anchor="{_anchor(x, left, width - right)}">'
                   f"{esc(text)}</text>")
    for i, lane in enumerate(lanes):
        y0 = top + i * (lane_h + gap)
        rows = [s for s in drawn if s[0] == lane]
        vmax = max(s[3] for s in rows) or 1
        out.append(f'<text class="label" x="{left - 8}" y="{y0 + lane_h / 2:.1f}" text-anchor="end">{esc(lane)}</text>')
        out.append(f'<text class="tick" x="{left - 8}" y="{y0 + lane_h / 2 + 14:.1f}" text-anchor="end">'
                   f"max {esc(fmt_num(vmax))}</text>")
        out.append(f'<line class="axis" x1="{left}" y1="{y0 + lane_h}" x2="{width - right}" y2="{y0 + lane_h}"/>')
        for prec, first, last, n, stored in sorted(rows, key=lambda s: (s[2] - s[1], s[1]), reverse=True):
            x0, x1 = fx(first), fx(last + timedelta(days=1))
            h = max(lane_h * n / vmax, 2)
            period = str(first) if first == last else f"{first} – {last}"
            out.append(
                f'<rect class="period" x="{x0:.2f}" y="{y0 + lane_h - h:.1f}" width="{max(x1 - x0, 1.5):.2f}" '
                f'height="{h:.1f}" fill="{PRECISION_COLORS[lane]}" fill-opacity="{0.9 if prec == "day" else 0.45}" '
                f'data-precision="{esc(prec)}" data-first="{first}" data-last="{last}" data-n="{n}">'
                f"<title>{esc(period)} ({esc(prec)}, stored as {stored}): {esc(fmt_num(n))}</title></rect>")
    if left_out:
        out.append(f'<text class="tick" x="0" y="{height - 4}">{esc(fmt_num(left_out))} more before {start} '
                   f"(not drawn: the axis shows the latest {max_days} days).</text>")
    out.append("</svg>")
    return "\n".join(out)
