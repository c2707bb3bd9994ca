"""The project's own French and English event test sets (tests/data, see README there)."""
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

TARGET_F1 = 0.85
# Measured F1 at the time of writing (fr 0.917, en 1.000 incl. held-out docs fr31-33 / en33-38):
# both meet the target; the floors leave room for parser noise.
FLOOR = {"fr": 0.88, "en": 0.92}


@pytest.fixture(scope="module")
def results(nlp_fr, nlp_en):
    from eval_seeds_from_gold_bodies import run_testset

    return {lang: run_testset(lang)[1] for lang in ("fr", "en")}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_testset_no_regression(results, lang):
    assert results[lang]["f1"] >= FLOOR[lang], results[lang]


def test_testset_target_fr(results):
    assert results["fr"]["f1"] >= TARGET_F1


def test_testset_target_en(results):
    assert results["en"]["f1"] >= TARGET_F1


def test_testsets_have_enough_sentences():
    import json

    from pipeline.extract.events import split_sentences

    for lang in ("fr", "en"):
        n = sum(len(split_sentences(json.loads(line)["text"]))
                for line in (ROOT / "tests" / "data" / f"events_{lang}_docs.jsonl").read_text(encoding="utf-8").splitlines() if line.strip())
        assert n >= 60
