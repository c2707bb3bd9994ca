"""Tests for pipeline.text.temporal (pure Python, no spaCy)."""
from datetime import date

import pytest

from pipeline.text.temporal import (
    DateMention,
    date_mentions_json,
    find_dates,
    infer_reference_date,
    resolve_weekday,
)

REF = date(2026, 2, 4)  # a Wednesday


def one(text, ref=REF, lang="fr") -> DateMention:
    ms = find_dates(text, ref, lang)
    assert len(ms) == 1, [(m.text, m.value) for m in ms]
    return ms[0]


def values(text, ref=REF, lang="fr"):
    return [(m.text, m.value, m.precision) for m in find_dates(text, ref, lang)]


# ---------------------------------------------------------------- absolute (French)

@pytest.mark.parametrize(
    "text,expected,surface",
    [
        ("Le sommet s'est ouvert le 12 mars 2025 à Lima.", date(2025, 3, 12), "12 mars 2025"),
        ("Signé le 1er avril 2024.", date(2024, 4, 1), "1er avril 2024"),
        ("Signé le premier avril 2024.", date(2024, 4, 1), "premier avril 2024"),
        ("Réunion prévue le 15 fevrier 2026.", date(2026, 2, 15), "15 fevrier 2026"),
        ("Publié le 14 août 2025.", date(2025, 8, 14), "14 août 2025"),
        ("Publié le 14 aout 2025.", date(2025, 8, 14), "14 aout 2025"),
        ("Le décret du 5 déc. 2025 est entré en vigueur.", date(2025, 12, 5), "5 déc. 2025"),
        ("Mis à jour le 19/11/2025 à 10h.", date(2025, 11, 19), "19/11/2025"),
        ("Horodatage 2025-10-23T08:00.", date(2025, 10, 23), "2025-10-23"),
        ("Il est arrivé jeudi 5 février 2026 au matin.", date(2026, 2, 5), "jeudi 5 février 2026"),
    ],
)
def test_absolute_french(text, expected, surface):
    m = one(text)
    assert (m.value, m.precision, m.kind, m.text) == (expected, "day", "absolute", surface)
    assert text[m.start:m.end] == m.text


def test_day_month_without_year_inferred_from_reference():
    m = one("La délégation est rentrée le 20 janvier.")
    assert m.value == date(2026, 1, 20) and "year_inferred" in m.notes and m.kind == "absolute"


def test_year_inference_across_year_boundary_backwards():
    m = one("Les combats du 28 décembre ont fait trois morts.", ref=date(2026, 1, 5))
    assert m.value == date(2025, 12, 28)


def test_year_inference_across_year_boundary_forwards():
    m = one("Le scrutin aura lieu le 4 janvier.", ref=date(2025, 12, 30))
    assert m.value == date(2026, 1, 4)


def test_weekday_with_consistent_date_has_no_note():
    m = one("Le mardi 3 février, les ministres se sont réunis.")
    assert m.value == date(2026, 2, 3) and not any(n.startswith("weekday_mismatch") for n in m.notes)


def test_weekday_mismatch_is_flagged_and_explicit_date_wins():
    m = one("Le mardi 2 février, à Quito, les ministres se sont réunis.")
    assert m.value == date(2026, 2, 2)
    assert "weekday_mismatch:mardi!=lundi" in m.notes
    assert m.text == "mardi 2 février"


def test_weekday_mismatch_english():
    m = one("On Friday, March 6, 2026, talks resumed.", lang="en")
    assert m.value == date(2026, 3, 6) and not any("mismatch" in n for n in m.notes)
    m = one("On Thursday, March 6, 2026, talks resumed.", lang="en")
    assert "weekday_mismatch:thursday!=friday" in m.notes


def test_typographic_apostrophe_and_nbsp():
    text = "D\u2019ici la fin de l\u2019ann\u00e9e, puis le 9\u00a0mars\u00a02026."
    ms = find_dates(text, REF)
    assert [m.value for m in ms] == [date(2026, 12, 1), date(2026, 3, 9)]
    assert ms[1].text == "9\u00a0mars\u00a02026"


def test_day_range():
    m = one("Les pourparlers du 10 au 12 juin 2025 à Genève.")
    assert m.value == date(2025, 6, 10) and "range_end:2025-06-12" in m.notes


def test_invalid_day_is_not_a_day():
    assert all(m.precision != "day" for m in find_dates("le 31 février 2026", REF))


# ---------------------------------------------------------------- absolute (English)

@pytest.mark.parametrize(
    "text,expected,surface",
    [
        ("Talks began on March 12, 2025 in Lima.", date(2025, 3, 12), "March 12, 2025"),
        ("Talks began on 12 March 2025 in Lima.", date(2025, 3, 12), "12 March 2025"),
        ("The deal was signed on Jan. 20.", date(2026, 1, 20), "Jan. 20"),
        ("The deal was signed Tuesday, Feb. 3.", date(2026, 2, 3), "Tuesday, Feb. 3"),
        ("Filed on Sept. 9, 2025.", date(2025, 9, 9), "Sept. 9, 2025"),
        ("on the 4th of July 2025", date(2025, 7, 4), "4th of July 2025"),
    ],
)
def test_absolute_english(text, expected, surface):
    m = one(text, lang="en")
    assert (m.value, m.precision, m.text) == (expected, "day", surface)


def test_numeric_dates_follow_language():
    assert one("03/02/2026", lang="fr").value == date(2026, 2, 3)
    assert one("03/02/2026", lang="en").value == date(2026, 3, 2)
    assert one("25/12/2025", lang="en").value == date(2025, 12, 25)
    assert "ambiguous_numeric" in one("03/02/2026").notes


# ---------------------------------------------------------------- partial

def test_month_year_partials():
    assert values("En novembre 2025, le Congrès a voté.") == [("novembre 2025", date(2025, 11, 1), "month")]
    assert values("In November 2025, Congress voted.", lang="en") == [("November 2025", date(2025, 11, 1), "month")]


def test_month_without_year_takes_the_closest_year():
    m = one("Les sanctions décidées en octobre restent en place.")
    assert m.value == date(2025, 10, 1) and m.precision == "month" and m.kind == "partial"


def test_period_modifiers():
    m = one("La crise a éclaté début mars 2025.")
    assert (m.text, m.value, m.precision) == ("début mars 2025", date(2025, 3, 1), "month") and "early" in m.notes
    m = one("Un accord est attendu mi-mars.")
    assert m.text == "mi-mars" and m.value == date(2026, 3, 15) and "mid" in m.notes
    m = one("Elle a démissionné fin 2024.")
    assert (m.value, m.precision) == (date(2024, 12, 1), "month") and "late" in m.notes
    m = one("Growth slowed in late 2024.", lang="en")
    assert m.text == "late 2024" and m.value == date(2024, 12, 1)
    m = one("Talks stalled in early March.", lang="en")
    assert m.text == "early March" and m.value == date(2026, 3, 1) and "early" in m.notes


def test_bare_years_need_a_preposition():
    assert values("En 2024, l'armée a été déployée.") == [("2024", date(2024, 1, 1), "year")]
    m = one("Les relations se dégradent depuis 2023.")
    assert m.value == date(2023, 1, 1) and "since" in m.notes
    m = one("The mission should end by 2027.", lang="en")
    assert m.value == date(2027, 1, 1) and "by" in m.notes
    assert find_dates("Le budget 2026 prévoit 2025 postes.", REF) == []


def test_period_of_a_partial():
    m = one("En novembre 2025, le Congrès a voté.")
    assert m.period() == (date(2025, 11, 1), date(2025, 11, 30))
    assert m.midpoint() == date(2025, 11, 15)
    y = one("En 2024, tout a changé.")
    assert y.period() == (date(2024, 1, 1), date(2024, 12, 31))


# ---------------------------------------------------------------- non-dates

@pytest.mark.parametrize(
    "text",
    [
        "La police a saisi 3 000 tonnes de cocaïne.",
        "Le dirigeant, âgé de 79 ans, a démissionné.",
        "Le sommet du G20 s'est ouvert.",
        "Le bilan s'élève à 21 morts et 2 000 blessés.",
        "Il a mobilisé 2000 soldats.",
        "Il faut en 2000 tonnes au moins.",
        "Le score final est 3-1.",
        "They may 3D-print it.",
        "En sept ans, rien n'a changé.",
        "La planète Mars est rouge.",
        "Mardi gras est une fête.",
        "Il est arrivé à 15h30.",
        "Article 12 du traité.",
    ],
)
def test_non_dates_are_ignored(text):
    assert find_dates(text, REF) == [], [(m.text, m.value) for m in find_dates(text, REF)]


# ---------------------------------------------------------------- relative

@pytest.mark.parametrize(
    "text,expected,precision",
    [
        ("Le ministre s'est exprimé hier.", date(2026, 2, 3), "day"),
        ("Le ministre s'exprime aujourd'hui.", date(2026, 2, 4), "day"),
        ("Le ministre s'exprime aujourd\u2019hui.", date(2026, 2, 4), "day"),
        ("Le vote a eu lieu avant-hier.", date(2026, 2, 2), "day"),
        ("Il partira demain.", date(2026, 2, 5), "day"),
        ("Les deux hommes se sont parlé mardi.", date(2026, 2, 3), "day"),
        ("Le texte a été publié mercredi.", date(2026, 2, 4), "day"),  # same day allowed
        ("Le texte a été publié jeudi.", date(2026, 1, 29), "day"),
        ("Il a parlé lundi dernier.", date(2026, 2, 2), "day"),
        ("Il a parlé mercredi dernier.", date(2026, 1, 28), "day"),
        ("Il parlera mardi prochain.", date(2026, 2, 10), "day"),
        ("La loi a été votée la semaine dernière.", date(2026, 1, 26), "week"),
        ("La loi sera votée cette semaine.", date(2026, 2, 2), "week"),
        ("Il l'a rencontré il y a deux jours.", date(2026, 2, 2), "day"),
        ("Il l'a rencontré il y a trois semaines.", date(2026, 1, 14), "week"),
        ("Il l'a rencontré il y a 10 jours.", date(2026, 1, 25), "day"),
        ("Les prix ont flambé le mois dernier.", date(2026, 1, 1), "month"),
        ("Les prix ont flambé l'an dernier.", date(2025, 1, 1), "year"),
        ("Les prix ont flambé l'année dernière.", date(2025, 1, 1), "year"),
        ("Il reviendra dans deux jours.", date(2026, 2, 6), "day"),
        ("Il reviendra dans un mois.", date(2026, 3, 1), "month"),
        ("Il sera à Paris ce week-end.", date(2026, 2, 7), "day"),
    ],
)
def test_relative_french(text, expected, precision):
    m = one(text)
    assert (m.value, m.precision, m.kind) == (expected, precision, "relative"), m


@pytest.mark.parametrize(
    "text,expected,precision",
    [
        ("He spoke yesterday.", date(2026, 2, 3), "day"),
        ("He speaks today.", date(2026, 2, 4), "day"),
        ("He leaves tomorrow.", date(2026, 2, 5), "day"),
        ("They met on Tuesday.", date(2026, 2, 3), "day"),
        ("They met last Monday.", date(2026, 2, 2), "day"),
        ("They will meet next Friday.", date(2026, 2, 6), "day"),
        ("They met two days ago.", date(2026, 2, 2), "day"),
        ("They met a week ago.", date(2026, 1, 28), "week"),
        ("They met last week.", date(2026, 1, 26), "week"),
        ("Prices rose last month.", date(2026, 1, 1), "month"),
        ("Prices rose last year.", date(2025, 1, 1), "year"),
        ("They will meet in three days.", date(2026, 2, 7), "day"),
    ],
)
def test_relative_english(text, expected, precision):
    m = one(text, lang="en")
    assert (m.value, m.precision, m.kind) == (expected, precision, "relative"), m


def test_relative_without_reference_has_no_value():
    for text in ("Il a parlé hier.", "Ils se sont vus mardi.", "la semaine dernière", "il y a deux jours"):
        m = one(text, ref=None)
        assert m.value is None and "no_reference" in m.notes and m.kind == "relative"


def test_day_month_without_reference_uses_year_from_text():
    ms = find_dates("Le 7 janvier 2026, il a rappelé l'arrestation du 3 janvier.", None)
    assert [m.value for m in ms] == [date(2026, 1, 7), date(2026, 1, 3)]
    assert "year_from_text" in ms[1].notes


def test_resolve_weekday_conventions():
    wed = date(2026, 2, 4)
    assert resolve_weekday(2, wed) == wed
    assert resolve_weekday(2, wed, "past") == date(2026, 1, 28)
    assert resolve_weekday(2, wed, "future") == date(2026, 2, 11)
    assert resolve_weekday(0, wed, "same_week") == date(2026, 2, 2)


# ---------------------------------------------------------------- ordering, JSON, reference

def test_mentions_sorted_non_overlapping_longest_wins():
    text = "Le 7 janvier 2026, puis mardi, et en septembre 2025 ; hier encore."
    ms = find_dates(text, REF)
    assert [m.text for m in ms] == ["7 janvier 2026", "mardi", "septembre 2025", "hier"]
    for a, b in zip(ms, ms[1:]):
        assert a.end <= b.start
    for m in ms:
        assert text[m.start:m.end] == m.text


def test_date_mentions_json():
    recs = date_mentions_json("Signé le 3 janvier 2026, annoncé hier.", None, "fr")
    assert recs[0] == {"text": "3 janvier 2026", "start": 9, "end": 23, "value": "2026-01-03",
                       "precision": "day", "kind": "absolute", "notes": []}
    assert recs[1]["value"] is None and recs[1]["notes"] == ["no_reference"]


def test_infer_reference_date():
    text = ("Le 3 janvier, Caracas a été bombardée. Le 7 janvier 2026, les présidents se sont parlé. "
            "En septembre 2025, le visa avait été révoqué.")
    assert infer_reference_date(text, "fr") == date(2026, 1, 7)
    assert infer_reference_date("Rien de daté ici, sauf hier.", "fr") is None
    assert infer_reference_date("Published March 2, 2026; updated March 3.", "en") == date(2026, 3, 3)


def test_sentence_final_period_not_in_span_but_abbreviation_period_kept():
    assert one("Un accord est attendu mi-mars.").text == "mi-mars"
    assert one("La réunion du 9 janvier.").text == "9 janvier"
    assert one("Signed on Jan. 9.", lang="en").text == "Jan. 9"


def test_find_dates_is_fast_on_long_text():
    import time

    text = "Le 7 janvier 2026, puis mardi, et en septembre 2025 ; hier encore, 3 000 tonnes. " * 300
    t = time.perf_counter()
    assert len(find_dates(text, REF)) == 1200
    assert time.perf_counter() - t < 2.0


# ---------------------------------------------------------------- nights, sub-periods, bounds (issue 13 item 5)

FRI = date(2026, 3, 13)  # a Friday


@pytest.mark.parametrize("text,lang,expected", [
    ("Des drones ont frappé Kharkiv dans la nuit de lundi à mardi.", "fr", date(2026, 3, 10)),
    ("Les tirs ont repris dans la nuit du mercredi au jeudi.", "fr", date(2026, 3, 12)),
    ("Drones hit the port overnight Monday into Tuesday.", "en", date(2026, 3, 10)),
    ("Shelling resumed in the night of Wednesday to Thursday.", "en", date(2026, 3, 12)),
])
def test_a_night_between_two_weekdays_is_one_mention_on_the_day_it_ends(text, lang, expected):
    m = one(text, FRI, lang)
    assert m.value == expected and m.precision == "day" and "night" in m.notes


@pytest.mark.parametrize("text,lang,mid,precision", [
    ("Le traité a été signé fin de l'année dernière.", "fr", date(2025, 12, 16), "month"),
    ("Il sera appliqué au début du mois prochain.", "fr", date(2026, 4, 5), "month"),
    ("Les pourparlers ont eu lieu en début de semaine.", "fr", date(2026, 3, 10), "day"),
    ("Les tirs ont cessé plus tôt dans la semaine.", "fr", date(2026, 3, 10), "day"),
    ("Talks resumed earlier this week.", "en", date(2026, 3, 10), "day"),
    ("The deal was struck late last year.", "en", date(2025, 12, 16), "month"),
    ("The ban takes effect early next month.", "en", date(2026, 4, 5), "month"),
])
def test_sub_periods_of_relative_periods(text, lang, mid, precision):
    m = one(text, FRI, lang)
    assert (m.midpoint(), m.precision) == (mid, precision), (m.text, m.value, m.notes)


@pytest.mark.parametrize("text,lang,note", [
    ("They agreed to extend the truce until the end of 2027.", "en", "by"),
    ("La trêve est prolongée jusqu'au 3 avril.", "fr", "by"),
    ("Les frontières sont fermées depuis le 2 mars.", "fr", "since"),
    ("Border crossings have been shut since early March.", "en", "since"),
])
def test_a_preposition_before_the_mention_bounds_a_period(text, lang, note):
    assert note in one(text, FRI, lang).notes


def test_plain_dates_are_not_bounds():
    assert not {"by", "since"} & set(one("Le traité a été signé le 3 mars.", FRI).notes)


def test_bare_weekdays_are_marked_and_qualified_ones_are_not():
    assert "weekday_bare" in one("Il a parlé mardi soir.", FRI).notes
    assert "weekday_bare" in one("They met on Tuesday.", FRI, "en").notes
    for text, lang in [("Il a parlé mardi dernier.", "fr"), ("Il viendra mardi prochain.", "fr"),
                       ("They met last Tuesday.", "en"), ("Ce mardi, il a parlé.", "fr")]:
        assert "weekday_bare" not in one(text, FRI, lang).notes, text
