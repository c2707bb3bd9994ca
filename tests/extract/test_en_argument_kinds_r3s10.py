"""English argument kinds of the tenth session (invented sentences only): who acts, who is acted on."""
from datetime import date

from extract_support import event_tuples, mentions_of

ON = date(2026, 9, 15)


def _events(text: str, published: date = ON):
    return event_tuples(text, "en", published, skip_unreal=True)


# --- kind: a noun naming a charge ("the allegations") refers to the latest charge, not a later protest
def test_dismissed_allegations_answer_the_accuser_not_the_later_protesters():
    body = ("On Monday, Zambia's foreign ministry accused Malawi of the illegal detention and beating of Zambian traders. "
            "On Tuesday, several hundred Zambian traders blocked the Mwami border post in protest. "
            "On Wednesday, Malawi's Foreign Minister Nancy Tembo dismissed the beating allegations as lies.")
    rejects = mentions_of(body, "en", ON, "REJECT")
    assert rejects and all({r.country for r in m.recipient} == {"ZMB"} and
                           all(r.sector != "CVL" for r in m.recipient) for m in rejects)


# --- kind: a titled member of a country's political life (MP, senator) acting on the other state of the story
def test_unplaced_mp_accusing_the_other_state_is_of_the_home_side():
    events = _events(
        "Ghana and Togo traded accusations on Monday over the shooting of two smugglers near Aflao. "
        "Opposition MP Kwame Asante on Tuesday accused Togo of harbouring armed smugglers.")
    assert ("ACCUSE", ["GHA"], ["TGO"]) in events


def test_unplaced_party_accusing_a_government_is_not_given_the_other_side():
    events = _events(
        "Ghana and Togo traded accusations on Monday over the shooting of two smugglers near Aflao. "
        "The Progressive Party on Tuesday accused the Faure Gnassingbé government of lying.")
    assert not any(t == "ACCUSE" and a == ["GHA"] for t, a, _ in events[1:])


# --- data: the singular forms of legislators' titles are titles of a country's legislature
def test_singular_legislator_titles_have_a_sector():
    from pipeline.extract.actors import sector_word

    for w in ("mp", "lawmaker", "senator", "legislator"):
        assert sector_word(w, "en") == "LEG"


# --- kind: a state recalling its own envoy names no patient: the recall is aimed at the story's counterpart
def test_recalling_its_own_ambassador_is_not_a_domestic_act():
    events = _events(
        "Niamey (AFP) - Niger accused Benin on Monday of training armed groups near the border. "
        "Niger recalled its ambassador for consultations the same evening.")
    recalls = [(a, r) for t, a, r in events if t == "SANCTION"]
    assert recalls and all(r != ["NER"] for _, r in recalls)


# --- kind: "the cabinet" is the home government, not the latest foreign government body
def test_the_cabinet_is_the_home_government():
    events = _events(
        "Tehran (AFP) - Interior Minister Eskandar Momeni met striking bakers on Monday, a day after the "
        "Stockholm-based rights group Hrana said police had arrested 30 of them. "
        "On Tuesday the cabinet approved a rise in the flour subsidy.")
    assert not any("SWE" in a for _, a, _ in events)


# --- kind: "its ministry" belongs to the institution the possessive refers to
def test_its_ministry_is_of_the_country_just_named_as_subject():
    events = _events(
        "Lomé (AFP) - Togolese police arrested forty opposition protesters in Lomé on Wednesday.\n\n"
        "Ghana is watching closely. Its interior ministry said it had deployed extra police at the Aflao crossing.")
    assert any(t == "MOBILIZE" and a == ["GHA"] for t, a, _ in events)


# --- data: "Hellenic" names Greece's institutions
def test_hellenic_is_greek():
    from pipeline.extract.actors import demonym_country

    assert demonym_country("Hellenic") == "GRC"


# --- kind: a country code fused to a currency sign is a currency, not the country
def test_currency_amount_is_no_party():
    from pipeline.extract.actors import resolve_span

    assert resolve_span("NZ$12 million", "en", None) is None
    assert resolve_span("US$3 billion", "en", None) is None
    assert resolve_span("US officials", "en", None).ref.country == "USA"


def test_aid_in_us_dollars_goes_to_no_usa():
    events = _events("Japan's ambassador in Suva handed over US$2 million for flood relief to Fiji on Monday.")
    assert not any("USA" in r for _, _, r in events)


# --- kind: "X's <institution the dictionary knows for another country>" is X's own institution
def test_possessor_country_owns_a_generic_institution_name():
    from pipeline.extract.actors import resolve_span

    assert resolve_span("Kenya's foreign office", "en", None).ref.country == "KEN"
    assert resolve_span("the Foreign Office", "en", None).ref.country == "GBR"


# --- kind: a nationality adjective before coordinated bare nouns qualifies both ("Bolivian traders and truck drivers")
def test_nationality_adjective_scopes_over_a_bare_conjunct():
    body = ("Desaguadero (AFP) - Peruvian police detained a dozen Chilean traders and bus drivers at the border on Sunday. "
            "The drivers were released on Monday evening.")
    released = mentions_of(body, "en", ON, "CONCEDE")
    assert released and all({r.country for r in m.recipient} == {"CHL"} for m in released)


def test_a_conjunct_with_its_own_determiner_keeps_its_own_reading():
    from pipeline.extract.arguments import shared_nationality
    from pipeline.text.nlp import parse_texts

    doc = list(parse_texts("en", ["Chilean traders and the drivers blocked the road."]))[0]
    drivers = next(t for t in doc if t.text == "drivers")
    assert shared_nationality(drivers) is None


# --- kind: "it" refers to a singular party, never a plural one ("Malian soldiers")
def test_it_skips_a_plural_antecedent():
    events = _events(
        "Nouakchott (AFP) - Senegal said on Tuesday that Gambian soldiers had killed two herders near the border. "
        "The foreign ministry summoned the Gambian chargé d'affaires. In a statement on Wednesday it accused "
        "the Gambian army of repeated abuses.")
    assert not any(t == "ACCUSE" and a == ["GMB"] and r == ["GMB"] for t, a, r in events)
    assert not any(t == "ACCUSE" and "GMB" in a for t, a, _ in events)


# --- kind: an embassy or envoy addressing "the authorities" addresses its host's, not its own state's
def test_embassy_calling_on_the_authorities_addresses_the_host_state():
    events = _events(
        "Lusaka (AFP) - Zambian police fired tear gas at opposition supporters in Lusaka on Tuesday and arrested "
        "twenty of them. The British embassy called on the authorities to release those detained.")
    assert any(t == "REQUEST" and a == ["GBR"] and r == ["ZMB"] for t, a, r in events)
    assert not any(t == "REQUEST" and r == ["GBR"] for t, _, r in events)
