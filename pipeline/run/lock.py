"""The run lock: one process at a time writes the warehouse (CLI runs and DAG tasks alike)."""
from __future__ import annotations

import fcntl
import time
from contextlib import contextmanager
from typing import Iterator

from pipeline.core.config import Settings


class RunLocked(RuntimeError):
    """Another run holds the warehouse."""


@contextmanager
def warehouse_lock(settings: Settings, wait_seconds: float = 0.0) -> Iterator[None]:
    """Exclusive lock for everything that writes the warehouse (CLI runs and DAG tasks alike)."""
    settings.warehouse.parent.mkdir(parents=True, exist_ok=True)
    # keyed on the resolved path: two spellings of one file (a symlink, ../) share one lock
    target = settings.warehouse.resolve()
    lock_path = target.with_suffix(target.suffix + ".lock")
    with open(lock_path, "w") as handle:
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise RunLocked(
                        f"another newsevents run is writing {settings.warehouse} (lock {lock_path}); "
                        "try again when it finishes"
                    ) from None
                time.sleep(0.5)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
