"""Kinds the eleventh session's merges broke between helpers and the lead mended (invented sentences):
a praise told by a participle is still an act, a reciprocal adjective makes coordinated parties act on
each other, a demonstration's demand — no event of its own — still names the demonstration's target."""
from __future__ import annotations

from datetime import date

from extract_support import event_tuples

ON = date(2026, 5, 12)


def test_a_praise_told_by_a_participle_is_an_act():
    # (a standing relation is "une région soutenue par X"; a gesture "saluée par X" is a praise)
    events = event_tuples("Le Ghana a libéré mardi trois pêcheurs togolais, un geste salué par Lomé.", "fr", ON)
    assert ("SUPPORT", ["TGO"], ["GHA"]) in events


def test_a_reciprocal_adjective_makes_coordinated_parties_act_on_each_other():
    events = event_tuples("Le ministre chilien des Affaires étrangères s'est entretenu avec son homologue "
                          "argentin. Santiago et Buenos Aires ont réaffirmé leur soutien mutuel.", "fr", ON)
    assert any(t == "SUPPORT" and {*a, *r} == {"CHL", "ARG"} and a and r for t, a, r in events), events


def test_a_rally_demand_names_the_rally_target():
    named = event_tuples("Some 300 Vietnamese fishermen staged a rally in Da Nang on Friday, calling on China "
                         "to release their boats.", "en", ON, skip_unreal=True)
    assert ("PROTEST", ["VNM"], ["CHN"]) in named and not any(t == "REQUEST" for t, _, _ in named)
