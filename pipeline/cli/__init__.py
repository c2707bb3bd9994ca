"""`newsevents` command line: the same stages the Airflow DAGs run, plus stateless tools.

Output contracts (JSONL field names) are relied on by other tools: keep them exactly. Errors a user
can fix print one line (`newsevents: error: ...`) and a distinct exit code (`exit_codes.py`);
`--debug` prints the traceback too.
"""
from __future__ import annotations

import sys

from pipeline.cli import exit_codes
from pipeline.cli.errors import CliError
from pipeline.cli.parser import build_parser

__all__ = ["build_parser", "main", "exit_codes"]


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    _quiet_logs(args.debug)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("newsevents: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `newsevents sql ... | head`
        sys.stderr.close()
        return exit_codes.OK
    except Exception as exc:  # noqa: BLE001 - the one place errors become a line and a code
        code, message = _classify(exc)
        if args.debug:
            import traceback

            traceback.print_exc()
        hint = "" if args.debug or code != exit_codes.ERROR else " (run with --debug for the traceback)"
        print(f"newsevents: error: {message}{hint}", file=sys.stderr)
        return code


def _classify(exc: BaseException) -> tuple[int, str]:
    """(exit code, one-line message) for an exception escaping a command."""
    name = type(exc).__name__
    if isinstance(exc, CliError):
        return exc.code, str(exc)
    if name == "RunLocked" or name == "WarehouseBusy":
        return exit_codes.LOCKED, str(exc)
    if name == "QueryRefused":
        return exit_codes.REFUSED, str(exc)
    if name in ("WarehouseMissing",):
        return exit_codes.NO_INPUT, str(exc)
    if name == "MigrationError":
        return exit_codes.ERROR, str(exc)
    module = type(exc).__module__ or ""
    if module.startswith("duckdb") or module.startswith("_duckdb"):
        text = one_line(str(exc))
        if name in ("PermissionException",):
            return exit_codes.REFUSED, f"{text} (`newsevents sql` reads the warehouse only)"
        if name in ("CatalogException", "BinderException", "ParserException", "InvalidInputException",
                    "ConversionException", "OutOfRangeException", "NotImplementedException"):
            return exit_codes.QUERY_ERROR, text
        if "lock" in text.lower():
            return exit_codes.LOCKED, text
        return exit_codes.ERROR, text
    if isinstance(exc, (FileNotFoundError, IsADirectoryError, NotADirectoryError)):
        return exit_codes.USAGE, f"{exc.strerror or exc}: {exc.filename}" if exc.filename else str(exc)
    if isinstance(exc, LookupError) and name == "LookupError":
        return exit_codes.QUERY_ERROR, str(exc)
    return exit_codes.ERROR, f"{name}: {one_line(str(exc))}"


def one_line(text: str) -> str:
    """DuckDB's multi-line message as one line: the error and its hint, without the caret block."""
    lines = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("LINE ") or set(stripped) <= {"^", " "}:
            continue
        lines.append(stripped)
    return " ".join(lines)


def _quiet_logs(debug: bool) -> None:
    """Quiet by default: warnings and errors only (GX and Airflow log hundreds of INFO lines)."""
    import logging
    import warnings

    level = logging.DEBUG if debug else logging.WARNING
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    for name in ("great_expectations", "airflow", "py.warnings", "urllib3", "filelock"):
        logging.getLogger(name).setLevel(logging.INFO if debug else logging.WARNING)
    if not debug:
        warnings.filterwarnings("ignore")


if __name__ == "__main__":
    sys.exit(main())
