"""French trigger families missed on dev7/dev8 (round 3, ninth session): verbs, nominalisations and
light-verb forms no pattern fired on, participles the lemmatiser missed and banned acts. Invented
sentences only."""
from __future__ import annotations

from datetime import date

import pytest
from extract_support import event_tuples, kept_triggers, kept_types


@pytest.fixture(autouse=True)
def _models(nlp_fr):
    return None


_kept = kept_triggers  # (word, type, mode) of the triggers kept as events, French
_types = kept_types


@pytest.mark.parametrize("text,etype", [
    # protest: blocking sites, paralysing a city, dead-town days, stones and burning tyres
    ("Jeudi, une centaine de dockers ont bloqué le port de Takoradi.", "PROTEST"),
    ("Depuis lundi, des centaines de taxis paralysent la capitale burkinabè.", "PROTEST"),
    ("Les jeunes ont jeté des pierres sur les policiers devant la mairie de Kindia.", "PROTEST"),
    # domestic concessions: postponing or suspending a contested measure, stepping down
    ("Le gouvernement malgache a annoncé le report de l'entrée en vigueur du nouveau code foncier.", "CONCEDE"),
    ("Le Premier ministre a annoncé la suspension de la hausse des tarifs de l'électricité.", "CONCEDE"),
    ("La ministre de la Santé a présenté sa démission vendredi soir.", "CONCEDE"),
    # emergency rule, clearing roadblocks
    ("Le président a décrété l'état d'exception dans trois départements.", "COERCE"),
    ("Les gendarmes ont procédé au démantèlement des barricades à l'entrée de la ville.", "COERCE"),
    # revenge vowed, troops brought home, destruction, a round table, preconditions
    ("Le groupe armé a juré de venger ses combattants tués.", "THREATEN"),
    ("Mardi, les Pays-Bas ont annoncé le rapatriement de leurs derniers contingents déployés au Mali.", "RETREAT"),
    ("L'armée a confirmé la destruction d'un hélicoptère de l'armée de l'air soudanaise.", "ASSAULT"),
    ("Le ministre a convié les syndicats à une table ronde sur les salaires.", "CONSULT"),
    ("Les deux chefs de la diplomatie ont renoué le fil après des mois de silence.", "CONSULT"),
    ("Le syndicat a posé comme préalable la réintégration des agents licenciés.", "REQUEST"),
    ("Le Danemark a annoncé une contribution de 40 millions d'euros au fonds de reconstruction.", "AID"),
    ("Le garde-côte japonais a patrouillé aux côtés des policiers philippins.", "COOPERATE"),
])
def test_a_family_member_fires_with_its_type(text, etype):
    assert etype in _types(text), _kept(text)


def test_ordering_a_diplomat_out_is_an_expulsion_not_a_withdrawal():
    kept = _kept("Le ministère a ordonné à un attaché de l'ambassade du Kosovo de quitter le territoire sous 48 heures.")
    assert ("SANCTION", "expel") in {(ty, m) for _w, ty, m in kept}, kept
    assert "RETREAT" not in {ty for _w, ty, _m in kept}, kept


def test_denouncing_a_treaty_ends_it_but_criticising_an_agreement_does_not():
    assert "SANCTION" in _types("Le président a dénoncé l'accord de pêche qui liait son pays au Japon."), \
        _kept("Le président a dénoncé l'accord de pêche qui liait son pays au Japon.")
    assert "SANCTION" not in _types("Des associations ont dénoncé un accord qui sacrifie les pêcheurs.")


def test_a_lifted_curfew_coordinated_with_its_imposition_is_a_concession():
    assert "CONCEDE" in _types("Un couvre-feu a été instauré dimanche à Bamenda, puis levé jeudi matin."), \
        _kept("Un couvre-feu a été instauré dimanche à Bamenda, puis levé jeudi matin.")


def test_a_march_on_the_capital_is_a_protest_but_troops_marching_are_not():
    assert "PROTEST" in _types("Samedi, des milliers de manifestants ont entamé une marche vers le palais présidentiel.")
    assert "PROTEST" not in _types("La marche des soldats sur la ville a duré deux jours.")


def test_paralysis_by_sanctions_is_no_protest():
    assert "PROTEST" not in _types("Les sanctions paralysent l'économie iranienne depuis des années.")


def test_participles_the_lemmatiser_left_as_adjectives_or_nouns_still_trigger():
    assert "AGREE" in _types("Mercredi, les deux présidents sont convenus d'ouvrir une ligne directe.")
    assert "THREATEN" in _types("Le chef de l'État a haussé le ton, avertissant que son armée riposterait.")


def test_a_banned_gathering_is_not_a_protest():
    kept = _kept("Le préfet a annoncé l'interdiction de toute manifestation dans le centre de Conakry.")
    assert "COERCE" in {ty for _w, ty, _m in kept} and "PROTEST" not in {ty for _w, ty, _m in kept}, kept


def test_equipment_handed_over_is_aid_but_a_livery_noun_is_not_doubled():
    evs = event_tuples("La Corée du Sud fournira au Laos des équipements de déminage.", "fr", date(2026, 3, 2))
    assert any(t == "AID" and a == ["KOR"] and r == ["LAO"] for t, a, r in evs), evs


def test_an_event_noun_in_a_setting_phrase_took_place():
    kept = _kept("Le Gabon a convoqué jeudi l'ambassadeur d'Angola après l'arraisonnement d'un chalutier gabonais.")
    assert {"ACCUSE", "COERCE"} <= {ty for _w, ty, _m in kept}, kept


def test_a_commitment_to_give_way_is_the_concession_it_promises():
    kept = _kept("Le Bénin s'engage à libérer d'ici vendredi les douze pêcheurs togolais.")
    types = [ty for _w, ty, _m in kept]
    assert "CONCEDE" in types and "AGREE" not in types, kept


@pytest.mark.parametrize("text,etype", [
    ("Rabat a rejeté ces « affabulations » par la voix de son porte-parole, avant de convoquer lundi l'ambassadeur d'Algérie.", "ACCUSE"),
    ("Le ministère chilien a convoqué le même jour l'ambassadeur de Bolivie, Ramiro Tapia, et réclamé le « strict respect » de la frontière.", "REQUEST"),
])
def test_a_later_act_the_parser_hangs_on_a_noun_is_an_act_of_its_own(text, etype):
    assert etype in _types(text), _kept(text)


def test_an_invitation_to_a_meeting_is_the_meeting_to_come_but_an_invitation_to_act_a_request():
    assert "CONSULT" in _types("La ministre invite les représentants des routiers à une réunion lundi au ministère.")
    assert "REQUEST" in _types("Le gouvernement kényan a invité Kampala à retirer ses garde-côtes.")
