"""Make the built Great Expectations Data Docs site open offline (issue 15).

    localize_site(data_docs_dir)   # after context.build_data_docs(...)

GX's page templates load Bootstrap, jQuery, bootstrap-table (which builds the index's table),
Font Awesome (the status icons), ... from CDNs and the logo from S3: offline the index shows no
rows and the validation pages no styles and no icons. This copies the same files, vendored from
their npm packages under pipeline/quality/templates/data_docs/vendor/ (versions and licences in
its README.md), into <data_docs_dir>/static/vendor/ and rewrites every page built since the last
call to load them by relative path. It also
* points the logo at the copy GX already ships in static/images/ (in dark mode too, where GX's
  style shows another logo from S3);
* drops the Vega scripts from pages that draw no Vega chart (none of the project's suites do);
* builds `expectations/<suite>.html`, which the index and every validation page link to, from the
  suites in expectations/suites/ (GX builds validation pages only); a link to a suite page that
  still does not exist is unlinked, keeping the suite's name as text.

Idempotent: a page already rewritten has nothing left to replace. Pages are only read when
they changed since the last call (a stamp file in the site), so the cost does not grow with the
number of runs the index lists.
"""
from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

VENDOR = Path(__file__).resolve().parent / "templates" / "data_docs" / "vendor"
SUITES = Path(__file__).resolve().parents[2] / "expectations" / "suites"
SITE_VENDOR = Path("static") / "vendor"  # where the site holds the copies
STAMP = ".offline_stamp"

# URL as GX writes it (without query string) -> file under VENDOR
ASSETS = {
    "https://code.jquery.com/jquery-3.7.1.min.js": "jquery-3.7.1/jquery.min.js",
    "https://cdnjs.cloudflare.com/ajax/libs/popper.js/1.12.9/umd/popper.min.js": "popper.js-1.12.9/popper.min.js",
    "https://maxcdn.bootstrapcdn.com/bootstrap/4.3.1/css/bootstrap.min.css": "bootstrap-4.3.1/bootstrap.min.css",
    "https://stackpath.bootstrapcdn.com/bootstrap/4.3.1/js/bootstrap.min.js": "bootstrap-4.3.1/bootstrap.min.js",
    "https://unpkg.com/bootstrap-table@1.19.1/dist/bootstrap-table.min.css":
        "bootstrap-table-1.19.1/bootstrap-table.min.css",
    "https://unpkg.com/bootstrap-table@1.19.1/dist/bootstrap-table.min.js": "bootstrap-table-1.19.1/bootstrap-table.min.js",
    "https://unpkg.com/bootstrap-table@1.19.1/dist/extensions/filter-control/bootstrap-table-filter-control.min.js":
        "bootstrap-table-1.19.1/bootstrap-table-filter-control.min.js",
    # GX asks for the 1.19.0 stylesheet of the extension (and a non-minified one on validation pages)
    "https://unpkg.com/bootstrap-table@1.19.0/dist/extensions/filter-control/bootstrap-table-filter-control.min.css":
        "bootstrap-table-1.19.1/bootstrap-table-filter-control.min.css",
    "https://unpkg.com/bootstrap-table@1.19.0/dist/extensions/filter-control/bootstrap-table-filter-control.css":
        "bootstrap-table-1.19.1/bootstrap-table-filter-control.min.css",
    "https://cdnjs.cloudflare.com/ajax/libs/bootstrap-datepicker/1.9.0/css/bootstrap-datepicker.min.css":
        "bootstrap-datepicker-1.9.0/bootstrap-datepicker.min.css",
    "https://cdnjs.cloudflare.com/ajax/libs/bootstrap-datepicker/1.9.0/js/bootstrap-datepicker.min.js":
        "bootstrap-datepicker-1.9.0/bootstrap-datepicker.min.js",
    "https://cdnjs.cloudflare.com/ajax/libs/font-awesome/6.6.0/css/all.min.css": "fontawesome-free-6.6.0/css/all.min.css",
    "https://cdn.jsdelivr.net/npm/@forevolve/bootstrap-dark@1.1.0/dist/css/bootstrap-prefers-dark.css":
        "bootstrap-dark-1.1.0/bootstrap-prefers-dark.min.css",
}
LOGO_HOST = "https://great-expectations-web-assets.s3.us-east-2.amazonaws.com/"
SITE_IMAGES = Path("static") / "images"  # GX copies its own images there

_RESOURCE = re.compile(r'(?P<attr>\b(?:src|href))="(?P<url>https?://[^"?]+)(?:\?[^"]*)?"')
_VEGA = re.compile(r'<script[^>]*\bsrc="https://cdn\.jsdelivr\.net/npm/vega[^"]*"[^>]*>\s*</script>\s*')
_SUITE_LINK = re.compile(r'<a\b[^>]*?\bhref="(?P<path>(?:\.\./)*expectations/[^"]+\.html)"[^>]*>(?P<text>.*?)</a>', re.S)
# resources a browser would load by itself (anchors are not): what must not point off the site
_LOADED = re.compile(r'<(?:script|img|link|iframe)\b[^>]*?\b(?:src|href)="(https?:[^"]*)"'
                     r"|url\(\s*['\"]?(https?:[^'\")]*)", re.I)
# the dark-mode style shows the logo as a background image from S3 and hides the <img>: show the
# local logo instead, inverted
_DARK_LOGO = re.compile(r"background: url\('" + re.escape(LOGO_HOST) + r"[^']*'\) 0 0 no-repeat;")
_HIDDEN_LOGO = re.compile(r"\.navbar-brand a img \{\s*visibility:hidden\s*\}")


@dataclass
class Localized:
    pages: list[Path] = field(default_factory=list)     # pages rewritten this call
    remote: dict[str, list[str]] = field(default_factory=dict)  # page -> resources still loaded from the network


def vendor_files() -> list[Path]:
    return sorted(p for p in VENDOR.rglob("*") if p.is_file())


def copy_vendor(site: Path) -> Path:
    """Copy the vendored files into <site>/static/vendor (only the missing or changed ones)."""
    dest_root = site / SITE_VENDOR
    for src in vendor_files():
        dest = dest_root / src.relative_to(VENDOR)
        if dest.exists() and dest.stat().st_size == src.stat().st_size:
            continue
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dest)
    return dest_root


def _rel(target: Path, page: Path) -> str:
    return Path(os.path.relpath(target, page.parent)).as_posix()


def localize_page(html: str, page: Path, site: Path) -> str:
    """The page's HTML with CDN/S3 assets replaced by relative paths into the site."""
    if "vegaEmbed" not in html:
        html = _VEGA.sub("", html)

    def asset(m: re.Match) -> str:
        url = m.group("url")
        if url in ASSETS and (site / SITE_VENDOR / ASSETS[url]).exists():  # else keep the CDN: better than nothing
            return f'{m.group("attr")}="{_rel(site / SITE_VENDOR / ASSETS[url], page)}"'
        if url.startswith(LOGO_HOST):
            local = site / SITE_IMAGES / url[len(LOGO_HOST):]
            if local.exists():
                return f'{m.group("attr")}="{_rel(local, page)}"'
        return m.group(0)

    html = _RESOURCE.sub(asset, html)
    html = _DARK_LOGO.sub("background: none;", html)
    html = _HIDDEN_LOGO.sub(".navbar-brand a img { filter: invert(1) hue-rotate(180deg) }", html)

    def suite_link(m: re.Match) -> str:
        if (page.parent / m.group("path")).exists():
            return m.group(0)
        return f'<span class="suite-name">{m.group("text")}</span>'

    return _SUITE_LINK.sub(suite_link, html)


def remote_resources(html: str) -> list[str]:
    """URLs a browser would fetch from the network when opening this page (anchors excluded)."""
    return sorted({a or b for a, b in _LOADED.findall(html)})


def build_suite_pages(site: Path, suites_dir: Path = SUITES) -> list[Path]:
    """Render expectations/<suite>.html for each suite JSON newer than its page (GX's own renderer)."""
    todo = [(f, site / "expectations" / f"{f.stem}.html") for f in sorted(Path(suites_dir).glob("*.json"))]
    todo = [(f, page) for f, page in todo if not page.exists() or page.stat().st_mtime < f.stat().st_mtime]
    if not todo:
        return []
    import json

    from great_expectations.core.expectation_suite import ExpectationSuite
    from great_expectations.render.renderer import ExpectationSuitePageRenderer
    from great_expectations.render.view import DefaultJinjaPageView

    renderer, view = ExpectationSuitePageRenderer(), DefaultJinjaPageView()
    for source, page in todo:
        spec = json.loads(source.read_text(encoding="utf-8"))
        suite = ExpectationSuite(name=spec.get("name") or source.stem, expectations=spec.get("expectations") or [],
                                 meta=spec.get("meta") or {})
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(view.render(renderer.render(suite)), encoding="utf-8")
    return [page for _, page in todo]


def _pages(site: Path, since: float | None):
    for root, dirs, files in os.walk(site):
        dirs[:] = [d for d in dirs if not d.startswith(".") and d != "static"]
        for name in files:
            if name.endswith(".html"):
                path = Path(root) / name
                if since is None or path.stat().st_mtime >= since:
                    yield path


def localize_site(data_docs_dir: Path | str, *, all_pages: bool = False, suites_dir: Path | None = SUITES) -> Localized:
    """Vendor the assets into the site, build the suite pages (unless suites_dir is None) and
    rewrite the pages built since the last call."""
    site = Path(data_docs_dir).resolve()
    out = Localized()
    if not site.is_dir():
        return out
    copy_vendor(site)
    if suites_dir is not None:
        build_suite_pages(site, suites_dir)
    stamp = site / STAMP
    since = None if all_pages or not stamp.exists() else stamp.stat().st_mtime - 1.0
    for page in _pages(site, since):
        html = page.read_text(encoding="utf-8")
        new = localize_page(html, page, site)
        if new != html:
            tmp = page.with_name(page.name + ".tmp")
            tmp.write_text(new, encoding="utf-8")
            tmp.replace(page)
            out.pages.append(page)
        left = remote_resources(new)
        if left:
            out.remote[str(page.relative_to(site))] = left
    stamp.touch()
    return out


__all__ = ["ASSETS", "Localized", "build_suite_pages", "localize_page", "localize_site", "remote_resources",
           "vendor_files"]
