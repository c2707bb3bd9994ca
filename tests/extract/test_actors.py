from datetime import date

import pytest

from pipeline.extract.actors import dictionary_version, get_dictionary, resolve_actor


def test_dictionary_is_versioned_and_large():
    d = get_dictionary()
    assert dictionary_version()
    assert len(d.entities) >= 60


@pytest.mark.parametrize("text,on,country,sector", [
    ("Donald Trump", date(2026, 1, 7), "USA", "GOV"),
    ("Donald Trump", date(2023, 6, 1), "USA", "POL"),
    ("Joe Biden", date(2024, 6, 1), "USA", "GOV"),
    ("Joe Biden", date(2025, 6, 1), "USA", "POL"),
    ("M. Trump", date(2026, 1, 7), "USA", "GOV"),
    ("Petro", date(2026, 2, 3), "COL", "GOV"),
    ("Nicolás Maduro", date(2025, 12, 1), "VEN", "GOV"),
    ("Nicolas Maduro", date(2026, 2, 1), "VEN", "POL"),
    ("Delcy Rodríguez", date(2026, 1, 7), "VEN", "GOV"),
    ("le Clan del Golfo", None, "COL", "CRM"),
    ("le Tren de Aragua", None, "VEN", "CRM"),
    ("le Hezbollah", None, "LBN", "REB"),
    ("la Maison Blanche", None, "USA", "GOV"),
    ("Vladimir Poutine", None, "RUS", "GOV"),
])
def test_dictionary_roles(text, on, country, sector):
    ref = resolve_actor(text, "fr", on)
    assert ref is not None and (ref.country, ref.sector) == (country, sector)


def test_igo_has_no_country():
    ref = resolve_actor("l'ONU", "fr")
    assert ref.sector == "IGO" and ref.country is None
    assert resolve_actor("un accord", "fr") is None  # French article "un" is not the UN


@pytest.mark.parametrize("text,country,sector", [
    ("le président colombien", "COL", "GOV"),
    ("l'armée américaine", "USA", "MIL"),
    ("les manifestants colombiens", "COL", "CVL"),
    ("la Colombie", "COL", "GOV"),
    ("Washington", "USA", "GOV"),
    ("the Israeli government", "ISR", "GOV"),
    ("Russian forces", "RUS", "MIL"),
])
def test_generic_rules(text, country, sector):
    lang = "en" if text[0].isupper() and " " in text and text.split()[0] in ("the", "Russian") else "fr"
    ref = resolve_actor(text, lang)
    assert ref is not None and ref.country == country and ref.sector == sector
