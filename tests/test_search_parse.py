"""src/sdw/search_parse.py: Material's search parser, fed pages without their code spans, makes
the same sections as from the pages themselves."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import PAGES, page_tree
from material.plugins.search.plugin import Parser

from sdw.search_parse import without_code_spans


def sections(html: str) -> list[tuple[str, str, str | None]]:
    parser = Parser()
    HTMLParser.feed(parser, html)  # the plugin's own parse, whether or not install() has run here
    parser.close()
    return [("".join(section.title), "".join(section.text), section.id) for section in parser.data]


def test_spans_go_from_code_only() -> None:
    html = (
        '<p>A <span class="keep">word</span></p>'
        '<div class="highlight"><pre><span></span><code><span class="n">x</span> <span class="o">=</span>'
        ' <span class="mi">1</span>\n</code></pre></div>'
        '<pre data-search-exclude><span class="n">hidden</span></pre>'
    )
    assert without_code_spans(html) == (
        '<p>A <span class="keep">word</span></p>'
        '<div class="highlight"><pre><code>x = 1\n</code></pre></div>'
        '<pre data-search-exclude><span class="n">hidden</span></pre>'
    )


@pytest.mark.parametrize("path", [path for path in PAGES if path not in ("print_page/", "404.html")])
def test_every_page_gives_the_same_search_sections(built_site: Path, path: str) -> None:
    html = page_tree(built_site / path / "index.html").css_first("article.md-content__inner").inner_html
    stripped = without_code_spans(html)
    assert sections(stripped) == sections(html)
