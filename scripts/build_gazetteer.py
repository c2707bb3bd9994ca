#!/usr/bin/env python
"""Generate pipeline/data/countries.csv and pipeline/data/gazetteer.csv.

The reference data in pipeline/data/gazetteer_sources/ is written by hand (coordinates approximate to ~2 decimals:
country centroids, capitals, major cities, a few news venues, seas and regions);
French and English country names come from the Unicode CLDR through Babel when it
is importable (it is in the project venv, via Airflow/courlan) and are then
completed with the hand-written variants.  Re-run after editing:

    .venv/bin/python scripts/build_gazetteer.py

The CSVs are committed; nothing at run time needs Babel.
Kosovo has no ISO 3166-1 code; the user-assigned XKX (EU, IMF, SWIFT usage) is used.
"""
from __future__ import annotations

import csv
import json
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "pipeline" / "data"

SOURCES = DATA / "gazetteer_sources"  # the hand-written reference data (see its files' headers)


def _json(name: str):
    return json.loads((SOURCES / f"{name}.json").read_text(encoding="utf-8"))


def _rows(name: str, numeric: tuple[str, ...]) -> list[tuple]:
    with open(SOURCES / f"{name}.csv", encoding="utf-8", newline="") as fh:
        return [tuple(float(v) if k in numeric else v for k, v in row.items()) for row in csv.DictReader(fh)]


# iso3;centroid_lat;centroid_lon;capital_en;capital_fr;cap_lat;cap_lon;demonym_fr(masc sg);demonym_en
COUNTRY_TABLE = (SOURCES / "countries.csv").read_text(encoding="utf-8").split("\n", 1)[1]
# Extra country names (French and English, official and common short forms).
# Acronyms are matched case-sensitively by pipeline.extract.places.
EXTRA_NAMES: dict[str, list[str]] = _json("extra_country_names")
EXTRA_DEMONYMS_FR: dict[str, list[str]] = _json("extra_demonyms_fr")
EXTRA_DEMONYMS_EN: dict[str, list[str]] = _json("extra_demonyms_en")
# Demonyms that two countries share: which one the bare word resolves to.
DEMONYM_PREFERRED: dict[str, str] = _json("demonym_preferred")
CAPITAL_VARIANTS: dict[str, list[str]] = _json("capital_variants")
UNMATCHABLE_CAPITALS = set(_json("unmatchable_capitals"))
# Non-capital cities: (slug, iso3, lat, lon, names). "kind" city.
CITIES = _rows("cities", ("lat", "lon"))
# Admin areas / regions (kind admin or region): (slug, iso3 or "", kind, lat, lon, names)
AREAS = _rows("areas", ("lat", "lon"))
SEAS = _rows("seas", ("lat", "lon"))
# Venues: (slug, iso3, lat, lon, parent capital/city id, names)
VENUES = _rows("venues", ("lat", "lon"))
# (French, English) display names where CLDR's short form is not the usual one in news.
NAME_OVERRIDES: dict[str, tuple[str, str]] = {k: tuple(v) for k, v in _json("name_overrides").items()}
BAD_ISO3 = set(_json("bad_iso3"))



_INVARIABLE_EN = ("ese", "ish", "ch", "ss", "swiss", "ic")


def fr_forms(m: str) -> list[str]:
    """Masculine singular French demonym -> [masc sg, fem sg, masc pl, fem pl]."""
    if not m:
        return []
    if m in ("grec",):
        return ["grec", "grecque", "grecs", "grecques"]
    if m in ("turc",):
        return ["turc", "turque", "turcs", "turques"]
    if m.endswith("burkinabè"):
        return [m, m + "s"]
    if m.endswith(("ien", "yen", "ïen", "éen")):
        return [m, m + "ne", m + "s", m + "nes"]
    if m.endswith(("ais", "ois")):
        return [m, m + "e", m + "es"]
    if m.endswith("e"):
        return [m, m + "s"]
    if m.endswith("x"):
        return [m, m[:-1] + "se", m[:-1] + "ses"]
    return [m, m + "e", m + "s", m + "es"]


def en_forms(d: str) -> list[str]:
    if not d:
        return []
    if not d[-1].isalpha() or d.lower().endswith(("sh", "ch")):
        return [d]
    if d.lower().endswith(_INVARIABLE_EN) or d.endswith("s") or d in ("Thai", "Lao", "Malagasy", "Basotho", "Manx", "I-Kiribati", "Ni-Vanuatu"):
        return [d] if d not in ("Thai",) else [d, d + "s"]
    return [d, d + "s"]








def strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def clean_variant(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("\u2019", "'").replace("&", "and")).strip()


def variants(*names: str) -> list[str]:
    """Names plus their accent-free forms, in order, deduplicated."""
    out: list[str] = []
    for n in names:
        if not n:
            continue
        n = clean_variant(n)
        for v in (n, strip_accents(n)):
            if v and v not in out:
                out.append(v)
    return out


def cldr_names() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """iso3 -> (iso2, English name, French name) from CLDR via Babel (empty if absent)."""
    try:
        from babel import Locale
        from babel.core import get_global
    except ImportError:  # pragma: no cover
        print("babel not importable: names limited to the hand-written ones", file=sys.stderr)
        return {}, {}, {}
    aliases = get_global("territory_aliases")
    en, fr = Locale("en").territories, Locale("fr").territories
    iso2, name_en, name_fr = {}, {}, {}
    for k, v in aliases.items():
        if len(k) == 3 and k.isalpha() and len(v) == 1 and v[0] in en:
            iso2[k] = v[0]
            name_en[k] = en[v[0]]
            name_fr[k] = fr[v[0]]
    return iso2, name_en, name_fr


def _en_clean(n: str) -> list[str]:
    n = n.replace("St. ", "Saint ").replace("&", "and").replace("\u2019", "'")
    n = re.sub(r"\s*SAR China$", "", n)
    m = re.match(r"^(.*?)\s*\((.*)\)$", n)
    if m:
        return [m.group(1), m.group(2)]
    if " - " in n:  # "Congo - Kinshasa"
        a, b = n.split(" - ", 1)
        return [f"{a}-{b}"]
    return [n]


def _fr_clean(n: str) -> list[str]:
    n = n.replace("\u2019", "'")
    if n.startswith("R.A.S. chinoise de "):
        return [n[len("R.A.S. chinoise de "):]]
    m = re.match(r"^(.*?)\s*\((.*)\)$", n)
    if m:
        return [m.group(1), m.group(2)]
    return [n]


ISO2_FALLBACK = {"XKX": "XK"}


def parse_table():
    rows = []
    for line in COUNTRY_TABLE.strip().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        f = line.split(";")
        assert len(f) == 9, line
        rows.append(f)
    return rows


def build():
    iso2s, en_names, fr_names = cldr_names()
    countries = []
    gaz = []
    seen_ids = set()

    def add(row):
        assert row["id"] not in seen_ids, row["id"]
        seen_ids.add(row["id"])
        gaz.append(row)

    for iso3, clat, clon, cap_en, cap_fr, caplat, caplon, dem_fr, dem_en in parse_table():
        iso2 = iso2s.get(iso3) or ISO2_FALLBACK.get(iso3, "")
        n_en = _en_clean(en_names[iso3]) if iso3 in en_names else []
        n_fr = _fr_clean(fr_names[iso3]) if iso3 in fr_names else []
        extra = EXTRA_NAMES.get(iso3, [])
        name_en = n_en[0] if n_en else next((e for e in extra if e.isascii()), iso3)
        name_fr = n_fr[0] if n_fr else (extra[0] if extra else name_en)
        if iso3 in NAME_OVERRIDES:
            name_fr, name_en = NAME_OVERRIDES[iso3]
        if iso3 == "XKX":
            name_en = name_fr = "Kosovo"
        names = variants(name_fr, name_en, *n_fr[1:], *n_en[1:], *extra)
        dfr: list[str] = []
        for d in [dem_fr] + EXTRA_DEMONYMS_FR.get(iso3, []):
            for f in fr_forms(d):
                if f not in dfr:
                    dfr.append(f)
        den: list[str] = []
        for d in [dem_en] + EXTRA_DEMONYMS_EN.get(iso3, []):
            for f in en_forms(d):
                if f not in den:
                    den.append(f)
        capital = cap_fr or cap_en
        countries.append({
            "iso3": iso3, "iso2": iso2, "name_en": name_en, "name_fr": name_fr,
            "demonyms_fr": "|".join(dfr), "demonyms_en": "|".join(den),
            "capital": capital, "capital_en": cap_en, "names": "|".join(names),
        })
        add({"id": f"country:{iso3}", "name": name_fr, "country_iso3": iso3, "kind": "country",
             "lat": f"{float(clat):.2f}", "lon": f"{float(clon):.2f}", "names": "|".join(names), "parent": ""})
        if cap_en:
            cap_names = [] if cap_en in UNMATCHABLE_CAPITALS or cap_fr in UNMATCHABLE_CAPITALS else variants(
                cap_fr, cap_en, *CAPITAL_VARIANTS.get(iso3, []))
            # city-states: the capital's bare name is the country's; keep only explicit city forms
            add({"id": f"capital:{iso3}", "name": capital, "country_iso3": iso3, "kind": "capital",
                 "lat": f"{float(caplat):.2f}", "lon": f"{float(caplon):.2f}", "names": "|".join(cap_names),
                 "parent": f"country:{iso3}"})
    for slug, iso3, lat, lon, names in CITIES:
        if not names:
            continue
        parts = names.split("|")
        add({"id": f"city:{slug}", "name": parts[0], "country_iso3": iso3, "kind": "city",
             "lat": f"{lat:.2f}", "lon": f"{lon:.2f}", "names": "|".join(variants(*parts)), "parent": f"country:{iso3}"})
    for slug, iso3, kind, lat, lon, names in AREAS:
        parts = names.split("|")
        add({"id": f"{kind}:{slug}", "name": parts[0], "country_iso3": iso3, "kind": kind,
             "lat": f"{lat:.2f}", "lon": f"{lon:.2f}", "names": "|".join(variants(*parts)),
             "parent": f"country:{iso3}" if iso3 else ""})
    for slug, lat, lon, names in SEAS:
        parts = names.split("|")
        add({"id": f"sea:{slug}", "name": parts[0], "country_iso3": "", "kind": "sea",
             "lat": f"{lat:.2f}", "lon": f"{lon:.2f}", "names": "|".join(variants(*parts)), "parent": ""})
    for slug, iso3, lat, lon, parent, names in VENUES:
        parts = names.split("|")
        add({"id": f"venue:{slug}", "name": parts[0], "country_iso3": iso3, "kind": "venue",
             "lat": f"{lat:.2f}", "lon": f"{lon:.2f}", "names": "|".join(variants(*parts)),
             "parent": parent or f"country:{iso3}"})
    gaz += world_towns(countries, gaz)
    return countries, gaz


# GeoNames' towns (> 15,000 inhabitants) filtered by scripts/filter_world_towns.py; kind "town".
TOWNS = SOURCES / "world_cities" / "towns.csv"
# GeoNames' country names that no CLDR or hand-written name spells
TOWN_COUNTRY_ALIASES: dict[str, str] = json.loads((SOURCES / "world_cities" / "country_aliases.json").read_text(encoding="utf-8"))


def _fold_key(s: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[-'\u2019.,()]", " ", strip_accents(s).lower())).strip()


def _country_keys(countries) -> dict[str, str]:
    """folded English/French country name -> iso3 (the names of countries.csv)."""
    out: dict[str, str] = {}
    for c in countries:
        for n in c["names"].split("|") + [c["name_en"], c["name_fr"]]:
            out.setdefault(_fold_key(n), c["iso3"])
    return out


def _iso3_of(name: str, keys: dict[str, str]) -> str | None:
    """GeoNames' English country name -> iso3 ("Iran, Islamic Republic of", "Congo, The Democratic Republic of the")."""
    if name in TOWN_COUNTRY_ALIASES:
        return TOWN_COUNTRY_ALIASES[name]
    cands = [name]
    if ", " in name:
        head, tail = name.split(", ", 1)
        cands += [f"{tail} {head}", re.sub(r"^the ", "", f"{tail} {head}", flags=re.I), head]
    for c in cands:
        if _fold_key(c) in keys:
            return keys[_fold_key(c)]
    return None


def world_towns(countries, gaz) -> list[dict]:
    """Rows for the filtered GeoNames towns and their provinces whose names no hand-written entry or
    country name/demonym already has (those win), at their country's centroid (GeoNames' coordinates
    are not in the source), parent the country."""
    if not TOWNS.exists():
        return []
    keys = _country_keys(countries)
    taken = {_fold_key(n) for row in gaz for n in row["names"].split("|") if n}
    taken |= {_fold_key(d) for c in countries for f in ("demonyms_fr", "demonyms_en") for d in c[f].split("|") if d}
    centroid = {r["country_iso3"]: (r["lat"], r["lon"]) for r in gaz if r["kind"] == "country"}
    rows, unmapped = [], set()
    with open(TOWNS, encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            iso3 = _iso3_of(r["country"], keys)
            if iso3 is None or iso3 not in centroid:
                unmapped.add(r["country"])
                continue
            for slug, name in ((r["geonameid"], r["name"]), (f"{iso3}-{_fold_key(r['subcountry'])}", r["subcountry"])):
                if not name or _fold_key(name) in taken:
                    continue
                taken.add(_fold_key(name))
                lat, lon = centroid[iso3]
                rows.append({"id": f"town:{slug.replace(' ', '-')}", "name": name, "country_iso3": iso3, "kind": "town",
                             "lat": lat, "lon": lon, "names": "|".join(variants(name)), "parent": f"country:{iso3}"})
    if unmapped:
        print(f"world towns: countries not mapped to ISO3 (towns skipped): {sorted(unmapped)}", file=sys.stderr)
    return rows


def check(countries, gaz):
    codes = {c["iso3"] for c in countries}
    assert len(codes) == len(countries)
    assert not codes & BAD_ISO3
    for row in gaz:
        lat, lon = float(row["lat"]), float(row["lon"])
        assert -90 <= lat <= 90 and -180 <= lon <= 180, row
        assert row["country_iso3"] == "" or row["country_iso3"] in codes, row
    ids = {r["id"] for r in gaz}
    for row in gaz:
        assert not row["parent"] or row["parent"] in ids, row


def main():
    countries, gaz = build()
    check(countries, gaz)
    DATA.mkdir(parents=True, exist_ok=True)
    with open(DATA / "countries.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=["iso3", "iso2", "name_en", "name_fr", "demonyms_fr", "demonyms_en",
                                           "capital", "capital_en", "names"], lineterminator="\n")
        w.writeheader()
        w.writerows(countries)
    with open(DATA / "gazetteer.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=["id", "name", "country_iso3", "kind", "lat", "lon", "names", "parent"],
                           lineterminator="\n")
        w.writeheader()
        w.writerows(gaz)
    print(f"countries.csv: {len(countries)} rows; gazetteer.csv: {len(gaz)} rows")


if __name__ == "__main__":
    main()
