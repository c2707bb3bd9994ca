"""`newsevents` command line: the same stages the Airflow DAGs run, plus stateless tools.

Output contracts (JSONL field names) are relied on by other tools: keep them exactly.
"""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path


def _progress(message: str) -> None:
    print(f"[newsevents] {message}", file=sys.stderr, flush=True)


def _read_documents(paths: list[str]):
    """Documents from files given on the command line (bad files reported on stderr, not fatal)."""
    from pipeline.core.config import load_settings
    from pipeline.ingest.landing import SUPPORTED, ingest_file

    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.suffix.lower() in SUPPORTED)
        else:
            files = [path]
        for file in files:
            if not file.exists():
                _progress(f"skipped {file}: no such file")
                continue
            _, docs, bad = ingest_file(file, max_file_bytes=load_settings().max_file_bytes)
            for q in bad:
                _progress(f"quarantined {q.source_path}{f' line {q.line_no}' if q.line_no else ''}: {q.reason} ({q.detail})")
            yield from docs


def _emit(record: dict) -> None:
    sys.stdout.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")


# ---------------------------------------------------------------- commands
def cmd_run(args) -> int:
    from pipeline.core.config import load_settings
    from pipeline.run.lock import RunLocked
    from pipeline.run.runner import run_landing

    settings = load_settings(
        landing=Path(args.landing).resolve() if args.landing else None,
        warehouse=Path(args.warehouse).resolve() if args.warehouse else None,
    )
    if args.settle is not None:
        settings = settings.with_overrides(settle_seconds=args.settle)
    try:
        batches = run_landing(settings, trigger="cli", progress=_progress, lock_wait_seconds=args.wait)
    except RunLocked as exc:
        _progress(str(exc))
        return 3
    for result in batches[:-1]:
        print(f"run {result.run_id}: {result.status} ({(result.stages.get('ingest') or {}).get('documents', 0)} documents)")
    result = batches[-1]
    print(f"run {result.run_id}: {result.status}")
    print(f"warehouse:   {result.warehouse}")
    print(f"run report:  {result.report}")
    print(f"data docs:   {result.data_docs}")
    t = result.totals
    print(f"published:   {t.get('articles')} articles, {t.get('mentions')} event mentions, {t.get('events')} events; "
          f"{t.get('quarantined')} quarantined inputs")
    if result.status == "published" and not args.quiet:
        _print_top_events(settings)
    return 0 if result.status == "published" else 2


def _print_top_events(settings) -> None:
    from pipeline.warehouse.connection import connect

    with connect(settings.warehouse, read_only=True) as con:
        rows = con.execute(
            """
            SELECT event_date, event_type, coalesce(actor_name, actor_country) AS actor,
                   coalesce(recipient_name, recipient_country) AS recipient, n_mentions, n_articles
            FROM curated.events ORDER BY n_mentions DESC, event_date DESC NULLS LAST LIMIT 8
            """
        ).fetchall()
    if rows:
        print("most reported events:")
        for d, t, a, r, nm, na in rows:
            print(f"  {str(d or '?'):10}  {t:9}  {a or '?'} -> {r or '?'}  ({nm} mentions, {na} articles)")


def cmd_clean(args) -> int:
    from pipeline.clean import clean_batch, clean_record

    docs = list(_read_documents(args.paths))
    for article in clean_batch(docs):
        _emit(clean_record(article))
    _progress(f"cleaned {len(docs)} documents")
    return 0


def cmd_extract(args) -> int:
    from pipeline.clean import clean_batch
    from pipeline.extract.events import extract_mentions

    published = date.fromisoformat(args.published) if args.published else None
    docs = list(_read_documents(args.paths))
    articles = clean_batch(docs)
    n = 0
    for doc, article in zip(docs, articles):
        language = article.language if args.lang == "auto" else args.lang
        reference = published or article.reference_date
        for mention in extract_mentions(article.doc_id, article.body, language, reference, article.title):
            _emit(mention.to_json(source=doc.source_path if not doc.line_no else f"{doc.source_path}#{doc.line_no}"))
            n += 1
    _progress(f"{n} event mentions from {len(articles)} articles")
    return 0


def cmd_eval(args) -> int:
    lines = (sys.stdin if args.predictions == "-" else open(args.predictions, encoding="utf-8"))
    records = [json.loads(line) for line in lines if line.strip()]
    if args.bodies:
        from pipeline.lab.evaluate_bodies import eval_bodies, print_body_report

        result = eval_bodies(Path(args.bodies), Path(args.articles) if args.articles else None, records)
        print(print_body_report(result))
        ok = result["f1"] >= args.min_f1 if args.min_f1 is not None else True
    else:
        from pipeline.lab.evaluate_events import eval_events, format_eval

        if not args.gold:
            _progress("eval needs --gold FILE (events) or --bodies DIR (cleaning)")
            return 2
        result = eval_events(Path(args.gold), records)
        print(format_eval(result))
        ok = result["f1"] >= args.min_f1 if args.min_f1 is not None else True
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1, default=str, ensure_ascii=False))
    return 0 if ok else 1


def cmd_dates(args) -> int:
    from pipeline.text.temporal import date_mentions_json

    reference = date.fromisoformat(args.reference) if args.reference else None
    text = sys.stdin.read() if args.path == "-" else Path(args.path).read_text(encoding="utf-8")
    for record in date_mentions_json(text, reference, args.lang):
        _emit(record)
    return 0


def cmd_report(args) -> int:
    from pipeline.core.config import load_settings
    from pipeline.warehouse.connection import connect

    settings = load_settings()
    if not settings.warehouse.exists():
        _progress(f"no warehouse yet at {settings.warehouse}: run `newsevents run` first")
        return 1
    with connect(settings.warehouse, read_only=True) as con:
        rows = con.execute(
            """
            SELECT run_id, status, started_at, n_documents, n_quarantined, n_mentions, n_events,
                   audit_success, report_path, data_docs_path, error
            FROM curated.runs LIMIT ?
            """,
            [args.limit],
        ).fetchall()
    for run_id, status, started, ndoc, nq, nm, ne, ok, _report, _docs, error in rows:
        audit = {True: "passed", False: "FAILED", None: "-"}[ok]
        print(f"{run_id}  {status:13} {started:%Y-%m-%d %H:%M}  docs={ndoc or 0} quarantined={nq or 0} "
              f"mentions={nm or 0} events={ne or 0}  audit={audit}")
        if error:
            print(f"    error: {error}")
    if rows:
        latest = rows[0]
        print(f"latest run report: {latest[8]}")
        print(f"latest data docs:  {latest[9]}")
        if args.open:
            import webbrowser

            target = latest[9] if args.data_docs else latest[8]
            if target:
                webbrowser.open(Path(target).resolve().as_uri())
    return 0


def cmd_sql(args) -> int:
    from pipeline.core.config import load_settings
    from pipeline.warehouse.query import run_query

    settings = load_settings()
    return run_query(settings.warehouse, args.query, args.format, args.output)


def cmd_export(args) -> int:
    from pipeline.core.config import load_settings
    from pipeline.warehouse.query import export_curated

    settings = load_settings()
    out = Path(args.output) if args.output else settings.home / "var" / "export"
    for path in export_curated(settings.warehouse, out):
        print(path)
    return 0


def cmd_reprocess(args) -> int:
    from pipeline.core.config import load_settings
    from pipeline.run.reprocess import reprocess_all

    settings = load_settings()
    results = reprocess_all(settings, progress=_progress)
    for result in results:
        print(f"run {result.run_id}: {result.status}")
    if results:
        totals = results[-1].totals
        print(f"warehouse: {totals.get('articles', 0)} articles, {totals.get('mentions', 0)} mentions, "
              f"{totals.get('events', 0)} events")
    return 0 if all(r.status == "published" for r in results) else 2


def cmd_bench(args) -> int:
    from pipeline.lab.bench import main as bench_main

    return bench_main(args)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsevents",
        description="News dumps -> clean articles -> PLOVER events in DuckDB, audited by Great Expectations.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("run", help="the whole pipeline on a landing folder, into the warehouse")
    p.add_argument("landing", nargs="?", help="landing folder (default: $NEWSEVENTS_LANDING or samples/)")
    p.add_argument("--warehouse", help="DuckDB file (default: $NEWSEVENTS_WAREHOUSE or var/warehouse.duckdb)")
    p.add_argument("--settle", type=float, help="seconds a file must be unchanged before it is read (default 2)")
    p.add_argument("--wait", type=float, default=0.0, help="seconds to wait for another run to finish")
    p.add_argument("--quiet", action="store_true", help="do not print the top events")
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("clean", help="clean dumps: JSONL {source,title,published,language,body} per article")
    p.add_argument("paths", nargs="+", help="files or folders (.txt, .html, .jsonl)")
    p.set_defaults(func=cmd_clean)

    p = sub.add_parser("extract", help="extract event mentions (stateless, no warehouse): JSONL, one mention a line")
    p.add_argument("paths", nargs="+", help="files or folders (.txt, .html, .jsonl)")
    p.add_argument("--published", help="reference date YYYY-MM-DD for relative dates (default: the article's)")
    p.add_argument("--lang", choices=["fr", "en", "auto"], default="auto", help="language (default: detected)")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("eval", help="score predictions against gold (events, or cleaned bodies with --bodies)")
    p.add_argument("predictions", help="JSONL predictions file, or - for stdin")
    p.add_argument("--gold", help="gold events JSONL (format of shared/gold/seed_events.jsonl)")
    p.add_argument("--bodies", help="folder of gold bodies <doc>.txt: score `newsevents clean` output instead")
    p.add_argument("--articles", help="with --bodies: gold articles.jsonl to check titles and dates")
    p.add_argument("--min-f1", type=float, help="exit 1 when F1 is below this")
    p.add_argument("--json", help="also write the full result as JSON here")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("dates", help="temporal expressions in a text: JSONL {text,start,end,value,precision}")
    p.add_argument("path", help="text file, or - for stdin")
    p.add_argument("--reference", help="reference date YYYY-MM-DD for relative expressions")
    p.add_argument("--lang", choices=["fr", "en"], default="fr")
    p.set_defaults(func=cmd_dates)

    p = sub.add_parser("report", help="latest runs, their data-quality outcome and report locations")
    p.add_argument("--limit", type=int, default=10)
    p.add_argument("--open", action="store_true", help="open the latest run report in a browser")
    p.add_argument("--data-docs", action="store_true", help="with --open: open the GX Data Docs instead")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("sql", help="query the warehouse (read-only) and print a table or export")
    p.add_argument("query")
    p.add_argument("--format", choices=["table", "csv", "json", "parquet"], default="table")
    p.add_argument("--output", help="file to write (required for parquet)")
    p.set_defaults(func=cmd_sql)

    p = sub.add_parser("export", help="write the curated views as Parquet files")
    p.add_argument("--output", help="folder (default var/export)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("reprocess", help="re-clean and re-extract every ingested document (new rules)")
    p.set_defaults(func=cmd_reprocess)

    p = sub.add_parser("bench", help="throughput and memory benchmark against the naive spaCy baseline")
    from pipeline.lab.bench import add_arguments as add_bench_arguments  # stdlib-only module: cheap

    add_bench_arguments(p)
    p.set_defaults(func=cmd_bench)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
