"""The gazetteer's rows and the text primitives every place matcher shares: folding that keeps offsets,
lookup keys, and the cue (preposition) before a name — read by `places` (the gazetteer's own names) and
`towns` (GeoNames towns after a cue), which import it; it imports neither."""
from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pipeline.core.models import Place

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

PRECISION_BY_KIND = {
    "country": "country",
    "capital": "city",
    "city": "city",
    "venue": "city",
    "admin": "admin",
    "region": "admin",
    "sea": "admin",
    "town": "country",  # a GeoNames town: the source gives no coordinates, it stands at its country's centroid
}


@dataclass(frozen=True)
class GazEntry:
    id: str
    name: str
    country: str | None
    kind: str
    lat: float
    lon: float
    names: tuple[str, ...]
    parent: str | None = None

    @property
    def precision(self) -> str:
        return PRECISION_BY_KIND.get(self.kind, "none")

    def to_place(self, text: str | None = None, source: str = "sentence") -> Place:
        return Place(name=self.name, country=self.country, lat=self.lat, lon=self.lon,
                     precision=self.precision, text=text, source=source)


@dataclass
class PlaceMention:
    text: str
    start: int
    end: int
    place: Place
    cue: str  # preposition / context before the name ("à", "au", "en", "in", "lors d'un rassemblement à"), "" if none
    is_location_cue: bool = False  # the text says something happened/is AT this place
    gaz_id: str = ""
    kind: str = ""
    candidates: list[str] = field(default_factory=list)  # other gazetteer ids with the same surface
    dateline: bool = False  # a line opens with it, then an agency in brackets and a dash ("Lomé (AFP) –")


# --------------------------------------------------------------------------- normalisation

_PUNCT_MAP = {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00a0": " ", "\u202f": " ", "\u2009": " ",
              "-": " ", "\u2010": " ", "\u2011": " ", "\u2013": " "}


def _fold_char(c: str) -> str:
    """One character → one character: lowercase, accents removed, ’→', hyphens/nbsp → space."""
    if c in _PUNCT_MAP:
        return _PUNCT_MAP[c]
    if ord(c) < 128:
        return c.lower()
    base = unicodedata.normalize("NFD", c)[0].lower()
    return base if len(base) == 1 else c


class _FoldTable(dict):
    """code point -> `_fold_char` of it, filled on first use (a `str.translate` table)."""

    def __missing__(self, code: int) -> str:
        value = self[code] = _fold_char(chr(code))
        return value


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Length-preserving folding so offsets in the folded text are offsets in `text`."""
    return text.translate(_FOLD_TABLE)


_SPACES_RE = re.compile(r"\s+")
_ARTICLE_RE = re.compile(r"^(?:(?:les|le|la|the|du|des|de la|de|au|aux|en)\s+|de l'\s*|l'\s*|d'\s*)(?=\S)")


def normalize_key(s: str, strip_articles: bool = True) -> str:
    """Lookup key: folded, spaces collapsed, leading article removed ("la Colombie" → "colombie")."""
    k = _SPACES_RE.sub(" ", fold(s.strip())).strip(" ,;:")
    if strip_articles:
        k2 = _ARTICLE_RE.sub("", k, count=1)
        if k2:
            k = k2
    return k


# --------------------------------------------------------------------------- loading


def _split(v: str) -> tuple[str, ...]:
    return tuple(x for x in (v or "").split("|") if x)


@lru_cache(maxsize=1)
def _sovereign_codes() -> dict[str, str]:
    from pipeline.extract.lexicon import shared_set

    return dict(pair.split() for pair in shared_set("coded_as_sovereign"))


def coded_country(iso3: str | None) -> str | None:
    """The code a party of `iso3` gets: the country a territory is an integral part of (Mayotte:
    France), else `iso3` itself."""
    return _sovereign_codes().get(iso3, iso3) if iso3 else iso3


@lru_cache(maxsize=1)
def load_gazetteer() -> tuple[GazEntry, ...]:
    """The gazetteer's rows, read once per process (five indexes are built from them)."""
    out = []
    with open(DATA_DIR / "gazetteer.csv", encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            out.append(GazEntry(id=r["id"], name=r["name"], country=coded_country(r["country_iso3"] or None), kind=r["kind"],
                                lat=float(r["lat"]), lon=float(r["lon"]), names=_split(r["names"]),
                                parent=r.get("parent") or None))
    return tuple(out)


# --------------------------------------------------------------------------- cues

_LOC_PREPS_FR = [
    "à", "a", "au", "aux", "en", "dans", "depuis", "près de", "pres de", "non loin de", "au large de",
    "au large des côtes de", "au large des côtes du", "au large des côtes des", "au large du", "au large des",
    "à proximité de", "aux abords de", "au cœur de", "au nord de", "au sud de", "à l'est de",
    "à l'ouest de", "au nord du", "au sud du", "à l'est du", "à l'ouest du", "chez", "devant",
    "à travers", "en visite à", "de passage à", "sur le sol", "sur le territoire de",
]
_LOC_PREPS_EN = [
    "in", "at", "inside", "near", "off", "off the coast of", "across", "from", "outside", "within",
    "on the streets of", "throughout", "through", "around", "along", "in the streets of",
]
_NONLOC_PREPS = ["vers", "pour", "contre", "avec", "entre", "de", "du", "des", "d'", "par", "to", "toward",
                 "towards", "against", "with", "between", "of", "by", "for", "into", "versus", "et", "and"]


def _cue_regex() -> re.Pattern:
    loc = sorted({fold(p) for p in _LOC_PREPS_FR + _LOC_PREPS_EN}, key=len, reverse=True)
    non = sorted({fold(p) for p in _NONLOC_PREPS}, key=len, reverse=True)
    alt_loc = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in loc)
    alt_non = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in non)
    art = r"(?:\s+(?:le|la|les|the)|\s+l')?"
    # a part of the place between the preposition and the name: "dans le sud du Liban",
    # "in southern Lebanon", "in the north of Mali", "sur la ville de Gaza", "dans la région de Koursk"
    part = (r"(?:\s+(?:(?:le|la|les|l')\s*)?(?:(?:nord|sud)(?:\s+(?:est|ouest))?|est|ouest|centre|"
            r"ville|region|province|banlieue|bande|peripherie|frontiere|rues?|capitale)\s+(?:du|de\s+la|de\s+l'|de|des|d')|"
            r"\s+(?:southern|northern|eastern|western|central|north\s*western|north\s*eastern|south\s*western|"
            r"south\s*eastern)|"
            r"\s+the\s+(?:north|south|east|west|centre|center|city|region|province|outskirts|streets)\s+of(?:\s+the)?)?")
    art = art + part
    event_np = r"(?:(?:lors\s+d'une?|pendant\s+une?|au\s+cours\s+d'une?|during\s+an?|at\s+an?)\s+[\w']+(?:\s+[\w']+)?\s+)?"
    return re.compile(
        r"(?<![\w'])(?P<cue>" + event_np + r"(?P<p>" + alt_loc + r")" + art + r"|(?P<n>" + alt_non + r")" + art + r")\s*$"
    )


_CUE_RE = _cue_regex()
_LAST_WORD_RE = re.compile(r"([\w-]+)\W*$")


@lru_cache(maxsize=1)
def _non_locative_heads() -> frozenset[str]:
    from pipeline.extract.lexicon import shared_set

    return frozenset(fold(w) for w in shared_set("non_locative_a_heads"))


def _word_before(folded: str, pos: int) -> str:
    m = _LAST_WORD_RE.search(folded, max(0, pos - 30), pos)
    return m.group(1) if m else ""


def cue_before(text: str, folded: str, start: int) -> tuple[str, bool]:
    """The cue right before `start` (original spelling) and whether it is locative."""
    window_start = max(0, start - 60)
    m = _CUE_RE.search(folded, window_start, start)
    if not m:
        return "", False
    cue = _SPACES_RE.sub(" ", text[m.start("cue"):m.end("cue")]).strip()
    if m.group("p"):
        # folded "a" is "à" only when the text has the accent ("il a Bogota..." is the verb)
        if m.group("p") == "a" and text[m.start("p")] not in "àÀ":
            return cue, False
        if m.group("p") == "a" and _word_before(folded, m.start("cue")) in _non_locative_heads():
            return cue, False  # "des slogans hostiles à Téhéran": a complement, not a place
        return cue, True
    return cue, False
