"""Actor and recipient of a trigger from the parse (`parties_for`): subject or passive agent,
object or the pattern's oblique, "de X" complements, possessives and demonyms of noun triggers,
light and governing verbs, "entre X et Y", coordinated subjects of reciprocal events, the patient
of a refused or requested act. Roles come from the pattern's spec, never from proximity."""
from __future__ import annotations

from pipeline.core.models import ActorRef
from pipeline.extract import actors as actors_mod
from pipeline.extract import arguments as args_mod
from pipeline.extract.actors import fold, resolve_span
from pipeline.extract.grammar import (
    AGENT_PREPS,
    COMITATIVE,
    OBJ_DEPS,
    OF_PREPS,
    PASS_SUBJ_DEPS,
    RECIP_PREPS,
    SUBJ_DEPS,
    is_passive,
    object_conjunct,
    objects_of,
    owners_of,
    subject_of,
)
from pipeline.extract.lexicon import TriggerSpec, shared_set
from pipeline.extract.parties import (
    FOREIGN_REPRESENTATIVES,
    POSS_1,
    POSS_3,
    PROPOSAL_TYPES,
    TRANSPARENT_NOUNS,
    Party,
    Resolver,
)
from pipeline.extract.senses import prep_args as _prep_args
from pipeline.extract.senses import prep_of as _prep_of
from pipeline.extract.status import circumstantial
from pipeline.extract.triggers import (
    CONDEMNING_VERBS,
    CONTENT_TYPES,
    EVALUATIVE_VERBS,
    JOINT_AGREEMENT_VERBS,
    lookup_spec,
)

LIGHT_OBL_VERBS = shared_set("light_obl_verbs")
# a journey for a meeting ("flew to Nairobi for talks with"): the traveller is a party of the talks
TRIP_VERBS = shared_set("trip_verbs")
TRIP_PURPOSE_PREPS = shared_set("trip_purpose_preps")
MANNER_PREPS = shared_set("manner_event_preps")
CAUSING_VERBS = shared_set("causing_verbs")
AWAITED_VISITOR_VERBS = shared_set("awaited_visitor_verbs")
LOCATIVE_A = shared_set("locative_a_preps")
ADDRESSEE_CLAUSE_VERBS = shared_set("addressee_clause_verbs")
RECIPROCAL_MODIFIERS = shared_set("reciprocal_modifiers")
ADDRESSEE_ACT_VERBS = shared_set("addressee_act_verbs")
ACTION_NOUNS = shared_set("action_nouns")  # a decision, a plan, a move: someone's act
TARGET_PREPS = shared_set("target_preps") | {"over"}
# types whose "for X" names the party that benefits (support for, aid for), and those prepositions
BENEFICIARY_TYPES = {"SUPPORT", "AID"}
BENEFICIARY_PREPS = shared_set("beneficiary_preps")
AID_DESTINATION_PREPS = shared_set("aid_destination_preps")
BENEFICIARY_NOUNS = shared_set("beneficiary_nouns")
OF_COMPLEMENT_PREPS = OF_PREPS - {None}
# participles naming the target of a measure or strike ("visant", "targeting")
TARGETING_VERBS = shared_set("targeting_verbs")
ACTIVE_ONLY_MODES = shared_set("active_only_modes")
TIME_WORDS = frozenset(fold(w) for w in shared_set("time_words"))


def _active_only_participle(tok, spec: TriggerSpec) -> bool:
    """A participle of a verb with no passive hung on a noun ("Around 200 people protested in X",
    misparsed as a reduced relative): the noun is its subject, not its patient."""
    return tok.dep_ == "acl" and spec.mode in ACTIVE_ONLY_MODES


def parties_for(tok, spec: TriggerSpec, R: Resolver, triggers_idx: set[int]):
    """Return (actors, recipients, notes, symmetric) for trigger `tok`."""
    lang = R.st.lang
    actors: list[Party] = []
    recips: list[Party] = []
    notes: list[str] = []
    # "leur soutien mutuel", "mutual support": a trigger qualified as reciprocal is one whatever its type
    symmetric = spec.symmetric or any(fold(c.lemma_) in RECIPROCAL_MODIFIERS for c in tok.children if c.dep_ == "amod")
    rprep = RECIP_PREPS.get(lang, RECIP_PREPS["en"])
    aprep = AGENT_PREPS.get(lang, AGENT_PREPS["en"])

    def add(lst, toks):
        for t in toks:
            if t.i in triggers_idx and t.i != tok.i and t.pos_ == "NOUN" and not args_mod.agent_noun(t):
                continue
            lst.extend(R.resolve_tok(t))

    def pairs_from_entre():
        # "un échange de tirs entre X et Y": the parser may hang "entre" under the complement
        # ... or under the verb the event noun is the subject or object of ("exchanges of fire were
        # reported between A and B")
        gov = [tok.head] if tok.dep_ in OBJ_DEPS | PASS_SUBJ_DEPS | {"nsubj"} and tok.head.i != tok.i else []
        for p, c in _prep_args(tok) + [x for p0, c0 in _prep_args(tok) if p0 in ("de", "d'", "of") for x in _prep_args(c0)] \
                + [x for g in gov for x in _prep_args(g)]:
            if p in ("entre", "between"):
                ps = R.resolve_tok(c)
                if len({x.res.ref.country for x in ps}) >= 2 or len(ps) >= 2:
                    return ps
        return None

    is_verb = spec.pos == "VERB" and _verbal(tok)
    if is_verb:
        # (a participle coordinated with a passive shares its voice: "was boarded and seized by X")
        passive = is_passive(tok) or (tok.dep_ == "conj" and tok.tag_ == "VBN" and is_passive(tok.head) and
                                      not any(c.dep_ in SUBJ_DEPS for c in tok.children)) or (tok.dep_ in ("acl",) and "Part" in tok.morph.get("VerbForm") and tok.tag_ != "VBG"
                                       and not any(c.dep_.startswith("aux") or c.dep_ in OBJ_DEPS for c in tok.children))
        if tok.pos_ == "ADJ" and tok.dep_ in ("acl", "amod"):
            passive = True
        passive = passive and not _active_only_participle(tok, spec) and not object_conjunct(tok)
        if passive:
            add(actors, [c for p, c in _prep_args(tok) if p in aprep] or _agent_after_setting(tok, aprep))
            pass_subj = [c for c in tok.children if c.dep_ in PASS_SUBJ_DEPS]
            visitor, destination, pass_subj = _awaited_visit(tok, pass_subj)
            add(actors, visitor)
            add(recips, destination)
            if pass_subj:
                add(recips, pass_subj)
            elif tok.dep_ in ("acl", "amod") and tok.head.pos_ in ("NOUN", "PROPN"):
                head = tok.head
                if head.i in triggers_idx or lookup_spec(lang, "NOUN", head.lemma_.lower()):
                    # "une accusation rejetée par le Venezuela": the accused/accuser of the head event
                    pass
                else:
                    add(recips, [head])
            elif tok.dep_ == "conj":
                add(recips, [c for c in tok.head.children if c.dep_ in PASS_SUBJ_DEPS])
            if not actors:
                # English passive participle without "by": nothing
                pass
        else:
            subs = subject_of(tok)
            add(actors, subs)
            if not actors and any(c.lower_ in ("me", "m'", "nous") and c.dep_ not in ("obj", "iobj") or
                                  (c.lower_ in ("me", "m'") and c.dep_.startswith("expl")) for c in tok.children):
                sp = R.speaker(tok)
                if sp is not None:
                    actors.append(Party(sp, tok.i, "coref"))
            if not subs and (tok.dep_ in ("acl:relcl", "relcl") or _active_only_participle(tok, spec)) \
                    and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
                add(actors, [tok.head])
            if not subs and tok.dep_ == "acl" and fold(tok.head.lemma_) in ACTION_NOUNS and not (
                    tok.head.dep_ == "pobj" and tok.head.head.lower_ in TARGET_PREPS):
                # "Malaysia's decision to release 96 detainees": the owner of the decision acts (a
                # decision marched against is background: "protested against the decision to suspend talks")
                add(actors, owners_of(tok.head))
            objs = objects_of(tok)
            # French clitic objects ("le", "la", "lui", "les") and "m'a appelé"; the actor's own
            # ("recalled its ambassador from X") is no recipient: the place it is taken from is
            add(recips, _measure_targets(spec, objs, rprep) or [o for o in objs if not args_mod.own_possessed(o)]
                or args_mod.own_possessed_from(objs))
            if not recips and spec.event_type in ("ASSAULT", "COERCE", "REJECT", "AGREE", "SUPPORT"):
                # "recaptured the village from Russian forces", "seized the tanker from Iran"; the
                # author of what is answered: "declined an invitation from Samoa", "accepted an offer from X"
                for o in objs:
                    add(recips, [g for c in o.children if c.dep_ == "prep" and c.lower_ == "from"
                                 for g in c.children if g.dep_ == "pobj"])
            for p, c in _prep_args(tok) + args_mod.adverbial_prep_args(tok):
                if p in rprep and c.i != tok.i and not args_mod.fronted_adjunct(c, subs):
                    if spec.event_type in ("ACCUSE",) and p in ("de", "d'", "of"):
                        continue
                    n0 = len(recips)
                    add(recips, [c])
                    if len(recips) == n0 and c.pos_ == "NOUN":
                        # "marched against the government's decision", "protest contre la
                        # réforme du gouvernement": the owner of the policy is the target
                        add(recips, owners_of(c))
            if not recips and (spec.event_type in args_mod.TRANSFER_TYPES or spec.mode == "visit"):
                # (a visit's destination too: "would send a delegation of inspectors to Surabaya")
                dest = args_mod.theme_destinations(tok, objs) + [c for p, c in _prep_args(tok) if p in args_mod.DESTINATION_PREPS]
                add(recips, dest)
                recips += [] if recips else [Party(r, t.i, "parse") for t, r in args_mod.destination_places(dest, lang)]
            if not recips:  # "restored relations with Iran", "signed an agreement with Finland"
                add(recips, args_mod.object_complements(objs) or args_mod.place_left(tok, spec))
            if not recips and spec.symmetric:
                # "s'est entretenu par téléphone avec son homologue chinois": the parser hangs the
                # comitative under the means oblique
                for _p, c in _prep_args(tok):  # (or "au téléphone avec le roi de Bahreïn")
                    if c.pos_ == "NOUN":
                        add(recips, [g for p2, g in _prep_args(c) if p2 in COMITATIVE])
            # object control: "a appelé les soldats américains à ..." handled by objs
        if not recips and (spec.event_type in CONTENT_TYPES or tok.lemma_.lower() in ADDRESSEE_ACT_VERBS):
            # (or a concession or gift agreed to: "a accepté de livrer du diesel au Pérou")
            # "a refusé de signer l'accord avec la Pologne", "denied bombing Sudan": the refused,
            # threatened or requested act's patient is the recipient (the act itself is not coded)
            for c in tok.children:
                if c.dep_ in ("xcomp", "ccomp", "dobj", "obj") and c.pos_ in ("VERB", "AUX"):
                    if c.dep_ == "ccomp" and spec.event_type == "REQUEST" and tok.lemma_.lower() in ADDRESSEE_CLAUSE_VERBS:
                        # "a exigé que Varsovie respecte ...": the one asked to act is addressed
                        add(recips, subject_of(c))
                        if recips:
                            notes.append("recipient_from_embedded_act")
                            break
                    objs = objects_of(c)
                    add(recips, objs + [g for p, g in _prep_args(c) if p in rprep])
                    if not recips:
                        add(recips, _object_complements(objs, rprep))
                    if recips:
                        notes.append("recipient_from_embedded_act")
                        break
        if not recips and not passive and spec.event_type in CONTENT_TYPES and object_conjunct(tok):
            # "a convoqué l'ambassadeur de l'Inde et réclamé le respect de ...": the party the
            # first verb addressed is the one the demand is made to
            add(recips, [tok.head])
        if not recips and tok.dep_ == "xcomp" and tok.head.pos_ == "VERB":
            # "menacé de frapper X" -> recipients of the governing verb if any
            for c in tok.head.children:
                if c.dep_ in OBJ_DEPS:
                    pass
    else:
        # noun trigger
        for c in tok.children:
            if c.dep_ == "amod":
                rr = actors_mod.demonym_country(c.text)
                if rr:
                    r = resolve_span(c.text, lang, R.on_date)
                    if r:
                        r.ref.sector = "MIL" if spec.event_type in ("ASSAULT", "MOBILIZE") else r.ref.sector
                        actors.append(Party(r, c.i, "parse"))
            if c.dep_ in ("det", "poss", "nmod:poss") and c.lower_ in POSS_3.get(lang, set()) | POSS_1.get(lang, set()):
                ps = R.possessor(c, tok) if c.lower_ in POSS_3.get(lang, set()) else R.resolve_tok(c)
                (recips if spec.de_role == "patient" else actors).extend(ps)
            if c.dep_ in ("poss", "nmod:poss") and c.pos_ in ("PROPN", "NOUN"):
                add(recips if spec.de_role == "patient" else actors, [c])
            if c.dep_ == "compound" and lang == "en":
                r = R.resolve_tok(c)
                if r:
                    (recips if spec.de_role == "patient" else actors).extend(r)
        for p, c in _prep_args(tok) + _agent_under_patient(tok, aprep):
            if p in ("de", "du", "des", "d'", "of"):
                if spec.de_role == "agent" and not actors:
                    add(actors, [c])
                elif spec.de_role == "patient":
                    add(recips, [c])
                elif spec.event_type in ("SANCTION", "COERCE", "ASSAULT") and not spec.de_role:
                    pass
            elif p in aprep:
                add(actors, [c])
            elif p in rprep:
                add(recips, [c])
        if not actors and tok.dep_ == "ROOT" and not any(c.dep_ == "cop" for c in tok.children):
            # "la Centrale ouvrière menace d'appeler à la grève": a present-tense verb the parser
            # took for its noun (a root noun with a subject, no copula: not "c'est un soutien")
            add(actors, [c for c in tok.children if c.dep_ in ("nsubj", "nsubj:pass")])
        add(recips, _targeted(tok, recips) or ([] if recips else _own_envoy_post(tok)))
        # light verb / governing verb; an aspectual noun governing the trigger is transparent
        # ("ont annoncé un resserrement de la coopération", "the resumption of talks")
        anchor = tok
        for _ in range(2):
            h = anchor.head
            if h.i != anchor.i and h.pos_ == "NOUN" and fold(h.lemma_) in TRANSPARENT_NOUNS and (
                    anchor.dep_ in ("nmod", "pobj") and (_prep_of(anchor) in ("de", "du", "des", "d'", "of"))):
                anchor = h if anchor.dep_ == "nmod" else h.head if h.dep_ == "prep" else h
            else:
                break
        tok_dep = anchor.dep_
        gov = anchor.head if anchor.head.i != anchor.i else None
        hops = 0
        while gov is not None and gov.pos_ not in ("VERB", "AUX") and hops < 2 and gov.head.i != gov.i and tok_dep in ("nmod", "obl", "pobj", "prep"):
            gov, hops = gov.head, hops + 1
        light_ok = tok_dep in ("obj", "dobj", "xcomp", "attr", "nsubj:pass", "nsubjpass", "obl:arg") or (
            gov is not None and gov.lemma_.lower() in LIGHT_OBL_VERBS) or _manner_event(anchor) or (
            gov is not None and gov.lemma_.lower() in TRIP_VERBS and _prep_of(anchor) in TRIP_PURPOSE_PREPS)
        if gov is not None and gov.pos_ in ("VERB", "AUX") and light_ok:
            glem = gov.lemma_.lower()
            if tok_dep in ("nsubj:pass", "nsubjpass"):
                if not actors:
                    for p, c in _prep_args(gov):
                        if p in aprep:
                            add(actors, [c])
            elif not (gov.i in triggers_idx and tok_dep not in ("obj", "dobj") and gov.lemma_.lower() not in EVALUATIVE_VERBS):
                if not actors and not is_passive(gov) and glem not in CONDEMNING_VERBS and \
                        glem not in CAUSING_VERBS:  # (not who condemns it, nor what caused it)
                    # (a subject the parser labelled passive is repaired for the verb's own event and
                    # its object, not for an oblique: "a mis en avant 700 extraditions")
                    subs = [x for x in subject_of(gov) if x.dep_ not in PASS_SUBJ_DEPS or tok_dep in ("obj", "dobj")]
                    if subs:
                        add(actors, subs)
                        notes.append("actor_from_governing_verb")
                    elif gov.dep_ in ("acl:relcl", "relcl", "acl") and gov.head.pos_ in ("NOUN", "PROPN"):
                        add(actors, [gov.head])
                elif not actors and is_passive(gov):
                    for p, c in _prep_args(gov):
                        if p in aprep:
                            add(actors, [c])
                for p, c in _prep_args(gov) + args_mod.adverbial_prep_args(gov):
                    if p in rprep and c.i not in (tok.i, anchor.i) and c.i not in triggers_idx:
                        add(recips, [c])
                if spec.event_type in ("REQUEST",) or (spec.symmetric and glem in ("inviter", "invite", "proposer")):
                    add(recips, [c for c in gov.children if c.dep_ in OBJ_DEPS and c.i not in (tok.i, anchor.i)])
                if glem in args_mod.PATIENT_SUBJECT_VERBS:  # "Russia faces sanctions", "X suffered an attack by Y"
                    if "actor_from_governing_verb" in notes:
                        actors, recips = recips, actors
                    elif not recips and not is_passive(gov):
                        add(recips, subject_of(gov))
        gspec = lookup_spec(lang, "VERB", gov.lemma_.lower()) if gov is not None and gov.pos_ == "VERB" else None
        if not actors and spec.symmetric and gspec is not None and gov.i in triggers_idx and \
                gspec.event_type == "AGREE" and gov.lemma_.lower() in JOINT_AGREEMENT_VERBS and not is_passive(gov):
            # "X et Y se sont entendus sur la création de patrouilles communes": the joint act's
            # parties are the sides of the agreement
            add(actors, subject_of(gov))
            if actors:
                notes.append("actor_from_governing_verb")
        ent = pairs_from_entre()
        if not ent:  # "de nouveaux combats ont opposé A et B"
            opposed = [p for c in args_mod.opposed_parties(tok) for p in R.resolve_tok(c)]
            ent = opposed if len(opposed) >= 2 else ent
        if ent:
            actors, recips = [ent[0]], ent[1:]
            symmetric = True
        if not actors and spec.symmetric and circumstantial(tok):
            # "Macron et Merz ont signé ... au terme d'un entretien", "agreed in a phone call": the
            # participants of the meeting are the subjects of the clause it is the setting of
            g = tok.head
            for _ in range(4):
                if g.pos_ in ("VERB", "AUX") or g.head.i == g.i:
                    break
                g = g.head
            if g.pos_ in ("VERB", "AUX") and not is_passive(g):
                add(actors, subject_of(g))
                if actors:
                    notes.append("actors_from_clause_of_setting")
    if is_verb and not recips and spec.event_type in PROPOSAL_TYPES | {"ACCUSE"}:
        # "a rejeté la proposition présentée par le Qatar", "demandé l'aide du Brésil",
        # "rejected Egypt's proposal": the party behind the rejected/requested thing is the recipient
        things = objects_of(tok) + [c for c in tok.children if c.dep_ in PASS_SUBJ_DEPS]
        for th in things:
            if th.pos_ != "NOUN":
                continue
            nspec = lookup_spec(lang, "NOUN", th.lemma_.lower())
            if nspec is not None and nspec.de_role == "patient":
                continue
            add(recips, _thing_owners(th, aprep, spec.event_type in PROPOSAL_TYPES))
    _add_beneficiaries(tok, spec, is_verb, add, recips)
    # reciprocal: coordinated subjects of a symmetric event ("Trump et Petro ont discuté")
    if spec.symmetric or symmetric:
        ent = pairs_from_entre()
        if ent and len(ent) >= 2:
            actors, recips = [ent[0]], ent[1:]
            symmetric = True
        if recips and len(actors) >= 2 and is_verb and len({a.res.ref.country for a in actors if a.res.ref.country}) >= 2 \
                and not any(p in ("avec", "with") for p, _ in _prep_args(tok)):
            # "Le Nigeria et le Niger ont convenu ...", "Macron et Merz ont signé un accord ... contre la
            # Russie": coordinated subjects of different countries are the two sides of a reciprocal
            # event; a third country named elsewhere in the clause is its topic, not a party
            recips = []
        if not recips and len(actors) >= 2:
            countries = []
            for a in actors:
                if a.res.ref.country not in countries:
                    countries.append(a.res.ref.country)
            if len(countries) >= 2:
                first = actors[0]
                recips = [a for a in actors[1:] if a.res.ref.country != first.res.ref.country]
                actors = [a for a in actors if a.res.ref.country == first.res.ref.country]
                symmetric = True
        if recips and actors:
            symmetric = True
    return actors, recips, notes, symmetric


def _awaited_visit(tok, pass_subj):
    """(visitor, destination, passive subjects left) of "la ministre est attendue à Port-Vila": the
    awaited visitor travels to the place; other passives keep their subjects as patients."""
    if tok.lemma_.lower() not in AWAITED_VISITOR_VERBS:
        return [], [], pass_subj
    return (pass_subj or [c for c in tok.children if c.dep_ == "nsubj"],
            [c for p, c in _prep_args(tok) if p in args_mod.DESTINATION_PREPS | LOCATIVE_A], [])


def _verbal(tok) -> bool:
    """A verb, or a participle the tagger took for a noun after its auxiliary ("a téléphoné")."""
    return tok.pos_ in ("VERB", "AUX", "ADJ") or any(c.dep_ in ("aux", "aux:tense") for c in tok.children)


def _targeted(tok, recips: list) -> list:
    """"des sanctions visant trois responsables russes", "un gel des avoirs et une interdiction de
    séjour visant X", "strikes targeting X": the objects of a targeting participle of the noun or
    of a noun coordinated with it (when no recipient is found yet)."""
    out: list = []
    if recips:
        return out
    for n in [tok] + [c for c in tok.children if c.dep_ == "conj" and c.pos_ == "NOUN"]:
        for c in n.children:
            if c.dep_ in ("acl", "amod", "advcl") and c.lemma_.lower() in TARGETING_VERBS:
                out.extend(objects_of(c))
    return out


def _manner_event(t) -> bool:
    """A bare event noun saying how the clause's act is done ("closed their shops in protest", "walked
    out in protest at the ruling"): the clause's subject is its actor."""
    return t.dep_ == "pobj" and t.head.lower_ in MANNER_PREPS and not any(c.dep_ in ("det", "poss", "amod", "compound") for c in t.children)


def _measure_targets(spec: TriggerSpec, objs, rprep) -> list:
    """A light verb's own measure ("a relevé ses taxes sur le riz pakistanais", a verb+noun
    trigger whose noun is the object): the party its oblique aims at."""
    if " " not in spec.lemma:
        return []
    return [g for o in objs for p, g in _prep_args(o) if p in rprep]


def _object_complements(objs, rprep) -> list:
    """The party an embedded act's object is aimed at: its oblique ("signer la déclaration avec la
    Pologne"), else its owner ("threatened to dock the wages of striking staff")."""
    out = [g for o in objs for p, g in _prep_args(o) if p in rprep]
    return out or [g for o in objs if o.pos_ == "NOUN" for g in owners_of(o)]


def _add_beneficiaries(tok, spec: TriggerSpec, is_verb: bool, add, recips: list) -> None:
    """"expressed support for Bamako", "solidarity with", "backing for Tripoli's position": the
    beneficiary of a SUPPORT/AID trigger with no recipient yet, or of the support noun a light verb
    governs, else its owner."""
    if recips or spec.event_type not in BENEFICIARY_TYPES:
        return
    hosts = [tok] + ([o for o in objects_of(tok) if o.pos_ == "NOUN"] if is_verb else [])
    for c in [c for h in hosts for p, c in _prep_args(h) if p in BENEFICIARY_PREPS]:
        n0 = len(recips)
        add(recips, [c])
        if len(recips) == n0 and c.pos_ == "NOUN":
            add(recips, owners_of(c))
    if not recips and spec.event_type == "AID":
        add(recips, _aid_destinations(hosts))


def _aid_destinations(hosts) -> list:
    """Where aid goes when named after its amount: "une aide de 5 millions d'euros au Tchad / en
    faveur du Tchad", "an aid package of $5 million to Chad" (the verb carries "to Chad"): the
    destinations on the amount's chain of of-complements, from the aid noun up and down."""
    chain = []
    for h in hosts:
        up = h
        while up.dep_ in ("compound", "nmod", "pobj") and up.head.pos_ in ("NOUN", "NUM", "ADP") and up.head.i != up.i:
            up = up.head.head if up.dep_ == "pobj" else up.head
            chain.append(up)
        frontier = [h]
        for _ in range(3):
            frontier = [c for x in frontier for p, c in _prep_args(x) if p in OF_COMPLEMENT_PREPS and c.pos_ in ("NOUN", "NUM")]
            chain += frontier
    chain = [h for h in hosts + chain if h.pos_ in ("NOUN", "NUM")]
    governing = [x.head for x in chain if x.dep_ in ("obj", "dobj") and x.head.pos_ == "VERB"]
    out = []
    for x in chain + governing:
        for p, c in _prep_args(x):
            if p in AID_DESTINATION_PREPS | BENEFICIARY_PREPS:
                out.append(c)
            elif fold(c.lemma_) in BENEFICIARY_NOUNS:
                out += [g for p2, g in _prep_args(c) if p2 in OF_COMPLEMENT_PREPS]
    return out


def _thing_owners(th, aprep, owned: bool = True) -> list:
    """The party behind a rejected, requested or condemned thing: its agent ("la proposition
    présentée par le Qatar"), owner ("Egypt's proposal", "de X", "of X"; when `owned`) or the
    nationality of an act ("the French decision")."""
    out = []
    for c in th.children:
        if not owned:
            if c.dep_ == "amod" and fold(th.lemma_) in ACTION_NOUNS and actors_mod.demonym_country(c.text):
                out.append(c)
        elif c.dep_ in ("acl", "acl:relcl", "relcl") and c.pos_ in ("VERB", "ADJ"):
            out += [g for p, g in _prep_args(c) if p in aprep]
        elif c.dep_ in ("nmod", "poss", "nmod:poss") and (c.dep_ != "nmod" or _prep_of(c) in ("de", "du", "des", "d'")):
            out.append(c)
        elif c.dep_ == "amod" and fold(th.lemma_) in ACTION_NOUNS and actors_mod.demonym_country(c.text):
            out.append(c)
        elif c.dep_ == "prep" and c.lower_ == "of":
            out += [g for g in c.children if g.dep_ == "pobj"]
    return out


def _own_envoy_post(tok) -> list:
    """"le rappel de son ambassadeur à Alger": the post a side's own envoy is called back from."""
    return [g for p, c in _prep_args(tok) if p in OF_COMPLEMENT_PREPS and fold(c.lemma_) in FOREIGN_REPRESENTATIVES
            and any(d.dep_ == "det" and "Yes" in d.morph.get("Poss") for d in c.children)
            for p2, g in _prep_args(c) if p2 in LOCATIVE_A]


def _agent_after_setting(tok, aprep) -> list:
    """The by-phrase of a passive participle that the parser hung on the date or the place right
    after it ("interpellés dimanche par l'armée", "refoulés vers le Kasaï par la police"), or on the
    noun the participle describes ("des douaniers interpellés samedi par la gendarmerie"): its
    agent (the first one, in the participle's own stretch of words)."""
    for t in tok.doc[tok.i + 1: tok.i + 9]:
        if t.pos_ in ("VERB", "AUX") or t.text in (",", ";", ":", "(", ")"):
            return []
        if t.lower_ in aprep and t.dep_ == "case":
            g, host = t.head, t.head.head
            if tok.i < host.i < t.i and (fold(host.lemma_) in TIME_WORDS or host.pos_ == "PROPN") or (
                    tok.dep_ == "acl" and host.i == tok.head.i):  # (or on the participle's own noun)
                return [g]
            return []
    return []


def _agent_under_patient(tok, aprep) -> list:
    """"the arrest of a journalist by the police": the parser often hangs the agent's by-phrase on
    the of-complement; (prep, token) pairs of those agents."""
    return [(p2, g) for p0, c0 in _prep_args(tok) if p0 in ("de", "du", "des", "d'", "of")
            for p2, g in _prep_args(c0) if p2 in aprep]


# sectors of a titled public figure of a country: a state official's title ("Foreign Affairs Minister",
# "army spokesman", "police chief") or a member of its political life ("opposition MP", "senator",
# "People's Party leader"), whom a reporter names without nationality when of the home side
STATE_OFFICIAL_SECTORS = ("GOV", "MIL", "COP", "POL", "LEG")
POLITICAL_SECTORS = ("POL", "LEG")


def titled_counterpart(tok, recips, dyad, home: str | None = None) -> ActorRef | None:
    """A state official the text names by title and name but not by country ("Foreign Affairs
    Minister Jane Doe summoned the Ruritanian ambassador", "ministry spokesman X hit back, accusing
    Ruritania"), acting on one side of the story's two states: the official of the other side (a
    reporter names the country of the other side's officials, so the unnamed one is the home side's
    only when the other side is the one acted on). With no two sides set yet, the `home` country
    (the story's place), when given and not the side acted on."""
    sides = {r.ref.country for r in dyad}
    # (the side acted on named in the clause, not a pronoun's referent: "released him")
    r_ctry = {p.res.ref.country for p in recips if p.how == "parse"} - {None}
    if len(r_ctry) != 1 or tok.pos_ != "VERB":
        return None
    if home is not None and r_ctry == {home} and all(p.res.ref.sector in args_mod.DOMESTIC_ACTOR_SECTORS
                                                    for p in recips if p.how == "parse"):
        other_country = home  # "le Premier ministre X a reproché à l'opposition": the opposition's own state
    elif len(dyad) == 2 and None not in sides and len(sides) == 2 and r_ctry <= sides:
        other_country = next(r.ref.country for r in dyad if r.ref.country not in r_ctry)
    elif home is not None and len(dyad) != 2 and home not in r_ctry:
        other_country = home
    else:
        return None
    # (a common noun with no name of its own: "the foreign ministry", not "Tromsø police"; not the
    # speaker of a reported passive: "a guard was killed, officials said")
    subs = [x for x in subject_of(tok) if x.pos_ == "PROPN" or x.pos_ == "NOUN" and not any(
        c.pos_ == "PROPN" for c in x.children if c.dep_ in ("compound", "nmod", "amod"))]
    if len(subs) != 1 or _reported_from(tok, subs[0]):
        return None
    text = "".join(x.text_with_ws for x in subs[0].subtree if x.i <= subs[0].i).strip()
    sec = args_mod.state_title(text)
    if sec not in STATE_OFFICIAL_SECTORS:
        return None
    if sec in POLITICAL_SECTORS and not all(p.res.how in ("country", "capital") for p in recips if p.how == "parse"):
        # a party or an MP often acts on its own government ("the Democratic Party accused the Meloni
        # government"): of the other side only when acting on the other state itself ("accused Malaysia")
        return None
    return ActorRef(text=text, name=None, country=other_country, sector=sec)


def _reported_from(tok, subj) -> bool:
    """Is `subj` the subject of a verb that reports the clause of `tok` (the path from `tok` up to the
    subject's verb goes through a clausal complement or a parataxis)?"""
    h, hops = tok, 0
    while h.i != subj.head.i and h.head.i != h.i and hops < 6:
        if h.dep_ in ("ccomp", "parataxis"):
            return True
        h, hops = h.head, hops + 1
    return False


ORDER_NOUNS = shared_set("order_nouns")
ORDER_PREPS = shared_set("order_preps")


def ordering_parties(tok, resolve) -> list:
    """The party on whose orders a passive act was done ("the crossing has been closed on Ruritania's
    orders", "were arrested on the orders of the governor"): its agent, resolved by `resolve`."""
    if not is_passive(tok):
        return []
    out = []
    for p, c in _prep_args(tok):
        if p in ORDER_PREPS and fold(c.lemma_) in ORDER_NOUNS:
            for o in owners_of(c) + [g for p2, g in _prep_args(c) if p2 == "from"]:
                out += resolve(o)
    return out
