"""Discourse rules of issue 13: dates relative to the event the discourse last set, recipients
from the parse or the discourse (never the most-mentioned country), domestic events."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from pipeline.extract import extract_mentions
from pipeline.text.temporal import discourse_anchors

REF = date(2026, 3, 13)  # a Friday


@pytest.mark.parametrize("text, offset", [
    ("Il a répondu le jour même.", 0), ("Elle a réagi le même jour.", 0), ("On the same day, it replied.", 0),
    ("La veille, il avait protesté.", -1), ("The day before, they had met.", -1),
    ("Le lendemain, il a cédé.", 1), ("The following day they agreed.", 1),
    ("Trois jours plus tard, ils ont signé.", 3), ("Two days earlier, they had met.", -2),
])
def test_discourse_anchor_offsets(text, offset):
    found = discourse_anchors(text)
    assert [a[2] for a in found] == [offset]
    assert text[found[0][0]:found[0][1]].strip()


def test_no_anchor_in_plain_dates():
    assert discourse_anchors("Le 3 mars, lundi, hier, la semaine dernière.") == []


def _by_type(mentions):
    return {m.event_type: m for m in mentions}


def test_same_day_and_next_day_follow_the_last_event_date():
    body = ("Le Pérou a accusé mardi la Bolivie d'avoir violé sa frontière. "
            "La Bolivie a rejeté ces accusations le jour même. "
            "Le lendemain, la Bolivie a rappelé son ambassadeur à Lima.")
    ms = _by_type(extract_mentions("t", body, "fr", REF))
    assert ms["ACCUSE"].event_date == date(2026, 3, 10)
    assert ms["REJECT"].event_date == date(2026, 3, 10)
    assert ms["SANCTION"].event_date == date(2026, 3, 11)


def test_recipient_from_discourse_not_from_the_most_mentioned_country():
    # Argentina is Chile's most frequent counterpart, but the denial answers Peru's accusation
    body = ("Le Chili et l'Argentine ont signé lundi un accord. Le Chili a salué l'Argentine. "
            "Le Chili a remercié l'Argentine. Le Pérou a accusé mardi le Chili d'espionnage. "
            "Santiago a démenti mercredi.")
    ms = extract_mentions("t", body, "fr", REF)
    reject = [m for m in ms if m.event_type == "REJECT"]
    assert reject and {r.country for r in reject[0].recipient} == {"PER"}


def test_domestic_group_patient_gets_the_actor_country():
    body = "Le ministre péruvien de l'Agriculture a rencontré mercredi une délégation de dirigeants paysans."
    m = _by_type(extract_mentions("t", body, "fr", REF))["CONSULT"]
    assert {a.country for a in m.actor} == {"PER"} and {r.country for r in m.recipient} == {"PER"}


def test_named_but_unknown_patient_stays_unknown():
    body = ("Le Brésil et la Bolivie ont signé un accord lundi. "
            "Le ministre brésilien a rencontré mardi Zorblat Quenvik.")
    ms = extract_mentions("t", body, "fr", REF)
    assert any(x.event_type == "AGREE" for x in ms)
    # a meeting with someone no dictionary knows is not coded at all (no named recipient), never with Bolivia
    assert not any(x.event_type == "CONSULT" and "BOL" in {r.country for r in x.recipient} for x in ms)


def test_refusal_is_reject_with_the_refused_acts_patient_and_the_act_is_not_coded():
    ms = extract_mentions("t", "La Hongrie a refusé lundi de signer la déclaration avec la Pologne.", "fr", REF)
    assert [m.event_type for m in ms] == ["REJECT"]
    assert {r.country for r in ms[0].recipient} == {"POL"}


def test_a_state_protesting_to_another_state_is_an_accusation():
    ms = _by_type(extract_mentions("t", "Mardi, la Grèce a protesté officiellement auprès de la Turquie.", "fr", REF))
    assert "ACCUSE" in ms and "PROTEST" not in ms
    assert {r.country for r in ms["ACCUSE"].recipient} == {"TUR"}


@pytest.mark.parametrize("text, offset, relational", [
    ("Cette visite intervient au lendemain de heurts frontaliers.", 1, True),
    ("À la veille du sommet, Lima a protesté.", -1, True),
    ("The vote came a day after the two leaders met.", 1, True),
    ("Two days before the summit, Quito protested.", -2, True),
    ("On the eve of the visit, Lima protested.", -1, True),
    ("The next day, Lima protested.", 1, False),
    ("Ils ont été libérés dans la nuit.", 0, False),
    ("Peu après minuit, la police est intervenue.", 1, False),
    ("Une semaine plus tard, Lima a cédé.", 7, False),
    ("Two weeks later, Quito gave in.", 14, False),
    ("La semaine suivante, Lima a cédé.", 7, False),
    ("The previous week, Quito had protested.", -7, False),
    ("A week after the vote, Quito protested.", 7, True),
])
def test_relational_anchors_name_the_other_event(text, offset, relational):
    found = discourse_anchors(text)
    assert [(a[2], a[3]) for a in found] == [(offset, relational)]


def test_an_anchor_keeps_one_date_for_all_triggers_of_its_clause():
    body = ("La Bolivie a expulsé mardi un diplomate péruvien. "
            "Le lendemain, le Pérou a riposté en expulsant à son tour deux diplomates boliviens.")
    ms = [m for m in extract_mentions("t", body, "fr", REF) if m.event_type in ("SANCTION", "COERCE")]
    per = [m for m in ms if m.actor and m.actor[0].country == "PER"]
    assert per and {m.event_date for m in per} == {date(2026, 3, 11)}


def test_a_sentence_without_event_still_sets_the_story_date():
    body = ("Mardi, une tempête a balayé la côte nord du Pérou. "
            "Le même jour, le Chili a envoyé de l'aide humanitaire au Pérou.")
    aid = _by_type(extract_mentions("t", body, "fr", REF))["AID"]
    assert aid.event_date == date(2026, 3, 10)


def test_an_event_in_the_complement_of_au_lendemain_de_is_the_day_before():
    body = ("Les ministres péruvien et bolivien se sont rencontrés jeudi à La Paz. "
            "This meeting came a day after Peru accused Bolivia of moving troops to the border.")
    ms = extract_mentions("t", body.split(". ")[1], "en", REF)
    acc = _by_type(ms)["ACCUSE"]
    assert acc.event_date == REF - timedelta(days=1)  # the day before the story's (here the reference) date
    assert "date_from_relational_anchor" in acc.notes


def test_la_veille_de_dates_from_the_named_event_even_when_it_comes_later():
    body = ("La veille du sommet de Quito, le Pérou avait accusé la Bolivie de violer sa frontière. "
            "Le sommet s'est tenu jeudi à Quito.")
    acc = _by_type(extract_mentions("t", body, "fr", REF))["ACCUSE"]
    assert acc.event_date == date(2026, 3, 11)


def test_a_date_in_a_participial_clause_is_not_the_event_date():
    body = ("Le Pérou a accusé mardi la Bolivie de violer sa frontière. "
            "La Bolivie a refusé le même jour de ratifier le traité frontalier, signé avec Lima l'an dernier.")
    rej = _by_type(extract_mentions("t", body, "fr", REF))["REJECT"]
    assert rej.event_date == date(2026, 3, 10)


def test_until_a_date_is_not_the_date_of_the_agreement():
    body = "Peru and Bolivia agreed on Monday to extend the border truce until the end of 2027."
    agree = _by_type(extract_mentions("t", body, "en", REF))["AGREE"]
    assert agree.event_date == date(2026, 3, 9)


def test_an_undated_light_verb_noun_continues_the_story():
    body = ("Mardi, des milliers d'enseignants ont défilé à Lima. "
            "La police péruvienne a procédé à l'arrestation de dix syndicalistes.")
    coerce = _by_type(extract_mentions("t", body, "fr", REF))["COERCE"]
    assert coerce.event_date == date(2026, 3, 10)


def test_a_weekday_in_a_future_clause_is_the_coming_one():
    body = "Le gouvernement péruvien a annoncé qu'il recevrait le ministre bolivien lundi."
    ms = [m for m in extract_mentions("t", body, "fr", REF) if m.status == "future"]
    assert ms and all(m.event_date == date(2026, 3, 16) for m in ms)
    body = "Jeudi, le Pérou a annoncé qu'il fermerait sa frontière avec la Bolivie."
    ms = [m for m in extract_mentions("t", body, "fr", REF) if m.status == "future"]
    assert all(m.event_date != date(2026, 3, 19) for m in ms)  # that Thursday dates the announcement


def test_a_dated_planned_meeting_is_a_future_consult():
    body = "The foreign ministers of Peru and Bolivia will meet in Lima on Monday, officials said."
    m = _by_type(extract_mentions("t", body, "en", REF))["CONSULT"]
    assert m.status == "future" and m.event_date == date(2026, 3, 16)


def test_a_conditional_read_as_imperfect_is_still_future():
    body = "Le Pérou a annoncé qu'il mènerait la semaine prochaine une patrouille maritime conjointe avec le Chili."
    m = _by_type(extract_mentions("t", body, "fr", REF))["COOPERATE"]
    assert m.status == "future" and date(2026, 3, 16) <= m.event_date <= date(2026, 3, 22)


# ---------------------------------------------------------------- status from the verb group (issue 13 item 4)

def _statuses(body, lang):
    return {(m.event_type, m.status) for m in extract_mentions("t", body, lang, REF)}


@pytest.mark.parametrize("body, lang, refused_type", [
    ("Peru rejected Bolivia's demand to withdraw its troops from the border.", "en", "RETREAT"),
    ("La Bolivie a rejeté l'appel du Pérou à retirer ses troupes.", "fr", "RETREAT"),
])
def test_the_act_a_rejected_demand_asks_for_is_not_coded(body, lang, refused_type):
    st = _statuses(body, lang)
    assert ("REJECT", "asserted") in st
    assert (refused_type, "asserted") not in st and (refused_type, "future") not in st


def test_a_denied_act_is_not_an_event_but_a_coordinated_accusation_is():
    body = "Peru's army denied that its soldiers had shelled the village and blamed Bolivian smugglers."
    ms = extract_mentions("t", body, "en", REF)
    assert not [m for m in ms if m.event_type == "ASSAULT" and m.status == "asserted"]
    assert ("REJECT", "asserted") in {(m.event_type, m.status) for m in ms}


@pytest.mark.parametrize("body, lang, etype, status", [
    ("Le Pérou devrait rencontrer la Bolivie mardi prochain.", "fr", "CONSULT", "future"),
    ("Le Pérou pourrait imposer des sanctions à la Bolivie.", "fr", "SANCTION", "hypothetical"),
    ("Le Pérou va imposer des sanctions à la Bolivie.", "fr", "SANCTION", "future"),
    ("Le Pérou n'a jamais attaqué la Bolivie.", "fr", "ASSAULT", "negated"),
    ("Peru is to impose sanctions on Bolivia next week.", "en", "SANCTION", "future"),
    ("Peru could impose sanctions on Bolivia.", "en", "SANCTION", "hypothetical"),
    ("Peru never attacked Bolivia.", "en", "ASSAULT", "negated"),
    ("Peru plans to expel Bolivian diplomats.", "en", "SANCTION", "future"),
])
def test_status_reads_the_verb_group(body, lang, etype, status):
    assert (etype, status) in _statuses(body, lang)


@pytest.mark.parametrize("body, lang", [
    ("Le Pérou a menacé d'imposer des sanctions à la Bolivie.", "fr"),
    ("Peru threatened to impose sanctions on Bolivia.", "en"),
])
def test_a_threat_is_an_asserted_threaten(body, lang):
    st = _statuses(body, lang)
    assert ("THREATEN", "asserted") in st
    assert ("SANCTION", "asserted") not in st


def test_a_date_does_not_cross_into_a_coordinated_clause_with_its_own_subject():
    body = ("Bolivia withdrew its ambassador in May 2025, but Peru says Bolivian officials "
            "refused to reopen the border crossing to Peruvian trucks.")
    rej = _by_type(extract_mentions("t", body, "en", REF))["REJECT"]
    assert rej.event_date != date(2025, 5, 16)


def test_an_old_flashback_date_does_not_become_the_story_date():
    body = ("Le Pérou et la Bolivie avaient signé un accord frontalier le 3 mars 2020. "
            "Le Pérou a accusé la Bolivie de violer cet accord.")
    acc = _by_type(extract_mentions("t", body, "fr", REF))["ACCUSE"]
    assert acc.event_date == REF


def test_a_pluperfect_flashback_does_not_move_the_story():
    body = ("Le président péruvien s'est rendu jeudi à La Paz. "
            "Mardi, le Pérou avait protesté auprès de la Bolivie contre une incursion. Lima avait exigé le retrait immédiat des soldats boliviens. "
            "Lors de la conférence de presse, le président bolivien a rejeté les protestations péruviennes.")
    ms = _by_type(extract_mentions("t", body, "fr", REF))
    assert ms["REJECT"].event_date == date(2026, 3, 12)  # the visit's Thursday, not the flashback's Tuesday
    assert ms["REQUEST"].event_date == date(2026, 3, 10)  # an undated pluperfect act shares the flashback's


def test_a_clause_dated_the_eve_of_a_named_event_is_a_flashback():
    body = ("Le ministre chilien s'est rendu mercredi à Lima. "
            "Le navire chilien a quitté les eaux péruviennes mardi, à la veille de la visite. "
            "Le Pérou a néanmoins accusé le Chili de violer sa frontière.")
    assert _by_type(extract_mentions("t", body, "fr", REF))["ACCUSE"].event_date == date(2026, 3, 11)


def test_a_definite_event_noun_is_the_event_the_story_tells():
    body = ("Peru's foreign minister arrived in Quito on Tuesday. "
            "Ecuador's foreign ministry described the meeting with Peru as constructive.")
    ms = [m for m in extract_mentions("t", body, "en", REF) if m.trigger == "meeting"]
    assert ms and ms[0].event_date == date(2026, 3, 10)


def test_an_act_described_in_the_refuser_s_subject_is_not_refused():
    body = "The Bolivian diplomat expelled by Peru last week refused to comment on the accusations."
    assert not [m for m in extract_mentions("t", body, "en", REF)
                if m.event_type in ("SANCTION", "COERCE") and m.status == "negated"]


def test_the_header_date_is_not_a_story_date():
    body = (" date 2026-03-13 Tensions entre Lima et La Paz\n\n"
            "Le lendemain, le Pérou a expulsé deux diplomates boliviens.")
    ms = [m for m in extract_mentions("t", body, "fr", REF) if m.event_type in ("SANCTION", "COERCE")]
    assert ms and all(m.event_date <= REF for m in ms)


def test_a_third_partys_solidarity_does_not_become_the_sides_counterpart():
    # Estonia only expresses solidarity: Finland's later refusal still answers Norway
    body = ("La Norvège a accusé lundi la Finlande de bloquer ses camions. "
            "L'Estonie a exprimé mardi sa solidarité avec la Finlande. "
            "Helsinki a refusé mercredi toute concession.")
    ms = extract_mentions("t", body, "fr", REF)
    reject = [m for m in ms if m.event_type == "REJECT"]
    assert reject and {r.country for r in reject[0].recipient} == {"NOR"}, [(m.event_type, m.recipient) for m in ms]
