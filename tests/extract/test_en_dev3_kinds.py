"""English kinds found on the third development set (invented sentences only): pledges of backing,
calling off, idioms of support, handing out relief, bans of gatherings, one-state documents signed,
stopped events reached through a noun of phase."""
from datetime import date

import pytest

from pipeline.extract.events import extract_mentions

ON = date(2026, 5, 6)


def _events(text: str, published: date = ON):
    out = []
    for m in extract_mentions("t", text, "en", published):
        if m.status in ("negated", "hypothetical"):
            continue
        out.append((m.event_type, sorted({a.country for a in m.actor if a.country}),
                    sorted({r.country for r in m.recipient if r.country})))
    return out


def _types(text: str) -> set:
    return {t for t, _, _ in _events(text)}


# --- kind: "pledged (its) support / solidarity" is backing (SUPPORT), a pledge of money stays a promise
@pytest.mark.parametrize("text", [
    "Spain pledged its solidarity with Morocco on Monday.",
    "Chile pledged Santiago's unwavering support for Bolivia on Tuesday.",
])
def test_pledge_of_backing_is_support(text):
    evs = _events(text)
    assert any(t == "SUPPORT" for t, _, _ in evs) and not any(t == "AGREE" for t, _, _ in evs)


def test_pledge_of_money_is_not_support():
    assert "SUPPORT" not in _types("Norway pledged 40 million dollars to Malawi on Monday.")


# --- kind: "called off" ends a strike (CONCEDE) or cancels a visit; it is never a phone call, and
# the strike it ends is not reported as a new strike
@pytest.mark.parametrize("text", [
    "Zambia's miners' union called off its strike on Friday.",
    "The Ghanaian nurses' union called off the rest of its 48-hour strike on Thursday.",
])
def test_called_off_strike_is_concession(text):
    ts = _types(text)
    assert "CONCEDE" in ts and "CONSULT" not in ts and "PROTEST" not in ts


def test_called_off_visit_is_no_call():
    ts = _types("Nigeria called off the visit of the Ghanaian president on Monday.")
    assert "CONSULT" not in ts


# --- kind: handing out relief
def test_distributing_food_is_aid():
    evs = _events("The Malian Red Cross distributed food and blankets to displaced families in Mopti on Monday.")
    assert any(t == "AID" for t, _, _ in evs)


def test_distributing_leaflets_is_no_aid():
    assert "AID" not in _types("Kenyan activists distributed leaflets in Nairobi on Monday.")


# --- kind: a ban on a gathering is aimed at its (domestic) organisers, whatever the date after it
def test_ban_of_march_is_domestic_coercion():
    assert ("COERCE", ["PER"], ["PER"]) in _events("The Peruvian government banned the march on Saturday.")


# --- kind: a decree, a law or a contract signed is one state's act, no agreement
@pytest.mark.parametrize("text", [
    "The Bolivian president signed a decree on Monday.",
    "Soldiers were sent to the border under a decree signed last week by the Chilean president.",
])
def test_signed_decree_is_no_agreement(text):
    assert "AGREE" not in _types(text)


def test_signed_agreement_stays_agreement():
    assert ("AGREE", ["CHL"], ["PER"]) in _events("Chile and Peru signed an agreement on Monday.")
