from datetime import date

import pytest

from pipeline.core.ontology import CAMEO_ROOT, INTENSITY, MODES, PLOVER_TYPES, QUAD_CLASS
from pipeline.extract.events import extract_many, extract_mentions, split_sentences
from pipeline.text.nlp import normalise_for_nlp


def test_ontology_complete():
    assert len(PLOVER_TYPES) == 16
    for t in PLOVER_TYPES:
        assert t in QUAD_CLASS and t in INTENSITY and t in CAMEO_ROOT and t in MODES
        assert -10 <= INTENSITY[t] <= 10


def test_normalise_keeps_length():
    s = "Il s’est dit « prêt » — qu’il…"
    n = normalise_for_nlp(s)
    assert len(n) == len(s) and "’" not in n


def test_lone_surrogates_are_replaced_for_spacy_and_extraction_does_not_raise():
    # the counterexample hypothesis found (tests/reliability/test_properties.py)
    body = "\udcffLe président français a rencontré mardi à Berlin le chancelier allemand."
    n = normalise_for_nlp(body)
    assert len(n) == len(body) and n[0] == "\ufffd"
    n.encode("utf-8")
    mentions = extract_mentions("s1", body, "fr", None, None)
    assert all(body[m.sentence_start:m.sentence_end] == m.sentence for m in mentions)


def test_split_sentences_offsets():
    text = "M. Trump a appelé Petro. Il a dit: « Oui. » Puis il est parti.\n\nNouveau paragraphe ici."
    spans = split_sentences(text)
    assert text[spans[0][0]:spans[0][1]] == "M. Trump a appelé Petro."
    assert text[spans[-1][0]:spans[-1][1]] == "Nouveau paragraphe ici."


def _one(body, lang="fr", published=date(2026, 2, 4)):
    return extract_mentions("t", body, lang, published)


def _keys(ms):
    return {(m.event_type, tuple(a.country for a in m.actor), tuple(r.country for r in m.recipient), m.status) for m in ms}


@pytest.fixture(scope="module")
def _warm(nlp_fr, nlp_en):
    return True


def test_phone_call_reciprocal_and_offsets(_warm):
    body = "Le 7 janvier 2026, le président colombien Gustavo Petro a eu une conversation téléphonique avec Donald Trump."
    ms = _one(body)
    m = [m for m in ms if m.event_type == "CONSULT"][0]
    assert {m.actor[0].country, m.recipient[0].country} == {"USA", "COL"}
    assert m.symmetric and m.event_date == date(2026, 1, 7)
    assert body[m.trigger_start:m.trigger_end] == m.trigger
    assert body[m.sentence_start:m.sentence_end] == m.sentence


def test_negation_and_hypothetical_fr(_warm):
    ms = _one("Le président américain n'a pas rencontré le président colombien. "
              "Washington pourrait imposer des sanctions contre Caracas.")
    statuses = {m.event_type: m.status for m in ms}
    assert statuses.get("CONSULT") == "negated"
    assert statuses.get("SANCTION") == "hypothetical"


def test_passive_agent_fr(_warm):
    ms = _one("Le Hezbollah a été accusé par Israël de préparer des attaques.")
    assert ("ACCUSE", ("ISR",), ("LBN",), "asserted") in _keys(ms)


def test_future_meeting_is_agree(_warm):
    # an intended meeting without a date of its own is an agreement to meet (seed gold); a
    # scheduled one with its date is a future CONSULT (tests/data/dev/README.md)
    ms = _one("Emmanuel Macron souhaite rencontrer prochainement Volodymyr Zelensky.")
    m = [m for m in ms if m.actor and m.actor[0].country == "FRA"][0]
    assert m.status == "future" and m.event_type == "AGREE"
    ms = _one("Emmanuel Macron va rencontrer Volodymyr Zelensky la semaine prochaine.")
    m = [m for m in ms if m.actor and m.actor[0].country == "FRA"][0]
    assert m.status == "future" and m.event_type == "CONSULT"


def test_english_voice_and_negation(_warm):
    ms = extract_mentions("e", "Russia was accused by Ukraine of attacking civilians. "
                               "The United States did not impose sanctions on Venezuela.", "en", date(2026, 1, 5))
    keys = _keys(ms)
    assert ("ACCUSE", ("UKR",), ("RUS",), "asserted") in keys
    assert any(k[0] == "SANCTION" and k[3] == "negated" for k in keys)


def test_relative_date_weekday(_warm):
    ms = extract_mentions("e", "French President Emmanuel Macron met Ukrainian President Volodymyr Zelensky on Tuesday.",
                          "en", date(2025, 11, 12))
    m = [m for m in ms if m.event_type == "CONSULT"][0]
    assert m.event_date == date(2025, 11, 11)


def test_extract_many_order_and_empty(_warm):
    items = [("a", "", "fr", None, None), ("b", "Le Mali a expulsé l'ambassadeur de France.", "fr", date(2026, 3, 2), None),
             ("c", "Texto en español.", "es", None, None)]
    out = list(extract_many(items))
    assert len(out) == 3 and out[0] == [] and out[2] == []
    assert out[1] and out[1][0].article_id == "b" and out[1][0].to_json(source="b.txt")["event_type"] == "SANCTION"
