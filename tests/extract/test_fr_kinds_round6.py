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


def test_agreeing_reflexively_is_no_grant():
    evs = _ev("Les ministres kényan et tanzanien se sont accordés mardi sur un calendrier de démarcation.")
    assert any(t == "AGREE" and {"KEN", "TZA"} == set(a + r) for t, a, r, _s in evs), evs
    assert not any(t == "AID" for t, _a, _r, _s in evs), evs


def test_a_blockade_by_civilians_is_a_protest():
    evs = _ev("Lundi, des centaines de pêcheurs sénégalais ont repris le blocus du port de Dakar.")
    assert any(t == "PROTEST" and a == ["SEN"] for t, a, _r, _s in evs), evs
    assert not any(t == "COERCE" for t, _a, _r, _s in evs), evs


def test_stopping_a_foreign_vessel_is_coercion_but_preventing_an_escalation_is_not():
    evs = _ev("Samedi, des garde-côtes philippins ont empêché un chalutier vietnamien d'accoster.")
    assert ("COERCE", ["PHL"], ["VNM"], "asserted") in evs, evs
    evs = _ev("Le président philippin a empêché lundi toute escalade.")
    assert not any(t == "COERCE" for t, _a, _r, _s in evs), evs


def test_promising_a_retaliation_is_a_threat():
    evs = _ev("Vilnius a expulsé lundi deux diplomates russes. La diplomatie russe a promis mardi une riposte ferme.")
    assert any(t == "THREATEN" and a == ["RUS"] for t, a, _r, _s in evs), evs


def test_a_court_sentence_is_coercion():
    evs = _ev("Un tribunal de Tunis a condamné lundi douze manifestants tunisiens à six mois de prison.")
    assert any(t == "COERCE" and r == ["TUN"] for t, _a, r, _s in evs), evs


def test_distributing_relief_is_aid_but_distributing_leaflets_is_not():
    evs = _ev("Le gouvernement jordanien a distribué mardi des vivres et des tentes aux réfugiés syriens.")
    assert any(t == "AID" and a == ["JOR"] for t, a, _r, _s in evs), evs
    evs = _ev("Des militants jordaniens ont distribué mardi des tracts devant le Parlement.")
    assert not any(t == "AID" for t, _a, _r, _s in evs), evs


def test_protesters_outside_a_consulate_are_people_of_the_city_it_stands_in():
    evs = _ev("Mardi, des centaines de manifestants se sont rassemblés devant le consulat turc de Hambourg, "
              "scandant des slogans hostiles à Ankara.")
    assert any(t == "PROTEST" and a == ["DEU"] and r == ["TUR"] for t, a, r, _s in evs), evs
    assert not any(t == "PROTEST" and a == ["TUR"] for t, a, _r, _s in evs), evs


def test_a_french_overseas_department_is_france():
    evs = _ev("Mercredi, des collectifs de citoyens mahorais ont bloqué les accès au port de Longoni.")
    assert ("PROTEST", ["FRA"], ["FRA"], "asserted") in evs, evs


def test_police_clearing_a_blocked_access_is_coercion():
    evs = _ev("Jeudi matin, la police roumaine a dégagé l'accès au poste-frontière de Siret.")
    assert any(t == "COERCE" and a == ["ROU"] for t, a, _r, _s in evs), evs
    evs = _ev("Les ministres roumains ont dégagé jeudi un consensus sur le budget.")
    assert not any(t == "COERCE" for t, _a, _r, _s in evs), evs


def test_marching_at_the_call_of_a_group_is_no_phone_call():
    evs = _ev("Samedi, des centaines de Fidjiens ont manifesté à Suva contre la réforme, à l'appel d'un collectif d'étudiants.")
    assert not any(t in ("CONSULT", "REQUEST") for t, _a, _r, _s in evs), evs


def test_strikes_that_targeted_camps_are_no_intention():
    evs = _ev("Des frappes de drones turcs ont visé mercredi des camps près de Sinjar, dans le nord de l'Irak.")
    assert any(t == "ASSAULT" and a == ["TUR"] and s == "asserted" for t, a, _r, s in evs), evs


def test_a_march_to_denounce_a_foreign_act_is_addressed_to_that_country():
    evs = _ev("Jeudi, plusieurs centaines de personnes ont défilé à Goma pour dénoncer « l'agression rwandaise ».")
    assert any(t == "PROTEST" and a == ["COD"] and r == ["RWA"] for t, a, r, _s in evs), evs


def test_a_call_introduced_by_lors_de_is_a_meeting_of_the_clause_subjects():
    evs = _ev("Jeudi, Recep Tayyip Erdogan et Vladimir Poutine ont pourtant conclu un accord lors d'un entretien.")
    assert any(t == "CONSULT" and {"TUR", "RUS"} == set(a + r) for t, a, r, _s in evs), evs


def test_talks_introduced_by_lors_de_are_the_setting_of_the_clause():
    evs = _ev("Le président sénégalais et le président mauritanien se sont accordés mardi sur la pêche "
              "lors d'un entretien téléphonique.")
    assert any(t == "CONSULT" and {"SEN", "MRT"} == set(a + r) for t, a, r, _s in evs), evs


def test_an_awaited_minister_is_an_announced_visit_to_the_place():
    evs = _ev("Le ministre ghanéen des Affaires étrangères est attendu à Lomé lundi prochain.")
    assert ("CONSULT", ["GHA"], ["TGO"], "future") in evs, evs
    evs = _ev("Le ministre ghanéen des Affaires étrangères attend une réponse de Lomé.")
    assert not any(t == "CONSULT" for t, _a, _r, _s in evs), evs


def test_support_provided_in_kind_is_aid():
    evs = _ev("L'Uruguay fournira au Paraguay un appui logistique contre les incendies.")
    assert any(t == "AID" and a == ["URY"] and r == ["PRY"] for t, a, r, _s in evs), evs
    assert not any(t == "SUPPORT" for t, _a, _r, _s in evs), evs


def test_a_relative_clause_between_subject_and_verb_keeps_the_subject():
    evs = _ev("Le Togo, qui n'a pas fermé sa frontière, a par ailleurs dépêché 300 soldats supplémentaires dans la Kara.")
    assert any(t == "MOBILIZE" and a == ["TGO"] for t, a, _r, _s in evs), evs
