"""Helpers shared by the extraction tests: events of an invented sentence as comparable tuples."""
from __future__ import annotations

from datetime import date


def event_tuples(text: str, lang: str, published: date, *, with_status: bool = False,
                 skip_unreal: bool = False) -> list[tuple]:
    """(type, actor countries, recipient countries[, status]) of each mention of `text`;
    `skip_unreal` leaves out negated and hypothetical mentions."""
    from pipeline.extract.events import extract_mentions

    out = []
    for m in extract_mentions("t", text, lang, published):
        if skip_unreal and m.status in ("negated", "hypothetical"):
            continue
        row = (m.event_type, sorted({a.country for a in m.actor if a.country}),
               sorted({r.country for r in m.recipient if r.country}))
        out.append(row + (m.status,) if with_status else row)
    return out
