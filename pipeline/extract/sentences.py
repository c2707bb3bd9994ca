"""Sentence splitting with character offsets (abbreviations and initials kept inside)."""
from __future__ import annotations

import re

_ABBREV = {"m", "mm", "mme", "mmes", "mlle", "dr", "st", "ste", "sr", "jr", "mr", "mrs", "ms", "prof", "gen",
           "gén", "col", "lt", "sgt", "av", "etc", "vs", "no", "art", "p", "pp", "cf", "ex", "env", "min",
           "sen", "rep", "gov", "u.s", "d.c", "u.n", "u.k", "e.u", "inc", "corp", "ltd", "jan", "feb", "fév",
           "févr", "janv", "sept", "oct", "nov", "déc", "dec", "aug", "apr", "mar", "jun", "jul",
           # honorifics of diplomatic communiqués ("S.E. M. Prak Sokhonn", "LL.EE.", "S.M. le roi", "S.A.R.")
           "s.e", "ll.ee", "s.m", "s.a.r", "s.a", "h.e"}
# closing quotes and brackets stay with their sentence; "'" is a closing quote after an end mark
# (British quoting, and ’ once normalised for the parser)
_SENT_END = re.compile(r"[.!?…]+[\"»”’')\]]*\s+|\n+")


_LAST_WORD_RE = re.compile(r"([\w.]+)\.?$")
# a live-blog or transcript time stamp opening a line ("14h32 —", "[09:15]", "2:40 p.m. -"): not part
# of the sentence (the parser would take "14h32" for its subject or object)
_CLOCK = r"\d{1,2}\s?(?:[h:.]\s?\d{2}|h)(?:\s?[ap]\.?m\.?)?(?:\s?(?:GMT|UTC|CET|HNE|ET))?"
_TIME_STAMP = re.compile(rf"(?:\[\s*{_CLOCK}\s*\]\s*(?:[—–|:-]\s*)?|{_CLOCK}\s*(?:[—–|:-]|\.\s)\s*)(?=\S)")
# a list bullet opening a sentence ("• ", "▪ ", "- ", "* "): layout, not words (the parser would
# make it the subject's head or a conjunction)
_BULLET = re.compile(r"(?:[•·▪▫▸►◦‣●○■□➢➤✓✔*]|[-–—](?=\s))\s*(?=\S)")
_WORD_RE = re.compile(r"\w+")
# a dateline opening the story ("PORT MORESBY, Sept 18 (Wire) – ", "LA PAZ (El Diario) - ", "JAKARTA,
# 19 November 2026 — ", after a byline whose line break was lost: "By our correspondent n LIMA — "):
# layout, not words (the parser makes the city the subject and the real subject its apposition)
_DATELINE = re.compile(r"(?:By\s[^.\n—–]{1,60}?\sn\s+)?"
                       r"(?P<place>[A-ZÀ-Ý]{2,}(?:[ /'.-]{1,2}[A-ZÀ-Ý]{2,})*)"
                       r"(?:,[ \t]*[^,()\n—–-]{1,30}?){0,2}(?:[ \t]*\([^()\n]{1,40}\))?[ \t]*[-–—][ \t]+(?=[\"“‘'A-ZÀ-Ý0-9])")

# the same in mixed case, known by the agency in brackets before the dash ("Lomé (AFP) – ", "Bogota, 26
# mars 2026 (AFP) – "; without the brackets "Lusaka – " could be a sentence's subject)
_AGENCY_DATELINE = re.compile(r"(?P<place>[A-ZÀ-Ý][\w'’.]+(?:[ -][A-ZÀ-Ý][\w'’.]+){0,3})"
                              r"(?:,[ \t]*[^,()\n—–-]{1,30}?){0,2}[ \t]*\([^()\n]{1,40}\)[ \t]*[-–—][ \t]+(?=[\"“‘'A-ZÀ-Ý0-9])")


def _content_start(seg: str, lead: int) -> int:
    """Offset in `seg` where the sentence's words start: after leading spaces, a bullet, a time stamp and a dateline."""
    bullet = _BULLET.match(seg, lead)
    pos = bullet.end() if bullet else lead
    stamp = _TIME_STAMP.match(seg, pos)
    pos = stamp.end() if stamp else pos
    dateline = _DATELINE.match(seg, pos) or _AGENCY_DATELINE.match(seg, pos)
    if dateline and sum(c.isalpha() for c in dateline.group("place")) >= 4:
        return dateline.end()
    return pos


# a line of other stories' headlines after a short label ("Also this week: A strike in X; Y debates Z",
# "Related releases: ...", "À lire aussi : ... ; ..."): two or more headlines joined by semicolons are a
# list of links, not the article's sentences
_HEADLINE_LIST = re.compile(r"^[ \t]*[A-ZÀ-Ý][^:;.!?\n]{1,40}?[ \t]*:[ \t]+[^;\n]{3,}(?:;[ \t]*[A-ZÀ-Ý0-9][^;\n]{3,}){1,}$",
                            re.MULTILINE)


def _headline_lists(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _HEADLINE_LIST.finditer(text)]


_SPLIT_MEMO: dict[str, list[tuple[int, int]]] = {}  # the latest texts split (the extract stage splits each body twice)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets; paragraphs are always boundaries; a line listing other stories'
    headlines has none."""
    found = _SPLIT_MEMO.get(text)
    if found is None:
        lists = _headline_lists(text)
        found = [(s, e) for s, e in _split(text) if not any(a <= s < b for a, b in lists)]
        if len(_SPLIT_MEMO) >= 256:
            del _SPLIT_MEMO[next(iter(_SPLIT_MEMO))]
        _SPLIT_MEMO[text] = found
    return list(found)


def _common_word_at(text: str, pos: int) -> bool:
    """The word at `pos` is one the text also writes in lower case ("a long post on X. On Friday"): a
    sentence's first word, not the name after an initial ("George W. Bush")."""
    word = _WORD_RE.match(text, pos)
    if word is None or not word.group(0)[:1].isupper():
        return False
    low = word.group(0).lower()
    return low != word.group(0) and re.search(rf"(?<!\w){re.escape(low)}(?!\w)", text) is not None


def _split(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    for m in _SENT_END.finditer(text):
        end = m.end()
        if "\n" not in m.group(0):
            # abbreviation or initial before the period?
            before = text[start:m.start() + 1]
            word = _LAST_WORD_RE.search(before)
            w = (word.group(1).rstrip(".").lower() if word else "")
            if m.group(0).startswith(".") and (w in _ABBREV or (len(w) == 1 and w.isalpha() and
                                                            not _common_word_at(text, end))):
                continue
            nxt = text[end:end + 1]
            if nxt and not (nxt.isupper() or nxt in "«\"“'‘-—–(0123456789[" or not nxt.isalpha()):
                continue
        s, e = start, m.start() + len(m.group(0).rstrip())
        seg = text[s:e]
        if seg.strip():
            lead = len(seg) - len(seg.lstrip())
            out.append((s + _content_start(seg, lead), e))
        start = end
    if start < n and text[start:].strip():
        seg = text[start:]
        lead = len(seg) - len(seg.lstrip())
        out.append((start + _content_start(seg, lead), n - (len(seg) - len(seg.rstrip()))))
    return out
