"""French trigger kinds missed on dev9 (round 3, tenth session): compounds the tokenizer splits, idioms
and light verbs, speech acts referred to as the passive subject of a rejection, a noun's complement
displaced past an inserted phrase, approving aid, honorifics in communiqués. Invented sentences only."""
from __future__ import annotations

from datetime import date

import pytest
from extract_support import event_tuples, kept_triggers, kept_types

from pipeline.extract.sentences import split_sentences


@pytest.fixture(autouse=True)
def _models(nlp_fr):
    return None


_kept = kept_triggers  # (word, type, mode) of the triggers kept as events, French
_types = kept_types


@pytest.mark.parametrize("text", [
    "Les infirmières ont observé un sit-in devant le ministère de la Santé à Bamako.",
    "Le collectif des retraités a appelé à un sit-in samedi devant l'Assemblée nationale.",
])
def test_a_split_compound_carried_by_its_first_word_is_looked_up_whole(text):
    assert ("PROTEST", "demo") in {(ty, m) for _w, ty, m in _kept(text)}, _kept(text)


@pytest.mark.parametrize("text,etype", [
    ("Dès jeudi, le Niger a laissé passer les convois de carburant bloqués à la frontière.", "CONCEDE"),
    ("Le Mali s'est engagé à retirer ses effectifs de la zone contestée avant la fin du mois.", "RETREAT"),
    ("Lundi, le gouvernement tchadien a décrété la fermeture du pont de Nguéli.", "SANCTION"),
    ("Le Vanuatu a ordonné le départ sous dix jours des trois conseillers militaires australiens.", "SANCTION"),
    ("Le président a proclamé l'état d'urgence dans les deux provinces du nord.", "COERCE"),
    ("Vendredi, un patrouilleur malaisien a escorté le chalutier thaïlandais hors des eaux territoriales.", "COERCE"),
    ("Caracas s'est dit disposé à participer aux discussions techniques.", "AGREE"),
])
def test_an_idiom_or_light_verb_fires_with_its_type(text, etype):
    assert etype in _types(text), _kept(text)


def test_ready_to_strike_back_is_a_threat_not_an_agreement():
    types = _types("Le ministre de la Défense s'est dit prêt à riposter par la force.")
    assert "THREATEN" in types and "AGREE" not in types, types


def test_a_demand_swept_aside_is_the_refusal_only():
    kept = _kept("Une requête aussitôt balayée par Bakou.")
    types = [ty for _w, ty, _m in kept]
    assert types == ["REJECT"], kept


def test_a_condemned_attack_took_place():
    assert "ASSAULT" in _types("L'attaque du poste a été condamnée par Niamey.")


def test_a_rejected_demand_answers_its_maker():
    text = ("Lundi, la Serbie a exigé le retrait des policiers kosovars du nord. "
            "Une exigence aussitôt balayée par Pristina.")
    evs = event_tuples(text, "fr", date(2026, 2, 10))
    assert any(t == "REJECT" and r == ["SRB"] for t, _a, r in evs), evs


def test_a_complement_displaced_past_a_date_still_types_the_noun():
    kept = _kept("Le Sénégal a remercié la Gambie pour l'envoi, en août dernier, de 200 tonnes de riz aux sinistrés.")
    assert "AID" in {ty for _w, ty, _m in kept}, kept


def test_advisers_sent_are_aid_not_troops():
    kept = _kept("Le Canada a annoncé l'envoi d'une équipe de formateurs auprès de la police haïtienne.")
    assert "AID" in {ty for _w, ty, _m in kept} and "MOBILIZE" not in {ty for _w, ty, _m in kept}, kept


def test_approving_loans_is_aid_but_approving_an_agreement_is_not():
    assert _types("Le gouvernement malien a approuvé des prêts d'urgence pour les éleveurs.") == {"AID"}
    assert "AID" not in _types("Le Parlement a approuvé l'accord de libre-échange avec le Maroc.")


def test_an_invitation_framing_a_visit_is_no_event_of_its_own():
    types = _types("À l'invitation de son homologue togolais, le ministre béninois a effectué une visite à Lomé.")
    assert "REQUEST" not in types and "CONSULT" in types, types


def test_honorifics_of_a_communique_do_not_end_the_sentence():
    text = "Le 3 mars, S.E. M. Ali Traoré a été reçu par S.E. M. Jean Kaboré, Premier ministre. La séance a duré une heure."
    assert len(split_sentences(text)) == 2


def test_naming_in_a_relative_clause_is_no_phone_call():
    assert "CONSULT" not in _types("Le gisement de Kashagan, que Moscou appelle Severny, est au cœur du litige.")


def test_offering_to_host_talks_is_mediation():
    kept = _kept("Le ministre qatari a appelé ses deux homologues, proposant d'accueillir à Doha des négociations directes.")
    assert ("CONSULT", "mediate") in {(ty, m) for _w, ty, m in kept}, kept


def test_a_second_requested_act_coordinated_with_the_first_is_content_too():
    types = _types("Le Tchad a sommé le Soudan de retirer ses soldats et de négocier un nouveau tracé.")
    assert types == {"REQUEST"}, types


def test_at_the_call_of_unions_is_no_phone_call():
    assert "CONSULT" not in _types("Les hôpitaux tournent au ralenti depuis mardi, à l'appel des syndicats de soignants.")


def test_hurting_feelings_is_no_assault():
    assert "ASSAULT" not in _types("Le porte-parole a estimé que cette visite blessait les sentiments du peuple serbe.")
    assert "ASSAULT" in _types("Des tirs ont blessé deux gardes-frontières ouzbeks.")


def test_declaring_the_other_sides_act_void_is_a_rejection():
    kept = _kept("Le ministère azerbaïdjanais a qualifié le décret de « nul et non avenu ».")
    assert "REJECT" in {ty for _w, ty, _m in kept}, kept


def test_what_a_march_denounces_is_the_protest_not_an_accusation():
    types = _types("Jeudi, des centaines d'infirmiers ont défilé à Dakar pour dénoncer la réforme des retraites.")
    assert "PROTEST" in types and "ACCUSE" not in types, types


def test_taking_the_dispute_to_an_international_body_is_an_allegation():
    kept = _kept("Le Guyana saisira le Conseil de sécurité si les incursions se poursuivent.")
    assert ("ACCUSE", "allege") in {(ty, m) for _w, ty, m in kept} and "COERCE" not in {ty for _w, ty, _m in kept}, kept


def test_a_curfew_imposed_in_the_passive_is_one_event_of_the_state():
    text = "Lundi, des centaines de jeunes ont affronté la police à Bamako. Un couvre-feu a été décrété le soir même dans la capitale malienne."
    evs = [e for e in event_tuples(text, "fr", date(2026, 3, 4)) if e[0] == "COERCE"]
    assert evs == [("COERCE", ["MLI"], ["MLI"])], evs
