"""The print page's heading ids, renamed as mkdocs-print-site-plugin renames them, in a tenth of
the time.

The plugin (pinned in requirements.txt) makes each page's heading ids unique within the one-page
print version with a regular expression that starts at every tag and scans ahead for the next
`id="` on the same line. A page whose tables and code put hundreds of tags on a line without an
id makes that scan quadratic: 1.5 s of the site's 9 s build. The expression has no DOTALL, so a
match never spans lines, and a line without `id="` holds none: `update_anchor_ids()` searches
only the lines that have one, then renames exactly as the plugin does, in the same order.
tests/test_print_anchors.py compares the two on every page.
"""

from __future__ import annotations

import re

# The plugin's own expression and tags (mkdocs_print_site_plugin/urls.py, update_anchor_ids).
ID_TAG = re.compile(r"<([^\s]+).*?id=\"([^\"]*?)\".*?>", flags=re.IGNORECASE)
RENAMED_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6", "sup", "li")


def update_anchor_ids(page_html: str, page_key: str) -> str:
    """Prefix the id of each heading (and footnote mark and list item) with `page_key`."""
    lines_with_ids = "\n".join(line for line in page_html.split("\n") if 'id="' in line.lower())
    for match in list(ID_TAG.finditer(lines_with_ids)):
        tag, id_text = match.group(1), match.group(2)
        if tag in RENAMED_TAGS:
            page_html = page_html.replace(match.group(), match.group().replace(id_text, f"{page_key}-{id_text}"))
    return page_html


def install() -> None:
    """Make the plugin use update_anchor_ids() (once per process; the original is kept beside it)."""
    from mkdocs_print_site_plugin import urls

    if getattr(urls, "sdw_original_update_anchor_ids", None):
        return
    urls.sdw_original_update_anchor_ids = urls.update_anchor_ids
    urls.update_anchor_ids = update_anchor_ids
