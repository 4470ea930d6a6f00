"""One build works wherever it is served: at the root, at site_url's path, at any other path.

A fork's GitHub Pages address, a custom domain and `python -m http.server` in site/ each serve
the same files under another path. Only canonical, Open Graph and sitemap URLs may name the
site's own address; every page, script and stylesheet must be found relative to the page.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import PAGES
from test_browser import Recorder

from sdw.site_server import SiteServer

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("base", ["/", "/a/fork/"])
def test_every_page_works_at_another_address(browser, built_site: Path, base: str) -> None:
    server = SiteServer(built_site, "https://example.invalid/", base=base).start()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    recorder = Recorder(page, server.origin)
    try:
        # 404.html is served at the missing page's address, whatever its depth, so it alone
        # names its assets from site_url's path (MkDocs does so on purpose); README, "Addresses".
        for path in [p for p in PAGES if p != "404.html"]:
            page.goto(server.url(path), wait_until="load")
            assert recorder.problems == [], f"{server.url(path)}: {recorder.problems}"
        page.goto(server.url("tools/estimator/?preset=url_shortener"), wait_until="load")
        page.wait_for_selector("[data-estimator][data-valid=true]", state="attached", timeout=10_000)
        assert page.locator('[data-output="servers"]').inner_text() not in ("", "–")
        assert recorder.problems == []
    finally:
        context.close()
        server.close()
