"""HTML input: metadata from the DOM (meta tags, JSON-LD, <time>, URL) and the main
content from trafilatura (precision mode; our DOM extractor and trafilatura's balanced mode
when it finds nothing), then the explicit block signals of the plain-text filters."""
from __future__ import annotations

import json
import re

import lxml.html
from lxml import etree

from pipeline.core.models import RawDocument, RemovedBlock

from .blocks import Block, Prepared
from .published import date_from_url, parse_date_string
from .text import normalize_typography, repair_mojibake

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
    """The page as trafilatura's own loader parses it (comments and processing instructions
    dropped, encoding repaired): the main-content extraction then sees exactly the tree it
    would build itself, and the page is parsed once."""
    from trafilatura.utils import load_html

    raw = _XML_DECL.sub("", raw, count=1)
    if not raw.strip():
        return None
    try:
        return load_html(raw)
    except (etree.ParserError, ValueError, TypeError):
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


FAST_ENOUGH = 400  # characters (~60 words): a shorter fast-mode result may be a miss, not a short article


def main_text(tree, raw: str, precision: bool = True) -> str:
    """Main content as text (one paragraph per line) via trafilatura.

    Precision mode by default: on real pages (the AEB benchmark) it keeps less furniture than
    the balanced mode at almost the same recall, and our block filters then remove what it
    still lets through.  Its fast variant (no readability/jusText comparison) is right on
    almost every page and costs half; only a short result pays for the full comparison.
    The balanced mode (`precision=False`) is the caller's last resort.
    """
    import trafilatura

    kw = dict(output_format="txt", include_comments=False, include_images=False, with_metadata=False,
              deduplicate=False, favor_precision=precision)
    try:
        out = trafilatura.extract(tree, fast=precision, **kw) or ""
        if precision and len(out) < FAST_ENOUGH:
            full = trafilatura.extract(tree, **kw) or ""
            out = full if len(full) > len(out) else out
    except Exception:  # noqa: BLE001 - fall back to the raw string
        try:
            out = trafilatura.extract(raw, fast=True, include_comments=False)
        except Exception:  # noqa: BLE001
            out = None
    return out or ""


# --- our DOM extractor -------------------------------------------------------------------

_SKIP = {"script", "style", "noscript", "template", "svg", "iframe", "form", "button", "input", "select", "textarea",
         "head", "object", "embed", "canvas", "video", "audio", "picture", "img", "map", "link", "meta", "title"}
_BLOCK = {"p", "div", "section", "article", "main", "aside", "header", "footer", "nav", "h1", "h2", "h3", "h4", "h5",
          "h6", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr", "td", "th", "tbody", "thead", "figure",
          "figcaption", "blockquote", "pre", "address", "details", "summary", "center", "body", "html", "hr", "br",
          "caption", "fieldset", "legend", "menu", "dialog"}
# Structure that is never article text (HTML5 semantics), with a reason code.
_DROP_TAGS = {"nav": "navigation", "aside": "sidebar", "figure": "caption", "figcaption": "caption",
              "menu": "navigation", "dialog": "popup"}
# Generic class/id vocabulary of page furniture (in the spirit of Readability's lists).
_NEG_RE = re.compile(
    r"cookie|consent|gdpr|cmp-|newsletter|subscri|signup|sign-up|paywall|comment|disqus|respond|replies|"
    r"related|recommend|recirc|outbrain|taboola|promo|sponsor|advert|\bads?\b|-ad-|\bad-|banner|sidebar|"
    r"widget|share|sharing|social|breadcrumb|\bmenu|\bnav|footer|masthead|popup|modal|overlay|\btags?\b|"
    r"keywords|author-?bio|byline|caption|credit|most-?(read|popular)|trending|skip-?link",
    re.IGNORECASE,
)
_POS_RE = re.compile(r"article|body|content|main|story|text|post|entry|chapo|lead|intro|prose", re.IGNORECASE)


def _neg_reason(cls: str) -> str:
    c = cls.lower()
    for key, reason in (("cookie", "cookie_banner"), ("consent", "cookie_banner"), ("gdpr", "cookie_banner"),
                        ("cmp-", "cookie_banner"), ("newsletter", "newsletter"), ("subscri", "newsletter"),
                        ("signup", "newsletter"), ("sign-up", "newsletter"), ("paywall", "paywall"),
                        ("comment", "comments"), ("disqus", "comments"), ("related", "related_articles"),
                        ("recommend", "related_articles"), ("share", "share_bar"), ("social", "share_bar"),
                        ("caption", "caption"), ("credit", "caption"), ("byline", "byline")):
        if key in c:
            return reason
    return "page_furniture"


def _inside_article(el) -> bool:
    p = el.getparent()
    while p is not None:
        if p.tag in ("article", "main") or (p.get("itemprop") or "").lower() == "articlebody":
            return True
        p = p.getparent()
    return False


def dom_blocks(tree) -> list[Block]:
    """Text blocks of the page; furniture blocks come back with `reason` already set."""
    blocks: list[Block] = []

    def visit(el, drop):
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _SKIP:
            return
        reason = drop
        if reason is None and tag:
            if tag in _DROP_TAGS:
                reason = _DROP_TAGS[tag]
            elif tag in ("header", "footer") and not _inside_article(el):
                reason = "page_header" if tag == "header" else "page_footer"
            else:
                cls = f"{el.get('class') or ''} {el.get('id') or ''}"
                if cls.strip() and _NEG_RE.search(cls) and not (_POS_RE.search(cls) and tag not in ("li", "span", "a")):
                    reason = _neg_reason(cls)
                elif (el.get("hidden") is not None or "display:none" in (el.get("style") or "").replace(" ", "")
                      or el.get("aria-hidden") == "true"):
                    reason = "hidden"
        block = tag in _BLOCK
        if block or tag == "br":
            flush(el if block else el.getparent())
        if el.text and tag != "br":
            add(el.text, tag == "a" or state["link"] > 0, reason, el)
        if tag == "a":
            state["link"] += 1
        for ch in el:
            visit(ch, reason)
            if ch.tail:
                add(ch.tail, state["link"] > 0, reason, el)
        if tag == "a":
            state["link"] -= 1
        if block:
            flush(el)

    state = {"buf": [], "links": 0, "link": 0, "reason": None, "owner": None}

    def add(text, link, reason, owner):
        if state["buf"] and state["reason"] != reason:
            flush(owner)
        if not state["buf"]:
            if not text.strip():
                return
            state["owner"] = owner
        state["reason"] = reason
        state["buf"].append(text)
        if link:
            state["links"] += len(text.strip())

    def flush(_el):
        if state["buf"]:
            text = normalize_typography("".join(state["buf"]))
            if text:
                b = Block(text=text, reason=state["reason"])
                b.meta["el"] = state["owner"]
                b.meta["links"] = min(1.0, state["links"] / max(1, len(text)))
                blocks.append(b)
        state["buf"] = []
        state["links"] = 0
        state["reason"] = None

    body = tree.find("body") if tree.tag == "html" else tree
    if body is None:
        body = tree
    visit(body, None)
    flush(None)
    return blocks


def _ancestors(el, n: int = 3):
    out = []
    while el is not None and len(out) < n:
        el = el.getparent()
        if el is not None:
            out.append(el)
    return out


def select_main(blocks: list[Block]) -> None:
    """Readability-style: score containers by the good text they hold, keep the best
    container (and high-scoring siblings); mark other blocks `outside_main`."""
    from .language import STOPWORDS

    sw = STOPWORDS["fr"] | STOPWORDS["en"]
    scores: dict = {}
    word_re = re.compile(r"\w+")
    for b in blocks:
        if b.reason is not None or b.meta.get("links", 0) > 0.3 or len(b.text) < 60:
            continue
        toks = word_re.findall(b.text.lower())
        if not toks or sum(t in sw for t in toks) / len(toks) < 0.15:
            continue
        s = len(b.text) + 100 * b.text.count(",") / max(1, len(toks) / 10)
        el = b.meta.get("el")
        if el is None:
            continue
        for k, anc in enumerate([el] + _ancestors(el, 2)):
            scores[anc] = scores.get(anc, 0.0) + s / (1 + k)
    if not scores:
        return
    best = max(scores, key=scores.get)
    # a container holding most of the text is better than its best child when the
    # child has only a part of the paragraphs
    keep = {best}
    parent = best.getparent()
    if parent is not None:
        for sib in parent:
            if sib is not best and scores.get(sib, 0) >= 0.25 * scores[best]:
                keep.add(sib)
    for b in blocks:
        if b.reason is not None:
            continue
        el = b.meta.get("el")
        inside = False
        while el is not None:
            if el in keep:
                inside = True
                break
            el = el.getparent()
        if not inside:
            b.reason = "outside_main"


def _link_lists(blocks: list[Block]) -> None:
    """Lists of links inside the content (teasers, tag clouds, share buttons)."""
    lists: dict = {}
    for b in blocks:
        el = b.meta.get("el")
        li = el if el is not None and el.tag == "li" else None
        if li is None and el is not None:
            for a in _ancestors(el, 3):
                if a.tag == "li":
                    li = a
                    break
        if li is not None and li.getparent() is not None:
            lists.setdefault(li.getparent(), []).append(b)
    for lst, items in lists.items():
        lis = [c for c in lst if c.tag == "li"]
        if len(lis) < 2:
            continue
        linked = sum(1 for c in lis if c.find(".//a") is not None)
        if linked / len(lis) >= 0.5:
            for b in items:
                if b.reason is None:
                    b.reason = "link_list"
    for b in blocks:
        if b.reason is None and b.meta.get("links", 0) >= 0.6 and len(b.text) < 200:
            b.reason = "link_block"


_MEDIA = ("img", "picture", "video", "svg", "iframe")


def _media_captions(blocks: list[Block]) -> None:
    """Short text sitting in a small container next to an image is a caption."""
    for b in blocks:
        if b.reason is not None or len(b.text) > 300:
            continue
        el = b.meta.get("el")
        box = el.getparent() if el is not None else None
        if box is None or box.tag in ("body", "html", "article", "main"):
            continue
        if any(c.tag in _MEDIA for c in box.iter()) and len(box.text_content()) < 500:
            b.reason = "caption"


def extract_blocks(tree) -> list[Block]:
    blocks = dom_blocks(tree)
    select_main(blocks)
    _media_captions(blocks)
    _link_lists(blocks)
    for b in blocks:
        b.meta.pop("el", None)
    return blocks


# --- what the main-content extraction left out, recorded with a structural reason -------

_RESIDUAL_REASONS = {"nav": "navigation", "menu": "navigation", "header": "page_header", "footer": "page_footer",
                     "aside": "sidebar", "figure": "caption", "figcaption": "caption", "form": "form"}
_LINE_TAGS = ("p", "div", "header", "footer", "nav", "aside", "figure", "figcaption", "form", "menu", "section", "article", "main", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
              "br", "dt", "dd", "blockquote", "pre", "address", "summary", "caption", "legend", "ul", "ol", "table")
_HAS_WORD = re.compile(r"\w")
_MARK = re.compile("\ue000([a-z]+)\ue001|\ue002")


def residual_blocks(tree, kept_text: str) -> list[RemovedBlock]:
    """Page lines that are not in the extracted main text, each with a reason from its
    structural container (navigation, page_header, caption, ...) or `outside_main`.

    Cheap on purpose (lxml does the walking): newlines are added after line-level elements and
    markers around structural containers, then the page is serialised once as text.  Mutates
    `tree`, which the extraction no longer needs.
    """
    body = tree.find("body") if tree.tag == "html" else tree
    if body is None:
        return []
    etree.strip_elements(body, "script", "style", "noscript", "template", "svg", etree.Comment, with_tail=False)
    for el in body.iter(*_LINE_TAGS):
        el.tail = "\n" + (el.tail or "")
    for el in body.iter(*_RESIDUAL_REASONS):
        el.text = f"\ue000{el.tag}\ue001" + (el.text or "")
        el.tail = "\ue002" + (el.tail or "")
    text = etree.tostring(body, method="text", encoding="unicode")
    kept = {" ".join(x.split()) for x in kept_text.split("\n")}
    out: list[RemovedBlock] = []
    stack: list[str] = []
    for line in text.split("\n"):
        if not line or line.isspace():
            continue
        reason = None
        if "\ue000" in line or "\ue002" in line:
            for m in _MARK.finditer(line):
                if reason is None and line[:m.start()].strip():
                    # text before this marker: its container is the one open now
                    reason = _RESIDUAL_REASONS[stack[-1]] if stack else "outside_main"
                if m.group(1):
                    stack.append(m.group(1))
                elif stack:
                    stack.pop()
                if reason is None and m.group(1):
                    reason = _RESIDUAL_REASONS[m.group(1)]
            line = _MARK.sub("", line)
        if reason is None:
            reason = _RESIDUAL_REASONS[stack[-1]] if stack else "outside_main"
        line = " ".join(line.split())
        if line and line not in kept and _HAS_WORD.search(line):
            out.append(RemovedBlock(line, reason, None, None))
    return out


_TABLE_BLOB = re.compile(r"^\| [^\n]{600,}", re.MULTILINE)


def _dom_or_empty(tree) -> list[Block]:
    try:
        return extract_blocks(tree)
    except RecursionError:
        return []


def extracted_blocks(text: str) -> list[Block]:
    """One block per line of an extractor's output (already paragraphs): repaired and
    normalised once for the whole text, not line by line."""
    text = normalize_typography(repair_mojibake(text).replace("\r", ""))
    # lines of an extractor's output are adjacent elements ("tight"): a credit line right
    # after a short sentence makes that sentence its caption
    return [Block(text=line.strip(), meta={"tight": True}) for line in text.split("\n") if line.strip()]


def prepare_html(doc: RawDocument, raw: str, notes: list[str]) -> "Prepared":

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
    blocks = extracted_blocks(text)
    found = len(text)
    if _TABLE_BLOB.search(text):
        # a layout table flattened into one "| ..." cell: title, byline and paragraphs in one
        # line that no block filter can take apart; our DOM extractor keeps the paragraphs
        dom = _dom_or_empty(tree)
        if sum(len(b.text) for b in dom if b.reason is None) >= 0.5 * found:
            notes.append("html_table_layout_dom")
            blocks = dom
    if found < 200:
        # no article according to trafilatura's precision mode: ask our own DOM extractor,
        # then trafilatura's balanced mode; keep whichever finds most
        dom = _dom_or_empty(tree)
        dom_chars = sum(len(b.text) for b in dom if b.reason is None)
        if dom_chars > found:
            notes.append("html_fallback_dom")
            blocks, found = dom, dom_chars
        if found < 200:
            recall = main_text(tree, raw, precision=False)
            if len(recall) > found:
                notes.append("html_fallback_trafilatura")
                blocks = extracted_blocks(recall)
    for b in blocks:  # offsets refer to extracted text, not the HTML
        b.start = b.end = None
    p.blocks = blocks
    p.removed.extend(residual_blocks(tree, "\n".join(b.text for b in blocks if b.reason is None)))
    return p
