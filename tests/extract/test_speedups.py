"""The extraction speed-ups must not change what is extracted.

Each fast path is compared with the plain computation it replaces: spaCy's own attribute ruler,
lemmatizer and BLAS path; a parse without the Doc cache and with eager NER; Token-object walks
of the parse; the date regexes without their lookaheads; the actor resolution of every date.
No timing is asserted here (see docs/benchmarks.md for the figures).
"""
from __future__ import annotations

import json
import random
import re
from datetime import date
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"

# constructions the rules of the English attribute ruler are about, plus ordinary news text
TRICKY = {
    "en": ["I ain't gonna let's go, y'all.", "It is what you said to it, but I did it.", "Gotta go; c'mon.",
           "There are two issues and there's one answer.", "Which one did they choose?",
           "He gets what he got.  Twice spaced.\n\nNew paragraph."],
    "fr": ["Il a dit qu'il ne viendrait pas.", "Les deux dirigeants se sont entretenus  hier.",
           "Y a-t-il un accord ?\n\nOui."],
}


def _sentences(lang: str) -> list[str]:
    from pipeline.extract.events import split_sentences
    from pipeline.text.nlp import normalise_for_nlp

    out = list(TRICKY[lang])
    for line in (DATA / f"events_{lang}_docs.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            text = normalise_for_nlp(json.loads(line)["text"])
            out.extend(text[s:e] for s, e in split_sentences(text))
    return list(dict.fromkeys(out))


def _annotations(doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in doc]


@pytest.fixture(scope="module", params=["fr", "en"])
def plain_and_fast(request):
    """(lang, spaCy as shipped, spaCy with the three speed-ups of pipeline.text.nlp.load_nlp)."""
    import spacy

    from pipeline.text.nlp import MODELS, use_fast_attribute_ruler, use_memo_lemmatizer, use_numpy_blas

    lang = request.param
    plain = spacy.load(MODELS[lang])
    fast = spacy.load(MODELS[lang])
    assert use_fast_attribute_ruler(fast.get_pipe("attribute_ruler"))
    assert use_memo_lemmatizer(fast.get_pipe("lemmatizer"))
    use_numpy_blas(fast)  # False where numpy's BLAS threads cannot be controlled: then nothing to compare
    return lang, plain, fast


def test_fast_components_annotate_like_spacy(plain_and_fast):
    lang, plain, fast = plain_and_fast
    texts = _sentences(lang)
    assert len(texts) > 80
    expected = [_annotations(d) for d in plain.pipe(texts)]
    assert [_annotations(d) for d in fast.pipe(texts)] == expected
    # single-document calls (nlp(text)) take the same path
    assert [_annotations(fast(t)) for t in texts[:10]] == expected[:10]


def test_load_nlp_uses_the_fast_components(nlp_fr, nlp_en):
    from pipeline.text.nlp import FastAttributeRuler

    for nlp in (nlp_fr, nlp_en):
        assert isinstance(nlp.get_pipe("attribute_ruler"), FastAttributeRuler)
        assert getattr(type(nlp.get_pipe("lemmatizer")), "_newsevents_memo", False)


def test_lemma_index_lists_answer_membership_like_lists(nlp_fr, nlp_en):
    for nlp in (nlp_fr, nlp_en):
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
        assert table
        for words in table.values():
            assert isinstance(words, list) and len(words) > 100
            plain = list(words)
            for probe in plain[:30] + plain[-30:] + ["qzxv", "", "Maison", 3]:
                assert (probe in words) == (probe in plain)
            assert [] not in words  # an unhashable probe: the list's own test


def test_attribute_ruler_candidates_keep_pattern_order():
    from pipeline.text.nlp import _candidate_index, _candidates

    tests = [[(0, "eq", 5)], [(1, "in", frozenset((7, 8)))], [(0, "not_in", frozenset((1,)))],
             [(1, "eq", 7), (0, "eq", 5)], [(2, "regex", None)]]
    index = _candidate_index(tests)
    assert _candidates(index, (5, 7, 0)) == [0, 1, 2, 3, 4]
    assert _candidates(index, (5, 9, 0)) == [0, 2, 4]
    assert _candidates(index, (6, 8, 0)) == [1, 2, 4]


def test_single_thread_blas_restores_the_thread_count():
    from pipeline.text.nlp import _openblas_controls, _SingleThreadBlas

    before = [get() for get, _set in _openblas_controls()]
    with _SingleThreadBlas():
        assert all(get() == 1 for get, _set in _openblas_controls())
    assert [get() for get, _set in _openblas_controls()] == before


# ----------------------------------------------------------------------------- parse_texts
def test_parse_texts_cache_lazy_ner_and_text(nlp_fr):
    from pipeline.text.nlp import DOC_TEXT, DocCache, ensure_ents, ent_type, ner_pending, parse_texts

    texts = ["Emmanuel Macron a rencontré Friedrich Merz à Berlin.", "La Russie a frappé Kiev lundi.",
             "Emmanuel Macron a rencontré Friedrich Merz à Berlin."]
    full = parse_texts("fr", texts, cache=False)  # full pipeline, entities included
    assert not any(ner_pending(d) for d in full)
    lazy = parse_texts("fr", texts, lazy_ner=True)
    assert lazy[0] is lazy[2]  # identical texts share one Doc
    assert parse_texts("fr", texts[:1], lazy_ner=True)[0] is lazy[0]  # and later calls reuse it
    for d, ref in zip(lazy, full):
        assert d.user_data[DOC_TEXT] == d.text == ref.text
        assert [(t.pos_, t.dep_, t.lemma_) for t in d] == [(t.pos_, t.dep_, t.lemma_) for t in ref]
    assert ner_pending(lazy[1])
    assert [ent_type(t) for t in lazy[1]] == [t.ent_type_ for t in full[1]]  # computed on first read
    assert not ner_pending(lazy[1])
    ensure_ents(lazy[0])
    assert [(e.text, e.label_) for e in lazy[0].ents] == [(e.text, e.label_) for e in full[0].ents]
    # a full request returns Docs with their entities, even when cached lazily before
    again = parse_texts("fr", texts)
    assert not any(ner_pending(d) for d in again)

    cache = DocCache(2)
    for k in "abc":
        cache.put(k, k.upper())
    assert len(cache) == 2 and cache.get("a") is None and cache.get("c") == "C"


def test_entities_prefetch_only_decides_when(nlp_en, monkeypatch):
    """_likely_reads_entities picks Docs whose entities are computed with the batch; without it
    they are computed on first read: the mentions are the same."""
    import pipeline.extract.events as ev
    from pipeline.text.nlp import DOC_CACHE, parse_texts

    text = "Qatar called on the Philippines on Tuesday to return to the negotiating table."
    assert ev._likely_reads_entities(parse_texts("en", [text], lazy_ner=True)[0], "en")
    assert not ev._likely_reads_entities(parse_texts("en", ["The weather was fine."], lazy_ner=True)[0], "en")
    item = ("t", text + " Qatar called Manila on Monday.", "en", date(2026, 2, 4), None)
    with_prefetch = [m.to_json() for m in ev.extract_mentions(*item)]
    DOC_CACHE.clear()
    monkeypatch.setattr(ev, "_likely_reads_entities", lambda doc, lang: False)
    assert [m.to_json() for m in ev.extract_mentions(*item)] == with_prefetch
    DOC_CACHE.clear()


ARTICLES_WITH_NAMES = {
    "fr": ["La France a sanctionné Zorbanistan mardi. Le Mali a rejeté les propositions de Kerlovie. "
           "Paris a accusé lundi Moscou d'ingérence. Les syndicats ont manifesté contre Vexoria Holdings.",
           "Le Tchad a expulsé l'ambassadeur de Bravonie. L'armée a bombardé Kadrina jeudi."],
    "en": ["Ruritania accused Zembla of meddling on Monday. Kerlovia rejected the proposals of Zorbania. "
           "The army shelled Grozny in March. Farmers protested against Vexoria Holdings.",
           "Chad expelled the ambassador of Bravonia. Qatar called on the Philippines on Tuesday to talk."],
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_entities_in_advance_change_nothing(lang, nlp_fr, nlp_en, monkeypatch):
    """Which Docs get their entities with the batch (`_likely_reads_entities`) only decides when
    they are computed: the mentions are the same with entities computed in advance for every Doc,
    for the predicted ones, or for none (the articles name parties the resolver cannot place,
    whose entity labels the unplaceable-patient test reads)."""
    import pipeline.extract.events as ev
    from pipeline.text.nlp import DOC_CACHE

    texts = ARTICLES_WITH_NAMES[lang] + [json.loads(x)["text"] for x in (
        DATA / f"events_{lang}_docs.jsonl").read_text(encoding="utf-8").splitlines()[:8] if x.strip()]
    items = [(f"a{i}", t, lang, date(2026, 2, 4), None) for i, t in enumerate(texts)]
    predicate = ev._likely_reads_entities
    runs = []
    for choice in (predicate, lambda doc, lang: True, lambda doc, lang: False):
        DOC_CACHE.clear()
        monkeypatch.setattr(ev, "_likely_reads_entities", choice)
        runs.append([[m.to_json() for m in ms] for ms in ev.extract_many(items, batch_size=4)])
    DOC_CACHE.clear()
    assert runs[0] == runs[1] == runs[2]
    assert sum(map(len, runs[0])) > 5


def test_extraction_same_with_and_without_doc_cache(nlp_fr, nlp_en, monkeypatch):
    import pipeline.extract.events as ev
    from pipeline.text.nlp import DOC_CACHE

    items = []
    for lang in ("fr", "en"):
        for line in (DATA / f"events_{lang}_docs.jsonl").read_text(encoding="utf-8").splitlines()[:12]:
            d = json.loads(line)
            items.append((d["doc"], d["text"], lang, date.fromisoformat(d["published"]), None))
    items = items + items[:5]  # repeated articles: their sentences come from the cache

    def run():
        return [[m.to_json() for m in ms] for ms in ev.extract_many(items, batch_size=8)]

    cached = run()
    assert run() == cached  # second pass: every sentence cached, memos reused
    DOC_CACHE.clear()
    monkeypatch.setattr(DOC_CACHE, "size", 0)  # no cache: every batch parses its own sentences
    assert run() == cached
    assert sum(map(len, cached)) > 20


# ----------------------------------------------------------------------------- parse walks
def _prep_of_tokens(tok):
    if tok.dep_ == "pobj" and tok.head.dep_ in ("prep", "agent", "dative"):
        return tok.head.lower_
    cases = [c for c in tok.children if c.dep_ in ("case", "fixed")]
    return min(cases, key=lambda c: c.i).lower_ if cases else None


def _np_tokens_tokens(tok, limit=25):
    """The Token-object walk `DocView.np_tokens` replaces (as it was written before)."""
    keep = {tok.i}
    stack = [tok]
    while stack and len(keep) < limit:
        t = stack.pop()
        for c in t.children:
            if c.dep_ in ("conj", "cc", "acl", "acl:relcl", "relcl", "advcl", "ccomp", "punct", "parataxis"):
                continue
            if c.dep_ in ("nmod", "prep") and t is tok:
                p = _prep_of_tokens(c) if c.dep_ == "nmod" else c.lower_
                if p not in (None, "de", "du", "des", "d'", "of", "'s"):
                    continue
            elif c.dep_ in ("nmod", "prep", "pobj") and t.i != tok.i and c.dep_ != "pobj":
                p = _prep_of_tokens(c) if c.dep_ == "nmod" else c.lower_
                if p not in ("de", "du", "des", "d'", "of"):
                    continue
            keep.add(c.i)
            stack.append(c)
    return sorted(keep)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_doc_view_walks_like_tokens(lang, nlp_fr, nlp_en):
    from pipeline.extract.grammar import doc_view, np_tokens, span_text
    from pipeline.text.nlp import parse_texts

    for doc in parse_texts(lang, _sentences(lang), lazy_ner=True):
        v = doc_view(doc)
        for t in doc:
            assert v.children[t.i] == tuple(c.i for c in t.children)
            assert v.head[t.i] == t.head.i and v.dep[t.i] == t.dep_ and v.pos[t.i] == t.pos_
            assert v.prep_of(t.i) == _prep_of_tokens(t)
            for limit in (25, 3):
                assert list(np_tokens(t, limit)) == _np_tokens_tokens(t, limit)
            assert span_text(doc, [t.i]) == (t.text, t.idx, t.idx + len(t.text))


def _memory_entries_tokens(st, doc, offset):
    """The coreference memory a sentence added when update_memory walked Token objects."""
    from pipeline.extract import actors as actors_mod
    from pipeline.extract.actors import fold, resolve_span
    from pipeline.extract.discourse_memory import _GOV_NON_PERSON, NON_ACTOR_HEADS
    from pipeline.extract.grammar import PASS_SUBJ_DEPS, SUBJ_DEPS

    out, seen = [], set()
    for t in doc:
        if t.pos_ not in ("PROPN", "NOUN") or t.dep_ in ("flat", "flat:name", "compound", "amod", "fixed") or t.i in seen:
            continue
        idxs = _np_tokens_tokens(t)
        text = doc.text[doc[idxs[0]].idx:doc[idxs[-1]].idx + len(doc[idxs[-1]].text)]
        r = resolve_span(text, st.lang, st.reference)
        if r is None or (t.pos_ == "NOUN" and fold(t.lemma_) not in actors_mod.SECTOR_WORDS and fold(t.text) not in actors_mod.SECTOR_WORDS
                         and (fold(t.lemma_) in NON_ACTOR_HEADS or fold(t.text) in NON_ACTOR_HEADS)
                         and (r.how == "demonym" or r.end <= t.idx - doc[idxs[0]].idx)):
            continue  # (a thing a nationality qualifies: "American pressure", "le programme nucléaire iranien")
        seen.update(idxs)
        subject = t.dep_ in SUBJ_DEPS | PASS_SUBJ_DEPS or (t.dep_ == "ROOT" and t.pos_ == "PROPN") or (
            t.dep_ == "conj" and t.head.dep_ in SUBJ_DEPS)
        plural = "Plur" in t.morph.get("Number") and not (r.entity and r.entity.is_person)
        person = (r.entity is not None and r.entity.is_person) or (
            r.entity is None and fold(t.lemma_) in actors_mod.SECTOR_WORDS and actors_mod.SECTOR_WORDS[fold(t.lemma_)] in ("GOV",)
            and not plural and fold(t.lemma_) not in _GOV_NON_PERSON)
        out.append((r.ref, offset + t.idx, subject, plural, person))
    return out


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_update_memory_records_what_the_token_walk_recorded(lang, nlp_fr, nlp_en):
    from pipeline.extract.discourse_memory import update_memory
    from pipeline.extract.parties import ArticleState, Resolver
    from pipeline.text.nlp import parse_texts

    for reference in (date(2026, 2, 4), date(2019, 6, 1)):  # affiliations depend on the date
        st = ArticleState("t", "", lang, reference)
        recorded = 0
        for k, doc in enumerate(parse_texts(lang, _sentences(lang), lazy_ner=True)):
            before = len(st.memory.entries)
            update_memory(Resolver(st, doc, 1000 * k, reference), doc)
            got = [(e.res.ref, e.pos, e.subject, e.plural, e.person) for e in st.memory.entries[before:]]
            assert got == _memory_entries_tokens(st, doc, 1000 * k), doc.text
            recorded += len(got)
        assert recorded > 50


# ----------------------------------------------------------------------------- actors, places
def _country_in_all_ngrams(text, toks, lang):
    """_country_in as written before (every n-gram, capitalisation tested on the fragment)."""
    from pipeline.extract.actors import _NOT_COUNTRY_WORDS, capital_country, demonym_country, fold, name_country

    n = len(toks)
    for size in range(min(5, n), 0, -1):
        for i in range(0, n - size + 1):
            s, e = toks[i][1], toks[i + size - 1][2]
            frag = text[s:e]
            if size == 1 and (fold(frag) in _NOT_COUNTRY_WORDS or (len(frag) < 3 and frag not in ("US", "UK"))):
                continue
            if not frag[:1].isupper():
                continue
            if frag.isupper() and len(frag) == 3 and "." not in frag and frag not in ("USA", "RDC", "DRC", "UAE", "EAU"):
                continue
            c = name_country(frag, lang)
            if c:
                return c, "country", s, e
            c = capital_country(frag)
            if c:
                return c, "capital", s, e
    for w, s, e in toks:
        c = demonym_country(w)
        if c:
            return c, "demonym", s, e
    return None, "", 0, 0


SPANS = ["le président américain Donald Trump", "Trump", "l'armée de la Colombie", "les Colombiens",
         "the United States", "U.S. forces", "la République démocratique du Congo", "les autorités de Bogota",
         "Kamala Harris", "le ministre ghanéen Kwame Mensah", "the European Union", "pro-Russian separatists",
         "la souveraineté colombienne", "USA", "les États-Unis d'Amérique", "Washington", "des manifestants",
         "Abdel Fattah al-Sissi", "the Kremlin", "la Maison Blanche", "le Premier ministre", "nobody at all"]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_resolution_split_by_date_is_the_same(lang):
    """resolve_span now resolves the date-independent part once (_resolve_span_core) and the
    affiliation per date; `resolvable` answers for every date at once."""
    from pipeline.extract.actors import _country_in, _tokens, resolvable, resolve_span

    for span in SPANS:
        results = [resolve_span(span, lang, d) for d in (None, date(2019, 6, 1), date(2023, 1, 1), date(2026, 2, 4))]
        assert all((r is not None) == resolvable(span, lang) for r in results), span
        toks = _tokens(span)
        assert _country_in(span, toks, lang) == _country_in_all_ngrams(span, toks, lang), span
    trump = [resolve_span("Donald Trump", lang, d).ref for d in (date(2019, 6, 1), date(2022, 6, 1))]
    assert trump[0] != trump[1] or trump[0].country == "USA"  # dated roles still apply per date


def test_places_fold_table():
    from pipeline.extract.gazetteer import _fold_char
    from pipeline.extract.gazetteer import fold as _fold

    rng = random.Random(5)
    alphabet = [chr(i) for i in list(range(32, 0x250)) + list(range(0x2000, 0x2030)) + [0x130, 0x212A, 0x1E9E]]
    for _ in range(300):
        s = "".join(rng.choice(alphabet) for _ in range(40))
        assert _fold(s) == "".join(_fold_char(c) for c in s) and len(_fold(s)) == len(s)


# ----------------------------------------------------------------------------- dates
def _without_lead(pattern: re.Pattern) -> re.Pattern:
    """The pattern without the lookahead `_lead` put after its left boundary."""
    from pipeline.text.temporal import lexicon as dates

    src = pattern.pattern
    assert src.startswith(dates._B + "(?=")
    i, depth = len(dates._B), 0
    for j in range(i, len(src)):
        if src[j] == "\\":
            continue
        if src[j] == "(" and src[j - 1] != "\\":
            depth += 1
        elif src[j] == ")" and src[j - 1] != "\\":
            depth -= 1
            if depth == 0:
                return re.compile(dates._B + src[j + 1:], pattern.flags)
    raise AssertionError("unbalanced")


def test_date_patterns_lookaheads_and_tries_change_nothing():
    from pipeline.text.temporal import lexicon as dates
    from pipeline.text.temporal.literals import LiteralGate

    words = ["mars", "march", "mar", "mai", "may", "sept", "sept.", "september", "déc.", "dec", "janv.", "fév"]
    alt = re.compile(r"\b(?:" + dates._alt(words) + r")\b", re.I)
    plain = re.compile(r"\b(?:" + "|".join(sorted({re.escape(w) for w in words}, key=len, reverse=True)) + r")\b", re.I)
    patterns = {n: getattr(dates, n) for n in dir(dates) if n.startswith("_P_")}
    leaded = {n: _without_lead(p) for n, p in patterns.items() if p.pattern.startswith(dates._B + "(?=")}
    assert {"_P_MONTH_YEAR", "_P_YEAR", "_P_WEEKDAY", "_P_PERIOD_REL", "_P_DAY_MONTH"} <= set(leaded)
    vocab = sorted({w for p in patterns.values() for w in re.findall(r"[^\W\d_]+(?:['-][^\W\d_]+)*", p.pattern)}
                   | set(dates._MONTH_LOOKUP) | set(dates._WEEKDAY_LOOKUP)
                   | {"2024", "1999", "3", "1er", "21st", "10h", "%", "d'", "l'", "à", "a", "il y a"})
    rng = random.Random(7)
    for _ in range(1500):
        toks = [rng.choice(vocab) for _ in range(rng.randint(1, 10))]
        toks = [t.upper() if rng.random() < .1 else t.capitalize() if rng.random() < .2 else t for t in toks]
        text = "".join(t + rng.choice([" ", " ", "  ", "\n", ", ", ". ", "-"]) for t in toks)
        assert [m.span() for m in alt.finditer(text)] == [m.span() for m in plain.finditer(text)], text
        for name, p in leaded.items():
            assert [(m.span(), m.groupdict()) for m in patterns[name].finditer(text)] == \
                   [(m.span(), m.groupdict()) for m in p.finditer(text)], (name, text)
    assert LiteralGate("Il y a trois jours").may_match(dates._P_AGO)
    assert LiteralGate("two days AGO").may_match(dates._P_AGO)
    assert not LiteralGate("Rien de tel.").may_match(dates._P_AGO)
