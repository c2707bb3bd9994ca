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


def _tiny_aeb(folder):
    import gzip
    import json

    body = ("The council approved the new budget on Monday after a long debate about school funding and "
            "road repairs in the northern districts of the city.\n\nThe opposition voted against the plan, "
            "saying it relied on optimistic forecasts of tax revenue for the coming year.")
    html = ("<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>Budget approved</h1>"
            + "".join(f"<p>{p}</p>" for p in body.split("\n\n")) + "</article><footer>Contact us</footer></body></html>")
    (folder / "html").mkdir(parents=True)
    (folder / "html" / "p1.html.gz").write_bytes(gzip.compress(html.encode()))
    (folder / "ground-truth.json").write_text(json.dumps({"p1": {"articleBody": body, "url": None}}))


def test_aeb_rows_and_metric(tmp_path):
    from pipeline.lab.bench_clean import format_rows, run_aeb

    _tiny_aeb(tmp_path / "aeb")
    res = run_aeb(tmp_path / "aeb", rounds=1)
    r = res["results"]
    assert set(r) == {f"{s}/{i}" for s in ("ours", "trafilatura", "line-filter") for i in ("html", "text")}
    assert r["ours/html"]["f1"] > 0.9 and r["ours/html"]["empty"] == 0
    assert r["line-filter/text"]["precision"] == 1.0  # the two body lines are the only long sentences
    assert "pages/s" in format_rows("t", res)


def test_missing_shared_is_reported_not_fatal(tmp_path, capsys):
    from pipeline.lab.bench_clean import run_all

    report = run_all(None, n_pages=6, shared=tmp_path / "nowhere")
    out = capsys.readouterr().out
    assert "SKIPPED" in out and "aeb" not in report and "seeds" not in report
    assert report["own held-out set"]["results"]["ours"]["f1"] >= 0.98


def test_line_filter_and_flattening():
    from pipeline.lab.bench_clean import flatten_like_scrape, line_filter

    flat = flatten_like_scrape("<html><body><script>x()</script><p>One two  three four five.</p><p>Menu</p></body></html>")
    assert flat.splitlines() == ["One two three four five.", "Menu"]
    assert line_filter(flat) == "One two three four five."
