"""Which date mention of its sentence an event takes: the clause a date belongs to (its own, a
governing one, or another: an embedded complement, a relative clause of another noun, a noun's
own date), "since"/"from" periods and future clauses (`choose_date`, used by ``event_dates``)."""
from __future__ import annotations

import dataclasses
import re
from datetime import date, timedelta

from pipeline.extract.date_parse import (
    _RELATIVE_DEPS,
    _agreed_effect,
    _agreeing_relative,
    _clause_of_near_noun,
    _clause_verb,
    _date_verb,
    _future_verb,
    _governor,
    _has_subject,
    _invited_to,
    _own_since,
    _past_verb,
    _possessed,
    _possessive_date,
    _reduced_relative,
    _set_off_attribution,
    _start_of_state,
    _tree_root,
    appointed_day,
    apposed_noun,
    date_span,
    nearer_agreeing_noun,
    since_holder,
    start_word_verb,
    weekday_agrees,
)
from pipeline.extract.lexicon import shared_set
from pipeline.extract.status import AGREE_TO_MEET, SPEECH_LEMMAS
from pipeline.text.temporal import resolve_weekday

ACTIVE_PERFECT_AUX = shared_set("active_perfect_auxiliaries")
PLUPERFECT_AUX_FORMS = shared_set("pluperfect_auxiliary_forms")

# how far before the reference an explicit day date may set the story's date (older: a flashback)
STORY_WINDOW_DAYS = 45
# prepositions of a noun that frames an event in time ("lors du sommet du 3 mars")
DATE_FRAME_PREPS = shared_set("date_frame_preps")
OCCASION_PREPS = shared_set("occasion_preps")
NAMING_VERBS = shared_set("naming_verbs")
DATE_CLAUSE_MARKS = shared_set("date_clause_marks")
ANNOUNCING_VERBS = shared_set("announcing_verbs")
EXPECTING_WORDS = shared_set("expecting_words")
INVITING_VERBS = shared_set("inviting_verbs")
APPOINTED_DAY_PREPS = shared_set("appointed_day_preps")
_DEADLINE = re.compile(r"(?<![\w'])(?:" + "|".join(sorted(map(re.escape, shared_set("deadline_marks")), key=len, reverse=True))
                       + r")(?:\s+(?:le|la|l'|the))?\s*$", re.I)


def _date_value(dm) -> tuple[date | None, str | None]:
    if dm.value is None:
        return None, None
    if dm.precision == "day":
        return dm.value, "day"
    try:
        mid = dm.midpoint()
    except Exception:
        mid = dm.value
    return mid, dm.precision


_SPEECH = frozenset().union(*SPEECH_LEMMAS.values())
# a clause embedded under another: its date is that clause's event's, not its governor's ("sont
# convenus de réunir la commission le 20 mars", "said they would march again on Thursday")
_SUBORDINATE_DEPS = ("xcomp", "ccomp", "advcl", "csubj", "acl", "acl:relcl", "relcl", "parataxis")


def _date_clause_rank(date_tok, trig, later: bool = True, start_word: bool = False) -> int | None:
    """-1 for a relative clause of the trigger noun the parser hung on its governor, 0 when the date
    belongs to the trigger's own clause (or to a relative or participial
    clause of the trigger noun: "les restrictions décidées en décembre"), 1 when it belongs to
    a clause governing it ("a annoncé mercredi qu'elle imposerait"), None otherwise (another
    clause's date: a clause with its own subject, a relative clause of another noun, or a
    subjectless complement when the date is `later` than the reference: "sont convenus de
    réunir la commission le 20 mars"; a past date in a subjectless complement is taken, the
    parser often hangs the clause's date there: "sent troops to reinforce the border last
    week")."""
    dv = _date_verb(date_tok)
    tv = _clause_verb(trig)
    if dv.i == tv.i or _stranded_next_to(date_tok, dv, tv):
        return 0
    if _fronted_over_pieces(date_tok, dv, tv):
        return 1
    if dv.i in {a.i for a in tv.ancestors}:
        # a governing clause's date, unless the way up leaves a coordinated clause with a subject
        # of its own ("X announced in May 2025, but Turkey says the units refused")
        cur = tv
        while cur.i != dv.i:
            if cur.head.i == dv.i and cur.i < dv.i and cur.dep_ in ("ccomp", "parataxis") and \
                    any(t.text == ";" for t in cur.doc[cur.i:dv.i]):
                return None  # a clause closed by a semicolon, hung on the next one's verb
            if cur.dep_ == "conj" and cur.pos_ in ("VERB", "AUX") and any(
                    c.dep_.startswith("nsubj") for c in cur.children):
                # unless the date stands inside that clause's words, hung by the parser on the first
                # conjunct ("a qualifié... et, le lendemain, Budapest a ordonné")
                return 0 if cur.left_edge.i < date_tok.i < cur.i else None
            cur = cur.head
        return 1
    if date_tok.i not in {t.i for t in tv.subtree}:
        # "decided to launch patrols, beginning on 1 June": a day to come a start word the parser hung on
        # the governing verb gives is the start of the act it governs
        return 0 if start_word and later and dv.head.i in {a.i for a in tv.ancestors} else None
    # inside the trigger's clause: not across an embedded clause (a complement, an adverbial, a
    # relative clause of another noun, a coordinated clause with its own subject)
    cur = dv
    noun_trig = trig.pos_ in ("NOUN", "PROPN")
    if noun_trig and nearer_agreeing_noun(dv, trig):
        return None
    if noun_trig and _agreeing_relative(dv, trig):
        return -1  # the event noun's own relative clause, as if the parser had hung it there
    if noun_trig and (_clause_of_noun(dv, trig) or (later and _clause_of_near_noun(dv, trig))):
        return 0
    while cur.i != tv.i:
        if noun_trig and (cur.i == trig.i or cur.head.i == trig.i):
            return 0
        if start_word and cur.i == dv.i:
            pass  # "launch patrols, beginning on 1 June": the start of the act it hangs on, no clause of its own
        elif cur.pos_ in ("VERB", "AUX") and cur.dep_ in ("advcl", "parataxis") and cur.lemma_.lower() in _SPEECH and \
                not _reduced_relative(cur):  # (not a participle: "the decision, announced on 27 February, to")
            pass  # a parenthetical source ("struck a site on Saturday night, SANA reported"): the date is the report's content's
        elif _occasion_participle(cur, tv):
            return 0
        elif _naming_clause(cur):
            pass
        elif cur.pos_ in ("VERB", "AUX") and cur.dep_ == "pcomp" and cur.head.head.pos_ == "NOUN" and \
                cur.head.head.i != trig.i and _possessed(cur.head.head):
            # "thanked Malaysia for its cooperation in repatriating workers last month" (not "signed an
            # agreement on sharing the waters on Thursday", a date the parser hung on the gerund)
            return None
        elif cur.pos_ in ("VERB", "AUX"):
            # (a participle coordinated with the clause's verb shares its auxiliary: "was rammed and
            # boarded on Sunday"; its head says whether the pair describes a noun)
            relative = cur.dep_ in _RELATIVE_DEPS or (_reduced_relative(cur) and cur.dep_ != "conj")
            embedded = cur.dep_ in _SUBORDINATE_DEPS or cur.dep_ == "conj"
            if relative or (embedded and (_has_subject(cur) or (later and cur.dep_ != "conj"))):
                return None
        cur = cur.head
    return 0


def _clause_of_noun(v, noun) -> bool:
    """The verb heads a clause under the noun, through verbs only ("des patrouilles, qui doivent
    débuter dans les prochaines semaines"): the noun's own relative clause and its complements."""
    cur = v
    for _ in range(6):
        if cur.head.i == cur.i or cur.pos_ not in ("VERB", "AUX"):
            return False
        if cur.head.i == noun.i:
            return cur.dep_ in _RELATIVE_DEPS or _reduced_relative(cur)
        cur = cur.head
    return False


def _stranded_next_to(date_tok, dv, tv) -> bool:
    """A parse broken into pieces (quotes: "Abou Dhabi a « catégoriquement rejeté » mercredi des
    allégations ..., et affirmé ..."): a date hung on another piece's verb belongs to the trigger's
    verb when it stands next to it, nearer to it than to its own verb, with no verb in between."""
    if tv.pos_ not in ("VERB", "AUX") or _tree_root(dv).i == _tree_root(tv).i:
        return False
    lo, hi = sorted((date_tok.i, tv.i))
    own_verb = dv.i != date_tok.i  # else the date heads its own piece
    if hi - lo > 4 or (own_verb and abs(date_tok.i - tv.i) >= abs(date_tok.i - dv.i)):
        return False
    doc = date_tok.doc
    return not any(doc[k].pos_ in ("VERB", "AUX") for k in range(lo + 1, hi))


def _fronted_over_pieces(date_tok, dv, tv) -> bool:
    """A date fronted before any verb of the sentence ("Dès le lendemain, Nairobi a ordonné la
    fermeture « jusqu'à nouvel ordre » des postes ... et a dépêché deux bataillons") frames every
    clause after it, also those of a parse broken into pieces."""
    if tv.i < date_tok.i or _tree_root(dv).i == _tree_root(tv).i:
        return False
    return not any(t.pos_ in ("VERB", "AUX") for t in date_tok.doc[:date_tok.i])


def _naming_clause(v) -> bool:
    """A clause that only names the object of the trigger's clause ("rejected what he called
    lies", "a rejeté ce qu'il a qualifié de mensonges"): it tells no event of its own."""
    if v.pos_ not in ("VERB", "AUX") or v.lemma_.lower() not in NAMING_VERBS:
        return False
    return any(c.lower_ in ("what", "que", "qu'") for c in v.children) or v.head.lower_ in ("ce", "what")


def _occasion_participle(v, tv) -> bool:
    """A participle describing the occasion of the trigger's clause ("dans une allocution télévisée
    mercredi", "in a statement released on Tuesday"): its date is the clause's."""
    if not _reduced_relative(v) or v.dep_ not in _RELATIVE_DEPS:
        return False
    noun = v.head
    gov = noun.head.head if noun.dep_ == "pobj" else noun.head
    if gov.i != tv.i and not (_reduced_relative(gov) and gov.dep_ in _RELATIVE_DEPS and gov.head.head.i == tv.i):
        # (also hung on a participle of the clause's object: "praised the spirit shown by Barrow in
        # a message posted on Thursday")
        return False
    if not noun.dep_.startswith(("obl", "pobj", "nmod")):
        return False
    preps = {c.lower_ for c in noun.children if c.dep_ in ("case", "mark")}
    if noun.dep_ == "pobj":
        preps.add(noun.head.lower_)
    return bool(preps & OCCASION_PREPS)


def _date_in_clause(date_tok, trig, later: bool = True) -> bool:
    """The date belongs to the trigger's clause or to a clause governing it."""
    return _date_clause_rank(date_tok, trig, later) is not None


def _own_clause(doc, offset: int, dm, trig) -> bool:
    span = date_span(doc, offset, dm)
    if span is None:
        return False
    tv = _clause_verb(trig)
    return _date_verb(span.root).i == tv.i or (tv.i != trig.i and span.root.head.i == trig.i)


def _expecting(v) -> bool:
    """A clause of expectation or schedule in the present ("is expected in Addis Ababa on Sunday",
    "is due in Khartoum", "est attendu dimanche"; not "had been expected")."""
    if any(c.dep_.startswith("aux") and c.lemma_.lower() in ACTIVE_PERFECT_AUX for c in v.children):
        return False
    words = [v] + [c for c in v.children if c.dep_ == "acomp"]
    return any(w.lemma_.lower() in EXPECTING_WORDS or w.lower_ in EXPECTING_WORDS for w in words)


def _future_weekday_clause(doc, offset: int, dm) -> bool:
    """The date hangs on a verb in the future or the conditional, or on one of expectation ("se
    rendra lundi à Bamako pour rencontrer ...", "is expected in Cairo on Sunday to meet": the
    coming day for the meeting too)."""
    span = date_span(doc, offset, dm)
    if span is None:
        return False
    v = _date_verb(span.root)
    return _future_verb(v) or _expecting(v)


def date_of_other_noun(date_tok, trig=None) -> bool:
    """A date of a noun other than the trigger, however recent, where the parse leaves no doubt it
    is that noun's: after a participle describing the noun ("ont condamné l'attaque perpétrée le
    14 novembre"), or on a noun inside a complement of the clause ("thanked Malaysia for its
    decision on Monday to release...", "a remercié Rabat pour sa décision de lundi"; not a noun
    framing the event, "lors du sommet de mardi", nor one the parser hung the clause's date on,
    "lodged a protest through diplomatic channels on 15 August")."""
    apposed = apposed_noun(date_tok)
    if apposed is not None:
        return trig is None or apposed.i != trig.i  # "a salué l'interpellation, le 12 novembre, de ..."
    h = _governor(date_tok)
    if h.pos_ != "NOUN" or h.i == date_tok.i or h.i > date_tok.i or (
            trig is not None and (h.i == trig.i or h.i in {a.i for a in trig.ancestors})):
        return False  # (the noun's date is that of an event its own clause tells: "decision on Monday to release")
    if any(c.dep_ in ("amod", "acl") and c.pos_ == "VERB" and "Part" in c.morph.get("VerbForm") and
           h.i < c.i < date_tok.i for c in h.children):
        return True
    preps = {c.lower_ for c in h.children if c.dep_ in ("case", "mark")}
    if h.dep_ == "pobj" and h.head.pos_ == "ADP":
        preps.add(h.head.lower_)
    if not preps or preps & (DATE_FRAME_PREPS | OCCASION_PREPS) or not h.dep_.startswith(("obl", "pobj", "nmod")):
        return False
    if not _possessed(h):
        return False  # someone's act ("its decision", "sa décision"), not "for consultations on 16 November"
    return date_tok.dep_ in ("nmod", "pobj") and (date_tok.dep_ == "nmod" or date_tok.head.lower_ == "on")


def _noun_date(date_tok, trig, dm, reference: date | None) -> bool:
    """A written date older than the story modifying a noun other than the trigger ("l'accord de
    2012", "the October 2024 arrangement", "le cessez-le-feu de novembre 2024"): the date of
    what the noun names, not of the clause's event (unless the noun frames the event in time:
    "lors du sommet de mars 2024", "during the talks of March 2024"). A recent one ("l'opération
    du 3 janvier avait conduit Petro à...") is still the best estimate of the clause's date."""
    if date_of_other_noun(date_tok, trig):
        return True
    if dm.kind == "relative" or reference is None:
        return False
    mid = _date_value(dm)[0]
    if mid is None or reference - mid <= timedelta(days=STORY_WINDOW_DAYS):
        return False
    h = _governor(date_tok)
    if h.i == trig.i or h.pos_ not in ("NOUN", "PROPN") or h.i == date_tok.i:
        return False
    if date_tok.dep_ not in ("nmod", "compound", "nummod", "amod", "poss", "nmod:poss", "pobj", "appos"):
        return False
    if date_tok.dep_ == "pobj" and date_tok.head.lower_ != "of":
        return False
    frame = {c.lower_ for c in h.children if c.dep_ in ("case", "mark")}
    if h.dep_ == "pobj":
        frame.add(h.head.lower_)
    return not frame & DATE_FRAME_PREPS


def _postposed_source(v, trig, announced: bool = False) -> bool:
    """A speech verb after the act it reports in the simple past, its subject after the act
    ("rounded up 84 people during the day, the prosecutor's office said on Wednesday"): its date is
    the report's (a present perfect is news of the report's day: "has paused its aid, the minister
    announced on Monday")."""
    return (announced or trig.tag_ == "VBD") and v.lemma_.lower() in _SPEECH and v.i > trig.i and any(
        c.dep_.startswith("nsubj") and c.i > trig.i for c in v.children)


def _clause_of_date(span, trig) -> bool:
    """The trigger's clause is the one a "when" opens just after the date ("since 2008, when the two
    countries fought a border war", "en 2014, lorsque la police avait expulsé..."): it tells what
    happened at that date."""
    tv = _clause_verb(trig)
    marks = [c for c in tv.children if c.dep_ in ("mark", "advmod") and c.lower_ in DATE_CLAUSE_MARKS and c.i < tv.i]
    if not marks or tv.head.i == tv.i:
        return False
    m = marks[0]
    doc = span.doc
    between = doc[span.end:m.i]
    return tv.head.i in {t.i for t in span} or (len(between) <= 2 and all(t.is_punct for t in between))


def _deadline(doc, offset: int, dm) -> bool:
    """A "by" date that is a deadline ("d'ici samedi", "by Friday", "avant le 31 décembre"), not the
    end of a period ("until 31 December", "jusqu'au 30 juin")."""
    local = dm.start - offset
    before = doc.text[max(0, local - 30):local]
    return bool(_DEADLINE.search(before)) or bool(_DEADLINE.search(dm.text.split(" ", 1)[0] + " ")) or \
        dm.text.lower().startswith(("d'ici", "by "))


def _by_date_of(doc, offset: int, dm, trig, status: str, reference: date | None) -> int | None:
    """How a "by" date may date the trigger's event: 0 a deadline of an act to come ("will pay the
    arrears by Friday"), 1 (when nothing else dates it) the day an act told as done had happened
    by ("by Sunday the president had demanded their release"), None not at all."""
    if not _deadline(doc, offset, dm):
        return None
    if status == "future":
        return 0
    if status == "asserted" and dm.precision == "day" and reference is not None and dm.value <= reference and \
            _own_clause(doc, offset, dm, trig):
        return 1  # (not "pledged to lift its blockades by Thursday": the lifting's deadline)
    return None


def _announced_effect(trig, dm, reference: date | None) -> bool:
    """A "from" date of a clause announcing the act its object noun names ("a annoncé la réouverture
    du poste dès vendredi", "announced the closure of the crossing from 15 November"), ahead of the
    day of writing or a bare weekday: when the act takes effect, the act's date."""
    if "from" not in dm.notes or reference is None or trig.pos_ != "NOUN" or trig.dep_ not in ("obj", "dobj"):
        return False
    if trig.head.lemma_.lower() not in ANNOUNCING_VERBS:
        return False
    return dm.value > reference or "weekday_bare" in dm.notes


def _called_act(doc, offset: int, dm, trig) -> bool:
    """A day to come of the act a verb of calling or announcing, told as done, has as its object ("has
    called a general strike from next Monday", "called a day of protest for next Tuesday"): the called
    act's day (the event the trigger stands for), not the call's. The date is of the object's phrase or
    of the verb with a "from"/"for" (shared.yaml appointed_day_preps); it is to come ("next",
    "from", "for"), since a bare "on Friday" may be the call's own day."""
    if trig.pos_ != "VERB" or trig.lemma_.lower() not in INVITING_VERBS | ANNOUNCING_VERBS or any(
            c.dep_.startswith("aux") and c.lower_ in PLUPERFECT_AUX_FORMS for c in trig.children):
        return False
    objs = [c for c in trig.children if c.dep_ in ("dobj", "obj", "oprd")]  # ("called \"dead city\" days": oprd)
    span = date_span(doc, offset, dm)
    if not objs or span is None:
        return False
    root = span.root
    prep = root.head if root.dep_ == "pobj" and root.head.pos_ == "ADP" else None
    on_verb = prep is not None and prep.head.i == trig.i
    if not (on_verb or any(o.left_edge.i <= root.i <= o.right_edge.i for o in objs)):
        return False
    return "future" in dm.notes or "from" in dm.notes or (prep is not None and prep.lower_ in APPOINTED_DAY_PREPS)


def committed_infinitive(dv) -> bool:
    """The verb is an infinitive a verb of agreement or promise commits to ("has agreed to meet party
    officials on Friday", "a accepté de recevoir vendredi les syndicats"): a bare weekday of it is the
    coming day of the act agreed, not the day of the agreement nor one the story moves to."""
    return dv.dep_ == "xcomp" and dv.head.i != dv.i and "Inf" in dv.morph.get("VerbForm") and \
        dv.head.lemma_.lower() in AGREE_TO_MEET and not _has_subject(dv)


def _committed_weekday(root, trig) -> bool:
    """A bare weekday of an infinitive the trigger's verb commits to (`committed_infinitive`)."""
    dv, tv = _date_verb(root), _clause_verb(trig)
    return dv.i != tv.i and dv.head.i == tv.i and committed_infinitive(dv)


def _infinitive_chain(doc, offset: int, dm, trig) -> bool:
    """The date hangs on an infinitive the act to come depends on through infinitives only ("a
    accepté ce lundi de recevoir mercredi les syndicats pour discuter ...": the meeting's day, to
    come), not on a finite verb ("jeudi, il a annoncé qu'il recevrait")."""
    span = date_span(doc, offset, dm)
    if span is None:
        return False
    dv, cur = _date_verb(span.root), _clause_verb(trig)
    for _ in range(6):
        if "Inf" not in cur.morph.get("VerbForm"):
            return False
        if cur.i == dv.i:
            return True
        if cur.head.i == cur.i:
            return False
        cur = _clause_verb(cur.head)
    return False


def _coming_weekday(doc, offset: int, dm, trig, status: str, reference: date | None, etype: str | None) -> bool:
    """A bare weekday that is the coming one: in the future clause of an act to come (its own, one
    it hangs on, a deadline), the day an announced act takes effect, or a meeting invited to (for
    the meeting)."""
    if status == "future" and (_own_clause(doc, offset, dm, trig) or _future_weekday_clause(doc, offset, dm) or
                               "by" in dm.notes or _infinitive_chain(doc, offset, dm, trig)):
        return True
    return _announced_effect(trig, dm, reference) or (etype == "CONSULT" and _invited_to(doc, offset, dm, trig))


def _sibling_complement(date_tok, trig) -> bool:
    """A date to come in a subjectless infinitive complement of the verb an event noun to come hangs
    on ("sont convenus de conduire, au cours du mois de novembre 2025, un exercice conjoint": the
    parser hung the exercise on "convenus"): the act's date."""
    dv = _date_verb(date_tok)
    return trig.pos_ == "NOUN" and not trig.dep_.startswith("nsubj") and dv.dep_ == "xcomp" and trig.i > dv.i and \
        dv.head.i == trig.head.i and not _has_subject(dv) and "Inf" in dv.morph.get("VerbForm")


def _after_reference(dm, reference: date | None) -> bool:
    """A period that starts after the day of writing ("a signé un protocole prévoyant des patrouilles
    dès le début du mois d'avril" written in March): the date of an act to come, never of one told
    as done (a day date may run one day ahead: a story filed overnight)."""
    if reference is None or dm.value is None:
        return False
    return dm.value > reference + timedelta(days=1 if dm.precision == "day" else 0)


def _past_year(doc, offset: int, dm, reference: date):
    """A month or day written without its year, read as the coming one ("In March" written in
    November), hung on a verb told as done ("In March, Mauritania said..."): the last such month
    before the day of writing (not the date of a clause to come: "agreed to hold drills in March")."""
    if "year_inferred" not in dm.notes or dm.kind == "relative" or set(dm.notes) & {"season", "from", "since", "by"} or \
            weekday_agrees(dm):
        return None
    span = date_span(doc, offset, dm)
    if span is None or not _past_verb(_date_verb(span.root)):
        return None
    try:
        back = dataclasses.replace(dm, value=dm.value.replace(year=dm.value.year - 1), notes=dm.notes + ["year_past"])
    except ValueError:  # 29 February
        return None
    return back if not _after_reference(back, reference) else None


def postposed_report_date(doc, offset: int, trig, date_mentions, reference: date | None, announced: bool = False):
    """The day of a report given after the simple-past act it tells ("Peru ordered the envoy to leave,
    the government said Wednesday"), which `choose_date` leaves to a story that has dated the act:
    when nothing has, the report's day is the act's best estimate; an act it announces ("Poland will
    expel two diplomats, the minister announced on Tuesday") is of the announcement's day."""
    if reference is None or not (announced or _past_verb(trig)):
        return None
    for dm in date_mentions:
        if dm.value is None or dm.precision != "day" or set(dm.notes) & {"future", "since", "by"} or \
                not timedelta(0) <= reference - dm.value <= timedelta(days=STORY_WINDOW_DAYS):
            continue
        span = date_span(doc, offset, dm)
        if span is not None and (_date_clause_rank(span.root, trig, False) == 1 or (
                announced and _set_off_attribution(_date_verb(span.root), trig))) and \
                _postposed_source(_date_verb(span.root), trig, announced):
            return dm
    return None


def choose_date(doc, offset: int, trig, date_mentions, status: str, reference: date | None = None,
                etype: str | None = None):
    """The date mention of the trigger's clause closest to the trigger (token distance): a date
    of the event noun's own phrase, then one of its own clause, then one of a governing clause; never a date of another clause, a date
    of a noun other than the trigger, a "since"/"by" period (a "since" day only when nothing
    else dates the clause: "bloquent depuis lundi"), nor, for asserted events, a future-only
    expression."""
    best = None
    best_key = None
    t_char = offset + trig.idx
    past = status == "asserted" and _past_verb(trig)
    for dm in date_mentions:
        if dm.value is None:
            continue
        whole = date_span(doc, offset, dm)
        if whole is not None and _clause_of_date(whole, trig):
            return dm  # (whatever its kind: "since 2008, when...")
        if etype == "REQUEST" and "weekday_bare" in dm.notes and _invited_to(doc, offset, dm, trig):
            continue  # "has invited Somalia to talks on Thursday": the talks' day, not the invitation's
        if status == "asserted" and _called_act(doc, offset, dm, trig):
            key = (0, -2, abs(dm.start - t_char))  # "has called a strike from next Monday": the strike's day
            if best is None or key < best_key:
                best, best_key = dataclasses.replace(dm, notes=dm.notes + ["called_act"]), key
            continue
        if status == "asserted" and "weekday_bare" in dm.notes and appointed_day(doc, offset, dm):
            continue  # "called dead-city days for Monday, asking people to stay home": no day of the asking
        notes = set(dm.notes)
        fallback = 0
        if "by" in notes:
            by = _by_date_of(doc, offset, dm, trig, status, reference)
            if by is None:
                continue
            fallback = by
        if status == "asserted" and ("future" in notes or ("from" in notes and _after_reference(dm, reference) and
                                                          not _announced_effect(trig, dm, reference))):
            continue  # (a day to come an act told as done takes effect from: "voted to ban imports from 1 April")
        if past and _after_reference(dm, reference):
            dm = _past_year(doc, offset, dm, reference)
            if dm is None:
                continue
        recent = dm.precision == "day" and reference is not None and \
            timedelta(0) <= reference - dm.value <= timedelta(days=STORY_WINDOW_DAYS)
        own_since = _start_of_state(dm) and _own_since(doc, offset, dm, trig)
        # "à partir du 1er février", "dès le 5 mars", "from May 1": when the act takes effect
        if "since" in notes and "from" not in notes and not own_since:
            if not recent:
                continue
            fallback = 1  # "bloquent depuis lundi": the ongoing event started that day
        # token of the date in the parsed sentence
        local = dm.start - offset
        span = doc.char_span(local, local + (dm.end - dm.start), alignment_mode="expand")
        if span is not None and len(span):
            root = span.root
            if not fallback and not own_since and since_holder(root) is not None:
                if not recent:
                    continue
                fallback = 1
            # (a "from" day is when an act takes effect: "agreed to launch patrols from 1 March", the
            # patrols' start, not the agreement's day, whatever the day of writing)
            later = "future" in notes or ("from" in notes and not start_word_verb(root)) or (
                reference is not None and dm.value > reference)
            rank = _date_clause_rank(root, trig, later, "from" in notes and start_word_verb(root))
            if rank is None and later and status == "future" and _sibling_complement(root, trig):
                rank = 1
            if rank is None or _noun_date(root, trig, dm, reference) or (status == "asserted" and _agreed_effect(root, trig, dm)):
                continue
            if _possessive_date(root, trig):
                fallback = max(fallback, 1)  # (the clause's own date first; else "as part of Wednesday's deal, agreed")
            if rank == 1 and status == "asserted" and _future_verb(_date_verb(root)):
                continue  # "said they would march on Thursday, demanding...": the march's day
            if past and "weekday_bare" in notes and _committed_weekday(root, trig):
                continue
            if rank == 1 and past and _postposed_source(_date_verb(root), trig):
                continue  # "rounded up 84 people, the prosecutor said on Wednesday": the report's day
            if own_since and rank == 0:
                rank = 0.5  # after a date of the clause's own act, before one of a clause governing it
            if trig.pos_ in ("NOUN", "PROPN") and (trig.left_edge.i <= root.i <= trig.right_edge.i or
                                                   apposed_noun(root) == trig) or _announced_effect(trig, dm, reference):
                rank = -1  # the event noun's own date: "a condamné jeudi les frappes de mardi"
            dist = abs(root.i - trig.i)
            # same clause bonus: the date hangs on the trigger or on its governor
            anc = {a.i for a in trig.ancestors}
            gov = _governor(root)
            if gov.i == trig.i or gov.i in anc:
                dist -= 3
        else:
            rank, dist = 1, abs(dm.start - t_char) / 6
        key = (fallback, rank, dist)
        if best is None or key < best_key:
            best, best_key = dm, key
    if best is not None and "weekday_bare" in best.notes and not _start_of_state(best) and reference is not None and \
            ("called_act" in best.notes or appointed_day(doc, offset, best) or _coming_weekday(doc, offset, best, trig, status, reference, etype)):
        # "il recevra les syndicats vendredi": a bare weekday in a future clause is the coming one
        # (not in "jeudi, il a annoncé qu'il recevrait...": that weekday dates the announcement)
        ahead = resolve_weekday(best.value.weekday(), reference, "future_or_same")
        best = dataclasses.replace(best, value=ahead, notes=best.notes + ["weekday_future"])
    elif best is not None and status == "future" and "year_inferred" in best.notes and not _start_of_state(best) and \
            reference is not None and \
            best.value < reference - timedelta(days=7) and not weekday_agrees(best) and (
                _own_clause(doc, offset, best, trig) or _future_weekday_clause(doc, offset, best) or "from" in best.notes):
        # "will hold a strike on 11 December" written in March, "mèneront des exercices à partir
        # d'octobre": the coming December, October
        try:
            best = dataclasses.replace(best, value=best.value.replace(year=best.value.year + 1),
                                       notes=best.notes + ["year_future"])
        except ValueError:  # 29 February
            pass
    return best
