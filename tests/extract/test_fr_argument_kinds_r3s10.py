"""Argument kinds of round 3, session 10 (found on dev9 and dev8, French): a thing a nationality word
qualifies after its head is no party to remember ("l'espace aérien turc"), an envoy is never what a
later "le ministère", "le gouvernement" refers back to, a dateline opening a line after a photo caption
sets the story's place, a fronted "Côté gabonais," sets the side of the sentence's unplaced parties.
Invented sentences only."""
from __future__ import annotations

from datetime import date

import pytest
from extract_support import event_tuples

from pipeline.extract.places import find_places, resolve_event_place


def _ev(text, pub=date(2026, 6, 10)):
    return event_tuples(text, "fr", pub)


@pytest.fixture(autouse=True)
def _models(nlp_fr):
    return None


def test_airspace_qualified_by_a_nationality_after_its_head_is_no_party():
    evs = _ev("Selon les garde-côtes grecs, l'appareil a survolé l'île de Samos avant de regagner l'espace aérien "
              "turc. Dès lundi soir, le ministre de la Défense, Petros Kallinikos, a dénoncé une « provocation ».")
    assert not any(t == "ACCUSE" and a == ["TUR"] for t, a, _r in evs), evs


def test_the_ministry_is_not_the_envoy_it_summoned():
    evs = _ev("Athènes (AFP) – Lundi, un drone turc a survolé l'île de Samos. Mardi, la Grèce a convoqué le "
              "chargé d'affaires de l'ambassade de Turquie. Le ministère des Affaires étrangères a ensuite "
              "remis une note de protestation.")
    assert any(t == "ACCUSE" and a == ["GRC"] and r == ["TUR"] for t, a, r in evs), evs
    assert not any(a == ["TUR"] for _t, a, _r in evs), evs


def test_a_dateline_after_a_photo_caption_sets_the_story_place():
    body = ("Une vue du poste de Kasumbalesa. (Photo d'archives)\n\nLubumbashi (AFP) – Des soldats ont franchi "
            "la frontière. Ils ont été refoulés le lendemain.")
    places = find_places(body, "fr")
    s = body.index("Ils ont")
    p = resolve_event_place(body[s:], s, places, "fr")
    assert p is not None and p.name == "Lubumbashi" and p.country == "COD", p
    # a city opening a line as a subject is no dateline
    assert not any(pm.dateline for pm in find_places("Titre\n\nLusaka a protesté (vivement) – et menacé.", "fr"))


def test_a_fronted_side_frame_sets_the_country_of_unplaced_bodies():
    evs = _ev("Des garde-côtes gabonais sont arrivés lundi à Mbanié, où des soldats équato-guinéens ont arrêté "
              "neuf pêcheurs gabonais. Côté gabonais, l'armée a dépêché mardi des renforts vers Cocobeach.")
    assert any(t == "MOBILIZE" and a == ["GAB"] for t, a, _r in evs), evs
    evs = _ev("La marine équato-guinéenne a arraisonné lundi un chalutier gabonais. Côté gabonais, le ministre "
              "de la Défense a dénoncé mardi une « agression ».")
    assert any(t == "ACCUSE" and a == ["GAB"] and r == ["GNQ"] for t, a, r in evs), evs


def test_a_titled_official_the_memory_put_on_the_side_acted_on_is_the_other_sides():
    evs = _ev("Des camions bloqués à Aflao, en 2024. (Archives)\n\nLomé (AFP) – Le gouvernement ghanéen a fermé "
              "lundi la frontière. Mardi, le ministre des Affaires étrangères, Koffi Amegan, a convoqué "
              "l'ambassadeur ghanéen. Il a exigé la réouverture de la frontière.")
    assert any(t == "ACCUSE" and a == ["TGO"] and r == ["GHA"] for t, a, r in evs), evs
    # the official, once placed, is who "il" is
    assert any(t == "REQUEST" and a == ["TGO"] and r == ["GHA"] for t, a, r in evs), evs
    assert not any(a == ["GHA"] and r == ["GHA"] for _t, a, r in evs), evs


def test_a_refusal_naming_no_one_answers_the_latest_demand_made_of_the_refuser():
    from extract_support import mentions_of

    ms = mentions_of("Lundi, l'opposition a exigé la démission du gouvernement serbe. Le même jour, des diplomates "
                     "hongrois sont arrivés à Belgrade. Mardi, le Premier ministre serbe a exclu de démissionner.",
                     "fr", date(2026, 6, 10), etype="REJECT")
    assert ms and all([r.sector for r in m.recipient] == ["POL"] and [r.country for r in m.recipient] == ["SRB"]
                      for m in ms), ms


def test_a_mixed_case_dateline_with_an_agency_is_no_party():
    from extract_support import mentions_of

    ms = mentions_of("Lomé (AFP) – Lundi, les syndicats togolais ont exigé la suspension de la réforme. Mardi, le "
                     "Premier ministre a exclu de suspendre la réforme.", "fr", date(2026, 6, 10))
    assert ms and not any("AFP" in p.text or p.text.startswith("Lomé") for m in ms for p in m.actor + m.recipient), ms

