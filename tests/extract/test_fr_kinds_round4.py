"""French kinds of error found on unseen news (dev3 study, round 4): each test uses invented sentences."""
from __future__ import annotations

from datetime import date

import pytest
from extract_support import event_tuples


def _ev(text, pub=date(2026, 5, 14)):
    return event_tuples(text, "fr", pub, with_status=True)


@pytest.fixture(autouse=True)
def _models(nlp_fr):
    return None


@pytest.mark.parametrize("text", [
    "Le gouvernement malien a levé samedi le couvre-feu instauré à Bamako.",
    "Le Sénégal a levé mardi l'interdiction des rassemblements à Dakar.",
    "Les autorités gabonaises ont levé lundi l'état d'urgence.",
])
def test_lifting_a_coercive_measure_is_a_concession_not_the_measure(text):
    evs = _ev(text)
    assert any(t == "CONCEDE" for t, *_ in evs), evs
    assert not any(t == "COERCE" for t, *_ in evs), evs


def test_imposing_a_curfew_stays_coerce():
    evs = _ev("Le gouvernement malien a instauré samedi un couvre-feu à Bamako.")
    assert any(t == "COERCE" for t, *_ in evs), evs


@pytest.mark.parametrize("text", [
    "Les syndicats sénégalais de l'éducation ont appelé à une grève générale à partir de lundi prochain.",
    "La principale centrale syndicale béninoise a appelé mardi à manifester samedi devant le Parlement.",
])
def test_a_call_to_strike_or_march_is_the_announced_protest_not_a_request(text):
    evs = _ev(text)
    assert any(t == "PROTEST" and s == "future" for t, _a, _r, s in evs), evs
    assert not any(t == "REQUEST" for t, *_ in evs), evs


def test_a_call_to_restraint_stays_a_request():
    evs = _ev("Le président sénégalais a appelé mardi les manifestants à la retenue.")
    assert any(t == "REQUEST" for t, *_ in evs), evs
    assert not any(t == "PROTEST" for t, *_ in evs), evs


@pytest.mark.parametrize("text", [
    "Le gouvernement kényan a écarté jeudi toute médiation.",
    "Le ministre kényan a écarté l'hypothèse d'un retrait.",
])
def test_ruling_out_with_ecarter_is_reject(text):
    evs = _ev(text)
    assert any(t == "REJECT" and a == ["KEN"] for t, a, _r, _s in evs), evs


def test_dismissing_someone_with_ecarter_is_no_reject():
    evs = _ev("Le président kényan a écarté mardi son conseiller.")
    assert not any(t == "REJECT" for t, *_ in evs), evs


def test_the_act_a_rejected_proposal_describes_is_not_an_event():
    evs = _ev("Le Honduras a rejeté lundi la proposition du Nicaragua d'ouvrir des pourparlers bilatéraux.")
    assert any(t == "REJECT" and a == ["HND"] and r == ["NIC"] for t, a, r, _s in evs), evs
    assert not any(t == "CONSULT" for t, *_ in evs), evs


def test_an_ambiguous_capital_name_is_no_country():
    """Georgetown (Guyana; Washington's university; Penang), like Kingston or Hamilton, names no
    country by itself: the gazetteer keeps such capitals unmatchable."""
    evs = _ev("Des étudiants de l'université de Georgetown ont manifesté contre la guerre.")
    assert not any("GUY" in a + r for _t, a, r, _s in evs), evs
    evs = _ev("Le ministre vénézuélien a accusé le Guyana de provocation.")
    assert any(t == "ACCUSE" and a == ["VEN"] and r == ["GUY"] for t, a, r, _s in evs), evs


@pytest.mark.parametrize("text", [
    "Le gouvernement chilien a accepté vendredi de retirer son projet de loi controversé.",
    "Le Maroc a accepté de libérer les pêcheurs sénégalais.",
])
def test_accepting_to_give_way_is_concede_and_the_accepted_act_is_no_event(text):
    evs = _ev(text)
    assert any(t == "CONCEDE" for t, *_ in evs), evs
    assert not any(t in ("AGREE", "RETREAT") for t, *_ in evs), evs


def test_accepting_a_ceasefire_stays_agree():
    evs = _ev("Le Soudan a accepté lundi un cessez-le-feu avec le Tchad.")
    assert any(t == "AGREE" for t, *_ in evs), evs
    assert not any(t == "CONCEDE" for t, *_ in evs), evs


@pytest.mark.parametrize("text", [
    "Le gouvernement kényan n'a pas expulsé l'ambassadeur ougandais, contrairement à ce que réclamaient plusieurs députés kényans.",
    "Contrairement à ce que réclamait l'opposition kényane, le gouvernement kényan a expulsé l'ambassadeur ougandais.",
])
def test_a_stance_recalled_by_contrairement_a_ce_que_is_background(text):
    evs = _ev(text)
    assert not any(t == "REQUEST" for t, *_ in evs), evs
    assert any(t == "SANCTION" for t, *_ in evs), evs


def test_a_demand_outside_a_contrast_clause_stays():
    evs = _ev("Plusieurs députés kényans ont réclamé mardi l'expulsion de l'ambassadeur ougandais.")
    assert any(t == "REQUEST" for t, *_ in evs), evs


def test_two_countries_forces_manoeuvring_together_hold_a_joint_exercise():
    evs = _ev("Les forces béliziennes et mexicaines ont entamé jeudi un exercice naval près de la côte.")
    assert any(t == "COOPERATE" and sorted(a + r) == ["BLZ", "MEX"] for t, a, r, _s in evs), evs
    assert not any(t == "MOBILIZE" for t, *_ in evs), evs


def test_a_bare_participle_after_et_shares_the_subject_of_the_first_verb():
    evs = _ev("Lundi, le gouvernement kényan a suspendu ses achats de thé et imposé des droits de douane "
              "sur les produits ougandais.")
    assert any(t == "SANCTION" and a == ["KEN"] and r == ["UGA"] for t, a, r, _s in evs), evs


@pytest.mark.parametrize("text", [
    "Des centaines d'étudiants togolais ont marché mardi vers l'ambassade française.",
    "Des agriculteurs togolais ont coupé mardi la route nationale.",
    "Mardi, des enseignants togolais se sont rassemblés devant le ministère pour réclamer leurs arriérés.",
])
def test_marching_cutting_roads_and_gathering_to_demand_are_protests(text):
    evs = _ev(text)
    assert any(t == "PROTEST" and a == ["TGO"] for t, a, _r, _s in evs), evs


@pytest.mark.parametrize("text", [
    "Les rebelles togolais ont marché sur la capitale.",
    "Des familles togolaises se sont rassemblées dimanche dans le stade.",
])
def test_troops_marching_and_a_plain_gathering_are_no_protest(text):
    evs = _ev(text)
    assert not any(t == "PROTEST" for t, *_ in evs), evs
