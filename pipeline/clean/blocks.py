"""The units cleaning works on: a text block with its verdict, and a document split into blocks."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from pipeline.core.models import RawDocument, RemovedBlock

# a live blog's entry stamp, alone or opening the entry's headline ("11:20 JST", "14h05",
# "18h47 - L'opposition rejette le report", "2.30pm: Talks resume")
_LIVE_STAMP = re.compile(r"^\d{1,2}\s?[:hH.]\s?\d{2}(\s?(?:[ap]\.?m\.?|[A-Z]{2,5}|UTC[+-]\d{1,2}))?"
                         r"(\s*[-–—|:]\s+\S.*)?$")


def is_live_entry_head(text: str) -> bool:
    """Does the line open a live blog's entry (a time stamp, alone or before the entry's headline)?"""
    return bool(_LIVE_STAMP.match(text.strip()))


@dataclass
class Block:
    text: str
    start: int | None = None
    end: int | None = None
    reason: str | None = None  # None = kept
    kind: str = ""  # density class: good / short / bad
    words: int = 0
    heading_like: bool = False
    meta: dict = field(default_factory=dict)

    @property
    def kept(self) -> bool:
        return self.reason is None


@dataclass
class Prepared:
    """A document split into blocks, before boilerplate classification."""

    doc: RawDocument
    blocks: list[Block]
    removed: list[RemovedBlock] = field(default_factory=list)
    title: str | None = None
    published: date | None = None
    published_source: str | None = None
    language_hint: str | None = None
    canonical_url: str | None = None
    notes: list[str] = field(default_factory=list)
    pre_extracted: bool = False
    keys: tuple | None = None  # (story keys, line keys) for learning recurring lines, when computed ahead
