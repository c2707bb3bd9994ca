"""Compiled regular-expression programs kept on disk for the few huge patterns spaCy builds.

Importing ``spacy.lang.fr`` compiles its tokenizer exceptions into case-insensitive patterns of
tens of thousands of characters; CPython's pure-Python compiler folds the case of every letter
of every character class, which costs ~3.4 s of CPU on each process start (more than loading
the French model itself). The compiled program (a list of integer opcodes) depends only on
the pattern, the flags and the interpreter, so it is computed once and kept in a cache file;
later processes hand it straight to ``_sre.compile``, which is what ``re`` itself does last.

Only patterns of at least `MIN_LENGTH` characters go through the cache. The key holds the
pattern, the flags, the Python version and the ``_sre`` engine's MAGIC and CODESIZE; a missing,
unreadable or corrupt entry is recompiled the normal way (and rewritten), so the cache can be
deleted at any time. ``NEWSEVENTS_REGEX_CACHE=0`` turns it off; ``NEWSEVENTS_REGEX_CACHE=<dir>``
moves it (default ``$XDG_CACHE_HOME/newsevents/regex``, else ``~/.cache/newsevents/regex``).
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Iterator

MIN_LENGTH = 4000


def cache_dir() -> Path | None:
    """Where programs are kept, or None when the cache is off."""
    setting = os.environ.get("NEWSEVENTS_REGEX_CACHE", "").strip()
    if setting.lower() in ("0", "off", "false", "no"):
        return None
    if setting:
        return Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "newsevents" / "regex"


def _key(pattern: str, flags: int) -> str:
    import _sre

    ident = f"{sys.version}\0{_sre.MAGIC}\0{_sre.CODESIZE}\0{flags}\0{pattern}"
    return hashlib.sha256(ident.encode("utf-8", "surrogatepass")).hexdigest()


def _load(path: Path, pattern: str):
    import _sre

    with path.open("rb") as fh:
        stored_pattern, flags, code, groups, groupindex, indexgroup = pickle.load(fh)
    if stored_pattern != pattern:  # a hash collision or a foreign file: never trust it
        raise ValueError("cached program is for another pattern")
    return _sre.compile(pattern, flags, code, groups, groupindex, indexgroup)


def _store(path: Path, pattern: str, flags: int) -> tuple:
    """Compile the way ``re._compiler.compile`` does, keep the program's parts, return them."""
    from re import _compiler, _parser

    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]  # opcodes are int subclasses that do not pickle
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    entry = (pattern, flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(entry, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # atomic: concurrent processes never read half a file
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
    return entry


@contextlib.contextmanager
def cached_regex_programs() -> Iterator[None]:
    """While active, `re.compile` of a long pattern takes its program from the disk cache."""
    from re import _compiler

    directory = cache_dir()
    if directory is None:
        yield
        return
    original = _compiler.compile

    def compile_cached(p, flags=0):
        if not isinstance(p, str) or len(p) < MIN_LENGTH:
            return original(p, flags)
        path = directory / f"{_key(p, flags)}.pickle"
        try:
            return _load(path, p)
        except Exception:  # noqa: BLE001 - missing or unusable entry: compile and keep it
            pass
        try:
            import _sre

            return _sre.compile(*_store(path, p, flags))
        except Exception:  # noqa: BLE001 - read-only home, full disk: the normal way
            return original(p, flags)

    _compiler.compile = compile_cached
    try:
        yield
    finally:
        _compiler.compile = original


__all__ = ["MIN_LENGTH", "cache_dir", "cached_regex_programs"]
