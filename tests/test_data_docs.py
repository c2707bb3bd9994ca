"""GX Data Docs that open offline (pipeline/quality/data_docs.py, issue 15).

Unit tests on the rewriting, then a real site built by the audit (GX) and opened in headless
Chromium with every host name unresolvable; Chromium's network log must show no request that
left file://, and a probe script checks the rendered DOM: the index's JavaScript-built table has
its rows, the Font Awesome status icons render, Bootstrap's styles apply. Screenshots go to
docs/screenshots/data_docs_{index,validation,suite}.png (refreshed with NEWSEVENTS_UPDATE_SCREENSHOTS=1, or when missing).
Needs /usr/bin/chromium for the browser tests (skipped with the reason when absent).
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from pipeline.quality import data_docs  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = REPO / "docs" / "screenshots"
NO_CHROMIUM = "headless Chromium not installed (/usr/bin/chromium): `make setup` or apt-get install -y chromium"

GX_HEAD = (
    '<link href="https://maxcdn.bootstrapcdn.com/bootstrap/4.3.1/css/bootstrap.min.css" rel="stylesheet">'
    '<link rel="stylesheet" href="https://cdnjs.cloudflare.com/ajax/libs/font-awesome/6.6.0/css/all.min.css">'
    '<script src="https://code.jquery.com/jquery-3.7.1.min.js"></script>'
    '<script src="https://cdn.jsdelivr.net/npm/vega@5"></script>\n'
    '<img src="https://great-expectations-web-assets.s3.us-east-2.amazonaws.com/logo-long.png?d=20261206T1">'
    '<a href="https://greatexpectations.io">GX</a>'
)


# ----------------------------------------------------------------------------- rewriting
def test_every_asset_is_vendored():
    for url, rel in data_docs.ASSETS.items():
        assert (data_docs.VENDOR / rel).is_file(), (url, rel)
    # the icon font the stylesheet points at, and the licences
    css = (data_docs.VENDOR / "fontawesome-free-6.6.0/css/all.min.css").read_text()
    for font in re.findall(r"url\(\.\./webfonts/([^)]+\.woff2)\)", css):
        assert (data_docs.VENDOR / "fontawesome-free-6.6.0/webfonts" / font).is_file(), font
    assert len(list(data_docs.VENDOR.glob("*/LICENSE*"))) >= 6
    assert (data_docs.VENDOR / "README.md").is_file()


def test_localize_page_rewrites_assets_and_dead_suite_links(tmp_path):
    site = tmp_path / "site"
    page = site / "validations" / "articles" / "run" / "t" / "p.html"
    page.parent.mkdir(parents=True)
    (site / "static" / "images").mkdir(parents=True)
    (site / "static" / "images" / "logo-long.png").write_bytes(b"png")
    (site / "expectations").mkdir()
    (site / "expectations" / "built.html").write_text("x")
    html = (GX_HEAD + '<a href="../../../../expectations/articles.html" >articles</a>'
            '<a class="k" href="../../../../expectations/built.html">built</a>')
    # without the vendored copies in the site (a broken install) the CDN links stay, and are reported
    assert "https://code.jquery.com/jquery-3.7.1.min.js" in data_docs.remote_resources(
        data_docs.localize_page(html, page, site))
    data_docs.copy_vendor(site)
    out = data_docs.localize_page(html, page, site)
    assert 'href="../../../../static/vendor/bootstrap-4.3.1/bootstrap.min.css"' in out
    assert 'src="../../../../static/vendor/jquery-3.7.1/jquery.min.js"' in out
    assert 'src="../../../../static/images/logo-long.png"' in out
    assert "vega" not in out  # no chart on the page: no Vega
    assert '<span class="suite-name">articles</span>' in out and "expectations/articles.html" not in out
    assert 'href="../../../../expectations/built.html"' in out  # a page that exists stays linked
    assert data_docs.remote_resources(out) == []
    assert 'href="https://greatexpectations.io"' in out  # a plain link is not a resource
    dark = ("background: url('https://great-expectations-web-assets.s3.us-east-2.amazonaws.com/full_logo_dark.png')"
            " 0 0 no-repeat;")
    assert data_docs.remote_resources(dark) == [
        "https://great-expectations-web-assets.s3.us-east-2.amazonaws.com/full_logo_dark.png"]
    assert data_docs.remote_resources(data_docs.localize_page(dark, page, site)) == []
    assert data_docs.localize_page(out, page, site) == out  # idempotent


def test_remote_resources_reports_what_is_left():
    html = '<script src="https://cdn.jsdelivr.net/npm/vega@5"></script><div>vegaEmbed(x)</div>'
    assert data_docs.remote_resources(data_docs.localize_page(html, Path("/s/p.html"), Path("/s"))) == [
        "https://cdn.jsdelivr.net/npm/vega@5"]


def test_localize_site_copies_vendor_and_only_rereads_new_pages(tmp_path):
    site = tmp_path / "site"
    (site / "static" / "images").mkdir(parents=True)
    (site / "static" / "images" / "logo-long.png").write_bytes(b"png")  # GX copies its images there
    (site / "index.html").write_text(GX_HEAD)
    first = data_docs.localize_site(site, suites_dir=None)
    assert [p.name for p in first.pages] == ["index.html"] and first.remote == {}
    for rel in data_docs.ASSETS.values():
        assert (site / "static" / "vendor" / rel).is_file()
    old = site / "index.html"
    os.utime(old, (1, 1))  # built long ago: not read again
    (site / "new.html").write_text(GX_HEAD)
    second = data_docs.localize_site(site, suites_dir=None)
    assert [p.name for p in second.pages] == ["new.html"]
    assert data_docs.localize_site(tmp_path / "missing").pages == []


# ----------------------------------------------------------------------------- in Chromium, offline
# Appended to a copy of the page: once loaded and its fonts ready, it writes what it measured into
# <pre id="probe"> for --dump-dom (no timers: --virtual-time-budget lets the page settle).
PROBE = """
window.addEventListener('load', function () {
  document.fonts.ready.then(function () {
    var icons = Array.from(document.querySelectorAll('i.fas, i.far, i.fa'));
    var drawn = icons.filter(function (i) {
      var before = getComputedStyle(i, '::before');
      return getComputedStyle(i).fontFamily.indexOf('Font Awesome') >= 0 && i.getBoundingClientRect().width > 0
        && before.content && before.content !== 'none' && before.content !== 'normal';
    });
    var probe = document.createElement('div'); probe.className = 'container'; document.body.appendChild(probe);
    var tables = Array.from(document.querySelectorAll('table')).map(function (t) {
      var box = t.parentElement.getBoundingClientRect(), r = t.getBoundingClientRect();
      return {right: Math.round(r.right), parent_right: Math.round(box.right), scroll: t.scrollWidth,
              width: t.clientWidth};
    });
    var out = {
      rows: document.querySelectorAll('table tbody tr').length,
      icons: icons.length, icons_ok: drawn.length,
      ok_icons: drawn.filter(function (i) { return i.classList.contains('fa-check-circle'); }).length,
      failed_icons: drawn.filter(function (i) { return i.classList.contains('fa-times'); }).length,
      fa_font: document.fonts.check('900 16px "Font Awesome 6 Free"'),
      bootstrap: getComputedStyle(probe).marginLeft !== '0px' || getComputedStyle(probe).paddingLeft === '15px',
      broken_images: Array.from(document.images).filter(function (i) { return !i.naturalWidth; })
        .map(function (i) { return i.src; }),
      jquery: typeof window.jQuery,
      doc_width: document.documentElement.scrollWidth, view_width: document.documentElement.clientWidth,
      tables: tables
    };
    probe.remove();
    var pre = document.createElement('pre'); pre.id = 'probe'; pre.textContent = JSON.stringify(out);
    document.body.appendChild(pre);
  });
});
"""


def chromium(profile: Path, *args: str) -> subprocess.CompletedProcess:
    cmd = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           '--host-resolver-rules=MAP * ~NOTFOUND', f"--user-data-dir={profile}", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


def probe(page: Path, tmp: Path, size: str = "1400,1000", *flags: str) -> tuple[dict, list[str]]:
    """Open a copy of `page` (same folder, so relative paths hold) with the probe script appended;
    return (what the probe measured, URLs the page asked the network for)."""
    copy = page.with_name(f"_probe_{page.name}")
    copy.write_text(page.read_text(encoding="utf-8").replace("</body>", f"<script>{PROBE}</script></body>"),
                    encoding="utf-8")
    netlog = tmp / f"net_{page.stem}.json"
    try:
        proc = chromium(tmp / "profile", f"--window-size={size}", "--virtual-time-budget=10000",
                        f"--log-net-log={netlog}", *flags, "--dump-dom", copy.as_uri())
    finally:
        copy.unlink()
    assert proc.returncode == 0, proc.stderr[-2000:]
    found = re.search(r'<pre id="probe">(.*?)</pre>', proc.stdout, re.S)
    assert found, "the probe did not run: " + proc.stdout[-1500:]
    return json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&")), page_requests(netlog)


def page_requests(netlog: Path) -> list[str]:
    """Network requests made for the file:// page (Chromium's own services are another origin)."""
    events = json.loads(netlog.read_text(encoding="utf-8"))["events"]
    urls = set()
    for e in events:
        params = e.get("params") or {}
        if "url" in params and "file://" in str(params.get("network_isolation_key", "")):
            urls.add(params["url"])
    return sorted(u for u in urls if not u.startswith("file:"))


def shot(page: Path, name: str, tmp: Path, size: str = "1400,1000") -> Path:
    target = SCREENSHOTS / name
    if os.environ.get("NEWSEVENTS_UPDATE_SCREENSHOTS") != "1" and target.exists():
        target = tmp / name
    target.parent.mkdir(parents=True, exist_ok=True)
    proc = chromium(tmp / "profile", f"--screenshot={target}", f"--window-size={size}", "--hide-scrollbars",
                    "--virtual-time-budget=10000", page.as_uri())
    assert proc.returncode == 0 and target.stat().st_size > 10_000, proc.stderr[-2000:]
    return target


@pytest.fixture(scope="module")
def built_site(tmp_path_factory):
    from test_audit import RUN_DATE, make_batch

    from pipeline.quality import audit

    docs = tmp_path_factory.mktemp("data_docs")
    frames = make_batch()
    frames["articles"].loc[0, "body"] = ""  # failed expectations, so both kinds of status icon show
    frames["articles"].loc[0, "n_chars"] = 0
    result = audit.audit_batch(frames, "20261206T100000_cli_abcdef", docs, run_date=RUN_DATE)
    assert not all(r["success"] for r in result.results if r["suite"] == "articles")
    return docs, result


def test_built_site_has_no_remote_assets(built_site):
    docs, result = built_site
    suites = sorted(p.stem for p in data_docs.SUITES.glob("*.json"))
    assert sorted(p.stem for p in (docs / "expectations").glob("*.html")) == suites  # built, so linked
    index = (docs / "index.html").read_text(encoding="utf-8")
    assert all(f'href="expectations/{s}.html"' in index for s in suites)
    for page in docs.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert data_docs.remote_resources(html) == [], page
        for target in re.findall(r'href="((?:\.\./)*expectations/[^"]+)"', html):
            assert (page.parent / target).exists(), (page, target)
    assert result.pages and all(Path(p).exists() for p in result.pages.values())


@pytest.mark.skipif(not CHROMIUM.exists(), reason=NO_CHROMIUM)
def test_index_renders_offline(built_site, tmp_path):
    docs, result = built_site
    seen, requests = probe(docs / "index.html", tmp_path)
    assert requests == [], requests
    assert seen["jquery"] == "function"
    assert seen["rows"] == len(result.pages) == 6, seen  # the table bootstrap-table builds from JSON
    assert seen["icons"] >= 6 and seen["icons_ok"] == seen["icons"], seen
    assert seen["failed_icons"] >= 1 and seen["ok_icons"] >= 1, seen  # the failed suite stands out
    assert seen["fa_font"] is True
    assert seen["bootstrap"] is True, seen  # Bootstrap's stylesheet applied
    assert seen["broken_images"] == [], seen
    shot(docs / "index.html", "data_docs_index.png", tmp_path)
    # in dark mode GX's style asks S3 for another logo: not any more
    dark, requests = probe(docs / "index.html", tmp_path, "1400,1000", "--force-dark-mode")
    assert requests == [] and dark["rows"] == seen["rows"] and dark["broken_images"] == [], (requests, dark)


@pytest.mark.skipif(not CHROMIUM.exists(), reason=NO_CHROMIUM)
def test_validation_page_renders_offline(built_site, tmp_path):
    docs, result = built_site
    page = Path(result.pages["articles"])
    seen, requests = probe(page, tmp_path)
    assert requests == [], requests
    assert seen["icons"] >= 2 and seen["icons_ok"] == seen["icons"], seen
    assert seen["failed_icons"] >= 1 and seen["ok_icons"] >= 1, seen
    assert seen["fa_font"] is True and seen["bootstrap"] is True, seen
    assert seen["broken_images"] == [], seen
    shot(page, "data_docs_validation.png", tmp_path)
    suite_page = docs / "expectations" / "articles.html"  # where the page's "Expectation Suite" link goes
    assert re.search(r'href="(\.\./)+expectations/articles\.html"', page.read_text(encoding="utf-8"))
    seen, requests = probe(suite_page, tmp_path)
    assert requests == [] and seen["bootstrap"] is True and seen["broken_images"] == [], (requests, seen)
    n = len(json.loads((data_docs.SUITES / "articles.json").read_text(encoding="utf-8"))["expectations"])
    assert f"contains {n} total Expectations" in " ".join(suite_page.read_text(encoding="utf-8").split())
    shot(suite_page, "data_docs_suite.png", tmp_path)
