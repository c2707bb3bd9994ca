"""Helpers shared by the extraction tests: events of an invented sentence as comparable tuples, or its
mentions of one type or trigger."""
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


def mentions_of(body: str, lang: str, published: date, etype: str | None = None, trigger: str | None = None) -> list:
    """The mentions of `body`, only those of type `etype` and trigger `trigger` when given."""
    from pipeline.extract import extract_mentions

    return [m for m in extract_mentions("t", body, lang, published)
            if (etype is None or m.event_type == etype) and (trigger is None or m.trigger == trigger)]


def kept_triggers(text: str, lang: str = "fr") -> list[tuple]:
    """(word, type, mode) of the triggers of one parsed sentence kept as events of their own."""
    from pipeline.extract.triggers import sentence_triggers
    from pipeline.text.nlp import parse_texts

    doc = parse_texts(lang, [text])[0]
    return [(t.text, sp.event_type, sp.mode) for t, sp in sentence_triggers(doc, lang)[2]]


def kept_types(text: str, lang: str = "fr") -> set:
    """The event types of `kept_triggers`."""
    return {ty for _w, ty, _m in kept_triggers(text, lang)}
