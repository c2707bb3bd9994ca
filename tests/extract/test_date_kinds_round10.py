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


# ---- an act the article dates elsewhere

def test_an_act_of_an_after_clause_takes_the_earlier_day_the_body_gives_it():
    body = ("Indonesia on Wednesday lodged a formal protest with Malaysia after a Malaysian patrol vessel rammed "
            "an Indonesian trawler off Borneo, the foreign ministry said.\n\n"
            "The trawler was rammed on Monday evening near Ambalat, according to local fishermen.")
    rammed = _ms(body, "en", "ASSAULT", "rammed")
    assert rammed and rammed[0].event_date == date(2026, 3, 9)
    protest = _ms(body, "en", "ACCUSE")
    assert protest and protest[0].event_date == date(2026, 3, 11)


def test_an_act_of_an_after_clause_the_body_does_not_date_keeps_the_main_clause_day():
    body = ("Indonesia on Wednesday lodged a formal protest with Malaysia after a Malaysian patrol vessel rammed "
            "an Indonesian trawler off Borneo, the foreign ministry said.\n\n"
            "Fishermen said the crew were unhurt.")
    rammed = _ms(body, "en", "ASSAULT", "rammed")
    assert rammed and rammed[0].event_date == date(2026, 3, 11)


def test_an_undated_act_of_the_lead_takes_the_day_the_body_gives_it():
    body = ("Gabon has recalled its ambassador from Yaounde after gunmen attacked a Gabonese border post, "
            "accusing Cameroon of negligence.\n\n"
            "The gunmen attacked the post at Eboro on Tuesday night, killing two customs officers, the "
            "interior ministry said.")
    attack = _ms(body, "en", "ASSAULT", "attacked")
    assert attack and attack[0].event_date == date(2026, 3, 10)
