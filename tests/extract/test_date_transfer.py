"""Date kinds that did not transfer to unseen material (dev3 error table): the story's reference
for "le lendemain" / "the same day", explicit dates the parse hangs elsewhere, announced acts, a
past act and a later period, an earlier clause and a later explicit mention. Invented sentences; the
reference is a Friday (lundi 9, mardi 10, mercredi 11, jeudi 12 March 2026)."""
from __future__ import annotations

from datetime import date, timedelta

from extract_support import mentions_of

from pipeline.text.temporal import find_dates

REF = date(2026, 3, 13)


def _ms(body, lang, etype=None, trigger=None):
    return mentions_of(body, lang, REF, etype, trigger)


# ---- consolidation: an earlier clause of the story does not take a later explicit date

def test_a_clause_the_story_placed_earlier_keeps_its_day_against_the_lead():
    body = ("Le Japon et la Corée du Sud ont conclu mardi un accord sur la pêche. Lundi, le ministre japonais "
            "s'est entretenu au téléphone avec son homologue sud-coréen, et les deux hommes sont convenus de "
            "réunir leurs experts à Busan.")
    ms = _ms(body, "fr", "AGREE", "convenus")
    assert ms and ms[0].event_date == date(2026, 3, 9)
    lead = _ms(body, "fr", "AGREE", "conclu")
    assert lead and lead[0].event_date == date(2026, 3, 10)


# ---- discourse anchors: what they count from

def test_a_sentence_opening_with_le_lendemain_moves_the_story_even_without_an_event():
    body = ("Mardi, la police sud-coréenne a interpellé vingt militants japonais à Séoul. Le lendemain, le "
            "ministre de l'Intérieur a présenté un bilan des violences. Tokyo a condamné dans la soirée ces "
            "arrestations.")
    ms = _ms(body, "fr", "ACCUSE")
    assert ms and ms[0].event_date == date(2026, 3, 11)


def test_the_same_day_after_a_relational_anchor_is_the_day_of_the_event_it_dated():
    body = ("On Thursday, Japanese and Korean coast guards exchanged fire near the islets. The clash came a day "
            "after Japan demanded that Seoul release the detained fishermen. South Korea rejected the demand "
            "the same day.")
    ms = _ms(body, "en", "REJECT")
    assert ms and ms[0].event_date == date(2026, 3, 11)


def test_the_same_day_after_a_backgrounded_participle_stays_with_the_main_event():
    body = ("Japan lodged a protest with the Korean embassy on Thursday. The drill, held the day before near "
            "the islets, was a provocation, the ministry said. Seoul rejected the protest the same day.")
    ms = _ms(body, "en", "REJECT")
    assert ms and ms[0].event_date == date(2026, 3, 12)


# ---- explicit dates the parse hangs on another clause

def test_a_weekday_after_a_naming_clause_dates_the_main_verb():
    ms = _ms('South Korea\'s foreign minister rejected what he called "Japanese lies" on Wednesday, and '
             "accused Tokyo of provocations.", "en", "REJECT")
    assert ms and ms[0].event_date == date(2026, 3, 11)


def test_a_weekday_stranded_by_quotes_next_to_the_verb_is_its_date():
    ms = _ms("Tokyo a accusé Séoul. Séoul a « fermement rejeté » mercredi ces accusations « infondées », et "
             "affirmé ne soutenir aucune partie.", "fr", "REJECT")
    assert ms and ms[0].event_date == date(2026, 3, 11)


# ---- announced acts and later periods

def test_a_month_after_an_elided_preposition_is_a_date():
    for text, lang in (("à partir d'octobre", "fr"), ("à partir d’octobre", "fr"), ("au mois d'août", "fr"),
                       ("from October", "en")):
        dms = find_dates(text, REF, lang)
        assert dms and dms[0].value.month in (8, 10) and dms[0].precision == "month", text
    assert find_dates("à partir d'octobre", REF, "fr")[0].notes.count("from") == 1
    assert not find_dates("from may", REF, "en")


def test_a_french_future_the_tagger_reads_as_present_is_announced_with_the_coming_month():
    ms = _ms("Le Japon et la Corée du Sud mèneront des exercices navals conjoints à partir d'octobre.", "fr",
             "COOPERATE")
    assert ms and ms[0].status == "future"
    assert ms[0].event_date.year == 2026 and ms[0].event_date.month == 10


def test_a_past_act_does_not_take_the_later_period_of_what_it_provides_for():
    ms = _ms("Le Japon et la Corée du Sud ont signé un protocole sur des patrouilles mixtes, « dès le début du "
             "mois d'avril », selon un communiqué conjoint.", "fr", "AGREE")
    assert ms and ms[0].event_date <= REF


def test_the_coming_weeks_and_days_are_dates_ahead_of_the_reference():
    for text, lang, days in (("dans les prochaines semaines", "fr", 21), ("in the coming weeks", "en", 21),
                             ("dans les prochains jours", "fr", 3), ("over the next few days", "en", 3)):
        dms = find_dates(text, REF, lang)
        assert dms and "future" in dms[0].notes, text
        assert abs((dms[0].midpoint() - REF).days - days) <= 3, text


def test_a_relative_clause_of_the_event_noun_dates_the_announced_act():
    ms = _ms("Le Japon et la Corée du Sud ont conclu mardi un accord prévoyant des patrouilles conjointes, qui "
             "doivent débuter dans les prochaines semaines.", "fr", "COOPERATE")
    assert ms and ms[0].status == "future" and ms[0].event_date > REF + timedelta(days=7)


# ---- undated mentions: the story's day, the announced event's day

def test_an_event_noun_with_a_possessive_continues_the_story():
    ms = _ms("Lundi, le Premier ministre japonais est arrivé à Séoul pour une visite de deux jours. Au terme de "
             "son entretien avec son homologue sud-coréen, les deux dirigeants ont signé un accord sur la pêche.",
             "fr", "CONSULT", "entretien")
    assert ms and ms[0].event_date == date(2026, 3, 9)


def test_the_announced_meeting_named_again_takes_its_announced_day():
    ms = _ms("Les ministres japonais et sud-coréen se rencontreront le 20 mars à Pékin. La Chine, qui "
             "accueillera la rencontre, a salué cette décision.", "fr", "CONSULT", "rencontre")
    assert ms and ms[0].event_date == date(2026, 3, 20)


def test_this_year_counting_meetings_gives_way_to_the_story_s_day():
    ms = _ms("On Wednesday, the Japanese prime minister arrived in Seoul. He met South Korean President Lee "
             "Jae-myung for two hours, the third meeting between the two leaders this year.", "en", "CONSULT")
    assert ms and all(m.event_date == date(2026, 3, 11) and m.date_precision == "day" for m in ms)


# ---- the lead: a dateline is not the day of the events it sums up; the body retells them

_WIRE = ("NAIROBI, March 13 (AFP) - Kenya has closed its border with Tanzania and deployed troops along the "
         "frontier, accusing Dodoma of sheltering rebels.\n\nOn Wednesday, a Kenyan government spokesman accused "
         "Tanzania of arming the insurgents. The Kenyan army sent two battalions to the frontier on Thursday.\n\n"
         "The border was already closed in 2015 after Kenya accused Tanzania of backing a coup.")


def test_a_dateline_is_not_a_date_of_the_story():
    from pipeline.extract.article_dates import _dates_for_article

    texts = [dm.text for dm in _dates_for_article(_WIRE, REF, "en")]
    assert "March 13" not in texts and "Wednesday" in texts
    assert [dm.text for dm in _dates_for_article("Téhéran, 12 mars (Agence) – L'Iran a protesté mardi.", REF, "fr")] \
        == ["mardi"]


def test_lead_events_take_the_days_the_body_retells_them_with_not_a_background_year():
    lead = {m.event_type: m for m in _ms(_WIRE, "en") if m.sentence_index == 0}
    assert lead["ACCUSE"].event_date == date(2026, 3, 11)
    assert lead["MOBILIZE"].event_date == date(2026, 3, 12)


def test_a_postposed_report_date_is_not_the_day_of_a_simple_past_act_the_story_dated():
    ms = _ms("On Tuesday, thousands of opposition supporters marched in Seoul. Police rounded up at least 84 people "
             "during the day, the prosecutor's office said on Wednesday.", "en", "COERCE")
    assert ms and ms[0].event_date == date(2026, 3, 10)
