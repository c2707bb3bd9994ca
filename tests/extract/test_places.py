"""Tests for pipeline.extract.places and the gazetteer data files."""
import csv
from pathlib import Path

import pytest

from pipeline.core.models import Place
from pipeline.extract.places import (
    Country,
    PlaceMention,
    capital_country,
    country_by_demonym,
    country_by_name,
    find_places,
    load_countries,
    load_gazetteer,
    lookup_place,
    resolve_event_place,
)

DATA = Path(__file__).resolve().parents[2] / "pipeline" / "data"


# ---------------------------------------------------------------- data integrity

def _rows(name):
    with open(DATA / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_countries_csv_integrity():
    rows = _rows("countries.csv")
    codes = [r["iso3"] for r in rows]
    assert len(codes) == len(set(codes)) >= 249
    for r in rows:
        assert len(r["iso3"]) == 3 and r["iso3"].isupper() and r["iso3"].isalpha()
        assert len(r["iso2"]) == 2 and r["iso2"].isupper()
        assert r["name_en"] and r["name_fr"]
    # withdrawn / non-ISO codes must not sneak in (XKX Kosovo is the one documented exception)
    assert not set(codes) & {"ZAR", "BUR", "TMP", "YMD", "DDR", "FXX", "ANT", "SCG", "UK", "XKK"}
    iso2 = [r["iso2"] for r in rows]
    assert len(iso2) == len(set(iso2))


def test_top_countries_have_complete_demonyms():
    c = load_countries()
    for iso3, fr, en in [
        ("COL", {"colombien", "colombienne", "colombiens", "colombiennes"}, {"Colombian", "Colombians"}),
        ("USA", {"américain", "américaine", "américains", "américaines", "étasunien"}, {"American"}),
        ("VEN", {"vénézuélien", "vénézuélienne", "vénézuéliens", "vénézuéliennes"}, {"Venezuelan"}),
        ("FRA", {"français", "française", "françaises"}, {"French"}),
        ("GRC", {"grec", "grecque", "grecs", "grecques"}, {"Greek"}),
        ("ECU", {"équatorien", "équatorienne"}, {"Ecuadorian"}),
    ]:
        assert fr <= set(c[iso3].demonyms_fr), iso3
        assert en <= set(c[iso3].demonyms_en), iso3
    with_dem = [k for k, v in c.items() if v.demonyms_fr and v.demonyms_en]
    assert len(with_dem) >= 200


def test_gazetteer_csv_integrity():
    rows = _rows("gazetteer.csv")
    assert len(rows) >= 300
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))
    codes = {r["iso3"] for r in _rows("countries.csv")}
    kinds = {"country", "capital", "city", "admin", "region", "sea", "venue", "town"}
    for r in rows:
        assert r["kind"] in kinds, r
        lat, lon = float(r["lat"]), float(r["lon"])
        assert -90 <= lat <= 90 and -180 <= lon <= 180, r
        assert r["country_iso3"] == "" or r["country_iso3"] in codes, r
        assert not r["parent"] or r["parent"] in set(ids), r
        if r["kind"] not in ("capital",):
            assert r["names"], r
    # every country has a country row
    assert {r["country_iso3"] for r in rows if r["kind"] == "country"} == codes
    for required in ["city:miami", "city:new-york", "capital:ESP", "city:dubai", "city:medellin", "city:cali",
                     "city:maracaibo", "city:guantanamo", "city:geneva", "city:davos", "capital:QAT",
                     "venue:white-house", "venue:oval-office", "sea:caribbean-sea", "sea:pacific-ocean",
                     "venue:miraflores", "venue:casa-de-narino"]:
        assert required in ids, required


def test_coordinates_are_plausible():
    g = {e.id: e for e in load_gazetteer()}
    bog = g["capital:COL"]
    assert abs(bog.lat - 4.71) < 0.2 and abs(bog.lon + 74.07) < 0.2
    assert abs(g["city:miami"].lat - 25.76) < 0.2
    assert g["country:USA"].lat > 30 and g["country:USA"].lon < -80
    assert g["sea:caribbean-sea"].country is None
    assert g["venue:casa-de-narino"].country == "COL"
    # southern hemisphere capitals
    assert g["capital:ARG"].lat < 0 and g["capital:AUS"].lat < 0


# ---------------------------------------------------------------- lookups

@pytest.mark.parametrize(
    "text,iso3",
    [
        ("la Colombie", "COL"), ("Colombie", "COL"), ("colombie", "COL"), ("Colombia", "COL"),
        ("les États-Unis", "USA"), ("Etats-Unis", "USA"), ("Etats Unis", "USA"), ("the United States", "USA"),
        ("USA", "USA"), ("U.S.", "USA"), ("le Venezuela", "VEN"), ("l'Équateur", "ECU"), ("l\u2019Equateur", "ECU"),
        ("le Royaume-Uni", "GBR"), ("Grande-Bretagne", "GBR"), ("la Russie", "RUS"), ("Allemagne", "DEU"),
        ("la Côte d'Ivoire", "CIV"), ("Ivory Coast", "CIV"), ("la RDC", "COD"), ("Birmanie", "MMR"),
        ("Pays-Bas", "NLD"), ("Émirats arabes unis", "ARE"), ("Corée du Nord", "PRK"), ("Türkiye", "TUR"),
        ("Mexique", "MEX"), ("Brésil", "BRA"), ("Pérou", "PER"), ("Haïti", "HTI"), ("Cuba", "CUB"),
        ("Kosovo", "XKX"),
    ],
)
def test_country_by_name(text, iso3):
    assert country_by_name(text, "fr") == iso3


def test_country_by_name_rejects_non_countries():
    assert country_by_name("Bogota") is None
    assert country_by_name("colombien") is None
    assert country_by_name("") is None


@pytest.mark.parametrize(
    "word,iso3",
    [
        ("colombien", "COL"), ("colombiennes", "COL"), ("Colombian", "COL"), ("Colombians", "COL"),
        ("américain", "USA"), ("américaines", "USA"), ("americain", "USA"), ("étasunien", "USA"),
        ("American", "USA"), ("vénézuélien", "VEN"), ("venezuelienne", "VEN"), ("Venezuelan", "VEN"),
        ("équatorien", "ECU"), ("cubain", "CUB"), ("russe", "RUS"), ("Russian", "RUS"), ("chinois", "CHN"),
        ("britannique", "GBR"), ("British", "GBR"), ("français", "FRA"), ("française", "FRA"),
        ("mexicaine", "MEX"), ("brésiliens", "BRA"), ("israélien", "ISR"), ("palestinienne", "PSE"),
        ("iranien", "IRN"), ("ukrainienne", "UKR"), ("sud-coréen", "KOR"), ("nord-coréenne", "PRK"),
        ("congolais", "COD"), ("panaméen", "PAN"), ("Ecuadorian", "ECU"),
    ],
)
def test_country_by_demonym(word, iso3):
    assert country_by_demonym(word) == iso3


def test_country_by_demonym_unknown():
    assert country_by_demonym("président") is None
    assert country_by_demonym("Colombie") is None


@pytest.mark.parametrize(
    "text,iso3",
    [
        ("Washington", "USA"), ("Bogota", "COL"), ("Bogotá", "COL"), ("Caracas", "VEN"), ("Quito", "ECU"),
        ("Maison Blanche", "USA"), ("la Maison-Blanche", "USA"), ("White House", "USA"), ("the White House", "USA"),
        ("Kremlin", "RUS"), ("le Kremlin", "RUS"), ("Élysée", "FRA"), ("l'Elysée", "FRA"), ("Downing Street", "GBR"),
        ("Pentagone", "USA"), ("Pentagon", "USA"), ("Miraflores", "VEN"), ("Casa de Nariño", "COL"),
        ("Londres", "GBR"), ("Pékin", "CHN"), ("Beijing", "CHN"), ("Moscou", "RUS"), ("Kiev", "UKR"), ("Kyiv", "UKR"),
        ("La Havane", "CUB"), ("Mexico", "MEX"), ("Brasilia", "BRA"), ("Bureau ovale", "USA"),
    ],
)
def test_capital_country(text, iso3):
    assert capital_country(text) == iso3


def test_capital_country_ignores_ordinary_cities():
    assert capital_country("Miami") is None
    assert capital_country("Medellín") is None
    assert capital_country("Colombie") is None


def test_load_countries_record():
    c = load_countries()["COL"]
    assert isinstance(c, Country)
    assert c.name_fr == "Colombie" and c.name_en == "Colombia" and c.iso2 == "CO"
    assert "Bogotá" in c.capital_names and "Bogota" in c.capital_names


def test_lookup_place():
    assert lookup_place("Genève").id == "city:geneva"
    assert lookup_place("Geneva").id == "city:geneva"
    assert lookup_place("Doha").country == "QAT"
    assert lookup_place("Medellin").country == "COL"
    assert lookup_place("la Colombie").kind == "country"
    assert lookup_place("Atlantide") is None


# ---------------------------------------------------------------- find_places

def _by_text(text, lang="fr"):
    return {p.text: p for p in find_places(text, lang)}


def test_find_places_location_cues_french():
    text = "Le ministre a été reçu à Quito, puis au Pérou et en Bolivie, avant un sommet dans les Caraïbes."
    ps = _by_text(text)
    assert ps["Quito"].is_location_cue and ps["Quito"].cue == "à" and ps["Quito"].place.precision == "city"
    assert ps["Pérou"].is_location_cue and ps["Pérou"].cue == "au" and ps["Pérou"].place.precision == "country"
    assert ps["Bolivie"].is_location_cue and ps["Bolivie"].cue == "en"
    assert ps["Caraïbes"].is_location_cue
    for p in ps.values():
        assert text[p.start:p.end] == p.text and isinstance(p, PlaceMention) and isinstance(p.place, Place)


def test_find_places_actor_mentions_are_not_locations():
    ps = _by_text("Le Brésil a condamné la décision, tandis que Cuba a dénoncé des pressions contre le Nicaragua.")
    assert not ps["Brésil"].is_location_cue and ps["Brésil"].place.country == "BRA"
    assert not ps["Cuba"].is_location_cue
    assert ps["Nicaragua"].cue == "contre le" and not ps["Nicaragua"].is_location_cue


def test_find_places_venue_and_event_cue():
    ps = _by_text("Les présidents se sont retrouvés à la Maison-Blanche lors d'une visite éclair.")
    mb = ps["Maison-Blanche"]
    assert mb.is_location_cue and mb.cue == "à la" and mb.place.country == "USA" and mb.kind == "venue"
    ps = _by_text("Il a pris la parole lors d'une manifestation à Medellín.")
    assert ps["Medellín"].cue == "lors d'une manifestation à" and ps["Medellín"].is_location_cue


def test_find_places_english():
    ps = _by_text("Officials met at the White House and later in Caracas, while troops moved toward Panama.", "en")
    assert ps["White House"].is_location_cue and ps["White House"].place.precision == "city"
    assert ps["Caracas"].is_location_cue and ps["Caracas"].place.country == "VEN"
    assert not ps["Panama"].is_location_cue


def test_find_places_accents_and_longest_match():
    ps = _by_text("Des vols partent de Bogota et de Medellin vers la Republique dominicaine et la Colombie-Britannique.")
    assert ps["Bogota"].place.country == "COL"
    assert ps["Medellin"].place.country == "COL"
    assert ps["Republique dominicaine"].place.country == "DOM"
    assert ps["Colombie-Britannique"].place.country == "CAN"
    assert "Colombie" not in ps


def test_find_places_case_rules():
    assert find_places("un climat pacifique et une ville nice", "fr") == []
    assert [p.text for p in find_places("Il vit à Nice depuis 2020.", "fr")] == ["Nice"]
    assert [p.text for p in find_places("Le cartel de Cali reste actif.", "fr")] == ["Cali"]
    assert find_places("let us go", "en") == []
    assert [p.place.country for p in find_places("US forces", "en")] == ["USA"]


def test_find_places_blocks_other_proper_nouns():
    assert find_places("selon le Washington Post et le New York Times", "fr") == []
    assert find_places("George Washington était président.", "fr") == []


def test_french_a_vs_au_disambiguates_city_states():
    ps = find_places("Il est arrivé à Panama puis il a quitté le Panama.", "fr")
    assert [p.kind for p in ps] == ["capital", "country"]
    assert find_places("Il vit à Mexico.", "fr")[0].kind == "capital"


def test_find_places_typographic_apostrophe_and_nbsp():
    ps = find_places("Frappes au large des côtes du\u00a0Venezuela et à l\u2019Élysée.", "fr")
    assert [(p.text, p.is_location_cue) for p in ps] == [("Venezuela", True), ("Élysée", True)]


# ---------------------------------------------------------------- resolve_event_place

ARTICLE = (
    "Le président colombien a été reçu à la Maison Blanche mardi. "
    "Il a demandé de l'aide contre les cartels. "
    "La veille, il avait rencontré des élus à Miami. "
    "La Colombie a salué l'accord. "
    "Des manifestants se sont rassemblés à la Maison Blanche."
)


def _sentences(text):
    out, pos = [], 0
    for part in text.split(". "):
        s = part if part.endswith(".") else part + "."
        i = text.index(part, pos)
        out.append((s[: len(part)] if part.endswith(".") else part, i))
        pos = i + len(part)
    return out


def test_resolve_event_place_sentence_level():
    places = find_places(ARTICLE, "fr")
    sents = _sentences(ARTICLE)
    p = resolve_event_place(sents[0][0], sents[0][1], places, "fr")
    assert p.name == "Maison Blanche" and p.country == "USA" and p.source == "sentence" and p.precision == "city"
    p = resolve_event_place(sents[2][0], sents[2][1], places, "fr")
    assert p.name == "Miami" and p.source == "sentence"


def test_resolve_event_place_article_fallback():
    places = find_places(ARTICLE, "fr")
    sents = _sentences(ARTICLE)
    p = resolve_event_place(sents[3][0], sents[3][1], places, "fr")  # "La Colombie a salué" : actor, not place
    assert p.source == "article" and p.name == "Maison Blanche"


def test_resolve_event_place_prefers_most_specific_in_sentence():
    s = "La rencontre aura lieu aux États-Unis, à la Maison Blanche à Washington."
    p = resolve_event_place(s, 0, find_places(s, "fr"), "fr")
    assert p.name == "Maison Blanche"


def test_resolve_event_place_country_level_is_marked():
    s = "Des frappes ont eu lieu au Venezuela."
    p = resolve_event_place(s, 0, [], "fr")
    assert p.country == "VEN" and p.precision == "country" and p.source == "sentence"


def test_resolve_event_place_none_without_cues():
    s = "La Colombie et le Venezuela ont signé un accord."
    assert resolve_event_place(s, 0, find_places(s, "fr"), "fr") is None
    assert resolve_event_place("Rien ici.", 0, [], "fr") is None


def test_resolve_event_place_dateline():
    art = "Caracas (AFP) - Le gouvernement a dénoncé les sanctions. Le Venezuela refuse."
    places = find_places(art, "fr")
    p = resolve_event_place("Le Venezuela refuse.", art.index("Le Venezuela"), places, "fr")
    assert p.name == "Caracas" and p.source == "article"


def test_non_locative_prepositions():
    ps = _by_text("Washington accentue la pression sur Bogota et le dialogue sur le Venezuela depuis Caracas.")
    assert not ps["Bogota"].is_location_cue
    assert not ps["Venezuela"].is_location_cue
    assert ps["Caracas"].is_location_cue  # "depuis" = speaking/acting from there


def test_find_places_is_fast_on_long_text():
    import time

    text = ("Le président a été reçu à la Maison Blanche, puis à Miami et à Bogota. " * 400)
    t = time.perf_counter()
    ps = find_places(text, "fr")
    assert len(ps) == 1200
    assert time.perf_counter() - t < 1.0


def test_iso_codes_only_in_capitals():
    from pipeline.extract.places import country_by_name

    assert country_by_name("à la", "fr") is None  # not ALA (Åland)
    assert country_by_name("usa", "en") is None
    assert country_by_name("USA", "en") == "USA"
    assert country_by_name("Etats-Unis", "fr") == "USA"


def test_place_part_cues():
    from pipeline.extract.places import find_places

    for text, iso in (("dans le sud du Liban", "LBN"), ("in southern Lebanon", "LBN"),
                      ("dans les rues de Nairobi", "KEN"), ("dans le nord-ouest du Nigeria", "NGA")):
        p = find_places(text, "fr")[0]
        assert p.is_location_cue and p.place.country == iso
