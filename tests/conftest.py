"""Session fixtures shared by the test suite (kept small: spaCy loads once per session)."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
os.environ.setdefault("NEWSEVENTS_LOCK_WAIT_SECONDS", "5")  # tests that hold the file need not wait 30 s
if str(REPO / "dags") not in sys.path:  # as Airflow's DAG processor does for the DAG bundle
    sys.path.append(str(REPO / "dags"))


@pytest.fixture(scope="session")
def nlp_fr():
    from pipeline.text.nlp import load_nlp

    return load_nlp("fr")


@pytest.fixture(scope="session")
def nlp_en():
    from pipeline.text.nlp import load_nlp

    return load_nlp("en")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.exists():
        pytest.skip(f"{SHARED} is absent: the seeds tests need ../shared beside the repository")
    return SHARED


@pytest.fixture(scope="session")
def warehouse_snapshot():
    """`take(warehouse, queries)`: {name: sorted rows of each query}, read-only — compare two
    warehouses (or one before and after) on the queries a test cares about."""
    import duckdb

    def take(warehouse: Path, queries: dict[str, str]) -> dict:
        with duckdb.connect(str(warehouse), read_only=True) as con:
            return {name: sorted(con.execute(sql).fetchall(), key=repr) for name, sql in queries.items()}

    return take
