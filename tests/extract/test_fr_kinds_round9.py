"""French kinds of error found on dev7 (round 9): the place a story is set in, names inside names.
Invented sentences only."""
from __future__ import annotations

from datetime import date

import pytest
from extract_support import event_tuples

from pipeline.extract.events import extract_mentions


def _ev(text, pub=date(2026, 6, 10)):
    return event_tuples(text, "fr", pub, with_status=True)


@pytest.fixture(autouse=True)
def _models(nlp_fr):
    return None


def _titled(title, body, pub=date(2026, 6, 10)):
    return [(m.event_type, sorted({a.country for a in m.actor if a.country}),
             sorted({r.country for r in m.recipient if r.country}))
            for m in extract_mentions("t", body, "fr", pub, title)]


def test_a_capital_holding_a_country_name_is_the_capital():
    # the parser makes "Spain" the subject of "Port of Spain": the capital of Trinidad, not Spain
    evs = _ev("Port of Spain a convoqué jeudi l'ambassadeur du Guyana pour protester contre la saisie d'un chalutier.")
    assert any(a == ["TTO"] for _t, a, _r, _s in evs), evs
    assert not any("ESP" in a + r for _t, a, r, _s in evs), evs


def test_a_rubric_country_in_the_title_sets_the_story_place():
    body = ("Les syndicats rejettent l'offre du gouvernement. À Genève, un porte-parole de l'Organisation "
            "internationale du travail rappelle que le Pérou a ratifié ses conventions.")
    evs = _titled("Pérou : la grève des mineurs paralyse le sud du pays", body)
    assert ("REJECT", ["PER"], ["PER"]) in evs, evs
    assert not any("CHE" in a + r for _t, a, r in evs), evs


def test_a_title_naming_only_the_counterpart_sets_no_place():
    body = ("Le gouvernement a convoqué lundi le chargé d'affaires du Ghana. "
            "À Lomé, les syndicats rejettent le projet de réforme du gouvernement.")
    evs = _titled("Affaire des commerçants : le Ghana convoqué", body)
    assert not any(a == ["GHA"] and r == ["GHA"] for _t, a, r in evs), evs


# ---- vocabulary families: seizures written as nouns, releases as hand-overs, lifted holds, withdrawn claims

def test_boarding_a_ship_written_as_a_noun_is_a_seizure():
    evs = _ev("Les garde-côtes mauritaniens ont procédé lundi à l'arraisonnement d'un chalutier sénégalais.")
    assert any(t == "COERCE" and a == ["MRT"] and r == ["SEN"] for t, a, r, _s in evs), evs


def test_detainees_handed_back_are_released_but_a_suspect_handed_over_is_judicial_cooperation():
    evs = _ev("Le Sénégal a arrêté cinq marins gambiens le 2 juin. Mardi, les cinq marins ont été remis aux "
              "autorités gambiennes à la frontière.")
    assert any(t == "CONCEDE" and a == ["SEN"] and r == ["GMB"] for t, a, r, _s in evs), evs
    evs = _ev("Le Venezuela a remis lundi aux autorités colombiennes deux chefs de la guérilla.")
    assert not any(t == "CONCEDE" for t, _a, _r, _s in evs), evs


def test_lifting_a_blockade_or_a_hold_gives_way():
    evs = _ev("Le Bénin a annoncé mardi la levée de la rétention des camions nigériens bloqués à Malanville.")
    assert any(t == "CONCEDE" and a == ["BEN"] and r == ["NER"] for t, a, r, _s in evs), evs


def test_withdrawing_a_complaint_gives_way():
    evs = _ev("Le Bénin et le Togo ont signé lundi un accord frontalier. En échange, le Togo retire la "
              "réclamation qu'il avait déposée contre le Bénin devant la Cour de justice de la CEDEAO.")
    assert any(t == "CONCEDE" and a == ["TGO"] and r == ["BEN"] for t, a, r, _s in evs), evs


def test_reopening_a_road_to_the_other_side_gives_way():
    evs = _ev("Le Niger a rouvert mardi la route nationale vers le Bénin, fermée depuis le coup d'État.")
    assert any(t == "CONCEDE" and a == ["NER"] and r == ["BEN"] for t, a, r, _s in evs), evs


def test_not_yet_reopened_is_negated_when_pas_hangs_under_the_adverb():
    evs = _ev("Le Niger n'a pas encore rouvert la route nationale vers le Bénin.")
    assert not any(t == "CONCEDE" and s == "asserted" for t, _a, _r, s in evs), evs
