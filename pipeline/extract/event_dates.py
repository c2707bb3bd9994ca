"""Event dates: which date mention of its sentence an event takes, and the discourse dates
("le lendemain", "the same day", an undated event continuing the story) it falls back on.

`choose_date` links a trigger to the date mention of its own clause; `DiscourseDater` follows
the article sentence by sentence, keeping the event date the discourse last set, and gives each
event its date, precision, text and whether the text states it (machine-readable notes:
``date_from_discourse_anchor``, ``date_from_discourse``, ``date_from_publication``,
``date_from_inferred_reference``, ``no_date``, ``no_date_anterior``, ``no_date_habitual``).
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from pipeline.text.temporal import discourse_anchors

DISCOURSE_DATE_DEFAULT = True


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


def _date_in_clause(date_tok, trig) -> bool:
    """The date belongs to the trigger's clause or to a clause governing it."""
    dv = _clause_verb(date_tok)
    tv = _clause_verb(trig)
    if dv.i == tv.i or dv.i in {a.i for a in tv.ancestors}:
        return True
    if date_tok.i in {t.i for t in tv.subtree}:
        # inside the trigger's clause, but not inside a relative/participial clause of another noun
        return dv.dep_ not in ("acl", "acl:relcl", "relcl") or dv.i in {a.i for a in trig.ancestors}
    return trig.i in {t.i for t in dv.subtree} and dv.dep_ not in ("acl", "acl:relcl", "relcl")


def choose_date(doc, offset: int, trig, date_mentions, status: str):
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

    def resolve(self, doc, s: int, e: int, tok, dm, status: str, notes: list[str]):
        """(date, precision, date text, explicit) of the event of trigger `tok` in the sentence
        body[s:e] whose chosen date mention is `dm` (or None); appends notes."""
        body = self.body
        disc_date = self.disc_date
        ev_date = dm and _date_value(dm)[0]
        anchor = None
        if (dm is None or ev_date is None) and disc_date is not None:
            near = [a for a in self.anchors if s <= a[0] < e]
            if near:
                anchor = min(near, key=lambda a: abs(a[0] - (s + tok.idx)))
        if dm is not None and ev_date is not None:
            date_prec = _date_value(dm)[1]
            date_text = dm.text
            notes.extend(n for n in dm.notes if n.startswith("weekday_mismatch"))
            explicit = True
            if date_prec == "day" and status == "asserted" and (self.reference is None or ev_date <= self.reference):
                self.disc_date = disc_date = ev_date
        elif anchor is not None:
            # "le même jour", "la veille", "the next day": relative to the last event date
            ev_date, date_prec, date_text = disc_date + timedelta(days=anchor[2]), "day", body[anchor[0]:anchor[1]]
            explicit = True
            notes.append("date_from_discourse_anchor")
            if status == "asserted":
                self.disc_date = disc_date = ev_date
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
                    tok.i == _clause_verb(tok).i:
                # an undated past event continues the story at the date the discourse last set
                ev_date, date_prec = disc_date, "day"
                notes.append("date_from_discourse")
            elif self.reference is not None:
                ev_date, date_prec = self.reference, "day"
                notes.append("date_from_publication" if not self.reference_inferred else "date_from_inferred_reference")
            else:
                ev_date, date_prec = None, None
                notes.append("no_date")
        return ev_date, date_prec, date_text, explicit
