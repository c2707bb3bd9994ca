"""Records passed between the stages: ingest -> clean -> extract -> load.

Plain dataclasses so every stage can be tested without a warehouse; `to_row()`
flattens a record for a DataFrame / Parquet file.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date


@dataclass
class RawDocument:
    """One article as it arrived, before cleaning.

    `doc_id` is the sha256 of the article's raw bytes (the whole file for .txt/.html,
    the line for .jsonl), so the same content under two names is one document.
    """

    doc_id: str
    source_path: str
    file_sha256: str
    fmt: str  # "txt" | "html" | "jsonl"
    raw_text: str
    encoding: str = "utf-8"
    line_no: int | None = None  # 1-based line in a JSONL export
    url: str | None = None
    title_hint: str | None = None
    published_hint: str | None = None
    # For JSONL lines holding HTML instead of text.
    is_html: bool = False


@dataclass
class SourceFile:
    """One file seen in the landing folder during a run."""

    source_path: str
    file_sha256: str | None
    size_bytes: int
    fmt: str | None
    # "ingested" | "quarantined" | "partial" (some JSONL lines quarantined) | "known" | "deferred"
    status: str
    n_documents: int = 0


@dataclass
class Quarantined:
    """An input that could not be ingested, kept with the reason."""

    source_path: str
    file_sha256: str | None
    reason: str  # short machine code, e.g. "empty_file", "binary_content"
    detail: str = ""
    line_no: int | None = None


@dataclass
class RemovedBlock:
    """A span of the raw text cut by the cleaner, with why it was cut."""

    text: str
    reason: str  # e.g. "cookie_banner", "caption", "related_teaser", "duplicate_paragraph"
    start: int | None = None  # offsets in the raw text, when known
    end: int | None = None


@dataclass
class CleanArticle:
    """Article text after boilerplate removal, plus metadata."""

    doc_id: str
    source_path: str
    title: str | None
    # the date relative expressions resolve against: the stated publication date, or one inferred
    # from the text (published_source "inferred"), which is NOT a publication date (see `published`)
    reference_date: date | None
    published_source: str | None  # "header" | "meta" | "jsonld" | "url" | "hint" | "dateline" | "inferred" | None
    language: str  # ISO 639-1, "und" if unknown
    body: str  # paragraphs separated by one blank line; title NOT included
    removed: list[RemovedBlock] = field(default_factory=list)
    canonical_url: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def published(self) -> date | None:
        """The publication date the source states; None when only inferred from the text."""
        return None if self.published_source == "inferred" else self.reference_date

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.body.split("\n\n") if p.strip()]

    def text_with_title(self) -> str:
        """The body as the gold files show it: title on the first line when known."""
        return f"{self.title}\n\n{self.body}" if self.title else self.body


@dataclass
class ActorRef:
    """A party of an event, resolved where possible."""

    text: str  # surface form in the sentence
    name: str | None = None  # canonical entity name from the actor dictionary
    country: str | None = None  # ISO 3166-1 alpha-3
    sector: str | None = None  # GOV, MIL, REB, CRM, CVL, ...
    entity_id: str | None = None

    def to_json(self) -> dict:
        return {"text": self.text, "name": self.name, "country": self.country, "sector": self.sector}


@dataclass
class Place:
    name: str
    country: str | None
    lat: float | None = None
    lon: float | None = None
    precision: str = "none"  # "city" | "admin" | "country" | "none"
    text: str | None = None  # surface form
    source: str = "sentence"  # "sentence" | "article" | "actor_fallback"


@dataclass
class EventMention:
    """One event as one sentence of one article reports it."""

    article_id: str
    sentence_index: int
    sentence: str
    sentence_start: int  # char offset of the sentence in the article body
    sentence_end: int
    event_type: str  # PLOVER type
    trigger: str
    trigger_start: int  # char offset in the article body
    trigger_end: int
    mode: str | None = None
    actor: list[ActorRef] = field(default_factory=list)
    recipient: list[ActorRef] = field(default_factory=list)
    event_date: date | None = None
    date_precision: str | None = None  # "day" | "month" | "year" | None
    date_text: str | None = None
    location: Place | None = None
    status: str = "asserted"  # asserted | negated | hypothetical | future
    reported_by: str | None = None  # speaker when reported speech
    symmetric: bool = False
    confidence: float = 0.5
    notes: list[str] = field(default_factory=list)  # machine-readable fallback reasons / quality flags
    language: str = "fr"

    def to_json(self, source: str | None = None) -> dict:
        """The `newsevents extract` output contract (field names are relied on)."""
        return {
            "source": source,
            "article_id": self.article_id,
            "sentence_index": self.sentence_index,
            "sentence": self.sentence,
            "event_type": self.event_type,
            "mode": self.mode,
            "actor": [a.to_json() for a in self.actor],
            "recipient": [a.to_json() for a in self.recipient],
            "event_date": self.event_date.isoformat() if self.event_date else None,
            "date_precision": self.date_precision,
            "location": asdict(self.location) if self.location else None,
            "status": self.status,
            "confidence": round(float(self.confidence), 3),
            "trigger": self.trigger,
            "trigger_start": self.trigger_start,
            "trigger_end": self.trigger_end,
            "symmetric": self.symmetric,
            "notes": list(self.notes),
        }
