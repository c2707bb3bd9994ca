"""Trigger finding: the verb, noun and multi-word lemmas of the lexicon (``lexicon.py``, data in
``patterns/<lang>.yaml``) in a parsed sentence, disambiguated by their senses (``senses.py``);
triggers that are the content of another (a threatened, requested or denied act) are not events of
their own. What depends on the parse alone is memoised on the Doc (repeated sentences share it)."""
from __future__ import annotations

import re
from dataclasses import replace

from pipeline.extract import grammar, senses
from pipeline.extract.actors import fold
from pipeline.extract.grammar import object_conjunct, purpose_clause, sequenced_clause, string_of
from pipeline.extract.lexicon import LEXICON, TriggerSpec, enir_infinitive, shared_set, word_set
from pipeline.extract.nesting import contrasted_background, protest_content, purpose_of_other_act, year_label
from pipeline.extract.senses import prep_of as _prep_of
from pipeline.extract.status import circumstantial, detached_participle, status_of

EVALUATIVE_VERBS = shared_set("evaluative_verbs")
_SPEC_CACHE: dict = {}
_REFLEXIVE_RE = re.compile(r"^(?:s'|s’|se )")


def lookup_spec(lang: str, pos: str, lemma: str) -> TriggerSpec | None:
    table = LEXICON.get(lang, LEXICON["en"])[pos]
    key = (lang, pos)
    if key not in _SPEC_CACHE:
        m = {}
        for k, v in table.items():
            m.setdefault(k, v)
            m.setdefault(fold(k), v)
        for k, v in table.items():
            # reflexive entries ("s'entretenir", "se retirer") answer for the bare lemma the parser
            # gives, unless the bare lemma has an entry of its own
            bare = _REFLEXIVE_RE.sub("", k)
            m.setdefault(bare, v)
            m.setdefault(fold(bare), v)
        _SPEC_CACHE[key] = m
    m = _SPEC_CACHE[key]
    return m.get(lemma) or m.get(fold(lemma))


TOPIC_VERBS = shared_set("topic_verbs")
TOPIC_PREPS = {"sur", "on", "about", "upon", "de", "du", "des", "d'"}


def _is_topic(tok) -> bool:
    """A noun trigger that is the topic of a talk/work verb ("ont travaillé sur les sanctions",
    "discussed about tariffs", "ont parlé de l'aide"): the topic, not an event that happened."""
    if tok.dep_ in ("obl", "obl:arg", "obl:mod", "nmod"):
        gov, prep = tok.head, _prep_of(tok)
    elif tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        gov, prep = tok.head.head, tok.head.lower_
    else:
        return False
    if prep not in TOPIC_PREPS or gov.pos_ not in ("VERB", "AUX"):
        return False
    glem = gov.lemma_.lower()
    if prep in ("de", "du", "des", "d'") and glem not in ("discuter", "débattre", "parler", "évoquer", "échanger"):
        return False
    return glem in TOPIC_VERBS


# the definite articles of an agreement referred to; the complements that give it parties of its own
_DEFINITE = shared_set("definite_articles")
_OWN_PARTY_DEPS = {"poss", "nmod:poss", "nmod", "acl", "relcl", "acl:relcl"}
_OWN_PARTY_PREPS = shared_set("own_party_preps")
_AGREEMENT_NOUNS = shared_set("agreement_nouns")


def _referenced_agreement(tok, spec: TriggerSpec, lang: str) -> bool:
    """An agreement noun that refers to an agreement rather than reports one being made: a
    definite "the agreement/treaty" with no parties of its own ("welcomed the agreement", "respect
    the fishing agreement", "patrols under the treaty"), or a noun modifying another agreement or
    event noun ("a police cooperation arrangement"). New agreements are reported by their verbs
    ("signed", "agreed", "reached a deal"), which are triggers of their own. English only."""
    if lang != "en" or spec.event_type not in ("AGREE", "COOPERATE"):
        return False
    if any(c.i < tok.i and year_label(c) for c in tok.subtree):
        return True  # "the 2019 Luanda memorandum", "their 2015 law-enforcement agreement": one named by its year
    if tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and tok.head.i != tok.i:
        return lookup_spec(lang, "NOUN", tok.head.lemma_.lower()) is not None or \
            fold(tok.head.lemma_) in _AGREEMENT_NOUNS
    if spec.event_type != "AGREE" or not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in tok.children):
        return False
    if tok.dep_ in ("nsubj", "nsubjpass", "nsubj:pass", "ROOT"):
        return False
    return not _own_parties(tok)


REACTION_VERBS = shared_set("reaction_verbs")


def _reacted_to(tok) -> bool:
    """A definite event noun with no parties or complement of its own, object of a reaction ("the
    Israeli military acknowledged the strike", "Rubio welcomed the extraditions"): the event the
    story told before, not a new one."""
    h = tok.head
    return tok.dep_ in ("dobj", "obj") and h.lemma_.lower() in REACTION_VERBS and \
        any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in tok.children) and not _own_parties(tok) and \
        not any(c.dep_ in ("prep", "amod", "compound") for c in tok.children)


def _own_parties(tok) -> bool:
    """Does an event noun name parties of its own ("the meeting with Peru", "Egypt's proposal")?"""
    return any(c.dep_ in _OWN_PARTY_DEPS or (c.dep_ == "prep" and c.lower_ in _OWN_PARTY_PREPS) or
               (c.dep_ in ("compound", "amod") and (c.pos_ == "PROPN" or c.text[:1].isupper()))
               for c in tok.children)


LABELLING_VERBS = shared_set("labelling_verbs")


def _labelled(tok) -> bool:
    """Is this object noun given a label by its verb ("called the closure regrettable", "described
    the strikes as a provocation")? The labelled event was reported before: no event here."""
    h = tok.head
    return h.lemma_.lower() in LABELLING_VERBS and not _own_parties(tok) and any(
        c.dep_ in ("oprd", "attr", "acomp", "ccomp", "xcomp") or (c.dep_ == "prep" and c.lower_ == "as")
        for c in list(h.children) + list(tok.children) if c.i != tok.i)


_MULTI_BY_HEAD: dict = {}
# how far (in tokens) the dependent of a multi-word trigger may stand from its head, inside the
# head's subtree: "décrété hier l'état d'urgence", "fermeture de tous les points de passage"
MULTI_SPAN = 7


def _multi_by_head(lang: str) -> dict:
    """head lemma -> [((head, dependent), spec)] in lexicon order."""
    m = _MULTI_BY_HEAD.get(lang)
    if m is None:
        m = {}
        for (h, d), spec in LEXICON.get(lang, LEXICON["en"])["MULTI"].items():
            m.setdefault(h, []).append(((h, d), spec))
        _MULTI_BY_HEAD[lang] = m
    return m


_COULD_TRIGGER: dict = {}


def _participle_verbs(lemma: str) -> tuple[str, ...]:
    """Infinitives a participle the tagger left as an adjective may stand for ("gelé", "rejetée")."""
    if lemma.endswith("ée"):
        return (lemma[:-2] + "er",)
    if lemma.endswith("é"):
        return (lemma[:-1] + "er",)
    if inf := enir_infinitive(lemma):
        return (inf,)  # "sont convenus de", "retenu"
    if lemma.endswith("issant") and len(lemma) > 8:
        return (lemma[:-6] + "ir",)  # "avertissant", "envahissant" -> avertir, envahir
    if lemma.endswith(("ie", "i")) and len(lemma) > 5:
        return (lemma.rstrip("e")[:-1] + "ir",)  # "démentie", "saisi" -> démentir, saisir
    if lemma.endswith(("ue", "u")) and len(lemma) > 5:
        stem = lemma.rstrip("e")[:-1]
        return (stem + "ir", stem + "re")  # "convenu", "rompu" -> convenir, rompre
    if lemma.endswith("ant") and len(lemma) > 6:
        # a present participle left as an adjective ("menaçant de saisir la Cour", "exigeant")
        stem = lemma[:-3]
        stem = stem[:-1] + "c" if stem.endswith("ç") else stem[:-1] if stem.endswith("ge") else stem
        return (stem + "er",)
    return ()


def _misread_present(lemma: str) -> tuple[str, ...]:
    """Infinitives of a present-tense form the lemmatiser returned as its own lemma ("réclame",
    "exigent" -> réclamer, exiger)."""
    for end in ("ent", "es", "e"):
        if lemma.endswith(end) and len(lemma) > len(end) + 3:
            return (lemma[: -len(end)] + "er",)
    return ()


ACTIVE_PERFECT_AUXILIARIES = shared_set("active_perfect_auxiliaries")


def _auxiliated(tok) -> bool:
    """A participle the tagger left as an adjective or a noun, with its auxiliary ("sont convenus",
    "a téléphoné"), or under it when the parser made the auxiliary the head ("l'Unité a en outre gelé")."""
    return any(c.dep_ in ("aux", "aux:tense", "aux:pass") for c in tok.children) or (
        tok.head.pos_ == "AUX" and tok.head.lemma_.lower() in ACTIVE_PERFECT_AUXILIARIES and tok.head.i < tok.i
        and tok.dep_ in ("advcl", "xcomp", "conj"))


def _detached_present_participle(tok) -> bool:
    """A present participle opening a clause after a comma, tagged as a noun with no determiner
    ("a haussé le ton, avertissant que ...")."""
    return tok.lower_.endswith("ant") and tok.i > 0 and tok.doc[tok.i - 1].text == "," and \
        not any(c.dep_ == "det" for c in tok.children)


def _verb_spec(lang: str, candidates) -> TriggerSpec | None:
    """The verb-lexicon spec of the first candidate lemma that has one."""
    return next((s for s in (lookup_spec(lang, "VERB", c) for c in candidates) if s is not None), None)


def could_trigger(lang: str, pos: str, lemma: str, lower: str, text: str) -> bool:
    """Can a token with these attributes (part of speech, lemma, lower-case form, text) get a
    trigger spec in `find_triggers`: a multi-word head, or a verb/noun lexicon entry through the
    same lookups, whatever its morphology? A superset of the tokens `find_triggers` keeps."""
    lemma = lemma.lower()
    mb = _multi_by_head(lang)
    if lemma in mb or (pos == "ADJ" and any(c in mb for c in _participle_verbs(lemma))):
        return True
    if pos in ("VERB", "ADJ", "AUX"):
        if lookup_spec(lang, "VERB", lemma) is not None:
            return True
        if pos == "VERB":
            return _verb_spec(lang, _misread_present(lemma)) is not None
        return pos == "ADJ" and _verb_spec(lang, _participle_verbs(lemma)) is not None
    if pos in ("NOUN", "PROPN") and (pos == "NOUN" or text.islower()):
        return bool(lookup_spec(lang, "NOUN", lemma) or lookup_spec(lang, "NOUN", lower) or (
            lower.endswith("s") and lookup_spec(lang, "NOUN", lower[:-1]))) or (
            pos == "NOUN" and _verb_spec(lang, _participle_verbs(lemma)) is not None)
    return False


def trigger_positions(doc, lang: str) -> list[int]:
    """Indices of the tokens of `doc` that `could_trigger`, read from the token arrays (no Token
    objects for the others); memoised per distinct attribute tuple."""
    from spacy.attrs import LEMMA, LOWER, ORTH, POS

    string = string_of(doc.vocab.strings)
    out = []
    for i, row in enumerate(doc.to_array([POS, LEMMA, LOWER, ORTH]).tolist()):
        key = (lang, *row)
        v = _COULD_TRIGGER.get(key)
        if v is None:
            v = could_trigger(lang, *(string(h) for h in row))
            if len(_COULD_TRIGGER) < 500000:
                _COULD_TRIGGER[key] = v
        if v:
            out.append(i)
    for i in _hyphen_heads(doc):
        if i not in out and could_trigger(lang, _hyphen_pos(doc[i]), hyphen_lemma(doc[i]), hyphen_lemma(doc[i]), doc[i].text):
            out.append(i)
    return sorted(out) if len(out) > 1 else out


def _hyphen_heads(doc) -> list[int]:
    """The words that carry hyphenated compounds the tokenizer split ("sit-in" -> sit - in, "test-fired"):
    the last word, or the first when it is the noun and the last a particle the tagger left outside
    the phrase (French "un sit-in": "sit" the object, "in" an adverb; `senses.first_carries`)."""
    return [i - 1 if senses.first_carries(doc, i) else i + 1 for i, t in enumerate(doc) if t.text == "-" and 0 < i < len(doc) - 1
            and not t.whitespace_ and not doc[i - 1].whitespace_ and doc[i - 1].is_alpha and doc[i + 1].is_alpha]


def _hyphen_pos(tok) -> str:
    """The part of speech of a split hyphenated compound: its last word's, unless that word is a particle
    the tagger kept ("staged a sit-in": "in" tagged ADP as the object) where the compound is a noun."""
    return "NOUN" if tok.pos_ in ("ADP", "ADV") and tok.dep_ in ("dobj", "obj", "nsubj", "nsubjpass", "pobj", "conj") else tok.pos_


def hyphen_lemma(tok) -> str:
    """The lemma of a hyphenated compound ending in `tok` ("sit-in", "test-fire"), or carried by its first
    word (`senses.carried_compound`), else tok's lemma."""
    doc, i = tok.doc, tok.i
    if i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_:
        return f"{doc[i - 2].lower_}-{tok.lemma_.lower()}"
    return senses.word_lemma(tok)


def _multi_sense(tok, spec, lang: str):
    return senses.disambiguate(tok, spec, lang, lookup_spec) if spec.special else spec


def _near_words(tok) -> tuple[set, set, set]:
    """(lower-case lemmas, their folded forms, lower-case forms) of the tokens of tok's subtree
    within MULTI_SPAN of it (tok excluded): a dependent d matches one of them iff some token has
    lemma d, folded lemma fold(d) or form d."""
    lemmas, folded, lowers = set(), set(), set()
    for c in tok.subtree:
        if c.i != tok.i and abs(c.i - tok.i) <= MULTI_SPAN:
            lem = c.lemma_.lower()
            lemmas.add(lem)
            folded.add(fold(lem))
            lowers.add(c.lower_)
            if c.i > 1 and c.doc[c.i - 1].text == "-":
                lemmas.add(hyphen_lemma(c))
    return lemmas, folded, lowers


def find_triggers(doc, lang: str, positions=None):
    """(token, spec) of the event triggers of a parsed sentence, in order. `positions`: the
    token indices to consider (default: `trigger_positions`, the only ones that can qualify)."""
    out = []
    multi_by_head = _multi_by_head(lang)
    used = set()
    for ti in (trigger_positions(doc, lang) if positions is None else positions):
        tok = doc[ti]
        if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "obj") and _labelled(tok):
            continue  # "calling the border closure regrettable": a label put on an event named before
        if tok.pos_ == "ADJ" and tok.lower_.endswith("ant") and tok.dep_ not in ("advcl", "acl", "conj", "ROOT", "xcomp"):
            continue  # "un ton menaçant": an adjective, not a participial clause
        lemma = tok.lemma_.lower()
        if (ti > 1 and doc[ti - 1].text == "-") or senses.carried_compound(tok):
            lemma = hyphen_lemma(tok)
        heads = (lemma,) + (_participle_verbs(lemma) if tok.pos_ == "ADJ" else ())
        # multi-word triggers first
        near = None  # the words of the subtree near tok, read once for all its multi-word entries
        for (h, d), spec in (m for hl in heads for m in multi_by_head.get(hl, ())):
            if h in heads and near is None:
                near = _near_words(tok)
            # the dependent by lemma or by form ("coordinated patrolling": lemma coordinate)
            if h in heads and (d in near[0] or fold(d) in near[1] or d in near[2]):
                mspec = _multi_sense(tok, replace(spec, lemma=f"{h} {d}"), lang)
                if mspec is not None:  # a multi-word trigger can have senses too ("hand over")
                    out.append((tok, mspec))
                    used.add(tok.i)
                break
        if tok.i in used:
            continue
        spec = None
        if tok.pos_ in ("VERB",) or (tok.pos_ in ("ADJ", "AUX") and "Part" in tok.morph.get("VerbForm")) or (
                tok.pos_ == "ADJ" and (tok.lower_.endswith("ant") or enir_infinitive(lemma) or _auxiliated(tok))):
            spec = lookup_spec(lang, "VERB", lemma)
            # participles tagged ADJ ("accusé", "rejetée"); present forms left as their own lemma ("réclame")
            if spec is None:
                spec = _verb_spec(lang, _participle_verbs(lemma) if tok.pos_ == "ADJ" else _misread_present(lemma))
        elif tok.pos_ in ("NOUN", "PROPN") and (tok.pos_ == "NOUN" or tok.text.islower()) or (
                ti > 1 and doc[ti - 1].text == "-" and _hyphen_pos(tok) == "NOUN"):
            spec = lookup_spec(lang, "NOUN", lemma) or lookup_spec(lang, "NOUN", tok.lower_)
            if spec is None and tok.lower_.endswith("s"):
                spec = lookup_spec(lang, "NOUN", tok.lower_[:-1])
            if spec is None and tok.pos_ == "NOUN" and (_auxiliated(tok) or _detached_present_participle(tok)):
                spec = _verb_spec(lang, _participle_verbs(lemma))  # a participle tagged as a noun ("a téléphoné")
        if spec is None:
            continue
        if spec.pos == "NOUN" and (tok.dep_ == "appos" or any(
                c.dep_ == "det" and ("Dem" in c.morph.get("PronType") or c.lower_ in ("ce", "cet", "cette", "ces", "this", "these", "that", "those"))
                for c in tok.children)):
            continue  # anaphoric: "ces menaces", "cette invitation" refer back to reported events
        if spec.pos == "NOUN" and (_referenced_agreement(tok, spec, lang) or _reacted_to(tok)):
            continue  # "welcomed the agreement", "under the treaty": an agreement already made
        if spec.pos == "NOUN" and _is_topic(tok):
            continue  # "travaillé sur les sanctions", "talked about sanctions": a topic, not an event
        if lang == "en" and spec.pos == "VERB" and tok.dep_ == "amod" and tok.tag_ == "VBN":
            continue  # "a detained French teacher", "the disputed border": a state, not an event here
        if spec.pos == "VERB" and grammar.standing_modifier(tok, spec.event_type, spec.mode):
            continue  # "des hommes armés", "une région séparatiste soutenue par Moscou": a standing relation
        if spec.special:
            spec = senses.disambiguate(tok, spec, lang, lookup_spec)
            if spec is None:
                continue
        if spec.pos == "VERB" and lemma in EVALUATIVE_VERBS and senses.holds("praises_own_event", tok, spec, lang, lookup_spec):
            continue
        out.append((tok, spec))
    return out


# Events whose object/complement describes another (threatened, requested, rejected,
# alleged, agreed) event: that inner event is content, not a separate occurrence.
CONTENT_TYPES = {"THREATEN", "REQUEST", "REJECT", "ACCUSE", "AGREE"}

# verbs (and nouns) that stop, cancel or put off what they govern: "suspend talks", "cancelled the
# visit", "l'annulation du sommet" -- the governed event does not take place
LIFTING_LEMMAS = shared_set("lifting_lemmas")
STOPPING_LEMMAS = shared_set("stopping_lemmas") | LIFTING_LEMMAS
STOPPING_NOUNS_ONLY = shared_set("stopping_nouns_only")
# dependency labels along which an argument (or the argument of an argument) is reached
TRANSPARENT_NOUNS = shared_set("transparent_nouns")


def _stopping(h) -> bool:
    """Does `h` stop what it governs: a stopping lemma, or a phrasal one ("call off")?"""
    lem = h.lemma_.lower()
    if lem in STOPPING_NOUNS_ONLY and h.pos_ != "NOUN":
        return False
    return lem in STOPPING_LEMMAS or any(
        c.dep_ in ("prt", "compound:prt") and f"{lem} {c.lower_}" in STOPPING_LEMMAS for c in h.children)


_CONTENT_PATH_DEPS = {"pcomp", "pobj", "prep", "dobj", "obj", "xcomp", "nmod", "obl", "obl:arg", "acl", "case",
                      "mark", "ccomp", "conj"}
_CONTENT_OUTER = {"ACCUSE", "REJECT", "THREATEN", "REQUEST"}


def _lexical_type(tok, lang: str) -> str | None:
    """The type the lexicon gives the word before its senses decide ("accepter": AGREE, though
    "a accepté de retirer" is a concession): what it governs is still its content."""
    if tok.pos_ not in ("VERB", "NOUN"):
        return None
    spec = lookup_spec(lang, tok.pos_, tok.lemma_.lower())
    return spec.event_type if spec is not None else None


CONDEMNING_VERBS = shared_set("condemning_verbs")
JOINT_AGREEMENT_VERBS = shared_set("joint_agreement_verbs")
# acts one condemns as having happened (not "dénoncer l'accord de 2012": renouncing a treaty)
HOSTILE_TYPES = frozenset(("ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "THREATEN"))
DEFINITE_DETS = shared_set("definite_articles")


def condemned_act(tok, h) -> bool:
    """Is noun `tok` the definite object of a verb of condemnation ("ont condamné l'attaque
    perpétrée le 14 novembre")? That act took place: an event of its own, unlike what someone is
    accused of ("accusé X d'avoir attaqué")."""
    return tok.pos_ == "NOUN" and tok.dep_ in ("obj", "dobj") and h.i == tok.head.i and \
        h.lemma_.lower() in CONDEMNING_VERBS and any(c.dep_ == "det" and c.lower_ in DEFINITE_DETS for c in tok.children)


def _content_complement(tok, spec_by_i: dict) -> bool:
    """Is `tok` the clausal complement of a verb of accusation, denial, threat or request (the act
    "urged X to release", "threatened to close" describe)?"""
    h = grammar.swallowed_governor(tok) or tok.head
    # (the parser often hangs "called on X to release ..." as an adverbial infinitive; "a en outre menacé de saisir")
    infinitive = tok.dep_ in ("xcomp", "ccomp") or h.i != tok.head.i or (tok.dep_ == "advcl" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in tok.children))
    return infinitive and h.i != tok.i and h.i in spec_by_i and \
        spec_by_i[h.i].event_type in _CONTENT_OUTER and spec_by_i[h.i].pos == "VERB"


def _is_embedded_content(tok, spec: TriggerSpec, spec_by_i: dict) -> bool:
    """Is this trigger the *content* of another one rather than an event of its own?

    - the argument of a stopping verb/noun ("suspend EU accession talks");
    - embedded (two or more links down) in the complement of an accusation, denial, threat or
      request: "accused the army of shelling civilians", "accused of blocking aid", "urged X to
      halt the offensive" -- the alleged/demanded event is not asserted;
    - a participial clause of an event of the same type ("clashed ..., killing three soldiers",
      "struck ..., killing 12"): the consequence, not a second event.
    An event noun in a setting phrase ("après l'arraisonnement", "during the protests") took place.
    """
    if circumstantial(tok):
        return False
    if tok.dep_ in ("dobj", "obj", "pobj", "nmod") and tok.pos_ in ("NOUN", "PROPN"):
        h = tok.head if tok.dep_ != "pobj" else tok.head.head
        if h.i != tok.i and fold(h.lemma_) in TRANSPARENT_NOUNS and h.dep_ in ("dobj", "obj", "nmod"):
            h = h.head  # "called off the rest of its strike": through the noun of phase
        # ... unless a lifted measure tells its own imposition ("a levé les sanctions imposées en janvier")
        if h.i != tok.i and _stopping(h) and not (h.lemma_.lower() in LIFTING_LEMMAS and any(
                c.dep_ in ("acl", "amod") and c.pos_ == "VERB" and "Part" in c.morph.get("VerbForm") for c in tok.children)):
            return True
    if tok.pos_ == "VERB" and _content_complement(tok, spec_by_i):
        return True  # "urged Havana to release the detainees": the requested act
    if tok.pos_ == "VERB" and tok.dep_ == "conj" and "Inf" in tok.morph.get("VerbForm") and \
            tok.head.pos_ == "VERB" and _content_complement(tok.head, spec_by_i):
        return True  # "a sommé Téhéran de cesser les travaux et de négocier": the second requested act
    if tok.dep_ == "advcl" and tok.tag_ == "VBG" or (tok.dep_ == "advcl" and "Part" in tok.morph.get("VerbForm")
                                                    and "Pres" in tok.morph.get("Tense")):
        h = tok.head
        if h.i in spec_by_i and spec_by_i[h.i].event_type == spec.event_type:
            return True
    if detached_participle(tok) or object_conjunct(tok) or sequenced_clause(tok):
        # "a rejeté ces demandes, accusant Séoul de ...", "a convoqué l'ambassadeur et réclamé ...",
        # "a balayé ces accusations avant de convoquer l'ambassadeur": a second act of the subject
        return False
    if tok.pos_ == "VERB" and tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "cc" for c in tok.children):
        return False  # "a convoqué l'ambassadeur, et réclamé ...": a coordinated act the parser hung on a noun
    cur, hops = tok, 0
    # (coordination is climbed between complements, "of firing and of beating", not between clauses)
    while hops < 5 and cur.head.i != cur.i and cur.dep_ in _CONTENT_PATH_DEPS and \
            not (cur.dep_ == "conj" and cur.pos_ in ("VERB", "AUX")):
        cur = cur.head
        hops += 1
        if cur.i in spec_by_i and cur.i != tok.i:
            if hops >= 2 and spec_by_i[cur.i].event_type in _CONTENT_OUTER and spec_by_i[cur.i].pos == "VERB":
                return True
            # "warned that drivers would march on the square", "threatened to close the crossings":
            # the threatened act itself, no event
            if hops == 1 and spec_by_i[cur.i].event_type == "THREATEN" and spec_by_i[cur.i].pos == "VERB" and \
                    tok.dep_ in ("ccomp", "xcomp") and tok.pos_ in ("VERB", "AUX"):
                return True
            # the act a proposal, demand or accusation noun describes ("la proposition de Caracas
            # d'ouvrir des négociations", "la demande d'Alger de retirer ses troupes"); what an
            # agreement provides for is an announced act of its own ("un accord prévoyant des patrouilles")
            if hops >= 2 and spec_by_i[cur.i].event_type in CONTENT_TYPES and cur.pos_ == "NOUN" \
                    and tok.pos_ != "PROPN" and cur.lemma_.lower() not in _AGREEMENT_NOUNS:
                return True
            # "accused X of beating migrants before expelling them": inside content, still content
            # ("called on Havana to release all those detained for demanding ...": inside the requested act)
            return hops >= 2 and (_content_complement(cur, spec_by_i) or (
                cur.dep_ in _CONTENT_PATH_DEPS and _is_embedded_content(cur, spec_by_i[cur.i], spec_by_i)))
    return False


def _promised_acts(triggers, spec_by_i: dict, lang: str) -> dict:
    """{act: promise} token indices of the acts a commissive verb governs as its infinitive ("vowed to
    retaliate", "pledged to deliver 100,000 tonnes of crude", "voted to ban imports"): the event is
    the promised act (status future), not a separate agreement ("pledged not to strike": a negated act,
    no event); so is a one-sided giving act a consent verb governs ("agreed to donate vehicles")."""
    commissives = word_set(lang, "commissive_verbs")
    consents, consented = word_set(lang, "consent_verbs"), word_set(lang, "consented_types")
    return {t.i: t.head.i for t, sp in triggers if t.dep_ == "xcomp" and t.pos_ == "VERB" and t.head.i != t.i
            and t.head.i in spec_by_i and (t.head.lemma_.lower() in commissives or (
                t.head.lemma_.lower() in consents and sp.event_type.lower() in consented))}


_TRIGGERS_KEY = "_newsevents_triggers"
_STATUS_KEY = "_newsevents_status"


def sentence_triggers(doc, lang: str):
    """(triggers, their token indices, the triggers kept as events of their own) of a parsed
    sentence; depends on the Doc only, so memoised on it (repeated sentences share one Doc)."""
    key = (_TRIGGERS_KEY, lang)
    cached = doc.user_data.get(key)
    if cached is not None:
        return cached
    triggers = find_triggers(doc, lang)
    trig_idx = {t.i for t, _ in triggers}
    # drop noun triggers that are the content of another trigger (menacer d'une opération)
    kept = []
    spec_by_i_all = {t.i: sp for t, sp in triggers}
    promised = _promised_acts(triggers, spec_by_i_all, lang)
    for tok, spec in triggers:
        nested = False
        if tok.i in promised.values() and not _mutual(tok):
            continue  # "pledged to deliver crude": the promise is told by the promised act
        if tok.i in promised:
            kept.append((tok, spec))
            continue
        if spec.symmetric and circumstantial(tok):
            kept.append((tok, spec))  # "agreed in a phone call": the setting, an event of its own
            continue
        if tok.pos_ in ("NOUN", "PROPN") or tok.dep_ in ("xcomp",):
            h = tok.head
            hops = 0
            while h.i != tok.i and hops < 2:
                # (an event noun in a setting phrase, "a convoqué l'ambassadeur après l'arraisonnement
                # d'un chalutier", took place: it is no content of the verb)
                if h.i in trig_idx and h.i != tok.i and tok.dep_ in ("obj", "dobj", "nmod", "obl", "obl:arg", "xcomp", "pobj", "obl:mod") \
                        and not circumstantial(tok):
                    hspec = spec_by_i_all[h.i]
                    # a joint act two sides agree on ("se sont entendus sur des patrouilles
                    # communes") is an announced act of its own, like what an agreement provides for
                    joint = hspec.event_type == "AGREE" and spec.symmetric and spec.event_type != "AGREE" and \
                        h.lemma_.lower() in JOINT_AGREEMENT_VERBS
                    joint = joint or (spec.event_type in HOSTILE_TYPES and condemned_act(tok, h))
                    if not joint and (hspec.event_type in CONTENT_TYPES or hspec.event_type == spec.event_type or
                                      _lexical_type(h, lang) in CONTENT_TYPES):
                        nested = True
                    break
                if h.head.i == h.i or h.pos_ in ("VERB",):
                    break
                h, hops = h.head, hops + 1
        if not nested and tok.pos_ in ("NOUN", "PROPN"):
            # "une accusation rejetée par le Venezuela": the noun is the content of the REJECT
            # (not the setting of what its clause tells: "a call during which they agreed to ...")
            for c in tok.children:
                if c.i in spec_by_i_all and c.dep_ in ("acl", "acl:relcl", "relcl", "amod") and \
                        spec_by_i_all[c.i].event_type in CONTENT_TYPES and spec_by_i_all[c.i].event_type != spec.event_type \
                        and not _relative_setting(c):
                    nested = True
                    break
            # "Une exigence aussitôt balayée par Helsinki", "la proposition a été rejetée par Moscou": the same, when
            # the parser makes the noun the passive subject of the rejecting participle (an act one condemns, "l'attaque
            # a été condamnée", took place); "un couvre-feu a été décrété": one measure, told by its verb
            ht = spec_by_i_all[tok.head.i].event_type if tok.head.i in spec_by_i_all else None
            nested = nested or (tok.dep_ in ("nsubj:pass", "nsubjpass") and ht is not None and ((ht == spec.event_type and ht in HOSTILE_TYPES) or (
                ht in CONTENT_TYPES and ht != spec.event_type and spec.event_type not in HOSTILE_TYPES | {"PROTEST"})))
        if not nested:
            nested = _is_embedded_content(tok, spec, spec_by_i_all) or contrasted_background(tok) or (
                # "ont défilé pour dénoncer la directive", "rallied on Sunday, urging the government to ...": what
                # the protest denounces or demands, no accusation or request of its own
                (spec.event_type == "ACCUSE" and purpose_clause(tok) and spec_by_i_all.get(tok.head.i, spec).event_type == "PROTEST") or
                (spec.event_type == "REQUEST" and protest_content(tok, spec_by_i_all)) or
                purpose_of_other_act(tok, spec, spec_by_i_all, lang))
        if not nested:
            kept.append((tok, spec))
    cached = doc.user_data[key] = (triggers, trig_idx, kept)
    return cached


def _mutual(tok) -> bool:
    """Is the subject of this commitment two sides ("le Cambodge et la Thaïlande se sont engagés", "les
    deux parties se sont engagées")? A mutual pledge is an agreement as well as the act it promises."""
    return any(c.dep_ in ("nsubj", "nsubj:pass") and any(g.dep_ in ("conj", "nummod") for g in c.children)
               for c in tok.children)


def _relative_setting(clause) -> bool:
    """Does this relative clause take its noun as a circumstance, through a preposition and a
    relative pronoun ("during which", "au cours duquel", "lors de laquelle"), not as its object?"""
    return any(c.dep_ in ("prep", "obl", "obl:mod", "nmod") and any(
        "Rel" in g.morph.get("PronType") or g.tag_ in ("WDT", "WP") for g in (c, *c.children))
        for c in clause.children)


def trigger_status(doc, tok, lang: str, event_type: str):
    """`status_of`, memoised on the Doc (it reads the parse only)."""
    memo = doc.user_data.get(_STATUS_KEY)
    if memo is None:
        memo = doc.user_data[_STATUS_KEY] = {}
    key = (tok.i, lang, event_type)
    res = memo.get(key)
    if res is None:
        res = memo[key] = status_of(tok, lang, event_type)
    return res
