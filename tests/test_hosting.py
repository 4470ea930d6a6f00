"""Hosting and reading without a server: metadata, robots.txt, the print page, the offline copy."""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

import pytest
import yaml
from conftest import ROOT, SEARCH_RESULTS_MS, SITE_URL, page_parts, page_tree, run

STEPS = yaml.safe_load((ROOT / "data/steps.yml").read_text(encoding="utf-8"))


def content_pages(site: Path) -> list[Path]:
    return [p for p in sorted(site.rglob("index.html")) if "print_page" not in p.parts]


def test_robots_txt_points_at_the_sitemap(built_site: Path) -> None:
    lines = (built_site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert lines == ["User-agent: *", "Allow: /", f"Sitemap: {SITE_URL}sitemap.xml"]


def test_every_page_has_a_canonical_url_and_open_graph_metadata(built_site: Path) -> None:
    for page in content_pages(built_site):
        tree = page_tree(page)
        canonical = tree.css_first('link[rel~="canonical"]').attributes["href"]
        assert canonical.startswith(SITE_URL), page
        meta = {m.attributes["property"]: m.attributes["content"] for m in tree.css("meta[property]")}
        assert meta["og:url"] == canonical, page
        assert meta["og:description"] == tree.css_first('meta[name="description"]').attributes["content"], page
        assert meta["og:title"] and meta["og:site_name"] == "System Design Workflow", page


def test_every_page_says_when_it_last_changed(built_site: Path) -> None:
    for page in content_pages(built_site):
        updated = page_tree(page).css_first("aside.md-source-file .md-source-file__fact")
        assert updated is not None and updated.text(strip=True), f"{page}: no last-updated date"


def test_print_page_holds_every_step_in_order_with_diagrams_drawn(built_site: Path) -> None:
    tree = page_tree(built_site / "print_page/index.html")
    titles = [h.text(separator=" ", strip=True).rstrip("¶").strip() for h in tree.css("h1")]
    steps = [f"Step {s['number']}: {s['title']}" for s in STEPS["steps"]]
    positions = [titles.index(step) for step in steps]
    assert positions == sorted(positions)
    assert not any(part.css("pre.mermaid") for part in page_parts(tree))  # in the shadow roots too
    assert len(tree.css("div.mermaid[data-diagram]")) >= 16


# --- The offline copy, opened from the file system -------------------------------------------


@pytest.fixture(scope="module")
def offline_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("offline")
    result = run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs-offline.yml", "-d", str(site)])
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.mark.long
def test_the_offline_copy_says_it_is_one_instead_of_linking_a_zip_it_does_not_hold(offline_copy: Path) -> None:
    """The zip sits beside the deployed site only: inside the copy, a link to it would be dead."""
    article = page_tree(offline_copy / "about/how-this-site-is-built.html").css_first("article")
    assert not article.css('a[href$=".zip"]')
    assert "You are reading the offline copy: it needs no network" in article.text(separator=" ")


@pytest.mark.long
@pytest.mark.browser
def test_offline_copy_draws_diagrams_searches_and_estimates_from_file(browser, offline_copy: Path, kept_pass) -> None:
    """Not run again while the files it opened are byte for byte those of an earlier pass."""
    from test_browser import OPEN_SHADOW_ROOTS

    kept = kept_pass.in_site(offline_copy)
    if kept.unchanged():
        return
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(OPEN_SHADOW_ROOTS)
    page = context.new_page()
    requests, errors = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto((offline_copy / "workflow/step-5-high-level-design.html").as_uri())
        drawn = page.evaluate(
            "[...document.querySelectorAll('div.mermaid')].map((d) => !!d.shadowRoot.querySelector('svg'))"
        )
        assert drawn and all(drawn)
        page.locator("input.md-search__input").click()
        page.keyboard.type("crypto-shredding", delay=20)
        page.wait_for_function(
            "document.querySelectorAll('.md-search-result__item').length > 0", timeout=SEARCH_RESULTS_MS
        )
        # The same bar as the served site's search test (test_browser.SEARCHES): the page among
        # the first three pages found. Which section ranks first moves as pages gain text.
        links = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map((a) => a.href)")
        pages = list(dict.fromkeys(link.split("?")[0].split("#")[0] for link in links))
        assert any(found.endswith("workflow/step-4-data-model.html") for found in pages[:3]), pages[:5]
        page.goto((offline_copy / "tools/estimator.html").as_uri())
        page.wait_for_function("document.querySelector('#est-out-servers').textContent !== '–'")
        assert page.locator("#est-out-servers").inner_text() == "105"
        assert [url for url in requests if not url.startswith("file://")] == []
        assert errors == []
    finally:
        context.close()
    opened = {Path(url2pathname(urlsplit(url).path)) for url in requests}
    kept.keep(path.relative_to(offline_copy).as_posix() for path in opened if path.is_relative_to(offline_copy))
