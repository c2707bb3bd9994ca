"""The article's stretch of a plain-text document (body text extraction in the spirit of
Finn et al.): a comment thread or another story after a run of page furniture is not the
article, even when each of its paragraphs looks like prose."""
from __future__ import annotations

from .blocks import Block

REGION_PENALTY = 4.0  # fixed cost of a removed block: a run of furniture lines separates stories
REGION_CAP = 30.0  # a long removed block (teaser, notice) costs no more than this many words
# removals that only say "not article-like here" (page furniture); those a rule explains
# (teasers, captions, share lines, ...) sit inside articles as well and separate nothing
_UNEXPLAINED = frozenset({"short_block", "low_density", "repeated_line", "recurring_line", "garbage", "empty"})
GAP_BLOCKS, GAP_WORDS = 3, 30  # furniture between two stretches of text that still joins them


def _widen(blocks: list[Block], a: int, z: int) -> tuple[int, int]:
    """Grow the region over small gaps: a caption or a share line between two paragraphs of
    the same article does not make the second one another story."""
    for step in (1, -1):
        i = z if step == 1 else a
        gap_blocks = gap_words = 0
        j = i + step
        while 0 <= j < len(blocks):
            b = blocks[j]
            if b.reason is None:
                i, gap_blocks, gap_words = j, 0, 0
            elif b.reason in _UNEXPLAINED:
                gap_blocks += 1
                gap_words += b.words
                if gap_blocks >= GAP_BLOCKS or gap_words >= GAP_WORDS:
                    break
            j += step
        if step == 1:
            z = i
        else:
            a = i
    return a, z


def main_region(blocks: list[Block]) -> None:
    """Keep the densest stretch of the document (body text extraction, Finn et al.): kept
    blocks score their words, removed ones cost theirs plus a fixed penalty; the maximum-sum
    run of blocks is the article and kept blocks outside it become `outside_main` (a comment
    thread or another story after a run of page furniture)."""
    best, best_span = 0.0, None
    run, start = 0.0, 0
    for i, b in enumerate(blocks):
        if b.reason is None:
            gain = float(b.words)
        elif b.reason not in _UNEXPLAINED:
            gain = 0.0  # the title, or boilerplate a rule recognised inside the article
        else:
            gain = -(min(b.words, REGION_CAP) + REGION_PENALTY)
        if run <= 0:
            run, start = 0.0, i
        run += gain
        if run > best:
            best, best_span = run, (start, i)
    if best_span is None:
        return
    a, z = _widen(blocks, *best_span)
    for i, b in enumerate(blocks):
        if b.reason is None and not a <= i <= z:
            b.reason = "outside_main"
