"""English generalisation kinds (invented sentences): world leaders named without a demonym, ..."""
from datetime import date

import pytest

from pipeline.extract.actors import resolve_actor
from pipeline.extract.events import extract_mentions

ON = date(2026, 3, 5)


def _events(text: str, published: date = ON):
    out = []
    for m in extract_mentions("t", text, "en", published):
        if m.status in ("negated", "hypothetical"):
            continue
        out.append((m.event_type, sorted({a.country for a in m.actor if a.country}),
                    sorted({r.country for r in m.recipient if r.country})))
    return out


# --- kind: leaders and ministers named by title and name, no country word
@pytest.mark.parametrize("text,country", [
    ("President Alexander Stubb", "FIN"),
    ("Prime Minister Luis Montenegro", "PRT"),  # a surname that is also a country name
    ("Foreign Minister Giorgos Gerapetritis", "GRC"),
    ("Prime Minister Gombojav Zandanshatar", "MNG"),
    ("Lukashenko", "BLR"),
    ("Mr Vučić", "SRB"),
    ("Premier Li Qiang", "CHN"),
])
def test_leaders_without_demonym(text, country):
    ref = resolve_actor(text, "en", ON)
    assert ref is not None and ref.country == country


def test_leader_event_has_country():
    evs = _events("President Alexander Stubb accused Moscow on Tuesday of reckless behaviour in the Baltic.")
    assert ("ACCUSE", ["FIN"], ["RUS"]) in evs
