"""Extraction does not depend on what parsed a sentence before (the parse cache, lazy entities)."""
import re
from datetime import date
from pathlib import Path

from pipeline.extract.events import extract_many

ROOT = Path(__file__).resolve().parents[2]


def _items():
    for lang in ("fr", "en"):
        for path in sorted((ROOT / "tests/data/dev" / lang).glob("*.txt"))[:8]:
            yield (path.stem, path.read_text(encoding="utf-8"), lang, date(2026, 3, 1), None)


def _digest(batches):
    return [[(m.sentence_index, m.event_type, m.mode, [a.country for a in m.actor],
              [r.country for r in m.recipient], m.event_date, m.status) for m in ms] for ms in batches]


def test_a_second_pass_over_cached_parses_gives_the_same_mentions():
    items = list(_items())
    first = _digest(extract_many(items, batch_size=64))
    second = _digest(extract_many(items, batch_size=3))  # cached Docs, entities now computed for some
    assert first == second


def test_entity_labels_are_read_only_through_ent_type():
    # a raw tok.ent_type_ reads "" while a Doc's recogniser is pending (pipeline.text.nlp.ent_type)
    for path in (ROOT / "pipeline" / "extract").glob("*.py"):
        assert not re.search(r"\.ent_type_\b", path.read_text(encoding="utf-8")), path.name
