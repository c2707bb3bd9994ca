"""The cleaning stage: raw dump (plain text or HTML) -> CleanArticle."""
from __future__ import annotations

import re
from pathlib import Path

from pipeline.core.models import CleanArticle, RawDocument, RemovedBlock
from pipeline.text.temporal import infer_reference_date  # one reference-date heuristic for cleaning and extraction

from .blocks import Block, Prepared
from .boilerplate import classify_blocks
from .language import detect_language, detect_language_with_confidence
from .published import find_dates as find_explicit_dates
from .published import parse_date_string, parse_header
from .text import norm_key, normalize_typography, repair_char_refs, repair_mojibake, split_lost_newlines

_LINE_RE = re.compile(r"[^\n]*\n?")
_HTML_SNIFF = re.compile(r"<\s*(html|body|div|p|article|head|!doctype)[\s>]", re.IGNORECASE)
_LOWER_START = re.compile(r"^[a-zà-ÿœ]")
_NO_WRAP_END = re.compile(r"[.!?:;»\"”)\]…]\s*$")
# a line that can only continue the previous one: lower-case word after a short line is
# judged by length (a menu item may start lower-case), punctuation always continues
_CONT_START = re.compile(r"^(?:[,;.)»”!?](?:\s|$)|[a-zà-ÿœ][\w'’-]*[ ,])")
_MID_SENTENCE = re.compile(r"[\w,’'\-]$")


def _glue(a: str, b: str) -> str:
    return a + b if b[:1] in ",;.)»”!?" else a + " " + b


# --- plain text ------------------------------------------------------------------------

def text_blocks(raw: str, base: int = 0, notes: list[str] | None = None, rejoin: bool = True) -> list[Block]:
    """Split a plain-text dump into paragraph blocks with raw offsets.

    One block per non-empty line; lost-newline artifacts (" nL’après") split lines;
    hard-wrapped lines and sentences cut at inline elements (no blank line, no final
    punctuation, next starts lower-case) are joined back unless `rejoin` is False (text an
    extractor already split into paragraphs).
    """
    blocks: list[Block] = []
    pos = 0
    prev_blank = True
    fixed_moji = fixed_nl = fixed_refs = 0
    for m in _LINE_RE.finditer(raw):
        line = m.group(0)
        if not line:
            break
        start = pos
        pos += len(line)
        body = line.rstrip("\r\n")
        if not body.strip() or not normalize_typography(body):
            prev_blank = True
            continue
        rep = repair_mojibake(body)
        if rep is not body and rep != body:
            fixed_moji += 1
        decoded = repair_char_refs(rep)
        if decoded != rep:
            fixed_refs += 1
            rep = decoded
        same_len = len(rep) == len(body)
        spans = split_lost_newlines(rep)
        if len(spans) > 1:
            fixed_nl += len(spans) - 1
        for j, (a, b) in enumerate(spans):
            text = normalize_typography(rep[a:b])
            if not text:
                continue
            s = base + start + (a if same_len else 0)
            e = base + start + (b if same_len else len(body))
            if (
                rejoin
                and j == 0
                and not prev_blank
                and blocks
                and not _NO_WRAP_END.search(blocks[-1].text)
                and (_CONT_START.match(text) or (_LOWER_START.match(text) and len(blocks[-1].text) >= 30))
            ):
                prev = blocks[-1]
                prev.text = _glue(prev.text, text)
                prev.end = e
                # link text split out of its sentence ("If you've done | 80 Day Obsession | with ..."):
                # the short line before joins the sentence it interrupts
                if len(blocks) >= 2 and prev.meta.get("tight") and prev.meta.get("short") \
                        and _MID_SENTENCE.search(blocks[-2].text) and len(blocks[-2].text.split()) >= 3:
                    pp = blocks.pop(-2)
                    prev.text = _glue(pp.text, prev.text)
                    prev.start, prev.meta["tight"] = pp.start, pp.meta.get("tight")
                continue
            blocks.append(Block(text=text, start=s, end=e,
                                meta={"tight": j > 0 or not prev_blank, "short": len(text.split()) <= 6}))
        prev_blank = False
    if notes is not None:
        if fixed_moji:
            notes.append(f"repaired_mojibake:{fixed_moji}")
        if fixed_nl:
            notes.append(f"repaired_lost_newlines:{fixed_nl}")
        if fixed_refs:
            notes.append(f"decoded_char_refs:{fixed_refs}")
    return blocks


def _prepare_text(doc: RawDocument, raw: str, notes: list[str]) -> Prepared:
    removed: list[RemovedBlock] = []
    published, hlen = parse_header(raw)
    p = Prepared(doc=doc, blocks=[], removed=removed, notes=notes)
    if published:
        removed.append(RemovedBlock(raw[:hlen].strip(), "date_header", 0, hlen))
        p.published, p.published_source = published, "header"
    p.blocks = text_blocks(raw[hlen:], base=hlen, notes=notes)
    return p


# --- shared -----------------------------------------------------------------------------

def _looks_html(doc: RawDocument) -> bool:
    if doc.fmt == "html" or doc.is_html:
        return True
    if doc.fmt == "jsonl":
        return bool(_HTML_SNIFF.search(doc.raw_text[:2000]))
    return False


def prepare(doc: RawDocument) -> Prepared:
    notes: list[str] = []
    raw = doc.raw_text or ""  # bounded by ingest (MAX_DOCUMENT_CHARS): longer inputs are quarantined, never cut
    if _looks_html(doc):
        from .html import prepare_html

        p = prepare_html(doc, raw, notes)
    else:
        p = _prepare_text(doc, raw, notes)
    # JSONL hints take precedence
    if doc.title_hint and doc.title_hint.strip():
        p.title = normalize_typography(repair_char_refs(repair_mojibake(doc.title_hint)))
    if doc.published_hint:
        d = parse_date_string(doc.published_hint)
        if d:
            p.published, p.published_source = d, "hint"
    if doc.url and not p.canonical_url:
        p.canonical_url = doc.url
    return p


DATELINE_REASONS = ("dateline", "byline")
DATELINE_BLOCKS = 6  # a publication dateline stands among the first blocks of a dump


def _dateline_date(removed: list[RemovedBlock], language: str):
    """The publication date a dateline or byline near the top states (the first one that has a
    full date), else None."""
    for block in removed[:DATELINE_BLOCKS + 2]:
        if block.reason in DATELINE_REASONS:
            found = find_explicit_dates(block.text, language)
            if found:
                return found[0]
    return None


def _doc_language(blocks: list[Block], hint: str | None) -> str:
    sample = " ".join(b.text for b in blocks if len(b.text) >= 80)[:3000]
    if len(sample) < 200:
        sample = " ".join(b.text for b in blocks)[:6000]
    lang, conf = detect_language_with_confidence(sample)
    if hint and (lang == "und" or conf < 0.2):
        return hint
    return lang


def finish(p: Prepared, recurring: frozenset[str] = frozenset()) -> CleanArticle:
    doc = p.doc
    blocks = p.blocks
    lang0 = _doc_language(blocks, p.language_hint)
    title = classify_blocks(
        blocks,
        lang0,
        recurring=recurring,
        title=p.title,
        find_title=not p.pre_extracted,
        pre_extracted=p.pre_extracted,
    )
    removed = list(p.removed)
    paras = []
    for b in blocks:
        if b.reason is None:
            if b.meta.get("title_prefix"):
                removed.append(RemovedBlock(b.meta["title_prefix"], "duplicate_title", b.start, None))
            paras.append(b.text)
        elif b.reason != "title":
            removed.append(RemovedBlock(b.text, b.reason, b.start, b.end))
    body = "\n\n".join(paras)
    # HTML: the blocks are already the extracted main text, one detection is enough
    language = detect_language(body) if len(body) >= 40 and not (p.pre_extracted and lang0 != "und") else lang0
    if language == "und":
        language = lang0 if lang0 != "und" else (p.language_hint or "und")
    published, source = p.published, p.published_source
    if published is None:  # a dateline or byline under the title ("Publié le 3 mars 2026 à 18h42")
        published = _dateline_date(removed, language)
        source = "dateline" if published else None
    if published is None:
        ref = infer_reference_date(body, language if language in ("fr", "en") else "fr")
        if ref:
            published, source = ref, "inferred"
    if title:
        title = title.strip() or None
    return CleanArticle(
        doc_id=doc.doc_id,
        source_path=doc.source_path,
        title=title,
        reference_date=published,
        published_source=source,
        language=language,
        body=body,
        removed=removed,
        canonical_url=p.canonical_url,
        notes=p.notes,
    )


def _empty(doc: RawDocument, note: str) -> CleanArticle:
    return CleanArticle(
        doc_id=getattr(doc, "doc_id", ""),
        source_path=getattr(doc, "source_path", ""),
        title=None,
        reference_date=None,
        published_source=None,
        language="und",
        body="",
        notes=[note],
    )


def clean_document(doc: RawDocument, *, recurring_lines: frozenset[str] = frozenset()) -> CleanArticle:
    """Clean one document. Never raises: bad input gives an article with an empty body."""
    try:
        return finish(prepare(doc), recurring_lines)
    except Exception as exc:  # noqa: BLE001 - the runner quarantines empty bodies
        return _empty(doc, f"clean_error:{type(exc).__name__}:{str(exc)[:120]}")


# Wire copy: several outlets carrying one story share its paragraphs. Those documents count as one
# when learning recurring lines, or the story itself would be learned as template boilerplate.
STORY_PARAGRAPH_CHARS = 200  # paragraphs this long identify a story (template lines are shorter)
STORY_SHARED_PARAGRAPHS = 2  # ... when two documents share at least this many of them
STORY_PAIRING_CAP = 10  # a paragraph in more documents than this (and 30% of the batch) is not a story's


def _story_of(keysets: list[set[str]]) -> list[int]:
    """Index of each document's story: documents sharing STORY_SHARED_PARAGRAPHS long paragraphs
    (and half of the smaller one's) are one story (union-find over an inverted index)."""
    parent = list(range(len(keysets)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    holders: dict[str, list[int]] = {}
    for i, keys in enumerate(keysets):
        for k in keys:
            holders.setdefault(k, []).append(i)
    cap = max(STORY_PAIRING_CAP, int(0.3 * len(keysets)))
    shared: dict[tuple[int, int], int] = {}
    for docs in holders.values():
        if 1 < len(docs) <= cap:
            for a_pos, a in enumerate(docs):
                for b in docs[a_pos + 1:]:
                    shared[(a, b)] = shared.get((a, b), 0) + 1
    for (a, b), n in shared.items():
        if n >= STORY_SHARED_PARAGRAPHS and 2 * n >= min(len(keysets[a]), len(keysets[b])):
            parent[find(a)] = find(b)
    return [find(i) for i in range(len(keysets))]


def learning_keys(p: Prepared) -> tuple[set[str], list[str]]:
    """What learning recurring lines reads of a document: the keys of its long paragraphs (its
    story) and of its candidate template lines (`text.norm_key`)."""
    return ({norm_key(b.text) for b in p.blocks if len(b.text) >= STORY_PARAGRAPH_CHARS},
            [norm_key(b.text) for b in p.blocks if b.reason is None and len(b.text) <= 600])


def _recurring_from_prepared(prepared: list[Prepared], min_docs: int, min_share: float) -> frozenset[str]:
    n = len(prepared)
    if n < min_docs or n == 0:
        return frozenset()
    keys = [p.keys or learning_keys(p) for p in prepared]  # (computed by the cleaning workers)
    stories = _story_of([story_keys for story_keys, _ in keys])
    holders: dict[str, set[int]] = {}
    for (_, line_keys), story in zip(keys, stories):
        for k in line_keys:
            if k:
                holders.setdefault(k, set()).add(story)
    n_stories = len(set(stories))
    need = max(min_docs, int(-(-min_share * n_stories // 1)))  # ceil
    return frozenset(k for k, s in holders.items() if len(s) >= need)


def learn_recurring_lines(docs: list[RawDocument], min_docs: int = 3, min_share: float = 0.3) -> frozenset[str]:
    """Normalised lines (see `text.norm_key`) that occur in at least `min_docs` documents
    and at least `min_share` of the batch: template boilerplate learned from the data."""
    prepared = []
    for d in docs:
        try:
            prepared.append(prepare(d))
        except Exception:  # noqa: BLE001
            continue
    return _recurring_from_prepared(prepared, min_docs, min_share)


def _finish_safely(d: RawDocument, p: Prepared | None, recurring: frozenset[str]) -> CleanArticle:
    if p is None:
        return _empty(d, "clean_error:prepare")
    try:
        return finish(p, recurring)
    except Exception as exc:  # noqa: BLE001
        return _empty(d, f"clean_error:{type(exc).__name__}")


# the batch being cleaned, inherited by forked workers (only index ranges travel to them)
_BATCH: tuple = ()


def _prepare_range(bounds: tuple[int, int]) -> list[Prepared | None]:
    """`prepare` of the batch's documents in `bounds`; the document itself is not sent back (the
    parent puts its own back)."""
    out: list[Prepared | None] = []
    for d in _BATCH[0][bounds[0]:bounds[1]]:
        try:
            p = prepare(d)
        except Exception:  # noqa: BLE001
            p = None
        if p is not None:
            p.doc = None  # type: ignore[assignment]
            p.keys = learning_keys(p)  # here rather than in the parent, between the two parallel phases
        out.append(p)
    return out


def _finish_range(bounds: tuple[int, int]) -> list[tuple[CleanArticle, object]]:
    """The cleaned articles of the batch's documents in `bounds`, each with the MinHash values of its
    body when the batch asks for them (`dedup.minhash_values`), else None."""
    docs, prepared, recurring, with_minhash = _BATCH
    out = []
    for d, p in zip(docs[bounds[0]:bounds[1]], prepared[bounds[0]:bounds[1]]):
        a = _finish_safely(d, p, recurring)
        out.append((a, _minhash_values(a.body) if with_minhash and a.body.strip() else None))
    return out


def _minhash_values(body: str):
    from .dedup import minhash_values

    return minhash_values(body)


def clean_batch(docs: list[RawDocument], min_docs: int = 3, min_share: float = 0.3,
                chunk: int = 100, minhash: dict | None = None) -> list[CleanArticle]:
    """Learn recurring lines over the batch, then clean each document (input order kept).

    The per-document work (splitting into blocks, then, once the recurring lines are learned,
    classifying them) runs on one forked worker per core for batches of several chunks. `minhash`,
    when given, receives doc_id -> `dedup.minhash_values` of each non-empty body, computed by the
    workers too (for `dedup.find_near_duplicates(known=...)`).
    """
    global _BATCH
    from pipeline.core.workers import fork_map, worker_count

    bounds = [(i, min(i + chunk, len(docs))) for i in range(0, len(docs), chunk)]
    workers = worker_count(len(docs), chunk)
    try:
        _BATCH = (docs,)
        try:
            prepared = [p for part in fork_map(_prepare_range, bounds, workers) for p in part]
        except Exception:  # noqa: BLE001 - e.g. a block that cannot travel back: prepare here
            prepared = _prepare_range((0, len(docs)))
        for d, p in zip(docs, prepared):
            if p is not None:
                p.doc = d
        recurring = _recurring_from_prepared([p for p in prepared if p is not None], min_docs, min_share)
        _BATCH = (docs, prepared, recurring, minhash is not None)
        out = []
        for part in fork_map(_finish_range, bounds, workers):
            for a, values in part:
                out.append(a)
                if values is not None and minhash is not None:
                    minhash[a.doc_id] = values
        return out
    finally:
        _BATCH = ()


def clean_record(article: CleanArticle) -> dict:
    """The `newsevents clean` JSONL contract."""
    return {
        "source": article.source_path,
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "language": article.language,
        "body": article.body,
        "reference_date": article.reference_date.isoformat() if article.reference_date else None,
        "published_source": article.published_source,
    }


def stem_of(source: str) -> str:
    return Path(source).stem
