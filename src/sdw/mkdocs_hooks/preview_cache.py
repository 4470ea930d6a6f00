"""In a preview (`mkdocs serve`), convert only the pages whose inputs changed since the last build.

MkDocs rebuilds the whole site on every save; converting the pages' Markdown (running their
snippets, drawing their tables) is most of that time. This hook keeps each page's converted HTML
in sdw.preview, keyed by everything the conversion reads (see there), and puts it back when
nothing changed, and then the page's themed HTML too, when the navigation around it is also
unchanged. It also keeps the search plugin's parse of each page's HTML, and the Anki deck, for
the same reason. `mkdocs build` is not touched: only `serve` uses the caches.

MkDocs-only, like every hook.
"""

from __future__ import annotations

import copy
import hashlib
import logging
import types
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sdw import preview
from sdw.shortcodes import cites_figures_from_data, reads_other_pages

log = logging.getLogger("mkdocs.sdw.preview_cache")


def on_startup(command: str, dirty: bool) -> None:
    preview.start(command)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if preview.state.serving:
        root = Path(config.config_file_path).parent
        preview.begin_build(root, Path(config.docs_dir), [file.src_uri for file in files])
        _cache_search_sections()
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not preview.state.serving:
        return markdown
    src_uri = page.file.src_uri
    key = preview.page_key(src_uri, markdown, reads_other_pages(markdown), cites_figures_from_data(markdown))
    hit = preview.cached(src_uri, key)
    original = type(page).render

    def render(self: Page, config: MkDocsConfig, files: Files) -> None:
        if hit is not None:
            self.content, self.toc, self._title_from_render = hit.content, hit.toc, hit.title
            self.present_anchor_ids, self.links_to_anchors = hit.anchors, hit.links_to_anchors
            self._sdw_preview_key = key
            return
        warnings = len(preview.state.warnings)
        original(self, config, files)
        if len(preview.state.warnings) == warnings:  # a page that warned must warn again
            rendered = preview.Rendered(
                self.content, self.toc, self._title_from_render, self.present_anchor_ids, self.links_to_anchors
            )
            preview.remember(src_uri, key, rendered)
            self._sdw_preview_key = key

    page.render = types.MethodType(render, page)  # this build's Page object only
    return markdown


def on_env(env, config: MkDocsConfig, files: Files):
    """Reuse compiled templates, and a page's themed HTML when neither it nor the navigation
    around it changed."""
    if preview.state.serving:
        # MkDocs makes a new environment for every build: keep the compiled templates across them
        # (Jinja checks each template's source before reusing its code).
        env.bytecode_cache = preview.TEMPLATE_CODE
        get_template = env.get_template
        env.get_template = lambda name, *args, **kwargs: _CachedTemplate(get_template(name, *args, **kwargs), name)
    return env


class _CachedTemplate:
    def __init__(self, template, name: str) -> None:
        self.template, self.name = template, name

    def render(self, context) -> str:
        page, nav = context.get("page"), context.get("nav")
        content_key = getattr(page, "_sdw_preview_key", None)
        if content_key is None or nav is None:
            return self.template.render(context)
        key = preview.output_key(self.name, content_key, page.meta, preview.navigation_key(nav))
        entry = preview.state.outputs.get(page.file.src_uri)
        if entry and entry[0] == key:
            preview.state.template_hits += 1
            return entry[1]
        output = self.template.render(context)
        preview.state.outputs[page.file.src_uri] = (key, output)
        return output

    def __getattr__(self, name: str):
        return getattr(self.template, name)


def on_post_build(config: MkDocsConfig) -> None:
    if preview.state.serving:
        log.info(
            f"preview: {preview.state.hits} pages unchanged, taken from the cache "
            f"({preview.state.template_hits} with their themed HTML)"
        )
        preview.state.hits = preview.state.template_hits = 0


def _cache_search_sections() -> None:
    """Material's search parses each page's HTML into sections; reuse the parse of the same HTML."""
    from material.plugins.search import plugin as search

    if getattr(search.SearchIndex, "_sdw_preview", False):
        return
    original = search.SearchIndex.add_entry_from_context

    def add_entry_from_context(self, page) -> None:
        if not preview.state.serving or (page.meta.get("search") or {}).get("exclude"):
            return original(self, page)
        key = hashlib.sha256(page.content.encode("utf-8")).hexdigest()
        sections = preview.state.sections.get(key)
        if sections is None:
            parser = search.Parser()
            parser.feed(page.content)
            parser.close()
            sections = preview.state.sections[key] = parser.data
        for section in sections:
            if not section.is_excluded():
                # A copy: the plugin gives an untitled section the page's title, which may change.
                self.create_entry_for_section(copy.copy(section), page.toc, page.url, page)

    search.SearchIndex.add_entry_from_context = add_entry_from_context
    search.SearchIndex._sdw_preview = True
