"""The `newsevents` arguments: one sub-command per job, each with examples in its --help."""
from __future__ import annotations

import argparse
import sys

from pipeline.cli import commands, exit_codes, warehouse_commands


class Parser(argparse.ArgumentParser):
    """argparse with usage errors on exit code 64 (argparse's own 2 means "audit failed" here)."""

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(exit_codes.USAGE, f"{self.prog}: error: {message}\n")


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        ours = version("newsevents")
    except PackageNotFoundError:
        ours = "unknown"
    try:
        duck = version("duckdb")
    except PackageNotFoundError:
        duck = "?"
    return f"newsevents {ours} (duckdb {duck}; warehouse files open in the DuckDB CLI/clients 1.5.x)"


def _examples(*lines: str) -> str:
    return "examples:\n" + "\n".join(f"  {line}" for line in lines)


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="newsevents",
        description="News dumps -> clean articles -> PLOVER events in DuckDB, audited by Great Expectations.",
        epilog=_examples(
            "newsevents run samples/                 # the whole pipeline into var/warehouse.duckdb",
            "newsevents tables                       # what there is to query, with descriptions",
            "newsevents sql \"SELECT * FROM curated.events LIMIT 5\"",
            "newsevents report                       # the latest runs and their reports",
        ) + "\n\n" + exit_codes.epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=_version())
    parser.add_argument("--debug", action="store_true", help="print tracebacks and INFO logs (quiet by default)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, help_text: str, examples: tuple[str, ...], func) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text, epilog=_examples(*examples),
                           formatter_class=argparse.RawDescriptionHelpFormatter)
        p.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
        p.set_defaults(func=func)
        return p

    p = add("run", "the whole pipeline on a landing folder, into the warehouse",
            ("newsevents run                          # $NEWSEVENTS_LANDING or samples/",
             "newsevents run ~/dumps --wait 60        # wait up to 60 s for another run to finish",
             "exit 0 published, 2 audit failed, 3 nothing new, 4 another run holds the warehouse"),
            commands.cmd_run)
    p.add_argument("landing", nargs="?", help="landing folder (default: $NEWSEVENTS_LANDING or samples/)")
    p.add_argument("--warehouse", help="DuckDB file (default: $NEWSEVENTS_WAREHOUSE or var/warehouse.duckdb)")
    p.add_argument("--settle", type=float, help="seconds a file must be unchanged before it is read (default 2)")
    p.add_argument("--wait", type=float, default=0.0, help="seconds to wait for another run to finish (default 0)")
    p.add_argument("--quiet", action="store_true", help="do not print the top events")

    p = add("clean", "clean dumps: JSONL {source,title,published,language,body} per article",
            ("newsevents clean samples/ > articles.jsonl",
             "cat page.html | newsevents clean -       # - reads one document from stdin"),
            commands.cmd_clean)
    p.add_argument("paths", nargs="+", help="files or folders (.txt, .html, .jsonl), or - for stdin")

    p = add("extract", "extract event mentions (stateless, no warehouse): JSONL, one mention a line",
            ("newsevents extract samples/fr_*.txt",
             "newsevents extract --published 2026-02-04 --lang fr - < article.txt"),
            commands.cmd_extract)
    p.add_argument("paths", nargs="+", help="files or folders (.txt, .html, .jsonl), or - for stdin")
    p.add_argument("--published", help="reference date YYYY-MM-DD for relative dates (default: the article's)")
    p.add_argument("--lang", choices=["fr", "en", "auto"], default="auto", help="language (default: detected)")

    p = add("eval", "score predictions against gold (events, or cleaned bodies with --bodies)",
            ("newsevents extract seeds/*.txt | newsevents eval --gold seed_events.jsonl -",
             "newsevents clean seeds/*.txt | newsevents eval --bodies gold/bodies -"),
            commands.cmd_eval)
    p.add_argument("predictions", help="JSONL predictions file, or - for stdin")
    p.add_argument("--gold", help="gold events JSONL (format of shared/gold/seed_events.jsonl)")
    p.add_argument("--bodies", help="folder of gold bodies <doc>.txt: score `newsevents clean` output instead")
    p.add_argument("--articles", help="with --bodies: gold articles.jsonl to check titles and dates")
    p.add_argument("--min-f1", type=float, help="exit 1 when F1 is below this")
    p.add_argument("--json", help="also write the full result as JSON here")

    p = add("dates", "temporal expressions in a text: JSONL {text,start,end,value,precision}",
            ("echo 'Le 3 mars, puis mardi dernier.' | newsevents dates --reference 2026-03-10 -",),
            commands.cmd_dates)
    p.add_argument("path", help="text file, or - for stdin")
    p.add_argument("--reference", help="reference date YYYY-MM-DD for relative expressions")
    p.add_argument("--lang", choices=["fr", "en"], default="fr", help="language of the text (default fr)")

    p = add("report", "latest runs: what each brought in, its audit outcome, its report; then the warehouse totals",
            ("newsevents report --limit 3",
             "newsevents report --open --data-docs    # the latest run's GX validation page in a browser"),
            commands.cmd_report)
    p.add_argument("--limit", type=int, default=10, metavar="N", help="how many runs to list, latest first (default 10)")
    p.add_argument("--open", action="store_true", help="open the latest run report in a browser (needs a display)")
    p.add_argument("--data-docs", action="store_true", help="with --open: open the GX Data Docs page instead")

    p = add("sql", "query the warehouse, read-only: one SELECT/WITH/SHOW/DESCRIBE/EXPLAIN/PRAGMA statement",
            ("newsevents sql \"SELECT event_type, count(*) FROM curated.events GROUP BY ALL ORDER BY 2 DESC\"",
             "newsevents sql \"SHOW ALL TABLES\"",
             "newsevents sql \"FROM curated.articles\" --format parquet --output articles.parquet",
             "newsevents sql \"FROM curated.events\" --max-width 0   # no column cut",
             "NULL prints as NULL, an empty string as nothing. COPY, ATTACH, INSTALL, SET, reading files",
             "or URLs are refused (exit 77); a wrong name exits 65 with DuckDB's suggestion."),
            warehouse_commands.cmd_sql)
    p.add_argument("query", help="one read-only SQL statement, e.g. \"SELECT * FROM curated.events LIMIT 5\"")
    p.add_argument("--format", choices=["table", "csv", "json", "parquet"], default="table",
                   help="table (default, for people), csv (with a header), json (one object a line), parquet (needs --output)")
    p.add_argument("--output", metavar="FILE", help="write here instead of stdout (required for parquet)")
    p.add_argument("--max-width", type=int, default=60, metavar="N",
                   help="table format: cut cells longer than N characters (default 60; 0: never cut)")
    p.add_argument("--wait", type=float, default=None, metavar="SECONDS",
                   help="wait this long while a run writes the warehouse (default $NEWSEVENTS_LOCK_WAIT_SECONDS, 30)")

    p = add("tables", "the tables and views to query, with their descriptions (SHOW TABLES lists none: all are in schemas)",
            ("newsevents tables", "newsevents tables --all      # also raw.*, core.*, staging.*, ops.*"),
            warehouse_commands.cmd_tables)
    p.add_argument("--all", action="store_true", help="every schema, not only curated.*")

    p = add("describe", "the columns of a table or view with their types and descriptions",
            ("newsevents describe events                # = curated.events", "newsevents describe raw.documents"),
            warehouse_commands.cmd_describe)
    p.add_argument("table", help="table or view, schema-qualified or in curated (e.g. events, core.articles)")

    p = add("export", "write the curated views as Parquet files (comments in their metadata and data_dictionary.json)",
            ("newsevents export --output /srv/share/newsevents",),
            warehouse_commands.cmd_export)
    p.add_argument("--output", help="folder (default var/export)")

    p = add("migrate", "move a warehouse written by another DuckDB version (e.g. 2.0) to this one: export, rebuild",
            ("python -m venv /tmp/duckdb2 && /tmp/duckdb2/bin/pip install duckdb==2.0.0",
             "newsevents migrate --old-python /tmp/duckdb2/bin/python    # exports, rebuilds, swaps in",
             "newsevents migrate --from-export DIR    # DIR written by EXPORT DATABASE 'DIR' (FORMAT parquet)",
             "The old file is kept as <warehouse>.pre-migration."),
            warehouse_commands.cmd_migrate)
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--old-python", metavar="PYTHON",
                        help="an interpreter whose duckdb reads the old file (it runs EXPORT DATABASE)")
    source.add_argument("--from-export", metavar="DIR", help="a folder written by EXPORT DATABASE ... (FORMAT parquet)")
    p.add_argument("--warehouse", help="DuckDB file (default: $NEWSEVENTS_WAREHOUSE or var/warehouse.duckdb)")
    p.add_argument("--export-dir", metavar="DIR", help="with --old-python: where to export (default <warehouse>.export)")

    p = add("reprocess", "re-clean and re-extract every ingested document (new rules), in audited slices",
            ("newsevents reprocess",), commands.cmd_reprocess)

    p = add("bench", "throughput and memory benchmark against the naive spaCy baseline",
            ("newsevents bench",), commands.cmd_bench)
    from pipeline.lab.bench import add_arguments as add_bench_arguments  # stdlib-only module: cheap

    add_bench_arguments(p)
    return parser
