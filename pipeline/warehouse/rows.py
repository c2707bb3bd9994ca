"""Records (pipeline.core.models) to warehouse rows and back: the one place that maps fields to columns."""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from urllib.parse import urlparse

from pipeline.core.models import CleanArticle, EventMention, Quarantined, RawDocument, SourceFile
from pipeline.core.ontology import CAMEO_ROOT, INTENSITY, QUAD_CLASS
from pipeline.warehouse.connection import utcnow


def quarantine_row(q: Quarantined, stage: str, run_id: str, doc_id: str | None = None) -> dict:
    """A raw.quarantine row; its id is stable, so re-running never duplicates it. `doc_id` tells
    apart two documents of one file (JSONL lines) rejected by a later stage. A rejected line is
    keyed on its line and what was wrong with it, not on the file's hash: appending to a JSONL
    file does not quarantine its old bad lines again."""
    content = q.file_sha256 if q.line_no is None or doc_id else f"line:{q.detail}"
    key = f"{q.source_path}|{content}|{q.line_no}|{stage}|{q.reason}|{doc_id or ''}"
    return {
        "quarantine_id": hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest(),
        "source_path": q.source_path,
        "file_sha256": q.file_sha256,
        "line_no": q.line_no,
        "stage": stage,
        "reason": q.reason,
        "detail": q.detail,
        "run_id": run_id,
        "quarantined_at": utcnow(),
    }


def documents_from_rows(rows: list[dict]) -> list[RawDocument]:
    return [
        RawDocument(
            doc_id=r["doc_id"], source_path=r["source_path"], file_sha256=r["file_sha256"], fmt=r["format"],
            raw_text=r["raw_text"], encoding=r.get("encoding") or "utf-8", line_no=r.get("line_no"), url=r.get("url"),
            title_hint=r.get("title_hint"), published_hint=r.get("published_hint"), is_html=bool(r.get("is_html")),
        )
        for r in rows
    ]


def source_name(article: CleanArticle, doc: RawDocument) -> str:
    url = article.canonical_url or doc.url
    if url:
        host = urlparse(url).netloc.lower()
        if host:
            return host.removeprefix("www.")
    return Path(doc.source_path).stem


def mention_id(article_id: str, m: EventMention) -> str:
    key = f"{article_id}|{m.trigger_start}|{m.trigger_end}|{m.event_type}|" + ",".join(a.text for a in m.recipient)
    return hashlib.sha256(key.encode()).hexdigest()[:24]


def mention_row(m: EventMention, run_id: str, extractor_version: str) -> dict:

    first_actor = m.actor[0] if m.actor else None
    first_recipient = m.recipient[0] if m.recipient else None
    place = m.location
    return {
        "mention_id": mention_id(m.article_id, m), "article_id": m.article_id, "sentence_index": m.sentence_index,
        "sentence_start": m.sentence_start, "sentence_end": m.sentence_end, "sentence": m.sentence,
        "event_type": m.event_type, "mode": m.mode, "quad_class": QUAD_CLASS[m.event_type],
        "intensity": float(INTENSITY[m.event_type]), "cameo_root": CAMEO_ROOT.get(m.event_type),
        "trigger": m.trigger, "trigger_start": m.trigger_start, "trigger_end": m.trigger_end,
        "actor_text": first_actor.text if first_actor else None,
        "actor_name": first_actor.name if first_actor else None,
        "actor_country": first_actor.country if first_actor else None,
        "actor_sector": first_actor.sector if first_actor else None,
        "actor_countries": sorted({a.country for a in m.actor if a.country}),
        "recipient_text": first_recipient.text if first_recipient else None,
        "recipient_name": first_recipient.name if first_recipient else None,
        "recipient_country": first_recipient.country if first_recipient else None,
        "recipient_sector": first_recipient.sector if first_recipient else None,
        "recipient_countries": sorted({a.country for a in m.recipient if a.country}),
        "actors_json": json.dumps([a.to_json() for a in m.actor], ensure_ascii=False),
        "recipients_json": json.dumps([a.to_json() for a in m.recipient], ensure_ascii=False),
        "event_date": m.event_date, "date_precision": m.date_precision, "date_text": m.date_text,
        "location_name": place.name if place else None, "location_country": place.country if place else None,
        "location_lat": place.lat if place else None, "location_lon": place.lon if place else None,
        "location_precision": place.precision if place else None, "location_source": place.source if place else None,
        "status": m.status, "reported_by": m.reported_by, "is_symmetric": bool(m.symmetric),
        "confidence": float(m.confidence), "notes": list(m.notes), "language": m.language, "event_id": None,
        "extractor_version": extractor_version, "run_id": run_id,
    }


def source_file_row(f: SourceFile, run_id: str, now: datetime) -> dict:
    row = {**asdict(f), "format": f.fmt, "run_id": run_id, "seen_at": now}
    row.pop("fmt")
    return row


def document_row(d: RawDocument, run_id: str, now: datetime) -> dict:
    return {
        "doc_id": d.doc_id, "file_sha256": d.file_sha256, "source_path": d.source_path, "line_no": d.line_no,
        "format": d.fmt, "encoding": d.encoding, "url": d.url, "title_hint": d.title_hint,
        "published_hint": d.published_hint, "is_html": d.is_html, "raw_text": d.raw_text,
        "run_id": run_id, "ingested_at": now,
    }


def article_row(a: CleanArticle, doc: RawDocument, duplicate_of: str | None, minhash: list[int],
                extractor_version: str, run_id: str, now: datetime) -> dict:
    """`published` holds only a date the source states; an inferred one is the reference date only."""
    return {
        "article_id": a.doc_id, "source_path": a.source_path, "source_name": source_name(a, doc),
        "url": doc.url, "canonical_url": a.canonical_url, "title": a.title,
        "published": a.published if a.published_source != "inferred" else None,
        "published_source": a.published_source, "reference_date": a.published, "language": a.language,
        "body": a.body, "n_paragraphs": len(a.paragraphs), "n_chars": len(a.body),
        "n_removed_blocks": len(a.removed), "duplicate_of": duplicate_of, "minhash": minhash, "notes": list(a.notes),
        "extractor_version": extractor_version, "run_id": run_id, "loaded_at": now,
    }


def removed_block_rows(a: CleanArticle, run_id: str) -> list[dict]:
    return [
        {"article_id": a.doc_id, "block_index": i, "reason": block.reason, "text": block.text,
         "start_offset": block.start, "end_offset": block.end, "run_id": run_id}
        for i, block in enumerate(a.removed)
    ]


def sentence_rows_of(article_id: str, body: str, spans: list[tuple[int, int]], mentions_per_sentence: dict[int, int],
                     run_id: str) -> list[dict]:
    return [
        {"article_id": article_id, "sentence_index": index, "start_offset": start, "end_offset": end,
         "text": body[start:end], "n_mentions": mentions_per_sentence.get(index, 0), "run_id": run_id}
        for index, (start, end) in enumerate(spans)
    ]
