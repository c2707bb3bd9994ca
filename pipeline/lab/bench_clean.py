"""Body-extraction benchmark: our cleaner vs trafilatura vs jusText, on HTML pages and
on the same pages flattened to text, in one run.

    python -m pipeline.lab.bench_clean [--out bench_clean.json] [-n 48]

Corpus: `pipeline.lab.bench_corpus_html.generate()` (project-made pages, gold bodies known by
construction).  Metric: `pipeline.lab.evaluate_bodies.shingle_f1` (ScrapingHub benchmark),
averaged P and R over documents, F1 of the averages; speed in documents per second
(single process, wall clock, parsing included).
"""
from __future__ import annotations

import argparse
import html as htmlmod
import json
import sys
import time
from pathlib import Path

from pipeline.core.models import RawDocument

from .bench_corpus_html import BenchPage, flatten_html, generate
from .evaluate_bodies import aggregate, shingle_f1


def _ours(pages: list[BenchPage], texts: list[str], fmt: str) -> tuple[list[str], list, float]:
    from pipeline.clean import clean_batch

    docs = [RawDocument(doc_id=p.page_id, source_path=f"{p.page_id}.{fmt}", file_sha256=p.page_id, fmt=fmt, raw_text=t)
            for p, t in zip(pages, texts)]
    t0 = time.perf_counter()
    arts = clean_batch(docs)
    dt = time.perf_counter() - t0
    return [a.body for a in arts], arts, dt


def _trafilatura(texts: list[str]) -> tuple[list[str], float]:
    import trafilatura

    t0 = time.perf_counter()
    out = [trafilatura.extract(t, include_comments=False) or "" for t in texts]
    return out, time.perf_counter() - t0


_STOPLISTS = {"fr": "French", "en": "English"}


def _justext(pages: list[BenchPage], texts: list[str]) -> tuple[list[str], float]:
    import justext

    lists = {k: justext.get_stoplist(v) for k, v in _STOPLISTS.items()}
    t0 = time.perf_counter()
    out = []
    for p, t in zip(pages, texts):
        paras = justext.justext(t.encode("utf-8"), lists.get(p.lang, lists["en"]), encoding="utf-8")
        out.append("\n\n".join(x.text for x in paras if not x.is_boilerplate))
    return out, time.perf_counter() - t0


def _as_html(text: str) -> str:
    """Flattened text given to HTML extractors: one <p> per line."""
    return "<html><body>" + "".join(f"<p>{htmlmod.escape(line)}</p>" for line in text.splitlines()) + "</body></html>"


def _score(preds: list[str], golds: list[str], seconds: float) -> dict:
    pairs = [shingle_f1(p, g) for p, g in zip(preds, golds)]
    res = aggregate(pairs)
    res["docs_per_s"] = len(preds) / seconds if seconds > 0 else float("inf")
    res["seconds"] = seconds
    res["per_doc_f1"] = [round(2 * p * r / (p + r), 4) if p + r else 0.0 for p, r in pairs]
    return res


def run_clean_benchmark(out_json: Path | None = None, n_pages: int = 48, seed: int = 20260204, verbose: bool = True) -> dict:
    pages = generate(n_pages, seed)
    golds = [p.body for p in pages]
    htmls = [p.html for p in pages]
    flats = [flatten_html(h) for h in htmls]
    flat_html = [_as_html(t) for t in flats]
    results: dict[str, dict] = {}

    # warm-up (imports, lazy initialisation) so timings compare steady-state work
    _ours(pages[:2], htmls[:2], "html")
    _trafilatura(htmls[:2])
    _justext(pages[:2], htmls[:2])

    preds, arts, dt = _ours(pages, htmls, "html")
    results["ours/html"] = _score(preds, golds, dt)
    results["ours/html"]["title_accuracy"] = sum(a.title == p.title for a, p in zip(arts, pages)) / len(pages)
    results["ours/html"]["date_accuracy"] = sum(
        (a.published.isoformat() if a.published else None) == p.published for a, p in zip(arts, pages)) / len(pages)
    results["ours/html"]["language_accuracy"] = sum(a.language == p.lang for a, p in zip(arts, pages)) / len(pages)
    preds, dt = _trafilatura(htmls)
    results["trafilatura/html"] = _score(preds, golds, dt)
    preds, dt = _justext(pages, htmls)
    results["justext/html"] = _score(preds, golds, dt)

    preds, arts, dt = _ours(pages, flats, "txt")
    results["ours/text"] = _score(preds, golds, dt)
    results["ours/text"]["title_accuracy"] = sum(a.title == p.title for a, p in zip(arts, pages)) / len(pages)
    preds, dt = _trafilatura(flat_html)
    results["trafilatura/text"] = _score(preds, golds, dt)
    preds, dt = _justext(pages, flat_html)
    results["justext/text"] = _score(preds, golds, dt)

    summary = {
        "pages": len(pages),
        "languages": {lang: sum(p.lang == lang for p in pages) for lang in ("fr", "en")},
        "templates": sorted({p.template for p in pages}),
        "results": results,
        "page_ids": [p.page_id for p in pages],
    }
    table = format_table(summary)
    summary["table"] = table
    if verbose:
        print(table)
    if out_json:
        Path(out_json).write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    return summary


def format_table(summary: dict) -> str:
    rows = [f"{summary['pages']} pages ({summary['languages']}), templates: {', '.join(summary['templates'])}",
            f"{'system':20} {'P':>6} {'R':>6} {'F1':>6} {'docs/s':>8}  extra"]
    for name, r in summary["results"].items():
        extra = " ".join(f"{k[:-9] if k.endswith('_accuracy') else k}={r[k]:.2f}" for k in r if k.endswith("_accuracy"))
        rows.append(f"{name:20} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f} {r['docs_per_s']:8.1f}  {extra}")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("-n", type=int, default=48)
    ap.add_argument("--seed", type=int, default=20260204)
    a = ap.parse_args(argv)
    run_clean_benchmark(a.out, a.n, a.seed)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
