"""English kinds of the ninth round (invented sentences only)."""
from datetime import date

from extract_support import event_tuples

ON = date(2026, 7, 14)


def _events(text: str, published: date = ON):
    return event_tuples(text, "en", published, skip_unreal=True)


# --- kind: a third country's appeal at the end of a domestic story is no counterpart of its events
def test_foreign_appeal_is_no_counterpart_of_a_domestic_story():
    events = _events(
        "Nepal's opposition party called off its strike in Kathmandu on Monday, hours after police fired tear "
        "gas at party workers. Home Minister Ramesh Lekhak accused the party leadership on Sunday of hiring "
        "armed thugs. In London, a Foreign Office spokesman urged the Nepali authorities to respect the right "
        "to peaceful assembly.")
    assert ("REQUEST", ["GBR"], ["NPL"]) in events
    assert not any(t in ("CONCEDE", "ACCUSE") and r == ["GBR"] for t, _, r in events)


# --- kind: a call "during which" the sides agreed is an event of its own, not the agreement's content
def test_call_during_which_leaders_agreed_is_a_consultation():
    events = _events(
        "Kenyan President William Ruto and his Ugandan counterpart Yoweri Museveni held a telephone conversation "
        "on Friday, during which the two leaders agreed to reopen the Busia crossing.")
    assert any(t == "CONSULT" and {*a, *r} == {"KEN", "UGA"} for t, a, r in events)


def test_a_rejected_accusation_is_still_content():
    events = _events("Honduras on Tuesday rejected the accusation made by Nicaragua.")
    assert not any(t == "ACCUSE" and a == ["HND"] for t, a, _ in events)


# --- kind: an armed gang with no nationality is a party of its own (an unnamed armed group)
def test_gun_battle_with_an_armed_gang_is_an_assault():
    events = _events("Honduran soldiers fought a gun battle with an armed gang near Choluteca on Sunday.")
    assert any(t == "ASSAULT" and a == ["HND"] for t, a, _ in events)


# --- kind: an angry crowd storming a building protests violently; troops storming a town assault it
def test_depositors_storming_banks_protest():
    events = _events("Angry depositors stormed two bank branches in Harare on Thursday, demanding their savings.")
    assert ("PROTEST", ["ZWE"], ["ZWE"]) in events
    assert not any(t == "ASSAULT" for t, _, _ in events)


def test_troops_storming_a_town_assault():
    events = _events("Sudanese troops stormed the Chadian border town of Adre on Thursday.")
    assert any(t == "ASSAULT" and a == ["SDN"] for t, a, _ in events)


# --- vocabulary: exchanges of fire told with "trade"
def test_trading_gunfire_is_a_symmetric_assault():
    events = _events("Ecuadorian and Peruvian soldiers traded gunfire near the Huaquillas bridge on Friday.")
    assert any(t == "ASSAULT" and {*a, *r} == {"ECU", "PER"} for t, a, r in events)


# --- vocabulary: boarding a ship is an interception; boarding a plane is travel
def test_boarding_a_foreign_ship_is_coercion():
    events = _events("Fiji's navy boarded a Vietnamese fishing boat inside Fijian waters on Saturday.")
    assert ("COERCE", ["FJI"], ["VNM"]) in events


def test_boarding_a_plane_is_no_event():
    events = _events("The Chilean foreign minister boarded a plane to Lima on Saturday.")
    assert not any(t == "COERCE" for t, _, _ in events)


# --- vocabulary: goods brought to someone are aid; carrying out an exercise is not
def test_convoy_bringing_medicines_is_aid():
    events = _events("On Monday a Colombian army convoy brought 30 tonnes of food to the Ecuadorian town of Tulcan.")
    assert ("AID", ["COL"], ["ECU"]) in events


def test_carrying_out_an_exercise_is_no_aid():
    events = _events("Australian forces carried out a live-fire missile exercise near Darwin this week.")
    assert not any(t == "AID" for t, _, _ in events)


# --- argument: a protest outside a high commission is addressed to the mission's country
def test_protest_outside_a_high_commission_targets_its_country():
    events = _events("Kenyan traders staged a protest outside the Tanzania High Commission in Nairobi on Monday.")
    assert ("PROTEST", ["KEN"], ["TZA"]) in events


# --- vocabulary: gathering as demonstrators, or to demand something, is a demonstration
def test_demonstrators_gathering_is_a_protest():
    events = _events("Hundreds of demonstrators gathered outside the parliament in Accra on Tuesday.")
    assert ("PROTEST", ["GHA"], ["GHA"]) in events


def test_ministers_gathering_is_no_protest():
    events = _events("European finance ministers gathered in Luxembourg on Tuesday.")
    assert not any(t == "PROTEST" for t, _, _ in events)
