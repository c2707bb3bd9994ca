"""English kinds of the tenth round (invented sentences only)."""
from datetime import date

from extract_support import event_tuples

ON = date(2026, 8, 20)


def _events(text: str, published: date = ON):
    return event_tuples(text, "en", published, skip_unreal=True)


# --- kind: a deployment's destination ("to/in <town>") is no unplaceable patient
def test_troops_sent_to_a_town_in_a_domestic_story_are_domestic():
    events = _events(
        "Truck drivers blocked the main highway out of Lilongwe on Monday to protest against fuel prices. "
        "The government deployed army units in Mzimba on Tuesday to protect fuel depots.")
    assert ("MOBILIZE", ["MWI"], ["MWI"]) in events


def test_troops_sent_to_a_border_town_in_a_dispute_face_the_counterpart():
    events = _events(
        "Namibia accused Angolan soldiers on Monday of harassing Namibian truck drivers at the border. "
        "The Namibian government responded on Tuesday by sending additional army units to Oshikango.")
    assert ("MOBILIZE", ["NAM"], ["AGO"]) in events


def test_troops_called_in_under_a_legal_article_are_domestic():
    events = _events(
        "Thousands of opposition supporters marched on Dhaka on Saturday. The government called in army troops "
        "under Article 129 the same day to guard the ministries.")
    assert ("MOBILIZE", ["BGD"], ["BGD"]) in events


def test_requisitioned_fuel_is_no_mobilisation():
    events = _events("The Bangladeshi government requisitioned fuel from private depots on Saturday.")
    assert not any(t == "MOBILIZE" for t, _, _ in events)


# --- kind: "The Parties" of a communiqué are its two signatories
def test_the_parties_of_a_communique_are_the_pair():
    events = _events(
        "On 3 August 2026, the Prime Minister of Georgia and the Prime Minister of Armenia held talks in Tbilisi. "
        "The Parties agreed to reopen the Sadakhlo checkpoint from 1 September. "
        "The Parties decided to carry out joint patrols on the border.")
    assert any(t == "AGREE" and {*a, *r} == {"GEO", "ARM"} for t, a, r in events)
    assert any(t == "COOPERATE" and {*a, *r} == {"GEO", "ARM"} for t, a, r in events)


def test_political_parties_are_no_pair():
    events = _events(
        "Georgian and Armenian ministers held talks in Tbilisi on Monday. "
        "Opposition parties agreed to boycott the vote.")
    assert not any(t == "AGREE" and {*a, *r} == {"GEO", "ARM"} for t, a, r in events)


# --- vocabulary: lifting border controls is a concession
def test_lifting_additional_border_controls_is_a_concession():
    events = _events("Uzbekistan lifted the additional border controls on Tajik trucks on Monday.")
    assert any(t == "CONCEDE" and a == ["UZB"] for t, a, _ in events)


# --- kind: vehicles arriving from a country pay it no visit
def test_vehicles_arriving_from_a_country_are_no_visit():
    events = _events(
        "Kazakhstan and Kyrgyzstan held talks on Monday about new customs checks on trucks arriving from Kyrgyzstan.")
    assert sum(t == "CONSULT" for t, _, _ in events) == 1


# --- kind: the author of an answered invitation, offer or proposal named by "from X"
def test_declined_invitation_from_a_country_is_rejected_towards_it():
    events = _events("Vanuatu declined an invitation from Fiji on Tuesday to attend the summit.")
    assert ("REJECT", ["VUT"], ["FJI"]) in events


def test_accepted_offer_from_a_country_is_an_agreement_with_it():
    events = _events("Bhutan accepted an offer of mediation from Nepal on Tuesday.")
    assert any(t == "AGREE" and a == ["BTN"] and r == ["NPL"] for t, a, r in events)


# --- kind: protest vocabulary (in protest, calls for shutdowns, sit-downs on roads)
def test_acting_in_protest_is_a_protest_by_the_subject():
    events = _events("Ugandan traders closed their shops on Thursday in protest against the new tax.")
    assert ("PROTEST", ["UGA"], ["UGA"]) in events


def test_call_for_a_national_shutdown_is_a_protest():
    events = _events("Zimbabwe's main opposition leader called for a two-day national shutdown from Monday.")
    assert any(t == "PROTEST" and a == ["ZWE"] for t, a, _ in events)
    assert not any(t in ("REQUEST", "CONSULT") for t, _, _ in events)


def test_call_for_a_council_meeting_is_no_protest():
    events = _events("Zimbabwe called for a meeting with South Africa on Monday.")
    assert not any(t == "PROTEST" for t, _, _ in events)


def test_sitting_down_on_a_motorway_is_a_sit_in():
    events = _events("Chilean students sat down on the Costanera Norte motorway in Santiago on Monday.")
    assert ("PROTEST", ["CHL"], ["CHL"]) in events


def test_sitting_down_with_a_party_is_talks():
    events = _events("Chile's foreign minister sat down with his Bolivian counterpart in La Paz on Monday.")
    assert not any(t == "PROTEST" for t, _, _ in events)


# --- kind: "X's Minister <Name> and his <demonym> counterpart" parsed with the conjunct under the name
def test_named_minister_and_counterpart_are_both_parties():
    events = _events(
        "Despite the row, Ghana's Foreign Minister Samuel Ablakwa and his Togolese counterpart Robert Dussey "
        "spoke by telephone on Monday morning, according to both ministries.")
    assert any(t == "CONSULT" and {*a, *r} == {"GHA", "TGO"} for t, a, r in events)


# --- vocabulary: street marches led or staged, crowds blocking roads, arrests told as "picked up"
def test_leading_a_march_is_a_protest():
    events = _events("In Port Moresby, opposition leader Peter Kora led a march of several hundred people to parliament on Monday.")
    assert ("PROTEST", ["PNG"], ["PNG"]) in events


def test_talks_in_march_are_no_street_march():
    events = _events("In Port Moresby, the opposition held talks in March with Australia.")
    assert not any(t == "PROTEST" for t, _, _ in events)


def test_crowd_blocking_a_named_avenue_protests():
    events = _events("In Luanda, crowds of young men blocked the Avenida Deolinda Rodrigues with burning tyres on Monday.")
    assert ("PROTEST", ["AGO"], ["AGO"]) in events


def test_people_picked_up_by_police_are_arrested():
    events = _events("Togolese police picked up six Beninese traders in Lomé on Friday.")
    assert any(t == "COERCE" and a == ["TGO"] and r == ["BEN"] for t, a, r in events)


def test_picking_up_the_phone_is_no_arrest():
    events = _events("The Togolese minister picked up the phone on Friday.")
    assert not any(t == "COERCE" for t, _, _ in events)


# --- kind: "the opposition leader" is of the opposition's sector, not the latest government party
def test_opposition_leader_march_is_no_diplomatic_protest():
    events = _events(
        "Australia's foreign minister called Prime Minister Jeremiah Manele on Thursday. Manele refused to publish "
        "the deal. The opposition leader Peter Kenilorea led a march of a few hundred people to parliament in "
        "Honiara yesterday, calling the deal a threat to sovereignty.")
    assert not any(t == "ACCUSE" and a == ["SLB"] and r == ["AUS"] for t, a, r in events)
