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


@pytest.mark.parametrize("seat,iso", [("Kingston", "JAM"), ("Castries", "LCA"), ("Putrajaya", "MYS"),
                                      ("Koror", "PLW"), ("Dar es Salaam", "TZA")])
def test_a_capital_or_seat_of_government_speaks_for_its_state(seat, iso):
    evs = _ev(f"{seat} a accusé lundi le Brésil d'ingérence dans ses affaires intérieures.")
    assert any(t == "ACCUSE" and a == [iso] and r == ["BRA"] for t, a, r, _s in evs), evs
