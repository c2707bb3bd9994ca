"""The pipeline stage by stage on a generated corpus, and the naive full-spaCy baseline in the same run."""
from __future__ import annotations

import contextlib
import random
import re
import time
from pathlib import Path
from typing import Callable, Iterator

from pipeline.core.config import Settings, load_settings
from pipeline.lab.bench.common import RUNNER_FUNCTIONS, STAGES, Progress, RssSampler, _quiet, mb, rss_bytes, sig


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
def _children_cpu() -> float:
    """User+system CPU seconds of this process's finished children (the forked worker pools of
    cleaning, extraction and the audit: a pool's workers are counted once the pool is shut down)."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


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
            started, cpu_started, workers_started = time.perf_counter(), time.process_time(), _children_cpu()
            if on_stage:
                on_stage(stage, {**record, "running": stage})
            try:
                return fn(*args, **kwargs)
            finally:
                seconds = time.perf_counter() - started
                entry = record.setdefault(stage, {"seconds": 0.0, "cpu_seconds": 0.0, "workers_cpu_seconds": 0.0,
                                                  "calls": 0})
                entry["seconds"] += seconds
                entry["cpu_seconds"] += time.process_time() - cpu_started
                entry["workers_cpu_seconds"] += _children_cpu() - workers_started
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
    for entry in stages.values():
        entry["seconds"] = round(entry["seconds"], 4)  # derived figures use the stored values
        entry["cpu_seconds"] = round(entry["cpu_seconds"], 4)
        entry["workers_cpu_seconds"] = round(entry["workers_cpu_seconds"], 4)
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


def _article_sentences(settings: Settings, run_id: str) -> tuple[list[dict], dict[str, list[str]]]:
    """Published articles of a run, with their sentences (the extract stage's, else a regex split)."""
    from pipeline.warehouse.connection import connect

    with connect(settings.warehouse, read_only=True) as con:
        cursor = con.execute("SELECT article_id, language, body FROM core.articles WHERE run_id = ? ORDER BY article_id",
                             [run_id])
        names = [d[0] for d in cursor.description]
        articles = [dict(zip(names, row)) for row in cursor.fetchall()]
        rows = con.execute("SELECT article_id, sentence_index, text FROM core.sentences WHERE run_id = ?",
                           [run_id]).fetchall()
    sentences: dict[str, list[str]] = {}
    for article_id, index, text in rows:
        sentences.setdefault(article_id, []).append((index, text))
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

    articles, sentences = _article_sentences(settings, run_id)
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
    stage = pipeline.get("stages", {}).get("extract") or {}
    # the main process and its workers: the CPU the stage cost, whichever process spent it
    extract_cpu = (stage.get("cpu_seconds") or 0) + (stage.get("workers_cpu_seconds") or 0)
    if extract_cpu and baseline.get("cpu_seconds"):
        ours = pipeline["articles"] / extract_cpu
        theirs = baseline["sample_articles"] / baseline["cpu_seconds"]
        out["extract_vs_baseline_cpu"] = sig(ours / theirs)
    return out
