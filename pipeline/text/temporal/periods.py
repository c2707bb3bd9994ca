"""Temporal expressions naming a period by its name rather than by a number: seasons ("à
l'automne 2025", "l'été dernier", "last winter", "in the spring"), a month shifted from the
reference ("en janvier dernier", "en février prochain", "last March", "next January"), a part of a
named month written with "mois" ("à la fin du mois de février", "at the end of the month of May"),
day ranges introduced by "entre"/"between" ("entre le 3 et le 5 mars"), nights between two numbered
days, dated on the day they end ("dans la nuit du 3 au 4 mars", "on the night of March 3 to 4"), and
a day of the reference's month written alone ("on the 3rd": the last such day; "le 3 courant").

`period_candidates(norm, reference, text_year)` yields (start, end, value, precision, kind, notes,
prio) tuples that `resolve.find_dates` adds to its candidates (longest wins a conflict).

Seasons are the astronomical ones of the northern hemisphere (spring 21 March-20 June, summer
21 June-22 September, autumn 23 September-20 December, winter 21 December-20 March). The
warehouse knows day/week/month/year precisions only, so a season has precision "month", its first
day as value and the notes ``season`` and ``range_end:YYYY-MM-DD``: `DateMention.period()` gives
the whole season and `midpoint()` its middle (5 May, 6 August, 6 November, 4 February).
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Iterator

from pipeline.text.temporal.calendar_math import _closest_month, _closest_year, _month_ok
from pipeline.text.temporal.lexicon import (
    _B,
    _DAY,
    _E,
    _FLAGS,
    _MONTH_LOOKUP,
    _MONTH_RE,
    _YEAR,
    PAST_SHIFT_WORDS,
    SEASON_SPANS,
    SEASON_WORDS,
)
from pipeline.text.temporal.literals import LiteralGate

_SEASON_RE = "|".join(sorted(SEASON_WORDS, key=len, reverse=True))
_SHIFT_RE = r"dernier|dernière|derniere|passé|passe|passée|passee|prochain|prochaine|précédent|precedent"
# a season needs a determiner or preposition before it ("a été arrêté", "prices fall", "Arab Spring")
P_SEASON = re.compile(
    _B + r"(?:(?P<pre>au|à l'|a l'|en|cet|ce|cette|l'|this|last|next|this past|this coming|in the|in|during the|"
    r"over the|the|early|late|mid-|fin de l'|début de l'|debut de l')\s*)"
    rf"(?P<season>{_SEASON_RE})"
    rf"(?:\s+(?:de\s+|of\s+)?{_YEAR}|\s+(?P<shift>{_SHIFT_RE}))?" + _E,
    _FLAGS,
)
# "en janvier dernier", "last March", "next January"
P_SHIFTED_MONTH = re.compile(
    _B + rf"(?:(?:en\s+|au\s+mois\s+de\s+)?(?P<month>{_MONTH_RE})\s+(?P<shift>{_SHIFT_RE})"
    rf"|(?P<eshift>last|next|this past|this coming)\s+(?P<emonth>{_MONTH_RE}))" + _E,
    _FLAGS,
)
# "à la fin du mois de février", "au début du mois de mars", "at the end of the month of May"
P_MONTH_OF = re.compile(
    _B + r"(?:(?:à|a|au|en|vers)\s+(?:la\s+)?)?(?P<mod>fin|début|debut|milieu|mi-|end|beginning|start|middle)\s+"
    rf"(?:du|of\s+the)\s+mois\s+(?:de\s+|d')(?P<month>{_MONTH_RE})(?:\s+{_YEAR})?" + _E
    + "|" + _B + r"(?:at\s+)?the\s+(?P<emod>end|beginning|start|middle)\s+of\s+the\s+month\s+of\s+"
    rf"(?P<emonth>{_MONTH_RE})(?:\s+{_YEAR.replace('year', 'eyear')})?" + _E,
    _FLAGS,
)
# "entre le 3 et le 5 mars", "between 3 and 5 March", "between March 3 and 5"
P_BETWEEN = re.compile(
    _B + r"(?:entre\s+le|between(?:\s+the)?)\s+" + _DAY + r"\s+(?:et|and)\s+(?:le\s+|the\s+)?(?P<day2>[0-3]?\d)"
    rf"(?:er|st|nd|rd|th)?(?:\s+of)?\s+(?P<month>{_MONTH_RE})(?:\s+{_YEAR})?" + _E,
    _FLAGS,
)

# a night between two days, dated on the day it ends ("dans la nuit du 3 au 4 mars", "la nuit du
# samedi 7 au dimanche 8", "on the night of March 3 to 4", "overnight March 3-4")
_WDW = r"(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?"
P_NIGHT_DAYS = re.compile(
    _B + r"(?:(?:dans\s+|durant\s+|pendant\s+)?la\s+nuit\s+du\s+" + _WDW + r"(?P<d1>1er|[0-3]?\d)\s+au\s+" + _WDW
    + rf"(?P<d2>[0-3]?\d)(?:\s+(?P<month>{_MONTH_RE}))?"
    + rf"|(?:(?:on|in|during)\s+)?the\s+night\s+of\s+(?P<emonth>{_MONTH_RE})\s+(?P<e1>[0-3]?\d)(?:st|nd|rd|th)?"
    + r"\s*(?:to|into|-|–)\s*(?P<e2>[0-3]?\d)(?:st|nd|rd|th)?"
    + rf"|overnight\s+(?P<omonth>{_MONTH_RE})\s+(?P<o1>[0-3]?\d)\s*(?:-|–|to|into)\s*(?P<o2>[0-3]?\d))"
    + rf"(?:,?\s+{_YEAR})?" + _E,
    _FLAGS,
)
# a day of the reference's month written alone ("on the 3rd", "le 3 courant", "le 21 de ce mois")
P_DAY_ALONE = re.compile(
    _B + r"(?:on\s+the\s+(?P<eday>[0-3]?\d)(?:st|nd|rd|th)(?!\s+(?:of|century|anniversary|round|day|time|floor))"
    r"|le\s+(?P<fday>1er|[0-3]?\d)\s+(?:courant|de\s+ce\s+mois))" + _E,
    _FLAGS,
)

_MOD_NOTES = {"fin": "late", "end": "late", "début": "early", "debut": "early", "beginning": "early",
              "start": "early", "milieu": "mid", "mi-": "mid", "middle": "mid"}


def _season_start(season: str, year: int) -> date:
    (m, d), _ = SEASON_SPANS[season]
    return date(year, m, d)


def _season_end(start: date, season: str) -> date:
    _, (m, d) = SEASON_SPANS[season]
    return date(start.year + (1 if m < start.month else 0), m, d)


def _season(m: re.Match, reference: date | None, text_year: int | None):
    season = SEASON_WORDS[m.group("season").lower()]
    pre = (m.group("pre") or "").lower().strip()
    shift = (m.group("shift") or "").lower()
    notes = ["season"]
    if pre == "the" and not m.group("year"):
        return None  # "the fall of the regime", "the spring offensive"
    if m.group("year"):
        y = int(m.group("year"))
        # "l'hiver 2025": the winter that ends in 2025
        start = _season_start(season, y - 1 if season == "winter" else y)
    elif reference is None:
        if text_year is None:
            return None, ["season", "no_reference"]
        start = _season_start(season, text_year - 1 if season == "winter" else text_year)
        notes.append("year_from_text")
    else:
        # the instances around the reference, oldest first
        cands = [_season_start(season, y) for y in (reference.year - 2, reference.year - 1, reference.year,
                                                    reference.year + 1)]
        ended = [s for s in cands if _season_end(s, season) < reference]
        coming = [s for s in cands if s > reference]
        current = [s for s in cands if s <= reference <= _season_end(s, season)]
        if shift.startswith(PAST_SHIFT_WORDS) or pre in ("last", "this past"):
            start = ended[-1]
        elif shift or pre in ("next", "this coming"):
            start = coming[0]
            notes.append("future")
        elif current:
            start = current[0]
        elif pre in ("cet", "ce", "cette", "this"):
            # "cet été" read in March: this year's, still to come
            start = [c for c in cands if c.year == reference.year][0]
            if start > reference:
                notes.append("future")
        else:
            start = ended[-1]  # "au printemps", "in the spring": past by default, as news is
    notes.append(f"range_end:{_season_end(start, season).isoformat()}")
    return start, notes


def _shifted_month(m: re.Match, reference: date | None):
    month_word = (m.group("month") or m.group("emonth")).lower().rstrip(".")
    mon = _MONTH_LOOKUP.get(month_word)
    if mon is None or reference is None:
        return None
    shift = (m.group("shift") or m.group("eshift") or "").lower()
    if shift.startswith(PAST_SHIFT_WORDS) or shift in ("last", "this past"):
        y = reference.year if mon < reference.month else reference.year - 1
        return date(y, mon, 1), []
    y = reference.year if mon > reference.month else reference.year + 1
    return date(y, mon, 1), ["future"]


def _day_of(day: int, month: str | None, year: str | None, reference: date | None, text_year: int | None,
            notes: list[str]) -> tuple:
    """(value, precision, kind, notes, prio) of a day written with its month or alone (then the
    reference's month, or the month before when the day is still to come)."""
    mon = _MONTH_LOOKUP.get(month.lower().rstrip(".")) if month else None
    value = None
    try:
        if mon and year:
            value = date(int(year), mon, day)
        elif mon and reference is not None:
            value = _closest_year(mon, day, reference)
            notes = notes + ["year_inferred"]
        elif mon and text_year is not None:
            value = date(text_year, mon, day)
            notes = notes + ["year_from_text"]
        elif not mon and reference is not None:
            first = reference.replace(day=1)
            if day > reference.day:
                first = (first - timedelta(days=1)).replace(day=1)
            value = first.replace(day=day)
    except ValueError:
        value = None
    if value is None:
        notes = notes + ["no_reference"]
    return value, "day", "absolute" if mon else "relative", notes, 3


# the coming days or weeks, counted from the reference ("dans les prochains jours", "in the coming
# weeks"): a vague span ahead, dated at its usual middle (3 days; 3 weeks, precision week)
P_COMING = re.compile(
    _B + r"(?:(?:dans|au cours|durant|pendant)\s+(?:des\s+|les\s+)?(?:prochain(?:e)?s\s+(?P<fu>jours|semaines)|"
    r"(?P<fu2>jours|semaines)\s+(?:à venir|a venir|qui viennent))"
    r"|(?:in|over|within)\s+the\s+(?:coming|next\s+few|next|following)\s+(?P<eu>days|weeks))" + _E,
    _FLAGS,
)
COMING_DAYS = {"jours": 3, "days": 3, "semaines": 21, "weeks": 21}


def period_candidates(norm: str | LiteralGate, reference: date | None, text_year: int | None) -> Iterator[tuple]:
    """(start, end, value, precision, kind, notes, prio) of the mentions above, in the text `norm`
    (or the text of a `LiteralGate`, which skips the patterns whose words it does not hold)."""
    gate = norm if isinstance(norm, LiteralGate) else LiteralGate(norm)
    for m in gate.finditer(P_COMING):
        unit = (m.group("fu") or m.group("fu2") or m.group("eu")).lower()
        value = reference + timedelta(days=COMING_DAYS[unit]) if reference is not None else None
        notes = ["future", "approx"] if value is not None else ["future", "no_reference"]
        yield m.start(), m.end(), value, "day" if COMING_DAYS[unit] < 7 else "week", "relative", notes, 2
    for m in gate.finditer(P_SEASON):
        res = _season(m, reference, text_year)
        if res is None:
            continue
        value, notes = res
        yield m.start(), m.end(), value, "month", "relative" if not m.group("year") else "partial", notes, 2
    for m in gate.finditer(P_SHIFTED_MONTH):
        word = m.group("month") or m.group("emonth")
        if not _month_ok(word, "en" if m.group("emonth") else "fr"):
            continue
        res = _shifted_month(m, reference)
        value, notes = res if res else (None, ["no_reference"])
        yield m.start(), m.end(), value, "month", "relative", notes, 2
    for m in gate.finditer(P_MONTH_OF):
        mon = _MONTH_LOOKUP.get((m.group("month") or m.group("emonth")).lower().rstrip("."))
        if mon is None:
            continue
        year = m.group("year") or m.group("eyear")
        note = _MOD_NOTES[(m.group("mod") or m.group("emod")).lower()]
        if year:
            value, notes = date(int(year), mon, 1), [note]
        elif reference is not None:
            value, notes = _closest_month(mon, reference), [note, "year_inferred"]
        else:
            value, notes = None, [note, "no_reference"]
        if value is not None:
            value = value.replace(day={"early": 1, "mid": 15, "late": 25}[note])
        yield m.start(), m.end(), value, "month", "partial", notes, 3
    for m in gate.finditer(P_NIGHT_DAYS):
        d2 = int(m.group("d2") or m.group("e2") or m.group("o2"))
        month = m.group("month") or m.group("emonth") or m.group("omonth")
        yield (m.start(), m.end()) + _day_of(d2, month, m.group("year"), reference, text_year, ["night"])
    for m in gate.finditer(P_DAY_ALONE):
        d = m.group("eday") or m.group("fday")
        day = 1 if d == "1er" else int(d)
        if m.group("fday") and reference is not None:  # "le 20 courant": this month's, even to come
            try:
                value = reference.replace(day=day)
            except ValueError:
                continue
            yield m.start(), m.end(), value, "day", "relative", ["future"] if value > reference else [], 3
            continue
        yield (m.start(), m.end()) + _day_of(day, None, None, reference, text_year, [])
    for m in gate.finditer(P_BETWEEN):
        day_s = m.group("day").lower()
        d1 = 1 if day_s in ("1er", "premier") else int(day_s)
        d2 = int(m.group("day2"))
        if _MONTH_LOOKUP.get(m.group("month").lower().rstrip(".")) is None or not 1 <= d1 < d2 <= 31:
            continue
        value, precision, kind, notes, prio = _day_of(d1, m.group("month"), m.group("year"), reference, None, [])
        if value is None and (m.group("year") or reference is not None):
            continue  # no such day ("entre le 30 et le 31 février")
        if value is not None:
            notes = notes + [f"range_end:{(value + timedelta(days=d2 - d1)).isoformat()}"]
        yield m.start(), m.end(), value, precision, kind, notes, prio
