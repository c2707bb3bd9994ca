"""Pattern files against their schema; the engine on tiny pattern files."""
from __future__ import annotations

import pytest
import yaml

from pipeline.extract import extractor_version
from pipeline.extract.lexicon import PATTERN_DIR, load_lexicon, pattern_files, validate


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_shipped_pattern_files_follow_the_schema(lang):
    files = pattern_files(lang)
    assert files and files[0].name == f"{lang}.yaml"
    for p in files:
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
        assert validate(data, p.name) == []
        assert data["language"] == lang


def test_shared_word_sets_follow_the_schema():
    from pipeline.extract.lexicon import shared_set

    data = yaml.safe_load((PATTERN_DIR / "shared.yaml").read_text(encoding="utf-8"))
    assert validate(data, "shared.yaml") == [] and data["language"] == "any"
    assert all(isinstance(v, list) and v for v in data["sets"].values())
    assert "mardi" in shared_set("time_words")
    with pytest.raises(KeyError):
        shared_set("no_such_set")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_type_has_patterns(lang):
    from pipeline.core.ontology import PLOVER_TYPES

    lex = load_lexicon(lang)
    types = {s.event_type for t in ("VERB", "NOUN", "MULTI") for s in lex[t].values()}
    assert set(PLOVER_TYPES) <= types


@pytest.mark.parametrize("entry, message", [
    ({"lemma": "x", "pos": "verb"}, "missing type"),
    ({"lemma": "x", "pos": "verb", "type": "HUG"}, "not in"),
    ({"lemma": "x", "pos": "adverb", "type": "AGREE"}, "not in"),
    ({"lemma": "x", "pos": "multi", "type": "AGREE"}, "[head, dependent]"),
    ({"lemma": "x", "pos": "verb", "type": "AGREE", "colour": "red"}, "unknown field"),
    ({"lemma": "x", "pos": "verb", "type": "AGREE", "cameo": "abc"}, "does not match"),
    ({"lemma": "x", "pos": "noun", "type": "AGREE", "de": "theme"}, "not in"),
])
def test_schema_rejects_bad_entries(entry, message):
    errs = validate({"language": "fr", "patterns": [entry]})
    assert errs and any(message in e for e in errs)


def test_duplicates_are_rejected():
    e = {"lemma": "x", "pos": "verb", "type": "AGREE"}
    assert any("duplicate" in m for m in validate({"language": "en", "patterns": [e, dict(e)]}))


def _write(tmp_path, name, text):
    (tmp_path / "schema.yaml").write_text((PATTERN_DIR / "schema.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / name).write_text(text, encoding="utf-8")


def test_tiny_files_load_and_main_file_wins(tmp_path):
    _write(tmp_path, "fr.yaml", "language: fr\npatterns:\n"
           "  - {lemma: bouder, pos: verb, type: REJECT, need_recipient: true}\n"
           "  - {lemma: [tendre, main], pos: multi, type: SUPPORT}\n"
           "  - {lemma: bouderie, pos: noun, type: REJECT, de: agent, cameo: '125'}\n")
    _write(tmp_path, "fr.extra.yaml", "language: fr\nsource: test import\npatterns:\n"
           "  - {lemma: bouder, pos: verb, type: ACCUSE}\n  - {lemma: snober, pos: verb, type: REJECT}\n")
    lex = load_lexicon("fr", tmp_path)
    assert lex["VERB"]["bouder"].event_type == "REJECT" and lex["VERB"]["bouder"].need_recipient
    assert lex["VERB"]["snober"].source == "test import"
    assert lex["MULTI"][("tendre", "main")].event_type == "SUPPORT"
    noun = lex["NOUN"]["bouderie"]
    assert (noun.pos, noun.de_role, noun.cameo) == ("NOUN", "agent", "125")
    assert lex["VERB"]["snober"].cameo == "12"  # default: the type's CAMEO root


def test_invalid_file_fails_loudly(tmp_path):
    _write(tmp_path, "en.yaml", "language: en\npatterns:\n  - {lemma: hug, pos: verb, type: EMBRACE}\n")
    with pytest.raises(ValueError, match="EMBRACE"):
        load_lexicon("en", tmp_path)


def test_extractor_version_is_a_short_stable_hash():
    v = extractor_version()
    assert len(v) == 12 and int(v, 16) >= 0 and v == extractor_version()


def test_count_patterns_table_matches_the_loaded_lexicon():
    """scripts/count_patterns.py counts each (pos, lemma) once per language, first file first,
    as the loader keeps it."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "scripts" / "count_patterns.py"
    spec = importlib.util.spec_from_file_location("count_patterns", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    cols = mod.columns()
    for lang in ("fr", "en"):
        lex = load_lexicon(lang)
        loaded = len(lex["VERB"]) + len(lex["NOUN"]) + len(lex["MULTI"])
        counted = sum(sum(c.values()) for name, c in cols.items() if name == lang or name.startswith(f"{lang} ("))
        assert counted == loaded
