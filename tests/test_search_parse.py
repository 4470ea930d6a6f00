"""src/sdw/search_parse.py: Material's search parser, fed pages without their code spans, makes
the same sections as from the pages themselves."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import PAGES, ROOT, page_tree
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


def test_a_page_without_search_attributes_is_indexed_and_left_as_it_is() -> None:
    """Material's clean-up of `data-search-*` attributes runs only on a page holding one: any other
    page is indexed, and its HTML is what the clean-up would have left, unchanged."""
    from types import SimpleNamespace

    from material.plugins.search.plugin import SearchPlugin

    from sdw.search_parse import _indexed_only_when_clean

    indexed: list = []
    plugin = SimpleNamespace(
        config=SimpleNamespace(enabled=True), search_index=SimpleNamespace(add_entry_from_context=indexed.append)
    )
    on_page_context = _indexed_only_when_clean(SearchPlugin.on_page_context)
    plain = SimpleNamespace(content="<p>No attributes, a data-search word in the text.</p>")
    on_page_context(plugin, {}, page=plain, config=None, nav=None)
    assert indexed == [plain] and plain.content == "<p>No attributes, a data-search word in the text.</p>"
    marked = SimpleNamespace(content='<p data-search-boost="2">Boosted.</p>')
    on_page_context(plugin, {}, page=marked, config=None, nav=None)  # Material's own: indexed, cleaned
    assert indexed == [plain, marked] and marked.content == "<p>Boosted.</p>"


def test_the_build_runs_the_lighter_search_step(tmp_path: Path) -> None:
    """MkDocs registers each plugin's events as it loads the configuration: the hook puts the
    lighter step in the place of Material's among the events a build runs."""
    from mkdocs.config import load_config

    from sdw.mkdocs_hooks import search_parse as hook
    from sdw.search_parse import _LIGHTER

    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    searching = [
        m
        for m in config.plugins.events["page_context"]
        if type(getattr(m, "__self__", None)).__name__ == "SearchPlugin"
    ]
    assert searching and all(m.__func__ is not _LIGHTER for m in searching)
    hook.on_config(config)
    searching = [
        m
        for m in config.plugins.events["page_context"]
        if type(getattr(m, "__self__", None)).__name__ == "SearchPlugin"
    ]
    assert len(searching) == 1 and searching[0].__func__ is _LIGHTER
