"""Body-extraction benchmark, in one run:

1. real pages: `../shared/benchmarks/aeb` (article-extraction benchmark, human-written bodies),
   on the HTML (ours vs trafilatura alone) and on the flattened text of the same pages (ours vs
   trafilatura vs a C4-style line filter);
2. generated pages (`bench_corpus_html.generate()`, gold known by construction): ours vs
   trafilatura vs jusText, HTML and flattened;
3. plain-text dumps: `../shared` seeds and the repo's held-out set `tests/data/clean_set`.

    python -m pipeline.lab.bench_clean [--out bench_clean.json] [-n 48] [--shared ../shared]

Metric: `pipeline.lab.evaluate_bodies.shingle_f1` (ScrapingHub benchmark), averaged P and R
over documents (precision left out for an empty prediction), F1 of the averages; speed in
pages per second of process CPU time (single process, parsing included, after a warm-up; on
the real pages the best of three interleaved rounds), so that neighbours on a shared machine
do not decide it.
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
from .evaluate_bodies import aggregate, aggregate_counts, shingle_counts, shingle_f1


def _ours(pages: list[BenchPage], texts: list[str], fmt: str) -> tuple[list[str], list, float]:
    from pipeline.clean import clean_batch

    docs = [RawDocument(doc_id=p.page_id, source_path=f"{p.page_id}.{fmt}", file_sha256=p.page_id, fmt=fmt, raw_text=t)
            for p, t in zip(pages, texts)]
    t0 = time.process_time()
    arts = clean_batch(docs)
    dt = time.process_time() - t0
    return [a.body for a in arts], arts, dt


def _trafilatura(texts: list[str]) -> tuple[list[str], float]:
    import trafilatura

    t0 = time.process_time()
    out = [trafilatura.extract(t, include_comments=False) or "" for t in texts]
    return out, time.process_time() - t0


_STOPLISTS = {"fr": "French", "en": "English"}


def _justext(pages: list[BenchPage], texts: list[str]) -> tuple[list[str], float]:
    import justext

    lists = {k: justext.get_stoplist(v) for k, v in _STOPLISTS.items()}
    t0 = time.process_time()
    out = []
    for p, t in zip(pages, texts):
        paras = justext.justext(t.encode("utf-8"), lists.get(p.lang, lists["en"]), encoding="utf-8")
        out.append("\n\n".join(x.text for x in paras if not x.is_boilerplate))
    return out, time.process_time() - t0


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


# --- real pages and plain-text dumps -------------------------------------------------------

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
_TERMINAL = tuple(".!?\"'”’»…")


def flatten_like_scrape(page_html: str) -> str:
    """The AEB README's flattened text: BeautifulSoup get_text("\\n") without script/style/
    noscript/template, whitespace collapsed per line, empty lines dropped."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page_html, "lxml")
    for t in soup(["script", "style", "noscript", "template"]):
        t.decompose()
    lines = (" ".join(x.split()) for x in soup.get_text("\n").splitlines())
    return "\n".join(x for x in lines if x)


def line_filter(text: str) -> str:
    """C4-style baseline: keep lines of >= 5 words that end in terminal punctuation."""
    return "\n".join(x for x in text.splitlines() if len(x.split()) >= 5 and x.rstrip().endswith(_TERMINAL))


def _timed(fn, inputs: list, rounds: int = 1) -> tuple[list[str], float]:
    """Output and the best of `rounds` process CPU times: on a shared machine wall clock
    measures the neighbours as much as the system."""
    fn(inputs[:2])  # warm-up: imports, lazy initialisation
    best = float("inf")
    for _ in range(rounds):
        t0 = time.process_time()
        out = fn(inputs)
        best = min(best, time.process_time() - t0)
    return out, best


def _ours_fn(fmt: str, with_title: bool = False):
    from pipeline.clean import clean_document

    def run(items: list) -> list[str]:
        out = []
        for i, (text, url) in enumerate(items):
            a = clean_document(RawDocument(doc_id=str(i), source_path=f"p{i}.{fmt}", file_sha256=str(i), fmt=fmt,
                                           raw_text=text, url=url))
            out.append(f"{a.title}\n\n{a.body}" if with_title and a.title else a.body)
        return out
    return run


def _trafilatura_fn(wrap: bool):
    import trafilatura

    def run(items: list) -> list[str]:
        return [trafilatura.extract(_as_html(t) if wrap else t, include_comments=False) or "" for t, _ in items]
    return run


def _line_filter_fn(flatten: bool):
    def run(items: list) -> list[str]:
        return [line_filter(flatten_like_scrape(t) if flatten else t) for t, _ in items]
    return run


def _row(preds: list[str], golds: list[str], seconds: float) -> dict:
    res = aggregate_counts([shingle_counts(p, g) for p, g in zip(preds, golds)])
    res["pages_per_s"] = len(preds) / seconds if seconds > 0 else float("inf")
    res["per_page_f1"] = [round(f1_of(p, g), 4) for p, g in zip(preds, golds)]
    return res


def f1_of(pred: str, gold: str) -> float:
    p, r = shingle_f1(pred, gold)
    return 2 * p * r / (p + r) if p + r else 0.0


def load_aeb(folder: Path) -> tuple[list[str], list[tuple[str, str]], list[str]]:
    """(ids, [(html, url)], gold bodies) of the benchmark pages in `folder`."""
    import gzip

    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(k for k in truth if (folder / "html" / f"{k}.html.gz").exists())
    pages = [(gzip.decompress((folder / "html" / f"{k}.html.gz").read_bytes()).decode("utf-8", "replace"),
              truth[k].get("url")) for k in ids]
    return ids, pages, [truth[k].get("articleBody") or "" for k in ids]


def run_aeb(folder: Path, rounds: int = 3) -> dict:
    ids, pages, golds = load_aeb(folder)
    flats = [(flatten_like_scrape(h), None) for h, _ in pages]
    systems = [("html", "ours", _ours_fn("html"), pages), ("html", "trafilatura", _trafilatura_fn(False), pages),
               ("html", "line-filter", _line_filter_fn(True), pages),
               ("text", "ours", _ours_fn("txt"), flats), ("text", "trafilatura", _trafilatura_fn(True), flats),
               ("text", "line-filter", _line_filter_fn(False), flats)]
    # rounds interleaved (every system once per round, best round kept): a neighbour's burst
    # then slows all systems of a round, not the one that happened to run during it
    best: dict[str, tuple[list[str], float]] = {}
    for _ in range(rounds):
        for inp, name, fn, items in systems:
            preds, dt = _timed(fn, items)
            key = f"{name}/{inp}"
            if key not in best or dt < best[key][1]:
                best[key] = (preds, dt)
    results = {key: _row(preds, golds, dt) for key, (preds, dt) in best.items()}
    return {"pages": len(ids), "ids": ids, "results": results}


def load_plaintext(folder: Path, dumps: Path | None = None) -> tuple[list[str], list[tuple[str, None]], list[str]]:
    """A plain-text set: dumps/<doc>.txt (or `dumps`) with gold bodies/<doc>.txt."""
    dumps = dumps or folder / "dumps"
    gold_dir = folder / "bodies"
    ids = sorted(p.stem for p in gold_dir.glob("*.txt") if (dumps / p.name).exists())
    return (ids, [((dumps / f"{k}.txt").read_text(encoding="utf-8"), None) for k in ids],
            [(gold_dir / f"{k}.txt").read_text(encoding="utf-8") for k in ids])


def run_plaintext(ids: list[str], items: list, golds: list[str]) -> dict:
    systems = [("ours", _ours_fn("txt", with_title=True)), ("trafilatura", _trafilatura_fn(True)),
               ("line-filter", _line_filter_fn(False))]
    results = {}
    for name, fn in systems:
        preds, dt = _timed(fn, items)
        results[name] = _row(preds, golds, dt)
    return {"pages": len(ids), "ids": ids, "results": results}


def format_rows(title: str, res: dict) -> str:
    rows = [title, f"{'system':22} {'F1':>6} {'P':>6} {'R':>6} {'empty':>6} {'pages/s':>8}"]
    for name, r in res["results"].items():
        rows.append(f"{name:22} {r['f1']:6.3f} {r['precision']:6.3f} {r['recall']:6.3f} {r['empty']:6d} "
                    f"{r['pages_per_s']:8.1f}")
    return "\n".join(rows)


def run_all(out_json: Path | None = None, n_pages: int = 48, shared: Path = SHARED) -> dict:
    report: dict = {}
    parts: list[str] = []
    aeb = shared / "benchmarks" / "aeb"
    if (aeb / "ground-truth.json").exists():
        report["aeb"] = run_aeb(aeb)
        parts.append(format_rows(f"1. Real pages: {report['aeb']['pages']} AEB pages ({aeb}); html = the page, "
                                 "text = its flattened text", report["aeb"]))
    else:
        parts.append(f"1. Real pages: SKIPPED, {aeb} not found (the AEB pages live in ../shared beside the repo)")
    gen = run_clean_benchmark(None, n_pages, verbose=False)
    report["generated"] = gen
    parts.append("2. Generated pages (pipeline.lab.bench_corpus_html)\n" + gen["table"])
    sets = [("seeds", shared / "gold", shared / "seeds"), ("own held-out set", REPO / "tests/data/clean_set", None),
            ("own dev set", REPO / "tests/data/clean_dev", None)]
    for k, (name, folder, dumps) in enumerate(sets, 3):
        if not (folder / "bodies").is_dir() or (dumps is not None and not dumps.is_dir()):
            parts.append(f"{k}. Plain-text dumps, {name}: SKIPPED ({folder} not found)")
            continue
        report[name] = run_plaintext(*load_plaintext(folder, dumps))
        parts.append(format_rows(f"{k}. Plain-text dumps, {name} ({report[name]['pages']} dumps, title + body)",
                                 report[name]))
    text = "\n\n".join(parts)
    report["table"] = text
    print(text)
    if out_json:
        Path(out_json).write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return report


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("-n", type=int, default=48, help="generated pages")
    ap.add_argument("--shared", type=Path, default=SHARED)
    a = ap.parse_args(argv)
    run_all(a.out, a.n, a.shared)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
