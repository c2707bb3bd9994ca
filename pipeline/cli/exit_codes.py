"""The `newsevents` exit codes: one place, used by the CLI (and by whoever maps run outcomes).

Documented in the README ("Exit codes") and at the end of `newsevents --help`.
"""
from __future__ import annotations

OK = 0             # done; for `run`: the batch was published
ERROR = 1          # an unexpected error (a bug, the environment): one line, --debug for the traceback
AUDIT_FAILED = 2   # the Great Expectations audit blocked the batch: nothing published
NOTHING_NEW = 3    # `run`: no new file in the landing folder; published data unchanged
LOCKED = 4         # another run holds the warehouse (and --wait, or the reader's wait, ran out)
USAGE = 64         # bad arguments (unknown option, missing file or folder, bad date)
QUERY_ERROR = 65   # `sql`/`describe`: the query is wrong (unknown table or column, syntax); DuckDB's hint shown
NO_INPUT = 66      # nothing to work on: no warehouse yet, no input file readable, `report --open` without a display
REFUSED = 77       # `sql`: not one read-only statement (COPY, ATTACH, INSTALL, SET, files, network...)

TABLE = (
    (OK, "success; `run`: published"),
    (ERROR, "unexpected error (--debug shows the traceback)"),
    (AUDIT_FAILED, "`run`, `reprocess`: the audit failed, nothing published"),
    (NOTHING_NEW, "`run`: nothing new in the landing folder"),
    (LOCKED, "another run holds the warehouse"),
    (USAGE, "bad arguments or a missing input path"),
    (QUERY_ERROR, "`sql`, `describe`: the query or table name is wrong"),
    (NO_INPUT, "no warehouse yet, no readable input, or nothing to open a browser on"),
    (REFUSED, "`sql`: the statement is not read-only, or reads files or the network"),
)

RUN_STATUS = {"published": OK, "nothing_new": NOTHING_NEW, "audit_failed": AUDIT_FAILED, "failed": ERROR}


def epilog() -> str:
    return "exit codes:\n" + "\n".join(f"  {code:<3} {meaning}" for code, meaning in TABLE)
