"""The pattern/classifier combination on stub scores (no model needed)."""
from __future__ import annotations

from datetime import date

import pytest

from pipeline.core.models import EventMention
from pipeline.extract import learned


def _m(t, sentence="s1"):
    return EventMention(article_id="a", sentence_index=0, sentence=sentence, sentence_start=0, sentence_end=2,
                        event_type=t, trigger="x", trigger_start=0, trigger_end=1, mode="m", actor=[], recipient=[],
                        event_date=date(2026, 1, 1), date_precision="day", date_text=None, location=None,
                        status="asserted", reported_by=None, symmetric=False, confidence=0.5, notes=[], language="fr")


@pytest.fixture
def stub(monkeypatch):
    table = {"s1": {"ACCUSE": 0.01, "REJECT": 0.9, "NONE": 0.05}, "s2": {"ACCUSE": 0.01, "NONE": 0.9}}
    monkeypatch.setattr(learned, "_scores", lambda lang, sents: {s: table[s] for s in sents})


def test_off_keeps_everything(stub):
    res = learned.combine([[_m("ACCUSE"), _m("ACCUSE", "s2")]], "off")
    assert [m.event_type for m in res[0]] == ["ACCUSE", "ACCUSE"]


def test_confirm_drops_only_what_the_classifier_rules_out(stub):
    res = learned.combine([[_m("ACCUSE"), _m("ACCUSE", "s2")]], "confirm")
    assert [(m.event_type, m.sentence) for m in res[0]] == [("ACCUSE", "s1")]


def test_retype_takes_the_confident_type(stub):
    res = learned.combine([[_m("ACCUSE")]], "retype")
    assert res[0][0].event_type == "REJECT" and res[0][0].mode is None
    assert "retyped_by_classifier" in res[0][0].notes


def test_veto_keeps_only_types_the_classifier_names(stub):
    res = learned.combine([[_m("REJECT"), _m("ACCUSE")]], "veto")
    assert [m.event_type for m in res[0]] == ["REJECT"]


def test_missing_model_falls_back_to_patterns(monkeypatch):
    monkeypatch.setattr(learned, "_scores", lambda lang, sents: None)
    res = learned.combine([[_m("ACCUSE", "s2")]], "confirm")
    assert [m.event_type for m in res[0]] == ["ACCUSE"]
