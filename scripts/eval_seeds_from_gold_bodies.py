"""Run event extraction on the gold bodies of ../shared and score it against the gold events.

    .venv/bin/python scripts/eval_seeds_from_gold_bodies.py [--shared ../shared] [--json out.jsonl] [-v]

The gold bodies (title on the first line when the article has one) stand in for the
cleaner's output; published dates come from gold/articles.jsonl (null -> the extractor
infers a reference date from the text).
"""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.extract.events import extract_many  # noqa: E402
from pipeline.lab.evaluate_events import eval_events, format_eval  # noqa: E402


def load_items(shared: Path):
    meta = {}
    for line in (shared / "gold" / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            meta[row["doc"]] = row
    items = []
    for doc, row in sorted(meta.items()):
        text = (shared / "gold" / "bodies" / f"{doc}.txt").read_text(encoding="utf-8")
        title = row.get("title")
        body = text
        if title and text.startswith(title):
            body = text[len(title):].lstrip("\n")
        pub = date.fromisoformat(row["published"]) if row.get("published") else None
        items.append((doc, body, row.get("language", "fr"), pub, title))
    return items


def run(shared: Path):
    items = load_items(shared)
    preds = []
    for item, mentions in zip(items, extract_many(items)):
        for m in mentions:
            preds.append(m.to_json(source=f"{item[0]}.txt"))
    return preds, eval_events(shared / "gold" / "seed_events.jsonl", preds)


def run_testset(lang: str, data_dir: Path = ROOT / "tests" / "data"):
    """Extraction + scoring on the project's own test set (tests/data/events_<lang>*.jsonl)."""
    items = []
    for line in (data_dir / f"events_{lang}_docs.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            pub = date.fromisoformat(d["published"]) if d.get("published") else None
            items.append((d["doc"], d["text"], lang, pub, None))
    preds = []
    for item, mentions in zip(items, extract_many(items)):
        preds.extend(m.to_json(source=f"{item[0]}.txt") for m in mentions)
    return preds, eval_events(data_dir / f"events_{lang}.jsonl", preds)


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--json")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--testset", choices=["fr", "en"], help="score the project's own test set instead of the seeds")
    a = ap.parse_args(argv)
    preds, res = run_testset(a.testset) if a.testset else run(Path(a.shared))
    if a.verbose:
        for p in preds:
            print(f"{Path(p['source']).stem[:3]} s{p['sentence_index']:>2} {p['event_type']:<9} {p['status']:<12} "
                  f"{[x['country'] for x in p['actor']]}->{[x['country'] for x in p['recipient']]} {p['event_date']} "
                  f"«{p['trigger']}» {','.join(n for n in p['notes'] if not n.startswith('place'))}")
    if a.json:
        with open(a.json, "w", encoding="utf-8") as fh:
            for p in preds:
                fh.write(json.dumps(p, ensure_ascii=False) + "\n")
    print(format_eval(res))


if __name__ == "__main__":
    main()
