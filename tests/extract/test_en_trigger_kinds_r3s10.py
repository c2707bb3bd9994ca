"""English trigger, type and status kinds of the tenth session of round 3 (invented sentences only)."""
from datetime import date

import pytest
from extract_support import event_tuples, mentions_of

from pipeline.extract.triggers import find_triggers, trigger_status

ON = date(2026, 10, 21)


def _events(text: str, published: date = ON):
    return event_tuples(text, "en", published, skip_unreal=True)


def _trigger_types(nlp, text: str) -> set:
    return {sp.event_type for _, sp in find_triggers(nlp(text), "en")}


# --- kind: talks that are the purpose of a journey told as made were held
def test_talks_a_trip_was_made_for_are_asserted():
    ms = mentions_of("Ecuador's foreign minister flew to Lima on Wednesday for talks with Peru's President José Jerí.",
                     "en", ON, "CONSULT")
    assert ms and all(m.status == "asserted" for m in ms)


@pytest.mark.parametrize("text", [
    "Ecuador's foreign minister will fly to Lima next week for talks with Peru's President José Jerí.",
    "Ecuador pushed on Wednesday for talks with Peru over the fishing dispute.",
])
def test_talks_still_to_come_or_pressed_for_are_not_asserted(text):
    assert all(m.status != "asserted" for m in mentions_of(text, "en", ON, "CONSULT"))


# --- kind: a concession announced as not to be made is a refusal
@pytest.mark.parametrize("text", [
    "Slovakia's prime minister told reporters on Tuesday that he will not withdraw the media bill.",
    "Slovakia's prime minister said on Tuesday that he won't back down on the media bill.",
])
def test_concession_that_will_not_be_made_is_a_refusal(text):
    ts = {(t, s) for t, _, _, s in event_tuples(text, "en", ON, with_status=True)}
    assert ("REJECT", "asserted") in ts and not any(t == "CONCEDE" and s == "asserted" for t, s in ts)


def test_concession_not_made_yet_is_no_refusal():
    ts = {t for t, _, _, s in event_tuples("Slovakia's government has not withdrawn the media bill.", "en", ON,
                                           with_status=True)}
    assert "REJECT" not in ts


# --- kind: putting a contested measure off, announced in the future tense, is decided
def test_measure_to_be_postponed_is_an_asserted_concession(nlp_en):
    doc = nlp_en("Peru's labour minister announced on Monday that the second reading of the pension bill "
                 "will be postponed by two months.")
    found = [(t, sp) for t, sp in find_triggers(doc, "en") if sp.event_type == "CONCEDE"]
    assert found and trigger_status(doc, found[0][0], "en", "CONCEDE").status == "asserted"


def test_visit_postponed_is_no_concession(nlp_en):
    assert "CONCEDE" not in _trigger_types(nlp_en, "The Kenyan president's visit to Kampala will be postponed by a week.")


# --- kind: a checkpoint shut or reopened, a post shut to freight
@pytest.mark.parametrize("text, etype", [
    ("Cambodia shut the Poipet checkpoint on Sunday after the shooting.", "SANCTION"),
    ("Burundi had already shut the Gatumba post to cargo trucks on Friday.", "SANCTION"),
    ("The Poipet checkpoint reopened to traffic on Monday afternoon.", "CONCEDE"),
    ("The two governments agreed that the post would reopen to trucks on 3 November.", "CONCEDE"),
])
def test_checkpoint_closed_or_reopened(nlp_en, text, etype):
    assert etype in _trigger_types(nlp_en, text)


# --- kind: an army company sent somewhere is a mobilisation
@pytest.mark.parametrize("text", [
    "On Friday the Ugandan army sent an infantry company to the Elegu crossing.",
    "The Second Army Region sent three additional ranger companies to Sa Kaeo on Sunday.",
])
def test_army_company_sent_is_mobilisation(nlp_en, text):
    assert "MOBILIZE" in _trigger_types(nlp_en, text)


# --- kind: an envoy called in is summoned
@pytest.mark.parametrize("text", [
    "On Monday Fiji's foreign minister called in the Indian High Commissioner to express Suva's deep concern.",
    "Ghana's foreign ministry called in the Togolese ambassador on Tuesday over the border incident.",
])
def test_envoy_called_in_is_a_summons(nlp_en, text):
    found = {(sp.event_type, sp.mode) for _, sp in find_triggers(nlp_en(text), "en")}
    assert ("ACCUSE", "summon") in found and not any(t == "CONSULT" for t, _ in found)


# --- kind: relief handed out or distributed, goods handed to a party
@pytest.mark.parametrize("text", [
    "The Tanzanian government set up camps and began distributing rice and blankets to Burundian refugees on Tuesday.",
    "District officials began handing out food and tarpaulins to the Congolese refugees on Sunday.",
    "Japan has also promised to hand Vietnam six patrol boats next year.",
])
def test_goods_handed_out_are_aid(nlp_en, text):
    assert "AID" in _trigger_types(nlp_en, text)


@pytest.mark.parametrize("text", [
    "The Kenyan minister handed his Ugandan counterpart a letter on Monday.",
    "The rebels handed in their weapons to the Ugandan army on Monday.",
])
def test_things_handed_that_are_no_goods_are_no_aid(nlp_en, text):
    assert "AID" not in _trigger_types(nlp_en, text)


# --- kind: solidarity or support offered is backing
def test_solidarity_offered_is_support(nlp_en):
    found = {(t.lower_, sp.event_type) for t, sp in find_triggers(
        nlp_en("Latvia's president phoned his Estonian counterpart on Monday to offer full solidarity."), "en")}
    assert ("offer", "SUPPORT") in found


def test_other_offer_stays_a_proposal(nlp_en):
    found = {(t.lower_, sp.event_type) for t, sp in find_triggers(
        nlp_en("Qatar offered to host talks between Chad and Sudan."), "en")}
    assert ("offer", "SUPPORT") not in found


# --- kind: a projectile named in a hedging clause is fired
@pytest.mark.parametrize("text, fired", [
    ("North Korea fired what appears to be a short-range ballistic missile toward the sea this morning.", True),
    ("Hezbollah fired what Israel called a barrage of rockets at Haifa on Sunday.", True),
    ("The president fired what he called an incompetent minister on Monday.", False),
])
def test_projectile_in_a_hedging_clause_is_fired(nlp_en, text, fired):
    assert ("ASSAULT" in _trigger_types(nlp_en, text)) is fired
