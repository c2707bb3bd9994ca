"""English generalisation kinds (invented sentences): world leaders named without a demonym, ..."""
from datetime import date

import pytest
from extract_support import event_tuples

from pipeline.extract.actors import resolve_actor
from pipeline.extract.events import extract_mentions

ON = date(2026, 3, 5)


def _events(text: str, published: date = ON):
    return event_tuples(text, "en", published, skip_unreal=True)


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


# --- kind: a deployment with no named target in a two-country story is aimed at the counterpart
def test_deployment_takes_the_story_counterpart():
    text = ("Guyana accused Venezuela on Monday of violating its border in the Essequibo region.\n\n"
            "On Tuesday, Guyana deployed two patrol boats and 300 soldiers to the area.")
    assert ("MOBILIZE", ["GUY"], ["VEN"]) in _events(text)


# --- kind: scheduled acts ("due to", "slated to", "poised to") are future: a weekday is the coming one
@pytest.mark.parametrize("text", [
    "Chile is due to sign a fisheries agreement with Peru on Thursday.",
    "Chile and Peru are due to sign a fisheries agreement on Thursday.",
    "Chile is slated to sign a fisheries agreement with Peru on Thursday.",
])
def test_scheduled_weekday_is_the_coming_one(text):
    ms = [m for m in extract_mentions("t", text, "en", date(2026, 3, 4)) if m.event_type == "AGREE"]
    assert ms and all(m.status == "future" and m.event_date == date(2026, 3, 5) for m in ms)


# --- kind: a show of force is aimed at the country it is staged next to; "conduct"/"slap" are light verbs
@pytest.mark.parametrize("text,expected", [
    ("Russia staged naval drills off Norway on Tuesday.", ("MOBILIZE", ["RUS"], ["NOR"])),
    ("China held military exercises around Taiwan on Friday.", ("MOBILIZE", ["CHN"], ["TWN"])),
])
def test_show_of_force_target(text, expected):
    assert expected in _events(text)


@pytest.mark.parametrize("text,wrong", [
    ("Mexico slapped tariffs on Chinese steel on Monday.", "ASSAULT"),
    ("India conducted naval exercises in the Bay of Bengal on Monday.", "COOPERATE"),
])
def test_light_verbs_are_not_events(text, wrong):
    assert not any(t == wrong for t, _, _ in _events(text))


# --- kind: the target named by a nationality (goods under a trade measure, a condemned decision)
@pytest.mark.parametrize("text,expected", [
    ("Britain imposed sanctions on Russian oil exports on Monday.", ("SANCTION", ["GBR"], ["RUS"])),
    ("Turkey banned imports of Israeli goods on Saturday.", ("SANCTION", ["TUR"], ["ISR"])),
    ("Mali condemned the French decision to suspend aid on Monday.", ("ACCUSE", ["MLI"], ["FRA"])),
    ("Russia returned 500 bodies of fallen soldiers to Ukraine on Friday.", ("CONCEDE", ["RUS"], ["UKR"])),
])
def test_target_by_nationality_and_returns(text, expected):
    assert expected in _events(text)


def test_igo_target_is_not_domestic():
    # the European Union is a party of its own ([]), never the actor's own country
    evs = _events("The American president threatened to impose tariffs on European Union goods on Monday.")
    assert not any(t == "THREATEN" and r == ["USA"] for t, _, r in evs)


# --- kind: "hand over" by what is handed: suspects (judicial), the dead or captives (release), goods (aid)
@pytest.mark.parametrize("text,expected", [
    ("Japan handed over six patrol boats to the Philippine coast guard on Monday.", ("AID", ["JPN"], ["PHL"])),
    ("The Houthis handed over the bodies of two Saudi pilots on Friday.", ("CONCEDE", ["YEM"], ["SAU"])),
    ("Spain handed over three drug traffickers to Colombia on Monday.", ("COOPERATE", ["ESP"], ["COL"])),
])
def test_hand_over_by_theme(text, expected):
    assert expected in _events(text)


# --- kind: "would" with a forward time adverbial is a reported plan (future), not a hypothesis
def test_would_next_week_is_future():
    ms = [m for m in extract_mentions("t", "Ghana would send food aid to Burkina Faso next week, officials said.",
                                      "en", date(2026, 3, 4)) if m.event_type == "AID"]
    assert ms and ms[0].status == "future"


def test_would_without_time_stays_hypothetical():
    ms = [m for m in extract_mentions("t", "Ghana would send troops to Mali if the junta asked.",
                                      "en", date(2026, 3, 4)) if m.event_type == "MOBILIZE"]
    assert ms and ms[0].status == "hypothetical"


# --- kind: a reported plan is dated by its own time expression, not by the announcement's
@pytest.mark.parametrize("text,expected", [
    ("Kenyan unions announced on Monday that they would hold a general strike on 20 March.", date(2026, 3, 20)),
    ("Kenyan unions announced on Monday that they would hold a general strike on 11 January.", date(2027, 1, 11)),
])
def test_reported_plan_own_date(text, expected):
    ms = [m for m in extract_mentions("t", text, "en", date(2026, 3, 4)) if m.event_type == "PROTEST"]
    assert ms and ms[0].status == "future" and ms[0].event_date == expected


# --- kind: domestic institutional titles without nationality (opposition leader, lawmakers, judges)
def test_opposition_leader_in_domestic_story():
    text = ("Thousands of Zambians marched in Lusaka on Monday against rising food prices.\n\n"
            "Opposition leader Peter Banda accused the president on Tuesday of ignoring the poor.")
    assert ("ACCUSE", ["ZMB"], ["ZMB"]) in _events(text)


# --- kind: exchanges of fire and fighting "between A and B", the pair hanging on the clause's verb
@pytest.mark.parametrize("text,pair", [
    ("Exchanges of fire were reported between Armenian and Azerbaijani troops on Sunday.", ("ARM", "AZE")),
    ("Fighting between Ethiopian and Eritrean soldiers erupted near Badme on Monday.", ("ETH", "ERI")),
])
def test_fighting_between_pair(text, pair):
    evs = _events(text)
    assert any(t == "ASSAULT" and {*a, *r} == set(pair) for t, a, r in evs)


# --- kind: nominalised acts with a by-agent ("the arrest of X by Y")
def test_nominal_arrest_with_agent():
    evs = _events("The arrest of a British aid worker by Iranian police on Monday angered London.")
    assert ("COERCE", ["IRN"], ["GBR"]) in evs
