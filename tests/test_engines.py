"""The same mkdocs.yml through both engines: MkDocs today, Zensical for after Material's end.

Everything that shapes a page's content is a Python-Markdown extension (sdw.shortcodes, the
diagram fence, markdown-exec), so Zensical must produce the same pages with the same figures.
What only MkDocs does (the print page, "last update" dates, the print-assets and preview hooks)
is left out of the comparison; the README lists it.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from conftest import copy_site, once_per_run, page_tree, run

MKDOCS_ONLY = {"print_page/index.html"}
# A figure as the site prints it, or any other number in the text: 5.79K/s, 821 TB, 24.7×, 2013.
NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?(?:\s?(?:[KMBT]|[KMGTPE]?B)(?:/s|/day)?|%|×)?")


def article_numbers(page: Path) -> list[str]:
    article = page_tree(page).css_first("article")
    assert article is not None, f"{page}: no article"
    for skipped in article.css(".md-source-file, .headerlink, template, .mermaid, script, style"):
        skipped.decompose()  # dates (MkDocs only), permalinks, drawn diagrams (compared by key below)
    return NUMBER.findall(article.text(separator=" "))


def diagram_keys(page: Path) -> list[str]:
    return [div.attributes["data-diagram"] for div in page_tree(page).css("div.mermaid[data-diagram]")]


def _zensical_build(folder: Path) -> None:
    copy_site(folder)
    result = run([str(Path(sys.executable).parent / "zensical"), "build", "--strict", "--clean"], cwd=folder)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr, result.stdout + result.stderr


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Zensical's build of a copy, once per run (its tests may run in different workers)."""
    return once_per_run(tmp_path_factory, "zensical", _zensical_build) / "site"


def content_pages(site: Path) -> set[str]:
    pages = {path.relative_to(site).as_posix() for path in site.rglob("index.html")}
    return pages - MKDOCS_ONLY


@pytest.mark.long
def test_both_engines_build_the_same_pages(built_site: Path, zensical_site: Path) -> None:
    assert content_pages(zensical_site) == content_pages(built_site)


@pytest.mark.long
def test_every_page_has_the_same_numbers_and_diagrams(built_site: Path, zensical_site: Path) -> None:
    differences = []
    for page in sorted(content_pages(built_site) & content_pages(zensical_site)):
        ours, theirs = article_numbers(built_site / page), article_numbers(zensical_site / page)
        if ours != theirs:
            missing = [n for n in ours if n not in theirs][:5]
            extra = [n for n in theirs if n not in ours][:5]
            differences.append(f"{page}: MkDocs only {missing}, Zensical only {extra}")
        if diagram_keys(built_site / page) != diagram_keys(zensical_site / page):
            differences.append(f"{page}: the drawn diagrams differ")
    assert differences == []


@pytest.mark.long
def test_figures_are_expanded_by_zensical_too(zensical_site: Path) -> None:
    page = (zensical_site / "examples/twitter/step-2-estimation/index.html").read_text(encoding="utf-8")
    assert "md:fig" not in page and "ModuleNotFoundError" not in page
