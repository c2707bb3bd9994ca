"""Parties: a noun phrase of the parse resolved to actors (`Resolver`): names and titles through
the actor dictionary, pronouns and short names through the article's memory (``coref.py``),
coordinated nationalities, "les deux pays" from the last two-sided event, quantities ("des
milliers de manifestants"), unnamed authorities and people from the place of the event, armed
groups and NGOs as parties of their own. An unknown party stays unknown."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from pipeline.core.models import ActorRef
from pipeline.extract import actors as actors_mod
from pipeline.extract import arguments as args_mod
from pipeline.extract.actors import Resolution, fold, resolvable, resolve_span
from pipeline.extract.coref import PAIR_WORDS, PRON_1, PRON_3PL, PRON_3SG_F, PRON_3SG_M, PRON_IT, Memory, definite_pair
from pipeline.extract.grammar import (
    PASS_SUBJ_DEPS,
    SUBJ_DEPS,
    conjuncts,
    doc_text,
    is_passive,
    np_tokens,
    span_text,
    subject_of,
)
from pipeline.extract.lexicon import shared_set
from pipeline.extract.senses import prep_of as _prep_of
from pipeline.extract.status import SPEECH_LEMMAS
from pipeline.extract.triggers import lookup_spec


@dataclass
class Party:
    res: Resolution
    tok_i: int
    how: str  # parse | coref | context | pair


@dataclass
class ArticleState:
    article_id: str
    body: str
    lang: str
    reference: date | None
    memory: Memory = field(default_factory=Memory)
    places: list = field(default_factory=list)
    dyad: tuple = ()  # the two sides of the last two-sided event ("les deux pays" refer to them)
    last_pair: tuple = ()  # (article offset, the two sides) of the latest "les deux X" resolved
    setting_places: list = field(default_factory=list)  # `places` but meeting venues (`setting_places`)
    title: str = ""
    title_places: list = field(default_factory=list)  # the places its title names (they set the story's place)


NON_ACTOR_HEADS = shared_set("non_actor_heads")
INDEFINITE_DETS = shared_set("indefinite_dets")
PARTITIVE_PREPS = shared_set("partitive_preps")


PROPOSAL_TYPES = {"REJECT", "REQUEST", "AGREE", "SUPPORT"}
# nouns of phase/degree that pass their governing verb on to the event noun they govern
TRANSPARENT_NOUNS = shared_set("transparent_nouns")
QUANTITY_NOUNS = shared_set("quantity_nouns")
UNIDENTIFIED_ATTACKERS = shared_set("unidentified_attackers")
# prepositions that set where a paragraph's events happen ("protests in southern Kazakhstan")
SETTING_PREPS = shared_set("setting_preps")
MINORITY_MODS = shared_set("minority_mods")
GOVERNMENT_NOUNS = frozenset(fold(w) for w in shared_set("government_nouns"))
TIME_RELATION_NOUNS = frozenset(fold(w) for w in shared_set("time_relation_nouns"))
FOREIGN_REPRESENTATIVES = frozenset(fold(w) for w in shared_set("foreign_representatives"))
SIDE_NOUNS = frozenset(fold(w) for w in shared_set("side_frame_nouns"))
DEFINITE_ARTICLES = shared_set("definite_articles")
# possessives whose owner is a person ("his government"), not an institution ("its forces")
PERSONAL_POSSESSIVES = shared_set("personal_possessives")
# possessive determiners (articles such as "l'", "la", "les" are NOT possessives)
POSS_3 = {"fr": {"son", "sa", "ses", "leur", "leurs"}, "en": {"his", "her", "its", "their"}}
POSS_1 = {"fr": {"mon", "ma", "mes", "notre", "nos"}, "en": {"my", "our"}}


PLURAL_PRONOUNS = {"fr": {"ils", "eux"}, "en": {"they", "them"}}


def _name_tagged_pronoun(t, lang: str, pron_forms: set) -> bool:
    """A capitalised name the tagger took for a pronoun ("Kiev a expulsé..."): it names a party
    the resolver knows (a country, capital or dictionary entity), and is no pronoun form."""
    return t.text[:1].isupper() and len(t.text) > 2 and t.lower_ not in pron_forms and \
        t.lower_ not in PRON_1.get(lang, ()) and resolvable(t.text, lang)


class Resolver:
    def __init__(self, st: ArticleState, doc, offset: int, on_date: date | None):
        self.st, self.doc, self.offset, self.on_date = st, doc, offset, on_date
        self.cache: dict[int, list[Party]] = {}
        self._side: str | None = None

    def side_country(self) -> str | None:
        """"Côté libanais, l'armée a ...", "On the Lebanese side, the army ...": the country a fronted
        side frame (its phrase closed by a comma) names; the sentence's parties naming none are its."""
        if self._side is None:
            self._side = ""
            for t in self.doc[:5]:
                if fold(t.lower_) not in SIDE_NOUNS and fold(t.lemma_) not in SIDE_NOUNS:
                    continue
                sub = [x for x in t.subtree if x.pos_ != "PUNCT"]
                if len(sub) > 1 and sub[-1].i + 1 < len(self.doc) and self.doc[sub[-1].i + 1].text == ",":
                    r = resolve_span(self.doc[sub[0].i:sub[-1].i + 1].text, self.st.lang, self.on_date)
                    self._side = (r.ref.country or "") if r is not None else ""
                break
        return self._side or None

    def place_country(self) -> str | None:
        """Country of the place this sentence is located at (else the article's main place)."""
        from pipeline.extract import places

        if (side := self.side_country()) is not None:
            return side
        text, title = doc_text(self.doc), self.st.title_places
        loc = places.resolve_event_place(text, self.offset, self.st.places, self.st.lang, title)
        if loc is not None and loc.source == "sentence":
            return loc.country
        if loc is not None:  # the article's place, read from the places that can set its story
            loc = places.resolve_event_place(text, self.offset, self.st.setting_places, self.st.lang, title)
        # no place of its own: a place an earlier sentence of the same paragraph set ("protests in
        # southern Kazakhstan. Last week, farmers blocked...") holds before the dateline's
        body = self.st.body
        para = body.rfind("\n", 0, self.offset) + 1
        earlier = [p for p in self.st.places if p.is_location_cue and para <= p.start < self.offset
                   and fold(p.cue).split()[:1] in [[w] for w in SETTING_PREPS]]  # not "to"/"au": maybe a goal
        if earlier and earlier[-1].place.country:
            return earlier[-1].place.country
        return loc.country if loc is not None else None

    def possessor(self, det, noun) -> list[Party]:
        """Owner of a 3rd-person possessive: the subject of the clause the possessed noun is an
        argument of ("le cartel a exprimé son mécontentement" -> le cartel), else the pronoun
        memory (the latest compatible party)."""
        gov = noun.head
        hops = 0
        while gov.i != noun.i and gov.pos_ not in ("VERB", "AUX") and hops < 2 and gov.head.i != gov.i:
            gov, hops = gov.head, hops + 1
        if gov.pos_ in ("VERB", "AUX") and noun.dep_ not in SUBJ_DEPS | PASS_SUBJ_DEPS and not is_passive(gov):
            subs = [x for x in subject_of(gov) if x.i != noun.i and x.lower_ not in PRON_1.get(self.st.lang, ())]
            if subs:
                ps = self.resolve_tok(subs[0])
                if ps:
                    return [Party(p.res, det.i, "coref") for p in ps]
        r = self.st.memory.pronoun(det.lower_, self.st.lang, self.offset + det.idx)
        return [Party(r, det.i, "coref")] if r else []

    def speaker(self, tok) -> Resolution | None:
        # subject of the speech verb of this sentence
        for t in self.doc:
            if t.lemma_.lower() in SPEECH_LEMMAS.get(self.st.lang, ()) and t.pos_ in ("VERB",):
                for c in t.children:
                    if c.dep_ in SUBJ_DEPS and c.lower_ not in PRON_1.get(self.st.lang, ()):
                        ps = self.resolve_tok(c, allow_first_person=False)
                        if ps:
                            return ps[0].res
        pos = self.offset + tok.idx
        # a quotation goes on without its speech verb: the last speaker; first-person words outside any
        # quotation (an interview's answers, an opinion piece) are the author's, whom nothing names
        return self.st.memory.speaker(pos) if _inside_quotation(self.st.body, pos) else None

    def resolve_tok(self, tok, allow_first_person: bool = True) -> list[Party]:
        """Resolve the party headed by `tok` (with its conjuncts)."""
        if tok.i in self.cache:
            return self.cache[tok.i]
        if tok.pos_ == "NOUN" and fold(tok.lemma_) in TIME_RELATION_NOUNS:
            return []  # "au lendemain de la destruction d'un drone malien": a time, never a party
        out: list[Party] = []
        self.cache[tok.i] = []  # a cycle (a possessive whose owner is the noun holding it) resolves to none
        for t in conjuncts(tok):
            out.extend(self._resolve_one(t, allow_first_person) or [
                p for a in args_mod.participle_agents(t) if a.i != t.i for p in self.resolve_tok(a)])
        self.cache[tok.i] = out
        return out

    def _acronym_party(self, t, pos: int) -> Party | None:
        """An acronym the article defined earlier in brackets after a name ("le Service de sécurité de
        l'Etat (SSG)"): that name's party, by the dictionary, else by its title or sector word at the
        place of the story ("la Fédération nationale paysanne (FNC)" -> the place's civil body)."""
        found = list(re.finditer(r"([^()\n.;:]{1,80})\(\s*" + re.escape(t.text) + r"\s*\)", self.st.body[:pos]))
        if not found:
            return None
        m = found[-1]
        words = m.group(1).split()[-7:]
        k = next((i for i, w in enumerate(words) if w[:1].isupper()), None)
        if k is None:
            return None
        name = " ".join(words[k:])
        r = resolve_span(name, self.st.lang, self.on_date)
        if r is None and (sec := actors_mod.sector_word(fold(words[k]), self.st.lang) or args_mod.state_title(name)) \
                and sec != "JUD" and (c := self.place_country()):  # (a court so named is often international: "CIJ")
            r = Resolution(ActorRef(text=name, name=None, country=c, sector=sec), None, "place", 0, len(name))
        return Party(r, t.i, "coref") if r is not None else None

    def _enclosing_place(self, t, s: int, e: int) -> str | None:
        """A gazetteer name holding `t` and longer than its noun phrase [s, e): "Port of Spain" is the
        capital, whatever part of it the parser made the head."""
        a, o = self.offset + t.idx, self.offset
        return next((p.text for p in self.st.places if p.start <= a < p.end and (p.start < o + s or p.end > o + e)
                     and p.kind in ("capital", "city", "country")), None)

    def _coordinated_nationalities(self, t) -> list[Party]:
        """"Thai and Cambodian troops", "les armées rwandaise et congolaise": one party per
        coordinated nationality (the sector comes from the head noun)."""
        if t.pos_ != "NOUN":
            return []
        mods = [c for c in t.children if c.dep_ in ("amod", "nmod", "compound") and (
                c.pos_ in ("ADJ", "PROPN") or (c.dep_ == "amod" and actors_mod.demonym_country(c.text)))
                and not any(g.dep_ in ("case",) for g in c.children)]  # ("homologues soudanais": a NOUN amod)
        seq = []
        for m in mods:
            seq.append(m)
            seq.extend(g for g in m.children if g.dep_ == "conj" and (
                g.pos_ in ("ADJ", "PROPN") or actors_mod.demonym_country(g.text)))
        seq += args_mod.stray_nationalities(t, seq, actors_mod.demonym_country)
        if len(seq) < 2 or not any(g.dep_ == "conj" for g in seq):
            return []
        countries = []
        for m in seq:
            # (or a name the dictionary places: "Tajik and Taliban border guards")
            c = actors_mod.demonym_country(m.text) or actors_mod.name_country(m.text, self.st.lang) or (
                (r := resolve_span(m.text, self.st.lang, self.on_date)) is not None and r.how == "dictionary" and r.ref.country)
            if c and c not in [x[0] for x in countries]:
                countries.append((c, m))
        if len(countries) < 2:
            return []
        sector = actors_mod.sector_word(fold(t.lemma_), t.doc.lang_) or actors_mod.sector_word(fold(t.text), t.doc.lang_) or "GOV"
        out = []
        for c, m in countries:
            txt = f"{m.text} {t.text}"
            out.append(Party(Resolution(ActorRef(text=txt, name=None, country=c, sector=sector), None, "demonym",
                                        0, len(txt)), t.i, "parse"))
        return out

    def _home_government(self, t, pos: int) -> Resolution | None:
        """"le gouvernement" with no nationality in a story set in a country whose state has been a
        party already: that state (the government of the place, not the latest foreign body)."""
        c = self.place_country()
        if c is None:
            return None
        for e in reversed(self.st.memory.entries):
            if e.pos < pos and e.res.ref.country == c and e.res.ref.sector == "GOV" and not (
                    FOREIGN_REPRESENTATIVES & {fold(w) for w in e.res.ref.text.replace("'", " ").lower().split()}):
                return e.res  # (not its embassy or envoy: "the chargé d'affaires of the Russian embassy")
        return None

    def _reporting_sides(self, t, lang) -> list | None:
        """"Le Pérou et le Chili ont annoncé qu'ils ...", "Chile and Peru said they would ...": the
        coordinated subject of the reporting clause, when its conjuncts are two countries or more."""
        main = args_mod.reporting_subject(t, PRON_3PL.get(lang, set()))
        if main is None:
            return None
        sides = [p.res for c in conjuncts(main) for p in self.resolve_tok(c)]
        return sides if len({r.ref.country for r in sides} - {None}) >= 2 else None

    def _resolve_one(self, t, allow_first_person=True) -> list[Party]:
        if _dateline_word(t):
            return []  # "PARIS - The European Council urged...": the dateline is no party
        lang = self.st.lang
        low = t.lower_
        pos = self.offset + t.idx
        mem = self.st.memory
        pron_forms = PRON_3SG_M.get(lang, set()) | PRON_3SG_F.get(lang, set()) | PRON_3PL.get(lang, set())
        if t.pos_ == "PRON" and (g := _quantity_complement(t)) is not None:
            return self.resolve_tok(g)  # "l'un des trois commerçants", "plusieurs d'entre eux": the complement
        if (t.pos_ == "PRON" and not _name_tagged_pronoun(t, lang, pron_forms)) or low in pron_forms:
            if low in ("qui", "que", "qu'", "lequel", "laquelle", "who", "which", "that", "dont", "whom"):
                # relative pronoun -> antecedent noun
                h = t.head
                while h.dep_ not in ("acl:relcl", "relcl", "acl") and h.head.i != h.i:
                    h = h.head
                if h.dep_ in ("acl:relcl", "relcl", "acl") and h.head.i != h.i:
                    return self.resolve_tok(h.head)
                return []
            if low in PRON_1.get(lang, ()):
                if not allow_first_person:
                    return []
                sp = self.speaker(t)
                return [Party(sp, t.i, "coref")] if sp else []
            if low in ("se", "s'", "himself", "herself", "themselves"):
                return []
            sides = self._reporting_sides(t, lang)
            if sides:
                return [Party(r, t.i, "pair") for r in sides]
            if low in PLURAL_PRONOUNS.get(lang, ()) and "Sing" not in t.morph.get("Number"):
                # "ils ont eu leur premier échange", "they spoke": a plural pronoun after two persons
                # of different countries refers to both of them (one party each)
                pair = mem.pair(pos, persons=True, window=400)
                if pair is None and self.st.last_pair and 0 < pos - self.st.last_pair[0] < 300:
                    pair = self.st.last_pair[1]  # "Les deux ministres se sont entretenus. Ils ..."
                if pair is None and not any(e.plural and pos - e.pos < 300 for e in mem.entries if e.pos < pos):
                    # no plural antecedent nearby: the two most salient persons of the article
                    pair = mem.salient_pair(pos, persons=True)
                if pair:
                    return [Party(p, t.i, "pair") for p in pair]
            main = args_mod.reporting_subject(t, PRON_3SG_M.get(lang, set()) | PRON_3SG_F.get(lang, set()) |
                                              PRON_IT.get(lang, set()))
            if main is not None and main.i != t.i:
                # "Le gouvernement a annoncé qu'il recevrait ...": the subject of the reporting clause
                ps = self.resolve_tok(main)
                if ps:
                    return [Party(p.res, t.i, "coref") for p in ps]
                if low in PRON_IT.get(lang, ()):
                    return []  # "the militia says it will ...": the militia, whatever it is, not an earlier state
            r = mem.pronoun(low, lang, pos)
            return [Party(r, t.i, "coref")] if r else []
        if (g := _quantity_complement(t)) is not None:
            return self.resolve_tok(g)
        multi = self._coordinated_nationalities(t)
        if multi:
            return multi
        if t.pos_ == "NOUN" and fold(t.lemma_) in actors_mod.SECTOR_WORDS:
            # "des délégations de la RDC et du Rwanda": one party per coordinated complement
            multi = [p for c in args_mod.coordinated_complements(t) for p in self._resolve_one(c, allow_first_person)]
            if len({p.res.ref.country for p in multi if p.res.ref.country}) >= 2:
                return multi
        idxs = np_tokens(t)
        text, s, e = span_text(self.doc, idxs)
        # "les deux dirigeants", "both leaders"
        pair_tok = definite_pair(t, PAIR_WORDS)
        sides = ("pays", "country", "nation", "capitale", "camp", "side", "partie", "parti", "party", "parties", "gouvernement", "government")
        if pair_tok is not None and t.lemma_.lower() not in ("fois", "time", "jour", "day", "semaine", "tonne", "mois", "an", "année") \
                and (fold(t.lemma_) in actors_mod.SECTOR_WORDS or t.lemma_.lower() in ("homme", "man") + sides
                     or (pair_tok.i != t.i and pair_tok.lemma_.lower() in sides)):
            persons = t.lemma_.lower() not in sides
            # "les chefs de la diplomatie des deux pays": persons of the two countries, else the countries
            # (the two countries the same sentence has just named first: "la Hongrie a salué le
            # gouvernement slovaque et les deux Premiers ministres ont déjeuné ensemble")
            pair = _sentence_pair(mem, self.offset, pos) or list(self.st.dyad) or mem.salient_pair(pos, persons=persons) or (
                mem.salient_pair(pos, persons=False) if persons else None)
            if pair:
                self.st.last_pair = (pos, tuple(pair))
                return [Party(p, t.i, "pair") for p in pair]
            return []  # "les deux ministres" with no two parties set: unknown, never one of them
        # possessive determiner: "son homologue" is resolved by its own words; "sa famille" -> the possessor
        r = resolve_span(text, lang, self.on_date) or args_mod.title_with_complement(t, np_tokens, lang, self.on_date)
        if r is None and (nat := args_mod.shared_nationality(t)) is not None:
            r = resolve_span(f"{nat} {text}", lang, self.on_date)  # "Bolivian traders and truck drivers"
        if t.pos_ == "PROPN" and (enc := self._enclosing_place(t, s, e)) is not None:
            r = resolve_span(enc, lang, self.on_date) or r  # "Port of Spain" parsed with "Spain" as head
        if r is None and (t.pos_ == "PROPN" or (t.pos_ == "NOUN" and t.text[:1].isupper() and t.i > 0)):
            # a name the parser split ("invité Delcy Rodríguez": Delcy attached elsewhere; "Addis -
            # Abeba" cut at the hyphen): the contiguous run of capitalised words around the head
            a, b = args_mod.name_run(t)
            if (a, b) != (t.i, t.i):
                r = resolve_span(self.doc[a:b + 1].text, lang, self.on_date)
        if r is None and t.pos_ == "PROPN":
            r = mem.short_name(t.text)
            if r is None:
                for c in t.children:
                    if c.dep_ in ("flat", "flat:name", "compound"):
                        r = mem.short_name(c.text) or r
        if r is None and t.pos_ in ("PROPN", "NOUN") and t.text.isupper() and t.is_alpha and len(t.text) > 1 and \
                (named := self._acronym_party(t, pos)) is not None:
            return [named]  # "la Fédération nationale paysanne (FNC) ... la FNC": the body it abbreviates
        if r is None and t.lemma_.lower() in ("famille", "family", "entourage", "proche", "gouvernement", "government", "régime", "regime", "administration", "pays", "country", "camp", "épouse", "fils", "wife", "son") + OWN_PEOPLE:
            for c in t.children:
                if c.dep_ in ("det", "poss", "nmod:poss") and c.lower_ in POSS_3.get(lang, set()):
                    ps = self.possessor(c, t)
                    if ps:
                        return ps
        if r is not None and t.pos_ != "PROPN" and not (s + r.start <= t.idx < s + r.end):
            head = fold(t.lemma_)
            if head in NON_ACTOR_HEADS or fold(t.text) in NON_ACTOR_HEADS or lookup_spec(lang, "NOUN", t.lemma_.lower()):
                r = None  # "la souveraineté colombienne", "la capture de Maduro" are not parties
        if r is None and t.pos_ == "NOUN" and (fold(t.lemma_) in UNIDENTIFIED_ATTACKERS or (
                fold(t.lemma_) in ("homme", "individu", "man", "men") and
                any(fold(c.lemma_) in ("arme", "armer", "armed", "masque", "masquer", "masked", "inconnu", "unidentified", "unknown")
                    for c in t.children if c.dep_ in ("amod", "acl")))):
            # "des hommes armés", "gunmen": an unidentified armed party (no country, kept for the event)
            return [Party(Resolution(ActorRef(text=text, name=None, country=None, sector="UNK"), None, "unidentified",
                                     0, len(text)), t.i, "parse")]
        if r is None and t.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in DEFINITE_ARTICLES for c in t.children):
            # "the four drivers" after "four Serbian lorry drivers": the same people, of that country
            rr = mem.same_head({fold(t.lower_), fold(t.lemma_.lower())}, pos)
            if rr is not None:
                return [Party(rr, t.i, "coref")]
        if r is None and t.pos_ == "NOUN" and _LEADING_ARTICLE.sub("", fold(text)) in DOMESTIC_AUTHORITY_PHRASES and \
                (c := self.place_country()):
            # "les forces de l'ordre", "the security forces" with no nationality: the police of the
            # country where it happens (never the latest army named)
            return [Party(Resolution(ActorRef(text=text, name=None, country=c, sector="COP"), None, "place",
                                     0, len(text)), t.i, "place")]
        tsec = actors_mod.sector_word(fold(t.lemma_), lang) or actors_mod.sector_word(fold(t.text), lang) or (
            "CVL" if fold(t.lower_) in args_mod.PEOPLE_COUNTS else None)  # "thousands rallied": people
        if tsec == "GOV" and r is None:
            # "le chef de l'opposition", "le porte-parole des grévistes", "the opposition leader": the leader
            # of a non-state body belongs to that body's sector
            tsec = next((sc for c in t.children if (c.dep_ in ("compound", "poss") or c.dep_ == "nmod" and _prep_of(c) in ("de", "du", "des", "d'"))
                         and (sc := actors_mod.SECTOR_WORDS.get(fold(c.lemma_))) in args_mod.DOMESTIC_ACTOR_SECTORS),
                        tsec)
        if r is None and tsec == "CVL" and t.pos_ == "NOUN" and (same := mem.same_people({fold(t.text), fold(t.lemma_)}, pos)) is not None:
            # "dix-neuf pêcheurs bahreïnis ... six pêcheurs mineurs": people named again by their noun
            return [Party(same, t.i, "context")]
        if r is None and tsec == "CVL" and t.pos_ == "NOUN":
            # protesters, civilians... without a nationality: the country of the place where it happens
            # ("des manifestants ... dans les rues de Nairobi" -> KEN)
            c = self.place_country()
            if c:
                return [Party(Resolution(ActorRef(text=text, name=None, country=c, sector="CVL"), None, "place",
                                         0, len(text)), t.i, "place")]
        if r is None and any(c.dep_ in ("poss", "nmod:poss") and c.lower_ in PRON_1.get(lang, ()) for c in t.children):
            # "our ambassador", "my government": the speaker's, never the latest party of that kind
            sp = self.speaker(t) if allow_first_person else None
            return [Party(sp, t.i, "coref")] if sp else []
        if r is None and tsec and t.pos_ == "NOUN" and (its := next((c for c in t.children if c.dep_ in ("poss", "nmod:poss")
                                                                  and c.lower_ in PRON_IT.get(lang, ())), None)) is not None:
            # "Ghana is watching closely. Its interior ministry said...": a body of the institution the
            # possessive refers to (a country, a government), not the latest body of that sector
            # (the subject of a reported clause: the reporting subject's own, "a spokesman for the
            # government denied that its forces had fired")
            v = t.head
            own = [p for c in v.head.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")
                   for p in self.resolve_tok(c)] if t.dep_ in SUBJ_DEPS and v.dep_ == "ccomp" and v.head.i != v.i else []
            own = [p for p in own or self.possessor(its, t) if p.res.ref.country]
            if own:
                return [Party(Resolution(ActorRef(text=text, name=None, country=own[0].res.ref.country, sector=tsec), None,
                                         "context", 0, len(text)), t.i, "context")]
        if r is None and tsec and t.pos_ == "NOUN" and (side := self.side_country()) is not None:
            # "Côté camerounais, l'armée a dépêché ...": the army of the side the sentence is about
            return [Party(Resolution(ActorRef(text=text, name=None, country=side, sector=tsec), None, "place",
                                     0, len(text)), t.i, "place")]
        if r is None and tsec and t.pos_ == "NOUN" and not _indefinite(t):
            # generic definite title without country ("le cartel", "the ministry"): the latest party of
            # that sector; an indefinite one ("un responsable") introduces someone new
            sec = tsec
            # "his government": the owner is a person acting, so the latest subject of that sector
            # (English personal possessives; "its forces" is any latest party of that sector)
            owned = any(c.dep_ in ("poss", "nmod:poss") and c.lower_ in PERSONAL_POSSESSIVES for c in t.children)
            gov_noun = fold(t.lemma_) in GOVERNMENT_NOUNS and not owned and not any(
                c.dep_ in ("nmod", "amod", "appos") and not _kind_of_government(c)
                for c in t.children)  # (not "le gouvernement de Suminwa"; "le gouvernement de transition" is)
            rr = self._home_government(t, pos) if gov_noun else None
            # (an ambassador, an envoy, an embassy is never what a later "the government", "the ministry",
            # "the minister" refers back to; only another "the ambassador" is)
            representative = fold(t.lemma_) in FOREIGN_REPRESENTATIVES or fold(t.text) in FOREIGN_REPRESENTATIVES
            rr = rr or mem.same_sector(sec, pos, subject=owned, skip_words=frozenset() if representative
                                       else FOREIGN_REPRESENTATIVES)
            if rr is not None:
                return [Party(rr, t.i, "context")]
            if sec in args_mod.DOMESTIC_ACTOR_SECTORS and t.dep_ in SUBJ_DEPS and (c := self.place_country()):
                # "l'opposition", "les syndicats", "la presse" acting, with no nationality and none met
                # so far: the country's own, where the story happens (as protesters are; an object is
                # left to the actor's country: "le ministre bolivien a accusé l'opposition")
                return [Party(Resolution(ActorRef(text=text, name=None, country=c, sector=sec), None, "place",
                                         0, len(text)), t.i, "place")]
        if r is None and tsec in args_mod.DOMESTIC_ACTOR_SECTORS and t.pos_ == "NOUN" and _indefinite(t) and (
                t.dep_ in SUBJ_DEPS or getattr(_quantity_complement(t.head), "i", -1) == t.i and t.head.dep_ in SUBJ_DEPS) and \
                (c := self.place_country()):
            # "des opposants ont manifesté", "quelques centaines d'opposants se sont rassemblés": people
            # of a country's own life, introduced acting with no nationality, are of the place (as protesters are)
            return [Party(Resolution(ActorRef(text=text, name=None, country=c, sector=tsec), None, "place",
                                     0, len(text)), t.i, "place")]
        if r is None and t.pos_ in ("NOUN", "PROPN") and (fold(t.lemma_) in DOMESTIC_AUTHORITY or fold(t.text) in DOMESTIC_AUTHORITY) and not any(
                c.dep_ in ("det", "poss", "nmod:poss") and c.lower_ in ("un", "une", "des", "a", "an", "some", "his", "her", "their", "son", "sa", "ses", "leur", "leurs")
                for c in t.children) and not any(c.dep_ in ("nmod", "prep") for c in t.children):
            # "the police", "the authorities", "la police" with no nationality and no earlier
            # party of that kind: the authorities of the country where it happens
            c = self.place_country()
            if c:
                sec = actors_mod.SECTOR_WORDS.get(fold(t.lemma_), "GOV")
                return [Party(Resolution(ActorRef(text=text, name=None, country=c, sector=sec), None, "place",
                                         0, len(text)), t.i, "place")]
        if r is None and t.pos_ in ("NOUN", "PROPN"):
            # "Employment Minister X", "government officials" with no nationality in a story where
            # no other country has acted so far (been the subject of a clause; "paid in US dollars"
            # names no party): the state of the article's country
            sec = args_mod.state_title(text)
            c = self.place_country() if sec else None
            # (the opposition, a party, a magistrate named by a common noun are the place's own,
            # whoever else has acted: "the party has called a day of protest", "a magistrate released")
            # (as subjects: "accused the opposition" is the accuser's own opposition, see recipients)
            if c and (sec in DOMESTIC_TITLE_SECTORS and t.pos_ == "NOUN" and t.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")
                      and args_mod.story_side(mem, {c}) or
                      not {e.res.ref.country for e in mem.entries if e.pos < pos and e.res.ref.country and e.subject} - {c}):
                return [Party(Resolution(ActorRef(text=text, name=None, country=c, sector=sec), None, "place",
                                         0, len(text)), t.i, "place")]
        if r is None and tsec in args_mod.OWN_PARTY_SECTORS and t.pos_ == "NOUN":
            # "insurgents", "les rebelles", "une ONG" with no nationality and no earlier party of
            # that kind: a party of its own, coded without a country (never the nearby state)
            return [Party(Resolution(ActorRef(text=text, name=None, country=None, sector=tsec), None, "group",
                                     0, len(text)), t.i, "parse")]
        if r is None and (t.pos_ == "NOUN" or t.pos_ == "PROPN" and t.text.islower()) and \
                (tsec or "Plur" in t.morph.get("Number")) and (hit := args_mod.located_in(t, SETTING_PREPS)) is not None:
            # (a lower-case "PROPN" is a common noun: "the foreign ministry in Algiers")
            # "schools in Romania", "fishermen in the Bahraini village of Hidd": people or bodies with no
            # country of their own, placed by their complement
            return [Party(Resolution(ActorRef(text=text, name=None, country=hit[0], sector=tsec or "CVL"), None,
                                     "place", 0, len(text)), t.i, "place")]
        if r is None and (r := args_mod.side_capital(t, mem, text)) is None:
            return []
        if r.how == "demonym" and any(c.dep_ == "amod" and c.lower_ in MINORITY_MODS for c in t.children):
            # "ethnic Hungarians" in Romania: a minority, of the country where it lives
            c = self.place_country()
            return [Party(Resolution(replace(r.ref, country=c), None, "place", r.start, r.end), t.i, "place")] if c else []
        return [Party(r, t.i, "parse")]


def _quantity_complement(t):
    """"des milliers de manifestants", "dozens of demonstrators", "l'un des commerçants": the
    complement of a quantity word, which names the party; else None."""
    if fold(t.lemma_) not in QUANTITY_NOUNS and fold(t.lower_) not in QUANTITY_NOUNS:
        return None
    for c in t.children:
        if c.dep_ in ("nmod", "obl") and _prep_of(c) in ("de", "d'", "des", "du"):
            return c
        if c.dep_ == "prep" and c.lower_ == "of":
            return next((x for x in c.children if x.dep_ == "pobj"), None)
    return None


def _kind_of_government(c) -> bool:
    """Does complement `c` say what kind of government it is ("de transition", "d'union nationale",
    "intérimaire"), not whose (a name, a demonym, a person)?"""
    if c.dep_ == "amod":
        return c.pos_ == "ADJ" and not actors_mod.demonym_country(c.text)
    return c.dep_ == "nmod" and c.pos_ == "NOUN" and c.text.islower() and not actors_mod.sector_word(fold(c.lemma_), c.doc.lang_) \
        and not any(g.dep_ in ("amod", "nmod") and (g.pos_ == "PROPN" or actors_mod.demonym_country(g.text)) for g in c.children)


# sectors of a country's own political and judicial life (opposition, parties, magistrates, courts)
DOMESTIC_TITLE_SECTORS = frozenset(("POL", "JUD", "LEG"))


# a state's own people and forces: "ses citoyens", "leurs troupes" belong to the possessor
OWN_PEOPLE = tuple(shared_set("own_people_nouns"))


def _inside_quotation(body: str, pos: int) -> bool:
    """Is offset `pos` inside a quotation opened earlier in its paragraph (straight, curly or
    French quotation marks)?"""
    para = body[body.rfind("\n", 0, pos) + 1:pos]
    return para.count('"') % 2 == 1 or para.count("\u201c") > para.count("\u201d") or \
        para.count("\u00ab") > para.count("\u00bb")


def _sentence_pair(mem, start: int, pos: int) -> list | None:
    """The parties of the two countries named in the sentence (from `start`) before `pos`, if two."""
    out, seen = [], set()
    for e in reversed([e for e in mem.entries if start <= e.pos < pos]):
        c = e.res.ref.country
        if c and c not in seen:
            seen.add(c)
            out.append(e.res)
    return out[::-1] if len(out) == 2 else None


def _indefinite(t) -> bool:
    """Does noun `t` introduce someone new: an indefinite determiner ("un responsable", "des
    soldats") or a bare partitive under a quantity ("des centaines de travailleurs")?"""
    dets = [c for c in t.children if c.dep_ == "det"]
    if any(c.lower_ in INDEFINITE_DETS for c in dets):
        return True
    return not dets and any(c.dep_ == "case" and c.lower_ in PARTITIVE_PREPS for c in t.children)


DOMESTIC_AUTHORITY = frozenset(fold(w) for w in shared_set("domestic_authority"))
DOMESTIC_AUTHORITY_PHRASES = frozenset(w for w in DOMESTIC_AUTHORITY if " " in w)
_LEADING_ARTICLE = re.compile(r"^(?:les |la |le |l'|the )")
_DATELINE_MARKS = {"-", "—", "–", "(", ","}


def _dateline_word(t) -> bool:
    """Is `t` a word of a sentence-initial dateline ("PARIS -", "SKOPJE/SOFIA —", "CONAKRY, April
    8 —"): an upper-case word before any lower-case word, followed closely by a dash or bracket?"""
    if not (t.text.isupper() and len(t.text) > 2 and t.is_alpha) or t.i > 6:
        return False
    doc = t.doc
    if any(x.is_alpha and not x.text.isupper() for x in doc[:t.i]):
        return False
    nxt = [x for x in doc[t.i + 1:t.i + 4] if not (x.is_alpha and x.text.isupper()) and x.text != "/"]
    return bool(nxt) and nxt[0].text in _DATELINE_MARKS


def content_words(text: str) -> set:
    """The folded words of more than three letters of `text` (what two mentions of people share)."""
    return {w for w in fold(text or "").replace("'", " ").split() if len(w) > 3 and w.isalpha()}


def countries_of(refs) -> frozenset:
    return frozenset(r.country for r in refs if r.country)
