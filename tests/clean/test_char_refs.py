"""Plain-text dumps saved from a page's source keep HTML character references ("l&#8217;Ouganda",
"accus&eacute;"): the cleaner decodes them, so such a dump gives the body of the same text written
out. Dumps are generated (seeded): random characters of invented articles replaced by numeric,
hexadecimal or named references."""
from __future__ import annotations

import html.entities
import random

import pytest

from pipeline.clean import clean_document
from pipeline.clean.text import repair_char_refs

PARAGRAPHS = [
    "Le Kenya a accusé mardi l’Ouganda d’avoir violé sa frontière « à plusieurs reprises ».",
    "Les deux ministres se sont entretenus à Nairobi ; aucun accord n’a été signé.",
    "Egypt’s foreign minister said the talks were “constructive” — but no date was set.",
    "Chile imposed a 25% tariff on Argentine steel, effective from 1 March.",
    "À Kinshasa, la police a dispersé des manifestants près du Palais du peuple.",
]
_NAMED = {ch: name for name, ch in html.entities.html5.items() if name.endswith(";") and len(ch) == 1}


def _encode(text: str, rnd: random.Random) -> str:
    out = []
    for ch in text:
        if (ord(ch) > 127 or ch in "&'\"") and rnd.random() < 0.7:
            kind = rnd.choice(["dec", "hex", "named"])
            if kind == "named" and ch in _NAMED:
                out.append(f"&{_NAMED[ch]}")
            elif kind == "hex":
                out.append(f"&#x{ord(ch):x};")
            else:
                out.append(f"&#{ord(ch)};")
        else:
            out.append(ch)
    return "".join(out)


@pytest.mark.parametrize("seed", range(8))
def test_dump_with_references_cleans_like_the_written_text(seed, make_doc):
    rnd = random.Random(seed)
    paras = rnd.sample(PARAGRAPHS, k=4)
    header = " date 2026-03-04 "
    plain = header + "\n\n".join(paras) + "\n"
    encoded = header + "\n\n".join(_encode(p, rnd) for p in paras) + "\n"
    assert encoded != plain
    want = clean_document(make_doc(plain, name="plain")).body
    got = clean_document(make_doc(encoded, name="encoded"))
    assert got.body == want
    assert any(n.startswith("decoded_char_refs:") for n in got.notes)


@pytest.mark.parametrize("text", ["AT&T and R&D spending", "Q&A: what next?", "prix &lt 5", "R&D;", "&unknownentity;"])
def test_text_that_only_looks_like_references_stays(text):
    assert repair_char_refs(text) == text
