"""Tests for the synthetic benchmark corpus generator (fast: a few hundred small files)."""
from __future__ import annotations

import hashlib
import json
import re
import time
from pathlib import Path

import pytest

from pipeline.lab.bench_corpus import PLOVER_TYPES, generate_corpus, main


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[Path]:
    return generate_corpus(200, tmp_path_factory.mktemp("bench"), seed=7)


def _digest(paths: list[Path]) -> list[str]:
    return [hashlib.sha256(p.read_bytes()).hexdigest() for p in paths]


def test_count_and_files_exist(corpus):
    assert len(corpus) == 200
    assert all(p.is_file() and p.stat().st_size > 0 for p in corpus)
    assert len({p.name for p in corpus}) == 200


def test_deterministic_for_seed(tmp_path, corpus):
    again = generate_corpus(200, tmp_path / "again", seed=7)
    assert [p.name for p in again] == [p.name for p in corpus]
    assert _digest(again) == _digest(corpus)


def test_other_seed_differs(tmp_path, corpus):
    other = generate_corpus(200, tmp_path / "other", seed=8)
    assert set(_digest(other)).isdisjoint(_digest(corpus))


def test_prefix_stable(tmp_path, corpus):
    # file i does not depend on n: a smaller corpus is a prefix (except the forced tail files)
    small = generate_corpus(50, tmp_path / "small", seed=7)
    assert _digest(small[:45]) == _digest(corpus[:45])


def test_contents_unique(corpus):
    digests = _digest(corpus)
    assert len(set(digests)) == len(digests)


def test_formats_present(corpus):
    exts = [p.suffix for p in corpus]
    assert exts.count(".txt") >= 0.65 * len(corpus)
    assert exts.count(".html") >= 0.05 * len(corpus)
    assert ".jsonl" in exts
    for p in corpus:
        if p.suffix == ".jsonl":
            lines = p.read_text(encoding="utf-8").splitlines()
            assert len(lines) >= 3
            for line in lines:
                rec = json.loads(line)
                assert rec["url"].startswith("https://") and rec["title"]
                assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", rec["published"])
                assert ("text" in rec) != ("html" in rec)
        elif p.suffix == ".html":
            t = p.read_text(encoding="utf-8")
            for marker in ("<title>", 'property="og:title"', "article:published_time", 'rel="canonical"',
                           "application/ld+json", "<article>", "<figcaption>", "<footer>"):
                assert marker in t, (p.name, marker)


def test_languages_present(corpus):
    fr = [p for p in corpus if "_fr." in p.name]
    en = [p for p in corpus if "_en." in p.name]
    assert 0.45 * len(corpus) <= len(fr) <= 0.75 * len(corpus)
    assert len(en) >= 0.25 * len(corpus)
    assert " le " in fr[0].read_text(encoding="utf-8")
    assert " the " in en[0].read_text(encoding="utf-8")


def test_txt_style_and_size(corpus):
    txts = [p.read_text(encoding="utf-8") for p in corpus if p.suffix == ".txt"]
    assert any(t.startswith(" date ") for t in txts)
    assert any(not t.startswith(" date ") for t in txts)
    joined = "\n".join(txts)
    for marker in (" n", "Ce site utilise des cookies", "This site uses cookies", "Articles connexes",
                   "Related articles", "Image générée par IA", "Ce que les gens disent"):
        assert marker in joined, marker
    sizes = sorted(len(t.encode()) for t in txts)
    assert sizes[len(sizes) // 2] > 2000 and sizes[-1] < 12000
    for t in txts:
        n_par = len([x for x in t.split("\n\n") if x.strip()])
        assert n_par >= 5


def test_event_types_all_covered(corpus):
    # every PLOVER type has templates and the generator draws from all of them
    from pipeline.lab.bench_corpus import _EV

    for lang in ("fr", "en"):
        assert set(_EV[lang]) == set(PLOVER_TYPES)


def test_fast(tmp_path):
    t0 = time.perf_counter()
    generate_corpus(400, tmp_path, seed=3)
    assert time.perf_counter() - t0 < 2.0


def test_cli(tmp_path, capsys):
    assert main(["12", str(tmp_path / "cli"), "--seed", "1"]) == 0
    assert len(list((tmp_path / "cli").iterdir())) == 12
