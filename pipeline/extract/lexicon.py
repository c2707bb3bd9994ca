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


def load_yaml(source):
    """A data file's YAML (its text or an open file), read with libyaml when it is built (~7x faster)."""
    return yaml.load(source, Loader=_YAML_LOADER)
_PY_TYPES = {"str": str, "list": list, "bool": bool, "dict": dict, "null": type(None)}


@lru_cache(maxsize=None)
def schema() -> dict:
    return load_yaml((PATTERN_DIR / "schema.yaml").read_text(encoding="utf-8"))


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
        data = load_yaml(path.read_text(encoding="utf-8"))
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


@lru_cache(maxsize=None)
def word_set(lang: str, name: str) -> frozenset[str]:
    """A named word set of the pattern files (empty when no file defines it)."""
    return frozenset(LEXICON.get(lang, LEXICON["en"])["SETS"].get(name, ()))


@lru_cache(maxsize=1)
def _shared_sets() -> dict:
    """The sets of ``shared.yaml``, read and validated once per process (the engine's modules ask
    for ~60 of them at import)."""
    data = load_yaml((PATTERN_DIR / "shared.yaml").read_text(encoding="utf-8"))
    errs = validate(data, "shared.yaml")
    if errs:
        raise ValueError("invalid pattern file:\n" + "\n".join(errs[:20]))
    return data["sets"]


@lru_cache(maxsize=None)
def shared_set(name: str) -> frozenset[str]:
    """A named word set of ``shared.yaml`` (the vocabulary of the argument rules)."""
    sets = _shared_sets()
    if name not in sets:
        raise KeyError(f"shared.yaml has no set {name!r}")
    return frozenset(str(w) for w in sets[name])


def shared_set_names() -> frozenset[str]:
    return frozenset(_shared_sets())


def validate_senses(data, name: str = "<senses>", known_sets=None) -> list[str]:
    """Schema errors of one loaded senses file (``senses.<lang>.yaml``, read by ``senses.py``);
    `known_sets`: the set names a ``$name`` may refer to besides the file's own (None: unchecked)."""
    sch = schema()
    if not isinstance(data, dict):
        return [f"{name}: not a mapping"]
    errs = _check(data, sch["senses_file"], name)
    sets = set(data.get("sets") or {}) | set(known_sets or ())
    named = data.get("conditions") or {}
    words_keys = {k for k, r in sch["condition"]["fields"].items() if r.get("words")}

    def words(v, where):
        return [f"{where}: unknown set {w!r}" for w in ([v] if isinstance(v, str) else v)
                if known_sets is not None and str(w).startswith("$") and w[1:] not in sets]

    def cond(c, where, depth=0):
        if not isinstance(c, dict) or depth > 20:
            return [f"{where}: a condition is a mapping (nested at most 20 deep)"]
        out = _check(c, sch["condition"], where)
        for k, v in c.items():
            w = f"{where}.{k}"
            if k in ("any", "all") and isinstance(v, list):
                out += [e for i, x in enumerate(v) for e in cond(x, f"{w}[{i}]", depth + 1)]
            elif k in ("child", "head", "not"):
                out += cond(v, w, depth + 1)
            elif k == "prep_arg" and isinstance(v, dict):
                out += _check(v, sch["prep_arg"], w) + words(v.get("prep", []), w)
                out += cond(v["arg"], w + ".arg", depth + 1) if "arg" in v else []
            elif k == "use" and v not in named:
                out.append(f"{w}: no condition named {v!r}")
            elif k in words_keys and isinstance(v, (str, list)):
                out += words(v, w)
        return out

    for k, c in named.items():
        errs += cond(c, f"{name}:conditions.{k}")
    for k, v in (data.get("sets") or {}).items():
        errs += [] if isinstance(v, list) else [f"{name}:sets.{k}: not a list"]
    seen: set = set()
    types = sch["entry"]["fields"]["type"]
    for i, e in enumerate(data.get("senses") or []):
        where = f"{name}#{i} {e.get('lemmas') if isinstance(e, dict) else e!r}"
        if not isinstance(e, dict) or _check(e, sch["senses_entry"], where):
            errs += _check(e, sch["senses_entry"], where) if isinstance(e, dict) else [f"{where}: not a mapping"]
            continue
        errs += [f"{where}: duplicate lemma {lem!r}" for lem in e["lemmas"] if lem in seen]
        seen.update(e["lemmas"])
        for j, s in enumerate(e["senses"]):
            w = f"{where} sense {j}"
            if not isinstance(s, dict):
                errs.append(f"{w}: not a mapping")
                continue
            errs += _check(s, sch["sense"], w) + (cond(s["if"], w + ".if") if "if" in s else [])
            then = s.get("then")
            if isinstance(then, dict):
                errs += _check(then, {**sch["outcome"], "fields": {**sch["outcome"]["fields"], "type": types}}, w)
            elif then not in ("keep", "drop"):
                errs.append(f"{w}: then is keep, drop or an outcome mapping")
        if e["senses"] and isinstance(e["senses"][-1], dict) and "if" in e["senses"][-1]:
            errs.append(f"{where}: the last sense has no condition (the default)")
    return errs


def load_senses_file(path: Path, known_sets=None) -> dict:
    data = load_yaml(path.read_text(encoding="utf-8"))
    errs = validate_senses(data, path.name, known_sets)
    if errs:
        raise ValueError("invalid senses file:\n" + "\n".join(errs[:20]))
    return data


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
            if table is lex["VERB"] and len(w) >= 3 and w.endswith("y"):
                # a stem ending in y is spelt with i before some endings: denied, rallies; (il) appuie
                stems.add((w[:-1] + "i")[:max(3, min(len(w), 6))])
    for (_head, d) in lex["MULTI"]:
        stems.add(_fold(d)[:4])
    stems.update(_fold(f) for f in lex["EXTRA_FORMS"])
    return tuple(sorted(stems))


__all__ = ["TriggerSpec", "LEXICON", "prefilter_stems", "load_lexicon", "validate", "data_hash", "word_set", "shared_set",
           "validate_senses", "load_senses_file", "shared_set_names"]


def enir_infinitive(lemma: str) -> str | None:
    """The infinitive of a -venir / -tenir participle the tagger left as an adjective ("sont convenus
    de", "retenue") -> convenir, retenir; None for any other word."""
    stem = lemma.rstrip("s")
    stem = stem[:-1] if stem.endswith("ue") else stem
    return stem[:-1] + "ir" if stem.endswith(("venu", "tenu")) and len(stem) > 4 else None

