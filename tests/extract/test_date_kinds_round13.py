"""Date kinds of round 13 (dev9 error table, checked on dev..dev8). Invented sentences; the reference
is a Friday (lundi 9, mardi 10, mercredi 11, jeudi 12 March 2026)."""
from __future__ import annotations

from datetime import date

from extract_support import mentions_of

REF = date(2026, 3, 13)


def _ms(body, lang, etype=None, trigger=None):
    return mentions_of(body, lang, REF, etype, trigger)


# ---- a bare noun completing its verb ("se mettre d'accord") is what its clause asserts

def test_a_bare_noun_completing_its_verb_continues_the_story():
    body = ("La crise a pris fin le mercredi 11 mars, lors d'une visite du ministre sénégalais à Banjul. "
            "Les deux ministres se sont mis d'accord pour rouvrir la frontière.")
    agreed = _ms(body, "fr", "AGREE")
    assert agreed and agreed[0].event_date == date(2026, 3, 11)


# ---- an act announced before a trailing attribution is of the announcement's day

def test_an_announced_act_takes_the_day_of_its_trailing_attribution():
    body = ("Lithuania will expel three Belarusian diplomats, Foreign Minister Kestutis Budrys announced on "
            "Tuesday, after balloons from Belarus forced the closure of Vilnius airport.")
    expel = _ms(body, "en", "SANCTION")
    assert expel and expel[0].event_date == date(2026, 3, 10)


# ---- a sentence of no event retelling the act a relational anchor named takes the story back

def test_a_sentence_retelling_the_anchored_act_takes_the_story_back_to_its_day():
    body = ("Serbian Prime Minister Milos Vucevic asked Kosovo on Wednesday to pay for the damage to the "
            "Jarinje crossing, a day after thousands of Kosovo Serb farmers marched through the town of "
            "Leposavic.\n\n"
            "Tuesday's march, called by the Serb List party, drew some 4,000 people. Kosovo police detained "
            "nine protesters after tyres were set alight at the barrier; six of them were released the next day.")
    detained = _ms(body, "en", trigger="detained")
    released = _ms(body, "en", trigger="released")
    assert detained and detained[0].event_date == date(2026, 3, 10)
    assert released and released[0].event_date == date(2026, 3, 11)


# ---- a weekday a present "devoir"/"aller" schedules is the coming one and sets no story day

def test_a_weekday_scheduled_by_devoir_is_to_come_and_moves_no_story():
    body = ("Mercredi, la police gambienne a arrêté trois commerçants sénégalais à Banjul. "
            "Le tribunal doit se prononcer lundi sur leur détention. "
            "Dakar a accusé Banjul de harceler ses ressortissants.")
    accused = _ms(body, "fr", "ACCUSE")
    assert accused and accused[0].event_date == date(2026, 3, 11)


# ---- an undated simple past right after a dated flashback goes on telling its day

def test_an_undated_simple_past_after_a_dated_flashback_keeps_its_day():
    body = ("Jeudi, Accra a rappelé son ambassadeur à Lomé. "
            "Mardi, le ministre ghanéen s'était entretenu avec son homologue togolais. "
            "Les deux ministres sont convenus de relancer la commission mixte.")
    agreed = _ms(body, "fr", "AGREE")
    assert agreed and agreed[0].event_date == date(2026, 3, 10)


def test_the_story_returns_to_its_day_after_the_flashback_sentence_that_follows():
    body = ("Jeudi, Accra a rappelé son ambassadeur à Lomé. "
            "Mardi, le ministre ghanéen s'était entretenu avec son homologue togolais. "
            "Le Togo a rejeté les accusations ghanéennes. "
            "Lomé a par ailleurs accusé Accra d'ingérence.")
    accused = [m for m in _ms(body, "fr", "ACCUSE") if m.trigger == "accusé"]
    assert accused and accused[0].event_date == date(2026, 3, 12)


# ---- a clause before a semicolon is not dated by the anchor of the clause after it

def test_an_anchor_after_a_semicolon_dates_only_its_own_clause():
    body = ("On Monday, thousands of teachers marched in Nairobi. Police arrested twenty marchers near "
            "parliament; eight of them were freed the next day.")
    arrested = _ms(body, "en", trigger="arrested")
    freed = _ms(body, "en", trigger="freed")
    assert arrested and arrested[0].event_date == date(2026, 3, 9)
    assert freed and freed[0].event_date == date(2026, 3, 10)


# ---- a possessive date names its noun's time, the clause's only when it has no other

def test_a_possessive_date_gives_way_to_the_clauses_own_date():
    body = "Niger expelled two Nigerian diplomats over last week's Maradi bombing yesterday."
    expelled = _ms(body, "en", trigger="expelled")
    assert expelled and expelled[0].event_date == date(2026, 3, 12)


def test_a_possessive_date_dates_a_clause_with_no_date_of_its_own():
    body = ("Nigeria and Niger signed a trade deal on Wednesday. As part of Wednesday's deal, the two "
            "governments agreed to reopen the Maradi crossing.")
    agreed = _ms(body, "en", trigger="agreed")
    assert agreed and agreed[0].event_date == date(2026, 3, 11)


# ---- a bare "from" weekday after the object of an agreeing verb is when the act agreed takes effect

def test_a_from_weekday_of_the_act_agreed_dates_neither_the_agreement_nor_the_story():
    body = ("Jeudi, le président sénégalais s'est entretenu au téléphone avec son homologue gambien. "
            "Les deux présidents sont convenus d'une réouverture progressive de la frontière à partir de lundi. "
            "La Gambie a par ailleurs libéré trois commerçants sénégalais.")
    agreed = _ms(body, "fr", "AGREE")
    freed = _ms(body, "fr", trigger="libéré")
    assert agreed and agreed[0].event_date == date(2026, 3, 12)
    assert freed and freed[0].event_date == date(2026, 3, 12)


# ---- a verb coordinated with a compound past shares its auxiliary: no simple present

def test_a_verb_coordinated_with_a_compound_past_continues_the_story():
    body = ("Le mardi 10 mars, Bamako a convoqué l'ambassadeur d'Algérie. "
            "Le ministre algérien de la Communication a récusé ces accusations et reproché aux autorités "
            "maliennes de pratiquer la désinformation.")
    blamed = _ms(body, "fr", trigger="reproché")
    assert blamed and blamed[0].event_date == date(2026, 3, 10)
