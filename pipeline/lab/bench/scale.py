"""Costs that grow with the warehouse or the deployment: incremental publish into a big warehouse,
Airflow orchestration, peak memory in a child process, a profile."""
from __future__ import annotations

import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

from pipeline.core.config import REPO_ROOT
from pipeline.lab.bench.common import STAGES, TARGETS, Progress, RssSampler, _quiet, _say, max_rss_self_bytes, mb
from pipeline.lab.bench.measure import bench_settings, make_corpus, measure_pipeline

# ---------------------------------------------------------------- 3. incremental cost
REPLICA_DAYS = 7  # every replica's dates shifted back by this many days per replica number


def seed_big_warehouse(source: Path, target: Path, articles: int = 100_000) -> dict:
    """Copy `source` (a real published warehouse) and replicate its rows with new ids up to
    `articles` articles. See the module docstring for what is replicated and how."""
    from pipeline.warehouse.connection import connect

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
    from pipeline.warehouse.connection import connect, has_table

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
            if has_table(con, "core", "articles"):
                result["published_articles"] = con.execute("SELECT count(*) FROM core.articles").fetchone()[0]
            if has_table(con, "ops", "runs"):
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
    for (file, line, func), (_cc, nc, tt, ct, _) in stats.stats.items():  # type: ignore[attr-defined]
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
