"""The contributor's preview (`make serve`'s command): it keeps answering with warnings in the
tree, shows them, the coverage check's included, at the top of the page, and after each save
serves what a fresh build of the edited tree would, though it converts only what changed."""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from html import escape as html_escape
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import SITE_URL, append_line, replace_once, run
from test_data_files import BROKEN, GOOD, MESSAGE, break_examples

PAGE = "workflow/step-1-requirements-clarification.md"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str, deadline: float) -> str:
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        # MkDocs' server holds a request while it rebuilds: a slow rebuild on a busy machine
        # times the request out, which is not yet a failure.
        except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
            if time.monotonic() > deadline:
                # Said as what the contributor sees (a preview that stopped answering), not as a socket's
                # timeout deep in urllib.
                message = f"the preview did not answer {url} before the test's deadline: {error!r}"
                raise AssertionError(message) from error
            time.sleep(0.3)


def wait_for(url: str, text: str, seconds: float) -> str:
    """The page at `url` once it contains `text` (the preview has rebuilt), or fail."""
    deadline = time.monotonic() + seconds
    while True:
        html = fetch(url, deadline)
        if text in html:
            return html
        assert time.monotonic() < deadline, f"{url} did not show {text!r} within {seconds} s of the save"
        time.sleep(0.3)


def wait_for_change(url: str, before: str, seconds: float) -> str:
    """The page at `url` once its article differs from `before`'s, or fail."""
    deadline = time.monotonic() + seconds
    while True:
        html = fetch(url, deadline)
        if article(html) != article(before):
            return html
        assert time.monotonic() < deadline, f"{url} did not change within {seconds} s of the save"
        time.sleep(0.3)


@contextlib.contextmanager
def preview(root: Path):
    """`make serve`'s command in `root`; yields the site's base URL, the log's lines as they come
    and, afterwards, the whole log."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-strict", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=root,
        env={**os.environ, "SDW_FULL_BUILD": "false"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        # A job started in the background, as CI's is, inherits SIGINT ignored, and Python then
        # never turns it into KeyboardInterrupt: the server would ignore the Ctrl-C below, and
        # each preview test waited its full minute before killing it.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    log: list[str] = []
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(iter(server.stderr.readline, "")), daemon=True)
    reader.start()
    try:
        yield f"http://127.0.0.1:{port}{urlsplit(SITE_URL).path}", log, lines
    finally:
        server.send_signal(signal.SIGINT)  # as Ctrl-C: MkDocs removes its temporary site
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:  # a rebuild still running on a busy machine: its log so far
            server.kill()
        reader.join(timeout=10)
        log.append("".join(lines))


def wait_for_line(lines: list[str], text: str, seconds: float) -> str:
    """The first line of the preview's log holding `text`, once it comes, or fail."""
    deadline = time.monotonic() + seconds
    while not (found := [line for line in list(lines) if text in line]):
        assert time.monotonic() < deadline, f"the preview did not log {text!r} within {seconds} s"
        time.sleep(0.2)
    return found[0]


def stopped_at_ctrl_c(log: list[str]) -> bool:
    """Whether the server stopped at the Ctrl-C, as MkDocs says it does, rather than being killed
    a minute later (a server that ignores SIGINT costs each preview test that minute)."""
    return "Shutting down" in log[0]


@pytest.mark.long
def test_the_preview_serves_and_shows_every_warning(site_copy: Path) -> None:
    shortcode_line = replace_once(
        site_copy / "docs" / PAGE, "## Why it matters", "<!-- md:stepz-table -->\n\n## Why it matterz"
    )
    with preview(site_copy) as (base, log, _):
        html = fetch(base + "workflow/step-1-requirements-clarification/", time.monotonic() + 90)
        # A data file that stops parsing while previewing: a warning naming its line on the
        # pages, which the preview still serves, from the file's last good version.
        where = break_examples(site_copy)
        practice = wait_for(base + "practice/examples/", f"{where}: {html_escape(MESSAGE)}", 60)
        assert GOOD in article(practice) and BROKEN not in article(practice)
    assert "preview-warnings" in html
    assert f"docs/{PAGE}:{shortcode_line}: unknown shortcode &#x27;md:stepz-table&#x27;" in html
    heading_line = shortcode_line + 2
    assert (
        f"docs/{PAGE}:{heading_line}: section &quot;## Why it matterz&quot; should be &quot;## Why it matters&quot;"
    ) in html
    assert f"docs/{PAGE}:{shortcode_line}: unknown shortcode 'md:stepz-table'" in log[0]
    # Said once in the terminal: the preview's coverage check reads the data first and says it.
    assert log[0].count(f"{where}: {MESSAGE}") == 1, log[0][-3000:]
    assert stopped_at_ctrl_c(log), log[0][-2000:]


def article(html: str) -> str:
    """A page's article, without the preview's banner. markdown-exec's block numbers stay in: they
    restart on every page (preview_cache), so a page converted alone numbers them as a build does."""
    body = BeautifulSoup(html, "html.parser").select_one("article")
    for banner in body.select(".preview-warnings"):
        banner.decompose()
    return str(body)


@pytest.mark.long
def test_after_each_save_the_preview_serves_what_a_fresh_build_would(site_copy: Path, tmp_path: Path) -> None:
    """The preview converts only the pages whose inputs changed (sdw.preview): a page edit, a
    snippet edit that changes figures on pages which only import it, and a new warning must each
    show up as they would in a fresh build, and a fixed warning must go. Started on a build cache
    an earlier build filled, it takes every page from there, then converts in the background
    those running snippets with their blocks apart: the first value edit runs their blocks alone,
    and the second fills their new numbers into the HTML of each block's output (sdw.block_shapes)."""
    step_2 = "examples/twitter/step-2-estimation/"
    compare = "workflow/step-2-scale-estimation/"  # cites Twitter's figures through data/examples.yml
    cites = "concepts/sql-or-nosql/"  # cites Twitter's figures, runs no snippet: kept, figures filled in
    untouched = "concepts/caching/"
    # Run snippets that import Twitter's assumptions: after each edit, their blocks alone run again.
    runs = [
        "examples/twitter/step-6-detailed-design/",
        "examples/twitter/step-7-bottlenecks/",
        "concepts/multi-region-and-disaster-recovery/",
    ]
    watched = (step_2, compare, cites, untouched, *runs)
    # As a contributor's earlier preview (or build with the preview's settings) would.
    earlier = {**os.environ, "SDW_FULL_BUILD": "false"}
    run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(tmp_path / "earlier")], cwd=site_copy, env=earlier)
    with preview(site_copy) as (base, log, lines):
        before = {path: fetch(base + path, time.monotonic() + 120) for path in watched}
        assert "250M" in article(before[step_2])
        wait_for_line(lines, "pages from the build cache now hold their blocks apart", 120)

        append_line(site_copy / "docs" / PAGE, "A sentence added while previewing.")
        wait_for(base + "workflow/step-1-requirements-clarification/", "A sentence added while previewing.", 60)

        # A few users more than 260M, then 270M, new to every run: no earlier run's build cache holds
        # these pages, so the first edit converts them and the second runs their blocks alone.
        bump = time.time_ns() % 99_991 + 1  # still 260M and 270M as the pages print them
        since = len(lines)
        replace_once(
            site_copy / "docs/snippets/twitter_assumptions.py",
            "daily_active_users = count(250e6)",
            f"daily_active_users = count(260e6 + {bump})",
        )
        wait_for(base + step_2, "260M", 90)
        first_edit = wait_for_count(lambda: blocks_run(lines[since:]), len(runs), 10)
        assert first_edit >= len(runs), f"the first value edit ran {first_edit} pages' blocks alone"
        middle = {path: fetch(base + path, time.monotonic() + 30) for path in runs}
        since = len(lines)
        replace_once(
            site_copy / "docs/snippets/twitter_assumptions.py",
            f"daily_active_users = count(260e6 + {bump})",
            f"daily_active_users = count(270e6 + {bump})",
        )
        after = {step_2: wait_for(base + step_2, "270M", 90)}
        # Only numbers changed: blocks were filled into their shape's HTML (compared below).
        filled = wait_for_count(lambda: shapes_filled(lines[since:]), 1, 10)
        assert filled >= len(runs), f"the second value edit filled {filled} blocks into their shape's HTML"
        after[compare] = wait_for_change(base + compare, before[compare], 90)
        after[cites] = wait_for_change(base + cites, before[cites], 90)
        after[untouched] = fetch(base + untouched, time.monotonic() + 30)
        for path in runs:
            after[path] = fetch(base + path, time.monotonic() + 30)
            assert article(after[path]) != article(middle[path]), f"{path} kept what its blocks printed before the edit"

        # A title is in every page's navigation: renaming one page re-themes its neighbours.
        engines = site_copy / "docs/concepts/storage-engines.md"
        title = next(line for line in engines.read_text(encoding="utf-8").splitlines() if line.startswith("# "))
        replace_once(engines, title, title + " renamed")
        wait_for(base + untouched, title[2:] + " renamed", 60)
        replace_once(engines, title + " renamed", title)
        deadline = time.monotonic() + 60
        while title[2:] + " renamed" in fetch(base + untouched, deadline):
            assert time.monotonic() < deadline, "the old title stayed in the navigation"
            time.sleep(0.3)

        typo_line = append_line(site_copy / "docs/concepts/caching.md", "<!-- md:figg twitter_traffic.x -->")
        warned = wait_for(base + untouched, "preview-warnings", 60)
        assert f"docs/concepts/caching.md:{typo_line}: unknown shortcode &#x27;md:figg&#x27;" in warned
        replace_once(site_copy / "docs/concepts/caching.md", "<!-- md:figg twitter_traffic.x -->", "")
        deadline = time.monotonic() + 60
        while "preview-warnings" in fetch(base + untouched, deadline):
            assert time.monotonic() < deadline, "the warning stayed on the page after it was fixed"
            time.sleep(0.3)
        # Search entries come from the cache too (Material's search plugin, patched in the preview).
        search_index = fetch(base + "search/search_index.json", time.monotonic() + 30)
    assert "pages unchanged, taken from the cache" in log[0]
    assert stopped_at_ctrl_c(log), log[0][-2000:]
    assert re.search(r"; ([1-9]\d*) pages' themed HTML unchanged, reused", log[0]), "no page's themed HTML was reused"
    # The log counts pages, not names: the three compared below are equal to a fresh build's
    # whichever way they were made.
    assert blocks_run(log[0].splitlines()) >= len(runs), f"no rebuild ran {len(runs)} pages' blocks alone"

    # The same tree as the last edit but one, built from scratch.
    fresh = tmp_path / "fresh"
    env = {**os.environ, "SDW_FULL_BUILD": "false", "SDW_NO_CACHE": "1"}  # nothing from the preview's runs
    run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(fresh)], cwd=site_copy, env=env)
    for path, html in after.items():
        expected = (fresh / path / "index.html").read_text(encoding="utf-8")
        assert article(html) == article(expected), f"the preview's {path} differs from a fresh build's"
    assert article(after[untouched]) == article(before[untouched])
    expected_index = (fresh / "search/search_index.json").read_text(encoding="utf-8")
    assert search_entries(search_index) == search_entries(expected_index), "the preview's search index differs"


def blocks_run(lines: list[str]) -> int:
    """The most pages whose blocks alone a rebuild ran, of the builds these lines of the log report."""
    found = [re.search(r"; (\d+) pages' blocks run again, the pages kept", line) for line in lines]
    return max((int(match[1]) for match in found if match), default=0)


def shapes_filled(lines: list[str]) -> int:
    """The most blocks a rebuild filled into their shape's HTML, of the builds these lines report."""
    found = [re.search(r"\((\d+) blocks' output filled into the HTML of its shape\)", line) for line in lines]
    return max((int(match[1]) for match in found if match), default=0)


def wait_for_count(count, at_least: int, seconds: float) -> int:
    """count(), once it is at least `at_least` or `seconds` have passed (the log's reader lags)."""
    deadline = time.monotonic() + seconds
    while (value := count()) < at_least and time.monotonic() < deadline:
        time.sleep(0.2)
    return value


def search_entries(index: str) -> list[dict]:
    return json.loads(index)["docs"]


def test_a_coverage_check_that_cannot_run_is_a_warning_and_the_preview_goes_on(tmp_path: Path, caplog) -> None:
    """A preview set up with the site's requirements alone once stopped here: the check exited
    for a missing package, and the exit ended `mkdocs serve`."""
    import importlib.util
    import logging
    from types import SimpleNamespace

    from conftest import ROOT

    from sdw import preview as state

    (tmp_path / "scripts").mkdir()
    (tmp_path / "scripts/check_coverage.py").write_text("raise SystemExit(2)\n", encoding="utf-8")
    spec = importlib.util.spec_from_file_location("preview_checks", ROOT / "src/sdw/mkdocs_hooks/preview_checks.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    serving, state.state.serving = state.state.serving, True
    try:
        with caplog.at_level(logging.WARNING, logger="mkdocs"):
            hook.on_pre_build(SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml")))
    finally:
        state.state.serving = serving
    assert [record.getMessage() for record in caplog.records] == [
        "check_coverage.py cannot run in this environment (see above); the preview skips the coverage check"
    ]


class _Page:
    """A stand-in for a build's page: the background conversion calls its class's render."""

    def render(self, config, files) -> None:
        return None


def _background(monkeypatch, convert, sources) -> object:
    """preview_cache._detach on one page, with `convert` in place of its conversion and `sources`
    giving the watched files' signature at each look; the preview's state it left."""
    import types

    from sdw import preview as state_module
    from sdw.mkdocs_hooks import preview_cache

    monkeypatch.setattr(state_module, "state", state_module.State(serving=True, caching=True))
    state_module.start("serve")
    monkeypatch.setattr(preview_cache, "_convert", convert)
    monkeypatch.setattr(preview_cache, "_sources", sources)
    monkeypatch.setattr(preview_cache, "DETACH_AFTER_SECONDS", 0)
    monkeypatch.setattr(state_module, "detached_key", lambda *args: "apart")
    config = types.SimpleNamespace(markdown_extensions=[], mdx_configs={})
    preview_cache._detach([(_Page(), config, None, "a.md", "key", "", "", False)], threading.Event(), ())
    return state_module.state


@pytest.mark.parametrize("failure", ["raises", "warns"])
def test_a_page_whose_background_conversion_fails_is_converted_by_the_next_build(monkeypatch, failure) -> None:
    """The background conversions keep their log out of the terminal: a page whose conversion there
    raises or warns (its build's did not) is not held apart, and the next build converts it rather
    than take it from the cache, so that it says why where a build's warnings go."""
    import logging

    from sdw.mkdocs_hooks import preview_cache

    converted: list[str] = []

    def convert(page, original, config, files, src_uri, *args, **kwargs) -> None:
        converted.append(src_uri)
        if failure == "raises":
            raise RuntimeError("broken")
        logging.getLogger("mkdocs.sdw.test").warning("docs/a.md:1: something")

    state = _background(monkeypatch, convert, lambda config: ())
    assert converted == ["a.md"]
    assert state.reconvert == {"a.md"} and "a.md" not in state.undetachable
    monkeypatch.setattr("sdw.preview.cached", lambda src_uri, key: "kept")
    assert preview_cache._cached_unless_reconverted("a.md", "key") is None, "the next build converts it"
    assert preview_cache._cached_unless_reconverted("a.md", "key") == "kept", "and the one after takes it again"


def test_a_save_during_a_background_conversion_drops_its_page(monkeypatch) -> None:
    """A background conversion that may have read a file saved after the build (the watched files'
    signature changed while it ran) keeps nothing, and the conversions stop."""
    looks = iter([(), ("saved",)])  # before the page: as the build found them; after: changed

    def convert(page, original, config, files, src_uri, *args, **kwargs) -> None:
        from sdw import preview

        preview.state.detached[src_uri] = "blocks apart"
        preview.state.blocks[src_uri] = {}

    state = _background(monkeypatch, convert, lambda config: next(looks))
    assert "a.md" not in state.detached and "a.md" not in state.blocks and "a.md" not in state.undetachable
