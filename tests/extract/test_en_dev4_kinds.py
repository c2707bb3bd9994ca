"""English kinds found on the fourth development set (invented sentences only): verbs whose stem
changes y to i, datelines glued to the first sentence, and the vocabulary and argument families below."""
from datetime import date

import pytest
from extract_support import event_tuples

from pipeline.extract.sentences import split_sentences

ON = date(2026, 5, 6)


def _events(text: str, published: date = ON):
    return event_tuples(text, "en", published, skip_unreal=True)


def _types(text: str) -> set:
    return {t for t, _, _ in _events(text)}


# --- kind: a verb whose stem ends in y is spelt with i when inflected ("denied", "rallied"): the cheap
# pre-parse pass must not skip its sentence
@pytest.mark.parametrize("text", [
    "Lima flatly denied sheltering the smugglers.",
    "Quito denied the report on Monday.",
])
def test_y_to_i_inflection_reaches_the_parser(text):
    assert "REJECT" in _types(text)


# --- kind: a dateline ("CITY, Month D (Agency) – ") is layout, not the subject of the first sentence
@pytest.mark.parametrize("text,start", [
    ("SANTO DOMINGO, Oct 3 (Island Wire) – Haiti and the Dominican Republic signed a deal.", "Haiti"),
    ("QUITO (Andes Desk) - Ecuadorian police arrested six men.", "Ecuadorian"),
    ("By our correspondent n ACCRA, 4 May 2026 — Ghana recalled its envoy.", "Ghana"),
])
def test_dateline_is_not_part_of_the_sentence(text, start):
    s, _e = split_sentences(text)[0]
    assert text[s:].startswith(start)


def test_dateline_city_does_not_take_the_subjects_place():
    evs = _events("SANTO DOMINGO, Oct 3 (Island Wire) – Haiti and Peru signed a trade deal on Monday.")
    assert any(t == "AGREE" and set(a + r) == {"HTI", "PER"} for t, a, r in evs)
    assert not any("DOM" in a + r for _t, a, r in evs)


def test_upper_case_subject_is_kept():
    s, _e = split_sentences("UN - Two agencies appealed for funds.")[0]
    assert s == 0
