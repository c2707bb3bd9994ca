"""GeoNames towns in the gazetteer: reproducible build, the word/ambiguity filter, cue-only matching."""
import csv
import importlib.util
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from pipeline.extract.places import find_places, load_gazetteer, lookup_place, resolve_event_place

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "pipeline" / "data"
WC = DATA / "gazetteer_sources" / "world_cities"


def _script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


def _csv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def filt():
    return _script("filter_world_towns")


def test_build_reproduces_committed_csvs():
    b = _script("build_gazetteer")
    countries, gaz = b.build()
    b.check(countries, gaz)
    assert [dict(r) for r in _csv(DATA / "countries.csv")] == [{k: str(v) for k, v in r.items()} for r in countries]
    committed = _csv(DATA / "gazetteer.csv")
    assert len(committed) == len(gaz)
    assert committed == [{k: str(v) for k, v in r.items()} for r in gaz]
    assert sum(r["kind"] == "town" for r in gaz) > 20000


def test_source_and_credit_are_shipped():
    text = (WC / "README.md").read_text(encoding="utf-8")
    assert "GeoNames" in text and "CC BY 4.0" in text
    assert len(_csv(WC / "world-cities.csv")) > 30000


def test_no_kept_name_is_ambiguous_short_or_an_actor(filt):
    countries = defaultdict(set)
    for r in _csv(WC / "world-cities.csv"):
        countries[filt.fold(r["name"])].add(r["country"])
    variants, person_words = filt.actor_names()
    kept = [filt.fold(r["name"]) for r in _csv(WC / "towns.csv")]
    assert kept
    for k in kept:
        assert len(countries[k]) == 1, k
        assert len(k.replace(" ", "")) >= filt.MIN_LETTERS, k
        assert k not in variants and (" " in k or k not in person_words), k
    dropped = {filt.fold(r["name"]): r["reason"] for r in _csv(WC / "dropped.csv")}
    ambiguous = [k for k, cs in countries.items() if len(cs) > 1]
    assert ambiguous and all(dropped.get(k) for k in ambiguous)


def test_filter_reproduces_towns_csv_and_drops_words(filt):
    pytest.importorskip("spacy")
    words = filt.word_list()
    assert len(words) > 50000
    rows = _csv(WC / "world-cities.csv")
    reasons = filt.classify(rows, words, *filt.actor_names())
    kept = {filt.fold(r["name"]) for r in _csv(WC / "towns.csv")}
    assert kept == {filt.fold(r["name"]) for r in rows} - set(reasons)
    word_like = [k for k in {filt.fold(r["name"]) for r in rows} if " " not in k and filt.is_word(k, words)]
    assert len(word_like) > 300
    assert not kept & set(word_like)


def test_hand_written_entries_win():
    towns = {n for g in load_gazetteer() if g.kind == "town" for n in g.names}
    hand = {n for g in load_gazetteer() if g.kind != "town" for n in g.names}
    assert towns and not towns & hand


def _towns(text, lang):
    return [(p.text, p.place.country) for p in find_places(text, lang) if p.kind == "town"]


def _town_name(iso3: str, words: int = 1) -> str:
    """A town of the gazetteer in `iso3` (chosen from the data, not by hand)."""
    return next(g.name for g in load_gazetteer() if g.kind == "town" and g.country == iso3 and g.id[5:].isdigit()
                and g.name.count(" ") == words - 1 and g.name.isascii() and "-" not in g.name)


@pytest.mark.parametrize("iso3", ["IDN", "THA", "SEN", "SYR", "MEX"])
def test_towns_resolve_after_a_location_cue(iso3):
    t = _town_name(iso3)
    assert _towns(f"La police a dispersé des manifestants à {t} samedi.", "fr") == [(t, iso3)]
    assert _towns(f"Gunmen attacked a checkpoint near {t} on Monday.", "en") == [(t, iso3)]
    loc = resolve_event_place(f"Des manifestants ont été arrêtés dans la ville de {t}.", 0, [], "fr")
    assert loc is not None and loc.country == iso3 and loc.name == t


def test_town_dateline_and_multiword_names():
    t = _town_name("IDN")
    assert _towns(f"{t.upper()}, Indonesia (Reuters) - Police said on Monday", "en")[0][1] == "IDN"
    t2 = _town_name("THA", words=2)
    assert _towns(f"Refugees crossed the border near {t2} at dawn.", "en") == [(t2, "THA")]


def test_towns_need_a_strong_cue():
    t = _town_name("IDN")
    assert _towns(f"{t} a déclaré que la réunion aurait lieu demain.", "fr") == []
    assert _towns(f"The minister thanked {t} for his help.", "en") == []
    assert _towns(f"A letter from {t} reached the board.", "en") == []
    assert _towns(f"The talks took place in {t} Regency Hall.", "en") == []
    assert lookup_place(t) is None  # only cued text mentions know towns
