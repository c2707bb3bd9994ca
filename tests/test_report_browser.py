"""Run report in a real browser: headless Chromium loads it from file:// (no server, no network).

Needs the Debian package `chromium` (/usr/bin/chromium); skipped when it is absent.
Keeps a screenshot at docs/screenshots/run_report.png when NEWSEVENTS_UPDATE_SCREENSHOTS=1.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_data_docs import probe  # noqa: E402
from test_report import FAILED_RUN, PUBLISHED_RUN, add_history, build_report_fixture  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
REPO = Path(__file__).resolve().parent.parent
SCREENSHOT = REPO / "docs" / "screenshots" / "run_report.png"

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="headless Chromium not installed (/usr/bin/chromium): apt-get install -y chromium",
)


def _chromium(profile: Path, *args: str, timeout: int = 90) -> subprocess.CompletedProcess:
    cmd = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={profile}", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)


def dump_dom(url: str, profile: Path) -> str:
    proc = _chromium(profile, "--dump-dom", url)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


def screenshot(url: str, png: Path, profile: Path, size: str = "1280,2000") -> Path:
    png.parent.mkdir(parents=True, exist_ok=True)
    proc = _chromium(profile, f"--screenshot={png}", f"--window-size={size}", "--hide-scrollbars", url)
    assert proc.returncode == 0 and png.exists() and png.stat().st_size > 10_000, proc.stderr[-2000:]
    return png


@pytest.fixture
def reports(tmp_path):
    from pipeline.quality.report import write_run_report

    settings = build_report_fixture(tmp_path / "proj")
    published = write_run_report(settings, PUBLISHED_RUN)
    failed = write_run_report(settings, FAILED_RUN)
    return settings, published, failed


def test_run_report_renders_in_chromium(reports, tmp_path):
    settings, published, _ = reports
    dom = dump_dom(published.as_uri(), tmp_path / "profile")
    # the charts survived parsing as real SVG elements, with accessible titles and labels
    assert dom.count('<svg class="chart"') >= 3, dom[:2000]
    assert "<title>Event mentions per PLOVER type</title>" in dom
    assert "<title>Event mentions over time, by date precision</title>" in dom
    assert re.search(r'<rect class="period"[^>]*data-precision="day"', dom)
    assert re.search(r'<text class="label"[^>]*>CONSULT</text>', dom)
    # quarantine reasons and paths
    for reason in ("binary_content", "malformed_jsonl_line"):
        assert reason in dom
    assert "/landing/blob.bin" in dom
    # escaped text stayed text: no injected script element
    assert "<script>" not in dom and "&lt;script&gt;" in dom
    # relative links into the Data Docs, which exist on disk
    hrefs = re.findall(r'<a class="datadocs" href="([^"]+)"', dom)
    assert any(h.endswith("data_docs/index.html") for h in hrefs), hrefs
    assert any("validations/articles/" in h for h in hrefs), hrefs
    for h in hrefs:
        assert (published.parent / h).resolve().exists(), h

    if os.environ.get("NEWSEVENTS_UPDATE_SCREENSHOTS") == "1" or not SCREENSHOT.exists():
        png = SCREENSHOT
    else:
        png = tmp_path / "run_report.png"
    screenshot(published.as_uri(), png, tmp_path / "profile")


def test_failed_run_and_data_docs_pages_in_chromium(reports, tmp_path):
    settings, published, failed = reports
    profile = tmp_path / "profile"
    dom = dump_dom(failed.as_uri(), profile)
    assert "audit_failed" in dom and "staging" in dom and "empty_file" in dom
    assert '<svg class="chart"' in dom
    hrefs = re.findall(r'<a class="datadocs" href="([^"]+)"', dom)
    page = next(h for h in hrefs if "validations/event_mentions/" in h)
    # follow the link the way the browser resolves it: the Data Docs page opens
    target = (failed.parent / page).resolve()
    docs_dom = dump_dom(target.as_uri(), profile)
    assert f"Validation event_mentions {FAILED_RUN}" in docs_dom
    index_dom = dump_dom((settings.data_docs_dir / "index.html").as_uri(), profile)
    assert "Data Docs" in index_dom and "validations/articles/" in index_dom
    # the runs index links both reports, latest first
    runs_dom = dump_dom((settings.reports_dir / "index.html").as_uri(), profile).split('<h2 id="runs">')[1]
    assert runs_dom.index(FAILED_RUN) < runs_dom.index(PUBLISHED_RUN)
    assert f'href="runs/{FAILED_RUN}.html"' in runs_dom
    shot = screenshot(failed.as_uri(), tmp_path / "failed.png", profile, "1280,1600")
    if os.environ.get("NEWSEVENTS_UPDATE_SCREENSHOTS") == "1":
        shutil.copy(shot, SCREENSHOT.with_name("run_report_audit_failed.png"))


def test_index_trends_and_table_fit_at_1400px(reports, tmp_path):
    """The index of runs at 1,400 px: trend charts drawn, the runs table not cut on the right."""
    from pipeline.quality.report import write_index

    settings, _, _ = reports
    add_history(settings)
    index = write_index(settings)
    seen, requests = probe(index, tmp_path, size="1400,1000")
    assert requests == [], requests  # the reports need no network either
    assert seen["doc_width"] <= seen["view_width"], seen  # no horizontal scroll of the page
    runs_table = seen["tables"][-1]
    assert runs_table["right"] <= runs_table["parent_right"] and runs_table["scroll"] <= runs_table["width"] + 1, seen
    dom = dump_dom(index.as_uri(), tmp_path / "profile")
    assert dom.count('<svg class="chart"') == 6 and dom.count("<circle") >= 20
    assert "Airflow DAG" in dom and "skipped after ingest" in dom
    png = SCREENSHOT.with_name("runs_index.png")
    if os.environ.get("NEWSEVENTS_UPDATE_SCREENSHOTS") != "1" and png.exists():
        png = tmp_path / "runs_index.png"
    screenshot(index.as_uri(), png, tmp_path / "profile", "1400,1700")
