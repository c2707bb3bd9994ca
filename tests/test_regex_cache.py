"""The disk cache of compiled regex programs gives the same patterns as `re` itself, and falls
back to compiling whenever an entry is missing, corrupt or unwritable."""
from __future__ import annotations

import random
import re
from re import _compiler

import pytest

from pipeline.text import regex_cache


def _big_pattern(rng: random.Random) -> str:
    """A long case-insensitive alternation with Unicode classes and named groups, like spaCy's."""
    words = ["".join(rng.choice("abcdéèàçœxyz-'") for _ in range(rng.randint(2, 9))) for _ in range(260)]
    body = "|".join(f"(?:{re.escape(w)}[\\wÀ-ÿ]*)" for w in words)
    return f"(?iu)(?P<head>{body})(?:-(?P<tail>[a-zà-ÿ]+))?"


def _samples(rng: random.Random, n: int = 300) -> list[str]:
    return ["".join(rng.choice("abcdéÉèÀàçŒœxyzXYZ-' ") for _ in range(rng.randint(1, 14))) for _ in range(n)]


@pytest.fixture()
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSEVENTS_REGEX_CACHE", str(tmp_path / "regex"))
    re.purge()
    yield tmp_path / "regex"
    re.purge()


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_cached_program_matches_like_re(cache, seed):
    rng = random.Random(seed)
    pattern = _big_pattern(rng)
    assert len(pattern) >= regex_cache.MIN_LENGTH
    reference = _compiler.compile(pattern, 0)
    with regex_cache.cached_regex_programs():
        first = re.compile(pattern)
    re.purge()
    with regex_cache.cached_regex_programs():
        second = re.compile(pattern)  # from the file written by the first
    assert len(list(cache.glob("*.pickle"))) == 1
    assert first.groupindex == second.groupindex == reference.groupindex
    assert first.flags == second.flags == reference.flags
    for text in _samples(rng):
        expected = reference.match(text)
        for compiled in (first, second):
            got = compiled.match(text)
            assert (got and (got.span(), got.groupdict())) == (expected and (expected.span(), expected.groupdict()))


def test_hit_skips_the_compiler(cache, monkeypatch):
    pattern = _big_pattern(random.Random(4))
    with regex_cache.cached_regex_programs():
        re.compile(pattern)
    re.purge()

    def no_compiling(*_a, **_k):
        raise AssertionError("compiled again although the program was cached")

    monkeypatch.setattr(_compiler, "_code", no_compiling)
    with regex_cache.cached_regex_programs():
        assert re.compile(pattern).pattern == pattern


def test_corrupt_entry_is_recompiled_and_rewritten(cache):
    pattern = _big_pattern(random.Random(5))
    with regex_cache.cached_regex_programs():
        re.compile(pattern)
    (entry,) = cache.glob("*.pickle")
    entry.write_bytes(b"not a pickle")
    re.purge()
    with regex_cache.cached_regex_programs():
        compiled = re.compile(pattern)
    assert compiled.pattern == pattern and compiled.groupindex == _compiler.compile(pattern, 0).groupindex
    assert entry.read_bytes() != b"not a pickle"


def test_unwritable_cache_falls_back(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("NEWSEVENTS_REGEX_CACHE", str(blocker / "regex"))  # a directory under a file
    re.purge()
    pattern = _big_pattern(random.Random(6))
    with regex_cache.cached_regex_programs():
        compiled = re.compile(pattern)
    assert compiled.pattern == pattern and compiled.groupindex == _compiler.compile(pattern, 0).groupindex


def test_off_and_short_patterns_write_nothing(cache, monkeypatch):
    with regex_cache.cached_regex_programs():
        re.compile("(?i)short|pattern")
    assert not cache.exists()
    monkeypatch.setenv("NEWSEVENTS_REGEX_CACHE", "0")
    assert regex_cache.cache_dir() is None
    with regex_cache.cached_regex_programs():
        re.compile(_big_pattern(random.Random(7)))
    assert not cache.exists()
    assert _compiler.compile.__name__ == "compile"  # restored on exit
