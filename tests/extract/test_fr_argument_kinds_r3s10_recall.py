"""French argument kinds missed on dev7-dev9 (round 3, fifteenth French round): a community's members
demonstrating ("des membres de la communauté X") are civilians of the story's country, while "la
communauté internationale" is no country's; a blockade's object is the road or port blocked, whose
proper-noun complement names where, not whom. Invented sentences only."""
from __future__ import annotations

from datetime import date

import pytest
from extract_support import event_tuples


@pytest.fixture(autouse=True)
def _models(nlp_fr):
    return None


@pytest.mark.parametrize("text,country", [
    ("Tensions au Honduras. Vendredi, des centaines de membres de la communauté garifuna ont manifesté "
     "devant le Congrès à Tegucigalpa.", "HND"),
    ("Crise en Équateur. Plusieurs milliers de membres des communautés kichwas ont manifesté mardi à Quito.", "ECU"),
])
def test_members_of_a_community_protesting_are_domestic_civilians(text, country):
    evs = event_tuples(text, "fr", date(2026, 5, 8))
    assert ("PROTEST", [country], [country]) in evs, evs


def test_the_international_community_is_no_country():
    text = "Crise au Honduras. Mardi, la communauté internationale a condamné les violences à Tegucigalpa."
    evs = event_tuples(text, "fr", date(2026, 5, 8))
    assert not any(a == ["HND"] for _t, a, _r in evs), evs


@pytest.mark.parametrize("text,country", [
    ("Grève au Pérou. Mardi, des camionneurs ont barré la route de Juliaca pour réclamer une baisse du gazole.", "PER"),
    ("Colère au Sénégal. Lundi, des pêcheurs ont bloqué le port de Kayar pour exiger des licences.", "SEN"),
])
def test_a_blockade_of_a_named_road_or_port_is_domestic(text, country):
    evs = [e for e in event_tuples(text, "fr", date(2026, 5, 8)) if e[0] == "PROTEST"]
    assert ("PROTEST", [country], [country]) in evs, evs


def test_a_blockade_of_a_foreign_port_is_not_domestic():
    text = "Mardi, des pêcheurs sénégalais ont bloqué le port mauritanien de Nouadhibou."
    evs = [e for e in event_tuples(text, "fr", date(2026, 5, 8)) if e[0] == "PROTEST"]
    assert all(r != ["SEN"] for _t, _a, r in evs), evs
