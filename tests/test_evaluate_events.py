import json

from pipeline.lab.evaluate_events import eval_events, format_eval


def _gold(tmp_path, rows):
    p = tmp_path / "gold.jsonl"
    p.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    return p


def G(i, types, actor, recip, date=None, tol=None, required=True, symmetric=False, doc="d1"):
    return {"id": i, "doc": doc, "event_type": types, "actor": actor, "recipient": recip, "date": date,
            "date_tolerance_days": tol, "required": required, "symmetric": symmetric}


def P(etype, actor, recip, date=None, status="asserted", doc="d1"):
    return {"source": f"/x/{doc}.txt", "event_type": etype, "actor": [{"country": c} for c in actor],
            "recipient": [{"country": c} for c in recip], "event_date": date, "status": status}


def test_match_and_date_accuracy(tmp_path):
    gold = _gold(tmp_path, [G("1", ["CONSULT"], ["USA"], ["COL"], "2026-01-07", 1, symmetric=True),
                            G("2", ["SANCTION", "COERCE"], ["USA"], ["COL"], "2025-09-15", 16)])
    preds = [P("CONSULT", ["COL"], ["USA"], "2026-01-08"),  # swapped: allowed (symmetric)
             P("COERCE", ["USA"], ["COL"], "2025-10-15")]  # right type, wrong date
    r = eval_events(gold, preds)
    assert (r["tp"], r["fp"], r["fn"]) == (2, 0, 0)
    assert r["f1"] == 1.0
    assert r["date_accuracy"] == 0.5 and r["dated_matches"] == 2
    assert "P=1.000" in format_eval(r)


def test_swap_not_allowed_when_not_symmetric(tmp_path):
    gold = _gold(tmp_path, [G("1", ["ACCUSE"], ["USA"], ["COL"])])
    r = eval_events(gold, [P("ACCUSE", ["COL"], ["USA"])])
    assert (r["tp"], r["fp"], r["fn"]) == (0, 1, 1)


def test_negated_hypothetical_dropped_and_collapse(tmp_path):
    gold = _gold(tmp_path, [G("1", ["ASSAULT"], ["USA"], [])])
    preds = [P("ASSAULT", ["USA"], ["VEN"]), P("ASSAULT", ["USA"], ["VEN"]),  # collapse to one
             P("THREATEN", ["USA"], ["VEN"], status="negated"), P("AID", ["USA"], ["VEN"], status="hypothetical")]
    r = eval_events(gold, preds)
    assert (r["tp"], r["fp"], r["fn"]) == (1, 0, 0)  # empty gold recipient: not scored


def test_optional_gold_counts_neither_way(tmp_path):
    gold = _gold(tmp_path, [G("1", ["PROTEST"], ["COL"], [], required=False), G("2", ["AGREE"], ["USA"], ["COL"])])
    r = eval_events(gold, [P("PROTEST", ["COL"], [])])
    assert (r["tp"], r["fp"], r["fn"]) == (0, 0, 1)
    assert r["misses"][0]["id"] == "2"


def test_bipartite_prefers_required_and_correct_date(tmp_path):
    gold = _gold(tmp_path, [G("1", ["SANCTION"], ["USA"], ["COL"], "2025-09-15", 16),
                            G("2", ["SANCTION"], ["USA"], ["COL"], "2025-10-15", 16),
                            G("3", ["SANCTION", "REJECT"], ["USA"], ["COL"], required=False)])
    preds = [P("SANCTION", ["USA"], ["COL"], "2025-10-16"), P("SANCTION", ["USA"], ["COL"], "2025-09-10"),
             P("SANCTION", ["USA"], ["COL"], None)]
    r = eval_events(gold, preds)
    assert (r["tp"], r["fp"], r["fn"]) == (2, 0, 0)
    assert r["date_accuracy"] == 1.0


def test_predictions_for_docs_without_gold_are_false_positives(tmp_path):
    gold = _gold(tmp_path, [G("1", ["AID"], ["USA"], ["UKR"])])
    r = eval_events(gold, [P("AID", ["USA"], ["UKR"]), P("AID", ["USA"], ["UKR"], doc="other")])
    assert (r["tp"], r["fp"], r["fn"]) == (1, 1, 0)
    assert r["per_doc"]["other"]["fp"] == 1


def test_doc_of_jsonl_line_source():
    from pipeline.lab.evaluate_events import _doc_of

    assert _doc_of({"source": "samples/export_2026-02.jsonl#3"}) == "export_2026-02#3"
    assert _doc_of({"source": "/x/fr_01_macron.txt"}) == "fr_01_macron"
