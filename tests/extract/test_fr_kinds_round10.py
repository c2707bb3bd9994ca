"""French kinds of error found on dev..dev7 (round 10): seats of government as metonyms, ...
Invented sentences only."""
from __future__ import annotations

from datetime import date

import pytest
from extract_support import event_tuples


def _ev(text, pub=date(2026, 6, 10)):
    return event_tuples(text, "fr", pub, with_status=True)


@pytest.fixture(autouse=True)
def _models(nlp_fr):
    return None


@pytest.mark.parametrize("seat,iso", [("Castries", "LCA"), ("Putrajaya", "MYS"),
                                      ("Koror", "PLW"), ("Dar es Salaam", "TZA")])
def test_a_capital_or_seat_of_government_speaks_for_its_state(seat, iso):
    evs = _ev(f"{seat} a accusé lundi le Brésil d'ingérence dans ses affaires intérieures.")
    assert any(t == "ACCUSE" and a == [iso] and r == ["BRA"] for t, a, r, _s in evs), evs


def test_a_capital_sharing_its_name_speaks_for_its_state_only_when_that_state_is_a_side():
    # Georgetown is also a Washington university and Penang's capital: a subject once Guyana is a side
    evs = _ev("Le Suriname a accusé lundi le Guyana d'avoir déplacé des bornes. Georgetown a rejeté mardi "
              "ces accusations du Suriname.")
    assert any(t == "REJECT" and a == ["GUY"] and r == ["SUR"] for t, a, r, _s in evs), evs
    evs = _ev("Le Suriname a accusé lundi le Brésil d'ingérence. Georgetown a rejeté mardi la proposition du Suriname.")
    assert not any("GUY" in a + r for _t, a, r, _s in evs), evs


# ---- protesters: residents of a town, activists, parents; subjects the parser labels passive

def test_residents_of_a_small_town_are_of_its_country():
    # "les habitants de X": the preposition is the location cue a GeoNames town needs
    evs = _ev("Mardi, plusieurs centaines d'habitants de Kolwezi ont manifesté devant l'ambassade de Zambie.")
    assert any(t == "PROTEST" and a == ["COD"] and r == ["ZMB"] for t, a, r, _s in evs), evs


def test_french_militants_are_activists_of_the_place_they_gather_at():
    evs = _ev("À Lomé, une quarantaine de militants se sont rassemblés vendredi devant l'ambassade du Bénin.")
    assert any(t == "PROTEST" and a == ["TGO"] and r == ["BEN"] for t, a, r, _s in evs), evs


def test_a_gathering_in_front_of_a_ministry_is_a_domestic_protest():
    evs = _ev("Grève des infirmiers au Sénégal. Mercredi, des centaines de grévistes se sont rassemblés "
              "devant le ministère de la Santé à Dakar.")
    assert any(t == "PROTEST" and a == ["SEN"] and r == ["SEN"] for t, a, r, _s in evs), evs


def test_parents_protesting_are_people_of_the_place():
    evs = _ev("Grève des enseignants au Bénin. À Parakou, des parents d'élèves ont également manifesté jeudi.")
    assert any(t == "PROTEST" and a == ["BEN"] and r == ["BEN"] for t, a, r, _s in evs), evs


# ---- vocabulary: dismissing an official gives way

def test_dismissing_an_official_after_protests_is_a_domestic_concession():
    evs = _ev("Des milliers de manifestants ont défilé lundi à Conakry contre les délestages. Mardi, le "
              "président guinéen a limogé le directeur de la compagnie publique d'électricité.")
    assert any(t == "CONCEDE" and a == ["GIN"] and r == ["GIN"] for t, a, r, _s in evs), evs


def test_a_dismissal_demanded_is_only_the_demand():
    evs = _ev("À Conakry, l'opposition guinéenne réclame le limogeage du ministre de l'Énergie.")
    assert not any(t == "CONCEDE" for t, _a, _r, _s in evs), evs
