"""Where an article's story happens, apart from the venues of its meetings abroad.

A meeting is often held in a third country's capital ("se retrouveront à Wellington", "en marge du
Conseil à Bruxelles"): its venue does not set the story's place (a visit does). Reads the parse and
the lexicon only.
"""
from __future__ import annotations

from pipeline.extract import actors as actors_mod
from pipeline.extract.triggers import lookup_spec

# the meeting modes whose place is a venue
VENUE_MODES = frozenset(("meet", "multilateral", "mediate", "phone"))


def setting_places(places: list, sentences, docs_by_idx: dict, lang: str) -> list:
    """The article's place mentions but the venues of its meetings abroad: a place a meeting
    sentence locates (a CONSULT trigger of a meeting mode and no other sense, unlike "à l'appel
    des syndicats") whose country the article names nowhere else (no place, no nationality
    outside meeting sentences: "se retrouveront à Wellington" in a story about Bougainville).
    No story country is guessed from how often the article names one: an unknown party stays unknown."""
    venues, venue_places, others = [], set(), []
    for si, (s, e) in enumerate(sentences):
        doc = docs_by_idx.get(si)
        if doc is None:
            continue
        if _has_meeting_word(doc, lang):
            venues.append((s, e))
            venue_places.update(id(p) for p in places if s <= p.start < e and p.is_location_cue and
                                _locates_meeting(doc, p.start - s, lang))
        else:
            others.append(doc)
    if not venue_places:  # the common case: no venue to weigh against the rest of the article
        return places
    named = {p.place.country for p in places if p.place.country and not any(s <= p.start < e for s, e in venues)}
    for doc in others:
        named.update(c for t in doc if t.pos_ in ("ADJ", "NOUN", "PROPN") and (c := actors_mod.demonym_country(t.text)))
    return [p for p in places if not (id(p) in venue_places and p.place.country not in named)]


_MEETING_KEY = "_newsevents_meeting_word"


def _has_meeting_word(doc, lang: str) -> bool:
    """Does the sentence hold a `_meeting_word`? Reads the parse and the lexicon only: memoised on the Doc."""
    key = (_MEETING_KEY, lang)
    found = doc.user_data.get(key)
    if found is None:
        found = doc.user_data[key] = any(_meeting_word(t, lang) for t in doc)
    return found


def _locates_meeting(doc, offset: int, lang: str) -> bool:
    """Does the place at character `offset` of `doc` locate its meeting: on the way up to its verb
    a meeting word, or that verb's own argument is one ("se retrouveront à Wellington", "accueillir
    des négociations à Wellington"), not "marched through Tbilisi against ... talks"?"""
    t = next((x for x in doc if x.idx <= offset < x.idx + len(x.text)), None)
    for _ in range(5):
        if t is None or _meeting_word(t, lang):
            return t is not None
        if t.pos_ in ("VERB", "AUX"):
            return any(_meeting_word(c, lang) for c in t.children if c.dep_ in ("obj", "dobj", "nsubj", "xcomp", "obl", "obl:arg"))
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def _meeting_word(t, lang: str) -> bool:
    spec = t.pos_ in ("VERB", "NOUN") and lookup_spec(lang, t.pos_, t.lemma_.lower())
    return bool(spec) and spec.event_type == "CONSULT" and spec.mode in VENUE_MODES and not spec.special


__all__ = ["setting_places"]
