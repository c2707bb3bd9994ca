"""'strike' as a verb: workers striking is a labour strike (PROTEST), weapons striking is an attack."""
from datetime import date

import pytest

from pipeline.extract.events import extract_mentions


def _types(text: str) -> set[tuple[str, str | None]]:
    return {(m.event_type, m.mode) for m in extract_mentions("t", text, "en", date(2026, 3, 3))}


@pytest.mark.parametrize("text", [
    "Kenyan doctors struck on Monday.",
    "Thousands of Ghanaian nurses struck for a week over unpaid allowances.",
    "Nigerian workers went on strike on Monday over the fuel price increase.",
])
def test_workers_striking_is_a_labour_strike(text):
    types = _types(text)
    assert ("PROTEST", "strike") in types and not any(t == "ASSAULT" for t, _ in types)


@pytest.mark.parametrize("text", [
    "Israeli aircraft struck targets in southern Lebanon on Tuesday.",
    "Russian missiles struck Kyiv overnight.",
])
def test_weapons_striking_is_an_attack(text):
    assert any(t == "ASSAULT" for t, _ in _types(text))
