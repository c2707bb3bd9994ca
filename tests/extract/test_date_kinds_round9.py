"""Date kinds of round 9 (dev6/dev7 error table): a day a relational anchor gave an earlier event is
retold only by an event of that type (a new event of another type on that day moves the story there),
and a bare weekday of an act agreed to ("has agreed to meet them on Friday") is the act's coming day:
neither the agreement's nor a past day the story moves to. Invented sentences; the reference is a
Friday (lundi 9, mardi 10, mercredi 11, jeudi 12 March 2026)."""
from __future__ import annotations

from datetime import date

from extract_support import mentions_of

REF = date(2026, 3, 13)


def _ms(body, lang, etype=None, trigger=None):
    return mentions_of(body, lang, REF, etype, trigger)


# ---- a day an anchor gave an earlier event: retold by its type only

def test_a_new_event_on_the_day_of_an_anchored_event_moves_the_story_there():
    body = ("Greek forces have seized a Turkish fishing boat, officials say, a day after Ankara closed its "
            "airspace to Greek aircraft.\n\n"
            "Officials said on Friday that Bulgaria fully endorsed the measures.\n\n"
            "Turkish Foreign Minister Ali Demir travelled to Rome on Thursday, where he held talks with his Italian "
            "counterpart. The two ministers agreed to coordinate the delivery of aid.")
    agree = _ms(body, "en", "AGREE")
    assert agree and agree[0].event_date == date(2026, 3, 12)


def test_a_retold_anchored_event_keeps_the_story_on_its_day():
    body = ("Sudan's government cut diplomatic ties with Chad on Thursday, two days after drones struck the "
            "airport of Kassala. The rebels launched the drone attack on Tuesday. The Sudanese foreign minister "
            "accused Chad of supplying the drones.")
    accuse = _ms(body, "en", "ACCUSE")
    assert accuse and accuse[-1].event_date == date(2026, 3, 12)


# ---- a bare weekday of an act agreed to

def test_an_agreement_to_meet_on_a_weekday_is_not_dated_to_the_past_weekday():
    body = ("Police in Nairobi dispersed a march by opposition supporters on Tuesday.\n\n"
            "A judge freed ten of the detainees, and the police chief has agreed to meet party officials on "
            "Monday to discuss routes. The opposition party has called a national day of protest.")
    meet = _ms(body, "en", "CONSULT")
    assert meet and meet[0].event_date == date(2026, 3, 16)
    called = [m for m in _ms(body, "en", "PROTEST") if m.trigger == "called"]
    assert called and called[0].event_date == date(2026, 3, 10)


def test_a_french_agreement_to_receive_on_a_weekday_does_not_move_the_story():
    body = ("La police a dispersé mardi une marche de l'opposition à Conakry.\n\n"
            "Le ministre guinéen de l'Intérieur a accepté de rencontrer lundi les dirigeants du parti. "
            "Le gouvernement a accusé l'opposition de préparer des violences.")
    agree = _ms(body, "fr", "AGREE")
    assert agree and agree[0].event_date == date(2026, 3, 10)
    accuse = _ms(body, "fr", "ACCUSE")
    assert accuse and accuse[0].event_date == date(2026, 3, 10)
