"""French kinds of error found on unseen news (dev6 study, round 7): each test uses invented sentences."""
from __future__ import annotations

from datetime import date

import pytest
from extract_support import event_tuples


def _ev(text, pub=date(2026, 5, 14)):
    return event_tuples(text, "fr", pub, with_status=True)


@pytest.fixture(autouse=True)
def _models(nlp_fr):
    return None


def test_feminine_demonyms_in_enne_name_their_country():
    evs = _ev("Le gouvernement égyptien a accusé mardi les autorités libyennes de laisser passer des armes.")
    assert ("ACCUSE", ["EGY"], ["LBY"], "asserted") in evs, evs


def test_coordinated_nationality_adjectives_tagged_as_nouns_give_one_party_each():
    evs = _ev("Le chef de la diplomatie qatarie a parlé jeudi au téléphone avec ses homologues soudanais et "
              "tchadien.")
    parties = {c for t, _a, r, _s in evs if t == "CONSULT" for c in r}
    assert {"TCD", "SDN"} <= parties, evs


def test_a_capital_parsed_as_predicative_complement_is_still_the_accused():
    evs = _ev("La présidente Dina Boluarte a aussitôt accusé Mexico de « soutenir des putschistes ».")
    assert ("ACCUSE", ["PER"], ["MEX"], "asserted") in evs, evs


def test_a_bare_government_is_the_home_state_not_a_foreign_embassy():
    evs = _ev("MAPUTO – Le président mozambicain a dissous lundi le Parlement. L'ambassade du Portugal a demandé "
              "aux autorités de garantir la sécurité de ses ressortissants. Mardi, l'opposition a accusé le "
              "gouvernement de « confisquer le pouvoir ». Le gouvernement a rejeté ces accusations mercredi.")
    assert ("REQUEST", ["PRT"], ["MOZ"], "asserted") in evs, evs
    assert ("ACCUSE", ["MOZ"], ["MOZ"], "asserted") in evs, evs
    assert ("REJECT", ["MOZ"], ["MOZ"], "asserted") in evs, evs
    assert not any("PRT" in a and t == "REJECT" for t, a, _r, _s in evs), evs


def test_an_accused_opposition_stays_the_accusers_own():
    evs = _ev("BRASILIA – Le président brésilien a reçu lundi son homologue péruvien. Le lendemain, le ministre "
              "péruvien de l'Intérieur a accusé l'opposition de « saboter » le dialogue.")
    assert ("ACCUSE", ["PER"], ["PER"], "asserted") in evs, evs


def test_ministers_of_the_two_countries_meeting_is_a_two_sided_consult():
    evs = _ev("Le Niger et le Bénin ont signé lundi un accord sur le transit. Les ministres du Commerce des deux "
              "pays se sont réunis pendant trois jours à Niamey.")
    assert any(t == "CONSULT" and {*a, *r} == {"NER", "BEN"} for t, a, r, _s in evs), evs


def test_relatives_and_parents_marching_are_people_of_the_place():
    evs = _ev("DAKAR – À Thiès, des proches de détenus ont manifesté mardi devant le palais de justice.")
    assert any(t == "PROTEST" and a == ["SEN"] for t, a, _r, _s in evs), evs


def test_a_denial_naming_no_one_answers_the_accusation_against_the_denier():
    evs = _ev("Des sénateurs maliens ont accusé lundi le Burkina Faso de « piller » les mines d'or. Ouagadougou "
              "a démenti mardi toute exploitation minière de ses soldats.")
    assert ("REJECT", ["BFA"], ["MLI"], "asserted") in evs, evs


def test_denying_a_domestic_charge_stays_domestic():
    evs = _ev("NAIROBI – Le Kenya a accueilli lundi des réfugiés somaliens. Le parti ODM a accusé la police "
              "kényane d'avoir « tiré sur la foule ». La police a démenti mercredi avoir utilisé des balles réelles.")
    assert ("REJECT", ["KEN"], ["KEN"], "asserted") in evs, evs


def test_a_states_supporters_plural_are_no_act_of_support():
    evs = _ev("Le Tchad a accusé lundi le Soudan de bombarder ses villages. Le Qatar reste l'un des principaux "
              "soutiens de l'armée tchadienne dans ce conflit.")
    assert ("ACCUSE", ["TCD"], ["SDN"], "asserted") in evs, evs
    assert not any(t == "SUPPORT" for t, _a, _r, _s in evs), evs


def test_a_domestic_story_is_not_answered_by_a_later_foreign_party():
    evs = _ev("LIMA – La police péruvienne a dispersé lundi les manifestants à Cuzco. Le président péruvien a "
              "exclu mardi toute démission. Le Chili a demandé mercredi au Pérou de rouvrir la frontière.")
    assert ("REJECT", ["PER"], ["PER"], "asserted") in evs, evs
    assert ("REQUEST", ["CHL"], ["PER"], "asserted") in evs, evs


def test_the_leader_of_the_opposition_is_of_the_opposition_and_addresses_his_own_state():
    evs = _ev("HONIARA – Le Premier ministre des Îles Salomon a demandé lundi l'aide de l'Australie. Le chef de "
              "l'opposition, John Tavake, a réclamé mercredi la démission du ministre de la Police.")
    assert ("REQUEST", ["SLB"], ["SLB"], "asserted") in evs, evs
    assert not any(t == "REQUEST" and a == ["AUS"] for t, a, _r, _s in evs), evs


def test_accepting_to_reopen_talks_is_agreeing_not_giving_way():
    evs = _ev("Le Cambodge a accusé lundi la Thaïlande de violer sa frontière. Phnom Penh a accepté mercredi de "
              "rouvrir les négociations sur la démarcation.")
    assert any(t == "AGREE" and a == ["KHM"] for t, a, _r, _s in evs), evs
    assert not any(t == "CONCEDE" for t, _a, _r, _s in evs), evs


def test_accepting_to_reopen_the_border_stays_a_concession():
    evs = _ev("Le Cambodge a accusé lundi la Thaïlande de violer sa frontière. Bangkok a accepté mercredi de "
              "rouvrir le poste-frontière de Poipet.")
    assert any(t == "CONCEDE" and a == ["THA"] for t, a, _r, _s in evs), evs


def test_the_heads_own_nationality_beats_a_capital_in_its_complement():
    from pipeline.extract.actors import resolve_span

    assert resolve_span("des réfugiés érythréens arrivés de Khartoum", "fr", None).ref.country == "ERI"
    assert resolve_span("l'ambassadeur japonais à Pékin", "fr", None).ref.country == "JPN"
    assert resolve_span("l'ambassade du Japon à Pékin", "fr", None).ref.country == "JPN"
