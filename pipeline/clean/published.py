"""Publication / reference dates: dump header, metadata strings, URLs, text mentions."""
from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

MONTHS: dict[str, int] = {}
for _names in (
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "january february march april may june july august september october november december",
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "januar februar märz april mai juni juli august september oktober november dezember",
    "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
):
    for _i, _n in enumerate(_names.split(), 1):
        MONTHS.setdefault(_n, _i)
MONTHS.update({"fevrier": 2, "aout": 8, "decembre": 12, "fév": 2, "févr": 2, "janv": 1, "avr": 4, "juil": 7,
               "sept": 9, "oct": 10, "nov": 11, "déc": 12, "dec": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
               "jun": 6, "jul": 7, "aug": 8, "sep": 9})


HEADER_RE = re.compile(r"^\ufeff?\s*date\s*[:=]?\s*(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.+Z-]*)?\s*", re.IGNORECASE)
# month names are matched as any word and looked up in MONTHS (faster than a big alternation)
_DMY_RE = re.compile(r"\b(\d{1,2})(?:er|st|nd|rd|th|º|°)?\s+(?:de\s+)?([^\W\d_]{3,10})\.?,?\s+(?:de\s+)?(\d{4})\b")
_MDY_RE = re.compile(r"\b([^\W\d_]{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_ISO_RE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_NUM_RE = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")
_URL_RE = re.compile(r"/(20\d{2}|19\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|-|\b)")
_URL_COMPACT_RE = re.compile(r"[/_-](20\d{2})(\d{2})(\d{2})[/_.-]")


def _mk(y: int, m: int, d: int) -> date | None:
    try:
        dt = date(y, m, d)
    except ValueError:
        return None
    return dt if 1900 <= y <= 2100 else None


def parse_header(text: str) -> tuple[date | None, int]:
    """A leading " date YYYY-MM-DD" header: (date, length of the header) or (None, 0)."""
    m = HEADER_RE.match(text[:64])
    if not m:
        return None, 0
    d = _mk(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return (d, m.end()) if d else (None, 0)


def parse_date_string(value: str | None) -> date | None:
    """Parse a metadata date: ISO 8601 (with time/zone), RFC 2822, YYYYMMDD, or a written date."""
    if not value:
        return None
    s = str(value).strip()[:80]
    m = re.match(r"(\d{4})-?(\d{2})-?(\d{2})", s)
    if m:
        return _mk(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    try:
        return parsedate_to_datetime(s).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    found = find_dates(s)
    return found[0] if found else None


def date_from_url(url: str | None) -> date | None:
    if not url:
        return None
    m = _URL_RE.search(url) or _URL_COMPACT_RE.search(url)
    if not m:
        return None
    return _mk(int(m.group(1)), int(m.group(2)), int(m.group(3)))


def find_dates(text: str, lang: str | None = None) -> list[date]:
    """Explicit full dates (day, month, year) mentioned in `text`, in order of appearance."""
    out: list[tuple[int, date]] = []
    if not text:
        return []
    for m in _DMY_RE.finditer(text):
        d = _mk(int(m.group(3)), MONTHS.get(m.group(2).lower(), 0), int(m.group(1)))
        if d:
            out.append((m.start(), d))
    for m in _MDY_RE.finditer(text):
        d = _mk(int(m.group(3)), MONTHS.get(m.group(1).lower(), 0), int(m.group(2)))
        if d:
            out.append((m.start(), d))
    for m in _ISO_RE.finditer(text):
        d = _mk(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d:
            out.append((m.start(), d))
    for m in _NUM_RE.finditer(text):
        a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        d = _mk(y, a, b) if lang == "en" else _mk(y, b, a)
        if d is None:
            d = _mk(y, b, a) if lang == "en" else _mk(y, a, b)
        if d:
            out.append((m.start(), d))
    out.sort(key=lambda t: t[0])
    return [d for _, d in out]


def today() -> date:  # pragma: no cover - trivial
    return datetime.now().date()
