"""English argument kinds of the eleventh session (invented sentences only): who acts, who is acted on."""
from datetime import date

from extract_support import event_tuples, mentions_of

ON = date(2026, 10, 14)


def _events(text: str, published: date = ON):
    return event_tuples(text, "en", published, skip_unreal=True)


# --- kind: a written accent no form of a demonym has makes a name ("Germán", "Francés" are people)
def test_an_accented_given_name_is_no_nationality():
    from pipeline.extract.places import country_by_demonym

    assert country_by_demonym("Germán") is None and country_by_demonym("German") == "DEU"
    assert country_by_demonym("Sénégalais") == "SEN" and country_by_demonym("senegalais") == "SEN"
    assert country_by_demonym("ouzbèke") == "UZB"  # (a French form the country list stores without its accent)
    body = ("Bolivian farmers blocked the highway to Oruro on Monday. "
            "Economy Minister Germán Quispe refused on Tuesday to lower the fuel price.")
    assert not any("DEU" in a + r for _t, a, r in _events(body))


# --- kind: a nationality hyphenated to an owner participle names the owner's country, as a property
def test_flagged_and_run_things_are_of_the_owning_country():
    from pipeline.extract.actors import resolve_span

    r = resolve_span("a Sri Lankan-flagged trawler", "en", None)
    assert r is not None and r.ref.country == "LKA" and r.ref.sector != "GOV"
    assert resolve_span("a Turkish-run cement plant", "en", None).ref.country == "TUR"
    assert resolve_span("an Iran-backed militia", "en", None) is None
    events = _events("The Maldivian coast guard on Sunday detained a Sri Lankan-flagged trawler near Addu atoll.")
    assert ("COERCE", ["MDV"], ["LKA"]) in events


def test_a_seized_foreign_boat_does_not_become_the_pair_of_the_story():
    body = ("Kenya and Tanzania held the second session of their joint commission in Arusha on Monday. "
            "The Kenyan side said its navy had detained a Somali-flagged dhow near Lamu. "
            "The two sides decided to hold joint naval patrols from 1 December.")
    coop = mentions_of(body, "en", ON, "COOPERATE")
    assert coop and all({a.country for a in m.actor} | {r.country for r in m.recipient} <= {"KEN", "TZA"}
                        for m in coop)


# --- kind: a protest's own demand names its target ("rallied ..., calling on X to ...")
def test_a_rally_takes_the_addressee_of_its_demand():
    events = _events("About 200 Filipino fishermen staged a rally in Manila on Tuesday, "
                     "calling on China to withdraw its coast guard from the shoal.")
    assert ("PROTEST", ["PHL"], ["CHN"]) in events


# --- kind: parties of two countries acting together are not acted on by one of themselves
def test_two_delegations_voicing_concern_take_neither_side_as_target():
    body = ("Ghana and Togo signed a border treaty in Lomé on Monday. "
            "Both delegations expressed concern at smuggling along the frontier.")
    assert not any(t == "ACCUSE" and set(a) >= {"GHA", "TGO"} and set(r) & {"GHA", "TGO"}
                   for t, a, r in _events(body))


def test_three_states_condemning_still_answer_the_story_counterpart():
    body = ("Iran expelled two French diplomats on Monday. "
            "France, Germany and Britain condemned the expulsions on Tuesday in a joint statement.")
    assert any(t == "ACCUSE" and "FRA" in a and r == ["IRN"] for t, a, r in _events(body))


# --- kind: a people and its own state coordinated in a reciprocal act act on each other
def test_drivers_and_their_government_agreeing_is_domestic():
    body = ("Peru's bus drivers ended their strike on Friday after Chile reopened the border. "
            "Peru's bus drivers and the government of President José Jerí agreed on Saturday to freeze tolls.")
    agree = [e for e in _events(body) if e[0] == "AGREE"]
    assert agree and all(a == ["PER"] and r == ["PER"] for _t, a, r in agree)


# --- kind: a verb whose subject is an act is done by that act's agent, never the sentence's first party
def test_an_attack_that_killed_is_not_the_accusers_act():
    body = ("Niger on Monday accused Mali of sheltering rebels, two days after an attack on a border post "
            "killed nine Nigerien soldiers.")
    assert not any(t == "ASSAULT" and a == ["NER"] for t, a, _ in _events(body))


def test_strikes_by_a_named_force_which_killed_are_that_force_s():
    body = ("Pakistan has summoned Afghanistan's ambassador in Islamabad to protest against missile and drone strikes "
            "by the Afghan army on refugee camps in the Kurram region, which killed six people.")
    assert any(t == "ASSAULT" and a == ["AFG"] for t, a, _ in _events(body))


# --- data: national armed forces named by their own acronym are their country's military
def test_national_forces_acronyms_resolve_to_their_country():
    from pipeline.extract.actors import resolve_span

    for text, country in (("the UPDF", "UGA"), ("an SSPDF spokesman", "SSD"), ("a SENAFRONT post", "PAN"),
                          ("KDF troops", "KEN"), ("the PLA Navy", "CHN")):
        r = resolve_span(text, "en", None)
        assert r is not None and (r.ref.country, r.ref.sector) == (country, "MIL")
    # (a longer name holding the words is not the Chinese army)
    assert resolve_span("the Sudan People's Liberation Army", "en", None).ref.country != "CHN"


def test_a_nationality_on_the_subject_act_names_its_author():
    events = _events("On Friday a Turkish drone strike near the border town of Qamishli killed three Syrian soldiers.")
    assert ("ASSAULT", ["TUR"], ["SYR"]) in events


def test_an_unattributed_attack_that_killed_keeps_an_unknown_author():
    body = "Chad said on Tuesday that an attack on a border post had killed seven Chadian soldiers."
    assert ("ASSAULT", [], ["TCD"]) in _events(body)


# --- kind: the nationality word of an act a verb answers names the act's author ("rejected the Iraqi protest")
def test_a_rejected_protest_is_answered_to_its_author():
    assert ("REJECT", ["EGY"], ["ETH"]) in _events("Egypt on Thursday rejected the Ethiopian proposal on the dam.")


def test_a_titled_spokesman_rejecting_the_other_side_s_protest_is_of_the_home_side():
    body = ("Kenya summoned Uganda's envoy on Monday over the arrest of fishermen. "
            "Foreign ministry spokesman Okello Oryem rejected the Kenyan protest on Tuesday.")
    assert ("REJECT", ["UGA"], ["KEN"]) in _events(body)


# --- kind: in a story no two states have had, "the two sides" are those of the latest domestic talks
def test_the_two_sides_of_domestic_talks_are_not_a_foreign_bystander():
    body = ("Bolivian truckers blocked the main highways on Monday. "
            "Peru's government asked La Paz on Tuesday to clear the Desaguadero crossing. "
            "Talks between the truckers' federation and President Rodrigo Paz opened in La Paz on Wednesday. "
            "By the evening the two sides had agreed on a fuel price freeze.")
    agree = [e for e in _events(body) if e[0] == "AGREE"]
    assert agree and all("PER" not in a + r for _t, a, r in agree)


# --- kind: a first person outside quotations is the author, whom nothing names (not the last party)
def test_the_writers_we_is_no_party():
    body = ("After three Rwandan soldiers were wounded near Goma this week, "
            "we asked Marie Uwase, an analyst at the University of Kigali, what Kinshasa will do next.")
    assert not any(t == "REQUEST" for t, _a, _r in _events(body))


# --- kind: a coordinated name the dictionary places counts as a nationality of the head noun
def test_a_nationality_coordinated_with_a_dictionary_name_gives_two_sides():
    events = _events("On Thursday Pakistani and Taliban border guards exchanged fire near Chaman.")
    assert any(t == "ASSAULT" and {*a, *r} == {"PAK", "AFG"} for t, a, r in events)


# --- kind: a participle hung on the finite clause a participle reports belongs to the reporting one
def test_a_participle_after_a_reported_clause_is_the_reporters_act():
    body = ("Rwanda's foreign minister Olivier Nduhungirehe dismissed the claims on Friday, saying Kinshasa "
            "was an unreliable partner and urging Burundi to stay out of the conflict.")
    assert ("REQUEST", ["RWA"], ["BDI"]) in _events(body)


# --- kind: a nationality compound on the subject act names its author
def test_a_national_force_named_in_the_subject_act_gives_its_author():
    body = "On 3 March a Chilean Air Force convoy brought 30 tonnes of medicines to the hospital in Tacna."
    assert any(t == "AID" and a == ["CHL"] for t, a, _r in _events(body))
