"""English kinds found on the third development set (invented sentences only): pledges of backing,
calling off, idioms of support, handing out relief, bans of gatherings, one-state documents signed,
stopped events reached through a noun of phase."""
from datetime import date

import pytest
from extract_support import event_tuples

ON = date(2026, 5, 6)


def _events(text: str, published: date = ON):
    return event_tuples(text, "en", published, skip_unreal=True)


def _types(text: str) -> set:
    return {t for t, _, _ in _events(text)}


# --- kind: "pledged (its) support / solidarity" is backing (SUPPORT), a pledge of money stays a promise
@pytest.mark.parametrize("text", [
    "Spain pledged its solidarity with Morocco on Monday.",
    "Chile pledged Santiago's unwavering support to Bolivia on Tuesday.",
])
def test_pledge_of_backing_is_support(text):
    evs = _events(text)
    assert any(t == "SUPPORT" for t, _, _ in evs) and not any(t == "AGREE" for t, _, _ in evs)


def test_pledge_of_money_is_not_support():
    assert "SUPPORT" not in _types("Norway pledged 40 million dollars to Malawi on Monday.")


# --- kind: "called off" ends a strike (RETREAT: the strikers stand down) or cancels a visit; never a phone call, and
# the strike it ends is not reported as a new strike
@pytest.mark.parametrize("text", [
    "Zambia's miners' union called off its strike on Friday.",
    "The Ghanaian nurses' union called off the rest of its 48-hour strike on Thursday.",
])
def test_called_off_strike_is_a_retreat(text):
    ts = _types(text)
    assert "RETREAT" in ts and "CONSULT" not in ts and "PROTEST" not in ts


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


# --- kind: seats of government named for the government; the capital region of a capital city
def test_seat_of_government_is_a_party():
    evs = _events("Malacañang on Wednesday ruled out calls for a snap election.")
    assert any(t == "REJECT" and a == ["PHL"] for t, a, _ in evs)


def test_police_in_metro_manila_are_philippine():
    assert ("COERCE", ["PHL"], ["PHL"]) in _events("Police arrested 40 students in Metro Manila on Sunday.")


# --- kind: a place set earlier in the paragraph holds for the next sentence before the dateline's
def test_place_of_earlier_sentence_in_paragraph_beats_dateline():
    text = ("LIMA — Bolivia and Peru signed a gas deal on Monday.\n\n"
            "Fuel shortages have caused protests in western Bolivia. Last week, hundreds of truckers "
            "blocked the main highway, and police detained 12 of them.")
    evs = _events(text)
    assert ("PROTEST", ["BOL"], ["BOL"]) in evs and not any(a == ["PER"] for t, a, _ in evs if t != "AGREE")


# --- kind: a surname after a full name with a generational suffix ("X Marcos Jr" ... "Marcos")
def test_surname_after_suffixed_full_name():
    text = ("On Monday, Chilean President Ramon Ortiz Jr sacked the mining minister. "
            "The Bolivian president accused Ortiz on Tuesday of meddling.")
    assert ("ACCUSE", ["BOL"], ["CHL"]) in _events(text)


# --- kind: "dismissed the charge of blackmail": an "of" complement naming the content, not the author
def test_dismissed_charge_of_content_answers_the_accuser():
    text = "Bolivia accused Chile on Monday of spying. Chilean foreign minister Ana Ruiz dismissed the charge of spying on Tuesday."
    assert ("REJECT", ["CHL"], ["BOL"]) in _events(text)


# --- kind: a state lodging a protest protests to another state (ACCUSE), not to its own people
def test_state_lodging_protest_is_diplomatic():
    evs = _events("Russia seized a Japanese boat on Monday. Japan lodged a protest on Tuesday.")
    assert ("ACCUSE", ["JPN"], ["RUS"]) in evs and not any(t == "PROTEST" for t, _, _ in evs)


# --- kind: ", calling it X" labels the main act; it is no phone call and no accusation of its own
def test_participle_calling_is_no_event():
    ts = _types("New Zealand welcomed the treaty on Thursday, calling it a natural step between neighbours.")
    assert "CONSULT" not in ts and "ACCUSE" not in ts


# --- kind: "his counterpart" is another country's party
def test_bare_counterpart_is_not_own_country():
    text = "Tokayev met Mirziyoyev in Tashkent on Monday. Tokayev thanked his counterpart for a brotherly decision."
    evs = _events(text)
    assert ("SUPPORT", ["KAZ"], ["UZB"]) in evs and ("SUPPORT", ["KAZ"], ["KAZ"]) not in evs


# --- kind: a rally outside a foreign embassy is addressed to the country of the mission
@pytest.mark.parametrize("text,target", [
    ("Thousands of people rallied outside the Serbian embassy in Zagreb on Friday.", "SRB"),
    ("Hundreds of Iranians protested in front of the British embassy in Tehran on Monday.", "GBR"),
])
def test_protest_at_foreign_embassy(text, target):
    assert any(t == "PROTEST" and r == [target] for t, _, r in _events(text))


# --- kind: the content of an accusation stays content through coordinated complements and
# adjuncts ("accused X of firing first and of beating migrants before expelling them")
def test_accused_acts_in_coordinated_complements_are_content():
    evs = _events("On Friday, a Kenyan spokesman accused Ugandan forces of firing first and of beating "
                  "Kenyan herders before expelling them.")
    assert ("ACCUSE", ["KEN"], ["UGA"]) in evs
    assert not any(t in ("ASSAULT", "COERCE") for t, _, _ in evs)


def test_coordinated_clause_after_rejection_stays_event():
    evs = _events("Kenyan protest organisers rejected the concessions and said they would march again on Thursday.")
    assert any(t == "PROTEST" for t, _, _ in evs)


# --- kind: "blaming X" after a denial gives a cause, not an accused party
def test_blaming_a_cause_is_no_accusation():
    assert "ACCUSE" not in _types("Tashkent denied the claim on Monday, blaming a dry winter and low snowfall.")


def test_blaming_a_party_stays_accusation():
    assert ("ACCUSE", ["CHL"], ["PER"]) in _events("Chile blamed Peru on Monday for the crisis.")


# --- kind: an agreement referred to ("welcomed the agreement", "under the treaty", "a police
# cooperation arrangement") is no new agreement; one named with its parties still is
@pytest.mark.parametrize("text", [
    "New Zealand welcomed the agreement on Thursday.",
    "Tokyo urged Moscow on Monday to respect the fishing agreement.",
    "The two navies will conduct their first patrols under the treaty in October.",
    "China, which signed a police cooperation arrangement with Fiji in 2011, was less enthusiastic.",
])
def test_referenced_agreement_is_no_new_agreement(text):
    evs = _events(text)
    assert sum(1 for t, _, _ in evs if t in ("AGREE", "COOPERATE")) <= (1 if "signed" in text else 0)


def test_agreement_with_its_parties_stays_event():
    assert ("AGREE", ["ECU"], ["PER"]) in _events("The agreement between Ecuador and Peru was signed in Lima on Monday.")


# --- kind: a label put on an event named before ("calling the closure regrettable") is no new
# event; a positive label is no accusation; a negative label by a main verb still is
def test_labelled_event_noun_is_no_new_event():
    ts = _types('Rwanda denied any involvement on Monday, calling the border closure "regrettable".')
    assert "SANCTION" not in ts and "REJECT" in ts


def test_positive_label_is_no_accusation():
    assert "ACCUSE" not in _types("Chile called the Bolivian proposal an important step on Monday.")


def test_negative_label_is_accusation():
    assert ("ACCUSE", ["CHL"], ["PER"]) in _events("Chile called the Peruvian decision a provocation on Monday.")


# --- kind: a union is a civil party (its walkout is a strike, not a state's diplomatic protest)
def test_union_walkout_is_domestic_strike():
    evs = _events("The Ghanaian union walked out on Monday night.")
    assert ("PROTEST", ["GHA"], ["GHA"]) in evs and not any(t == "ACCUSE" for t, _, _ in evs)


# --- kind: "his government" is the government of the person acting, not the last state named
def test_his_government_is_the_acting_leaders():
    text = ("SKOPJE - North Macedonia recalled its ambassador to Bulgaria on Thursday. "
            "Prime Minister Hristijan Mickoski accused Bulgaria on Wednesday of blackmail. "
            "His government has refused to change the constitution under pressure.")
    evs = _events(text)
    assert ("REJECT", ["MKD"], ["BGR"]) in evs and not any(t == "REJECT" and a == ["BGR"] for t, a, _ in evs)


# --- kind: event nominalisations whose parties are the nationalities of their complements
def test_deployment_of_national_troops_is_mobilisation_by_that_state():
    evs = _events("The deployment of 3,000 Ethiopian troops to the border angered Eritrea on Monday.")
    assert any(t == "MOBILIZE" and a == ["ETH"] for t, a, _ in evs)


def test_reported_exchange_of_fire_is_an_event():
    # "reported" stops nothing (unlike French "le report de")
    evs = _events("Residents reported an exchange of fire between Burundian and Rwandan soldiers on Tuesday evening.")
    assert any(t == "ASSAULT" and {*a, *r} == {"BDI", "RWA"} for t, a, r in evs)


# --- kind: a warning that something could happen (a forecast) is no threat; a warning of one's own act is
@pytest.mark.parametrize("text", [
    "Chilean transport unions warned on Monday that a closure could cut off supplies to the port.",
    "The Kenyan minister warned on Monday that the economy could not afford a long strike.",
])
def test_forecast_warning_is_no_threat(text):
    assert "THREATEN" not in _types(text)


def test_warning_of_own_act_is_threat():
    text = "Turkey accused Cyprus of provocations on Monday. Ankara warned that it would not allow any drilling."
    assert any(t == "THREATEN" and a == ["TUR"] for t, a, _ in _events(text))


# --- kind: councils are state bodies (a metro council, a sovereignty council); the European
# Council is the EU (no country)
def test_local_council_is_a_state_party():
    text = "JOHANNESBURG - Workers struck on Monday. The Tshwane metro council agreed on Wednesday to reinstate 112 workers."
    assert any(t == "AGREE" and a == ["ZAF"] for t, a, _ in _events(text))


def test_european_council_has_no_country():
    evs = _events("PARIS - The European Council urged Serbia on Monday to recognise Kosovo.")
    assert any(t == "REQUEST" and a == [] and r == ["SRB"] for t, a, r in evs)

