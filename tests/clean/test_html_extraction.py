"""HTML: trafilatura's main text + our explicit signals, residual page lines recorded, fallbacks."""
from __future__ import annotations

import random

import pytest

from pipeline.clean import clean_document
from pipeline.core.models import RawDocument

PARAS = [
    "The harbour authority said on Monday that the new container terminal would open in the spring, two years "
    "later than planned, after a long dispute with the contractor over the cost of the foundations.",
    "Shipping companies had been told to expect the terminal last autumn, and several of them have already "
    "moved part of their traffic to neighbouring ports while they wait for the new quays.",
    "The authority's director said the delay had cost about forty million euros, most of it paid by the "
    "contractor under the penalty clauses of the contract signed in 2021.",
    "Unions welcomed the announcement but asked for guarantees that the dockers hired for the terminal would "
    "keep their jobs during the months of testing before the official opening.",
]


def html_doc(html: str) -> RawDocument:
    return RawDocument(doc_id="h", source_path="/tmp/h.html", file_sha256="h", fmt="html", raw_text=html)


def page(paras: list[str], extra_article: str = "") -> str:
    ps = "".join(f"<p>{p}</p>" for p in paras)
    return ("<html lang='en'><head><title>Terminal delayed | Port News</title></head><body>"
            "<header><nav><a href='/'>Home</a> <a href='/ports'>Ports</a> <a href='/ships'>Ships</a></nav></header>"
            f"<main><article><h1>New container terminal delayed until spring</h1>{ps}{extra_article}</article></main>"
            "<aside><h3>Most read</h3><ul><li><a href='/a'>Ferry strike ends after two weeks</a></li>"
            "<li><a href='/b'>Port of Ghent breaks cargo record</a></li></ul></aside>"
            "<footer>© Port News 2025. All rights reserved.</footer></body></html>")


def test_article_text_and_residual_lines_recorded():
    art = clean_document(html_doc(page(PARAS)))
    assert art.paragraphs == PARAS
    reasons = {r.reason for r in art.removed}
    assert {"navigation", "page_footer"} <= reasons or {"page_header", "page_footer"} <= reasons
    removed_text = " ".join(r.text for r in art.removed)
    assert "Ferry strike ends" in removed_text and "All rights reserved" in removed_text


@pytest.mark.parametrize("line,reason", [
    ("(Reporting by Jane Doe; Editing by John Smith)", "byline"),
    ("Associated Press writer Mark Lee contributed to this report.", "byline"),
    ("Follow Port News on Twitter and Facebook.", "promo"),
    ("Click to share on Twitter (Opens in new window)", "promo"),
    ("Sign up for our morning briefing and get the day's news delivered to your inbox every day.", "newsletter"),
])
def test_explicit_furniture_inside_extracted_text(line, reason):
    art = clean_document(html_doc(page(PARAS[:2] + [line] + PARAS[2:])))
    assert art.paragraphs == PARAS
    assert any(r.reason == reason and line in r.text for r in art.removed)


def test_layout_table_page_keeps_paragraph_structure():
    # old-style layout: the article in a table cell with <br> paragraphs
    body = "<br><br>".join(PARAS)
    html = ("<html><head><title>Terminal</title></head><body><table><tr><td class='main'>"
            "<h1>New container terminal delayed until spring</h1><div class='by'>By Anna Berg</div>"
            f"<div class='txt'>{body}</div></td><td class='side'>Weather | Markets | Jobs</td></tr></table>"
            "</body></html>")
    art = clean_document(html_doc(html))
    assert art.paragraphs == PARAS


@pytest.mark.parametrize("seed", range(8))
def test_short_article_never_empty(seed):
    # one or two short paragraphs in generic markup: the fallbacks must find them
    rng = random.Random(seed)
    paras = rng.sample(PARAS, rng.randint(1, 2))
    wrapper = rng.choice(["div class='c'", "section", "td", "span"])
    inner = "".join(f"<{wrapper}>{p}</{wrapper.split()[0]}>" for p in paras)
    html = f"<html><body><div id='x{seed}'>{inner}</div></body></html>"
    if wrapper == "td":
        html = f"<html><body><table><tr>{inner}</tr></table></body></html>"
    art = clean_document(html_doc(html))
    assert art.body, html
    assert all(p in art.body for p in paras)
