"""One build works wherever it is served: at the root, at site_url's path, at any other path.

A fork's GitHub Pages address, a custom domain and `python -m http.server` in site/ each serve
the same files under another path. Only canonical, Open Graph and sitemap URLs may name the
site's own address; every page, script and stylesheet must be found relative to the page.
The 404 page, which a host serves at the missing page's own address at any depth, carries
its stylesheets and script inline and finds the site's root at run time (README, "Addresses").
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import SEARCH_RESULTS_MS, SITE_URL, load_patience, page_tree, site_files_requested
from test_browser import Recorder

from sdw.site_server import SiteServer

pytestmark = pytest.mark.browser

FORK = "/a/fork/"

# What shows that Material's stylesheets apply: its header, drawn in the palette's colour.
STYLED = """() => {
  const header = document.querySelector("header.md-header");
  const box = header.getBoundingClientRect();
  return { position: getComputedStyle(header).position, background: getComputedStyle(header).backgroundColor,
           height: box.height, visible: box.height > 0 && getComputedStyle(header).visibility === "visible",
           scheme: document.body.dataset.mdColorScheme,
           page: getComputedStyle(document.body).backgroundColor };
}"""


@pytest.fixture(scope="module")
def fork(built_site: Path):
    server = SiteServer(built_site, "https://example.invalid/", base=FORK).start()
    yield server
    server.close()


# One page of each kind and depth, each with the scripts its kind runs (diagrams, tabs, cards,
# the estimator below); test_no_page_names_the_sites_own_path covers every page's markup.
KINDS = [
    "",
    "workflow/step-2-scale-estimation/",
    "examples/twitter/step-6-detailed-design/",
    "examples/chat/step-5-high-level-design/",
    "reference/glossary/",
    "practice/workflow/",
    "print_page/",
]

# Attributes that make a browser fetch or go to an address.
URL_ATTRIBUTES = ("href", "src", "srcset", "action", "poster", "data")


@pytest.mark.long
@pytest.mark.parametrize("base", ["/", FORK])
def test_every_kind_of_page_works_at_another_address(browser, built_site: Path, base: str, kept_pass) -> None:
    """Each kind of page loads cleanly under `base`. Once its pages and assets are byte for byte
    those of an earlier pass at that address, it is not visited again (tests/kept_passes.py)."""
    if kept_pass.unchanged():
        return
    paths = KINDS
    server = SiteServer(built_site, "https://example.invalid/", base=base).start()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    recorder = Recorder(page, server.origin)
    requested = site_files_requested(page, server.origin, prefix=base)
    try:
        for path in paths:
            page.goto(server.url(path), wait_until="load", timeout=load_patience(path))
            assert recorder.problems == [], f"{server.url(path)}: {recorder.problems}"
        page.goto(server.url("tools/estimator/?preset=url_shortener"), wait_until="load")
        page.wait_for_selector("[data-estimator][data-valid=true]", state="attached", timeout=30_000)
        assert page.locator('[data-output="servers"]').inner_text() not in ("", "–")
        assert recorder.problems == []
    finally:
        context.close()
        server.close()
    kept_pass.keep(requested)


def test_no_page_names_the_sites_own_path(built_site: Path) -> None:
    """Every address in every page is relative, so that the pages work wherever they are served.
    Only the canonical link names the site's own address; the 404 page, served at any depth,
    sets its links at run time (tested below)."""
    own = urlsplit(SITE_URL).path
    problems = []
    for file in sorted(built_site.rglob("*.html")):
        name = file.relative_to(built_site).as_posix()
        if name == "404.html":
            continue
        for tag in page_tree(file).css("*"):
            attributes = tag.attributes
            if tag.tag == "link" and "canonical" in (attributes.get("rel") or "").split():
                continue
            for attribute in URL_ATTRIBUTES:
                given = attributes.get(attribute) or ""
                for value in given.split(",") if attribute == "srcset" else [given]:
                    address = value.strip()
                    if address.startswith(("/", SITE_URL)) and not address.startswith("//"):
                        problems.append(f"{name}: <{tag.tag} {attribute}={address!r}> names {own} or the root")
    assert problems == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_deep_missing_address_gets_a_styled_404_page_that_requests_nothing(
    browser, fork, scheme: str, kept_pass
) -> None:
    """At any depth, under a path that is not site_url's: the 404 page, styled as the site, in
    the reader's scheme, from the one request for the page itself."""
    if kept_pass.unchanged():  # its files byte for byte an earlier pass's (tests/kept_passes.py)
        return
    context = browser.new_context(viewport={"width": 375, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    files = site_files_requested(page, fork.origin, prefix=FORK)
    recorder = Recorder(page, fork.origin)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    try:
        address = fork.url("no/such/page/")
        response = page.goto(address, wait_until="networkidle")
        assert response.status == 404
        assert page.locator("article h1").inner_text() == "Page not found"
        assert recorder.problems == []
        assert requested == [address]  # the stylesheets, icon and script are in the page
        styled = page.evaluate(STYLED)
        assert styled["visible"] and styled["position"] == "sticky", styled  # Material's header
        assert styled["scheme"] == {"light": "default", "dark": "slate"}[scheme], styled
        # As the site's own pages look, in the same scheme: the header's colour, the page's.
        page.goto(fork.url(), wait_until="networkidle")
        assert page.evaluate(STYLED) == styled
        assert recorder.problems == []
    finally:
        context.close()
    kept_pass.keep(files)


def test_the_404_page_follows_the_system_scheme_and_the_toggle(browser, fork, kept_pass) -> None:
    if kept_pass.unchanged():  # its files byte for byte an earlier pass's (tests/kept_passes.py)
        return
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")
    page = context.new_page()
    files = site_files_requested(page, fork.origin, prefix=FORK)
    recorder = Recorder(page, fork.origin)
    scheme = "document.body.dataset.mdColorScheme"
    try:
        # A reader who has seen a page of the site: the 404 page knows the root, and keeps the
        # palette there as the site's pages do.
        page.goto(fork.url(), wait_until="load")
        page.goto(fork.url("no/such/page/"), wait_until="load")
        assert page.evaluate(scheme) == "default"
        page.emulate_media(color_scheme="dark")
        page.wait_for_function(f"{scheme} === 'slate'", timeout=30_000)
        # The toggle shows, as on every page; from automatic it goes to light, then dark.
        page.locator("form[data-md-component=palette] label:not([hidden])").click()
        page.wait_for_function(f"{scheme} === 'default'", timeout=30_000)
        page.locator("form[data-md-component=palette] label:not([hidden])").click()
        page.wait_for_function(f"{scheme} === 'slate'", timeout=30_000)
        # The choice is kept where the site's pages read it.
        page.goto(fork.url(), wait_until="load")
        page.emulate_media(color_scheme="light")
        page.wait_for_timeout(200)
        assert page.evaluate(scheme) == "slate"
        assert recorder.problems == []
    finally:
        context.close()
    kept_pass.keep(files)


def home_link(page) -> str:
    return page.eval_on_selector("article ul a", "a => a.href")


def test_the_404_page_links_into_the_site_from_wherever_it_finds_itself(browser, fork, kept_pass) -> None:
    if kept_pass.unchanged():  # its files byte for byte an earlier pass's (tests/kept_passes.py)
        return
    context = browser.new_context()
    page = context.new_page()
    files = site_files_requested(page, fork.origin, prefix=FORK)
    try:
        # Under one of the site's own folders: the root is what comes before it.
        page.goto(fork.url("workflow/no-such-step/"), wait_until="load")
        assert home_link(page) == fork.base
        step = page.locator("article ol a").nth(3)
        assert step.get_attribute("href").startswith(FORK)
        step.click()
        page.wait_for_url(f"**{FORK}workflow/step-3-**", wait_until="load")
        # Anywhere under a root where the reader has seen a page (as above): that root.
        page.goto(fork.url("no/such/page/"), wait_until="load")
        assert home_link(page) == fork.base
        # The search box opens the home page with the query, where search runs.
        page.set_viewport_size({"width": 1280, "height": 900})
        page.locator("input.md-search__input").fill("sharding")
        page.keyboard.press("Enter")
        page.wait_for_url(f"{fork.base}?q=sharding", wait_until="load")
        page.wait_for_selector("li.md-search-result__item", timeout=SEARCH_RESULTS_MS)
    finally:
        context.close()
    kept_pass.keep(files)  # the search index among them


def test_on_github_pages_with_nothing_else_to_go_on_the_root_is_the_first_folder(browser, built_site: Path) -> None:
    """A project site on GitHub Pages (a fork's) lives one folder down, whatever that folder's name."""
    not_found = (built_site / "404.html").read_bytes()
    context = browser.new_context()
    context.route(
        "https://someone.github.io/**",
        lambda route: route.fulfill(status=404, body=not_found, content_type="text/html; charset=utf-8"),
    )
    page = context.new_page()
    try:
        page.goto("https://someone.github.io/their-fork/no/such/page/", wait_until="load")
        assert home_link(page) == "https://someone.github.io/their-fork/"
    finally:
        context.close()
