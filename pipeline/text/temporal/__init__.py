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
  Also: a night between two weekdays, dated on the day it ends ("dans la nuit de mardi à
  mercredi", "overnight Monday into Tuesday", note ``night``), and sub-periods of relative
  periods ("fin de l'année dernière", "au début du mois prochain", "en début de semaine",
  "early next month", "late last year", "earlier this week").

- seasons, months shifted from the reference, parts of a month written with "mois", day ranges
  with "entre" (``periods.py``): "à l'automne 2025", "l'été dernier", "in the spring" (past by
  default), "en janvier dernier", "next January", "à la fin du mois de février", "entre le 3 et le 5
  mars"; a season has precision month and notes ``season`` and ``range_end`` (its middle is
  `midpoint()`).

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
``ambiguous_numeric`` (03/02/2026 readable both ways), ``weekday_resolved``,
``weekday_bare`` (a weekday without dernier/prochain/ce/last/next: past by default, the coming
one in a future clause, see ``pipeline.extract.event_dates.choose_date``), ``night``.  A
preposition just before a mention also gives ``by`` ("until the end of 2027", "jusqu'au 3 avril")
or ``since`` ("depuis le 2 mars").

Discourse anchors
-----------------
`discourse_anchors(text)` finds the expressions dated relative to another event rather than to
the reference: (start, end, day offset, relational). "le même jour", "dans la nuit", "the same
day", "overnight" 0; "la veille", "the day before" -1; "le lendemain", "the next day", "peu
après minuit" +1; "trois jours plus tard" +3.  Relational ones name the other event in their
complement: "au lendemain de violents combats", "à la veille de la visite", "a day after they
met", "two days before the vote" (the span ends with the preposition). Counts take days, weeks,
hours (in whole days: "48 heures plus tard" +2, "hours later" 0) and months ("seven months after":
precision month, the fifth element of an anchor); also "le surlendemain" +2, "l'avant-veille" -2,
"the following morning" +1, "trois jours auparavant" -3.  The vocabulary is in
``lexicon.ANCHOR_PATTERNS``.
"""
import re as _re

from pipeline.text.temporal import lexicon as _lexicon
from pipeline.text.temporal import periods as _periods
from pipeline.text.temporal.calendar_math import normalize_text, resolve_weekday
from pipeline.text.temporal.lexicon import DateMention
from pipeline.text.temporal.literals import required_literals as _required_literals
from pipeline.text.temporal.reference import infer_reference_date
from pipeline.text.temporal.resolve import (
    date_mentions_json,
    discourse_anchors,
    find_dates,
)

# the words each pattern requires, read once here rather than in every forked worker
for _p in [*vars(_lexicon).values(), *vars(_periods).values(), *(rx for _k, rx in _lexicon.ANCHOR_PATTERNS)]:
    if isinstance(_p, _re.Pattern):
        _required_literals(_p)

__all__ = [
    "DateMention",
    "discourse_anchors",
    "find_dates",
    "date_mentions_json",
    "infer_reference_date",
    "resolve_weekday",
    "normalize_text",
]
