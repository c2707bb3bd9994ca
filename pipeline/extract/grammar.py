"""The parse as the argument rules read it: a plain per-Doc view of token attributes
(`DocView`, memoised on the Doc), noun-phrase spans, subjects (through coordination, control and
gerunds), passives, objects and owners. Knows no event types; word sets come from the data files
(``patterns/shared.yaml``)."""
from __future__ import annotations

from pipeline.extract import arguments as args_mod
from pipeline.extract.actors import fold
from pipeline.extract.lexicon import shared_set
from pipeline.extract.senses import prep_args as _prep_args
from pipeline.extract.senses import prep_of as _prep_of
from pipeline.extract.status import detached_participle
from pipeline.text.nlp import DOC_TEXT, ent_type, memo_per_token

RECIP_PREPS = {
    "fr": {"à", "au", "aux", "avec", "contre", "envers", "vers", "auprès", "sur", "entre", "face", "pour"},
    "en": {"to", "with", "against", "on", "at", "toward", "towards", "into", "from", "between", "upon", "over", "behind"},
}
AGENT_PREPS = {"fr": {"par"}, "en": {"by"}}
COMITATIVE = {"avec", "with"}
OF_PREPS = {None, "de", "du", "des", "d'", "of"}  # "devant le Parlement" is a setting, not a group's make-up
SUBJ_DEPS = {"nsubj", "csubj"}
PASS_SUBJ_DEPS = {"nsubj:pass", "nsubjpass"}
OBJ_DEPS = {"obj", "dobj", "iobj", "dative"}


class DocView:
    """Plain copy (tuples of strings and ints) of the token attributes that noun-phrase walks
    read (part of speech, dependency label, lower-case form, head, children in order, character
    offsets), built once per Doc: walking it does not create spaCy Token objects. Memoised on
    the Doc (`doc_view`)."""

    __slots__ = ("pos", "dep", "lower", "head", "children", "start", "end", "nps")

    def __init__(self, doc):
        from spacy.attrs import DEP, HEAD, IDX, LOWER, ORTH, POS

        n = len(doc)
        string = string_of(doc.vocab.strings)
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
        """`np_tokens` of token i (sorted indices), memoised."""
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


def string_of(strings):
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


def doc_view(doc) -> DocView:
    v = doc.user_data.get(_VIEW_KEY)
    if v is None:
        v = doc.user_data[_VIEW_KEY] = DocView(doc)
    return v


def np_tokens(tok, limit: int = 25):
    """Tokens of the noun phrase headed by `tok` (no relative clauses, no coordination): sorted
    indices (a tuple, shared: do not modify)."""
    return doc_view(tok.doc).np_tokens(tok.i, limit)


def doc_text(doc) -> str:
    """doc.text rebuilds the string on every access: keep it once per parsed sentence
    (`parse_texts` stores the text it parsed, which is doc.text)."""
    t = doc.user_data.get(DOC_TEXT)
    if t is None:
        t = doc.user_data[DOC_TEXT] = doc.text
    return t


def span_text(doc, idxs) -> tuple[str, int, int]:
    v = doc_view(doc)
    s, e = v.start[idxs[0]], v.end[idxs[-1]]
    return doc_text(doc)[s:e], s, e


def conjuncts(tok):
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN", "PRON", "X"):
            out.extend(conjuncts(c))
        elif c.dep_ == "appos" and c.pos_ == "PROPN":
            # "Iran's Foreign Minister Abbas Araghchi and his Emirati counterpart ...": the parser
            # hangs the second party under the name in apposition to the first
            out.extend(x for g in c.children if g.dep_ == "conj" and g.pos_ in ("PROPN", "NOUN") for x in conjuncts(g))
    return out


OBJECT_CONTROL = shared_set("object_control")


def object_conjunct(v) -> bool:
    """"a suspendu ses ventes et imposé des droits": a bare participle after "et" sharing the first
    verb's auxiliary, parsed as a conjunct or modifier of that verb's object: it shares its subject."""
    h = v.head.head
    return v.head.pos_ == "NOUN" and v.head.dep_ in ("obj", "dobj") and h.pos_ == "VERB" and \
        "Part" in v.morph.get("VerbForm") and not any(c.dep_.startswith("aux") for c in v.children) and \
        (v.dep_ == "conj" or v.dep_ == "acl" and any(c.dep_ == "cc" for c in v.children)) and \
        any(c.dep_.startswith("aux") for c in h.children)


SEQUENCE_MARKS = shared_set("sequence_marks")


def sequenced_clause(v) -> bool:
    """A clause placed before or after another act ("avant de convoquer", "après avoir rappelé"):
    an act of its own, whatever noun the parser hung it on."""
    return v.pos_ in ("VERB", "AUX") and any(c.dep_ == "mark" and c.lower_ in SEQUENCE_MARKS for c in v.children)


PURPOSE_MARKS = shared_set("purpose_marks")


def purpose_clause(v) -> bool:
    """Is verb `v` a purpose clause of its head ("ont manifesté pour dénoncer ...", "afin d'exiger")?"""
    return v.dep_ in ("advcl", "xcomp") and v.head.i != v.i and any(
        c.dep_ in ("mark", "case") and c.lower_ in PURPOSE_MARKS for c in v.children)


def _prepositional(t) -> bool:
    """A noun with a preposition of its own ("de son côté", "pour sa part") is no subject."""
    return t.pos_ == "NOUN" and any(c.dep_ == "case" and c.lower_ in ("de", "d'", "pour", "à") for c in t.children) and \
        any(c.dep_ == "det" and c.lower_ in ("son", "sa", "leur", "ses", "leurs", "mon", "notre") for c in t.children)


def subject_of(v, depth: int = 0):
    """(subject tokens, passive?) of verb `v`, climbing through conj/xcomp/advcl/acl."""
    subs = [c for c in v.children if (c.dep_ in SUBJ_DEPS or c.dep_ == "nsubj:caus") and not _prepositional(c)]
    # a subject labelled passive on an active clause ("Des parents d'élèves ont manifesté"): the subject
    subs = subs or [c for c in v.children if c.dep_ in PASS_SUBJ_DEPS and not _prepositional(c) and not is_passive(v)]
    subs = [x for c in subs for x in _behind_time_word(c)]
    # "La Chine a de son côté exprimé": the parser made "côté" the subject and hung the real one on
    # the auxiliary
    subs = subs or [g for c in v.children if c.dep_ in ("aux", "aux:tense", "aux:pass") for g in c.children
                    if g.dep_ in SUBJ_DEPS] or args_mod.pronominal_subjects(v)
    if not subs and depth == 0:
        subs = args_mod.orphan_subject(v) or args_mod.stranded_subject(v) or args_mod.interposed_relative_subject(v)
    subs = args_mod.misparsed_cosubject(v, subs) + subs
    if subs:
        # a person name the parser left as a case-less oblique before the verb is a co-subject
        # ("Donald Trump et son homologue, le président X, ont ..." -> Trump labelled obl:mod)
        orphans = [c for c in v.children if c.dep_ in ("obl", "obl:mod") and c.pos_ == "PROPN" and c.i < v.i
                   and ent_type(c) in ("PER", "PERSON") and not any(g.dep_ == "case" for g in c.children)]
        return orphans + subs if orphans else subs
    if depth <= 4 and ("Part" in v.morph.get("VerbForm") and any(c.dep_ == "mark" and c.lower_ == "en" for c in v.children)
                       or detached_participle(v)):
        # French gerund "en imposant des sanctions", detached participle ", menaçant de ...": its
        # subject is the main clause's subject, wherever the parser attached it
        h = v.head
        for _ in range(4):
            if h.i == h.head.i or h.pos_ in ("VERB", "AUX"):
                break
            h = h.head
        if h.pos_ in ("VERB", "AUX") and h.i != v.i:
            return subject_of(h, depth + 1)
    if depth > 4 or v.head.i == v.i:
        return []
    if object_conjunct(v):
        return subject_of(v.head.head, depth + 1)
    if v.dep_ == "xcomp" and v.head.pos_ == "ADJ":
        # "Chile and Peru are due to sign", "sont prêts à signer": the subject of the predicate adjective
        a = v.head
        return subject_of(a.head if a.dep_ == "acomp" else a, depth + 1)
    if v.dep_ == "conj" and "Part" in v.morph.get("VerbForm") and "Inf" in v.head.morph.get("VerbForm") and \
            v.head.dep_ in ("xcomp", "ccomp") and v.head.head.i != v.head.i:
        # "a exhorté Niamey à protéger ... et démenti toute discrimination": a participle is no
        # conjunct of the infinitive the parser hung it on, but of the verb that governs it
        return subject_of(v.head.head, depth + 1)
    if v.dep_ == "conj" and v.tag_ == "VBG" and v.head.tag_ != "VBG" and v.head.dep_ == "ccomp" and v.head.head.tag_ == "VBG":
        # "saying Russia was responsible and inviting Bratislava to ...": a participle is no conjunct
        # of the finite clause the parser hung it on, but of the participle that reports that clause
        return subject_of(v.head.head, depth + 1)
    if v.dep_ == "conj" and v.head.pos_ in ("VERB", "AUX", "ADJ", "NOUN"):
        return subject_of(v.head, depth + 1) if v.head.pos_ != "NOUN" else []
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
        return subject_of(h, depth + 1)
    if v.dep_ in ("advcl", "acl", "ccomp", "csubj") and ("Ger" in v.morph.get("VerbForm") or "Part" in v.morph.get("VerbForm")
                                                        or "Inf" in v.morph.get("VerbForm") or v.tag_ in ("VBG", "VB")):
        if v.dep_ == "acl" and v.head.pos_ in ("NOUN", "PROPN") and "Part" in v.morph.get("VerbForm") and v.tag_ != "VBG":
            return []
        h = v.head
        if h.pos_ in ("VERB", "AUX"):
            return subject_of(h, depth + 1)
    if v.dep_ in ("acl:relcl", "relcl"):
        return []
    return []


# perfect auxiliaries of active clauses (a passive takes être/be as aux:pass)
ACTIVE_PERFECT_AUX = shared_set("active_perfect_auxiliaries")


def is_passive(v) -> bool:
    if args_mod.pronominal(v):
        return False
    if any(c.dep_ in ("aux:pass", "auxpass") for c in v.children):
        return True
    if any(c.dep_ in PASS_SUBJ_DEPS for c in v.children):
        # a subject labelled passive on a verb with the active perfect auxiliary and no passive one
        # ("Pékin a rejeté ces accusations" mislabelled): an active clause
        return not any(c.dep_.startswith("aux") and c.lemma_.lower() in ACTIVE_PERFECT_AUX for c in v.children)
    if "Pass" in v.morph.get("Voice"):
        return True
    return False


# weekday / time words the French parser sometimes labels as the object ("a imposé lundi de nouvelles sanctions")
TIME_WORDS = shared_set("time_words")


def _behind_time_word(c) -> list:
    """The subject behind a fronted weekday the parser took for it ("Mercredi, Ioulia Svyrydenko et
    Donald Tusk ont ...": the names hung under "Mercredi"); `c` itself otherwise."""
    if c.lemma_.lower() not in TIME_WORDS:
        return [c]
    names = [g for g in c.children if g.dep_ in ("nmod", "appos", "flat:name", "conj") and g.pos_ in ("PROPN", "NOUN")
             and g.i > c.i and not any(x.dep_ == "case" for x in g.children)]
    if not names and c.head.i != c.i:
        # "Ce jeudi, devant le Parlement, la ministre X a dénoncé": the subject hung in apposition
        # on the fronted place between the weekday and the verb
        v = c.head
        names = [g for o in v.children if c.i < o.i < v.i and o.dep_ in ("obl", "obl:mod") for g in o.children
                 if g.dep_ in ("appos", "conj") and g.pos_ in ("PROPN", "NOUN") and not any(x.dep_ == "case" for x in g.children)][:1]
    return names or [c]


@memo_per_token
def objects_of(tok):
    """Direct objects of a verb; a case-less oblique argument stands in for an object the parser
    misattached (object pushed to obl:arg behind a weekday taken as object). Reads the parse only."""
    return _objects_of(tok)


def _objects_of(tok):
    objs = [c for c in tok.children if c.dep_ in OBJ_DEPS and c.lemma_.lower() not in TIME_WORDS]
    if not objs:
        # "a accusé mercredi Bakou": the name parsed as flat:name of the weekday object
        objs = [g for c in tok.children if c.dep_ in OBJ_DEPS and c.lemma_.lower() in TIME_WORDS
                for g in c.children if g.dep_ in ("flat:name", "flat", "appos") and g.pos_ == "PROPN"]
    if not objs:
        # "a arrêté jeudi plusieurs opposants": the object parsed as a complement of the weekday
        # ("recevrait lundi des représentants": the indefinite article read as a preposition)
        for c in tok.children:
            if c.dep_ in ("obl:mod", "obl", "obj", "nmod", "xcomp") and c.lemma_.lower() in TIME_WORDS:
                objs.extend(g for g in c.children if g.dep_ in ("nmod", "appos") and g.pos_ in ("NOUN", "PROPN")
                            and not any(x.dep_ == "case" and x.lower_ != "des" for x in g.children))
    if not objs:
        objs = [c for c in tok.children if c.dep_ == "obl:arg" and c.pos_ in ("NOUN", "PROPN")
                and not any(g.dep_ == "case" for g in c.children)]
    if not objs:
        # "a accusé Mexico de « protéger »": a bare name parsed as a predicative complement (xcomp)
        objs = [c for c in tok.children if c.dep_ == "xcomp" and c.pos_ == "PROPN"
                and not any(g.dep_ == "case" for g in c.children)]
    return objs


def owners_of(noun) -> list:
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


_TIME_WORDS = frozenset(fold(w) for w in shared_set("time_words"))
# types whose past participle modifying a noun tells a standing relation, not an act
STATIVE_PARTICIPLE_TYPES = frozenset(shared_set("stative_participle_types"))
SPOKEN_MODES = frozenset(shared_set("stative_participle_spoken_modes"))


def standing_modifier(tok, event_type: str, mode: str | None = None) -> bool:
    """A trigger of a stative type (`stative_participle_types`) that is a past participle hung on a noun (French
    acl, English acl/amod VBN), or a present relative clause ("l'association Atajurt, qui défend les Kazakhs du
    Xinjiang"), with no time of its own: a standing relation ("des hommes armés", "une région soutenue par
    Moscou"), told as no act; a spoken mode (praise) is an act even so ("un geste salué par Washington")."""
    if event_type not in STATIVE_PARTICIPLE_TYPES or mode in SPOKEN_MODES or tok.head.i == tok.i or tok.head.pos_ not in ("NOUN", "PROPN"):
        return False
    if tok.dep_ in ("acl:relcl", "relcl"):
        if "Pres" not in tok.morph.get("Tense") or tok.tag_ in ("VBD",) or any(c.dep_.startswith("aux") for c in tok.children):
            return False
    elif tok.dep_ not in ("acl", "amod") or (
            not ("Part" in tok.morph.get("VerbForm") and "Pres" not in tok.morph.get("Tense")) and tok.tag_ != "VBN"):
        return False
    return not any(fold(c.lemma_) in _TIME_WORDS or c.like_num for c in tok.subtree if c.i != tok.i)


def swallowed_governor(tok):
    """The verb just before an infinitive's "de"/"à" that the parser fixed into an adverbial phrase ("a en outre
    menacé de saisir": "menacé" fixed under "en outre", "saisir" left to the auxiliary), else None."""
    if tok.pos_ != "VERB" or "Inf" not in tok.morph.get("VerbForm"):
        return None
    for c in tok.children:
        if c.dep_ == "mark" and c.i > 0 and tok.doc[c.i - 1].dep_ == "fixed" and tok.doc[c.i - 1].pos_ == "VERB":
            return tok.doc[c.i - 1]
    return None
