"""The learned layer (pipeline/extract/classifier.py): offline loading, score ranges, reproducibility.

No assertion here is on a gold sentence: the probe sentences are written for this file.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.core.ontology import PLOVER_TYPES
from pipeline.extract import classifier

ROOT = Path(__file__).resolve().parents[2]
MODELS = ROOT / "pipeline" / "data" / "models"
TRAINING = ROOT / "pipeline" / "data" / "training"

needs_model = pytest.mark.skipif(
    not (MODELS / "textcat_fr" / "config.cfg").exists() or not (MODELS / "textcat_en" / "config.cfg").exists(),
    reason="classifier model not built (make train)")

FR_PROBES = [
    "Les deux ministres des Affaires étrangères se sont entretenus par téléphone jeudi.",
    "La recette de la tarte aux pommes demande trois œufs et un peu de cannelle.",
    "Des milliers de manifestants ont défilé dans la capitale contre la vie chère.",
]
EN_PROBES = [
    "The two foreign ministers held talks by phone on Thursday.",
    "Bake the apple pie for forty minutes and let it cool.",
]


def test_labels_are_the_ontology_types_plus_none():
    assert classifier.LABELS[:16] == tuple(PLOVER_TYPES)
    assert len(classifier.LABELS) == 17 and classifier.LABELS[-1] == "NONE"


def test_unknown_language_is_refused():
    with pytest.raises(ValueError):
        classifier.score_sentences("xx", ["Bonjour."])


def test_empty_input_returns_empty_list():
    assert classifier.score_sentences("fr", []) == []


@needs_model
@pytest.mark.parametrize("lang,probes", [("fr", FR_PROBES), ("en", EN_PROBES)])
def test_scores_cover_all_types_and_lie_in_unit_interval(lang, probes):
    scores = classifier.score_sentences(lang, probes)
    assert len(scores) == len(probes)
    for row in scores:
        assert set(row) == set(PLOVER_TYPES) | {"NONE"}
        assert all(0.0 <= v <= 1.0 for v in row.values())


@needs_model
def test_non_political_sentence_scores_low_and_event_sentence_higher():
    fr = classifier.score_sentences("fr", FR_PROBES)
    en = classifier.score_sentences("en", EN_PROBES)
    for recipe in (fr[1], en[1]):
        assert max(recipe[t] for t in PLOVER_TYPES) < 0.5
        assert recipe["NONE"] > max(recipe[t] for t in PLOVER_TYPES)
    # the meeting / march sentences are events: some type beats the recipe's best type
    assert max(fr[0][t] for t in PLOVER_TYPES) > max(fr[1][t] for t in PLOVER_TYPES)
    assert max(fr[2][t] for t in PLOVER_TYPES) > max(fr[1][t] for t in PLOVER_TYPES)
    assert max(en[0][t] for t in PLOVER_TYPES) > max(en[1][t] for t in PLOVER_TYPES)


@needs_model
def test_sentences_without_letters_are_non_events():
    scores = classifier.score_sentences("fr", ["", "   ", "—", "12.", "Le ministre a rencontré son homologue."])
    for row in scores[:4]:
        assert row["NONE"] == 1.0 and max(row[t] for t in PLOVER_TYPES) == 0.0
    assert max(scores[4][t] for t in PLOVER_TYPES) > 0.0
    assert classifier.score_status("fr", [""]) == [{}]


@needs_model
def test_status_scores_separate_negation_and_announcement():
    probes = {"fr": ["Le ministre n'a finalement pas reçu son homologue ghanéen.",
                     "Le ministre recevra son homologue ghanéen la semaine prochaine."],
              "en": ["The minister did not receive his Ghanaian counterpart after all.",
                     "The minister will receive his Ghanaian counterpart next week."]}
    for lang, (neg, fut) in probes.items():
        s_neg, s_fut = classifier.score_status(lang, [neg, fut])
        assert set(s_neg) == set(classifier.STATUS_LABELS)
        assert max(s_neg, key=s_neg.get) == "negated", (lang, s_neg)
        assert max(s_fut, key=s_fut.get) == "future", (lang, s_fut)


@needs_model
def test_model_version_is_a_short_hash_of_the_files(tmp_path, monkeypatch):
    version = classifier.model_version()
    assert len(version) == 12 and int(version, 16) >= 0
    copy = tmp_path / "models"
    shutil.copytree(MODELS, copy)
    monkeypatch.setenv("NEWSEVENTS_CLASSIFIER_DIR", str(copy))
    classifier._version_cache.clear()
    assert classifier.model_version() == version
    cfg = copy / "textcat_en" / "meta.json"
    meta = json.loads(cfg.read_text())
    meta["description"] = "changed"
    cfg.write_text(json.dumps(meta))
    classifier._version_cache.clear()
    assert classifier.model_version() != version
    classifier._version_cache.clear()


@needs_model
def test_model_loads_offline_from_a_fresh_path(tmp_path):
    """A copy of the model files, in a fresh interpreter with network access disabled, scores."""
    copy = tmp_path / "fresh" / "models"
    shutil.copytree(MODELS, copy)
    code = f"""
import socket, json, os
def _no_net(*a, **k):
    raise RuntimeError("network access attempted")
socket.socket.connect = _no_net
socket.create_connection = _no_net
os.environ["NEWSEVENTS_CLASSIFIER_DIR"] = {str(copy)!r}
os.environ["HF_HUB_OFFLINE"] = "1"
from pipeline.extract.classifier import score_sentences, model_version
out = score_sentences("fr", ["Le gouvernement a expulsé deux diplomates."])
out += score_sentences("en", ["The government expelled two diplomats."])
print(json.dumps({{"n": len(out), "keys": sorted(out[0]), "version": model_version()}}))
"""
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, env={**_env(), "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 0, proc.stderr[-2000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["n"] == 2 and "NONE" in result["keys"] and len(result["keys"]) == 17
    assert result["version"] == classifier.model_version()


@needs_model
def test_default_model_loads_offline_from_the_package_path():
    """No NEWSEVENTS_CLASSIFIER_DIR: the files under pipeline/data/models (what a clone has) load in
    a fresh interpreter with network access disabled, and they are the files git tracks."""
    code = """
import socket, json
def _no_net(*a, **k):
    raise RuntimeError("network access attempted")
socket.socket.connect = _no_net
socket.create_connection = _no_net
from pipeline.extract import classifier
nlp = classifier.load_model("en")
out = classifier.score_sentences("en", ["The navy seized a tanker in the strait."])
print(json.dumps({"dir": str(classifier.model_dir()), "pipes": nlp.pipe_names, "keys": sorted(out[0])}))
"""
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, env={**_env(), "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 0, proc.stderr[-2000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert Path(result["dir"]) == MODELS
    assert result["pipes"] == [classifier.HEAD] and len(result["keys"]) == 17
    tracked = subprocess.run(["git", "ls-files", "pipeline/data/models"], cwd=ROOT, capture_output=True,
                             text=True).stdout.split()
    if tracked:  # inside a git checkout: every weight file is committed, none left out
        on_disk = {str(p.relative_to(ROOT)) for p in MODELS.rglob("*") if p.is_file()}
        assert on_disk <= set(tracked) | {"pipeline/data/models/report.json"}


@needs_model
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_one_head_carries_types_none_and_status(lang):
    """The two-head defect: a second textcat component overwrote the first one's scores."""
    nlp = classifier.load_model(lang)
    heads = [n for n in nlp.pipe_names if n.startswith("textcat") or n == "status"]
    assert heads == [classifier.HEAD]
    assert set(nlp.get_pipe(classifier.HEAD).labels) == set(classifier.LABELS) | set(classifier.STATUS_LABELS)


@needs_model
def test_models_stay_small():
    for lang in ("fr", "en"):
        size = sum(p.stat().st_size for p in (MODELS / f"textcat_{lang}").rglob("*") if p.is_file())
        assert size < 8_000_000, (lang, size)


def _env():
    import os

    return {k: v for k, v in os.environ.items() if k != "NEWSEVENTS_CLASSIFIER_DIR"}


TINY = [
    {"text": "Le ministre a rencontré son homologue à Rome.", "types": ["CONSULT"], "status": "asserted"},
    {"text": "Les deux présidents se sont parlé au téléphone.", "types": ["CONSULT"], "status": "asserted"},
    {"text": "L'armée a bombardé plusieurs villages dans la nuit.", "types": ["ASSAULT"], "status": "asserted"},
    {"text": "Des frappes aériennes ont visé la ville.", "types": ["ASSAULT"], "status": "asserted"},
    {"text": "Le match s'est terminé sur un score nul.", "types": [], "status": "asserted"},
    {"text": "La bourse a fini en hausse de deux pour cent.", "types": [], "status": "asserted"},
    {"text": "Le pays n'a pas signé l'accord.", "types": ["AGREE"], "status": "negated"},
    {"text": "Les deux pays pourraient signer un accord.", "types": ["AGREE"], "status": "hypothetical"},
]


def _tiny_scores(tmp_path, name, seed):
    out = tmp_path / name
    classifier.train("fr", TINY, out, seed=seed, epochs=3, vectors=None)
    return [doc.cats for doc in __import__("spacy").load(out).pipe(["Le ministre a bombardé la bourse.",
                                                                      "Un accord a été signé."])]


def test_training_is_reproducible_with_the_same_seed(tmp_path):
    a = _tiny_scores(tmp_path, "a", seed=7)
    b = _tiny_scores(tmp_path, "b", seed=7)
    c = _tiny_scores(tmp_path, "c", seed=8)
    for x, y in zip(a, b):
        assert x.keys() == y.keys()
        assert all(abs(x[k] - y[k]) < 1e-6 for k in x)
    # a different seed gives a different model: the comparison above can fail
    assert any(abs(x[k] - z[k]) > 1e-6 for x, z in zip(a, c) for k in x)


def test_training_rejects_unknown_types():
    with pytest.raises(ValueError):
        classifier.cats_for({"text": "x", "types": ["DEMAND"]})


def test_training_files_follow_the_schema():
    allowed_status = {"asserted", "future", "negated", "hypothetical"}
    for lang in ("fr", "en"):
        path = TRAINING / f"{lang}.jsonl"
        rows = classifier.read_jsonl(path)
        assert rows, path
        for row in rows:
            assert {"text", "types", "mode", "status", "actor", "recipient", "lang"} <= set(row)
            assert row["lang"] == lang and row["text"].strip()
            assert set(row["types"]) <= set(PLOVER_TYPES)
            assert row["status"] in allowed_status
            assert all(len(c) == 3 and c.isupper() for c in row["actor"] + row["recipient"])
        assert len({r["text"] for r in rows}) == len(rows)
