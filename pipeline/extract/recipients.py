"""Recipients the parse does not give directly: the target place of an attack, a state's own
people (domestic events by convention), the author of a referenced earlier event ("a rejeté ces
accusations"), and, article-wide (`fill_recipients`), the counterpart of the actor's country in
the latest earlier event that involved it. Never the most-mentioned country; a named party the
resolver cannot place stays unknown."""
from __future__ import annotations

from dataclasses import replace

from pipeline.core.models import ActorRef
from pipeline.extract import actors as actors_mod
from pipeline.extract import arguments as args_mod
from pipeline.extract.actors import Resolution, fold, resolvable
from pipeline.extract.coref import PRON_1
from pipeline.extract.grammar import (
    OBJ_DEPS,
    OF_PREPS,
    PASS_SUBJ_DEPS,
    RECIP_PREPS,
    SUBJ_DEPS,
    TIME_WORDS,
    np_tokens,
    objects_of,
    owners_of,
    sequenced_clause,
    span_text,
    subject_of,
)
from pipeline.extract.lexicon import TriggerSpec, shared_set
from pipeline.extract.parties import FOREIGN_REPRESENTATIVES, QUANTITY_NOUNS, Party, content_words, countries_of
from pipeline.extract.senses import prep_args as _prep_args
from pipeline.extract.senses import prep_of as _prep_of
from pipeline.extract.triggers import lookup_spec
from pipeline.text.nlp import ent_type

_QUOTE_CHARS = '"«»“”'

COUNTERPART_NOUNS = shared_set("counterpart_nouns")
DOMESTIC_TARGET_SECTORS = {"POL", "CVL", "MED", "JUD", "LEG", "BUS"}


def domestic_target(tok, actors: list) -> list:
    """A state coercing a group named without nationality ("banned all political parties",
    "arrested journalists", "a dissous les partis d'opposition") or a protest ("a dispersé le sit-in"): its own people."""
    if not (countries := [p for p in actors if p.res.ref.country]):
        return []
    objs = objects_of(tok) + [c for c in tok.children if c.dep_ in PASS_SUBJ_DEPS]
    for o in objs:
        if o.pos_ != "NOUN":
            continue
        g = o
        if fold(o.lemma_) in QUANTITY_NOUNS or fold(o.text) in QUANTITY_NOUNS:
            g = next((x for c in o.children if c.dep_ in ("prep", "nmod") for x in ([c] if c.dep_ == "nmod" else c.children)
                      if x.pos_ == "NOUN"), o)
        secs = [actors_mod.SECTOR_WORDS.get(fold(x.lemma_)) or actors_mod.SECTOR_WORDS.get(fold(x.text))
                for x in [g] + [c for c in g.children if c.dep_ in ("compound", "amod")]] + ["CVL" if any(
                    getattr(lookup_spec(o.doc.lang_, "NOUN", w), "event_type", None) == "PROTEST"  # ("sit-in" split)
                    for w in (o.lemma_.lower(), "".join(x.text for x in o.doc[o.i:o.i + 3]).lower())) else None]
        sec = next((x for x in secs if x in DOMESTIC_TARGET_SECTORS), None)
        if sec in DOMESTIC_TARGET_SECTORS and not any(
                actors_mod.demonym_country(c.text) for c in g.children if c.dep_ in ("amod", "compound", "nmod")):
            a = countries[0].res.ref
            ref = ActorRef(text=g.text, name=None, country=a.country, sector=sec)
            return [Party(Resolution(ref, None, "domestic", 0, len(g.text)), g.i, "context")]
    return []


DIPLOMATIC_MISSIONS = shared_set("diplomatic_missions")


def own_state_recipients(actors: list, recips: list) -> list:
    """A country's own people or opposition addressing "the government" with no nationality address
    their own state ("l'opposition a accusé le gouvernement"), not the government the article named
    last (which the context reading of a bare title would give)."""
    if not actors or not args_mod.domestic_actor([p.res.ref for p in actors]):
        return recips
    own = next(p.res.ref.country for p in actors if p.res.ref.country)
    return [Party(Resolution(replace(p.res.ref, country=own), None, "domestic", 0, 0), p.tok_i, p.how)
            if p.how == "context" and p.res.ref.sector == "GOV" and p.res.ref.country != own else p for p in recips]


def mission_target(tok, resolve) -> list:
    """A protest held at a foreign embassy or consulate ("rallied outside the Bulgarian embassy",
    "devant l'ambassade de France") is addressed to the country of the mission."""
    host = tok.head if tok.pos_ == "NOUN" and tok.dep_ in ("obj", "dobj") and tok.head.pos_ in ("VERB", "AUX") else tok
    # (a protest noun shares the place of the light verb it is the object of: "staged a protest outside the embassy")
    for _p, c in _prep_args(tok) + (_prep_args(host) if host.i != tok.i else []):
        # the mission itself, or the complement of a locative noun ("in front of the embassy")
        for g in [c] + [x for _q, x in _prep_args(c)]:
            if (g.pos_ == "NOUN" and fold(g.lemma_) in DIPLOMATIC_MISSIONS) or _mission_compound(g):
                return [x for x in resolve(g) if x.res.ref.country]
    return []


def _mission_compound(g) -> bool:
    """A mission named by a compound ("the Ghana High Commission"): its last words are a mission."""
    words = [c.lower_ for c in g.children if c.dep_ == "compound" and c.i < g.i] + [g.lower_]
    return g.pos_ in ("NOUN", "PROPN") and len(words) > 1 and any(
        fold(" ".join(words[k:])) in DIPLOMATIC_MISSIONS for k in range(len(words) - 1))


PURPOSE_MARKS = shared_set("purpose_marks")


def purpose_target(tok, resolve, actors: list) -> list:
    """A protest whose purpose clause names a foreign party ("ont défilé à Paoua pour dénoncer
    l'agression tchadienne", "marched to condemn Russian strikes") is addressed to that country."""
    own = {p.res.ref.country for p in actors}
    for c in tok.children:
        if c.dep_ not in ("advcl", "xcomp", "obl", "acl") or "Inf" not in c.morph.get("VerbForm") or \
                not any(m.dep_ in ("mark", "case") and m.lower_ in PURPOSE_MARKS for m in c.children):
            continue
        # the object, or the nationality of the act it names ("l'agression tchadienne")
        named = [t for o in objects_of(c) for t in [o] + [a for a in o.children if a.dep_ == "amod"]]
        found = [x for t in named for x in resolve(t) if x.res.ref.country and x.res.ref.country not in own]
        if found:
            return found
    return []


# Types whose unnamed target is the actor's own country by convention (protests, strikes,
# arrests, crackdowns: shared/README.md "Domestic events"); a pattern can also say `domestic`.
DOMESTIC_TYPES = {"PROTEST", "COERCE"}
# themes, not patients: "a déployé l'armée", "a livré des vivres"
THEME_OBJECT_TYPES = {"MOBILIZE", "AID", "ASSAULT", "RETREAT"}


# a march or a deployment "to X" goes there: X is its goal, not whom it addresses
MOVEMENT_TYPES = {"PROTEST", "MOBILIZE"}
MOVEMENT_GOAL_PREPS = shared_set("movement_goal_preps")


def domestic_recipient(tok, spec: TriggerSpec, actors: list, lang: str, foreign_nearby: bool = False,
                       host=None) -> list:
    """The actor's own country as recipient when the event's patient is a group named without
    nationality ("a rencontré une délégation de dirigeants paysans", "la police a dispersé les
    manifestants") or when the type is domestic by convention and names no target. A patient
    named by a proper noun the resolver could not place stays unknown."""
    countries = [p for p in actors if p.res.ref.country]
    if not countries:
        return []
    own = countries[0].res.ref.country
    if any(FOREIGN_REPRESENTATIVES & {fold(w) for w in p.res.ref.text.lower().split()} for p in countries):
        # an embassy or envoy addressing "the authorities" addresses its host's, not its own
        own = host() if host is not None else None
        if own is None or own in {p.res.ref.country for p in countries}:
            return []
    # a blockade's object is the road, port or bridge blocked, no patient: its proper-noun complement
    # names where ("ont barré la route de Tavan Tolgoi"); another country named nearby still forbids
    # the domestic reading
    theme = spec.event_type in THEME_OBJECT_TYPES or (spec.event_type == "PROTEST" and spec.mode == "obstruct")
    cands = [] if theme else list(objects_of(tok) if spec.pos == "VERB" else [])
    cands += [c for p, c in _prep_args(tok) if p in RECIP_PREPS.get(lang, RECIP_PREPS["en"])
              and not (spec.event_type in MOVEMENT_TYPES and p in MOVEMENT_GOAL_PREPS)]
    if spec.pos == "NOUN" and spec.de_role == "patient":
        cands += owners_of(tok)
    group = None
    for o in cands:
        if o.lemma_.lower() in TIME_WORDS:
            continue  # "banned the march on Saturday": a date, no named patient
        if o.pos_ == "PROPN" and not o.text.islower():  # a lower-case "PROPN" is a common noun
            return []
        if o.pos_ not in ("NOUN", "PROPN") or args_mod.own_possessed(o):
            continue  # (the subject's own envoy or troops, "recalled its ambassador", are no patient group)
        g = o
        if fold(o.lemma_) in QUANTITY_NOUNS or fold(o.text) in QUANTITY_NOUNS:
            g = next((x for p, x in _prep_args(o) if x.pos_ == "NOUN"), o)
        near = [g] + [c for c in g.children if c.dep_ in ("compound", "amod", "nmod")]
        if any(c.pos_ == "PROPN" or actors_mod.demonym_country(c.text) for c in near[1:]) or \
                fold(g.lemma_) in COUNTERPART_NOUNS:
            return []  # "thanked his counterpart": another country's party, left to the discourse
        if any(actors_mod.SECTOR_WORDS.get(fold(x.lemma_)) or actors_mod.SECTOR_WORDS.get(fold(x.text))
               for x in near if x.dep_ != "nmod" or _prep_of(x) in OF_PREPS):
            group = g
            break
    if group is None and (spec.need_recipient or foreign_nearby or not (spec.domestic or spec.event_type in DOMESTIC_TYPES)):
        return []
    text = group.text if group is not None else ""
    ref = ActorRef(text=text, name=None, country=own, sector="CVL")
    return [Party(Resolution(ref, None, "domestic", 0, len(text)), group.i if group is not None else tok.i, "context")]


# Reactions to an earlier event named by an anaphoric object ("denied the claim", "dismissed the
# protest", "welcomed the move", "condemned this strike", "a rejeté ces mesures"): the recipient is
# the actor of the referenced event.
ANAPHOR_TYPES = {"REJECT", "SUPPORT", "ACCUSE"}
ANAPHOR_DETS = shared_set("anaphor_dets")
# "par la voix de son porte-parole": the mouthpiece of the act's subject, no author of what it answers
VOICE_NOUNS = frozenset(fold(w) for w in shared_set("voice_nouns"))
# nouns naming what someone said: the referent is the latest statement-like event
SAID_NOUNS = shared_set("said_nouns")
SAID_TYPES = {"ACCUSE", "PROTEST", "THREATEN", "REQUEST", "REJECT"}
# generic nouns for an action: the referent is the latest event by another party
ACTION_NOUNS = shared_set("action_nouns")


def _quoted(t) -> bool:
    """A complement in quotation marks is a label ("qualifié la mesure de « représailles »"), no author."""
    return any(c.text in _QUOTE_CHARS for c in t.children)


def _names_party(prep) -> bool:
    """Does an "of" complement name a party ("the claims of Egypt", "the accusation of the
    ministry"), not the content ("the charge of blackmail", "the accusation of spying")?"""
    return any(g.pos_ in ("PROPN", "PRON") or actors_mod.SECTOR_WORDS.get(fold(g.lemma_))
               for g in prep.children if g.dep_ in ("pobj", "pcomp"))


def anaphoric_recipient(tok, lang: str, prior: list, actors: list, pos: int) -> list:
    objs = [c for c in tok.children if c.dep_ in OBJ_DEPS | {"obj", "obl:arg"} and c.pos_ == "NOUN"]
    # "une accusation rejetée par le Venezuela": the participle's head noun is its patient
    head_patient = not objs and tok.dep_ in ("acl", "amod") and tok.head.pos_ == "NOUN"
    if head_patient:
        objs = [tok.head]
    elif not objs and (subj := [c for c in tok.children if c.dep_ in ("nsubj:pass", "nsubjpass") and c.pos_ == "NOUN"]):
        objs, head_patient = subj, True  # ... or its passive subject ("une exigence aussitôt balayée par Helsinki")
    if not objs and tok.pos_ == "NOUN":
        return []
    for o in objs:
        dets = [c.lower_ for c in o.children if c.dep_ in ("det", "predet")]
        if not head_patient and not any(d in ANAPHOR_DETS for d in dets):
            continue
        if any((c.dep_ in ("poss", "nmod:poss", "acl", "acl:relcl", "relcl") and c.i != tok.i and not sequenced_clause(c)) or
               (c.dep_ == "prep" and c.lower_ in ("by", "from")) or
               (c.dep_ == "prep" and c.lower_ == "of" and _names_party(c)) or
               (c.dep_ == "nmod" and _prep_of(c) in ("de", "du", "des", "d'", "par") and not _quoted(c)
                and fold(c.lemma_) not in VOICE_NOUNS) or
               (c.dep_ == "compound" and c.pos_ == "PROPN") for c in o.children):
            continue  # the object names its own author ("rejected Egypt's proposal")
        lem = o.lemma_.lower()
        nspec = lookup_spec(lang, "NOUN", lem)
        own = {(p.res.ref.entity_id or p.res.ref.text) for p in actors}
        own_c = {p.res.ref.country for p in actors if p.res.ref.country}
        earlier = [c.mention for c in reversed(prior) if c.mention.trigger_start < pos and c.mention.status != "negated"
                   and c.mention.actor and not any((a.entity_id or a.text) in own for a in c.mention.actor)]
        said = lem in SAID_NOUNS or fold(lem) in SAID_NOUNS
        if said and nspec is not None and nspec.event_type == "ACCUSE" and (
                charge := next((m for m in earlier if m.event_type == "ACCUSE"), None)) is not None:
            # "dismissed the torture allegations": a noun naming a charge refers to the latest charge,
            # not to a later protest or demand
            return [Party(Resolution(replace(a), None, "anaphor", 0, 0), tok.i, "context") for a in charge.actor]
        for m in earlier:
            if said:
                if m.event_type not in SAID_TYPES and "reported_speech" not in m.notes:
                    continue
            elif nspec is not None:
                # same type, or the nominalisation of the referent's verb ("a tiré ..." / "ce tir")
                if m.event_type != nspec.event_type and fold(m.trigger)[:3] != fold(lem)[:3]:
                    continue
            elif lem in ACTION_NOUNS or fold(lem) in ACTION_NOUNS:
                if countries_of(m.actor) <= own_c and own_c:
                    continue
            else:
                return []
            return [Party(Resolution(replace(a), None, "anaphor", 0, 0), tok.i, "context") for a in m.actor]
        return []
    return []


DENIAL_LEMMAS = frozenset(fold(w) for w in shared_set("denial_lemmas"))


def denied_accusation_recipient(tok, spec: TriggerSpec, prior: list, actors: list, recips: list, pos: int) -> list:
    """A denial with no other party named ("Kampala a démenti toute activité de ses troupes", "la
    police a démenti avoir tiré") answers the latest accusation made against the denier's country:
    it is addressed to the accuser (of the same country when the charge was domestic)."""
    return _answered_party(tok, spec, prior, actors, recips, pos, denial=True, answered="ACCUSE")


def refused_demand_recipient(tok, spec: TriggerSpec, prior: list, actors: list, recips: list, pos: int) -> list:
    """A refusal with no other party named ("le Premier ministre a exclu de suspendre l'accord") answers
    the latest demand made of the refuser's country: it is addressed to whoever made it (of the same
    country when the demand was domestic). Denials answer accusations instead (above)."""
    return _answered_party(tok, spec, prior, actors, recips, pos, denial=False, answered="REQUEST")


def _answered_party(tok, spec: TriggerSpec, prior: list, actors: list, recips: list, pos: int, *,
                    denial: bool, answered: str) -> list:
    """The author of the latest asserted `answered` event made of the rejecting side's country."""
    own_c = {p.res.ref.country for p in actors} - {None}
    if spec.event_type != "REJECT" or (fold(tok.lemma_) in DENIAL_LEMMAS) != denial or not own_c or \
            {p.res.ref.country for p in recips} - own_c - {None}:
        return []
    for c in reversed(prior):
        m = c.mention
        if m.trigger_start >= pos or m.status != "asserted" or m.event_type != answered:
            continue
        if countries_of(m.recipient) & own_c and countries_of(m.actor):
            return [Party(Resolution(replace(a), None, "anaphor", 0, 0), tok.i, "context") for a in m.actor
                    if a.country]
    return []
    for c in reversed(prior):
        m = c.mention
        if m.trigger_start >= pos or m.status != "asserted" or m.event_type != "REQUEST":
            continue
        if countries_of(m.recipient) & own_c and countries_of(m.actor):
            return [Party(Resolution(replace(a), None, "anaphor", 0, 0), tok.i, "context") for a in m.actor
                    if a.country]
    return []


NO_RECIPIENT_TYPES = {"PROTEST", "MOBILIZE", "ASSAULT"}
# a deployment with no named target in a story about two countries is aimed at the counterpart
# ("Greece deployed frigates south of Crete" in a dispute with Libya); protests and attacks are not
NO_DISCOURSE_RECIPIENT_TYPES = NO_RECIPIENT_TYPES - {"MOBILIZE"}
PLACE_TARGET_TYPES = {"ASSAULT"}
DESTINATION_TYPES = {"MOBILIZE"}
# shows of force aimed at the country they are staged next to ("drills around Taiwan", "warships off
# the coast of Libya"), named by these prepositions only (a destination "to X" may be an ally)
PROXIMITY_TARGET_TYPES = {"MOBILIZE"}
PROXIMITY_PREPS = shared_set("proximity_preps")
# trade measures aimed at a country named only by the nationality of its goods; cuts, closures,
# reopenings and deployments aimed at a country named only by the nationality of the border,
# crossing or localities concerned ("vers cinq localités birmanes", "à la frontière soudanaise")
# or the partner of the crossing ("le point de passage de Kraké avec le Nigeria")
GOODS_TARGET_TYPES = {"SANCTION", "COERCE", "CONCEDE", "MOBILIZE"}
PARTNER_PREPS = shared_set("partner_preps")


def _host(tok, spec: TriggerSpec):
    """The verb whose arguments a noun trigger shares when it is that verb's object ("launched
    strikes on X", "imposed tariffs on Y"), else the trigger itself."""
    if spec.pos == "NOUN" and tok.dep_ in ("obj", "dobj") and tok.head.pos_ in ("VERB", "AUX"):
        return tok.head
    return tok


def goods_target_recipient(tok, spec: TriggerSpec, actors: list) -> list:
    """The country a trade measure targets when it names it only by the nationality of its goods
    ("sanctions on Russian oil exports", "banned imports of Pakistani goods")."""
    host = _host(tok, spec)
    own = {p.res.ref.country for p in actors}
    # (an arrest or seizure "at the Colombian border crossing" happens there: its patient is whom it
    # takes, not the nationality of the place)
    capture = spec.event_type == "COERCE" and spec.mode in CAPTURE_MODES
    nouns = [c for x in {tok.i: tok, host.i: host}.values() for c in objects_of(x) + [
             g for _, g in ([] if capture else _prep_args(x))] if c.pos_ == "NOUN" and c.i != tok.i]
    nouns += [g for n in list(nouns) for p, g in _prep_args(n) if p in ("of", "de", "d'", "des", "du") and g.pos_ == "NOUN"]
    for n in nouns:
        for g in n.children:
            country = actors_mod.demonym_country(g.text) if g.dep_ in ("amod", "compound") else None
            if country and country not in own:
                ref = ActorRef(text=g.text, name=None, country=country, sector="GOV")
                return [Party(Resolution(ref, None, "place", 0, len(g.text)), g.i, "place")]
        for p, g in _prep_args(n):
            country = actors_mod.name_country(g.text, g.lang_) if p in PARTNER_PREPS and g.pos_ == "PROPN" else None
            if country and country not in own:
                ref = ActorRef(text=g.text, name=None, country=country, sector="GOV")
                return [Party(Resolution(ref, None, "place", 0, len(g.text)), g.i, "place")]
    return []


# where an event happens or the route it takes ("marched through Kathmandu", "rallied outside Parliament"):
# a setting, not a party
LOCATIVE_PREPS = shared_set("locative_preps")
# head words of named places that are settings, never parties ("Tahrir Square", "la place de la République")
LANDMARK_HEADS = shared_set("landmark_heads")
CROSSING_HEADS = shared_set("crossing_heads")


def target_place_recipient(tok, spec: TriggerSpec, actors: list, lang: str) -> list:
    """The country of a named place an attack is aimed at (its object, "contre"/"sur"/"against"
    oblique, or the oblique of the light verb of a noun trigger), when not the attacker's own."""
    host = _host(tok, spec)
    show_of_force = spec.event_type in PROXIMITY_TARGET_TYPES
    rprep = PROXIMITY_PREPS if show_of_force else RECIP_PREPS.get(lang, RECIP_PREPS["en"])
    # a deployment's or drill's object is its own forces (a theme), never the target
    cands = objects_of(host) if not show_of_force and (host.pos_ in ("VERB", "AUX") and host.i != tok.i or spec.pos == "VERB") else []
    cands = [c for c in cands if c.i != tok.i]
    cands += [c for x in {tok.i: tok, host.i: host}.values() for p, c in _prep_args(x) if p in rprep and p not in ("de", "d'")]
    # "struck a site near Kisweh, south of Damascus": a bearing from a named place
    cands += [g for x in {tok.i: tok, host.i: host}.values() for b in x.children
              if b.dep_ in ("advmod", "npadvmod") and fold(b.lemma_) in BEARINGS
              for p, g in _prep_args(b) if p == "of"]
    # "une série de frappes contre X", "lancé des drones et des missiles sur X"
    clause, hops = host, 0
    while clause.pos_ not in ("VERB", "AUX") and hops < 2 and clause.head.i != clause.i and \
            clause.dep_ in ("nmod", "obj", "dobj", "pobj", "prep", "obl:arg"):
        clause, hops = clause.head, hops + 1
    if clause.pos_ in ("VERB", "AUX"):
        cands += args_mod.aimed_at(clause, [c for c in clause.children if c.dep_ in SUBJ_DEPS | PASS_SUBJ_DEPS])
    hit = args_mod.place_target(cands)
    if hit is None or hit[0] in {p.res.ref.country for p in actors}:
        return []
    country, t = hit
    ref = ActorRef(text=t.text, name=None, country=country, sector="CVL")
    return [Party(Resolution(ref, None, "place", 0, len(t.text)), t.i, "place")]


def _patient_candidates(tok, locative: bool, owner_filter, destination: bool = True) -> list:
    """Tokens naming the patient of a trigger: objects, prepositional arguments (`locative`: also
    "à/in X"; not `destination`: only a target "against X", a deployment's "to X" or "under Article
    245" being its destination or its legal basis), and the capitalised owners of noun candidates
    that pass `owner_filter`."""
    cands = objects_of(tok) if tok.pos_ in ("VERB", "AUX", "ADJ") else []
    cands += [c for p, c in _prep_args(tok) if (locative or p not in LOCATIVE_PREPS) and
              (destination or p in args_mod.TARGET_PREPS)]
    # "a rejeté les propositions de X": the named owner of the object
    cands += [o for c in list(cands) if c.pos_ == "NOUN" for o in owners_of(c) if o.text[:1].isupper()
              if owner_filter(o)]
    return cands


def _unplaceable(o) -> bool:
    return not resolvable(span_text(o.doc, np_tokens(o))[0], "fr" if o.lang_ == "fr" else "en")


UNNAMED_MODS = shared_set("unnamed_mods")
FIRST_PERSON = frozenset(w for forms in PRON_1.values() for w in forms)
BEARINGS = shared_set("bearings")


def _named_unresolved_patient(tok, locative: bool = True, destination: bool = True) -> bool:
    """Does the trigger name its patient with a proper noun the resolver could not place? Then the
    party is unknown and stays unknown (no discourse fallback)."""
    if tok is None:
        return False
    cands = _patient_candidates(tok, locative, _unplaceable, destination)
    # entity labels only through ent_type(): a Doc's recogniser may not have run yet (lazy NER), and a
    # raw read of the token attribute would then depend on what parsed the Doc before. A place name
    # counts: an unplaceable "Zorbanistan" is a party the resolver cannot place, which stays unknown
    # "accused unnamed foreign-backed groups": a patient the text says it does not name stays unknown too
    # a first-person patient no quotation attributes ("accused us of ...") is the unnamed author's side
    return any(c.lower_ in FIRST_PERSON and c.pos_ == "PRON" for c in cands) or any(c.pos_ == "PROPN" and c.lemma_.lower() not in TIME_WORDS
               and not _placed(c) and ent_type(c) not in ("DATE", "TIME") for c in cands) or \
        any(g.dep_ == "amod" and g.lower_ in UNNAMED_MODS for c in cands for g in c.children)


def _placed(t) -> bool:
    """Is this proper noun a party the resolver places or names by its sector ("Kathmandu",
    "Parliament") or a named landmark ("Independence Square")? Then it is no unplaceable patient."""
    lem, low = fold(t.lemma_), fold(t.text)
    if lem in actors_mod.SECTOR_WORDS or low in actors_mod.SECTOR_WORDS or lem in LANDMARK_HEADS or low in LANDMARK_HEADS \
            or any(c.dep_ == "compound" and fold(c.lemma_) in LANDMARK_HEADS for c in t.children) \
            or (t.dep_ in ("nmod", "pobj") and fold(t.head.lemma_) in CROSSING_HEADS):
        # (or the name of a crossing: "le point de passage de Taftan" is a place, not a party)
        return True
    return not _unplaceable(t)


SYMMETRIC_TYPES = {"CONSULT", "COOPERATE", "AGREE"}
# thanks, aid and appeals are often a third party's (a mediator, a donor): they do not set the
# two sides that "les deux pays" / "both sides" refer to
THIRD_PARTY_TYPES = {"SUPPORT", "AID", "REQUEST"}
# coordinated parties of these act on each other ("Indian and Chinese troops completed the withdrawal")
MUTUAL_TYPES = {"RETREAT", "ASSAULT"}
STATE_SECTORS = {"GOV", "MIL"}


def _clause_partner(cands: list, cur):
    """The mention of the verb `cur`'s verb is coordinated with ("a accusé X et a écarté Y"), same actor, with a recipient."""
    tok = getattr(cur.mention, "_tok", None)
    if tok is None or tok.pos_ != "VERB" or tok.dep_ != "conj":
        return None
    for c in cands:
        other = getattr(c.mention, "_tok", None)
        if other is not None and other.doc is tok.doc and other.i == tok.head.i and c.mention.recipient and \
                [a.text for a in c.mention.actor] == [a.text for a in cur.mention.actor]:
            return c.mention
    return None


# detentions and seizures: whoever holds the people or the ship is who releases them
CAPTURE_MODES = frozenset(("arrest", "seize"))


def captor_of(cands: list, released: list | None = None):
    """The latest earlier asserted detention or seizure with a located actor, the unnamed agent of a passive
    release ("30 arrested ... twelve of them were freed"); one holding the `released` people's words first."""
    found = [c.mention for c in reversed(cands) if c.mention.event_type == "COERCE" and c.mention.mode in CAPTURE_MODES
             and countries_of(c.mention.actor) and c.mention.status not in ("negated", "hypothetical")]
    words = {w for p in released or () for w in content_words(p.res.ref.text)}
    return next((m for m in found if words & {w for r in m.recipient for w in content_words(r.text)}),
                found[0] if found else None)


def fill_recipients(cands: list, memory=None) -> None:
    """Recipient clean-up: drop same-country recipients when another country is named; an event
    whose parse gives no recipient takes the counterpart of the actor's country in the latest
    earlier event of the article that involved that country ("Kigali a démenti" answers the last
    exchange with Kinshasa). Never the most-mentioned country; an unplaced named party stays unknown."""
    last_counterpart: dict[str, tuple] = {}  # country -> counterpart countries, latest first
    third: dict[str, tuple] = {}  # country -> the third party that last addressed it (ally, donor, mediator)
    domestic_so_far: set = set()  # countries an earlier event showed acting on their own people
    guessed: set = set()  # countries whose latest counterpart was guessed from a later event
    for c in cands:
        m = c.mention
        ac = countries_of(m.actor)
        ahead = False  # a counterpart found only later in the article (a guess)
        if ac and m.recipient:
            other = [r for r in m.recipient if r.country and r.country not in ac]
            if other and len(other) < len(m.recipient):
                m.recipient = other
            elif not other and all(r.country in ac for r in m.recipient if r.country):
                same_sector = {a.sector for a in m.actor} & {r.sector for r in m.recipient}
                # "Israel withdrew troops ... Israel's military": the state and its own forces are
                # one side, not actor and target
                own_state = all(r.sector in STATE_SECTORS for r in m.recipient) and all(
                    a.sector in STATE_SECTORS for a in m.actor) and m.event_type in MUTUAL_TYPES | {"MOBILIZE"}
                if (same_sector or own_state) and (m.event_type not in NO_RECIPIENT_TYPES or own_state) and \
                        "recipient_domestic" not in m.notes:
                    m.recipient = []
        rc = countries_of(m.recipient)
        if len(ac) >= 2 and not rc and m.event_type == "MOBILIZE" and m.status != "negated":
            # "les forces guyaniennes et américaines ont entamé un exercice": two countries' forces
            # manoeuvring together with no named target hold a joint exercise (COOPERATE)
            m.event_type, m.mode, m.symmetric = "COOPERATE", "military", True
            m.notes.append("joint_show_of_force")
        mixed = len(ac) == 1 and len(m.actor) == 2 and len({a.sector in STATE_SECTORS for a in m.actor}) == 2
        if (len(ac) >= 2 or mixed) and not rc and (m.symmetric or m.event_type in SYMMETRIC_TYPES | MUTUAL_TYPES):
            # "Moscou et Pékin ont réaffirmé leur soutien mutuel", "Indian and Chinese troops
            # completed the withdrawal", "the drivers and the government agreed": coordinated parties
            # (of two countries, or a people and its state) with no other target act on each other
            first = m.actor[0].country
            m.recipient = m.actor[1:] if mixed else [a for a in m.actor if a.country and a.country != first]
            m.actor = m.actor[:1] if mixed else [a for a in m.actor if a.country == first or not a.country]
            m.symmetric = True
            m.notes = [n for n in m.notes if n != "recipient_unresolved"] + ["recipient_from_coordination"]
            ac, rc = countries_of(m.actor), countries_of(m.recipient)
        tok = getattr(m, "_tok", None)
        if ac and not rc and args_mod.domestic_actor(m.actor) and \
                not _named_unresolved_patient(tok, locative=False):
            # unions, protesters, farmers, opposition parties with no named target: their own state
            rc = args_mod.fill_domestic(m, ac)
        if ac and not rc and (prev := _clause_partner(cands, c)) is not None:
            # "a accusé les organisateurs ... et a écarté toute idée de retrait": the same subject's
            # coordinated act in the same sentence addresses the same party
            m.recipient = list(prev.recipient)
            m.notes = [n for n in m.notes if n != "recipient_unresolved"] + ["recipient_from_coordinated_act"]
            rc = countries_of(m.recipient)
        # (a deployment's "to/in X" is its destination, not a patient: "sent troops to Itungi")
        places_patients = m.event_type not in DESTINATION_TYPES
        if ac and not rc and not _named_unresolved_patient(tok, locative=places_patients, destination=places_patients):
            counter = next((last_counterpart[a] for a in sorted(ac) if a in last_counterpart), None) or \
                next((third[a] for a in sorted(ac) if a in third), None)
            if counter is None and not (ac & domestic_so_far):
                # (not once the story has shown the country dealing with its own people: a later
                # foreign party is not what its next acts answer)
                counter = args_mod.next_counterpart(cands, c, ac)
                ahead = counter is not None
            if len(ac) >= 2:  # (two countries' parties acting together do not act on one of them)
                counter = tuple(k for k in counter if k not in ac) if counter else None
            if counter is None and not args_mod.foreign_in_sentence(memory, m, ac) and args_mod.story_side(memory, ac):
                # the actor's country has no foreign counterpart anywhere in the article: a
                # domestic story (a government answering its own unions, a state of emergency)
                rc = args_mod.fill_domestic(m, ac)
            elif counter and m.event_type not in NO_DISCOURSE_RECIPIENT_TYPES:
                m.recipient = [ActorRef(text="", name=None, country=k, sector="GOV") for k in counter]
                m.notes = [n for n in m.notes if n != "recipient_unresolved"] + ["recipient_from_discourse"]
                m.confidence = max(0.05, m.confidence - 0.15)
                rc = countries_of(m.recipient)
        if len(ac) == 1 and rc == ac and m.status == "asserted":
            domestic_so_far |= ac
            for a in ac & guessed:  # a counterpart guessed ahead is forgotten once the country acts at home
                last_counterpart.pop(a, None)
        if ac and rc and not (ac & rc) and m.status not in ("negated", "hypothetical"):
            guessed = (guessed | ac) if ahead else (guessed - ac)
            for a in ac:
                last_counterpart[a] = tuple(sorted(rc))
            for r in rc:
                # a third party's act towards a side is that side's counterpart only when it has no other
                (third if args_mod.third_party_act(m) else last_counterpart)[r] = tuple(sorted(ac))


def unnamed_meeting_parties(tok, spec: TriggerSpec, status: str, actors: list, recips: list, dyad: tuple):
    """The two sides of a scheduled meeting that names no participant, the subject of its clause
    ("Une commission mixte doit se réunir à Kinshasa le 16 mars", "La prochaine réunion se tiendra
    à Buenos Aires"): the sides of the story's last two-sided event (`ArticleState.dyad`); None when
    the meeting names a party, is not announced, or the story has no two sides."""
    if spec.event_type != "CONSULT" or status != "future" or actors or len(dyad) != 2:
        return None
    if tok.pos_ == "NOUN" and tok.dep_ not in ("nsubj", "nsubj:pass"):
        return None  # "rappelé pour consultations", "appelé au dialogue"
    if tok.pos_ != "NOUN" and not any(c.pos_ in ("NOUN", "PRON") for c in subject_of(tok)):
        return None
    sides = [r.ref.country for r in dyad]
    if None in sides or sides[0] == sides[1] or any(p.res.ref.country not in sides for p in recips):
        return None
    return [Party(dyad[0], tok.i, "pair")], [Party(dyad[1], tok.i, "pair")]


RELEASE_NOUNS = shared_set("release_nouns")
DEMAND_FOR_PREPS = shared_set("demand_for_preps")


def release_demanded_of(tok, cands, actors) -> list:
    """A demand for someone's release ("demanded the immediate release of the crew", "called for the
    freeing of the traders") with no one named is addressed to the captor: the actor of the latest
    earlier detention or seizure of the article, when it is of another country (`captor_of`)."""
    if tok.pos_ != "VERB":
        return []
    asked = objects_of(tok) + [c for p, c in _prep_args(tok) if p in DEMAND_FOR_PREPS]
    asked += [g for c in asked for g in c.conjuncts]
    if not any(fold(c.lemma_) in RELEASE_NOUNS for c in asked if c.pos_ == "NOUN"):
        return []
    cap = captor_of(cands)
    own = {p.res.ref.country for p in actors}
    if cap is None or not countries_of(cap.actor) or countries_of(cap.actor) & own:
        return []
    return [Party(Resolution(r, None, "context", 0, len(r.text)), tok.i, "context") for r in cap.actor if r.country]
