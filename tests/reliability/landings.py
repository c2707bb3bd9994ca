"""A seeded generator of landing folders that mix good articles with poisoned inputs of every kind
found so far. Each file it writes is labelled with what must become of it, so a test can check
that every input is published or quarantined with a reason, and that every good one is published."""
from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path

COUNTRIES_FR = [("la France", "Paris"), ("l'Allemagne", "Berlin"), ("l'Italie", "Rome"), ("l'Espagne", "Madrid"),
                ("la Pologne", "Varsovie"), ("le Kenya", "Nairobi"), ("le Japon", "Tokyo"), ("le Brésil", "Brasilia"),
                ("le Maroc", "Rabat"), ("la Turquie", "Ankara"), ("l'Inde", "New Delhi"), ("le Canada", "Ottawa")]
COUNTRIES_EN = [("France", "Paris"), ("Germany", "Berlin"), ("Italy", "Rome"), ("Spain", "Madrid"),
                ("Poland", "Warsaw"), ("Kenya", "Nairobi"), ("Japan", "Tokyo"), ("Brazil", "Brasilia"),
                ("Morocco", "Rabat"), ("Turkey", "Ankara"), ("India", "New Delhi"), ("Canada", "Ottawa")]
VERBS_FR = ["a rencontré", "a accusé", "a menacé", "a félicité", "a critiqué", "a soutenu"]
VERBS_EN = ["met", "accused", "threatened", "praised", "criticised", "backed"]

# what must become of an input: published (an article), quarantined (with a reason), skipped (counted)
PUBLISHED, QUARANTINED, SKIPPED = "published", "quarantined", "skipped"


@dataclass
class Landing:
    folder: Path
    expect: dict[str, str] = field(default_factory=dict)  # file name -> PUBLISHED | QUARANTINED | SKIPPED
    kinds: dict[str, str] = field(default_factory=dict)  # file name -> generator kind


def _story_fr(rng: random.Random) -> str:
    (a, city), (b, _) = rng.sample(COUNTRIES_FR, 2)
    verb = rng.choice(VERBS_FR)
    day = rng.randint(1, 27)
    return (f"Le gouvernement de {a.split(' ', 1)[-1]} {verb} le {day} février 2026 {b} à {city}, selon un communiqué "
            f"officiel publié dans la soirée. Les deux pays ont annoncé de nouvelles discussions le mois prochain. "
            f"Un porte-parole a précisé que les ministres se retrouveraient pour un sommet consacré au commerce.")


def _story_en(rng: random.Random) -> str:
    (a, city), (b, _) = rng.sample(COUNTRIES_EN, 2)
    verb = rng.choice(VERBS_EN)
    day = rng.randint(1, 27)
    return (f"The government of {a} {verb} {b} in {city} on February {day}, 2026, officials said in a statement "
            f"released late on Tuesday. The two countries announced new talks for next month, and a spokesman "
            f"said ministers would meet again at a summit devoted to trade and investment.")


def _good_txt(rng, lang):
    body = _story_fr(rng) if lang == "fr" else _story_en(rng)
    title = "Diplomatie : nouvelle rencontre" if lang == "fr" else "Diplomacy: a new meeting"
    return f" date 2026-02-{rng.randint(10, 28)} {title}\n{body}\n\n{body.split('. ')[1]}.\n".encode()


def _good_html(rng, lang):
    body = _story_fr(rng) if lang == "fr" else _story_en(rng)
    return (f'<html lang="{lang}"><head><title>News</title><meta property="article:published_time" '
            f'content="2026-02-{rng.randint(10, 28)}"></head><body><nav>Home | World</nav><article><h1>News</h1>'
            f"<p>{body}</p></article><footer>Cookies</footer></body></html>").encode()


def _jsonl(rng, rows):
    return ("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n").encode()


def _good_jsonl_row(rng):
    lang = rng.choice(["fr", "en"])
    return {"title": "T", "published": f"2026-02-{rng.randint(10, 28)}", "language": lang,
            "text": _story_fr(rng) if lang == "fr" else _story_en(rng)}


POISON = {  # kind -> (name suffix, bytes maker, fate)
    "empty": (".txt", lambda rng: b"", QUARANTINED),
    "binary": (".txt", lambda rng: bytes(rng.randrange(256) for _ in range(400)) + b"\x00\x00", QUARANTINED),
    "archive": (".txt", lambda rng: b"PK\x03\x04" + bytes(200), QUARANTINED),
    "unsupported": (".pdf", lambda rng: b"%PDF-1.4 not an article", QUARANTINED),
    "jsonl_all_bad": (".jsonl", lambda rng: b"{not json\n[1, 2\n", QUARANTINED),
    "jsonl_no_text": (".jsonl", lambda rng: _jsonl(rng, [{"title": "x", "published": "2026-02-01"}]), QUARANTINED),
    "boilerplate_only": (".txt", lambda rng: "Ce site utilise des cookies. Accepter Refuser\n".encode(), QUARANTINED),
    "future_published": (".jsonl", lambda rng: _jsonl(rng, [{**_good_jsonl_row(rng), "published": "2030-05-01"}]),
                         QUARANTINED),
    "arabic_page": (".html", lambda rng: (
        '<html lang="ar"><head><title>خبر</title></head><body><article><h1>المغرب والجزائر</h1><p>'
        "التقى ملك المغرب يوم الثلاثاء الرئيس الجزائري في الرباط لمناقشة الحدود المشتركة بين البلدين.</p><p>"
        "ووقع الزعيمان اتفاقا للتعاون الاقتصادي واتفقا على إعادة فتح الحدود المغلقة منذ سنوات.</p></article>"
        "</body></html>").encode(), QUARANTINED),
    "hidden": (".txt", lambda rng: _good_txt(rng, "fr"), SKIPPED),
    "in_progress": (".txt.part", lambda rng: _good_txt(rng, "fr"), SKIPPED),
}
GOOD = {
    "txt_fr": (".txt", lambda rng: _good_txt(rng, "fr")),
    "txt_en": (".txt", lambda rng: _good_txt(rng, "en")),
    "html": (".html", lambda rng: _good_html(rng, rng.choice(["fr", "en"]))),
    "jsonl": (".jsonl", lambda rng: _jsonl(rng, [_good_jsonl_row(rng) for _ in range(rng.randint(1, 3))])),
    "jsonl_mixed": (".jsonl", lambda rng: _jsonl(rng, [_good_jsonl_row(rng)]) + b"{broken line\n"),
}


def generate(folder: Path, seed: int, n_files: tuple[int, int] = (3, 7)) -> Landing:
    """A landing folder of good and poisoned files (at least one good one), reproducible from `seed`."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    landing = Landing(folder)
    n = rng.randint(*n_files)
    for i in range(n):
        if i == 0 or rng.random() < 0.5:
            kind = rng.choice(sorted(GOOD))
            suffix, maker = GOOD[kind]
            fate = PUBLISHED
        else:
            kind = rng.choice(sorted(POISON))
            suffix, maker, fate = POISON[kind]
        name = f"{'.' if kind == 'hidden' else ''}f{i:02d}_{kind}{suffix}"
        (folder / name).write_bytes(maker(rng))
        landing.expect[name], landing.kinds[name] = fate, kind
    if rng.random() < 0.2:  # the same bytes under a second name: one document, both files accounted for
        first = next(n for n, f in landing.expect.items() if f == PUBLISHED)
        twin = f"twin_{first}"
        (folder / twin).write_bytes((folder / first).read_bytes())
        landing.expect[twin], landing.kinds[twin] = PUBLISHED, "twin"
    return landing
