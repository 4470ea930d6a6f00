"""Material's search index from each page's HTML, parsed in half the time.

Material's search plugin parses every page with Python's html.parser, one Python call per tag.
Pygments wraps each token of highlighted code in a `<span class="...">`, so on the site's pages
half the tags are those spans. They hold no text of their own and the parser keeps no span (its
index keeps the text, and a few tags such as `<code>`), so the same page without them gives the
same sections. `install()` makes the parser drop them inside each `<pre>` before parsing: the
same search index (tests/test_search_parse.py compares it on the pages with the most code),
about half a second less per build.
"""

from __future__ import annotations

import re
import types

# Highlighted code is machine-written (Pygments, through pymdownx.highlight), so its shape is
# known: spans inside <pre>, never nested in anything the index keeps apart from <code>.
PRE_BLOCK = re.compile(r"(<pre\b[^>]*>)(.*?)(</pre>)", re.DOTALL)
SPAN_TAG = re.compile(r"</?span\b[^>]*>")
# What the parser reads from a tag's attributes: a block holding either is left as it is.
PARSER_ATTRIBUTES = ("data-search-exclude", "linenodiv")


def without_code_spans(html: str) -> str:
    """`html` with the <span> tags removed from every <pre> block, their text kept."""

    def strip(match: re.Match) -> str:
        if any(attribute in match.group(0) for attribute in PARSER_ATTRIBUTES):
            return match.group(0)
        start, body, end = match.groups()
        return start + SPAN_TAG.sub("", body) + end

    return PRE_BLOCK.sub(strip, html)


def install() -> None:
    """Feed Material's search parser each page without its code spans (once per process)."""
    from material.plugins.search import plugin as search

    if getattr(search.Parser, "_sdw_without_code_spans", False):
        return
    feed = search.Parser.feed

    def feed_without_code_spans(self, data: str) -> None:
        feed(self, without_code_spans(data))

    search.Parser.feed = feed_without_code_spans
    search.Parser._sdw_without_code_spans = True


def index_clean_pages_only(plugins) -> None:
    """Put _indexed_only_when_clean in place of Material's search on_page_context among the events
    MkDocs runs (`plugins`, the configuration's): MkDocs took the plugin's method when it loaded
    the configuration, before any hook runs, so changing the class would come too late."""
    from material.plugins.search.plugin import SearchPlugin

    events = plugins.events["page_context"]
    for index, method in enumerate(events):
        owner = getattr(method, "__self__", None)
        if isinstance(owner, SearchPlugin) and getattr(method, "__func__", None) is not _LIGHTER:
            lighter = types.MethodType(_LIGHTER, owner)
            plugins._event_origins[lighter] = plugins._event_origins.get(method, "material/search")
            events[index] = lighter


SEARCH_ATTRIBUTE = "data-search-"


def _indexed_only_when_clean(materials):
    """Material's search plugin, after indexing a page, removes its `data-search-*` attributes with
    a regular expression tried at every position of the page: a tenth of a second of every
    preview's rebuild, on pages that almost never hold one. A page without any is only indexed."""

    def on_page_context(self, context, *, page, config, nav):
        if not self.config.enabled or SEARCH_ATTRIBUTE in page.content:
            return materials(self, context, page=page, config=config, nav=nav)
        self.search_index.add_entry_from_context(page)
        return None

    return on_page_context


def _lighter_search_context():
    from material.plugins.search.plugin import SearchPlugin

    return _indexed_only_when_clean(SearchPlugin.on_page_context)


_LIGHTER = _lighter_search_context()
