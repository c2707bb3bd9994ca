"""Body-extraction evaluation against gold bodies.

Metric of the ScrapingHub article-extraction benchmark: `\\w+` tokens, multisets of
4-word shingles, precision and recall per document, averaged over documents, F1 of
the two averages.

    python -m pipeline.lab.evaluate_bodies clean.jsonl [--gold ../shared/gold]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

_TOKEN_RE = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)
NGRAM = 4


def _shingles(text: str, n: int = NGRAM) -> Counter:
    toks = _TOKEN_RE.findall(text or "")
    return Counter(tuple(toks[i : i + n]) for i in range(max(1, len(toks) - n + 1)) if toks[i : i + n])


def shingle_counts(pred: str, gold: str, n: int = NGRAM) -> tuple[float, float, float]:
    """(tp, fp, fn) shingle counts."""
    p, g = _shingles(pred, n), _shingles(gold, n)
    tp = sum((p & g).values())
    fp = sum(p.values()) - tp
    fn = sum(g.values()) - tp
    return float(tp), float(fp), float(fn)


def shingle_f1(pred: str, gold: str) -> tuple[float, float]:
    """(precision, recall) of `pred` against `gold` for one document."""
    tp, fp, fn = shingle_counts(pred, gold)
    if fp == 0 and fn == 0:
        return 1.0, 1.0  # both empty or identical
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def aggregate(pairs: list[tuple[float, float]]) -> dict:
    if not pairs:
        return {"documents": 0, "precision": 0.0, "recall": 0.0, "f1": 0.0}
    p = sum(x for x, _ in pairs) / len(pairs)
    r = sum(y for _, y in pairs) / len(pairs)
    return {"documents": len(pairs), "precision": p, "recall": r, "f1": f1(p, r)}


def aggregate_counts(counts: list[tuple[float, float, float]]) -> dict:
    """The benchmark's own aggregation from per-page (tp, fp, fn): precision averaged over pages
    with a non-empty prediction, recall over pages with a non-empty gold, F1 of the averages."""
    ps = [tp / (tp + fp) for tp, fp, _ in counts if tp + fp > 0]
    rs = [tp / (tp + fn) for tp, _, fn in counts if tp + fn > 0]
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    return {"documents": len(counts), "precision": p, "recall": r, "f1": f1(p, r),
            "empty": sum(1 for tp, fp, _ in counts if tp + fp == 0)}


def _norm_title(t: str | None) -> str:
    return " ".join(_TOKEN_RE.findall((t or "").lower()))


def eval_bodies(gold_dir: Path, articles_jsonl: Path | None, records: list[dict]) -> dict:
    """Compare clean_record dicts (title + body, as the gold files show) with gold bodies."""
    gold_dir = Path(gold_dir)
    meta: dict[str, dict] = {}
    if articles_jsonl and Path(articles_jsonl).exists():
        for line in Path(articles_jsonl).read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                meta[row["doc"]] = row
    by_stem = {Path(str(r.get("source") or "")).stem: r for r in records}
    per_doc = []
    pairs = []
    title_ok = date_ok = 0
    for gold_path in sorted(gold_dir.glob("*.txt")):
        stem = gold_path.stem
        gold = gold_path.read_text(encoding="utf-8")
        rec = by_stem.get(stem)
        if rec is None:
            pred = ""
        else:
            title = rec.get("title")
            body = rec.get("body") or ""
            pred = f"{title}\n\n{body}" if title else body
        p, r = shingle_f1(pred, gold)
        pairs.append((p, r))
        row = {"doc": stem, "precision": round(p, 4), "recall": round(r, 4), "f1": round(f1(p, r), 4),
               "found": rec is not None}
        m = meta.get(stem)
        if m is not None:
            t_ok = rec is not None and _norm_title(rec.get("title")) == _norm_title(m.get("title"))
            d_ok = rec is not None and (rec.get("published") or None) == (m.get("published") or None)
            title_ok += t_ok
            date_ok += d_ok
            row.update({"title_match": t_ok, "date_match": d_ok,
                        "gold_title": m.get("title"), "pred_title": rec.get("title") if rec else None,
                        "gold_published": m.get("published"), "pred_published": rec.get("published") if rec else None})
            if "language" in m:
                row["language_match"] = rec is not None and rec.get("language") == m.get("language")
        per_doc.append(row)
    out = aggregate(pairs)
    out.update({"title_matches": title_ok, "date_matches": date_ok, "per_doc": per_doc})
    return out


def print_body_report(result: dict) -> str:
    """Human-readable report of `eval_bodies` output."""
    lines = [f"{'doc':32} {'P':>6} {'R':>6} {'F1':>6}  title date"]
    for row in result.get("per_doc", []):
        t = "ok" if row.get("title_match") else ("-" if "title_match" not in row else "NO")
        d = "ok" if row.get("date_match") else ("-" if "date_match" not in row else "NO")
        lines.append(f"{row['doc'][:32]:32} {row['precision']:6.3f} {row['recall']:6.3f} {row['f1']:6.3f}  {t:5} {d}")
    n = result.get("documents", 0)
    lines.append(
        f"{'ALL (' + str(n) + ' docs)':32} {result.get('precision', 0):6.3f} {result.get('recall', 0):6.3f} "
        f"{result.get('f1', 0):6.3f}  titles {result.get('title_matches', 0)}/{n} dates {result.get('date_matches', 0)}/{n}"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("records", type=Path, help="JSONL of clean records (newsevents clean output)")
    ap.add_argument("--gold", type=Path, default=Path(__file__).resolve().parents[2].parent / "shared" / "gold")
    ap.add_argument("--json", action="store_true", help="print the result as JSON")
    a = ap.parse_args(argv)
    records = [json.loads(x) for x in a.records.read_text(encoding="utf-8").splitlines() if x.strip()]
    res = eval_bodies(a.gold / "bodies", a.gold / "articles.jsonl", records)
    print(json.dumps(res, ensure_ascii=False, indent=1) if a.json else print_body_report(res))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
