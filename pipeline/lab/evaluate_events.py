"""Score predicted event mentions against gold events (the rules of shared/README.md).

Per document (``Path(pred["source"]).stem`` == gold ``doc``):

1. drop predictions whose status is ``negated`` or ``hypothetical``;
2. collapse the rest to unique ``(type, actor countries, recipient countries, date)``;
3. match one-to-one to gold: a pair is admissible when the predicted type is in the
   gold type list and the actor AND recipient country sets overlap (gold sides that are
   empty are not scored; when the gold event is ``symmetric`` the predicted sides may be
   swapped).  The matching is a maximum-weight bipartite matching that maximises the
   number of matched *required* gold events first, then matches to non-required gold
   (which absorb predictions without rewarding them), then correct dates;
4. unmatched required gold = miss (FN); unmatched prediction = false positive;
   matches to non-required gold count neither way.

Date accuracy: over matched gold events that have a date, the share whose predicted
date is within ``date_tolerance_days``.
"""
from __future__ import annotations

import json
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Iterable

DROPPED_STATUSES = {"negated", "hypothetical"}

_W_REQUIRED = 10_000
_W_OPTIONAL = 1_000
_W_DATE = 1


def load_gold(gold_path: Path) -> list[dict]:
    rows = []
    with open(gold_path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line:
                rows.append(json.loads(line))
    return rows


def _countries(parties) -> frozenset[str]:
    out = set()
    for p in parties or []:
        if isinstance(p, dict):
            c = p.get("country")
        else:
            c = p
        if c:
            out.add(str(c).upper())
    return frozenset(out)


def _doc_of(pred: dict) -> str:
    src = str(pred.get("source") or pred.get("doc") or pred.get("article_id") or "")
    # a JSONL export line: "path/export_2026-02.jsonl#3" -> "export_2026-02#3"
    base, sep, line = src.rpartition("#")
    if sep and line.isdigit() and base:
        return f"{Path(base).stem}#{line}"
    return Path(src).stem


def collapse(predictions: Iterable[dict]) -> dict[str, list[tuple]]:
    """doc -> sorted unique (type, actor countries, recipient countries, date) tuples."""
    per_doc: dict[str, set] = defaultdict(set)
    for p in predictions:
        if (p.get("status") or "asserted") in DROPPED_STATUSES:
            continue
        key = (p.get("event_type"), _countries(p.get("actor")), _countries(p.get("recipient")),
               p.get("event_date"))
        per_doc[_doc_of(p)].add(key)
    return {d: sorted(v, key=lambda k: (k[0] or "", sorted(k[1]), sorted(k[2]), k[3] or "")) for d, v in per_doc.items()}


def _side_ok(gold_side: list, pred_side: frozenset) -> bool:
    if not gold_side:
        return True
    return bool(set(c.upper() for c in gold_side) & pred_side)


def admissible(gold: dict, pred: tuple) -> bool:
    etype, actors, recips, _ = pred
    if etype not in (gold.get("event_type") or []):
        return False
    ga, gr = gold.get("actor") or [], gold.get("recipient") or []
    if _side_ok(ga, actors) and _side_ok(gr, recips):
        return True
    if gold.get("symmetric") and _side_ok(ga, recips) and _side_ok(gr, actors):
        return True
    return False


def date_ok(gold: dict, pred_date: str | None) -> bool | None:
    """None when the gold event has no date (not scored for date accuracy)."""
    if not gold.get("date"):
        return None
    if not pred_date:
        return False
    try:
        g = date.fromisoformat(gold["date"])
        p = date.fromisoformat(str(pred_date)[:10])
    except ValueError:
        return False
    tol = gold.get("date_tolerance_days") or 0
    return abs((p - g).days) <= tol


def _max_weight_matching(weights: list[list[int]]) -> list[tuple[int, int]]:
    """Maximum-weight bipartite matching (0 = not admissible).  Returns (row, col) pairs."""
    n_rows = len(weights)
    n_cols = len(weights[0]) if n_rows else 0
    if not n_rows or not n_cols:
        return []
    try:
        import numpy as np
        from scipy.optimize import linear_sum_assignment

        w = np.array(weights, dtype=float)
        rows, cols = linear_sum_assignment(-w)
        return [(int(r), int(c)) for r, c in zip(rows, cols) if w[r, c] > 0]
    except ImportError:  # pragma: no cover - scipy is normally present
        return _greedy_augmenting(weights)


def _greedy_augmenting(weights):  # pragma: no cover - fallback only
    """Exact enough fallback: augmenting paths in decreasing weight tiers."""
    n_rows, n_cols = len(weights), len(weights[0])
    match_col: dict[int, int] = {}
    match_row: dict[int, int] = {}
    tiers = sorted({w for row in weights for w in row if w > 0}, reverse=True)

    def try_row(r, seen, min_w):
        for c in range(n_cols):
            if weights[r][c] >= min_w and c not in seen:
                seen.add(c)
                if c not in match_col or try_row(match_col[c], seen, min_w):
                    match_col[c] = r
                    match_row[r] = c
                    return True
        return False

    for t in tiers:
        for r in range(n_rows):
            if r not in match_row and max(weights[r]) >= t:
                try_row(r, set(), t)
    return sorted(match_row.items())


def eval_events(gold_path: Path, predictions: list[dict]) -> dict:
    gold_rows = load_gold(Path(gold_path))
    gold_by_doc: dict[str, list[dict]] = defaultdict(list)
    for g in gold_rows:
        gold_by_doc[g["doc"]].append(g)
    preds_by_doc = collapse(predictions)
    docs = sorted(set(gold_by_doc) | set(preds_by_doc))

    tp = fp = fn = 0
    dated = dated_ok = 0
    per_doc: dict[str, dict] = {}
    false_positives: list[dict] = []
    misses: list[dict] = []
    matches_out: list[dict] = []
    for doc in docs:
        golds = gold_by_doc.get(doc, [])
        preds = preds_by_doc.get(doc, [])
        weights = []
        for g in golds:
            row = []
            for p in preds:
                if not admissible(g, p):
                    row.append(0)
                    continue
                w = _W_REQUIRED if g.get("required", True) else _W_OPTIONAL
                if date_ok(g, p[3]):
                    w += _W_DATE
                row.append(w)
            weights.append(row)
        pairs = _max_weight_matching(weights)
        matched_g = {gi for gi, _ in pairs}
        matched_p = {pi for _, pi in pairs}
        d_tp = d_fp = d_fn = 0
        for gi, pi in pairs:
            g, p = golds[gi], preds[pi]
            if g.get("required", True):
                d_tp += 1
            ok = date_ok(g, p[3])
            if ok is not None:
                dated += 1
                dated_ok += int(ok)
            matches_out.append({"doc": doc, "gold": g.get("id"), "required": g.get("required", True),
                                "event_type": p[0], "actor": sorted(p[1]), "recipient": sorted(p[2]),
                                "date": p[3], "gold_date": g.get("date"), "date_ok": ok})
        for gi, g in enumerate(golds):
            if gi not in matched_g and g.get("required", True):
                d_fn += 1
                misses.append({"doc": doc, "id": g.get("id"), "event_type": g.get("event_type"),
                               "actor": g.get("actor"), "recipient": g.get("recipient"),
                               "date": g.get("date"), "evidence": g.get("evidence")})
        for pi, p in enumerate(preds):
            if pi not in matched_p:
                d_fp += 1
                false_positives.append({"doc": doc, "event_type": p[0], "actor": sorted(p[1]),
                                        "recipient": sorted(p[2]), "date": p[3]})
        tp, fp, fn = tp + d_tp, fp + d_fp, fn + d_fn
        per_doc[doc] = {"tp": d_tp, "fp": d_fp, "fn": d_fn, "predicted": len(preds),
                        "gold": len(golds), "gold_required": sum(1 for g in golds if g.get("required", True))}

    # recall per PLOVER type (the gold's first-listed type, required events only)
    by_type: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    matched_ids = {m["gold"] for m in matches_out if m["required"]}
    for g in gold_rows:
        if g.get("required", True) and g.get("event_type"):
            t = by_type[g["event_type"][0]]
            t[1] += 1
            t[0] += int(g.get("id") in matched_ids)
    type_recall = {t: (v[0] / v[1]) for t, v in sorted(by_type.items())}
    precision = tp / (tp + fp) if tp + fp else (1.0 if not fn else 0.0)
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision, "recall": recall, "f1": f1,
        "tp": tp, "fp": fp, "fn": fn,
        "date_accuracy": (dated_ok / dated) if dated else None,
        "dated_matches": dated,
        "per_doc": per_doc,
        "false_positives": false_positives,
        "misses": misses,
        "matches": matches_out,
        "type_recall": type_recall,
        "type_counts": {t: v[1] for t, v in sorted(by_type.items())},
    }


def format_eval(result: dict) -> str:
    da = result.get("date_accuracy")
    lines = [
        f"events: P={result['precision']:.3f} R={result['recall']:.3f} F1={result['f1']:.3f} "
        f"(tp={result['tp']} fp={result['fp']} fn={result['fn']})  "
        f"date accuracy={'n/a' if da is None else f'{da:.3f}'} over {result['dated_matches']} dated matches",
    ]
    tr = result.get("type_recall") or {}
    if tr:
        low = sorted(t for t, r in tr.items() if r < 0.5)
        lines.append("recall by type: " + " ".join(f"{t}={r:.2f}/{result['type_counts'][t]}" for t, r in tr.items()))
        lines.append(f"types with recall < 0.5: {len(low)}/{len(tr)} {' '.join(low)}")
    for doc, d in sorted(result.get("per_doc", {}).items()):
        lines.append(f"  {doc}: tp={d['tp']} fp={d['fp']} fn={d['fn']} (pred={d['predicted']} gold={d['gold']})")
    if result.get("misses"):
        lines.append("misses:")
        for m in result["misses"]:
            lines.append(f"  {m['doc']} {m['id']} {'/'.join(m['event_type'])} {m['actor']}->{m['recipient']} "
                         f"{m['date']}  «{(m.get('evidence') or '')[:80]}»")
    wrong_dates = [m for m in result.get("matches", []) if m.get("date_ok") is False]
    if wrong_dates:
        lines.append("wrong dates:")
        for m in wrong_dates:
            lines.append(f"  {m['doc']} {m['gold']} {m['event_type']} predicted {m['date']} gold {m['gold_date']}")
    if result.get("false_positives"):
        lines.append("false positives:")
        for p in result["false_positives"]:
            lines.append(f"  {p['doc']} {p['event_type']} {p['actor']}->{p['recipient']} {p['date']}")
    return "\n".join(lines)


__all__ = ["eval_events", "format_eval", "collapse", "admissible", "date_ok", "load_gold"]
