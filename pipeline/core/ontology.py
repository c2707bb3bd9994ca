"""PLOVER event ontology used by the extractor and the warehouse.

PLOVER (Political Language Ontology for Verifiable Event Records) has 16 event
types, grouped into four "quad classes".  Each type may carry a *mode* that
refines it when the text says how (a CONSULT by phone, an ASSAULT from the air...).

``INTENSITY`` is a Goldstein-like score on the -10 (most conflictual) .. +10
(most cooperative) scale, one value per PLOVER type.  Values follow the Goldstein
(1992) weights of the CAMEO root code each type maps to (``CAMEO_ROOT``), averaged
over the root's sub-codes and rounded to the half point:

    AGREE +4.0 (CAMEO 03 express intent to cooperate / 057 sign agreement)
    CONSULT +1.0 (04)      SUPPORT +3.5 (05)   CONCEDE +5.0 (08 yield)
    COOPERATE +6.0 (06)    AID +7.0 (07)       RETREAT +4.5 (087 de-escalate)
    REQUEST -1.0 (02/10: PLOVER files requests *and* demands under verbal conflict)
    ACCUSE -2.0 (11/09)    REJECT -4.0 (12)    THREATEN -6.0 (13)
    PROTEST -6.5 (14)      SANCTION -4.5 (16)  MOBILIZE -7.0 (15)
    COERCE -7.0 (17)       ASSAULT -9.5 (18-20)
"""
from __future__ import annotations

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE",
    "COOPERATE", "AID", "RETREAT",
    "REQUEST", "ACCUSE", "REJECT", "THREATEN",
    "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)

VERBAL_COOPERATION = "verbal cooperation"
MATERIAL_COOPERATION = "material cooperation"
VERBAL_CONFLICT = "verbal conflict"
MATERIAL_CONFLICT = "material conflict"
QUAD_CLASSES: tuple[str, ...] = (VERBAL_COOPERATION, MATERIAL_COOPERATION, VERBAL_CONFLICT, MATERIAL_CONFLICT)

QUAD_CLASS: dict[str, str] = {
    "AGREE": VERBAL_COOPERATION, "CONSULT": VERBAL_COOPERATION,
    "SUPPORT": VERBAL_COOPERATION, "CONCEDE": VERBAL_COOPERATION,
    "COOPERATE": MATERIAL_COOPERATION, "AID": MATERIAL_COOPERATION, "RETREAT": MATERIAL_COOPERATION,
    "REQUEST": VERBAL_CONFLICT, "ACCUSE": VERBAL_CONFLICT,
    "REJECT": VERBAL_CONFLICT, "THREATEN": VERBAL_CONFLICT,
    "PROTEST": MATERIAL_CONFLICT, "SANCTION": MATERIAL_CONFLICT, "MOBILIZE": MATERIAL_CONFLICT,
    "COERCE": MATERIAL_CONFLICT, "ASSAULT": MATERIAL_CONFLICT,
}

# Modes: the PLOVER sub-categories the extractor can recognise from the wording.
MODES: dict[str, tuple[str, ...]] = {
    "AGREE": ("meet", "settle", "ceasefire", "treaty", "mediate", "release", "policy"),
    "CONSULT": ("phone", "visit", "host", "third-party", "multilateral", "meet"),
    "SUPPORT": ("praise", "diplomatic", "recognize", "apologize", "forgive"),
    "CONCEDE": ("policy", "release", "return", "ease_sanctions", "disarm", "accede"),
    "COOPERATE": ("economic", "military", "intelligence", "judicial", "migration", "diplomatic"),
    "AID": ("economic", "military", "humanitarian", "asylum"),
    "RETREAT": ("withdraw", "release", "return", "disarm", "ceasefire"),
    "REQUEST": ("mediate", "aid", "meet", "policy", "cooperate", "release", "ceasefire"),
    "ACCUSE": ("disapprove", "allege", "investigate", "human_rights", "war_crimes", "corruption"),
    "REJECT": ("meet", "request", "accusation", "policy", "cooperate"),
    "THREATEN": ("non-force", "violence", "sanction", "ultimatum", "nuclear"),
    "PROTEST": ("demo", "riot", "strike", "hunger", "obstruct", "boycott"),
    "SANCTION": ("economic", "diplomatic", "expel", "visa", "convict", "embargo", "break_relations"),
    "MOBILIZE": ("troops", "police", "weapons", "militia", "alert", "population"),
    "COERCE": ("seize", "arrest", "deport", "ban", "censor", "curfew", "designate", "cyber"),
    "ASSAULT": ("aerial", "abduct", "firearms", "explosives", "beat", "assassinate",
                "naval", "ground", "torture", "sexual", "cbrn"),
}

INTENSITY: dict[str, float] = {
    "AGREE": 4.0, "CONSULT": 1.0, "SUPPORT": 3.5, "CONCEDE": 5.0,
    "COOPERATE": 6.0, "AID": 7.0, "RETREAT": 4.5,
    "REQUEST": -1.0, "ACCUSE": -2.0, "REJECT": -4.0, "THREATEN": -6.0,
    "PROTEST": -6.5, "SANCTION": -4.5, "MOBILIZE": -7.0, "COERCE": -7.0, "ASSAULT": -9.5,
}

# PLOVER type -> CAMEO root code(s) ("18,19,20" when several roots collapse into one type).
CAMEO_ROOT: dict[str, str] = {
    "AGREE": "03", "CONSULT": "04", "SUPPORT": "05", "CONCEDE": "08",
    "COOPERATE": "06", "AID": "07", "RETREAT": "08",
    "REQUEST": "02", "ACCUSE": "11,09", "REJECT": "12", "THREATEN": "13",
    "PROTEST": "14", "SANCTION": "16", "MOBILIZE": "15", "COERCE": "17", "ASSAULT": "18,19,20",
}

SECTORS: dict[str, str] = {
    "GOV": "government / executive (head of state or government, ministers, the state as a whole)",
    "MIL": "military / armed forces",
    "REB": "rebels, insurgents, armed non-state groups",
    "CRM": "criminal organisations (cartels, gangs, traffickers)",
    "CVL": "civilians, protesters, the population",
    "BUS": "business, companies",
    "MED": "media, journalists",
    "IGO": "intergovernmental organisation",
    "NGO": "non-governmental organisation",
    "JUD": "judiciary, courts, prosecutors",
    "LEG": "legislature, parliament",
    "POL": "political party or opposition politician",
    "COP": "police and law enforcement",
    "REL": "religious actor",
    "SPY": "intelligence services",
}

STATUSES: tuple[str, ...] = ("asserted", "negated", "hypothetical", "future")
PUBLISHED_STATUSES: frozenset[str] = frozenset({"asserted", "future"})

__all__ = [
    "PLOVER_TYPES", "QUAD_CLASSES", "QUAD_CLASS", "MODES", "INTENSITY", "CAMEO_ROOT",
    "SECTORS", "STATUSES", "PUBLISHED_STATUSES",
]
