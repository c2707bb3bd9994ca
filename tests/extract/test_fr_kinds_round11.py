"""French kinds of error found on dev7 and dev8 (round 11): passive agents the parser hung on a date or
a place, accusations named by a noun of grievance and answered "par la voix de" a spokesperson,
warnings that a country will act, subjects behind a fronted weekday and place. Invented sentences only."""
from __future__ import annotations

from datetime import date

import pytest
from extract_support import event_tuples


def _ev(text, pub=date(2026, 6, 10)):
    return event_tuples(text, "fr", pub, with_status=True)


@pytest.fixture(autouse=True)
def _models(nlp_fr):
    return None


def test_the_agent_of_a_participle_hung_on_the_following_weekday():
    evs = _ev("Trois douaniers togolais interpellés samedi par la gendarmerie béninoise ont été relâchés lundi.")
    assert any(t == "COERCE" and a == ["BEN"] and r == ["TGO"] for t, a, r, _s in evs), evs
    assert any(t == "CONCEDE" and a == ["BEN"] and r == ["TGO"] for t, a, r, _s in evs), evs


def test_the_agent_of_a_passive_hung_on_the_destination():
    evs = _ev("Quelque 800 orpailleurs burkinabés ont été expulsés vers Ouagadougou par la police ivoirienne.")
    assert any(t == "COERCE" and a == ["CIV"] and r == ["BFA"] for t, a, r, _s in evs), evs


def test_a_by_phrase_of_means_is_no_agent():
    evs = _ev("Quelque 800 orpailleurs burkinabés ont été transférés lundi par autocar.")
    assert not any(t == "COERCE" and a for t, a, _r, _s in evs), evs


def test_grievances_swept_aside_answer_the_accusation_through_a_spokesperson():
    evs = _ev("Lundi, la Lituanie a accusé la Biélorussie de pousser des migrants vers sa frontière. Mardi, "
              "Minsk a balayé ces « élucubrations » par la voix de son porte-parole.")
    assert any(t == "REJECT" and a == ["BLR"] and r == ["LTU"] for t, a, r, _s in evs), evs
    evs = _ev("Lundi, la Lituanie a accusé la Biélorussie de pousser des migrants. Mardi, Minsk a balayé ces griefs.")
    assert any(t == "REJECT" and a == ["BLR"] and r == ["LTU"] for t, a, r, _s in evs), evs


def test_a_warning_that_the_country_will_act_threatens_the_other_side():
    evs = _ev("Lundi, des garde-côtes vietnamiens ont saisi un chalutier philippin. Le ministre philippin de la "
              "Défense a dénoncé une provocation. Il a prévenu que Manille porterait l'affaire devant "
              "l'arbitrage si d'autres bateaux étaient saisis.")
    assert any(t == "THREATEN" and a == ["PHL"] and r == ["VNM"] for t, a, r, _s in evs), evs


def test_a_warning_of_what_might_happen_is_no_threat():
    evs = _ev("Lundi, des garde-côtes vietnamiens ont saisi un chalutier philippin. Un responsable philippin "
              "prévient que Manille pourrait saisir les instances internationales.")
    assert not any(t == "THREATEN" for t, _a, _r, _s in evs), evs


def test_a_subject_hung_on_the_place_after_a_fronted_weekday():
    evs = _ev("Lundi, l'armée serbe a arrêté deux policiers croates. Ce mardi, devant le Sabor, la ministre croate "
              "des affaires étrangères, Helena Maric, a dénoncé une « provocation injustifiée ».")
    assert any(t == "ACCUSE" and a == ["HRV"] and r == ["SRB"] for t, a, r, _s in evs), evs


def test_a_decision_taken_by_both_sides_is_an_agreement():
    evs = _ev("Lundi, le Tadjikistan a accusé l'Ouzbékistan de bloquer ses camions. Les deux gouvernements ont "
              "décidé mercredi de créer une commission mixte sur le transit.")
    assert any(t == "AGREE" and {*a, *r} == {"TJK", "UZB"} for t, a, r, _s in evs), evs


def test_one_side_deciding_an_act_is_told_by_the_act():
    evs = _ev("Le président sénégalais a reçu mardi le ministre gambien. Le Sénégal a décidé de libérer "
              "six pêcheurs gambiens.")
    assert not any(t == "AGREE" for t, _a, _r, _s in evs), evs
    assert any(t == "CONCEDE" and a == ["SEN"] and r == ["GMB"] for t, a, r, _s in evs), evs


def test_a_venir_participle_tagged_as_an_adjective_is_the_verb():
    evs = _ev("Lundi, le ministre tunisien a reçu son homologue libyen à Tunis. Mardi, les deux ministres sont "
              "convenus de mettre en place un comité conjoint de surveillance.")
    assert any(t == "AGREE" and {*a, *r} == {"TUN", "LBY"} for t, a, r, _s in evs), evs


def test_a_movement_the_dictionary_does_not_know_strikes_where_the_story_happens():
    evs = _ev("À Lima, la FENATE a lancé lundi une grève nationale illimitée contre la loi minière.")
    assert any(t == "PROTEST" and a == ["PER"] and r == ["PER"] for t, a, r, _s in evs), evs


def test_the_recall_of_its_own_ambassador_is_addressed_to_the_post_and_a_time_noun_is_no_party():
    evs = _ev("Le Niger a annoncé mardi le rappel de son ambassadeur à Cotonou, au lendemain de l'arrestation "
              "d'un douanier nigérien.")
    assert any(t == "SANCTION" and a == ["NER"] and r == ["BEN"] for t, a, r, _s in evs), evs
    assert not any(t == "SANCTION" and r == ["NER"] for t, _a, r, _s in evs), evs


def test_a_government_named_by_its_kind_is_the_home_government():
    evs = _ev("NIAMEY, 3 mars 2026 (AFP) - Le Niger a rappelé mardi son ambassadeur à Cotonou. Dans un communiqué, "
              "le gouvernement de transition accuse le Bénin d'abriter des opposants armés.")
    assert any(t == "ACCUSE" and a == ["NER"] and r == ["BEN"] for t, a, r, _s in evs), evs


def test_members_of_a_union_are_the_union():
    evs = _ev("À Asuncion, une centaine de membres du syndicat des enseignants ont manifesté mardi devant "
              "l'ambassade d'Argentine.")
    assert any(t == "PROTEST" and a == ["PRY"] and r == ["ARG"] for t, a, r, _s in evs), evs


def test_a_participle_coordinated_after_an_infinitive_is_the_main_verb_s():
    evs = _ev("Lundi, la Zambie a expulsé trois cadres d'une mine congolaise. Mardi, le porte-parole du "
              "gouvernement congolais a exhorté Lusaka à « respecter les accords » et démenti toute fraude "
              "de la part des cadres congolais.")
    assert any(t == "REJECT" and a == ["COD"] for t, a, _r, _s in evs), evs
    assert not any(t == "REJECT" and a == ["ZMB"] for t, a, _r, _s in evs), evs


def test_a_demand_coordinated_after_a_summons_is_made_to_the_summoned():
    evs = _ev("Le ministère thaïlandais des Affaires étrangères a convoqué lundi l'ambassadeur du Cambodge, "
              "et réclamé le « strict respect » de la frontière.")
    assert any(t == "REQUEST" and a == ["THA"] and r == ["KHM"] for t, a, r, _s in evs), evs


def test_an_act_placed_before_another_is_no_content_of_a_rejection():
    evs = _ev("Lundi, la Géorgie a accusé la Russie d'ingérence. Mardi, Moscou a balayé ces « allégations » par la "
              "voix de son porte-parole, avant de convoquer l'ambassadeur de Géorgie.")
    assert any(t == "REJECT" and a == ["RUS"] and r == ["GEO"] for t, a, r, _s in evs), evs
    assert any(t == "ACCUSE" and a == ["RUS"] and r == ["GEO"] for t, a, r, _s in evs), evs
