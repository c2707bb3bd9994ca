"""Temporal expressions: finding and resolving them in a text against a reference date, inferring
that date, and the discourse anchors ("le lendemain") extraction chains dates on."""
from __future__ import annotations

import re
from datetime import date, timedelta

from pipeline.text.temporal.calendar_math import (
    _add_months,
    _closest_month,
    _closest_year,
    _is_english_only_month,
    _monday,
    _month_num,
    _month_ok,
    _num,
    _safe_date,
    _strip_accents,
    _text_year_of,
    _wd_name,
    _weekday_num,
    normalize_text,
    resolve_weekday,
)
from pipeline.text.temporal.lexicon import (
    _ABBREVIATIONS,
    _ANCHOR_COMPLEMENT,
    _APPROX_WORDS,
    _EN_WD_ABBR,
    _EN_WEEKDAYS,
    _FULL_MONTH_NAMES,
    _P_AGO,
    _P_BY_BEFORE,
    _P_DAY_MONTH,
    _P_FROM_BEFORE,
    _P_IN,
    _P_ISO,
    _P_MONTH_DAY,
    _P_MONTH_YEAR,
    _P_NIGHT,
    _P_NUMERIC,
    _P_PERIOD_REL,
    _P_SIMPLE_REL,
    _P_SINCE_BEFORE,
    _P_SUB_PERIOD,
    _P_WEEKDAY,
    _P_YEAR,
    _UNIT_LOOKUP,
    ANCHOR_HOUR_UNITS,
    ANCHOR_PATTERNS,
    ANCHOR_SIGNS,
    ANCHOR_UNIT_DAYS,
    FROM_PREPS,
    DateMention,
    elided_prep,
)
from pipeline.text.temporal.literals import LiteralGate
from pipeline.text.temporal.periods import period_candidates

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
    cands: list[_Cand] = []
    gate = LiteralGate(norm)  # a pattern is scanned only if the text holds its required words
    # the three patterns the year of the text is read from are scanned once for both uses
    iso, day_month, month_day = (list(gate.finditer(p)) for p in (_P_ISO, _P_DAY_MONTH, _P_MONTH_DAY))
    text_year = _text_year_of(day_month, month_day, iso) if reference is None else None

    # ISO dates
    for m in iso:
        v = _safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        if v:
            cands.append(_Cand(m.start(), m.end(), v, "day", "absolute", prio=4))

    # numeric dates
    for m in gate.finditer(_P_NUMERIC):
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

    for m in day_month:
        c = _day_month_cand(m, reference, text_year, lang, english_order=False)
        if c:
            cands.append(c)
    for m in month_day:
        # must look English: English month word or English weekday
        mw = m.group("month")
        if not _is_english_only_month(mw) and mw.lower().rstrip(".") not in ("sept", "oct", "nov", "dec"):
            # "mars 3" / "avril 5" are not French word orders
            continue
        c = _day_month_cand(m, reference, text_year, lang, english_order=True)
        if c:
            cands.append(c)

    # month (+ year) partials
    for m in gate.finditer(_P_MONTH_YEAR):
        mw = m.group("month")
        if not _month_ok(mw, lang):
            continue
        mon = _month_num(mw)
        if mon is None:
            continue
        mod, prep, year = m.group("mod"), m.group("prep") or elided_prep(m.group("eprep")), m.group("year")
        if not year and not mod and not prep:
            continue  # bare month word: too ambiguous ("mars", "mai")
        if not year and mw.lower().rstrip(".") not in _FULL_MONTH_NAMES and not mw.endswith("."):
            continue  # "en sept ans": abbreviations need a year or a period
        if not year and prep and prep.lower() in ("of", "de", "des"):
            continue
        if not year and prep and prep.lower() == "from" and not (
                mw[:1].isupper() and mw.lower().rstrip(".") in _FULL_MONTH_NAMES):
            continue  # "from October" (a written month name), not "from may"
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
    for m in gate.finditer(_P_YEAR):
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
    for m in gate.finditer(_P_SIMPLE_REL):
        w = m.group("w").lower().replace("\u2019", "'")
        offset = {
            "avant-hier": -2, "avant hier": -2, "the day before yesterday": -2,
            "hier": -1, "yesterday": -1, "last night": -1, "la nuit dernière": -1, "la nuit derniere": -1,
            "aujourd'hui": 0, "today": 0, "tonight": 0, "ce matin": 0, "ce soir": 0,
            "cet après-midi": 0, "cet apres-midi": 0, "cette nuit": 0,
            "this morning": 0, "this afternoon": 0, "this evening": 0,
            "demain": 1, "tomorrow": 1,
            "après-demain": 2, "apres-demain": 2, "après demain": 2, "the day after tomorrow": 2,
        }.get(w)
        if offset is None:
            continue
        notes = ["future"] if offset > 0 else []
        value = None if reference is None else reference + timedelta(days=offset)
        if reference is None:
            notes.append("no_reference")
        if m.group("wd") and value is not None and value.weekday() != _weekday_num(m.group("wd")):
            notes.append("weekday_mismatch")  # "hier mercredi" written on a Wednesday
        cands.append(_Cand(m.start(), m.end(), value, "day", "relative", notes, prio=1 + bool(m.group("wd"))))

    # weekdays
    for m in gate.finditer(_P_WEEKDAY):
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
        if not post or post in _DAY_PARTS:
            if pre not in ("last", "this past", "next", "this coming", "ce", "cette", "this"):
                notes.append("weekday_bare")  # past by default; a future clause reads it forward
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
    for m in gate.finditer(_P_PERIOD_REL):
        w = re.sub(r"\s+", " ", m.group("w").lower())
        res = _period_rel(w, reference)
        if res is None:
            continue
        value, precision, notes = res
        cands.append(_Cand(m.start(), m.end(), value, precision, "relative", notes, prio=1))

    # a night between two weekdays: the day the night ends on
    for m in gate.finditer(_P_NIGHT):
        wdn = _weekday_num(m.group("wd2") or m.group("wd4"))
        if wdn is None:
            continue
        value = resolve_weekday(wdn, reference, "past_or_same") if reference is not None else None
        notes = ["night", "weekday_resolved"] if reference is not None else ["night", "no_reference"]
        cands.append(_Cand(m.start(), m.end(), value, "day", "relative", notes, prio=2))

    # a sub-period of a relative period: "fin de l'année dernière", "early next month"
    for m in gate.finditer(_P_SUB_PERIOD):
        res = _sub_period(m, reference)
        if res is not None:
            cands.append(_Cand(m.start(), m.end(), res[0], res[1], "relative", res[2], prio=2))

    # il y a N jours / N days ago
    for m in gate.finditer(_P_AGO):
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
    for m in gate.finditer(_P_IN):
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

    # seasons, shifted months, "fin du mois de février", "entre le 3 et le 5 mars"
    for start, end, value, precision, kind, notes, prio in period_candidates(gate, reference, text_year):
        cands.append(_Cand(start, end, value, precision, kind, notes, prio=prio))

    # choose: longest first, then higher priority, then earliest
    cands.sort(key=lambda c: (-(c.end - c.start), -c.prio, c.start))
    taken: list[_Cand] = []
    for c in cands:
        if any(c.start < t.end and t.start < c.end for t in taken):
            continue
        taken.append(c)
    taken.sort(key=lambda c: c.start)
    for c in taken:
        if not {"by", "since"} & set(c.notes):
            before = norm[max(0, c.start - 20):c.start]
            if _P_BY_BEFORE.search(before):
                c.notes.append("by")
            elif _P_FROM_BEFORE.search(before):
                c.notes.extend(["since", "from"])
            elif _P_SINCE_BEFORE.search(before):
                c.notes.append("since")
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


_DAY_PARTS = ("soir", "matin", "après-midi", "apres-midi", "midi", "night", "morning", "afternoon", "evening")


def _is_mardi_gras(norm: str, m: re.Match) -> bool:
    return m.group("wd").lower() == "mardi" and norm[m.end("wd"):m.end("wd") + 5].lower() == " gras"


def _prep_notes(prep: str) -> list[str]:
    p = prep.lower()
    if p in FROM_PREPS:
        return ["since", "from"]
    if p in ("depuis", "since"):
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


_SUB_MODS = {"debut": "early", "fin": "late", "mi-": "mid", "milieu": "mid", "early": "early", "late": "late",
             "mid": "mid", "mid-": "mid", "earlier": "earlier", "later": "later", "start of": "early",
             "beginning of": "early", "end of": "late", "middle of": "mid", "plus tot": "earlier",
             "plus tard": "later"}
_SUB_PERIODS = {"l'annee": "year", "l'an": "year", "annee": "year", "la semaine": "week", "semaine": "week",
                "du mois": "month", "le mois": "month", "mois": "month", "week": "week", "month": "month",
                "year": "year"}


def _sub_period(m: re.Match, ref: date | None):
    """(value, precision, notes) of "early/mid/late/earlier/later" + a period relative to `ref`."""
    g = {k: _strip_accents((v or "").lower()) for k, v in m.groupdict().items()}
    mod = _SUB_MODS.get(g["fmod"] or g["emod"] or g["fearly"])
    per = _SUB_PERIODS.get(g["fper"] or g["eper"] or g["fper2"])
    if mod is None or per is None or (mod in ("earlier", "later") and per != "week"):
        return None  # "later this year", "earlier this month": _P_PERIOD_REL's
    shift_w = g["fshift"] or g["eshift"]
    if shift_w.startswith(("dern", "pass", "last")):
        shift = -1
    elif shift_w.startswith(("proch", "next")):
        shift = 1
    elif not shift_w and per != "week" and not g["fper2"] and g["fper"] not in ("l'annee", "l'an", "annee", "mois"):
        return None  # "fin du mois" is _P_PERIOD_REL's; "fin de l'année" too
    else:
        shift = 0
    notes = ["future"] if shift > 0 else []
    if ref is None:
        return None, "day" if per == "week" else "month", notes + ["no_reference"]
    if per == "week":
        monday = _monday(ref) + timedelta(days=7 * shift)
        if mod == "earlier":  # "earlier this week": between Monday and the reference
            return monday + timedelta(days=max(0, ref.weekday() - 1) // 2), "day", notes
        if mod == "later":
            return ref + timedelta(days=max(1, (6 - ref.weekday()) // 2)), "day", notes + ["future"]
        return monday + timedelta(days={"early": 1, "mid": 2, "late": 4}[mod]), "day", notes
    if per == "month":
        first = _add_months(ref.replace(day=1), shift)
        return first.replace(day={"early": 1, "mid": 15, "late": 25}[mod]), "month", notes + [mod]
    y = ref.year + shift
    return date(y, {"early": 1, "mid": 7, "late": 12}[mod], 1), "month", notes + [mod]


def date_mentions_json(text: str, reference: date | None, lang: str = "fr") -> list[dict]:
    """JSONL-ready records: text, start, end, value (ISO or None), precision, kind, notes."""
    return [m.to_json() for m in find_dates(text, reference, lang)]


def discourse_anchors(text: str) -> list[tuple[int, int, int, bool, str]]:
    """(start, end, day offset, relational, precision) of the expressions dated relative to another event:
    "le même jour" 0, "la veille" -1, "le lendemain" +1, "trois jours plus tard" +3 (relative to
    the event the discourse last set); relational ones name that other event in their complement
    ("au lendemain de violents combats", "la veille de la réunion", "a day after they met",
    "two days before the vote": the span ends with the preposition, the complement follows)."""
    out = []
    gate = LiteralGate(text)
    for kind, rx in ANCHOR_PATTERNS:
        for m in gate.finditer(rx):
            n_s = m.groupdict().get("n")
            n = 1 if n_s is None else (_num(n_s) or 0)
            sign = ANCHOR_SIGNS[kind] if kind in ANCHOR_SIGNS else ANCHOR_SIGNS[_strip_accents(m.group("dir").lower())]
            unit = (m.groupdict().get("unit") or "").lower()
            if unit in ANCHOR_HOUR_UNITS:
                offset = sign * round(n / 24)
            else:
                offset = sign * n * ANCHOR_UNIT_DAYS.get(unit, 1)
            precision = {30: "month", 365: "year"}.get(ANCHOR_UNIT_DAYS.get(unit), "day")
            end = m.end()
            gd = m.groupdict()
            relational = gd.get("rel") is not None or gd.get("rel_of") is not None
            if not relational and m.groupdict().get("dir") and kind == "day_dir":
                # "the day after the summit" (relational) / "the day after," (anaphoric)
                relational = bool(_ANCHOR_COMPLEMENT.match(text, end))
            out.append((m.start(), end, offset, relational, precision))
    out.sort(key=lambda a: (a[0], -(a[1] - a[0])))
    kept: list[tuple[int, int, int, bool, str]] = []
    for a in out:
        if kept and a[0] < kept[-1][1]:
            continue
        kept.append(a)
    return kept
