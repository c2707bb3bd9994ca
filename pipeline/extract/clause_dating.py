"""What a trigger's clause says about its date: tense (pluperfect flashback, present state,
"après avoir" anteriority, habitual), whether the trigger is what its clause asserts, and whether a
date belongs to a background clause (a relative clause or participle describing a noun, an earlier
cause, a noun's own date) or announces what is to come (used by ``event_dates``)."""
from __future__ import annotations

import re

from pipeline.extract.date_clauses import (
    _RELATIVE_DEPS,
    _SPEECH,
    ANNOUNCING_VERBS,
    _clause_verb,
    _date_verb,
    _future_verb,
    _reduced_relative,
    committed_infinitive,
    date_of_other_noun,
)
from pipeline.extract.date_parse import _agreed_effect, _past_verb
from pipeline.extract.lexicon import shared_set
from pipeline.extract.status import CIRCUMSTANCE_NOUNS, FUTURE_MODS
from pipeline.text.temporal.lexicon import _P_FUTURE_CLAUSE

ACTIVE_PERFECT_AUX = shared_set("active_perfect_auxiliaries")

# verbs that carry out the event their object names
LIGHT_VERBS = shared_set("light_obl_verbs")
ANAPHOR_DETS = shared_set("anaphor_dets")
SCHEDULING_VERBS = shared_set("scheduling_verbs")
ANTERIOR_MARKS = shared_set("anterior_marks")
PERFECT_CLAUSE_MARKS = shared_set("perfect_clause_marks")
PERFECT_AUXILIARIES = shared_set("perfect_auxiliaries")
PAST_PERFECT_AUXILIARIES = shared_set("past_perfect_auxiliaries")
_ANNOUNCING = frozenset().union(*FUTURE_MODS.values())  # "prévu", "programmé", "scheduled", "expected"

# (regexes of the discourse dater, `event_dates`)
_PAST_PERFECT_WORD = re.compile(r"\b(?:had|avai(?:t|en)t?|étai(?:t|en)t?|would|could|might|pourrai(?:t|en)t?|"
                                r"devrai(?:t|en)t?|[a-zé]+(?:er|ir|dr)ai(?:t|ent))\b", re.I)

_AT_THAT_TIME = re.compile(r"(?<!\w)(?:" + "|".join(sorted(map(re.escape, shared_set("at_that_time")), key=len, reverse=True))
                           + r")(?!\w)", re.I)
_AS_OF_NOW = re.compile(r"(?<!\w)(?:" + "|".join(sorted(map(re.escape, shared_set("as_of_now")), key=len, reverse=True))
                        + r")(?!\w)", re.I)
_FRAMING = re.compile(r"(?<![\w'])(?:" + "|".join(sorted(map(re.escape, shared_set("date_frame_preps")), key=len, reverse=True))
                      + r")(?:\s+(?:de|d'|du))?\s+(?P<det>" + "|".join(sorted(shared_set("demonstrative_dets"), key=len, reverse=True))
                      + r")\s+\w+", re.I)
_DURATION_BEFORE = re.compile(r"(?<![\w'])(?:" + "|".join(sorted(map(re.escape, shared_set("duration_preps")), key=len, reverse=True))
                              + r")\s+$", re.I)
# a live blog's entry opens with its time ("19h10 – ", "09:05 — "): each entry is news of the day
_LIVE_ENTRY = re.compile(r"[ \t]*\d{1,2}[h:.]\d{2}[ \t]*[-–—]")

HABITUAL_RE = re.compile(
    r"\b(?:régulièrement|souvent|fréquemment|constamment|sans cesse|à (?:plusieurs|maintes|de nombreuses) reprises|"
    r"depuis des (?:années|mois)|pendant des (?:années|mois|décennies)|de longue date|"
    r"repeatedly|regularly|often|frequently|routinely|constantly|for years|for decades|for months|"
    r"on several occasions|time and again|long accused)\b", re.I)


def _anterior(tok) -> bool:
    """The trigger is (in) an "après avoir / after having" clause: an event before the main one."""
    v = tok if tok.pos_ in ("VERB", "AUX") else _clause_verb(tok)
    if "Inf" not in v.morph.get("VerbForm") and "Part" not in v.morph.get("VerbForm") and v.tag_ not in ("VBN", "VBG"):
        return False
    kids = {c.lower_ for c in v.children if c.dep_ in ("mark", "case", "aux", "aux:tense", "prep")}
    return bool(kids & PERFECT_CLAUSE_MARKS and kids & PERFECT_AUXILIARIES)


def _habitual(tok) -> bool:
    """A recurring (habitual) event: a frequency adverbial in the trigger's own clause."""
    v = _clause_verb(tok)
    toks = [c for c in v.children if c.dep_ in ("advmod", "obl", "obl:mod", "advcl", "npadvmod", "prep", "nmod")] + [v]
    for c in toks:
        span = c.doc[c.left_edge.i: c.right_edge.i + 1] if c is not v else c.doc[c.i:c.i + 1]
        if len(span) <= 6 and HABITUAL_RE.search(span.text):
            return True
    return False


def _auxiliaries(v) -> list:
    """The auxiliaries of a verb, those of the verb it is coordinated with when it has none ("a récusé
    ces accusations et reproché aux exportateurs...": "reproché" shares "a")."""
    own = [c for c in v.children if c.dep_.startswith("aux")]
    if own or v.dep_ != "conj" or v.head.i == v.i or v.head.pos_ not in ("VERB", "AUX"):
        return own
    return [c for c in v.head.children if c.dep_.startswith("aux")]


def _pluperfect(tok) -> bool:
    """The trigger's clause is in the pluperfect ("avait protesté", "had met"): a flashback that
    does not move the story's date."""
    v = _clause_verb(tok)
    for c in v.children:
        if not c.dep_.startswith("aux"):
            continue
        if c.lemma_.lower() in PAST_PERFECT_AUXILIARIES and "Imp" in c.morph.get("Tense"):
            return True
        if c.lower_ in PAST_PERFECT_AUXILIARIES and v.tag_ == "VBN":
            return True
    return False


def _present(tok) -> bool:
    """The trigger's clause is a simple present ("L'Ordre exige la libération", "the union
    demands"): a state at the time of writing, not an event of the story being told."""
    v = _clause_verb(tok)
    if _auxiliaries(v):
        return False
    return ("Pres" in v.morph.get("Tense") and "Ind" in v.morph.get("Mood")) or v.tag_ in ("VBZ", "VBP")


def _anaphoric_noun(tok) -> bool:
    """An event noun with a definite, demonstrative or possessive determiner ("described the meeting
    as constructive", "a salué cette rencontre", "au terme de son entretien"): the event the story
    is telling."""
    return tok.pos_ == "NOUN" and any(
        (c.dep_ == "det" and c.lower_ in ANAPHOR_DETS) or (
            c.dep_ in ("det", "poss", "nmod:poss") and "Yes" in c.morph.get("Poss")) or (
            c.dep_ == "case" and "Def" in c.morph.get("Definite") and tok.head.lemma_.lower() in CIRCUMSTANCE_NOUNS)
        for c in tok.children)  # "à l'issue des entretiens" (not "l'ouverture au dialogue")


def _predicate_of_clause(tok) -> bool:
    """The trigger is what its clause asserts: the clause's verb, the noun a light verb of that
    clause carries out ("a procédé à l'interpellation", "carried out strikes"), or an object noun
    the subject's possessive marks as the subject's act ("a réaffirmé son soutien", "expressed its
    support"), an indefinite one the clause introduces ("staged a walkout") or a bare one ("a fait
    usage de canons à eau")."""
    v = _clause_verb(tok)
    if tok.i == v.i:
        return True
    if tok.pos_ != "NOUN" or tok.head.i != v.i:
        return False
    if tok.dep_ in ("obj", "dobj") and any(
            (c.dep_ in ("det", "poss", "nmod:poss") and "Yes" in c.morph.get("Poss")) or
            (c.dep_ == "det" and "Ind" in c.morph.get("Definite")) for c in tok.children):
        # its own act, named with the subject's possessive ("a réaffirmé son soutien"), or a new
        # event the clause introduces ("staged a walkout", "a déclenché une grève"; "a dispersé le
        # rassemblement" names an older one)
        return True
    if tok.dep_ in ("obj", "dobj", "obl:arg") and not any(c.dep_ in ("det", "poss", "nmod:poss", "nummod") for c in tok.children):
        # a bare object making one predicate with its verb: "a fait usage de", "imposed sanctions",
        # "se sont mis d'accord"
        return True
    if v.lemma_.lower() not in LIGHT_VERBS:
        return False
    return tok.dep_ in ("obj", "dobj", "obl:arg", "obl") or (
        tok.dep_ == "pobj" and tok.head.dep_ == "prep")


def _span_root(doc, s: int, dm=None, start: int = 0, end: int = 0):
    """The root token of a date mention (or of body[start:end]) in the sentence starting at s."""
    if dm is not None:
        start, end = dm.start, dm.end
    span = doc.char_span(start - s, end - s, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _background_date(doc, s: int, dm, tok=None) -> bool:
    """The date belongs to a clause describing a noun (a relative clause, a participle: "un drone
    abattu mardi soir") or to an adverbial clause of an earlier cause ("after a drone strike killed
    two guards on Tuesday"): it dates that event, but the story stays with the main clause (unless
    a main-clause trigger took it: "returned 48 migrants who had crossed the Channel to France on
    Thursday", a date the parser hung in the relative clause)."""
    root = _span_root(doc, s, dm)
    if root is None:
        return False
    if _noun_own_date(doc, s, dm):
        return True  # "a condamné l'attaque perpétrée le 14 novembre", "for its decision on Monday"
    if tok is not None and _nested_event_noun(tok, root):
        return True
    v = _date_verb(root)
    if v.head.i == v.i or v.pos_ not in ("VERB", "AUX") or (tok is not None and _clause_verb(tok).i != v.i):
        return False
    return describes_noun(v) or (v.tag_ == "VBN" and _reduced_relative(v)) or (v.dep_ == "advcl" and any(
        c.dep_ in ("mark", "case", "prep") and c.lower_ in ANTERIOR_MARKS for c in v.children))


def _nested_event_noun(tok, date_root) -> bool:
    """An event noun in the complement of another noun, dated in its own phrase ("expressed
    appreciation for the release on 12 March of 37 drivers", "sa satisfaction pour la libération le
    12 mars de 37 routiers"): an event recalled in passing, not a day the story moves to."""
    if tok.pos_ != "NOUN" or tok.i == date_root.i or not tok.is_ancestor(date_root):
        return False
    if tok.dep_ == "pobj" and tok.head.pos_ == "ADP":
        return tok.head.head.pos_ == "NOUN"
    return tok.dep_ == "nmod" and tok.head.pos_ == "NOUN" and any(c.dep_ == "case" for c in tok.children)


def _participle_date(doc, s: int, dm) -> bool:
    """The date of a participle describing a noun ("la libération du navire, intervenue le 12
    septembre") or of a noun ("sa décision de lundi"): a past event recalled in passing, not a day
    the story moves to (a finite relative clause may be the story's: "Tromso, where the authorities
    fined its owner on 10 September")."""
    if _noun_own_date(doc, s, dm):
        return True
    root = _span_root(doc, s, dm)
    if root is None:
        return False
    v = _date_verb(root)
    if v.head.i == v.i or not _reduced_relative(v):
        return False
    # (also one the parser hung on the main verb, after it and a comma: "a pris note de la
    # libération du navire, intervenue le 12 septembre")
    return (describes_noun(v) and v.dep_ != "conj") or (
        v.dep_ == "advcl" and v.i > v.head.i and v.i > 0 and v.doc[v.i - 1].text == ",")


def describes_noun(v) -> bool:
    """The verb heads a relative clause or a participle describing a noun ("un drone abattu mardi",
    "des pêcheurs accusés de pêcher sans licence")."""
    return v.head.i != v.i and v.pos_ in ("VERB", "AUX") and (v.dep_ in _RELATIVE_DEPS or (
        _reduced_relative(v) and v.dep_ != "conj" and v.head.pos_ in ("NOUN", "PROPN")))


def _noun_own_date(doc, s: int, dm) -> bool:
    root = _span_root(doc, s, dm)
    return root is not None and date_of_other_noun(root)


def _announced_weekday(doc, s: int, dm) -> bool:
    """A bare weekday of a clause announcing what is to come ("une rencontre est prévue vendredi",
    "will meet on Friday", "has agreed to meet on Friday"): the coming day, not one of the story told."""
    if "weekday_bare" not in dm.notes:
        return False
    root = _span_root(doc, s, dm)
    if root is None:
        return False
    v = _date_verb(root)
    if _future_verb(v) or committed_infinitive(v) or _scheduled_infinitive(v) or _agreed_effect(root, v, dm):
        return True
    if any(c.dep_ in ("aux", "aux:tense") and c.lemma_.lower() in ACTIVE_PERFECT_AUX for c in v.children):
        return False  # "a proposé jeudi sa médiation": an act done
    form = v.lower_[:-1] if v.lower_.endswith("s") else v.lower_
    return v.lemma_.lower() in _ANNOUNCING or form in _ANNOUNCING or form[:-1] in _ANNOUNCING


def _scheduled_infinitive(v) -> bool:
    """An infinitive a scheduling verb in the present or future governs ("doit se prononcer vendredi")."""
    h = v.head
    return v.dep_ == "xcomp" and h.i != v.i and "Inf" in v.morph.get("VerbForm") and \
        h.lemma_.lower() in SCHEDULING_VERBS and not {"Past", "Imp"} & set(h.morph.get("Tense")) and \
        not any(c.dep_.startswith("aux") for c in h.children)


def _main_past_clause(tok) -> bool:
    """The trigger's clause is the sentence's main one (or coordinated with it), in a past tense
    other than the pluperfect."""
    v = _clause_verb(tok)
    main = v.head.i == v.i or (v.dep_ == "conj" and v.head.head.i == v.head.i)
    return main and not _pluperfect(tok) and not _present(tok)


def _later_conjunct(date_tok, tok) -> bool:
    """The anchor dates a clause coordinated after the trigger's ("dismissed the claims and
    announced the expulsions the next day", "a qualifié ... et a ordonné le lendemain"): it counts
    from the first clause's day, which it does not date."""
    v, tv = _date_verb(date_tok), _clause_verb(tok)
    if v.i <= tv.i:
        return False
    if tv.head.i == v.i and tv.dep_ in ("ccomp", "parataxis") and any(t.text == ";" for t in v.doc[tv.i:v.i]):
        return True  # "detained 14 demonstrators; nine were freed the next day" (hung on the later clause)
    if tok.i in {t.i for t in v.subtree}:
        return False
    cur = v
    while cur.dep_ == "conj" and cur.head.i != cur.i:
        cur = cur.head
        if cur.i == tv.i:
            return True
    return False


def _decided_act(tok) -> bool:
    """An event noun the object of a verb deciding or announcing it ("le lendemain, Budapest a
    ordonné le départ de deux diplomates"): the order is the act, of the clause's day."""
    return not tok.dep_.startswith("nsubj") and _clause_verb(tok).lemma_.lower() in ANNOUNCING_VERBS


def _main_clause_date(doc, s: int, dm, tok) -> bool:
    """The date of a pluperfect trigger belongs to the sentence's main clause, told as done ("The
    row began on Monday, when the SBU said it had arrested two people"): the story goes to that day."""
    root = _span_root(doc, s, dm)
    if root is None:
        return False
    v, cur = _date_verb(root), _clause_verb(tok)
    if v.head.i != v.i or v.i == cur.i or v.pos_ not in ("VERB", "AUX") or _pluperfect(v) or _present(v) or \
            _future_verb(v):
        return False
    for _ in range(8):  # (not a flashback describing a noun: "la hausse, qui avait déclenché des manifestations")
        if cur.i == v.i:
            return True
        if (describes_noun(cur) and cur.head.i != root.i) or cur.head.i == cur.i:
            return False  # (a "when" clause of the date itself is the date's: "on Monday, when")
        cur = _clause_verb(cur.head)
    return False


def reached_day(body: str, doc, s: int, e: int | None, dm) -> bool:
    """A day the sentence's main clause says the story reached: a state reached "by" it, in the
    pluperfect ("By this morning the tone had softened."), or an act done "from" it, in the perfect
    or the simple past ("Le ton s'est radouci dès mardi", "Talks resumed from Monday"). A sentence
    the parser did not read: a "from" day ending it, and no word of it announces or looks back."""
    if doc is None:
        words = body[s:e] if e is not None else ""
        return "from" in dm.notes and "future" not in dm.notes and bool(words) and \
            not body[dm.end:e].strip(" .;!\"'»”") and not _P_FUTURE_CLAUSE.search(words) and \
            not _PAST_PERFECT_WORD.search(words)
    root = _span_root(doc, s, dm)
    if root is None:
        return False
    v = _date_verb(root)
    if v.head.i != v.i:
        return False
    if "by" in dm.notes:
        return _pluperfect(v)
    perfect = _past_verb(v) or any(c.dep_ in ("aux", "aux:tense") and c.lemma_.lower() in PERFECT_AUXILIARIES and
                                   "Pres" in c.morph.get("Tense") for c in v.children)  # (a participle tagged ADJ)
    return "future" not in dm.notes and perfect and not _pluperfect(v) and not _habitual(v)


def _main_clause_day(doc, s: int, dm) -> bool:
    """The date hangs on the sentence's main clause, or on a clause coordinated with it, told as done
    or going on ("walked out on Tuesday, and this morning they are blocking the terminals"; not a
    pluperfect, future or subordinate clause, nor a report's)."""
    root = _span_root(doc, s, dm)
    if root is None:
        return False
    v = _date_verb(root)
    main = v.head.i == v.i or (v.dep_ == "conj" and v.head.head.i == v.head.i)
    return main and v.pos_ in ("VERB", "AUX") and not _future_verb(v) and not _pluperfect(v) and \
        v.lemma_.lower() not in _SPEECH  # (not the report's day: "ont signé mardi..., a annoncé mercredi la présidence")


def _present_date(doc, s: int, dm) -> bool:
    """The date hangs on a clause in the present ("Le 2 février, ils se retrouvent à Oyem")."""
    root = _span_root(doc, s, dm)
    return root is not None and _present(_date_verb(root))


def _within(dm, disc_date, status: str) -> bool:
    """A relative period of the reference ("this year", "cette semaine") that contains the
    story's day, for an event told as done."""
    if disc_date is None or status != "asserted" or dm.kind != "relative" or \
            dm.precision not in ("week", "month", "year") or set(dm.notes) & {"future", "since", "by"}:
        return False
    span = dm.period()
    return span is not None and span[0] <= disc_date <= span[1]


def _pluperfect_anchor(doc, s: int, anchor) -> bool:
    """The anchor dates a pluperfect clause ("était arrivé la veille, où il a été accueilli"):
    a flashback, whatever the tense of the clauses under it."""
    span = doc.char_span(anchor[0] - s, anchor[1] - s, alignment_mode="expand")
    return span is not None and len(span) > 0 and _pluperfect(_date_verb(span.root))


def anterior_acts(tok, date_root) -> list:
    """The acts of the "after" clause or phrase the trigger is in ("lodged a protest on Monday after a
    ship rammed a boat and detained its crew", "après l'attaque"), when the date (its token
    `date_root`) is of the clause governing it: the clause's verb and its verb conjuncts, or the
    event noun; [] otherwise. They happened before the governing clause's day."""
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("pobj", "obl", "nmod") and (
            tok.head.lower_ in ANTERIOR_MARKS or any(c.dep_ == "case" and c.lower_ in ANTERIOR_MARKS
                                                     for c in tok.children)):
        return [tok] if not tok.left_edge.i <= date_root.i <= tok.right_edge.i else []
    v = _clause_verb(tok)
    while v.dep_ == "conj" and v.head.pos_ in ("VERB", "AUX") and v.head.i != v.i:
        v = v.head
    if v.dep_ != "advcl" or not any(c.dep_ in ("mark", "prep", "case") and c.lower_ in ANTERIOR_MARKS
                                    for c in v.children):
        return []
    if v.left_edge.i <= date_root.i <= v.right_edge.i:
        return []
    return [v, *(c for c in v.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))]


def main_clause_anchor(body: str, doc, s: int, e: int | None, a) -> bool:
    """An anchor dating the sentence's main clause, told as done ("The response came the following
    day"; not "said it would reopen the next day", nor "had met the day before"). A sentence the
    parser did not read: the anchor ends it, and no word of it announces or looks back."""
    if doc is None:
        rest, words = body[a[1]:e], body[s:e]
        return e is not None and not rest.strip(" .;!\"'»”") and not _P_FUTURE_CLAUSE.search(words) and \
            not _PAST_PERFECT_WORD.search(words)
    root = _span_root(doc, s, start=a[0], end=a[1])
    if root is None:
        return False
    v = _date_verb(root)
    main = v.head.i == v.i or (v.dep_ == "conj" and v.head.head.i == v.head.i)  # (or coordinated with it)
    return main and v.pos_ in ("VERB", "AUX") and not _future_verb(v) and not _pluperfect(v)


def lead_acts(tok) -> list:
    """The acts an undated trigger told as done names: itself, and the event noun its clause
    describes ("a rebel attack that killed 19 people"); [] for a pluperfect, habitual or present one."""
    if _pluperfect(tok) or _habitual(tok) or _present(tok):
        return []
    v = _clause_verb(tok)
    noun = v.head if v.pos_ in ("VERB", "AUX") and v.dep_ in _RELATIVE_DEPS and v.head.pos_ == "NOUN" else None
    return [tok] + ([noun] if noun is not None and noun.i != tok.i else [])


def _as_of_now(body: str, doc, s: int, e: int, tok) -> bool:
    """An "as of now" adverb ("pour l'instant", "so far") of the trigger's own clause."""
    for m in _AS_OF_NOW.finditer(body, s, e):
        root = _span_root(doc, s, start=m.start(), end=m.end())
        if root is not None and _date_verb(root).i == _clause_verb(tok).i:
            return True
    return False


def duration_anchor(body: str, a) -> bool:
    """A relational anchor that is a duration's ("have banned demonstrations for a month after the
    unrest", "pendant une semaine après le vote"): how long the act lasts, no date."""
    return a[3] and bool(_DURATION_BEFORE.search(body, max(0, a[0] - 12), a[0]))


def reported_content_date(doc, s: int, dm, sent_dates) -> bool:
    """The date belongs to a clause a speech verb reports, the report itself undated ("The ministry said
    the vessel came within 600 metres of the port on Sunday night"): what the report tells of an
    earlier day, not a day the story moves back to."""
    root = _span_root(doc, s, dm)
    if root is None:
        return False
    v = _date_verb(root)
    while v.dep_ == "conj" and v.head.i != v.i and v.head.pos_ in ("VERB", "AUX"):
        v = v.head
    speech = v.head
    if v.dep_ not in ("ccomp", "parataxis") or speech.i == v.i or speech.lemma_.lower() not in _SPEECH:
        return False
    if speech.i > v.i:
        return False  # a trailing attribution ("spoke by phone on Tuesday, their ministries said") tells the act
    # (the report undated: no date of the sentence hangs on the speech verb itself)
    roots = [_span_root(doc, s, other) for other in sent_dates if other is not dm]
    return not any(r is not None and _date_verb(r).i == speech.i for r in roots)
