"""Event extraction on the five seed articles (gold bodies of ../shared)."""
import sys
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
pytestmark = pytest.mark.seeds


@pytest.fixture(scope="module")
def seeds(shared_dir, nlp_fr):
    from eval_seeds_from_gold_bodies import run

    return run(shared_dir)


def test_trump_petro_call_found(seeds):
    preds, _ = seeds
    calls = [p for p in preds if p["event_type"] == "CONSULT" and p["status"] == "asserted"
             and {a["country"] for a in p["actor"]} | {r["country"] for r in p["recipient"]} >= {"USA", "COL"}
             and p["event_date"] == date(2026, 1, 7).isoformat()]
    assert calls


def test_seed_floor(seeds):
    assert seeds[1]["f1"] >= 0.65


@pytest.mark.xfail(reason="quality target 0.85 not yet reached", strict=False)
def test_seed_target(seeds):
    assert seeds[1]["f1"] >= 0.85
