"""Date kinds of round 8 (dev7 error table): a chronicle whose entries open with a date heading and
tell their events in the present, a later coordinated clause with a date of its own no event took
("walked out on Monday, and this morning they are camping..."), a report's day given after the act
it tells when the story has dated nothing yet, a "since" date that starts a state (no day the story
reaches). Invented sentences; the reference is a Friday
(lundi 9, mardi 10, mercredi 11, jeudi 12 March 2026)."""
from __future__ import annotations

from datetime import date

from extract_support import mentions_of

REF = date(2026, 3, 13)


def _ms(body, lang, etype=None, trigger=None):
    return mentions_of(body, lang, REF, etype, trigger)


# ---- a chronicle: a date heading, then its events in the present

def test_a_french_chronicle_entry_dates_the_present_events_after_its_heading():
    body = ("Mardi 10 mars 2026. Des milliers d'agriculteurs manifestent devant la préfecture de Lyon.\n\n"
            "Jeudi 12 mars 2026. Le Premier ministre reçoit une délégation des syndicats agricoles à Matignon.")
    protest = _ms(body, "fr", "PROTEST")
    assert protest and protest[0].event_date == date(2026, 3, 10)
    meeting = _ms(body, "fr", "CONSULT")
    assert meeting and meeting[0].event_date == date(2026, 3, 12)


def test_an_english_chronicle_entry_dates_the_present_events_after_its_heading():
    body = ("Tuesday 10 March 2026. Thousands of farmers protest outside the parliament in Lima.\n\n"
            "Thursday 12 March 2026. President Jerí receives a delegation of farm unions at the palace.")
    protest = _ms(body, "en", "PROTEST")
    assert protest and protest[0].event_date == date(2026, 3, 10)
    meeting = _ms(body, "en", "CONSULT")
    assert meeting and meeting[0].event_date == date(2026, 3, 12)


def test_a_present_event_without_a_heading_stays_of_the_day_of_writing():
    body = ("Des agriculteurs ont bloqué mardi 10 mars l'autoroute près de Lyon. "
            "Le Premier ministre reçoit une délégation des syndicats agricoles.")
    meeting = _ms(body, "fr", "CONSULT")
    assert meeting and meeting[0].event_date == REF


# ---- a later coordinated clause dated by a date no event took

def test_a_coordinated_clause_dated_this_morning_brings_the_story_back_to_today():
    body = ("Nurses at the main hospitals of Accra went on strike on Monday, and this morning they are camping "
            "outside the health ministry. The Ghanaian government has accused the union of endangering patients.")
    strike = _ms(body, "en", "PROTEST")
    assert strike and strike[0].event_date == date(2026, 3, 9)
    accuse = _ms(body, "en", "ACCUSE")
    assert accuse and accuse[0].event_date == REF


def test_a_postposed_report_day_does_not_move_the_story():
    body = ("Les ministres chilien et bolivien des Affaires étrangères se sont rencontrés mardi à Arica, a annoncé "
            "jeudi la présidence chilienne. Ils ont signé un protocole sur le transit des camions.")
    signed = _ms(body, "fr", "AGREE")
    assert signed and signed[0].event_date == date(2026, 3, 10)


# ---- a report's day after the act, when the story has dated nothing yet

def test_a_lead_act_takes_the_day_of_the_report_that_follows_it():
    body = ("Chile expelled Bolivia's consul in Arica, the foreign ministry said Tuesday, in a row over truck "
            "blockades at the border.")
    ms = _ms(body, "en", "SANCTION")
    assert ms and ms[0].event_date == date(2026, 3, 10)


def test_a_report_day_after_an_act_the_story_dated_is_not_the_act_s():
    body = ("Bolivian truckers blocked the Chungará pass on Monday. Chilean police arrested 40 Bolivian drivers "
            "during the day, the Chilean interior ministry said on Wednesday.")
    ms = _ms(body, "en", "COERCE")
    assert ms and ms[0].event_date == date(2026, 3, 9)


# ---- a "since" date taken as the start of a state does not move the story

def test_an_event_after_a_state_since_monday_is_not_dated_to_monday():
    body = ("Des chauffeurs de taxi sénégalais manifestent depuis lundi devant l'aéroport de Dakar. "
            "La police sénégalaise a interpellé vingt chauffeurs à Dakar.")
    protest = _ms(body, "fr", "PROTEST")
    assert protest and protest[0].event_date == date(2026, 3, 9)
    arrest = _ms(body, "fr", "COERCE")
    assert arrest and arrest[0].event_date == REF


def test_an_english_event_after_a_protest_since_monday_is_of_the_day_of_writing():
    body = ("Truck drivers in Bolivia have been protesting since Monday against fuel shortages. "
            "Bolivian police arrested twenty drivers in La Paz.")
    arrest = _ms(body, "en", "COERCE")
    assert arrest and arrest[0].event_date == REF
