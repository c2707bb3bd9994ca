"""Trigger senses: the disambiguation of ambiguous triggers, read from data (PETRARCH2 style).

A pattern entry with ``rule: true`` is decided by its senses, in
``pipeline/data/patterns/senses.<lang>.yaml`` (schema: the ``senses_*``, ``sense``, ``outcome``,
``condition`` and ``prep_arg`` parts of ``schema.yaml``; checked by ``lexicon.validate_senses``).
This module knows no words: it interprets the files.

A senses file maps lemmas (the pattern entry's lemma) to an ordered list of senses; the first
sense whose condition holds decides: ``keep`` (the entry as it is), ``drop`` (no trigger), or an
outcome mapping that replaces fields of the entry (``type``, ``mode`` -- null clears it --,
``symmetric``, ``need_recipient``, ``domestic``). A sense without ``if`` always holds (the last one of a list
must be such a default). A lemma without senses keeps its entry.

A condition is a mapping evaluated on a token (the trigger at the top); all its keys must hold,
in the order written (the entity recogniser runs only when a test reads entity labels):

* word tests, true when the token's value is in the word list: ``pos``, ``dep``, ``lemma``
  (lower-case), ``lemma_folded`` (accents stripped), ``lower``, ``text_folded``, ``ent`` (entity
  label), ``introduced_by`` (its preposition), ``trigger`` (the pattern entry's lemma);
* bag tests, true when a set of words around the token meets the word list: ``args`` (lemmas of
  its objects, obliques, modifiers and their dependents), ``kids`` (lemmas and forms of its
  children), ``near`` (lemmas of its subtree in the next 10 tokens), ``preps`` (prepositions of
  its prepositional arguments); ``sentence``: one of the strings occurs in the accent-folded
  sentence;
* ``cased`` (bool: written in lower case), ``morph`` ({feature: value}), ``trigger_noun`` (bool:
  its lemma is a noun trigger of the lexicon), ``person`` (bool: its text names a person of the
  actor dictionary), ``place`` (bool: its capitalised text names a place of the gazetteer),
  ``demonym`` (bool: its text is a nationality word: "Haïtiens", "Afghans");
* relations: ``child`` (some child satisfies the condition), ``head`` (its head does),
  ``prep_arg`` ({prep: words, arg: condition}: some prepositional argument does);
* logic: ``any`` / ``all`` (lists of conditions), ``not`` (a condition), ``use`` (a named
  condition of the file's ``conditions``).

A word list is a word or a list of words; ``$name`` stands for a named set: the file's ``sets``,
else the language's pattern sets (``fr.yaml``...), else ``shared.yaml``, else an engine set
(``sector_words``: the actor dictionary's sector words).
"""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import Callable

from pipeline.extract import actors as actors_mod
from pipeline.extract.actors import fold, resolve_span
from pipeline.extract.lexicon import LEXICON, PATTERN_DIR, TriggerSpec, load_senses_file, shared_set
from pipeline.text.nlp import ent_type, memo_per_token

ARG_DEPS = frozenset(("obj", "dobj", "iobj", "dative", "obl", "obl:arg", "obl:mod", "nmod", "xcomp", "amod",
                      "compound", "attr", "oprd", "advmod", "prt", "nsubj:pass", "nsubjpass"))
_ARG_CHILD_DEPS = frozenset(("amod", "nmod", "compound", "pobj", "obj", "case"))
_OBLIQUE_DEPS = frozenset(("obl", "obl:arg", "obl:mod", "obl:agent", "nmod", "iobj"))
_ENGINE_SETS: dict[str, Callable[[], frozenset]] = {"sector_words": lambda: frozenset(actors_mod.SECTOR_WORDS)}
NEAR_WINDOW = 10
_TIME_WORDS = frozenset(fold(w) for w in shared_set("time_words"))
_TIME_HOST_DEPS = frozenset(("obj", "dobj", "obl:mod", "npadvmod", "nmod"))
_TIME_HOSTED_PREPS = frozenset(shared_set("comitative_preps"))  # (not "à Doha": a date's place may be its own)


def senses_path(lang: str):
    return PATTERN_DIR / f"senses.{lang}.yaml"


def _files_lang(lang: str) -> str:
    return lang if senses_path(lang).exists() else "en"


# ----------------------------------------------------------------------------- syntax helpers
@lru_cache(maxsize=None)
def _implicit_preps() -> dict:
    """Dependency label -> the preposition it implies (``iobj``, ``dative``): the union over the
    senses files (each parser's label set belongs to one language, so the union is exact)."""
    out: dict = {}
    for p in sorted(PATTERN_DIR.glob("senses.*.yaml")):
        out.update(load_senses_file(p).get("implicit_preps") or {})
    return out


def prep_of(tok) -> str | None:
    """Preposition introducing `tok` (FR: its first case child; EN: tok's head when tok is pobj)."""
    if tok.dep_ == "pobj" and tok.head.dep_ in ("prep", "agent", "dative"):
        return tok.head.lower_
    cases = [c for c in tok.children if c.dep_ in ("case", "fixed")]
    if cases:
        return min(cases, key=lambda c: c.i).lower_
    return None


def _absolute_clause(g) -> bool:
    """"with Oman acting as host", "with China watching": a clause with its own subject after the
    preposition is a circumstance, not an argument the preposition introduces."""
    return g.dep_ == "pcomp" and g.pos_ in ("VERB", "AUX") and any(x.dep_ in ("nsubj", "nsubjpass") for x in g.children)


@memo_per_token
def prep_args(h):
    """(prep, token) for the prepositional/oblique dependents of `h`. Reads the parse only."""
    return _prep_args_of(h)


def _prep_args_of(h):
    implicit = _implicit_preps()
    out = []
    for c in h.children:
        if c.dep_ in _TIME_HOST_DEPS and h.pos_ in ("VERB", "AUX") and fold(c.lemma_) in _TIME_WORDS and not prep_of(c):
            # "s'est entretenu mercredi avec ses homologues": the parser hangs the verb's
            # prepositional phrase on the bare date word before it
            out.extend((p, g) for p, g in prep_args(c) if g.i > c.i and p in _TIME_HOSTED_PREPS)
            continue
        if c.dep_ in _OBLIQUE_DEPS:
            p = prep_of(c)
            if p:
                out.append((p, c))
            elif c.dep_ in implicit:
                out.append((implicit[c.dep_], c))
        elif c.dep_ in ("prep", "agent", "dative"):
            for g in c.children:
                if g.dep_ in ("pobj", "pcomp") and not _absolute_clause(g):
                    out.append((c.lower_, g))
            if c.dep_ in implicit and c.pos_ != "ADP":
                out.append((implicit[c.dep_], c))
    return out


# tags of a split compound's last word that cannot carry its noun ("sit-in": "in" tagged X or ADP)
_PARTICLE_TAILS = frozenset(("X", "ADP", "ADV", "PART", "INTJ"))


def first_carries(doc, dash: int) -> bool:
    """Does the first word of the compound the tokenizer split around `dash` carry it: a noun before a
    particle the tagger left outside the phrase (French "un sit-in": "sit" the object, "in" an adverb)?"""
    first = doc[dash - 1]
    return first.pos_ == "NOUN" and doc[dash + 1].pos_ in _PARTICLE_TAILS and first.dep_ != "compound" and \
        first.head.i not in (dash, dash + 1)  # (English "a sit-in": "sit" a compound of "in", the object)


def carried_compound(tok) -> str | None:
    """The lemma of the split compound `tok` carries as its first word ("sit" of "sit-in"), else None."""
    doc, i = tok.doc, tok.i
    if i + 2 < len(doc) and doc[i + 1].text == "-" and not tok.whitespace_ and not doc[i + 1].whitespace_ \
            and doc[i + 2].is_alpha and first_carries(doc, i + 1):
        return f"{tok.lower_}-{doc[i + 2].lower_}"
    return None


def word_lemma(tok) -> str:
    """The lower-case lemma of `tok`, or of the split compound it carries (`carried_compound`)."""
    return carried_compound(tok) or tok.lemma_.lower()


def child_lemmas(tok) -> set[str]:
    out = set()
    for c in tok.children:
        out.add(c.lemma_.lower())
        out.add(c.lower_)
    return out


_NOUN_COMPLEMENT_PREPS = frozenset(shared_set("noun_complement_preps"))


def displaced_complement(tok):
    """The "de X" complement of noun `tok` that the parser hung on its head because a phrase set off by
    commas came between them ("l'envoi, en décembre 2025, de 500 tonnes de riz"), else None."""
    if tok.pos_ != "NOUN" or tok.head.i == tok.i:
        return None
    doc, end = tok.doc, max(t.i for t in tok.subtree) + 1
    if end >= len(doc) or doc[end].text != ",":
        return None
    hosts = {tok.head.i, tok.head.head.i}  # (or on the verb its head is coordinated with: "a salué ... et annoncé l'envoi")
    for c in (c for h in sorted(hosts) for c in tok.doc[h].children):
        if c.i <= end or c.dep_ not in _OBLIQUE_DEPS or c.pos_ != "NOUN" or prep_of(c) not in _NOUN_COMPLEMENT_PREPS:
            continue
        start = next(t.i for t in c.subtree if not t.is_punct)  # (the comma may hang on the complement)
        if doc[start - 1].text == "," and all(t.head.i in hosts or t.is_punct or t.head.i in range(end, start)
                                              for t in doc[end:start]):
            return c
    return None


def arg_lemmas(tok) -> set[str]:
    """Lemmas of objects and prepositional objects (and their NP heads' modifiers), with a noun's
    displaced complement (`displaced_complement`)."""
    out = set()
    moved = displaced_complement(tok)
    for c in (*tok.children, *((moved,) if moved is not None else ())):
        if c.dep_ in ARG_DEPS:
            out.add(c.lemma_.lower())
            for g in c.children:
                if g.dep_ in _ARG_CHILD_DEPS:
                    out.add(g.lemma_.lower())
        if c.dep_ == "prep":
            out.add(c.lower_)
            for g in c.children:
                out.add(g.lemma_.lower())
    return out


def near_lemmas(tok, window: int = NEAR_WINDOW) -> set[str]:
    return {t.lemma_.lower() for t in tok.subtree if 0 < t.i - tok.i <= window}


def _names_person(tok, lang: str) -> bool:
    r = resolve_span(tok.text, lang, None)
    return r is not None and r.is_person


def _names_place(tok, lang: str) -> bool:
    if not tok.text[:1].isupper():
        return False
    from pipeline.extract.places import lookup_place

    return lookup_place(tok.text, lang) is not None


# ----------------------------------------------------------------------------- compiling
class _Ctx:
    __slots__ = ("spec", "lang", "lookup", "bags")

    def __init__(self, spec, lang, lookup):
        self.spec, self.lang, self.lookup, self.bags = spec, lang, lookup, {}


_WORD_TESTS: dict[str, Callable] = {
    "pos": lambda t, c: t.pos_,
    "dep": lambda t, c: t.dep_,
    "lemma": lambda t, c: word_lemma(t),
    "lemma_folded": lambda t, c: fold(t.lemma_),
    "lower": lambda t, c: t.lower_,
    "text_folded": lambda t, c: fold(t.text),
    "ent": lambda t, c: ent_type(t),
    "introduced_by": lambda t, c: prep_of(t),
    "trigger": lambda t, c: c.spec.lemma,
}
_BAG_TESTS: dict[str, Callable] = {
    "args": arg_lemmas,
    "kids": child_lemmas,
    "near": near_lemmas,
    "preps": lambda t: {p for p, _ in prep_args(t)},
}
_BOOL_TESTS: dict[str, Callable] = {
    "cased": lambda t, c: t.lower_ == t.text,
    "trigger_noun": lambda t, c: bool(c.lookup(c.lang, "NOUN", word_lemma(t))),
    "person": lambda t, c: _names_person(t, c.lang),
    "place": lambda t, c: _names_place(t, c.lang),
    "demonym": lambda t, c: actors_mod.demonym_country(t.text) is not None,
}
LOGIC_KEYS = ("any", "all", "not", "use", "child", "head", "prep_arg", "sentence", "morph")
CONDITION_KEYS = frozenset(_WORD_TESTS) | frozenset(_BAG_TESTS) | frozenset(_BOOL_TESTS) | frozenset(LOGIC_KEYS)


class _Compiler:
    def __init__(self, lang: str, data: dict):
        self.lang, self.data = lang, data
        self.named: dict = {}
        self.active: set = set()  # named conditions and sets being compiled (a cycle is an error)

    def set_names(self) -> set[str]:
        return (set(self.data.get("sets") or {}) | set(LEXICON.get(self.lang, LEXICON["en"])["SETS"])
                | set(_shared_names()) | set(_ENGINE_SETS))

    def named_set(self, name: str) -> frozenset:
        local = self.data.get("sets") or {}
        if name in local:
            return self._guarded(("set", name), lambda: self.words(local[name]))
        lex = LEXICON.get(self.lang, LEXICON["en"])["SETS"]
        if name in lex:
            return frozenset(lex[name])
        if name in _shared_names():
            return shared_set(name)
        return _ENGINE_SETS[name]()

    def words(self, v) -> frozenset:
        out: set = set()
        for w in [v] if isinstance(v, str) else v:
            w = str(w)
            out |= self.named_set(w[1:]) if w.startswith("$") else {w}
        return frozenset(out)

    def cond(self, c: dict) -> Callable:
        tests = [self.test(k, v) for k, v in c.items()]
        if len(tests) == 1:
            return tests[0]
        return lambda t, x: all(f(t, x) for f in tests)

    def test(self, k: str, v) -> Callable:
        if k in _WORD_TESTS:
            get, ws = _WORD_TESTS[k], self.words(v)
            return lambda t, x: get(t, x) in ws
        if k in _BAG_TESTS:
            return self._bag(k, self.words(v))
        if k in _BOOL_TESTS:
            get, want = _BOOL_TESTS[k], bool(v)
            return lambda t, x: get(t, x) is want
        if k == "sentence":
            subs = sorted(self.words(v))
            return lambda t, x: any(s in fold(t.sent.text) for s in subs)
        if k == "morph":
            items = sorted(v.items())
            return lambda t, x: all(val in t.morph.get(feat) for feat, val in items)
        if k in ("any", "all"):
            fs = [self.cond(c) for c in v]
            return (lambda t, x: any(f(t, x) for f in fs)) if k == "any" else (lambda t, x: all(f(t, x) for f in fs))
        if k == "not":
            f = self.cond(v)
            return lambda t, x: not f(t, x)
        if k == "use":
            if v not in self.named:
                self.named[v] = self._guarded(("condition", v), lambda: self.cond(self.data["conditions"][v]))
            return self.named[v]
        if k == "child":
            f = self.cond(v)
            return lambda t, x: any(f(c, x) for c in t.children)
        if k == "head":
            f = self.cond(v)
            return lambda t, x: f(t.head, x)
        if k == "prep_arg":
            preps = self.words(v["prep"]) if "prep" in v else None
            f = self.cond(v["arg"]) if v.get("arg") else (lambda t, x: True)
            return lambda t, x: any((preps is None or p in preps) and f(c, x) for p, c in prep_args(t))
        raise ValueError(f"unknown condition {k!r}")

    def _guarded(self, key, build):
        if key in self.active:
            raise ValueError(f"the {key[0]} {key[1]!r} refers to itself")
        self.active.add(key)
        try:
            return build()
        finally:
            self.active.discard(key)

    @staticmethod
    def _bag(k: str, ws: frozenset) -> Callable:
        get = _BAG_TESTS[k]

        def test(t, x):
            key = (k, t.i)
            bag = x.bags.get(key)
            if bag is None:
                bag = x.bags[key] = get(t)
            return not ws.isdisjoint(bag)
        return test


_OUTCOME_FIELDS = {"type": "event_type", "mode": "mode", "symmetric": "symmetric", "need_recipient": "need_recipient",
                   "domestic": "domestic"}


def _outcome(then):
    if then == "drop":
        return None
    if then == "keep":
        return {}
    return {_OUTCOME_FIELDS[k]: v for k, v in then.items()}


@lru_cache(maxsize=None)
def _shared_names() -> frozenset:
    from pipeline.extract.lexicon import shared_set_names

    return shared_set_names()


def compile_senses(lang: str, data: dict) -> tuple[dict, _Compiler]:
    """lemma -> [(condition or None, outcome)] of one loaded senses file."""
    comp = _Compiler(lang, data)
    table: dict = {}
    for entry in data.get("senses") or ():
        rows = [(comp.cond(s["if"]) if s.get("if") else None, _outcome(s["then"])) for s in entry["senses"]]
        for lem in entry["lemmas"]:
            table[lem] = rows
    return table, comp


@lru_cache(maxsize=None)
def _table(lang: str) -> tuple[dict, _Compiler]:
    flang = _files_lang(lang)
    path = senses_path(flang)
    return compile_senses(flang, load_senses_file(path, known_sets=_Compiler(flang, {}).set_names()))


def apply(table: dict, tok, spec: TriggerSpec, lang: str, lookup: Callable) -> TriggerSpec | None:
    rows = table.get(spec.lemma)
    if rows is None:
        return spec
    ctx = _Ctx(spec, lang, lookup)
    for cond, out in rows:
        if cond is None or cond(tok, ctx):
            return None if out is None else (replace(spec, **out) if out else spec)
    return spec


def disambiguate(tok, spec: TriggerSpec, lang: str, lookup: Callable) -> TriggerSpec | None:
    """The sense of an ambiguous trigger: `spec` kept, changed, or None (not a trigger here).
    `lookup(lang, pos, lemma)` is the lexicon lookup (for ``trigger_noun``)."""
    return apply(_table(lang)[0], tok, spec, lang, lookup)


def holds(name: str, tok, spec: TriggerSpec, lang: str, lookup: Callable) -> bool:
    """Does the named condition `name` of the language's senses file hold for `tok`?"""
    return _table(lang)[1].test("use", name)(tok, _Ctx(spec, lang, lookup))


__all__ = ["displaced_complement", "first_carries", "carried_compound", "word_lemma", "disambiguate", "holds", "prep_of", "prep_args", "arg_lemmas", "child_lemmas", "near_lemmas",
           "compile_senses", "apply", "CONDITION_KEYS"]
