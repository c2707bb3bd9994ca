"""Date kinds of round 10 (dev3/dev5/dev6 error table): a strike or protest called for a day to come
("has called a general strike from next Monday", "called a day of protest for next Tuesday") is of
that day, not the call's. Invented sentences; the reference is a Friday (lundi 9, mardi 10, mercredi 11,
jeudi 12 March 2026)."""
from __future__ import annotations

from datetime import date

from extract_support import mentions_of

REF = date(2026, 3, 13)


def _ms(body, lang, etype=None, trigger=None):
    return mentions_of(body, lang, REF, etype, trigger)


# ---- a protest called for a day to come

def test_a_strike_called_from_next_monday_is_of_that_monday():
    body = ("Riot police in Lusaka broke up a rally of market traders on Tuesday.\n\n"
            "The Zambian dockworkers' union has called a general strike from next Monday. "
            "The government accused the union of sabotage.")
    called = _ms(body, "en", "PROTEST", "called")
    assert called and called[0].event_date == date(2026, 3, 16)
    accuse = _ms(body, "en", "ACCUSE")
    assert accuse and accuse[0].event_date == date(2026, 3, 10)  # the call moves the story nowhere


def test_a_day_of_protest_called_for_a_bare_weekday_is_the_coming_one():
    body = ("Police in Lusaka arrested twelve student leaders on Wednesday.\n\n"
            "The Zambian students' federation called a day of protest for Thursday.")
    called = _ms(body, "en", "PROTEST", "called")
    assert called and called[0].event_date == date(2026, 3, 19)


def test_a_strike_called_on_a_weekday_is_the_call_of_that_day():
    body = ("Police in Lusaka arrested twelve student leaders on Tuesday.\n\n"
            "The Zambian students' federation called a strike on Wednesday.")
    called = _ms(body, "en", "PROTEST", "called")
    assert called and called[0].event_date == date(2026, 3, 11)
