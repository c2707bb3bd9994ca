"""Parse predicates the date modules share: the verb of a trigger's clause and of a date, relative and
participial clauses, future and past verb forms, "since" states (used by ``date_clauses``,
``clause_dating`` and ``event_dates``)."""
from __future__ import annotations

import unicodedata

from pipeline.extract.lexicon import shared_set
from pipeline.extract.status import AGREE_TO_MEET, future_form
from pipeline.text.temporal.calendar_math import _weekday_num
from pipeline.text.temporal.lexicon import _P_DAY_MONTH, _P_MONTH_DAY

ANNOUNCING_VERBS = shared_set("announcing_verbs")
SINCE_PREPS = shared_set("since_preps")
APPOINTED_DAY_PREPS = shared_set("appointed_day_preps")
PRECEDING_VERBS = shared_set("preceding_verbs")
INVITING_VERBS = shared_set("inviting_verbs")
PLUPERFECT_AUX_FORMS = shared_set("pluperfect_auxiliary_forms")
NOUN_COMPLEMENT_PREPS = shared_set("noun_complement_preps")
PUT_OFF_LEMMAS = shared_set("put_off_lemmas")
PUT_OFF_PREPS = shared_set("put_off_preps")


def date_span(doc, offset: int, dm):
    """The tokens of a date mention in a sentence's parse (`offset`: the sentence's start in the
    article), or None when they are no tokens of it."""
    span = doc.char_span(dm.start - offset, dm.end - offset, alignment_mode="expand")
    return span if span is not None and len(span) else None


def since_holder(tok):
    """The token a "depuis"/"since" date hangs on ("depuis lundi", "since 2020": the start of a
    period), or None when the date is not the object of one (shared.yaml since_preps). A "since"
    elsewhere in the clause ("the biggest step since the 2024 deal") says nothing of the date."""
    since = SINCE_PREPS
    if any(c.dep_ in ("case", "prep") and c.lower_ in since for c in tok.children):
        return tok.head
    if tok.dep_ == "pobj" and tok.head.lower_ in since:
        return tok.head.head
    return None


def appointed_day(doc, offset: int, dm) -> bool:
    """The date is the object of a preposition of an appointed day ("called dead-city days for Monday
    and Tuesday", "une grève pour lundi"; shared.yaml appointed_day_preps): a day set for what is to
    come, whatever verb it hangs on."""
    span = date_span(doc, offset, dm)
    if span is None:
        return False
    tok = span.root
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head  # "for Monday and Tuesday"
    preps = APPOINTED_DAY_PREPS
    if any(c.dep_ in ("case", "prep") and c.lower_ in preps for c in tok.children):
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ in preps



def preceding_date(doc, offset: int, dm) -> bool:
    """The date is of a clause whose verb places an event before its subject's ("was preceded by a
    ministerial meeting on 18 March"; shared.yaml preceding_verbs): no day the story moves to."""
    span = date_span(doc, offset, dm)
    return span is not None and _date_verb(span.root).lemma_.lower() in PRECEDING_VERBS



_CLAUSE_VERB_KEY = "_newsevents_clause_verb"


def _clause_verb(tok):
    memo = tok.doc.user_data.get(_CLAUSE_VERB_KEY)
    if memo is None:  # (reads the parse only: memoised on the Doc, per token)
        memo = tok.doc.user_data[_CLAUSE_VERB_KEY] = {}
    found = memo.get(tok.i)
    if found is not None:
        return tok.doc[found]
    cur = tok
    for _ in range(8):
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("aux", "aux:tense", "aux:pass", "auxpass", "cop"):
            break
        if cur.head.i == cur.i:
            break
        cur = cur.head
    memo[tok.i] = cur.i
    return cur


_RELATIVE_DEPS = ("acl", "acl:relcl", "relcl")


def _reduced_relative(v) -> bool:
    """A bare past participle heading its own clause ("le traité, signé l'an dernier", "the
    exercise, held the day before"): a participial clause describing another (earlier) event,
    whatever label the parser gave it."""
    if v.pos_ not in ("VERB", "AUX"):
        return False
    participle = ("Part" in v.morph.get("VerbForm") and "Pres" not in v.morph.get("Tense")) or v.tag_ == "VBN" or (
        # (an English participle tagged as a simple past, after a comma: "the decision of the government,
        # announced on 27 February, to extend")
        v.tag_ == "VBD" and v.dep_ in ("advcl", "acl") and v.i > 1 and v.doc[v.i - 1].text == "," and
        v.doc[v.i - 2].pos_ in ("NOUN", "PROPN"))
    if not participle:
        return False
    if v.tag_ == "VBN" and v.dep_ not in ("ROOT", "conj"):
        # (an English past participle without an auxiliary tells no clause of its own, whatever subject
        # the parser gave it: "the citizens, drivers of lorries detained on 9 September, had been released")
        return not any(c.dep_.startswith("aux") for c in v.children)
    return not any(c.dep_.startswith(("aux", "nsubj", "expl")) for c in v.children)


def _date_verb(date_tok):
    """The verb of the clause a date belongs to (a weekday the parser took for a participle,
    "a franchi la frontière dimanche", belongs to the clause it hangs in)."""
    if date_tok.pos_ in ("VERB", "AUX") and date_tok.head.i != date_tok.i:
        return _clause_verb(date_tok.head)
    return _clause_verb(date_tok)


def _has_subject(v) -> bool:
    return any(c.dep_.startswith(("nsubj", "csubj", "expl")) for c in v.children)


def _own_since(doc, offset: int, dm, trig) -> bool:
    """A "since" date hung on a participle trigger, the act whose result lasts ("fishermen detained
    since 20 September", "commerçants détenus à Maradi depuis septembre", "had been held since
    March"): the day of the act."""
    participle = trig.tag_ == "VBN" or ("Part" in trig.morph.get("VerbForm") and "Past" in trig.morph.get("Tense"))
    auxes = [c.dep_ for c in trig.children if c.dep_.startswith("aux")]
    if trig.pos_ not in ("VERB", "AUX") or not participle or (auxes and not {"auxpass", "aux:pass"} & set(auxes)):
        # the state of the one the act befell (detained, held), not an activity going on ("réclamant
        # ... depuis 2023") or repeated ("has sent troops since January")
        return False
    span = date_span(doc, offset, dm)
    if span is None:
        return False
    holder = since_holder(span.root)
    return holder is not None and holder.i == trig.i


def _clause_of_near_noun(v, noun) -> bool:
    """A relative clause to come hung on a noun of the event noun's phrase or on the noun governing
    it ("la création de patrouilles ..., qui démarreront le 1er février", "joint patrols between
    the two armies, which will begin on 1 November"): the parser's attachment, the event noun's
    start."""
    cur = v
    for _ in range(6):
        if cur.head.i == cur.i or cur.pos_ not in ("VERB", "AUX"):
            return False
        if cur.head.pos_ in ("NOUN", "PROPN"):
            n = cur.head
            if not (cur.dep_ in _RELATIVE_DEPS and cur.i > noun.i):
                return False
            return n.i == noun.head.i or n.i in {t.i for t in noun.subtree}
        cur = cur.head
    return False


def _tree_root(t):
    for _ in range(64):
        if t.head.i == t.i:
            break
        t = t.head
    return t


def _future_verb(v) -> bool:
    """A verb in the future or the conditional ("will march", "would meet", "marchera",
    "recevrait")."""
    if "Fut" in v.morph.get("Tense") or "Cnd" in v.morph.get("Mood") or future_form(v):
        return True
    return any(c.dep_.startswith("aux") and c.lower_ in ("will", "would", "shall", "'ll") for c in v.children)


def _governor(date_tok):
    """The word a date hangs on, through an English preposition ("on Tuesday", "of 2012")."""
    h = date_tok.head
    if date_tok.dep_ == "pobj" and h.pos_ == "ADP" and h.head.i != h.i:
        return h.head
    return h



def apposed_noun(date_tok):
    """The noun whose phrase a date set off by commas interrupts, before the noun's complement
    ("a salué l'interpellation, le 12 novembre, de quatorze suspects", "after the introduction by
    the Kazakh side, on 2 September 2026, of enhanced controls"; shared.yaml noun_complement_preps):
    the parser hangs such a date on the clause's verb and the complement under the date, but the
    date is the noun's. None when the date is no such interruption."""
    doc = date_tok.doc
    first = date_tok.left_edge
    if first.i > 0 and doc[first.i - 1].pos_ == "ADP" and date_tok.head.i == first.i - 1:
        first = doc[first.i - 1]  # ", on 2 September 2026,"
    if first.i < 2 or doc[first.i - 1].text != ",":
        return None
    close = next((t for t in doc[date_tok.i + 1:date_tok.i + 4] if t.text == ","), None)
    if close is None or close.i + 1 >= len(doc) or any(t.pos_ in ("VERB", "AUX") for t in doc[date_tok.i:close.i]):
        return None
    prep = doc[close.i + 1]
    if prep.lower_ not in NOUN_COMPLEMENT_PREPS or prep.pos_ != "ADP" or not (
            date_tok.is_ancestor(prep) or _governor(date_tok).i in (prep.head.i, prep.head.head.i)):
        return None  # (the complement hung under the date, or on the verb the date hangs on)
    noun = doc[first.i - 2]
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    # up to the head of the noun phrase ("the introduction by the Kazakh side")
    for _ in range(6):
        h = noun.head
        if h.i < noun.i and h.pos_ == "ADP" and h.head.i < h.i and h.head.pos_ == "NOUN":
            noun = h.head
        elif h.i < noun.i and h.pos_ == "NOUN" and noun.dep_ in ("nmod", "appos"):
            noun = h
        else:
            break
    return noun if noun.pos_ == "NOUN" else None


def _possessed(noun) -> bool:
    return any(c.dep_ in ("poss", "nmod:poss") or (c.dep_ == "det" and "Yes" in c.morph.get("Poss"))
               for c in noun.children)


def _past_verb(trig) -> bool:
    """The trigger is a verb in a past tense ("ont signé", "signed"): an act told as done."""
    if trig.pos_ not in ("VERB", "AUX"):
        return False
    if trig.tag_ == "VBD":
        return True
    return "Part" in trig.morph.get("VerbForm") and "Past" in trig.morph.get("Tense") and any(
        c.dep_ in ("aux", "aux:tense") and c.lemma_.lower() in ("avoir", "être", "have") for c in trig.children)


def _start_of_state(dm) -> bool:
    """A "since" date ("depuis lundi", "since September"), not a "from" one ("dès vendredi")."""
    return "since" in dm.notes and "from" not in dm.notes


def _agreeing_relative(v, noun) -> bool:
    """A relative clause the parser hung on the noun governing the event noun, whose past participle
    agrees in gender and number with the event noun and not with that noun ("en réponse aux droits
    de douane que Washington a imposés lundi": "imposés" is the duties'): the event noun's clause."""
    head = v.head
    if v.dep_ not in _RELATIVE_DEPS or head.i != noun.head.i or head.pos_ != "NOUN" or v.i < noun.i:
        return False
    if "Part" not in v.morph.get("VerbForm"):
        return False

    def feats(t):
        return tuple(t.morph.get("Gender")), tuple(t.morph.get("Number"))

    fv, fn, fh = feats(v), feats(noun), feats(head)
    return all(fv) and all(fn) and fv == fn and fv != fh


def _stem(lemma: str) -> str:
    w = unicodedata.normalize("NFD", lemma.lower())
    return "".join(c for c in w if unicodedata.category(c) != "Mn")


def _same_stem(a: str, b: str) -> bool:
    """An event noun and its verb (réunion/réunir, visite/visiter, meeting/meet): a common
    prefix of five letters, or all of a shorter word of four; a shorter word only itself (ram/rammed)."""
    n = min(5, len(a), len(b))
    return (n >= 4 and a[:n] == b[:n]) or (len(a) > 1 and a == b)


def _possessive_date(date_tok, trig) -> bool:
    """A date in the possessive before a noun other than the trigger ("handed over a suspect in last
    week's bombings yesterday", "Sunday's march"): the time of what that noun names, the clause's
    only when it has no date of its own."""
    h = date_tok.head
    return date_tok.dep_ in ("poss", "nmod:poss") and h.i != date_tok.i and h.i != trig.i and \
        h.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "case" for c in date_tok.children)


def _set_off_attribution(v, trig) -> bool:
    """A speech clause after a comma, with no relative word, its subject first ("will expel two
    diplomats, the minister announced on Tuesday"), which the parser may hang on the act's object as
    a relative clause: the attribution of the sentence's act."""
    subj = [c for c in v.children if c.dep_.startswith("nsubj") and trig.i < c.i < v.i]
    if not subj or v.head.i == v.i or not trig.is_ancestor(v):
        return False
    first = subj[0].left_edge.i
    return first > 0 and v.doc[first - 1].text == "," and not any(
        "Rel" in t.morph.get("PronType") or t.tag_ in ("WDT", "WP", "WRB") for t in v.doc[first:v.i])


def _deferred_to(root, trig) -> bool:
    """The day a putting off sets ("a repoussé au 12 novembre le vote", "le report de la lecture au mois de
    mars", "postponed the vote to 3 June"): the measure's new day, not the day of the putting off."""
    return trig.lemma_.lower() in PUT_OFF_LEMMAS and trig.left_edge.i <= root.i <= trig.right_edge.i and any(
        c.dep_ in ("case", "prep") and c.lower_ in PUT_OFF_PREPS
        for t in (root, root.head) if t.i != trig.i for c in (*t.children, t.head))  # ("au mois de mars")


def _agreed_effect(root, trig, dm) -> bool:
    """A bare "from" weekday after the object of the agreeing or announcing verb the trigger is ("sont
    convenus d'une réouverture du passage à partir de lundi", "agreed to reopen the crossing from
    Friday"): when the act agreed takes effect, not the day of the agreement; the day a putting off
    sets (`_deferred_to`)."""
    if _deferred_to(root, trig):
        return True
    if "from" not in dm.notes or "weekday_bare" not in dm.notes or trig.pos_ not in ("VERB", "AUX") or \
            trig.lemma_.lower() not in ANNOUNCING_VERBS | AGREE_TO_MEET or root.i < trig.i:
        return False
    return any(c.dep_ in ("obj", "dobj", "obl:arg", "xcomp", "prep") and trig.i < c.i < root.i for c in trig.children)


def weekday_agrees(dm) -> bool:
    """The mention names the weekday of the day its inferred year gives ("Monday 9 March", "mardi 3
    février"): that year is the one meant, a year earlier or later would contradict the weekday."""
    if dm.value is None:
        return False
    for pattern in (_P_DAY_MONTH, _P_MONTH_DAY):
        m = pattern.search(dm.text)
        if m is not None and m.group("wd"):
            return _weekday_num(m.group("wd")) == dm.value.weekday()
    return False


def start_word_verb(date_tok) -> bool:
    """The "from" words of the date parsed as the verb it hangs on ("à partir d'octobre", "starting
    May 1"): no clause of its own."""
    dv = _date_verb(date_tok)
    doc = date_tok.doc
    return dv.i < date_tok.left_edge.i and all(t.pos_ in ("ADP", "DET", "PART") for t in doc[dv.i + 1:date_tok.left_edge.i])


def nearer_agreeing_noun(v, noun) -> bool:
    """A participle set off after the event noun's phrase that agrees with a nearer noun ("une grève contre
    la loi, promulguée fin janvier"): that noun's clause, whatever noun the parser hung it on."""
    if not (_reduced_relative(v) and v.head.i == noun.i and noun.i < v.i):
        return False
    fv = (tuple(v.morph.get("Gender")), tuple(v.morph.get("Number")))
    nouns = [t for t in v.doc[noun.i + 1:v.i] if t.pos_ in ("NOUN", "PROPN")]
    return all(fv) and bool(nouns) and (tuple(nouns[-1].morph.get("Gender")), tuple(nouns[-1].morph.get("Number"))) == fv


def _invited_to(doc, offset: int, dm, trig) -> bool:
    """The date of a meeting someone is invited to ("has called both sides to talks on Thursday", "a
    convoqué les deux parties à une réunion jeudi"), not told as past ("had invited"), in the
    trigger's clause."""
    span = date_span(doc, offset, dm)
    if span is None:
        return False
    noun = _governor(span.root)
    if noun.pos_ in ("VERB", "AUX"):  # (hung on the verb after its "to talks": "invited them to talks on Thursday")
        noun = next((g for c in noun.children if c.lower_ == "to" and c.i < span.root.i for g in c.children
                     if g.dep_ == "pobj" and g.pos_ == "NOUN"), noun)
    if noun.pos_ != "NOUN":
        return False
    to = noun.head if noun.dep_ == "pobj" else noun
    if not (to.lower_ == "to" or any(c.dep_ == "case" and c.lower_ == "à" for c in noun.children)):
        return False
    v = _clause_verb(to)
    return v.i == _clause_verb(trig).i and v.lemma_.lower() in INVITING_VERBS and not any(
        c.dep_.startswith("aux") and c.lower_ in PLUPERFECT_AUX_FORMS for c in v.children)
