"""French kinds of error found on unseen news (dev5 study, round 6): each test uses invented sentences."""
from __future__ import annotations

from datetime import date

import pytest
from extract_support import event_tuples


def _ev(text, pub=date(2026, 5, 14)):
    return event_tuples(text, "fr", pub, with_status=True)


@pytest.fixture(autouse=True)
def _models(nlp_fr):
    return None


def test_a_detached_participle_is_a_second_act_of_the_subject_not_refused_content():
    evs = _ev("Le ministère hongrois des affaires étrangères a rejeté mardi ces critiques, accusant Vienne "
              "de « dramatiser » un simple contrôle routier.")
    assert ("REJECT", ["HUN"], ["AUT"], "asserted") in evs or any(
        t == "REJECT" and a == ["HUN"] for t, a, _r, _s in evs), evs
    assert ("ACCUSE", ["HUN"], ["AUT"], "asserted") in evs, evs


def test_a_present_participle_tagged_as_adjective_is_still_a_trigger():
    evs = _ev("Le président équatorien a haussé le ton lundi, menaçant de fermer la frontière avec la Colombie.")
    assert any(t == "THREATEN" and a == ["ECU"] and s == "asserted" for t, a, _r, s in evs), evs


def test_an_adjective_in_ant_is_no_participial_clause():
    evs = _ev("Le ministre kényan a tenu lundi un discours menaçant devant le Parlement.")
    assert not any(t == "THREATEN" for t, _a, _r, _s in evs), evs


def test_denouncing_allegations_is_rejecting_them():
    evs = _ev("Le Burundi a accusé lundi Kigali de soutenir des rebelles. Kigali a démenti mardi, "
              "dénonçant des « accusations sans fondement ».")
    assert not any(t == "ACCUSE" and a == ["RWA"] for t, a, _r, _s in evs), evs
    assert any(t == "REJECT" and a == ["RWA"] for t, a, _r, _s in evs), evs


def test_the_protesting_state_is_the_de_complement_not_the_cause():
    evs = _ev("En avril, la marine colombienne avait arraisonné un chalutier vénézuélien, provoquant une "
              "protestation officielle de Caracas.")
    assert any(t == "ACCUSE" and a == ["VEN"] for t, a, _r, _s in evs), evs
    assert not any(t == "ACCUSE" and a == ["COL"] for t, a, _r, _s in evs), evs


def test_a_scheduled_joint_commission_meets_between_the_two_sides():
    evs = _ev("Le ministre gabonais a rencontré lundi son homologue camerounais à Yaoundé. "
              "Une commission mixte doit se réunir à Libreville le 2 juin.")
    assert any(t == "CONSULT" and s == "future" and {"GAB", "CMR"} == set(a + r) for t, a, r, s in evs), evs


def test_a_joint_commission_sitting_on_a_date_is_a_planned_meeting():
    evs = _ev("Les présidents malien et nigérien se sont rencontrés lundi à Niamey. Ils ont accepté de "
              "relancer la commission mixte de sécurité, qui siégera le 8 juin à Bamako.")
    assert any(t == "CONSULT" and s == "future" and {"MLI", "NER"} == set(a + r) for t, a, r, s in evs), evs


def test_a_meeting_named_only_as_a_complement_takes_no_sides():
    evs = _ev("Le ministre gabonais a rencontré lundi son homologue camerounais à Yaoundé. "
              "Libreville a rappelé mardi son ambassadeur en Guinée équatoriale pour consultations.")
    assert not any(t == "CONSULT" and s == "future" for t, _a, _r, s in evs), evs
