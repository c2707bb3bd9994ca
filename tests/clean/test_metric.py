import json

import pytest

from pipeline.lab.evaluate_bodies import eval_bodies, print_body_report, shingle_f1


def test_identical_and_empty():
    assert shingle_f1("one two three four five", "one two three four five") == (1.0, 1.0)
    assert shingle_f1("", "") == (1.0, 1.0)
    assert shingle_f1("", "one two three four five") == (0.0, 0.0)


def test_extra_text_lowers_precision_only():
    gold = "a b c d e f g h"
    p, r = shingle_f1(gold + " x y z w", gold)
    assert r == 1.0 and p == pytest.approx(5 / 9)


def test_missing_text_lowers_recall_only():
    p, r = shingle_f1("a b c d e", "a b c d e f g h")
    assert p == 1.0 and r == pytest.approx(2 / 5)


def test_multiset_and_punctuation_ignored():
    gold = "Le chat, dort. Le chat dort"
    assert shingle_f1("Le chat dort Le chat dort", gold) == (1.0, 1.0)
    p, r = shingle_f1("Le chat dort Le chat dort Le chat dort", gold)
    assert r == 1.0 and p < 1.0


def test_eval_bodies(tmp_path):
    gold = tmp_path / "bodies"
    gold.mkdir()
    (gold / "d1.txt").write_text("Un titre\n\nle corps de l'article est ici bien présent", encoding="utf-8")
    (gold / "d2.txt").write_text("autre corps sans titre mais assez long pour des shingles", encoding="utf-8")
    arts = tmp_path / "a.jsonl"
    arts.write_text(json.dumps({"doc": "d1", "title": "Un titre", "published": "2025-01-02", "language": "fr"}) + "\n"
                    + json.dumps({"doc": "d2", "title": None, "published": None, "language": "fr"}) + "\n")
    recs = [{"source": "/x/d1.txt", "title": "Un titre", "published": "2025-01-02", "language": "fr",
             "body": "le corps de l'article est ici bien présent"},
            {"source": "/x/d2.txt", "title": None, "published": None, "language": "fr", "body": "rien à voir du tout"}]
    res = eval_bodies(gold, arts, recs)
    assert res["documents"] == 2 and res["title_matches"] == 2 and res["date_matches"] == 2
    assert res["precision"] == pytest.approx(0.5) and res["recall"] == pytest.approx(0.5)
    assert "d1" in print_body_report(res)
