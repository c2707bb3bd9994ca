"""Triggers that are no event of their own (read by ``triggers.py``): a demonstration's demands, the
purpose of another act, a clause of "contrary to what ...", an agreement named by its year. The words
live in the data files; this module reads the parse."""
from __future__ import annotations

from pipeline.extract.grammar import purpose_clause
from pipeline.extract.lexicon import TriggerSpec, shared_set, word_set

CONTRAST_HEADS = shared_set("contrast_heads")


def contrasted_background(tok) -> bool:
    """Is the trigger in the clause of "contrairement à ce que ..." / "contrary to what ..."?"""
    cur = tok
    for _ in range(3):
        if cur.head.i == cur.i or cur.dep_ in ("ROOT", "conj", "parataxis"):
            return False
        cur = cur.head
        # the contrast word governs the clause, or stands just before its pronoun ("Contrairement à ce que")
        if any(t.lemma_.lower() in CONTRAST_HEADS for t in [cur, *cur.doc[max(0, cur.i - 2):cur.i]]):
            return True
    return False


def year_label(t) -> bool:
    """A year written as a label ("2015", "1994")."""
    return len(t.text) == 4 and t.text.isdigit() and t.text[:2] in ("19", "20")


def protest_content(tok, spec_by_i: dict) -> bool:
    """Is verb `tok` the purpose clause ("gathered to demand", "ont manifesté pour exiger") or the
    participial adjunct ("marched ..., demanding that") of a demonstration, told by its verb or by
    the object of its light verb ("staged a rally, calling on China to ...")?"""
    if tok.pos_ != "VERB" or tok.head.i == tok.i:
        return False
    adjunct = purpose_clause(tok) or (tok.dep_ == "advcl" and (
        tok.tag_ == "VBG" or any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children) or
        ("Part" in tok.morph.get("VerbForm") and "Pres" in tok.morph.get("Tense"))))
    if not adjunct:
        return False
    h = tok.head
    heads = [h, *(c for c in h.children if c.dep_ in ("dobj", "obj") and c.i != tok.i)]
    # (not a labour strike's: its demands are what the two sides then negotiate)
    return any(x.i in spec_by_i and spec_by_i[x.i].event_type == "PROTEST" and spec_by_i[x.i].mode != "strike" for x in heads)


def protest_demand(tok, spec_by_i: dict):
    """(verb, spec) of the demand a protest trigger `tok` makes as its content ("staged a rally, calling on
    China to ..."), which `protest_content` keeps from being an event of its own; else None."""
    heads = [tok, tok.head] if tok.dep_ in ("dobj", "obj") else [tok]
    for c in (c for h in heads for c in h.children if c.i in spec_by_i):
        if spec_by_i[c.i].event_type == "REQUEST" and protest_content(c, spec_by_i):
            return c, spec_by_i[c.i]
    return None


def purpose_of_other_act(tok, spec: TriggerSpec, spec_by_i: dict, lang: str) -> bool:
    """Is verb `tok` the purpose infinitive of another act ("dispatched two patrol vessels to protect the
    boats", "sent a brigade to take control of the post")? What the act is for has not happened: no
    event of its own (not what a vote or a promise commits to: those are the promised acts)."""
    if lang != "en" or tok.pos_ != "VERB" or tok.dep_ != "advcl" or tok.head.i == tok.i or tok.head.i not in spec_by_i:
        return False
    if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children):
        return False
    h = tok.head
    return spec_by_i[h.i].event_type != spec.event_type and h.lemma_.lower() not in word_set(lang, "commissive_verbs")


__all__ = ["contrasted_background", "protest_content", "protest_demand", "purpose_of_other_act", "year_label"]
