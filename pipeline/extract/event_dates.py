"""Event dates: which date mention of its sentence an event takes, and the discourse dates
("le lendemain", "the same day", an undated event continuing the story) it falls back on.

`choose_date` links a trigger to the date mention of its own clause; `DiscourseDater` follows
the article sentence by sentence, keeping the event date the discourse last set, and gives each
event its date, precision, text and whether the text states it (machine-readable notes:
``date_from_discourse_anchor``, ``date_from_discourse``, ``date_from_publication``,
``date_from_inferred_reference``, ``no_date``, ``no_date_anterior``, ``no_date_habitual``).
"""
from __future__ import annotations

import dataclasses
import re
import unicodedata
from datetime import date, timedelta

from pipeline.extract.lexicon import shared_set
from pipeline.text.temporal import discourse_anchors, resolve_weekday

DISCOURSE_DATE_DEFAULT = True
# how far before the reference an explicit day date may set the story's date (older: a flashback)
STORY_WINDOW_DAYS = 45
# verbs that carry out the event their object names
LIGHT_VERBS = shared_set("light_obl_verbs")
ANAPHOR_DETS = shared_set("anaphor_dets")


def _stem(lemma: str) -> str:
    w = unicodedata.normalize("NFD", lemma.lower())
    return "".join(c for c in w if unicodedata.category(c) != "Mn")


def _same_stem(a: str, b: str) -> bool:
    """An event noun and its verb (réunion/réunir, visite/visiter, meeting/meet): a common
    prefix of five letters, or all of a shorter word of four."""
    n = min(5, len(a), len(b))
    return n >= 4 and a[:n] == b[:n]


def _dates_for_article(body: str, reference: date | None, lang: str):
    # a bug here fails the article, which the extract stage quarantines (extraction_error): an
    # article silently without dates would be published with wrong events
    from pipeline.text.temporal import find_dates

    return find_dates(body, reference, lang)


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
    if ("après" in kids and ("avoir" in kids or "être" in kids)) or ("after" in kids and "having" in kids):
        return True
    return False


def _habitual(tok) -> bool:
    """A recurring (habitual) event: a frequency adverbial in the trigger's own clause."""
    v = _clause_verb(tok)
    toks = [c for c in v.children if c.dep_ in ("advmod", "obl", "obl:mod", "advcl", "npadvmod", "prep", "nmod")] + [v]
    for c in toks:
        span = c.doc[c.left_edge.i: c.right_edge.i + 1] if c is not v else c.doc[c.i:c.i + 1]
        if len(span) <= 6 and HABITUAL_RE.search(span.text):
            return True
    return False


def _in_depuis(doc, tok) -> bool:
    cur = tok
    for _ in range(6):
        if any(c.dep_ in ("case", "mark", "prep") and c.lower_ in ("depuis", "since") for c in cur.children):
            return True
        if cur.dep_ == "pobj" and cur.head.lower_ in ("since",):
            return True
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return False


def _clause_verb(tok):
    cur = tok
    for _ in range(8):
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("aux", "aux:tense", "aux:pass", "auxpass", "cop"):
            return cur
        if cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


_RELATIVE_DEPS = ("acl", "acl:relcl", "relcl")


def _reduced_relative(v) -> bool:
    """A bare past participle heading its own clause ("le traité, signé l'an dernier", "the
    exercise, held the day before"): a participial clause describing another (earlier) event,
    whatever label the parser gave it."""
    if v.pos_ not in ("VERB", "AUX"):
        return False
    participle = ("Part" in v.morph.get("VerbForm") and "Pres" not in v.morph.get("Tense")) or v.tag_ == "VBN"
    if not participle:
        return False
    return not any(c.dep_.startswith(("aux", "nsubj", "expl")) for c in v.children)


_ISO_RE = re.compile(r"\d{4}-\d\d-\d\d")


def _metadata(dm) -> bool:
    """A machine date ("date 2026-02-27" header, a timestamp): not a date the story tells."""
    return bool(_ISO_RE.fullmatch(dm.text))


def _pluperfect(tok) -> bool:
    """The trigger's clause is in the pluperfect ("avait protesté", "had met"): a flashback that
    does not move the story's date."""
    v = _clause_verb(tok)
    for c in v.children:
        if not c.dep_.startswith("aux"):
            continue
        if c.lemma_.lower() in ("avoir", "être") and "Imp" in c.morph.get("Tense"):
            return True
        if c.lower_ in ("had", "'d") and v.tag_ == "VBN":
            return True
    return False


def _anaphoric_noun(tok) -> bool:
    """An event noun with a definite or demonstrative determiner ("described the meeting as
    constructive", "a salué cette rencontre"): the event the story is telling."""
    return tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ANAPHOR_DETS for c in tok.children)


def _predicate_of_clause(tok) -> bool:
    """The trigger is what its clause asserts: the clause's verb, or the noun a light verb of
    that clause carries out ("a procédé à l'interpellation", "carried out strikes")."""
    v = _clause_verb(tok)
    if tok.i == v.i:
        return True
    if tok.pos_ != "NOUN" or tok.head.i != v.i or v.lemma_.lower() not in LIGHT_VERBS:
        return False
    return tok.dep_ in ("obj", "dobj", "obl:arg", "obl") or (
        tok.dep_ == "pobj" and tok.head.dep_ == "prep")


def _date_in_clause(date_tok, trig) -> bool:
    """The date belongs to the trigger's clause or to a clause governing it."""
    dv = _clause_verb(date_tok)
    tv = _clause_verb(trig)
    if dv.i == tv.i:
        return True
    if dv.i in {a.i for a in tv.ancestors}:
        # a governing clause's date, unless the way up leaves a coordinated clause with a subject
        # of its own ("X announced in May 2025, but Turkey says the units refused")
        cur = tv
        while cur.i != dv.i:
            if cur.dep_ == "conj" and cur.pos_ in ("VERB", "AUX") and any(
                    c.dep_.startswith("nsubj") for c in cur.children):
                return False
            cur = cur.head
        return True
    other = dv.dep_ in _RELATIVE_DEPS or _reduced_relative(dv)
    if date_tok.i in {t.i for t in tv.subtree}:
        # the way down from the trigger's clause to the date's: a relative clause of a noun
        # ("une commission, qui doit se réunir le 20 mars") or the infinitive the trigger verb
        # governs ("a menacé de reconduire la grève à compter du 1er juin", "sont convenus de
        # réunir la commission le 20 mars") dates that other act, not the trigger
        cur = dv
        while cur.i != tv.i and cur.head.i != cur.i:
            if cur.dep_ in _RELATIVE_DEPS or (cur.head.i == tv.i == trig.i and _infinitive_complement(cur)):
                other = True
                break
            cur = cur.head
        # inside the trigger's clause, but not inside a relative/participial clause of another noun
        return not other or dv.i in {a.i for a in trig.ancestors}
    return trig.i in {t.i for t in dv.subtree} and not other


def _infinitive_complement(v) -> bool:
    """An infinitive introduced by "de"/"à" complementing a verb ("menacé de bloquer", "appelé à
    rouvrir"): the act it names is another event than the governing verb's."""
    return v.dep_ in ("xcomp", "ccomp", "advcl") and "Inf" in v.morph.get("VerbForm") and any(
        c.dep_ in ("mark", "case") and c.lower_ in ("de", "d'", "à", "to") for c in v.children)


def _future_clause(doc, offset: int, dm) -> bool:
    """The date hangs on a verb in the future or the conditional ("se rendra lundi à Bamako pour
    rencontrer ...": lundi is the coming Monday for the meeting too)."""
    span = doc.char_span(dm.start - offset, dm.end - offset, alignment_mode="expand")
    if span is None or not len(span):
        return False
    v = _clause_verb(span.root)
    return "Fut" in v.morph.get("Tense") or "Cnd" in v.morph.get("Mood")


def _own_clause(doc, offset: int, dm, trig) -> bool:
    span = doc.char_span(dm.start - offset, dm.end - offset, alignment_mode="expand")
    if span is None or not len(span):
        return False
    tv = _clause_verb(trig)
    return _clause_verb(span.root).i == tv.i or (tv.i != trig.i and span.root.head.i == trig.i)


def choose_date(doc, offset: int, trig, date_mentions, status: str, reference: date | None = None):
    """The date mention closest to the trigger in the sentence (token distance), skipping
    "since"/"by" periods and, for asserted events, future-only expressions."""
    best = None
    best_d = None
    t_char = offset + trig.idx
    for dm in date_mentions:
        if dm.value is None:
            continue
        if set(dm.notes) & {"since", "by"}:
            continue
        if status == "asserted" and "future" in dm.notes:
            continue
        # token of the date in the parsed sentence
        local = dm.start - offset
        span = doc.char_span(local, local + (dm.end - dm.start), alignment_mode="expand")
        if span is not None and len(span):
            if _in_depuis(doc, span.root):
                continue
            if not _date_in_clause(span.root, trig):
                continue
            dist = abs(span.root.i - trig.i)
            # same clause bonus: the date hangs on the trigger or on its governor
            anc = {a.i for a in trig.ancestors}
            if span.root.head.i == trig.i or span.root.head.i in anc:
                dist -= 3
        else:
            dist = abs(dm.start - t_char) / 6
        if best is None or dist < best_d:
            best, best_d = dm, dist
    if best is not None and status == "future" and "weekday_bare" in best.notes and reference is not None and \
            (_own_clause(doc, offset, best, trig) or _future_clause(doc, offset, best)):
        # "il recevra les syndicats vendredi": a bare weekday in a future clause is the coming one
        # (not in "jeudi, il a annoncé qu'il recevrait...": that weekday dates the announcement)
        ahead = resolve_weekday(best.value.weekday(), reference, "future_or_same")
        best = dataclasses.replace(best, value=ahead, notes=best.notes + ["weekday_future"])
    return best


def _article_reference(body: str, lang: str, published: date | None):
    if published is not None:
        return published, False
    from pipeline.text.temporal import infer_reference_date

    ref = infer_reference_date(body, lang)
    return ref, ref is not None


class DiscourseDater:
    """The dates of an article's events, in reading order."""

    def __init__(self, body: str, reference: date | None, reference_inferred: bool = False):
        self.body = body
        self.reference = reference
        self.reference_inferred = reference_inferred
        self.anchors = discourse_anchors(body)
        self.disc_date: date | None = None  # the event date the discourse last set (explicit day dates)
        self._anchor_dates: dict[int, date] = {}  # anchor start -> the date it was resolved to
        self._complements: dict = {}
        self.flash_date: date | None = None  # the date of the flashback (pluperfect) being told
        self._dated_words: list[tuple[str, int, date]] = []  # (stem, position, date), see prepare
        self._pending: list = []  # day dates of the sentence being read
        self._set_in_sentence = False

    def prepare(self, sentences, docs_by_idx, date_mentions) -> None:
        """Index the words the article dates explicitly ("a réuni jeudi"), by stem, so that a
        relational anchor can find the event its complement names ("la veille de la réunion"),
        before or after it in the text."""
        if not any(a[3] for a in self.anchors):
            return
        for si, (s, e) in enumerate(sentences):
            doc = docs_by_idx.get(si)
            sent_dates = [dm for dm in date_mentions if s <= dm.start and dm.end <= e and self._sets_story(dm)]
            if doc is None or not sent_dates:
                continue
            for t in doc:
                if t.pos_ not in ("NOUN", "VERB"):
                    continue
                dm = choose_date(doc, s, t, sent_dates, "asserted")
                if dm is not None and not dm.start <= s + t.idx < dm.end:
                    self._dated_words.append((_stem(t.lemma_), s + t.idx, dm.value))

    def _named_event_date(self, head, pos: int, s: int, e: int) -> date | None:
        """The date of the event a relational anchor's complement names: the nearest word of the
        same stem dated elsewhere in the article (another sentence)."""
        stem = _stem(head.lemma_)
        found = [(abs(p - pos), d) for st_, p, d in self._dated_words if _same_stem(st_, stem) and not s <= p < e]
        return min(found)[1] if found else None

    def begin_sentence(self, sent_dates, s: int | None = None, e: int | None = None) -> None:
        """Start a sentence. A sentence that dated no event still moves the story on: its last
        past day date ("Hier, des enseignants ont manifesté") is what "le même jour" and the
        undated events after it refer to."""
        if not self._set_in_sentence and self._pending:
            self.disc_date = self._pending[-1]
        self._set_in_sentence = False
        self._pending = [dm.value for dm in sent_dates if self._sets_story(dm)]
        if s is not None and self._before_named_event(s, e):
            self._pending = []  # "le navire a quitté la zone mardi, à la veille de la visite": a flashback

    def _before_named_event(self, s: int, e: int) -> bool:
        return any(a[3] and a[2] < 0 and s <= a[0] < e for a in self.anchors)

    def _sets_story(self, dm) -> bool:
        if dm.value is None or dm.precision != "day" or set(dm.notes) & {"future", "since", "by"} or _metadata(dm):
            return False
        return self._in_story(dm.value)

    def _in_story(self, d: date) -> bool:
        """A day the story can continue from: not after the reference, nor a flashback older
        than STORY_WINDOW_DAYS ("ils avaient signé un accord le 3 mars 2020")."""
        ref = self.reference
        return ref is None or timedelta(0) <= ref - d <= timedelta(days=STORY_WINDOW_DAYS)

    def _complement(self, doc, s: int, a):
        """(anchor token indices, complement token indices) of a relational anchor: the other
        event it dates the clause against ("au lendemain de [violents combats]", "a day after
        [they met]"), or None when the parse shows none."""
        key = (id(doc), a[0])
        if key not in self._complements:
            span = doc.char_span(a[0] - s, a[1] - s, alignment_mode="expand")
            res = None
            if span is not None and len(span):
                inside = {t.i for t in span}
                heads = [c for t in span for c in t.children if c.i not in inside and c.i >= span.end]
                if not heads:
                    heads = [t.head for t in span if t.head.i not in inside and t.head.i >= span.end]
                if heads:
                    head = min(heads, key=lambda t: t.i)
                    res = inside, {t.i for t in head.subtree} - inside, head
            self._complements[key] = res
        return self._complements[key]

    def _relational(self, doc, s: int, e: int, tok, dm):
        """The date of an event named in the complement of a relational anchor ("intervient au
        lendemain de violents combats": the fighting is the day before the clause's date, the
        clause's own date or else the story's), or None when the trigger is in none."""
        for a in self.anchors:
            if not (a[3] and s <= a[0] < e and a[1] <= s + tok.idx):
                continue
            parts = self._complement(doc, s, a)
            if parts is None or tok.i not in parts[1]:
                continue
            if dm is not None and dm.value is not None:
                span = doc.char_span(dm.start - s, dm.end - s, alignment_mode="expand")
                if span is not None and span.root.i in parts[1]:
                    return None  # the complement states its own date
                base = dm.value if dm.precision == "day" else None
            else:
                base = None
            base = base or self.disc_date or self.reference
            if base is None:
                return None
            return base - timedelta(days=a[2]), self.body[a[0]:a[1]]
        return None

    def _anchor(self, doc, s: int, e: int, tok):
        """The discourse anchor of the trigger's clause nearest the trigger, if any."""
        best = None
        for a in self.anchors:
            if not s <= a[0] < e:
                continue
            span = doc.char_span(a[0] - s, a[1] - s, alignment_mode="expand")
            if span is not None and len(span) and not _date_in_clause(span.root, tok):
                continue
            if not a[3] and tok.pos_ == "NOUN" and not _predicate_of_clause(tok) and not tok.dep_.startswith("nsubj"):
                continue  # "le lendemain, la police a dispersé le rassemblement": the gathering is older
            if best is None or abs(a[0] - (s + tok.idx)) < abs(best[0] - (s + tok.idx)):
                best = a
        return best

    def resolve(self, doc, s: int, e: int, tok, dm, status: str, notes: list[str]):
        """(date, precision, date text, explicit) of the event of trigger `tok` in the sentence
        body[s:e] whose chosen date mention is `dm` (or None); appends notes."""
        body = self.body
        disc_date = self.disc_date
        rel = self._relational(doc, s, e, tok, dm)
        if rel is not None:
            # an earlier/later event named as the reference of the clause's date: it does not
            # move the story on
            notes.append("date_from_relational_anchor")
            return rel[0], "day", rel[1], True
        ev_date = dm and _date_value(dm)[0]
        anchor = None
        if dm is None or ev_date is None:
            anchor = self._anchor(doc, s, e, tok)
        other = None
        if anchor is not None and anchor[3] and self._complement(doc, s, anchor) is not None:
            other = self._named_event_date(self._complement(doc, s, anchor)[2], anchor[1], s, e)
            if other is None and disc_date is None:
                anchor = None
        elif disc_date is None:
            anchor = None
        if dm is not None and ev_date is not None:
            date_prec = _date_value(dm)[1]
            date_text = dm.text
            notes.extend(n for n in dm.notes if n.startswith("weekday_mismatch"))
            explicit = True
            # the sentence's date has been read: a pluperfect (flashback), future or "à la veille de"
            # event keeps the story where it was
            if status == "asserted" or _own_clause(doc, s, dm, tok):
                self._set_in_sentence = True  # (not "a annoncé mercredi qu'elle imposerait": mercredi is the story's)
            if date_prec == "day" and status == "asserted" and self._in_story(ev_date) and not _metadata(dm):
                if _pluperfect(tok):
                    self.flash_date = ev_date  # undated pluperfect events after it share it
                elif not self._before_named_event(s, e):
                    self.disc_date = disc_date = ev_date
                    self.flash_date = None
        elif anchor is not None and anchor[3] and self._complement(doc, s, anchor) is not None:
            # "la veille de la réunion", "au lendemain de violents combats": relative to the event
            # the complement names when the article dates it, else the clause continues the story
            explicit = True
            if other is not None:
                ev_date, date_prec, date_text = other + timedelta(days=anchor[2]), "day", body[anchor[0]:anchor[1]]
                notes.append("date_from_relational_anchor")
            else:
                ev_date, date_prec, date_text = disc_date, "day", None
                notes.append("date_from_discourse")
        elif anchor is not None:
            # "le même jour", "la veille", "the next day": relative to the last event date (an
            # anchor read for a first trigger keeps its date for the next ones of its clause)
            ev_date = self._anchor_dates.setdefault(anchor[0], disc_date + timedelta(days=anchor[2]))
            date_prec, date_text = "day", body[anchor[0]:anchor[1]]
            explicit = True
            notes.append("date_from_discourse_anchor")
            if status == "asserted" and not _pluperfect(tok):
                self.disc_date = disc_date = ev_date
                self._set_in_sentence = True
        else:
            explicit = False
            date_text = None
            if _anterior(tok):
                # "après avoir échangé des invectives": earlier than the main event, date unknown
                ev_date, date_prec = None, None
                notes.append("no_date_anterior")
            elif _habitual(tok):
                # "accuse régulièrement", "a accusé à plusieurs reprises", "repeatedly": a
                # recurring background event has no single date
                ev_date, date_prec = None, None
                notes.append("no_date_habitual")
            elif disc_date is not None and DISCOURSE_DATE_DEFAULT and status == "asserted" and \
                    (_predicate_of_clause(tok) or _anaphoric_noun(tok)):
                # an undated past event continues the story at the date the discourse last set (a
                # pluperfect one, the flashback's)
                ev_date, date_prec = (self.flash_date if self.flash_date and _pluperfect(tok) else disc_date), "day"
                notes.append("date_from_discourse")
            elif self.reference is not None:
                ev_date, date_prec = self.reference, "day"
                notes.append("date_from_publication" if not self.reference_inferred else "date_from_inferred_reference")
            else:
                ev_date, date_prec = None, None
                notes.append("no_date")
        return ev_date, date_prec, date_text, explicit
