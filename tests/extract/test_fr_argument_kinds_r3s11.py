"""Argument kinds of round 3, session 11 (found on dev10, French). Invented sentences only."""
from __future__ import annotations

from datetime import date

import pytest
from extract_support import event_tuples


def _ev(text, pub=date(2026, 6, 10)):
    return event_tuples(text, "fr", pub)


@pytest.fixture(autouse=True)
def _models(nlp_fr):
    return None


def test_a_possessive_whose_owner_is_the_quantity_holding_it_does_not_loop():
    # "une trentaine de leurs proches se sont rassemblés": "leurs" looks for the clause's subject,
    # which is the quantity noun holding it; the cycle resolves to no party instead of recursing
    evs = _ev("La police moldave a arrêté samedi deux militants. Dimanche, une trentaine de leurs proches "
              "se sont rassemblés devant le ministère de l'Intérieur à Chisinau.")
    assert isinstance(evs, list)
