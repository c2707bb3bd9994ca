"""The benchmark's command-line options and which optional parts a run includes (stdlib only: the
CLI builds its parser from here without importing the heavy parts)."""
from __future__ import annotations

import argparse

from pipeline.core.config import REPO_ROOT
from pipeline.lab.bench.common import DEFAULT_OUTPUT


# ---------------------------------------------------------------- options
def add_arguments(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The bench flags (pipeline.cli can call this on its `bench` sub-parser)."""
    p.add_argument("--articles", type=int, default=None,
                   help="articles in the corpus (default 2000; 10000 with --memory-check)")
    p.add_argument("--output", help=f"JSON results file (default {DEFAULT_OUTPUT.relative_to(REPO_ROOT)})")
    p.add_argument("--airflow", dest="airflow", action="store_true", default=None,
                   help="always run `airflow dags test` on the corpus (default: only if the --budget allows)")
    p.add_argument("--skip-airflow", dest="skip_airflow", action="store_true", help="never run the Airflow measurement")
    p.add_argument("--skip-baseline", action="store_true", help="do not measure the full-spaCy baseline")
    p.add_argument("--baseline-sample", type=int, default=300,
                   help="articles the baseline is measured on, then extrapolated (default 300; 0 = all)")
    p.add_argument("--incremental", dest="incremental", action="store_true", default=None,
                   help="always measure 100 new articles into a 100,000-article warehouse vs an empty one "
                        "(default: only if the --budget allows)")
    p.add_argument("--no-incremental", dest="incremental", action="store_false")
    p.add_argument("--incremental-base", type=int, default=100_000, help="articles in the seeded big warehouse")
    p.add_argument("--incremental-new", type=int, default=100, help="new articles in the incremental run")
    p.add_argument("--memory-check", action="store_true",
                   help="only: run the pipeline on --articles (default 10000) in a child process, report max RSS")
    p.add_argument("--profile", action="store_true", help="also cProfile one run and print the hot spots")
    p.add_argument("--profile-articles", type=int, default=500, help="articles in the profiled run (default 500)")
    p.add_argument("--budget", type=float, default=600,
                   help="seconds the default bench aims at: the optional incremental and Airflow measurements "
                        "run only when their projected time (from the main run's measured speed) fits (default 600)")
    p.add_argument("--seed", type=int, default=7, help="corpus seed")
    p.add_argument("--keep", action="store_true", help="keep the temp folder (corpus, warehouses) and print it")
    p.add_argument("--incremental-timeout", type=float, default=600,
                   help="seconds after which an incremental run is stopped (the ratio is then a lower bound)")
    p.add_argument("--child-run", help=argparse.SUPPRESS)  # internal: landing folder of a child run
    p.add_argument("--child-root", help=argparse.SUPPRESS)
    p.add_argument("--child-warm", action="store_true", help=argparse.SUPPRESS)
    return p


def build_parser() -> argparse.ArgumentParser:
    return add_arguments(argparse.ArgumentParser(
        prog="python -m pipeline.lab.bench", description="newsevents throughput and memory benchmark"))


def options(args) -> argparse.Namespace:
    """Fill every option `newsevents bench` may not define (its parser only knows a few)."""
    defaults = vars(build_parser().parse_args([]))
    given = {k: v for k, v in vars(args).items() if k in defaults and v is not None}
    opts = argparse.Namespace(**{**defaults, **given})
    if opts.articles is None:
        opts.articles = 10_000 if opts.memory_check else 2000
    if opts.skip_airflow:
        opts.airflow = False
    return opts


def projected_seconds(what: str, pipeline: dict, opts) -> float:
    """Rough time of an optional measurement, from the main run's measured figures."""
    rate = pipeline.get("articles_per_second") or 1.0
    fixed = sum((pipeline["stages"].get(s) or {}).get("seconds", 0) for s in ("audit", "report"))
    if what == "incremental":  # seeding + two small runs (each pays the fixed audit/report cost)
        return 30 + opts.incremental_base / 1500 + 2 * (opts.incremental_new / rate + fixed + 20)
    return pipeline["seconds"] * 1.15 + 40  # airflow: the same work plus process/scheduler start-up


def wanted(what: str, forced: bool | None, elapsed: float, pipeline: dict, opts, skipped: dict) -> bool:
    """Forced on/off by a flag, else run only when the projection fits the budget."""
    if forced is not None:
        if not forced:
            skipped[what] = "disabled by flag"
        return forced
    projection = projected_seconds(what, pipeline, opts)
    if elapsed + projection <= opts.budget:
        return True
    skipped[what] = (f"budget: projected {projection:.0f} s, {max(0.0, opts.budget - elapsed):.0f} s of the "
                     f"{opts.budget:.0f} s budget left (force with --{what})")
    return False
