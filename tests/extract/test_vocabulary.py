"""Trigger vocabulary per PLOVER type, both languages (issue 13 item 1: vocabulary as data).

Each type has a French and an English sentence that must yield it, written with the families the
pattern files hold (verbs, nominalisations, light-verb and multi-word constructions), and
near-misses that must not yield the type. The sentences are invented for these tests."""
from __future__ import annotations

from datetime import date

import pytest

from pipeline.extract.events import extract_mentions, find_triggers
from pipeline.extract.lexicon import load_lexicon

PUB = date(2026, 3, 28)


@pytest.fixture(scope="module")
def _warm(nlp_fr, nlp_en):
    return True


def _types(body: str, lang: str) -> set[str]:
    """Event types of the asserted (or future) mentions of one invented article."""
    return {m.event_type for m in extract_mentions("t", body, lang, PUB) if m.status not in ("negated", "hypothetical")}


POSITIVE = [
    # AGREE
    ("AGREE", "fr", "La Serbie et le Monténégro ont normalisé leurs relations diplomatiques jeudi à Bruxelles."),
    ("AGREE", "en", "Bahrain and Qatar normalised diplomatic relations on Monday in Riyadh."),
    # CONSULT
    ("CONSULT", "fr", "Le ministre tchadien s'est concerté mardi avec son homologue soudanais à Djeddah."),
    ("CONSULT", "en", "Kenya's president telephoned his Tanzanian counterpart on Friday."),
    # SUPPORT
    ("SUPPORT", "fr", "Le Brésil s'est rangé lundi aux côtés de l'Argentine dans ce différend."),
    ("SUPPORT", "en", "Chile applauded Peru's decision on Monday."),
    # CONCEDE
    ("CONCEDE", "fr", "Le Mali a rapatrié mercredi quinze soldats ivoiriens vers Abidjan."),
    ("CONCEDE", "en", "Ghana will reopen its border with Togo on Monday."),
    # COOPERATE
    ("COOPERATE", "fr", "Les armées tunisienne et algérienne ont mené des manœuvres communes dans le Sahara."),
    ("COOPERATE", "en", "Ghanaian and Togolese troops carried out a combined exercise near Aflao on Sunday."),
    # AID
    ("AID", "fr", "La Turquie a livré lundi vingt tonnes de matériel médical à la Syrie."),
    ("AID", "en", "Norway airlifted tents and blankets to Afghanistan on Monday."),
    # RETREAT
    ("RETREAT", "fr", "L'Arménie a retiré ses troupes de la frontière azerbaïdjanaise lundi."),
    ("RETREAT", "en", "Armenian forces pulled out of Azerbaijan on Friday."),
    # REQUEST
    ("REQUEST", "fr", "Jeudi, le Niger a adjuré le Bénin de libérer ses ressortissants."),
    ("REQUEST", "en", "Mexico exhorted the United States on Monday to reconsider the measure."),
    # ACCUSE
    ("ACCUSE", "fr", "Le Maroc a élevé mardi une protestation officielle auprès de l'Algérie."),
    ("ACCUSE", "en", "Vietnam lodged a formal protest with China on Tuesday."),
    # REJECT
    ("REJECT", "fr", "Le Rwanda a réfuté mardi les accusations de la RDC."),
    ("REJECT", "en", "Iran refuted Israel's claims on Sunday."),
    # THREATEN
    ("THREATEN", "fr", "La Corée du Nord a promis mardi au Japon des représailles."),
    ("THREATEN", "en", "Iran vowed retaliation against Israel on Friday."),
    # PROTEST
    ("PROTEST", "fr", "Des centaines d'agriculteurs péruviens ont bloqué lundi les routes autour de Lima."),
    ("PROTEST", "en", "Thousands of Indian farmers blocked highways around Delhi on Monday."),
    # SANCTION
    ("SANCTION", "fr", "Le Niger a fermé son espace aérien aux avions français jeudi."),
    ("SANCTION", "en", "Pakistan closed its airspace to Indian airlines on Thursday."),
    # MOBILIZE
    ("MOBILIZE", "fr", "La marine chinoise a mené lundi des exercices de tir réel au large de Taïwan."),
    ("MOBILIZE", "en", "Russia redeployed troops to Belarus on Monday."),
    ("MOBILIZE", "en", "North Korea test-fired a cruise missile on Sunday."),
    # COERCE
    ("COERCE", "fr", "La police togolaise a assigné à résidence un opposant dimanche à Lomé."),
    ("COERCE", "en", "Ugandan police rounded up dozens of opposition activists on Saturday in Kampala."),
    # ASSAULT
    ("ASSAULT", "fr", "L'armée israélienne a tiré des roquettes sur le sud du Liban lundi."),
    ("ASSAULT", "en", "Israeli jets bombarded southern Lebanon on Monday."),
]


@pytest.mark.parametrize("event_type, lang, body", POSITIVE, ids=[f"{t}-{lg}" for t, lg, _ in POSITIVE])
def test_each_type_is_found(_warm, event_type, lang, body):
    assert event_type in _types(body, lang)


NEAR_MISSES = [
    # blocking a bill is no road blockade
    ("PROTEST", "fr", "Le Sénat a bloqué la réforme des retraites mardi."),
    ("PROTEST", "en", "The Senate blocked the pension reform on Tuesday."),
    # a guaranteed price is no promise; logistics "arrangements" are no agreement
    ("AGREE", "fr", "Le gouvernement péruvien achètera le riz à un prix garanti."),
    ("AGREE", "en", "French officials prepared the arrangements for the visit."),
    # NGOs denouncing an agreement do not terminate it
    ("SANCTION", "fr", "Des ONG espagnoles ont dénoncé mardi un accord migratoire avec le Maroc."),
    # a parliamentary session with no foreign party is no meeting
    ("CONSULT", "fr", "Une session extraordinaire du Parlement s'est tenue mardi."),
    # a suggestion is no demand
    ("REQUEST", "fr", "Le ministre a suggéré une nouvelle date pour le scrutin."),
    # a missile launch with no target is a show of force, not an attack
    ("ASSAULT", "fr", "La Corée du Nord a tiré un missile balistique en mer mardi."),
    ("ASSAULT", "en", "North Korea test-fired a cruise missile on Sunday."),
    # live ammunition fired at protesters is no weapons test
    ("MOBILIZE", "fr", "La police sénégalaise a procédé mardi à des tirs à balles réelles contre des manifestants à Dakar."),
    # a seat on the Council is no siege
    ("ASSAULT", "fr", "L'Inde a soutenu la candidature du Brésil à un siège permanent au Conseil de sécurité."),
]


@pytest.mark.parametrize("event_type, lang, body", NEAR_MISSES, ids=[f"not-{t}-{lg}-{i}" for i, (t, lg, _) in enumerate(NEAR_MISSES)])
def test_near_misses_do_not_yield_the_type(_warm, event_type, lang, body):
    assert event_type not in _types(body, lang)


FAMILIES = [
    # participle tagged as an adjective heading a multi-word trigger
    ("SANCTION", "fr", "La Russie a gelé lundi les avoirs de plusieurs entreprises lituaniennes."),
    # bans on trade are sanctions, not domestic bans
    ("SANCTION", "fr", "La Chine a interdit mardi les importations de bœuf australien."),
    ("SANCTION", "en", "China banned imports of Australian beef on Tuesday."),
    # taking a state to court is an accusation, not a seizure
    ("ACCUSE", "fr", "Le Bénin a saisi mardi la Cour de justice de la CEDEAO contre le Niger."),
    # voting against is a rejection
    ("REJECT", "en", "Hungary voted against the Ukrainian accession on Tuesday."),
    # a policy concession is domestic: the government's own country is the recipient
    ("CONCEDE", "en", "The Kenyan government dropped the new fuel tax on Friday."),
]


@pytest.mark.parametrize("event_type, lang, body", FAMILIES, ids=[f"{t}-{lg}-{i}" for i, (t, lg, _) in enumerate(FAMILIES)])
def test_families(_warm, event_type, lang, body):
    assert event_type in _types(body, lang)


def test_policy_concession_is_domestic(_warm):
    ms = extract_mentions("t", "The government of Kenya said on Friday it would drop two contested measures.", "en", PUB)
    assert any(m.event_type == "CONCEDE" and {r.country for r in m.recipient} == {"KEN"} for m in ms)


def test_reflexive_entry_matches_the_bare_lemma(_warm, nlp_fr):
    """'se concerter' is written reflexive in the data; the parser's lemma is 'concerter'."""
    doc = nlp_fr("Les deux ministres se sont concertés mardi.")
    assert any(sp.event_type == "CONSULT" for _, sp in find_triggers(doc, "fr"))


def test_reflexive_entry_does_not_override_the_plain_verb():
    """'se retirer' (RETREAT) must not replace the rule-checked 'retirer' entry."""
    from pipeline.extract.triggers import lookup_spec

    assert lookup_spec("fr", "VERB", "retirer").special
    assert lookup_spec("fr", "VERB", "replier").event_type == "RETREAT"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_type_has_verbs_nouns_and_multis(lang):
    """Each type holds a family, not a word: at least one verb, and nouns or multi-word patterns."""
    lex = load_lexicon(lang)
    for t in ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
              "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"):
        verbs = sum(s.event_type == t for s in lex["VERB"].values())
        others = sum(s.event_type == t for s in lex["NOUN"].values()) + sum(s.event_type == t for s in lex["MULTI"].values())
        assert verbs >= 2 and others >= 2, (lang, t, verbs, others)
