"""A demonstration verb has no passive: when the small English parser hangs "protested" on the
noun before it as a reduced relative ("Around 200 people protested ..."), that noun is who
protests, not whom (invented sentences only)."""
from datetime import date

from extract_support import event_tuples

ON = date(2026, 5, 20)


def _events(text: str):
    return event_tuples(text, "en", ON, skip_unreal=True)


def test_counted_crowd_misparsed_as_reduced_relative_is_the_protester():
    events = _events("Peru's fuel crisis deepened this week. Around 300 people protested in Arequipa on Monday "
                     "against the price rise.")
    assert ("PROTEST", ["PER"], ["PER"]) in events


def test_a_transitive_participle_stays_passive():
    # "arrested" has a passive: the crowd is whom the police arrested, never the arrester
    events = _events("Peru's fuel crisis deepened this week. Around 300 people arrested in Arequipa on Monday "
                     "were released on bail.")
    assert not any(t == "COERCE" and a == ["PER"] and not r for t, a, r in events)
