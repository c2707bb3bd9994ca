"""Events are dyads (lead decision, round 3 sixth session): an act addressed to someone is coded only
when the text names whom; physical acts keep an unknown target. Invented sentences only."""
from datetime import date

import pytest

from pipeline.extract.events import extract_mentions

REF = date(2026, 5, 15)


def _events(body, lang):
    return [(m.event_type, sorted({a.country for a in m.actor} - {None}), sorted({r.country for r in m.recipient} - {None}))
            for m in extract_mentions("t", body, lang, REF) if m.status not in ("negated", "hypothetical")]


@pytest.mark.parametrize("body, lang, etype", [
    ("Le ministre letton a rencontré mardi Qorvath Eldmun.", "fr", "CONSULT"),  # a name no dictionary knows
    ("The Latvian minister met Qorvath Eldmun on Tuesday.", "en", "CONSULT"),
])
def test_an_addressed_act_with_no_named_recipient_is_not_coded(body, lang, etype):
    evs = _events(body, lang)
    assert not any(t == etype for t, _a, _r in evs), evs


@pytest.mark.parametrize("body, lang, etype, actor", [
    ("Des frappes américaines ont visé mardi des embarcations dans le Pacifique.", "fr", "ASSAULT", ["USA"]),
    ("Ethiopia put its army on alert on Tuesday.", "en", "MOBILIZE", ["ETH"]),
])
def test_a_physical_act_keeps_an_unknown_target(body, lang, etype, actor):
    evs = _events(body, lang)
    assert any(t == etype and a == actor for t, a, _r in evs), evs


@pytest.mark.parametrize("body, expected", [
    ("La Finlande a signé jeudi un accord de pêche avec l'Estonie.", ("AGREE", ["FIN"], ["EST"])),
    ("Le Ghana a conclu un cessez-le-feu avec le Togo.", ("AGREE", ["GHA"], ["TGO"])),
])
def test_the_partner_named_inside_the_object_in_french(body, expected):
    assert expected in _events(body, "fr")


@pytest.mark.parametrize("body", [
    "Rwandan troops pulled back from Burundi on Sunday.",
    "Rwanda pulled its soldiers out of Burundi on Sunday.",
])
def test_the_place_a_withdrawal_leaves_hangs_under_its_particle(body):
    assert ("RETREAT", ["RWA"], ["BDI"]) in _events(body, "en")


@pytest.mark.parametrize("body, lang", [
    ("La Norvège et la Suède ont annoncé qu'elles mèneraient la semaine prochaine des exercices conjoints.", "fr"),
    ("Norway and Sweden said they would hold joint exercises next week.", "en"),
])
def test_a_plural_pronoun_after_coordinated_reporters_is_both_sides(body, lang):
    evs = _events(body, lang)
    assert any(t == "COOPERATE" and {*a, *r} == {"NOR", "SWE"} for t, a, r in evs), evs


@pytest.mark.parametrize("body, lang", [
    ("Ghana and Togo are due to sign a border agreement on Thursday.", "en"),
    ("Le Ghana et le Togo sont prêts à signer un accord frontalier.", "fr"),
])
def test_the_subject_of_a_predicate_adjective_acts_in_its_complement(body, lang):
    evs = _events(body, lang)
    assert any(t == "AGREE" and {*a, *r} == {"GHA", "TGO"} and a and r for t, a, r in evs), evs


@pytest.mark.parametrize("body", [
    "Le Danemark a annoncé une aide de 3 millions d'euros au Niger.",
    "Le Danemark a annoncé une aide de 3 millions d'euros en faveur du Niger.",
    "Le Danemark a débloqué 3 millions d'euros d'aide pour le Niger.",
])
def test_aid_goes_where_its_amount_is_sent(body):
    assert ("AID", ["DNK"], ["NER"]) in _events(body, "fr")
