"""English kinds of the eighth round (invented sentences only)."""
from datetime import date

from extract_support import event_tuples

ON = date(2026, 3, 25)


def _events(text: str, published: date = ON):
    return event_tuples(text, "en", published, skip_unreal=True)


# --- kind: a consent verb with a one-sided giving act as its infinitive tells the aid, not an agreement
def test_agreeing_to_donate_is_aid():
    events = _events("Beijing also agreed to donate fifteen ambulances and three fire engines to Nepal.")
    assert ("AID", ["CHN"], ["NPL"]) in events
    assert not any(t == "AGREE" for t, _, _ in events)


def test_agreeing_to_meet_stays_an_agreement():
    events = _events("Chile and Peru agreed to meet in Lima next week.")
    assert not any(t == "AID" for t, _, _ in events)


# --- kind: staples handed over by the tonne are aid
def test_handing_over_tonnes_of_maize_is_aid():
    events = _events("The government of Ghana handed over two hundred tonnes of maize to Togo on Monday.")
    assert ("AID", ["GHA"], ["TGO"]) in events


# --- kind: money announced for someone is aid to them; money announced with no one to receive it is none
def test_announcing_money_for_victims_is_aid():
    events = _events("Japan announced 2 billion yen for flood victims in Vietnam on Monday.")
    assert ("AID", ["JPN"], ["VNM"]) in events


def test_announcing_savings_is_no_aid():
    events = _events("The French government announced 3 million euros in savings on Monday.")
    assert not any(t == "AID" for t, _, _ in events)


# --- kind: money pledged to someone is aid to them, not a bare promise
def test_pledging_money_is_aid():
    events = _events("Sweden pledged 25 million euros to Niger on Monday.")
    assert ("AID", ["SWE"], ["NER"]) in events
    assert not any(t == "AGREE" for t, _, _ in events)


# --- mechanism: a word form both languages share takes the sector of the sentence's language
def test_militants_sector_depends_on_language():
    from pipeline.extract.actors import resolve_actor

    assert resolve_actor("des militants togolais", "fr").sector == "CVL"
    assert resolve_actor("Togolese militants", "en").sector == "REB"
