"""Keep print-site's stylesheets and script on the one page that uses them, the print page.

mkdocs-print-site-plugin adds css/print-site*.css and js/print-site.js to extra_css and
extra_javascript, so every page loads them: three requests that hold up the first paint, for
rules that only style #print-site-page. The print page is rendered after all pages (in the
plugin's on_post_build) and keeps them; this hook takes them out of every other page.

If a page no longer carries them as expected (a new plugin or theme version writes them
differently), a strict build fails and names this file, rather than silently shipping them.
"""

from __future__ import annotations

import logging
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.print_assets")

# The tags Material's base.html writes for these extra_css / extra_javascript entries, in
# either attribute order (mermaid2 re-serialises the pages that have diagrams).
PRINT_ASSET = re.compile(
    r'[ \t]*<link\b[^>]*\bhref="(?:\.\./)*css/print-site(?:-[\w-]+)?\.css"[^>]*>\n?'
    r'|[ \t]*<script\b[^>]*\bsrc="(?:\.\./)*js/print-site\.js"[^>]*></script>\n?'
)


def _expected(config: MkDocsConfig) -> int:
    listed = [str(path) for path in (*config.extra_css, *config.extra_javascript)]
    return sum(path.startswith(("css/print-site", "js/print-site")) for path in listed)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    expected = _expected(config)
    if not expected:
        return output  # print-site is off (or gone): nothing to remove
    # Only a line that names a print-site file can hold one of its tags: searched alone, the
    # expression costs next to nothing; over each whole page, about 0.35 s a build on two cores.
    lines = output.splitlines(keepends=True)
    removed = 0
    for number, line in enumerate(lines):
        if "print-site" in line:
            lines[number], count = PRINT_ASSET.subn("", line)
            removed += count
    if removed != expected:
        log.warning(
            f"docs/{page.file.src_uri}: expected {expected} print-site asset tags to remove, found {removed}; "
            "update PRINT_ASSET in src/sdw/mkdocs_hooks/print_assets.py to match how they are written now"
        )
        return output
    return "".join(lines)


def on_post_build(config: MkDocsConfig) -> None:
    """print-site renders its page with the site's root as an absolute path (site_url's): Material
    then looks for the search index and the sitemap there, which is wrong wherever else the site
    is served. Made relative, as on every other page. Runs after print-site has written it."""
    from pathlib import Path
    from urllib.parse import urlsplit

    page = Path(config.site_dir) / "print_page" / "index.html"
    root = urlsplit(config.site_url or "/").path
    if not page.exists() or root == "/":
        return
    text = page.read_text(encoding="utf-8")
    fixed = text.replace(f'"base": "{root}"', '"base": ".."').replace(
        f'new URL("{root}",location)', 'new URL("..",location)'
    )
    if fixed == text:
        log.warning(f"print_page/index.html: found no absolute base {root!r} to make relative; update print_assets.py")
        return
    page.write_text(fixed, encoding="utf-8")
