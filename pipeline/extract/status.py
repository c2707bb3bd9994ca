"""Factuality of an event mention: asserted, negated, hypothetical or future.

Works on the dependency parse (spaCy, French UD labels or English ClearNLP labels).
From the trigger we walk up its *governor chain*: the trigger itself, then (for a
noun) the word that governs it, then through control / raising / auxiliary
constructions (xcomp, "pourrait rencontrer", "va rencontrer", "plans to meet",
"envisage une rencontre") until a clause boundary (a finite complement clause of a
speech verb, an adverbial clause, the root).  On that chain:

- negation: a ``ne ... pas/jamais/plus``, ``not``/``n't``/``never`` dependent, a
  negative determiner (``aucun``, ``no``), a negative subject (``personne``,
  ``nobody``), ``sans``/``without``;
- hypothetical: modal verbs of possibility (pouvoir, could, may, might), verbs of
  consideration (envisager, considérer, consider, weigh), conditional mood
  (except the French "futur dans le passé" under a past speech verb), a ``si``/``if``
  clause, an "en cas de"/"in case of"/"possible"/"éventuel" modifier;
- future: future tense, ``aller``/``going to``/``will``, verbs of plan or intent
  (prévoir, préparer, souhaiter, vouloir, plan, intend, expect, hope), future
  modifiers (prochain, upcoming, proposed, planned).

Negation wins over hypothetical, which wins over future.  The result also names the
speaker when the clause is the complement of a speech verb (reported speech).
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.extract.lexicon import load_yaml, shared_set, word_set
from pipeline.text.nlp import ent_type

_WORDS = load_yaml((Path(__file__).resolve().parent.parent / "data" / "patterns" / "status.yaml").read_text(encoding="utf-8"))


def _by_lang(name: str) -> dict[str, set[str]]:
    return {lang: set(words) for lang, words in _WORDS[name].items()}


NEG_WORDS = _by_lang("neg_words")
NEG_DETS = _by_lang("neg_dets")
NEG_SUBJ = _by_lang("neg_subj")
NEG_PREP = _by_lang("neg_prep")
HYPO_LEMMAS = _by_lang("hypo_lemmas")
HYPO_AUX = _by_lang("hypo_aux")
HYPO_MODS = _by_lang("hypo_mods")
FUTURE_LEMMAS = _by_lang("future_lemmas")
FUTURE_MODS = _by_lang("future_mods")
SPEECH_LEMMAS = _by_lang("speech_lemmas")
REFUSAL_LEMMAS = _by_lang("refusal_lemmas")
CONDITIONAL_FUTURE_LEMMAS = _by_lang("conditional_future_lemmas")
BE_TO_LEMMAS = _by_lang("be_to_lemmas")
# a future meeting is an agreement (AGREE) when these verbs govern it, else a planned CONSULT
AGREE_TO_MEET = frozenset(_WORDS["agree_to_meet"])
# verbs of a journey: a meeting noun that is its purpose was held when the journey is told as made
TRIP_VERBS = shared_set("trip_verbs")
# verbs of putting off: "will be postponed" tells a decision made, not one to come
DEFERRAL_VERBS = shared_set("deferral_verbs")
# the auxiliaries of a perfect ("a ordonné", "est parti"), which the parser sometimes makes a verb of its own
PERFECT_AUXILIARIES = shared_set("perfect_auxiliaries")
CLAUSE_STOP_DEPS = {"ccomp", "advcl", "parataxis", "ROOT", "conj", "acl:relcl", "relcl", "csubj"}
CLIMB_DEPS = {"xcomp", "obj", "dobj", "obl", "obl:arg", "obl:mod", "nmod", "pobj", "prep", "iobj", "nsubj",
              "nsubj:pass", "nsubjpass", "attr", "oprd", "pcomp", "acl", "appos", "dep", "obl:agent", "agent",
              "compound", "amod", "mark", "case"}


@dataclass
class StatusResult:
    status: str = "asserted"
    markers: list[str] = field(default_factory=list)
    speech_verb: object | None = None  # spaCy token of the governing speech verb


CIRCUMSTANCE_PREPS = set(_WORDS["circumstance_preps"])
CIRCUMSTANCE_NOUNS = set(_WORDS["circumstance_nouns"])


def circumstantial(tok) -> bool:
    """Is the noun `tok` the setting of the clause rather than its content: "à l'issue d'une
    rencontre", "lors d'un entretien", "après des pourparlers", "agreed in a phone call",
    "on the sidelines of the summit"? Such an event took place; it takes neither the tense/mood
    of the clause nor is it the content of the clause's verb."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    cases = [c.lower_ for c in tok.children if c.dep_ in ("case", "fixed")]
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        cases.append(tok.head.lower_)
    if tok.head.i != tok.i and tok.head.pos_ == "ADV":
        cases.append(tok.head.lower_)  # "lors d'un entretien": the parser heads the phrase with "lors"
    if any(c in CIRCUMSTANCE_PREPS for c in cases):
        return True
    h = tok.head if tok.dep_ != "pobj" else tok.head.head
    if h.i != tok.i and h.pos_ == "NOUN" and h.lemma_.lower() in CIRCUMSTANCE_NOUNS and (
            tok.dep_ in ("nmod", "pobj")):
        return True
    return False


def governor_chain(tok, max_len: int = 6):
    """The trigger and the words that govern it inside its clause (a circumstantial noun phrase,
    "à l'issue d'une rencontre", "in a phone call", is a boundary)."""
    chain = [tok]
    cur = tok
    if circumstantial(tok):
        return chain
    while len(chain) < max_len and (cur.dep_ not in CLAUSE_STOP_DEPS or _expected_infinitive(cur) or
                                    _infinitive_complement(cur)) and cur.head.i != cur.i:
        if cur.dep_ not in CLIMB_DEPS and not _expected_infinitive(cur) and not _infinitive_complement(cur):
            break
        cur = cur.head
        chain.append(cur)
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ in CLAUSE_STOP_DEPS:
            break
    h = cur.head
    if h.i < cur.i and h.pos_ == "VERB" and h.lemma_.lower() in PERFECT_AUXILIARIES and "Part" in cur.morph.get("VerbForm") \
            and h not in chain and len(chain) < max_len:
        chain.append(h)  # "n'a pas pour autant ordonné X": the auxiliary the parser made a verb of its own
    return chain


def _infinitive_complement(t) -> bool:
    """An English to-infinitive with its own subject that the parser made a clausal complement ("I do
    not expect him to back down"): part of its governor's verb group, like an xcomp."""
    return t.dep_ == "ccomp" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in t.children)


def _expected_infinitive(t) -> bool:
    """A to-infinitive the parser hung as an adverbial clause of a verb of expectation or schedule
    ("the envoy is expected in Cairo on Sunday to meet ..."): the act expected, part of its clause."""
    heads = [t.head] + [c for c in t.head.children if c.dep_ == "acomp"]  # "is due in Khartoum ... to discuss"
    # (or the "pour" infinitive of a passive of expectation: "est attendu dimanche à Khartoum pour discuter")
    passive_pour = any(c.dep_ == "mark" and c.lower_ == "pour" for c in t.children) and \
        any(c.dep_ == "aux:pass" for c in t.head.children)
    return t.dep_ == "advcl" and (any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children) or passive_pour) and \
        any(h.lemma_.lower() in words for words in FUTURE_LEMMAS.values() for h in heads)


def _name_like(t) -> bool:
    return t.i > 0 and t.text[:1].isupper() and t.pos_ in ("VERB", "AUX", "ADV", "ADJ") and (
        ent_type(t) in ("PER", "PERSON", "LOC", "ORG", "GPE", "NORP") or t.lemma_[:1].islower() and t.text[1:].islower())


def _children_words(t):
    return [(c.dep_, c.lower_, c.lemma_.lower(), c) for c in t.children]


def _verb_group_has(t, feature: str, value: str) -> bool:
    """The verb or one of its auxiliaries carries the morphological value ("Mood"="Cnd", "Tense"="Fut")."""
    return value in t.morph.get(feature) or any(
        c.dep_.startswith("aux") and value in c.morph.get(feature) for c in t.children)


# French conditional = future stem (the infinitive, less the final e of -re verbs) + imperfect
# ending: read from the form when the tagger took "mèneraient" for an imperfect
FR_CONDITIONAL_ENDINGS = tuple(_WORDS["fr_conditional_endings"])
FR_FUTURE_STEMS = dict(_WORDS["fr_future_stems"])
FR_FUTURE_ENDINGS = tuple(_WORDS["fr_future_endings"])


def _fold(w: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", w.lower()) if unicodedata.category(c) != "Mn")


def _future_stem_form(t, endings) -> bool:
    """The form is the future stem (the infinitive, less the final e of -re verbs, or an irregular
    stem) followed by one of `endings`."""
    if t.pos_ not in ("VERB", "AUX") or "Fin" not in t.morph.get("VerbForm"):
        return False
    low, lemma = _fold(t.text), _fold(t.lemma_)
    for end in endings:
        if low.endswith(end):
            stem = low[: -len(end)]
            irregular = FR_FUTURE_STEMS.get(t.lemma_.lower())
            return stem.endswith("r") and len(stem) > 2 and (
                stem in (lemma, lemma[:-1]) or (irregular is not None and stem == _fold(irregular)))
    return False


def _conditional_form(t) -> bool:
    return _future_stem_form(t, FR_CONDITIONAL_ENDINGS)


def future_form(t) -> bool:
    """A French simple future the tagger read as a present ("les deux pays mèneront des patrouilles")."""
    return "Pres" in t.morph.get("Tense") and _future_stem_form(t, FR_FUTURE_ENDINGS)


def _is_conditional(t) -> bool:
    return _verb_group_has(t, "Mood", "Cnd") or _conditional_form(t) or any(
        c.dep_.startswith("aux") and _conditional_form(c) for c in t.children)


def _is_future(t) -> bool:
    return _verb_group_has(t, "Tense", "Fut") or future_form(t)


def _past_speech_head(t, lang):
    """For a French conditional: is the clause the complement of a speech verb in the past?"""
    cur = t
    for _ in range(3):
        if cur.dep_ in ("ccomp", "xcomp", "advcl") and cur.head.i != cur.i:
            h = cur.head
            if h.lemma_.lower() in SPEECH_LEMMAS.get(lang, set()) | {"annoncer", "promettre", "assurer", "affirmer"}:
                past = any(c.dep_.startswith("aux") for c in h.children) or "Past" in h.morph.get("Tense") or \
                    "Imp" in h.morph.get("Tense") or h.morph.get("VerbForm") == ["Part"] or \
                    h.morph.get("VerbForm") == ["Ger"]
                return past or True
            cur = h
        else:
            break
    return False


def speech_governor(tok, lang):
    """The speech verb whose complement clause contains `tok`, if any."""
    cur = tok
    for _ in range(8):
        if cur.head.i == cur.i:
            return None
        if cur.dep_ in ("ccomp", "parataxis", "xcomp", "advcl") and cur.head.lemma_.lower() in SPEECH_LEMMAS.get(lang, ()):
            return cur.head
        cur = cur.head
    return None


def _refusal_verb(t, lang: str) -> bool:
    lemma = t.lemma_.lower()
    words = REFUSAL_LEMMAS.get(lang, set())
    if t.pos_ not in ("VERB", "AUX"):
        return False
    return lemma in words or any(f"{lemma} {c.lower_}" in words for c in t.children if c.dep_ in ("prt", "compound:prt"))


def detached_participle(tok) -> bool:
    """A French present participle set off by a comma ("..., accusant Séoul de ...", "...,
    menaçant de ..."): a clause of the sentence's subject, whatever noun the parser hung it on."""
    if tok.dep_ not in ("acl", "advcl") or tok.i == 0 or tok.doc[tok.i - 1].text != "," or \
            not tok.lower_.endswith("ant"):
        return False
    return ("Part" in tok.morph.get("VerbForm") and "Pres" in tok.morph.get("Tense")) or tok.pos_ == "ADJ"


def _refused_act(trigger, chain, lang: str) -> str | None:
    """The refusal verb whose refused, denied or ruled-out act the trigger is: its direct complement
    ("a refusé de retirer", "denied shelling", "denied that its jets had entered") or the act a
    rejected demand asks for ("rejected the demand to withdraw"); None otherwise."""
    if len(chain) > 1 and _refusal_verb(chain[1], lang) and trigger.dep_ not in ("nsubj", "csubj"):
        return chain[1].lemma_.lower()
    # the act is the trigger verb, or the light verb of a noun trigger ("a proposal to impose sanctions")
    k = 1 if trigger.pos_ == "NOUN" and len(chain) > 1 and chain[1].pos_ == "VERB" and trigger.dep_ in ("obj", "dobj") else 0
    if len(chain) > k + 2 and chain[k].pos_ == "VERB" and chain[k + 1].pos_ == "NOUN" and \
            chain[k + 1].dep_ in ("obj", "dobj") and _refusal_verb(chain[k + 2], lang):
        return chain[k + 2].lemma_.lower()
    if trigger.dep_ == "ccomp" and trigger.head.i != trigger.i and _refusal_verb(trigger.head, lang):
        return trigger.head.lemma_.lower()
    head = chain[k].head
    if chain[k].dep_ == "advcl" and chain[k].pos_ == "VERB" and _refusal_verb(head, lang) and \
            any(c.dep_ == "aux" and c.pos_ == "PART" for c in chain[k].children) and \
            any(c.dep_ in ("obj", "dobj") and c.pos_ == "NOUN" and c.i < chain[k].i for c in head.children):
        # "rejected calls to release X", the infinitive parsed as an adverbial of the refusal verb:
        # the act the rejected demand asks for
        return head.lemma_.lower()
    return None


def _committed(verb) -> bool:
    """Is the clause what an agreement or decision settles ("the two leaders agreed that the commission
    would meet on February 16")? Then its "would" is the future seen from the past, no hypothesis."""
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in AGREE_TO_MEET


def _future_time(verb, lang: str) -> bool:
    """Does the verb carry a forward time adverbial ("next week", "tomorrow")?"""
    mods = FUTURE_MODS.get(lang, set())
    return any(x.lower_ in mods or x.lemma_.lower() in mods for c in verb.children
               if c.dep_ in ("npadvmod", "obl", "obl:tmod", "advmod", "prep", "tmod")
               for x in c.subtree if x.i - c.i < 4)


def status_of(trigger, lang: str, event_type: str | None = None) -> StatusResult:
    lang = lang if lang in NEG_WORDS else "en"
    res = StatusResult()
    # a capitalised word inside the sentence that the parser took for a verb ("Narendra" Modi,
    # tagged VERB/Fut) carries no tense or mood of the event
    chain = [t for t in governor_chain(trigger) if t.i == trigger.i or not _name_like(t)]
    neg = hyp = fut = False
    refuser = _refused_act(trigger, chain, lang) if event_type != "REJECT" and not detached_participle(trigger) else None
    if refuser is not None:
        neg = True
        res.markers.append(f"neg:refused:{refuser}")
    if trigger.dep_ in ("pcomp", "pobj") and trigger.head.lower_ in NEG_PREP[lang]:
        # "acted without consulting Eritrea": the English preposition heads the act it negates
        neg = True
        res.markers.append(f"neg:{trigger.head.lower_}")
    for i, t in enumerate(chain):
        lemma = t.lemma_.lower()
        for dep, low, clem, c in _children_words(t):
            # a capitalised word the tagger took for a negative adverb is a name ("Abou Dhabi a démenti")
            if dep in ("advmod", "neg") and (low in NEG_WORDS[lang] or "Neg" in c.morph.get("Polarity") and not c.text[:1].isupper()) and \
                    not (lang == "fr" and low == "plus" and not any(x.lower_ in ("ne", "n'") for x in t.children)):
                # (the second half may hang under an adverb: "n'a pas encore rouvert", "pas" under "encore")
                if not (lang == "fr" and low in ("ne", "n'") and not any(
                        x.lower_ in NEG_WORDS["fr"] | {"personne", "rien", "aucun", "aucune", "que", "qu'"}
                        for x in (*t.children, *(g for a in t.children if a.dep_ == "advmod" for g in a.children)))):
                    neg = True
                    res.markers.append(f"neg:{low}")
            if dep == "det" and clem in NEG_DETS[lang]:
                neg = True
                res.markers.append(f"neg:{low}")
            if dep.startswith("nsubj") and (low in NEG_SUBJ[lang] or clem in NEG_SUBJ[lang]) and \
                    (lang == "en" or any(x.lower_ in ("ne", "n'") for x in t.children)):
                neg = True
                res.markers.append(f"neg_subj:{low}")
            if dep in ("case", "mark", "prep") and low in NEG_PREP[lang] and i == 0 and not (
                    dep == "prep" and any(g.dep_ in ("pcomp", "pobj") for g in c.children)):
                # (an English "without" heading its own complement is an adjunct of the trigger:
                # "blamed the unrest on X, without naming them" negates the naming, not the blame)
                neg = True
                res.markers.append(f"neg:{low}")
            if dep in ("mark",) and low in ("si", "if", "unless", "s'"):
                if low != "s'" or c.nbor(1).lower_ in ("il", "ils") if c.i + 1 < len(c.doc) else False:
                    if event_type != "THREATEN":
                        hyp = True
                        res.markers.append(f"hyp:{low}")
            if dep in ("aux",) and low in HYPO_AUX.get(lang, ()):
                if low == "would" and (speech_governor(t, lang) is not None or _future_time(t, lang) or _committed(t)):
                    # reported future: "said that X would ...", or "would ... next week" (a dated plan)
                    fut = True
                    res.markers.append("fut:would_reported")
                elif event_type != "THREATEN" or low != "would":
                    hyp = True
                    res.markers.append(f"hyp:{low}")
            if dep in ("aux",) and low in ("will", "shall", "'ll"):
                fut = True
                res.markers.append(f"fut:{low}")
            if dep == "acomp" and i > 0 and clem in FUTURE_LEMMAS[lang]:
                # "is due in Khartoum on Sunday to discuss...": the act the subject is due for
                fut = True
                res.markers.append(f"fut:{clem}")
            if dep in ("amod", "advmod") and clem in HYPO_MODS[lang] and (i == 0 or t.pos_ == "NOUN"):
                hyp = True
                res.markers.append(f"hyp:{clem}")
            if dep in ("amod", "acl", "advmod") and (clem in FUTURE_MODS[lang] or low in FUTURE_MODS[lang]) and (i == 0 or dep == "advmod"):
                fut = True
                res.markers.append(f"fut:{low}")
            # "en cas de" / "in case of"
            if lang == "fr" and dep == "case" and low == "en" and lemma == "cas":
                hyp = True
                res.markers.append("hyp:en_cas_de")
        if lang == "fr" and i > 0 and lemma == "cas" and any(c.lower_ == "en" for c in t.children):
            hyp = True
            res.markers.append("hyp:en_cas_de")
        if i > 0 or t.pos_ in ("VERB", "AUX"):
            if i > 0 and lemma in HYPO_LEMMAS[lang]:
                if not (lemma == "pouvoir" and event_type == "THREATEN" and i > 1):
                    hyp = True
                    res.markers.append(f"hyp:{lemma}")
            if i > 0 and (lemma in FUTURE_LEMMAS[lang] or (lang == "en" and t.lower_ == "going")) and not (
                    lang == "fr" and chain[i - 1].dep_ == "nsubj" and lemma not in ("devoir", "aller")):
                # (an event that is the subject of an intent verb does the aiming: "des frappes ont visé des camps")
                fut = True
                res.markers.append(f"fut:{lemma}")
            if lang == "en" and i > 0 and lemma in BE_TO_LEMMAS.get(lang, ()) and chain[i - 1].dep_ == "xcomp" and any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in chain[i - 1].children):
                fut = True
                res.markers.append("fut:be_to")
            if lang == "fr" and t.pos_ in ("VERB", "AUX") and _is_conditional(t):
                if event_type == "THREATEN" and i == 0:
                    pass
                elif lemma in CONDITIONAL_FUTURE_LEMMAS.get(lang, ()) or any(
                        c.dep_.startswith("aux") and c.lemma_.lower() in CONDITIONAL_FUTURE_LEMMAS.get(lang, ())
                        and _is_conditional(c) for c in t.children):
                    fut = True
                    res.markers.append("fut:conditional_expectation")
                elif _past_speech_head(t, lang):
                    fut = True
                    res.markers.append("fut:conditional_reported")
                else:
                    hyp = True
                    res.markers.append("hyp:conditional")
            if t.pos_ in ("VERB", "AUX") and _is_future(t):
                fut = True
                res.markers.append("fut:tense")
            if lang == "fr":
                for c in t.children:
                    if c.dep_.startswith("aux") and c.lemma_ == "aller" and "Fut" not in c.morph.get("Tense") \
                            and c.morph.get("VerbForm") != ["Part"]:
                        fut = True
                        res.markers.append("fut:aller")
                    if c.dep_.startswith("aux") and c.lemma_ == "pouvoir":
                        hyp = True
                        res.markers.append("hyp:pouvoir")
                    if c.dep_.startswith("aux") and c.lemma_ == "devoir":
                        fut = True
                        res.markers.append("fut:devoir")
            else:
                for c in t.children:
                    if c.dep_ == "aux" and c.lower_ == "going":
                        fut = True
                        res.markers.append("fut:going_to")
    # English "be to meet", "is set to", "scheduled to"
    if trigger.dep_ == "conj" and trigger.head.i != trigger.i and trigger.head.pos_ in ("VERB", "AUX", "NOUN") \
            and not _name_like(trigger.head):
        head_res = status_of(trigger.head, lang, event_type)
        refused_only = head_res.status == "negated" and not [
            m for m in head_res.markers if m.startswith("neg") and not m.startswith("neg:refused")]
        if head_res.status != "asserted" and not refused_only:
            res.markers.extend(head_res.markers)
            neg = neg or head_res.status == "negated"
            hyp = hyp or head_res.status == "hypothetical"
            fut = fut or head_res.status == "future"
    # purpose infinitive: "will visit Washington next week to meet Trump", "se rendra à Paris pour
    # rencontrer": the purpose shares the non-asserted status of the action it is the goal of
    if not (neg or hyp or fut) and trigger.dep_ == "advcl" and "Inf" in trigger.morph.get("VerbForm") and \
            trigger.head.i != trigger.i and trigger.head.pos_ in ("VERB", "AUX") and not _name_like(trigger.head) and \
            any(c.dep_ in ("aux", "mark") and c.lower_ in ("to", "pour", "afin") for c in trigger.children):
        head_res = status_of(trigger.head, lang, event_type)
        if head_res.status in ("future", "hypothetical"):
            res.markers.extend(head_res.markers)
            hyp = head_res.status == "hypothetical"
            fut = head_res.status == "future"
    # a present-tense clause of time or condition ("could return the boats once the teams meet", "will
    # reopen the crossing when the committee meets"): its act shares the non-asserted status of its head
    if not (neg or hyp or fut) and trigger.dep_ == "advcl" and trigger.tag_ in ("VBP", "VBZ") and \
            trigger.head.i != trigger.i and trigger.head.pos_ in ("VERB", "AUX") and not _name_like(trigger.head) and \
            any(c.dep_ == "mark" for c in trigger.children):
        head_res = status_of(trigger.head, lang, event_type)
        if head_res.status in ("future", "hypothetical"):
            res.markers.extend(head_res.markers)
            hyp = head_res.status == "hypothetical"
            fut = head_res.status == "future"
    # "des dispositions pour une visite", "preparations for talks": a meeting introduced by a
    # purpose preposition is planned
    if (event_type in ("CONSULT", "AGREE") and trigger.pos_ == "NOUN" and not (neg or hyp) and any(
            c.dep_ == "case" and c.lower_ in ("pour", "for") for c in trigger.children) or (
            event_type in ("CONSULT", "AGREE") and trigger.pos_ == "NOUN" and trigger.dep_ == "pobj"
            and trigger.head.lower_ == "for" and not (neg or hyp))) and not _trip_made_for(trigger, lang):
        fut = True
        res.markers.append("fut:purpose")
    if event_type == "CONSULT" and lang == "fr" and trigger.lemma_.lower() in shared_set("awaited_visitor_verbs") and \
            any(c.dep_ == "aux:pass" for c in trigger.children) and not (neg or hyp):
        fut = True  # "est attendu à Paris lundi prochain": the awaited visit is announced
        res.markers.append("fut:attendu")
    if fut and not (neg or hyp) and trigger.lemma_.lower() in DEFERRAL_VERBS:
        # "the second reading will be postponed by a month": putting off is decided when announced;
        # the future is that of the act put off
        fut = False
        res.markers = [m for m in res.markers if not m.startswith("fut:")] + ["deferral_decided"]
    sv = speech_governor(trigger, lang)
    res.speech_verb = sv
    if neg:
        res.status = "negated"
    elif hyp:
        res.status = "hypothetical"
    elif fut:
        res.status = "future"
    return res


def _trip_made_for(noun, lang: str) -> bool:
    """Is the purpose phrase ("for talks with Haftar", "pour des entretiens") that of a trip told as
    made ("flew to Benghazi on Tuesday for talks with ...", "s'est rendu à Alger pour des entretiens")?
    A news report of the journey reports the talks held there; not "pushed for talks" nor
    "preparations for talks", nor a trip still to come ("will fly to Paris for talks")."""
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    if verb.i == noun.i or verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in TRIP_VERBS:
        return False
    past = "Past" in verb.morph.get("Tense") or any(
        c.dep_.startswith("aux") and c.lemma_.lower() in ("have", "avoir", "être") for c in verb.children)
    return past and status_of(verb, lang).status == "asserted"


def intent_to_meet(result: StatusResult, dated: bool, lang: str) -> bool:
    """A future meeting is an intent to meet (AGREE/meet) unless a date or a scheduling marker (future
    tense, 'next week', 'prévu') plans it (CONSULT, status future); an agree-to-meet marker is, unless a
    date fixes the meeting ("agreed to meet in Muscat next week": the agreement is its own event, the
    meeting it fixes a planned CONSULT)."""
    if result.status != "future":
        return False
    fut = [m.split(":")[-1] for m in result.markers if m.startswith("fut:")]
    scheduled = dated or any(m in word_set(lang, "scheduled_markers") for m in fut)
    return not scheduled or (not dated and any(m in AGREE_TO_MEET for m in fut))


__all__ = ["AGREE_TO_MEET", "intent_to_meet", "circumstantial", "status_of", "StatusResult", "governor_chain", "speech_governor", "SPEECH_LEMMAS"]
