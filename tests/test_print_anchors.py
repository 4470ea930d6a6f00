"""src/sdw/print_anchors.py renames the print page's ids exactly as mkdocs-print-site-plugin does."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import PAGES, page_tree
from mkdocs_print_site_plugin import urls

from sdw.print_anchors import update_anchor_ids

# The plugin's own function, whether or not a build in this process has installed ours.
PLUGINS_OWN = getattr(urls, "sdw_original_update_anchor_ids", urls.update_anchor_ids)

# What the plugin's expression does besides headings: a match that starts at another tag runs on
# to the next id on its line and hides a heading inside it; ID= in capitals counts; an id in a
# line of its own is found; repeated text is renamed everywhere at once.
TRICKY = (
    '<p>See <a href="#x">x</a> <h2 id="hidden">Hidden</h2></p>\n'
    '<h3 ID="shouting">Shouting</h3>\n'
    "<li>plain item</li>\n"
    '<li id="fn:1">A note <sup id="fnref:1">1</sup></li>\n'
    '<h2 id="twice">Twice</h2>\n<h2 id="twice">Twice</h2>\n'
    '<table><tr><td><span class="n">x</span></td></tr></table>\n'
)


def test_the_plugins_quirks_are_kept() -> None:
    assert update_anchor_ids(TRICKY, "page") == PLUGINS_OWN(TRICKY, "page")
    assert 'ID="page-shouting"' in update_anchor_ids(TRICKY, "page")  # and it does rename


@pytest.mark.parametrize("path", [path for path in PAGES if path not in ("print_page/", "404.html")])
def test_every_page_is_renamed_as_the_plugin_renames_it(built_site: Path, path: str) -> None:
    html = page_tree(built_site / path / "index.html").css_first("article.md-content__inner").inner_html
    key = path.strip("/").replace("/", "-") or "index"
    assert update_anchor_ids(html, key) == PLUGINS_OWN(html, key)
