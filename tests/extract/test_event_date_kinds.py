"""Which date an event takes, by kind of configuration (issue: dates that generalise). Invented
sentences; the reference is a Friday."""
from __future__ import annotations

from datetime import date

from pipeline.extract import extract_mentions
from pipeline.text.temporal import find_dates, infer_reference_date

REF = date(2026, 3, 13)  # a Friday: mardi = 10, mercredi = 11, jeudi = 12


def _ms(body, lang, etype=None, trigger=None):
    ms = extract_mentions("t", body, lang, REF)
    return [m for m in ms if (etype is None or m.event_type == etype) and (trigger is None or m.trigger == trigger)]


# ---- a date of an embedded clause is that clause's event's, not the governing event's

def test_a_later_date_in_an_infinitive_complement_dates_the_planned_act_not_the_agreement():
    body = ("Les ministres chilien et péruvien se sont rencontrés mardi à Lima. "
            "Ils sont convenus de réunir une commission mixte le 30 mars.")
    ms = _ms(body, "fr", "AGREE")
    assert ms and all(m.event_date == date(2026, 3, 10) for m in ms)  # the meeting's day, not 30 March


def test_a_coordinated_complement_keeps_its_month_to_itself():
    ms = _ms("Chile and Peru signed a trade accord on Tuesday and agreed to hold joint naval drills in May.",
             "en", "AGREE")
    assert ms and all(m.event_date == date(2026, 3, 10) for m in ms)


def test_a_weekday_in_a_reported_clause_with_its_own_subject_is_not_the_main_event_s():
    ms = _ms("Peruvian unions rejected the government's offer and said they would march again on Thursday.",
             "en", "REJECT")
    assert ms and ms[0].event_date != date(2026, 3, 12)


def test_a_weekday_the_parser_tags_as_a_verb_still_dates_the_coordinated_clause():
    ms = _ms("Une colonne de l'armée bolivienne a franchi la frontière dimanche et a ouvert le feu sur "
             "un poste péruvien.", "fr", "ASSAULT")
    assert ms and ms[0].event_date == date(2026, 3, 8)


# ---- the date of a noun is the date of what the noun names

def test_the_year_of_an_older_agreement_is_not_the_date_of_the_accusation():
    ms = _ms("Le Pérou a accusé la Bolivie de violer l'accord de cessez-le-feu de novembre 2024.", "fr", "ACCUSE")
    assert ms and ms[0].event_date == REF


def test_an_event_noun_takes_the_date_of_its_own_participial_clause():
    ms = _ms("Lima a levé jeudi les sanctions imposées en janvier à la Bolivie.", "fr", "SANCTION")
    assert ms and ms[0].event_date.month == 1 and ms[0].date_precision == "month"
    ms = _ms("Bolivia and Peru agreed on Wednesday to extend the ceasefire reached in January.", "en", trigger="ceasefire")
    assert ms and ms[0].event_date.month == 1


# ---- since / from

def test_a_since_elsewhere_in_the_clause_does_not_hide_the_clause_s_date():
    ms = _ms("Indian troops completed the withdrawal from the Chinese border on Tuesday, the first pullback "
             "since the 2020 agreement.", "en", "RETREAT")
    assert ms and ms[0].event_date == date(2026, 3, 10)


def test_an_ongoing_event_since_a_recent_day_is_dated_from_that_day():
    ms = _ms("Des agriculteurs péruviens bloquent depuis lundi les routes du nord du Pérou.", "fr", "PROTEST")
    assert ms and ms[0].event_date == date(2026, 3, 9)


def test_an_announced_act_is_dated_when_it_takes_effect():
    ms = _ms("La Chine a annoncé mercredi qu'elle imposerait des droits de douane sur les produits japonais "
             "à partir du 1er avril.", "fr", "SANCTION")
    assert ms and ms[0].status == "future" and ms[0].event_date == date(2026, 4, 1)
    dm = [m for m in find_dates("tariffs starting May 1", REF, "en")]
    assert dm and "from" in dm[0].notes


# ---- the reference of an undated article; older events of the same kind

def test_a_deadline_is_not_taken_as_the_publication_date():
    text = ("Le Pérou et la Bolivie ont signé le 14 avril 2026 un accord frontalier. "
            "Lima retirera ses soldats d'ici le 30 juin.")
    assert infer_reference_date(text, "fr") == date(2026, 4, 14)


def test_an_undated_agreement_after_an_older_dated_one_continues_the_story():
    body = ("Le Pérou et la Bolivie avaient signé un accord frontalier en mars 2025. "
            "Lundi, le Pérou a retiré ses troupes de la frontière bolivienne. Le lendemain, les présidents péruvien et bolivien se sont rencontrés à La Paz. "
            "Les deux chefs d'État ont signé un accord sur l'eau.")
    ms = _ms(body, "fr", trigger="signé")
    assert [m.event_date for m in ms] == [date(2025, 3, 16), date(2026, 3, 10)]
