"""Date kinds of round 11 (dev8/dev7 error table): a date set off by commas inside a noun's phrase,
before the noun's complement ("a salué l'interpellation, le 2 mars, de six passeurs"), is the
noun's and moves the story nowhere; a "from" day of a main clause told as done ("Le ton s'est
radouci dès mercredi") is a day the story reaches. Invented sentences; the reference is a Friday
(lundi 9, mardi 10, mercredi 11, jeudi 12 March 2026)."""
from __future__ import annotations

from datetime import date

from extract_support import mentions_of

from pipeline.extract.event_dates import DiscourseDater

REF = date(2026, 3, 13)


def _ms(body, lang, etype=None, trigger=None):
    return mentions_of(body, lang, REF, etype, trigger)


# ---- a date inside a noun's phrase

def test_a_french_date_between_an_event_noun_and_its_complement_is_the_nouns():
    body = ("Mercredi, le Kenya a convoqué l'ambassadeur d'Éthiopie à Nairobi.\n\n"
            "Le ministère kényan des Affaires étrangères a salué l'interpellation, le 2 mars, de six passeurs "
            "éthiopiens. Le Kenya a demandé à l'Éthiopie l'extradition de deux autres suspects.")
    hailed = _ms(body, "fr", trigger="salué")
    assert hailed and hailed[0].event_date == date(2026, 3, 11)
    asked = _ms(body, "fr", "REQUEST")
    assert asked and all(m.event_date == date(2026, 3, 11) for m in asked)


def test_an_english_date_between_an_event_noun_and_its_complement_is_the_nouns():
    body = ("On Wednesday, Peru's foreign minister met his Bolivian counterpart in Lima.\n\n"
            "The two ministers discussed the tension that followed the closure by Bolivia, on 2 March, of two "
            "border crossings. They agreed to set up a joint border commission.")
    agreed = _ms(body, "en", "AGREE")
    assert agreed and all(m.event_date == date(2026, 3, 11) for m in agreed)


def test_a_date_of_the_clause_before_an_of_complement_of_its_own_stays_the_clauses():
    body = ("Peru recalled its ambassador from Bolivia on 2 March of this year, the foreign ministry said.")
    recalled = _ms(body, "en", trigger="recalled")
    assert recalled and recalled[0].event_date == date(2026, 3, 2)


# ---- a "from" day the story reaches

def test_a_from_day_of_a_main_clause_told_as_done_moves_the_story():
    body = ("Lundi, le Tchad a fermé sa frontière avec le Soudan et convoqué l'ambassadeur soudanais.\n\n"
            "Le ton s'est toutefois radouci dès mercredi. Les présidents tchadien et soudanais se sont "
            "entretenus au téléphone pendant une heure.")
    talks = _ms(body, "fr", "CONSULT")
    assert talks and talks[0].event_date == date(2026, 3, 11)


def test_a_from_day_of_an_announced_act_moves_the_story_nowhere():
    body = ("Lundi, le Tchad a fermé sa frontière avec le Soudan.\n\n"
            "Les postes frontaliers rouvriront dès mercredi prochain. Les présidents tchadien et soudanais se sont "
            "entretenus au téléphone.")
    talks = _ms(body, "fr", "CONSULT")
    assert talks and talks[0].event_date == date(2026, 3, 9)


# ---- the day an act takes effect is not the decision's

def test_an_agreement_to_act_from_a_later_day_is_of_the_meeting_day():
    body = ("The foreign ministers of Chile and Argentina met in Mendoza on Wednesday and agreed to launch joint "
            "patrols along the border from 1 April.")
    agreed = _ms(body, "en", "AGREE")
    assert agreed and agreed[0].event_date == date(2026, 3, 11)


def test_a_measure_voted_to_take_effect_later_is_of_the_vote():
    body = ("Moldova expelled two Russian diplomats on Thursday.\n\n"
            "The expulsions came a day after Moldova's parliament voted to ban imports of Russian wine from "
            "1 April.")
    ban = _ms(body, "en", "SANCTION", "ban")
    assert ban and ban[0].event_date == date(2026, 3, 11)


# ---- a participle coordinated with the clause's verb

def test_a_date_of_a_second_coordinated_participle_dates_the_first():
    body = ("Indonesia on Wednesday lodged a protest with Malaysia after a Malaysian patrol boat rammed an "
            "Indonesian trawler off Borneo and detained its crew, the foreign ministry said.\n\n"
            "The trawler was rammed and boarded on Monday evening near Ambalat, local fishermen said. "
            "The Indonesian foreign ministry demanded the release of the crew.")
    rammed = _ms(body, "en", "ASSAULT", "rammed")
    assert rammed and all(m.event_date == date(2026, 3, 9) for m in rammed)
    demanded = _ms(body, "en", "REQUEST")
    assert demanded and demanded[0].event_date == date(2026, 3, 11)  # the retelling keeps the story's day


# ---- a duration is no relational anchor

def test_a_duration_before_an_after_phrase_gives_no_date():
    body = ("The Guinean authorities have banned all street protests for a month after a day of deadly clashes "
            "in the capital.")
    banned = _ms(body, "en", trigger="banned")
    assert banned and banned[0].event_date == REF  # (not a month after the day of writing)
    for text in ("The authorities banned all protests for a month after the clashes.",
                 "Les autorités ont interdit les manifestations pendant un mois après les heurts."):
        assert not any(a[3] for a in DiscourseDater(text, REF).anchors), text
    assert any(a[3] for a in DiscourseDater("The talks came a week after the clashes.", REF).anchors)


# ---- an event recalled in passing

def test_an_event_noun_dated_inside_another_nouns_complement_moves_the_story_nowhere():
    body = ("On 11 March 2026, the foreign ministers of Chile and Argentina held talks in Santiago.\n\n"
            "The Argentine side expressed its appreciation for the release on 2 March 2026 of twelve Argentine "
            "fishermen held in Punta Arenas. The Argentine side requested that Chile review its fishing quotas.")
    asked = _ms(body, "en", "REQUEST")
    assert asked and asked[0].event_date == date(2026, 3, 11)


def test_a_participle_after_a_comma_dates_its_noun_not_the_main_clause():
    body = ("On 11 March 2026, the foreign ministers of Chile and Argentina held talks in Santiago.\n\n"
            "The Argentine side welcomed the decision of the Government of Chile, announced on 2 March 2026, to "
            "reopen the Cristo Redentor pass.")
    welcomed = _ms(body, "en", trigger="welcomed")
    assert welcomed and welcomed[0].event_date == date(2026, 3, 11)


def test_a_participle_without_auxiliary_the_parser_gave_a_subject_moves_the_story_nowhere():
    body = ("On 11 March 2026, the foreign ministers of Chile and Argentina held talks in Santiago.\n\n"
            "The Chilean side informed that the nine citizens of the Argentine Republic, crew members of fishing "
            "boats detained on 2 March 2026 in the Magallanes region, had been released on 10 March 2026.\n\n"
            "The Argentine side expressed its deep concern over the incident and requested a thorough "
            "investigation.")
    asked = _ms(body, "en", "REQUEST")
    assert asked and asked[0].event_date == date(2026, 3, 11)


# ---- a pluperfect going back to the event a relational anchor dated

def test_an_undated_pluperfect_goes_back_to_the_earlier_event_of_a_relational_anchor():
    body = ("Les ministres des Affaires étrangères du Maroc et de l'Algérie se sont rencontrés mardi à Rabat.\n\n"
            "La rencontre intervient une semaine après la frappe d'un drone algérien contre un convoi marocain "
            "près de Figuig. Le ministère marocain avait alors accusé l'Algérie d'« agression caractérisée ».")
    accused = _ms(body, "fr", "ACCUSE", "accusé")
    assert accused and accused[0].event_date == date(2026, 3, 3)


# ---- a reported clause's earlier day

def test_an_earlier_day_of_a_reported_clause_does_not_move_the_story_back():
    body = ("Peru summoned Chile's ambassador on Wednesday to protest what it called an incursion by a Chilean "
            "patrol boat.\n\n"
            "The Peruvian foreign ministry said the boat entered Peruvian waters off Tacna on Monday night, ignoring "
            "warnings from the Peruvian navy. It handed the ambassador a note demanding that Chile respect the "
            "maritime boundary.")
    demanded = _ms(body, "en", "REQUEST")
    assert demanded and demanded[0].event_date == date(2026, 3, 11)
