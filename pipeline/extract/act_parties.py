"""Parties read from acts rather than from people: the act a verb has as its subject ("an attack on a
post killed twelve soldiers" is done by the attack's agent), the author a nationality word names on an
act ("rejected the Iraqi protest"), the agent an act's noun names ("strikes by the IRGC")."""
from __future__ import annotations

from pipeline.core.models import ActorRef
from pipeline.extract.actors import Resolution, demonym_country
from pipeline.extract.coref import PRON_1
from pipeline.extract.grammar import SUBJ_DEPS, objects_of
from pipeline.extract.parties import Party
from pipeline.extract.triggers import lookup_spec


def act_subject(tok, lang: str):
    """The act a verb trigger has as its subject (a noun of the lexicon, or the one a relative
    "which" stands for), or a first person left unresolved (the author's: "we asked X"), if any."""
    if tok.pos_ != "VERB":
        return None
    for x in (c for c in tok.children if c.dep_ in SUBJ_DEPS):
        if x.lower_ in PRON_1.get(lang, ()):
            return x
        if x.tag_ == "WDT" and tok.dep_ == "relcl":
            x = tok.head  # (hung on the last noun: "strikes on camps in the region, which killed")
            for _ in range(4):
                if lookup_spec(lang, "NOUN", x.lemma_) is not None or x.dep_ != "pobj" or x.head.head.pos_ != "NOUN":
                    break
                x = x.head.head
        if x.pos_ == "NOUN" and lookup_spec(lang, "NOUN", x.lemma_) is not None:
            return x
    return None


ANSWER_TYPES = frozenset(("REJECT", "ACCUSE", "SUPPORT", "AGREE"))  # acts answering another's act


def act_authors(tok, lang: str, acts=None) -> list:
    """"rejected the Iraqi protest", "welcomed the Chilean proposal": the country of the nationality
    word qualifying an act noun the verb takes as object (or of one of `acts`: "an Israeli drone
    strike") is the act's author."""
    out = []
    for o in (acts or objects_of(tok) if tok.pos_ in ("VERB", "NOUN") else ()):
        if o.pos_ == "NOUN" and lookup_spec(lang, "NOUN", o.lemma_) is not None:
            for a in (a for a in o.subtree if a.dep_ in ("amod", "compound") and a.i < o.i and a.head.i <= o.i):
                if (c := demonym_country(a.text)) is not None:
                    ref = ActorRef(text=a.text, name=None, country=c, sector="GOV")
                    out.append(Party(Resolution(ref, None, "demonym", 0, len(a.text)), a.i, "parse"))
    return out


def act_agents(act) -> list:
    """The agent an act's noun names: "by X", "X's" ("strikes by the IRGC", "Israel's strikes")."""
    by = [g for c in act.children if c.dep_ in ("prep", "agent") and c.lower_ == "by" for g in c.children if g.dep_ == "pobj"]
    return by or [c for c in act.children if c.dep_ in ("poss", "nmod:poss") and c.pos_ in ("NOUN", "PROPN")]
