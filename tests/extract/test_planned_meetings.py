"""A future meeting: scheduled (tense, 'next week', 'prévu') stays CONSULT; an intent to meet is AGREE."""
from datetime import date

import pytest

from pipeline.extract.events import extract_mentions

REF = date(2026, 5, 4)


def _types(text: str, lang: str) -> set[tuple[str, str]]:
    return {(m.event_type, m.status) for m in extract_mentions("t", text, lang, REF)}


@pytest.mark.parametrize("text,lang", [
    ("The Kenyan president will meet his Ugandan counterpart in Kampala next week.", "en"),
    ("Le Premier ministre malien rencontrera son homologue nigérien la semaine prochaine à Niamey.", "fr"),
])
def test_scheduled_meeting_is_a_future_consultation(text, lang):
    assert ("CONSULT", "future") in _types(text, lang)


@pytest.mark.parametrize("text,lang", [
    ("The Kenyan president said he hopes to meet his Ugandan counterpart soon.", "en"),
    ("Le président malien a dit souhaiter rencontrer son homologue nigérien.", "fr"),
])
def test_intent_to_meet_is_agree(text, lang):
    types = _types(text, lang)
    assert ("AGREE", "future") in types and ("CONSULT", "future") not in types


@pytest.mark.parametrize("text,expected", [
    ("Le Qatar a appelé l'Égypte à la retenue.", "REQUEST"),
    ("Le Qatar a appelé les deux pays à la retenue.", "REQUEST"),
    ("Le président égyptien a appelé au téléphone son homologue soudanais.", "CONSULT"),
    ("Le président égyptien a appelé son homologue soudanais.", "CONSULT"),
])
def test_appeler_a_is_a_request_appeler_au_telephone_a_call(text, expected):
    assert {t for t, _ in _types(text, "fr")} == {expected}
