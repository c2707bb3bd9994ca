"""English kinds found on the fifth development set (invented sentences only): passive releases,
commissive verbs with an infinitive, promised retaliation, and the families below."""
from datetime import date

import pytest
from extract_support import event_tuples

ON = date(2026, 5, 6)


def _events(text: str, published: date = ON):
    return event_tuples(text, "en", published, skip_unreal=True)


def _types(text: str) -> set:
    return {t for t, _, _ in _events(text)}


# --- kind: a passive release names no agent: whoever detained the people earlier in the article frees them
@pytest.mark.parametrize("text,actor,recipient", [
    ("Peruvian police arrested 40 miners in Lima on Monday. Half of them were released on Tuesday evening.",
     ["PER"], ["PER"]),
    ("The Thai navy detained nine Cambodian fishermen on Sunday. The nine men were freed on Thursday.",
     ["THA"], ["KHM"]),
])
def test_passive_release_is_by_the_captor(text, actor, recipient):
    assert ("CONCEDE", actor, recipient) in _events(text)


def test_passive_release_without_detention_names_no_agent():
    assert "CONCEDE" not in _types("Two journalists were released on Tuesday, their lawyer said.")


# --- kind: a commissive verb with an infinitive ("pledged to deliver", "voted to ban"): the event is the
# promised act, not an agreement
@pytest.mark.parametrize("text,etype", [
    ("Algeria pledged on Monday to deliver 50,000 tonnes of wheat to Tunisia.", "AID"),
    ("Poland's parliament voted to ban imports of Belarusian timber.", "SANCTION"),
    ("Turkey promised to send troops to Libya.", "MOBILIZE"),
])
def test_commissive_tells_the_promised_act(text, etype):
    types = _types(text)
    assert etype in types and "AGREE" not in types


def test_agreeing_to_act_stays_an_agreement():
    assert "AGREE" in _types("Ghana and Togo agreed to reopen their border.")


# --- kind: a promised response, countermeasures or reprisals are a threat of retaliation
@pytest.mark.parametrize("text", [
    "Minsk rejected the charges and promised a tough response.",
    "Tehran vowed reprisals against Baku.",
])
def test_promised_response_is_a_threat(text):
    types = _types(text)
    assert "THREATEN" in types and "AGREE" not in types


# --- kind: "with X acting as host": a clause with its own subject after "with" is a circumstance, no party
def test_absolute_clause_is_no_recipient():
    events = _events("Kenya and Uganda agreed on Monday to resume talks, with Rwanda acting as mediator.")
    assert ("AGREE", ["KEN"], ["UGA"]) in events
    assert all("RWA" not in r for _t, _a, r in events)


# --- kind: agreeing to meet on a given date: the agreement, and the planned meeting (CONSULT, future)
def test_agreed_dated_meeting_is_a_planned_consultation():
    rows = event_tuples("Chile and Peru agreed on Monday to meet in Quito next week.", "en", ON, with_status=True)
    assert ("AGREE", ["CHL"], ["PER"], "asserted") in rows
    assert ("CONSULT", ["CHL"], ["PER"], "future") in rows


# --- kind: a state's guard corps is its military
def test_guard_corps_is_the_state_military():
    events = _events("Iran's Revolutionary Guards seized a British tanker on Sunday. The IRGC later released its crew.")
    assert any(t == "COERCE" and a == ["IRN"] for t, a, _r in events)


# --- kind: a capital that starts a longer place name ("Santiago de Cuba") is not that capital
def test_capital_starting_a_longer_name_is_not_the_capital():
    from pipeline.extract.actors import resolve_span

    assert resolve_span("protesters in Santiago de Cuba", "en", ON).ref.country == "CUB"
    assert resolve_span("officials in Santiago", "en", ON).ref.country == "CHL"


# --- kind: first-person words outside any quotation (an interview's answers, an opinion piece) are the
# author's side, whom nothing names: never the latest subject nor a discourse counterpart
INTERVIEW = ("Q: How did Hanoi react?\n\n"
             "A: On Monday Vietnam's trade ministry accused us of dumping steel. On Tuesday our ambassador "
             "asked Hanoi to drop the case. Washington later welcomed the decision.")


def test_first_person_outside_quotes_is_unknown():
    events = _events(INTERVIEW)
    assert ("ACCUSE", ["VNM"], ["USA"]) not in events
    assert not any(t == "REQUEST" and a == ["VNM"] for t, a, _r in events)


def test_first_person_inside_quotes_is_the_speaker():
    text = ('Vietnam\'s trade minister spoke on Monday. "Thailand accused us of dumping steel," '
            'Vietnamese Trade Minister Nguyen Hong Dien said.')
    assert ("ACCUSE", ["THA"], ["VNM"]) in _events(text)


# --- kind: a line listing other stories' headlines after a short label is links, not the article's sentences
@pytest.mark.parametrize("line", [
    "More from this desk: Kenya's parliament impeaches its deputy speaker; Uganda signs oil deal with Tanzania",
    "Also on the programme: Ghana's opposition marches in Accra; Togolese farmers count their losses.",
])
def test_headline_list_has_no_events(line):
    from pipeline.extract.sentences import split_sentences

    text = "Nigeria recalled its ambassador from Niger on Monday.\n\n" + line
    assert [text[s:e] for s, e in split_sentences(text)] == ["Nigeria recalled its ambassador from Niger on Monday."]
    assert all(a == ["NGA"] for _t, a, _r in _events(text))


def test_colon_and_semicolons_inside_a_sentence_stay():
    from pipeline.extract.sentences import split_sentences

    text = "The plan: cut tariffs; raise quotas."
    assert len(split_sentences(text)) == 1


# --- kind: "called on President X" with nothing asked of them is a courtesy call (CONSULT), not a request
def test_call_on_a_person_is_a_visit():
    types = _types("The Maldivian minister arrived in Delhi on Monday and called on Prime Minister Narendra Modi.")
    assert "CONSULT" in types and "REQUEST" not in types


def test_call_on_a_party_to_act_is_a_request():
    assert "REQUEST" in _types("Canada called on Prime Minister Narendra Modi to release the detainees.")


# --- kind: what lies inside a requested act is content too ("urged X to release those detained for ..."),
# however the parser hangs the infinitive
@pytest.mark.parametrize("text", [
    "Canada called on Tehran to free all those detained for protesting peacefully.",
    "Norway urged Minsk to release the activists jailed for demanding fair elections.",
])
def test_acts_inside_a_requested_act_are_no_events(text):
    assert _types(text) == {"REQUEST"}


# --- kind: a thing a nationality word qualifies ("Argentine gas exports", "American pressure") is no party
# that a later "it" or "the two ministers" could refer to
def test_thing_qualified_by_nationality_is_no_remembered_party():
    text = ("China's commerce ministry accused Lithuania of bowing to American pressure. "
            "On Monday it banned imports from three Lithuanian firms.")
    events = _events(text)
    assert not any("USA" in a for _t, a, _r in events)
