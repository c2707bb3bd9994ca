"""The reading commands (sql, tables, describe, export) and the warehouse move (migrate)."""
from __future__ import annotations

import textwrap
from pathlib import Path

from pipeline.cli import exit_codes
from pipeline.cli.commands import progress
from pipeline.cli.errors import CliError


def cmd_sql(args) -> int:
    from pipeline.core.config import load_settings
    from pipeline.warehouse.query import run_query

    try:
        return run_query(load_settings().warehouse, args.query, args.format, args.output,
                         max_width=args.max_width, wait_seconds=args.wait)
    except ValueError as exc:
        if type(exc).__name__ == "QueryRefused":
            raise
        raise CliError(str(exc), exit_codes.USAGE) from None


def cmd_tables(args) -> int:
    from pipeline.core.config import load_settings
    from pipeline.warehouse.query import catalog, open_reader

    con = open_reader(load_settings().warehouse)
    try:
        entries = catalog(con)
    finally:
        con.close()
    shown = [e for e in entries if args.all or e["schema"] == "curated"]
    width = max([len(f"{e['schema']}.{e['name']}") for e in shown] + [5])
    for entry in shown:
        name = f"{entry['schema']}.{entry['name']}"
        print(f"{name:<{width}}  {entry['kind']:<5}  {entry['comment']}")
    if not args.all:
        print(f"({len(shown)} curated views; `newsevents tables --all` lists raw.*, core.*, staging.*, ops.* too; "
              "`newsevents describe VIEW` shows the columns)")
    return exit_codes.OK


def cmd_describe(args) -> int:
    from pipeline.core.config import load_settings
    from pipeline.warehouse.query import column_comments, object_comment, open_reader

    name = args.table if "." in args.table else f"curated.{args.table}"
    con = open_reader(load_settings().warehouse)
    try:
        try:
            columns = column_comments(con, name)
        except LookupError as exc:
            raise CliError(str(exc), exit_codes.QUERY_ERROR) from None
        comment = object_comment(con, name)
    finally:
        con.close()
    print(name + (f" — {comment}" if comment else ""))
    cw = max(len(c["column"]) for c in columns)
    tw = max(len(c["type"]) for c in columns)
    for c in columns:
        lead = f"  {c['column']:<{cw}}  {c['type']:<{tw}}  {'' if c['nullable'] else 'NOT NULL':<8}  "
        lines = textwrap.wrap(c["comment"], 100 - len(lead)) or [""]
        print(lead + lines[0])
        for more in lines[1:]:
            print(" " * len(lead) + more)
    return exit_codes.OK


def cmd_export(args) -> int:
    from pipeline.core.config import load_settings
    from pipeline.warehouse.query import WarehouseMissing, export_curated

    settings = load_settings()
    if not settings.warehouse.exists():
        raise WarehouseMissing(f"no warehouse at {settings.warehouse}: run `newsevents run` first")
    out = Path(args.output) if args.output else settings.home / "var" / "export"
    for path in export_curated(settings.warehouse, out):
        print(path)
    print(out / "data_dictionary.json")
    return exit_codes.OK


def cmd_migrate(args) -> int:
    from pipeline.core.config import load_settings
    from pipeline.run.lock import warehouse_lock
    from pipeline.warehouse.migrate import export_with, readable_here, rebuild_from_export

    settings = load_settings(warehouse=Path(args.warehouse).resolve() if args.warehouse else None)
    warehouse = settings.warehouse
    with warehouse_lock(settings):
        if args.old_python:
            if not warehouse.exists():
                raise CliError(f"no warehouse at {warehouse} to migrate", exit_codes.NO_INPUT)
            if readable_here(warehouse) is None:
                progress(f"note: this DuckDB already opens {warehouse}; rebuilding it anyway")
            export_dir = Path(args.export_dir) if args.export_dir else warehouse.with_name(warehouse.name + ".export")
            version = export_with(args.old_python, warehouse, export_dir)
            progress(f"exported {warehouse} with duckdb {version} to {export_dir}")
        else:
            export_dir = Path(args.from_export)
            if not export_dir.is_dir():
                raise CliError(f"no such folder: {export_dir}", exit_codes.USAGE)
        counts = rebuild_from_export(export_dir, warehouse)
    import duckdb

    print(f"rebuilt {warehouse} with duckdb {duckdb.__version__}: {len(counts)} tables, "
          f"{sum(counts.values())} rows")
    for name, n in counts.items():
        print(f"  {name:<28} {n}")
    print(f"the old file is kept as {warehouse.name}.pre-migration (delete it when you are satisfied)")
    return exit_codes.OK
