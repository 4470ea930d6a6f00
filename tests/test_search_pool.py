"""src/sdw/search_pool.py: the preview's search parses in a second process give the sections the
build's own parse gives, and the index files them where the build would have."""

from __future__ import annotations

import concurrent.futures
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import ROOT
from material.plugins.search.plugin import SearchIndex

from sdw import search_pool

PAGE = ROOT / "docs/examples/twitter/step-2-estimation.md"
HTML = (
    "<h1 id='top'>Top</h1><p>Intro with <code>x = 1</code></p>"
    "<h2 id='a'>A</h2><p>First</p>"
    '<div class="highlight"><pre><span></span><code><span class="n">y</span> = 2</code></pre></div>'
    "<h2 id='b'>B</h2><ul><li>one</li><li>two</li></ul>"
)


def described(sections: list) -> list[tuple]:
    return [(section.el.tag, section.id, "".join(section.title), "".join(section.text)) for section in sections]


@pytest.fixture
def pool():
    search_pool.start()
    yield
    search_pool.stop()


def test_the_second_process_parses_as_the_build_does(pool) -> None:
    parsed_there = search_pool.result(search_pool.submit(HTML), HTML)
    assert described(parsed_there) == described(search_pool.parse(HTML))
    assert [section.id for section in parsed_there] == [None, "a", "b"]  # an h1 gives the page's own


def test_a_parse_the_process_could_not_make_is_made_here() -> None:
    failed: concurrent.futures.Future = concurrent.futures.Future()
    failed.set_exception(concurrent.futures.process.BrokenProcessPool("the process died"))
    assert described(search_pool.result(failed, HTML)) == described(search_pool.parse(HTML))


def test_the_second_process_ends_when_the_preview_is_killed() -> None:
    """A preview stopped by a signal runs no shutdown: its parse process must not outlive it."""
    script = (
        "from sdw import search_pool\n"
        "search_pool.start()\n"
        "search_pool.result(search_pool.submit('<p>x</p>'), '<p>x</p>')\n"
        "print(*search_pool._pool._processes, flush=True)\n"
        "import time; time.sleep(60)\n"
    )
    preview = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        worker = int(preview.stdout.readline())
        preview.send_signal(signal.SIGKILL)
        preview.wait(10)
        deadline = time.monotonic() + 15
        while _running(worker) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not _running(worker), f"the parse process {worker} outlived the killed preview"
    finally:
        preview.kill()


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"  # a zombie has ended too
    except (ProcessLookupError, OSError):
        return False


def test_without_a_second_process_nothing_is_submitted() -> None:
    search_pool.stop()
    assert search_pool.submit(HTML) is None


def test_the_index_files_each_later_parse_at_its_page_place(tmp_path: Path) -> None:
    """Pages parsed meanwhile are filed when the index is written, each where its page came: the
    entries in the order of a build that parsed every page as it came."""
    from sdw.mkdocs_hooks import preview_cache

    preview_cache._cache_search_sections()

    def page(name: str) -> SimpleNamespace:
        return SimpleNamespace(toc=[], url=f"{name}/", meta={}, title=name)

    def section_of(name: str) -> list:
        return search_pool.parse(f"<h2 id='{name}'>{name}</h2><p>{name} text</p>")

    def index_of(later: tuple[str, ...]) -> SearchIndex:
        index = SearchIndex(lang=["en"], separator=" ", pipeline=[], fields={})
        for name in ("one", "two", "three", "four"):
            if name in later:
                index.__dict__.setdefault("_sdw_later", []).append(
                    (len(index.entries), lambda name=name: section_of(name), page(name), [])
                )
            else:
                preview_cache._add_sections(index, section_of(name), page(name), [])
        index.generate_search_index(None)
        return index

    as_they_came = index_of(later=()).entries
    assert [entry["location"] for entry in as_they_came if "#" in entry["location"]] == [
        "one/#one",
        "two/#two",
        "three/#three",
        "four/#four",
    ]
    assert index_of(later=("one", "three", "four")).entries == as_they_came
    assert index_of(later=("two",)).entries == as_they_came
