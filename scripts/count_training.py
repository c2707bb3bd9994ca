#!/usr/bin/env python
"""Counts of the learned layer's training data, per type and language (issue 13, item 2).

    python scripts/count_training.py            # both languages, from pipeline/data/training/{fr,en}.jsonl
    python scripts/count_training.py --lang fr --hand   # hand-written rows only
    python scripts/count_training.py --thin 25  # also list (type, language) cells below 25 hand rows

Columns: rows (hand + expanded), hand, the status variants among hand rows (asserted / future /
negated / hypothetical), modes covered among the type's modes, hand rows with an actor and with a
recipient marked, distinct countries among their parties, and the share of expanded rows whose
text differs from their source sentence only by the country and weekday/month names (all of them,
by construction: expansions add names, not wording).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.core.ontology import MODES, PLOVER_TYPES  # noqa: E402

TRAIN_DIR = ROOT / "pipeline" / "data" / "training"
STATUSES = ("asserted", "future", "negated", "hypothetical")


def load(lang: str) -> list[dict]:
    path = TRAIN_DIR / f"{lang}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def table(rows: list[dict]) -> dict[str, dict]:
    out: dict[str, dict] = {}
    cells: dict[str, dict] = defaultdict(lambda: {"rows": 0, "hand": 0, "status": Counter(), "modes": set(),
                                                  "actor": 0, "recipient": 0, "countries": set()})
    for r in rows:
        for t in r.get("types") or ["NONE"]:
            c = cells[t]
            c["rows"] += 1
            if r.get("origin") != "hand":
                continue
            c["hand"] += 1
            c["status"][r.get("status") or "asserted"] += 1
            if r.get("mode") and t == (r.get("types") or [None])[0]:
                c["modes"].add(r["mode"])
            c["actor"] += bool(r.get("actor"))
            c["recipient"] += bool(r.get("recipient"))
            c["countries"].update(r.get("actor") or [])
            c["countries"].update(r.get("recipient") or [])
    for t in list(PLOVER_TYPES) + ["NONE"]:
        out[t] = cells[t]
    return out


def print_table(lang: str, rows: list[dict], thin: int | None) -> list[str]:
    tab = table(rows)
    hand = sum(r.get("origin") == "hand" for r in rows)
    print(f"\n== {lang}: {len(rows)} rows, {hand} hand-written, {len(rows) - hand} expanded "
          f"(country / weekday / month swaps of a hand-written sentence)")
    head = f"{'type':<10}{'rows':>6}{'hand':>6}" + "".join(f"{s[:5]:>7}" for s in STATUSES)
    print(head + f"{'modes':>8}{'actor':>7}{'recip':>7}{'ctry':>6}")
    low = []
    for t, c in tab.items():
        n_modes = len(MODES.get(t, ()))
        modes = f"{len(c['modes'])}/{n_modes}" if n_modes else "-"
        print(f"{t:<10}{c['rows']:>6}{c['hand']:>6}" + "".join(f"{c['status'][s]:>7}" for s in STATUSES)
              + f"{modes:>8}{c['actor']:>7}{c['recipient']:>7}{len(c['countries']):>6}")
        if thin is not None and t != "NONE":
            if c["hand"] < thin:
                low.append(f"{lang} {t}: {c['hand']} hand rows")
            for s in ("future", "negated", "hypothetical"):
                if c["status"][s] < max(2, thin // 10):
                    low.append(f"{lang} {t}: {c['status'][s]} {s}")
            missing = sorted(set(MODES.get(t, ())) - c["modes"])
            if missing:
                low.append(f"{lang} {t}: modes without a hand row: {', '.join(missing)}")
    status = Counter(r.get("status") for r in rows if r.get("origin") == "hand")
    print("hand status: " + ", ".join(f"{s} {status[s]}" for s in STATUSES))
    return low


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lang", choices=["fr", "en"], action="append")
    ap.add_argument("--hand", action="store_true", help="hand-written rows only")
    ap.add_argument("--thin", type=int, default=None, help="list cells below this many hand rows")
    args = ap.parse_args(argv)
    low = []
    for lang in args.lang or ["fr", "en"]:
        rows = load(lang)
        if args.hand:
            rows = [r for r in rows if r.get("origin") == "hand"]
        low += print_table(lang, rows, args.thin)
    if low:
        print("\nthin cells:")
        for line in low:
            print("  " + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
