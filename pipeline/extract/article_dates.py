"""The date mentions of an article and its reference day: datelines ("BUJUMBURA, Jan 16 (AFP) - ") and
machine dates left out, the day of writing inferred when the article has none (used by ``events`` and
``event_dates``)."""
from __future__ import annotations

import re
from datetime import date


def _dates_for_article(body: str, reference: date | None, lang: str):
    # a bug here fails the article, which the extract stage quarantines (extraction_error): an
    # article silently without dates would be published with wrong events
    from pipeline.text.temporal import find_dates

    return [dm for dm in find_dates(body, reference, lang) if not _dateline(body, dm)]


_DATELINE_BEFORE = re.compile(r"(?:^|\n)[ \t]*[A-ZÀ-Ý][\w'.\- ]{1,30},[ \t]*$")
_DATELINE_AFTER = re.compile(r"[ \t]*(?:\([^()\n]{1,30}\))?[ \t]*[-–—][ \t]")


def _dateline(body: str, dm) -> bool:
    """A dateline ("BUJUMBURA, Jan 16 (AFP) - ", "Téhéran, 28 jan (Agence) – "): the day the story
    was filed, not the day of the events its lead sums up."""
    return bool(_DATELINE_BEFORE.search(body, max(0, dm.start - 40), dm.start)) and \
        bool(_DATELINE_AFTER.match(body, dm.end))


_ISO_RE = re.compile(r"\d{4}-\d\d-\d\d")


def _metadata(dm) -> bool:
    """A machine date ("date 2026-02-27" header, a timestamp): not a date the story tells."""
    return bool(_ISO_RE.fullmatch(dm.text))


def _article_reference(body: str, lang: str, published: date | None):
    if published is not None:
        return published, False
    from pipeline.text.temporal import infer_reference_date

    ref = infer_reference_date(body, lang)
    return ref, ref is not None


def date_heading(body: str, dm, s: int, e: int | None) -> bool:
    """The date is all its sentence body[s:e] says ("Mercredi 8 avril 2026.", "Tuesday, 14 April."):
    the heading of a chronicle's entry, whose events may be told in the present."""
    if e is None:
        return False
    rest = body[s:dm.start] + body[dm.end:e]
    return not rest.strip(" \t\n.,;:–—-")
