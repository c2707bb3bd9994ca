"""Which day the story is at when an event gives none of its own, by kind: background clauses,
live-blog entries, a chronicle in the present, "ce jour-là", announced weekdays, and which
mention of the same kind an undated one may take its date from. Invented sentences; the
reference is a Friday."""
from __future__ import annotations

from datetime import date

from extract_support import mentions_of

from pipeline.text.temporal import find_dates

REF = date(2026, 3, 13)  # a Friday: lundi = 9, mardi = 10, mercredi = 11, jeudi = 12


def _ms(body, lang, etype=None, trigger=None):
    return mentions_of(body, lang, REF, etype, trigger)


# ---- an undated mention and the explicit mentions of the same kind

def test_an_act_told_as_done_does_not_take_the_date_of_an_announced_one():
    body = ("The foreign ministers of Chile and Argentina discussed fishing quotas in Santiago. "
            "The two ministers will meet again in Buenos Aires in the first half of 2027.")
    ms = _ms(body, "en", trigger="discussed")
    assert ms and ms[0].event_date == REF


def test_an_agreement_does_not_take_the_year_of_an_older_treaty_named_after_it():
    body = ("Jeudi, le Premier ministre chilien a joint son homologue péruvien par téléphone. "
            "Les deux chefs de gouvernement sont convenus de réunir la commission mixte des pêches, dont "
            "l'accord de 2015 fixe les quotas.")
    ms = _ms(body, "fr", trigger="convenus")
    assert ms and ms[0].event_date == date(2026, 3, 12)


def test_a_new_accusation_once_the_story_has_moved_on_is_not_the_older_participle():
    body = ("Mardi, la marine chilienne a arraisonné trois chalutiers péruviens, accusés de pêcher sans licence. "
            "Mercredi, Lima a convoqué l'ambassadeur du Chili. "
            "Le ministre chilien de la Pêche a accusé les armateurs péruviens de piller les stocks d'anchois.")
    ms = _ms(body, "fr", trigger="accusé")
    assert ms and ms[0].event_date == date(2026, 3, 11)


# ---- a date of a clause describing a noun, or of an earlier cause, does not move the story

def test_the_date_of_a_participle_describing_a_noun_does_not_move_the_story():
    body = ("Le ministère péruvien de la Défense a accusé jeudi la Bolivie d'avoir envoyé un drone abattu mardi "
            "près de Puno. La Paz a démenti toute incursion.")
    ms = _ms(body, "fr", "REJECT")
    assert ms and ms[0].event_date == date(2026, 3, 12)


def test_the_date_of_an_after_clause_does_not_move_the_story():
    body = ("On Wednesday, Chile closed its border crossings with Bolivia. "
            "The decision came after Bolivian police arrested two Chilean truck drivers in Oruro on Monday. "
            "Bolivia rejected the Chilean protest.")
    ms = _ms(body, "en", "REJECT")
    assert ms and ms[0].event_date == date(2026, 3, 11)


# ---- live blogs, chronicles in the present

def test_each_live_blog_entry_starts_again_from_the_day_of_writing():
    body = ("09:10 — Peruvian and Bolivian troops exchanged fire near Desaguadero yesterday evening, "
            "the Peruvian army said.\n\n"
            "10:25 — Chile, whose truckers are stranded at the border, welcomed Peru's decision to open a corridor.")
    ms = _ms(body, "en", trigger="welcomed")
    assert ms and ms[0].event_date == REF


def test_an_undated_act_in_a_chronicle_told_in_the_present_continues_its_day():
    body = ("Le 3 mars, lors d'une visite à Lima, le ministre chilien des Affaires étrangères rencontre son "
            "homologue péruvien. Les deux ministres conviennent de créer une commission conjointe sur les pêches.")
    ms = _ms(body, "fr", trigger="conviennent")
    assert ms and ms[0].event_date == date(2026, 3, 3)


# ---- what an anchor counts from

def test_ce_jour_la_refers_to_the_day_a_since_phrase_named():
    body = ("La ville péruvienne de Tacna vit depuis mercredi au rythme des convois militaires. "
            "Ce jour-là, des soldats boliviens ont attaqué un poste de police péruvien.")
    ms = _ms(body, "fr", "ASSAULT")
    assert ms and ms[0].event_date == date(2026, 3, 11)


def test_the_same_day_refers_to_a_day_its_own_sentence_gave_before_it():
    body = ("Mercredi, la Bolivie a fermé sa frontière avec le Chili. "
            "Le Pérou a proposé jeudi sa médiation, et le président péruvien s'est entretenu le même jour "
            "avec son homologue bolivien.")
    ms = _ms(body, "fr", trigger="entretenu")
    assert ms and ms[0].event_date == date(2026, 3, 12)


def test_an_announced_weekday_does_not_take_the_story_back():
    body = ("Mercredi, des milliers d'enseignants boliviens ont manifesté à La Paz. "
            "Une nouvelle rencontre avec le ministère est prévue lundi. "
            "Le syndicat bolivien des enseignants a exhorté le gouvernement à négocier.")
    ms = _ms(body, "fr", "REQUEST")
    assert ms and all(m.event_date == date(2026, 3, 11) for m in ms)


# ---- a deictic day word with its weekday

def test_a_weekday_in_apposition_to_demain_or_hier_is_that_day():
    dms = find_dates("Demain vendredi, les deux présidents doivent se retrouver à Arica.", date(2026, 3, 12), "fr")
    assert [(d.text, d.value) for d in dms] == [("Demain vendredi", date(2026, 3, 13))]
    dms = find_dates("Yesterday, Tuesday, the two navies held a joint drill.", date(2026, 3, 11), "en")
    assert [(d.text, d.value) for d in dms] == [("Yesterday, Tuesday", date(2026, 3, 10))]
    dms = find_dates("Hier mercredi, la police a dispersé les manifestants.", date(2026, 3, 11), "fr")
    assert dms[0].value == date(2026, 3, 10) and "weekday_mismatch" in dms[0].notes


# ---- a date of a noun the clause is about is that noun's

def test_the_date_of_a_condemned_attack_is_not_the_condemnation_s():
    body = ("Mercredi, le ministre péruvien des Affaires étrangères a rencontré son homologue chilien à Santiago. "
            "Le Chili et le Pérou ont reproché à la Bolivie l'attaque perpétrée le 3 mars contre un marché de Tacna. "
            "Le Chili et le Pérou ont signé un mémorandum sur les pêches.")
    # (the condemnation names its target: two countries acting together are not each other's target)
    for trigger in ("reproché", "signé"):
        ms = _ms(body, "fr", trigger=trigger)
        assert ms and ms[0].event_date == date(2026, 3, 11)


def test_dates_of_someone_s_act_named_in_a_complement_do_not_date_the_thanks():
    body = ("On Thursday, the foreign ministers of Chile and Peru signed a fisheries accord in Lima. "
            "The Chilean minister thanked Peru for its cooperation in rescuing 40 Chilean sailors last month, "
            "and for Peru's decision on Monday to release two detained trawlers. "
            "The two ministers also called on Bolivia to reopen its border.")
    ms = _ms(body, "en", trigger="thanked")
    assert ms and ms[0].event_date == date(2026, 3, 12)
    ms = _ms(body, "en", trigger="called")
    assert ms and ms[0].event_date == date(2026, 3, 12)


# ---- "at the time", and a story gone back to last week

def test_at_the_time_is_the_time_of_the_last_date_given_whatever_its_precision():
    body = ("On Thursday, Chile and Peru signed a fisheries accord in Lima. "
            "In early February, Peru's fisheries minister accused Chilean trawlers of overfishing anchovy. "
            "Santiago denied the accusation at the time, blaming warm currents.")
    ms = _ms(body, "en", "REJECT")
    assert ms and ms[0].event_date.month == 2 and ms[0].date_precision == "month"
    body = ("Jeudi, le Chili et le Pérou ont signé un accord sur les pêches. En février, le ministre péruvien "
            "a accusé les chalutiers chiliens de pêche illégale. Santiago a démenti à l'époque ces accusations.")
    ms = _ms(body, "fr", "REJECT")
    assert ms and ms[0].event_date.month == 2


def test_undated_acts_after_last_week_s_main_clause_stay_in_last_week_until_another_date():
    body = ("On Thursday, Chile and Peru signed a fisheries accord in Lima. "
            "Last week, hundreds of Peruvian fishermen blocked the Pan-American Highway near Tacna. "
            "Police detained twelve of the organisers. "
            "In early February, Peru's fisheries minister accused Chilean trawlers of overfishing anchovy. "
            "The Chilean minister thanked his Peruvian counterpart for a constructive meeting.")
    ms = _ms(body, "en", "COERCE")
    assert ms and ms[0].date_precision == "week" and ms[0].event_date < date(2026, 3, 9)
    ms = _ms(body, "en", trigger="thanked")
    assert ms and ms[0].event_date == date(2026, 3, 12)


def test_a_bare_object_making_one_predicate_with_its_verb_continues_the_story():
    body = ("Mardi, des milliers d'étudiants péruviens ont manifesté devant l'ambassade du Chili à Lima. "
            "La police péruvienne a fait usage de gaz lacrymogène pour disperser les manifestants.")
    ms = _ms(body, "fr", trigger="usage")
    assert ms and ms[0].event_date == date(2026, 3, 10)


def test_the_date_of_the_message_an_act_was_made_in_dates_the_act_even_hung_on_a_participle():
    body = ("On Tuesday, Peru reopened its border crossings with Chile. "
            "Chilean President Gabriel Boric praised the restraint shown by Peruvian officials in a message "
            "posted on Thursday morning.")
    ms = _ms(body, "en", trigger="praised")
    assert ms and ms[0].event_date == date(2026, 3, 12)
