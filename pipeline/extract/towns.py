"""GeoNames towns (gazetteer kind ``town``) in running text, matched only where the text says "at this place".

The ~30,000 towns and provinces of ``pipeline/data/gazetteer_sources/world_cities`` (GeoNames, CC BY 4.0,
filtered by ``scripts/filter_world_towns.py``) are unknown words to everything else: `lookup_place` and
the main name matcher of `pipeline.extract.places` never see them, so a surname or a word that is also a
town somewhere never becomes a country by itself.  A town is taken only

- after a locative cue (`gazetteer.cue_before`: "à Kafountine", "in Surabaya", "près de Mae Sot", "dans la
  ville de X", "in northern X"), except cues that also introduce people or firms ("from", "at", "chez",
  "devant", "across"...), or
- as a dateline opening the article ("SURABAYA, Indonesia (Reuters) -", "Mae Sot (AFP) -");

and never when it is the start of a longer proper noun ("in Santos Basin", "à Kafountine Plage").
Hand-written gazetteer entries always win: a name they hold is not a town (see build_gazetteer.py).
"""
from __future__ import annotations

import re
from functools import lru_cache

from pipeline.extract.gazetteer import PlaceMention, cue_before, fold, load_gazetteer, normalize_key

_WORD_RE = re.compile(r"[^\W\d_][\w'\u2019]*")
# cues that also introduce persons, firms or teams ("a letter from Marshall", "chez Santos", "at Dole")
_WEAK_CUES = frozenset(("from", "at", "chez", "devant", "across", "through", "throughout", "around", "along", "off"))
_JOIN_RE = re.compile(r"\s+")  # hyphens are folded to spaces
_SPACES_RE = re.compile(r"\s+")
_DATELINE_END = re.compile(r"^\s*(?:,|\(|[-\u2013\u2014])")


@lru_cache(maxsize=1)
def _town_index() -> tuple[dict, dict]:
    """folded name -> town entry, and folded first word -> the largest number of words of a name it starts."""
    idx: dict = {}
    firsts: dict[str, int] = {}
    for g in load_gazetteer():
        if g.kind == "town":
            for n in g.names:
                k = normalize_key(n, strip_articles=False)
                idx.setdefault(k, g)
                first = k.split(" ", 1)[0]
                firsts[first] = max(firsts.get(first, 0), k.count(" ") + 1)
    return idx, firsts


def town_entry(name: str):
    """The GeoNames town a name spells, or None (for callers that have their own location cue)."""
    return _town_index()[0].get(normalize_key(name, strip_articles=False))


def _taken(cue: str, is_loc: bool, s: int) -> bool:
    if is_loc:
        words = [w for w in fold(cue).split() if w not in ("the", "le", "la", "les", "l'")]
        return not (len(words) == 1 and words[0] in _WEAK_CUES)
    return s <= 2 and not cue


def _longest(folded: str, words: list[re.Match], i: int, idx: dict, n_words: int) -> tuple[int, str] | None:
    """The longest town name starting at word i (words joined by spaces or hyphens): (last word, key)."""
    best = None
    for j in range(i, min(len(words), i + n_words)):
        if j > i and not _JOIN_RE.fullmatch(folded, words[j - 1].end(), words[j].start()):
            break
        key = _SPACES_RE.sub(" ", folded[words[i].start():words[j].end()])
        if key in idx and words[j].group(0)[:1].isupper():
            best = (j, key)
    return best


def find_towns(text: str, folded: str, busy: list[tuple[int, int]]) -> list[PlaceMention]:
    """Town mentions in `text` (`folded` is its `fold`) outside the spans `busy` (the main matcher's places)."""
    idx, firsts = _town_index()
    words = list(_WORD_RE.finditer(text))
    out, i = [], 0
    while i < len(words):
        w = words[i]
        n_words = firsts.get(folded[w.start():w.end()], 0) if w.group(0)[:1].isupper() else 0
        hit = _longest(folded, words, i, idx, n_words) if n_words else None
        if hit is None or any(s < words[hit[0]].end() and w.start() < e for s, e in busy):
            i += 1
            continue
        j, key = hit
        s, e = w.start(), words[j].end()
        i = j + 1
        nxt = words[j + 1] if j + 1 < len(words) else None
        if nxt is not None and nxt.group(0)[:1].isupper() and re.fullmatch(r"[ \-]", text[e:nxt.start()]):
            continue  # part of a longer proper noun
        cue, is_loc = cue_before(text, folded, s)
        if not _taken(cue, is_loc, s) or (not is_loc and not _DATELINE_END.match(text[e:e + 3])):
            continue
        g = idx[key]
        out.append(PlaceMention(text=text[s:e], start=s, end=e, place=g.to_place(text=text[s:e]), cue=cue,
                                   is_location_cue=is_loc, gaz_id=g.id, kind=g.kind))
    return out
