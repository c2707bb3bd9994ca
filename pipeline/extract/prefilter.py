"""Cheap tests that decide how much NLP a sentence needs.

`has_trigger_lemma(doc, lang)`: after tagging/parsing (without NER), can this sentence hold a
trigger at all? True when some token's lemma (or form) is a key of the trigger lexicon the way
``triggers.find_triggers`` looks it up, whatever the part of speech — a superset of the tokens
``find_triggers`` can keep. Keep this in step with ``find_triggers`` if it starts looking lemmas
up differently.

Entity labels are no longer decided here: extraction parses without ``ner`` and computes the
entities of a sentence only when a rule first reads one (``pipeline.text.nlp.ent_type``: trigger
disambiguation in ``_special``, party finding in ``subject_of``, ``status.py``; all on
triggers, so only in sentences this test accepts). Within ``find_triggers`` the per-token form
of the same superset test is ``triggers.could_trigger`` / ``triggers.trigger_positions``.
"""
from __future__ import annotations

import re
from functools import lru_cache

from pipeline.extract.actors import fold
from pipeline.extract.lexicon import LEXICON, prefilter_stems


@lru_cache(maxsize=None)
def _keys(lang: str) -> frozenset[str]:
    lex = LEXICON.get(lang, LEXICON["en"])
    keys: set[str] = set()
    for pos in ("VERB", "NOUN"):
        for k in lex[pos]:
            k = k.replace("s'", "")
            keys.add(k)
            keys.add(fold(k))
    for (h, _d) in lex["MULTI"]:
        keys.add(h)
        keys.add(fold(h))
    return frozenset(keys)


def _token_keys(lemma: str, lower: str):
    yield lemma
    yield lower
    if lower.endswith("s"):
        yield lower[:-1]
    if lemma.endswith("é"):
        yield lemma[:-1] + "er"
    if lemma.endswith("ée"):
        yield lemma.rstrip("e") + "r"


def has_trigger_lemma(doc, lang: str) -> bool:
    keys = _keys(lang)
    for tok in doc:
        for k in _token_keys(tok.lemma_.lower(), tok.lower_):
            if k in keys or fold(k) in keys:
                return True
    return False


__all__ = ["has_trigger_lemma"]


_WORD_RE = re.compile(r"\w+")
_PREFIX_CACHE: dict[str, frozenset[str]] = {}


def _prefixes(lang: str) -> frozenset[str]:
    if lang not in _PREFIX_CACHE:
        _PREFIX_CACHE[lang] = frozenset(s for s in prefilter_stems(lang) if len(s) >= 2)
    return _PREFIX_CACHE[lang]


_CANDIDATE_MEMO: dict = {}


def is_candidate(sentence: str, lang: str) -> bool:
    """Does the sentence contain a word starting like a trigger lemma (then it is parsed)?
    Memoised per sentence (repeated sentences); the sentence is folded without going through
    `fold`'s cache, which is meant for words."""
    key = (lang, sentence)
    v = _CANDIDATE_MEMO.get(key)
    if v is None:
        v = False
        pref = _prefixes(lang)
        for w in _WORD_RE.findall(fold.__wrapped__(sentence)):
            if any(w[:k] in pref for k in range(2, min(len(w), 7) + 1)):
                v = True
                break
        if len(_CANDIDATE_MEMO) >= 50000:
            _CANDIDATE_MEMO.clear()
        _CANDIDATE_MEMO[key] = v
    return v
