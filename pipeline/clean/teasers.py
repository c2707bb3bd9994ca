"""Related-article teasers in plain-text dumps, recognised by their structure.

A teaser is a headline-like line (no final punctuation) optionally followed by a one-sentence
summary; the summary usually dates another story and the unit names parties the article does
not.  Under a related-articles / read-more heading any run of such units is cut (one or more);
without a heading a unit needs two of the cues below, so a subheading followed by a paragraph
of the article stays:

- a date (day + month, weekday, year) in the summary;
- a French headline prefix "Place : ..." ;
- novelty: most capitalised names of the unit appear nowhere else in the article.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

from .blocks import Block

DATA = Path(__file__).resolve().parents[1] / "data" / "clean" / "teasers.json"
_SENT_END = re.compile(r"[.!?…][»\"”)]?\s*$")
_INNER_SENT = re.compile(r"[.!?…][»\"”)]?\s+[«\"“]?[A-ZÀ-Ý]")
_PREFIX = re.compile(r"^[A-ZÀ-Ý][\w'’.\- ]{1,40}?\s:\s+\S")
_NAME = re.compile(r"(?<![\w'’])[A-ZÀ-Ý][\w'’\-]{2,}")
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _date_re() -> re.Pattern:
    d = json.loads(DATA.read_text(encoding="utf-8"))
    months = "|".join(sorted(d["months"], key=len, reverse=True))
    days = "|".join(d["weekdays"])
    return re.compile(
        rf"\b\d{{1,2}}(er|st|nd|rd|th)?\s+({months})\b|\b({months})\.?\s+\d{{1,2}}\b|\b({days})\b|\b(19|20)\d{{2}}\b",
        re.IGNORECASE)


def is_headline(b: Block, min_words: int) -> bool:
    return b.reason is None and b.heading_like and min_words <= b.words <= 22


def is_summary(b: Block) -> bool:
    """One sentence of at most 45 words, ending with terminal punctuation."""
    t = b.text.strip()
    return (b.reason is None and not b.heading_like and 5 <= b.words <= 45 and bool(_SENT_END.search(t))
            and not _INNER_SENT.search(t))


def _names(text: str) -> list[str]:
    # capitalised words, the sentence-initial one excluded (it is capitalised anyway)
    return [m.group(0).lower() for m in _NAME.finditer(text) if m.start() > 0]


def _novel(unit: list[Block], doc_words: Counter) -> bool:
    """Most capitalised names of the unit appear nowhere else in the document."""
    names = [w for b in unit for w in _names(b.text)]
    if not names:
        return False
    own = Counter(w.lower() for b in unit for w in _WORD.findall(b.text))
    return sum(1 for w in names if doc_words[w] - own[w] <= 0) / len(names) >= 0.5


def _cues(unit: list[Block], doc_words: Counter) -> int:
    summary = unit[1].text if len(unit) > 1 else ""
    return (int(bool(_PREFIX.match(unit[0].text))) + int(bool(summary and _date_re().search(summary)))
            + int(_novel(unit, doc_words)))


def _summary_of(head: Block, b: Block, doc_words: Counter) -> bool:
    """`b` summarises the story of `head`: one sentence, and short, dated or about others
    (a one-sentence paragraph of the article after a headline-only teaser is not its summary)."""
    return is_summary(b) and (b.words <= 20 or bool(_date_re().search(b.text)) or _novel([b], doc_words))


def _next_kept(blocks: list[Block], i: int) -> int | None:
    while i < len(blocks):
        if blocks[i].reason is None:
            return i
        i += 1
    return None


def teaser_units(blocks: list[Block], start: int, doc_words: Counter, *, min_cues: int,
                 min_words: int) -> list[list[int]]:
    """Consecutive teaser units (block indices) from the first kept block at or after `start`."""
    units: list[list[int]] = []
    j = _next_kept(blocks, start)
    while j is not None and is_headline(blocks[j], min_words):
        unit = [j]
        k = _next_kept(blocks, j + 1)
        if k is not None and _summary_of(blocks[j], blocks[k], doc_words):
            unit.append(k)
            k = _next_kept(blocks, k + 1)
        if _cues([blocks[x] for x in unit], doc_words) < min_cues:
            break
        units.append(unit)
        j = k
    return units


def doc_words(blocks: list[Block]) -> Counter:
    return Counter(w.lower() for b in blocks if b.reason is None for w in _WORD.findall(b.text))


def _body_paragraph(b: Block) -> bool:
    return b.kind == "good" and not b.heading_like and b.words >= 12


def orphan_heading(blocks: list[Block], head: int) -> bool:
    """A read-more heading directly followed by a body paragraph (several sentences: a lone
    sentence there is the teaser's summary)."""
    nxt = _next_kept(blocks, head + 1)
    return nxt is not None and _body_paragraph(blocks[nxt]) and not is_summary(blocks[nxt])


def article_resumes(blocks: list[Block], head: int) -> bool:
    """After the teasers under `head`, does the article go on (a body paragraph follows)?"""
    units = teaser_units(blocks, head + 1, doc_words(blocks), min_cues=0, min_words=3)
    if not units:
        return False
    nxt = _next_kept(blocks, units[-1][-1] + 1)
    if nxt is None or not _body_paragraph(blocks[nxt]):
        return False
    # and it is the article, not the list going on with longer summaries: no headline next
    after = _next_kept(blocks, nxt + 1)
    return after is None or not is_headline(blocks[after], 4)


def cut_after_heading(blocks: list[Block], head: int) -> None:
    """Teasers right after a related-articles / read-more heading: any number of units."""
    words = doc_words(blocks)
    for unit in teaser_units(blocks, head + 1, words, min_cues=0, min_words=3):
        for x in unit:
            blocks[x].reason = "related_teaser"


def cut_unheaded(blocks: list[Block]) -> None:
    """Teaser units without a heading, after the article's first body paragraph: each unit
    needs two cues."""
    first = next((i for i, b in enumerate(blocks) if b.reason is None and b.kind == "good"
                  and not b.heading_like and b.words >= 20), None)
    if first is None:
        return
    words = doc_words(blocks)
    i = 0  # story lists may come before the article, single teasers only after its start
    while i < len(blocks):
        units = []
        if blocks[i].reason is None and i > first:
            units = teaser_units(blocks, i, words, min_cues=2, min_words=5)
        if not units and blocks[i].reason is None:
            # a list of stories: three or more headline + one-sentence summary units in a row
            units = teaser_units(blocks, i, words, min_cues=0, min_words=4)
            units = units if sum(len(u) == 2 for u in units) >= 3 else []
        if units:
            for unit in units:
                for x in unit:
                    blocks[x].reason = "related_teaser"
            i = units[-1][-1] + 1
        else:
            i += 1
