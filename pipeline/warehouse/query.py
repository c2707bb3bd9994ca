"""Publish: what users read — read-only queries and Parquet snapshots of the curated views.

Readers should not hold the DuckDB file open while a run publishes (DuckDB allows one writing
process; a reader's connection blocks the writer and vice versa). Two safe ways to read:
`newsevents sql` opens the file read-only for the length of one query, and `newsevents export`
writes the curated views as Parquet files (written to a temp folder, then renamed into place)
that any tool can read at any time.
"""
from __future__ import annotations

import csv
import json
import shutil
import sys
from pathlib import Path

from pipeline.warehouse.connection import connect

CURATED_VIEWS = ("events", "event_mentions", "articles", "daily_dyads", "actor_timeline", "quarantine", "runs")


def run_query(warehouse: Path, query: str, fmt: str = "table", output: str | None = None) -> int:

    if not Path(warehouse).exists():
        print(f"no warehouse at {warehouse}: run `newsevents run` first", file=sys.stderr)
        return 1
    with connect(warehouse, read_only=True) as con:
        relation = con.sql(query)
        if relation is None:
            return 0
        if fmt == "parquet":
            if not output:
                print("--format parquet needs --output FILE", file=sys.stderr)
                return 2
            relation.write_parquet(output)
            return 0
        columns, rows = relation.columns, relation.fetchall()
    out = open(output, "w", newline="", encoding="utf-8") if output else sys.stdout
    try:
        if fmt == "csv":
            writer = csv.writer(out)
            writer.writerow(columns)
            writer.writerows(rows)
        elif fmt == "json":
            for row in rows:
                out.write(json.dumps(dict(zip(columns, row)), ensure_ascii=False, default=str) + "\n")
        else:
            out.write(format_table(columns, rows) + "\n")
    finally:
        if output:
            out.close()
    return 0


def format_table(columns: list[str], rows: list[tuple], max_width: int = 60) -> str:
    def cell(value) -> str:
        text = "" if value is None else str(value)
        text = text.replace("\n", " ")
        return text if len(text) <= max_width else text[: max_width - 1] + "…"

    cells = [[cell(v) for v in row] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    line = lambda values: " | ".join(v.ljust(w) for v, w in zip(values, widths))  # noqa: E731
    parts = [line(columns), "-+-".join("-" * w for w in widths)] + [line(r) for r in cells]
    parts.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(parts)


def export_curated(warehouse: Path, out_dir: Path) -> list[Path]:
    """Write every curated view as Parquet into out_dir, replacing the previous export atomically."""

    out_dir = Path(out_dir)
    tmp = out_dir.with_name(out_dir.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    with connect(warehouse, read_only=True) as con:
        for view in CURATED_VIEWS:
            con.sql(f"SELECT * FROM curated.{view}").write_parquet(str(tmp / f"{view}.parquet"))
    old = out_dir.with_name(out_dir.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if out_dir.exists():
        out_dir.rename(old)
    tmp.rename(out_dir)
    shutil.rmtree(old, ignore_errors=True)
    return sorted(out_dir.glob("*.parquet"))
