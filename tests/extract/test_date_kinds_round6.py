"""Date kinds that did not generalise to blind text (round 6): the stand-in reference of an undated
article, the days a story moves to and leaves, deadlines, announced acts. Invented sentences; the
reference is a Friday."""
from __future__ import annotations

from datetime import date

from extract_support import mentions_of

from pipeline.text.temporal import infer_reference_date

REF = date(2026, 3, 13)  # a Friday: lundi = 9, mardi = 10, mercredi = 11, jeudi = 12


def _ms(body, lang, etype=None, trigger=None, ref=REF):
    return mentions_of(body, lang, ref, etype, trigger)


# ---- the stand-in reference of an article with no date of its own

def test_the_inferred_reference_skips_a_date_announced_for_later():
    text = ("Le 3 février 2026, les deux ministres se sont rencontrés à Niamey. "
            "Une commission mixte doit se réunir à Abuja le 20 mars pour fixer le calendrier.")
    assert infer_reference_date(text, "fr") == date(2026, 2, 3)
    text = ("Ghana and Togo signed a customs protocol on 4 February 2026. "
            "The two governments will hold a review meeting on 30 April 2026 in Accra.")
    assert infer_reference_date(text, "en") == date(2026, 2, 4)


def test_the_inferred_reference_skips_a_no_later_than_deadline():
    text = ("Issued in Accra on 9 May 2026. The parties agreed that the troops shall leave the area "
            "no later than 30 June 2026.")
    assert infer_reference_date(text, "en") == date(2026, 5, 9)


def test_the_inferred_reference_keeps_an_announced_date_when_there_is_no_other():
    text = "Les deux présidents se rencontreront à Dakar le 20 mars 2026."
    assert infer_reference_date(text, "fr") == date(2026, 3, 20)


# ---- what moves the story and what does not

def test_a_participle_recalling_an_earlier_release_does_not_move_the_story():
    body = ("Les ministres du Pérou et de l'Équateur se sont réunis mercredi à Quito. "
            "Ils ont salué le retour des pêcheurs, intervenu le 2 mars. "
            "La partie péruvienne a demandé à l'Équateur une enquête sur l'incident.")
    ms = _ms(body, "fr", "REQUEST")
    assert ms and ms[0].event_date == date(2026, 3, 11)


def test_a_chronicle_in_the_present_continues_from_a_sentence_with_no_event():
    body = ("Le 2 février, les délégations des deux pays arrivent à Oyem. "
            "Le Gabon et le Cameroun signent un accord sur la pêche.")
    ms = _ms(body, "fr", "AGREE", ref=date(2026, 2, 20))
    assert ms and ms[0].event_date == date(2026, 2, 2)


def test_the_same_day_after_the_story_came_back_to_its_day_is_that_day():
    body = ("Ghana recalled its ambassador from Lomé on Thursday, a day after Ghanaian and Togolese troops "
            "exchanged fire near the border. The fighting broke out Wednesday near the village of Kpalimé. "
            "Ghana's parliament on Thursday accused Togo of arming smugglers. "
            "Togolese authorities closed the Aflao border crossing the same day.")
    ms = _ms(body, "en", trigger="closed")
    assert ms and ms[0].event_date == date(2026, 3, 12)


def test_a_simple_past_going_back_further_than_a_flashback_does_not_move_the_story():
    body = ("Estonia expelled two Russian diplomats on Thursday over a sabotage plot, the foreign ministry said. "
            "Estonia's security police had accused Moscow on Wednesday of directing the plot. "
            "Officers arrested three men on Tuesday near the port of Tallinn. "
            "Moscow rejected the accusations as a provocation.")
    ms = _ms(body, "en", "REJECT")
    assert ms and ms[0].event_date == date(2026, 3, 12)


def test_a_when_clause_after_a_year_is_dated_to_that_year():
    body = ("The clash between Ghana and Togo is the worst since 2011, when Ghanaian and Togolese troops fought a short border war.")
    ms = _ms(body, "en", trigger="fought")
    assert ms and ms[0].event_date is not None and ms[0].event_date.year == 2011
    body = ("La crise rappelle celle de 2014, lorsque la police congolaise avait expulsé des milliers de Rwandais.")
    ms = _ms(body, "fr", trigger="expulsé")
    assert ms and ms[0].event_date is not None and ms[0].event_date.year == 2014


def test_a_sentence_with_no_event_dated_by_an_anchor_at_its_end_moves_the_story():
    body = ("On Monday, Guatemala's foreign minister delivered a note of protest to the Belizean embassy. "
            "The answer from Belmopan came the following day. "
            "Belize's foreign ministry rejected the Guatemalan note.")
    ms = _ms(body, "en", "REJECT")
    assert ms and ms[0].event_date == date(2026, 3, 10)


# ---- deadlines ("by", "d'ici", "avant", "no later than")

def test_a_deadline_dates_the_act_to_come_and_a_past_by_day_the_act_done():
    body = "Le Niger libérera les six soldats béninois d'ici samedi, a annoncé jeudi le gouvernement nigérien."
    ms = _ms(body, "fr", trigger="libérera")
    assert ms and ms[0].status == "future" and ms[0].event_date == date(2026, 3, 14)
    body = "Niger will release the six Beninese soldiers by Saturday, the Nigerien government said on Thursday."
    ms = _ms(body, "en", trigger="release")
    assert ms and ms[0].status == "future" and ms[0].event_date == date(2026, 3, 14)
    body = ("The arrests took place on Saturday, and by Sunday President Bukele had demanded their release "
            "from Honduras.")
    ms = _ms(body, "en", "REQUEST")
    assert ms and ms[0].event_date == date(2026, 3, 8)


def test_the_deadline_of_a_pledged_act_does_not_date_the_pledge():
    body = ("Mercredi, le Cambodge et la Thaïlande se sont engagés à retirer leurs armes lourdes de la "
            "frontière d'ici lundi.")
    ms = [m for m in _ms(body, "fr", "AGREE") if m.status == "asserted"]
    assert ms and all(m.event_date == date(2026, 3, 11) for m in ms)


# ---- an announced act takes effect at its "from" date

def test_an_announced_closure_is_dated_when_it_takes_effect():
    body = ("Le gouvernement estonien a annoncé jeudi la fermeture du poste-frontière de Narva avec la Russie "
            "à partir du 20 mars.")
    ms = _ms(body, "fr", trigger="fermeture")
    assert ms and ms[0].event_date == date(2026, 3, 20)
    body = "Tallinn a annoncé jeudi la réouverture du poste-frontière avec la Russie dès samedi."
    ms = _ms(body, "fr", trigger="réouverture")
    assert ms and ms[0].event_date == date(2026, 3, 14)


def test_talks_named_with_a_contracted_definite_article_continue_the_story():
    body = ("Mercredi, le ministre gabonais des Affaires étrangères est arrivé à Yaoundé. Au terme des entretiens "
            "avec son homologue camerounais, il a annoncé la réouverture de la frontière.")
    ms = _ms(body, "fr", trigger="entretiens")
    assert ms and ms[0].event_date == date(2026, 3, 11)


# ---- expected and due: the coming weekday, an act to come

def test_an_envoy_expected_or_due_on_a_weekday_is_the_coming_one():
    body = "Kenya's foreign minister is due in Kampala on Sunday to discuss the border dispute with Ugandan officials."
    ms = _ms(body, "en", "CONSULT")
    assert ms and ms[0].status == "future" and ms[0].event_date == date(2026, 3, 15)
    body = "Ghana's president is expected in Lomé on Sunday to meet Togolese President Faure Gnassingbé."
    ms = _ms(body, "en", "CONSULT")
    assert ms and ms[0].event_date == date(2026, 3, 15)
    body = ("Le ministre malien des Affaires étrangères est attendu dimanche à Niamey pour discuter de la "
            "crise frontalière avec les autorités nigériennes.")
    ms = _ms(body, "fr", "CONSULT")
    assert ms and ms[0].status == "future" and ms[0].event_date == date(2026, 3, 15)


def test_talks_someone_is_invited_to_are_the_coming_weekday_not_the_invitation():
    body = "Kenya has invited Somalia to talks in Nairobi on Thursday."
    ms = _ms(body, "en", "REQUEST")
    assert ms and ms[0].event_date == REF  # the invitation: the day of writing, not the talks' Thursday
    body = "Malawi's Ministry of Labour has called the teachers' union to talks on Thursday."
    ms = _ms(body, "en", "CONSULT")
    assert ms and ms[0].event_date == date(2026, 3, 19)


# ---- one event, one date: a lead summing up what the body tells at the story's day

def test_an_undated_lead_takes_the_day_the_body_tells_it_at():
    body = ("Ghana and Togo have agreed to deploy a joint force along their border after an attack on a "
            "customs post. On Monday, Ghana's national security adviser met Togolese President Faure "
            "Gnassingbé in Lomé. The two sides agreed that a joint force would deploy to the border next week.")
    ms = [m for m in _ms(body, "en", "AGREE") if m.status == "asserted"]
    assert len(ms) == 2 and {m.event_date for m in ms} == {date(2026, 3, 9)}
