"""`make scale-test`: the ingest DAG on Airflow's CeleryExecutor with two workers, extraction
sharded across them, into DuckLake on PostgreSQL — compared with `airflow dags test` into an
embedded DuckDB file, with one worker killed mid-run.

Starts (on free loopback ports, in a throwaway folder under var/scale/) PostgreSQL (Airflow's
metadata and one DuckLake catalog per run), Redis, the api-server, scheduler, dag-processor and
Celery workers (same JWT secret and Fernet key everywhere, execution_api_server_url set,
--skip-serve-logs on the second worker); generates a corpus (pipeline.lab.bench_corpus); runs:

1. the reference: `airflow dags test newsevents_ingest` into an embedded file (own SQLite
   metadata, 1 shard, LocalExecutor semantics: everything in one process);
2. the DAG through Celery for each (workers, shards) of SCALE_MATRIX (default 2:4 2:2 2:1 1:2 1:1),
   each into a fresh DuckLake; every curated.* view's digest must equal the reference's;
3. the kill test: 2 workers, 4 shards, worker 2 SIGKILLed while an extract shard runs on it; the
   run must complete (Airflow's heartbeat timeout and retry) with the reference's digests;
4. optionally (moto installed) the same with the lake's data path on a local S3 server.

Prints the figures (stack start time and memory, wall time and throughput per configuration,
publish/read latency of the lake vs the file) and writes them to var/scale/<stamp>/figures.json.
Everything it started is stopped on exit, also on Ctrl-C or an error (try/finally + signals).

Exit code 0 when everything matched, 1 when something did not, 0 with "SKIPPED: why" when the
machine cannot run it (fewer than 2 cores or 4 GB free, no PostgreSQL, no Redis, no scale extra).
"""
from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import time
import urllib.request
from datetime import datetime, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))
import scale_stack  # noqa: E402

BIN = Path(sys.executable).parent
AIRFLOW = str(BIN / "airflow")
DAG = "newsevents_ingest"
MOTO_VENV = Path(os.environ.get("SCALE_MOTO_VENV", REPO / "var" / "moto-venv"))


def log(msg: str) -> None:
    print(f"[scale-test {datetime.now():%H:%M:%S}] {msg}", flush=True)


def why_skip() -> str | None:
    if (os.cpu_count() or 1) < 2:
        return "fewer than 2 cores"
    with open("/proc/meminfo") as fh:
        meminfo = {line.split(":")[0]: int(line.split()[1]) for line in fh}
    if meminfo.get("MemAvailable", 0) < 4 * 1024 * 1024:
        return f"less than 4 GB of memory available ({meminfo.get('MemAvailable', 0) // 1024} MB)"
    try:
        import airflow.providers.celery  # noqa: F401
        import duckdb
        import duckdb_extension_ducklake  # noqa: F401
        import psycopg2  # noqa: F401
    except ImportError as exc:
        return f"the `scale` extra is not installed ({exc.name}): pip install -c constraints.txt -e '.[scale]'"
    if duckdb.__version__ != "1.5.5":
        return f"DuckLake extension wheels need duckdb 1.5.5 (installed {duckdb.__version__})"
    if not shutil.which("redis-server"):
        if os.geteuid() == 0 and shutil.which("apt-get"):
            subprocess.run(["apt-get", "install", "-y", "-qq", "redis-server"], capture_output=True,
                           env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
        if not shutil.which("redis-server"):
            return "redis-server not installed and could not be installed"
    return scale_stack.postgres_unavailable()


def pss_mb(pids: list[int]) -> float:
    """Proportional set size of these processes and all their descendants, in MB."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    todo, seen, total = list(pids), set(), 0
    while todo:
        pid = todo.pop()
        if pid in seen:
            continue
        seen.add(pid)
        todo.extend(children.get(pid, []))
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


class Stack:
    """Everything this test started, stopped in reverse order by stop()."""

    def __init__(self, root: Path):
        self.root = root
        self.postgres = None
        self.services: list = []
        self.procs: dict[str, subprocess.Popen] = {}

    def spawn(self, name: str, args: list[str], env: dict) -> subprocess.Popen:
        out = open(self.root / "logs" / f"{name}.log", "ab")
        proc = subprocess.Popen(args, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
                                cwd=str(REPO))
        self.procs[name] = proc
        return proc

    def kill(self, name: str, sig=signal.SIGTERM, wait: float = 30.0) -> None:
        proc = self.procs.pop(name, None)
        if proc is None or proc.poll() is not None:
            return
        try:
            os.killpg(proc.pid, sig)
            proc.wait(wait)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        except ProcessLookupError:
            pass

    def stop(self) -> None:
        for name in reversed(list(self.procs)):
            self.kill(name)
        for service in reversed(self.services):
            service.stop()
        if self.postgres:
            self.postgres.stop()
            self.postgres = None


def metadata(pg, sql: str, params=()):
    import psycopg2

    with psycopg2.connect(f"dbname=airflow host=127.0.0.1 port={pg.port} user=postgres") as con:
        with con.cursor() as cur:
            cur.execute(sql, params)
            return cur.fetchall() if cur.description else None


def run(args: list[str], env: dict, check: bool = True, timeout: float = 900) -> subprocess.CompletedProcess:
    return subprocess.run(args, env=env, capture_output=True, text=True, check=check, timeout=timeout, cwd=str(REPO))


def lake_digests(pointer: Path) -> dict:
    from pipeline.warehouse.backend import curated_digests
    from pipeline.warehouse.connection import connect

    with connect(pointer, read_only=True) as con:
        return curated_digests(con)


def read_latency(warehouse: Path, repeat: int = 5) -> dict:
    """Median seconds to open the warehouse read-only and answer two curated queries."""
    from pipeline.warehouse.connection import connect

    opened, queried = [], []
    for _ in range(repeat):
        t0 = time.perf_counter()
        with connect(warehouse, read_only=True) as con:
            t1 = time.perf_counter()
            con.execute("SELECT count(*) FROM curated.events").fetchall()
            con.execute("SELECT * FROM curated.daily_dyads ORDER BY 1 LIMIT 100").fetchall()
            t2 = time.perf_counter()
        opened.append(t1 - t0)
        queried.append(t2 - t1)
    return {"open_s": round(statistics.median(opened), 3), "query_s": round(statistics.median(queried), 3)}


class ScaleTest:
    def __init__(self):
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
        self.root = REPO / "var" / "scale" / stamp
        (self.root / "logs").mkdir(parents=True)
        self.stack = Stack(self.root)
        self.figures: dict = {"started": stamp, "runs": []}
        self.ok = True
        self.files = int(os.environ.get("SCALE_FILES", "400"))
        self.matrix = [tuple(int(x) for x in item.split(":"))
                       for item in os.environ.get("SCALE_MATRIX", "2:4 2:2 2:1 1:2 1:1").split()]

    # ------------------------------------------------------------ environment
    def base_env(self) -> dict:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("AIRFLOW", "NEWSEVENTS"))}
        env.update({
            "PATH": f"{BIN}:{env.get('PATH', '')}",
            "GX_ANALYTICS_ENABLED": "false",
            "NEWSEVENTS_HOME": str(REPO),
            "NEWSEVENTS_LANDING": str(self.corpus),
            "NEWSEVENTS_SETTLE_SECONDS": "0",
            "NEWSEVENTS_MAX_BATCH_DOCUMENTS": "0",  # the whole corpus in one batch
            "NEWSEVENTS_SCHEDULE": "",  # triggered by hand only
            "NEWSEVENTS_LAKE_EXTENSIONS": str(REPO / "var" / "duckdb_extensions"),
            "AIRFLOW__CORE__DAGS_FOLDER": str(REPO / "dags"),
            "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
            "AIRFLOW__CORE__UNIT_TEST_MODE": "False",
        })
        return env

    def celery_env(self, name: str, shards: int, s3: str | None = None) -> dict:
        pg, api = self.stack.postgres, self.api_port
        env = self.base_env()
        env.update({
            "AIRFLOW_HOME": str(self.root / "airflow"),
            "AIRFLOW__CORE__EXECUTOR": "CeleryExecutor",
            "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": pg.url(dbname="airflow"),
            "AIRFLOW__CELERY__BROKER_URL": f"redis://127.0.0.1:{self.redis.port}/0",
            "AIRFLOW__CELERY__RESULT_BACKEND": "db+" + pg.url(driver="postgresql", dbname="airflow"),
            "AIRFLOW__CELERY__WORKER_CONCURRENCY": "1",  # one task per worker: 2 cores, 2 workers
            "AIRFLOW__CORE__FERNET_KEY": self.fernet,
            "AIRFLOW__API_AUTH__JWT_SECRET": self.jwt,
            "AIRFLOW__API__SECRET_KEY": self.jwt,
            "AIRFLOW__API__PORT": str(api),
            "AIRFLOW__API__BASE_URL": f"http://127.0.0.1:{api}",
            "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": f"http://127.0.0.1:{api}/execution/",
            "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_ALL_ADMINS": "True",
            "AIRFLOW__LOGGING__WORKER_LOG_SERVER_PORT": str(self.log_port),
            "AIRFLOW__SCHEDULER__TASK_INSTANCE_HEARTBEAT_TIMEOUT": "30",  # a killed worker's task fails over in 30 s
            "AIRFLOW__SCHEDULER__SCHEDULER_HEARTBEAT_SEC": "2",
            "AIRFLOW__DAG_PROCESSOR__REFRESH_INTERVAL": "10",
            "AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION": "True",
            "NEWSEVENTS_WAREHOUSE": f"ducklake:postgres:dbname={name} host=127.0.0.1 port={pg.port} user=postgres",
            "NEWSEVENTS_LAKE_POINTER": str(self.root / "lakes" / f"{name}.ducklake"),
            "NEWSEVENTS_LAKE_DATA": s3 or str(self.root / "lakes" / f"{name}_data"),
            "NEWSEVENTS_WORK": str(self.root / "work" / name),
            "NEWSEVENTS_REPORTS": str(self.root / "reports" / name),
            "NEWSEVENTS_SHARDS": str(shards),
            "NEWSEVENTS_PUBLISH_POOL": "newsevents_publish",
        })
        if s3:
            env["NEWSEVENTS_LAKE_S3_ENDPOINT"] = f"http://127.0.0.1:{self.moto.port}"
        return env

    # ------------------------------------------------------------ stack
    def start_stack(self) -> None:
        from cryptography.fernet import Fernet

        t0 = time.monotonic()
        self.stack.postgres = scale_stack.start_postgres("airflow")
        self.redis = scale_stack.start_redis()
        self.stack.services.append(self.redis)
        self.api_port, self.log_port = scale_stack.free_port(), scale_stack.free_port()
        self.fernet, self.jwt = Fernet.generate_key().decode(), secrets.token_hex(32)
        env = self.celery_env("lake_boot", 1)
        run([AIRFLOW, "db", "migrate"], env)
        run([AIRFLOW, "pools", "set", "newsevents_publish", "1", "stage, audit and publish: one writer at a time"], env)
        self.stack.spawn("api-server", [AIRFLOW, "api-server", "--port", str(self.api_port), "--host", "127.0.0.1"], env)
        self.stack.spawn("scheduler", [AIRFLOW, "scheduler"], env)
        self.stack.spawn("dag-processor", [AIRFLOW, "dag-processor"], env)
        scale_stack.wait_port(self.api_port, 120)
        self.wait_for(lambda: metadata(self.stack.postgres, "SELECT 1 FROM dag WHERE dag_id = %s", (DAG,)), 180,
                      "the DAG to be parsed")
        run([AIRFLOW, "dags", "unpause", DAG], env)
        self.figures["stack_start_s"] = round(time.monotonic() - t0, 1)
        log(f"stack (Postgres, Redis, api-server, scheduler, dag-processor) up in {self.figures['stack_start_s']} s")

    def start_workers(self, n: int, env: dict) -> None:
        for i in range(1, n + 1):
            args = [AIRFLOW, "celery", "worker", "--concurrency", "1", "--celery-hostname", f"w{i}@%h"]
            if i > 1:
                args.append("--skip-serve-logs")  # one log server per host (its port would clash)
            self.stack.spawn(f"worker{i}", args, env)
        t0 = time.monotonic()
        self.wait_for(lambda: all(b"ready" in (self.root / "logs" / f"worker{i}.log").read_bytes()
                                  for i in range(1, n + 1)), 120, f"{n} Celery worker(s)")
        log(f"{n} worker(s) ready in {time.monotonic() - t0:.1f} s")

    def stop_workers(self) -> None:
        for name in [n for n in self.stack.procs if n.startswith("worker")]:
            self.stack.kill(name)
        for i in (1, 2):  # a restarted worker appends to the same log: forget the old "ready"
            path = self.root / "logs" / f"worker{i}.log"
            if path.exists():
                path.rename(path.with_suffix(f".{time.time_ns()}.log"))

    @staticmethod
    def wait_for(check, seconds: float, what: str):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                result = check()
                if result:
                    return result
            except Exception:  # noqa: BLE001 - not up yet
                pass
            time.sleep(1)
        raise TimeoutError(f"timed out after {seconds} s waiting for {what}")

    # ------------------------------------------------------------ runs
    def reference(self) -> None:
        """`airflow dags test` into an embedded DuckDB file: one process, one shard, SQLite metadata."""
        env = self.base_env()
        env.update({
            "AIRFLOW_HOME": str(self.root / "airflow_ref"),
            "NEWSEVENTS_WAREHOUSE": str(self.root / "reference.duckdb"),
            "NEWSEVENTS_WORK": str(self.root / "work" / "reference"),
            "NEWSEVENTS_REPORTS": str(self.root / "reports" / "reference"),
            "NEWSEVENTS_SHARDS": "1",
        })
        run([AIRFLOW, "db", "migrate"], env)
        t0 = time.monotonic()
        out = run([AIRFLOW, "dags", "test", DAG], env, check=False, timeout=1800)
        seconds = time.monotonic() - t0
        (self.root / "logs" / "reference.log").write_text(out.stdout + out.stderr)
        if out.returncode != 0:
            raise RuntimeError(f"airflow dags test failed (logs/reference.log): {out.stderr[-2000:]}")
        from pipeline.warehouse.connection import connect

        with connect(self.root / "reference.duckdb", read_only=True) as con:
            self.expected = __import__("pipeline.warehouse.backend", fromlist=["x"]).curated_digests(con)
            publish = con.execute("SELECT epoch(finished_at - started_at) FROM ops.runs").fetchone()[0]
        self.articles = self.expected["articles"][0]
        self.figures["reference"] = {"seconds": round(seconds, 1), "articles": self.articles,
                                     "events": self.expected["events"][0], "run_seconds_in_ledger": publish,
                                     "read": read_latency(self.root / "reference.duckdb")}
        log(f"reference (dags test, embedded file): {seconds:.1f} s, {self.articles} articles, "
            f"{self.expected['events'][0]} events")

    def trigger_and_wait(self, env: dict, name: str, on_running=None, timeout: float = 1800) -> dict:
        run_id = f"scale_{name}_{time.time_ns()}"
        run([AIRFLOW, "dags", "trigger", DAG, "--run-id", run_id], env)
        t0 = time.monotonic()
        fired = False
        while True:
            state = metadata(self.stack.postgres, "SELECT state FROM dag_run WHERE dag_id = %s AND run_id = %s",
                             (DAG, run_id))
            state = state[0][0] if state else None
            if state in ("success", "failed"):
                break
            if on_running and not fired:
                fired = bool(on_running(run_id))
            if time.monotonic() - t0 > timeout:
                raise TimeoutError(f"run {run_id} still {state} after {timeout} s")
            time.sleep(1)
        tis = metadata(self.stack.postgres,
                       "SELECT task_id, map_index, state, try_number, hostname, "
                       "extract(epoch FROM end_date - start_date) FROM task_instance "
                       "WHERE dag_id = %s AND run_id = %s ORDER BY start_date", (DAG, run_id))
        span = metadata(self.stack.postgres, "SELECT extract(epoch FROM end_date - start_date) FROM dag_run "
                        "WHERE dag_id = %s AND run_id = %s", (DAG, run_id))[0][0]
        return {"run_id": run_id, "state": state, "seconds": round(float(span), 1),
                "tasks": [{"task": t, "map": m, "state": s, "try": n, "host": h, "seconds": round(float(d or 0), 2)}
                          for t, m, s, n, h, d in tis]}

    def check(self, name: str, env: dict, result: dict) -> bool:
        digests = lake_digests(Path(env["NEWSEVENTS_LAKE_POINTER"]))
        same = result["state"] == "success" and digests == self.expected
        if not same:
            diff = {v: (digests.get(v), self.expected.get(v)) for v in set(digests) | set(self.expected)
                    if digests.get(v) != self.expected.get(v)}
            log(f"  MISMATCH {name}: state={result['state']} {diff}")
        return same

    def one_run(self, workers: int, shards: int, *, kill: bool = False, s3: str | None = None) -> None:
        name = f"lake_w{workers}_s{shards}" + ("_kill" if kill else "") + ("_s3" if s3 else "")
        self.stack.postgres.createdb(name)
        env = self.celery_env(name, shards, s3)
        self.stop_workers()
        self.start_workers(workers, env)
        killed: dict = {}

        def kill_worker2(run_id: str) -> bool:
            """SIGKILL worker 2 a few seconds into an extract shard it runs (the TI's hostname is the
            machine's, so the worker is told by its own log)."""
            text = (self.root / "logs" / "worker2.log").read_text(errors="replace")
            found = re.findall(rf"Executing workload.*?run_id={re.escape(run_id)}/task_id=extract/map_index=(\d+)", text)
            if not found:
                return False
            time.sleep(3)  # well inside the shard's work
            self.stack.kill("worker2", signal.SIGKILL)
            killed.update(task="extract", map_index=int(found[0]), at=time.time())
            log(f"  SIGKILLed worker 2 while it ran extract[{found[0]}]; restarting it")
            self.start_workers_only(2, env)
            return True

        result = self.trigger_and_wait(env, name, on_running=kill_worker2 if kill else None)
        same = self.check(name, env, result)
        self.ok &= same
        publish = [t["seconds"] for t in result["tasks"] if t["task"] == "publish"]
        retried = [t for t in result["tasks"] if t["try"] > 1]
        entry = {"name": name, "workers": workers, "shards": shards, "state": result["state"],
                 "seconds": result["seconds"], "articles_per_s": round(self.articles / result["seconds"], 2),
                 "publish_task_s": publish[0] if publish else None, "identical_to_reference": same,
                 "killed": killed or None, "retried_tasks": [(t["task"], t["map"], t["try"]) for t in retried],
                 "tasks_per_worker": self.tasks_per_worker(result["run_id"]),
                 "tasks": result["tasks"]}
        if not kill and not s3:
            entry["read"] = read_latency(Path(env["NEWSEVENTS_LAKE_POINTER"]))
        self.figures["runs"].append(entry)
        (self.root / "figures.json").write_text(json.dumps(self.figures, indent=1, default=str))  # so far
        log(f"  {name}: {result['state']} in {result['seconds']} s ({entry['articles_per_s']} articles/s), "
            f"publish task {entry['publish_task_s']} s, identical to the reference: {same}"
            + f", tasks per worker {entry['tasks_per_worker']}"
            + (f", retried: {entry['retried_tasks']}" if kill else ""))
        if kill and not (killed and retried):
            log("  the kill did not happen (no extract shard ran on worker 2 long enough)")
            self.ok = False

    def tasks_per_worker(self, run_id: str) -> dict[str, int]:
        counts: dict[str, int] = {}
        for path in (self.root / "logs").glob("worker*.log"):
            worker = path.name.split(".")[0]
            counts[worker] = counts.get(worker, 0) + len(re.findall(
                rf"Executing workload.*?run_id={re.escape(run_id)}/", path.read_text(errors="replace")))
        return counts

    def start_workers_only(self, i: int, env: dict) -> None:
        path = self.root / "logs" / f"worker{i}.log"
        if path.exists():
            path.rename(path.with_suffix(f".{time.time_ns()}.log"))
        args = [AIRFLOW, "celery", "worker", "--concurrency", "1", "--celery-hostname", f"w{i}@%h"]
        if i > 1:
            args.append("--skip-serve-logs")
        self.stack.spawn(f"worker{i}", args, env)

    # ------------------------------------------------------------ main
    def main(self) -> int:
        from pipeline.lab.bench_corpus import generate_corpus

        self.corpus = self.root / "corpus"
        generate_corpus(self.files, self.corpus)
        log(f"corpus: {self.files} files in {self.corpus}")
        self.reference()
        self.start_stack()
        self.start_workers(2, self.celery_env("lake_boot", 1))
        self.figures["stack_pss_mb_idle"] = round(pss_mb([p.pid for p in self.stack.procs.values()]
                                                         + [s.process.pid for s in self.stack.services]
                                                         + [self.postmaster_pid()]), 0)
        log(f"stack with 2 idle workers: {self.figures['stack_pss_mb_idle']:.0f} MB PSS")
        for workers, shards in self.matrix:
            self.one_run(workers, shards)
        self.one_run(2, 4, kill=True)
        if os.environ.get("SCALE_S3", "1") != "0":
            moto_python = MOTO_VENV / "bin" / "python"
            if not moto_python.exists():
                log(f"S3 data path: skipped (no moto server: `make scale-moto` makes {MOTO_VENV}; moto cannot join "
                    "the project venv, botocore wants python-dateutil<3)")
            else:
                self.moto = scale_stack.start_moto(str(moto_python))
                self.stack.services.append(self.moto)
                request = urllib.request.Request(f"http://127.0.0.1:{self.moto.port}/newsevents", method="PUT")
                urllib.request.urlopen(request, timeout=30).read()  # CreateBucket
                self.one_run(2, 2, s3="s3://newsevents/lake/")
        self.figures["ok"] = self.ok
        (self.root / "figures.json").write_text(json.dumps(self.figures, indent=1, default=str))
        log(f"figures: {self.root / 'figures.json'}")
        return 0 if self.ok else 1

    def postmaster_pid(self) -> int:
        return int((self.stack.postgres.data / "postmaster.pid").read_text().split()[0])


def main() -> int:
    reason = why_skip()
    if reason:
        print(f"SKIPPED: make scale-test needs {reason}.")
        return 0
    test = ScaleTest()

    def on_signal(signum, _frame):
        raise KeyboardInterrupt(f"signal {signum}")

    signal.signal(signal.SIGTERM, on_signal)
    try:
        return test.main()
    except BaseException as exc:  # noqa: BLE001 - report, then stop everything below
        log(f"FAILED: {type(exc).__name__}: {exc} (logs in {test.root / 'logs'})")
        (test.root / "figures.json").write_text(json.dumps({**test.figures, "error": str(exc)}, indent=1, default=str))
        return 1
    finally:
        log("stopping everything this test started")
        test.stack.stop()


if __name__ == "__main__":
    sys.exit(main())
