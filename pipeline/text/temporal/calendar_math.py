"""Temporal expressions: normalisation and calendar arithmetic (closest year, weekday resolution,
adding months)."""
from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import date, timedelta

from pipeline.text.temporal.lexicon import (
    _EN_AMBIGUOUS_MONTHS,
    _EN_WEEKDAYS,
    _FR_MONTHS,
    _FR_WEEKDAYS,
    _MONTH_LOOKUP,
    _NUM_WORDS,
    _P_DAY_MONTH,
    _P_ISO,
    _P_MONTH_DAY,
    _WEEKDAY_LOOKUP,
)

# --------------------------------------------------------------------------- helpers

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
    return _text_year_of(_P_DAY_MONTH.finditer(text), _P_MONTH_DAY.finditer(text), _P_ISO.finditer(text))


def _text_year_of(day_month, month_day, iso) -> int | None:
    """`_text_year` from the matches of _P_DAY_MONTH, _P_MONTH_DAY and _P_ISO in the text (which
    `find_dates` scans anyway)."""
    years = []
    for m in day_month:
        if m.group("year") and _month_ok(m.group("month"), "fr"):
            years.append(int(m.group("year")))
    for m in month_day:
        if m.group("year") and _month_ok(m.group("month"), "en"):
            years.append(int(m.group("year")))
    for m in iso:
        years.append(int(m.group("y")))
    return max(years) if years else None
