"""Argument rules of the event coder that read the parse only (who did it to whom).

Kept apart from ``roles.py`` and ``parties.py`` (which call them): each function takes spaCy tokens and the word
sets of ``pipeline/data/patterns/shared.yaml``; none knows a word of its own.

- ``pronominal``: a French verb in the pronominal voice ("se sont entretenus", "se sont parlé",
  "se sont engagées") or an active verb conjugated with "être" ("sont convenus") is not a
  passive, whatever label the parser gave its subject (often ``nsubj:pass``);
- ``orphan_subject``: the noun phrase the parser cut off as a second root before the verb
  ("Les chefs de la diplomatie des deux pays, A et B, se sont entretenus") is its subject;
- ``coordinated_complements``: "des délégations de la RDC et du Rwanda", "delegations of X and
  Y": one party per coordinated complement of a group noun;
"""
from __future__ import annotations

from pipeline.core.models import ActorRef
from pipeline.extract.actors import SECTOR_WORDS, Resolution, demonym_country, fold, sector_word
from pipeline.extract.lexicon import enir_infinitive, shared_set
from pipeline.extract.places import ambiguous_capital_country, lookup_place

PASS_SUBJ_DEPS = {"nsubj:pass", "nsubjpass"}
# verbs whose compound tenses take "être" in the active voice (their subject is the agent)
ETRE_ACTIVE_VERBS = shared_set("etre_active_verbs")
REFLEXIVE_CLITICS = {"se", "s'"}


def pronominal(v) -> bool:
    """Is this verb pronominal or an active "être" verb rather than a passive? Never when a
    "par" agent is present ("a été convenu par les deux parties" stays a passive)."""
    kids = list(v.children)
    if any(c.dep_ in ("obl:agent",) or (c.dep_ == "obl" and c.pos_ in ("NOUN", "PROPN", "PRON") and any(
            g.lower_ == "par" and g.dep_ == "case" for g in c.children)) for c in kids):
        return False
    if any(c.lower_ in REFLEXIVE_CLITICS and c.pos_ == "PRON" for c in kids):
        return True
    lem = v.lemma_.lower()
    lem = (v.pos_ == "ADJ" and enir_infinitive(lem)) or lem  # ("sont convenus" tagged as an adjective)
    return lem in ETRE_ACTIVE_VERBS and any(c.dep_ in PASS_SUBJ_DEPS | {"nsubj"} for c in kids)


def pronominal_subjects(v) -> list:
    """The subject of a pronominal verb, which the parser labelled as a passive subject."""
    if not pronominal(v):
        return []
    return [c for c in v.children if c.dep_ in PASS_SUBJ_DEPS]


def misparsed_cosubject(v, subs) -> list:
    """"La Russie et l'Ukraine ont procédé ...": the parser made the verb a conjunct of the first
    subject (itself hung on a later verb) and gave it only the second one. The first is a
    co-subject when it precedes the verb's own subject with nothing verbal between them."""
    h = v.head
    if subs and v.dep_ != "conj":
        return _detached_cosubject(v, subs)
    if v.dep_ != "conj" or h.pos_ not in ("PROPN", "NOUN") or h.dep_ not in ("nsubj", "nsubj:pass") or not subs:
        return []
    first = min(x.i for x in subs)
    if h.i < first < v.i and not any(x.pos_ in ("VERB", "AUX") for x in v.doc[h.i + 1:first]):
        return [h]
    return []


def _detached_cosubject(v, subs) -> list:
    """"Le Kenya et l'Ouganda ont scellé ...": the parser left the first subject as a root of its
    own and hung only "et l'Ouganda" on the verb; the root just before that "et" is a co-subject."""
    first = min(x.i for x in subs)
    cc = [c for c in v.children if c.dep_ == "cc" and c.i < first]
    if not cc or cc[0].i == 0:
        return []
    x = v.doc[cc[0].i - 1]
    while x.head.i != x.i and x.dep_ in ("flat:name", "flat", "amod", "appos"):
        x = x.head
    if x.head.i == x.i and x.i != v.i and x.pos_ in ("PROPN", "NOUN"):
        return [x]
    return []


def _name_part(x) -> bool:
    return x.text[:1].isupper() and x.pos_ in ("PROPN", "NOUN", "ADJ", "ADV", "X")


def name_run(t) -> tuple[int, int]:
    """(first, last) token index of the run of capitalised words around `t`, across hyphens
    written without spaces ("Addis-Abeba" tokenised as three pieces)."""
    doc = t.doc
    a, b = t.i, t.i
    while True:
        if a > 0 and _name_part(doc[a - 1]) and (doc[a - 1].pos_ == "PROPN" or t.pos_ != "PROPN"):
            a -= 1
        elif a > 1 and doc[a - 1].text == "-" and not doc[a - 2].whitespace_ and not doc[a - 1].whitespace_ \
                and _name_part(doc[a - 2]):
            a -= 2
        else:
            break
    while True:
        # a capitalised "adverb" after a name is a mistagged part of it ("Abou Dhabi")
        if b + 1 < len(doc) and _name_part(doc[b + 1]) and (doc[b + 1].pos_ in ("PROPN", "ADV", "X") or t.pos_ != "PROPN"):
            b += 1
        elif b + 2 < len(doc) and doc[b + 1].text == "-" and not doc[b].whitespace_ and not doc[b + 1].whitespace_ \
                and _name_part(doc[b + 2]):
            b += 2
        else:
            break
    return a, b


def reporting_subject(t, pronouns):
    """The subject of the reporting clause a 3rd-person subject pronoun is embedded in
    ("Le gouvernement a annoncé qu'il recevrait les syndicats", "Japan said it would ..."), or
    None. Only a noun subject of the verb the pronoun's clause complements."""
    if t.lower_ not in pronouns or t.dep_ not in ("nsubj", "nsubj:pass", "nsubjpass"):
        return None
    v = t.head
    if v.dep_ != "ccomp" or v.head.i == v.i:
        return None
    subs = [c for c in v.head.children if c.dep_ in ("nsubj",) and c.pos_ in ("NOUN", "PROPN")]
    return subs[0] if subs else None


def fronted_adjunct(c, subjects) -> bool:
    """Is this oblique a sentence-initial adjunct placed before the subject ("À Doha, la
    délégation a exigé ...")? Then it is a circumstance, not the recipient."""
    return any(s.i > c.i for s in subjects) and _prep_word(c) in FRONTED_LOCATIVE_PREPS


def _prep_word(c) -> str:
    return next((g.lower_ for g in c.children if g.dep_ == "case"), c.head.lower_ if c.dep_ == "pobj" else "")


FRONTED_LOCATIVE_PREPS = shared_set("fronted_locative_preps")
# "a livré des médicaments au Liban": the destination the parser hung under the theme object
DESTINATION_PREPS = shared_set("destination_preps")
TIME_WORDS = shared_set("time_words")
TRANSFER_TYPES = {"AID"}


def theme_destinations(v, objs) -> list:
    """The "à X" / "to X" complements of the theme objects of a transfer ("a livré des vivres à
    Beyrouth", "sent tents to Vanuatu"): the parser often attaches them to the noun, not the verb
    (or to a weekday it took for the object: "a livré jeudi des vivres au Mali")."""
    objs = list(objs) + [c for c in v.children if c.dep_ == "obl:arg" or (
        c.dep_ in ("obl:mod", "obl", "obj") and c.lemma_.lower() in TIME_WORDS)]
    return [g for o in objs for g in o.subtree if g.i != o.i and g.dep_ in ("nmod", "obl", "obl:arg", "obl:mod", "pobj")
            and g.pos_ in ("PROPN", "NOUN") and _prep_word(g) in DESTINATION_PREPS]


def orphan_subject(v) -> list:
    """A noun phrase the parser left as a separate root before verb `v` (itself a root, with no
    subject): "Les chefs de la diplomatie des deux pays, A et B, se sont entretenus"."""
    if v.head.i != v.i:
        return []
    for t in v.doc[:v.i]:
        if t.head.i == t.i and t.i != v.i and t.pos_ in ("NOUN", "PROPN"):
            # nothing verbal of its own between it and the verb
            if not any(x.pos_ in ("VERB",) and x.head.i == t.i for x in v.doc[t.i:v.i]):
                return [t]
    return []


_VERB_LEFT_DEPS = frozenset(("aux", "aux:tense", "aux:pass", "expl", "expl:comp", "expl:pv", "expl:pass"))


def stranded_subject(v) -> list:
    """A coordinated noun phrase the parser hung on an earlier word, ending right before verb `v`
    (its reflexive and auxiliaries) after "et": v's subject ("X ont proposé d'accueillir des
    pourparlers, et l'émir du Koweït s'est entretenu avec ...")."""
    j = v.i - 1
    while j >= 0 and v.doc[j].head.i == v.i and v.doc[j].dep_ in _VERB_LEFT_DEPS:
        j -= 1
    if j < 0 or j == v.i - 1:
        return []
    t = v.doc[j]
    while t.head.i != t.i and t.head.right_edge.i == j and t.head.i < v.i and t.dep_ != "conj":
        t = t.head
    if t.dep_ == "conj" and t.pos_ in ("NOUN", "PROPN") and t.head.i < t.i and any(
            c.dep_ == "cc" and c.lower_ in ("et", "and") for c in t.children):
        return [t]
    return []


def interposed_relative_subject(v) -> list:
    """The antecedent of a relative clause set between the subject and verb `v`, which the parser
    made the main clause ("Le Bénin, qui n'a pas fermé sa frontière, a dépêché 300 soldats": "Bénin"
    hung on "fermé", "dépêché" left without subject)."""
    if not any(c.dep_ in ("aux", "aux:tense") for c in v.children):
        return []
    rels = [t for t in v.doc[2:v.i] if t.dep_ == "nsubj" and "Rel" in t.morph.get("PronType")
            and v.doc[t.i - 1].text == "," and t.head.i < v.i and any(x.text == "," for x in v.doc[t.head.i:v.i])]
    ante = v.doc[rels[-1].i - 2] if rels else None
    return [ante] if ante is not None and ante.pos_ in ("NOUN", "PROPN") and ante.head.i == rels[-1].head.i else []


def coordinated_complements(t) -> list:
    """Complements of a group noun coordinated across countries: "des délégations de la RDC et du
    Rwanda" -> [RDC, Rwanda] tokens (the head then stands for one party per complement)."""
    for c in t.children:
        is_de = c.dep_ == "nmod" and any(g.dep_ == "case" and g.lower_ in ("de", "du", "des", "d'") for g in c.children)
        if c.dep_ == "prep" and c.lower_ in ("of", "from"):
            c = next((g for g in c.children if g.dep_ == "pobj"), None)
            is_de = c is not None
        if not is_de:
            continue
        conj = [g for g in c.children if g.dep_ == "conj" and g.pos_ in ("PROPN", "NOUN")]
        if conj:
            return [c] + conj
    return []


# sectors of a country's own people and institutions other than its state: with no named target,
# their demands, strikes and protests address their own state (shared/README.md "Domestic events")
DOMESTIC_ACTOR_SECTORS = frozenset(shared_set("domestic_actor_sectors"))


# armed groups and NGOs named without nationality are parties of their own, coded [] (README)
OWN_PARTY_SECTORS = frozenset(shared_set("own_party_sectors"))


# sectors of a country's institutions a title names ("Employment Minister X", "Opposition leader X",
# "Chief Justice X"): a party of the story's country when no nationality is given
TITLE_SECTORS = ("GOV", "MIL", "COP", "POL", "LEG", "JUD")


def state_title(text: str) -> str | None:
    """The institutional sector (GOV, MIL, COP, POL, LEG, JUD) a phrase's title word names, if any
    ("Employment Minister X", "government officials", "la police", "Opposition leader X")."""
    from pipeline.extract.actors import SECTOR_WORDS

    for w in text.replace("'", " ").split():
        sec = SECTOR_WORDS.get(fold(w).strip(".,;:"))
        if sec in TITLE_SECTORS:
            return sec
    return None


def domestic_actor(actor_refs) -> bool:
    """Are all the actor's parties with a country non-state domestic groups (one country)?"""
    located = [a for a in actor_refs if a.country]
    return bool(located) and len({a.country for a in located}) == 1 and all(
        a.sector in DOMESTIC_ACTOR_SECTORS for a in located)


def fill_domestic(m, countries) -> frozenset:
    """Code a mention with no recipient as domestic: the actor's own country on both sides.
    Only for one actor country; returns the recipient countries now set."""
    if len(countries) != 1:
        return frozenset()
    (own,) = tuple(countries)
    m.recipient = [ActorRef(text="", name=None, country=own, sector="GOV")]
    m.notes = [n for n in m.notes if n != "recipient_unresolved"] + ["recipient_domestic_context"]
    return frozenset((own,))


def foreign_in_sentence(memory, m, countries) -> bool:
    """Does the mention's sentence name a party of another country than `countries`, or an
    international organisation ("tariffs on EU goods": not a domestic act)?"""
    if memory is None:
        return False
    return any(m.sentence_start <= e.pos < m.sentence_end and (
        (e.res.ref.country and e.res.ref.country not in countries) or (not e.res.ref.country and e.res.ref.sector == "IGO"))
        for e in memory.entries)


def story_side(memory, countries) -> bool:
    """Is one of `countries` a side the article tells about, named at least half as often as its
    most-named country? A third state's act with no target in a story about another country
    ("France urged restraint" in a story on Madagascar) is no domestic act of its own."""
    if memory is None:
        return True
    counts: dict = {}
    for e in memory.entries:
        if e.res.ref.country:
            counts[e.res.ref.country] = counts.get(e.res.ref.country, 0) + 1
    top = max(counts.values(), default=0)
    return any(2 * counts.get(c, 0) >= top for c in countries)


def side_capital(t, memory, text: str):
    """A capital whose name other places share ("Georgetown": Guyana's, a Washington university's,
    Penang's) names its state only as the proper-noun subject or object of a clause in a story where
    that state already is a side ("Georgetown a rejeté la proposition", "a accusé Georgetown")."""
    if t.pos_ != "PROPN" or t.dep_ not in ("nsubj", "nsubj:pass", "nsubjpass", "obj", "dobj", "iobj") or memory is None:
        return None
    c = ambiguous_capital_country(text)
    if c is None or not any(e.res.ref.country == c for e in memory.entries) or not story_side(memory, {c}):
        return None
    return Resolution(ActorRef(text=text, name=None, country=c, sector="GOV"), None, "capital", 0, len(text))


# prepositional phrases the French parser heads with an adverb ("auprès de X": advmod "auprès"
# with X as its oblique): their preposition is the adverb
ADVERBIAL_PREPS = shared_set("adverbial_preps")


def adverbial_prep_args(h) -> list:
    """(prep, token) pairs for "auprès de X", "face à X" parsed as an adverb with an oblique."""
    return [(c.lower_, g) for c in h.children if c.dep_ in ("advmod", "xcomp", "obl", "obl:mod") and c.lower_ in ADVERBIAL_PREPS
            for g in c.children if g.dep_ in ("obl", "obl:arg", "obl:mod", "nmod", "pobj") and g.pos_ in ("NOUN", "PROPN")]


TARGET_PREPS = shared_set("target_preps")


def aimed_at(host, skip) -> list:
    """Nouns of the clause of `host` introduced by a preposition of aim ("sur", "contre", "on",
    "against"), wherever the parser hung them ("lancé des drones et des missiles sur la région"),
    outside the subtrees of the tokens in `skip` (the subject)."""
    banned = {t.i for s in skip for t in s.subtree}
    out = []
    for x in host.subtree:
        if x.i in banned or x.pos_ not in ("NOUN", "PROPN"):
            continue
        if any(c.dep_ == "case" and c.lower_ in TARGET_PREPS for c in x.children) or (
                x.dep_ == "pobj" and x.head.lower_ in TARGET_PREPS):
            out.append(x)
    return out


def located_in(tok, preps) -> tuple | None:
    """(country, token) of the named place a noun's own locative complement puts it in ("schools in
    Romania", "fishermen in the Bahraini village of Hidd"), else None."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            hit = place_target([g for g in c.children if g.dep_ == "pobj"])
            if hit is not None:
                return hit
    return None


def place_target(cands) -> tuple | None:
    """(country, token) of the first named place among the patients/obliques `cands` of an attack
    and their complements ("des frappes contre plusieurs localités du sud du Liban", "a lancé des
    drones sur la région d'Odessa"): the country hit."""
    from pipeline.extract import places

    for c in cands:
        todo, seen = [(c, 0)], set()
        while todo:
            x, depth = todo.pop(0)
            if x.i in seen:
                continue
            seen.add(x.i)
            if depth == 0 and x.pos_ == "NOUN":
                # "shelled Ukrainian positions", "fired at an Israeli position": the nationality of the target
                for g in x.children:
                    country = demonym_country(g.text) if g.dep_ in ("amod", "compound") else None
                    if country:
                        return country, g
            if x.pos_ == "PROPN" and x.text[:1].isupper():
                name = " ".join(t.text for t in x.subtree if t.dep_ in ("flat", "flat:name", "compound") or t.i == x.i)
                country = places.country_by_name(name) or places.capital_country(name)
                if country is None:
                    g = places.lookup_place(name)
                    country = g.country if g is not None else None
                if country:
                    return country, x
            if depth < 3:
                todo.extend((g, depth + 1) for g in x.children
                            if g.dep_ in ("nmod", "obl", "pobj", "prep", "appos", "obl:arg", "obl:mod", "conj"))
    return None



def _countries(refs) -> frozenset:
    return frozenset(r.country for r in refs if r.country)


def next_counterpart(cands: list, cur, ac: frozenset):
    """Counterpart of `ac` in the first later event that names both sides (the article's first
    mentions often precede the sentence that names the dyad); a third party's act towards `ac`
    (`third_party_act`) only when no other event names it, and not in a story that shows the
    country acting on its own people (a foreign appeal to Islamabad after a march on it is no
    party to the march)."""
    return _next_counterpart(cands, cur, ac, True) or (
        None if any(c.mention.status == "asserted" and (a := _countries(c.mention.actor)) & ac and
                    a == _countries(c.mention.recipient) for c in cands)
        else _next_counterpart(cands, cur, ac, False))


def _next_counterpart(cands: list, cur, ac: frozenset, strict: bool):
    seen = False
    for c in cands:
        if c is cur:
            seen = True
            continue
        if not seen:
            continue
        a, r = _countries(c.mention.actor), _countries(c.mention.recipient)
        if a and r and not (a & r) and c.mention.status not in ("negated", "hypothetical"):
            if ac & a:
                return tuple(sorted(r))
            if ac & r and not (third_party_act(c.mention) and (strict or c.mention.event_type in DONOR_ACTS or
                                                              _non_state(c.mention.actor))):
                return tuple(sorted(a))
    return None


def _non_state(refs) -> bool:
    """Are these parties people of a country (unions, farmers, NGOs), not its state? ("France's farm union
    expressed solidarity with Spanish farmers": no counterpart of the Spanish government)"""
    return bool(refs) and all(a.sector in DOMESTIC_ACTOR_SECTORS or a.sector in OWN_PARTY_SECTORS for a in refs)


# reactions, aid and appeals are often a third party's (a mediator, a donor, an ally)
THIRD_PARTY_ACTS = frozenset(("SUPPORT", "AID", "REQUEST"))
# a donor's later delivery makes it no counterpart of what the story told before it (a government
# answering its own unions, then "Argentina said it would ship diesel to Bolivia")
DONOR_ACTS = frozenset(("AID",))


def third_party_act(m) -> bool:
    """Is this mention a third party's act towards one side of the story or both (an ally's
    solidarity, a donor's aid, a mediator's appeal or calls to both capitals)? Its recipients keep
    their own counterpart: "la Lettonie a exprimé sa solidarité avec Vilnius" does not make Latvia
    the country Vilnius answers next."""
    return m.event_type in THIRD_PARTY_ACTS or len(_countries(m.recipient)) >= 2

__all__ = ["interposed_relative_subject", "third_party_act", "reporting_subject", "fronted_adjunct", "state_title", "name_run", "misparsed_cosubject", "aimed_at", "adverbial_prep_args", "place_target", "foreign_in_sentence", "story_side", "domestic_actor", "fill_domestic", "pronominal", "pronominal_subjects", "orphan_subject", "coordinated_complements"]


def participle_agents(t) -> list:
    """The agent of a participle modifying a noun that names no party: "un avion affrété par la
    France", "a convoy funded by Saudi Arabia" -> the France, Saudi Arabia."""
    if t.pos_ != "NOUN":
        return []
    return [a for c in t.children if c.dep_ in ("acl", "amod") and c.pos_ == "VERB" and "Part" in c.morph.get("VerbForm")
            for a in c.children if (a.dep_ in ("obl:agent", "agent") or (a.dep_ == "obl" and _prep_word(a) in ("par",)))
            and a.pos_ in ("PROPN", "NOUN")] + [
        g for c in t.children if c.dep_ == "acl" and c.tag_ == "VBN" for a in c.children if a.dep_ == "agent"
        for g in a.children if g.dep_ == "pobj"]


def destination_places(toks, lang: str) -> list:
    """(token, Resolution) of the destinations of a transfer that name a city or region of the
    gazetteer rather than a state ("a livré à Port-Soudan des pompes"): the place's country."""
    out = []
    for t in toks:
        if t.pos_ != "PROPN":
            continue
        lo, hi = t.i, t.i + 1
        while hi < len(t.doc) and t.doc[hi].dep_ in ("flat:name", "flat") and t.doc[hi].head.i == t.i:
            hi += 1
        text = t.doc[lo:hi].text
        g = lookup_place(text, lang)
        if g is not None and g.country:
            out.append((t, Resolution(ActorRef(text=text, name=None, country=g.country, sector="GOV"), None, "place", 0, len(text))))
    return out


def stray_nationalities(t, seq, demonym) -> list:
    """A coordinated nationality the parser attached to the verb instead of the noun ("ont opposé
    les armées thaïlandaise et cambodgienne": "cambodgienne" a conj of "opposé" or of "armées"), right after the
    noun's own nationality `seq`."""
    if not seq or t.head.i == t.i:
        return []
    last = max(x.i for x in seq)
    return [g for g in list(t.head.children) + list(t.children) if g.dep_ == "conj" and g.pos_ == "ADJ" and last < g.i <= last + 2
            and any(c.dep_ == "cc" for c in g.children) and demonym(g.text)]


def shared_nationality(t) -> str | None:
    """"Bolivian traders and truck drivers": a bare noun conjunct (no determiner, no nationality of
    its own) shares the nationality adjective placed before the first conjunct (a French adjective
    after its noun does not reach forward: "les commerçants boliviens et les chauffeurs")."""
    if t.dep_ != "conj" or t.pos_ != "NOUN" or any(
            c.dep_ in ("det", "poss", "nmod:poss") or demonym_country(c.text) for c in t.children):
        return None
    first = t.head
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first.pos_ != "NOUN":
        return None
    adj = next((c for c in first.children if c.dep_ == "amod" and c.i < first.i and demonym_country(c.text)), None)
    return adj.text if adj is not None else None


OPPOSING_VERBS = shared_set("opposing_verbs")


def opposed_parties(t) -> list:
    """The parties of an event noun that is the subject of a verb setting two sides against each
    other ("de nouveaux combats ont opposé les armées A et B", "opposé les forces A aux soldats B",
    "clashes pitted X against Y")."""
    h = t.head
    if t.dep_ not in ("nsubj", "nsubj:pass") or h.lemma_.lower() not in OPPOSING_VERBS:
        return []
    objs = [c for c in h.children if c.dep_ in ("obj", "dobj") and c.pos_ in ("NOUN", "PROPN")]
    others = [g for x in [h] + objs for c in x.children for g in [c] + list(c.children)
              if g.pos_ in ("NOUN", "PROPN") and g.dep_ in ("obl", "obl:arg", "nmod", "pobj")
              and _prep_word(g) in ("à", "aux", "au", "against")]
    return objs + sorted(others, key=lambda g: g.i)[:1]  # "... aux soldats B à Khartoum": the first


PEOPLE_COUNTS = shared_set("people_counts")
IMPLICIT_STATE_MODES = shared_set("implicit_state_modes")
TITLE_PREPS = shared_set("title_preps")
OBJECT_PARTNER_PREPS = shared_set("object_partner_preps")
OWN_POSSESSIVES = shared_set("own_possessives")
OWN_THING_PREPS = shared_set("own_thing_preps")


def own_possessed(o) -> bool:
    """An object owned by the clause's subject ("recalled its ambassador", "withdrew their troops")."""
    return any(c.dep_ in ("poss", "nmod:poss") and c.lower_ in OWN_POSSESSIVES for c in o.children)


def own_possessed_from(objs) -> list:
    """Where the subject's own thing is taken from or sent to: "recalled its ambassador from Mali"."""
    return [g for o in objs if own_possessed(o) for c in o.children if c.dep_ == "prep" and c.lower_ in OWN_THING_PREPS
            for g in c.children if g.dep_ == "pobj"]


WITHDRAWAL_PARTICLES = shared_set("withdrawal_particles")
WITHDRAWAL_ORIGIN_PREPS = shared_set("withdrawal_origin_preps")


def place_left(tok, spec) -> list:
    """The place a withdrawal (RETREAT) leaves, hung under the verb's particle: "pulled back from
    X", "pulled its troops out of X"."""
    if spec.event_type != "RETREAT":
        return []
    return [g for c in tok.children if c.lower_ in WITHDRAWAL_PARTICLES and c.dep_ in ("advmod", "prt", "prep")
            for p in c.children if p.dep_ == "prep" and p.lower_ in WITHDRAWAL_ORIGIN_PREPS
            for g in p.children if g.dep_ == "pobj"]


def object_complements(objs) -> list:
    """The partner or target named inside the object of a verb trigger: "restored relations with
    Iran", "signed an agreement with Finland", "broke off ties with Israel"."""
    out = []
    for o in objs:
        if o.pos_ != "NOUN":
            continue
        for c in o.children:
            if c.dep_ == "prep" and c.lower_ in OBJECT_PARTNER_PREPS:
                out.extend(g for g in c.children if g.dep_ == "pobj")
            elif c.dep_ == "nmod" and any(g.dep_ == "case" and g.lower_ in OBJECT_PARTNER_PREPS for g in c.children):
                out.append(c)
    return out
# a noun event governed by these verbs has their subject as its patient ("Russia faces sanctions")
PATIENT_SUBJECT_VERBS = shared_set("patient_subject_verbs")


def title_with_complement(t, np_tokens, lang, on_date):
    """A title or institution named by its complement: "a spokesman for Thailand's foreign
    ministry", "a court in Jaffna", "officials at the Kenyan embassy" (the phrase then resolves
    as a whole; the head gives the sector). None when the head is no sector word."""
    if t.pos_ != "NOUN" or (fold(t.lemma_) not in SECTOR_WORDS and fold(t.text) not in SECTOR_WORDS):
        return None
    from pipeline.extract.actors import resolve_span

    for c in t.children:
        if c.dep_ == "prep" and c.lower_ in TITLE_PREPS:
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                idxs = np_tokens(t) + np_tokens(objs[0])
                text = t.doc[min(idxs):max(idxs) + 1].text
                r = resolve_span(text, lang, on_date)
                if r is not None:
                    return r
                if c.lower_ in FRONTED_LOCATIVE_PREPS and objs[0].pos_ == "PROPN":
                    # "a court in Lahore": the country of the city (the head gives the sector)
                    from pipeline.extract.actors import Resolution
                    from pipeline.extract.places import lookup_place

                    g = lookup_place(objs[0].text, lang)
                    if g is not None and g.country:
                        sector = sector_word(fold(t.lemma_), t.doc.lang_) or sector_word(fold(t.text), t.doc.lang_)
                        return Resolution(ActorRef(text=text, name=None, country=g.country, sector=sector),
                                          None, "place", 0, len(text))
    return None


def implicit_state_agent(mode, place_country) -> ActorRef | None:
    """The unnamed agent of a passive arrest or deportation ("hundreds were detained in Minsk"):
    the authorities of the country where it happened (`place_country` is called only then)."""
    if mode not in IMPLICIT_STATE_MODES:
        return None
    c = place_country()
    return ActorRef(text="", name=None, country=c, sector="GOV") if c else None


def agent_noun(t) -> bool:
    """A trigger noun that names the people who act ("protesters", "les manifestants", "strikers"):
    a party as well as an event word, so it stays the subject or object of another trigger."""
    return fold(t.lemma_) in SECTOR_WORDS or fold(t.text) in SECTOR_WORDS
