"""Trigger lexicon: PLOVER patterns loaded from ``pipeline/data/patterns/<lang>*.yaml``.

This module knows no words: every lemma, its type, mode, CAMEO root and argument roles live in
the pattern files (schema: ``pipeline/data/patterns/schema.yaml``).  Per language the main file
``<lang>.yaml`` (hand-written) is read first; further files ``<lang>.<source>.yaml`` (e.g. the
PETRARCH2 import) only add lemmas the main file does not have, so a curated entry always wins.

``LEXICON[lang]`` = ``{"VERB": {lemma: spec}, "NOUN": {lemma: spec}, "MULTI": {(head, dep): spec}}``.
Multi-word triggers are (head lemma, dependent lemma) pairs found in the parse ("reprendre les
armes", "hold talks"); their spec has pos VERB, as the head decides the clause.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from pipeline.core.ontology import CAMEO_ROOT

PATTERN_DIR = Path(__file__).resolve().parent.parent / "data" / "patterns"
LANGS = ("fr", "en")


@dataclass(frozen=True)
class TriggerSpec:
    lemma: str
    event_type: str
    mode: str | None = None
    pos: str = "VERB"
    symmetric: bool = False
    de_role: str | None = None
    need_recipient: bool = False
    special: bool = False
    cameo: str | None = None
    domestic: bool = False
    source: str = ""


_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_PY_TYPES = {"str": str, "list": list, "bool": bool, "dict": dict}


@lru_cache(maxsize=None)
def schema() -> dict:
    return yaml.load((PATTERN_DIR / "schema.yaml").read_text(encoding="utf-8"), Loader=_YAML_LOADER)


def _check(obj: dict, part: dict, where: str) -> list[str]:
    errs = [f"{where}: missing {k}" for k in part["required"] if k not in obj]
    for k, v in obj.items():
        rule = part["fields"].get(k)
        if rule is None:
            errs.append(f"{where}: unknown field {k!r}")
            continue
        types = rule["type"] if isinstance(rule["type"], list) else [rule["type"]]
        if not isinstance(v, tuple(_PY_TYPES[t] for t in types)):
            errs.append(f"{where}: {k}={v!r} is not {'/'.join(types)}")
        elif "enum" in rule and v not in rule["enum"]:
            errs.append(f"{where}: {k}={v!r} not in {rule['enum']}")
        elif "pattern" in rule and not re.match(rule["pattern"], str(v)):
            errs.append(f"{where}: {k}={v!r} does not match {rule['pattern']}")
    return errs


def validate(data: dict, name: str = "<patterns>") -> list[str]:
    """Schema errors of one loaded pattern file (empty list: valid)."""
    sch = schema()
    if not isinstance(data, dict):
        return [f"{name}: not a mapping"]
    errs = _check(data, sch["file"], name)
    seen = set()
    for i, e in enumerate(data.get("patterns") or []):
        where = f"{name}#{i} {e.get('lemma') if isinstance(e, dict) else e!r}"
        if not isinstance(e, dict):
            errs.append(f"{where}: not a mapping")
            continue
        errs += _check(e, sch["entry"], where)
        lem = e.get("lemma")
        if e.get("pos") == "multi" and not (isinstance(lem, list) and len(lem) == 2 and all(isinstance(x, str) for x in lem)):
            errs.append(f"{where}: a multi pattern's lemma is [head, dependent]")
        if e.get("pos") != "multi" and not isinstance(lem, str):
            errs.append(f"{where}: lemma must be a string")
        key = (e.get("pos"), tuple(lem) if isinstance(lem, list) else lem)
        if key in seen:
            errs.append(f"{where}: duplicate {key}")
        seen.add(key)
    return errs


def pattern_files(lang: str, directory: Path | None = None) -> list[Path]:
    d = directory or PATTERN_DIR
    main = d / f"{lang}.yaml"
    extra = sorted(p for p in d.glob(f"{lang}.*.yaml"))
    return ([main] if main.exists() else []) + extra


def _spec(e: dict, source: str) -> tuple[str, object, TriggerSpec]:
    pos = e["pos"]
    lem = e["lemma"]
    spec = TriggerSpec(
        lemma=lem if isinstance(lem, str) else " ".join(lem), event_type=e["type"], mode=e.get("mode"),
        pos="NOUN" if pos == "noun" else "VERB", symmetric=bool(e.get("symmetric")), de_role=e.get("de"),
        need_recipient=bool(e.get("need_recipient")), special=bool(e.get("rule")),
        cameo=e.get("cameo") or CAMEO_ROOT.get(e["type"], "").split(",")[0] or None,
        domestic=bool(e.get("domestic")), source=source)
    table = {"verb": "VERB", "noun": "NOUN", "multi": "MULTI"}[pos]
    return table, (tuple(lem) if pos == "multi" else lem), spec


def load_lexicon(lang: str, directory: Path | None = None) -> dict:
    """The trigger tables of one language from its pattern files (first file wins per key)."""
    out: dict = {"VERB": {}, "NOUN": {}, "MULTI": {}, "EXTRA_FORMS": set(), "SETS": {}}
    for path in pattern_files(lang, directory):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
        errs = validate(data, path.name)
        if errs:
            raise ValueError("invalid pattern file:\n" + "\n".join(errs[:20]))
        source = data.get("source") or path.stem
        out["EXTRA_FORMS"].update(data.get("prefilter_extra") or ())
        for name, words in (data.get("sets") or {}).items():
            out["SETS"].setdefault(name, set()).update(str(w).lower() for w in words)
        for e in data["patterns"]:
            table, key, spec = _spec(e, source)
            out[table].setdefault(key, spec)
    return out


LEXICON = {lang: load_lexicon(lang) for lang in LANGS}


def word_set(lang: str, name: str) -> frozenset[str]:
    """A named word set of the pattern files (empty when no file defines it)."""
    return frozenset(LEXICON.get(lang, LEXICON["en"])["SETS"].get(name, ()))


@lru_cache(maxsize=None)
def shared_set(name: str) -> frozenset[str]:
    """A named word set of ``shared.yaml`` (the vocabulary of the argument rules)."""
    data = yaml.load((PATTERN_DIR / "shared.yaml").read_text(encoding="utf-8"), Loader=_YAML_LOADER)
    errs = validate(data, "shared.yaml")
    if errs:
        raise ValueError("invalid pattern file:\n" + "\n".join(errs[:20]))
    if name not in data["sets"]:
        raise KeyError(f"shared.yaml has no set {name!r}")
    return frozenset(str(w) for w in data["sets"][name])


def data_hash() -> str:
    """Hash of the pattern files (schema included): part of the extractor version."""
    h = hashlib.sha256()
    for p in sorted(PATTERN_DIR.glob("*.yaml")):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()


def _fold(s: str) -> str:
    import unicodedata
    s = unicodedata.normalize("NFKD", s.lower())
    return "".join(c for c in s if not unicodedata.combining(c))


def prefilter_stems(lang: str) -> tuple[str, ...]:
    """Accent-folded stems for the cheap pre-parse pass (a sentence without any of these
    substrings cannot contain a trigger)."""
    lex = LEXICON.get(lang, LEXICON["en"])
    stems = set()
    for table in (lex["VERB"], lex["NOUN"]):
        for lemma in table:
            w = _fold(re.sub(r"^(?:s'|s’|se )", "", lemma).split()[0])
            # verb stems: drop the infinitive ending so conjugated forms match
            if table is lex["VERB"]:
                for suf in ("er", "ir", "re", "e"):
                    if w.endswith(suf) and len(w) - len(suf) >= 3:
                        w = w[: -len(suf)]
                        break
            stems.add(w[:max(3, min(len(w), 6))])
    for (_head, d) in lex["MULTI"]:
        stems.add(_fold(d)[:4])
    stems.update(_fold(f) for f in lex["EXTRA_FORMS"])
    return tuple(sorted(stems))


__all__ = ["TriggerSpec", "LEXICON", "prefilter_stems", "load_lexicon", "validate", "data_hash", "word_set", "shared_set"]
