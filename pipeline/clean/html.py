"""HTML input: metadata from the DOM (meta tags, JSON-LD, <time>, URL) and the main
content from trafilatura, then the same block filters as plain text."""
from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

import lxml.html
from lxml import etree

from ..models import RawDocument
from .boilerplate import Block
from .dates import date_from_url, parse_date_string
from .text import normalize_typography, repair_mojibake

if TYPE_CHECKING:
    from .core import Prepared

_TITLE_SUFFIX = re.compile(r"\s+[|\-–—•:]\s+[^|\-–—•:]{2,40}$")
_LANG_RE = re.compile(r"^[a-z]{2}", re.IGNORECASE)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)

_DATE_META = (
    "article:published_time", "og:published_time", "og:article:published_time", "datepublished",
    "date", "pubdate", "publishdate", "publish-date", "publication_date", "dc.date", "dc.date.issued",
    "dcterms.date", "dcterms.created", "sailthru.date", "parsely-pub-date", "article.published",
    "cxenseparse:recs:publishtime", "original-publish-date",
)
_TITLE_META = ("og:title", "twitter:title", "title", "dc.title", "headline", "parsely-title")


def parse_html(raw: str):
    raw = _XML_DECL.sub("", raw, count=1)
    if not raw.strip():
        return None
    try:
        return lxml.html.fromstring(raw)
    except (etree.ParserError, ValueError):
        return None


def _meta_map(tree) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in tree.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or m.get("http-equiv") or "").strip().lower()
        val = m.get("content")
        if key and val and key not in out:
            out[key] = val.strip()
    return out


def _jsonld(tree) -> list[dict]:
    items: list[dict] = []
    for s in tree.iter("script"):
        if (s.get("type") or "").lower() != "application/ld+json" or not s.text:
            continue
        try:
            data = json.loads(s.text)
        except (ValueError, TypeError):
            continue
        stack = [data]
        while stack:
            x = stack.pop()
            if isinstance(x, list):
                stack.extend(x)
            elif isinstance(x, dict):
                items.append(x)
                if "@graph" in x:
                    stack.append(x["@graph"])
    return items


_ARTICLE_TYPES = re.compile(r"article|posting|report|news", re.IGNORECASE)


def extract_metadata(tree, url: str | None = None) -> dict:
    """title, published (+source), language, canonical_url, site_name from an lxml tree."""
    meta = _meta_map(tree)
    md: dict = {"title": None, "published": None, "published_source": None, "language": None,
                "canonical_url": None, "site_name": meta.get("og:site_name")}
    articles = [x for x in _jsonld(tree) if _ARTICLE_TYPES.search(str(x.get("@type", "")))]
    # title
    for x in articles:
        if isinstance(x.get("headline"), str) and x["headline"].strip():
            md["title"] = x["headline"].strip()
            break
    if not md["title"]:
        h1 = [normalize_typography(h.text_content()) for h in tree.iter("h1")]
        h1 = [h for h in h1 if 3 <= len(h) <= 300]
        for k in _TITLE_META:
            if meta.get(k):
                md["title"] = meta[k]
                break
        if h1 and (not md["title"] or _key(h1[0]) in _key(md["title"]) or _key(md["title"]) in _key(h1[0])):
            md["title"] = h1[0]
        if not md["title"]:
            t = tree.find(".//title")
            if t is not None and t.text_content().strip():
                md["title"] = _TITLE_SUFFIX.sub("", normalize_typography(t.text_content()))
    if md["title"]:
        md["title"] = normalize_typography(repair_mojibake(md["title"])) or None
    # date
    for x in articles:
        d = parse_date_string(x.get("datePublished") or x.get("dateCreated"))
        if d:
            md["published"], md["published_source"] = d, "jsonld"
            break
    if not md["published"]:
        for k in _DATE_META:
            d = parse_date_string(meta.get(k))
            if d:
                md["published"], md["published_source"] = d, "meta"
                break
    if not md["published"]:
        for t in tree.iter("time"):
            d = parse_date_string(t.get("datetime") or "")
            if d:
                md["published"], md["published_source"] = d, "meta"
                break
    # canonical
    for link in tree.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            md["canonical_url"] = link.get("href").strip()
            break
    if not md["canonical_url"]:
        md["canonical_url"] = meta.get("og:url") or url
    if not md["published"]:
        d = date_from_url(md["canonical_url"]) or date_from_url(url)
        if d:
            md["published"], md["published_source"] = d, "url"
    # language
    lang = tree.get("lang") or tree.get("xml:lang") or meta.get("og:locale") or meta.get("content-language") or meta.get("language")
    if not lang:
        for x in articles:
            if isinstance(x.get("inLanguage"), str):
                lang = x["inLanguage"]
                break
    if lang and _LANG_RE.match(lang.strip()):
        md["language"] = lang.strip()[:2].lower()
    return md


def _key(s: str) -> str:
    return " ".join(re.findall(r"\w+", s.lower()))


def main_text(tree, raw: str) -> str:
    """Main content as text (one paragraph per line) via trafilatura."""
    import trafilatura

    try:
        out = trafilatura.extract(
            tree,
            output_format="txt",
            include_comments=False,
            include_tables=False,
            include_images=False,
            with_metadata=False,
            fast=True,
            deduplicate=False,
            favor_precision=False,
        )
    except Exception:  # noqa: BLE001 - fall back to the raw string
        try:
            out = trafilatura.extract(raw, fast=True, include_comments=False, include_tables=False)
        except Exception:  # noqa: BLE001
            out = None
    return out or ""


def prepare_html(doc: RawDocument, raw: str, notes: list[str]) -> "Prepared":
    from .core import Prepared, text_blocks

    tree = parse_html(raw)
    p = Prepared(doc=doc, blocks=[], notes=notes, pre_extracted=True)
    if tree is None:
        notes.append("html_unparsable")
        return p
    md = extract_metadata(tree, doc.url)
    p.title = md["title"]
    p.published, p.published_source = md["published"], md["published_source"]
    p.language_hint = md["language"]
    p.canonical_url = md["canonical_url"]
    text = main_text(tree, raw)
    blocks = text_blocks(text, base=0)
    for b in blocks:  # offsets refer to the extracted text, not the HTML
        b.start = b.end = None
    p.blocks = blocks
    return p
