"""French kinds of error found on unseen news (round 8, AID and RETREAT study): invented sentences."""
from __future__ import annotations

from datetime import date

import pytest
from extract_support import event_tuples


def _ev(text, pub=date(2026, 5, 14)):
    return event_tuples(text, "fr", pub, with_status=True)


@pytest.fixture(autouse=True)
def _models(nlp_fr):
    return None


def test_a_deposit_of_money_is_economic_aid_to_the_other_side_of_the_story():
    evs = _ev("Le Qatar et l'Égypte ont signé lundi un accord de coopération énergétique. Mardi, Doha a annoncé "
              "un dépôt de deux milliards de dollars pour stabiliser la livre.")
    assert ("AID", ["QAT"], ["EGY"], "asserted") in evs, evs


def test_filing_a_complaint_is_no_deposit_of_aid():
    evs = _ev("Le Qatar et l'Égypte ont signé lundi un accord de coopération énergétique. Mardi, Doha a annoncé "
              "le dépôt d'une plainte devant un tribunal arbitral.")
    assert not any(t == "AID" for t, _a, _r, _s in evs), evs


def test_aid_from_one_side_with_no_named_recipient_goes_to_the_other_side():
    evs = _ev("L'Éthiopie et Djibouti ont conclu lundi un accord sur le corridor ferroviaire. Mercredi, "
              "Addis-Abeba a annoncé une aide de dix millions de dollars pour les victimes des inondations.")
    assert ("AID", ["ETH"], ["DJI"], "asserted") in evs, evs
