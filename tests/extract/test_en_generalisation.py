"""English generalisation kinds (invented sentences): world leaders named without a demonym, ..."""
from datetime import date

import pytest

from pipeline.extract.actors import resolve_actor
from pipeline.extract.events import extract_mentions

ON = date(2026, 3, 5)


def _events(text: str, published: date = ON):
    out = []
    for m in extract_mentions("t", text, "en", published):
        if m.status in ("negated", "hypothetical"):
            continue
        out.append((m.event_type, sorted({a.country for a in m.actor if a.country}),
                    sorted({r.country for r in m.recipient if r.country})))
    return out


# --- kind: leaders and ministers named by title and name, no country word
@pytest.mark.parametrize("text,country", [
    ("President Alexander Stubb", "FIN"),
    ("Prime Minister Luis Montenegro", "PRT"),  # a surname that is also a country name
    ("Foreign Minister Giorgos Gerapetritis", "GRC"),
    ("Prime Minister Gombojav Zandanshatar", "MNG"),
    ("Lukashenko", "BLR"),
    ("Mr Vučić", "SRB"),
    ("Premier Li Qiang", "CHN"),
])
def test_leaders_without_demonym(text, country):
    ref = resolve_actor(text, "en", ON)
    assert ref is not None and ref.country == country


def test_leader_event_has_country():
    evs = _events("President Alexander Stubb accused Moscow on Tuesday of reckless behaviour in the Baltic.")
    assert ("ACCUSE", ["FIN"], ["RUS"]) in evs


# --- kind: a domestic protest whose route or setting names a place is still addressed to its own state
@pytest.mark.parametrize("text,country", [
    ("Thousands of Kenyan teachers marched through Nairobi on Monday against the new pay scale.", "KEN"),
    ("Hundreds of Chilean students rallied on Plaza Italia in Santiago on Friday.", "CHL"),
    ("Peruvian farmers demonstrated outside Congress in Lima on Tuesday.", "PER"),
])
def test_domestic_protest_with_named_setting(text, country):
    assert ("PROTEST", [country], [country]) in _events(text)


def test_protest_against_unplaceable_party_stays_unknown():
    # a named target the resolver cannot place is never replaced by the protesters' own state
    evs = _events("Hundreds of Kenyan workers protested against Zorbacorp outside its Mombasa plant on Monday.")
    assert not any(t == "PROTEST" and r == ["KEN"] for t, _, r in evs)


# --- kind: a known leader named in full, then by surname or given name only
def test_short_names_of_known_leaders():
    text = ("Kenyan President William Ruto received his Ugandan counterpart Yoweri Museveni in Nairobi on Monday.\n\n"
            "Museveni thanked Kenya for its hospitality, and William praised Uganda as a reliable partner.")
    evs = _events(text)
    assert ("SUPPORT", ["UGA"], ["KEN"]) in evs
    assert ("SUPPORT", ["KEN"], ["UGA"]) in evs


# --- kind: a minister named by title only in a domestic story that mentions a foreign currency
def test_titled_minister_in_domestic_story():
    text = ("Nurses at Malawi's public hospitals went on strike in Lilongwe on Monday, demanding to be paid in US dollars.\n\n"
            "Health Minister Tom Banda on Wednesday rejected the nurses' demand as unaffordable.")
    assert ("REJECT", ["MWI"], ["MWI"]) in _events(text)


# --- kind: verb families missed on unseen news (labour action, climb-downs, movements, envoys, expulsions)
@pytest.mark.parametrize("text,expected", [
    ("Bolivian miners walked off the job in Potosi on Monday.", ("PROTEST", ["BOL"], ["BOL"])),
    ("Nigerian dock workers downed tools in Lagos on Tuesday.", ("PROTEST", ["NGA"], ["NGA"])),
    ("Kenya's government rolled back the fuel tax increase on Friday.", ("CONCEDE", ["KEN"], ["KEN"])),
    ("Serbia moved armoured units to the Kosovo boundary on Sunday.", ("MOBILIZE", ["SRB"], ["XKX"])),
    ("Peru's president ordered troops into the streets of Lima on Monday.", ("MOBILIZE", ["PER"], ["PER"])),
    ("Senegal dispatched its foreign minister to Bamako on Thursday.", ("CONSULT", ["SEN"], ["MLI"])),
    ("Algeria ordered three French diplomats to leave the country within 48 hours.", ("SANCTION", ["DZA"], ["FRA"])),
    ("Vietnamese President To Lam was received by Chinese President Xi Jinping in Beijing on Monday.",
     ("CONSULT", ["CHN"], ["VNM"])),
    ("Nepalese Prime Minister KP Sharma Oli declined to resign on Sunday.", ("REJECT", ["NPL"], ["NPL"])),
])
def test_missed_verb_families(text, expected):
    assert expected in _events(text)


def test_declined_to_comment_is_no_refusal():
    assert not any(t == "REJECT" for t, _, _ in _events(
        "A spokesman for Kenya's foreign ministry declined to comment on the Ugandan proposal on Monday."))


# --- kind: a refused, rejected or vetoed act is not coded as the act itself
@pytest.mark.parametrize("text,act", [
    ("Spain rejected a proposal to impose sanctions on Morocco on Monday.", "SANCTION"),
    ("Egypt rejected calls to release the detained Sudanese journalists.", "CONCEDE"),
    ("Kenya dismissed a Somali request to free the fishermen.", "CONCEDE"),
    ("Poland vetoed a plan to send troops to Belarus.", "MOBILIZE"),
])
def test_refused_act_is_not_the_act(text, act):
    assert not any(t == act for t, _, _ in _events(text))


# --- kind: a ministry or embassy that "protested" made a diplomatic protest, not a demonstration
def test_state_body_protest_is_accuse():
    text = ("Danish police seized a Chinese research vessel off Bornholm on Monday.\n\n"
            "China's embassy in Copenhagen protested against what it called an illegal seizure.")
    evs = _events(text)
    assert not any(t == "PROTEST" and a == ["CHN"] for t, a, _ in evs)
    assert any(t == "ACCUSE" and a == ["CHN"] for t, a, _ in evs)


# --- kind: the beneficiary of support is named by "for"/"with" (or owns what is supported)
@pytest.mark.parametrize("text,expected", [
    ("Qatar expressed support for Lebanon on Monday.", ("SUPPORT", ["QAT"], ["LBN"])),
    ("Egypt voiced support for Khartoum's position on Tuesday.", ("SUPPORT", ["EGY"], ["SDN"])),
    ("Estonia and Latvia expressed solidarity with Lithuania on Friday.", ("SUPPORT", ["EST", "LVA"], ["LTU"])),
])
def test_support_beneficiary(text, expected):
    assert expected in _events(text)


# --- kind: a threat against what belongs to a group names that group ("dock the wages of striking staff")
def test_threat_patient_owner():
    text = ("Teachers at Ghana's state schools went on strike in Accra on Monday.\n\n"
            "Education Minister Kofi Mensah threatened to cut the salaries of striking teachers on Tuesday.\n\n"
            "Nigeria's teachers' union expressed support for its Ghanaian colleagues on Wednesday.")
    assert ("THREATEN", ["GHA"], ["GHA"]) in _events(text)
