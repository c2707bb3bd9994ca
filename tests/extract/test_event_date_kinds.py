"""Which date an event takes, by kind of configuration (issue: dates that generalise). Invented
sentences; the reference is a Friday."""
from __future__ import annotations

from datetime import date

import pytest
from extract_support import mentions_of

from pipeline.text.temporal import discourse_anchors, find_dates, infer_reference_date

REF = date(2026, 3, 13)  # a Friday: mardi = 10, mercredi = 11, jeudi = 12


def _ms(body, lang, etype=None, trigger=None):
    return mentions_of(body, lang, REF, etype, trigger)


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
    ms = _ms("Lima a levé jeudi les sanctions contre la Bolivie imposées en janvier.", "fr", "SANCTION")
    assert ms and ms[0].event_date.month == 1 and ms[0].date_precision == "month"
    ms = _ms("Bolivia agreed on Wednesday to extend the ceasefire with Peru reached in January.", "en", trigger="ceasefire")
    assert ms and ms[0].event_date.month == 1


# ---- since / from

def test_a_since_elsewhere_in_the_clause_does_not_hide_the_clause_s_date():
    ms = _ms("Indian troops completed the withdrawal from the border with China on Tuesday, the first pullback "
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


# ---- expressions: seasons, shifted months, parts of a named month, day ranges, counted anchors

@pytest.mark.parametrize("text, lang, mid, future", [
    ("Les combats ont repris à l'automne 2025.", "fr", date(2025, 11, 6), False),
    ("L'accord a été signé l'été dernier.", "fr", date(2025, 8, 6), False),
    ("Des élections auront lieu cet été.", "fr", date(2026, 8, 6), True),
    ("The talks collapsed in the fall of 2024.", "en", date(2024, 11, 6), False),
    ("The army withdrew last summer.", "en", date(2025, 8, 6), False),
    ("Flooding hit the region in the spring.", "en", date(2025, 5, 5), False),
])
def test_a_season_is_dated_by_its_middle(text, lang, mid, future):
    ms = [m for m in find_dates(text, REF, lang) if "season" in m.notes]
    assert len(ms) == 1 and ms[0].midpoint() == mid and ms[0].precision == "month"
    assert ("future" in ms[0].notes) == future


def test_a_participle_or_a_verb_is_not_a_season():
    assert find_dates("Il a été arrêté. Prices fall. The Arab Spring and the fall of the regime.", REF, "fr") == []


@pytest.mark.parametrize("text, lang, value", [
    ("Le traité a été signé en janvier dernier.", "fr", date(2026, 1, 1)),
    ("Le sommet aura lieu en février prochain.", "fr", date(2027, 2, 1)),
    ("The border was closed last May.", "en", date(2025, 5, 1)),
    ("The vote is due next January.", "en", date(2027, 1, 1)),
])
def test_a_month_shifted_from_the_reference(text, lang, value):
    m = find_dates(text, REF, lang)
    assert [(x.value, x.precision) for x in m] == [(value, "month")]


def test_a_part_of_a_named_month_written_with_mois():
    m = find_dates("Les soldats sont arrivés à la fin du mois de février.", REF, "fr")
    assert [(x.value, x.precision, "late" in x.notes) for x in m] == [(date(2026, 2, 25), "month", True)]


def test_a_day_range_introduced_by_entre():
    m = find_dates("Des manifestations ont eu lieu entre le 3 et le 5 mars.", REF, "fr")
    assert [(x.value, x.notes[-1]) for x in m] == [(date(2026, 3, 3), "range_end:2026-03-05")]


@pytest.mark.parametrize("text, offset, precision", [
    ("Quarante-huit heures plus tard, Lima a cédé.", 2, "day"),
    ("48 hours later, Quito gave in.", 2, "day"),
    ("Quelques heures plus tard, la police est intervenue.", 0, "day"),
    ("Le surlendemain, les deux pays ont signé.", 2, "day"),
    ("L'avant-veille, ils s'étaient rencontrés.", -2, "day"),
    ("Trois jours auparavant, Lima avait protesté.", -3, "day"),
    ("The following morning, police moved in.", 1, "day"),
    ("The previous evening, the ministers had met.", -1, "day"),
    ("Deux mois plus tard, le Pérou a rouvert la frontière.", 60, "month"),
])
def test_counted_and_named_anchors(text, offset, precision):
    found = discourse_anchors(text)
    assert [(a[2], a[4]) for a in found] == [(offset, precision)]


def test_months_after_an_event_date_it_months_before_the_clause():
    body = ("Niger freed five Beninese workers on Wednesday, seven months after they were arrested "
            "at the border by Nigerien soldiers.")
    ms = _ms(body, "en", "COERCE")
    assert ms and abs((ms[0].event_date - date(2025, 8, 11)).days) <= 16 and ms[0].date_precision == "month"


# ---- discourse: relational anchors, possessive objects, announced acts

def test_the_eve_of_an_event_dated_by_its_relative_clause_and_the_same_day_after_it():
    body = ("Peru's president hosted the Andean summit, which opened on Wednesday in Lima. "
            "On the eve of the summit, Peru accused Bolivia of smuggling arms. "
            "Bolivia rejected the accusation the same day.")
    assert _ms(body, "en", "ACCUSE")[0].event_date == date(2026, 3, 10)
    assert _ms(body, "en", "REJECT")[0].event_date == date(2026, 3, 10)


def test_an_object_noun_with_the_subject_s_possessive_is_the_clause_s_act():
    body = ("Jeudi, le président péruvien a reçu son homologue bolivien à Lima. "
            "La veille, le Chili avait réaffirmé son soutien au Pérou.")
    ms = _ms(body, "fr", "SUPPORT")
    assert ms and ms[0].event_date == date(2026, 3, 11)


def test_an_undated_act_decided_in_the_story_takes_the_decision_s_date():
    body = ("Le président péruvien et son homologue bolivien se sont parlé mercredi au téléphone. "
            "Les deux dirigeants ont décidé d'organiser des patrouilles conjointes le long de la frontière.")
    ms = [m for m in _ms(body, "fr") if m.status == "future"]
    assert ms and all(m.event_date == date(2026, 3, 11) for m in ms)


def test_an_indefinite_event_noun_object_is_the_act_its_clause_dates():
    body = ("Mardi, le Pérou a rappelé son ambassadeur en Bolivie. "
            "Le lendemain, les avocats péruviens ont observé une grève à Lima.")
    ms = _ms(body, "fr", "PROTEST")
    assert ms and ms[0].event_date == date(2026, 3, 11)


def test_a_future_act_s_own_date_leaves_the_announcement_s_day_to_the_story():
    body = ("La Chine a annoncé mercredi qu'elle imposerait des droits de douane sur les produits japonais "
            "à partir du 1er avril. Le ministère chinois a accusé Tokyo de saboter la coopération.")
    assert _ms(body, "fr", "ACCUSE")[0].event_date == date(2026, 3, 11)


def test_an_anchor_in_a_pluperfect_clause_does_not_move_the_story():
    body = ("Le Pérou et la Bolivie ont signé jeudi un accord à La Paz. Le président péruvien était arrivé la "
            "veille dans la capitale, où il a été accueilli par son homologue. "
            "La Bolivie a accepté d'ouvrir sa frontière aux camions péruviens.")
    assert _ms(body, "fr", trigger="accepté")[0].event_date == date(2026, 3, 12)


def test_a_weekday_of_a_governing_future_clause_does_not_date_an_asserted_act():
    body = ("Peruvian teachers rejected the government's offer on Wednesday and said they would walk out again "
            "on Thursday, demanding the resignation of the education minister.")
    assert _ms(body, "en", "REQUEST")[0].event_date == date(2026, 3, 11)


def test_a_date_the_parser_hangs_on_a_parenthetical_source_dates_the_reported_act():
    body = ("Peruvian aircraft struck a rebel camp near the Bolivian border on Saturday night, the Bolivian news "
            "agency ABI reported, only days after the two ministers met in Lima.")
    assert _ms(body, "en", "ASSAULT")[0].event_date == date(2026, 3, 7)


# ---- "le même jour" counts from the last dated event told in the clause's tense

def test_the_same_day_after_an_old_dated_event_is_that_old_day():
    body = ("Le 14 janvier 2025, l'armée bolivienne a bombardé un village péruvien. "
            "Le même jour, le Pérou a rappelé son ambassadeur à La Paz.")
    assert _ms(body, "fr", "SANCTION")[0].event_date == date(2025, 1, 14)


def test_the_same_day_in_a_present_perfect_clause_skips_a_pluperfect_flashback():
    body = ("Jeudi, le Pérou a accusé la Bolivie de préparer une invasion. La veille, la Bolivie avait décrété "
            "la mobilisation générale. Le président bolivien a démenti le même jour toute intention belliqueuse.")
    assert _ms(body, "fr", "MOBILIZE")[0].event_date == date(2026, 3, 11)
    assert _ms(body, "fr", "REJECT")[0].event_date == date(2026, 3, 12)


def test_the_day_after_an_announced_date_in_an_announcement():
    body = ("Le président péruvien se rendra à La Paz le 20 mars. "
            "Le lendemain, il rencontrera son homologue bolivien à Sucre.")
    ms = [m for m in _ms(body, "fr", "CONSULT") if m.trigger == "rencontrera"]
    assert ms and ms[0].event_date == date(2026, 3, 21)


@pytest.mark.parametrize("text, lang, value", [
    ("Des drones ont frappé le port dans la nuit du 3 au 4 mars.", "fr", date(2026, 3, 4)),
    ("Les tirs ont repris dans la nuit du 10 au 11.", "fr", date(2026, 3, 11)),
    ("Shelling resumed on the night of March 3 to 4.", "en", date(2026, 3, 4)),
    ("The talks resumed on the 21st.", "en", date(2026, 2, 21)),
    ("The talks resumed on the 3rd.", "en", date(2026, 3, 3)),
    ("La commission se réunira le 20 courant.", "fr", date(2026, 3, 20)),
])
def test_nights_between_numbered_days_and_days_written_alone(text, lang, value):
    assert [m.value for m in find_dates(text, REF, lang)] == [value]


def test_n_days_earlier_counts_from_the_story_not_from_the_publication():
    assert find_dates("Two days earlier, Quito had protested.", REF, "en") == []
    body = ("Peru recalled its ambassador to Bolivia on Monday. "
            "Three days earlier, Bolivia had expelled two Peruvian diplomats.")
    ms = [m for m in _ms(body, "en") if m.event_type in ("SANCTION", "COERCE") and m.actor[0].country == "BOL"]
    assert ms and ms[0].event_date == date(2026, 3, 6)
    assert [(a[2], a[4]) for a in discourse_anchors("Deux ans plus tard, Lima a cédé.")] == [(730, "year")]


def test_a_simple_present_states_what_holds_at_publication_not_a_story_event():
    body = ("Mardi, la marine bolivienne a arraisonné un chalutier péruvien sur le lac Titicaca. "
            "Lima exige la libération immédiate des pêcheurs péruviens.")
    ms = _ms(body, "fr", "REQUEST")
    assert ms and ms[0].event_date == REF
