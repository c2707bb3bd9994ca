"""General rules of the EN pass (anaphoric objects, coordinated nationalities, embedded content,
domestic coercion, purpose clauses, IGO actors).  Sentences are not from the test sets."""
from datetime import date

import pytest

from pipeline.extract.actors import resolve_actor
from pipeline.extract.events import extract_mentions

PUB = date(2026, 3, 28)


@pytest.fixture(scope="module")
def _warm(nlp_fr, nlp_en):
    return True


def _asserted(body, lang="en"):
    ms = extract_mentions("t", body, lang, PUB)
    return {(m.event_type, frozenset(a.country for a in m.actor if a.country),
             frozenset(r.country for r in m.recipient if r.country)) for m in ms if m.status not in ("negated", "hypothetical")}


def test_us_abbreviation_resolves():
    assert resolve_actor("U.S. senators", "en").country == "USA"
    assert resolve_actor("UK officials", "en").country == "GBR"


def test_anaphoric_object_takes_referenced_actor(_warm):
    ks = _asserted("Colombia accused Ecuador of harbouring rebels on Monday. Quito dismissed the allegation.")
    assert ("REJECT", frozenset({"ECU"}), frozenset({"COL"})) in ks
    ks = _asserted("Belarus released 14 political prisoners on Thursday. Lithuania welcomed the decision.")
    assert ("SUPPORT", frozenset({"LTU"}), frozenset({"BLR"})) in ks
    ks = _asserted("Le Niger a expulsé lundi l'ambassadeur du Bénin. Cotonou a dénoncé cette décision.", "fr")
    assert ("ACCUSE", frozenset({"BEN"}), frozenset({"NER"})) in ks


def test_coordinated_nationalities_reciprocal(_warm):
    ks = _asserted("Indian and Pakistani troops clashed along the Line of Control on Tuesday.")
    assert any(t == "ASSAULT" and a | r == {"IND", "PAK"} for t, a, r in ks)


def test_alleged_event_is_not_asserted(_warm):
    ks = _asserted("Israel accused Hezbollah of firing rockets at civilians.")
    assert not any(t == "ASSAULT" for t, _, _ in ks)
    assert ("ACCUSE", frozenset({"ISR"}), frozenset({"LBN"})) in ks


def test_stopped_event_is_not_an_event(_warm):
    ks = _asserted("Serbia suspended its talks with Kosovo on Friday.")
    assert not any(t == "CONSULT" for t, _, _ in ks)


def test_domestic_coercion_and_place_authorities(_warm):
    ks = _asserted("Ugandan authorities arrested dozens of opposition supporters on Wednesday.")
    assert ("COERCE", frozenset({"UGA"}), frozenset({"UGA"})) in ks
    ks = _asserted("Police arrested several journalists in Caracas on Friday.")
    assert any(t == "COERCE" and a == {"VEN"} for t, a, r in ks)


def test_purpose_clause_shares_future(_warm):
    ms = extract_mentions("t", "Modi will travel to Tokyo next month to meet Takaichi.", "en", PUB)
    assert ms and all(m.status == "future" for m in ms if m.event_type in ("CONSULT", "AGREE"))


def test_igo_actor_kept_without_country(_warm):
    ms = extract_mentions("t", "The Economic Community of West African States condemned Niger on Monday.", "en", PUB)
    assert any(m.event_type == "ACCUSE" and any(a.sector == "IGO" for a in m.actor)
               and {r.country for r in m.recipient} == {"NER"} for m in ms)


def test_participle_modifier_is_not_an_event(_warm):
    ks = _asserted("Germany called on Iran to free a detained German journalist.")
    assert not any(t == "COERCE" for t, _, _ in ks)
