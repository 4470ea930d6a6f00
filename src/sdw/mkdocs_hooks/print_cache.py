"""MkDocs hook: the print page's combined HTML from an earlier build, when nothing it reads changed.

print-site combines every page's HTML into one (print_page/), rewriting each page's links and
heading ids on the way: a third of a build with no page to convert. The combination reads only
the navigation (each section's title, each page's path, address, title, HTML and tags), the
plugin's settings and the site's settings, so this hook keeps it in the build cache
(sdw.build_cache) under a digest of those and of every other input of the build (the code among
them), and gives it back when they are the same. A combination that warned is never kept, so it
warns again. The print page is still themed on every build, as every page is. When the
combination must be made again, each page's part of it (print-site's fix_internal_links) is
kept too, so an edit makes only the edited page's part again.

Relies on the pinned plugin's Renderer.write_combined and renderer.fix_internal_links
(requirements.txt); tests/test_build_cache.py compares a build that reuses them with a build
from scratch. MkDocs-only, like every hook.
"""

from __future__ import annotations

import hashlib
import json

from mkdocs.config.defaults import MkDocsConfig

from sdw import build_cache, preview


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _install()
    return config


def _items(items) -> list:
    """What write_combined reads of the navigation, in order."""
    read = []
    for item in items:
        if item.is_page:
            meta = getattr(item, "meta", None) or {}
            html = getattr(item, "html", None)
            read.append(["page", item.file.src_path, item.url, item.title, html, meta.get("tags")])
        elif item.is_section:
            read.append(["section", item.title, _items(item.children)])
        else:
            read.append(["link", getattr(item, "title", None), getattr(item, "url", None)])
    return read


def _install() -> None:
    from mkdocs_print_site_plugin import renderer
    from mkdocs_print_site_plugin.renderer import Renderer

    if getattr(Renderer, "_sdw_cached", False):
        return
    original = Renderer.write_combined
    fix = renderer.fix_internal_links

    def fix_internal_links(page_html: str, page_url: str, directory_urls: bool, heading_number: str) -> str:
        # One page's part of the combination (its links and ids rewritten, two thirds of the
        # combining), kept per page: after an edit, only the edited page's part is made again.
        # The plugin's function reads only its arguments, and logs nothing.
        arguments = (page_html, page_url, directory_urls, heading_number)
        if not preview.state.caching:
            return fix(*arguments)
        part = json.dumps(arguments)
        return build_cache.remembered(preview.state.root, "print-page-part", part, lambda: fix(*arguments))

    def write_combined(self: Renderer):
        state = preview.state
        if not state.caching:
            return original(self)
        settings = [dict(self.plugin_config), self.mkdocs_config.get("use_directory_urls")]
        read = json.dumps([_items(self._get_items()), settings, state.inputs], sort_keys=True, default=str)
        key = hashlib.sha256(read.encode("utf-8")).hexdigest()
        kept = build_cache.load(state.root, "print-page", key)
        state.print_page_kept = kept is not None
        if kept is not None:
            return kept
        warnings = len(state.warnings)
        combined = original(self)
        if len(state.warnings) == warnings:
            build_cache.store(state.root, "print-page", key, combined)
        return combined

    Renderer.write_combined = write_combined
    renderer.fix_internal_links = fix_internal_links
    Renderer._sdw_cached = True
