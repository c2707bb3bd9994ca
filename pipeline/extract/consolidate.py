"""Article-level consolidation of event mentions: recipients filled from the discourse
(``recipients.py``), a missing party borrowed from the previous mention of the same type, an
invitation and the meeting it plans kept as one event, reciprocal events in their first
orientation, undated mentions of one event taking its explicit date; mentions with no resolved
actor dropped."""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta

from pipeline.core.models import ActorRef, EventMention
from pipeline.extract import arguments as args_mod
from pipeline.extract.clause_dating import _predicate_of_clause, describes_noun
from pipeline.extract.date_clauses import STORY_WINDOW_DAYS, _clause_verb
from pipeline.extract.parties import Party, countries_of
from pipeline.extract.recipients import fill_recipients


@dataclass
class Candidate:
    mention: EventMention
    explicit_date: bool
    actor_how: str
    recip_how: str


def party_refs(parties: list[Party]) -> list[ActorRef]:
    out, seen = [], set()
    for p in parties:
        key = (p.res.ref.entity_id or p.res.ref.text, p.res.ref.country)
        if key in seen:
            continue
        seen.add(key)
        out.append(replace(p.res.ref))
    return out


def confidence(actors, recips, status_markers, explicit_date, spec) -> float:
    c = 0.55
    c += 0.15 if actors else -0.15
    c += 0.1 if recips else -0.05
    c += 0.1 if explicit_date else 0.0
    if any(p.how != "parse" for p in actors + recips):
        c -= 0.1
    if spec.special:
        c -= 0.05
    return max(0.05, min(0.99, c))


def inherit_from_governing_event(cands: list[Candidate], doc, offset: int) -> None:
    """A trigger without actor inside the argument of another trigger of the same type family
    (l'opération américaine ... ayant conduit à la capture de Maduro) takes that trigger's actor."""
    here = [c for c in cands if getattr(c.mention, "_tok", None) is not None and c.mention.sentence_start == offset]
    for c in here:
        m = c.mention
        if m.event_type == "REQUEST" and not m.recipient:
            # "marched to the US embassy to ask for stronger controls": a protest's demand is addressed
            # to the protest's target
            anc = {a.i for a in m._tok.ancestors}
            gov = next((o.mention for o in here if o.mention.event_type == "PROTEST" and o.mention._tok.i in anc
                        and countries_of(o.mention.recipient)), None)
            if gov is not None:
                m.recipient = [replace(r) for r in gov.recipient]
                m.notes = [n for n in m.notes if n != "recipient_unresolved"] + ["recipient_from_governing_protest"]
        if m.event_type == "PROTEST" and not m.recipient:
            # "staged a rally at Incheon port, calling on China to remove the platforms": the party a
            # protest's own demand is addressed to is the protest's target
            heads = {m._tok.i} | ({m._tok.head.i} if m._tok.dep_ in ("dobj", "obj") else set())
            dem = next((o.mention for o in here if o.mention.event_type == "REQUEST" and o.recip_how == "parse"
                        and countries_of(o.mention.recipient) and heads & {a.i for a in o.mention._tok.ancestors}), None)
            if dem is not None:
                m.recipient = [replace(r) for r in dem.recipient]
                m.notes = [n for n in m.notes if n != "recipient_unresolved"] + ["recipient_from_protest_demand"]
        if m.actor:
            continue
        anc = {a.i for a in m._tok.ancestors}
        for o in here:
            if o is c or not o.mention.actor:
                continue
            if o.mention._tok.i in anc and o.mention.event_type == m.event_type:
                m.actor = [replace(a) for a in o.mention.actor]
                m.notes = [n for n in m.notes if n != "actor_unresolved"] + ["actor_from_governing_event"]
                break


def _told_earlier(c: Candidate, src: Candidate) -> bool:
    """An undated clause the story has placed before an explicit mention of the same kind (the
    lead's "ont conclu mardi un accord", then "lundi, ... les deux hommes sont convenus de..."):
    a new, earlier event the clause's own verb tells, not the later one (an event noun, "the
    meeting", still names the explicit one)."""
    m = c.mention
    tok = getattr(m, "_tok", None)
    if m.event_date is None or src.mention.event_date is None or m.event_date >= src.mention.event_date:
        return False
    return "date_from_discourse" in m.notes and tok is not None and tok.pos_ in ("VERB", "AUX")


def _retold(lead: EventMention, body: EventMention) -> bool:
    """A later mention of the same type whose parties the lead's include, sharing at least one
    (the body often names only one side: "accused Kigali the same day", "sent battalions north")."""
    if body.event_type != lead.event_type or body.status != lead.status:
        return False
    la, lr, ba, br = (countries_of(x) for x in (lead.actor, lead.recipient, body.actor, body.recipient))
    return ba <= la and br <= lr and bool((ba & la) or (br & lr))


def _told_later(c: Candidate, src: Candidate, cands: list[Candidate]) -> bool:
    """A past verb the story has dated to a later day, told since an explicit mention of the same
    kind ("Mardi, ... des pêcheurs accusés de pêcher sans licence", then, after Wednesday's and
    Thursday's events, "le ministre a accusé les armateurs de piller les stocks"): a new act of
    the day the story has reached, not a retelling of the older one."""
    m = c.mention
    tok = getattr(m, "_tok", None)
    if m.event_date is None or src.mention.event_date is None or m.event_date <= src.mention.event_date or \
            "date_from_discourse" not in m.notes or tok is None or tok.pos_ not in ("VERB", "AUX"):
        return False
    src_tok = getattr(src.mention, "_tok", None)
    if src_tok is None or not describes_noun(src_tok):
        return True
    # an older event told in a clause describing a noun ("un drone abattu mardi soir"), which the
    # next sentences may retell ("la défense aérienne a abattu l'appareil"), unless the story has
    # dated something to the later day since
    lo, hi = src.mention.trigger_start, m.trigger_start
    return any(x.explicit_date and lo < x.mention.trigger_start < hi and x.mention.event_date == m.event_date
               for x in cands)


def _background_for_clause(c: Candidate, src: Candidate) -> bool:
    """An explicit mention, later in the text, far from the date the story gives a clause it
    has not dated itself (the lead's "accusing Kigali of backing the insurgents", then "the border
    was already closed from 2015 to 2022 after Burundi accused Rwanda ..."; "sont convenus de
    réunir la commission ..., dont l'accord de 2018 fixe..."; "a annoncé l'expulsion de deux
    diplomates. En 2021, l'Algérie avait rompu..."): background, not the event the clause tells."""
    m, tok = c.mention, getattr(c.mention, "_tok", None)
    if m.event_date is None or src.mention.event_date is None or tok is None or \
            not (tok.pos_ in ("VERB", "AUX") or _predicate_of_clause(tok)) or \
            not {"date_from_publication", "date_from_discourse"} & set(m.notes):
        return False
    if describes_noun(_clause_verb(tok)):
        return False  # a relative clause may recall the older act ("Petro, qui m'a appelé", "who had called")
    if "date_from_discourse" in m.notes and src.mention.event_date < m.event_date:
        # the story has dated the clause; a later mention going back before that day recalls an
        # older act ("The SBU accused Budapest of spying" on Monday; "weeks after Ukraine accused
        # a Hungarian drone ... in late September")
        return True
    return abs(m.event_date - src.mention.event_date) > timedelta(days=STORY_WINDOW_DAYS)


def _other_status(c: Candidate, src: Candidate) -> bool:
    """An act told as done does not take the date of one announced, denied or supposed ("the
    ministers discussed Myanmar" / "will meet again in 2027"; "au terme d'une visioconférence" /
    "doivent se retrouver demain")."""
    return c.mention.status == "asserted" and src.mention.status != "asserted"


def _dated_in_body(c: Candidate) -> bool:
    """A body mention with a day: its own, or the day the story had reached when it was told ("On
    Monday, the adviser met Burhan in Port Sudan. The two sides agreed that...")."""
    return c.explicit_date or "date_from_discourse" in c.mention.notes


def lead_dates_from_body(cands: list[Candidate]) -> None:
    """An undated lead (no date of its own, before anything the article dates: "Burundi has closed
    its border ... accusing Kigali of backing the insurgents") sums up events the body tells with
    their days: each of its mentions takes the day of the first later dated mention it retells."""
    for i, c in enumerate(cands):
        m = c.mention
        if c.explicit_date or "date_from_publication" not in m.notes:
            continue
        if any(x.explicit_date for x in cands[:i]):
            return  # past the lead
        later = [x for x in cands[i + 1:] if _dated_in_body(x) and x.mention.event_date is not None and
                 x.mention.date_precision == "day" and x.mention.sentence_index > m.sentence_index and
                 _retold(m, x.mention)]
        if later and m.event_date is not None and \
                timedelta(0) <= m.event_date - later[0].mention.event_date <= timedelta(days=STORY_WINDOW_DAYS):
            src = later[0].mention
            m.event_date, m.date_precision, m.date_text = src.event_date, src.date_precision, src.date_text
            m.notes = [n for n in m.notes if n != "date_from_publication"] + ["date_from_body_retelling"]


def announced_start_from_body(cands: list[Candidate]) -> None:
    """An act to come dated by the act told as done that announced it ("ont signé mercredi un protocole
    prévoyant des patrouilles conjointes") takes the day to come a later sentence gives the same act (same
    type and trigger lemma: "Les premières patrouilles mixtes débuteront lundi prochain")."""
    for i, c in enumerate(cands):
        m, tok = c.mention, getattr(c.mention, "_tok", None)
        if m.status != "future" or m.event_date is None or tok is None or not any(
                x.mention.status == "asserted" and x.mention.sentence_index == m.sentence_index and
                x.mention.event_date == m.event_date for x in cands):
            continue
        later = [x for x in cands[i + 1:] if x.explicit_date and x.mention.status == "future" and
                 x.mention.event_type == m.event_type and x.mention.sentence_index > m.sentence_index and
                 x.mention.date_precision == "day" and x.mention.event_date is not None and
                 x.mention.event_date > m.event_date and getattr(x.mention, "_tok", None) is not None and
                 x.mention._tok.lemma_.lower() == tok.lemma_.lower() and
                 countries_of(x.mention.actor) | countries_of(x.mention.recipient) <= countries_of(m.actor) | countries_of(m.recipient)]
        if later:
            src = later[0].mention
            m.event_date, m.date_precision, m.date_text = src.event_date, src.date_precision, src.date_text
            m.notes.append("date_from_announced_start")


def consolidate(cands: list[Candidate], memory=None) -> list[EventMention]:
    """Article-level event coreference (see module docstring)."""
    fill_recipients(cands, memory)
    # 1. borrow a missing party from the previous mention of the same type
    prev_by_type: dict[str, Candidate] = {}
    for c in cands:
        m = c.mention
        p = prev_by_type.get(m.event_type)
        if p is not None and m.status == p.mention.status or (p is not None and {m.status, p.mention.status} <= {"asserted", "future"}):
            pa, pr = countries_of(p.mention.actor), countries_of(p.mention.recipient)
            ma, mr = countries_of(m.actor), countries_of(m.recipient)
            if ma and not mr and pr and (ma & pa) and m.event_type in ("CONSULT", "AGREE", "COOPERATE"):
                m.recipient = [replace(r) for r in p.mention.recipient]
                m.notes.append("parties_from_coreferent_event")
                m.notes = [n for n in m.notes if n != "recipient_unresolved"]
            elif ma and not mr and pa and (ma & pr) and m.event_type in ("CONSULT", "AGREE", "COOPERATE") and m.symmetric:
                m.recipient = [replace(r) for r in p.mention.actor]
                m.notes.append("parties_from_coreferent_event")
                m.notes = [n for n in m.notes if n != "recipient_unresolved"]
        if countries_of(m.actor) or countries_of(m.recipient):
            prev_by_type[m.event_type] = c
    # 1b. an invitation (REQUEST/meet) and the planned meeting it leads to (future AGREE/meet) between
    # the same two countries are one event: later mentions take the first mention's coding
    plan_first: dict[frozenset, Candidate] = {}
    for c in cands:
        m = c.mention
        is_plan = (m.event_type == "REQUEST" and m.mode == "meet") or "intent_to_meet_as_agree" in m.notes
        a, r = countries_of(m.actor), countries_of(m.recipient)
        if not is_plan or not (a and r):
            continue
        key = frozenset(a | r)
        f = plan_first.get(key)
        if f is None:
            plan_first[key] = c
            continue
        fm = f.mention
        m.event_type, m.mode = fm.event_type, fm.mode
        m.actor, m.recipient = [replace(x) for x in fm.actor], [replace(x) for x in fm.recipient]
        if fm.event_date is not None:
            m.event_date, m.date_precision, m.date_text = fm.event_date, fm.date_precision, fm.date_text
            c.explicit_date = f.explicit_date
        m.notes.append("same_planned_meeting")
    # 2. reciprocal events keep the orientation of their first mention
    first_orient: dict[tuple, tuple] = {}
    for c in cands:
        m = c.mention
        a, r = countries_of(m.actor), countries_of(m.recipient)
        if not (a and r):
            continue
        key = (m.event_type, frozenset(a | r))
        if key in first_orient:
            fa, fr, fsym = first_orient[key]
            # a visit and the talks it consists of ("la visite de Merz" / "un entretien entre Macron
            # et Merz") are one reciprocal event when either mention is reciprocal
            if (m.symmetric or (fsym and m.event_type == "CONSULT")) and a == fr and r == fa:
                m.actor, m.recipient = m.recipient, m.actor
                m.symmetric = True
        else:
            first_orient[key] = (a, r, m.symmetric)
    # 3. same event, one explicit date: undated mentions inherit it
    groups: dict[tuple, list[Candidate]] = {}
    for c in cands:
        m = c.mention
        key = (m.event_type, countries_of(m.actor), countries_of(m.recipient))
        groups.setdefault(key, []).append(c)
    for cs in groups.values():
        explicit = [c for c in cs if c.explicit_date and c.mention.event_date]
        if not explicit:
            continue
        dates = {c.mention.event_date for c in explicit}
        for c in cs:
            if c.explicit_date or "no_date_habitual" in c.mention.notes or "no_date_anterior" in c.mention.notes:
                continue
            # the nearest preceding explicit mention, else the first one
            before = [x for x in explicit if x.mention.trigger_start < c.mention.trigger_start]
            src = before[-1] if before else explicit[0]
            own = c.mention.event_date
            if before and own is not None and own - src.mention.event_date > timedelta(days=STORY_WINDOW_DAYS):
                # the story has moved on since an older event of the same kind ("conformément au
                # traité signé en mars 2025, ... Les deux chefs d'État ont paraphé des accords")
                continue
            if _other_status(c, src) or (_told_earlier(c, src) or _told_later(c, src, cands) if before else
                                         _background_for_clause(c, src)):
                continue
            if len(dates) == 1 or before:
                c.mention.event_date = src.mention.event_date
                c.mention.date_precision = src.mention.date_precision
                c.mention.date_text = src.mention.date_text
                c.mention.notes = [n for n in c.mention.notes if not n.startswith("date_from") and n != "no_date"]
                c.mention.notes.append("date_from_coreferent_event")
    announced_start_from_body(cands)
    lead_dates_from_body(cands)
    # 4. drop mentions without a resolved actor; a mention without recipient is subsumed by a
    # mention of the same type, actor and sentence that has one ("used water cannon and
    # arrested dozens of demonstrators")
    with_recip = {(c.mention.sentence_index, c.mention.event_type, countries_of(c.mention.actor), c.mention.status)
                  for c in cands if countries_of(c.mention.recipient) and countries_of(c.mention.actor)}
    # ... or by one of the same type, actor, status and day elsewhere in the article ("exchanged fire
    # with Tajik guards on Tuesday" ... "Kyrgyz guards fired warning shots"): the same act retold
    same_day = {(c.mention.event_type, countries_of(c.mention.actor), c.mention.status, c.mention.event_date)
                for c in cands if countries_of(c.mention.recipient) and countries_of(c.mention.actor)
                and c.mention.event_date is not None and c.mention.date_precision == "day"}
    out = []
    for c in cands:
        m = c.mention
        if not countries_of(m.recipient) and countries_of(m.actor) and (
                (m.sentence_index, m.event_type, countries_of(m.actor), m.status) in with_recip or
                (m.event_type, countries_of(m.actor), m.status, m.event_date) in same_day):
            continue
        if hasattr(m, "_tok"):
            del m._tok
        if not countries_of(m.actor) and not any(a.sector == "IGO" or a.entity_id for a in m.actor):
            # an unidentified armed party ("des hommes armés", "gunmen") attacking an identified target
            if not (any(a.sector == "UNK" for a in m.actor) and countries_of(m.recipient)
                    and m.event_type in ("ASSAULT", "COERCE")) and not (
                    any(a.sector in args_mod.OWN_PARTY_SECTORS for a in m.actor) and countries_of(m.recipient)):
                continue
        out.append(m)
    return out
