"""The senses interpreter (pipeline/extract/senses.py) on tiny invented senses files and hand-built
parses; the senses files against their schema."""
from __future__ import annotations

import ast
import shutil

import pytest
import yaml

from pipeline.extract import lexicon, senses
from pipeline.extract.lexicon import LEXICON, PATTERN_DIR, TriggerSpec, schema, validate_senses


# ----------------------------------------------------------------------------- a hand-built parse
class _Morph:
    def __init__(self, feats):
        self.feats = feats

    def get(self, k):
        return self.feats.get(k, [])


class _Doc:
    def __init__(self, text):
        self.user_data, self.text, self.tokens = {}, text, []

    def __getitem__(self, i):  # like a spaCy Doc: the token at index i
        return self.tokens[i]

    def __len__(self):  # like a spaCy Doc: its number of tokens
        return len(self.tokens)


class _Tok:
    def __init__(self, doc, i, text, lemma, pos, dep, ent="", morph=None):
        self.doc, self.i, self.text, self.lemma_, self.pos_, self.dep_ = doc, i, text, lemma, pos, dep
        self.lower_, self.ent_type_, self.morph = text.lower(), ent, _Morph(morph or {})
        self.children, self.head, self.sent = [], self, doc

    @property
    def subtree(self):
        out = [self]
        for c in self.children:
            out += c.subtree
        return sorted(out, key=lambda t: t.i)


def parse(rows):
    """rows: (text, lemma, pos, dep, head index or None, extra attributes)."""
    doc = _Doc(" ".join(r[0] for r in rows))
    toks = doc.tokens = [_Tok(doc, i, r[0], r[1], r[2], r[3], **(r[5] if len(r) > 5 else {})) for i, r in enumerate(rows)]
    for t, r in zip(toks, rows):
        if r[4] is not None:
            t.head = toks[r[4]]
            toks[r[4]].children.append(t)
    return toks


# "Lutèce a sommé Borduria de livrer des canons" (invented)
SENT = parse([
    ("Lutèce", "Lutèce", "PROPN", "nsubj", 2, {"ent": "LOC"}),
    ("a", "avoir", "AUX", "aux", 2),
    ("sommé", "sommer", "VERB", "ROOT", None),
    ("Borduria", "Borduria", "PROPN", "obj", 2, {"ent": "LOC"}),
    ("de", "de", "ADP", "mark", 5),
    ("livrer", "livrer", "VERB", "xcomp", 2, {"morph": {"VerbForm": ["Inf"]}}),
    ("des", "un", "DET", "det", 7),
    ("Canons", "canon", "NOUN", "obj", 5),
    ("à", "à", "ADP", "case", 9),
    ("Syldavie", "Syldavie", "PROPN", "obl", 5, {"ent": "LOC"}),
])
TRIG = SENT[2]
SPEC = TriggerSpec(lemma="sommer", event_type="REQUEST", mode="formal", symmetric=True)


def run(senses_list, tok=TRIG, spec=SPEC, sets=None, conditions=None, lookup=lambda *a: None):
    data = {"language": "fr", "sets": sets or {}, "conditions": conditions or {},
            "senses": [{"lemmas": [spec.lemma], "senses": senses_list}]}
    assert validate_senses(data, "t", known_sets=senses._Compiler("fr", {}).set_names()) == []
    table, _ = senses.compile_senses("fr", data)
    return senses.apply(table, tok, spec, "fr", lookup)


def holds(cond, tok=TRIG, **kw):
    return run([{"if": cond, "then": "keep"}, {"then": "drop"}], tok=tok, **kw) is not None


# ----------------------------------------------------------------------------- conditions
@pytest.mark.parametrize("cond, expected", [
    ({"pos": "VERB"}, True), ({"pos": ["NOUN", "ADJ"]}, False),
    ({"dep": "ROOT"}, True), ({"lemma": "sommer"}, True), ({"lemma": "sommé"}, False),
    ({"lower": "sommé"}, True), ({"lemma_folded": "sommer"}, True),
    ({"text_folded": "somme"}, True), ({"trigger": ["sommer", "x"]}, True), ({"trigger": "x"}, False),
    ({"args": "borduria"}, True), ({"args": "canon"}, True),    # the object of an argument is read
    ({"args": "syldavie"}, False),                              # its oblique is not
    ({"args": "livrer"}, True), ({"kids": "a"}, True), ({"kids": "canon"}, False),
    ({"near": "canon"}, True), ({"near": "lutèce"}, False),     # only the next tokens of the subtree
    ({"sentence": "syldav"}, True), ({"sentence": "zembla"}, False),
    ({"cased": True}, True),
    ({"child": {"dep": "obj", "ent": "LOC"}}, True), ({"child": {"dep": "obj", "ent": "PER"}}, False),
    ({"child": {"dep": "xcomp", "morph": {"VerbForm": "Inf"}}}, True),
    ({"child": {"dep": "xcomp", "morph": {"VerbForm": "Fin"}}}, False),
    ({"child": {"dep": "xcomp", "child": {"dep": "mark", "lower": "de"}}}, True),
    ({"child": {"dep": "xcomp", "child": {"dep": "obj", "cased": True}}}, False),
    ({"not": {"pos": "NOUN"}}, True), ({"not": {"pos": "VERB"}}, False),
    ({"any": [{"pos": "NOUN"}, {"dep": "ROOT"}]}, True), ({"any": [{"pos": "NOUN"}, {"dep": "obj"}]}, False),
    ({"all": [{"pos": "VERB"}, {"dep": "ROOT"}]}, True), ({"all": [{"pos": "VERB"}, {"dep": "obj"}]}, False),
    ({"pos": "VERB", "dep": "obj"}, False),                      # all keys of a mapping must hold
])
def test_each_condition_kind_on_the_trigger(cond, expected):
    assert holds(cond) is expected


def test_relations_and_prepositions_on_other_tokens():
    livrer = SENT[5]
    assert holds({"head": {"lemma": "sommer"}}, tok=livrer)
    assert not holds({"head": {"lemma": "livrer"}}, tok=livrer)
    assert holds({"preps": "à"}, tok=livrer) and not holds({"preps": "de"}, tok=livrer)
    assert holds({"prep_arg": {"prep": ["à", "au"], "arg": {"pos": "PROPN"}}}, tok=livrer)
    assert not holds({"prep_arg": {"prep": "à", "arg": {"pos": "NOUN"}}}, tok=livrer)
    assert holds({"prep_arg": {"prep": "à"}}, tok=livrer)
    assert holds({"child": {"introduced_by": "à"}}, tok=livrer)
    assert holds({"near": "syldavie"}, tok=livrer) and not holds({"near": "syldavie"}, tok=SENT[7])


def test_an_unprepositioned_indirect_object_stands_for_its_implicit_preposition():
    toks = parse([("lui", "lui", "PRON", "iobj", 1), ("donner", "donner", "VERB", "ROOT", None)])
    assert senses.prep_args(toks[1]) == [(senses._implicit_preps()["iobj"], toks[0])]


def test_named_sets_and_named_conditions():
    assert holds({"args": "$mine"}, sets={"mine": ["zzz", "borduria"]})
    assert not holds({"args": "$mine"}, sets={"mine": ["zzz"]})
    assert holds({"args": ["$mine", "livrer"]}, sets={"mine": ["zzz"]})
    assert holds({"use": "ruled"}, conditions={"ruled": {"child": {"dep": "obj"}}})
    assert not holds({"not": {"use": "ruled"}}, conditions={"ruled": {"child": {"dep": "obj"}}})
    # a set of shared.yaml, then an engine set
    day = parse([("lundi", "lundi", "NOUN", "ROOT", None)])[0]
    assert holds({"lemma": "$time_words"}, tok=day)
    gov = parse([("gouvernement", "gouvernement", "NOUN", "ROOT", None)])[0]
    assert holds({"lemma": "$sector_words"}, tok=gov)


@pytest.mark.parametrize("data", [
    {"language": "fr", "conditions": {"c": {"any": [{"pos": "X"}, {"use": "c"}]}},
     "senses": [{"lemmas": ["x"], "senses": [{"if": {"use": "c"}, "then": "keep"}, {"then": "drop"}]}]},
    {"language": "fr", "sets": {"s": ["a", "$t"], "t": ["$s"]},
     "senses": [{"lemmas": ["x"], "senses": [{"if": {"args": "$s"}, "then": "keep"}, {"then": "drop"}]}]},
])
def test_a_self_referring_condition_or_set_is_an_error(data):
    with pytest.raises(ValueError, match="refers to itself"):
        senses.compile_senses("fr", data)


def test_lexicon_and_actor_conditions():
    noun = SENT[7]
    assert holds({"trigger_noun": True}, tok=noun, lookup=lambda lang, pos, lem: pos == "NOUN" and lem == "canon")
    assert not holds({"trigger_noun": True}, tok=noun, lookup=lambda *a: None)
    person = next(e for e in yaml.safe_load((PATTERN_DIR.parent / "actors.yaml").read_text(encoding="utf-8"))["entities"]
                  if e.get("kind") == "person")
    name = parse([(person["name"], person["name"], "NOUN", "ROOT", None)])[0]
    assert holds({"person": True}, tok=name)
    assert not holds({"person": True}, tok=SENT[7])


# ----------------------------------------------------------------------------- outcomes and order
def test_first_matching_sense_decides():
    senses_list = [{"if": {"pos": "NOUN"}, "then": "drop"},
                   {"if": {"dep": "ROOT"}, "then": {"type": "COERCE", "mode": None}},
                   {"if": {"pos": "VERB"}, "then": "drop"},
                   {"then": "keep"}]
    out = run(senses_list)
    assert (out.event_type, out.mode, out.symmetric) == ("COERCE", None, True)
    assert run(senses_list[2:]) is None
    assert run(senses_list[3:]) is SPEC


def test_outcomes_replace_only_their_fields():
    out = run([{"then": {"need_recipient": True, "symmetric": False}}])
    assert (out.event_type, out.mode, out.need_recipient, out.symmetric) == ("REQUEST", "formal", True, False)
    out = run([{"then": {"type": "AID"}}])
    assert (out.event_type, out.mode) == ("AID", "formal")


def test_a_lemma_without_senses_keeps_its_entry():
    other = TriggerSpec(lemma="other", event_type="AGREE")
    table, _ = senses.compile_senses("fr", {"language": "fr", "senses": [{"lemmas": ["x"], "senses": [{"then": "drop"}]}]})
    assert senses.apply(table, TRIG, other, "fr", lambda *a: None) is other


# ----------------------------------------------------------------------------- schema
def _file(senses_list, **extra):
    return {"language": "fr", "senses": [{"lemmas": ["x"], "senses": senses_list}], **extra}


@pytest.mark.parametrize("data, message", [
    (_file([{"if": {"colour": "red"}, "then": "keep"}, {"then": "drop"}]), "unknown field 'colour'"),
    (_file([{"if": {"args": "$nowhere"}, "then": "keep"}, {"then": "drop"}]), "unknown set"),
    (_file([{"if": {"prep_arg": {"arg": {"pos": "X"}, "via": "à"}}, "then": "keep"}, {"then": "drop"}]), "unknown field 'via'"),
    (_file([{"if": {"child": {"any": [{"bogus": 1}]}}, "then": "keep"}, {"then": "drop"}]), "unknown field 'bogus'"),
    (_file([{"if": {"child": ["obj"]}, "then": "keep"}, {"then": "drop"}]), "is not dict"),
    (_file([{"if": {"args": 3}, "then": "keep"}, {"then": "drop"}]), "is not str/list"),
    (_file([{"if": {"use": "nothing"}, "then": "keep"}, {"then": "drop"}]), "no condition named"),
    (_file([{"then": "maybe"}]), "keep, drop or an outcome"),
    (_file([{"then": {"type": "HUG"}}]), "not in"),
    (_file([{"then": {"colour": "red"}}]), "unknown field"),
    (_file([{"if": {"pos": "NOUN"}, "then": "keep"}]), "the last sense has no condition"),
    (_file([{"if": {"pos": "NOUN"}}, {"then": "keep"}]), "missing then"),
    (_file([{"then": "keep"}], sets={"s": "notalist"}), "not a list"),
    ({"language": "fr", "senses": [{"lemmas": ["x"], "senses": [{"then": "keep"}]},
                                   {"lemmas": ["x"], "senses": [{"then": "drop"}]}]}, "duplicate lemma"),
    ({"language": "fr", "senses": [{"senses": []}]}, "missing lemmas"),
    ({"language": "xx", "senses": []}, "not in"),
    ("senses: []", "not a mapping"),
])
def test_schema_rejects_malformed_senses_files(data, message):
    errs = validate_senses(data, "t", known_sets=set())
    assert errs and any(message in e for e in errs), errs


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_shipped_senses_files_follow_the_schema_and_cover_every_rule_entry(lang):
    path = senses.senses_path(lang)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["language"] == lang
    assert validate_senses(data, path.name, known_sets=senses._Compiler(lang, {}).set_names()) == []
    table, _ = senses._table(lang)
    rule_lemmas = {s.lemma for t in ("VERB", "NOUN") for s in LEXICON[lang][t].values() if s.special}
    assert rule_lemmas <= set(table), rule_lemmas - set(table)


def test_interpreter_and_schema_know_the_same_condition_kinds():
    assert set(schema()["condition"]["fields"]) == set(senses.CONDITION_KEYS)


def test_the_interpreter_knows_no_words_of_the_senses_files():
    words = set()
    word_keys = {"lemma", "lemma_folded", "lower", "text_folded", "args", "kids", "near", "preps", "sentence", "trigger"}

    def walk(x, key=None):
        if isinstance(x, dict):
            for k, v in x.items():
                walk(v, k if k in word_keys or k == "prep" else None)
        elif isinstance(x, list):
            for v in x:
                walk(v, key)
        elif isinstance(x, str) and key and not x.startswith("$"):
            words.add(x)

    for lang in ("fr", "en"):
        data = yaml.safe_load(senses.senses_path(lang).read_text(encoding="utf-8"))
        walk(data["senses"])
        walk(data.get("conditions") or {})
        words |= {str(w) for ws in (data.get("sets") or {}).values() for w in ws}
    literals = {n.value for n in ast.walk(ast.parse(open(senses.__file__, encoding="utf-8").read()))
                if isinstance(n, ast.Constant) and isinstance(n.value, str)}
    literals -= set(lexicon.LANGS)  # language codes
    assert words and not (words & literals), words & literals


def test_senses_files_are_part_of_the_extractor_version(tmp_path, monkeypatch):
    d = tmp_path / "patterns"
    shutil.copytree(PATTERN_DIR, d)
    monkeypatch.setattr(lexicon, "PATTERN_DIR", d)
    before = lexicon.data_hash()
    p = d / "senses.fr.yaml"
    p.write_text(p.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert lexicon.data_hash() != before
