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


class _Tok:
    def __init__(self, text, dep, pos, children=()):
        self.text, self.lemma_, self.dep_, self.pos_, self.children = text, text.lower(), dep, pos, list(children)


class _Doc(list):
    def __init__(self, text, toks):
        super().__init__(toks)
        self.text = text


def _parse(with_party=True):
    subj = _Tok("Ruritania", "nsubj", "PROPN")
    obj = _Tok("Freedonia", "obj", "PROPN")
    root = _Tok("rudoie", "ROOT", "VERB", [subj, obj] if with_party else [subj])
    return _Doc("s1" if with_party else "s3", [subj, root, obj] if with_party else [subj, root])


@pytest.fixture
def propose_mode(monkeypatch):
    monkeypatch.setenv("NEWSEVENTS_LEARNED", "propose")
    table = {"s1": {"ACCUSE": 0.1, "REJECT": 0.8, "NONE": 0.1}, "s3": {"REJECT": 0.9, "NONE": 0.0},
             "s4": {"REJECT": 0.45, "NONE": 0.2}}
    monkeypatch.setattr(learned, "_scores", lambda lang, sents: {s: table[s] for s in sents})


def test_propose_types_the_main_verb_when_agent_and_party(propose_mode):
    (tok, spec), = learned.propose_triggers(_parse(), "fr")
    assert tok.dep_ == "ROOT" and spec.event_type == "REJECT" and spec.need_recipient
    assert spec.mode == learned.PROPOSED


def test_propose_needs_a_party_and_a_confident_score(propose_mode):
    assert learned.propose_triggers(_parse(with_party=False), "fr") == []
    weak = _parse()
    weak.text = "s4"
    assert learned.propose_triggers(weak, "fr") == []


def test_propose_is_silent_in_other_modes(propose_mode, monkeypatch):
    monkeypatch.setenv("NEWSEVENTS_LEARNED", "off")
    assert learned.propose_triggers(_parse(), "fr") == []


def test_proposals_without_both_countries_are_dropped_and_patterns_kept():
    from pipeline.core.models import ActorRef

    def ref(c):
        return [ActorRef(text=c, name=c, country=c, sector="GOV")]

    lone, full, pattern = _m("REJECT"), _m("REJECT"), _m("ACCUSE")
    lone.mode = full.mode = learned.PROPOSED
    lone.actor = full.actor = ref("FRA")
    full.recipient = ref("DEU")
    res = learned.combine([[lone, full, pattern]], "propose")
    assert [(m.event_type, m.mode) for m in res[0]] == [("REJECT", None), ("ACCUSE", "m")]
    assert "proposed_by_classifier" in res[0][0].notes
