"""The date patterns are skipped on texts lacking the words they require (pipeline.text.temporal.literals):
the required words come from the patterns themselves and a skipped pattern never had a match."""
import random
import re

from pipeline.text.temporal import lexicon, periods
from pipeline.text.temporal.literals import LiteralGate, required_literals


def _patterns():
    pats = {n: p for n, p in vars(lexicon).items() if isinstance(p, re.Pattern)}
    pats.update({f"periods.{n}": p for n, p in vars(periods).items() if isinstance(p, re.Pattern)})
    pats.update({f"anchor.{k}.{i}": p for i, (k, p) in enumerate(lexicon.ANCHOR_PATTERNS)})
    return pats


def test_required_literals_read_from_the_pattern():
    assert set(required_literals(re.compile(r"(?<!\w)(?:il y a|voici)\s+\d+ jours", re.I))) == \
        {("il y a", "voici"), (" jours",)}  # every match holds one word of each set
    # classes of a few letters and optional parts are followed; a word of the alternation is enough
    assert required_literals(re.compile(r"le m[eê]me jour|the (?:same )?day", re.I)) == \
        (("le meme jour", "le même jour", "the day", "the same day"),)
    # case kept when the pattern does not ignore case
    assert required_literals(re.compile(r"Mardi|Jeudi")) == (("Jeudi", "Mardi"),)
    # nothing required: digits, classes, a branch with an empty alternative
    assert required_literals(re.compile(r"\d+/\d+")) == (("/",),)
    assert required_literals(re.compile(r"\d+")) is None
    assert required_literals(re.compile(r"(?:foo|)\d", re.I)) is None
    assert required_literals(re.compile(r"(?i:foo)bar")) is None  # inline case flags: not followed


def test_gate_skips_only_texts_without_the_words():
    rx = re.compile(r"(?<![\w'])(?:le|au) lendemain(?!\w)", re.I)
    assert list(LiteralGate("Rien ce jour-là.").finditer(rx)) == []
    assert not LiteralGate("Rien ce jour-là.").may_match(rx)
    assert [m.group(0) for m in LiteralGate("Au LENDEMAIN du vote").finditer(rx)] == ["Au LENDEMAIN"]
    # characters IGNORECASE equates with i or s although str.lower() does not: always scanned
    ago = re.compile(r"il y a \d+ jours", re.I)
    assert LiteralGate("\u0130l y a 3 jours").may_match(ago) and ago.search("\u0130l y a 3 jours")
    assert LiteralGate("\u0131l y a 3 jours").may_match(ago) and ago.search("\u0131l y a 3 jours")
    assert LiteralGate("ıl y a 3 jour\u017f").may_match(re.compile(r"jours", re.I))


def test_skipped_patterns_have_no_match_on_random_texts():
    pats = _patterns()
    assert sum(required_literals(p) is not None for p in pats.values()) >= len(pats) - 2
    vocab = sorted({w for p in pats.values() for w in re.findall(r"[^\W\d_]+(?:['-][^\W\d_]+)*", p.pattern)}
                   | {"2024", "3", "1er", "21st", "il y a", "\u0130l", "\u017fince", "\u0131n", "ÉTÉ", "Août"})
    rng = random.Random(11)
    skipped = 0
    for _ in range(3000):
        toks = [rng.choice(vocab) for _ in range(rng.randint(1, 9))]
        toks = [t.upper() if rng.random() < .1 else t.capitalize() if rng.random() < .2 else t for t in toks]
        text = "".join(t + rng.choice([" ", " ", "  ", "\n", ", ", ". ", "-", "'"]) for t in toks)
        gate = LiteralGate(text)
        for name, p in pats.items():
            found = [m.span() for m in p.finditer(text)]
            assert [m.span() for m in gate.finditer(p)] == found, (name, text)
            skipped += not gate.may_match(p)
    assert skipped > 1000  # the gate does skip patterns
