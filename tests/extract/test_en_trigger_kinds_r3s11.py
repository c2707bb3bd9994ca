"""English trigger, type and status kinds of the eleventh session of round 3 (invented sentences only)."""
from datetime import date

import pytest
from extract_support import event_tuples

ON = date(2026, 11, 24)


def _types(text: str) -> set:
    return {t for t, _, _, s in event_tuples(text, "en", ON, with_status=True) if s == "asserted"}


# --- kind: the demand a demonstration makes is its content, not a request of its own
@pytest.mark.parametrize("text", [
    "Hundreds of villagers marched through Arusha on Friday, demanding that Tanzania's government compensate them.",
    "Dozens of traders gathered outside the town hall in Arusha on Friday to demand lower market fees.",
    "About 500 students staged a rally in Arusha on Friday, calling on the Tanzanian government to reopen the campus.",
])
def test_demand_of_a_demonstration_is_no_request(text):
    ts = _types(text)
    assert "PROTEST" in ts and "REQUEST" not in ts


def test_demand_of_a_labour_strike_stays_a_request():
    ts = _types("Tanzania's nurses' union launched a strike on Friday demanding that the government pay three months "
                "of arrears.")
    assert {"PROTEST", "REQUEST"} <= ts


def _statuses(text: str, etype: str) -> set:
    return {s for t, _, _, s in event_tuples(text, "en", ON, with_status=True) if t == etype}


# --- kind: an act in a present-tense clause of time or condition shares its head's status
def test_meeting_in_a_clause_of_time_under_a_possibility_is_not_asserted():
    assert "asserted" not in _statuses(
        "Kenya could reopen the Busia crossing once the border commissioners of Kenya and Uganda meet, an official said.",
        "CONSULT")


# --- kind: an infinitive with its own subject takes the negation of the verb governing it
def test_act_nobody_expects_is_not_asserted():
    assert "asserted" not in _statuses(
        "The talks with Chile resume next week, and I do not expect Peru's president to back down.", "CONCEDE")


# --- kind: a concession a speaker announces as not to be made, in the passive, is the speaker's refusal
def test_passive_concession_announced_as_not_made_is_the_speakers_refusal():
    text = ("Dockers in Chile demanded on Monday that the government withdraw the port reform.\n\n"
            "Chile's transport minister said on Tuesday that the port reform \"will not be withdrawn\".")
    ts = {(t, tuple(a), s) for t, a, _, s in event_tuples(text, "en", ON, with_status=True)}
    assert ("REJECT", ("CHL",), "asserted") in ts


# --- kind: an agreement named by its year is one made before, not a new one
def test_agreement_named_by_its_year_is_no_new_agreement():
    ts = _types("Norway, which brokered the 2017 Oslo memorandum between Colombia and Venezuela, kept silent on Monday.")
    assert "AGREE" not in ts


# --- kind: formulas and questions are no praise or request
@pytest.mark.parametrize("text, etype", [
    ("PRESENTER: Ana Lopes in Maputo, thank you.", "SUPPORT"),
    ("After two Rwandan soldiers were killed, we asked Paul Mugisha, an analyst in Kigali, what Rwanda will do next.",
     "REQUEST"),
])
def test_formula_or_question_is_no_event(text, etype):
    assert etype not in _types(text)


# --- kind: an act under talk, suspicion or an effort is not asserted
@pytest.mark.parametrize("text, etype", [
    ("Officials in Dakar played down talk of suspending fishing licences for Gambian boats.", "SANCTION"),
    ("Ghanaian police arrested two Togolese nationals on Friday on suspicion of supplying the rebels with weapons.",
     "AID"),
])
def test_act_under_talk_or_suspicion_is_not_asserted(text, etype):
    assert "asserted" not in _statuses(text, etype)


# --- kind: a joint body the two sides agree to convene meets (CONSULT, future), like "agreed to meet"
def test_agreeing_to_convene_a_joint_committee_plans_a_meeting():
    ts = event_tuples("Chad and Cameroon agreed on Monday to convene their joint border commission in Garoua on "
                      "12 December.", "en", ON, with_status=True)
    assert any(t == "CONSULT" and s == "future" for t, _, _, s in ts)


# --- kind: light-verb and phrasal measures (exports stopped, strikers ordered back to work)
@pytest.mark.parametrize("text, etype", [
    ("Hungary announced on Monday that it would stop fuel exports to Serbia from Friday.", "SANCTION"),
    ("Kenya's labour ministry issued a return-to-work order for striking dockworkers in Mombasa on Monday.", "COERCE"),
    ("Greece's government imposed minimum services on striking ferry crews in Piraeus on Monday.", "COERCE"),
])
def test_phrasal_measures_are_events(text, etype):
    assert etype in {t for t, _, _, s in event_tuples(text, "en", ON, with_status=True) if s in ("asserted", "future")}


def test_exports_an_attack_halted_are_no_sanction():
    assert "SANCTION" not in _types("A drone strike on Sunday knocked out the pumping station in Chad and halted "
                                    "Niger's crude exports through Cameroon.")


# --- kind: what an act is for (its purpose infinitive) has not happened
def test_purpose_of_a_deployment_is_no_event():
    ts = _types("Zambia dispatched two patrol boats to Lake Tanganyika on Monday to protect Congolese fishing crews.")
    assert "MOBILIZE" in ts and "AID" not in ts


def test_what_a_vote_commits_to_stays_the_event():
    ts = _types("Bahrain's parliament voted on Monday to ask the government to suspend all flights to Qatar.")
    assert "REQUEST" in ts
