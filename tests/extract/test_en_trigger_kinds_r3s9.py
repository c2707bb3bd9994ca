"""English trigger and type kinds of the ninth session of round 3 (invented sentences only)."""
from datetime import date

import pytest
from extract_support import event_tuples

from pipeline.extract.triggers import find_triggers

ON = date(2026, 9, 14)


def _events(text: str, published: date = ON):
    return event_tuples(text, "en", published, skip_unreal=True)


def _types(text: str) -> set:
    return {t for t, _, _ in _events(text)}


# --- kind: police officers and patrol craft sent somewhere are a mobilisation
@pytest.mark.parametrize("text", [
    "Zambia's police service dispatched three patrol boats to Lake Tanganyika on Friday.",
    "The Honduran security ministry said on Friday it had sent 200 additional officers to the Agua Caliente crossing.",
])
def test_officers_and_patrol_craft_sent_are_mobilisation(text):
    assert "MOBILIZE" in _types(text)


# --- kind: forces moved, in the passive
def _trigger_types(nlp, text: str) -> set:
    return {sp.event_type for _, sp in find_triggers(nlp(text), "en")}


def test_units_moved_in_the_passive_are_mobilisation(nlp_en):
    assert "MOBILIZE" in _trigger_types(nlp_en, "Extra Chadian army units have been moved towards the Tibesti region since Monday.")


def test_a_meeting_moved_is_no_mobilisation(nlp_en):
    assert "MOBILIZE" not in _trigger_types(nlp_en, "The Chadian cabinet meeting has been moved to Thursday.")


# --- kind: a crossing ordered shut is a border closure
def test_crossing_ordered_shut_is_a_sanction():
    events = _events(
        "Zambian soldiers clashed with Congolese militiamen near Kasumbalesa on Sunday. "
        "The Zambian interior ministry on Monday ordered the Kasumbalesa border post shut until further notice.")
    assert any(t == "SANCTION" and a == ["ZMB"] for t, a, _ in events)


# --- kind: money handed over is aid
def test_money_handed_over_is_aid():
    events = _events("Japan's ambassador in Suva handed over 3 million dollars to Fiji on Monday for a new coastal radar station.")
    assert ("AID", ["JPN"], ["FJI"]) in events


# --- kind: emergency rule imposed (state of siege, state of emergency) is coercion, no siege
def test_state_of_siege_is_coercion_not_assault():
    ts = _types("The Honduran Congress on Tuesday approved a decree imposing a 15-day state of siege in three "
                "departments on the Nicaraguan border.")
    assert "COERCE" in ts and "ASSAULT" not in ts


# --- kind: a light-verb visit ("paid a visit to")
def test_paid_a_visit_is_a_visit():
    events = _events("The President of Ghana paid an official visit to Togo on 3 September 2026.")
    assert any(t == "CONSULT" and {*a, *r} == {"GHA", "TGO"} for t, a, r in events)


# --- kind: shops pulling down their shutters in protest
def test_shutters_pulled_down_are_a_strike():
    assert "PROTEST" in _types("Traders in Peshawar pulled down their shutters on Monday against the new Pakistani sales tax.")


# --- kind: people or a vessel held by an authority (a detention); "held talks" stays a meeting
def test_crew_held_by_coastguard_is_coercion():
    events = _events("Two Vietnamese trawlers and their crews were held on Sunday by the Indonesian Maritime Security Agency.")
    assert any(t == "COERCE" and a == ["IDN"] for t, a, _ in events)


def test_held_talks_is_no_detention():
    ts = _types("Vietnam and Indonesia held talks in Jakarta on Monday.")
    assert "COERCE" not in ts and "CONSULT" in ts


# --- kind: a strike or road blockade is never a state's diplomatic protest
def test_strike_of_a_national_confederation_is_no_diplomatic_protest():
    ts = _types("The Confederation of Workers of Bolivia launched an indefinite national strike on Monday, "
                "blocking the main highways around La Paz.")
    assert "ACCUSE" not in ts


# --- kind: protesters calling off their protest stand down (RETREAT)
def test_march_called_off_is_a_retreat():
    ts = _types("Kenya's opposition coalition called off its march on Nairobi on Tuesday.")
    assert "RETREAT" in ts and "CONCEDE" not in ts
