"""Synthetic benchmark corpus: article dumps in the style of the seeds and `samples/`.

`generate_corpus(n, out_dir, seed)` writes `n` files (about 60% French / 40% English;
~80% plain-text dumps, ~15% HTML pages, the rest JSONL exports holding several articles),
built from templates with varied countries, leaders, dates, PLOVER event types and
boilerplate (captions, badges, digests, related teasers, cookie banners, repeated leads,
titles repeated in the body, ` n` lost-newline artifacts).

Deterministic for a given seed, no network, pure string templating (2,000 files in well
under a few seconds). Every file's content is unique.

    python -m pipeline.lab.bench_corpus 2000 /tmp/bench [--seed 7]
"""
from __future__ import annotations

import argparse
import hashlib
import html as _html
import json
import random
import sys
import unicodedata
from datetime import date, timedelta
from pathlib import Path

# iso3, fr name, fr name with article ("la France"), fr "de" form, en name, capital,
# leader, fr title, en title
_C = [
    ("FRA", "France", "la France", "de la France", "France", "Paris", "Emmanuel Macron", "le président français", "French President"),
    ("DEU", "Allemagne", "l'Allemagne", "de l'Allemagne", "Germany", "Berlin", "Friedrich Merz", "le chancelier allemand", "German Chancellor"),
    ("GBR", "Royaume-Uni", "le Royaume-Uni", "du Royaume-Uni", "the United Kingdom", "Londres", "Keir Starmer", "le Premier ministre britannique", "British Prime Minister"),
    ("UKR", "Ukraine", "l'Ukraine", "de l'Ukraine", "Ukraine", "Kiev", "Volodymyr Zelensky", "le président ukrainien", "Ukrainian President"),
    ("RUS", "Russie", "la Russie", "de la Russie", "Russia", "Moscou", "Vladimir Poutine", "le président russe", "Russian President"),
    ("CHN", "Chine", "la Chine", "de la Chine", "China", "Pékin", "Xi Jinping", "le président chinois", "Chinese President"),
    ("JPN", "Japon", "le Japon", "du Japon", "Japan", "Tokyo", "Sanae Takaichi", "la Première ministre japonaise", "Japanese Prime Minister"),
    ("IND", "Inde", "l'Inde", "de l'Inde", "India", "New Delhi", "Narendra Modi", "le Premier ministre indien", "Indian Prime Minister"),
    ("BRA", "Brésil", "le Brésil", "du Brésil", "Brazil", "Brasília", "Luiz Inácio Lula da Silva", "le président brésilien", "Brazilian President"),
    ("MEX", "Mexique", "le Mexique", "du Mexique", "Mexico", "Mexico", "Claudia Sheinbaum", "la présidente mexicaine", "Mexican President"),
    ("COL", "Colombie", "la Colombie", "de la Colombie", "Colombia", "Bogota", "Gustavo Petro", "le président colombien", "Colombian President"),
    ("VEN", "Venezuela", "le Venezuela", "du Venezuela", "Venezuela", "Caracas", "Delcy Rodríguez", "la présidente vénézuélienne par intérim", "Venezuelan interim President"),
    ("USA", "États-Unis", "les États-Unis", "des États-Unis", "the United States", "Washington", "Donald Trump", "le président américain", "U.S. President"),
    ("ISR", "Israël", "Israël", "d'Israël", "Israel", "Jérusalem", "Benyamin Netanyahou", "le Premier ministre israélien", "Israeli Prime Minister"),
    ("IRN", "Iran", "l'Iran", "de l'Iran", "Iran", "Téhéran", "Massoud Pezeshkian", "le président iranien", "Iranian President"),
    ("EGY", "Égypte", "l'Égypte", "de l'Égypte", "Egypt", "Le Caire", "Abdel Fattah al-Sissi", "le président égyptien", "Egyptian President"),
    ("KEN", "Kenya", "le Kenya", "du Kenya", "Kenya", "Nairobi", "William Ruto", "le président kényan", "Kenyan President"),
    ("SDN", "Soudan", "le Soudan", "du Soudan", "Sudan", "Port-Soudan", "Abdel Fattah al-Burhane", "le chef de l'armée soudanaise", "Sudanese army chief"),
    ("NGA", "Nigeria", "le Nigeria", "du Nigeria", "Nigeria", "Abuja", "Bola Tinubu", "le président nigérian", "Nigerian President"),
    ("ZAF", "Afrique du Sud", "l'Afrique du Sud", "de l'Afrique du Sud", "South Africa", "Pretoria", "Cyril Ramaphosa", "le président sud-africain", "South African President"),
    ("TUR", "Turquie", "la Turquie", "de la Turquie", "Turkey", "Ankara", "Recep Tayyip Erdogan", "le président turc", "Turkish President"),
    ("SAU", "Arabie saoudite", "l'Arabie saoudite", "de l'Arabie saoudite", "Saudi Arabia", "Riyad", "Mohammed ben Salmane", "le prince héritier saoudien", "Saudi Crown Prince"),
    ("ARE", "Émirats arabes unis", "les Émirats arabes unis", "des Émirats arabes unis", "the United Arab Emirates", "Abou Dhabi", "Mohammed ben Zayed", "le président émirien", "Emirati President"),
    ("QAT", "Qatar", "le Qatar", "du Qatar", "Qatar", "Doha", "Tamim ben Hamad Al Thani", "l'émir du Qatar", "Emir of Qatar"),
    ("PAK", "Pakistan", "le Pakistan", "du Pakistan", "Pakistan", "Islamabad", "Shehbaz Sharif", "le Premier ministre pakistanais", "Pakistani Prime Minister"),
    ("KOR", "Corée du Sud", "la Corée du Sud", "de la Corée du Sud", "South Korea", "Séoul", "Lee Jae-myung", "le président sud-coréen", "South Korean President"),
    ("PRK", "Corée du Nord", "la Corée du Nord", "de la Corée du Nord", "North Korea", "Pyongyang", "Kim Jong-un", "le dirigeant nord-coréen", "North Korean leader"),
    ("POL", "Pologne", "la Pologne", "de la Pologne", "Poland", "Varsovie", "Karol Nawrocki", "le président polonais", "Polish President"),
    ("ITA", "Italie", "l'Italie", "de l'Italie", "Italy", "Rome", "Giorgia Meloni", "la présidente du Conseil italien", "Italian Prime Minister"),
    ("ESP", "Espagne", "l'Espagne", "de l'Espagne", "Spain", "Madrid", "Pedro Sánchez", "le chef du gouvernement espagnol", "Spanish Prime Minister"),
    ("CAN", "Canada", "le Canada", "du Canada", "Canada", "Ottawa", "Mark Carney", "le Premier ministre canadien", "Canadian Prime Minister"),
    ("ARG", "Argentine", "l'Argentine", "de l'Argentine", "Argentina", "Buenos Aires", "Javier Milei", "le président argentin", "Argentine President"),
    ("DZA", "Algérie", "l'Algérie", "de l'Algérie", "Algeria", "Alger", "Abdelmadjid Tebboune", "le président algérien", "Algerian President"),
    ("MAR", "Maroc", "le Maroc", "du Maroc", "Morocco", "Rabat", "Aziz Akhannouch", "le chef du gouvernement marocain", "Moroccan Prime Minister"),
    ("ETH", "Éthiopie", "l'Éthiopie", "de l'Éthiopie", "Ethiopia", "Addis-Abeba", "Abiy Ahmed", "le Premier ministre éthiopien", "Ethiopian Prime Minister"),
    ("NER", "Niger", "le Niger", "du Niger", "Niger", "Niamey", "Abdourahamane Tiani", "le chef de la junte nigérienne", "Niger's junta leader"),
    ("MLI", "Mali", "le Mali", "du Mali", "Mali", "Bamako", "Assimi Goïta", "le chef de la junte malienne", "Mali's junta leader"),
    ("IDN", "Indonésie", "l'Indonésie", "de l'Indonésie", "Indonesia", "Jakarta", "Prabowo Subianto", "le président indonésien", "Indonesian President"),
    ("PHL", "Philippines", "les Philippines", "des Philippines", "the Philippines", "Manille", "Ferdinand Marcos Jr", "le président philippin", "Philippine President"),
    ("CUB", "Cuba", "Cuba", "de Cuba", "Cuba", "La Havane", "Miguel Díaz-Canel", "le président cubain", "Cuban President"),
    ("LBN", "Liban", "le Liban", "du Liban", "Lebanon", "Beyrouth", "Joseph Aoun", "le président libanais", "Lebanese President"),
    ("SYR", "Syrie", "la Syrie", "de la Syrie", "Syria", "Damas", "Ahmed al-Charaa", "le président syrien", "Syrian President"),
]

_EN_CAP = {"Londres": "London", "Kiev": "Kyiv", "Moscou": "Moscow", "Pékin": "Beijing", "Bogota": "Bogotá",
           "Mexico": "Mexico City", "Jérusalem": "Jerusalem", "Téhéran": "Tehran", "Le Caire": "Cairo",
           "Port-Soudan": "Port Sudan", "Riyad": "Riyadh", "Abou Dhabi": "Abu Dhabi", "Séoul": "Seoul",
           "Varsovie": "Warsaw", "Alger": "Algiers", "Addis-Abeba": "Addis Ababa", "Manille": "Manila",
           "La Havane": "Havana", "Beyrouth": "Beirut", "Damas": "Damascus"}

PLOVER_TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]

_FR_DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
_EN_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_FR_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
              "octobre", "novembre", "décembre"]
_EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December"]

# Event sentence templates. Placeholders: {A}/{B} country with article (fr) or name (en),
# {Acap} capital, {AL}/{BL} leader, {At}/{Bt} title, {when} date phrase, {n} number, {dur} duration.
_EV = {
    "fr": {
        "AGREE": ["{A} et {B} ont signé {when} à {Acap} un accord de coopération portant sur l'énergie et les infrastructures, d'une valeur de {n} millions d'euros.",
                  "{At} {AL} et {Bt} {BL} sont convenus {when} de relancer les négociations sur un accord de libre-échange."],
        "CONSULT": ["{At} {AL} s'est entretenu {when} par téléphone avec {Bt} {BL} pendant {dur}, selon un communiqué de la présidence.",
                    "{At} {AL} a reçu {when} à {Acap} {Bt} {BL} pour un entretien consacré à la sécurité régionale."],
        "SUPPORT": ["{A} a exprimé {when} son soutien à la candidature {Bde} au Conseil de sécurité des Nations unies.",
                    "{AL} a salué {when} les efforts {Bde} en faveur d'une solution négociée."],
        "CONCEDE": ["{A} a libéré {when} {n} ressortissants {Bde} détenus depuis plusieurs mois, un geste salué comme une ouverture.",
                    "{A} a levé {when} une partie des sanctions visant {B}, selon un décret publié au journal officiel."],
        "COOPERATE": ["Les forces {Ade} et {Bde} ont mené {when} une opération conjointe contre des réseaux de trafiquants à la frontière.",
                      "{A} et {B} ont décidé {when} de partager leurs renseignements sur les groupes armés actifs dans la région."],
        "AID": ["{A} a annoncé {when} l'envoi de {n} tonnes d'aide humanitaire à destination {Bde}.",
                "{A} débloquera une aide de {n} millions d'euros pour {B}, a annoncé {when} {AL}."],
        "RETREAT": ["{A} a commencé {when} à retirer ses troupes de plusieurs positions proches de la frontière {Bde}.",
                    "L'armée {Ade} a évacué {when} {n} postes avancés situés dans la zone tampon avec {B}."],
        "REQUEST": ["{AL} a demandé {when} à {B} de libérer sans condition les ressortissants {Ade} détenus.",
                    "{A} a appelé {when} {B} à revenir à la table des négociations."],
        "ACCUSE": ["{A} a accusé {when} {B} de soutenir des groupes armés et de violer sa souveraineté.",
                   "{AL} a dénoncé {when} les \"provocations\" {Bde}, l'accusant de vouloir déstabiliser la région."],
        "REJECT": ["{A} a rejeté {when} les demandes {Bde}, les jugeant \"inacceptables\".",
                   "{AL} a refusé {when} la proposition de cessez-le-feu présentée par {B}."],
        "THREATEN": ["{AL} a menacé {when} {B} de \"conséquences graves\" si ses forces franchissaient la ligne de démarcation.",
                     "{A} a annoncé {when} son intention d'imposer des droits de douane de {n} % sur les importations {Bde} faute d'accord."],
        "PROTEST": ["Des milliers de manifestants se sont rassemblés {when} devant l'ambassade {Bde} à {Acap} pour dénoncer sa politique.",
                    "Les syndicats {Ade} ont appelé {when} à une grève générale pour protester contre l'accord conclu avec {B}."],
        "SANCTION": ["{A} a expulsé {when} {n} diplomates {Bde}, accusés d'espionnage.",
                     "{A} a imposé {when} de nouvelles sanctions contre des entreprises {Bde} liées au secteur de la défense."],
        "MOBILIZE": ["{A} a déployé {when} {n} soldats supplémentaires à sa frontière avec {B}.",
                     "L'armée {Ade} a placé {when} ses unités en état d'alerte maximale face à {B}."],
        "COERCE": ["Les autorités {Ade} ont arrêté {when} {n} ressortissants {Bde} soupçonnés d'espionnage.",
                   "La marine {Ade} a arraisonné {when} un navire battant pavillon {Bde} et arrêté son équipage."],
        "ASSAULT": ["{A} a mené {when} des frappes aériennes contre des positions situées sur le territoire {Bde}, faisant au moins {n} morts.",
                    "Des drones lancés depuis le territoire {Ade} ont frappé {when} des infrastructures énergétiques {Bde}."],
    },
    "en": {
        "AGREE": ["{A} and {B} signed an agreement {when} in {Acap} on energy and infrastructure cooperation worth ${n} million.",
                  "{At} {AL} and {Bt} {BL} agreed {when} to restart negotiations on a free-trade deal."],
        "CONSULT": ["{At} {AL} spoke by phone {when} with {Bt} {BL} for {dur}, according to a readout from his office.",
                    "{At} {AL} hosted {Bt} {BL} in {Acap} {when} for talks on regional security."],
        "SUPPORT": ["{A} {when} voiced support for {B}'s bid for a seat on the U.N. Security Council.",
                    "{AL} praised {B}'s efforts towards a negotiated settlement {when}."],
        "CONCEDE": ["{A} released {n} citizens of {B} {when} after months in detention, in what officials called a goodwill gesture.",
                    "{A} lifted some of its sanctions on {B} {when}, according to a decree published in the official gazette."],
        "COOPERATE": ["Forces from {A} and {B} carried out a joint operation against trafficking networks along the border {when}.",
                      "{A} and {B} agreed {when} to share intelligence on armed groups operating in the region."],
        "AID": ["{A} announced {when} that it would send {n} tonnes of humanitarian aid to {B}.",
                "{A} will provide ${n} million in aid to {B}, {AL} said {when}."],
        "RETREAT": ["{A} began withdrawing troops {when} from positions near its border with {B}.",
                    "{A}'s army pulled out of {n} forward posts in the buffer zone with {B} {when}."],
        "REQUEST": ["{AL} {when} urged {B} to release detained citizens of {A} without conditions.",
                    "{A} called on {B} {when} to return to the negotiating table."],
        "ACCUSE": ["{A} accused {B} {when} of backing armed groups and violating its sovereignty.",
                   "{AL} {when} denounced what he called provocations by {B}, accusing it of destabilising the region."],
        "REJECT": ["{A} rejected the demands of {B} {when}, calling them unacceptable.",
                   "{AL} {when} turned down a ceasefire proposal put forward by {B}."],
        "THREATEN": ["{AL} warned {B} {when} of \"serious consequences\" if its forces crossed the line of control.",
                     "{A} threatened {when} to impose {n}% tariffs on imports from {B}."],
        "PROTEST": ["Thousands of protesters rallied outside the embassy of {B} in {Acap} {when} to denounce its policies.",
                    "Trade unions in {A} called a general strike {when} to protest against the deal with {B}."],
        "SANCTION": ["{A} expelled {n} diplomats from {B} {when}, accusing them of espionage.",
                     "{A} imposed new sanctions {when} on defence companies from {B}."],
        "MOBILIZE": ["{A} deployed {n} additional troops to its border with {B} {when}.",
                     "{A}'s military put its units on high alert {when} in response to {B}."],
        "COERCE": ["Authorities in {A} arrested {n} citizens of {B} {when} on suspicion of espionage.",
                   "{A}'s navy seized a vessel flagged in {B} {when} and detained its crew."],
        "ASSAULT": ["{A} carried out air strikes {when} on targets inside {B}, killing at least {n} people.",
                    "Drones launched from {A} struck energy infrastructure in {B} {when}."],
    },
}

# Negated / hypothetical variants (pipeline should not count them as events).
_NEG = {
    "fr": ["{A} n'a pas l'intention d'envoyer des troupes {Bpre}, a assuré {AL}.",
           "Aucun accord n'a été conclu entre {A} et {B} sur la question des réfugiés.",
           "Si {B} refusait de coopérer, {A} pourrait adopter de nouvelles sanctions, a prévenu un diplomate.",
           "{AL} a démenti avoir menacé {B} d'une intervention militaire."],
    "en": ["{A} has no plans to send troops to {B}, {AL} said.",
           "No agreement was reached between {A} and {B} on the refugee issue.",
           "If {B} refused to cooperate, {A} could impose further sanctions, a diplomat warned.",
           "{AL} denied having threatened {B} with military action."],
}

_FILL = {
    "fr": ["Les relations entre {A} et {B} se sont nettement dégradées depuis le début de l'année {y}, sur fond de différends commerciaux et sécuritaires.",
           "Selon plusieurs diplomates en poste à {Acap}, les discussions ont porté sur la sécurité régionale, le commerce et les flux migratoires.",
           "Les analystes interrogés estiment que cette décision pourrait peser sur les marchés de l'énergie dans les prochaines semaines.",
           "Le ministère des Affaires étrangères {Bde} n'a pas immédiatement réagi aux sollicitations de la presse.",
           "Les échanges commerciaux entre les deux pays ont atteint {n} milliards de dollars l'an dernier, selon les statistiques officielles.",
           "L'opposition a vivement critiqué l'initiative, dénonçant une décision prise \"sans consultation du Parlement\".",
           "Cette annonce intervient à quelques semaines d'un sommet régional prévu à {Bcap}.",
           "Plusieurs organisations non gouvernementales ont appelé les deux parties à la retenue et au respect du droit international.",
           "Le porte-parole du gouvernement a promis de \"tout mettre en œuvre\" pour préserver les intérêts du pays.",
           "Des experts rappellent que des tensions similaires avaient déjà éclaté en {y0}, avant un apaisement de courte durée.",
           "Les Nations unies ont indiqué suivre la situation \"avec une grande attention\".",
           "Sur le terrain, la population reste inquiète face à la hausse des prix et aux coupures d'électricité."],
    "en": ["Relations between {A} and {B} have deteriorated sharply since early {y} amid trade and security disputes.",
           "According to several diplomats in {Acap}, the discussions covered regional security, trade and migration.",
           "Analysts said the decision could weigh on energy markets in the coming weeks.",
           "The foreign ministry of {B} did not immediately respond to a request for comment.",
           "Trade between the two countries reached ${n} billion last year, according to official figures.",
           "Opposition lawmakers criticised the move, saying it had been taken without consulting parliament.",
           "The announcement comes weeks before a regional summit scheduled to take place in {Bcap}.",
           "Several non-governmental organisations urged both sides to show restraint and respect international law.",
           "A government spokesperson promised to do \"everything possible\" to protect the country's interests.",
           "Experts recalled that similar tensions flared in {y0} before a short-lived thaw.",
           "The United Nations said it was following the situation closely.",
           "On the ground, residents remain worried about rising prices and power cuts."],
}

_QUOTES = {
    "fr": ["\"Nous ne céderons à aucune pression\", a déclaré {AL} lors d'une conférence de presse.",
           "\"C'est une étape importante pour nos deux peuples\", a affirmé un conseiller {Ade}.",
           "\"Le dialogue reste la seule voie possible\", a insisté le ministre des Affaires étrangères {Bde}."],
    "en": ["\"We will not give in to any pressure,\" {AL} told a news conference.",
           "\"This is an important step for both our peoples,\" an adviser to the government of {A} said.",
           "\"Dialogue remains the only way forward,\" the foreign minister of {B} insisted."],
}

_TITLES = {
    "fr": ["{Acap} et {Bcap} : {kw}", "{AL} et {BL} : {kw}", "Tensions entre {A} et {B} : {kw}", "{kw} entre {A} et {B}"],
    "en": ["{AL}, {BL}: {kw}", "{A} and {B}: {kw}", "Tensions between {A} and {B}: {kw}", "{kw} as {A}-{B} ties shift"],
}
_KW = {
    "fr": {"AGREE": "un accord signé", "CONSULT": "un entretien pour apaiser les tensions", "SUPPORT": "un soutien affiché",
           "CONCEDE": "un geste de bonne volonté", "COOPERATE": "une coopération renforcée", "AID": "une aide d'urgence",
           "RETREAT": "le retrait des troupes", "REQUEST": "une demande pressante", "ACCUSE": "de graves accusations",
           "REJECT": "une fin de non-recevoir", "THREATEN": "des menaces de représailles", "PROTEST": "la colère de la rue",
           "SANCTION": "de nouvelles sanctions", "MOBILIZE": "des troupes à la frontière", "COERCE": "des arrestations",
           "ASSAULT": "des frappes meurtrières"},
    "en": {"AGREE": "deal signed", "CONSULT": "talks to ease tensions", "SUPPORT": "show of support", "CONCEDE": "goodwill gesture",
           "COOPERATE": "closer cooperation", "AID": "emergency aid", "RETREAT": "troops pull back", "REQUEST": "urgent appeal",
           "ACCUSE": "serious accusations", "REJECT": "flat rejection", "THREATEN": "threats of retaliation",
           "PROTEST": "anger on the streets", "SANCTION": "new sanctions", "MOBILIZE": "troops massed at border",
           "COERCE": "arrests", "ASSAULT": "deadly strikes"},
}

_CREDITS = ["AFP", "Reuters", "AP", "EPA", "Anadolu", "Xinhua"]
_PHOTOG = ["Ludovic MARIN", "Luis ROBAYO", "Sergei SUPINSKY", "Evelyn HOCKSTEIN", "Kim KYUNG-HOON", "Amr ABDALLAH", "Tony KARUMBA", "Adriano MACHADO"]

_COOKIE = {
    "fr": ["Ce site utilise des cookies\n\nNous utilisons des cookies pour l'analyse afin d'améliorer notre site. Lisez notre politique de confidentialité pour plus d'informations.\nRefuser",
           "Ce site utilise des cookies pour mesurer l'audience. Accepter Refuser",
           "Nous respectons votre vie privée\n\nNos partenaires et nous utilisons des cookies pour personnaliser le contenu.\nTout accepter\nParamétrer"],
    "en": ["This site uses cookies\n\nWe use cookies to personalise content and analyse our traffic. Read our privacy policy for more information.\nAccept all\nManage preferences",
           "This site uses cookies. Accept all Reject all",
           "We value your privacy\n\nWe and our partners use cookies to improve your experience.\nAccept all"],
}
_NEWSLETTER = {"fr": "Inscrivez-vous à notre newsletter\nRecevez chaque matin l'essentiel de l'actualité internationale.",
               "en": "Sign up for our newsletter\nGet the day's top world stories delivered to your inbox.\nSubscribe"}
_DIGEST = {"fr": ("Ce que les gens disent", "Les réactions sur X vont des éloges de partisans de {AL} aux critiques de ceux qui dénoncent une capitulation face à {B}. Des comptes neutres relaient les déclarations officielles sans commentaire."),
           "en": ("What people are saying", "Reactions on X range from praise by supporters of {AL} to criticism from users who call it a capitulation to {B}. Neutral accounts shared official statements without comment.")}
_RELATED = {"fr": "Articles connexes", "en": "Related articles"}
_READMORE = {"fr": "Lire aussi : ", "en": "Read more: "}
_BADGES = {"fr": ["Rapporté par l'IA", "Vérifié par des faits", "Rapporté par l'IA Image générée par IA"],
           "en": ["Fact-checked", "AI-reported", "Fact-checked Image generated by AI"]}
_AI_IMG = {"fr": "Image générée par IA", "en": "Image generated by AI"}


def _countries_ctx(lang: str, a: tuple, b: tuple) -> dict:
    if lang == "fr":
        return {"A": a[2], "B": b[2], "Ade": a[3], "Bde": b[3], "Acap": a[5], "Bcap": b[5], "AL": a[6], "BL": b[6],
                "At": a[7], "Bt": b[7], "Bpre": "en " + b[1] if not b[2].startswith(("le ", "les ")) else ("au " + b[1] if b[2].startswith("le ") else "aux " + b[1])}
    return {"A": a[4], "B": b[4], "Ade": a[4], "Bde": b[4], "Acap": _EN_CAP.get(a[5], a[5]), "Bcap": _EN_CAP.get(b[5], b[5]),
            "AL": a[6], "BL": b[6], "At": a[8], "Bt": b[8], "Bpre": b[4]}


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s


def _fmt(tpl: str, ctx: dict) -> str:
    return _cap(tpl.format(**ctx))


def _when(rng: random.Random, lang: str, pub: date, has_pub: bool) -> tuple[str, date]:
    """A date phrase and the date it denotes (relative only when the article has a publication date)."""
    k = rng.random()
    back = rng.randint(0, 6)
    d = pub - timedelta(days=back)
    if has_pub and k < 0.35:
        if back == 0:
            return ("aujourd'hui" if lang == "fr" else "today"), d
        if back == 1 and rng.random() < 0.5:
            return ("hier" if lang == "fr" else "yesterday"), d
        return (_FR_DAYS[d.weekday()] if lang == "fr" else "on " + _EN_DAYS[d.weekday()]), d
    if has_pub and k < 0.45:
        d = pub - timedelta(days=rng.randint(7, 13))
        return ("la semaine dernière" if lang == "fr" else "last week"), d
    if lang == "fr":
        day = "1er" if d.day == 1 else str(d.day)
        if rng.random() < 0.5:
            return f"le {_FR_DAYS[d.weekday()]} {day} {_FR_MONTHS[d.month - 1]}", d
        return f"le {day} {_FR_MONTHS[d.month - 1]} {d.year}", d
    if rng.random() < 0.5:
        return f"on {_EN_DAYS[d.weekday()]}, {_EN_MONTHS[d.month - 1]} {d.day}", d
    return f"on {_EN_MONTHS[d.month - 1]} {d.day}, {d.year}", d


def _event_sentence(rng, lang, etype, a, b, pub, has_pub) -> str:
    ctx = _countries_ctx(lang, a, b)
    when, _ = _when(rng, lang, pub, has_pub)
    mins = rng.choice([15, 20, 30, 45, 50, 90])
    ctx.update(when=when, n=rng.randint(2, 900),
               dur=(f"{mins} minutes" if mins < 60 else ("une heure et demie" if lang == "fr" else "an hour and a half")))
    return _fmt(rng.choice(_EV[lang][etype]), ctx)


def _paragraph(rng, lang, a, b, pub, has_pub, types) -> str:
    """One body paragraph: 1 event sentence plus 1-3 context sentences."""
    ctx = _countries_ctx(lang, a, b)
    ctx.update(n=rng.randint(2, 90), y=pub.year, y0=rng.randint(2015, pub.year - 1))
    parts = [_event_sentence(rng, lang, rng.choice(types), a, b, pub, has_pub)]
    fills = rng.sample(_FILL[lang], 3)
    for k in range(rng.randint(1, 3)):
        r = rng.random()
        if r < 0.15:
            parts.append(_fmt(rng.choice(_NEG[lang]), ctx))
        elif r < 0.3:
            parts.append(_fmt(rng.choice(_QUOTES[lang]), ctx))
        else:
            parts.append(_fmt(fills[k], ctx))
    parts = list(dict.fromkeys(parts))
    rng.shuffle(parts)
    return " ".join(parts)


def _caption(rng, lang, a, b) -> str:
    if rng.random() < 0.5:
        cred = f"{rng.choice(_CREDITS)} / {rng.choice(_PHOTOG)}"
        if lang == "fr":
            return f"{_cap(a[7])} {a[6]} et {b[7]} {b[6]}, à {a[5]} ( {cred} )"
        return f"{a[8]} {a[6]} and {b[8]} {b[6]} in {_EN_CAP.get(a[5], a[5])} ({cred})"
    # English caption + AI badge, also in French dumps (as in the seeds)
    return f"{a[6]} and {b[6]} shake hands during a meeting in {_EN_CAP.get(a[5], a[5])}.\n{_AI_IMG[lang]}"


def _article(rng: random.Random, lang: str, idx: int, pub: date) -> dict:
    """Build one article: title, published, paragraphs (clean), plus boilerplate pieces."""
    a, b = rng.sample(_C, 2)
    types = rng.sample(PLOVER_TYPES, rng.randint(3, 7))
    has_pub = True
    ctx = _countries_ctx(lang, a, b)
    ctx["kw"] = _KW[lang][types[0]]
    title = _fmt(rng.choice(_TITLES[lang]), ctx)
    n_par = rng.randint(5, 25)
    paras = [_paragraph(rng, lang, a, b, pub, has_pub, types) for _ in range(n_par)]
    # keep realistic size (~2-6 KB of body)
    target = rng.randint(2000, 6000)
    while sum(len(p) for p in paras) > target and len(paras) > 5:
        paras.pop()
    while sum(len(p) for p in paras) < 1800:
        paras.append(_paragraph(rng, lang, a, b, pub, has_pub, types))
    # a unique, innocuous detail so that no two articles are byte-identical
    paras[-1] += (f" (Dépêche n° {idx:06d}.)" if lang == "fr" else f" (Dispatch no. {idx:06d}.)")
    teasers = []
    for _ in range(rng.randint(1, 4)):
        c, d = rng.sample(_C, 2)
        teasers.append(_event_sentence(rng, lang, rng.choice(PLOVER_TYPES), c, d, pub, True))
    return {"lang": lang, "title": title, "published": pub, "paras": paras, "a": a, "b": b,
            "teasers": teasers, "types": types}


def _render_txt(rng: random.Random, art: dict, with_header: bool) -> str:
    lang, a, b = art["lang"], art["a"], art["b"]
    paras = list(art["paras"])
    out: list[str] = []
    # repeated lead
    if rng.random() < 0.3:
        paras.insert(1, paras[0])
    # lost newlines -> " n"
    if rng.random() < 0.35 and len(paras) > 4:
        i = rng.randint(1, len(paras) - 3)
        k = rng.randint(2, min(5, len(paras) - i))
        paras[i:i + k] = [" n".join(paras[i:i + k])]
    lead_block: list[str] = []
    if rng.random() < 0.6:
        lead_block.append(_caption(rng, lang, a, b))
    if rng.random() < 0.3:
        lead_block.append(rng.choice(_BADGES[lang]))
    if with_header:
        head = f" date {art['published'].isoformat()} "
        first = lead_block + paras if lead_block else paras
        out.append(head + first[0])
        out.extend(first[1:])
    else:
        out.append(art["title"])
        out.extend(lead_block)
        if rng.random() < 0.4:
            out.append(art["title"])
        out.extend(paras)
    if rng.random() < 0.3:
        pos = rng.randint(2, max(2, len(out) - 1))
        out.insert(pos, _READMORE[lang] + art["teasers"][0].split(",")[0].rstrip("."))
    if rng.random() < 0.35:
        t, body = _DIGEST[lang]
        out += [t, _fmt(body, _countries_ctx(lang, a, b))]
    if rng.random() < 0.5:
        out.append(_RELATED[lang])
        for t in art["teasers"]:
            if rng.random() < 0.4:
                out.append(rng.choice(_BADGES[lang]))
            out.append(t)
    if rng.random() < 0.25:
        out.append(_NEWSLETTER[lang])
    if rng.random() < 0.7:
        out += [" ", " ", rng.choice(_COOKIE[lang])]
    return "\n\n".join(out) + ("\n" if rng.random() < 0.5 else "")


def _slug(s: str) -> str:
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")
    keep = "".join(ch.lower() if ch.isalnum() else "-" for ch in s)
    return "-".join(p for p in keep.split("-") if p)[:70]


def _render_html(rng: random.Random, art: dict, site: str, idx: int) -> str:
    lang, a, b = art["lang"], art["a"], art["b"]
    e = _html.escape
    pub = art["published"]
    url = f"https://www.{site}.example/{'monde' if lang == 'fr' else 'world'}/{pub:%Y/%m/%d}/{_slug(art['title'])}-{idx}"
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": art["title"],
                     "datePublished": f"{pub.isoformat()}T{rng.randint(6, 22):02d}:{rng.randint(0, 59):02d}:00+01:00",
                     "inLanguage": lang}, ensure_ascii=False)
    cap = _caption(rng, lang, a, b).split("\n")[0]
    body = []
    for i, p in enumerate(art["paras"]):
        body.append(f"<p>{e(p)}</p>")
        if i == 2 and rng.random() < 0.5:
            body.append(f'<div class="ad-slot">{"Publicité" if lang == "fr" else "Advertisement"}</div>')
        if i == 3 and rng.random() < 0.5:
            body.append(f'<p class="read-more">{e(_READMORE[lang])}<a href="/x/{idx}">{e(art["teasers"][0][:80])}</a></p>')
    related = "".join(f'<li><a href="/r/{idx}/{j}">{e(t[:90])}</a><p>{e(t)}</p></li>' for j, t in enumerate(art["teasers"]))
    cookie = e(rng.choice(_COOKIE[lang]).split("\n")[0])
    share = "Partager" if lang == "fr" else "Share"
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{e(art['title'])} | {site.title()}</title>
<meta property="og:title" content="{e(art['title'])}">
<meta property="og:type" content="article">
<meta property="article:published_time" content="{pub.isoformat()}T08:00:00Z">
<link rel="canonical" href="{url}">
<script type="application/ld+json">{ld}</script>
</head>
<body>
<div class="cookie-banner"><p>{cookie}</p><button>{'Tout accepter' if lang == 'fr' else 'Accept all'}</button></div>
<header><a class="logo" href="/">{site.title()}</a><nav><a href="/">{'Accueil' if lang == 'fr' else 'Home'}</a> <a href="/world">{'International' if lang == 'fr' else 'World'}</a> <a href="/economy">{'Économie' if lang == 'fr' else 'Business'}</a></nav></header>
<main>
<article>
<h1>{e(art['title'])}</h1>
<div class="share"><a href="#">{share} Facebook</a> <a href="#">{share} X</a> <a href="#">E-mail</a></div>
<figure><img src="/img/{idx}.jpg" alt=""><figcaption>{e(cap)}</figcaption></figure>
{chr(10).join(body)}
<div class="newsletter-box">{e(_NEWSLETTER[lang]).replace(chr(10), '<br>')}</div>
</article>
<aside class="related"><h2>{_RELATED[lang]}</h2><ul>{related}</ul></aside>
<section class="comments"><h2>{'Commentaires' if lang == 'fr' else 'Comments'}</h2><div class="comment"><p>{'Enfin !' if lang == 'fr' else 'About time.'}</p></div></section>
</main>
<footer><p>&copy; {pub.year} {site.title()}</p></footer>
</body>
</html>
"""


_SITES = ["lequotidien", "infomonde", "lejournal", "worldwire", "globaldispatch", "dailyledger", "newsdesk", "actu-inter"]
_START = date(2025, 1, 1)
_SPAN = (date(2026, 6, 30) - _START).days


def _pick_format(rng: random.Random) -> str:
    r = rng.random()
    return "txt" if r < 0.80 else ("html" if r < 0.95 else "jsonl")


def generate_corpus(n: int, out_dir: Path, seed: int = 7) -> list[Path]:
    """Write `n` dump files into `out_dir`; return their paths (sorted by index)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    seen: set[str] = set()
    serial = 0
    for i in range(n):
        rng = random.Random(seed * 1_000_003 + i)
        fmt = _pick_format(rng)
        # guarantee the three formats and both languages appear in non-trivial corpora
        if n >= 20 and i == n - 1:
            fmt = "jsonl"
        elif n >= 20 and i == n - 2:
            fmt = "html"
        lang = "fr" if rng.random() < 0.6 else "en"
        if n >= 20 and i == n - 3:
            lang = "en"
        pub = _START + timedelta(days=rng.randrange(_SPAN))
        if fmt == "txt":
            serial += 1
            art = _article(rng, lang, serial, pub)
            content = _render_txt(rng, art, with_header=rng.random() < 0.5)
        elif fmt == "html":
            serial += 1
            art = _article(rng, lang, serial, pub)
            content = _render_html(rng, art, rng.choice(_SITES), serial)
        else:
            lines = []
            for _ in range(rng.randint(3, 8)):
                serial += 1
                lg = "fr" if rng.random() < 0.6 else "en"
                p = pub - timedelta(days=rng.randint(0, 25))
                art = _article(rng, lg, serial, p)
                site = rng.choice(_SITES)
                rec = {"url": f"https://www.{site}.example/a/{p:%Y/%m}/{_slug(art['title'])}-{serial}",
                       "title": art["title"], "published": p.isoformat()}
                if rng.random() < 0.3:
                    rec["html"] = _render_html(rng, art, site, serial)
                else:
                    rec["text"] = _render_txt(rng, art, with_header=False) if rng.random() < 0.5 else \
                        art["title"] + "\n\n" + "\n\n".join(art["paras"])
                lines.append(json.dumps(rec, ensure_ascii=False))
            content = "\n".join(lines) + "\n"
        h = hashlib.sha256(content.encode("utf-8")).hexdigest()
        if h in seen:  # practically impossible (serial numbers are embedded) but cheap to guarantee
            content += f"\n<!-- {i} -->\n" if fmt == "html" else f"\n{i}\n"
            h = hashlib.sha256(content.encode("utf-8")).hexdigest()
        seen.add(h)
        path = out_dir / f"bench_{i:05d}_{lang if fmt != 'jsonl' else 'mix'}.{fmt}"
        path.write_text(content, encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pipeline.lab.bench_corpus", description=__doc__.split("\n")[0])
    ap.add_argument("n", type=int, help="number of files to write")
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    paths = generate_corpus(args.n, args.out_dir, seed=args.seed)
    print(f"wrote {len(paths)} files to {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
