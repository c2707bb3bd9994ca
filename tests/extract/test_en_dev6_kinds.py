"""English kinds found on the sixth development set (invented sentences only)."""
from datetime import date

from extract_support import event_tuples

ON = date(2026, 6, 3)


def _events(text: str, published: date = ON):
    return event_tuples(text, "en", published, skip_unreal=True)


def _types(text: str) -> set:
    return {t for t, _, _ in _events(text)}


# --- kind: guards, investigators, or a nationality word before a noun the dictionary does not know
# are no population: their act in a two-country story is not a domestic one
def test_border_guards_are_no_population():
    text = ("Armenian and Azerbaijani troops exchanged fire on Monday near Tegh. "
            "On Monday Armenian guards fired flares over the line, officials said.")
    events = _events(text)
    assert not any(a == r == ["ARM"] for _, a, r in events)


# --- kind: blaming a cause ("blamed heart failure") accuses no one
def test_blaming_a_cause_is_no_accusation():
    text = ("Georgian police raided a flat of Turkish students in Batumi on Friday. "
            "Georgian investigators blame a gas leak.")
    assert not any(t == "ACCUSE" and a == ["GEO"] for t, a, _ in _events(text))


def test_blaming_a_party_is_an_accusation():
    assert "ACCUSE" in _types("Peru's interior minister blamed Bolivian smugglers for the riots.")


# --- kind: an act with no named target told again the same day by the same side is the act told
# with its target, not a second event
def test_same_day_retold_attack_is_one_event():
    text = ("Thai soldiers shelled Cambodian positions near Preah Vihear on Tuesday. "
            "On Tuesday Thai soldiers also fired mortar rounds, a Thai army spokesman said.")
    attacks = [(a, r) for t, a, r in _events(text) if t == "ASSAULT"]
    assert attacks and all(r for _, r in attacks)


# --- kind: a third state's act with no target in a story about another country is not a domestic act
# of the third state (it names no recipient: no event)
def test_third_state_untargeted_act_is_not_domestic():
    text = ("Bolivia's government declared a state of emergency in La Paz on Monday after protests over fuel "
            "shortages. Bolivian police arrested dozens of protesters in La Paz, and Bolivian unions called "
            "for new marches. Spain urged calm.")
    assert not any(a == r == ["ESP"] for _, a, r in _events(text))


# --- kind: not accepting is refusing (REJECT), in English as in French
def test_does_not_accept_is_a_refusal():
    text = "Chile detained two Peruvian trawlers on Monday. Lima said on Tuesday that it does not accept the fine."
    assert any(t == "REJECT" and a == ["PER"] for t, a, _ in _events(text))


# --- kind: unions or a party calling a strike or a day of protest hold a protest (PROTEST), no phone call
def test_calling_a_strike_is_a_protest_not_a_call():
    text = ("Police dispersed a march in Quito on Monday. Ecuador's transport unions called an indefinite "
            "strike on Tuesday.")
    types = _types(text)
    assert "PROTEST" in types and "CONSULT" not in types


def test_calling_a_day_of_protest_for_a_date_is_no_request():
    text = ("Police arrested dozens of opposition supporters in Lusaka, Zambia on Monday. The party, for its "
            "part, has called a day of mourning and protest for next Friday.")
    types = _types(text)
    assert "PROTEST" in types and "REQUEST" not in types


# --- kind: the opposition, a party, a magistrate named by a common noun are the place's own even
# when another country has acted in the story
def test_bare_opposition_subject_is_of_the_story_country():
    text = ("Police in Harare, Zimbabwe, arrested forty opposition activists on Monday. The British embassy "
            "said it was concerned. In Harare, a magistrate freed the activists on Tuesday.")
    assert any(t == "CONCEDE" and a == ["ZWE"] for t, a, _ in _events(text))


# --- kind: the opposition or protesters accusing "the government" accuse their own government
def test_opposition_accuses_its_own_government():
    text = ("Mozambique's president met the Chinese ambassador in Maputo on Monday. "
            "On Tuesday, Mozambique's opposition accused the government of selling the country's ports.")
    assert ("ACCUSE", ["MOZ"], ["MOZ"]) in _events(text)


# --- kind: senses of common verbs: a court striking down an agreement makes no deal; hosting a base is
# no meeting; reinforcing patrols is a deployment, not aid
def test_struck_down_agreement_is_no_deal():
    text = ("Somalia accused Kenya of fishing in its waters on Monday. In 2023 Kenya's supreme court struck down "
            "the 2019 fishing accord.")
    assert "AGREE" not in _types(text)


def test_hosting_a_base_is_no_meeting():
    text = "Turkey, which hosts a NATO air base near Adana, offered to mediate between Armenia and Azerbaijan."
    assert "CONSULT" not in _types(text)


def test_reinforced_patrols_are_a_deployment():
    text = ("Qatar accused Bahrain of seizing a Qatari dhow on Monday. "
            "Qatar's navy reinforced its patrols near the islands on Tuesday.")
    types = _types(text)
    assert "MOBILIZE" in types and "AID" not in types


# --- kind: object control ("prompting Moscow to summon the ambassador"): the object acts
def test_prompting_x_to_act_makes_x_the_actor():
    text = ("Finland's border guard detained a Russian cargo ship in the Gulf of Finland on Monday, prompting "
            "Moscow to summon the Finnish ambassador.")
    assert ("ACCUSE", ["RUS"], ["FIN"]) in _events(text)


# --- kind: English "without" negates the act it heads, not the act it is an adjunct of
def test_without_naming_does_not_negate_the_blame():
    text = "Protests spread in Lima on Monday. Peru's government blamed the unrest on foreign agitators, without naming them."
    assert any(t == "ACCUSE" and a == ["PER"] for t, a, _ in _events(text))


def test_acting_without_consulting_is_no_consultation():
    text = "Ethiopia began filling the dam on Monday without consulting Egypt."
    assert "CONSULT" not in _types(text)


# --- kind: "demanded that X release the crew": the one asked to act is the recipient
def test_demand_that_x_act_addresses_x():
    text = ("Indonesian coast guards seized two Malaysian trawlers near Natuna on Sunday. "
            "Malaysia demanded that Jakarta release the crews at once.")
    assert ("REQUEST", ["MYS"], ["IDN"]) in _events(text)


# --- kind: a hyphenated protest noun the tokenizer split and the tagger read as a particle ("a sit-in")
def test_staged_sit_in_is_a_protest():
    text = "Police cleared a road near Tunis on Monday. On Tuesday Tunisian truckers staged a sit-in at the port of Rades."
    assert any(t == "PROTEST" and a == ["TUN"] for t, a, _ in _events(text))


# --- kind: reducing or cutting official contacts with a country is a sanction (reduced relations)
def test_reducing_contacts_is_a_sanction():
    text = "Lithuania ordered its diplomats on Monday to cut contacts with Belarusian officials."
    assert ("SANCTION", ["LTU"], ["BLR"]) in _events(text)
