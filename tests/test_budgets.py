"""Page-weight budgets, in bytes (which are deterministic), for every built page.

What a first visit to a page transfers is worked out from the built files: the page and
everything it asks for when it loads (stylesheets, scripts, the icon, images, Material's
search worker and the sitemap that instant navigation reads), each gzipped as a host serves
it. test_page in test_browser.py checks that model against what Chromium really requests on
every page, so that a new request cannot slip past the budget. Times are not tested here:
scripts/bench.py measures them and reports, since they vary from run to run.
"""

from __future__ import annotations

import functools
import gzip
import json
import posixpath
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urljoin, urlsplit

import pytest
from conftest import PAGES, SEARCH_RESULTS_MS, SITE_URL, page_tree, site_files_requested

# A page of text (no diagram) must reach a phone in this many bytes, gzipped (issue 8).
TEXT_PAGE_BUDGET = 150_000
# A page with diagrams carries them as SVG; each may add this much on top of the text budget.
PER_DIAGRAM_BUDGET = 25_000
# The one-page print version holds the whole guide by design: it is weighed, not budgeted.
UNBUDGETED = {"print_page/"}
MERMAID_LIBRARY = "assets/vendor/mermaid/mermaid.min.js"
SEARCH_INDEX = "search/search_index.json"
PREFIX = urlsplit(SITE_URL).path


@functools.cache  # the same stylesheets and scripts are weighed for every page
def gzipped_size(path: Path) -> int:
    # Level 6 is what common servers (nginx, GitHub Pages' CDN) default to; mtime=0 keeps it exact.
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


def page_file(site: Path, path: str) -> Path:
    return site / path if path.endswith(".html") else site / path / "index.html"


def diagram_count(tree) -> int:
    return len(tree.css("div.mermaid, pre.mermaid"))


def first_visit(site: Path, path: str) -> dict[str, Path]:
    """Every same-site file a first visit to `path` downloads, by its path in the site."""
    html = page_file(site, path)
    page_url = urljoin(f"https://site.invalid{PREFIX}", path)
    tree = page_tree(html)  # Lexbor: every page, for each of several tests
    references = [
        tag.attributes["href"]
        for tag in tree.css("link[href]")
        if {"stylesheet", "icon"} & set((tag.attributes.get("rel") or "").split())
    ]
    references += [tag.attributes["src"] for tag in tree.css("script[src], img[src]")]
    # Material's bundle fetches its search worker and, for instant navigation, the sitemap. The
    # 404 page has no bundle and no config: it carries what it needs inline.
    config_tag = tree.css_first("script#__config")
    if config_tag is not None:
        config = json.loads(config_tag.text())
        references.append(config["search"])  # already relative to the page
        if "navigation.instant" in config["features"]:
            references.append(posixpath.join(config["base"], "sitemap.xml"))
    files = {path or "index.html": html}
    for reference in references:
        address = urlsplit(urljoin(page_url, reference))
        if address.netloc == "site.invalid" and address.path.startswith(PREFIX):
            inside = address.path.removeprefix(PREFIX)
            files[inside] = site / inside
    return files


@pytest.fixture(scope="module")
def weights(built_site: Path) -> dict[str, dict]:
    table = {}
    for path in PAGES:
        files = first_visit(built_site, path)
        table[path] = {
            "bytes": sum(gzipped_size(file) for file in files.values()),
            "files": files,
            "diagrams": diagram_count(page_tree(page_file(built_site, path))),
        }
    return table


@pytest.mark.parametrize("path", [p for p in PAGES if p not in UNBUDGETED], ids=lambda path: path or "home")
def test_page_weight_is_within_budget(weights: dict, path: str) -> None:
    weight = weights[path]
    budget = TEXT_PAGE_BUDGET + PER_DIAGRAM_BUDGET * weight["diagrams"]
    heaviest = sorted(weight["files"].items(), key=lambda item: -gzipped_size(item[1]))[:3]
    assert weight["bytes"] <= budget, (
        f"{path or 'home'}: a first visit transfers {weight['bytes']:,} bytes gzipped, over its budget of "
        f"{budget:,} ({weight['diagrams']} diagrams); heaviest: "
        + ", ".join(f"{name} {gzipped_size(file):,}" for name, file in heaviest)
    )


def test_no_page_loads_the_search_index_or_mermaid_up_front(weights: dict) -> None:
    for path, weight in weights.items():
        assert SEARCH_INDEX not in weight["files"], path
        assert MERMAID_LIBRARY not in weight["files"], path


def test_every_referenced_file_exists(weights: dict) -> None:
    missing = [
        f"{path or 'home'}: {name}" for path, weight in weights.items() for name, file in weight["files"].items()
        if not file.is_file()
    ]  # fmt: skip
    assert missing == []


def test_print_assets_are_only_on_the_print_page(weights: dict) -> None:
    for path, weight in weights.items():
        print_assets = sorted(name for name in weight["files"] if "print-site" in name)
        if path == "print_page/":
            assert print_assets == ["css/print-site-material.css", "css/print-site.css", "js/print-site.js"]
        else:
            assert print_assets == [], path


# --- The search index, on demand --------------------------------------------------------------


@pytest.mark.browser
def test_the_search_index_arrives_when_the_reader_opens_search(browser, site_server, kept_pass) -> None:
    if kept_pass.unchanged():  # its files byte for byte an earlier pass's (tests/kept_passes.py)
        return
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    files = site_files_requested(page, site_server.origin)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    try:
        page.goto(site_server.url("workflow/"), wait_until="networkidle")
        page.wait_for_timeout(500)
        assert not [url for url in requested if url.endswith(SEARCH_INDEX)]
        # On a phone: the search icon in the header, then type.
        page.locator("label.md-header__button[for='__search']").click()
        page.locator("input.md-search__input").press_sequentially("fan-out")  # keystrokes, as a reader types
        page.wait_for_selector("li.md-search-result__item", timeout=SEARCH_RESULTS_MS)
        assert len([url for url in requested if url.endswith(SEARCH_INDEX)]) == 1
    finally:
        context.close()
    kept_pass.keep(files)  # the search index among them


@pytest.mark.browser
def test_a_shared_search_link_loads_the_index_straight_away(browser, site_server, kept_pass) -> None:
    if kept_pass.unchanged():  # its files byte for byte an earlier pass's (tests/kept_passes.py)
        return
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    files = site_files_requested(page, site_server.origin)
    try:
        page.goto(site_server.url("?q=sharding"), wait_until="networkidle")
        page.wait_for_selector("li.md-search-result__item", timeout=SEARCH_RESULTS_MS)
    finally:
        context.close()
    kept_pass.keep(files)  # the search index among them


# --- The print-assets hook fails loudly when it no longer recognises what it removes ---------


def _print_asset_tags(built_site: Path) -> list[str]:
    """print-site's three tags as this build's print page carries them (the hook leaves that page
    alone): the lines every other page had before the hook took them out."""
    lines = (built_site / "print_page/index.html").read_text(encoding="utf-8").splitlines(keepends=True)
    tags = [line for line in lines if 'href="../css/print-site' in line or 'src="../js/print-site' in line]
    assert len(tags) == 3, tags
    return tags


def _post_page(html: str, caplog: pytest.LogCaptureFixture) -> str:
    """print_assets' on_post_page on `html`, as for docs/index.md, with this site's configuration
    of print-site's extra_css and extra_javascript (the strict build checks it is the real one)."""
    from sdw.mkdocs_hooks import print_assets

    config = SimpleNamespace(
        extra_css=["css/print-site.css", "css/print-site-material.css"], extra_javascript=["js/print-site.js"]
    )
    page = SimpleNamespace(file=SimpleNamespace(src_uri="index.md"))
    with caplog.at_level("WARNING", logger="mkdocs.hooks.print_assets"):
        return print_assets.on_post_page(html, page, config)


def test_print_asset_tags_as_written_are_taken_out(built_site: Path, caplog: pytest.LogCaptureFixture) -> None:
    html = "<head>\n" + "".join(_print_asset_tags(built_site)) + "</head>\n"
    assert _post_page(html, caplog) == "<head>\n</head>\n"
    assert caplog.messages == []


def test_an_unrecognised_print_asset_tag_fails_the_build(built_site: Path, caplog: pytest.LogCaptureFixture) -> None:
    # A template that writes print-site's script a second time: the hook must not guess. It warns
    # (a strict build fails on it) and says where to look. A unit test: a build of a copy with the
    # template changed re-rendered every page, about a minute of the suite.
    tags = _print_asset_tags(built_site)
    html = "<head>\n" + "".join(tags) + tags[-1] + "</head>\n"
    assert _post_page(html, caplog) == html
    assert caplog.messages == [
        "docs/index.md: expected 3 print-site asset tags to remove, found 4; "
        "update PRINT_ASSET in src/sdw/mkdocs_hooks/print_assets.py to match how they are written now"
    ]
