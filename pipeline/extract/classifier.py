"""Learned layer of the event extractor: a sentence classifier for the 16 PLOVER types.

Interface (others code against it, keep it stable)::

    from pipeline.extract.classifier import score_sentences, model_version
    score_sentences("fr", ["La France a condamné l'attaque."])
    # -> [{"AGREE": 0.01, ..., "ACCUSE": 0.93, ..., "NONE": 0.02}]
    model_version()  # -> "3f2a9c1d0b7e" (hash of the model files)

One spaCy ``textcat_multilabel`` pipeline per language (``pipeline/data/models/textcat_{fr,en}``):
a blank French/English tokenizer (the same rules as ``fr_core_news_md`` / the English pipeline)
feeding a ``TextCatEnsemble`` (hash-embedding CNN + bag of uni/bigrams).  The labels are the 16
PLOVER types of ``pipeline.core.ontology.PLOVER_TYPES`` and ``NONE`` (no political event).

A type's score says *which act the sentence names*, not whether it happened: a negated or
hypothetical sentence ("n'a pas rencontré", "could strike") still scores for its act; status is
the engine's job (``score_status`` gives a learned opinion on it as an extra).  Refusals and
denials are REJECT and do not score for the refused act.

Models load lazily on first use, once per process, offline from the repository files (spaCy
never downloads anything for a pipeline loaded from a path).  ``NEWSEVENTS_CLASSIFIER_DIR``
points at another model directory (tests use it to load a copy from a fresh path).
"""
from __future__ import annotations

import hashlib
import random
import threading
from pathlib import Path
from typing import Iterable, Sequence

from pipeline.core.ontology import PLOVER_TYPES

LABELS: tuple[str, ...] = tuple(PLOVER_TYPES) + ("NONE",)
STATUS_LABELS: tuple[str, ...] = ("asserted", "future", "negated", "hypothetical")
LANGS: tuple[str, ...] = ("fr", "en")
DEFAULT_MODEL_DIR = Path(__file__).resolve().parents[1] / "data" / "models"

_lock = threading.Lock()
_models: dict[tuple[str, str], object] = {}
_version_cache: dict[str, str] = {}


def model_dir() -> Path:
    from pipeline.core.config import process_settings

    env = process_settings().classifier_dir
    return Path(env) if env else DEFAULT_MODEL_DIR


def _norm_lang(lang: str) -> str:
    code = (lang or "").strip().lower().replace("_", "-").split("-")[0]
    if code not in LANGS:
        raise ValueError(f"no classifier for language {lang!r} (have {', '.join(LANGS)})")
    return code


def load_model(lang: str, directory: Path | str | None = None):
    """The spaCy pipeline for ``lang`` (cached per process and directory)."""
    import spacy

    code = _norm_lang(lang)
    base = Path(directory) if directory is not None else model_dir()
    key = (str(base.resolve()), code)
    nlp = _models.get(key)
    if nlp is None:
        with _lock:
            nlp = _models.get(key)
            if nlp is None:
                path = base / f"textcat_{code}"
                if not (path / "config.cfg").exists():
                    raise FileNotFoundError(f"classifier model missing: {path} (run `make train`)")
                nlp = spacy.load(path)
                source = path / VECTORS_SOURCE_FILE
                if source.exists():
                    import json

                    nlp.vocab.vectors = _package_vectors(json.loads(source.read_text())["package"])
                _models[key] = nlp
    return nlp


VECTORS_SOURCE_FILE = "vectors_source.json"
_vectors_cache: dict[str, object] = {}


def _package_vectors(package: str):
    """Static word vectors of an installed spaCy package (e.g. fr_core_news_md), read offline from
    its files; they are not copied into the repository (24 MB)."""
    if package not in _vectors_cache:
        import spacy
        from spacy.vectors import Vectors

        root = spacy.util.get_package_path(package)
        candidates = [p.parent for p in root.rglob("vocab/vectors")]
        if not candidates:
            raise FileNotFoundError(f"no vectors in installed package {package}")
        vectors = Vectors()
        vectors.from_disk(sorted(candidates)[0])
        _vectors_cache[package] = vectors
    return _vectors_cache[package]


def _clean(text: str) -> str:
    # spaCy cannot encode lone surrogates; the rest of the text passes as is.
    return (text or "").encode("utf-8", "replace").decode("utf-8").strip()


EMPTY_SCORES: dict[str, float] = {label: 0.0 for label in PLOVER_TYPES} | {"NONE": 1.0}


# One head: a single ``textcat_multilabel`` component carries the 16 types, ``NONE`` and the four
# status labels (independent sigmoids).  An earlier model had two components; both learnt all the
# labels (spaCy's textcat ``initialize`` adds every label it sees) and the second overwrote the
# first's doc.cats, so half the weights were dead.  A model still shipped that way runs only its
# last component (the one whose scores were measured).
HEAD = "textcat_multilabel"


def _head(nlp) -> str | None:
    names = [n for n in nlp.pipe_names if n.startswith("textcat") or n == "status"]
    return names[-1] if names else None


def _run(lang: str, sentences: Sequence[str]) -> list[dict[str, float] | None]:
    """doc.cats per sentence; None for a sentence without a letter (spaCy's bag-of-ngrams layer
    cannot take an empty doc, and "." or "—" is no sentence)."""
    nlp = load_model(lang)
    texts = [_clean(s) for s in sentences]
    keep = [i for i, t in enumerate(texts) if any(c.isalpha() for c in t)]
    out: list[dict[str, float] | None] = [None] * len(texts)
    head = _head(nlp)
    off = [name for name in nlp.pipe_names if name != head]
    for i, doc in zip(keep, nlp.pipe([texts[i] for i in keep], batch_size=64, disable=off)):
        out[i] = doc.cats if len(doc) else None
    return out


def score_sentences(lang: str, sentences: Sequence[str]) -> list[dict[str, float]]:
    """Per sentence, a probability in [0, 1] for each PLOVER type and ``NONE``."""
    if not sentences:
        return []
    out: list[dict[str, float]] = []
    for cats in _run(lang, sentences):
        if cats is None:
            out.append(dict(EMPTY_SCORES))
        else:
            out.append({label: float(min(1.0, max(0.0, cats.get(label, 0.0)))) for label in LABELS})
    return out


def score_status(lang: str, sentences: Sequence[str]) -> list[dict[str, float]]:
    """Extra, not part of the fixed interface: per sentence, scores for asserted/future/negated/
    hypothetical (independent sigmoids: take the argmax; an empty dict for an empty sentence or a
    model without status labels)."""
    if not sentences:
        return []
    return [{} if cats is None or not any(k in cats for k in STATUS_LABELS)
            else {k: float(cats.get(k, 0.0)) for k in STATUS_LABELS} for cats in _run(lang, sentences)]


def files_hash(directory: Path | str) -> str:
    base = Path(directory)
    h = hashlib.sha256()
    for path in sorted(p for p in base.rglob("*") if p.is_file()):
        if path.name.startswith(".") or path.suffix in {".json"} and path.name == "report.json":
            continue
        h.update(str(path.relative_to(base)).encode())
        h.update(b"\0")
        h.update(path.read_bytes())
        h.update(b"\0")
    return h.hexdigest()[:12]


def model_version() -> str:
    """Short hash of the model files (both languages); ``"none"`` when no model is present."""
    base = model_dir()
    key = str(base.resolve())
    if key not in _version_cache:
        parts = [base / f"textcat_{code}" for code in LANGS]
        if not any(p.exists() for p in parts):
            _version_cache[key] = "none"
        else:
            h = hashlib.sha256()
            for p in parts:
                if p.exists():
                    h.update(files_hash(p).encode())
            _version_cache[key] = h.hexdigest()[:12]
    return _version_cache[key]


# --------------------------------------------------------------------------------------- training

ARCH = {
    "width": 64,
    "rows": [4000, 1000, 1500, 500],
    "depth": 2,
    "bow_length": 2 ** 14,
}


# Static vectors per language: taken at run time from the installed spaCy package, or None.
VECTORS_PACKAGE: dict[str, str | None] = {"fr": "fr_core_news_md", "en": None}


def _textcat_config(exclusive: bool, static_vectors: bool = False) -> dict:
    return {
        "threshold": 0.5,
        "model": {
            "@architectures": "spacy.TextCatEnsemble.v2",
            "nO": None,
            "tok2vec": {
                "@architectures": "spacy.Tok2Vec.v2",
                "embed": {
                    "@architectures": "spacy.MultiHashEmbed.v2",
                    "width": ARCH["width"],
                    "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"],
                    "rows": ARCH["rows"],
                    "include_static_vectors": static_vectors,
                },
                "encode": {
                    "@architectures": "spacy.MaxoutWindowEncoder.v2",
                    "width": ARCH["width"],
                    "window_size": 1,
                    "maxout_pieces": 3,
                    "depth": ARCH["depth"],
                },
            },
            "linear_model": {
                "@architectures": "spacy.TextCatBOW.v3",
                "exclusive_classes": exclusive,
                "ngram_size": 2,
                "no_output_layer": False,
                "length": ARCH["bow_length"],
            },
        },
    }


def read_jsonl(path: Path | str) -> list[dict]:
    import json

    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line:
                rows.append(json.loads(line))
    return rows


def cats_for(row: dict) -> dict[str, float]:
    types = set(row.get("types") or [])
    unknown = types - set(PLOVER_TYPES)
    if unknown:
        raise ValueError(f"unknown PLOVER types {sorted(unknown)} in {row.get('text')!r}")
    cats = {label: 1.0 if label in types else 0.0 for label in PLOVER_TYPES}
    cats["NONE"] = 0.0 if types else 1.0
    return cats


def train(lang: str, rows: Iterable[dict], out_dir: Path | str | None = None, *, seed: int = 13,
          epochs: int = 10, dropout: float = 0.2, with_status: bool = True, log=None,
          vectors: str | None = "default"):
    """Train a textcat pipeline on labelled rows (the training-file schema); save it when
    ``out_dir`` is given; return the nlp object.  Same rows + seed -> same model."""
    import spacy
    from spacy.training import Example
    from spacy.util import compounding, fix_random_seed, minibatch

    code = _norm_lang(lang)
    rows = list(rows)
    fix_random_seed(seed)
    nlp = spacy.blank(code)
    if vectors == "default":
        vectors = VECTORS_PACKAGE.get(code)
    if vectors:
        nlp.vocab.vectors = _package_vectors(vectors)
    textcat = nlp.add_pipe("textcat_multilabel", name=HEAD,
                           config=_textcat_config(exclusive=False, static_vectors=bool(vectors)))
    for label in LABELS + (STATUS_LABELS if with_status else ()):
        textcat.add_label(label)

    def example(row):
        doc = nlp.make_doc(_clean(row["text"]))
        cats = cats_for(row)
        if with_status:
            st = row.get("status") or "asserted"
            cats.update({s: 1.0 if s == st else 0.0 for s in STATUS_LABELS})
        return Example.from_dict(doc, {"cats": cats})

    examples = [example(r) for r in rows]
    nlp.initialize(lambda: examples)
    rng = random.Random(seed)
    order = list(range(len(examples)))
    for epoch in range(epochs):
        rng.shuffle(order)
        losses: dict[str, float] = {}
        for batch in minibatch([examples[i] for i in order], size=compounding(8.0, 32.0, 1.001)):
            nlp.update(batch, drop=dropout, losses=losses)
        if log:
            log(f"[{code}] epoch {epoch + 1}/{epochs} " + " ".join(f"{k}={v:.3f}" for k, v in losses.items()))
    if out_dir is not None:
        import shutil

        out = Path(out_dir)
        if out.exists():
            shutil.rmtree(out)  # no stale file from an earlier model may stay behind
        out.mkdir(parents=True)
        nlp.to_disk(out)
        if vectors:
            import json

            for name in ("vectors", "key2row"):
                (out / "vocab" / name).unlink(missing_ok=True)
            # the package's 10 MB string table came along with its vectors; features are hashes,
            # so the blank language's strings are all the pipeline needs
            spacy.blank(code).vocab.strings.to_disk(out / "vocab" / "strings.json")
            source = {"package": vectors, "version": spacy.util.get_package_version(vectors)}
            (out / VECTORS_SOURCE_FILE).write_text(json.dumps(source) + "\n")
    return nlp
