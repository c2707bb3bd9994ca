"""Skipping a date pattern on a text it cannot match, by the literal words its matches require.

`required_literals(pattern)` reads a compiled pattern's own syntax tree (``re._parser``) and
returns a few strings one of which every match contains (case-folded for IGNORECASE patterns),
or None when it cannot tell (a match may be made of classes and digits only). `LiteralGate(text)`
scans a pattern only when the text holds one of them: ``gate.finditer(pattern)`` is
``pattern.finditer(text)`` or an empty iterator, with the same matches either way. The literals
come from the patterns themselves, so a word added to a pattern's vocabulary is never missed.

Case folding: IGNORECASE matching compares characters by their simple lower case, and equates a
few characters that ``str.lower`` keeps apart (ı and i, ſ and s, µ and μ...: the table of
``re._casefix``); a text holding one of those, or İ (whose ``str.lower`` is two characters), is
always scanned.
"""
from __future__ import annotations

import re
from itertools import product

try:  # characters IGNORECASE equates although str.lower() does not (Python >= 3.11)
    from re._casefix import _EXTRA_CASES as _FIXES
except ImportError:  # pragma: no cover - older Pythons: the Latin ones
    _FIXES = {0x69: (0x131,), 0x131: (0x69,), 0x73: (0x17F,), 0x17F: (0x73,), 0xB5: (0x3BC,), 0x3BC: (0xB5,)}
# A text holding one of these is always scanned: the partners of the table but plain i and s (a
# literal i or s is safe when the text has no ı or ſ; a literal ı or ſ is not followed), İ (whose
# str.lower() is two characters), the capital sigma (lower-cased by context) and the Kelvin sign.
_SPECIAL_CODES = frozenset(c for k, v in _FIXES.items() for c in (k, *v)) - {0x69, 0x73} | {0x130, 0x3A3, 0x212A}
CASE_SPECIALS = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_SPECIAL_CODES)) + "]")

try:
    from re import _constants as _c
    from re import _parser as _sre
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _sre  # type: ignore[no-redef]

_EXACT_LIMIT = 64  # largest set of exact strings followed through concatenations
_CLASS_LIMIT = 4  # largest character class read as literal characters ("[eê]")
_ZERO_WIDTH = (_c.AT, _c.ASSERT, _c.ASSERT_NOT)
_REPEATS = tuple(getattr(_c, n) for n in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_c, n))


class _Unknown(Exception):
    """A construct the analysis does not follow (the node then requires nothing)."""


def _char(code: int, icase: bool) -> str:
    ch = chr(code)
    if icase:
        low = ch.lower()
        if len(low) != 1 or not set(_FIXES.get(ord(low), ())) <= _SPECIAL_CODES:
            raise _Unknown(ch)
        return low
    return ch


def _class(items, icase: bool) -> frozenset | None:
    chars = set()
    for op, av in items:
        if op is _c.LITERAL:
            chars.add(_char(av, icase))
        elif op is _c.RANGE and av[1] - av[0] < _CLASS_LIMIT:
            chars.update(_char(c, icase) for c in range(av[0], av[1] + 1))
        else:
            return None
    return frozenset(chars) if len(chars) <= _CLASS_LIMIT else None


def _valid(req: frozenset | None) -> bool:
    return bool(req) and "" not in req


def _score(req: frozenset) -> tuple:
    """Selectivity of a required set: longest shortest string, then fewest strings."""
    return min(map(len, req)), -len(req)


def _best(reqs) -> frozenset | None:
    reqs = [r for r in reqs if _valid(r)]
    return max(reqs, key=_score) if reqs else None


_Info = tuple  # (exact strings or None, required sets: every match contains a string of each)


def _node(op, av, icase: bool) -> _Info:
    """(exact, required) of one node: the strings it matches exactly (None if unbounded) and sets
    of strings, every match containing one string of each set."""
    if op is _c.LITERAL:
        s = frozenset((_char(av, icase),))
        return s, (s,)
    if op is _c.IN:
        s = _class(av, icase)
        return s, (s,) if s else ()
    if op in _ZERO_WIDTH:
        return frozenset(("",)), ()
    if op is _c.SUBPATTERN:
        _group, add, rem, sub = av
        if (add | rem) & (re.IGNORECASE | re.LOCALE):
            raise _Unknown("inline case flags")
        return _seq(sub, icase)
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _seq(av, icase)
    if op is _c.BRANCH:
        infos = [_seq(branch, icase) for branch in av[1]]
        exact = None
        if all(e is not None for e, _r in infos):
            exact = frozenset().union(*(e for e, _r in infos))
            exact = exact if len(exact) <= _EXACT_LIMIT else None
        bests = [_best(r) for _e, r in infos]
        return exact, (() if None in bests else (frozenset().union(*bests),))
    if op in _REPEATS:
        lo, hi, sub = av
        exact, reqs = _seq(sub, icase)
        if lo == 0:
            return (exact | {""} if exact is not None and hi == 1 else None), ()
        return (exact if lo == hi == 1 else None), reqs
    return None, ()  # ANY, NOT_LITERAL, CATEGORY, GROUPREF...: any character(s)


def _seq(items, icase: bool) -> _Info:
    reqs: list = []
    run: frozenset | None = frozenset(("",))  # cross product of the current run of exact nodes
    whole = True  # is `run` the cross product of every node so far?
    for op, av in items:
        exact, node_reqs = _node(op, av, icase)
        reqs.extend(node_reqs)
        if exact is not None and run is not None and len(run) * len(exact) <= _EXACT_LIMIT:
            run = frozenset(a + b for a, b in product(run, exact))
            continue
        reqs.append(run)
        run, whole = exact, False
    reqs.append(run)
    return (run if whole else None), tuple(r for r in reqs if _valid(r))


def _minimal(req: frozenset) -> tuple[str, ...]:
    """`req` without the strings that contain another of its strings (they add no test)."""
    return tuple(sorted(w for w in req if not any(v != w and v in w for v in req)))


_CACHE: dict = {}  # pattern -> (required sets or None, whether the pattern ignores case)
_MAX_TESTS = 3  # required sets tested per pattern, most selective first


def _analyse(pattern: re.Pattern) -> tuple[tuple[str, ...], ...] | None:
    flags = pattern.flags
    if not isinstance(pattern.pattern, str) or flags & (re.LOCALE | re.VERBOSE):
        return None
    try:
        _exact, reqs = _seq(_sre.parse(pattern.pattern, flags), bool(flags & re.IGNORECASE))
    except (_Unknown, RecursionError):
        reqs = ()
    sets = sorted({_minimal(r) for r in reqs}, key=lambda r: _score(frozenset(r)), reverse=True)
    kept: list = []
    for r in [r for r in sets if min(map(len, r)) >= 2] or sets:
        if not any(all(any(b in a for b in r) for a in k) for k in kept):  # not implied by a kept one
            kept.append(r)
    return tuple(kept[:_MAX_TESTS]) or None


def _info(pattern: re.Pattern) -> tuple:
    got = _CACHE.get(pattern)
    if got is None:
        got = _CACHE[pattern] = (_analyse(pattern), bool(pattern.flags & re.IGNORECASE))
    return got


def required_literals(pattern: re.Pattern) -> tuple[tuple[str, ...], ...] | None:
    """Sets of strings, every match of `pattern` containing one string of each set (lower-cased if
    the pattern ignores case), the most selective first; None when no such set is known. Computed
    once per pattern (call it before forking workers to share the result)."""
    return _info(pattern)[0]


class LiteralGate:
    """One text, scanned by each pattern only when it holds one string of each of the pattern's
    required sets (a set shared by several patterns, such as the month names, is looked up once)."""

    __slots__ = ("text", "_low", "_seen")

    def __init__(self, text: str):
        self.text = text
        self._low: str | None = None
        self._seen: dict = {}

    def may_match(self, pattern: re.Pattern) -> bool:
        sets, icase = _info(pattern)
        if sets is None:
            return True
        if icase:
            if self._low is None:
                self._low = "" if CASE_SPECIALS.search(self.text) else self.text.lower()
            if not self._low:
                return True  # a text with a special case-folding character (or empty): scan it
            hay = self._low
        else:
            hay = self.text
        seen = self._seen
        for lits in sets:
            key = (icase, lits)
            hit = seen.get(key)
            if hit is None:
                hit = seen[key] = any(lit in hay for lit in lits)
            if not hit:
                return False
        return True

    def finditer(self, pattern: re.Pattern):
        return pattern.finditer(self.text) if self.may_match(pattern) else iter(())


__all__ = ["CASE_SPECIALS", "LiteralGate", "required_literals"]
