"""A mistake the user can fix: one line on stderr and its exit code (no traceback)."""
from __future__ import annotations


class CliError(Exception):
    def __init__(self, message: str, code: int):
        super().__init__(message)
        self.code = code
