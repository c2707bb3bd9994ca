"""Block-level boilerplate signals and their combination.

A document is a list of `Block`s (paragraph-sized pieces of text with raw offsets).
`classify_blocks` marks the ones to drop, each with a machine reason code:

rule signals (one block at a time)
  recurring_line      line seen in many documents of the batch (learned, not listed)
  repeated_line       short line occurring several times in the same document
  <section kind>      heading opening an end section (related_articles, social_digest,
                      comments, newsletter, cookie_banner, tags) -> cut with its content;
                      read_more (weak heading: cut only near the end or locally)
  related_teaser      content of a related-articles / read-more section, or teaser units
                      recognised by structure (see `teasers`), or "Headline [INSIGHT]"
  read_more           inline "Lire aussi : ..." / "Read more: ..." line
  promo               follow-us, click-here, subscription and paywall prompts
  badge               line made only of badges ("Vérifié par des faits", "Live", ...)
  caption             photo caption / credit "( AFP / ... )", "Photo: ..."
  foreign_language    short block in another language than the article (captions)
  byline, dateline    "Par X", "Publié le ..."
  share_bar, advertisement
  cookie_banner, newsletter  (paragraph-level cue combinations)
density signals (jusText spirit: length, stop-word ratio, punctuation, context)
  low_density, short_block
  outside_main        kept text beyond a run of furniture (see `region`)
Blocks from an HTML extractor (`pre_extracted`) only get the explicit signals.
duplicates
  duplicate_paragraph, duplicate_title
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .blocks import Block, is_live_entry_head
from .language import STOPWORDS, detect_language_with_confidence
from .text import norm_key

DATA = Path(__file__).resolve().parents[1] / "data" / "boilerplate.json"

_WORDS = re.compile(r"\w+", re.UNICODE)
_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)
_END_PUNCT = re.compile(r"[.!?…»\"”)\]]\s*$")
_SENT_END = re.compile(r"[.!?…]\s*[»\"”)]?\s*$")
_SEPARATORS = re.compile(r"\s(?:>|›|»|\||/|•|·)\s")
_STRIP_HEAD = re.compile(r"^[\s\-–—•·*#>»|:\[\]()]+|[\s\-–—•·*#<«|:.\[\]()]+$")


@dataclass(frozen=True)
class Rules:
    heads: re.Pattern
    end_kinds: frozenset[str]
    weak_kinds: frozenset[str]
    box_kinds: frozenset[str]
    badge_re: re.Pattern
    read_more_re: re.Pattern
    caption_re: re.Pattern
    byline_re: re.Pattern
    dateline_re: re.Pattern
    credit_re: re.Pattern
    promo_re: re.Pattern
    teaser_tag_re: re.Pattern
    credit_gate: tuple[str, ...]
    promo_gate: tuple[str, ...]
    newsletter_gate: tuple[str, ...]


@lru_cache(maxsize=1)
def rules() -> Rules:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    heads = re.compile(
        "|".join(f"(?P<{kind}>" + "|".join(pats) + ")" for kind, pats in data["section_heads"].items()),
        re.IGNORECASE,
    )
    return Rules(
        heads=heads,
        end_kinds=frozenset(data["end_sections"]),
        weak_kinds=frozenset(data.get("weak_sections", [])),
        box_kinds=frozenset(data.get("box_sections", [])),
        badge_re=re.compile(r"(?:[\s|•·:,.\-–—/()]*(?:" + "|".join(data["badges"]) + r"))+[\s|•·:,.\-–—/()]*", re.IGNORECASE),
        read_more_re=re.compile(r"^\s*(?:" + "|".join(data["inline_read_more"]) + r")", re.IGNORECASE),
        caption_re=re.compile(r"(?:" + "|".join(data["caption_credit"]) + r")", re.IGNORECASE),
        byline_re=re.compile(r"(?:" + "|".join(data["byline"]) + r")"),
        dateline_re=re.compile(r"(?:" + "|".join(data["dateline"]) + r")", re.IGNORECASE),
        credit_re=re.compile("|".join(data["credit_line"]), re.IGNORECASE),
        promo_re=re.compile("|".join(data["promo_line"]), re.IGNORECASE),
        teaser_tag_re=re.compile(data["teaser_tag"]),
        credit_gate=tuple(data["credit_gate"]),
        promo_gate=tuple(data["promo_gate"]),
        newsletter_gate=tuple(data["newsletter_gate"]),
    )


# --- single-block signals -------------------------------------------------------------

_COOKIE_B = re.compile(
    r"consent|confidentialit|privacy|politique|policy|accept|refus|navigation|partenaires|partners|"
    r"analy|personnalis|personali[sz]|publicit|advertis|param[eè]tr|settings|vie priv", re.IGNORECASE)
_NEWS_A = re.compile(r"newsletter|\binscri(vez|ption|re)\b|\babonne[zr]?\b|\bsubscribe\b|\bsign(ing)? up\b|"
                     r"\brecevez\b|\breceive\b|\b(get|have) (our|the)\b|\bdelivered\b|livr[ée]e?s? (chaque|dans)|"
                     r"briefing", re.IGNORECASE)
_NEWS_B = re.compile(r"e-?mail|courriel|inbox|bo[iî]te (de r[ée]ception|mail|aux lettres)|adresse|address|chaque (jour|semaine|matin|soir)|every (day|week|morning)|daily|weekly|gratuit|free", re.IGNORECASE)
_COMMENT_PARA = re.compile(r"(connectez-vous|log in|sign in|identifiez-vous|abonnez-vous).{0,60}(commenter|comment|réagir)|(commentaires?|comments?) (sont|are) (ferm|clos|closed|mod[ée]r)", re.IGNORECASE)
_SOCIAL_WORDS = re.compile(r"\b(like|j'aime|retweet|reply|répondre|signaler|report|follow|suivre)\b", re.IGNORECASE)


def head_kind(text: str) -> str | None:
    """Kind of section this heading-like line opens, if any."""
    t = _STRIP_HEAD.sub("", text)
    if not t or len(t) > 120:
        return None
    m = rules().heads.fullmatch(t)
    return m.lastgroup if m else None


def is_badge_line(text: str) -> bool:
    if len(text) > 160:
        return False
    return rules().badge_re.fullmatch(text) is not None


def is_caption(text: str, words: int) -> bool:
    if words > 45 or len(text) > 400:
        return False
    return bool(rules().caption_re.search(text))


def is_byline(text: str, words: int) -> bool:
    return words <= 14 and len(text) <= 140 and bool(rules().byline_re.fullmatch(text.strip(" .")))


def is_dateline(text: str, words: int) -> bool:
    return words <= 14 and len(text) <= 120 and bool(rules().dateline_re.fullmatch(text.strip(" .|")))


def is_read_more(text: str, words: int) -> bool:
    return words <= 45 and bool(rules().read_more_re.match(text))


def paragraph_cue(text: str, words: int) -> str | None:
    """Cookie / newsletter / comment notices written as full sentences."""
    if words > 90:
        return None
    low = text.lower()  # substring gates first: most paragraphs need no regex at all
    if ("cookie" in low or "traceur" in low) and _COOKIE_B.search(text):
        return "cookie_banner"
    if words <= 60 and any(k in low for k in rules().newsletter_gate) and _NEWS_A.search(text) \
            and _NEWS_B.search(text):
        return "newsletter"
    if ("comment" in low or "réagir" in low) and _COMMENT_PARA.search(text):
        return "comments"
    return None


def block_features(b: Block, lang: str, shape_only: bool = False) -> None:
    """Word count and heading shape; with `shape_only` False also the density class
    (jusText spirit: length, stop-word ratio, final punctuation)."""
    toks = _WORDS.findall(b.text)
    b.words = len(toks)
    stripped = b.text.rstrip()
    b.heading_like = b.words <= 16 and len(stripped) <= 160 and not _SENT_END.search(stripped)
    if shape_only:
        b.kind = "good" if b.words >= 10 and _END_PUNCT.search(stripped) else "short"
        return
    n = len(toks)
    letters = len(_LETTERS.findall(b.text[:2000]))
    if n == 0 or letters < 0.4 * min(len(b.text), 2000):
        b.kind = "bad"
        return
    sw = STOPWORDS.get(lang)
    if sw is None:
        sw = STOPWORDS["fr"] | STOPWORDS["en"]
        know = False
    else:
        know = True
    low = [t.lower() for t in toks[:300]]
    density = sum(1 for t in low if t in sw) / len(low)
    b.meta["sw"] = density
    punct_end = bool(_END_PUNCT.search(stripped))
    if len(b.text) >= 150 and (density >= 0.18 or not know):
        b.kind = "good"
    elif n >= 10 and punct_end and (density >= 0.22 or not know):
        b.kind = "good"
    elif know and n >= 8 and density < 0.06:
        b.kind = "bad"
    else:
        b.kind = "short"


_BOX_REASONS = frozenset({"newsletter", "cookie_banner", "comments", "paywall"})


# --- the combination ------------------------------------------------------------------

def classify_blocks(
    blocks: list[Block],
    lang: str,
    *,
    recurring: frozenset[str] = frozenset(),
    title: str | None = None,
    find_title: bool = True,
    pre_extracted: bool = False,
) -> str | None:
    """Mark blocks to remove (set `reason`); return the detected title (or `title`).

    `pre_extracted`: blocks come from an HTML main-content extractor (trafilatura), which
    already judged density and position: only the explicit signals act (headings, badges,
    read-more, captions with credits, bylines, notices, the title); lists, short lines, repeats
    and foreign quotes are the page's own text.
    """
    if not blocks:
        return title
    for b in blocks:
        if b.reason is None:
            block_features(b, lang, shape_only=pre_extracted)
    long_sw = [b.meta["sw"] for b in blocks if b.reason is None and b.words >= 25 and "sw" in b.meta]
    if long_sw and sum(long_sw) / len(long_sw) < 0.08:
        # the language guess is wrong (a language we have no stop words for): judge
        # density without stop words rather than calling every paragraph low-density
        for b in blocks:
            if b.reason is None:
                block_features(b, "und")

    # 1. rule signals
    counts: dict[str, int] = {}
    keys = []
    for b in blocks:
        k = norm_key(b.text) if b.reason is None and len(b.text) <= 300 else ""
        keys.append(k)
        if k and b.words <= 8:
            counts[k] = counts.get(k, 0) + 1
    heads: list[tuple[int, str]] = []
    first_seen: set[str] = set()
    R0 = rules()
    for i, b in enumerate(blocks):
        if b.reason:
            continue
        t = b.text
        k = keys[i]
        if recurring and (k or norm_key(t[:600])) in recurring:
            b.reason = "recurring_line"
            continue
        if b.words == 0:
            b.reason = "empty"
            continue
        if len(t) > 300 and (t.count(" ") < len(t) / 60 or len(t) / b.words > 40):
            b.reason = "garbage"  # no word structure: base64, minified code, a huge token
            continue
        if b.words <= 16 and len(t) <= 160:
            kind = head_kind(t)
            if kind:
                heads.append((i, kind))
                b.reason = kind
                continue
            if is_badge_line(t):
                b.reason = "badge"
                continue
        if is_read_more(t, b.words):
            b.reason = "read_more"
            continue
        if not (pre_extracted and b.words > 25) and is_caption(t, b.words):
            b.reason = "caption"
            # a credit line alone: the short block just before it is the caption text
            # (glued to it by a single newline, or shaped like a caption: no final stop)
            prev = blocks[i - 1] if i > 0 else None
            if b.words <= 8 and prev is not None and prev.reason is None and 3 <= prev.words <= 35 \
                    and (b.meta.get("tight") or not _SENT_END.search(prev.text)) \
                    and not rules().caption_re.search(prev.text):
                blocks[i - 1].reason = "caption"
            continue
        if b.heading_like or b.words <= 14:
            if is_byline(t, b.words):
                b.reason = "byline"
                continue
            if is_dateline(t, b.words):
                b.reason = "dateline"
                continue
        cue = paragraph_cue(t, b.words)
        if cue:
            b.reason = cue
            continue
        low = t.lower()
        if b.words <= 60 and any(k in low for k in R0.credit_gate) and R0.credit_re.search(t.strip()):
            b.reason = "byline"  # "Reporting by ...; editing by ...", "X contributed to this report."
            continue
        if b.words <= 45 and any(k in low for k in R0.promo_gate) and R0.promo_re.search(t.strip()):
            b.reason = "promo"  # follow-us, click-here, subscription offers
            continue
        if b.words <= 30 and "[" in t and R0.teaser_tag_re.search(t):
            b.reason = "related_teaser"  # "Headline of another story [INSIGHT]"
            continue
        if pre_extracted:
            continue
        if k and b.words <= 8 and counts.get(k, 0) >= 2 and b.heading_like:
            if k in first_seen or b.words < 3:
                b.reason = "repeated_line"
                continue
            first_seen.add(k)  # the first copy may be the title (handled below)
        if lang in STOPWORDS and 10 <= b.words <= 80 and b.meta.get("sw", 0.0) < 0.25:
            blang, conf = detect_language_with_confidence(t)
            if blang != "und" and blang != lang and conf >= 0.3:
                b.reason = "foreign_language"
                continue

    # 2. end sections: cut from the heading to the end when it sits in the last part;
    #    boxes (newsletter, cookie consent, share bar) only take their own few lines
    R = rules()
    total = sum(len(b.text) for b in blocks if b.reason is None or b.reason in R.end_kinds or b.reason in R.weak_kinds)
    total = max(total, 1)
    for i, kind in heads:
        if kind in R.box_kinds:
            if kind not in ("newsletter", "cookie_banner"):
                continue  # a one-line box (ad label, share bar)
            # the box's own text and buttons; a short line right before body text is
            # a subheading of the article, not a button
            j = i + 1
            while j < min(len(blocks), i + 6):
                b = blocks[j]
                if b.reason is None:
                    nxt = blocks[j + 1] if j + 1 < len(blocks) else None
                    if paragraph_cue(b.text, b.words) == kind:
                        b.reason = kind
                    elif b.words <= 12 and not (nxt is not None and nxt.reason is None and nxt.kind == "good"):
                        b.reason = kind
                    else:
                        break
                j += 1
            continue
        if kind == "tags" and not pre_extracted:
            # keywords only: short lines right after the heading, not the text that follows them
            # (in a flattened page a "Tags" line may sit in a meta line above the article)
            for b in blocks[i + 1:]:
                if b.reason is None:
                    if b.words > 8:
                        break
                    b.reason = kind
            continue
        strong = kind in R.end_kinds
        weak = kind in R.weak_kinds
        if not (strong or weak):
            continue
        after = sum(len(b.text) for b in blocks[i + 1 :] if b.reason is None)
        limit = 0.6 if strong else 0.35
        if kind in ("related_articles", "read_more") and orphan_heading(blocks, i):
            continue  # the article goes on right after it: the teaser link itself was lost
        if kind in ("related_articles", "read_more") and article_resumes(blocks, i):
            cut_after_heading(blocks, i)  # a teaser box inside the article: the text goes on after it
            continue
        # a comment thread: the heading followed by time-stamped posts, however long they are
        # ("34 Comments": a counted heading; a bare "Comment" may be a share button)
        thread = (kind == "comments" and any(c.isdigit() for c in blocks[i].text)
                  and sum(b.reason == "dateline" for b in blocks[i + 1:]) >= 2)
        if after / total <= limit or thread:
            cur = kind
            for b in blocks[i + 1 :]:
                if b.reason in R.end_kinds or b.reason in R.weak_kinds:
                    cur = b.reason
                elif b.reason is None:
                    b.reason = "related_teaser" if cur in ("related_articles", "read_more") else cur
            break
        # local: the teasers right after the heading (headline + optional summary, any number)
        if kind in ("related_articles", "read_more"):
            cut_after_heading(blocks, i)

    # 2b. teaser runs: the article is followed by a list of other stories (headline,
    #     optional one-paragraph summary, headline, ...) under a heading we may not know
    if not pre_extracted:
        _cut_teaser_run(blocks)
        cut_unheaded(blocks)
    else:
        # a menu word or button label left at the very end of the extracted text
        for b in reversed(blocks):
            if b.reason is not None:
                continue
            if not (b.heading_like and b.words <= 3):
                break
            b.reason = "short_block"

    # 3. title: the longest headline-like block before the first body paragraph
    first_good = next((i for i, b in enumerate(blocks) if b.reason is None and b.kind == "good"
                       and not _headline_like(b)), len(blocks))
    found_title = title
    if find_title and not title:
        best = None
        for i in range(first_good):
            b = blocks[i]
            if b.reason is not None or not _headline_like(b) or b.words < 3:
                continue
            if _SEPARATORS.search(b.text):
                continue
            if best is None or b.words >= blocks[best].words:
                best = i
        if best is not None:
            found_title = blocks[best].text.strip()
            blocks[best].reason = "title"

    # 4. density + context (jusText spirit)
    kept = [i for i, b in enumerate(blocks) if b.reason is None and not pre_extracted]
    goods = [i for i in kept if blocks[i].kind == "good"]
    if goods:
        first, last = goods[0], goods[-1]
    else:
        first, last = len(blocks), -1
    prev_kept = False
    for pos, i in enumerate(kept):
        b = blocks[i]
        if b.kind == "good":
            prev_kept = True
            continue
        prev_k = blocks[kept[pos - 1]].kind if pos > 0 else None
        next_k = blocks[kept[pos + 1]].kind if pos + 1 < len(kept) else None
        keep = False
        if b.kind == "bad":
            keep = pre_extracted and prev_k == "good" and next_k == "good"
            if not keep:
                b.reason = "low_density"
        elif b.heading_like:
            # subheading: inside the article, right before body text; a heading right
            # before a removed box (newsletter, cookie notice...) belongs to that box
            nxt = blocks[i + 1].reason if i + 1 < len(blocks) else None
            if nxt in _BOX_REASONS:
                b.reason = nxt
                prev_kept = False
                continue
            keep = next_k == "good" and i > first and (prev_kept or (i < last and b.words >= 2))
            if not keep:
                b.reason = "short_block"
        else:
            # a short sentence: inside the article, or continuing it
            keep = (first < i < last) or (i > first and prev_kept and b.words >= 3)
            keep = keep or (pre_extracted and i < first and next_k == "good" and b.words >= 6)
            keep = keep or (not goods and b.words >= 4)  # a document of short sentences only
            if not keep:
                b.reason = "short_block"
        prev_kept = keep

    # 5. duplicates: repeated paragraphs and the title inside the body
    title_key = norm_key(found_title) if found_title else ""
    seen: set[str] = set()
    long_keys: list[str] = []
    for b in blocks:
        if b.reason == "repeated_line" and title_key and norm_key(b.text) == title_key:
            b.reason = "duplicate_title"
        if b.reason is not None:
            continue
        k = norm_key(b.text)
        if title_key and k == title_key:
            b.reason = "duplicate_title"
            continue
        if title_key and len(title_key) >= 20 and k.startswith(title_key + " "):
            cut = _title_prefix_len(b.text, found_title)
            if cut:
                b.meta["title_prefix"] = b.text[:cut]
                b.text = b.text[cut:].lstrip(" .:-–—")
                k = norm_key(b.text)
        if pre_extracted:
            continue
        if k in seen:
            b.reason = "duplicate_paragraph"
            continue
        if len(k) >= 80 and any(k in lk for lk in long_keys):
            b.reason = "duplicate_paragraph"
            continue
        seen.add(k)
        if len(k) >= 80:
            long_keys.append(k)
    if not pre_extracted:
        main_region(blocks)
    return found_title


from .region import main_region  # noqa: E402 - these modules need Block defined above
from .teasers import article_resumes, cut_after_heading, cut_unheaded, orphan_heading  # noqa: E402


def _cut_teaser_run(blocks: list[Block]) -> None:
    kept = [i for i, b in enumerate(blocks) if b.reason is None]
    if len(kept) < 5:
        return
    total = sum(len(blocks[i].text) for i in kept) or 1
    goods = [i for i in kept if blocks[i].kind == "good" and not _headline_like(blocks[i])]
    if not goods:
        return
    first_good = goods[0]

    def is_head(b: Block) -> bool:
        # (a live blog's time stamp, "11:20 JST", "14h05 - Talks resume", heads an entry of the article)
        return b.heading_like and b.words >= 2 and not is_live_entry_head(b.text)

    after = total
    for pos, i in enumerate(kept):
        after -= len(blocks[i].text)
        if i <= first_good or not is_head(blocks[i]):
            continue
        if (after + len(blocks[i].text)) / total > 0.6:
            continue
        tail = kept[pos:]
        heads = sum(1 for j in tail if is_head(blocks[j]))
        # strict pattern: never two body-like blocks in a row, short summaries only
        gap, ok = 0, True
        for j in tail:
            if is_head(blocks[j]):
                gap = 0
            else:
                gap += 1
                if gap > 1 or blocks[j].words > 70:
                    ok = False
                    break
        if ok and heads >= 3:
            for j in tail:
                blocks[j].reason = "related_teaser"
            return


def _headline_like(b: Block) -> bool:
    t = b.text.rstrip()
    return (
        3 <= b.words <= 32
        and len(t) <= 260
        and not _SENT_END.search(t)
        and not t.endswith((":", ",", ";"))
    )


def _title_prefix_len(text: str, title: str) -> int:
    """Length of the prefix of `text` that spells `title` (ignoring punctuation/case)."""
    want = _WORDS.findall(title.lower())
    got = 0
    for m in _WORDS.finditer(text):
        if got >= len(want):
            return m.start()
        if m.group(0).lower() != want[got]:
            return 0
        got += 1
    return 0
