"""Data Docs that read offline: GX's templates load Bootstrap, bootstrap-table, jQuery,
Font Awesome... from CDNs. `make_offline` copies those exact files (vendored from their
npm packages, with their licenses, in `datadocs_static/`) into the site and points every
page at them.

Vega, vega-lite and vega-embed are dropped rather than vendored: GX uses them only for
profiling charts, which these Data Docs do not have (and they weigh 1.5 MB).
"""

from __future__ import annotations

import os
import pathlib
import re
import shutil

STATIC = pathlib.Path(__file__).with_name("datadocs_static")
VENDOR = "static/vendor"  # inside the Data Docs site

# CDN URL (as in GX's templates) -> the vendored file, relative to datadocs_static/.
ASSETS = {
    "https://unpkg.com/bootstrap-table@1.19.1/dist/bootstrap-table.min.css": "bootstrap-table-1.19.1/bootstrap-table.min.css",
    "https://unpkg.com/bootstrap-table@1.19.1/dist/bootstrap-table.min.js": "bootstrap-table-1.19.1/bootstrap-table.min.js",
    "https://unpkg.com/bootstrap-table@1.19.0/dist/extensions/filter-control/bootstrap-table-filter-control.min.css":
        "bootstrap-table-1.19.1/bootstrap-table-filter-control.min.css",
    "https://unpkg.com/bootstrap-table@1.19.0/dist/extensions/filter-control/bootstrap-table-filter-control.css":
        "bootstrap-table-1.19.1/bootstrap-table-filter-control.min.css",
    "https://unpkg.com/bootstrap-table@1.19.1/dist/extensions/filter-control/bootstrap-table-filter-control.min.js":
        "bootstrap-table-1.19.1/bootstrap-table-filter-control.min.js",
    "https://maxcdn.bootstrapcdn.com/bootstrap/4.3.1/css/bootstrap.min.css": "bootstrap-4.3.1/bootstrap.min.css",
    "https://stackpath.bootstrapcdn.com/bootstrap/4.3.1/js/bootstrap.min.js": "bootstrap-4.3.1/bootstrap.min.js",
    "https://cdnjs.cloudflare.com/ajax/libs/bootstrap-datepicker/1.9.0/css/bootstrap-datepicker.min.css":
        "bootstrap-datepicker-1.9.0/bootstrap-datepicker.min.css",
    "https://cdnjs.cloudflare.com/ajax/libs/bootstrap-datepicker/1.9.0/js/bootstrap-datepicker.min.js":
        "bootstrap-datepicker-1.9.0/bootstrap-datepicker.min.js",
    "https://cdn.jsdelivr.net/npm/@forevolve/bootstrap-dark@1.1.0/dist/css/bootstrap-prefers-dark.css":
        "bootstrap-dark-1.1.0/bootstrap-prefers-dark.min.css",
    "https://cdnjs.cloudflare.com/ajax/libs/font-awesome/6.6.0/css/all.min.css": "fontawesome-free-6.6.0/css/all.min.css",
    "https://code.jquery.com/jquery-3.7.1.min.js": "jquery-3.7.1/jquery.min.js",
    "https://cdnjs.cloudflare.com/ajax/libs/popper.js/1.12.9/umd/popper.min.js": "popper.js-1.12.9/popper.min.js",
}
DROPPED_SCRIPT = re.compile(r'<script src="https://cdn\.jsdelivr\.net/npm/vega[^"]*"></script>\s*')
SRI = re.compile(r'\s+integrity="[^"]*"|\s+crossorigin="anonymous"')
SITE_STATIC = re.compile(r'(<link\b[^>]*\bhref=")((?:\.\./)*)static/([^"]+)"')  # GX's own files, e.g. the favicon
REMOTE = re.compile(r'<(?:link|script|img)\b[^>]*\b(?:href|src)="(https?://[^"]+)"|url\([\'"]?(https?://[^)\'"]+)')
# GX's logo, from S3 in the page header (and as a CSS background in dark mode): the site's own copy.
LOGO = re.compile(r'https://great-expectations-web-assets\.s3\.us-east-2\.amazonaws\.com/(?:logo-long|full_logo_dark)\.png(?:\?d=[^"\')]*)?')


def make_offline(site: pathlib.Path) -> None:
    """Vendored assets into the site, and every page that still points at a CDN
    rewritten to point at them (pages done before are left alone)."""
    site = pathlib.Path(site)
    if not site.is_dir():
        return
    vendor = site / VENDOR
    if not vendor.is_dir():
        shutil.copytree(STATIC, vendor)
    for page in [*site.rglob("*.html"), *site.glob("static/styles/*.css")]:
        text = page.read_text(encoding="utf-8")
        if "https://" not in text:
            continue
        offline = localize(text, page.parent, vendor)
        offline = SITE_STATIC.sub(lambda m: _site_static(m, page.parent, site), offline)
        offline = LOGO.sub(os.path.relpath(site / "static" / "images" / "logo-long.png", page.parent), offline)
        if offline != text:
            _replace(page, offline)


def localize(text: str, page_dir: pathlib.Path, vendor: pathlib.Path) -> str:
    text = DROPPED_SCRIPT.sub("", text)
    for url, local in ASSETS.items():
        if url in text:
            text = text.replace(f'"{url}"', f'"{os.path.relpath(vendor / local, page_dir)}"')
    return SRI.sub("", text)


def _site_static(match: re.Match, page_dir: pathlib.Path, site: pathlib.Path) -> str:
    """A link to the site's static/ folder, with as many ../ as the page is deep (GX's
    validation pages link the favicon one level short)."""
    return f'{match[1]}{os.path.relpath(site / "static" / match[3], page_dir)}"'


def remote_assets(text: str) -> list[str]:
    """The http(s) URLs a page (or style sheet) would fetch: <link>, <script>, <img>, CSS url()."""
    return [tag or css for tag, css in REMOTE.findall(text)]


def _replace(path: pathlib.Path, text: str) -> None:
    """Write by rename: a page carried over from the previous release may be a hard link
    to that release's copy, which must not change."""
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)
