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


# --- kind: an event that "threatens to" sour ties is a risk, no threat; a row escalated is no cooperation
def test_incident_threatening_to_sour_ties_is_no_threat(nlp_en):
    text = "The arrest of a Thai fishing crew near the Mergui archipelago threatened to sour ties between Thailand and Myanmar."
    assert "THREATEN" not in _trigger_types(nlp_en, text)


def test_state_threatening_is_a_threat(nlp_en):
    assert "THREATEN" in _trigger_types(nlp_en, "Myanmar threatened to close the Myawaddy crossing to Thai trucks.")


def test_escalating_a_row_is_no_cooperation():
    ts = _types("Laos ordered the Thai consul to leave within 48 hours on Monday, escalating a diplomatic row with Thailand.")
    assert "COOPERATE" not in ts


# --- kind: suspending freedoms (of assembly, of movement) is coercion, not a sanction
def test_suspended_freedom_of_assembly_is_coercion(nlp_en):
    text = "The Peruvian government suspended freedom of assembly in three southern regions on Sunday."
    assert "COERCE" in _trigger_types(nlp_en, text)


# --- kind: an act described with a condemning label is an accusation; a neutral description is not
def test_boarding_described_as_an_intrusion_is_an_accusation(nlp_en):
    text = "Indonesia's foreign ministry described the seizure as an illegal intrusion into its waters."
    assert "ACCUSE" in _trigger_types(nlp_en, text)


def test_talks_described_as_frank_are_no_accusation(nlp_en):
    assert "ACCUSE" not in _trigger_types(nlp_en, "The Indonesian minister described the talks as frank and useful.")


# --- kind: riot police are no riot
def test_riot_police_are_no_riot(nlp_en):
    assert "PROTEST" not in _trigger_types(nlp_en, "Riot police fired tear gas at the trucks outside Shiraz on Monday.")


# --- kind: fares cut for the public are a concession
def test_fares_cut_are_a_concession(nlp_en):
    assert "CONCEDE" in _trigger_types(nlp_en, "The Malawian government cut bus fares by a third on Friday.")


# --- kind: insisting that something will not be done is a refusal; insisting that another act is a demand
def test_insisting_a_measure_will_not_be_reversed_is_a_refusal(nlp_en):
    text = "Zambia's trade minister insisted on Monday that the export ban was lawful and would not be lifted."
    assert "REJECT" in _trigger_types(nlp_en, text)


def test_insisting_that_another_act_is_a_demand(nlp_en):
    ts = _trigger_types(nlp_en, "Zambia insisted that Malawi reopen the Mchinji crossing.")
    assert "REJECT" not in ts


# --- kind: reinforcing military positions is a mobilisation
def test_reinforcing_positions_is_mobilisation(nlp_en):
    text = "The Armenian defence ministry reinforced its positions along the Syunik border on Friday."
    assert "MOBILIZE" in _trigger_types(nlp_en, text)


# --- kind: a strike or shutdown called, or called for, is a strike; a strike "called" is never a phone call
def test_shutdown_called_for_is_a_strike(nlp_en):
    found = [(sp.event_type, sp.mode) for _, sp in find_triggers(nlp_en(
        "Zimbabwe's opposition leader called for a two-day national shutdown from next Wednesday."), "en")]
    assert ("PROTEST", "strike") in found


def test_strike_called_is_no_phone_call(nlp_en):
    assert "CONSULT" not in _trigger_types(nlp_en, "The Kenyan doctors' union had called the strike in March.")


def test_air_strike_labelled_is_an_accusation_not_a_strike(nlp_en):
    found = [(sp.event_type, sp.mode) for _, sp in find_triggers(nlp_en(
        "Amman is calling the strike a grave violation of the armistice."), "en")]
    assert ("PROTEST", "strike") not in found and any(t == "ACCUSE" for t, _ in found)


# --- kind: more joint activities; forces leaving; craft shadowing another side's vessels
def test_joint_training_course_is_cooperation(nlp_en):
    text = "Fijian and Tongan police will run a joint training course with Samoan officers in Apia in March."
    assert "COOPERATE" in _trigger_types(nlp_en, text)


def test_soldiers_leaving_withdraw_and_a_minister_leaving_does_not(nlp_en):
    assert "RETREAT" in _trigger_types(nlp_en, "The last Chadian soldiers left Bangui on Friday.")
    assert "RETREAT" not in _trigger_types(nlp_en, "The Chadian minister left for Bangui on Friday.")


def test_warship_shadowing_vessels_is_mobilisation(nlp_en):
    text = "A Chinese frigate entered the strait on Monday and shadowed two Philippine patrol vessels for hours."
    assert "MOBILIZE" in _trigger_types(nlp_en, text)


# --- kind: "suspend ... increase" is a concession only when the increase is what is suspended
def test_talks_on_increasing_exports_suspended_are_no_concession(nlp_en):
    found = _trigger_types(nlp_en, "Uruguay suspended a round of talks on increasing Brazilian beef imports on Monday.")
    assert "CONCEDE" not in found


def test_price_increase_suspended_is_a_concession(nlp_en):
    assert "CONCEDE" in _trigger_types(nlp_en, "The Kenyan government suspended the fuel price increase on Monday.")


# --- kind: a ship named with its flag ("the Panama-flagged X") boarded is an interception
def test_flagged_ship_boarded_is_an_interception(nlp_en):
    assert "COERCE" in _trigger_types(nlp_en, "Swedish coastguards boarded the Panama-flagged Nordic Dawn on Sunday.")


# --- kind: ordering forces on a mission ("ordered the army to reinforce its positions") mobilises
def test_army_ordered_to_reinforce_positions_is_the_orderers_mobilisation():
    events = _events(
        "Eritrean shelling hit the Ethiopian border town of Zalambessa on Monday. "
        "Ethiopian Prime Minister Abiy Ahmed ordered the army to reinforce its positions along the northern frontier on Tuesday.")
    assert any(t == "MOBILIZE" and a == ["ETH"] for t, a, _ in events)


# --- kind: being ready to take someone to court is a threat, not a lawsuit
def test_ready_to_take_to_court_is_a_threat(nlp_en):
    found = _trigger_types(nlp_en, "The Ghanaian government said on Friday it was prepared to take Togo to court.")
    assert "THREATEN" in found and "ACCUSE" not in found


# --- kind: a rise in a benefit approved or granted is a concession; a tax increase approved is not
def test_allowance_increase_approved_is_a_concession(nlp_en):
    text = "On Friday the Nigerian cabinet approved a 30 percent increase in the transport allowance of civil servants."
    assert "CONCEDE" in _trigger_types(nlp_en, text)


def test_tax_increase_approved_is_no_concession(nlp_en):
    assert "CONCEDE" not in _trigger_types(nlp_en, "The Nigerian senate approved a tax increase on Friday.")


# --- kind: "dead city" days called are a strike, not a label
def test_dead_city_days_called_are_a_strike(nlp_en):
    found = [(sp.event_type, sp.mode) for _, sp in find_triggers(nlp_en(
        'The Cameroonian opposition called "dead city" days for Thursday and Friday.'), "en")]
    assert ("PROTEST", "strike") in found and not any(t == "ACCUSE" for t, _ in found)


# --- kind: insisting on what was is a stance, no demand; insisting that another act is one
def test_insisting_on_a_past_fact_is_no_demand(nlp_en):
    text = "Dakar rejected the criticism, insisting that its coastguard had acted within the law."
    assert "REQUEST" not in _trigger_types(nlp_en, text)


def test_insisting_on_a_withdrawal_is_a_demand(nlp_en):
    assert "REQUEST" in _trigger_types(nlp_en, "Senegal insisted on the withdrawal of the Gambian trawlers.")
