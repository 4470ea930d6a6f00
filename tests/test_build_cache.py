"""src/sdw/build_cache.py and the build's use of it (src/sdw/mkdocs_hooks/preview_cache.py):
a build reuses what an earlier one computed, and is the same as a build without the cache."""

from __future__ import annotations

import dataclasses
import logging
import os
import re
import shutil
import subprocess
import sys
import time
import types
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import ROOT, SNIPPETS, append_line, mkdocs_build, replace_once, run
from markdown.extensions.toc import slugify

from sdw import build_cache, presets, preview, shortcodes, snippets

PROJECT = Path("/nonexistent-project")


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv(build_cache.DIR_VARIABLE, str(tmp_path / "cache"))
    monkeypatch.delenv(build_cache.OFF_VARIABLE, raising=False)
    return tmp_path / "cache"


def test_an_entry_comes_back_as_stored_and_not_when_the_cache_is_off(cache_dir: Path, monkeypatch) -> None:
    assert build_cache.load(PROJECT, "page", "ab12") is None
    build_cache.store(PROJECT, "page", "ab12", {"content": "<p>x</p>", "anchors": {"a"}})
    assert build_cache.load(PROJECT, "page", "ab12") == {"content": "<p>x</p>", "anchors": {"a"}}
    assert build_cache.load(PROJECT, "search", "ab12") is None, "kinds share keys"
    monkeypatch.setenv(build_cache.OFF_VARIABLE, "1")
    assert build_cache.load(PROJECT, "page", "ab12") is None
    build_cache.store(PROJECT, "page", "cd34", "written while off")
    monkeypatch.delenv(build_cache.OFF_VARIABLE)
    assert build_cache.load(PROJECT, "page", "cd34") is None


def test_a_damaged_entry_is_computed_again_and_no_temporary_file_is_left(cache_dir: Path) -> None:
    build_cache.store(PROJECT, "page", "ab12", "value")
    (entry,) = cache_dir.rglob("ab12.pickle.z")
    entry.write_bytes(b"not what was written")
    assert build_cache.load(PROJECT, "page", "ab12") is None
    build_cache.store(PROJECT, "page", "ab12", "value again")
    assert build_cache.load(PROJECT, "page", "ab12") == "value again"
    assert [path.name for path in cache_dir.rglob(".tmp-*")] == []


def test_other_package_versions_use_another_folder(cache_dir: Path, monkeypatch) -> None:
    build_cache.store(PROJECT, "page", "ab12", "built with these versions")
    real = build_cache.importlib.metadata.version
    monkeypatch.setattr(
        build_cache.importlib.metadata, "version", lambda name: "99.0" if name == "mkdocs-material" else real(name)
    )
    build_cache._folder.cache_clear()  # read once per process: a build never sees its packages change
    assert build_cache.load(PROJECT, "page", "ab12") is None, "an entry from another Material was reused"


def test_entries_unused_for_two_weeks_are_removed_once_a_day(cache_dir: Path) -> None:
    old = cache_dir / "0123456789abcdef" / "page" / "ab" / "ab12.pickle.z"
    old.parent.mkdir(parents=True)
    old.write_bytes(b"")
    weeks_ago = time.time() - (build_cache.UNUSED_DAYS + 1) * 86400
    os.utime(old, (weeks_ago, weeks_ago))
    recent = old.with_name("ab34.pickle.z")
    recent.write_bytes(b"")
    build_cache._folder.cache_clear()  # the folder is pruned once per process, when first used
    build_cache.store(PROJECT, "page", "ef56", "value")
    assert not old.exists() and recent.exists()
    # And at most once a day: a build the same day walks no entry.
    os.utime(recent, (weeks_ago, weeks_ago))
    build_cache._folder.cache_clear()
    build_cache.store(PROJECT, "page", "ef56", "value")
    assert recent.exists(), "pruned twice in a day"
    day_ago = time.time() - 86400 - 60
    os.utime(cache_dir / build_cache.PRUNED_MARKER, (day_ago, day_ago))
    build_cache._folder.cache_clear()
    build_cache.store(PROJECT, "page", "ef56", "value")
    assert not recent.exists(), "not pruned after a day"


def test_a_folder_that_cannot_be_used_turns_the_cache_off_with_one_message(tmp_path: Path, monkeypatch, caplog) -> None:
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(build_cache.DIR_VARIABLE, str(tmp_path / "a-file" / "cache"))
    monkeypatch.delenv(build_cache.OFF_VARIABLE, raising=False)
    monkeypatch.setattr(build_cache, "unusable", None)
    with caplog.at_level(logging.INFO, logger="mkdocs.sdw.build_cache"):
        build_cache.store(PROJECT, "page", "ab12", "value")  # no exception: the build goes on
        assert build_cache.load(PROJECT, "page", "ab12") is None
        build_cache.store(PROJECT, "page", "cd34", "value")
    assert not build_cache.enabled()
    assert len(caplog.messages) == 1 and caplog.messages[0].startswith(
        f"build cache: cannot use {tmp_path / 'a-file' / 'cache'}: "
    )
    assert caplog.messages[0].endswith("; converting every page")


@pytest.mark.parametrize("preset", sorted(presets.READS))
def test_a_snippet_that_imports_a_preset_depends_on_the_snippets_it_reads(preset: str, monkeypatch, tmp_path) -> None:
    """A snippet reaches a preset's snippets through sdw.presets, not its own import lines: its
    key (and the preview's reloading) must still follow those of the one preset it imports."""
    read: list[str] = []
    load = snippets.load
    monkeypatch.setattr(snippets, "load", lambda name: read.append(name) or load(name))
    snippets.use(SNIPPETS)
    getattr(presets, preset)()
    assert sorted(set(read)) == sorted(presets.READS[preset])
    one = tmp_path / "one.py"
    one.write_text(f"from sdw.presets import {preset} as chosen\n", encoding="utf-8")
    assert snippets.imported_names(one) == {"sdw", *presets.READS[preset]}


def test_a_snippet_that_imports_the_presets_depends_on_every_snippet_they_read(tmp_path) -> None:
    every = tmp_path / "every.py"
    every.write_text("from sdw.presets import presets\n", encoding="utf-8")
    assert snippets.imported_names(every) == {"sdw", *presets.SNIPPETS_READ}


def test_the_themed_page_depends_on_its_contents_list_and_its_theme_on_its_static_templates() -> None:
    def item(title: str) -> types.SimpleNamespace:
        return types.SimpleNamespace(title=title, id="capacity", level=2, children=[])

    keys = {
        preview.output_key("main.html", "content", {}, "navigation", [item(title)], "Page")
        for title in ("Capacity for the long run", "Capacity")  # a data-toc-label shortens the entry
    }
    assert len(keys) == 2
    assert preview.theme_key(["theme"], ["index.md"], {"404.html", "sitemap.xml"}) != preview.theme_key(
        ["theme"], ["index.md"], {"404.html"}
    )


def test_previews_and_builds_at_any_address_convert_the_same_pages_and_theme_them_apart(monkeypatch) -> None:
    """mkdocs serve puts its own address in site_url, and make serve turns print-site and the
    "last update" dates off. Neither reaches a page's conversion, so the pages' key leaves them
    out (a preview on another port, such as the tests', or after a build, starts warm); the
    themed page's key holds both."""
    from mkdocs.config import load_config

    def config(site_url: str, full_build: str = "true", strict: bool = True):
        monkeypatch.setenv("SDW_FULL_BUILD", full_build)
        serve = {"dev_addr": urlsplit(site_url).netloc} if site_url.startswith("http://127.") else {}
        loaded = load_config(str(ROOT / "mkdocs.yml"), site_url=site_url, strict=strict, **serve)
        return loaded.plugins.on_config(loaded)  # as a build's key sees it: print-site adds its assets here

    port_8000, port_41234, fork = (
        "http://127.0.0.1:8000/system-design-workflow/",
        "http://127.0.0.1:41234/system-design-workflow/",
        "https://example.invalid/fork/",
    )
    full, preview_config = config(port_8000), config(port_8000, full_build="false")
    assert preview_config.plugins["print-site"].config["enabled"] is False
    converted = {preview.configuration_key(c, ROOT) for c in (full, preview_config, config(port_41234), config(fork))}
    # strict decides only whether warnings fail the build (scripts/check_links.py builds without it).
    converted.add(preview.configuration_key(config(port_8000, strict=False), ROOT))
    assert len(converted) == 1
    assert preview.configuration_key(config(port_8000), ROOT) != preview.configuration_key(
        load_config(str(ROOT / "mkdocs.yml"), use_directory_urls=False), ROOT
    ), "a setting a conversion reads must change the pages' key"
    assert preview.theming_key(full, ROOT) != preview.theming_key(preview_config, ROOT)
    themed = set()
    for address, settings in ((port_8000, full), (port_41234, full), (port_8000, preview_config)):
        monkeypatch.setattr(preview.state, "address", address)
        monkeypatch.setattr(preview.state, "theming", preview.theming_key(settings, ROOT))
        themed.add(preview.output_key("main.html", preview.content_key("index.md", "<p>x</p>"), {}, "navigation"))
    assert len(themed) == 3


def test_the_preview_after_a_build_takes_every_page_from_it(built_site: Path, tmp_path: Path) -> None:
    """make build, then make serve: the preview's settings (SDW_FULL_BUILD=false) convert no page
    the build converted."""
    pages = len(list(built_site.rglob("index.html"))) - 1  # less the print page, which is not converted
    env = {**os.environ, "SDW_FULL_BUILD": "false"}
    result = mkdocs_build(ROOT, tmp_path / "preview", env)
    assert result.returncode == 0, result.stderr
    assert _reused(result.stdout + result.stderr) == (pages, pages)


def test_a_preview_whose_code_changed_says_restart_and_keeps_nothing(tmp_path: Path, monkeypatch, caplog) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "code.py").write_text("VALUE = 1\n", encoding="utf-8")
    monkeypatch.setattr(preview.state, "code", "")
    monkeypatch.setattr(build_cache, "writes_suspended", False)
    preview._check_code(tmp_path)
    preview._check_code(tmp_path)
    assert not build_cache.writes_suspended and caplog.messages == []
    (tmp_path / "src" / "code.py").write_text("VALUE = 2\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="mkdocs.sdw.preview"):
        preview._check_code(tmp_path)
    assert build_cache.writes_suspended
    assert caplog.messages == [
        "src/ changed since this preview started, and the preview still runs the code it started with: "
        "stop it (Ctrl-C) and run make serve again"
    ]


# --- The build ------------------------------------------------------------------------------


def _build(root: Path, site: Path, cache: bool) -> tuple[int, str]:
    env = {**os.environ}
    if not cache:
        env[build_cache.OFF_VARIABLE] = "1"
    result = mkdocs_build(root, site, env)
    return result.returncode, result.stdout + result.stderr


def _reused(log: str) -> tuple[int, int]:
    match = re.search(r"build cache: (\d+) of (\d+) pages unchanged since an earlier build", log)
    assert match, f"no build cache line in the log:\n{log[-2000:]}"
    return int(match[1]), int(match[2])


# Outside git (as this copy is) the "last update" date is the build's time, to the second.
BUILD_TIME = re.compile(rb'title="[A-Z][a-z]+ \d{1,2}, \d{4} \d\d:\d\d:\d\d UTC"')


def _edit_a_card_and_a_summary(root: Path, mark: str) -> tuple[str, str]:
    """Put `mark` into the first card's answer and the first example's summary; return the text each then shows."""
    cards = root / "data/cards.yml"
    answer = re.search(r"^  answer: '([A-Z][a-z]+)", cards.read_text(encoding="utf-8"), re.MULTILINE)
    replace_once(cards, answer[0], f"  answer: '{answer[1]} {mark}")
    examples = root / "data/examples.yml"
    summary = re.search(r"^  summary: ([A-Z][a-z]+)", examples.read_text(encoding="utf-8"), re.MULTILINE)
    replace_once(examples, summary[0], f"  summary: {summary[1]} {mark}")
    return f"{answer[1]} {mark}", f"{summary[1]} {mark}"


def _same_day(path: Path) -> bytes:
    return BUILD_TIME.sub(b"", path.read_bytes())


@pytest.mark.long
def test_a_build_after_edits_is_the_build_without_the_cache(site_copy: Path, tmp_path: Path) -> None:
    """Whatever an earlier build left (this run's site, or the last run's), a build that reuses
    it writes what converting every page writes, after an assumption, a heading and a link change.
    (site_copy comes after the repository's own build, whose pages are this copy's before the edits.)"""
    snippet = site_copy / "docs/snippets/twitter_assumptions.py"
    text = snippet.read_text(encoding="utf-8")
    users = re.search(r"^daily_active_users = count\((\d+)e6\)", text, re.MULTILINE)
    replace_once(snippet, users[0], f"daily_active_users = count({int(users[1]) + 1}e6)")
    caching = site_copy / "docs/concepts/caching.md"
    # A heading nothing links to (a page, a card, an example, the page itself): renaming a linked
    # one would break that link, a real warning.
    sources = [*(site_copy / "docs").rglob("*.md"), *(site_copy / "data").glob("*.yml")]
    links = "\n".join(source.read_text(encoding="utf-8") for source in sources)
    heading = next(
        (
            line
            for line in caching.read_text(encoding="utf-8").splitlines()
            if line.startswith("## ")
            and f"caching.md#{slugify(line[3:], '-')}" not in links
            and f"](#{slugify(line[3:], '-')})" not in links
        ),
        None,
    )
    assert heading, "every ## heading of docs/concepts/caching.md is linked: this test needs one that is not"
    mark = f"{time.time_ns():x}"  # new to every run, so that no earlier run has converted these pages
    replace_once(caching, heading, f"{heading} renamed {mark}")
    append_line(site_copy / "docs/workflow/step-7-bottlenecks.md", f"See [caching {mark}](../concepts/caching.md).")
    # A card and an example's summary: only the pages whose shortcodes read those files convert again.
    card_text, summary_text = _edit_a_card_and_a_summary(site_copy, mark)

    code, log = _build(site_copy, tmp_path / "cached", cache=True)
    assert code == 0, log
    reused, pages = _reused(log)
    assert 0 < reused <= pages - 2, "expected the untouched pages from the cache and the two edited ones converted"
    code, log = _build(site_copy, tmp_path / "fresh", cache=False)
    assert code == 0, log
    assert "build cache:" not in log

    fresh = {path.relative_to(tmp_path / "fresh") for path in (tmp_path / "fresh").rglob("*") if path.is_file()}
    cached = {path.relative_to(tmp_path / "cached") for path in (tmp_path / "cached").rglob("*") if path.is_file()}
    assert cached == fresh
    different = [
        str(path)
        for path in sorted(fresh)
        if path.suffix != ".apkg"  # a zip: it holds the time it was written
        and _same_day(tmp_path / "cached" / path) != _same_day(tmp_path / "fresh" / path)
    ]
    assert different == []
    page = (tmp_path / "cached/examples/twitter/step-2-estimation/index.html").read_text(encoding="utf-8")
    assert f"{int(users[1]) + 1}M" in page
    practice = [path.read_text(encoding="utf-8") for path in (tmp_path / "cached/practice").rglob("index.html")]
    assert any(card_text in html for html in practice)
    assert summary_text in (tmp_path / "cached/examples/index.html").read_text(encoding="utf-8")
    # Built again unchanged: the print page's combination comes from the cache (print_cache.py).
    code, log = _build(site_copy, tmp_path / "again", cache=True)
    assert code == 0 and "the print page's combination too" in log, log[-2000:]
    print_page = Path("print_page/index.html")
    assert _same_day(tmp_path / "again" / print_page) == _same_day(tmp_path / "fresh" / print_page)


def test_editing_a_card_or_an_example_converts_only_the_pages_that_read_them(site_copy: Path, tmp_path: Path) -> None:
    """data/cards.yml and data/examples.yml are read by a few shortcodes (shortcodes.READ_DATA):
    a contributor's edit to a card converts the pages built from the cards, not the whole site."""
    assert _build(site_copy, tmp_path / "before", cache=True)[0] == 0
    mark = f"{time.time_ns():x}"
    card_text, summary_text = _edit_a_card_and_a_summary(site_copy, mark)
    readers = [page for page in (site_copy / "docs").rglob("*.md") if shortcodes.data_read(page.read_text("utf-8"))]

    code, log = _build(site_copy, tmp_path / "after", cache=True)
    assert code == 0, log
    reused, pages = _reused(log)
    assert pages - len(readers) <= reused < pages, f"{len(readers)} pages read the two files; {reused} of {pages} kept"
    practice = [path.read_text(encoding="utf-8") for path in (tmp_path / "after/practice").rglob("index.html")]
    assert any(card_text in html for html in practice)
    assert summary_text in (tmp_path / "after/examples/index.html").read_text(encoding="utf-8")


def test_a_print_combination_that_warned_is_made_again_and_warns_again(site_copy: Path, tmp_path: Path) -> None:
    """print_cache.py keeps no combination that warned: a page without a leading h1, which
    print-site reports as it combines the pages, is reported by every build, not by the first alone."""
    caching = site_copy / "docs/concepts/caching.md"
    title = next(line for line in caching.read_text(encoding="utf-8").splitlines() if line.startswith("# "))
    replace_once(caching, title, "#" + title)
    warning = "[mkdocs-print-site] 'concepts/caching.md' file is missing a leading h1 tag"
    for site in ("first", "second"):
        log = _build(site_copy, tmp_path / site, cache=True)[1]
        assert warning in log, log[-2000:]
        assert "the print page's combination too" not in log, log[-2000:]


def test_a_page_that_warns_is_converted_and_warns_on_every_build(site_copy: Path, tmp_path: Path) -> None:
    line = append_line(site_copy / "docs/concepts/caching.md", "See [the missing page](missing-page.md).")
    expected = f"docs/concepts/caching.md:{line}"
    for attempt in ("first", "second"):
        code, log = _build(site_copy, tmp_path / attempt, cache=True)
        assert code == 1, f"the {attempt} build passed:\n{log[-2000:]}"
        assert expected in log and "missing-page.md" in log, f"the {attempt} build:\n{log[-3000:]}"


def test_a_quiet_strict_build_fails_on_a_warning_and_keeps_no_page(site_copy: Path, tmp_path: Path) -> None:
    """`mkdocs -q` raises MkDocs' logger to ERROR, which drops warnings before its strict count
    (and the build cache's record of them) sees them: a quiet strict build passed a broken link, and
    cached the page as clean for the next strict build to pass too. The logger stays at WARNING
    (sdw.preview.keep_warnings_when_quiet): -q quiets the output, never the check. And since a
    strict build fails on a warning, -q still prints it, with its file:line, and nothing else."""
    mark = f"{time.time_ns():x}"  # a page no earlier run has converted
    line = append_line(site_copy / "docs/concepts/caching.md", f"See [the missing page {mark}](missing-page.md).")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "quiet")]
    quiet = run(command, cwd=site_copy)
    assert quiet.returncode == 1, f"the quiet strict build passed:\n{quiet.stdout[-2000:]}{quiet.stderr[-2000:]}"
    assert "Aborted with 1 warnings in strict mode!" in quiet.stdout + quiet.stderr
    printed = [line for line in (quiet.stdout + quiet.stderr).splitlines() if line.strip()]
    assert [line for line in printed if "Aborted" not in line] == [
        f"WARNING -  docs/concepts/caching.md:{line}: missing-page.md: no such file: docs/concepts/missing-page.md"
    ], printed
    code, log = _build(site_copy, tmp_path / "loud", cache=True)
    assert code == 1, f"the page the quiet build converted was kept as clean:\n{log[-2000:]}"
    assert f"docs/concepts/caching.md:{line}" in log and "missing-page.md" in log, log[-3000:]


# --- The "last update" dates (src/sdw/mkdocs_hooks/git_dates.py) -----------------------------


def _commit(root: Path, message: str, when: str) -> None:
    identity = ["-c", "user.name=Test", "-c", "user.email=test@example.invalid"]
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run(["git", *identity, "commit", "-q", "-a", "-m", message], cwd=root, env=env, check=True)


@pytest.mark.long
def test_the_last_update_dates_are_kept_until_the_history_changes(site_copy: Path, tmp_path_factory) -> None:
    """A second build with the same HEAD asks git for no page's date and writes what the first
    wrote; after a commit, the page it changed shows its new date."""
    calls = tmp_path_factory.mktemp("git-calls")
    shim = calls / "git"  # logs every git command the build runs, then runs it
    shim.write_text(f'#!/bin/sh\necho "$*" >> {calls / "log"}\nexec {shutil.which("git")} "$@"\n', encoding="utf-8")
    shim.chmod(0o755)
    env = {**os.environ, "PATH": f"{calls}{os.pathsep}{os.environ['PATH']}"}
    subprocess.run(["git", "init", "-q"], cwd=site_copy, check=True)
    subprocess.run(["git", "add", "-A"], cwd=site_copy, check=True)
    _commit(site_copy, f"first {time.time_ns()}", "2026-01-02T03:04:05Z")  # a HEAD no earlier run kept

    def build(name: str) -> tuple[Path, list[str]]:
        (calls / "log").write_text("", encoding="utf-8")
        result = mkdocs_build(site_copy, site_copy.parent / f"{site_copy.name}-{name}", env)
        assert result.returncode == 0, result.stdout + result.stderr
        lines = (calls / "log").read_text(encoding="utf-8").splitlines()
        return site_copy.parent / f"{site_copy.name}-{name}", [line for line in lines if " log " in f" {line} "]

    first, asked_first = build("first")
    second, asked_second = build("second")
    # Without kept dates, one git log of the whole history, not one a page (the plugin's way).
    assert len(asked_first) <= 2 and sum("--name-status" in line for line in asked_first) == 1, asked_first
    assert len(asked_second) <= 1, "only the site's own date, asked in the plugin's on_config"
    page = "concepts/caching/index.html"
    assert (second / page).read_text(encoding="utf-8") == (first / page).read_text(encoding="utf-8")
    assert "January 2, 2026" in (second / page).read_text(encoding="utf-8")

    append_line(site_copy / "docs/concepts/caching.md", "A sentence committed later.")
    _commit(site_copy, "second", "2026-02-03T04:05:06Z")
    third, _ = build("third")
    assert "February 3, 2026" in (third / page).read_text(encoding="utf-8")
    assert "January 2, 2026" in (third / "concepts/messaging/index.html").read_text(encoding="utf-8")


def test_one_git_log_finds_each_pages_last_commit_as_the_plugin_does_page_by_page(tmp_path: Path) -> None:
    """git_dates.read_history walks one `git log` of the whole history; the plugin asks
    `git log -n 1 --follow --diff-filter=r` of each page. Both must name the same commit and tag,
    for every page of this repository and for a history with a pure rename, a rename with an
    edit, a whitespace-only edit, a merge and a tag (a page committed since is left to the plugin)."""
    from mkdocs_git_revision_date_localized_plugin.util import Util

    from sdw.mkdocs_hooks import git_dates

    def plugin_answers(docs: Path, pages) -> tuple[dict, dict]:
        util = Util(config={"enable_git_follow": True, "fallback_to_build_date": True}, mkdocs_dir=str(docs))
        commits = {page: util.get_git_commit_timestamp(str(docs / page)) for page in pages}
        return commits, {commit: util.get_tag_name_for_commit(commit) for commit, _ in commits.values()}

    history = git_dates.read_history(ROOT / "docs")  # None in a source archive, outside git
    if history is not None:
        pages, tags = history
        assert len(pages) >= 60
        assert (pages, tags) == plugin_answers(ROOT / "docs", pages)

    repo = tmp_path / "repo"
    docs = repo / "docs"
    (docs / "sub").mkdir(parents=True)
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=repo, check=True)

    def commit(message: str, when: str) -> None:
        subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
        _commit(repo, message, when)

    for name in ("kept.md", "renamed.md", "edited-rename.md", "spaces.md"):
        (docs / name).write_text(f"# {name}\n\nSome text that stays the same for rename detection.\n" * 5)
    commit("first", "2026-01-01T00:00:00Z")
    (docs / "renamed.md").rename(docs / "sub/renamed.md")  # a pure rename: the plugin skips it
    moved = (docs / "edited-rename.md").read_text() + "One more line.\n"
    (docs / "edited-rename.md").unlink()
    (docs / "sub/edited-rename.md").write_text(moved)
    (docs / "spaces.md").write_text((docs / "spaces.md").read_text() + "An edit.\n")
    commit("renames", "2026-01-02T00:00:00Z")
    subprocess.run(["git", "checkout", "-q", "-b", "side"], cwd=repo, check=True)
    (docs / "kept.md").write_text((docs / "kept.md").read_text() + "From the side branch.\n")
    commit("side", "2026-01-03T00:00:00Z")
    subprocess.run(["git", "checkout", "-q", "main"], cwd=repo, check=True)
    # Whitespace only: the plugin's --ignore-all-space does not hide a commit from git log.
    (docs / "spaces.md").write_text((docs / "spaces.md").read_text().replace("Some text", "Some  text"))
    commit("main", "2026-01-04T00:00:00Z")
    identity = ["-c", "user.name=Test", "-c", "user.email=test@example.invalid"]
    subprocess.run(["git", *identity, "merge", "-q", "--no-ff", "side", "-m", "merge"], cwd=repo, check=True)
    subprocess.run(["git", *identity, "tag", "-a", "v1", "-m", "v1", "HEAD~1"], cwd=repo, check=True)
    (docs / "new.md").write_text("# New\n")  # not committed: the plugin asks git itself
    pages, tags = git_dates.read_history(docs)
    assert sorted(pages) == ["kept.md", "spaces.md", "sub/edited-rename.md", "sub/renamed.md"]  # not new.md
    assert (pages, tags) == plugin_answers(docs, pages)
    assert set(tags.values()) == {"", "v1"}


def test_a_page_that_warns_in_the_second_process_fails_the_build_once(site_copy: Path, tmp_path: Path) -> None:
    """parallel_pages converts the second half of the pages in another process, whose output goes
    nowhere: a page of that half that warns is not kept, so the build converts it again and its
    warning, with its place, fails the strict build once; and the pages the other process
    converted are not counted as unchanged since an earlier build."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    from sdw.mkdocs_hooks.parallel_pages import copy_half

    files = get_files(load_config(str(site_copy / "mkdocs.yml")))
    last = files.documentation_pages()[-1].src_uri
    assert last in {file.src_uri for file in copy_half(files.documentation_pages())}
    line = append_line(site_copy / "docs" / last, "Peak: <!-- md:fig twitter_traffic.no_such_figure -->.")
    code, log = _build(site_copy, tmp_path / "out", cache=True)
    assert code == 1
    ours = [
        entry for entry in log.splitlines() if f"docs/{last}:{line}: md:fig twitter_traffic.no_such_figure" in entry
    ]
    assert len(ours) == 1, log[-3000:]
    reused, total = _reused(log)
    assert reused <= total - 1


def test_the_preview_writes_its_entries_behind_and_before_it_ends(cache_dir: Path, tmp_path: Path) -> None:
    """In a preview (build_cache.write_behind) store() returns once the value is pickled, as it
    was then (a later change to it is not written); a thread writes it, and the process writes
    what is still queued before it ends, even if nothing waited for it."""
    code = f"""
import sys
sys.path.insert(0, {str(ROOT / "src")!r})
from pathlib import Path
from sdw import build_cache
build_cache.write_behind()
value = {{"n": 1}}
for number in range(200):
    build_cache.store(Path({str(PROJECT)!r}), "page", f"{{number:04x}}", value)
value["n"] = 2  # after the stores: not what they keep
"""
    run([sys.executable, "-c", code], cwd=tmp_path, env={**os.environ, build_cache.DIR_VARIABLE: str(cache_dir)})
    assert [build_cache.load(PROJECT, "page", f"{number:04x}") for number in range(200)] == [{"n": 1}] * 200


def snippet_project(tmp_path: Path, snippets_text: dict[str, str]) -> tuple[Path, Path]:
    """A project (mkdocs.yml, docs/snippets/) whose snippets are `snippets_text`, by module name."""
    root = tmp_path / "project"
    folder = root / "docs" / preview.SNIPPETS
    folder.mkdir(parents=True)
    (root / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    for name, text in snippets_text.items():
        (folder / f"{name}.py").write_text(text, encoding="utf-8")
    return root, folder


def two_snippets(tmp_path: Path) -> tuple[Path, Path]:
    """`base` (users = 5) and `derived`, which imports it."""
    return snippet_project(tmp_path, {"base": "users = 5\n", "derived": "from base import users\ndouble = users * 2\n"})


def test_a_figure_is_computed_again_only_when_its_snippet_or_one_it_imports_changed(
    cache_dir: Path, tmp_path: Path, monkeypatch
) -> None:
    """A build keeps each figure under its snippet's fingerprint and those of the snippets it
    imports: after an edit to one snippet, a build (a new process: the kept values come from the
    disk) computes the figures of that snippet and its importers, and takes every other from the
    cache, so a preview runs only the snippets the edit reaches; an edited comment reaches none."""
    code = "from sdw.estimation import count\n"
    root, folder = snippet_project(
        tmp_path,
        {
            "base": f"{code}users = count(5)\n",
            "derived": f"{code}from base import users\ndouble = count(users * 2)\n",
            "other": f"{code}thing = count(7)\n",
        },
    )
    figures = tuple(
        shortcodes.Figure((name,), "page.md:1", "", "a sentence") for name in ("derived.double", "other.thing")
    )
    computed: list[str] = []
    compute = shortcodes.figure_values
    monkeypatch.setattr(shortcodes, "figure_values", lambda f: computed.extend(x.args[0] for x in f) or compute(f))
    card_figure = shortcodes.figure
    monkeypatch.setattr(shortcodes, "figure", lambda name, where: computed.append(name) or card_figure(name, where))

    def build() -> tuple[list[str], str]:
        """As a build in a new process: nothing in memory but what the disk kept."""
        monkeypatch.setattr(preview, "state", preview.State(caching=True))
        snippets.use(folder)
        preview.begin_build(root, root / "docs", ["page.md"])
        computed.clear()
        values = preview.figure_values(figures)
        card = preview.card_figure("derived.double", "data/cards.yml: card 'x'")
        preview.save_figures()
        return values, card

    try:
        assert build() == (["10", "7"], "10")
        assert computed == ["derived.double", "other.thing", "derived.double"]
        assert build() == (["10", "7"], "10") and computed == []
        (folder / "base.py").write_text(f"{code}users = count(6)\n", encoding="utf-8")
        assert build() == (["12", "7"], "12")
        assert computed == ["derived.double", "derived.double"], "only the figures the edit reaches are computed"
        # A comment changes no figure: nothing is computed. A value does.
        (folder / "base.py").write_text(f"# A comment.\n{code}users = count(6)  # and another\n", encoding="utf-8")
        assert build() == (["12", "7"], "12") and computed == []
        (folder / "other.py").write_text(f"{code}thing = count(8)\n", encoding="utf-8")
        assert build() == (["12", "8"], "12") and computed == ["other.thing"]
        # Lines inserted above the figures move them, not their values: nothing is computed.
        figures = tuple(dataclasses.replace(figure, where="page.md:40") for figure in figures)
        assert build() == (["12", "8"], "12") and computed == []
    finally:
        snippets.use(SNIPPETS)


def test_the_figures_kept_are_those_the_last_build_used(cache_dir: Path, tmp_path: Path, monkeypatch) -> None:
    """Each value edit makes new figures: the figures kept, in memory and on disk, are those the
    last build used (and the cards' while a build keeps the deck, which cites them), so that they
    do not pile up over a preview's edits."""
    code = "from sdw.estimation import count\n"
    root, folder = snippet_project(tmp_path, {"derived": f"{code}from base import users\ndouble = count(users * 2)\n"})
    figure = shortcodes.Figure(("derived.double",), "page.md:1", "", "a sentence")

    def build(users: int, deck: bool) -> list[str]:
        (folder / "base.py").write_text(f"{code}users = count({users})\n", encoding="utf-8")
        monkeypatch.setattr(preview, "state", preview.State(caching=True))
        snippets.use(folder)
        preview.begin_build(root, root / "docs", ["page.md"])
        preview.figure_values((figure,))
        if deck:
            preview.card_figure("derived.double", "data/cards.yml: card 'x'")
        preview.save_figures()
        kept = build_cache.load(root, "figures", preview.state.figures[0])
        assert kept == preview.state.figures[1], "memory and disk differ"
        return sorted(kept.values())

    try:
        assert build(5, deck=True) == ["10", "10"]
        assert build(6, deck=False) == ["10", "12"], "the kept deck's figure stays, the page's old one goes"
        assert build(7, deck=True) == ["14", "14"]
    finally:
        snippets.use(SNIPPETS)


def test_a_comment_converts_again_only_the_pages_that_show_the_snippet(
    cache_dir: Path, tmp_path: Path, monkeypatch
) -> None:
    """A page's key holds the text of the snippets it includes (it shows their code) and the code
    alone of those it runs or that they import: an edited comment changes the key of the page that
    shows the file, and of no other; an edited value changes both. A page that only names a
    snippet (in prose, a path in inline code) runs nothing of it: no edit changes its key."""
    root, folder = two_snippets(tmp_path)
    shows_base = '```python exec="on"\n--8<-- "base.py"\n```\n'
    runs_derived = '```python exec="on"\n--8<-- "derived.py"\n```\n'
    mentions_base = "The users come from `base.py`; see `derived.double`.\n"
    # A figure in a heading is expanded in place (the contents list its text): it is run.
    heading_cites = "## <!-- md:fig derived.double --> users\n"
    # The block form of the include: every snippet the page names counts as shown.
    other_form = '```python exec="on"\n--8<--\nbase.py\n--8<--\n```\n'
    pages = {
        "shows.md": shows_base,
        "runs.md": runs_derived,
        "mentions.md": mentions_base,
        "other.md": other_form,
        "heading.md": heading_cites,
        # The block form in a fence that only shows code: the page holds the file's text.
        "shown.md": "```python\n--8<--\nbase.py\n--8<--\n```\n",
    }

    def keys() -> dict[str, str]:
        monkeypatch.setattr(preview, "state", preview.State(caching=True))
        preview.begin_build(root, root / "docs", list(pages))
        return {page: preview.page_key(page, markdown, "", False) for page, markdown in pages.items()}

    before = keys()
    (folder / "base.py").write_text("# Five, for the test.\n\nusers = 5  # people\n", encoding="utf-8")
    commented = keys()
    assert [page for page in pages if commented[page] != before[page]] == ["shows.md", "other.md", "shown.md"]
    (folder / "base.py").write_text("# Five, for the test.\n\nusers = 6  # people\n", encoding="utf-8")
    valued = keys()
    running = ["shows.md", "runs.md", "other.md", "heading.md", "shown.md"]
    assert [page for page in pages if valued[page] != commented[page]] == running
    (folder / "base.py").write_text("users = (\n", encoding="utf-8")  # a syntax error: its text is its key
    broken = keys()
    (folder / "base.py").write_text("users = (\n# now commented\n", encoding="utf-8")
    assert [page for page in pages if keys()[page] != broken[page]] == running
    assert keys()["mentions.md"] == before["mentions.md"]


def test_a_page_kept_with_its_blocks_apart_is_kept_through_its_snippets_edits(tmp_path: Path, monkeypatch) -> None:
    """The preview's key for a page with its blocks apart (detached_key) holds neither the code its
    blocks run (each block's own key does) nor the text of a snippet a block is whole (one include
    line: the block runs again with the file's new text), but the text of a snippet included with
    other lines, which the page's conversion joined into one source."""
    root, folder = two_snippets(tmp_path)
    whole = 'Text.\n\n```python exec="on"\n--8<-- "derived.py"\n```\n'
    joined = 'Text.\n\n```python exec="on"\n--8<-- "derived.py"\nprint(double)\n```\n'

    def keys() -> tuple[str | None, str | None]:
        monkeypatch.setattr(preview, "state", preview.State(caching=True))
        preview.begin_build(root, root / "docs", ["page.md"])
        return preview.detached_key("page.md", whole, "", False), preview.detached_key("page.md", joined, "", False)

    before = keys()
    (folder / "base.py").write_text("# Six.\nusers = 6\n", encoding="utf-8")
    assert keys() == before, "a snippet the blocks only run is the blocks' input, not the page's"
    (folder / "derived.py").write_text("from base import users\ndouble = users * 2  # twice\n", encoding="utf-8")
    after = keys()
    assert after[0] == before[0], "a block that is the whole file runs again with its new text"
    assert after[1] != before[1], "a block that joins the file with other lines is the page's conversion"
    assert preview.whole_file_blocks(whole + joined) == 1


def test_a_block_whose_headings_go_to_the_contents_is_told_apart() -> None:
    """The preview keeps a block apart from its page only when markdown-exec filed no headings from
    it for the page's contents (preview_cache._made): a block without a source tab that prints a
    heading has them filed; its HTML, made again once the page is converted, is noted and dropped."""
    import markdown
    import markdown_exec

    from sdw.mkdocs_hooks import preview_cache

    fence = {
        "name": "python",
        "class": "python",
        "validator": markdown_exec.validator,
        "format": markdown_exec.formatter,
    }
    md = markdown.Markdown(extensions=["toc", "pymdownx.superfences"], extension_configs={
        "pymdownx.superfences": {"custom_fences": [fence]}})  # fmt: skip
    md.convert("# Page\n")

    def block(code: str):
        return lambda: markdown_exec.formatter(code, "python", "python", {"exec": True}, md)

    html, filed = preview_cache._made(md, block('print("## Printed")'))
    assert filed and "Printed" in html
    html, filed = preview_cache._made(md, block('print("A line.")'), forget=True)
    assert not filed and "A line." in html
    kept = md.treeprocessors["markdown_exec_insert_headings"].headings
    assert html not in kept, "a block made again left its HTML noted on the page's Markdown"
