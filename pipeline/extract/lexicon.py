"""Trigger lexicon: lemmas of verbs and nouns that express PLOVER events (fr, en).

Each entry ``lemma -> "TYPE[/mode][|flag,flag...]"``.  Flags:

- ``sym``      the event is reciprocal (meet, talk, negotiate): actor/recipient may swap
- ``de=agent`` / ``de=patient`` (nouns): role of the "de X" / "of X" complement
  (``la visite de Petro`` -> agent; ``la capture de Maduro`` -> patient)
- ``needrecip`` keep the mention only when a recipient is resolved (ambiguous
  lemmas: "arrêter" = arrest a person / stop something)
- ``special``  the lemma is disambiguated by a rule in ``events.py`` (appeler, frapper,
  retirer, qualifier, ...)

Multi-word triggers (``MULTI``) are (head lemma, dependent lemma) pairs found in the parse:
"reprendre les armes", "mettre en garde", "coup de fil", "take up arms".
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TriggerSpec:
    lemma: str
    event_type: str
    mode: str | None = None
    pos: str = "VERB"
    symmetric: bool = False
    de_role: str | None = None
    need_recipient: bool = False
    special: bool = False


def _parse(table: dict[str, str], pos: str) -> dict[str, TriggerSpec]:
    out = {}
    for lemma, spec in table.items():
        main, _, flags = spec.partition("|")
        etype, _, mode = main.partition("/")
        fl = set(f.strip() for f in flags.split(",") if f.strip())
        de_role = None
        for f in fl:
            if f.startswith("de="):
                de_role = f[3:]
        out[lemma] = TriggerSpec(lemma, etype, mode or None, pos, "sym" in fl, de_role,
                                 "needrecip" in fl, "special" in fl)
    return out


# ------------------------------------------------------------------------------------ French
FR_VERBS = _parse({
    # AGREE
    "accepter": "AGREE", "convenir": "AGREE|sym", "signer": "AGREE/treaty|sym", "ratifier": "AGREE/treaty",
    "conclure": "AGREE|sym", "approuver": "AGREE", "promettre": "AGREE|special", "s'engager": "AGREE|special",
    # CONSULT
    "rencontrer": "CONSULT/meet|sym", "entretenir": "CONSULT/meet|sym", "discuter": "CONSULT/meet|sym",
    "négocier": "CONSULT/meet|sym", "téléphoner": "CONSULT/phone|sym", "recevoir": "CONSULT/host|special",
    "visiter": "CONSULT/visit", "consulter": "CONSULT/meet", "dialoguer": "CONSULT/meet|sym",
    "échanger": "CONSULT/meet|sym,special", "parler": "CONSULT/meet|sym,special",
    "appeler": "CONSULT/phone|special", "rendre": "CONSULT/visit|special",
    # SUPPORT
    "soutenir": "SUPPORT", "saluer": "SUPPORT/praise", "féliciter": "SUPPORT/praise", "louer": "SUPPORT/praise",
    "appuyer": "SUPPORT|special", "remercier": "SUPPORT/praise", "reconnaître": "SUPPORT/recognize|needrecip",
    "encourager": "SUPPORT", "applaudir": "SUPPORT/praise", "défendre": "SUPPORT|needrecip",
    # CONCEDE
    "céder": "CONCEDE", "concéder": "CONCEDE", "reculer": "CONCEDE", "renoncer": "CONCEDE",
    "lever": "CONCEDE/ease_sanctions|special", "libérer": "CONCEDE/release", "gracier": "CONCEDE/release",
    "assouplir": "CONCEDE/policy", "amnistier": "CONCEDE/release",
    # COOPERATE
    "coopérer": "COOPERATE|sym", "collaborer": "COOPERATE|sym", "extrader": "COOPERATE/judicial",
    "partager": "COOPERATE/intelligence|special", "coordonner": "COOPERATE|sym",
    # AID
    "aider": "AID", "financer": "AID/economic", "fournir": "AID|special", "livrer": "AID/military|special",
    "secourir": "AID/humanitarian", "accueillir": "AID/asylum|needrecip",
    # RETREAT
    "retirer": "RETREAT/withdraw|special", "évacuer": "RETREAT/withdraw", "désarmer": "RETREAT/disarm",
    "démobiliser": "RETREAT/disarm", "démanteler": "RETREAT/disarm|needrecip",
    # REQUEST
    "demander": "REQUEST", "exiger": "REQUEST", "réclamer": "REQUEST", "exhorter": "REQUEST",
    "inviter": "REQUEST/meet", "solliciter": "REQUEST", "presser": "REQUEST|needrecip",
    "implorer": "REQUEST", "supplier": "REQUEST", "enjoindre": "REQUEST", "sommer": "REQUEST",
    # ACCUSE
    "accuser": "ACCUSE", "critiquer": "ACCUSE", "dénoncer": "ACCUSE", "condamner": "ACCUSE|special",
    "reprocher": "ACCUSE", "blâmer": "ACCUSE", "fustiger": "ACCUSE", "qualifier": "ACCUSE|special",
    "traiter": "ACCUSE|special", "inculper": "ACCUSE/allege", "enquêter": "ACCUSE/investigate",
    "incriminer": "ACCUSE", "stigmatiser": "ACCUSE", "vilipender": "ACCUSE", "attaquer": "ASSAULT|special",
    # REJECT
    "rejeter": "REJECT", "refuser": "REJECT", "opposer": "REJECT|special", "démentir": "REJECT",
    "nier": "REJECT", "récuser": "REJECT", "décliner": "REJECT|needrecip", "repousser": "REJECT|needrecip",
    # THREATEN
    "menacer": "THREATEN", "avertir": "THREATEN/non-force", "brandir": "THREATEN|special",
    # PROTEST
    "manifester": "PROTEST/demo", "protester": "PROTEST/demo", "défiler": "PROTEST/demo",
    "boycotter": "PROTEST/boycott", "grever": "PROTEST/strike",
    # SANCTION
    "sanctionner": "SANCTION", "révoquer": "SANCTION", "expulser": "SANCTION/expel|special",
    "suspendre": "SANCTION|needrecip", "rompre": "SANCTION/break_relations|special",
    "geler": "SANCTION/economic|special", "décertifier": "SANCTION", "rappeler": "SANCTION/diplomatic|special",
    "annuler": "SANCTION|special",
    # MOBILIZE
    "mobiliser": "MOBILIZE", "déployer": "MOBILIZE/troops", "masser": "MOBILIZE/troops",
    "renforcer": "MOBILIZE/troops|special", "dépêcher": "MOBILIZE/troops|special",
    "envoyer": "MOBILIZE/troops|special",
    # COERCE
    "arrêter": "COERCE/arrest|needrecip", "interpeller": "COERCE/arrest|needrecip",
    "détenir": "COERCE/arrest|needrecip", "emprisonner": "COERCE/arrest", "incarcérer": "COERCE/arrest",
    "déporter": "COERCE/deport", "interdire": "COERCE/ban|needrecip", "censurer": "COERCE/censor",
    "confisquer": "COERCE/seize", "réprimer": "COERCE", "désigner": "COERCE/designate|special",
    "intercepter": "COERCE/seize|needrecip", "arraisonner": "COERCE/seize",
    "saisir": "COERCE/seize|needrecip",
    # ASSAULT
    "frapper": "ASSAULT|special", "bombarder": "ASSAULT/aerial", "tuer": "ASSAULT", "tirer": "ASSAULT/firearms|special",
    "abattre": "ASSAULT", "enlever": "ASSAULT/abduct|needrecip", "capturer": "ASSAULT/abduct",
    "kidnapper": "ASSAULT/abduct", "assassiner": "ASSAULT/assassinate", "envahir": "ASSAULT/ground",
    "affronter": "ASSAULT|sym,special", "reconquérir": "ASSAULT/ground",
    "pilonner": "ASSAULT", "exploser": "ASSAULT/explosives|special", "détruire": "ASSAULT|needrecip",
    "agresser": "ASSAULT/beat", "torturer": "ASSAULT/torture", "cibler": "ASSAULT|special",
}, "VERB")

FR_NOUNS = _parse({
    "accord": "AGREE|sym", "entente": "AGREE|sym", "traité": "AGREE/treaty|sym", "trêve": "AGREE/ceasefire|sym",
    "cessez-le-feu": "AGREE/ceasefire|sym", "promesse": "AGREE", "mécontentement": "ACCUSE/disapprove|de=agent", "indignation": "ACCUSE/disapprove|de=agent",
    "rencontre": "CONSULT/meet|sym,de=agent", "réunion": "CONSULT/meet|sym", "entretien": "CONSULT/meet|sym",
    "entrevue": "CONSULT/meet|sym", "sommet": "CONSULT/multilateral|sym", "visite": "CONSULT/visit|de=agent",
    "appel": "CONSULT/phone|special,de=agent", "conversation": "CONSULT/meet|sym,special",
    "échange": "CONSULT/meet|sym,special", "pourparlers": "CONSULT/meet|sym", "négociation": "CONSULT/meet|sym",
    "discussion": "CONSULT/meet|sym", "dialogue": "CONSULT/meet|sym", "consultation": "CONSULT/meet|sym",
    "tête-à-tête": "CONSULT/meet|sym",
    "soutien": "SUPPORT|de=agent", "appui": "SUPPORT|de=agent", "félicitations": "SUPPORT/praise",
    "éloge": "SUPPORT/praise",
    "concession": "CONCEDE", "libération": "CONCEDE/release|de=patient", "levée": "CONCEDE/ease_sanctions|special",
    "geste": "CONCEDE|special",
    "coopération": "COOPERATE|sym", "collaboration": "COOPERATE|sym", "partenariat": "COOPERATE|sym",
    "extradition": "COOPERATE/judicial|de=patient",
    "aide": "AID|special,de=agent", "assistance": "AID|de=agent", "don": "AID|needrecip", "financement": "AID/economic|needrecip",
    "livraison": "AID/military|special",
    "retrait": "RETREAT/withdraw|de=agent", "évacuation": "RETREAT/withdraw", "désarmement": "RETREAT/disarm",
    "démobilisation": "RETREAT/disarm",
    "demande": "REQUEST|de=agent", "requête": "REQUEST", "invitation": "REQUEST/meet|de=agent",
    "exigence": "REQUEST", "revendication": "REQUEST",
    "accusation": "ACCUSE|de=agent", "critique": "ACCUSE", "condamnation": "ACCUSE|special",
    "dénonciation": "ACCUSE", "reproche": "ACCUSE", "enquête": "ACCUSE/investigate|needrecip",
    "allégation": "ACCUSE/allege", "inculpation": "ACCUSE/allege",
    "refus": "REJECT|de=agent", "rejet": "REJECT|de=agent", "veto": "REJECT", "démenti": "REJECT",
    "menace": "THREATEN|de=agent", "ultimatum": "THREATEN/ultimatum", "avertissement": "THREATEN/non-force",
    "manifestation": "PROTEST/demo|de=agent", "rassemblement": "PROTEST/demo", "protestation": "PROTEST/demo|de=agent",
    "grève": "PROTEST/strike", "émeute": "PROTEST/riot", "boycott": "PROTEST/boycott", "marche": "PROTEST/demo|special",
    "sit-in": "PROTEST/demo",
    "sanction": "SANCTION", "embargo": "SANCTION/embargo", "révocation": "SANCTION/visa",
    "annulation": "SANCTION|special", "décertification": "SANCTION", "gel": "SANCTION/economic|special",
    "rupture": "SANCTION/break_relations|special", "expulsion": "COERCE/deport|special",
    "droit": "SANCTION/economic|special", "tarif": "SANCTION/economic|special", "suspension": "SANCTION|needrecip",
    "déploiement": "MOBILIZE/troops", "mobilisation": "MOBILIZE", "renfort": "MOBILIZE/troops",
    "manœuvre": "MOBILIZE/troops|special", "exercice": "MOBILIZE/troops|special",
    "arrestation": "COERCE/arrest|de=patient", "détention": "COERCE/arrest|de=patient,needrecip",
    "interpellation": "COERCE/arrest|de=patient", "déportation": "COERCE/deport|de=patient",
    "interdiction": "COERCE/ban|needrecip", "répression": "COERCE", "saisie": "COERCE/seize|needrecip",
    "blocus": "COERCE", "couvre-feu": "COERCE/curfew", "désignation": "COERCE/designate|de=patient,needrecip",
    "attaque": "ASSAULT|de=agent", "frappe": "ASSAULT/aerial|de=agent", "bombardement": "ASSAULT/aerial|de=agent",
    "raid": "ASSAULT|de=agent", "assaut": "ASSAULT", "offensive": "ASSAULT|de=agent", "invasion": "ASSAULT/ground|de=patient",
    "enlèvement": "ASSAULT/abduct|de=patient", "capture": "ASSAULT/abduct|de=patient",
    "assassinat": "ASSAULT/assassinate|de=patient", "opération": "ASSAULT|special,de=agent", "tir": "ASSAULT/firearms|special",
    "attentat": "ASSAULT/explosives", "incursion": "ASSAULT/ground", "intervention": "ASSAULT|special,de=agent",
    "agression": "ASSAULT", "bombe": "ASSAULT/explosives|special",
    "affrontement": "ASSAULT|sym", "heurt": "ASSAULT|sym", "accrochage": "ASSAULT|sym",
}, "NOUN")

# (head lemma, dependent lemma) -> spec ; the dependent is anywhere in the head's children
FR_MULTI = {
    ("reprendre", "arme"): "THREATEN/violence",
    ("prendre", "arme"): "THREATEN/violence",
    ("mettre", "garde"): "THREATEN/non-force",
    ("coup", "fil"): "CONSULT/phone|sym",
    ("faire", "grève"): "PROTEST/strike",
    ("tendre", "main"): "SUPPORT",
    ("ouvrir", "feu"): "ASSAULT/firearms",
}

# ------------------------------------------------------------------------------------ English
EN_VERBS = _parse({
    "agree": "AGREE|sym", "sign": "AGREE/treaty|sym", "ratify": "AGREE/treaty", "accept": "AGREE",
    "pledge": "AGREE", "promise": "AGREE", "approve": "AGREE|needrecip",
    "meet": "CONSULT/meet|sym", "talk": "CONSULT/meet|sym,special", "speak": "CONSULT/meet|sym,special",
    "discuss": "CONSULT/meet|sym", "negotiate": "CONSULT/meet|sym", "phone": "CONSULT/phone|sym",
    "call": "CONSULT/phone|special", "visit": "CONSULT/visit", "host": "CONSULT/host",
    "receive": "CONSULT/host|special", "consult": "CONSULT/meet", "confer": "CONSULT/meet|sym",
    "travel": "CONSULT/visit|special",
    "support": "SUPPORT", "praise": "SUPPORT/praise", "welcome": "SUPPORT/praise|needrecip",
    "congratulate": "SUPPORT/praise", "back": "SUPPORT|needrecip", "endorse": "SUPPORT", "thank": "SUPPORT/praise",
    "commend": "SUPPORT/praise", "hail": "SUPPORT/praise", "defend": "SUPPORT|needrecip",
    "recognize": "SUPPORT/recognize|needrecip", "recognise": "SUPPORT/recognize|needrecip",
    "concede": "CONCEDE", "yield": "CONCEDE", "release": "CONCEDE/release|special", "free": "CONCEDE/release|special",
    "lift": "CONCEDE/ease_sanctions|special", "ease": "CONCEDE/ease_sanctions|special", "pardon": "CONCEDE/release",
    "back down": "CONCEDE",
    "cooperate": "COOPERATE|sym", "collaborate": "COOPERATE|sym", "extradite": "COOPERATE/judicial",
    "share": "COOPERATE/intelligence|special", "partner": "COOPERATE|sym",
    "aid": "AID", "help": "AID|needrecip", "assist": "AID", "fund": "AID/economic", "finance": "AID/economic",
    "supply": "AID|special", "provide": "AID|special", "deliver": "AID|special", "donate": "AID",
    "withdraw": "RETREAT/withdraw|special", "pull": "RETREAT/withdraw|special", "evacuate": "RETREAT/withdraw",
    "disarm": "RETREAT/disarm", "demobilize": "RETREAT/disarm", "retreat": "RETREAT/withdraw",
    "ask": "REQUEST", "request": "REQUEST", "demand": "REQUEST", "urge": "REQUEST", "invite": "REQUEST/meet",
    "appeal": "REQUEST", "press": "REQUEST|needrecip", "implore": "REQUEST", "beg": "REQUEST", "plead": "REQUEST",
    "accuse": "ACCUSE", "criticize": "ACCUSE", "criticise": "ACCUSE", "denounce": "ACCUSE", "condemn": "ACCUSE",
    "blame": "ACCUSE", "slam": "ACCUSE", "rebuke": "ACCUSE", "charge": "ACCUSE/allege|needrecip",
    "indict": "ACCUSE/allege", "investigate": "ACCUSE/investigate|needrecip", "label": "ACCUSE|special",
    "brand": "ACCUSE|special", "decry": "ACCUSE", "castigate": "ACCUSE", "lambast": "ACCUSE", "call out": "ACCUSE",
    "reject": "REJECT", "refuse": "REJECT", "deny": "REJECT", "dismiss": "REJECT|needrecip", "rebuff": "REJECT",
    "veto": "REJECT", "oppose": "REJECT", "decline": "REJECT|needrecip", "spurn": "REJECT",
    "threaten": "THREATEN", "warn": "THREATEN/non-force",
    "protest": "PROTEST/demo", "demonstrate": "PROTEST/demo", "march": "PROTEST/demo", "rally": "PROTEST/demo",
    "strike": "ASSAULT|special", "riot": "PROTEST/riot", "boycott": "PROTEST/boycott",
    "sanction": "SANCTION", "expel": "SANCTION/expel|special", "revoke": "SANCTION", "suspend": "SANCTION|needrecip",
    "sever": "SANCTION/break_relations", "freeze": "SANCTION/economic|special", "recall": "SANCTION/diplomatic|special",
    "impose": "SANCTION|special", "decertify": "SANCTION", "cancel": "SANCTION|special", "blacklist": "SANCTION",
    "mobilize": "MOBILIZE", "mobilise": "MOBILIZE", "deploy": "MOBILIZE/troops", "mass": "MOBILIZE/troops",
    "send": "MOBILIZE/troops|special", "dispatch": "MOBILIZE/troops|special", "reinforce": "MOBILIZE/troops|special",
    "arrest": "COERCE/arrest", "detain": "COERCE/arrest", "jail": "COERCE/arrest", "imprison": "COERCE/arrest",
    "deport": "COERCE/deport", "ban": "COERCE/ban|needrecip", "censor": "COERCE/censor", "seize": "COERCE/seize|needrecip",
    "confiscate": "COERCE/seize", "designate": "COERCE/designate|special", "crack": "COERCE|special",
    "intercept": "COERCE/seize|needrecip",
    "attack": "ASSAULT", "bomb": "ASSAULT/aerial", "shell": "ASSAULT", "kill": "ASSAULT", "shoot": "ASSAULT/firearms",
    "abduct": "ASSAULT/abduct", "kidnap": "ASSAULT/abduct", "capture": "ASSAULT/abduct", "assassinate": "ASSAULT/assassinate",
    "invade": "ASSAULT/ground", "hit": "ASSAULT|special", "raid": "ASSAULT", "blow": "ASSAULT/explosives|special",
    "target": "ASSAULT|special", "torture": "ASSAULT/torture", "storm": "ASSAULT/ground", "shoot down": "ASSAULT",
    "clash": "ASSAULT|sym", "skirmish": "ASSAULT|sym", "recapture": "ASSAULT/ground", "retake": "ASSAULT/ground",
    "fire": "ASSAULT/firearms|special", "ambush": "ASSAULT", "besiege": "ASSAULT",
}, "VERB")

EN_NOUNS = _parse({
    "agreement": "AGREE|sym", "deal": "AGREE|sym", "accord": "AGREE|sym", "treaty": "AGREE/treaty|sym",
    "truce": "AGREE/ceasefire|sym", "ceasefire": "AGREE/ceasefire|sym", "pledge": "AGREE",
    "meeting": "CONSULT/meet|sym", "talk": "CONSULT/meet|sym", "talks": "CONSULT/meet|sym", "summit": "CONSULT/multilateral|sym",
    "visit": "CONSULT/visit|de=agent", "call": "CONSULT/phone|special,de=agent", "conversation": "CONSULT/meet|sym",
    "negotiation": "CONSULT/meet|sym", "discussion": "CONSULT/meet|sym", "dialogue": "CONSULT/meet|sym",
    "consultation": "CONSULT/meet|sym",
    "support": "SUPPORT|de=agent", "praise": "SUPPORT/praise", "backing": "SUPPORT|de=agent", "endorsement": "SUPPORT",
    "concession": "CONCEDE", "release": "CONCEDE/release|de=patient,needrecip",
    "cooperation": "COOPERATE|sym", "collaboration": "COOPERATE|sym", "partnership": "COOPERATE|sym",
    "extradition": "COOPERATE/judicial|de=patient",
    "aid": "AID|special,de=agent", "assistance": "AID|de=agent", "funding": "AID/economic|needrecip", "donation": "AID",
    "withdrawal": "RETREAT/withdraw|de=agent", "pullout": "RETREAT/withdraw", "evacuation": "RETREAT/withdraw",
    "request": "REQUEST|de=agent", "demand": "REQUEST|de=agent", "appeal": "REQUEST", "invitation": "REQUEST/meet",
    "accusation": "ACCUSE|de=agent", "criticism": "ACCUSE", "condemnation": "ACCUSE", "allegation": "ACCUSE/allege",
    "investigation": "ACCUSE/investigate|needrecip", "indictment": "ACCUSE/allege", "charge": "ACCUSE/allege|needrecip",
    "rejection": "REJECT|de=agent", "refusal": "REJECT|de=agent", "denial": "REJECT", "veto": "REJECT",
    "threat": "THREATEN|de=agent", "ultimatum": "THREATEN/ultimatum", "warning": "THREATEN/non-force",
    "protest": "PROTEST/demo|de=agent", "demonstration": "PROTEST/demo", "rally": "PROTEST/demo", "strike": "ASSAULT|special",
    "riot": "PROTEST/riot", "boycott": "PROTEST/boycott", "march": "PROTEST/demo|special", "walkout": "PROTEST/strike",
    "sanction": "SANCTION", "embargo": "SANCTION/embargo", "tariff": "SANCTION/economic", "revocation": "SANCTION",
    "expulsion": "SANCTION/expel|special", "decertification": "SANCTION", "freeze": "SANCTION/economic|special",
    "deployment": "MOBILIZE/troops", "mobilization": "MOBILIZE", "buildup": "MOBILIZE/troops", "build-up": "MOBILIZE/troops",
    "reinforcement": "MOBILIZE/troops", "exercise": "MOBILIZE/troops|special", "drill": "MOBILIZE/troops|special",
    "arrest": "COERCE/arrest|de=patient", "detention": "COERCE/arrest|de=patient,needrecip", "deportation": "COERCE/deport",
    "ban": "COERCE/ban|needrecip", "crackdown": "COERCE", "seizure": "COERCE/seize|needrecip", "blockade": "COERCE",
    "curfew": "COERCE/curfew", "designation": "COERCE/designate|de=patient,needrecip",
    "attack": "ASSAULT|de=agent", "airstrike": "ASSAULT/aerial", "bombing": "ASSAULT/aerial", "raid": "ASSAULT",
    "assault": "ASSAULT", "offensive": "ASSAULT", "invasion": "ASSAULT/ground|de=patient",
    "abduction": "ASSAULT/abduct|de=patient", "kidnapping": "ASSAULT/abduct|de=patient", "capture": "ASSAULT/abduct|de=patient",
    "assassination": "ASSAULT/assassinate|de=patient", "operation": "ASSAULT|special,de=agent", "shelling": "ASSAULT",
    "incursion": "ASSAULT/ground", "intervention": "ASSAULT|special,de=agent", "aggression": "ASSAULT",
    "clash": "ASSAULT|sym", "skirmish": "ASSAULT|sym", "fighting": "ASSAULT|sym",
}, "NOUN")

EN_MULTI = {
    ("take", "arm"): "THREATEN/violence",
    ("pick", "arm"): "THREATEN/violence",
    ("go", "strike"): "PROTEST/strike",
    ("phone", "call"): "CONSULT/phone|sym",
    ("open", "fire"): "ASSAULT/firearms",
    ("back", "down"): "CONCEDE",
    ("set", "free"): "CONCEDE/release",
    ("hand", "over"): "COOPERATE/judicial",
    ("turn", "over"): "COOPERATE/judicial",
    ("use", "gas"): "COERCE",
    ("use", "cannon"): "COERCE",
}

LEXICON = {
    "fr": {"VERB": FR_VERBS, "NOUN": FR_NOUNS, "MULTI": {k: _parse({"x": v}, "VERB")["x"] for k, v in FR_MULTI.items()}},
    "en": {"VERB": EN_VERBS, "NOUN": EN_NOUNS, "MULTI": {k: _parse({"x": v}, "VERB")["x"] for k, v in EN_MULTI.items()}},
}


def _fold(s: str) -> str:
    import unicodedata
    s = unicodedata.normalize("NFKD", s.lower())
    return "".join(c for c in s if not unicodedata.combining(c))


def prefilter_stems(lang: str) -> tuple[str, ...]:
    """Accent-folded stems for the cheap pre-parse pass (a sentence without any of these
    substrings cannot contain a trigger)."""
    lex = LEXICON.get(lang, LEXICON["en"])
    stems = set()
    for table in (lex["VERB"], lex["NOUN"]):
        for lemma in table:
            w = _fold(lemma.split()[0].replace("s'", ""))
            # verb stems: drop the infinitive ending so conjugated forms match
            if table is lex["VERB"]:
                for suf in ("er", "ir", "re", "e"):
                    if w.endswith(suf) and len(w) - len(suf) >= 3:
                        w = w[: -len(suf)]
                        break
            stems.add(w[:max(3, min(len(w), 6))])
    for (h, d) in lex["MULTI"]:
        stems.add(_fold(d)[:4])
    # irregular forms the stem misses
    stems.update({"vu", "reçu", "recu", "mis", "pris", "rend", "tu", "met", "prend", "detien", "retien",
                  "soutien", "soutin", "interdi", "envah", "mi", "spoke", "spoken", "met ", "struck",
                  "shot", "sent", "held", "hit", "told", "sought", "brought", "blew", "fled", "froze", "frozen"})
    return tuple(sorted(stems))


__all__ = ["TriggerSpec", "LEXICON", "prefilter_stems"]
