"""Temporal expressions: the record (DateMention), the French and English vocabulary and the
compiled patterns."""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, timedelta


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
        if "season" in self.notes:
            ends = [n[10:] for n in self.notes if n.startswith("range_end:")]
            if ends:
                return v, date.fromisoformat(ends[0])
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

# seasons (northern hemisphere, astronomical): word -> season; season -> (first (month, day), last)
SEASON_WORDS = {"printemps": "spring", "été": "summer", "ete": "summer", "automne": "autumn", "hiver": "winter",
                "spring": "spring", "summer": "summer", "autumn": "autumn", "fall": "autumn", "winter": "winter"}
SEASON_SPANS = {"spring": ((3, 21), (6, 20)), "summer": ((6, 21), (9, 22)), "autumn": ((9, 23), (12, 20)),
                "winter": ((12, 21), (3, 20))}
# the shift words ("dernier", "passé", "précédent") that point back; the others point ahead
PAST_SHIFT_WORDS = ("dern", "pass", "prec", "préc")

_NUM_WORDS = {
    # French
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
    "quinze": 15, "seize": 16, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50,
    "quelques": 3, "plusieurs": 3, "vingt-quatre": 24, "quarante-huit": 48, "soixante-douze": 72,
    "twenty-four": 24, "forty-eight": 48, "seventy-two": 72,
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
# the same prepositions elided before a vowel ("à partir d'octobre", "au mois d'avril", "dès le mois d'août")
_PREP_ELIDED = r"à partir d'|a partir d'|à compter d'|a compter d'|au mois d'|du mois d'|le mois d'|jusqu'au mois d'"
def elided_prep(eprep: str | None) -> str | None:
    """The preposition an elided form stands for ("à partir d'" → "à partir de"; "au mois d'" →
    "en"), None when there is none."""
    if not eprep:
        return None
    e = eprep.lower()
    if e.startswith(("à partir", "a partir", "à compter", "a compter")):
        return "à partir de"
    if e.startswith("jusqu"):
        return "jusqu'en"
    return "en"


_P_MONTH_YEAR = re.compile(
    _B
    + _lead(_words(_MOD_FR) + _words(_MOD_EN) + _words(_PREP) + _words(_PREP_ELIDED) + _MONTH_WORDS)
    + rf"(?:(?P<mod>{_MOD_FR}|{_MOD_EN})\s*(?:de\s+|d')?|(?P<prep>{_PREP})\s+|(?P<eprep>{_PREP_ELIDED}))?"
    + rf"(?P<month>{_MONTH_RE})\.?"
    + rf"(?:,?\s+{_YEAR})?"
    + _E,
    _FLAGS,
)
# a preposition written just before a mention that does not include it ("until the end of 2027",
# "jusqu'à la fin du mois", "since early March"): the mention bounds a period
_P_BY_BEFORE = re.compile(
    r"(?<![\w'])(?:until|till|by|through|(?:no|not) later than|d'ici(?: à| a)?|jusqu'(?:à|a|au|en)|avant|before|au plus tard)"
    r"(?:\s+(?:le|la|l'|the))?\s*$", _FLAGS)
# words of a clause telling what is to come ("will resume talks on 16 February", "doit se réunir le
# 16 mars", "are due to meet on 25 November"): its date is not a day the story has reached
_P_FUTURE_CLAUSE = re.compile(
    r"(?<![\w'])(?:will|shall|won't|is due|are due|due to|is expected|are expected|is scheduled|are scheduled|"
    r"is set to|are set to|is to|are to|plans? to|planned|next|upcoming|"
    r"doit|doivent|devra|devront|prévue?s?|programmée?s?|se tiendra|se tiendront|aura lieu|auront lieu|"
    r"est attendue?|sont attendue?s|prochaine?s?)(?![\w'])", _FLAGS)
# a French simple future ("se réunira", "débuteront", "sera"): lower case, so not a place name
_P_FUTURE_FR_VERB = re.compile(r"(?<![\w'])[a-zéèêîôûç]+[eiudrov]r(?:a|ont)(?![\w'])")
_P_SINCE_BEFORE = re.compile(r"(?<![\w'])(?:since|depuis)(?:\s+(?:le|la|l'|the))?\s*$", _FLAGS)
# ... or its start, the day from which something holds ("à partir du 1er février", "dès le 3",
# "starting May 1", "as of Monday", "with effect from 1 June"): a "since" that, in a future
# clause, is when the act takes effect (note "from")
_P_FROM_BEFORE = re.compile(
    r"(?<![\w'])(?:à partir d[eu']|a partir d[eu']|à compter d[eu']|a compter d[eu']|dès|starting(?: on| from)?|"
    r"beginning(?: on)?|from|as of|as from|effective(?: from)?)(?:\s+(?:le|la|l'|the))?\s*$", _FLAGS)
FROM_PREPS = {"dès", "à partir de", "a partir de", "from"}
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
    r"the day before yesterday|the day after tomorrow|yesterday|today|tomorrow|tonight|last night|"
    r"la nuit dernière|la nuit derniere|ce matin|ce soir|cet après-midi|cet apres-midi|cette nuit|this morning|this afternoon|this evening"
)
_P_SIMPLE_REL = re.compile(
    _B
    + _lead(_words(_SIMPLE_REL_WORDS))
    + r"(?P<w>" + _SIMPLE_REL_WORDS + ")"
    # a weekday in apposition ("demain vendredi", "hier, mardi", "today, Monday"): part of the
    # expression, which dates it (not the bare weekday's past reading)
    + rf"(?:[ \t]*,?[ \t]*(?P<wd>{_WD})(?![\w]))?"
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
    + _lead(["la", "ce", "le", "l'", "d'", "à ", "au", "dé", "th", "ne", "by", "en", "ea", "ov", "at", "du", "pe"])
    + r"(?P<w>"
    r"la semaine (?:dernière|derniere|passée|passee|prochaine)|cette semaine|la semaine précédente|"
    r"le week-end (?:dernier|passé|passe|prochain)|ce week-end|ce weekend|le weekend (?:dernier|prochain)|"
    r"(?:au cours du|pendant le|durant le|over the|at the|during the) week-?end|"
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
# a sub-period of a period relative to the reference: "fin de l'année dernière", "au début du
# mois prochain", "en début de semaine", "early next month", "late last year", "earlier this week"
_SUB_MOD_FR = r"(?:au |en |à la |a la |vers la )?(?P<fmod>début|debut|fin|mi-|milieu)"
_SUB_PER_FR = (
    r"(?P<fper>l'année|l'annee|l'an|la semaine|semaine|du mois|le mois|mois|année|annee)"
    r"(?:\s+(?P<fshift>dernière|derniere|dernier|passée|passee|passé|passe|prochaine|prochain|en cours))?"
)
_P_SUB_PERIOD = re.compile(
    _B
    + r"(?:" + _SUB_MOD_FR + r"\s*(?:de\s+|d'|du\s+(?=mois))?(?:cette\s+|ce\s+)?" + _SUB_PER_FR
    + r"|(?:(?:at\s+)?the\s+)?(?P<emod>early|late|mid-?|earlier|later|start of|beginning of|end of|middle of)\s*"
    + r"(?:in\s+the\s+|in\s+)?(?P<eshift>last|next|this|the)\s+(?P<eper>week|month|year)"
    + r"|(?P<fearly>plus tôt|plus tot|plus tard)\s+(?:dans\s+la|cette)\s+(?P<fper2>semaine))"
    + _E,
    _FLAGS,
)
# a night between two weekdays: "dans la nuit de mardi à mercredi", "overnight Monday into Tuesday"
_P_NIGHT = re.compile(
    _B
    + rf"(?:(?:dans\s+)?la\s+nuit\s+(?:de|du)\s+(?P<wd1>{_WD_FR})\s+(?:à|a|au)\s+(?P<wd2>{_WD_FR})"
    + rf"|(?:(?:in\s+|during\s+)?the\s+night\s+(?:of|from)\s+|overnight\s+(?:from\s+)?)(?P<wd3>{_WD_EN})\s+(?:to|into|and)\s+(?P<wd4>{_WD_EN}))"
    + _E,
    _FLAGS,
)
_P_AGO = re.compile(
    _B
    + rf"(?:il y a|voici|voilà)\s+(?P<n>{_NUM_RE})\s+(?P<unit>jours?|semaines?|mois|ans?|années?|annees?)" + _E
    + "|"
    + _B
    # "N days earlier" counts from the event the discourse last set: a discourse anchor, not this
    + rf"(?P<n2>{_NUM_RE})\s+(?P<unit2>days?|weeks?|months?|years?)\s+ago" + _E,
    _FLAGS,
)
_P_IN = re.compile(
    _B
    + rf"(?P<prep>dans|d'ici|in|within)\s+(?P<n>{_NUM_RE})\s+(?P<unit>jours?|semaines?|mois|ans?|années?|days?|weeks?|months?|years?)"
    + _E,
    _FLAGS,
)


# --------------------------------------------------------------------------- discourse anchors
# Day expressions dated relative to another event, not to the reference date. Each entry: a kind
# and its pattern; the offset is ANCHOR_SIGNS[kind] (or of the direction word) times the number
# (group "n", default 1). A group "rel" (a preposition after the phrase) makes it relational: its
# complement names the other event ("au lendemain de violents combats").
_A_NUM = _NUM_RE
# ("le lendemain même du refus": "même" stresses the day, the complement follows)
_A_DE = r"(?:\s+m[eê]me(?=\s+(?:de|du|des|d')(?=\s|\w)))?(?P<rel>\s+(?:de|du|des|d')(?=\s|\w))?"
ANCHOR_SIGNS = {
    "same": 0, "before": -1, "after": 1, "week_after": 7, "week_before": -7, "two_after": 2, "two_before": -2,
    "apres": 1, "avant": -1, "plus tard": 1, "plus tot": -1, "later": 1, "earlier": -1, "auparavant": -1,
}
# the units a counted anchor may take ("trois jours plus tard", "48 heures après", "two months later")
_A_UNITS = r"jours?|days?|semaines?|weeks?|heures|hours|mois|months?|ans|années|annees|years?"
ANCHOR_PATTERNS = [(kind, re.compile(rf"(?<![\w'])(?:{pat})(?!\w)", re.IGNORECASE)) for kind, pat in [
    ("same", r"le m[eê]me jour|le jour m[eê]me|ce jour-l[aà]|the same day|that same day|that day|later that day|"
             r"the same evening|that evening|le m[eê]me soir|le soir m[eê]me|dans la foul[ée]e|"
             r"plus tard dans la journ[ée]e|the same night|la m[eê]me nuit|that night|later that night|"
             r"dans la nuit(?! d)|dans la soir[ée]e|overnight(?! \w+day)|"
             r"in the evening|during the night|in the night(?! of)|that morning|the same morning|earlier that day|"
             r"earlier in the day|later in the day|hours later|hours earlier|le matin m[eê]me|plus t[oô]t dans la journ[ée]e|"
             r"quelques heures plus (?:tard|t[oô]t)|dans la matin[ée]e|dans l'apr[eè]s-midi"),
    ("after", r"peu apr[eè]s minuit|shortly after midnight|just after midnight|after midnight"),
    ("before", r"(?:[àa] )?la veille" + _A_DE + r"|the previous day|the eve(?P<rel_of> of(?=\s))?|a day earlier|un jour plus t[oô]t|"
               r"the previous (?:evening|night|morning)|the night before|the evening before|the day prior|"
               r"un jour auparavant|la nuit pr[ée]c[ée]dente|la soir[ée]e pr[ée]c[ée]dente"),
    ("after", r"(?:le|au) lendemain" + _A_DE + r"|the next day|the following day|a day later|un jour plus tard|"
              r"the (?:next|following) (?:morning|evening|night)|the morning after|le jour suivant"),
    ("two_after", r"(?:le|au) surlendemain" + _A_DE),
    ("two_before", r"l'avant-veille" + _A_DE),
    ("day_dir", r"(?:on )?the day (?P<dir>after|before)"),
    ("count", rf"(?P<n>{_A_NUM}|une|un) (?P<unit>{_A_UNITS}) (?P<dir>plus tard|plus t[oô]t|later|earlier|auparavant)"),
    ("count_rel", rf"(?P<n>{_A_NUM}|a|one|une|un) (?P<unit>{_A_UNITS}) (?P<dir>apr[eè]s|avant|after|before)"
                  r"(?P<rel>(?=\s+\w))?"),
    ("week_after", r"la semaine suivante|the following week"),
    ("week_before", r"the previous week|the week before(?! \w)"),
]]
# days in the unit of a counted anchor ("deux semaines plus tard": 14)
ANCHOR_UNIT_DAYS = {"jour": 1, "jours": 1, "day": 1, "days": 1, "semaine": 7, "semaines": 7, "week": 7, "weeks": 7,
                    "mois": 30, "month": 30, "months": 30, "ans": 365, "années": 365, "annees": 365, "year": 365,
                    "years": 365}
# hours count in whole days ("48 heures plus tard": two days; "quelques heures plus tard": the same day)
ANCHOR_HOUR_UNITS = {"heures", "hours"}
_ANCHOR_COMPLEMENT = re.compile(r"\s+(?!(?:near|in|at|on|when|as|and|but|to)\b)[\w«\"'“]", re.IGNORECASE)
