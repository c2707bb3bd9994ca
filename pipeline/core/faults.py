"""Fault points: named places where tests/reliability kill the process to prove crash safety."""
from __future__ import annotations

import os
import signal

from pipeline.core.config import process_settings


def fault_point(name: str) -> None:
    """NEWSEVENTS_FAULT=<name> SIGKILLs this process here (a crash no `finally` can soften)."""
    if process_settings().fault == name:
        os.kill(os.getpid(), signal.SIGKILL)
