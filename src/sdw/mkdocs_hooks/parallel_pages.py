"""Convert a build's pages in two processes.

MkDocs converts pages one after another, on one core. Before it starts, this hook forks the
build: the copy converts the second half of the pages (by size) into the build cache
(sdw.build_cache) with their search parse, and exits; the build converts the first half
meanwhile and, on reaching the second, waits for the copy and takes those pages from the cache,
as it would from an earlier build. The output is the same, file for file (tests/test_build_cache.py
compares a build that uses it with one that converts every page itself). A page whose conversion warned is never
kept, so the build converts it again itself and its warning fails a strict build as usual; the
copy's own output goes nowhere.

Only for `mkdocs build` with the build cache on (not the preview, which converts a page or two
a save), on Linux with more than one core, and for a site of at least PAGES_WORTH_A_PROCESS
pages. With the cache already full the copy finds its pages there as the build does, at a cost
within the noise of a warm build (1.39 s against 1.38 s in one process, on 4 December).
SDW_BUILD_PROCESSES=1 turns it off. MkDocs-only, like every hook.
"""

from __future__ import annotations

import bisect
import itertools
import logging
import os
import sys
from collections.abc import Sequence

from mkdocs.commands.build import _populate_page  # pinned: requirements.txt (mkdocs<2)
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from sdw import build_cache, preview

log = logging.getLogger("mkdocs.sdw.parallel_pages")

PAGES_WORTH_A_PROCESS = 16
OFF_VARIABLE = "SDW_BUILD_PROCESSES"

_helper: dict = {}  # this build's copy: its process id and the pages it converts


def _wanted() -> bool:
    return (
        preview.state.caching
        and not preview.state.serving
        and (os.cpu_count() or 1) > 1
        and os.environ.get(OFF_VARIABLE) != "1"
        and sys.platform == "linux"  # fork() without surprises; elsewhere, one process
    )


def copy_half(pages: Sequence[File]) -> list[File]:
    """The pages the copy converts: those after the first half of the bytes, in MkDocs' order
    (a page's conversion time follows its length more than anything else)."""
    running = list(itertools.accumulate(os.path.getsize(file.abs_src_path) for file in pages))
    split = bisect.bisect_left(running, running[-1] / 2) + 1 if running else 0
    return list(pages[split:])


def on_nav(nav, config: MkDocsConfig, files: Files):
    _helper.clear()
    if not _wanted():
        return nav
    pages = files.documentation_pages()
    second = copy_half(pages)
    if len(pages) < PAGES_WORTH_A_PROCESS or len(second) < PAGES_WORTH_A_PROCESS // 2:
        return nav
    report, reporting = os.pipe()  # the copy names the pages it converted (not found in the cache)
    pid = os.fork()
    if pid == 0:  # the copy: convert, keep, and leave without running anything else of the build
        status = 1
        try:
            os.close(report)
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            converted = []
            for file in reversed(second):
                if file.page is None:  # a page outside nav, as MkDocs makes it
                    Page(None, file, config)
                warnings, hits = len(preview.state.warnings), preview.state.hits
                try:
                    _populate_page(file.page, config, files)
                except Exception:
                    continue  # the build converts it again and reports it
                page = file.page
                if len(preview.state.warnings) != warnings:
                    continue  # not kept: the build converts it again and reports it
                if preview.state.hits == hits:  # converted and kept, not found in the cache
                    converted.append(file.src_uri)
                if not (page.meta.get("search") or {}).get("exclude"):
                    preview.search_sections(getattr(page, "_sdw_filled", (page.content,))[0])
            preview.save_figures(always=True)  # the figures its pages used, for the parent (_wait)
            with os.fdopen(reporting, "w", encoding="utf-8") as out:
                out.write("\n".join(converted))
            status = 0
        finally:
            os._exit(status)
    os.close(reporting)
    _helper.update(pid=pid, report=report, pages={file.src_uri for file in second}, converted=0, waited=False)
    return nav


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # Before preview_cache's own on_page_markdown, which looks the page up in the cache.
    if _helper and not _helper["waited"] and page.file.src_uri in _helper["pages"]:
        _wait()
    return markdown


def _wait() -> None:
    _helper["waited"] = True
    with os.fdopen(_helper["report"], encoding="utf-8") as report:
        _helper["converted"] = len([line for line in report.read().splitlines() if line])
    try:
        _, status = os.waitpid(_helper["pid"], 0)
    except ChildProcessError:
        return
    if os.waitstatus_to_exitcode(status) != 0:
        log.debug("the second process stopped early: the build converts its pages itself")
    # The figures the copy computed, for filling its pages in.
    memory = preview._figure_memory()
    saved = build_cache.load(preview.state.root, "figures", preview.state.figures[0]) or {}
    for figure, value in saved.items():
        memory.setdefault(figure, value)
    # The copy's pages used them: the build stores them with its own.
    preview.state.figures_used.update(saved)
    preview.state.figures = (preview.state.figures[0], memory, True)


def on_post_build(config: MkDocsConfig) -> None:
    if _helper and not _helper["waited"]:
        _wait()
    if _helper:
        # Pages the copy converted for this build are not "unchanged since an earlier build".
        preview.state.hits = max(0, preview.state.hits - _helper["converted"])
    _helper.clear()
