"""The five seed dumps in ../shared against their gold bodies."""
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2].parent / "shared"

pytestmark = pytest.mark.seeds


@pytest.fixture(scope="module")
def result():
    if not (SHARED / "seeds").is_dir() or not (SHARED / "gold" / "bodies").is_dir():
        pytest.skip(f"seed dumps not found: {SHARED} is absent (checkout without ../shared)")
    from pipeline.lab.clean_seeds import evaluate_seeds

    res, _ = evaluate_seeds(SHARED)
    return res


def test_seed_bodies_f1(result):
    assert result["documents"] == 5
    assert result["f1"] >= 0.98, result["per_doc"]


def test_seed_titles_and_dates(result):
    assert result["title_matches"] == 5, [r for r in result["per_doc"] if not r.get("title_match")]
    assert result["date_matches"] == 5, [r for r in result["per_doc"] if not r.get("date_match")]


def test_seed_languages(result):
    assert all(r.get("language_match") for r in result["per_doc"])
