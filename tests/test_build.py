"""The site builds strictly, lists the steps in order, and loads nothing from another host."""

from __future__ import annotations

import sys
from pathlib import Path

import check_coverage
import check_links
import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import MKDOCS, ROOT, page_parts, page_tree, run, shadow_content

STEPS = yaml.safe_load((ROOT / "data/steps.yml").read_text(encoding="utf-8"))
MERMAID_FILE = "assets/vendor/mermaid/mermaid.min.js"


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def heading_text(tag) -> str:
    """A heading as a reader sees it, without the permalink anchor (¶) MkDocs appends (taken out
    of the tree, which conftest.page_tree parses afresh for each caller)."""
    for link in tag.css("a.headerlink"):
        link.decompose()
    return tag.text(separator=" ", strip=True)


def built_page(site: Path, source: str) -> Path:
    """docs/a/b.md is built to site/a/b/index.html; docs/a/index.md to site/a/index.html."""
    stem = source.removesuffix(".md")
    stem = stem.removesuffix("index").rstrip("/")
    return site / stem / "index.html" if stem else site / "index.html"


def test_strict_build_produces_every_nav_page(built_site: Path) -> None:
    config = check_coverage._compose(ROOT / "mkdocs.yml")
    nav = check_coverage.nav_entries(check_coverage._get(config, "nav"))
    assert nav, "mkdocs.yml has no nav"
    missing = [path for path, _ in nav if not built_page(built_site, path).exists()]
    assert missing == []


def test_nav_lists_the_eight_step_pages_in_order() -> None:
    config = check_coverage._compose(ROOT / "mkdocs.yml")
    nav = [path for path, _ in check_coverage.nav_entries(check_coverage._get(config, "nav"))]
    step_pages = [step["page"] for step in STEPS["steps"]]
    assert [step["number"] for step in STEPS["steps"]] == list(range(8))
    assert [path for path in nav if path in step_pages] == step_pages


def test_interview_budget_adds_up_to_the_interview() -> None:
    minutes = [step["interview_minutes"] or 0 for step in STEPS["steps"]]
    minutes += [STEPS["interview_opening_minutes"], STEPS["interview_wrapup_minutes"]]
    assert sum(minutes) == STEPS["interview_minutes_total"]


@pytest.mark.parametrize("step", STEPS["steps"], ids=lambda step: f"step-{step['number']}")
def test_step_page_carries_the_skeleton_in_order(built_site: Path, step: dict) -> None:
    tree = page_tree(built_page(built_site, step["page"]))
    assert heading_text(tree.css_first("article h1")) == f"Step {step['number']}: {step['title']}"
    h2 = [heading_text(h) for h in tree.css("article h2")]
    found = [heading for heading in h2 if heading in STEPS["skeleton"]]
    assert found == STEPS["skeleton"]


def test_coverage_check_passes_on_the_site() -> None:
    result = run([sys.executable, "scripts/check_coverage.py"])
    assert result.returncode == 0, result.stdout + result.stderr
    examples = yaml.safe_load((ROOT / "data/examples.yml").read_text(encoding="utf-8"))["examples"]
    pages = sum(1 for example in examples for key in example["pages"] if key != "interview")
    assert result.stdout.startswith(
        f"check_coverage: OK (8 step pages, {len(examples)} examples with {pages} step pages"
    )


def test_no_page_loads_anything_from_another_host(built_site: Path) -> None:
    index = check_links.SourceIndex(ROOT, ROOT / "docs", {})
    assert [str(p) for p in check_links.external_assets(built_site, index)] == []


def test_no_font_is_requested_at_all(built_site: Path) -> None:
    # theme.font: false, so Material adds neither Google Fonts nor its own preconnect.
    for page in html_pages(built_site):
        html = page.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html, page


def test_every_diagram_is_drawn_at_build_time_so_no_page_loads_mermaid(built_site: Path) -> None:
    drawn = 0
    for page in html_pages(built_site):
        tree = page_tree(page)
        # CSS selectors do not reach into <template> content, as in a browser: each is read apart.
        assert not any(part.css("pre.mermaid") for part in page_parts(tree)), (
            f"{page}: a diagram was left for the browser to draw"
        )
        for template in tree.css("div.mermaid[data-diagram] > template[shadowrootmode=open]"):
            drawn += len(shadow_content(template).css("svg"))
        assert not [t for t in tree.css("script[src]") if t.attributes["src"].endswith("mermaid.min.js")], page
    assert drawn >= 16
    # The fallback is still shipped, for diagrams a build could not draw.
    assert (built_site / MERMAID_FILE).read_bytes() == (ROOT / "docs" / MERMAID_FILE).read_bytes()


def test_every_drawn_diagram_is_committed_and_nothing_stale_is(built_site: Path) -> None:
    """A fresh clone (and the deploy job) builds without a browser: it needs every SVG in git."""
    used = {
        f".diagrams/{div.attributes['data-diagram']}.svg": page.relative_to(built_site).as_posix()
        for page in html_pages(built_site)
        for div in page_tree(page).css("div.mermaid[data-diagram]")
    }
    committed = set(run(["git", "ls-files", ".diagrams"]).stdout.split())
    missing = [f"{path} (drawn for {page}): commit it" for path, page in sorted(used.items()) if path not in committed]
    stale = [f"{path}: no diagram uses it any more; delete it" for path in sorted(committed - set(used))]
    assert missing + stale == []


def test_every_page_has_its_own_title_and_description(built_site: Path) -> None:
    site_description = MKDOCS["site_description"]
    seen_titles = set()
    for page in html_pages(built_site):
        tree = page_tree(page)
        title = tree.css_first("title").text(strip=True)
        description = tree.css_first('meta[name="description"]').attributes["content"]
        assert title not in seen_titles, f"{page}: duplicate title {title!r}"
        seen_titles.add(title)
        # The home page's description is the site's; 404 and the print page have no front matter.
        if page.name != "404.html" and page != built_site / "index.html" and "print_page" not in page.parts:
            assert description != site_description, f"{page}: no description of its own (front matter)"
        assert 40 <= len(description) <= 160, f"{page}: description is {len(description)} characters"


def test_every_figure_is_filled_in(built_site: Path) -> None:
    """sdw.shortcodes leaves a placeholder for each figure until a page is converted, then fills
    them in: none may reach a page, its search entry or the print page (a figure inside a code
    block would be split by the highlighter and left behind)."""
    left = [
        path.relative_to(built_site).as_posix()
        for path in sorted(built_site.rglob("*"))
        if path.suffix in (".html", ".json") and "\ue000" in path.read_text(encoding="utf-8")
    ]
    assert left == []


def test_404_page_offers_the_way_back(built_site: Path) -> None:
    tree = page_tree(built_site / "404.html")
    assert heading_text(tree.css_first("article h1")) == "Page not found"
    links = [a.text(strip=True) for a in tree.css("article ol a")]
    assert links == [f"Step {s['number']}: {s['title']}" for s in STEPS["steps"]]


def test_each_page_offers_edit_and_view_source_actions(built_site: Path) -> None:
    page = built_page(built_site, STEPS["steps"][1]["page"])
    tree = page_tree(page)
    edit = tree.css_first("a.md-content__button[rel=edit]").attributes["href"]
    assert edit.endswith("/edit/main/docs/" + STEPS["steps"][1]["page"])
    actions = [a.attributes["href"] for a in tree.css("a.md-content__button")]
    assert any(href.endswith("/raw/main/docs/" + STEPS["steps"][1]["page"]) for href in actions)


def test_the_header_repository_link_makes_no_api_call(built_site: Path) -> None:
    # Material's own partial marks it data-md-component="source", which fetches repository
    # facts from api.github.com on every page view.
    tree = page_tree(built_site / "index.html")
    assert tree.css_first("a.md-source") is not None
    assert tree.css('[data-md-component="source"]') == []


def test_vendored_mermaid_matches_its_record() -> None:
    result = run([sys.executable, "scripts/vendor_assets.py", "--check"])
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip() == "4 vendored files in 2 packages match their checksums"


def test_a_tampered_mermaid_file_is_reported(site_copy: Path) -> None:
    vendored = site_copy / "docs" / MERMAID_FILE
    vendored.write_bytes(vendored.read_bytes() + b"\n// edited by hand\n")
    result = run([sys.executable, "scripts/vendor_assets.py", "--check", "--root", str(site_copy)])
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "docs/assets/vendor/mermaid/mermaid.min.js: checksum differs from mermaid.json (mermaid 11.17.2); "
        "re-vendor it rather than editing it by hand"
    ]


# --- Every sourced fact in the reference tables links its source ------------------------------------------

# A "Source" column's cell that is reasoning, not a citation, needs no link.
REASONING = ("Reasoning", "This site", "Assumed", "Computed")
# Vendor data sheets and standards, named by model and document number, for which no stable public
# address has been confirmed yet. Add the link to docs/snippets/sources.py and remove the key here.
UNLINKED_KEYS: tuple[str, ...] = ()


def unlinked_sources(html: str, page: str) -> list[str]:
    """One message per row of a table column headed "Source..." whose cell cites without a link."""
    problems = []
    for table in BeautifulSoup(html, "html.parser").find_all("table"):
        header = [cell.get_text(" ", strip=True) for cell in table.find("tr").find_all(["th", "td"])]
        columns = [i for i, title in enumerate(header) if title == "Source" or title.startswith("Source ")]
        for number, row in enumerate(table.find_all("tr")[1:], start=1):
            cells = row.find_all(["td", "th"])
            for column in columns:
                if column >= len(cells):
                    continue
                cell, text = cells[column], cells[column].get_text(" ", strip=True)
                label = cells[0].get_text(" ", strip=True)
                linked = any(a.get("href", "").startswith("http") for a in cell.find_all("a"))
                exempt = text.startswith(REASONING) or label.startswith(UNLINKED_KEYS) or text.startswith(UNLINKED_KEYS)
                if not (linked or exempt or not text):
                    problems.append(f"{page}: column '{header[column]}', row {number} ({label}): '{text}' has no link")
    return problems


def test_every_sourced_fact_in_the_reference_tables_links_its_source(built_site: Path) -> None:
    problems = []
    for page in sorted((built_site / "reference").rglob("index.html")):
        problems += unlinked_sources(page.read_text(encoding="utf-8"), page.relative_to(built_site).as_posix())
    assert problems == []


def test_a_source_without_a_link_is_named() -> None:
    html = (
        "<table><thead><tr><th>Fact</th><th>Source or reasoning</th></tr></thead><tbody>"
        '<tr><td>Linked</td><td><a href="https://doi.org/10.1145/945445.945450">GFS 2003</a></td></tr>'
        "<tr><td>Reasoned</td><td>Reasoning: a sine wave</td></tr>"
        "<tr><td>Three copies</td><td>GFS 2003</td></tr></tbody></table>"
    )
    assert unlinked_sources(html, "reference/x/index.html") == [
        "reference/x/index.html: column 'Source or reasoning', row 3 (Three copies): 'GFS 2003' has no link"
    ]
