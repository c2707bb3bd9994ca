"""Actor resolution: surface span -> canonical entity with country (ISO alpha-3) and sector.

Resolution order for a span of text (usually a noun phrase from the parse):

1. a named entity of the versioned actor dictionary ``pipeline/data/actors.yaml``
   (name variants, matched case/accent-insensitively on token boundaries; short
   acronyms such as "UN", "ICE", "EU" only in their exact case), with the
   affiliation valid on the event date (date-aware roles);
2. generic rules: a title or sector word ("président", "armée", "manifestants",
   "army", "protesters"...) plus a demonym ("colombien", "American") or a country
   name ("le président de la Colombie"), e.g. "l'armée américaine" -> USA MIL;
3. a country name alone ("la Colombie" -> COL GOV) or a capital used as a metonym
   ("Washington", "Bogota" -> the government), via ``pipeline.extract.places``;
4. a demonym alone ("les Colombiens") -> the country, sector CVL unless a title
   word says otherwise.

Countries, demonyms and capitals come from the places module (countries.csv);
this module only holds people, organisations and sector words.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from pathlib import Path

from pipeline.core.models import ActorRef

DATA_PATH = Path(__file__).resolve().parent.parent / "data" / "actors.yaml"

# --------------------------------------------------------------------------- sector words
# lower-case, accent-stripped word forms (singular and plural) -> sector
SECTOR_WORDS: dict[str, str] = {}
# per language, the forms whose sector differs from SECTOR_WORDS in that language
SECTOR_WORDS_BY_LANG: dict[str, dict[str, str]] = {}


def _add(sector: str, words: str) -> None:
    for w in words.split():
        SECTOR_WORDS[w.replace("_", " ")] = sector


def _load_sector_words(path: Path) -> None:
    """The `sector_words` block of actors.yaml (read alone: the entities are loaded on demand)."""
    from pipeline.extract.lexicon import load_yaml

    text = path.read_text(encoding="utf-8")
    start = text.index("\nsector_words:")
    end = text.index("\nentities:", start)
    block = load_yaml(text[start:end]) or {}
    for sector, words in block["sector_words"].items():
        _add(sector, words)
    for lang, sectors in (block.get("sector_words_by_language") or {}).items():
        for sector, words in sectors.items():
            for w in words.split():
                SECTOR_WORDS_BY_LANG.setdefault(lang, {})[w.replace("_", " ")] = sector


def sector_word(word: str, lang: str | None) -> str | None:
    """The sector a folded word form names in `lang` (its language's reading first)."""
    return SECTOR_WORDS_BY_LANG.get(lang or "", {}).get(word) or SECTOR_WORDS.get(word)


_load_sector_words(DATA_PATH)

# Words that say "the head of the state" (used to type persons in generic phrases).
_PLURAL_GROUP_SECTORS = {"CVL", "REB", "CRM", "MIL", "COP"}

_TITLE_STRIP = re.compile(
    r"^(?:m\.|mme|mlle|mr\.?|mrs\.?|ms\.?|dr\.?|le|la|les|l'|the)\s+", re.I)


@lru_cache(maxsize=1 << 16)  # pure; called ~1,500 times per article on the same few words
def fold(text: str) -> str:
    """Lower-case, strip accents, normalise apostrophes and dashes."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-").replace("\u2014", "-")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.lower()


_TOKEN_RE = re.compile(r"[\w]+(?:[-.][\w]+)*\.?|'", re.UNICODE)


_WORD_RE = re.compile(r"\w+(?:[-]\w+)*")


@lru_cache(maxsize=1 << 15)  # pure; the same spans are tokenised by find() and by resolution
def _tokens(text: str) -> tuple[tuple[str, int, int], ...]:
    """Word tokens (original case) with offsets; apostrophes split elisions (l'armée)."""
    return tuple((m.group(0), m.start(), m.end()) for m in _WORD_RE.finditer(text))


# --------------------------------------------------------------------------- dictionary
_ARABIC_ARTICLE = re.compile(r"^(?:el|ul)-")


def _name_key(word: str) -> str:
    """A name word as the dictionary compares it: folded, the Arabic article spelt one way (el-Sisi = al-Sisi)."""
    return _ARABIC_ARTICLE.sub("al-", fold(word))


@dataclass
class Role:
    country: str | None
    sector: str | None
    start: date | None = None
    until: date | None = None

    def covers(self, d: date) -> bool:
        return (self.start is None or self.start <= d) and (self.until is None or d <= self.until)


@dataclass
class Entity:
    id: str
    name: str
    kind: str = "person"
    gender: str | None = None
    variants: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    default: Role | None = None

    def affiliation(self, on_date: date | None) -> tuple[str | None, str | None]:
        if on_date is not None:
            for r in self.roles:
                if r.covers(on_date):
                    return r.country, r.sector
            if self.default:
                return self.default.country, self.default.sector
        else:
            # unknown date: the open-ended (current) role, else the default
            for r in self.roles:
                if r.until is None:
                    return r.country, r.sector
            if self.default:
                return self.default.country, self.default.sector
        if self.roles:
            return self.roles[-1].country, self.roles[-1].sector
        return None, None

    @property
    def is_person(self) -> bool:
        return self.kind == "person"


def _as_date(v) -> date | None:
    if v is None or isinstance(v, date):
        return v
    return date.fromisoformat(str(v))


def _role(d: dict | None) -> Role | None:
    if not d:
        return None
    return Role(d.get("country"), d.get("sector"), _as_date(d.get("from")), _as_date(d.get("until")))


class ActorDictionary:
    def __init__(self, version: str, entities: list[Entity]):
        self.version = version
        self.entities = {e.id: e for e in entities}
        # first folded token -> list of (folded token tuple, case_sensitive original tuple|None, entity)
        self._index: dict[str, list[tuple[tuple[str, ...], tuple[str, ...] | None, Entity]]] = {}
        for e in entities:
            for v in {e.name, *e.variants}:
                toks = [t for t, _, _ in _tokens(v)]
                if not toks:
                    continue
                folded = tuple(_name_key(t) for t in toks)
                case_sensitive = None
                if len(toks) == 1 and (toks[0].isupper() or len(toks[0]) <= 3):
                    case_sensitive = tuple(toks)
                self._index.setdefault(folded[0], []).append((folded, case_sensitive, e))
        for k in self._index:
            self._index[k].sort(key=lambda x: -len(x[0]))

    @classmethod
    def load(cls, path: Path = DATA_PATH) -> "ActorDictionary":
        from pipeline.extract.lexicon import load_yaml

        with open(path, encoding="utf-8") as fh:
            data = load_yaml(fh)
        ents = []
        for row in data.get("entities", []):
            ents.append(Entity(
                id=row["id"], name=row["name"], kind=row.get("kind", "person"), gender=row.get("gender"),
                variants=list(row.get("variants") or []),
                roles=[_role(r) for r in (row.get("roles") or [])],
                default=_role(row.get("default")),
            ))
        return cls(str(data.get("version")), ents)

    def find(self, text: str) -> list[tuple[int, int, Entity]]:
        """Non-overlapping dictionary matches in `text` (char offsets), longest first, left to right."""
        toks = _tokens(text)
        folded = [_name_key(t) for t, _, _ in toks]
        out = []
        i = 0
        while i < len(toks):
            best = None
            for ftoks, cs, ent in self._index.get(folded[i], ()):
                n = len(ftoks)
                if tuple(folded[i:i + n]) != ftoks:
                    continue
                if cs is not None and tuple(t for t, _, _ in toks[i:i + n]) != cs:
                    continue
                best = (n, ent)
                break
            if best:
                n, ent = best
                out.append((toks[i][1], toks[i + n - 1][2], ent))
                i += n
            else:
                i += 1
        return out


@lru_cache(maxsize=1)
def get_dictionary() -> ActorDictionary:
    return ActorDictionary.load()


def dictionary_version() -> str:
    return get_dictionary().version


# --------------------------------------------------------------------------- places adapters
def _code(obj) -> str | None:
    if obj is None:
        return None
    if isinstance(obj, str):
        return obj.upper() if len(obj) == 3 else None
    for attr in ("iso3", "alpha3", "iso_a3", "code", "country"):
        v = getattr(obj, attr, None)
        if isinstance(v, str) and len(v) == 3:
            return v.upper()
    if isinstance(obj, dict):
        for k in ("iso3", "alpha3", "code", "country"):
            v = obj.get(k)
            if isinstance(v, str) and len(v) == 3:
                return v.upper()
    if isinstance(obj, (tuple, list)) and obj:
        return _code(obj[0])
    return None


def _places():
    try:
        from pipeline.extract import places  # noqa: WPS433
        return places
    except Exception:  # pragma: no cover - colleague's module missing
        return None


@lru_cache(maxsize=20000)
def demonym_country(word: str) -> str | None:
    p = _places()
    if p is None or not hasattr(p, "country_by_demonym"):
        return None
    try:
        return _code(p.country_by_demonym(word))
    except Exception:
        return None


@lru_cache(maxsize=20000)
def name_country(text: str, lang: str) -> str | None:
    p = _places()
    if p is None or not hasattr(p, "country_by_name"):
        return None
    try:
        return _code(p.country_by_name(text, lang))
    except TypeError:
        try:
            return _code(p.country_by_name(text))
        except Exception:
            return None
    except Exception:
        return None


@lru_cache(maxsize=20000)
def capital_country(text: str) -> str | None:
    p = _places()
    if p is None or not hasattr(p, "capital_country"):
        return None
    try:
        return _code(p.capital_country(text))
    except Exception:
        return None


# --------------------------------------------------------------------------- resolution
@dataclass
class Resolution:
    ref: ActorRef
    entity: Entity | None = None
    how: str = "dictionary"  # dictionary | title_demonym | country | capital | demonym
    start: int = 0  # offsets of the deciding words inside the span
    end: int = 0

    @property
    def is_person(self) -> bool:
        if self.entity is not None:
            return self.entity.is_person
        return False


_NOT_COUNTRY_WORDS = {"etat", "etats", "state", "states", "republique", "republic", "royaume", "kingdom"}


def _sector_in(tokens_folded: list[str], lang: str | None = None) -> str | None:
    for i, t in enumerate(tokens_folded):
        if i + 1 < len(tokens_folded):
            two = f"{t} {tokens_folded[i + 1]}"
            if two in SECTOR_WORDS:
                return sector_word(two, lang)
        if t in SECTOR_WORDS:
            return sector_word(t, lang)
    return None


_NAME_PARTICLES = frozenset(("da", "das", "de", "del", "di", "do", "dos"))


@lru_cache(maxsize=1)
def _listed_codes() -> frozenset[str]:
    """Three-capital names the country list itself gives a country ("USA", "UAE", "DRC", "PNG")."""
    p = _places()
    if p is None or not hasattr(p, "load_countries"):
        return frozenset()
    return frozenset(n for c in p.load_countries().values() for n in c.names if re.fullmatch(r"[A-Z]{3}", n))


def _country_in(text: str, toks: list[tuple[str, int, int]], lang: str) -> tuple[str | None, str, int, int]:
    """(country, how, start, end) from country names (n-grams), capitals, demonyms; the head's own
    nationality, before any complement ("l'ambassadeur américain à Moscou", "des réfugiés syriens
    partis de Tripoli"), wins over a name inside the complement."""
    cut = next((i for i in range(1, len(toks)) if fold(toks[i][0]) in _complement_preps()), None)  # (not "des" article)
    if cut:
        for w, s, e in toks[:cut]:
            if c := demonym_country(w):
                return c, "demonym", s, e
    n = len(toks)
    # a name starts with a capital: only n-grams starting at a capitalised token are tried
    ups = [i for i, tok in enumerate(toks) if tok[0][:1].isupper()]
    # country names and capitals: longest n-gram first (max 5 words)
    for size in range(min(5, n), 0, -1):
        for i in ups:
            if i > n - size:
                break
            s, e = toks[i][1], toks[i + size - 1][2]
            frag = text[s:e]
            if text[e:e + 1] in _CURRENCY_SIGNS:
                continue  # "US$5 million", "NZ$40m": a currency, no party
            if size == 1 and (fold(frag) in _NOT_COUNTRY_WORDS or (len(frag) < 3 and frag not in ("US", "UK"))):
                continue
            if frag.isupper() and len(frag) == 3 and "." not in frag and frag not in _listed_codes():
                continue  # ISO codes are not names (but those the country list spells as names: "USA", "DRC", "PNG")
            c = name_country(frag, lang)
            if c:
                return c, "country", s, e
            c = capital_country(frag)
            if c and not (size == 1 and i >= 2 and fold(toks[i - 1][0]) in _NAME_PARTICLES and toks[i - 2][0][:1].isupper()) \
                    and not (size == 1 and i + 2 < n and fold(toks[i + 1][0]) in _NAME_PARTICLES and toks[i + 2][0][:1].isupper()):
                # ... but not the end or the start of a longer name ("Mocímboa da Praia" is not Cape
                # Verde's capital, "Santiago de Cuba" is not Chile's)
                return c, "capital", s, e
    # nationalities of several words first ("his North Korean counterpart" is not South Korea's,
    # "Papua New Guineans" are not Guineans)
    for size in (3, 2):
        for i in range(n - size + 1):
            ws = toks[i:i + size]
            if all(w[0][:1].isupper() for w in ws):
                c = demonym_country(" ".join(w[0] for w in ws))
                if c:
                    return c, "demonym", ws[0][1], ws[-1][2]
    for w, s, e in toks:
        c = demonym_country(w)
        if c:
            return c, "demonym", s, e
    for i, (w, s, _e) in enumerate(toks):
        # "the Saudi-led coalition", "US-led forces", "a Sri Lankan-flagged boat", "a Chinese-run
        # camp": the leading or owning country (never "Iran-backed")
        head, _, suffix = w.rpartition("-")
        if head and fold(suffix) in _leader_suffixes():
            how = "demonym" if fold(suffix) == "led" else "owner"
            c = demonym_country(head) or name_country(head, lang) or capital_country(head)
            if c:
                return c, how, s, s + len(head)
            if i and toks[i - 1][0][:1].isupper() and (c := demonym_country(f"{toks[i - 1][0]} {head}")):
                return c, how, toks[i - 1][1], s + len(head)
    return None, "", 0, 0


# sectors of people who may be named as followers or members of an institution
_PEOPLE_SECTORS = frozenset(("CVL", "LAB", "EDU", "MED"))
# sectors whose parties are local to a town ("residents of X", "X police")
_LOCAL_SECTORS = frozenset(("CVL", "COP"))


def _town_in(text: str, toks: list[tuple[str, int, int]], lang: str) -> tuple[str | None, str, int, int]:
    """(country, "town", start, end) of the first capitalised name (up to 5 words) that is a city of
    the gazetteer, or a GeoNames town right after a complement preposition ("les habitants de
    Tshikapa": the preposition is the location cue towns need)."""
    p = _places()
    if p is None or not hasattr(p, "lookup_place"):
        return None, "", 0, 0
    from pipeline.extract.towns import town_entry

    n = len(toks)
    for i, (w, s, _e) in enumerate(toks):
        if not w[:1].isupper() or i == 0:
            continue
        for size in range(min(5, n - i), 0, -1):
            e = toks[i + size - 1][2]
            entry = p.lookup_place(text[s:e], lang)
            if entry is None and fold(toks[i - 1][0]) in _town_cue_preps():
                entry = town_entry(text[s:e])
            if entry is not None and entry.kind in ("city", "capital", "town") and entry.country:
                return entry.country, "town", s, e
    return None, "", 0, 0


@lru_cache(maxsize=1)
def _town_cue_preps() -> frozenset[str]:
    from pipeline.extract.lexicon import shared_set

    return frozenset(fold(w) for w in shared_set("town_cue_preps"))


@lru_cache(maxsize=1)
def _complement_preps() -> frozenset[str]:
    from pipeline.extract.lexicon import shared_set

    return frozenset(fold(w) for w in shared_set("complement_preps"))


@lru_cache(maxsize=1)
def _leader_suffixes() -> frozenset[str]:
    from pipeline.extract.lexicon import shared_set

    return shared_set("leader_suffixes")


def resolve_span(span_text: str, lang: str, on_date: date | None) -> Resolution | None:
    """Resolve a noun phrase; see the module docstring for the order of the rules.

    Memoised (the same phrases recur across sentences and articles); callers get their own copy
    of the ActorRef since some refine its sector."""
    r = _resolve_span_cached(span_text, lang, on_date)
    if r is None:
        return None
    return Resolution(replace(r.ref), r.entity, r.how, r.start, r.end)


@lru_cache(maxsize=50000)
def _resolve_span_cached(span_text: str, lang: str, on_date: date | None) -> Resolution | None:
    core = _resolve_span_core(span_text, lang)
    if core is None or isinstance(core, Resolution):
        return core
    ent, s, e = core
    country, sector = ent.affiliation(on_date)
    if ent.kind in ("institution", "org") and country:
        # "les partisans de la Republika Srpska", "des manifestants du parti X": people of the
        # entity's side, of the sector their own word names
        lead = _sector_in([fold(t) for t, _, te in _tokens(span_text.replace("\u2019", "'")) if te <= s], lang)
        if lead in _PEOPLE_SECTORS:
            sector = lead
    ref = ActorRef(text=span_text.strip(), name=ent.name, country=country, sector=sector, entity_id=ent.id)
    return Resolution(ref, ent, "dictionary", s, e)


@lru_cache(maxsize=50000)
def _resolve_span_core(span_text: str, lang: str):
    """The date-independent part of the resolution of a span: None, the (entity, start, end) of
    the chosen dictionary match (its affiliation depends on the date), or the Resolution of the
    generic rules (which do not look at the date). Memoised across articles of any date."""
    if not span_text or not span_text.strip():
        return None
    text = span_text.replace("\u2019", "'")
    d = get_dictionary()
    hits = [h for h in d.find(text) if not _inside_place_name(text, h[0], h[1], lang)
            and not _owned_by_other_country(text, h[0], h[2], lang)]
    if hits:
        # prefer persons, then groups/orgs, then institutions; ties: leftmost
        rank = {"person": 0, "group": 1, "org": 2, "institution": 3}
        s, e, ent = sorted(hits, key=lambda h: (rank.get(h[2].kind, 4), h[0]))[0]
        return ent, s, e
    toks = _tokens(text)
    if not toks:
        return None
    folded = [fold(t) for t, _, _ in toks]
    sector = _sector_in(folded, lang)
    country, how, s, e = _country_in(text, toks, lang)
    if country is None and sector in _LOCAL_SECTORS:
        # "les habitants de Batken", "la police de Mombasa": people of a named town are of its country
        country, how, s, e = _town_in(text, toks, lang)
    if country is None:
        return None
    if how == "owner":  # "a Sri Lankan-flagged trawler", "Chinese-owned shops": property, not the state
        how, sector = "demonym", sector or "BUS"
    if how == "country":  # "the Russian Federation": a word of the country's own name names no sector
        sector = _sector_in([f for f, (_, ts, te) in zip(folded, toks) if te <= s or ts >= e], lang)
    if sector is None:
        if how in ("country", "capital"):
            sector = "GOV"
        else:  # bare demonym: "les Colombiens" -> the population; "colombien" adj alone -> GOV
            # ... and "thousands of young Kenyans" (the capitalised nationality noun heads the phrase)
            # (in English a nationality word before a noun it does not know is an adjective:
            # "Jordanian F-16s" are no population)
            sector = "CVL" if toks[0][0][:1].isupper() and len(toks) <= 2 and (lang != "en" or toks[-1][1] == s) or (
                toks[-1][1] == s and toks[-1][0][:1].isupper() and len(toks) > 1) else "GOV"
    how_full = f"title_{how}" if _sector_in(folded, lang) else how
    name = None
    ref = ActorRef(text=span_text.strip(), name=name, country=country, sector=sector)
    return Resolution(ref, None, how_full, s, e)


_NAME_BEFORE = re.compile(r"((?:[A-Z][\w'-]*\s+){1,3})$")


def _inside_place_name(text: str, s: int, e: int, lang: str) -> bool:
    """Is the dictionary name matched at [s, e) the end of a longer capitalised place name of the
    gazetteer ("Drivers in Bandar Abbas" name no Mr Abbas)?"""
    m = _NAME_BEFORE.search(text[:s])
    p = _places() if m else None
    if p is None or not hasattr(p, "lookup_place"):
        return False
    words = m.group(1).split()
    return any(p.lookup_place(" ".join(words[k:]) + " " + text[s:e], lang) is not None for k in range(len(words)))


_POSSESSOR_BEFORE = re.compile(r"((?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*)'s?\s+$")
_CURRENCY_SIGNS = frozenset("$€£¥")


def _owned_by_other_country(text: str, s: int, ent, lang: str) -> bool:
    """Is the institution matched at `s` owned by another country the span names as possessor
    ("Pakistan's foreign office" is not the British Foreign Office)?"""
    if ent.kind != "institution" or ent.default is None:
        return False
    m = _POSSESSOR_BEFORE.search(text[:s])
    c = m and (name_country(m.group(1), lang) or capital_country(m.group(1)))
    return bool(c) and c != ent.default.country


def resolvable(span_text: str, lang: str) -> bool:
    """Does `resolve_span` resolve this span (on any date: whether it does never depends on it)?"""
    return _resolve_span_core(span_text, lang) is not None


def resolve_actor(span_text: str, lang: str = "fr", on_date: date | None = None) -> ActorRef | None:
    """Public API: an ActorRef for a surface span, or None when nothing can be resolved."""
    r = resolve_span(span_text, lang, on_date)
    return r.ref if r else None


__all__ = [
    "ActorDictionary", "Entity", "Role", "Resolution", "SECTOR_WORDS", "get_dictionary", "sector_word",
    "dictionary_version", "resolvable", "resolve_actor", "resolve_span", "fold", "demonym_country",
    "name_country", "capital_country",
]
