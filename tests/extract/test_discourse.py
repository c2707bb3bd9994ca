"""Discourse rules of issue 13: dates relative to the event the discourse last set, recipients
from the parse or the discourse (never the most-mentioned country), domestic events."""
from __future__ import annotations

from datetime import date

import pytest

from pipeline.extract import extract_mentions
from pipeline.text.temporal import discourse_anchors

REF = date(2026, 3, 13)  # a Friday


@pytest.mark.parametrize("text, offset", [
    ("Il a répondu le jour même.", 0), ("Elle a réagi le même jour.", 0), ("On the same day, it replied.", 0),
    ("La veille, il avait protesté.", -1), ("The day before, they had met.", -1),
    ("Le lendemain, il a cédé.", 1), ("The following day they agreed.", 1),
    ("Trois jours plus tard, ils ont signé.", 3), ("Two days earlier, they had met.", -2),
])
def test_discourse_anchor_offsets(text, offset):
    found = discourse_anchors(text)
    assert [a[2] for a in found] == [offset]
    assert text[found[0][0]:found[0][1]].strip()


def test_no_anchor_in_plain_dates():
    assert discourse_anchors("Le 3 mars, lundi, hier, la semaine dernière.") == []


def _by_type(mentions):
    return {m.event_type: m for m in mentions}


def test_same_day_and_next_day_follow_the_last_event_date():
    body = ("Le Pérou a accusé mardi la Bolivie d'avoir violé sa frontière. "
            "La Bolivie a rejeté ces accusations le jour même. "
            "Le lendemain, la Bolivie a rappelé son ambassadeur à Lima.")
    ms = _by_type(extract_mentions("t", body, "fr", REF))
    assert ms["ACCUSE"].event_date == date(2026, 3, 10)
    assert ms["REJECT"].event_date == date(2026, 3, 10)
    assert ms["SANCTION"].event_date == date(2026, 3, 11)


def test_recipient_from_discourse_not_from_the_most_mentioned_country():
    # Argentina is Chile's most frequent counterpart, but the denial answers Peru's accusation
    body = ("Le Chili et l'Argentine ont signé lundi un accord. Le Chili a salué l'Argentine. "
            "Le Chili a remercié l'Argentine. Le Pérou a accusé mardi le Chili d'espionnage. "
            "Santiago a démenti mercredi.")
    ms = extract_mentions("t", body, "fr", REF)
    reject = [m for m in ms if m.event_type == "REJECT"]
    assert reject and {r.country for r in reject[0].recipient} == {"PER"}


def test_domestic_group_patient_gets_the_actor_country():
    body = "Le ministre péruvien de l'Agriculture a rencontré mercredi une délégation de dirigeants paysans."
    m = _by_type(extract_mentions("t", body, "fr", REF))["CONSULT"]
    assert {a.country for a in m.actor} == {"PER"} and {r.country for r in m.recipient} == {"PER"}


def test_named_but_unknown_patient_stays_unknown():
    body = ("Le Brésil et la Bolivie ont signé un accord lundi. "
            "Le ministre brésilien a rencontré mardi Zorblat Quenvik.")
    m = [x for x in extract_mentions("t", body, "fr", REF) if x.event_type == "CONSULT"]
    assert m and all("BOL" not in {r.country for r in x.recipient} for x in m)


def test_refusal_is_reject_with_the_refused_acts_patient_and_the_act_is_not_coded():
    ms = extract_mentions("t", "La Hongrie a refusé lundi de signer la déclaration avec la Pologne.", "fr", REF)
    assert [m.event_type for m in ms] == ["REJECT"]
    assert {r.country for r in ms[0].recipient} == {"POL"}


def test_a_state_protesting_to_another_state_is_an_accusation():
    ms = _by_type(extract_mentions("t", "Mardi, la Grèce a protesté officiellement auprès de la Turquie.", "fr", REF))
    assert "ACCUSE" in ms and "PROTEST" not in ms
    assert {r.country for r in ms["ACCUSE"].recipient} == {"TUR"}
