"""Temporal expressions in French and English news text (pure Python, regex based).

`find_dates(text, reference, lang)` returns `DateMention`s with character offsets in
`text`, sorted and non-overlapping (the longest candidate wins a conflict).  Both
French and English patterns are always tried (French articles carry English photo
captions); `lang` only decides ambiguous numeric dates (03/02 is 3 February in
French, March 2 in English) and which language's month words may be lowercase.

Kinds
-----
- ``absolute``: a calendar day written out: "7 janvier 2026", "le mardi 3 février",
  "03/02/2026", "2026-02-03", "January 7, 2026", "Tuesday, Feb. 3".  A day-month
  without a year is still absolute; its year is inferred (note ``year_inferred``):
  the year that puts the date closest to the reference ("28 décembre" read on
  2026-01-05 is 2025-12-28).  Without a reference the year comes from the latest
  explicit year in the same text (note ``year_from_text``), else value None
  (note ``no_reference``).
- ``partial``: a month or a year: "en septembre 2025", "début janvier", "fin 2025",
  "mi-janvier", "en 2025", "in September 2025", "early January", "late 2025".
  Bare years are only taken after a preposition (en/in/depuis/since/d'ici/by/...)
  or a period modifier, so "3 000 tonnes", "79 ans" or "le G20" never match.
- ``relative``: resolved against `reference`: hier/yesterday, aujourd'hui/today,
  avant-hier, demain/tomorrow, weekdays ("mardi", "lundi dernier", "mardi
  prochain", "on Tuesday", "last Monday"), "la semaine dernière"/"last week",
  "il y a deux jours"/"two days ago", "dans deux jours"/"in two days", "le mois
  dernier", "l'an dernier", "ce week-end", "cette semaine", "la fin de l'année"...
  With ``reference=None`` the value is None and the note ``no_reference`` is set.

Values and precision
--------------------
``precision`` is "day" | "week" | "month" | "year"; ``value`` is the first day of
the period (a week starts on Monday; a month on the 1st; a year on 1 January),
except "il y a N semaines" (the day N weeks before, precision week) and the
sub-period modifiers, whose value is a representative day with precision month:
début/early → 1st, mi-/mid → 15th, fin/late → 25th of the month; for a year
("début 2026", "mi-2025", "fin 2025") January 1st, July 1st, December 1st.
`DateMention.period()` gives the whole (first, last) range and
`DateMention.midpoint()` its middle.

Weekday convention
------------------
News is written in the past tense, so a bare weekday ("mardi", "on Tuesday")
means the most recent such day ON OR BEFORE the reference (the reference day
itself allowed: "mardi" in an article dated Tuesday is that Tuesday).
"dernier"/"passé"/"last" → strictly before the reference; "prochain"/"next" →
strictly after; "ce mardi"/"this Tuesday" → the Tuesday of the reference's
Monday-to-Sunday week.  A weekday glued to a date that contradicts it ("le mardi 2
février" where 2 Feb 2026 is a Monday) keeps the explicit date and gets the
machine-readable note ``weekday_mismatch:mardi!=lundi``.

Notes (machine readable)
------------------------
``year_inferred``, ``year_from_text``, ``no_reference``, ``weekday_mismatch:X!=Y``,
``early`` / ``mid`` / ``late``, ``since`` (depuis/since), ``by`` (d'ici/by/until),
``future`` (demain, prochain, dans N jours...), ``approx`` (quelques/a few),
``weekend``, ``range_end:YYYY-MM-DD`` ("du 3 au 5 janvier"),
``ambiguous_numeric`` (03/02/2026 readable both ways), ``weekday_resolved``.
"""
from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta

__all__ = [
    "DateMention",
    "discourse_anchors",
    "find_dates",
    "date_mentions_json",
    "infer_reference_date",
    "resolve_weekday",
    "normalize_text",
]


@dataclass
class DateMention:
    text: str
    start: int
    end: int
    value: date | None
    precision: str  # "day" | "month" | "year" | "week"
    kind: str  # "absolute" | "partial" | "relative"
    notes: list[str] = field(default_factory=list)

    def period(self) -> tuple[date, date] | None:
        """First and last day of the period the mention denotes (None without value)."""
        v = self.value
        if v is None:
            return None
        if self.precision == "day":
            return v, v
        if self.precision == "week":
            monday = v - timedelta(days=v.weekday())
            return monday, monday + timedelta(days=6)
        if self.precision == "month":
            last = calendar.monthrange(v.year, v.month)[1]
            first, end = date(v.year, v.month, 1), date(v.year, v.month, last)
            if "early" in self.notes:
                return first, date(v.year, v.month, 10)
            if "mid" in self.notes and v.day != 1:
                return date(v.year, v.month, 11), date(v.year, v.month, 20)
            if "late" in self.notes and v.day != 1:
                return date(v.year, v.month, 21), end
            return first, end
        if self.precision == "year":
            return date(v.year, 1, 1), date(v.year, 12, 31)
        return v, v

    def midpoint(self) -> date | None:
        """The middle day of `period()`: a good single-day estimate for scoring."""
        p = self.period()
        if p is None:
            return None
        a, b = p
        return a + timedelta(days=(b - a).days // 2)

    def to_json(self) -> dict:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": self.value.isoformat() if self.value else None,
            "precision": self.precision,
            "kind": self.kind,
            "notes": list(self.notes),
        }


# --------------------------------------------------------------------------- vocab

_FR_MONTHS = {
    1: ["janvier", "janv"],
    2: ["février", "fevrier", "févr", "fevr", "fév", "fev"],
    3: ["mars"],
    4: ["avril", "avr"],
    5: ["mai"],
    6: ["juin"],
    7: ["juillet", "juil"],
    8: ["août", "aout", "aoû"],
    9: ["septembre", "sept"],
    10: ["octobre", "oct"],
    11: ["novembre", "nov"],
    12: ["décembre", "decembre", "déc", "dec"],
}
_EN_MONTHS = {
    1: ["january", "jan"],
    2: ["february", "feb"],
    3: ["march", "mar"],
    4: ["april", "apr"],
    5: ["may"],
    6: ["june", "jun"],
    7: ["july", "jul"],
    8: ["august", "aug"],
    9: ["september", "sept", "sep"],
    10: ["october", "oct"],
    11: ["november", "nov"],
    12: ["december", "dec"],
}
# English month words that are also ordinary English words: must be capitalised.
_EN_AMBIGUOUS_MONTHS = {"may", "march", "mar", "jan", "jun", "jul", "aug", "sep", "dec", "oct", "nov", "apr", "feb"}

_FULL_MONTH_NAMES = {names[0] for names in list(_FR_MONTHS.values()) + list(_EN_MONTHS.values())} | {
    "fevrier", "aout", "decembre"}
_ABBREVIATIONS = {n for names in list(_FR_MONTHS.values()) + list(_EN_MONTHS.values()) for n in names[1:]} | {
    "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "mon"} - {
    "fevrier", "aout", "decembre"}
_MONTH_LOOKUP: dict[str, int] = {}
for _m, _names in list(_FR_MONTHS.items()) + list(_EN_MONTHS.items()):
    for _n in _names:
        _MONTH_LOOKUP[_n] = _m

_FR_WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
_EN_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WEEKDAY_LOOKUP = {n: i for i, n in enumerate(_FR_WEEKDAYS)}
_WEEKDAY_LOOKUP.update({n: i for i, n in enumerate(_EN_WEEKDAYS)})
_EN_WD_ABBR = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6}
_WEEKDAY_LOOKUP.update(_EN_WD_ABBR)

_NUM_WORDS = {
    # French
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
    "quinze": 15, "seize": 16, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50,
    "quelques": 3, "plusieurs": 3,
    # English
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six_": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "a few": 3, "few": 3, "several": 3, "a couple of": 2, "couple of": 2,
}
_APPROX_WORDS = {"quelques", "plusieurs", "a few", "few", "several"}

_UNIT_LOOKUP = {
    "jour": "day", "jours": "day", "day": "day", "days": "day",
    "semaine": "week", "semaines": "week", "week": "week", "weeks": "week",
    "mois": "month", "month": "month", "months": "month",
    "an": "year", "ans": "year", "année": "year", "années": "year", "annee": "year", "annees": "year",
    "year": "year", "years": "year",
}


def _alt(words) -> str:
    """An alternation of the literal `words` that tries the longer of two matching words first.

    Written as a character trie ("mar(?:s|ch)?" rather than "march|mars|mar"): the same strings
    in the same order of preference (at a given position the words that match are prefixes of
    one another, and the trie, whose optional suffixes are greedy, tries the longest first),
    but the regex engine tests one branch per distinct next character instead of every word.
    Patterns are compiled with IGNORECASE, so words are lower-cased first."""
    trie: dict = {}
    for w in {w.lower() for w in words}:
        assert w and len(w) == len(w.upper()), w
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch != ""]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        body = "(?:" + "|".join(branches) + ")"
        return body + "?" if "" in node else body

    return emit(trie)


def _month_alt(names_by_month: dict[int, list[str]]) -> str:
    # abbreviations may take a period: "janv.", "Feb."
    return _alt(n for names in names_by_month.values() for n in names)


def _lead(words, digit: bool = False) -> str:
    """A lookahead on the first two characters of a match: those of one of `words` (the
    alternatives a pattern can start with: literal text, up to the first escape), or a digit.
    It only states what every match starts with, so it never changes what a pattern finds,
    but it lets the engine leave most word starts after one or two character tests instead
    of trying every alternative."""
    firsts = set()
    for w in words:
        first = w.split("\\", 1)[0][:2]
        assert first and not set(first) & set("()[]{}.^$?*+|"), w
        firsts.add(first)
    return "(?=" + (r"\d|" if digit else "") + _alt(firsts) + ")"


def _words(alternation: str) -> list[str]:
    return alternation.split("|")


_MONTH_WORDS = [n for names in list(_FR_MONTHS.values()) + list(_EN_MONTHS.values()) for n in names]
_WEEKDAY_WORDS = _FR_WEEKDAYS + _EN_WEEKDAYS + list(_EN_WD_ABBR)
_MONTH_RE = f"(?:{_month_alt(_FR_MONTHS)}|{_month_alt(_EN_MONTHS)})"
_MONTH_G = rf"(?P<month>{_MONTH_RE})(?:\.(?=\s|,|$))?"
_WD_FR = _alt(_FR_WEEKDAYS)
_WD_EN = _alt(_EN_WEEKDAYS + list(_EN_WD_ABBR))
_WD = rf"(?:{_WD_FR}|{_WD_EN})"
_DAY = r"(?P<day>1er|premier|[0-3]?\d)(?:st|nd|rd|th|er)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_B = r"(?<![\w\-])"  # left word boundary (no letter/digit/hyphen before)
_E = r"(?![\w])"  # right word boundary

_NUM_RE = "(?:" + _alt([k for k in _NUM_WORDS if k != "six_"] + ["six"]) + r"|\d{1,3})"

_FLAGS = re.IGNORECASE | re.UNICODE
# a number followed by a counted noun is a quantity, not a year ("en 2000 tonnes")
_COUNT_NOUNS = (
    "tonnes?|kilos?|kg|km|kilomètres?|mètres?|personnes?|soldats?|militaires?|morts?|victimes?|habitants?|"
    "migrants?|euros?|dollars?|pesos?|bolivars?|barils?|hommes?|femmes?|enfants?|élèves?|voix|sièges?|"
    "people|troops|soldiers|tons?|tonnes?|dead|deaths|barrels?|migrants?|men|women|children|votes?|seats?|"
    "\\$|€|%|millions?|milliards?|billions?"
)
_NOT_COUNT = rf"(?!\s+(?:de\s+|d')?(?:{_COUNT_NOUNS})(?!\w))"

# --------------------------------------------------------------------------- patterns
# Each entry: (name, compiled regex).  Handlers below interpret named groups.

_P_ISO = re.compile(_B + r"(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)" + r"(?=T\d|(?![\w]))", _FLAGS)
_P_NUMERIC = re.compile(
    _B + r"(?P<a>[0-3]?\d)[/.](?P<b>[01]?\d)[/.](?P<y>(?:19|20)\d\d|\d\d)" + r"(?![\w/.]\d)" + _E, _FLAGS
)
# 7 janvier 2026 / le mardi 3 février / 1er février / 7 January 2026 / the 7th of January
_P_DAY_MONTH = re.compile(
    _B
    + _lead(_WEEKDAY_WORDS + ["premier"], digit=True)
    + rf"(?:(?P<wd>{_WD})\.?,?\s+(?:the\s+)?)?"
    + _DAY
    + r"(?:\s+(?:au|et|-|–|to|and)\s+(?P<day2>[0-3]?\d)(?:st|nd|rd|th|er)?)?"
    + r"\s+(?:of\s+)?"
    + _MONTH_G
    + rf"(?:,?\s+{_YEAR})?"
    + _E,
    _FLAGS,
)
# January 7, 2026 / Tuesday, Feb. 3 / on Jan. 7
_P_MONTH_DAY = re.compile(
    _B
    + _lead(_EN_WEEKDAYS + list(_EN_WD_ABBR) + _MONTH_WORDS)
    + rf"(?:(?P<wd>{_WD_EN})\.?,?\s+)?"
    + _MONTH_G
    + r"\s+"
    + r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    + r"(?:\s*(?:-|–|to)\s*(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?)?"
    + rf"(?:,?\s+{_YEAR})?"
    + r"(?![\w:]|\s*(?:h\b|heures?\b|%|:\d))",
    _FLAGS,
)
# (en|début|fin|mi-|early|...) septembre (2025)
_MOD_FR = r"début|debut|fin|mi-|mi\s|courant|à la mi-|a la mi-"
_MOD_EN = r"early|late|mid-|mid\s|the end of|the beginning of|the start of|the middle of|end of|beginning of|start of"
_PREP = (
    r"en|in|depuis|since|dès|des|d'ici|by|until|till|jusqu'en|jusqu'à|jusqu'a|avant|après|apres|before|after|"
    r"during|pendant|durant|au mois de|in the month of|à partir de|a partir de|from|of|de"
)
_P_MONTH_YEAR = re.compile(
    _B
    + _lead(_words(_MOD_FR) + _words(_MOD_EN) + _words(_PREP) + _MONTH_WORDS)
    + rf"(?:(?P<mod>{_MOD_FR}|{_MOD_EN})\s*(?:de\s+|d')?|(?P<prep>{_PREP})\s+)?"
    + rf"(?P<month>{_MONTH_RE})\.?"
    + rf"(?:,?\s+{_YEAR})?"
    + _E,
    _FLAGS,
)
_P_YEAR = re.compile(
    _B
    + _lead(_words(_MOD_FR) + _words(_MOD_EN) + _words(_PREP) + ["l'an", "l'année", "the year", "année", "year"])
    + rf"(?:(?P<mod>{_MOD_FR}|{_MOD_EN})\s*(?:de\s+l'année\s+|de\s+l'an\s+|of\s+)?|(?P<prep>{_PREP}|l'an|l'année|the year|année|year)\s+)"
    + _YEAR
    + r"(?!\s*(?:-|/)\s*\d)"
    + _E
    + _NOT_COUNT,
    _FLAGS,
)
_SIMPLE_REL_WORDS = (
    r"avant-hier|avant hier|après-demain|apres-demain|après demain|hier|aujourd'hui|aujourd’hui|demain|"
    r"the day before yesterday|the day after tomorrow|yesterday|today|tomorrow|tonight|"
    r"ce matin|ce soir|cet après-midi|cet apres-midi|cette nuit|this morning|this afternoon|this evening"
)
_P_SIMPLE_REL = re.compile(
    _B
    + _lead(_words(_SIMPLE_REL_WORDS))
    + r"(?P<w>" + _SIMPLE_REL_WORDS + ")"
    + _E,
    _FLAGS,
)
_WEEKDAY_PRE = r"ce|cette|le|this|last|next|this past|this coming|on|dès|dès ce"
_P_WEEKDAY = re.compile(
    _B
    + _lead(_words(_WEEKDAY_PRE) + _WEEKDAY_WORDS)
    + rf"(?:(?P<pre>{_WEEKDAY_PRE})\s+)?"
    + rf"(?P<wd>{_WD})"
    + r"(?:\s+(?P<post>dernier|passé|passe|prochain|précédent|precedent|suivant|soir|matin|après-midi|apres-midi|midi|night|morning|afternoon|evening))?"
    + _E,
    _FLAGS,
)
_P_PERIOD_REL = re.compile(
    _B
    # first two letters of the phrases below (with their optional "d'ici ", "à ", "au ", "by ", "the ")
    + _lead(["la", "ce", "le", "l'", "d'", "à ", "au", "dé", "th", "ne", "by", "en", "ea"])
    + r"(?P<w>"
    r"la semaine (?:dernière|derniere|passée|passee|prochaine)|cette semaine|la semaine précédente|"
    r"le week-end (?:dernier|passé|passe|prochain)|ce week-end|ce weekend|le weekend (?:dernier|prochain)|"
    r"le mois (?:dernier|passé|passe|prochain)|ce mois-ci|ce mois ci|"
    r"l'an (?:dernier|passé|passe|prochain)|l'année (?:dernière|derniere|passée|passee|prochaine)|cette année|"
    r"(?:d'ici )?(?:à )?la fin (?:de l'année|de cette année|de l'an)|(?:au )?début de l'année|(?:au )?début de cette année|"
    r"(?:d'ici )?la fin du mois|(?:au )?début du mois|"
    r"last week|this week|next week|last weekend|this weekend|next weekend|this past weekend|"
    r"last month|this month|next month|last year|this year|next year|"
    r"(?:by )?the end of (?:the|this) year|(?:by )?(?:the )?end of (?:the|this) month|later this year|earlier this year|"
    r"earlier this month|later this month|earlier this week"
    r")" + _E,
    _FLAGS,
)
_P_AGO = re.compile(
    _B
    + rf"(?:il y a|voici|voilà)\s+(?P<n>{_NUM_RE})\s+(?P<unit>jours?|semaines?|mois|ans?|années?|annees?)" + _E
    + "|"
    + _B
    + rf"(?P<n2>{_NUM_RE})\s+(?P<unit2>days?|weeks?|months?|years?)\s+(?:ago|earlier)" + _E,
    _FLAGS,
)
_P_IN = re.compile(
    _B
    + rf"(?P<prep>dans|d'ici|in|within)\s+(?P<n>{_NUM_RE})\s+(?P<unit>jours?|semaines?|mois|ans?|années?|days?|weeks?|months?|years?)"
    + _E,
    _FLAGS,
)


# --------------------------------------------------------------------------- helpers

# Every match of _P_AGO contains one of these words (case-insensitively).
_AGO_LITERALS = ("il y a", "voici", "voilà", "ago", "earlier")
# Non-ASCII characters that IGNORECASE matching equates with ASCII letters although str.lower()
# does not map them to those letters (İ ı ſ K).
_CASE_SPECIALS = re.compile("[\u0130\u0131\u017f\u212a]")


def _may_contain(norm: str, literals: tuple[str, ...]) -> bool:
    """False only when no case-insensitive occurrence of any of `literals` can be in `norm`
    (a cheap test that lets a costly pattern be skipped on texts it cannot match)."""
    if _CASE_SPECIALS.search(norm):
        return True
    low = norm.lower()
    return any(w in low for w in literals)


_TRANS = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " "})


def normalize_text(text: str) -> str:
    """Same-length normalisation: typographic apostrophes → ', no-break spaces → space."""
    return text.translate(_TRANS)


def _strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def _month_num(word: str) -> int | None:
    w = word.lower().rstrip(".")
    if w in _MONTH_LOOKUP:
        return _MONTH_LOOKUP[w]
    return _MONTH_LOOKUP.get(_strip_accents(w))


_FR_MONTH_WORDS = {n for names in _FR_MONTHS.values() for n in names}
_FR_MONTH_WORDS |= {_strip_accents(n) for n in _FR_MONTH_WORDS}


def _is_english_only_month(word: str) -> bool:
    return word.lower().rstrip(".") not in _FR_MONTH_WORDS


def _month_ok(word: str, lang: str) -> bool:
    """English month words that are common words must be capitalised ("may", "march")."""
    w = word.rstrip(".")
    if w.lower() in _EN_AMBIGUOUS_MONTHS and _is_english_only_month(w):
        return w[:1].isupper()
    if lang != "en" and _is_english_only_month(w) and not w[:1].isupper():
        return False
    return True


def _weekday_num(word: str) -> int | None:
    return _WEEKDAY_LOOKUP.get(word.lower().rstrip("."))


def _num(word: str) -> int | None:
    w = re.sub(r"\s+", " ", word.lower())
    if w.isdigit():
        return int(w)
    return _NUM_WORDS.get(w)


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _closest_year(m: int, d: int, ref: date) -> date | None:
    best = None
    for y in (ref.year - 1, ref.year, ref.year + 1):
        cand = _safe_date(y, m, d)
        if cand is None:
            continue
        if best is None or abs((cand - ref).days) < abs((best - ref).days):
            best = cand
    return best


def _closest_month(m: int, ref: date) -> date:
    best = None
    for y in (ref.year - 1, ref.year, ref.year + 1):
        cand = date(y, m, 1)
        # distance between the month and the reference's month
        dist = abs((y * 12 + m) - (ref.year * 12 + ref.month))
        if best is None or dist < best[0]:
            best = (dist, cand)
    return best[1]


def _add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    m += 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def resolve_weekday(weekday: int, reference: date, direction: str = "past_or_same") -> date:
    """Resolve a weekday (0 = Monday) against `reference`.

    direction: "past_or_same" (bare weekday in past-tense news; the reference day
    itself allowed), "past" (strictly before: "lundi dernier"), "future" (strictly
    after: "mardi prochain"), "future_or_same", "same_week" (Monday-to-Sunday week
    of the reference: "ce mardi").
    """
    delta = (reference.weekday() - weekday) % 7
    if direction == "past_or_same":
        return reference - timedelta(days=delta)
    if direction == "past":
        return reference - timedelta(days=delta or 7)
    fwd = (weekday - reference.weekday()) % 7
    if direction == "future":
        return reference + timedelta(days=fwd or 7)
    if direction == "future_or_same":
        return reference + timedelta(days=fwd)
    if direction == "same_week":
        return _monday(reference) + timedelta(days=weekday)
    raise ValueError(direction)


def _wd_name(i: int, lang_word: str) -> str:
    if lang_word.lower().rstrip(".") in _FR_WEEKDAYS:
        return _FR_WEEKDAYS[i]
    return _EN_WEEKDAYS[i]


def _text_year(text: str) -> int | None:
    """The latest explicit year attached to a month/day in the text (for year inference)."""
    years = []
    for m in _P_DAY_MONTH.finditer(text):
        if m.group("year") and _month_ok(m.group("month"), "fr"):
            years.append(int(m.group("year")))
    for m in _P_MONTH_DAY.finditer(text):
        if m.group("year") and _month_ok(m.group("month"), "en"):
            years.append(int(m.group("year")))
    for m in _P_ISO.finditer(text):
        years.append(int(m.group("y")))
    return max(years) if years else None


# --------------------------------------------------------------------------- main


class _Cand:
    __slots__ = ("start", "end", "value", "precision", "kind", "notes", "prio")

    def __init__(self, start, end, value, precision, kind, notes=None, prio=0):
        self.start, self.end = start, end
        self.value, self.precision, self.kind = value, precision, kind
        self.notes = notes or []
        self.prio = prio


def _day_month_cand(m: re.Match, ref: date | None, text_year: int | None, lang: str, english_order: bool) -> _Cand | None:
    month_word = m.group("month")
    if not _month_ok(month_word, lang):
        return None
    mon = _month_num(month_word)
    if mon is None:
        return None
    day_s = m.group("day").lower()
    day = 1 if day_s in ("1er", "premier") else int(day_s)
    if not 1 <= day <= 31:
        return None
    notes: list[str] = []
    year = m.group("year")
    value: date | None
    if year:
        value = _safe_date(int(year), mon, day)
        if value is None:
            return None
    else:
        if _safe_date(2024, mon, day) is None:  # 31 février
            return None
        if ref is not None:
            value = _closest_year(mon, day, ref)
            notes.append("year_inferred")
        elif text_year is not None:
            value = _safe_date(text_year, mon, day)
            notes.append("year_from_text")
        else:
            value = None
            notes.append("no_reference")
    wd = m.group("wd")
    if wd and value is not None:
        wdn = _weekday_num(wd)
        if wdn is not None and wdn != value.weekday():
            notes.append(f"weekday_mismatch:{_wd_name(wdn, wd)}!={_wd_name(value.weekday(), wd)}")
    day2 = m.group("day2")
    if day2 and value is not None:
        end = _safe_date(value.year, mon, int(day2))
        if end is not None and end > value:
            notes.append(f"range_end:{end.isoformat()}")
    return _Cand(m.start(), m.end(), value, "day", "absolute", notes, prio=3)


def find_dates(text: str, reference: date | None, lang: str = "fr") -> list[DateMention]:
    """All date mentions in `text`, sorted by offset, non-overlapping (longest wins).

    `reference` is the publication date (or the date relative expressions are
    anchored to); see the module docstring for conventions.
    """
    if not text:
        return []
    norm = normalize_text(text)
    lang = (lang or "fr").lower()[:2]
    text_year = _text_year(norm) if reference is None else None
    cands: list[_Cand] = []

    # ISO dates
    for m in _P_ISO.finditer(norm):
        v = _safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        if v:
            cands.append(_Cand(m.start(), m.end(), v, "day", "absolute", prio=4))

    # numeric dates
    for m in _P_NUMERIC.finditer(norm):
        a, b, y = int(m.group("a")), int(m.group("b")), m.group("y")
        yy = int(y) + (2000 if len(y) == 2 else 0)
        notes = []
        if lang == "en" and "/" in m.group(0):
            mo, d = (a, b) if a <= 12 else (b, a)
        else:
            d, mo = (a, b) if b <= 12 else (b, a)
        if a <= 12 and b <= 12 and a != b:
            notes.append("ambiguous_numeric")
        v = _safe_date(yy, mo, d)
        if v:
            cands.append(_Cand(m.start(), m.end(), v, "day", "absolute", notes, prio=4))

    for m in _P_DAY_MONTH.finditer(norm):
        c = _day_month_cand(m, reference, text_year, lang, english_order=False)
        if c:
            cands.append(c)
    for m in _P_MONTH_DAY.finditer(norm):
        # must look English: English month word or English weekday
        mw = m.group("month")
        if not _is_english_only_month(mw) and mw.lower().rstrip(".") not in ("sept", "oct", "nov", "dec"):
            # "mars 3" / "avril 5" are not French word orders
            continue
        c = _day_month_cand(m, reference, text_year, lang, english_order=True)
        if c:
            cands.append(c)

    # month (+ year) partials
    for m in _P_MONTH_YEAR.finditer(norm):
        mw = m.group("month")
        if not _month_ok(mw, lang):
            continue
        mon = _month_num(mw)
        if mon is None:
            continue
        mod, prep, year = m.group("mod"), m.group("prep"), m.group("year")
        if not year and not mod and not prep:
            continue  # bare month word: too ambiguous ("mars", "mai")
        if not year and mw.lower().rstrip(".") not in _FULL_MONTH_NAMES and not mw.endswith("."):
            continue  # "en sept ans": abbreviations need a year or a period
        if not year and prep and prep.lower() in ("of", "de", "from", "des"):
            continue
        if prep and prep.lower() in ("of", "de", "des") and year:
            # "de septembre 2025": keep the month-year but not the preposition
            start = m.start("month")
        else:
            start = m.start("month") if prep else m.start()
        notes: list[str] = []
        if year:
            value = date(int(year), mon, 1)
        elif reference is not None:
            value = _closest_month(mon, reference)
            notes.append("year_inferred")
        elif text_year is not None:
            value = date(text_year, mon, 1)
            notes.append("year_from_text")
        else:
            value = None
            notes.append("no_reference")
        if mod:
            ml = mod.lower().strip()
            if ml.startswith(("début", "debut", "early", "the beginning", "beginning", "the start", "start")):
                notes.append("early")
            elif ml.startswith(("mi", "à la mi", "a la mi", "mid", "the middle")):
                notes.append("mid")
                value = value.replace(day=15) if value else None
            elif ml.startswith(("fin", "late", "the end", "end")):
                notes.append("late")
                value = value.replace(day=25) if value else None
            elif ml.startswith("courant"):
                pass
        if prep:
            notes.extend(_prep_notes(prep))
        cands.append(_Cand(start, m.end(), value, "month", "partial", notes, prio=2))

    # bare years with a preposition or a modifier
    for m in _P_YEAR.finditer(norm):
        y = int(m.group("year"))
        mod, prep = m.group("mod"), m.group("prep")
        notes = []
        precision = "year"
        value = date(y, 1, 1)
        start = m.start()
        if mod:
            ml = mod.lower().strip()
            precision = "month"
            if ml.startswith(("début", "debut", "early", "the beginning", "beginning", "the start", "start")):
                notes.append("early")
                value = date(y, 1, 1)
            elif ml.startswith(("mi", "à la mi", "a la mi", "mid", "the middle")):
                notes.append("mid")
                value = date(y, 7, 1)
            elif ml.startswith(("fin", "late", "the end", "end")):
                notes.append("late")
                value = date(y, 12, 1)
            else:
                precision = "year"
        else:
            pl = prep.lower()
            if pl in ("l'an", "l'année", "the year", "année", "year"):
                pass  # keep the article in the span: "l'an 2025"
            else:
                start = m.start("year")
                notes.extend(_prep_notes(prep))
        cands.append(_Cand(start, m.end(), value, precision, "partial", notes, prio=1))

    # simple relative days
    for m in _P_SIMPLE_REL.finditer(norm):
        w = m.group("w").lower().replace("\u2019", "'")
        offset = {
            "avant-hier": -2, "avant hier": -2, "the day before yesterday": -2,
            "hier": -1, "yesterday": -1,
            "aujourd'hui": 0, "today": 0, "tonight": 0, "ce matin": 0, "ce soir": 0,
            "cet après-midi": 0, "cet apres-midi": 0, "cette nuit": 0,
            "this morning": 0, "this afternoon": 0, "this evening": 0,
            "demain": 1, "tomorrow": 1,
            "après-demain": 2, "apres-demain": 2, "après demain": 2, "the day after tomorrow": 2,
        }.get(w)
        if offset is None:
            continue
        notes = ["future"] if offset > 0 else []
        value = None
        if reference is None:
            notes.append("no_reference")
        else:
            value = reference + timedelta(days=offset)
        cands.append(_Cand(m.start(), m.end(), value, "day", "relative", notes, prio=1))

    # weekdays
    for m in _P_WEEKDAY.finditer(norm):
        wd_word = m.group("wd")
        wdn = _weekday_num(wd_word)
        if wdn is None:
            continue
        if wd_word.lower() in _EN_WD_ABBR and not wd_word[:1].isupper():
            continue  # "sat", "sun", "wed" as words
        if wd_word.lower() in _EN_WD_ABBR and len(wd_word) <= 4 and not norm[m.end("wd"):m.end("wd") + 1] == ".":
            # bare "Sun"/"Sat" (newspaper names, etc.): require "Sat." form
            continue
        if lang != "en" and wd_word.lower() in _EN_WEEKDAYS and not wd_word[:1].isupper():
            continue
        pre = (m.group("pre") or "").lower()
        post = (m.group("post") or "").lower()
        if _is_mardi_gras(norm, m):
            continue
        direction = "past_or_same"
        notes: list[str] = []
        if post in ("dernier", "passé", "passe", "précédent", "precedent") or pre in ("last", "this past"):
            direction = "past"
        elif post in ("prochain", "suivant") or pre in ("next", "this coming"):
            direction = "future"
            notes.append("future")
        elif pre in ("ce", "cette", "this"):
            direction = "same_week"
        start = m.start()
        if pre in ("le", "on", "dès", "dès ce"):
            start = m.start("wd")
        end = m.end()
        if post in ("soir", "matin", "après-midi", "apres-midi", "midi", "night", "morning", "afternoon", "evening"):
            pass  # part of the expression, same day
        value = None
        if reference is None:
            notes.append("no_reference")
        else:
            value = resolve_weekday(wdn, reference, direction)
            notes.append("weekday_resolved")
        cands.append(_Cand(start, end, value, "day", "relative", notes, prio=1))

    # weeks / months / years relative to the reference
    for m in _P_PERIOD_REL.finditer(norm):
        w = re.sub(r"\s+", " ", m.group("w").lower())
        res = _period_rel(w, reference)
        if res is None:
            continue
        value, precision, notes = res
        cands.append(_Cand(m.start(), m.end(), value, precision, "relative", notes, prio=1))

    # il y a N jours / N days ago
    for m in (_P_AGO.finditer(norm) if _may_contain(norm, _AGO_LITERALS) else ()):
        n_s = m.group("n") or m.group("n2")
        unit_s = (m.group("unit") or m.group("unit2")).lower()
        n = _num(n_s)
        unit = _UNIT_LOOKUP.get(unit_s) or _UNIT_LOOKUP.get(_strip_accents(unit_s))
        if n is None or unit is None:
            continue
        notes = ["approx"] if n_s.lower() in _APPROX_WORDS else []
        value, precision = _shift(reference, -n, unit)
        if reference is None:
            notes.append("no_reference")
        cands.append(_Cand(m.start(), m.end(), value, precision, "relative", notes, prio=1))

    # dans N jours / in N days
    for m in _P_IN.finditer(norm):
        n = _num(m.group("n"))
        unit_s = m.group("unit").lower()
        unit = _UNIT_LOOKUP.get(unit_s) or _UNIT_LOOKUP.get(_strip_accents(unit_s))
        if n is None or unit is None:
            continue
        if m.group("n").isdigit() and len(m.group("n")) > 2:
            continue
        notes = ["future"]
        if m.group("prep").lower() in ("d'ici", "within"):
            notes.append("by")
        if m.group("n").lower() in _APPROX_WORDS:
            notes.append("approx")
        value, precision = _shift(reference, n, unit)
        if reference is None:
            notes.append("no_reference")
        cands.append(_Cand(m.start(), m.end(), value, precision, "relative", notes, prio=1))

    # choose: longest first, then higher priority, then earliest
    cands.sort(key=lambda c: (-(c.end - c.start), -c.prio, c.start))
    taken: list[_Cand] = []
    for c in cands:
        if any(c.start < t.end and t.start < c.end for t in taken):
            continue
        taken.append(c)
    taken.sort(key=lambda c: c.start)
    out = []
    for c in taken:
        # trim trailing spaces/punctuation (never in patterns, but be safe)
        s, e = c.start, c.end
        while e > s and text[e - 1] in " ,":
            e -= 1
        if text[e - 1] == "." and e - s > 1:
            last = re.findall(r"[^\W\d_]+$", text[s:e - 1])
            if not last or last[0].lower() not in _ABBREVIATIONS:
                e -= 1  # a sentence-final period, not an abbreviation's
        out.append(DateMention(text[s:e], s, e, c.value, c.precision, c.kind, list(dict.fromkeys(c.notes))))
    return out


def _is_mardi_gras(norm: str, m: re.Match) -> bool:
    return m.group("wd").lower() == "mardi" and norm[m.end("wd"):m.end("wd") + 5].lower() == " gras"


def _prep_notes(prep: str) -> list[str]:
    p = prep.lower()
    if p in ("depuis", "since", "dès", "à partir de", "a partir de", "from"):
        return ["since"]
    if p in ("d'ici", "by", "until", "till", "jusqu'en", "jusqu'à", "jusqu'a", "avant", "before"):
        return ["by"]
    if p in ("après", "apres", "after"):
        return ["after"]
    return []


def _shift(reference: date | None, n: int, unit: str) -> tuple[date | None, str]:
    if reference is None:
        return None, unit
    if unit == "day":
        return reference + timedelta(days=n), "day"
    if unit == "week":
        return reference + timedelta(days=7 * n), "week"
    if unit == "month":
        return _add_months(reference, n).replace(day=1), "month"
    return date(reference.year + n, 1, 1), "year"


def _period_rel(w: str, ref: date | None):
    w = w.replace("é", "e").replace("è", "e").replace("à ", "a ")
    notes: list[str] = []
    if w.startswith("d'ici ") or w.startswith("by "):
        notes.append("by")
    # weekends
    if "week-end" in w or "weekend" in w:
        notes.append("weekend")
        if ref is None:
            return None, "day", notes + ["no_reference"]
        if "dernier" in w or "passe" in w or "last" in w or "past" in w:
            sat = resolve_weekday(5, ref, "past")
            if sat + timedelta(days=1) >= ref:
                sat -= timedelta(days=7)
            return sat, "day", notes
        if "prochain" in w or "next" in w:
            return resolve_weekday(5, ref, "future") + (timedelta(days=7) if ref.weekday() >= 5 else timedelta()), "day", notes + ["future"]
        # ce week-end / this weekend: Sat-Sun-Mon-Tue → the weekend just past/current, else the coming one
        if ref.weekday() >= 5:
            return ref - timedelta(days=ref.weekday() - 5), "day", notes
        if ref.weekday() <= 1:
            return resolve_weekday(5, ref, "past"), "day", notes
        return resolve_weekday(5, ref, "future"), "day", notes + ["future"]
    if "semaine" in w or "week" in w:
        delta = 0
        if any(k in w for k in ("derniere", "passee", "precedente", "last")):
            delta = -1
        elif any(k in w for k in ("prochaine", "next")):
            delta = 1
            notes.append("future")
        if ref is None:
            return None, "week", notes + ["no_reference"]
        return _monday(ref) + timedelta(days=7 * delta), "week", notes
    if "mois" in w or "month" in w:
        if ref is None:
            return None, "month", notes + ["no_reference"]
        first = ref.replace(day=1)
        if "dernier" in w or "passe" in w or "last" in w:
            return _add_months(first, -1), "month", notes
        if "prochain" in w or "next" in w:
            return _add_months(first, 1), "month", notes + ["future"]
        if "fin" in w or "end" in w or "later" in w:
            return first.replace(day=25), "month", notes + ["late"]
        if "debut" in w or "earlier" in w:
            return first, "month", notes + ["early"]
        return first, "month", notes
    # years
    if ref is None:
        prec = "month" if any(k in w for k in ("fin", "end", "debut", "later", "earlier")) else "year"
        return None, prec, notes + ["no_reference"]
    y = ref.year
    if any(k in w for k in ("dernier", "derniere", "passe", "passee", "last")):
        return date(y - 1, 1, 1), "year", notes
    if any(k in w for k in ("prochain", "prochaine", "next")):
        return date(y + 1, 1, 1), "year", notes + ["future"]
    if "fin" in w or "end" in w:
        return date(y, 12, 1), "month", notes + ["late"]
    if "debut" in w:
        return date(y, 1, 1), "month", notes + ["early"]
    if "later" in w:
        return date(y, 1, 1), "year", notes + ["future"]
    return date(y, 1, 1), "year", notes


def date_mentions_json(text: str, reference: date | None, lang: str = "fr") -> list[dict]:
    """JSONL-ready records: text, start, end, value (ISO or None), precision, kind, notes."""
    return [m.to_json() for m in find_dates(text, reference, lang)]


def infer_reference_date(text: str, lang: str = "fr") -> date | None:
    """A stand-in publication date for an undated article.

    The latest explicit absolute DAY date mentioned in the text: either written
    with its year ("7 janvier 2026", "2026-01-07", "03/02/2026") or a day-month
    whose year is taken from the latest year written next to a month or day
    elsewhere in the text (note ``year_from_text``).  Relative expressions,
    months and years are ignored.  None when the text has no such date.
    Heuristic: articles mostly report events up to their publication day, so this
    is a lower bound of the true publication date.
    """
    best: date | None = None
    for m in find_dates(text, None, lang):
        if m.kind != "absolute" or m.precision != "day" or m.value is None:
            continue
        if best is None or m.value > best:
            best = m.value
    return best


# Discourse anchors: day expressions relative to the event date the discourse last set, not to
# the publication date ("Bakou a rejeté ces accusations le jour même", "the next day").
_ANCHOR_NUM = r"(?:deux|trois|quatre|cinq|six|sept|two|three|four|five|six|seven|\d)"
_ANCHORS = [
    (0, r"le m[eê]me jour|le jour m[eê]me|ce jour-l[aà]|the same day|that same day|that day|later that day|"
        r"the same evening|le m[eê]me soir|le soir m[eê]me|dans la foul[ée]e|plus tard dans la journ[ée]e|"
        r"the same night|la m[eê]me nuit"),
    (-1, r"la veille|the day before|the previous day|the eve|a day earlier|un jour plus t[oô]t"),
    (1, r"le lendemain|the next day|the following day|a day later|un jour plus tard|the day after"),
    (None, rf"{_ANCHOR_NUM} jours plus tard|{_ANCHOR_NUM} days later"),
    (None, rf"{_ANCHOR_NUM} jours plus t[oô]t|{_ANCHOR_NUM} days earlier"),
]
_ANCHOR_RE = [(off, re.compile(rf"(?<!\w)(?:{pat})(?!\w)", re.IGNORECASE)) for off, pat in _ANCHORS]
_ANCHOR_NUM_VALUE = {"deux": 2, "two": 2, "trois": 3, "three": 3, "quatre": 4, "four": 4, "cinq": 5, "five": 5,
              "six": 6, "sept": 7, "seven": 7}


def discourse_anchors(text: str) -> list[tuple[int, int, int]]:
    """(start, end, day offset) of the expressions dated relative to the previous event: "le
    même jour" 0, "la veille" -1, "le lendemain" +1, "trois jours plus tard" +3."""
    out = []
    for i, (off, rx) in enumerate(_ANCHOR_RE):
        for m in rx.finditer(text):
            o = off
            if o is None:
                w = m.group(0).split()[0].lower()
                n = int(w) if w.isdigit() else _ANCHOR_NUM_VALUE.get(w, 0)
                o = n if i == 3 else -n
            out.append((m.start(), m.end(), o))
    return sorted(out)
