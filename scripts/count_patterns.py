"""Print the number of trigger patterns per PLOVER type and language, read from the pattern files.

    python scripts/count_patterns.py            # table: type x (fr, en hand-written, en imported)
    python scripts/count_patterns.py --pos      # also split by pos (verb / noun / multi)

Counts the entries as written in pipeline/data/patterns/<lang>*.yaml (the hand-written <lang>.yaml
and any imported <lang>.<source>.yaml, e.g. en.petrarch.yaml); an imported lemma the hand-written
file also has is counted once, in the hand-written column (the loader keeps the first file's entry).
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import yaml

PATTERN_DIR = Path(__file__).resolve().parent.parent / "pipeline" / "data" / "patterns"
TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
         "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]


def _key(e: dict) -> tuple:
    lem = e["lemma"]
    return e["pos"], tuple(lem) if isinstance(lem, list) else lem


def columns(directory: Path = PATTERN_DIR) -> dict[str, Counter]:
    """column name -> Counter of (type, pos)."""
    cols: dict[str, Counter] = {}
    for lang in ("fr", "en"):
        seen: set = set()
        files = [directory / f"{lang}.yaml"] + sorted(directory.glob(f"{lang}.*.yaml"))
        for path in files:
            if not path.exists():
                continue
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            name = lang if path.name == f"{lang}.yaml" else f"{lang} ({path.stem.split('.', 1)[1]})"
            c = cols.setdefault(name, Counter())
            for e in data.get("patterns") or []:
                k = _key(e)
                if k in seen:
                    continue
                seen.add(k)
                c[(e["type"], e["pos"])] += 1
    return cols


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pos", action="store_true", help="split each column by verb/noun/multi")
    args = ap.parse_args(argv)
    cols = columns()
    names = list(cols)
    if "en" in names and any(n.startswith("en (") for n in names):
        names.append("en total")
        cols["en total"] = sum((cols[n] for n in names if n.startswith("en") and n != "en total"), Counter())
    poss = ("verb", "noun", "multi")
    head = ["type"] + [f"{n} {p}" for n in names for p in poss] if args.pos else ["type"] + names
    rows = []
    for t in TYPES + ["total"]:
        ts = TYPES if t == "total" else [t]
        if args.pos:
            rows.append([t] + [str(sum(cols[n][(x, p)] for x in ts)) for n in names for p in poss])
        else:
            rows.append([t] + [str(sum(cols[n][(x, p)] for x in ts for p in poss)) for n in names])
    print("| " + " | ".join(head) + " |")
    print("|" + "|".join("---" if i == 0 else "---:" for i in range(len(head))) + "|")
    for r in rows:
        print("| " + " | ".join(r) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
