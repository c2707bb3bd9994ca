"""What a page's typography and layout add around the sentences must not change the events:
live-blog time stamps opening a line, typographic apostrophes and quotes, narrow no-break spaces,
Windows line ends. Articles and variants are generated (seeded), the sentences invented."""
from __future__ import annotations

import random
import re
from datetime import date

import pytest

from pipeline.extract.events import extract_mentions
from pipeline.extract.sentences import split_sentences

SENTENCES = {
    "fr": [
        "Le Kenya a accusé mardi l'Ouganda d'avoir violé sa frontière.",
        "La police a dispersé les manifestants à Nairobi.",
        "Le Premier ministre éthiopien s'est entretenu avec son homologue somalien.",
        "L'Égypte a rappelé son ambassadeur au Soudan.",
        "Les deux pays ont signé un accord de coopération sur l'eau.",
        "Le Maroc a livré de l'aide humanitaire au Liban.",
    ],
    "en": [
        "Kenya accused Uganda on Tuesday of violating its border.",
        "Police dispersed protesters in Nairobi.",
        "The Ethiopian prime minister held talks with his Somali counterpart.",
        "Egypt recalled its ambassador to Sudan.",
        "Morocco delivered humanitarian aid to Lebanon.",
        "Chile imposed tariffs on Argentine steel.",
    ],
}
STAMPS = ["14h32 — ", "9h05 - ", "[09:15] ", "[ 21:40 ] — ", "2:40 pm — ", "10.30 | ", "18 h : ", "07:00 GMT - ",
          "11:45 UTC – "]
BULLETS = ["• ", "•", "▪ ", "- ", "– ", "* ", "► ", "✓ "]


def _article(lang: str, rnd: random.Random) -> list[str]:
    return rnd.sample(SENTENCES[lang], k=4)


def _events(body: str, lang: str):
    ms = extract_mentions("a", body, lang, date(2026, 3, 4))
    return sorted((m.event_type, tuple(a.country or "" for a in m.actor), tuple(r.country or "" for r in m.recipient),
                   str(m.event_date), m.status) for m in ms)


@pytest.mark.parametrize("seed", range(6))
def test_time_stamps_are_not_part_of_sentences(seed):
    rnd = random.Random(seed)
    lines = [s for lang in ("fr", "en") for s in _article(lang, rnd)]
    stamped = [rnd.choice(STAMPS) + s for s in lines]
    body = "\n".join(stamped)
    assert [body[a:b] for a, b in split_sentences(body)] == lines


@pytest.mark.parametrize("seed", range(4))
def test_bullets_are_not_part_of_sentences(seed):
    rnd = random.Random(300 + seed)
    lines = [s for lang in ("fr", "en") for s in _article(lang, rnd)]
    body = "\n".join(rnd.choice(BULLETS) + s for s in lines)
    assert [body[a:b] for a, b in split_sentences(body)] == lines


def test_numbers_and_years_opening_a_line_stay():
    body = "2026 : une année de crises.\n12 soldats ont été tués.\n3 h plus tard, rien."
    assert [body[a:b] for a, b in split_sentences(body)] == body.split("\n")[:2] + ["3 h plus tard, rien."]


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("seed", range(3))
def test_events_do_not_depend_on_layout(lang, seed, nlp_fr, nlp_en):
    rnd = random.Random(1000 + seed)
    paras = _article(lang, rnd)
    plain = "\n\n".join(paras)
    variants = {
        "stamps": "\n\n".join(rnd.choice(STAMPS) + p for p in paras),
        "typographic": re.sub(r" ([:;!?])", "\u202f\\1", plain.replace("'", "\u2019")),
        "crlf": plain.replace("\n", "\r\n"),
        "bullets": "\n\n".join(rnd.choice(BULLETS) + p for p in paras),
        "bullets+stamps": "\n".join(rnd.choice(BULLETS) + rnd.choice(STAMPS) + p for p in paras),
    }
    want = _events(plain, lang)
    assert want, "the invented article must hold events"
    for name, body in variants.items():
        assert _events(body, lang) == want, name


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("seed", range(3))
def test_single_quotes_end_sentences_as_double_quotes_do(lang, seed, nlp_fr, nlp_en):
    """British-style quoting (‘…’ or '…') closes a sentence like “…” does: the next sentence is not
    glued to the quoted one."""
    rnd = random.Random(2000 + seed)
    paras = _article(lang, rnd)
    double = " ".join(f"\u201c{p}\u201d" for p in paras)
    assert len(split_sentences(double)) == len(paras)
    want = _events(double, lang)
    for name, (left, right) in {"typographic": ("\u2018", "\u2019"), "ascii": ("'", "'")}.items():
        body = " ".join(f"{left}{p}{right}" for p in paras)
        assert len(split_sentences(body)) == len(paras), name
        assert _events(body, lang) == want, name
