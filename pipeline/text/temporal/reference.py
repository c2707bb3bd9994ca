"""A stand-in reference date for an article that states none (`infer_reference_date`)."""
from __future__ import annotations

import re
from datetime import date

from pipeline.text.temporal.lexicon import _P_FUTURE_CLAUSE, _P_FUTURE_FR_VERB
from pipeline.text.temporal.resolve import find_dates

_CLAUSE_START = re.compile(r"[.;!?\n][^.;!?\n]*$")
_CLAUSE_END = re.compile(r"[^.;!?\n,]*")


def _announced(text: str, start: int, end: int, lang: str) -> bool:
    """The date belongs to a sentence telling what is to come ("will resume negotiations on 16
    February", "une commission doit se réunir le 16 mars", "le poste rouvrira le 3 mai"): the words
    of its sentence before it and of its clause after it carry a future marker."""
    head = _CLAUSE_START.search(text, max(0, start - 300), start)
    left = text[head.start() + 1 if head else max(0, start - 300):start]
    right = _CLAUSE_END.match(text, end).group(0)
    words = left + " " + right
    return bool(_P_FUTURE_CLAUSE.search(words) or (lang == "fr" and _P_FUTURE_FR_VERB.search(words)))


def infer_reference_date(text: str, lang: str = "fr") -> date | None:
    """A stand-in publication date for an undated article.

    The latest explicit absolute DAY date mentioned in the text: either written
    with its year ("7 janvier 2026", "2026-01-07", "03/02/2026") or a day-month
    whose year is taken from the latest year written next to a month or day
    elsewhere in the text (note ``year_from_text``).  Relative expressions,
    months and years are ignored.  None when the text has no such date.
    Heuristic: articles mostly report events up to their publication day, so this
    is a lower bound of the true publication date. A deadline ("d'ici le 30 juin", "until 3 May",
    "no later than 31 December") or a date of a sentence announcing what is to come ("doit se
    réunir le 16 mars", "will resume talks on 16 February") looks ahead of the publication: not
    taken (unless the text has no other).
    """
    best: date | None = None
    ahead: date | None = None
    for m in find_dates(text, None, lang):
        if m.kind != "absolute" or m.precision != "day" or m.value is None or "by" in m.notes:
            continue
        if _announced(text, m.start, m.end, lang):
            ahead = m.value if ahead is None or m.value < ahead else ahead
            continue
        if best is None or m.value > best:
            best = m.value
    return best if best is not None else ahead
