from pipeline.lab.bench_clean import run_clean_benchmark
from pipeline.lab.bench_corpus_html import flatten_html, generate


def test_generator_variety_and_gold():
    pages = generate(12)
    assert len({p.template for p in pages}) == 6 and {p.lang for p in pages} == {"fr", "en"}
    for p in pages:
        assert p.body and p.title not in p.body
        assert all(par in flatten_html(p.html) for par in p.body.split("\n\n"))


def test_benchmark_runs_small():
    res = run_clean_benchmark(None, n_pages=12, verbose=False)
    r = res["results"]
    assert set(r) == {"ours/html", "trafilatura/html", "justext/html", "ours/text", "trafilatura/text", "justext/text"}
    assert r["ours/html"]["f1"] >= 0.9 and r["ours/text"]["f1"] >= 0.85
    assert "docs/s" in res["table"]
