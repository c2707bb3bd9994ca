"""The sentence rows the extract stage stores are the sentences its mentions point into:
both come from the worker's split of the text the extractor read (quotes, apostrophes and
spaces normalised), so a mention's sentence_index always names the sentence holding its trigger."""
from __future__ import annotations

import random

from pipeline.run.stages import _extract_chunk

_QUOTES = ["‘{}’", "“{}”", "« {} »", "'{}'", "{}"]
_FR = ["La France a condamné l'attaque contre le Mali.", "Le Maroc a rappelé son ambassadeur en Algérie.",
       "Le Sénégal et la Gambie ont signé un accord de pêche.", "Il faut du calme.", "Stop."]
_EN = ["Russia attacked Ukraine.", "Kenya recalled its ambassador from Uganda.", "Stop.",
       "Japan and India signed a defence pact.", "We will not accept this."]


def _body(rng: random.Random, sentences: list[str]) -> str:
    parts = [rng.choice(_QUOTES).format(rng.choice(sentences)) for _ in range(rng.randint(2, 6))]
    return rng.choice([" ", "\n", "  "]).join(parts)


def test_mentions_point_into_their_stored_sentences():
    rng = random.Random(11)
    items = [(f"a{i}", _body(rng, _FR if i % 2 else _EN), "fr" if i % 2 else "en", "2026-03-02", None)
             for i in range(40)]
    found = 0
    for item, result in zip(items, _extract_chunk(items)):
        assert not isinstance(result, Exception), result
        mentions, spans = result
        for m in mentions:
            start, end = spans[m.sentence_index]
            assert start <= m.trigger_start < m.trigger_end <= end, (item[1], m)
            found += 1
    assert found >= 20
