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
