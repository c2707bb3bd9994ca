"""What each parsed (or unparsed) sentence adds to the article's coreference memory: the noun phrases
that resolve to an actor, with subject, number and person marks, for later pronouns, pairs and bare
titles to find ("the two ministers", "il", "le ministère")."""

from __future__ import annotations

import re

from pipeline.core.models import ActorRef
from pipeline.extract import actors as actors_mod
from pipeline.extract import arguments as args_mod
from pipeline.extract.actors import Resolution, fold, resolvable, resolve_span
from pipeline.extract.grammar import PASS_SUBJ_DEPS, SUBJ_DEPS, doc_text, doc_view
from pipeline.extract.lexicon import shared_set
from pipeline.extract.parties import MINORITY_MODS, NON_ACTOR_HEADS, ArticleState, Resolver

_MEMORY_KEY = "_newsevents_memory_nps"
_ANY_SUBJ_DEPS = SUBJ_DEPS | PASS_SUBJ_DEPS
# (English institutions are "it"; French ones keep their grammatical gender: "le ministère ... il")
_GOV_NON_PERSON = shared_set("government_non_person_nouns")


def _memory_nps(doc, lang: str) -> tuple[tuple, ...]:
    """The noun phrases of a parsed sentence that resolve to an actor, in reading order, as
    (token offset in the sentence, span text, subject?, plural morphology?, folded head lemma).

    Depends on the Doc only (whether a span resolves does not depend on the date: dictionary
    names always resolve, the other rules do not look at it; the date-dependent affiliation is
    resolved per article by `update_memory`), so it is memoised on the Doc, which repeated
    sentences share."""
    key = (_MEMORY_KEY, lang)
    cached = doc.user_data.get(key)
    if cached is not None:
        return cached
    v = doc_view(doc)
    text = doc_text(doc)
    out = []
    seen = set()
    for i, (p, dep) in enumerate(zip(v.pos, v.dep)):
        if p not in ("PROPN", "NOUN") or dep in ("flat", "flat:name", "compound", "amod", "fixed") or i in seen or \
                _seat_of_body(doc[i]):
            continue
        idxs = v.np_tokens(i)
        span = text[v.start[idxs[0]]:v.end[idxs[-1]]]
        if not resolvable(span, lang) and (nat := args_mod.shared_nationality(doc[i])) is not None:
            span = f"{nat} {span}"
        if not resolvable(span, lang) or _thing_named_by_nationality(doc[i], span, v.start[i] - v.start[idxs[0]], lang):
            continue
        seen.update(idxs)
        subject = dep in _ANY_SUBJ_DEPS or (dep == "ROOT" and p == "PROPN") or (
            dep == "conj" and v.dep[v.head[i]] in SUBJ_DEPS)
        t = doc[i]
        out.append((v.start[i], span, subject, "Plur" in t.morph.get("Number"), fold(t.lemma_)))
    out = doc.user_data[key] = tuple(out)
    return out


# "the Oslo-based group", "a Sri Lankan-flagged trawler": the place or nationality word alone is no party
SEAT_SUFFIXES = shared_set("seat_suffixes") | (shared_set("leader_suffixes") - {"led"})


def _seat_of_body(t) -> bool:
    """"the Oslo-based rights group": a place hyphenated to a seat participle tells where a body
    sits; it is no party to remember."""
    nxt = t.doc[t.i + 1:t.i + 3]
    return len(nxt) == 2 and nxt[0].text == "-" and not nxt[0].whitespace_ and not t.whitespace_ and \
        nxt[1].lower_ in SEAT_SUFFIXES


def _thing_named_by_nationality(t, span: str, head_offset: int, lang: str) -> bool:
    """"Argentine gas exports", "American pressure", "the Djiboutian account": a thing a nationality
    word qualifies, no party to remember (pairs and pronouns would find it). (An act keeps its author:
    "an Israeli drone strike killed ..." tells who struck; "positions du Hezbollah" names the group.)
    The qualifier is a nationality word wherever it stands ("l'espace aérien russe" as "Russian airspace")
    or a name before the head ("the Djiboutian account"), never a complement after it."""
    if t.pos_ != "NOUN" or args_mod.agent_noun(t) or not (
            fold(t.lemma_) in NON_ACTOR_HEADS or fold(t.text) in NON_ACTOR_HEADS):
        return False
    r = resolve_span(span, lang, None)
    return r.how == "demonym" or r.end <= head_offset


def update_memory(R: Resolver, doc) -> None:
    """Record the resolved noun phrases of a parsed sentence for later coreference."""
    mem = R.st.memory
    lang = R.st.lang
    for idx, text, subject, plur, lem in _memory_nps(doc, lang):
        r = resolve_span(text, lang, R.on_date)
        if r.how == "demonym" and any(w.lower() in MINORITY_MODS for w in text.split()):
            continue  # "ethnic Hungarians": not Hungary's people (their country is where they live)
        plural = plur and not (r.entity and r.entity.is_person)
        person = (r.entity is not None and r.entity.is_person) or (
            r.entity is None and lem in actors_mod.SECTOR_WORDS and actors_mod.SECTOR_WORDS[lem] in ("GOV",)
            and not plural and lem not in _GOV_NON_PERSON)
        mem.add(r, R.offset + idx, subject=subject, plural=plural, person=person)


def memory_from_text(st: ArticleState, text: str, offset: int, on_date) -> None:
    """Unparsed sentence: remember dictionary persons (for pronouns in later sentences), and the
    country or capital that opens it as its subject ("Ghana is watching closely. Its ministry ...")."""
    # (after a transcript's speaker label: "CORRESPONDENT: Ghana is ...")
    lead = re.match(r"(?:[A-Z]{2,}:\s+)?((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*)(?=\s+[a-z])", text)
    r = resolve_span(lead.group(1), st.lang, on_date) if lead else None
    if r is not None and r.how in ("country", "capital") and r.start == 0 and r.end == len(lead.group(1)):
        st.memory.add(r, offset + lead.start(1), subject=True, person=False)
    d = actors_mod.get_dictionary()
    for s, e, ent in d.find(text):
        if ent.is_person:
            country, sector = ent.affiliation(on_date)
            ref = ActorRef(text=text[s:e], name=ent.name, country=country, sector=sector, entity_id=ent.id)
            st.memory.add(Resolution(ref, ent, "dictionary", s, e), offset + s, subject=(s < 40))
