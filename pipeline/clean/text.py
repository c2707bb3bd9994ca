"""Text repairs used by the cleaner: mojibake, HTML character references, lost newlines, typography.

All functions are linear-time and never raise on odd input.
"""
from __future__ import annotations

import html
import re
import unicodedata

# --- mojibake ---------------------------------------------------------------
# UTF-8 bytes decoded as cp1252/latin-1 give runs such as "Ã©", "â€™", "Â ".
_MOJIBAKE_HINT = re.compile(r"[ÃÂâÅÄÐÑ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")
# A run of characters that all exist in cp1252 / latin-1 above ASCII.
_LATIN_RUN = re.compile(r"[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{2,}")


def _fix_run(m: re.Match) -> str:
    s = m.group(0)
    for enc in ("cp1252", "latin-1"):
        try:
            fixed = s.encode(enc).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if fixed and len(fixed) < len(s):
            return fixed
    # Partial runs: fix the longest valid prefixes piecewise.
    out, i = [], 0
    while i < len(s):
        done = False
        for j in (4, 3, 2):
            piece = s[i : i + j]
            if len(piece) < j:
                continue
            for enc in ("cp1252", "latin-1"):
                try:
                    out.append(piece.encode(enc).decode("utf-8"))
                    i += j
                    done = True
                    break
                except (UnicodeEncodeError, UnicodeDecodeError):
                    continue
            if done:
                break
        if not done:
            out.append(s[i])
            i += 1
    return "".join(out)


def has_mojibake(text: str) -> bool:
    return bool(_MOJIBAKE_HINT.search(text))


def repair_mojibake(text: str) -> str:
    """Undo UTF-8-read-as-cp1252 damage ("Ã©tÃ©" -> "été"); a no-op on clean text."""
    if not text or not _MOJIBAKE_HINT.search(text):
        return text
    text = _LATIN_RUN.sub(_fix_run, text)
    # "à" is C3 A0; when the A0 (no-break space) was turned into a space only "Ã " is left.
    return _LOST_A_GRAVE.sub("à", text)


_LOST_A_GRAVE = re.compile(r"Ã(?= )")


# --- HTML character references in plain text -----------------------------------
# A scraper that saved a page's source text leaves "l&#8217;Ouganda", "accus&eacute;", "&laquo;":
# the words are not words until decoded. Only complete references (with their ";") are decoded,
# so "AT&T" or "R&D;" stay as written.
_CHAR_REF = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def repair_char_refs(text: str) -> str:
    """Decode HTML character references in plain text; a no-op on text without them."""
    if "&" not in text:
        return text
    return _CHAR_REF.sub(lambda m: html.unescape(m.group(0)), text)


# --- lost newlines ------------------------------------------------------------
# " n" glued before a capital (or an opening quote) is a newline whose backslash was
# lost: "téléphonique nL’après-midi".  A literal "\n" is the same damage.
_UPPER = "A-ZÀ-ÖØ-ÞŒ"
LOST_NEWLINE_RE = re.compile(rf"(?:(?<=\S) n(?=[{_UPPER}«\"“])|(?<=[.!?»”\"]) n (?=[{_UPPER}«\"“])|\\n)")


def split_lost_newlines(line: str) -> list[tuple[int, int]]:
    """Spans (start, end) of the pieces of `line` separated by lost-newline artifacts."""
    spans = []
    pos = 0
    for m in LOST_NEWLINE_RE.finditer(line):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(line)))
    return [(a, b) for a, b in spans if line[a:b].strip()]


# --- typography ----------------------------------------------------------------
_SPACE_CHARS = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\x0b\x0c"
_DROP_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_TYPO_TABLE = {ord(c): " " for c in _SPACE_CHARS}
_TYPO_TABLE.update({ord(c): None for c in _DROP_CHARS})
_CTRL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_MULTISPACE = re.compile(r" {2,}")


def normalize_typography(text: str) -> str:
    """NFC, exotic spaces -> " ", zero-width/soft hyphens dropped, space runs collapsed.

    Quotes, apostrophes and dashes are kept as written (the raw text stays the
    reference; use `normalize_with_map` to map characters back to raw offsets).
    """
    if not text:
        return ""
    t = unicodedata.normalize("NFC", text).translate(_TYPO_TABLE)
    t = _CTRL_RE.sub("", t)
    return _MULTISPACE.sub(" ", t).strip()


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """Like `normalize_typography` (without NFC) but also returns, for every output
    character, its offset in `text`, so the original is recoverable."""
    out: list[str] = []
    offs: list[int] = []
    prev_space = True
    for i, ch in enumerate(text):
        if ch in _DROP_CHARS or _CTRL_RE.match(ch):
            continue
        if ch in _SPACE_CHARS or ch == " ":
            if prev_space:
                continue
            out.append(" ")
            offs.append(i)
            prev_space = True
            continue
        out.append(ch)
        offs.append(i)
        prev_space = False
    while out and out[-1] == " ":
        out.pop()
        offs.pop()
    return "".join(out), offs


_FOLD = str.maketrans({"’": "'", "‘": "'", "´": "'", "`": "'", "“": '"', "”": '"', "«": '"', "»": '"',
                       "–": "-", "—": "-", "‐": "-", "‑": "-", "…": "..."})


def fold_quotes(text: str) -> str:
    """ASCII-fold quotes/dashes (for matching only; never for output)."""
    return text.translate(_FOLD)


_KEY_WORD_RE = re.compile(r"\w+", re.UNICODE)


def norm_key(text: str) -> str:
    """Matching key of a line: lower-cased \\w+ tokens joined by one space."""
    return " ".join(_KEY_WORD_RE.findall(text.lower()))
