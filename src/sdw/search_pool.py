"""Material's search parse of the preview's changed pages, in a second process.

After a value's edit the preview's rebuild parses again, for the search index, every page whose
HTML changed: a fifth of the rebuild, on one core while the other waits. So the preview hands
each parse to a process of its own (started with the server, once) and goes on with the page's
theme and the next pages; the search index waits for the parses only when it is written, at the
end of the build (src/sdw/mkdocs_hooks/preview_cache.py). The parse is the one a build makes in
process (sdw.search_parse's, with Material's parser): the same sections, in the same order.

A parse the process cannot make (it died, or the parse raised) is made in process instead, so the
index is never short of a page. `mkdocs build` parses in process: its second core already converts
half the pages (src/sdw/mkdocs_hooks/parallel_pages.py).
"""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import os
import threading
import time

_pool: concurrent.futures.ProcessPoolExecutor | None = None


def parse(html: str) -> list:
    """Material's search sections of a page's HTML, parsed here (sdw.search_parse's parser)."""
    from material.plugins.search.plugin import Parser

    from sdw import search_parse

    search_parse.install()
    parser = Parser()
    parser.feed(html)
    parser.close()
    return parser.data


def start() -> None:
    """Start the process, and load the parser there, before the first save needs it."""
    global _pool
    if _pool is None:
        # spawn, not fork: the server has threads by then, and a fork copies their locks held.
        try:
            pool = concurrent.futures.ProcessPoolExecutor(
                max_workers=1,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_exit_with_parent,
                initargs=(os.getpid(),),
            )
            pool.submit(parse, "")
        except (OSError, RuntimeError):  # no process to be had (no /dev/shm, a limit): parse here
            return
        _pool = pool


def _exit_with_parent(parent: int) -> None:
    """In the second process: exit once the preview has, however it ended. Stopped by a signal
    (`kill`, a closed terminal), the preview runs no shutdown, and the process, which holds its
    own end of the pipe it waits on, would wait for work for ever."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


PARENT_CHECK_SECONDS = 1.0


def submit(html: str) -> concurrent.futures.Future | None:
    """The parse of `html` under way in the second process; None when there is none (the caller
    parses in process)."""
    if _pool is None:
        return None
    try:
        return _pool.submit(parse, html)
    except RuntimeError:  # shut down, or broken by a dead process
        return None


def result(future: concurrent.futures.Future | None, html: str) -> list:
    """What the second process parsed, or the same parse made here when it could not."""
    if future is not None:
        try:
            return future.result()
        except Exception:  # the process died, or the parse raised: the in-process parse says why
            pass
    return parse(html)


def stop() -> None:
    global _pool
    if _pool is not None:
        _pool.shutdown(wait=False, cancel_futures=True)
        _pool = None
