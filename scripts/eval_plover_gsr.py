"""Score the English extractor on the PLOVER gold-standard records (an external test set).

The PLOVER repository (https://github.com/openeventdata/PLOVER, CC BY-SA 4.0) ships
``gold_standard_records/PLOVER_GSR_CAMEO.txt``: ~320 English news sentences from the CAMEO manual,
each coded with one PLOVER event and its source and target actors.  It is a FINAL test set: no rule,
pattern or training sentence of this repository may be written from it; it is not copied here.

    git clone https://github.com/openeventdata/PLOVER /tmp/PLOVER
    python scripts/eval_plover_gsr.py /tmp/PLOVER/gold_standard_records/PLOVER_GSR_CAMEO.txt

Reported, per sentence (one gold event each):
- type found: some predicted mention (any status) has the gold type;
- type first: the first predicted mention has the gold type;
- dyad P/R/F1: (source country, target country) pairs of the gold record vs those of the predicted
  mentions of the gold type (countries only: IGO, ethnic and sector codes are not scored);
- a naive keyword baseline on the same sentences: the first word whose surface form is a lemma of the
  English pattern files (or a regular inflection of one) gives the type. It shares our vocabulary, so
  the gap between the two is what the parse and the argument rules add.
The GSR's older type names map to today's 16 by the PLOVER codebook's table: DEMAND→REQUEST,
DISAPPROVE→ACCUSE, INVESTIGATE→ACCUSE, FIGHT→ASSAULT.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

OLD_TO_NEW = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
COUNTRY = re.compile(r"^[A-Z]{3}$")
NOT_COUNTRIES = {"IGO", "NGO", "REB", "MIL", "GOV", "CVL", "UNK", "MNC", "ETH"}


def _countries(parties: list[dict]) -> set[str]:
    if not isinstance(parties, list):  # a few records have "" for no target
        return set()
    return {p["code"] for p in parties if COUNTRY.match(p.get("code") or "") and p["code"] not in NOT_COUNTRIES}


def load(path: Path) -> list[dict]:
    rows = []
    for rec in json.loads(path.read_text(encoding="utf-8")):
        if rec.get("event") in (None, "DOCUMENT") or rec.get("language", "en") != "en":
            continue
        rows.append({"id": rec["id"], "text": rec["text"], "type": OLD_TO_NEW.get(rec["event"], rec["event"]),
                     "source": _countries(rec.get("source")), "target": _countries(rec.get("target"))})
    return rows


def _inflections(lemma: str) -> set[str]:
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
    if lemma.endswith("e"):
        forms.add(lemma[:-1] + "ing")
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    return forms


def keyword_table() -> dict[str, str]:
    from pipeline.extract.lexicon import LEXICON

    table: dict[str, str] = {}
    for pos in ("VERB", "NOUN"):
        for lemma, spec in LEXICON["en"][pos].items():
            if " " in lemma or "_" in lemma:
                continue
            for form in _inflections(lemma.lower()):
                table.setdefault(form, spec.event_type)
    return table


def keyword_type(text: str, table: dict[str, str]) -> str | None:
    for word in re.findall(r"[A-Za-z]+", text.lower()):
        if word in table:
            return table[word]
    return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gsr", type=Path, help="PLOVER_GSR_CAMEO.txt")
    args = ap.parse_args(argv)
    from pipeline.extract.events import extract_many

    rows = load(args.gsr)
    items = [(r["id"], r["text"], "en", date(2000, 1, 1), None) for r in rows]
    table = keyword_table()
    found = first = kw = 0
    tp = fp = fn = 0
    by_type: Counter = Counter()
    by_type_found: Counter = Counter()
    for r, mentions in zip(rows, extract_many(items)):
        types = [m.event_type for m in mentions]
        by_type[r["type"]] += 1
        if r["type"] in types:
            found += 1
            by_type_found[r["type"]] += 1
        first += bool(types) and types[0] == r["type"]
        kw += keyword_type(r["text"], table) == r["type"]
        gold = {(a, t) for a in r["source"] for t in r["target"]}
        pred = {(a.country, t.country) for m in mentions if m.event_type == r["type"]
                for a in m.actor for t in m.recipient if a.country and t.country}
        tp += len(gold & pred)
        fp += len(pred - gold)
        fn += len(gold - pred)
    n = len(rows)
    p = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * rec / (p + rec) if p + rec else 0.0
    print(f"PLOVER GSR: {n} sentences; type found {found / n:.3f}, type first {first / n:.3f}; "
          f"keyword baseline {kw / n:.3f}; dyad P={p:.3f} R={rec:.3f} F1={f1:.3f} (tp={tp} fp={fp} fn={fn})")
    print("type found by type: " + " ".join(f"{t}={by_type_found[t] / c:.2f}/{c}" for t, c in sorted(by_type.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
