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
