"""The NER prefilter must never drop a sentence that can hold a trigger.

Entities are computed only for sentences that ``prefilter.has_trigger_lemma`` accepts, so it has to
be a superset of ``events.find_triggers``: every sentence of the FR/EN test-set documents in which
``find_triggers`` (run on a full parse, entities included) keeps a trigger must be accepted.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"


def _sentences(lang: str) -> list[str]:
    from pipeline.extract.events import split_sentences
    from pipeline.text.nlp import normalise_for_nlp

    out = []
    for line in (DATA / f"events_{lang}_docs.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        text = normalise_for_nlp(json.loads(line)["text"])
        out.extend(text[s:e] for s, e in split_sentences(text))
    return out


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_prefilter_accepts_every_trigger_sentence(lang, nlp_fr, nlp_en):
    from pipeline.extract.events import find_triggers
    from pipeline.extract.prefilter import has_trigger_lemma
    from pipeline.text.nlp import parse_texts

    sents = _sentences(lang)
    assert len(sents) > 50
    docs = parse_texts(lang, sents)  # full pipeline, NER included
    with_trigger = 0
    missed = []
    for doc in docs:
        trigs = find_triggers(doc, lang)
        if not trigs:
            continue
        with_trigger += 1
        if not has_trigger_lemma(doc, lang):
            missed.append((doc.text, [t.text for t, _ in trigs]))
    assert with_trigger > 20
    assert not missed, missed


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_prefilter_rejects_some_sentences(lang, nlp_fr, nlp_en):
    """The prefilter is useful only if it rejects something (sentences without any trigger lemma)."""
    from pipeline.extract.prefilter import has_trigger_lemma
    from pipeline.text.nlp import parse_texts

    text = {"fr": "Le ciel était bleu ce jour-là à Paris.", "en": "The weather was fine that day in London."}[lang]
    assert not has_trigger_lemma(parse_texts(lang, [text])[0], lang)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_trigger_positions_superset_of_find_triggers(lang, nlp_fr, nlp_en):
    """find_triggers looks only at the tokens `trigger_positions` returns (read from the token
    arrays): that must lose nothing, i.e. give exactly the triggers of a scan of every token."""
    from pipeline.extract.events import could_trigger, find_triggers, trigger_positions
    from pipeline.extract.triggers import hyphen_lemma
    from pipeline.text.nlp import parse_texts

    docs = parse_texts(lang, _sentences(lang))
    kept = 0
    for doc in docs:
        everything = [(t.i, spec) for t, spec in find_triggers(doc, lang, positions=range(len(doc)))]
        assert [(t.i, spec) for t, spec in find_triggers(doc, lang)] == everything, doc.text
        positions = set(trigger_positions(doc, lang))
        for i, _spec in everything:
            t = doc[i]
            # the last word of a hyphenated compound the tokenizer split is looked up whole ("build-up")
            lem = hyphen_lemma(t)
            assert i in positions and could_trigger(lang, t.pos_, lem, lem if lem != t.lemma_ else t.lower_, t.text), \
                (doc.text, t.text)
        kept += bool(everything)
        # the test is useful only if it leaves tokens out
        assert len(positions) < len(doc) or len(doc) < 4
    assert kept > 20


def test_could_trigger_examples():
    from pipeline.extract.events import could_trigger

    assert could_trigger("fr", "VERB", "rencontrer", "rencontré", "rencontré")
    assert could_trigger("fr", "ADJ", "accusé", "accusé", "accusé")  # participle tagged ADJ
    assert could_trigger("en", "NOUN", "sanction", "sanctions", "sanctions")
    assert could_trigger("en", "VERB", "take", "took", "took")  # head of "take up arms"
    assert not could_trigger("fr", "DET", "le", "le", "le")
    assert not could_trigger("en", "PROPN", "meeting", "meeting", "Meeting")  # capitalised proper noun
    assert not could_trigger("en", "NOUN", "weather", "weather", "weather")
