"""Session fixtures shared by the test suite (kept small: spaCy loads once per session)."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def nlp_fr():
    from pipeline.nlp import load_nlp

    return load_nlp("fr")


@pytest.fixture(scope="session")
def nlp_en():
    from pipeline.nlp import load_nlp

    return load_nlp("en")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.exists():
        pytest.skip(f"{SHARED} is absent: the seeds tests need ../shared beside the repository")
    return SHARED
