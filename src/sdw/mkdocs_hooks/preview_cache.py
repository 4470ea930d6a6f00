"""Convert only the pages whose inputs changed since an earlier build: in a preview (`mkdocs
serve`), since the last save; in `mkdocs build`, since any build on this machine.

Converting the pages' Markdown (running their snippets, drawing their tables) is most of a
build's time. This hook keeps each page's converted HTML, keyed by everything the conversion
reads (see sdw.preview), and puts it back when nothing changed, and then the page's themed HTML
too, when the navigation around it is also unchanged. It also keeps the search plugin's parse of
each page's HTML, and the Anki deck, for the same reason. The preview keeps them in memory; a
build, on disk (sdw.build_cache; SDW_NO_CACHE=1 turns that off). A page whose conversion warned
is never kept, so a strict build fails on it every time.

MkDocs-only, like every hook.
"""

from __future__ import annotations

import copy
import dataclasses
import gc
import hashlib
import logging
import os
import threading
import types
from pathlib import Path

from markdown_exec._internal.rendering import (  # pinned: requirements.txt
    InsertHeadings,
    MarkdownConverter,
    _register_headings_processors,
    markdown_config,
)
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from sdw import block_shapes, build_cache, highlight_cache, preview, search_pool, shortcodes, snippet_fence, snippets

log = logging.getLogger("mkdocs.sdw.preview_cache")


def on_startup(command: str, dirty: bool) -> None:
    preview.start(command)
    if preview.state.caching and shortcodes.keep_unfilled is None:
        shortcodes.keep_unfilled = {}
    # A page converted again (an edit, a new page) computes only the figures whose snippets changed:
    # editing a page that cites every example's figures imported every example's snippets, 0.7 s of
    # a build (workflow step 1, 6 December).
    shortcodes.figure_values_kept = preview.figure_values if preview.state.caching else None
    if preview.state.caching:
        _cache_theme_files()
    if preview.state.serving:  # a build highlights each block once, and converts each page once
        highlight_cache.install()
        snippet_fence.keep_block = _keep_block
        build_cache.write_behind()  # a rebuild does not wait for the disk


@event_priority(100)  # first: markdown-exec's on_config resets what the background conversions use
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    stop_detaching()  # before anything of this build: the background conversions share its state
    preview.state.to_detach = []
    preview.state.shapes_filled = 0  # this build's alone (not the background's, nor a failed build's)
    # A preview's rebuild makes little garbage, but Python's collector, run as it allocates, goes
    # through everything the preview keeps (each kept page's blocks and Markdown): up to a tenth of
    # a second of a rebuild. It collects between rebuilds instead, unless the rebuild converts
    # many pages (_convert), whose garbage would pile up.
    preview.state.converted = 0
    if preview.state.serving and preview.state.build:
        gc.disable()
    preview.show_warnings_when_strict(bool(config.strict))
    preview.state.config = config  # this build's, for the kept pages' blocks (_PageOf)
    return config


# MkDocs' server looks for changed files every half second: a quarter of a second, on average,
# between a save and the rebuild. Checking the site's sources (a few hundred files) costs
# milliseconds, so every tenth of a second.
POLL_SECONDS = 0.1


def on_serve(server, config: MkDocsConfig, builder):
    search_pool.start()  # for the rebuilds' search parses, ready before the first save
    observer = server.observer
    observer._timeout = POLL_SECONDS  # for the folders watched from now on (watchdog's own field)
    for emitter in observer.emitters:  # and for those watched already
        emitter._timeout = POLL_SECONDS
    return server


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if preview.state.serving:
        # The sources as this build's keys will find them (taken before they are read): the
        # background conversions after it stop, and drop their page, when anything differs (a save
        # during the build included).
        preview.state.sources = _sources(config)
    if preview.state.caching:
        root = Path(config.config_file_path).parent
        # Forget the snippets that changed (and their importers) before any is read again.
        snippets.use(Path(config.docs_dir) / preview.SNIPPETS)
        preview.begin_build(root, Path(config.docs_dir), [file.src_uri for file in files], config)
        _cache_search_sections()
    if preview.state.serving:
        _cache_exec_blocks()
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # markdown-exec numbers its blocks with one counter for the whole process; from 0 on each
    # page, a page converted again has the same ids, so its HTML is unchanged when its content
    # is, and the search parse and themed HTML kept for it are reused; and a build with no cache
    # writes the same ids. (The print page, which puts every page in one, prefixes each page's
    # ids with the page's own name.) MkDocs converts each page right after this event.
    MarkdownConverter.counter = 0
    if not preview.state.caching:
        return markdown
    src_uri = page.file.src_uri
    plain = shortcodes.without_filled_figures(markdown)
    others = preview.other_pages_read(markdown, Path(config.config_file_path).parent, Path(config.docs_dir))
    reads_all = shortcodes.reads_all_snippets(markdown)
    key = preview.page_key(src_uri, plain, others, reads_all)
    hit = _cached_unless_reconverted(src_uri, key)
    # The preview converts a page with its blocks apart, and after an edit that reaches only what
    # its blocks run, runs them again without converting the page.
    detached = preview.detached_key(src_uri, plain, others, reads_all) if preview.state.serving and not hit else None
    if hit and _to_detach(src_uri, key, markdown):
        preview.state.to_detach.append((page, config, files, src_uri, key, plain, others, reads_all))
    preview.state.pages_built += 1
    original = type(page).render

    def render(self: Page, config: MkDocsConfig, files: Files) -> None:
        found = hit
        entry = preview.state.detached.get(src_uri) if detached else None
        if found is None and entry is not None and entry.key == detached:
            found = _blocks_again(src_uri, key, entry)
        if found is not None:
            # The figures are filled in again: their snippets may have changed, not the page.
            values = preview.figure_values(found.figures)
            self.content = shortcodes.substitute(found.content, values) if values else found.content
            self._sdw_filled = (found.content, values, self.content)
            self.toc, self._title_from_render = found.toc, found.title
            self.present_anchor_ids = found.anchors
            # Kept by path: a File holds its page, and that page the whole site (the list of files
            # is in the key, so each path names a file of this build).
            kept = found.links_to_anchors.items()
            self.links_to_anchors = {files.get_file_from_path(uri): links for uri, links in kept}
            self._sdw_preview_key = preview.content_key(src_uri, self.content)
            return
        _convert(self, original, config, files, src_uri, key, detached)

    page.render = types.MethodType(render, page)  # this build's Page object only
    return markdown


def _cached_unless_reconverted(src_uri: str, key: str):
    """The page's kept conversion, unless its background conversion warned or failed: then the
    build converts it, so that it says why."""
    if src_uri in preview.state.reconvert:
        preview.state.reconvert.discard(src_uri)
        return None
    return preview.cached(src_uri, key)


def _convert(
    page: Page, original, config: MkDocsConfig, files: Files, src_uri: str, key: str, detached, keep: bool = True
) -> None:
    """Convert the page (MkDocs' Page.render, `original`) and keep what it made, unless it warned;
    in the preview, with its blocks apart (`detached`: its preview.detached_key, or None). Without
    `keep`, only the blocks apart (the background's: the cache holds the page already)."""
    preview.state.converted += 1
    if preview.state.converted > GARBAGE_AFTER_PAGES:
        gc.enable()
    warnings = len(preview.state.warnings)
    MarkdownConverter.counter = 0  # as on_page_markdown did: a preview converts some pages later
    preview.state.converting, preview.state.new_blocks = src_uri, {}
    preview.state.new_detached, preview.state.attached = ([] if detached else None), False
    try:
        original(page, config, files)
    finally:
        preview.state.converting = None
        blocks, preview.state.new_detached = preview.state.new_detached or [], None
    preview.state.blocks[src_uri] = preview.state.new_blocks
    apart, figures, values = shortcodes.keep_unfilled.pop(src_uri, (page.content, (), []))
    made = {block.token: block.html for block in blocks}
    page.content, unfilled = preview.fill_blocks(page.content, made), preview.fill_blocks(apart, made)
    page._sdw_filled = (unfilled, values, page.content)
    preview.state.detached.pop(src_uri, None)
    if len(preview.state.warnings) == warnings:  # a page that warned must warn again
        links = {file.src_uri: anchors for file, anchors in (page.links_to_anchors or {}).items()}
        title, anchors = page._title_from_render, page.present_anchor_ids
        rendered = preview.Rendered(unfilled, figures, page.toc, title, anchors, links)
        if keep:
            preview.remember_figures(figures, values)
            preview.remember(src_uri, key, rendered)
        page._sdw_preview_key = preview.content_key(src_uri, page.content)
        # Each block that is one include line must be found as a snippet's whole text, to run
        # again with that file's new text (detached_key leaves the file's text out of the page's).
        whole = sum(1 for block in blocks if block.snippet)
        if blocks and not preview.state.attached and whole == preview.whole_file_blocks(page.markdown):
            kept_apart = dataclasses.replace(rendered, content=apart)
            preview.state.detached[src_uri] = preview.Detached(detached, kept_apart, blocks)
            for md in {id(block.md): block.md for block in blocks}.values():
                _release(md, src_uri)


def _to_detach(src_uri: str, key: str, markdown: str) -> bool:
    """Whether the preview converts the page, taken from the build cache, again in the background:
    it runs markdown-exec blocks that it does not hold apart yet, and has not been found to keep
    one in place."""
    state = preview.state
    return (
        state.serving
        and 'exec="' in markdown
        and src_uri not in state.detached
        and state.undetachable.get(src_uri) != key
    )


# After a build, time for the browser to load the page the build reloads, before the background
# conversions start taking turns with it.
DETACH_AFTER_SECONDS = 1.0
# A rebuild that converts more pages than this collects its garbage as it goes (on_config).
GARBAGE_AFTER_PAGES = 10


def _start_detaching() -> None:
    """After a preview's build, convert in the background the pages it took from the build cache
    (as when `make serve` starts) with their blocks apart, one by one, so that the first edit of a
    value they print runs their blocks alone (1.7 s to reload in the benchmark, where converting
    them took 5 to 6 s). The next build stops them first (on_config), after the page under way."""
    todo, preview.state.to_detach = preview.state.to_detach, []
    if not todo:
        return
    stop = threading.Event()
    sources = preview.state.sources
    thread = threading.Thread(target=_detach, args=(todo, stop, sources), name="sdw-detach", daemon=True)
    preview.state.background = (thread, stop)
    thread.start()


def stop_detaching() -> None:
    if preview.state.background is not None:
        thread, stop = preview.state.background
        stop.set()
        thread.join()
        preview.state.background = None


class _FromThread(logging.Filter):
    """Keeps a thread's records out of the terminal: the background conversions' pages converted
    without a warning before (the build cache keeps no other), and one that warns now is not held
    apart (preview.state.warnings still counts it) and is converted by the next build, which shows
    the warning where a build's go."""

    def __init__(self, thread: int) -> None:
        super().__init__()
        self.thread = thread

    def filter(self, record: logging.LogRecord) -> bool:
        return record.thread != self.thread


def _sources(config: MkDocsConfig) -> tuple:
    """What the preview watches (the pages, the snippets, data/, mkdocs.yml), each file's name, time
    and size: a background conversion that saw any of it change since the build is thrown away."""
    folders = [config.docs_dir, *config.watch]
    found = []
    for folder in folders:
        for directory, subfolders, names in os.walk(folder):
            subfolders[:] = sorted(name for name in subfolders if name not in preview.SKIPPED_FOLDERS)
            for name in sorted(names):
                try:
                    status = os.stat(os.path.join(directory, name))
                except OSError:
                    continue
                found.append((directory, name, status.st_mtime_ns, status.st_size))
    try:
        status = os.stat(config.config_file_path)
        found.append((config.config_file_path, status.st_mtime_ns, status.st_size))
    except (OSError, TypeError):
        pass
    return tuple(found)


def _detach(todo: list[tuple], stop: threading.Event, sources: tuple) -> None:
    if stop.wait(DETACH_AFTER_SECONDS):
        return
    config = todo[0][1]
    # As the build had it (markdown-exec's on_post_build reset it): the blocks' output is converted
    # with the site's Markdown extensions. Left so: the next build's markdown-exec sets its own.
    markdown_config.save(config.markdown_extensions, config.mdx_configs)
    quiet = _FromThread(threading.get_ident())
    handlers = [handler for handler in logging.getLogger("mkdocs").handlers if handler is not preview._collector]
    for handler in handlers:
        handler.addFilter(quiet)
    state, detached = preview.state, 0
    try:
        for page, config, files, src_uri, key, plain, others, reads_all in todo:
            if stop.is_set() or _sources(config) != sources:
                break
            if src_uri in state.detached:
                continue
            apart = preview.detached_key(src_uri, plain, others, reads_all)
            warnings, failed = len(state.warnings), False
            try:
                if apart is not None:  # on a copy: the build's page is written already
                    _convert(copy.copy(page), type(page).render, config, files, src_uri, key, apart, keep=False)
            except Exception:
                failed = True
            if _sources(config) != sources:  # saved meanwhile: it may have read the new files
                state.detached.pop(src_uri, None)
                state.blocks.pop(src_uri, None)
                break
            if failed or len(state.warnings) != warnings:
                # Unlike its build's conversion: the next build converts it, and says why.
                state.reconvert.add(src_uri)
            elif src_uri in state.detached:
                detached += 1
            else:
                state.undetachable[src_uri] = key
    finally:
        for handler in handlers:
            handler.removeFilter(quiet)
        _forget_converted_markdown()
    if detached:
        log.info(f"preview: {detached} pages from the build cache now hold their blocks apart, for the next edit")


def _forget_converted_markdown() -> None:
    # markdown-exec keeps every Markdown it converted a block for (functools.cache), and each
    # page's holds that build's whole site: a long preview would keep every build.
    clear = getattr(_register_headings_processors, "cache_clear", None)
    if clear is not None:
        clear()


def _made(md, make, forget: bool = False) -> tuple[str, bool]:
    """A block's HTML, and whether markdown-exec filed headings from it for its page's contents
    (a block without a source tab: the fence lightens the HTML of one with a tab, which then
    matches nothing filed, in a build too); `forget`, once the page is converted: drop what it
    filed, each block's HTML, which would pile up with every run."""
    processors = md.treeprocessors
    before = dict(processors[InsertHeadings.name].headings) if InsertHeadings.name in processors else {}
    html = make()
    noted = processors[InsertHeadings.name].headings if InsertHeadings.name in processors else {}
    added = [markup for markup, headings in noted.items() if before.get(markup) is not headings]
    filed = any(noted[markup] for markup in added)
    if forget:
        for markup in added:
            del noted[markup]
    return html, filed


class _PageOf:
    """Stands in for MkDocs' link rewriter ("relpath") on a kept page's Markdown, which held the
    page's build (its file, every file, the config, through them every page of that build): it
    keeps what sdw.context.page_context reads there, the page's path and this build's config. A
    block run again converts with a Markdown of its own, and its glossary terms and cards need
    the page it is on."""

    def __init__(self, src_uri: str) -> None:
        self.file = types.SimpleNamespace(src_uri=src_uri)

    @property
    def config(self):
        return preview.state.config

    def run(self, root) -> None:  # never converts: registered where MkDocs' rewriter was
        return None


def _release(md, src_uri: str) -> None:
    """A converted page's Markdown, kept to run its blocks again, without what ties it to its build
    or holds the page's own text (tests/test_preview.py compares pages whose blocks ran again
    with a fresh build)."""
    md.treeprocessors.register(_PageOf(src_uri), "relpath", 0)
    if "mkdocs_extract_anchors" in md.treeprocessors:
        md.treeprocessors.deregister("mkdocs_extract_anchors")
    if InsertHeadings.name in md.treeprocessors:
        md.treeprocessors[InsertHeadings.name].headings.clear()
    md.htmlStash.reset()


def _block_level(md, html: str) -> bool:
    """Whether Python-Markdown takes the block's HTML out of the paragraph that holds its place."""
    return md.postprocessors["raw_html"].isblocklevel(html)


def _keep_block(source: str, md, make) -> str:
    """sdw.snippet_fence.keep_block: while the preview converts a page, each block's place is held
    by a token and the block kept apart; a block whose headings go to the page's contents stays in
    place (markdown-exec finds them by the HTML the page holds) and keeps its page converting."""
    state = preview.state
    if state.new_detached is None:
        return make()
    html, filed = _made(md, make)
    if filed:
        state.attached = True
        return html
    token = preview.block_token(len(state.new_detached), _block_level(md, html))
    snippet = snippet_fence.snippet_named_by(source)
    if snippet is not None and preview.included_text(snippet) != source:
        snippet = None  # not the text an include gives: this block cannot be run with a new one
    block = preview.Block(token, source, preview.block_key(source), make, MarkdownConverter.counter, html, md, snippet)
    state.new_detached.append(block)
    return token


def _blocks_again(src_uri: str, key: str, entry: preview.Detached) -> preview.Rendered | None:
    """The page as its last conversion left it, with the blocks whose inputs changed run again;
    None when one would change the page's contents, the ids of the blocks after it, or whether it
    stands outside a paragraph (the page is converted). Kept under the page's own key unless a
    block warned (it must warn again)."""
    state = preview.state
    warnings = len(state.warnings)
    html, remade = {}, []
    state.converting, state.new_blocks = src_uri, {}
    try:
        for block in entry.blocks:
            source = preview.included_text(block.snippet) if block.snippet else block.source
            if source is None:  # the file it shows is gone: the page warns, converted
                return None
            block_key = preview.block_key(source)
            if block_key == block.key:
                html[block.token] = block.html
                continue
            made, filed = _made(block.md, lambda block=block, source=source: block.make(source), forget=True)
            changed = _block_level(block.md, made) != _block_level(block.md, block.html)
            if filed or changed or MarkdownConverter.counter != block.counter_after:
                return None
            html[block.token] = made
            remade.append((block, source, block_key, made))
    finally:
        state.converting = None
        # Only what this run used: it would grow with every run. But the shapes of the blocks not
        # run again stay, for a later edit of their numbers.
        earlier = state.blocks.get(src_uri, {})
        for name, kept in earlier.items():
            if name.startswith((SHAPE, SHAPE_OF)):
                state.new_blocks.setdefault(name, kept)
        state.blocks[src_uri] = state.new_blocks
    rendered = dataclasses.replace(entry.rendered, content=preview.fill_blocks(entry.rendered.content, html))
    if len(state.warnings) == warnings:
        for block, source, block_key, made in remade:
            block.source, block.key, block.html = source, block_key, made
        preview.remember(src_uri, key, rendered)
    state.blocks_run += 1
    return rendered


def on_env(env, config: MkDocsConfig, files: Files):
    """Reuse a page's themed HTML when neither it nor the navigation around it changed (the
    template_cache hook keeps the compiled templates)."""
    if preview.state.caching:
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
        navigation = preview.navigation_key(nav)
        key = preview.output_key(self.name, content_key, page.meta, navigation, page.toc, page.title)
        entry = preview.state.outputs.get(page.file.src_uri)
        if entry and entry[0] == key:
            preview.state.template_hits += 1
            return entry[1]
        output = build_cache.load(preview.state.root, "themed", key)
        if output is not None:
            preview.state.template_hits += 1
        else:
            output = self.template.render(context)
            build_cache.store(preview.state.root, "themed", key, output)
        preview.state.outputs[page.file.src_uri] = (key, output)
        return output

    def __getattr__(self, name: str):
        return getattr(self.template, name)


def on_build_error(error: Exception) -> None:
    gc.enable()
    preview.state.to_detach = []


def on_post_build(config: MkDocsConfig) -> None:
    gc.enable()
    if not preview.state.caching:
        return
    preview.save_figures()
    state = preview.state
    if state.serving:
        _forget_converted_markdown()
        log.info(
            f"preview: {state.hits} pages unchanged, taken from the cache; "
            f"{state.blocks_run} pages' blocks run again, the pages kept "
            f"({state.shapes_filled} blocks' output filled into the HTML of its shape); "
            f"{state.template_hits} pages' themed HTML unchanged, reused"
        )
    else:
        kept_print = {True: "; the print page's combination too", False: "", None: ""}[state.print_page_kept]
        log.info(
            f"build cache: {state.hits} of {state.pages_built} pages unchanged since an earlier build{kept_print}, "
            f"taken from {build_cache.folder_name(state.root)} ({build_cache.OFF_VARIABLE}=1 converts every page)"
        )
    state.hits = state.template_hits = state.pages_built = state.blocks_run = state.shapes_filled = 0
    state.print_page_kept = None
    if state.serving:
        _start_detaching()


def on_shutdown() -> None:
    stop_detaching()
    search_pool.stop()


def _cache_search_sections() -> None:
    """Material's search parses each page's HTML into sections; reuse the parse of the same HTML.
    The preview parses a changed page in its second process (sdw.search_pool) and files its
    sections where they belong when the index is written."""
    from material.plugins.search import plugin as search

    if getattr(search.SearchIndex, "_sdw_preview", False):
        return
    original = search.SearchIndex.add_entry_from_context
    generate = search.SearchIndex.generate_search_index

    def add_entry_from_context(self, page) -> None:
        if not preview.state.caching or (page.meta.get("search") or {}).get("exclude"):
            return original(self, page)
        # The parse of the HTML before its figures were filled in, when nothing has changed the
        # page since: then a page whose figures alone changed is not parsed again.
        unfilled, values, filled = getattr(page, "_sdw_filled", (page.content, [], page.content))
        if filled != page.content:
            unfilled, values = page.content, []
        sections = preview.search_sections_later(unfilled) if preview.state.serving else None
        if sections is not None:  # parsed meanwhile: filed, at this place, when the index is written
            self.__dict__.setdefault("_sdw_later", []).append((len(self.entries), sections, page, values))
            return
        _add_sections(self, preview.search_sections(unfilled), page, values)

    def generate_search_index(self, prev):
        later = self.__dict__.pop("_sdw_later", [])
        for place, sections, page, values in reversed(later):  # the last first: the places stay right
            before, after = self.entries[:place], self.entries[place:]
            self.entries = before
            _add_sections(self, sections(), page, values)
            self.entries += after
        return generate(self, prev)

    search.SearchIndex.add_entry_from_context = add_entry_from_context
    search.SearchIndex.generate_search_index = generate_search_index
    search.SearchIndex._sdw_preview = True


def _add_sections(index, sections: list, page: Page, values: list[str]) -> None:
    for section in sections:
        if not section.is_excluded():
            # A copy: the plugin gives an untitled section the page's title, which may change.
            section = copy.copy(section)
            if values:
                section.title = [shortcodes.substitute(part, values) for part in section.title]
                section.text = [shortcodes.substitute(part, values) for part in section.text]
            index.create_entry_for_section(section, page.toc, page.url, page)


def _cache_exec_blocks() -> None:
    """markdown-exec converts each block's output, with its source tab, as Markdown of its own:
    in a page converted again, or a block run again, reuse a block's HTML when its text is
    unchanged (after a value's edit, a block whose printed output did not change)."""
    if getattr(MarkdownConverter, "_sdw_preview", False):
        return
    original = MarkdownConverter.convert

    def convert(self, text: str, stash: dict[str, str] | None = None, id_prefix: str | None = None):
        state = preview.state
        if not state.serving or state.converting is None:
            return original(self, text, stash, id_prefix)
        # Kept per page (its links are relative to it); the counter makes markdown-exec's ids.
        # With every other input of the page (the glossary's tooltips, mkdocs.yml's settings).
        block = (text, sorted((stash or {}).items()), id_prefix, MarkdownConverter.counter, self._update_toc)
        key = hashlib.sha256(repr((block, state.inputs)).encode()).hexdigest()
        earlier = state.blocks.get(state.converting, {})
        kept = earlier.get(key)
        if kept is not None:
            MarkdownConverter.counter += 1  # as the conversion would have
            state.new_blocks[key] = kept
            _keep_shape(earlier, key)
            return kept
        # The same text but its numbers, converted once (sdw.block_shapes): keyed as the block is.
        shape, numbers = block_shapes.apart(text) if not stash else ("", ())
        shape_key = ""
        if shape:
            shape_key = SHAPE + hashlib.sha256(repr(((shape, *block[1:]), state.inputs)).encode()).hexdigest()
        if shape:
            filled = _filled(self, original, shape, numbers, shape_key, earlier.get(shape_key), id_prefix)
            if filled is not None:
                state.new_blocks[key] = filled
                state.new_blocks[SHAPE_OF + key] = shape_key
                return filled
        warnings = len(state.warnings)
        markup = original(self, text, stash, id_prefix)
        processors = self._original_md.treeprocessors
        reported = processors[InsertHeadings.name].headings.get(markup) if InsertHeadings.name in processors else None
        if len(state.warnings) == warnings and not reported:  # headings go to the page's contents: not kept
            state.new_blocks[key] = markup
            if shape:  # what a later shape's HTML is checked against, unless a check failed
                failed = state.new_blocks.get(shape_key, earlier.get(shape_key)) is False
                state.new_blocks[shape_key] = False if failed else (numbers, markup)
                state.new_blocks[SHAPE_OF + key] = shape_key
        return markup

    MarkdownConverter.convert = convert
    MarkdownConverter._sdw_preview = True


SHAPE = "shape\0"  # a block's shape in preview.state.blocks: its HTML, what checks it, or False
SHAPE_OF = "shape of\0"  # a block's key, there: its shape's


def _keep_shape(earlier: dict, key: str) -> None:
    """A block taken as it was keeps its shape's entry for a later edit of its numbers."""
    shape_key = earlier.get(SHAPE_OF + key)
    if shape_key is not None and shape_key in earlier:
        preview.state.new_blocks[SHAPE_OF + key] = shape_key
        preview.state.new_blocks[shape_key] = earlier[shape_key]


def _filled(converter, original, shape: str, numbers: tuple, shape_key: str, entry, id_prefix) -> str | None:
    """The block's HTML from its shape's, or None (converted as before). `entry` is what the page's
    last conversion kept for the shape: its checked HTML; the numbers and HTML of an output of that
    shape, against which the shape's HTML, made now, is checked; False: the check failed."""
    state = preview.state
    if entry is None or entry is False:
        return None
    if isinstance(entry, tuple):
        counter, warnings = MarkdownConverter.counter, len(state.warnings)
        # A shape's conversion is not the page's: what it logs stays out of the terminal, but the
        # preview's own collector counts it, so that a warning fails the check.
        quiet = _FromThread(threading.get_ident())
        handlers = [handler for handler in logging.getLogger("mkdocs").handlers if handler is not preview._collector]
        for handler in handlers:
            handler.addFilter(quiet)
        try:
            html = original(converter, shape, None, id_prefix)
        except Exception:  # converted as before, which reports it
            html = None
        finally:
            for handler in handlers:
                handler.removeFilter(quiet)
            MarkdownConverter.counter = counter
        processors = converter._original_md.treeprocessors
        headings = processors[InsertHeadings.name].headings if InsertHeadings.name in processors else {}
        seen_numbers, seen_html = entry
        checked = html is not None and len(state.warnings) == warnings and not headings.pop(html, None)
        if not checked or block_shapes.fill(html, seen_numbers) != seen_html:
            del state.warnings[warnings:]
            state.new_blocks[shape_key] = False
            return None
        entry = html
    filled = block_shapes.fill(entry, numbers)
    if filled is None:
        return None
    MarkdownConverter.counter += 1  # as the conversion would have
    state.new_blocks[shape_key] = entry
    state.shapes_filled += 1
    return Markup(filled)


def _cache_theme_files() -> None:
    """MkDocs lists every file of the theme (Material's thousands of icons) on every build, a
    fifth of a rebuild with nothing changed: list them again only when a theme folder changed
    or the site's own files did (a page may take a theme file's place). Runs before on_files,
    so the project's folder comes from the configuration."""
    if getattr(Files, "_sdw_preview", False):
        return
    original = Files.add_files_from_theme
    listed: dict[str, list[tuple[str, str]]] = {}

    def add_files_from_theme(self: Files, env, config: MkDocsConfig) -> None:
        if not preview.state.caching:
            return original(self, env, config)
        key = preview.theme_key(config.theme.dirs, self.src_uris, config.theme.static_templates)
        root = Path(config.config_file_path).parent
        if key not in listed and (kept := build_cache.load(root, "theme-files", key)) is not None:
            listed.clear()
            listed[key] = kept
        if key not in listed:
            before = set(self.src_uris)
            original(self, env, config)
            listed.clear()  # one version: the folders change rarely
            listed[key] = [(uri, file.src_dir) for uri, file in self.src_uris.items() if uri not in before]
            build_cache.store(root, "theme-files", key, listed[key])
            return None
        for path, folder in listed[key]:
            self.append(File(path, folder, config.site_dir, config.use_directory_urls))
        return None

    Files.add_files_from_theme = add_files_from_theme
    Files._sdw_preview = True
