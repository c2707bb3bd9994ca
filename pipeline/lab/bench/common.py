"""What the benchmark's parts share: stages, targets, memory sampling, machine and git metadata."""
from __future__ import annotations

import contextlib
import math
import os
import platform
import subprocess
import sys
import threading
from typing import Callable

from pipeline.core.config import REPO_ROOT

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
