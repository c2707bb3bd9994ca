"""English kinds of the eleventh round (invented sentences only)."""
from datetime import date

from extract_support import event_tuples

ON = date(2026, 9, 15)


def _events(text: str, published: date = ON):
    return event_tuples(text, "en", published, skip_unreal=True)


# --- kind: a titled official with no country, acting on one side of the story's two states
def test_titled_official_summoning_the_other_sides_envoy_is_of_the_home_side():
    events = _events(
        "Botswana and Namibia traded accusations on Monday over the shooting of two fishermen on the Chobe river. "
        "On Tuesday, Permanent Secretary Lesego Tau summoned Namibia's High Commissioner to demand an explanation.")
    assert any(t in ("ACCUSE", "SANCTION") and a == ["BWA"] and r == ["NAM"] for t, a, r in events)


def test_titled_official_acting_on_a_third_country_takes_no_side():
    events = _events(
        "Botswana and Namibia traded accusations on Monday over the shooting of two fishermen on the Chobe river. "
        "On Tuesday, Permanent Secretary Lesego Tau summoned Zambia's High Commissioner.")
    assert not any(a == ["BWA"] and r == ["ZMB"] for t, a, r in events)
