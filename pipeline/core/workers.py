"""Fork-based worker pools for the CPU-bound stages (cleaning, extraction).

Workers are forked, so what the parent already holds — the spaCy models, a batch's prepared
documents — is shared copy-on-write instead of being pickled or loaded again; only chunk
indices go to the workers and results come back. A worker dies with its parent (Linux
PR_SET_PDEATHSIG): a SIGKILLed run must not leave orphans holding its pipes and files.

Inside a daemonic process — a Celery prefork child running an Airflow task, or anything started
by `multiprocessing` with daemon=True — Python forbids children ("daemonic processes are not
allowed to have children"). There the work runs in-process, one chunk after the other: under
Celery the parallelism comes from the executor instead (extraction is sharded into mapped tasks,
pipeline.run.shards, spread over the workers' slots), and the results are the same either way.
"""
from __future__ import annotations

import os
from typing import Callable, Iterable, Iterator, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def _die_with_parent() -> None:
    """Worker initializer: a worker must not outlive a killed parent."""
    import ctypes
    import signal

    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    except OSError:  # not Linux: the pool's own shutdown still applies
        pass
    if os.getppid() == 1:  # the parent died before prctl took effect
        os._exit(1)


def in_daemonic_process() -> bool:
    """True in a process that may not fork workers (a Celery prefork child, a daemonic process)."""
    import multiprocessing

    return bool(multiprocessing.current_process().daemon)


def worker_count(n_items: int, chunk: int) -> int:
    """One worker per core (NEWSEVENTS_WORKERS overrides), and no pool when there is less than two
    chunks of work."""
    from pipeline.core.config import process_settings

    if in_daemonic_process():
        return 1
    wanted = process_settings().workers or (os.cpu_count() or 1)
    return max(1, min(wanted, n_items // max(chunk, 1)))


def fork_map(fn: Callable[[T], R], chunks: Iterable[T], workers: int) -> Iterator[R]:
    """`map(fn, chunks)` in order, over `workers` forked processes (in-process when workers <= 1).

    `fn` must be a module-level function; it sees the parent's memory as it was at fork time.
    """
    if workers <= 1 or in_daemonic_process():
        yield from map(fn, chunks)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                             initializer=_die_with_parent) as pool:
        yield from pool.map(fn, chunks)


__all__ = ["fork_map", "in_daemonic_process", "worker_count"]
