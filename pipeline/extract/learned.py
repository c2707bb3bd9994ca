"""Combining the patterns with the learned layer (``pipeline.extract.classifier``).

The patterns propose mentions (type, parties, date, status); the classifier scores each mention's
sentence for the 16 PLOVER types and NONE, and then, by ``NEWSEVENTS_LEARNED``:

- ``off``      the patterns alone;
- ``confirm``  a mention is dropped when the classifier gives its type almost nothing
               (< ``DROP_BELOW``) and is sure the sentence names no event (NONE >= ``NONE_ABOVE``);
- ``retype``   ``confirm``, and a mention whose type scores < ``RETYPE_BELOW`` while another type
               scores >= ``RETYPE_ABOVE`` takes that type (its mode is dropped);
- ``veto``     the reverse reading: the classifier decides which types a sentence names
               (>= ``VETO_MIN``) and the patterns only supply parties and dates for those;
- ``propose``  the patterns as they are, plus: in a candidate sentence where no pattern fired but
               whose main verb has a subject and an object or oblique (an agent and a party), the
               classifier's best type (>= ``PROPOSE_MIN`` and above NONE) becomes a trigger on that
               verb; the engine then finds parties, date and status as for any trigger, and a
               proposal without an actor and a recipient is dropped.

The default is the combination measured best on the dev sets (docs/extraction.md). The classifier
never invents a mention: parties come from the parse only. When the model files are missing the
patterns run alone (a note on stderr, once).
"""
from __future__ import annotations

import sys

MODES = ("off", "confirm", "retype", "veto", "propose")
# Measured with the one-head model (dev figures, F1 FR / EN / seeds): off 0.587 / 0.607 / 0.889;
# confirm 0.587 / 0.602 / 0.889; retype 0.582 / 0.573 / 0.875; veto 0.517 / 0.382 / 0.565;
# propose 0.587 / 0.605 / 0.889.  No mode beats the patterns alone: off stays the default.
DEFAULT_MODE = "off"
DROP_BELOW, NONE_ABOVE = 0.05, 0.5
RETYPE_BELOW, RETYPE_ABOVE = 0.1, 0.6
VETO_MIN = 0.1
PROPOSE_MIN = 0.5
PROPOSED = "__learned__"  # the mode a proposed trigger carries through the engine (cleared in combine)
AGENT_DEPS = frozenset({"nsubj"})
PARTY_DEPS = frozenset({"obj", "dobj", "iobj", "dative", "obl", "obl:arg", "obl:mod", "prep"})
_warned = False


def mode() -> str:
    from pipeline.core.config import process_settings

    m = process_settings().learned
    return m if m in MODES else DEFAULT_MODE


def _scores(lang: str, sentences: list[str]) -> dict[str, dict[str, float]] | None:
    global _warned
    try:
        from pipeline.extract.classifier import score_sentences

        uniq = sorted(set(sentences))
        return dict(zip(uniq, score_sentences(lang, uniq)))
    except (FileNotFoundError, ImportError, OSError, ValueError) as exc:
        if not _warned:
            print(f"[newsevents] learned layer unavailable ({exc}); patterns alone", file=sys.stderr)
            _warned = True
        return None


def propose_triggers(doc, lang: str) -> list[tuple]:
    """(token, TriggerSpec) for a sentence where no pattern fired (``propose`` mode only): the main
    verb, typed by the classifier, when it has an agent and a party in the parse; else []."""
    if mode() != "propose":
        return []
    roots = [t for t in doc if t.dep_.upper() == "ROOT" and t.pos_ == "VERB"]
    if not roots:
        return []
    root = roots[0]
    deps = {c.dep_ for c in root.children}
    if not deps & AGENT_DEPS or not deps & PARTY_DEPS:
        return []
    scores = _scores(lang, [doc.text])
    if not scores:
        return []
    p = scores[doc.text]
    best = max((t for t in p if t != "NONE"), key=lambda t: p[t])
    if p[best] < PROPOSE_MIN or p[best] <= p.get("NONE", 0.0):
        return []
    from pipeline.extract.lexicon import TriggerSpec

    return [(root, TriggerSpec(lemma=root.lemma_, event_type=best, mode=PROPOSED, need_recipient=True,
                               source="learned"))]


def _settle_proposals(results: list[list]) -> list[list]:
    out = []
    for ms in results:
        kept = []
        for m in ms:
            if m.mode == PROPOSED:
                if not any(a.country for a in m.actor) or not any(r.country for r in m.recipient):
                    continue
                m.mode = None
                m.notes.append("proposed_by_classifier")
            kept.append(m)
        out.append(kept)
    return out


def combine(results: list[list], how: str | None = None) -> list[list]:
    """Apply the learned layer to the mention lists of a batch of articles (new lists)."""
    how = how or mode()
    if how == "propose":
        return _settle_proposals(results)
    if how == "off":
        return results
    by_lang: dict[str, list[str]] = {}
    for ms in results:
        for m in ms:
            by_lang.setdefault(m.language, []).append(m.sentence)
    scores: dict[tuple[str, str], dict[str, float]] = {}
    for lang, sents in by_lang.items():
        s = _scores(lang, sents)
        if s is None:
            return results
        scores.update({(lang, k): v for k, v in s.items()})
    out = []
    for ms in results:
        kept = []
        for m in ms:
            p = scores.get((m.language, m.sentence))
            if p is None:
                kept.append(m)
                continue
            own = p.get(m.event_type, 0.0)
            if how == "veto":
                if own < VETO_MIN:
                    continue
            elif own < DROP_BELOW and p.get("NONE", 0.0) >= NONE_ABOVE:
                continue
            elif how == "retype" and own < RETYPE_BELOW:
                best = max((t for t in p if t != "NONE"), key=lambda t: p[t])
                if p[best] >= RETYPE_ABOVE and best != m.event_type:
                    m.event_type, m.mode = best, None
                    m.notes.append("retyped_by_classifier")
            kept.append(m)
        out.append(kept)
    return out


__all__ = ["MODES", "DEFAULT_MODE", "mode", "combine", "propose_triggers"]
