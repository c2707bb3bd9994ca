"""Extraction warms up in the parent before forking its workers (`stages.warm_extractor`
extracts the first article of each language there). One bad article still never blocks the good
ones, and the warm-up changes nothing the workers return. Each seed generates a batch of French
and English articles, some of them poisoned (the extractor raises on them). On some seeds the
poisoned articles include the warmed first article of a language. Every article must come back
exactly once, in order. The poisoned ones come back as errors. The good ones come back with the
mentions a run without poison gives them in one process."""
from __future__ import annotations

import random

import pytest

from .conftest import needs_extract
from .test_faults import break_extraction

pytestmark = needs_extract

PARTIES = {"fr": ["La France", "L'Algérie", "Le Maroc", "Le Sénégal", "Le Mali", "La Tunisie"],
           "en": ["Kenya", "Uganda", "Ghana", "Nigeria", "Peru", "Chile"]}
ACTS = {"fr": ["{a} a accusé {b} d'avoir violé l'accord.", "{a} a condamné l'attaque menée par {b}.",
               "{a} a rappelé son ambassadeur auprès de {b}.", "{a} et {b} ont signé un accord de coopération."],
        "en": ["{a} accused {b} of violating the accord.", "{a} condemned the attack carried out by {b}.",
               "{a} recalled its ambassador to {b}.", "{a} and {b} signed a cooperation agreement."]}


def _batch(rng: random.Random) -> list[dict]:
    articles = []
    for i in range(rng.randint(9, 14)):
        lang = rng.choice(("fr", "en"))
        a, b = rng.sample(PARTIES[lang], 2)
        body = " ".join(rng.choice(ACTS[lang]).format(a=a, b=b.lower() if lang == "fr" else b)
                        for _ in range(rng.randint(1, 3)))
        articles.append({"article_id": f"g{i:02d}", "body": body, "language": lang,
                         "reference_date": "2026-03-12", "title": f"Article {i}"})
    return articles


@pytest.mark.parametrize("seed", range(4))
def test_poisoned_articles_around_the_warm_up_do_not_change_the_good_ones(monkeypatch, seed):
    from pipeline.run import stages

    rng = random.Random(seed)
    articles = _batch(rng)
    expected = {a["article_id"]: found for a, found in
                zip(articles, stages._extract_chunk([stages._article_item(a) for a in articles]))}
    first_of_language = {a["language"]: a["article_id"] for a in reversed(articles)}
    poisoned = {a["article_id"] for a in articles if rng.random() < 0.3}
    if seed % 2 == 0:  # the warmed article itself is bad on half of the seeds
        poisoned |= set(first_of_language.values())
    break_extraction(monkeypatch, lambda article_id, body: article_id in poisoned)
    monkeypatch.setenv("NEWSEVENTS_WORKERS", "2")
    monkeypatch.setattr(stages, "_WARMED", set())  # this process warms again, with the poison in place

    got = list(stages.extract_isolated(articles, chunk=2))

    assert [article_id for article_id, _ in got] == [a["article_id"] for a in articles]
    for article_id, found in got:
        if article_id in poisoned:
            assert isinstance(found, Exception), article_id
        else:
            assert not isinstance(found, Exception), (article_id, found)
            assert found == expected[article_id], article_id
