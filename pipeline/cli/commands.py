"""The pipeline commands: run, clean, extract, eval, dates, report, reprocess, bench."""
from __future__ import annotations

import json
import os
import sys
from datetime import date
from pathlib import Path

from pipeline.cli import exit_codes
from pipeline.cli.errors import CliError

LANGUAGE_NAMES = {
    "fr": "French", "en": "English", "es": "Spanish", "de": "German", "it": "Italian", "pt": "Portuguese",
    "nl": "Dutch", "ar": "Arabic", "ru": "Russian", "zh": "Chinese", "ja": "Japanese", "pl": "Polish",
    "tr": "Turkish", "uk": "Ukrainian", "ca": "Catalan", "ro": "Romanian", "sv": "Swedish",
}


def progress(message: str) -> None:
    print(f"[newsevents] {message}", file=sys.stderr, flush=True)


def _date(value: str | None, option: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CliError(f"{option} {value!r}: expected a date YYYY-MM-DD", exit_codes.USAGE) from None


def _stdin_document_file(folder: Path) -> Path:
    """stdin saved as one input file, named by what it looks like (.html, .jsonl or .txt)."""
    data = sys.stdin.buffer.read()
    head = data.lstrip()[:200].lower()
    lines = [line for line in data.splitlines() if line.strip()]
    if head.startswith((b"<!doctype", b"<html", b"<")):
        suffix = ".html"
    elif lines and all(line.lstrip().startswith(b"{") for line in lines):
        suffix = ".jsonl"
    else:
        suffix = ".txt"
    path = folder / f"stdin{suffix}"
    path.write_bytes(data)
    return path


def read_documents(paths: list[str]) -> list:
    """Documents from files, folders or - (stdin); a path that does not exist is an error (exit 64)
    and quarantined input is reported on stderr; no document at all exits 66."""
    import dataclasses
    import tempfile

    from pipeline.core.config import load_settings
    from pipeline.ingest.landing import SUPPORTED, ingest_file

    missing = [p for p in paths if p != "-" and not Path(p).exists()]
    if missing:
        raise CliError(f"no such file or folder: {', '.join(missing)}", exit_codes.USAGE)
    documents, quarantined = [], 0
    with tempfile.TemporaryDirectory(prefix="newsevents-stdin-") as tmp:
        for raw in paths:
            if raw == "-":
                files = [_stdin_document_file(Path(tmp))]
            elif Path(raw).is_dir():
                files = sorted(p for p in Path(raw).rglob("*") if p.suffix.lower() in SUPPORTED)
                if not files:
                    progress(f"{raw}: no {', '.join(sorted(SUPPORTED))} files in this folder")
            else:
                files = [Path(raw)]
            for file in files:
                _, docs, bad = ingest_file(file, max_file_bytes=load_settings().max_file_bytes)
                for q in bad:
                    quarantined += 1
                    where = "stdin" if raw == "-" else q.source_path
                    progress(f"quarantined {where}{f' line {q.line_no}' if q.line_no else ''}: {q.reason} ({q.detail})")
                if raw == "-":
                    docs = [dataclasses.replace(d, source_path="-") for d in docs]
                documents.extend(docs)
    if not documents:
        raise CliError(f"no document could be read from {' '.join(paths)}"
                       + (f" ({quarantined} quarantined, see above)" if quarantined else ""), exit_codes.NO_INPUT)
    return documents


def _emit(record: dict) -> None:
    sys.stdout.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")


# ---------------------------------------------------------------- commands
def cmd_run(args) -> int:
    from pipeline.core.config import load_settings
    from pipeline.run.runner import run_landing

    if args.landing and not Path(args.landing).is_dir():
        what = "is not a folder" if Path(args.landing).exists() else "does not exist"
        raise CliError(f"landing folder {args.landing} {what}", exit_codes.USAGE)
    settings = load_settings(
        landing=Path(args.landing).resolve() if args.landing else None,
        warehouse=Path(args.warehouse).resolve() if args.warehouse else None,
    )
    if not args.landing and not settings.landing.is_dir():
        raise CliError(f"landing folder {settings.landing} does not exist (NEWSEVENTS_LANDING)", exit_codes.USAGE)
    if args.settle is not None:
        settings = settings.with_overrides(settle_seconds=args.settle)
    batches = run_landing(settings, trigger="cli", progress=progress, lock_wait_seconds=args.wait)
    for result in batches[:-1]:
        print(f"run {result.run_id}: {result.status} ({(result.stages.get('ingest') or {}).get('documents', 0)} documents)")
    result = batches[-1]
    print(f"run {result.run_id}: {result.status.replace('_', ' ')}")
    print(f"warehouse:   {result.warehouse}")
    print(f"run report:  {result.report}")
    if result.data_docs:
        print(f"data docs:   {result.data_docs}")
    t = result.totals
    print(f"warehouse now holds: {t.get('articles')} articles, {t.get('mentions')} event mentions, "
          f"{t.get('events')} events; {t.get('quarantined')} quarantined inputs")
    if result.status == "published" and not args.quiet:
        _print_top_events(settings)
    return exit_codes.RUN_STATUS.get(result.status, exit_codes.ERROR)


def _print_top_events(settings) -> None:
    from pipeline.warehouse.query import fetch

    _, rows = fetch(settings.warehouse, """
        SELECT event_date, event_type, coalesce(actor_name, actor_country) AS actor,
               coalesce(recipient_name, recipient_country) AS recipient, n_mentions, n_articles
        FROM curated.events ORDER BY n_mentions DESC, event_date DESC NULLS LAST LIMIT 8
        """)
    if rows:
        print("most reported events:")
        for d, t, a, r, nm, na in rows:
            print(f"  {str(d or '?'):10}  {t:9}  {a or '?'} -> {r or '?'}  ({nm} mentions, {na} articles)")


def cmd_clean(args) -> int:
    from pipeline.clean import clean_batch, clean_record

    docs = read_documents(args.paths)
    for article in clean_batch(docs):
        _emit(clean_record(article))
    progress(f"cleaned {len(docs)} documents")
    return exit_codes.OK


def language_note(language: str | None, extracted: tuple[str, ...]) -> str | None:
    """Why an article gave no mentions because of its language (None when it is extracted)."""
    if language in extracted:
        return None
    name = LANGUAGE_NAMES.get(language or "", "an undetected language" if not language else language)
    label = f"{name} ({language})" if language else name
    return (f"{label} is not extracted: NEWSEVENTS_LANGUAGES is {','.join(extracted)}; "
            "the article is cleaned and labelled only")


def cmd_extract(args) -> int:
    from pipeline.clean import clean_batch
    from pipeline.core.config import load_settings
    from pipeline.extract.events import extract_mentions

    published = _date(args.published, "--published")
    extracted = tuple(load_settings().languages)
    docs = read_documents(args.paths)
    articles = clean_batch(docs)
    n = failed = 0
    for doc, article in zip(docs, articles):
        language = article.language if args.lang == "auto" else args.lang
        source = doc.source_path if not doc.line_no else f"{doc.source_path}#{doc.line_no}"
        note = language_note(language, extracted)
        if note:
            progress(f"{source}: {note}")
            continue
        reference = published or article.reference_date
        try:
            mentions = extract_mentions(article.doc_id, article.body, language, reference, article.title)
        except Exception as exc:  # one bad article is reported, the others are still extracted
            failed += 1
            progress(f"{source}: extraction failed ({type(exc).__name__}: {exc})")
            continue
        for mention in mentions:
            _emit(mention.to_json(source=source))
            n += 1
    progress(f"{n} event mentions from {len(articles)} articles" + (f"; {failed} failed" if failed else ""))
    return exit_codes.ERROR if failed else exit_codes.OK


def cmd_eval(args) -> int:
    if args.predictions != "-" and not Path(args.predictions).is_file():
        raise CliError(f"no such file: {args.predictions}", exit_codes.USAGE)
    lines = (sys.stdin if args.predictions == "-" else open(args.predictions, encoding="utf-8"))
    try:
        records = [json.loads(line) for line in lines if line.strip()]
    except json.JSONDecodeError as exc:
        raise CliError(f"{args.predictions}: not JSONL ({exc})", exit_codes.USAGE) from None
    if args.bodies:
        from pipeline.lab.evaluate_bodies import eval_bodies, print_body_report

        result = eval_bodies(Path(args.bodies), Path(args.articles) if args.articles else None, records)
        print(print_body_report(result))
    else:
        from pipeline.lab.evaluate_events import eval_events, format_eval

        if not args.gold:
            raise CliError("eval needs --gold FILE (events) or --bodies DIR (cleaning)", exit_codes.USAGE)
        result = eval_events(Path(args.gold), records)
        print(format_eval(result))
    ok = result["f1"] >= args.min_f1 if args.min_f1 is not None else True
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1, default=str, ensure_ascii=False))
    return exit_codes.OK if ok else exit_codes.ERROR


def cmd_dates(args) -> int:
    from pipeline.text.temporal import date_mentions_json

    reference = _date(args.reference, "--reference")
    if args.path != "-" and not Path(args.path).is_file():
        raise CliError(f"no such file: {args.path}", exit_codes.USAGE)
    text = sys.stdin.read() if args.path == "-" else Path(args.path).read_text(encoding="utf-8")
    for record in date_mentions_json(text, reference, args.lang):
        _emit(record)
    return exit_codes.OK


def cmd_report(args) -> int:
    from pipeline.core.config import load_settings
    from pipeline.warehouse.ledger import summary
    from pipeline.warehouse.query import open_reader

    settings = load_settings()
    if args.limit < 1:
        raise CliError("--limit must be at least 1", exit_codes.USAGE)
    con = open_reader(settings.warehouse)
    try:
        rows = con.execute(
            """
            SELECT run_id, status, started_at, n_files, n_documents, n_quarantined, n_articles, n_mentions,
                   audit_success, report_path, data_docs_path, error
            FROM curated.runs LIMIT ?
            """,
            [args.limit],
        ).fetchall()
        totals = summary(con)
    finally:
        con.close()
    print(f"latest {len(rows)} run{'s' if len(rows) != 1 else ''} — what each run brought in:")
    for run_id, status, started, nfiles, ndoc, nq, na, nm, ok, _report, _docs, error in rows:
        audit = {True: "passed", False: "FAILED", None: "-"}[ok]
        print(f"  {run_id}  {status:12} {started:%Y-%m-%d %H:%M}  files={nfiles or 0} docs={ndoc or 0} "
              f"quarantined={nq or 0} articles={na or 0} mentions={nm or 0}  audit={audit}")
        if error:
            print(f"      error: {error}")
    print(f"warehouse now (all runs): {totals['articles']} articles, {totals['mentions']} event mentions, "
          f"{totals['events']} events, {totals['quarantined']} quarantined inputs, {totals['runs']} runs")
    if not rows:
        return exit_codes.OK
    latest = rows[0]
    print(f"latest run report: {latest[9]}")
    print(f"latest data docs:  {latest[10]}")
    if args.open:
        return _open_in_browser(latest[10] if args.data_docs else latest[9])
    return exit_codes.OK


def _open_in_browser(target: str | None) -> int:
    if not target:
        raise CliError("the latest run has no such page to open", exit_codes.NO_INPUT)
    uri = Path(target).resolve().as_uri()
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        raise CliError(f"no display to open a browser on (DISPLAY is not set): open {uri} yourself",
                       exit_codes.NO_INPUT)
    import webbrowser

    if not webbrowser.open(uri):
        raise CliError(f"no browser found: open {uri} yourself", exit_codes.NO_INPUT)
    print(f"opened {uri}")
    return exit_codes.OK


def cmd_reprocess(args) -> int:
    from pipeline.core.config import load_settings
    from pipeline.run.reprocess import reprocess_all

    settings = load_settings()
    if not settings.warehouse.exists():
        raise CliError(f"no warehouse at {settings.warehouse}: nothing to reprocess", exit_codes.NO_INPUT)
    results = reprocess_all(settings, progress=progress)
    if not results:
        print("reprocess: the warehouse holds no documents; nothing to do")
        return exit_codes.OK
    published = [r for r in results if r.status == "published"]
    print(f"reprocess: {len(published)} of {len(results)} slice{'s' if len(results) != 1 else ''} published")
    for result in results:
        docs = (result.stages.get("export") or {}).get("documents", 0)
        seconds = sum(result.seconds.values())
        print(f"  {result.run_id}  {result.status.replace('_', ' '):12} {docs} documents  {seconds:.1f} s"
              f"  report: {result.report}")
    totals = results[-1].totals
    print(f"warehouse now: {totals.get('articles', 0)} articles, {totals.get('mentions', 0)} event mentions, "
          f"{totals.get('events', 0)} events")
    last = results[-1].status
    return exit_codes.OK if last == "published" else exit_codes.RUN_STATUS.get(last, exit_codes.ERROR)


def cmd_bench(args) -> int:
    from pipeline.lab.bench import main as bench_main

    return bench_main(args)
