"""Date kinds of round 7 (seventh session): "last night", a month without its year told as done, an
anchor of a later coordinated clause, a pluperfect told under a dated main clause, a later flashback
of the same kind, a relational anchor stressed with "même", a weekday of an infinitive to come, a
relative clause to come hung near the event noun, the "since" of a detention. Invented sentences; the
reference is a Friday."""
from __future__ import annotations

from datetime import date

from extract_support import mentions_of

REF = date(2026, 3, 13)  # a Friday: lundi = 9, mardi = 10, mercredi = 11, jeudi = 12


def _ms(body, lang, etype=None, trigger=None, ref=REF):
    return mentions_of(body, lang, ref, etype, trigger)


def _date(body, lang, etype, trigger=None, ref=REF):
    ms = _ms(body, lang, etype, trigger, ref)
    assert ms, (etype, trigger)
    return ms[0].event_date


# ---- the temporal lexicon

def test_last_night_is_the_day_before_the_reference():
    from pipeline.text.temporal import find_dates

    for text, lang in (("Troops crossed the river last night.", "en"),
                       ("La nuit dernière, des tirs ont été entendus à Kidal.", "fr")):
        dms = find_dates(text, REF, lang)
        assert [d.value for d in dms] == [date(2026, 3, 12)], text


def test_a_day_after_counts_from_last_night():
    body = "Ghana's foreign minister arrived in Lomé last night, a day after Accra accused Togo of harbouring rebels."
    assert _date(body, "en", "ACCUSE") == date(2026, 3, 11)


def test_a_relational_anchor_stressed_with_meme_names_its_event():
    body = ("Mardi, Accra a fermé sa frontière avec le Togo. Mercredi, Lomé a convoqué l'ambassadeur du Ghana. "
            "Le Bénin a protesté le lendemain même de la fermeture.")
    assert _date(body, "fr", "ACCUSE", "protesté") == date(2026, 3, 11)


# ---- which date mention a clause takes

def test_a_month_without_year_told_as_done_is_the_last_one():
    body = "In August, Ghana said Togolese police had arrested eleven of its traders in Aflao."
    assert _date(body, "en", "COERCE") == date(2025, 8, 16)


def test_a_weekday_of_an_infinitive_to_come_is_the_coming_one():
    body = "Le ministre nigérien a accepté jeudi de recevoir lundi les délégués béninois pour discuter du transit."
    assert _date(body, "fr", "CONSULT") == date(2026, 3, 16)


def test_a_relative_clause_to_come_hung_on_a_noun_of_the_phrase_dates_the_event_noun():
    body = "Ghana and Togo agreed on Wednesday to set up joint patrols along the border, which will start on 1 April."
    assert _date(body, "en", "COOPERATE") == date(2026, 4, 1)
    assert _date(body, "en", "AGREE") == date(2026, 3, 11)


def test_the_since_of_a_detention_is_the_day_of_the_arrest():
    body = "Ghana freed on Thursday nine Togolese traders detained by its police since 20 February."
    assert _date(body, "en", "COERCE", "detained") == date(2026, 2, 20)
    assert _date(body, "en", "CONCEDE") == date(2026, 3, 12)


def test_the_since_of_an_ongoing_activity_is_not_its_date():
    body = ("Les syndicats de dockers du Togo ont déclenché lundi une grève illimitée, réclamant la hausse "
            "des salaires promise depuis 2024.")
    for m in _ms(body, "fr"):
        assert m.event_date is None or m.event_date.year == 2026, (m.trigger, m.event_date)


# ---- the days the story moves to

def test_an_anchor_of_a_later_coordinated_clause_does_not_date_the_first():
    body = ("On Tuesday, Togo accused Ghana of espionage. Ghana's foreign minister dismissed the claims and "
            "announced the expulsion of two Togolese diplomats the next day. He also accused Togo of lying.")
    assert _date(body, "en", "REJECT") == date(2026, 3, 10)
    later = [m for m in _ms(body, "en", "ACCUSE") if m.sentence_index == 2]
    assert later and later[0].event_date == date(2026, 3, 11)


def test_a_pluperfect_under_a_dated_main_clause_moves_the_story():
    body = ("Ghana recalled its ambassador from Lomé on Thursday. The row began on Tuesday, when Togo said it had "
            "arrested three Ghanaian soldiers. Togo accused Ghana of espionage.")
    assert _date(body, "en", "COERCE") == date(2026, 3, 10)
    assert _date(body, "en", "ACCUSE") == date(2026, 3, 10)


def test_a_later_flashback_of_the_same_kind_does_not_date_the_story_clause():
    body = ("On Monday, Peru recalled its ambassador from Santiago. Lima accused Chile of spying on its navy. "
            "The row comes weeks after Peru accused Chile of violating its airspace in early February.")
    first = [m for m in _ms(body, "en", "ACCUSE") if m.sentence_index == 1]
    assert first and first[0].event_date == date(2026, 3, 9)


def test_a_decided_act_noun_takes_the_anchor_of_its_clause():
    body = ("Mardi, le Niger a accusé le Bénin d'abriter des rebelles. Le ministre béninois a rejeté ces accusations "
            "et, le lendemain, Cotonou a ordonné à son tour l'expulsion de deux diplomates nigériens.")
    assert _date(body, "fr", "REJECT") == date(2026, 3, 10)
    assert _date(body, "fr", "SANCTION") == date(2026, 3, 11)


def test_a_clause_retelling_the_earlier_event_of_a_relational_anchor_keeps_the_story():
    body = ("Mali closed its border with Burkina Faso on Thursday, two days after gunmen attacked a customs post "
            "near Sikasso. Burkinabe soldiers struck the post at Koloko on Tuesday, killing four officers. "
            "Bamako accused Ouagadougou of backing the attackers.")
    assert _date(body, "en", "ASSAULT", "struck") == date(2026, 3, 10)
    assert _date(body, "en", "ACCUSE") == date(2026, 3, 12)


def test_an_act_told_as_holding_for_now_is_of_the_day_of_writing():
    body = ("Lundi, la police ghanéenne a arrêté trois commerçants togolais. Lomé a demandé leur libération, "
            "mais Accra a refusé pour l'instant de les relâcher.")
    assert _date(body, "fr", "REQUEST") == date(2026, 3, 9)
    assert _date(body, "fr", "REJECT") == REF


def test_a_day_a_pluperfect_state_was_reached_by_moves_the_story():
    body = ("Ghanaian and Togolese troops exchanged fire on Tuesday. By this morning the situation had calmed. "
            "The two defence ministers spoke by telephone.")
    assert _date(body, "en", "CONSULT") == REF


def test_a_month_to_come_of_an_infinitive_dates_the_event_noun_the_parser_hung_on_its_governor():
    body = ("Le Ghana et le Togo sont convenus de conduire, au cours du mois de mai 2026, un exercice naval "
            "conjoint dans le golfe de Guinée.")
    assert _date(body, "fr", "COOPERATE") == date(2026, 5, 16)


def test_a_framing_phrase_with_a_demonstrative_takes_the_day_of_the_event_it_names():
    body = ("Ghana and Togo held border talks in Aflao on Tuesday. Ghana recalled its ambassador from Lomé on "
            "Thursday. At those talks, the two countries agreed to reopen the crossing.")
    assert _date(body, "en", "AGREE") == date(2026, 3, 10)
    body = ("Les ministres du Niger et du Bénin se sont rencontrés mardi à Malanville. Jeudi, Niamey a rappelé son "
            "ambassadeur. Lors de cette rencontre, les deux pays avaient signé un accord sur le transit.")
    assert _date(body, "fr", "AGREE") == date(2026, 3, 10)


def test_a_clause_after_a_colon_takes_the_day_of_the_phrase_it_elaborates():
    body = ("Jeudi, le Togo a convoqué l'ambassadeur du Ghana. Tout a commencé par une opération de police menée "
            "mardi à Aflao : trente commerçants togolais ont été arrêtés par la police ghanéenne.")
    assert _date(body, "fr", "ACCUSE") == date(2026, 3, 12)
    assert _date(body, "fr", "COERCE") == date(2026, 3, 10)


def test_a_relative_clause_agreeing_with_the_event_noun_is_its_own_whatever_the_parser_hung_it_on():
    from pipeline.extract.date_clauses import _date_clause_rank
    from pipeline.text.nlp import load_nlp

    doc = load_nlp("fr")("Le Togo imposera des contre-tarifs, a annoncé jeudi le ministre, en réponse aux droits "
                         "de douane de 20 % que le Ghana a imposés lundi sur le cacao togolais.")
    droits = next(t for t in doc if t.text == "droits")
    lundi = next(t for t in doc if t.text == "lundi")
    rel = next(t for t in doc if t.text == "imposés")
    if rel.head.i == droits.i:
        assert _date_clause_rank(lundi, droits) == 0  # the parse is right
    else:
        assert _date_clause_rank(lundi, droits) == -1


def test_an_undated_act_to_come_takes_the_day_to_come_its_sentence_just_gave():
    body = ("Ghana and Togo set up a joint border committee on Tuesday. The committee is due to meet in Accra on "
            "20 March, and Togolese officials say they will ask Ghana to reopen the Aflao crossing.")
    ms = [m for m in _ms(body, "en", "REQUEST") if m.status == "future"]
    assert ms and ms[0].event_date == date(2026, 3, 20)
