"""Date kinds of round 14 (dev6 EN error table). Invented sentences; the reference is a Friday
(lundi 9, mardi 10, mercredi 11, jeudi 12 March 2026)."""
from __future__ import annotations

from datetime import date

from extract_support import mentions_of

REF = date(2026, 3, 13)


def _ms(body, lang, etype=None, trigger=None):
    return mentions_of(body, lang, REF, etype, trigger)


# ---- a bare act told alone takes the day of the attribution the next sentence gives it

def test_a_bare_act_takes_the_day_of_the_next_sentences_attribution():
    body = ("Bolivia expelled two Chilean diplomats on Tuesday over the seizure of a truck convoy at the "
            "Pisiga crossing.\n\n"
            "Santiago rejected the accusation. A Chilean government spokeswoman said on Wednesday that the "
            "convoy had been stopped on Chilean soil.")
    rejected = _ms(body, "en", trigger="rejected")
    assert rejected and rejected[0].event_date == date(2026, 3, 11)


def test_a_bare_act_followed_by_an_undated_attribution_continues_the_story():
    body = ("Bolivia expelled two Chilean diplomats on Tuesday over the seizure of a truck convoy at the "
            "Pisiga crossing.\n\n"
            "Santiago rejected the accusation. A Chilean government spokeswoman said the convoy had been "
            "stopped on Chilean soil.")
    rejected = _ms(body, "en", trigger="rejected")
    assert rejected and rejected[0].event_date == date(2026, 3, 10)


def test_a_bare_french_act_takes_the_day_of_the_next_sentences_attribution():
    body = ("Le Pérou a rappelé mardi son ambassadeur en Équateur après l'arraisonnement d'un chalutier.\n\n"
            "Quito a démenti l'incident. Un porte-parole du gouvernement équatorien a déclaré mercredi que "
            "le chalutier pêchait dans les eaux équatoriennes.")
    denied = _ms(body, "fr", trigger="démenti")
    assert denied and denied[0].event_date == date(2026, 3, 11)


# ---- "on that date" / "à cette date" is the last day date the text gave, one to come included

def test_on_that_date_is_the_last_day_the_text_gave():
    body = ("Armenia and Georgia agreed on Tuesday to reopen the Bagratashen crossing to lorries from "
            "20 March. Georgia undertook to withdraw its extra customs checks on that date.")
    withdrawn = _ms(body, "en", trigger="withdraw")
    assert withdrawn and withdrawn[0].event_date == date(2026, 3, 20)
