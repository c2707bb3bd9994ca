"""Event mentions: sentences -> PLOVER events with parties, date, place and status.

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

import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Iterable, Iterator

from pipeline.core.models import ActorRef, EventMention
from pipeline.extract import actors as actors_mod
from pipeline.extract import arguments as args_mod
from pipeline.extract import senses
from pipeline.extract.actors import Resolution, fold, resolvable, resolve_span
from pipeline.extract.coref import PAIR_WORDS, PRON_1, PRON_3PL, PRON_3SG_F, PRON_3SG_M, Memory
from pipeline.extract.event_dates import (
    DiscourseDater,
    _article_reference,
    _date_value,
    _dates_for_article,
    choose_date,
)
from pipeline.extract.learned import propose_triggers
from pipeline.extract.lexicon import LEXICON, TriggerSpec, shared_set
from pipeline.extract.senses import prep_args as _prep_args
from pipeline.extract.senses import prep_of as _prep_of
from pipeline.extract.status import SPEECH_LEMMAS, circumstantial, intent_to_meet, status_of
from pipeline.text.nlp import DOC_TEXT, ent_type, normalise_for_nlp

# ----------------------------------------------------------------------------- sentences
_ABBREV = {"m", "mm", "mme", "mmes", "mlle", "dr", "st", "ste", "sr", "jr", "mr", "mrs", "ms", "prof", "gen",
           "gén", "col", "lt", "sgt", "av", "etc", "vs", "no", "art", "p", "pp", "cf", "ex", "env", "min",
           "sen", "rep", "gov", "u.s", "d.c", "u.n", "u.k", "e.u", "inc", "corp", "ltd", "jan", "feb", "fév",
           "févr", "janv", "sept", "oct", "nov", "déc", "dec", "aug", "apr", "mar", "jun", "jul"}
_SENT_END = re.compile(r"[.!?…]+[\"»”’)\]]*\s+|\n+")


_LAST_WORD_RE = re.compile(r"([\w.]+)\.?$")
_WORD_RE = re.compile(r"\w+")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets; paragraphs are always boundaries."""
    out: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    for m in _SENT_END.finditer(text):
        end = m.end()
        if "\n" not in m.group(0):
            # abbreviation or initial before the period?
            before = text[start:m.start() + 1]
            word = _LAST_WORD_RE.search(before)
            w = (word.group(1).rstrip(".").lower() if word else "")
            if m.group(0).startswith(".") and (w in _ABBREV or (len(w) == 1 and w.isalpha())):
                continue
            nxt = text[end:end + 1]
            if nxt and not (nxt.isupper() or nxt in "«\"“'‘-—–(0123456789[" or not nxt.isalpha()):
                continue
        s, e = start, m.start() + len(m.group(0).rstrip())
        seg = text[s:e]
        if seg.strip():
            lead = len(seg) - len(seg.lstrip())
            out.append((s + lead, e))
        start = end
    if start < n and text[start:].strip():
        seg = text[start:]
        lead = len(seg) - len(seg.lstrip())
        out.append((start + lead, n - (len(seg) - len(seg.rstrip()))))
    return out


# ----------------------------------------------------------------------------- prefilter
_PREFIX_CACHE: dict[str, frozenset[str]] = {}


def _prefixes(lang: str) -> frozenset[str]:
    if lang not in _PREFIX_CACHE:
        from pipeline.extract.lexicon import prefilter_stems

        _PREFIX_CACHE[lang] = frozenset(s for s in prefilter_stems(lang) if len(s) >= 2)
    return _PREFIX_CACHE[lang]


_CANDIDATE_MEMO: dict = {}


def is_candidate(sentence: str, lang: str) -> bool:
    """Does the sentence contain a word starting like a trigger lemma (then it is parsed)?
    Memoised per sentence (repeated sentences); the sentence is folded without going through
    `fold`'s cache, which is meant for words."""
    key = (lang, sentence)
    v = _CANDIDATE_MEMO.get(key)
    if v is None:
        v = False
        pref = _prefixes(lang)
        for w in _WORD_RE.findall(fold.__wrapped__(sentence)):
            if any(w[:k] in pref for k in range(2, min(len(w), 7) + 1)):
                v = True
                break
        if len(_CANDIDATE_MEMO) >= 50000:
            _CANDIDATE_MEMO.clear()
        _CANDIDATE_MEMO[key] = v
    return v


# ----------------------------------------------------------------------------- helpers
RECIP_PREPS = {
    "fr": {"à", "au", "aux", "avec", "contre", "envers", "vers", "auprès", "sur", "entre", "face", "pour"},
    "en": {"to", "with", "against", "on", "at", "toward", "towards", "into", "from", "between", "upon", "over"},
}
AGENT_PREPS = {"fr": {"par"}, "en": {"by"}}
COMITATIVE = {"avec", "with"}
OF_PREPS = {None, "de", "du", "des", "d'", "of"}  # "devant le Parlement" is a setting, not a group's make-up
SUBJ_DEPS = {"nsubj", "csubj"}
PASS_SUBJ_DEPS = {"nsubj:pass", "nsubjpass"}
OBJ_DEPS = {"obj", "dobj", "iobj", "dative"}
NP_DEPS = {"det", "amod", "flat", "flat:name", "flat:foreign", "compound", "appos", "nummod", "fixed", "nmod",
           "case", "poss", "nmod:poss", "npadvmod", "pobj", "prep", "punct", "cc", "conj"}
LIGHT_SKIP_SPEECH = True
_QUOTE_CHARS = '"«»“”'


class _DocView:
    """Plain copy (tuples of strings and ints) of the token attributes that noun-phrase walks
    read (part of speech, dependency label, lower-case form, head, children in order, character
    offsets), built once per Doc: walking it does not create spaCy Token objects. Memoised on
    the Doc (`_view`)."""

    __slots__ = ("pos", "dep", "lower", "head", "children", "start", "end", "nps")

    def __init__(self, doc):
        from spacy.attrs import DEP, HEAD, IDX, LOWER, ORTH, POS

        n = len(doc)
        string = _string_of(doc.vocab.strings)
        head, pos, dep, lower, start, end = [], [], [], [], [], []
        for i, (h, p, d, low, idx, orth) in enumerate(doc.to_array([HEAD, POS, DEP, LOWER, IDX, ORTH]).tolist()):
            head.append(i + h if h < 1 << 63 else i + h - (1 << 64))  # HEAD: relative, as an unsigned integer
            pos.append(string(p))
            dep.append(string(d))
            lower.append(string(low))
            start.append(idx)
            end.append(idx + len(string(orth)))
        children: list[list[int]] = [[] for _ in range(n)]
        for i, h in enumerate(head):
            if h != i:
                children[h].append(i)  # ascending, like Token.children
        # tuples of strings and ints: the garbage collector stops tracking them (cached Docs
        # keep their views; lists would make every full collection walk them)
        self.head, self.pos, self.dep, self.lower = tuple(head), tuple(pos), tuple(dep), tuple(lower)
        self.start, self.end = tuple(start), tuple(end)
        self.children = tuple(tuple(c) for c in children)
        self.nps: dict = {}

    def prep_of(self, i: int) -> str | None:
        """`_prep_of` of token i."""
        h = self.head[i]
        if self.dep[i] == "pobj" and self.dep[h] in ("prep", "agent", "dative"):
            return self.lower[h]
        for c in self.children[i]:
            if self.dep[c] in ("case", "fixed"):
                return self.lower[c]  # the first case child
        return None

    def np_tokens(self, i: int, limit: int = 25) -> tuple[int, ...]:
        """`_np_tokens` of token i (sorted indices), memoised."""
        key = (i, limit)
        out = self.nps.get(key)
        if out is not None:
            return out
        dep, lower, children = self.dep, self.lower, self.children
        keep = {i}
        stack = [i]
        first = True
        while stack and len(keep) < limit:
            t = stack.pop()
            for c in children[t]:
                d = dep[c]
                if d in _NP_STOP_DEPS:
                    continue
                if d in ("nmod", "prep") and first:
                    p = self.prep_of(c) if d == "nmod" else lower[c]
                    if p not in (None, "de", "du", "des", "d'", "of", "'s"):
                        continue
                elif d in ("nmod", "prep") and not first:
                    p = self.prep_of(c) if d == "nmod" else lower[c]
                    if p not in ("de", "du", "des", "d'", "of"):
                        continue
                keep.add(c)
                stack.append(c)
            first = False
        out = self.nps[key] = tuple(sorted(keep))
        return out


_STRINGS: dict = {}


def _string_of(strings):
    """hash -> string of a StringStore, through a per-process dict (a StringStore lookup decodes
    the string every time). Strings never change for a hash, so the memo is exact."""
    memo = _STRINGS.get(id(strings))
    if memo is None or memo[0] is not strings:
        memo = _STRINGS[id(strings)] = (strings, {})
    table = memo[1]

    def string(h):
        s = table.get(h)
        if s is None:
            s = strings[h]
            if len(table) < 1_000_000:
                table[h] = s
        return s

    return string


_NP_STOP_DEPS = frozenset(("conj", "cc", "acl", "acl:relcl", "relcl", "advcl", "ccomp", "punct", "parataxis"))
_VIEW_KEY = "_newsevents_view"


def _view(doc) -> _DocView:
    v = doc.user_data.get(_VIEW_KEY)
    if v is None:
        v = doc.user_data[_VIEW_KEY] = _DocView(doc)
    return v


def _np_tokens(tok, limit: int = 25):
    """Tokens of the noun phrase headed by `tok` (no relative clauses, no coordination): sorted
    indices (a tuple, shared: do not modify)."""
    return _view(tok.doc).np_tokens(tok.i, limit)


def _doc_text(doc) -> str:
    """doc.text rebuilds the string on every access: keep it once per parsed sentence
    (`parse_texts` stores the text it parsed, which is doc.text)."""
    t = doc.user_data.get(DOC_TEXT)
    if t is None:
        t = doc.user_data[DOC_TEXT] = doc.text
    return t


def _span_text(doc, idxs) -> tuple[str, int, int]:
    v = _view(doc)
    s, e = v.start[idxs[0]], v.end[idxs[-1]]
    return _doc_text(doc)[s:e], s, e


def _conjuncts(tok):
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN", "PRON", "X"):
            out.extend(_conjuncts(c))
    return out


# ----------------------------------------------------------------------------- trigger finding
EVALUATIVE_VERBS = shared_set("evaluative_verbs")
_SPEC_CACHE: dict = {}
_REFLEXIVE_RE = re.compile(r"^(?:s'|s’|se )")


def _lookup(lang: str, pos: str, lemma: str) -> TriggerSpec | None:
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
    return ()


def could_trigger(lang: str, pos: str, lemma: str, lower: str, text: str) -> bool:
    """Can a token with these attributes (part of speech, lemma, lower-case form, text) get a
    trigger spec in `find_triggers`: a multi-word head, or a verb/noun lexicon entry through the
    same lookups, whatever its morphology? A superset of the tokens `find_triggers` keeps."""
    lemma = lemma.lower()
    mb = _multi_by_head(lang)
    if lemma in mb or (pos == "ADJ" and any(c in mb for c in _participle_verbs(lemma))):
        return True
    if pos in ("VERB", "ADJ", "AUX"):
        if _lookup(lang, "VERB", lemma) is not None:
            return True
        return pos == "ADJ" and any(_lookup(lang, "VERB", cand) is not None for cand in _participle_verbs(lemma))
    if pos in ("NOUN", "PROPN") and (pos == "NOUN" or text.islower()):
        return bool(_lookup(lang, "NOUN", lemma) or _lookup(lang, "NOUN", lower) or (
            lower.endswith("s") and _lookup(lang, "NOUN", lower[:-1])))
    return False


def trigger_positions(doc, lang: str) -> list[int]:
    """Indices of the tokens of `doc` that `could_trigger`, read from the token arrays (no Token
    objects for the others); memoised per distinct attribute tuple."""
    from spacy.attrs import LEMMA, LOWER, ORTH, POS

    string = _string_of(doc.vocab.strings)
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
    return out


def find_triggers(doc, lang: str, positions=None):
    """(token, spec) of the event triggers of a parsed sentence, in order. `positions`: the
    token indices to consider (default: `trigger_positions`, the only ones that can qualify)."""
    out = []
    multi_by_head = _multi_by_head(lang)
    used = set()
    for ti in (trigger_positions(doc, lang) if positions is None else positions):
        tok = doc[ti]
        lemma = tok.lemma_.lower()
        heads = (lemma,) + (_participle_verbs(lemma) if tok.pos_ == "ADJ" else ())
        # multi-word triggers first
        for (h, d), spec in (m for hl in heads for m in multi_by_head.get(hl, ())):
            # the dependent by lemma or by form ("coordinated patrolling": lemma coordinate)
            if h in heads and any(c.lemma_.lower() == d or fold(c.lemma_.lower()) == fold(d) or c.lower_ == d
                                  for c in tok.subtree if c.i != tok.i and abs(c.i - tok.i) <= MULTI_SPAN):
                out.append((tok, replace(spec, lemma=f"{h} {d}")))
                used.add(tok.i)
                break
        if tok.i in used:
            continue
        spec = None
        if tok.pos_ in ("VERB",) or (tok.pos_ in ("ADJ", "AUX") and "Part" in tok.morph.get("VerbForm")):
            spec = _lookup(lang, "VERB", lemma)
            if spec is None and tok.pos_ == "ADJ":
                # participles tagged ADJ: "accusé", "rejetée"
                for cand in _participle_verbs(lemma):
                    spec = _lookup(lang, "VERB", cand)
                    if spec:
                        break
        elif tok.pos_ in ("NOUN", "PROPN") and (tok.pos_ == "NOUN" or tok.text.islower()):
            spec = _lookup(lang, "NOUN", lemma) or _lookup(lang, "NOUN", tok.lower_)
            if spec is None and tok.lower_.endswith("s"):
                spec = _lookup(lang, "NOUN", tok.lower_[:-1])
        if spec is None:
            continue
        if spec.pos == "NOUN" and (tok.dep_ == "appos" or any(
                c.dep_ == "det" and ("Dem" in c.morph.get("PronType") or c.lower_ in ("ce", "cet", "cette", "ces", "this", "these", "that", "those"))
                for c in tok.children)):
            continue  # anaphoric: "ces menaces", "cette invitation" refer back to reported events
        if spec.pos == "NOUN" and _is_topic(tok):
            continue  # "travaillé sur les sanctions", "talked about sanctions": a topic, not an event
        if lang == "en" and spec.pos == "VERB" and tok.dep_ == "amod" and tok.tag_ == "VBN":
            continue  # "a detained French teacher", "the disputed border": a state, not an event here
        if spec.special:
            spec = senses.disambiguate(tok, spec, lang, _lookup)
            if spec is None:
                continue
        if spec.pos == "VERB" and lemma in EVALUATIVE_VERBS and senses.holds("praises_own_event", tok, spec, lang, _lookup):
            continue
        out.append((tok, spec))
    return out


# ----------------------------------------------------------------------------- parties
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


NON_ACTOR_HEADS = shared_set("non_actor_heads")


PROPOSAL_TYPES = {"REJECT", "REQUEST", "AGREE", "SUPPORT"}
# nouns of phase/degree that pass their governing verb on to the event noun they govern
TRANSPARENT_NOUNS = shared_set("transparent_nouns")
QUANTITY_NOUNS = shared_set("quantity_nouns")
UNIDENTIFIED_ATTACKERS = shared_set("unidentified_attackers")
# possessive determiners (articles such as "l'", "la", "les" are NOT possessives)
POSS_3 = {"fr": {"son", "sa", "ses", "leur", "leurs"}, "en": {"his", "her", "its", "their"}}
POSS_1 = {"fr": {"mon", "ma", "mes", "notre", "nos"}, "en": {"my", "our"}}


PLURAL_PRONOUNS = {"fr": {"ils", "eux"}, "en": {"they", "them"}}


class _Resolver:
    def __init__(self, st: ArticleState, doc, offset: int, on_date: date | None):
        self.st, self.doc, self.offset, self.on_date = st, doc, offset, on_date
        self.cache: dict[int, list[Party]] = {}

    def place_country(self) -> str | None:
        """Country of the place this sentence is located at (else the article's main place)."""
        from pipeline.extract import places

        loc = places.resolve_event_place(_doc_text(self.doc), self.offset, self.st.places, self.st.lang)
        return loc.country if loc is not None else None

    def possessor(self, det, noun) -> list[Party]:
        """Owner of a 3rd-person possessive: the subject of the clause the possessed noun is an
        argument of ("le cartel a exprimé son mécontentement" -> le cartel), else the pronoun
        memory (the latest compatible party)."""
        gov = noun.head
        hops = 0
        while gov.i != noun.i and gov.pos_ not in ("VERB", "AUX") and hops < 2 and gov.head.i != gov.i:
            gov, hops = gov.head, hops + 1
        if gov.pos_ in ("VERB", "AUX") and noun.dep_ not in SUBJ_DEPS | PASS_SUBJ_DEPS and not _is_passive(gov):
            subs = [x for x in _subject_of(gov) if x.i != noun.i and x.lower_ not in PRON_1.get(self.st.lang, ())]
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
        return self.st.memory.speaker(self.offset + tok.idx)

    def resolve_tok(self, tok, allow_first_person: bool = True) -> list[Party]:
        """Resolve the party headed by `tok` (with its conjuncts)."""
        if tok.i in self.cache:
            return self.cache[tok.i]
        out: list[Party] = []
        for t in _conjuncts(tok):
            out.extend(self._resolve_one(t, allow_first_person) or [
                p for a in args_mod.participle_agents(t) if a.i != t.i for p in self.resolve_tok(a)])
        self.cache[tok.i] = out
        return out

    def _coordinated_nationalities(self, t) -> list[Party]:
        """"Thai and Cambodian troops", "les armées rwandaise et congolaise": one party per
        coordinated nationality (the sector comes from the head noun)."""
        if t.pos_ != "NOUN":
            return []
        mods = [c for c in t.children if c.dep_ in ("amod", "nmod", "compound") and c.pos_ in ("ADJ", "PROPN")
                and not any(g.dep_ in ("case",) for g in c.children)]
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
            c = actors_mod.demonym_country(m.text) or actors_mod.name_country(m.text, self.st.lang)
            if c and c not in [x[0] for x in countries]:
                countries.append((c, m))
        if len(countries) < 2:
            return []
        sector = actors_mod.SECTOR_WORDS.get(fold(t.lemma_)) or actors_mod.SECTOR_WORDS.get(fold(t.text)) or "GOV"
        out = []
        for c, m in countries:
            txt = f"{m.text} {t.text}"
            out.append(Party(Resolution(ActorRef(text=txt, name=None, country=c, sector=sector), None, "demonym",
                                        0, len(txt)), t.i, "parse"))
        return out

    def _resolve_one(self, t, allow_first_person=True) -> list[Party]:
        lang = self.st.lang
        low = t.lower_
        pos = self.offset + t.idx
        mem = self.st.memory
        if t.pos_ == "PRON" or low in PRON_3SG_M.get(lang, set()) | PRON_3SG_F.get(lang, set()) | PRON_3PL.get(lang, set()):
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
            if low in PLURAL_PRONOUNS.get(lang, ()) and "Sing" not in t.morph.get("Number"):
                # "ils ont eu leur premier échange", "they spoke": a plural pronoun after two persons
                # of different countries refers to both of them (one party each)
                pair = mem.pair(pos, persons=True, window=400)
                if pair is None and not any(e.plural and pos - e.pos < 300 for e in mem.entries if e.pos < pos):
                    # no plural antecedent nearby: the two most salient persons of the article
                    pair = mem.salient_pair(pos, persons=True)
                if pair:
                    return [Party(p, t.i, "pair") for p in pair]
            main = args_mod.reporting_subject(t, PRON_3SG_M.get(lang, set()) | PRON_3SG_F.get(lang, set()))
            if main is not None and main.i != t.i:
                # "Le gouvernement a annoncé qu'il recevrait ...": the subject of the reporting clause
                ps = self.resolve_tok(main)
                if ps:
                    return [Party(p.res, t.i, "coref") for p in ps]
            r = mem.pronoun(low, lang, pos)
            return [Party(r, t.i, "coref")] if r else []
        if fold(t.lemma_) in QUANTITY_NOUNS or fold(t.lower_) in QUANTITY_NOUNS:
            # "des milliers de manifestants", "dozens of demonstrators": the party is the complement
            for c in t.children:
                g = None
                if c.dep_ in ("nmod", "obl") and _prep_of(c) in ("de", "d'", "des", "du"):
                    g = c
                elif c.dep_ == "prep" and c.lower_ == "of":
                    g = next((x for x in c.children if x.dep_ == "pobj"), None)
                if g is not None:
                    return self.resolve_tok(g)
        multi = self._coordinated_nationalities(t)
        if multi:
            return multi
        if t.pos_ == "NOUN" and fold(t.lemma_) in actors_mod.SECTOR_WORDS:
            # "des délégations de la RDC et du Rwanda": one party per coordinated complement
            multi = [p for c in args_mod.coordinated_complements(t) for p in self._resolve_one(c, allow_first_person)]
            if len({p.res.ref.country for p in multi if p.res.ref.country}) >= 2:
                return multi
        idxs = _np_tokens(t)
        text, s, e = _span_text(self.doc, idxs)
        # "les deux dirigeants", "both leaders"
        pair_tok = args_mod.definite_pair(t, PAIR_WORDS)
        sides = ("pays", "country", "nation", "capitale", "camp", "side", "partie", "parti", "party", "gouvernement", "government")
        if pair_tok is not None and t.lemma_.lower() not in ("fois", "time", "jour", "day", "semaine", "tonne", "mois", "an", "année") \
                and (fold(t.lemma_) in actors_mod.SECTOR_WORDS or t.lemma_.lower() in ("homme", "man") + sides
                     or (pair_tok.i != t.i and pair_tok.lemma_.lower() in sides)):
            persons = t.lemma_.lower() not in sides
            # "les chefs de la diplomatie des deux pays": persons of the two countries, else the countries
            pair = list(self.st.dyad) or mem.salient_pair(pos, persons=persons) or (
                mem.salient_pair(pos, persons=False) if persons else None)
            if pair:
                return [Party(p, t.i, "pair") for p in pair]
            return []  # "les deux ministres" with no two parties set: unknown, never one of them
        # possessive determiner: "son homologue" is resolved by its own words; "sa famille" -> the possessor
        r = resolve_span(text, lang, self.on_date) or args_mod.title_with_complement(t, _np_tokens, lang, self.on_date)
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
        if r is None and t.lemma_.lower() in ("famille", "family", "entourage", "proche", "gouvernement", "government", "régime", "regime", "administration", "pays", "country", "camp", "épouse", "fils", "wife", "son"):
            for c in t.children:
                if c.dep_ in ("det", "poss", "nmod:poss") and c.lower_ in POSS_3.get(lang, set()):
                    ps = self.possessor(c, t)
                    if ps:
                        return ps
        if r is not None and t.pos_ != "PROPN" and not (s + r.start <= t.idx < s + r.end):
            head = fold(t.lemma_)
            if head in NON_ACTOR_HEADS or fold(t.text) in NON_ACTOR_HEADS or _lookup(lang, "NOUN", t.lemma_.lower()):
                r = None  # "la souveraineté colombienne", "la capture de Maduro" are not parties
        if r is None and t.pos_ == "NOUN" and (fold(t.lemma_) in UNIDENTIFIED_ATTACKERS or (
                fold(t.lemma_) in ("homme", "individu", "man", "men") and
                any(fold(c.lemma_) in ("arme", "armer", "armed", "masque", "masquer", "masked", "inconnu", "unidentified", "unknown")
                    for c in t.children if c.dep_ in ("amod", "acl")))):
            # "des hommes armés", "gunmen": an unidentified armed party (no country, kept for the event)
            return [Party(Resolution(ActorRef(text=text, name=None, country=None, sector="UNK"), None, "unidentified",
                                     0, len(text)), t.i, "parse")]
        tsec = actors_mod.SECTOR_WORDS.get(fold(t.lemma_)) or actors_mod.SECTOR_WORDS.get(fold(t.text)) or (
            "CVL" if fold(t.lower_) in args_mod.PEOPLE_COUNTS else None)  # "thousands rallied": people
        if r is None and tsec == "CVL" and t.pos_ == "NOUN":
            # protesters, civilians... without a nationality: the country of the place where it happens
            # ("des manifestants ... dans les rues de Nairobi" -> KEN)
            c = self.place_country()
            if c:
                return [Party(Resolution(ActorRef(text=text, name=None, country=c, sector="CVL"), None, "place",
                                         0, len(text)), t.i, "place")]
        if r is None and tsec and t.pos_ == "NOUN" and not any(
                c.dep_ == "det" and c.lower_ in ("un", "une", "des", "a", "an", "some", "plusieurs", "certains")
                for c in t.children):
            # generic definite title without country ("le cartel", "the ministry"): the latest party of
            # that sector; an indefinite one ("un responsable") introduces someone new
            sec = tsec
            rr = mem.same_sector(sec, pos)
            if rr is not None:
                return [Party(rr, t.i, "context")]
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
            # "Employment Minister X", "government officials" with no nationality in a story that
            # has named no other country so far: the state of the article's country
            sec = args_mod.state_title(text)
            c = self.place_country() if sec else None
            if c and not {e.res.ref.country for e in mem.entries if e.pos < pos and e.res.ref.country} - {c}:
                return [Party(Resolution(ActorRef(text=text, name=None, country=c, sector=sec), None, "place",
                                         0, len(text)), t.i, "place")]
        if r is None and tsec in args_mod.OWN_PARTY_SECTORS and t.pos_ == "NOUN":
            # "insurgents", "les rebelles", "une ONG" with no nationality and no earlier party of
            # that kind: a party of its own, coded without a country (never the nearby state)
            return [Party(Resolution(ActorRef(text=text, name=None, country=None, sector=tsec), None, "group",
                                     0, len(text)), t.i, "parse")]
        if r is None:
            return []
        return [Party(r, t.i, "parse")]


DOMESTIC_AUTHORITY = shared_set("domestic_authority")


OBJECT_CONTROL = shared_set("object_control")


def _subject_of(v, depth: int = 0):
    """(subject tokens, passive?) of verb `v`, climbing through conj/xcomp/advcl/acl."""
    subs = [c for c in v.children if c.dep_ in SUBJ_DEPS or c.dep_ == "nsubj:caus"] or args_mod.pronominal_subjects(v)
    if not subs and depth == 0:
        subs = args_mod.orphan_subject(v)
    subs = args_mod.misparsed_cosubject(v, subs) + subs
    if subs:
        # a person name the parser left as a case-less oblique before the verb is a co-subject
        # ("Donald Trump et son homologue, le président X, ont ..." -> Trump labelled obl:mod)
        orphans = [c for c in v.children if c.dep_ in ("obl", "obl:mod") and c.pos_ == "PROPN" and c.i < v.i
                   and ent_type(c) in ("PER", "PERSON") and not any(g.dep_ == "case" for g in c.children)]
        return orphans + subs if orphans else subs
    if depth <= 4 and "Part" in v.morph.get("VerbForm") and any(c.dep_ == "mark" and c.lower_ == "en" for c in v.children):
        # French gerund "en imposant des sanctions": its subject is the main clause's subject,
        # wherever the parser attached it
        h = v.head
        for _ in range(4):
            if h.i == h.head.i or h.pos_ in ("VERB", "AUX"):
                break
            h = h.head
        if h.pos_ in ("VERB", "AUX") and h.i != v.i:
            return _subject_of(h, depth + 1)
    if depth > 4 or v.head.i == v.i:
        return []
    if v.dep_ == "conj" and v.head.pos_ in ("VERB", "AUX", "ADJ", "NOUN"):
        return _subject_of(v.head, depth + 1) if v.head.pos_ != "NOUN" else []
    if v.dep_ in ("xcomp", "obl", "obl:arg", "obl:mod", "ccomp", "advcl", "obj") and v.head.pos_ in ("VERB", "AUX") and (
            v.dep_ == "xcomp" or v.head.lemma_.lower() in OBJECT_CONTROL | {"faire", "laisser"} or
            "Inf" in v.morph.get("VerbForm")):
        h = v.head
        # object control: "conduire X à parler", "demander à X de ...", "urge X to"
        if h.lemma_.lower() in OBJECT_CONTROL:
            objs = [c for c in h.children if c.dep_ in ("obj", "dobj", "iobj") and c.pos_ in ("NOUN", "PROPN", "PRON")]
            if not objs:
                objs = [c for p, c in _prep_args(h) if p in ("à", "au", "aux") and c.pos_ in ("NOUN", "PROPN", "PRON")]
            if objs:
                return objs
        return _subject_of(h, depth + 1)
    if v.dep_ in ("advcl", "acl", "ccomp", "csubj") and ("Ger" in v.morph.get("VerbForm") or "Part" in v.morph.get("VerbForm")
                                                        or "Inf" in v.morph.get("VerbForm") or v.tag_ in ("VBG", "VB")):
        if v.dep_ == "acl" and v.head.pos_ in ("NOUN", "PROPN") and "Part" in v.morph.get("VerbForm") and v.tag_ != "VBG":
            return []
        h = v.head
        if h.pos_ in ("VERB", "AUX"):
            return _subject_of(h, depth + 1)
    if v.dep_ in ("acl:relcl", "relcl"):
        return []
    return []


def _is_passive(v) -> bool:
    if args_mod.pronominal(v):
        return False
    if any(c.dep_ in PASS_SUBJ_DEPS | {"aux:pass", "auxpass"} for c in v.children):
        return True
    if "Pass" in v.morph.get("Voice"):
        return True
    return False


LIGHT_OBL_VERBS = shared_set("light_obl_verbs")
# weekday / time words the French parser sometimes labels as the object ("a imposé lundi de nouvelles sanctions")
TIME_WORDS = shared_set("time_words")


def _objects(tok):
    """Direct objects of a verb; a case-less oblique argument stands in for an object the parser
    misattached (object pushed to obl:arg behind a weekday taken as object)."""
    objs = [c for c in tok.children if c.dep_ in OBJ_DEPS and c.lemma_.lower() not in TIME_WORDS]
    if not objs:
        # "a accusé mercredi Bakou": the name parsed as flat:name of the weekday object
        objs = [g for c in tok.children if c.dep_ in OBJ_DEPS and c.lemma_.lower() in TIME_WORDS
                for g in c.children if g.dep_ in ("flat:name", "flat", "appos") and g.pos_ == "PROPN"]
    if not objs:
        # "a arrêté jeudi plusieurs opposants": the object parsed as a complement of the weekday
        for c in tok.children:
            if c.dep_ in ("obl:mod", "obl", "obj", "nmod") and c.lemma_.lower() in TIME_WORDS:
                objs.extend(g for g in c.children if g.dep_ in ("nmod", "appos") and g.pos_ in ("NOUN", "PROPN")
                            and not any(x.dep_ == "case" for x in g.children))
    if not objs:
        objs = [c for c in tok.children if c.dep_ == "obl:arg" and c.pos_ in ("NOUN", "PROPN")
                and not any(g.dep_ == "case" for g in c.children)]
    return objs


def _owners(noun) -> list:
    """Possessor / "of X" / "de X" complement of a noun ("the government's decision")."""
    out = []
    for c in noun.children:
        if c.dep_ in ("poss", "nmod:poss") and c.pos_ in ("NOUN", "PROPN"):
            out.append(c)
        elif c.dep_ == "nmod" and _prep_of(c) in ("de", "du", "des", "d'"):
            out.append(c)
        elif c.dep_ == "prep" and c.lower_ == "of":
            out.extend(g for g in c.children if g.dep_ == "pobj")
    return out


def parties_for(tok, spec: TriggerSpec, R: _Resolver, triggers_idx: set[int]):
    """Return (actors, recipients, notes, symmetric) for trigger `tok`."""
    lang = R.st.lang
    actors: list[Party] = []
    recips: list[Party] = []
    notes: list[str] = []
    symmetric = spec.symmetric
    rprep = RECIP_PREPS.get(lang, RECIP_PREPS["en"])
    aprep = AGENT_PREPS.get(lang, AGENT_PREPS["en"])

    def add(lst, toks):
        for t in toks:
            if t.i in triggers_idx and t.i != tok.i and t.pos_ == "NOUN" and not args_mod.agent_noun(t):
                continue
            lst.extend(R.resolve_tok(t))

    def pairs_from_entre():
        # "un échange de tirs entre X et Y": the parser may hang "entre" under the complement
        for p, c in _prep_args(tok) + [x for p0, c0 in _prep_args(tok) if p0 in ("de", "d'", "of") for x in _prep_args(c0)]:
            if p in ("entre", "between"):
                ps = R.resolve_tok(c)
                if len({x.res.ref.country for x in ps}) >= 2 or len(ps) >= 2:
                    return ps
        return None

    is_verb = tok.pos_ in ("VERB", "AUX", "ADJ") and spec.pos == "VERB"
    if is_verb:
        passive = _is_passive(tok) or (tok.dep_ in ("acl",) and "Part" in tok.morph.get("VerbForm") and tok.tag_ != "VBG"
                                       and not any(c.dep_.startswith("aux") or c.dep_ in OBJ_DEPS for c in tok.children))
        if tok.pos_ == "ADJ" and tok.dep_ in ("acl", "amod"):
            passive = True
        if passive:
            for p, c in _prep_args(tok):
                if p in aprep:
                    add(actors, [c])
            pass_subj = [c for c in tok.children if c.dep_ in PASS_SUBJ_DEPS]
            if pass_subj:
                add(recips, pass_subj)
            elif tok.dep_ in ("acl", "amod") and tok.head.pos_ in ("NOUN", "PROPN"):
                head = tok.head
                if head.i in triggers_idx or _lookup(lang, "NOUN", head.lemma_.lower()):
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
            subs = _subject_of(tok)
            add(actors, subs)
            if not actors and any(c.lower_ in ("me", "m'", "nous") and c.dep_ not in ("obj", "iobj") or
                                  (c.lower_ in ("me", "m'") and c.dep_.startswith("expl")) for c in tok.children):
                sp = R.speaker(tok)
                if sp is not None:
                    actors.append(Party(sp, tok.i, "coref"))
            if not subs and tok.dep_ in ("acl:relcl", "relcl") and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
                add(actors, [tok.head])
            objs = _objects(tok)
            # French clitic objects ("le", "la", "lui", "les") and "m'a appelé"; the actor's own
            # ("recalled its ambassador from X") is no recipient: the place it is taken from is
            add(recips, [o for o in objs if not args_mod.own_possessed(o)] or args_mod.own_possessed_from(objs))
            if not recips and spec.event_type in ("ASSAULT", "COERCE"):
                # "recaptured the village from Russian forces", "seized the tanker from Iran"
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
                        add(recips, _owners(c))
            if not recips and spec.event_type in args_mod.TRANSFER_TYPES:
                dest = args_mod.theme_destinations(tok, objs) + [c for p, c in _prep_args(tok) if p in args_mod.DESTINATION_PREPS]
                add(recips, dest)
                recips += [] if recips else [Party(r, t.i, "parse") for t, r in args_mod.destination_places(dest, lang)]
            if not recips:  # "restored relations with Iran", "signed an agreement with Finland"
                add(recips, args_mod.object_complements(objs))
            if not recips and spec.symmetric:
                # "s'est entretenu par téléphone avec son homologue chinois": the parser hangs the
                # comitative under the means oblique
                for p, c in _prep_args(tok):
                    if c.pos_ == "NOUN" and p not in rprep:
                        add(recips, [g for p2, g in _prep_args(c) if p2 in COMITATIVE])
            # object control: "a appelé les soldats américains à ..." handled by objs
        if not recips and spec.event_type in CONTENT_TYPES:
            # "a refusé de signer l'accord avec la Pologne", "denied bombing Sudan": the refused,
            # threatened or requested act's patient is the recipient (the act itself is not coded)
            for c in tok.children:
                if c.dep_ in ("xcomp", "ccomp", "dobj", "obj") and c.pos_ in ("VERB", "AUX"):
                    objs = _objects(c)
                    add(recips, objs + [g for p, g in _prep_args(c) if p in rprep])
                    if not recips:  # "signer la déclaration avec la Pologne"
                        add(recips, [g for o in objs for p, g in _prep_args(o) if p in rprep])
                    if recips:
                        notes.append("recipient_from_embedded_act")
                        break
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
        for p, c in _prep_args(tok):
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
            gov is not None and gov.lemma_.lower() in LIGHT_OBL_VERBS)
        if gov is not None and gov.pos_ in ("VERB", "AUX") and light_ok:
            glem = gov.lemma_.lower()
            if tok_dep in ("nsubj:pass", "nsubjpass"):
                if not actors:
                    for p, c in _prep_args(gov):
                        if p in aprep:
                            add(actors, [c])
            elif not (gov.i in triggers_idx and tok_dep not in ("obj", "dobj") and gov.lemma_.lower() not in EVALUATIVE_VERBS):
                if not actors and not _is_passive(gov):
                    subs = _subject_of(gov)
                    if subs:
                        add(actors, subs)
                        notes.append("actor_from_governing_verb")
                    elif gov.dep_ in ("acl:relcl", "relcl", "acl") and gov.head.pos_ in ("NOUN", "PROPN"):
                        add(actors, [gov.head])
                elif not actors and _is_passive(gov):
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
                    elif not recips and not _is_passive(gov):
                        add(recips, _subject_of(gov))
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
            if g.pos_ in ("VERB", "AUX") and not _is_passive(g):
                add(actors, _subject_of(g))
                if actors:
                    notes.append("actors_from_clause_of_setting")
    if is_verb and not recips and spec.event_type in PROPOSAL_TYPES:
        # "a rejeté la proposition présentée par le Qatar", "demandé l'aide du Brésil",
        # "rejected Egypt's proposal": the party behind the rejected/requested thing is the recipient
        things = _objects(tok) + [c for c in tok.children if c.dep_ in PASS_SUBJ_DEPS]
        for th in things:
            if th.pos_ != "NOUN":
                continue
            nspec = _lookup(lang, "NOUN", th.lemma_.lower())
            if nspec is not None and nspec.de_role == "patient":
                continue
            for c in th.children:
                if c.dep_ in ("acl", "acl:relcl", "relcl") and c.pos_ in ("VERB", "ADJ"):
                    for p, g in _prep_args(c):
                        if p in aprep:
                            add(recips, [g])
                elif c.dep_ in ("nmod", "poss", "nmod:poss") and (c.dep_ != "nmod" or _prep_of(c) in ("de", "du", "des", "d'")):
                    add(recips, [c])
                elif c.dep_ == "prep" and c.lower_ == "of":
                    add(recips, [g for g in c.children if g.dep_ == "pobj"])
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


# ----------------------------------------------------------------------------- places
def _places_module():
    from pipeline.extract import places

    return places


# Events whose object/complement describes another (threatened, requested, rejected,
# alleged, agreed) event: that inner event is content, not a separate occurrence.
CONTENT_TYPES = {"THREATEN", "REQUEST", "REJECT", "ACCUSE", "AGREE"}

# verbs (and nouns) that stop, cancel or put off what they govern: "suspend talks", "cancelled the
# visit", "l'annulation du sommet" -- the governed event does not take place
STOPPING_LEMMAS = shared_set("stopping_lemmas")
# dependency labels along which an argument (or the argument of an argument) is reached
_CONTENT_PATH_DEPS = {"pcomp", "pobj", "prep", "dobj", "obj", "xcomp", "nmod", "obl", "obl:arg", "acl", "case",
                      "mark", "ccomp"}
_CONTENT_OUTER = {"ACCUSE", "REJECT", "THREATEN", "REQUEST"}


def _is_embedded_content(tok, spec: TriggerSpec, spec_by_i: dict) -> bool:
    """Is this trigger the *content* of another one rather than an event of its own?

    - the argument of a stopping verb/noun ("suspend EU accession talks");
    - embedded (two or more links down) in the complement of an accusation, denial, threat or
      request: "accused the army of shelling civilians", "accused of blocking aid", "urged X to
      halt the offensive" -- the alleged/demanded event is not asserted;
    - a participial clause of an event of the same type ("clashed ..., killing three soldiers",
      "struck ..., killing 12"): the consequence, not a second event.
    """
    if tok.dep_ in ("dobj", "obj", "pobj", "nmod") and tok.pos_ in ("NOUN", "PROPN"):
        h = tok.head if tok.dep_ != "pobj" else tok.head.head
        if h.i != tok.i and h.lemma_.lower() in STOPPING_LEMMAS:
            return True
    if tok.dep_ == "advcl" and tok.tag_ == "VBG" or (tok.dep_ == "advcl" and "Part" in tok.morph.get("VerbForm")
                                                    and "Pres" in tok.morph.get("Tense")):
        h = tok.head
        if h.i in spec_by_i and spec_by_i[h.i].event_type == spec.event_type:
            return True
    cur, hops = tok, 0
    while hops < 5 and cur.head.i != cur.i and cur.dep_ in _CONTENT_PATH_DEPS:
        cur = cur.head
        hops += 1
        if cur.i in spec_by_i and cur.i != tok.i:
            if hops >= 2 and spec_by_i[cur.i].event_type in _CONTENT_OUTER and spec_by_i[cur.i].pos == "VERB":
                return True
            break
    return False


DOMESTIC_TARGET_SECTORS = {"POL", "CVL", "MED", "JUD", "LEG", "BUS"}


def _domestic_target(tok, actors: list) -> list:
    """A state coercing a group named without nationality ("banned all political parties",
    "arrested journalists", "a dissous les partis d'opposition"): its own people."""
    countries = [p for p in actors if p.res.ref.country]
    if not countries:
        return []
    objs = _objects(tok) + [c for c in tok.children if c.dep_ in PASS_SUBJ_DEPS]
    for o in objs:
        if o.pos_ != "NOUN":
            continue
        g = o
        if fold(o.lemma_) in QUANTITY_NOUNS or fold(o.text) in QUANTITY_NOUNS:
            g = next((x for c in o.children if c.dep_ in ("prep", "nmod") for x in ([c] if c.dep_ == "nmod" else c.children)
                      if x.pos_ == "NOUN"), o)
        secs = [actors_mod.SECTOR_WORDS.get(fold(x.lemma_)) or actors_mod.SECTOR_WORDS.get(fold(x.text))
                for x in [g] + [c for c in g.children if c.dep_ in ("compound", "amod")]]
        sec = next((x for x in secs if x in DOMESTIC_TARGET_SECTORS), None)
        if sec in DOMESTIC_TARGET_SECTORS and not any(
                actors_mod.demonym_country(c.text) for c in g.children if c.dep_ in ("amod", "compound", "nmod")):
            a = countries[0].res.ref
            ref = ActorRef(text=g.text, name=None, country=a.country, sector=sec)
            return [Party(Resolution(ref, None, "domestic", 0, len(g.text)), g.i, "context")]
    return []


# Types whose unnamed target is the actor's own country by convention (protests, strikes,
# arrests, crackdowns: shared/README.md "Domestic events"); a pattern can also say `domestic`.
DOMESTIC_TYPES = {"PROTEST", "COERCE"}
# themes, not patients: "a déployé l'armée", "a livré des vivres"
THEME_OBJECT_TYPES = {"MOBILIZE", "AID", "ASSAULT", "RETREAT"}


def _domestic_recipient(tok, spec: TriggerSpec, actors: list, lang: str, foreign_nearby: bool = False) -> list:
    """The actor's own country as recipient when the event's patient is a group named without
    nationality ("a rencontré une délégation de dirigeants paysans", "la police a dispersé les
    manifestants") or when the type is domestic by convention and names no target. A patient
    named by a proper noun the resolver could not place stays unknown."""
    countries = [p for p in actors if p.res.ref.country]
    if not countries:
        return []
    cands = [] if spec.event_type in THEME_OBJECT_TYPES else list(_objects(tok) if spec.pos == "VERB" else [])
    cands += [c for p, c in _prep_args(tok) if p in RECIP_PREPS.get(lang, RECIP_PREPS["en"])]
    if spec.pos == "NOUN" and spec.de_role == "patient":
        cands += _owners(tok)
    group = None
    for o in cands:
        if o.pos_ == "PROPN":
            return []
        if o.pos_ != "NOUN":
            continue
        g = o
        if fold(o.lemma_) in QUANTITY_NOUNS or fold(o.text) in QUANTITY_NOUNS:
            g = next((x for p, x in _prep_args(o) if x.pos_ == "NOUN"), o)
        near = [g] + [c for c in g.children if c.dep_ in ("compound", "amod", "nmod")]
        if any(c.pos_ == "PROPN" or actors_mod.demonym_country(c.text) for c in near[1:]):
            return []
        if any(actors_mod.SECTOR_WORDS.get(fold(x.lemma_)) or actors_mod.SECTOR_WORDS.get(fold(x.text))
               for x in near if x.dep_ != "nmod" or _prep_of(x) in OF_PREPS):
            group = g
            break
    if group is None and (spec.need_recipient or foreign_nearby or not (spec.domestic or spec.event_type in DOMESTIC_TYPES)):
        return []
    a = countries[0].res.ref
    text = group.text if group is not None else ""
    ref = ActorRef(text=text, name=None, country=a.country, sector="CVL")
    return [Party(Resolution(ref, None, "domestic", 0, len(text)), group.i if group is not None else tok.i, "context")]


# Reactions to an earlier event named by an anaphoric object ("denied the claim", "dismissed the
# protest", "welcomed the move", "condemned this strike", "a rejeté ces mesures"): the recipient is
# the actor of the referenced event.
ANAPHOR_TYPES = {"REJECT", "SUPPORT", "ACCUSE"}
ANAPHOR_DETS = shared_set("anaphor_dets")
# nouns naming what someone said: the referent is the latest statement-like event
SAID_NOUNS = shared_set("said_nouns")
SAID_TYPES = {"ACCUSE", "PROTEST", "THREATEN", "REQUEST", "REJECT"}
# generic nouns for an action: the referent is the latest event by another party
ACTION_NOUNS = shared_set("action_nouns")


def _quoted(t) -> bool:
    """A complement in quotation marks is a label ("qualifié la mesure de « représailles »"), no author."""
    return any(c.text in _QUOTE_CHARS for c in t.children)


def _anaphoric_recipient(tok, lang: str, prior: list, actors: list, pos: int) -> list:
    objs = [c for c in tok.children if c.dep_ in OBJ_DEPS | {"obj", "obl:arg"} and c.pos_ == "NOUN"]
    # "une accusation rejetée par le Venezuela": the participle's head noun is its patient
    head_patient = not objs and tok.dep_ in ("acl", "amod") and tok.head.pos_ == "NOUN"
    if head_patient:
        objs = [tok.head]
    if not objs and tok.pos_ == "NOUN":
        return []
    for o in objs:
        dets = [c.lower_ for c in o.children if c.dep_ in ("det", "predet")]
        if not head_patient and not any(d in ANAPHOR_DETS for d in dets):
            continue
        if any((c.dep_ in ("poss", "nmod:poss", "acl", "acl:relcl", "relcl") and c.i != tok.i) or
               (c.dep_ == "prep" and c.lower_ in ("of", "by", "from")) or
               (c.dep_ == "nmod" and _prep_of(c) in ("de", "du", "des", "d'", "par") and not _quoted(c)) or
               (c.dep_ == "compound" and c.pos_ == "PROPN") for c in o.children):
            continue  # the object names its own author ("rejected Egypt's proposal")
        lem = o.lemma_.lower()
        nspec = _lookup(lang, "NOUN", lem)
        own = {(p.res.ref.entity_id or p.res.ref.text) for p in actors}
        own_c = {p.res.ref.country for p in actors if p.res.ref.country}
        for c in reversed(prior):
            m = c.mention
            if m.trigger_start >= pos or m.status == "negated" or not m.actor:
                continue
            if any((a.entity_id or a.text) in own for a in m.actor):
                continue
            if lem in SAID_NOUNS or fold(lem) in SAID_NOUNS:
                if m.event_type not in SAID_TYPES and "reported_speech" not in m.notes:
                    continue
            elif nspec is not None:
                # same type, or the nominalisation of the referent's verb ("a tiré ..." / "ce tir")
                if m.event_type != nspec.event_type and fold(m.trigger)[:3] != fold(lem)[:3]:
                    continue
            elif lem in ACTION_NOUNS or fold(lem) in ACTION_NOUNS:
                if _countries(m.actor) <= own_c and own_c:
                    continue
            else:
                return []
            return [Party(Resolution(replace(a), None, "anaphor", 0, 0), tok.i, "context") for a in m.actor]
        return []
    return []


# ----------------------------------------------------------------------------- main
@dataclass
class _Cand:
    mention: EventMention
    explicit_date: bool
    actor_how: str
    recip_how: str


def _party_refs(parties: list[Party]) -> list[ActorRef]:
    out, seen = [], set()
    for p in parties:
        key = (p.res.ref.entity_id or p.res.ref.text, p.res.ref.country)
        if key in seen:
            continue
        seen.add(key)
        out.append(replace(p.res.ref))
    return out


_MEMORY_KEY = "_newsevents_memory_nps"
_ANY_SUBJ_DEPS = SUBJ_DEPS | PASS_SUBJ_DEPS
_GOV_NON_PERSON = ("gouvernement", "administration", "regime", "government", "etat", "pays")


def _memory_nps(doc, lang: str) -> tuple[tuple, ...]:
    """The noun phrases of a parsed sentence that resolve to an actor, in reading order, as
    (token offset in the sentence, span text, subject?, plural morphology?, folded head lemma).

    Depends on the Doc only (whether a span resolves does not depend on the date: dictionary
    names always resolve, the other rules do not look at it; the date-dependent affiliation is
    resolved per article by `_update_memory`), so it is memoised on the Doc, which repeated
    sentences share."""
    key = (_MEMORY_KEY, lang)
    cached = doc.user_data.get(key)
    if cached is not None:
        return cached
    v = _view(doc)
    text = _doc_text(doc)
    out = []
    seen = set()
    for i, (p, dep) in enumerate(zip(v.pos, v.dep)):
        if p not in ("PROPN", "NOUN") or dep in ("flat", "flat:name", "compound", "amod", "fixed") or i in seen:
            continue
        idxs = v.np_tokens(i)
        span = text[v.start[idxs[0]]:v.end[idxs[-1]]]
        if not resolvable(span, lang):
            continue
        seen.update(idxs)
        subject = dep in _ANY_SUBJ_DEPS or (dep == "ROOT" and p == "PROPN") or (
            dep == "conj" and v.dep[v.head[i]] in SUBJ_DEPS)
        t = doc[i]
        out.append((v.start[i], span, subject, "Plur" in t.morph.get("Number"), fold(t.lemma_)))
    out = doc.user_data[key] = tuple(out)
    return out


def _update_memory(R: _Resolver, doc) -> None:
    """Record the resolved noun phrases of a parsed sentence for later coreference."""
    mem = R.st.memory
    lang = R.st.lang
    for idx, text, subject, plur, lem in _memory_nps(doc, lang):
        r = resolve_span(text, lang, R.on_date)
        plural = plur and not (r.entity and r.entity.is_person)
        person = (r.entity is not None and r.entity.is_person) or (
            r.entity is None and lem in actors_mod.SECTOR_WORDS and actors_mod.SECTOR_WORDS[lem] in ("GOV",)
            and not plural and lem not in _GOV_NON_PERSON)
        mem.add(r, R.offset + idx, subject=subject, plural=plural, person=person)


def _memory_from_text(st: ArticleState, text: str, offset: int, on_date) -> None:
    """Unparsed sentence: remember dictionary persons (for pronouns in later sentences)."""
    d = actors_mod.get_dictionary()
    for s, e, ent in d.find(text):
        if ent.is_person:
            country, sector = ent.affiliation(on_date)
            ref = ActorRef(text=text[s:e], name=ent.name, country=country, sector=sector, entity_id=ent.id)
            st.memory.add(Resolution(ref, ent, "dictionary", s, e), offset + s, subject=(s < 40))


def _confidence(actors, recips, status_markers, explicit_date, spec) -> float:
    c = 0.55
    c += 0.15 if actors else -0.15
    c += 0.1 if recips else -0.05
    c += 0.1 if explicit_date else 0.0
    if any(p.how != "parse" for p in actors + recips):
        c -= 0.1
    if spec.special:
        c -= 0.05
    return max(0.05, min(0.99, c))


_TRIGGERS_KEY = "_newsevents_triggers"
_STATUS_KEY = "_newsevents_status"


def _sentence_triggers(doc, lang: str):
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
    for tok, spec in triggers:
        nested = False
        if spec.symmetric and circumstantial(tok):
            kept.append((tok, spec))  # "agreed in a phone call": the setting, an event of its own
            continue
        if tok.pos_ in ("NOUN", "PROPN") or tok.dep_ in ("xcomp",):
            h = tok.head
            hops = 0
            while h.i != tok.i and hops < 2:
                if h.i in trig_idx and h.i != tok.i and tok.dep_ in ("obj", "dobj", "nmod", "obl", "obl:arg", "xcomp", "pobj", "obl:mod"):
                    hspec = dict((t.i, sp) for t, sp in triggers)[h.i]
                    if hspec.event_type in CONTENT_TYPES or hspec.event_type == spec.event_type:
                        nested = True
                    break
                if h.head.i == h.i or h.pos_ in ("VERB",):
                    break
                h, hops = h.head, hops + 1
        if not nested and tok.pos_ in ("NOUN", "PROPN"):
            # "une accusation rejetée par le Venezuela": the noun is the content of the REJECT
            spec_by_i = {t.i: sp for t, sp in triggers}
            for c in tok.children:
                if c.i in spec_by_i and c.dep_ in ("acl", "acl:relcl", "relcl", "amod") and \
                        spec_by_i[c.i].event_type in CONTENT_TYPES and spec_by_i[c.i].event_type != spec.event_type:
                    nested = True
                    break
        if not nested:
            nested = _is_embedded_content(tok, spec, spec_by_i_all)
        if not nested:
            kept.append((tok, spec))
    cached = doc.user_data[key] = (triggers, trig_idx, kept)
    return cached


def _status(doc, tok, lang: str, event_type: str):
    """`status_of`, memoised on the Doc (it reads the parse only)."""
    memo = doc.user_data.get(_STATUS_KEY)
    if memo is None:
        memo = doc.user_data[_STATUS_KEY] = {}
    key = (tok.i, lang, event_type)
    res = memo.get(key)
    if res is None:
        res = memo[key] = status_of(tok, lang, event_type)
    return res


def _process_article(st: ArticleState, sentences, docs_by_idx) -> list[EventMention]:
    body = st.body
    lang = st.lang
    date_mentions = _dates_for_article(body, st.reference, lang)
    places = _places_module()
    if places is not None and hasattr(places, "find_places"):
        st.places = places.find_places(body, lang)
    out: list[_Cand] = []
    dater = DiscourseDater(body, st.reference, getattr(st, "reference_inferred", False))
    dater.prepare(sentences, docs_by_idx, date_mentions)
    for si, (s, e) in enumerate(sentences):
        sent_text = body[s:e]
        doc = docs_by_idx.get(si)
        sent_dates = [dm for dm in date_mentions if dm.start >= s and dm.end <= e]
        dater.begin_sentence(sent_dates, s, e)
        # the sentence's own date (for coref memory dates)
        on_date = st.reference
        if doc is None:
            _memory_from_text(st, sent_text, s, on_date)
            continue
        R = _Resolver(st, doc, s, on_date)
        _update_memory(R, doc)
        triggers, trig_idx, kept = _sentence_triggers(doc, lang)
        if not kept:  # the learned layer's proposal (NEWSEVENTS_LEARNED=propose; [] otherwise)
            kept = propose_triggers(doc, lang)
        for tok, spec in kept:
            st_res = _status(doc, tok, lang, spec.event_type)
            # the date of this event: linked date mention, else fallbacks
            dm = choose_date(doc, s, tok, sent_dates, st_res.status, st.reference)
            ev_date = dm and _date_value(dm)[0]
            R.on_date = ev_date or st.reference
            R.cache.clear()
            actors, recips, pnotes, symmetric = parties_for(tok, spec, R, trig_idx)
            notes = list(pnotes)
            if not actors:
                # parse gave no agent: the subject-like party to the left of the trigger in this sentence
                t_pos = s + tok.idx
                left = [e_ for e_ in st.memory.entries if s <= e_.pos < t_pos and e_.subject]
                rec_ids = {(p.res.ref.entity_id or p.res.ref.text) for p in recips}
                left = [e_ for e_ in left if (e_.res.ref.entity_id or e_.res.ref.text) not in rec_ids]
                if left and ((spec.pos == "VERB" and tok.pos_ == "VERB" and not _is_passive(tok)) or tok.dep_ in ("obj", "dobj")):
                    actors = [Party(left[-1].res, tok.i, "context")]
                    notes.append("actor_from_context")
                elif _is_passive(tok) and (ref := args_mod.implicit_state_agent(spec.mode, R.place_country)):
                    actors = [Party(Resolution(ref, None, "place", 0, len(ref.text)), tok.i, "place")]
                    notes.append("actor_implicit_state")
            # remove self-recipients (same entity on both sides)
            a_ids = {(p.res.ref.entity_id or p.res.ref.text) for p in actors}
            recips = [p for p in recips if (p.res.ref.entity_id or p.res.ref.text) not in a_ids]
            if not recips and actors and spec.event_type in PLACE_TARGET_TYPES:
                recips = _place_target(tok, spec, actors, lang)
                if recips:
                    notes.append("recipient_from_target_place")
            if not recips and actors and spec.event_type == "COERCE":
                recips = _domestic_target(tok, actors)
                if recips:
                    notes.append("recipient_domestic")
            if not recips and actors and spec.event_type in ANAPHOR_TYPES:
                ana = _anaphoric_recipient(tok, lang, out, actors, s + tok.idx)
                if ana:
                    recips = ana
                    notes.append("recipient_from_referenced_event")
            if not recips and actors:
                # a type-level domestic reading is not taken when another country is named nearby
                others = {x.res.ref.country for x in st.memory.entries if s <= x.pos < e and x.res.ref.country} - \
                    {p.res.ref.country for p in actors}
                recips = _domestic_recipient(tok, spec, actors, lang, foreign_nearby=bool(others))
                if recips:
                    notes.append("recipient_domestic")
            if spec.need_recipient and not recips:
                continue
            etype, mode = spec.event_type, spec.mode
            if etype == "PROTEST" and any(p.res.ref.sector == "GOV" for p in actors) and \
                    {p.res.ref.country for p in recips} - {p.res.ref.country for p in actors} - {None}:
                # a state protesting to another state: a diplomatic protest (ACCUSE), not a demonstration
                etype, mode = "ACCUSE", "disapprove"
                notes.append("state_protest")
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
            ev_date, date_prec, date_text, explicit = dater.resolve(doc, s, e, tok, dm, st_res.status, notes)
            a_refs, r_refs = _party_refs(actors), _party_refs(recips)
            if not a_refs:
                notes.append("actor_unresolved")
            if not r_refs:
                notes.append("recipient_unresolved")
            loc = None
            if places is not None and hasattr(places, "resolve_event_place"):
                loc = places.resolve_event_place(sent_text, s, st.places, lang)
            if loc is None:
                notes.append("place_unresolved")
            elif etype in PLACE_TARGET_TYPES and loc.source == "sentence" and loc.country and a_refs and \
                    not _countries(r_refs) and loc.country not in _countries(a_refs):
                # an attack abroad with no named target: the country where it hit ("strikes in southern Lebanon")
                r_refs = [ActorRef(text=loc.text or loc.name, name=None, country=loc.country, sector="CVL")]
                notes = [n for n in notes if n != "recipient_unresolved"] + ["recipient_from_place"]
            m = EventMention(
                article_id=st.article_id, sentence_index=si, sentence=sent_text, sentence_start=s, sentence_end=e,
                event_type=etype, trigger=body[s + tok.idx: s + tok.idx + len(tok.text)],
                trigger_start=s + tok.idx, trigger_end=s + tok.idx + len(tok.text), mode=mode,
                actor=a_refs, recipient=r_refs, event_date=ev_date, date_precision=date_prec, date_text=date_text,
                location=loc, status=st_res.status, reported_by=reported_by, symmetric=symmetric,
                confidence=_confidence(actors, recips, st_res.markers, explicit, spec), notes=notes, language=lang,
            )
            out.append(_Cand(m, explicit, actors[0].how if actors else "", recips[0].how if recips else ""))
            if st_res.status == "asserted" and actors and recips and etype not in THIRD_PARTY_TYPES and \
                    len({p.res.ref.country for p in actors + recips} - {None}) == 2 and \
                    actors[0].res.ref.country and recips[0].res.ref.country != actors[0].res.ref.country:
                st.dyad = (actors[0].res, recips[0].res)
            m._tok = tok  # type: ignore[attr-defined]
        _inherit_from_governing_event(out, doc, s)
    return _consolidate([c for c in out], st.memory)


def _inherit_from_governing_event(cands: list[_Cand], doc, offset: int) -> None:
    """A trigger without actor inside the argument of another trigger of the same type family
    (l'opération américaine ... ayant conduit à la capture de Maduro) takes that trigger's actor."""
    here = [c for c in cands if getattr(c.mention, "_tok", None) is not None and c.mention.sentence_start == offset]
    for c in here:
        m = c.mention
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


def _countries(refs) -> frozenset:
    return frozenset(r.country for r in refs if r.country)


def _consolidate(cands: list[_Cand], memory=None) -> list[EventMention]:
    """Article-level event coreference (see module docstring)."""
    _fill_recipients(cands, memory)
    # 1. borrow a missing party from the previous mention of the same type
    prev_by_type: dict[str, _Cand] = {}
    for c in cands:
        m = c.mention
        p = prev_by_type.get(m.event_type)
        if p is not None and m.status == p.mention.status or (p is not None and {m.status, p.mention.status} <= {"asserted", "future"}):
            pa, pr = _countries(p.mention.actor), _countries(p.mention.recipient)
            ma, mr = _countries(m.actor), _countries(m.recipient)
            if ma and not mr and pr and (ma & pa) and m.event_type in ("CONSULT", "AGREE", "COOPERATE"):
                m.recipient = [replace(r) for r in p.mention.recipient]
                m.notes.append("parties_from_coreferent_event")
                m.notes = [n for n in m.notes if n != "recipient_unresolved"]
            elif ma and not mr and pa and (ma & pr) and m.event_type in ("CONSULT", "AGREE", "COOPERATE") and m.symmetric:
                m.recipient = [replace(r) for r in p.mention.actor]
                m.notes.append("parties_from_coreferent_event")
                m.notes = [n for n in m.notes if n != "recipient_unresolved"]
        if _countries(m.actor) or _countries(m.recipient):
            prev_by_type[m.event_type] = c
    # 1b. an invitation (REQUEST/meet) and the planned meeting it leads to (future AGREE/meet) between
    # the same two countries are one event: later mentions take the first mention's coding
    plan_first: dict[frozenset, _Cand] = {}
    for c in cands:
        m = c.mention
        is_plan = (m.event_type == "REQUEST" and m.mode == "meet") or "intent_to_meet_as_agree" in m.notes
        a, r = _countries(m.actor), _countries(m.recipient)
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
        a, r = _countries(m.actor), _countries(m.recipient)
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
    groups: dict[tuple, list[_Cand]] = {}
    for c in cands:
        m = c.mention
        key = (m.event_type, _countries(m.actor), _countries(m.recipient))
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
            if len(dates) == 1 or before:
                c.mention.event_date = src.mention.event_date
                c.mention.date_precision = src.mention.date_precision
                c.mention.date_text = src.mention.date_text
                c.mention.notes = [n for n in c.mention.notes if not n.startswith("date_from") and n != "no_date"]
                c.mention.notes.append("date_from_coreferent_event")
    # 4. drop mentions without a resolved actor; a mention without recipient is subsumed by a
    # mention of the same type, actor and sentence that has one ("used water cannon and
    # arrested dozens of demonstrators")
    with_recip = {(c.mention.sentence_index, c.mention.event_type, _countries(c.mention.actor), c.mention.status)
                  for c in cands if _countries(c.mention.recipient) and _countries(c.mention.actor)}
    out = []
    for c in cands:
        m = c.mention
        if not _countries(m.recipient) and _countries(m.actor) and \
                (m.sentence_index, m.event_type, _countries(m.actor), m.status) in with_recip:
            continue
        if hasattr(m, "_tok"):
            del m._tok
        if not _countries(m.actor) and not any(a.sector == "IGO" or a.entity_id for a in m.actor):
            # an unidentified armed party ("des hommes armés", "gunmen") attacking an identified target
            if not (any(a.sector == "UNK" for a in m.actor) and _countries(m.recipient)
                    and m.event_type in ("ASSAULT", "COERCE")) and not (
                    any(a.sector in args_mod.OWN_PARTY_SECTORS for a in m.actor) and _countries(m.recipient)):
                continue
        out.append(m)
    return out


NO_RECIPIENT_TYPES = {"PROTEST", "MOBILIZE", "ASSAULT"}
PLACE_TARGET_TYPES = {"ASSAULT"}


LOCATIVE_PREPS = {"à", "au", "aux", "dans", "en", "in", "at", "near", "près"}


def _place_target(tok, spec: TriggerSpec, actors: list, lang: str) -> list:
    """The country of a named place an attack is aimed at (its object, "contre"/"sur"/"against"
    oblique, or the oblique of the light verb of a noun trigger), when not the attacker's own."""
    host = tok
    if spec.pos == "NOUN" and tok.dep_ in ("obj", "dobj") and tok.head.pos_ in ("VERB", "AUX"):
        host = tok.head
    rprep = RECIP_PREPS.get(lang, RECIP_PREPS["en"])
    cands = _objects(host) if host.pos_ in ("VERB", "AUX") and host.i != tok.i or spec.pos == "VERB" else []
    cands = [c for c in cands if c.i != tok.i]
    cands += [c for x in {tok.i: tok, host.i: host}.values() for p, c in _prep_args(x) if p in rprep and p not in ("de", "d'")]
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


def _named_unresolved_patient(tok, locative: bool = True) -> bool:
    """Does the trigger name its patient with a proper noun the resolver could not place? Then the
    party is unknown and stays unknown (no discourse fallback)."""
    if tok is None:
        return False
    cands = _objects(tok) if tok.pos_ in ("VERB", "AUX", "ADJ") else []
    cands += [c for p, c in _prep_args(tok) if locative or p not in LOCATIVE_PREPS]
    # "a rejeté les propositions de X": the named owner of the object
    cands += [o for c in list(cands) if c.pos_ == "NOUN" for o in _owners(c) if o.text[:1].isupper()
              if not resolvable(_span_text(o.doc, _np_tokens(o))[0], "fr" if o.lang_ == "fr" else "en")]
    # entity labels only through ent_type(): a Doc's recogniser may not have run yet (lazy NER), and a
    # raw read of the token attribute would then depend on what parsed the Doc before. A place name
    # counts: an unplaceable "Zorbanistan" is a party the resolver cannot place, which stays unknown
    return any(c.pos_ == "PROPN" and c.lemma_.lower() not in TIME_WORDS
               and ent_type(c) not in ("DATE", "TIME") for c in cands)


SYMMETRIC_TYPES = {"CONSULT", "COOPERATE", "AGREE"}
# thanks, aid and appeals are often a third party's (a mediator, a donor): they do not set the
# two sides that "les deux pays" / "both sides" refer to
THIRD_PARTY_TYPES = {"SUPPORT", "AID", "REQUEST"}
# coordinated parties of these act on each other ("Indian and Chinese troops completed the withdrawal")
MUTUAL_TYPES = {"RETREAT", "ASSAULT"}
STATE_SECTORS = {"GOV", "MIL"}


def _fill_recipients(cands: list[_Cand], memory=None) -> None:
    """Recipient clean-up: drop same-country recipients when another country is named; an event
    whose parse gives no recipient takes the counterpart of the actor's country in the latest
    earlier event of the article that involved that country (discourse continuity: "Kigali a
    démenti" answers the last exchange with Kinshasa). Never the most-mentioned country; a named
    party the resolver cannot place stays unknown."""
    last_counterpart: dict[str, tuple] = {}  # country -> counterpart countries, latest first
    for c in cands:
        m = c.mention
        ac = _countries(m.actor)
        if ac and m.recipient:
            other = [r for r in m.recipient if r.country and r.country not in ac]
            if other and len(other) < len(m.recipient):
                m.recipient = other
            elif not other and all(r.country in ac for r in m.recipient if r.country):
                same_sector = {a.sector for a in m.actor} & {r.sector for r in m.recipient}
                # "Israel withdrew troops ... Israel's military": the state and its own forces are
                # one side, not actor and target
                own_state = all(r.sector in STATE_SECTORS for r in m.recipient) and all(
                    a.sector in STATE_SECTORS for a in m.actor) and m.event_type in MUTUAL_TYPES
                if (same_sector or own_state) and (m.event_type not in NO_RECIPIENT_TYPES or own_state) and \
                        "recipient_domestic" not in m.notes:
                    m.recipient = []
        rc = _countries(m.recipient)
        if len(ac) >= 2 and not rc and (m.symmetric or m.event_type in SYMMETRIC_TYPES | MUTUAL_TYPES):
            # "Moscou et Pékin ont réaffirmé leur soutien mutuel", "Indian and Chinese troops
            # completed the withdrawal": coordinated parties of different countries with no other
            # target act on each other
            first = m.actor[0].country
            m.recipient = [a for a in m.actor if a.country and a.country != first]
            m.actor = [a for a in m.actor if a.country == first or not a.country]
            m.symmetric = True
            m.notes = [n for n in m.notes if n != "recipient_unresolved"] + ["recipient_from_coordination"]
            ac, rc = _countries(m.actor), _countries(m.recipient)
        named = _named_unresolved_patient(getattr(m, "_tok", None))
        if ac and not rc and args_mod.domestic_actor(m.actor) and \
                not _named_unresolved_patient(getattr(m, "_tok", None), locative=False):
            # unions, protesters, farmers, opposition parties with no named target: their own state
            rc = args_mod.fill_domestic(m, ac)
        if ac and not rc and not named:
            counter = next((last_counterpart[a] for a in sorted(ac) if a in last_counterpart), None)
            if counter is None:
                counter = args_mod.next_counterpart(cands, c, ac)
            if counter is None and not args_mod.foreign_in_sentence(memory, m, ac):
                # the actor's country has no foreign counterpart anywhere in the article: a
                # domestic story (a government answering its own unions, a state of emergency)
                rc = args_mod.fill_domestic(m, ac)
            elif counter is not None and m.event_type not in NO_RECIPIENT_TYPES:
                m.recipient = [ActorRef(text="", name=None, country=k, sector="GOV") for k in counter]
                m.notes = [n for n in m.notes if n != "recipient_unresolved"] + ["recipient_from_discourse"]
                m.confidence = max(0.05, m.confidence - 0.15)
                rc = _countries(m.recipient)
        if ac and rc and not (ac & rc) and m.status not in ("negated", "hypothetical"):
            for a in ac:
                last_counterpart[a] = tuple(sorted(rc))
            for r in rc:
                last_counterpart[r] = tuple(sorted(ac))


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
    do so most often: English "called on X" (X not a date: "called on Tuesday") and French
    "l'appel à X" (X not a person). Only decides whether the Doc's entities are computed in
    advance with its batch (cheaper than one Doc at a time); any other Doc gets them when first
    read, so this never changes what is extracted."""
    from spacy.attrs import LEMMA

    strings = doc.vocab.strings
    head = {"en": "call", "fr": "appel"}.get(lang)
    if head is None or strings[head] not in set(doc.to_array([LEMMA]).tolist()):
        return False
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
