"""Event mentions: sentences -> PLOVER events with parties, date, place and status.

This module drives the steps below; each lives in its own module (``sentences``, ``prefilter``,
``triggers``, ``grammar``, ``parties``, ``roles``, ``recipients``, ``status``, ``event_dates``,
``places``, ``consolidate``).

Pipeline per article
--------------------
1. split the body into sentences (regex, offsets into the body, abbreviations kept);
2. cheap lexicon pass: only sentences containing a word that starts like a trigger
   lemma are parsed (spaCy, batched with ``nlp.pipe``; a sentence already parsed in this
   process, in this batch or an earlier one, is not parsed again: ``pipeline.text.nlp.DOC_CACHE``;
   entity labels are computed only for the sentences whose labels a rule reads,
   ``pipeline.text.nlp.ent_type``); what depends on the parse alone (triggers, their status, the
   noun phrases recorded for coreference, noun-phrase spans) is memoised on the shared Doc;
3. triggers: verb and noun lemmas of the lexicon (``lexicon.py``) plus multi-word
   pairs, disambiguated by their senses (``senses.py``, data: ``patterns/senses.<lang>.yaml``);
4. parties from the dependency parse: subject / object / prepositional objects of
   verbs (both voices: "par"/"by" agents), demonym adjectives, "de X" complements
   and light-verb subjects of nouns, coordination, "entre X et Y" (reciprocal ->
   ``symmetric``), relative and participial clauses, control verbs; resolved to
   canonical actors (``actors.py``) with pronoun / short-name coreference
   (``coref.py``);
5. status (``status.py``), reported speaker, date (the date expression closest to the
   trigger in its sentence, else the publication date), place (``places.py``);
6. article-level consolidation: repeated mentions of the same event (same type and
   parties) share the date of the mention that states one, reciprocal events keep
   the first mention's orientation, and a mention missing a party borrows it from
   the previous mention of the same type.

Machine-readable notes: ``actor_unresolved``, ``recipient_unresolved``,
``actor_from_context``, ``recipient_from_context``, ``parties_from_coreferent_event``,
``date_from_publication``, ``date_from_inferred_reference``, ``date_from_coreferent_event``,
``no_date``, ``place_unresolved``, ``weekday_mismatch:...``, ``reported_speech``, plus
``status:<marker>`` explaining a non-asserted status.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Iterable, Iterator

from pipeline.core.models import ActorRef, EventMention
from pipeline.extract import arguments as args_mod
from pipeline.extract.act_parties import ANSWER_TYPES, act_agents, act_authors, act_subject
from pipeline.extract.actors import Resolution
from pipeline.extract.article_dates import _article_reference, _dates_for_article
from pipeline.extract.consolidate import Candidate, confidence, consolidate, inherit_from_governing_event, party_refs
from pipeline.extract.coref import gender_of
from pipeline.extract.discourse_memory import memory_from_text, update_memory
from pipeline.extract.event_dates import (
    DiscourseDater,
    _date_value,
    choose_date,
)
from pipeline.extract.grammar import RECIP_PREPS, SUBJ_DEPS, is_passive, subject_of
from pipeline.extract.learned import propose_triggers
from pipeline.extract.lexicon import shared_set
from pipeline.extract.nesting import protest_demand
from pipeline.extract.parties import (
    ArticleState,
    Party,
    Resolver,
    countries_of,
)
from pipeline.extract.prefilter import is_candidate
from pipeline.extract.recipients import (
    ANAPHOR_TYPES,
    GOODS_TARGET_TYPES,
    PLACE_TARGET_TYPES,
    PROXIMITY_TARGET_TYPES,
    SYMMETRIC_TYPES,
    THIRD_PARTY_TYPES,
    anaphoric_recipient,
    captor_of,
    denied_accusation_recipient,
    domestic_recipient,
    domestic_target,
    goods_target_recipient,
    mission_target,
    own_state_recipients,
    purpose_target,
    refused_demand_recipient,
    release_demanded_of,
    target_place_recipient,
    unnamed_meeting_parties,
)
from pipeline.extract.roles import ordering_parties, parties_for, titled_counterpart
from pipeline.extract.senses import prep_args
from pipeline.extract.senses import prep_of as _prep_of
from pipeline.extract.sentences import split_sentences
from pipeline.extract.status import intent_to_meet
from pipeline.extract.triggers import (
    condemned_act,
    could_trigger,
    find_triggers,
    sentence_triggers,
    trigger_positions,
    trigger_status,
)
from pipeline.extract.venues import setting_places
from pipeline.text.nlp import ent_type, normalise_for_nlp

# attacks aimed at a named place, shows of force staged next to a country
TARGET_PLACE_TYPES = frozenset(PLACE_TARGET_TYPES | PROXIMITY_TARGET_TYPES)
# reactions a third country addresses to both sides of the story when it names no one
BYSTANDER_TYPES = frozenset(("SUPPORT", "REQUEST"))


def _places_module():
    from pipeline.extract import places

    return places


def _title_setting(found: list, title: str) -> list:
    """The title's places when they set where the story is: all of one country, one of them named
    as a location ("... à Bucarest", "... on Lake Malawi") or as the rubric opening the title
    ("Irak : deux morts ..."); a title naming only the counterpart ("summons Ghana envoy") sets none."""
    if len({p.place.country for p in found}) != 1 or not found[0].place.country:
        return []
    if any(p.is_location_cue or title[p.end:].lstrip().startswith(":") for p in found):
        return found
    return []


def _process_article(st: ArticleState, sentences, docs_by_idx) -> list[EventMention]:
    body = st.body
    lang = st.lang
    date_mentions = _dates_for_article(body, st.reference, lang)
    places = _places_module()
    if places is not None and hasattr(places, "find_places"):
        st.places = places.find_places(body, lang)
        st.setting_places = setting_places(st.places, sentences, docs_by_idx, lang)
        st.title_places = _title_setting(places.find_places(st.title, lang), st.title) if st.title else []
    out: list[Candidate] = []
    dater = DiscourseDater(body, st.reference, getattr(st, "reference_inferred", False))
    dater.prepare(sentences, docs_by_idx, date_mentions)
    for si, (s, e) in enumerate(sentences):
        sent_text = body[s:e]
        doc = docs_by_idx.get(si)
        sent_dates = [dm for dm in date_mentions if dm.start >= s and dm.end <= e]
        dater.begin_sentence(sent_dates, s, e, doc)
        # the sentence's own date (for coref memory dates)
        on_date = st.reference
        if doc is None:
            memory_from_text(st, sent_text, s, on_date)
            continue
        R = Resolver(st, doc, s, on_date)
        update_memory(R, doc)
        triggers, trig_idx, kept = sentence_triggers(doc, lang)
        spec_by_i = {t.i: sp for t, sp in triggers}
        if not kept:  # the learned layer's proposal (NEWSEVENTS_LEARNED=propose; [] otherwise)
            kept = propose_triggers(doc, lang)
        officials: dict[int, tuple] = {}  # persons named by title and name this sentence placed (`_flush_officials`)
        for tok, spec in kept:
            st_res = trigger_status(doc, tok, lang, spec.event_type)
            spec, st_res = refusal_of(tok, spec, st_res)
            # the date of this event: linked date mention, else fallbacks
            dm = choose_date(doc, s, tok, sent_dates, st_res.status, st.reference, spec.event_type)
            ev_date = dm and _date_value(dm)[0]
            R.on_date = ev_date or st.reference
            R.cache.clear()
            actors, recips, pnotes, symmetric = parties_for(tok, spec, R, trig_idx)
            recips = own_state_recipients(actors, recips)
            if not recips and spec.event_type in ANSWER_TYPES:
                recips = act_authors(tok, lang)
            if not recips and spec.event_type == "PROTEST" and (demand := protest_demand(tok, spec_by_i)) is not None:
                # "staged a rally, calling on China to ...": the demand is no event of its own (nesting), but
                # whom it addresses is the protest's target
                recips = [p for p in parties_for(demand[0], demand[1], R, trig_idx)[1] if p.res.ref.country and p.how == "parse"]
            notes = list(pnotes)
            if not actors and (act := act_subject(tok, lang)) is not None:
                # "an attack on a post killed twelve soldiers", "strikes by the IRGC, which killed": the
                # subject is an act; its own agent did it, never the sentence's first party
                actors = [p for x in act_agents(act) for p in R.resolve_tok(x)] or act_authors(act, lang, (act,)) or (
                    [Party(Resolution(ActorRef(text=act.text, name=None, country=None, sector="UNK"), None, "unidentified",
                                      0, len(act.text)), act.i, "parse")] if spec.event_type in ("ASSAULT", "COERCE")
                    and act.pos_ == "NOUN" else [])
                notes.append("actor_of_subject_act")
            elif not actors:
                # parse gave no agent: the subject-like party to the left of the trigger in this sentence
                t_pos = s + tok.idx
                left = [e_ for e_ in st.memory.entries if s <= e_.pos < t_pos and e_.subject]
                rec_ids = {(p.res.ref.entity_id or p.res.ref.text) for p in recips}
                left = [e_ for e_ in left if (e_.res.ref.entity_id or e_.res.ref.text) not in rec_ids]
                if left and ((spec.pos == "VERB" and tok.pos_ == "VERB" and not is_passive(tok)) or (
                        tok.dep_ in ("obj", "dobj") and not condemned_act(tok, tok.head))):  # (not who condemns it)
                    actors = [Party(left[-1].res, tok.i, "context")]
                    notes.append("actor_from_context")
                elif "refusal_of_concession" in st_res.markers and st_res.speech_verb is not None and is_passive(tok) and \
                        (spoken := [p for t in subject_of(st_res.speech_verb) for p in R.resolve_tok(t)]):
                    # "the minister said the bill will not be withdrawn": the speaker refuses
                    actors = spoken
                    notes.append("actor_refusing_speaker")
                elif (is_passive(tok) or condemned_act(tok, tok.head)) and \
                        (ref := args_mod.implicit_state_agent(spec.mode, R.place_country)):
                    actors = [Party(Resolution(ref, None, "place", 0, len(ref.text)), tok.i, "place")]
                    notes.append("actor_implicit_state")
                elif ordered := ordering_parties(tok, R.resolve_tok):
                    actors = ordered
                    notes.append("actor_from_order")
                elif (ref := titled_counterpart(tok, recips, st.dyad, R.place_country())) is not None:
                    actors = [Party(Resolution(ref, None, "pair", 0, len(ref.text)), tok.i, "pair")]
                    notes.append("actor_from_dyad")
                    _remember_official(officials, s, tok, ref)
                elif spec.event_type == "PROTEST" and (org := _named_organisation(tok)) is not None and \
                        (c := R.place_country()):
                    # "La CONAIE a lancé une grève": a movement the dictionary does not know, striking or
                    # marching where the story happens, is of that country (as unnamed protesters are)
                    actors = [Party(Resolution(ActorRef(text=org.text, name=None, country=c, sector="CVL"), None,
                                               "place", 0, len(org.text)), tok.i, "place")]
                    notes.append("actor_domestic_organisation")
                elif spec.mode == "release" and is_passive(tok) and (cap := captor_of(out, recips)) is not None:
                    # "were freed on Wednesday": released by whoever detained them earlier in the article
                    actors = _context_parties(cap.actor, tok)
                    recips = recips or _context_parties(cap.recipient, tok)
                    notes.append("actor_from_detention")
            elif all(p.how in ("context", "place") for p in actors) and \
                    all(doc[p.tok_i].head.i == tok.i for p in recips if p.how == "parse") and \
                    (ref := titled_counterpart(tok, recips, st.dyad, R.place_country())) is not None and \
                    {p.res.ref.country for p in actors} == {p.res.ref.country for p in recips if p.how == "parse"}:
                # "le ministre de l'Intérieur, X, a reproché aux autorités éthiopiennes ...": a title the
                # memory tied to the side it acts on is the other side's official
                actors = [Party(Resolution(ref, None, "pair", 0, len(ref.text)), tok.i, "pair")]
                notes.append("actor_from_dyad")
                _remember_official(officials, s, tok, ref)
            _remember_titled_persons(officials, s, doc, actors)
            sides = unnamed_meeting_parties(tok, spec, st_res.status, actors, recips, st.dyad)
            if sides:
                (actors, recips), symmetric = sides, True
                notes.append("parties_from_dyad")
            # remove self-recipients (same entity on both sides)
            a_ids = {(p.res.ref.entity_id or p.res.ref.text) for p in actors}
            recips = [p for p in recips if (p.res.ref.entity_id or p.res.ref.text) not in a_ids]
            if not recips and actors and spec.event_type in TARGET_PLACE_TYPES:
                recips = target_place_recipient(tok, spec, actors, lang)
                if recips:
                    notes.append("recipient_from_target_place")
            if not recips and actors and spec.event_type in GOODS_TARGET_TYPES:
                recips = goods_target_recipient(tok, spec, actors)
                if recips:
                    notes.append("recipient_from_target_place")
            if not recips and actors and spec.event_type == "PROTEST":
                recips = mission_target(tok, R.resolve_tok)
                if recips:
                    notes.append("recipient_from_mission")
                elif recips := purpose_target(tok, R.resolve_tok, actors):
                    notes.append("recipient_from_purpose")
            if recips and actors and spec.event_type == "COERCE" and all(p.how == "place" for p in recips) and \
                    all(p.res.ref.sector in ("COP", "JUD") for p in actors):
                # a national police arrests its own people, wherever the article is set
                recips = domestic_target(tok, actors) or recips
            if not recips and actors and spec.event_type == "COERCE":
                recips = domestic_target(tok, actors)
                if recips:
                    notes.append("recipient_domestic")
            if actors and (acc := denied_accusation_recipient(tok, spec, out, actors, recips, s + tok.idx)):
                recips = acc
                notes.append("recipient_from_denied_accusation")
            if not recips and actors and spec.event_type in ANAPHOR_TYPES:
                ana = anaphoric_recipient(tok, lang, out, actors, s + tok.idx)
                if ana:
                    recips = ana
                    notes.append("recipient_from_referenced_event")
            if actors and all(not p.res.ref.text for p in recips) and \
                    (req := refused_demand_recipient(tok, spec, out, actors, recips, s + tok.idx)):
                recips = req  # (what a referenced event gave, "rejected these accusations", comes first)
                notes.append("recipient_from_refused_demand")
            if not recips and actors and spec.event_type == "REQUEST" and (rel := release_demanded_of(tok, out, actors)):
                recips = rel
                notes.append("recipient_from_detention")
            if not recips and actors and (spec.event_type in BYSTANDER_TYPES or spec.mode == "mediate") and len(st.dyad) == 2:
                # a third country reacting to the story's two sides with no one named ("La Russie a
                # salué un accord historique", "le Cameroun a demandé à être associé aux discussions",
                # "le Mexique a offert ses bons offices")
                sides = {r.ref.country for r in st.dyad}
                if len(sides) == 2 and None not in sides and not sides & {p.res.ref.country for p in actors}:
                    recips = [Party(r, tok.i, "pair") for r in st.dyad]
                    notes.append("recipient_from_dyad")
            if not recips and actors and spec.event_type == "AID" and not spec.need_recipient and len(st.dyad) == 2 \
                    and all(p.res.ref.sector == "GOV" for p in actors) \
                    and not any(p in RECIP_PREPS[lang] and c.pos_ in ("NOUN", "PROPN")
                                for h in {tok, tok.head, *(tok.subtree if tok.pos_ == "NOUN" else ())}
                                for p, c in prep_args(h)):
                # aid from one side of the story's two states (its state, not a Red Cross) with no one named ("Riyad annonce un
                # dépôt de 500 millions de dollars"): it goes to the other side (a trigger that needs
                # its recipient named, "convoi", "prêt", or names one unresolved, "aux fermes", is left alone)
                a_ctry = {p.res.ref.country for p in actors}
                other = [r for r in st.dyad if r.ref.country and r.ref.country not in a_ctry]
                if len(other) == 1 and len(a_ctry & {r.ref.country for r in st.dyad}) == 1:
                    recips = [Party(other[0], tok.i, "pair")]
                    notes.append("recipient_from_dyad")
            if not recips and actors:
                # a type-level domestic reading is not taken when another country is named nearby
                others = {x.res.ref.country for x in st.memory.entries if s <= x.pos < e and x.res.ref.country} - \
                    {p.res.ref.country for p in actors}
                recips = domestic_recipient(tok, spec, actors, lang, foreign_nearby=bool(others), host=R.place_country)
                if recips:
                    notes.append("recipient_domestic")
            if spec.need_recipient and not recips:
                continue
            etype, mode = spec.event_type, spec.mode
            r_ctry = {p.res.ref.country for p in recips} - {None}
            # the state itself (a country, its capital, a government institution), not "X miners"
            by_default = bool(recips) and all(p.res.how == "domestic" and not p.res.ref.text for p in recips) and \
                all(p.res.how in ("country", "capital", "dictionary") for p in actors)
            if etype == "PROTEST" and mode not in NON_STATE_PROTEST_MODES and any(p.res.ref.sector == "GOV" for p in actors) and \
                    (r_ctry - {p.res.ref.country for p in actors} or not r_ctry or by_default):
                # a state protesting to another state, or a ministry or embassy protesting with no
                # named target ("Japan lodged a protest"): a diplomatic protest (ACCUSE), not a
                # demonstration, so not addressed to its own country by default
                etype, mode = "ACCUSE", "disapprove"
                notes.append("state_protest")
                if by_default:
                    recips = []
                    notes = [n for n in notes if n != "recipient_domestic"]
            if etype == "CONSULT" and intent_to_meet(st_res, ev_date is not None, lang):
                etype, mode = "AGREE", "meet"
                symmetric = True  # a planned meeting: one event whichever side the sentence starts from
                notes.append("intent_to_meet_as_agree")
            if st_res.status in ("negated", "hypothetical", "future"):
                notes.extend(f"status:{m}" for m in st_res.markers[:3])
            reported_by = None
            if st_res.speech_verb is not None and st_res.speech_verb.i != tok.i:
                subs = [c for c in st_res.speech_verb.children if c.dep_ in SUBJ_DEPS]
                if subs:
                    ps = R.resolve_tok(subs[0])
                    reported_by = ps[0].res.ref.name or ps[0].res.ref.text if ps else subs[0].text
                notes.append("reported_speech")
            ev_date, date_prec, date_text, explicit = dater.resolve(doc, s, e, tok, dm, st_res.status, notes, etype)
            a_refs, r_refs = party_refs(actors), party_refs(recips)
            if not a_refs:
                notes.append("actor_unresolved")
            if not r_refs:
                notes.append("recipient_unresolved")
            loc = None
            if places is not None and hasattr(places, "resolve_event_place"):
                loc = places.resolve_event_place(sent_text, s, st.places, lang, st.title_places)
            if loc is None:
                notes.append("place_unresolved")
            elif etype in PLACE_TARGET_TYPES and loc.source == "sentence" and loc.country and a_refs and \
                    not countries_of(r_refs) and loc.country not in countries_of(a_refs):
                # an attack abroad with no named target: the country where it hit ("strikes in southern Lebanon")
                r_refs = [ActorRef(text=loc.text or loc.name, name=None, country=loc.country, sector="CVL")]
                notes = [n for n in notes if n != "recipient_unresolved"] + ["recipient_from_place"]
            m = EventMention(
                article_id=st.article_id, sentence_index=si, sentence=sent_text, sentence_start=s, sentence_end=e,
                event_type=etype, trigger=body[s + tok.idx: s + tok.idx + len(tok.text)],
                trigger_start=s + tok.idx, trigger_end=s + tok.idx + len(tok.text), mode=mode,
                actor=a_refs, recipient=r_refs, event_date=ev_date, date_precision=date_prec, date_text=date_text,
                location=loc, status=st_res.status, reported_by=reported_by, symmetric=symmetric,
                confidence=confidence(actors, recips, st_res.markers, explicit, spec), notes=notes, language=lang,
            )
            out.append(Candidate(m, explicit, actors[0].how if actors else "", recips[0].how if recips else ""))
            if st_res.status == "asserted" and actors and recips and etype not in THIRD_PARTY_TYPES and \
                    len({p.res.ref.country for p in actors + recips} - {None}) == 2 and \
                    actors[0].res.ref.country and recips[0].res.ref.country != actors[0].res.ref.country and \
                    _state_side(recips[0].res.ref, st.memory):
                # (two states: "les deux pays" are never a state and the foreign migrants it arrested)
                st.dyad = (actors[0].res, recips[0].res)
            elif st_res.status == "asserted" and not recips and len({p.res.ref.country for p in actors} - {None}) == 2 and \
                    etype not in THIRD_PARTY_TYPES and len(actors) == 2:
                # "Indian and Chinese troops completed the withdrawal": the two sides are the coordinated actors
                st.dyad = (actors[0].res, actors[1].res)
            elif not st.dyad and st_res.status == "asserted" and etype in SYMMETRIC_TYPES and actors and recips and \
                    recips[0].how != "pair" and {p.res.ref.country for p in actors + recips} == {actors[0].res.ref.country} != {None}:
                # talks between a country's unions and its ministers, in a story no two states have had
                # yet: "the two sides" are theirs
                st.dyad = (actors[0].res, recips[0].res)
            m._tok = tok  # type: ignore[attr-defined]
        _flush_officials(st, officials)
        inherit_from_governing_event(out, doc, s)
    return [m for m in consolidate(out, st.memory) if m.recipient or m.event_type in TARGET_OPTIONAL_TYPES]


# An act addressed to someone (a statement, a demand, a refusal, a meeting, an agreement, aid, a
# sanction, a concession...) is coded only when the text names whom: with no recipient party at all
# (no country, IGO, NGO, armed group, nor the country itself for a domestic act) it is not an event,
# as an act with no named actor is not. Physical acts may hit, or rally, people nobody names ("US
# strikes on drug boats", "Ethiopia put its army on alert", a march): their target stays unknown.
# The dropped mentions still served the discourse above (referents of anaphora, story dyad, dates).
TARGET_OPTIONAL_TYPES = {"ASSAULT", "MOBILIZE", "PROTEST", "COERCE"}
# protests no state makes to another (a strike, a blockade of roads, a riot): never a diplomatic protest
NON_STATE_PROTEST_MODES = frozenset(("strike", "obstruct", "riot"))


def _named_organisation(tok):
    """The subject of the verb that launches or holds a protest noun ("a lancé une grève") when it is
    a name the entity tagger reads as an organisation, else None (not the subject of a protest verb:
    "the Transitional Council protested against the measure" may be a state body's protest)."""
    v = tok.head if tok.pos_ == "NOUN" and tok.dep_ in ("obj", "dobj", "obl", "obl:mod", "obl:arg") and \
        tok.head.pos_ == "VERB" else None
    subs = subject_of(v) if v is not None else []
    return next((c for c in subs if c.pos_ in ("PROPN", "NOUN") and ent_type(c) == "ORG"), None)


def _remember_official(officials: dict, s: int, tok, ref: ActorRef) -> None:
    """An official named by title and name only, once placed on a side ("le ministre de l'Intérieur,
    X, a convoqué l'ambassadeur ghanéen"), is whom a later "il", "elle", "she" refers to."""
    subs = subject_of(tok)
    pos = s + (subs[0].idx if subs else tok.idx)
    words = " ".join(x.text for x in subs[0].subtree) if subs else ref.text
    officials.setdefault(pos, (ref, words))


def _remember_titled_persons(officials: dict, s: int, doc, actors: list) -> None:
    """"Le président Jean Dupont a repoussé ces exigences. Il s'est entretenu ...": a person named by
    title and a name the dictionary does not know, whose country the context gave as an actor, is
    whom a later pronoun refers to."""
    for p in actors:
        t = doc[p.tok_i]
        if p.how in ("context", "place") and t.pos_ == "NOUN" and any(
                c.pos_ == "PROPN" and c.dep_ in ("appos", "flat", "flat:name") for c in t.children):
            words = " ".join(x.text for x in t.subtree)
            officials.setdefault(s + t.idx, (replace(p.res.ref, text=words, name=None, entity_id=None), words))


def _flush_officials(st: ArticleState, officials: dict) -> None:
    """Record the officials a sentence placed as subjects the memory did not have (the memory kept no
    entry for their unresolved names): after the sentence, so that its own verbs left without a subject
    by the parse do not fall back on them."""
    known = {e.pos for e in st.memory.entries}
    for pos, (ref, words) in sorted(officials.items()):
        if pos not in known:
            st.memory.add(Resolution(ref, None, "title_place", 0, len(ref.text)), pos, subject=True, person=True,
                          gender=gender_of(words))


def _context_parties(refs, tok) -> list[Party]:
    """Parties taken over from an earlier event of the article (its actor or recipient refs)."""
    return [Party(Resolution(r, None, "context", 0, len(r.text)), tok.i, "context") for r in refs if r.country]


REFUSED_WHEN_NEGATED = shared_set("refused_when_negated")
NOT_YET_ADVERBS = shared_set("not_yet_adverbs")


def refusal_of(tok, spec, st_res):
    """Not accepting is refusing: a negated agreement verb of this set ("qu'il n'accepterait aucune
    leçon", "n'a pas accepté l'offre") is an asserted REJECT, unless it is only not yet
    ("n'a pas encore accepté"). So is a concession announced as not to be made ("he will not withdraw
    the bill", "the closures would not be reversed", "won't back down"): a refusal, not a fact that
    nothing happened ("has not withdrawn" stays a negated concession)."""
    if st_res.status != "negated" or any(c.lower_ in NOT_YET_ADVERBS for c in tok.children):
        return spec, st_res
    if spec.event_type == "AGREE" and tok.lemma_.lower() in REFUSED_WHEN_NEGATED:
        return replace(spec, event_type="REJECT", mode=None, symmetric=False), \
            replace(st_res, status="asserted", markers=st_res.markers + ["refusal_of_agreement"])
    if spec.event_type in REFUSABLE_CONCESSIONS and tok.pos_ in ("VERB", "AUX") and \
            all(m[4:] in PLAIN_NEGATIONS if m.startswith("neg") else m.startswith("fut:") or m == "hyp:would"
                for m in st_res.markers) and \
            any(c.dep_ in ("aux", "aux:pass") and c.lower_ in WILL_AUXILIARIES for c in tok.children):
        return replace(spec, event_type="REJECT", mode=None, symmetric=False), \
            replace(st_res, status="asserted", markers=st_res.markers + ["refusal_of_concession"])
    return spec, st_res


# concessions and retreats a party can announce it will not make (REJECT), the negations and the
# auxiliaries of a will ("will not", "won't", "would not")
REFUSABLE_CONCESSIONS = frozenset(("CONCEDE", "RETREAT"))
PLAIN_NEGATIONS = frozenset(("not", "n't", "never"))
WILL_AUXILIARIES = shared_set("will_auxiliaries")


def _state_side(ref, memory) -> bool:
    """Is `ref` a state, or people of a country whose state the article names (a side of the story)?"""
    return ref.sector not in args_mod.DOMESTIC_ACTOR_SECTORS or any(
        e.res.ref.country == ref.country and e.res.ref.sector not in args_mod.DOMESTIC_ACTOR_SECTORS
        for e in memory.entries)


def extract_many(items: Iterable[tuple], batch_size: int = 64) -> Iterator[list[EventMention]]:
    """Yield the mention list of each (article_id, body, language, published, title) item, in order.

    Candidate sentences of up to `batch_size` articles are parsed together with ``nlp.pipe``.
    """
    from pipeline.extract.learned import combine

    buf: list[tuple] = []
    for item in items:
        buf.append(item)
        if len(buf) >= batch_size:
            yield from combine(_run_batch(buf))
            buf = []
    if buf:
        yield from combine(_run_batch(buf))


def _likely_reads_entities(doc, lang: str) -> bool:
    """Will extraction probably read entity labels of this Doc? True for the trigger rules that
    read labels most often, English "called on X" (X not a date: "called on Tuesday") and French
    "l'appel à X" (X not a person), read when the triggers are found. (The unplaceable-patient test
    of a mention left without a recipient, `recipients._named_unresolved_patient`, reads a label
    only after its other tests pass: predicting it from the kept triggers' patients cost more
    than the few Docs it concerns take one at a time.) Only decides whether the Doc's entities
    are computed in advance with its batch (cheaper than one Doc at a time); any other Doc gets
    them when first read, so this never changes what is extracted."""
    from spacy.attrs import LEMMA

    strings = doc.vocab.strings
    head = {"en": "call", "fr": "appel"}.get(lang)
    if head is not None and strings[head] in set(doc.to_array([LEMMA]).tolist()):
        for tok in doc:
            if tok.lemma_ != head:
                continue
            if lang == "en" and tok.pos_ == "VERB" and any(
                    c.dep_ == "prep" and c.lower_ in ("on", "upon") for c in tok.children):
                return True
            if lang == "fr" and tok.pos_ == "NOUN" and any(
                    c.pos_ != "PROPN" and _prep_of(c) in ("à", "au", "aux") for c in tok.children):
                return True
    return False


def _run_batch(items: list[tuple]) -> list[list[EventMention]]:
    prepared = []
    by_lang: dict[str, list[tuple[int, int, str]]] = {}
    for k, item in enumerate(items):
        article_id, body, language, published, *rest = item
        body = body or ""
        lang = (language or "fr").lower()[:2]
        if lang not in ("fr", "en"):
            prepared.append(None)
            continue
        norm = normalise_for_nlp(body)
        sents = split_sentences(norm)
        ref, inferred = _article_reference(body, lang, published)
        st = ArticleState(article_id, body, lang, ref)
        st.reference_inferred = inferred  # type: ignore[attr-defined]
        st.title = rest[0] if rest and isinstance(rest[0], str) else ""
        prepared.append((st, sents, norm))
        for si, (s, e) in enumerate(sents):
            if is_candidate(norm[s:e], lang):
                by_lang.setdefault(lang, []).append((k, si, norm[s:e]))
    parsed: dict[tuple[int, int], object] = {}
    from pipeline.text.nlp import parse_texts

    for lang, rows in by_lang.items():
        # repeated sentences (leads, captions, titles in the body, here or in an earlier batch) are
        # parsed once and share a Doc; entities are computed only for the Docs whose entity labels
        # are read (``ent_type``: a few argument tests on triggers), when first read, except that
        # the Docs which will most likely be asked get them at once, in one batch (cheaper)
        docs = parse_texts(lang, [r[2] for r in rows], lazy_ner=True,
                           need_ner=lambda d, _l=lang: _likely_reads_entities(d, _l))
        for (k, si, _), doc in zip(rows, docs):
            parsed[(k, si)] = doc
    results = []
    for k, prep in enumerate(prepared):
        if prep is None:
            results.append([])
            continue
        st, sents, norm = prep
        docs = {si: parsed[(k, si)] for si in range(len(sents)) if (k, si) in parsed}
        # a rule error propagates: the extract stage retries the batch article by article and
        # quarantines the failing one (extraction_error) instead of publishing it with no events
        results.append(_process_article(st, sents, docs))
    return results


def extract_mentions(article_id: str, body: str, language: str, published: date | None,
                     title: str | None = None) -> list[EventMention]:
    """Event mentions of one article (the title is not extracted: it repeats the body)."""
    return next(extract_many([(article_id, body, language, published, title)], batch_size=1))


__all__ = ["extract_mentions", "extract_many", "split_sentences", "find_triggers", "is_candidate", "could_trigger",
           "trigger_positions"]
