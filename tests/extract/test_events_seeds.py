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


def test_seed_target(seeds):
    assert seeds[1]["f1"] >= 0.85
    assert seeds[1]["date_accuracy"] >= 0.85


def test_no_event_from_negated_or_hypothetical_seed_sentences(seeds):
    preds, _ = seeds
    # "Aucune date n'a été fixée pour la rencontre", "ne sont pas ceux que vous imaginez"...
    kept = [p for p in preds if p["status"] in ("asserted", "future")]
    assert not any("pourrait" in p["sentence"] and p["trigger"] in ("apaiser",) for p in kept)
