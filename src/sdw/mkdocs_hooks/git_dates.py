"""MkDocs hook: the "last update" dates from one `git log`, kept between builds while git's
history is the same.

git-revision-date-localized asks git for every page's last commit on every build (a `git log
-n 1 --follow` per page in a pool of processes, and a `git tag --points-at` per commit): 1.0 to
1.3 s of a cold build on two cores, and again after every commit. Its answers change only when
HEAD, the tags or the plugin's options do. The plugin keeps them across the rebuilds of one
`mkdocs serve` and drops them itself when HEAD moves; this hook keeps them across builds, in the
build cache (sdw.build_cache), under a key made of HEAD, the tags and the plugin's options, and
hands them back before the plugin asks git. When none are kept, it finds them all at once:
one `git log` of the whole history with each commit's changed files (0.2 s for 1,600 commits),
walked newest first per page, following renames as `--follow` does and skipping pure renames as
the plugin's `--diff-filter=r` does, and the tags from one `git for-each-ref`. A page it does not
find (a new file, or a name git quotes) is asked of git by the plugin as before, and with the
plugin's ignored commits or `enable_git_follow: false` the plugin asks for every page.

Relies on the pinned plugin's own caches (requirements.txt); tests/test_build_cache.py checks
that a build with the kept dates writes what the plugin writes alone, and that the one pass finds
what the plugin's own `git log` per page finds, for every page of this repository and for a
history with a rename, a merge and a whitespace-only edit. MkDocs-only, like every hook.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from sdw import build_cache

PLUGIN = "git-revision-date-localized"
_key: str | None = None  # this build's key; None when the dates are not kept


def _plugin(config: MkDocsConfig):
    plugin = config.plugins.get(PLUGIN)
    return plugin if plugin is not None and plugin.config.get("enabled") else None


def on_config(config: MkDocsConfig) -> None:
    """After the plugin's own on_config, which reads HEAD and drops what HEAD made stale."""
    global _key
    _key = None
    plugin = _plugin(config)
    if plugin is None or not plugin.cached_head_commit:  # off, or not in git: nothing to keep
        return
    root = Path(config.config_file_path).parent
    tags = subprocess.run(
        ["git", "for-each-ref", "--format=%(objectname) %(refname)", "refs/tags"],
        cwd=root, capture_output=True, text=True, check=False,
    ).stdout  # fmt: skip
    options = json.dumps(plugin.cached_history_options, sort_keys=True, default=str)
    _key = hashlib.sha256("\0".join([plugin.cached_head_commit, tags, options]).encode()).hexdigest()
    if plugin.last_revision_commits:  # a rebuild of the same mkdocs serve: the plugin has them
        return
    kept = build_cache.load(root, "git-dates", _key)
    if kept is None and not plugin.util.ignored_commits and plugin.config.get("enable_git_follow"):
        kept = read_history(Path(config.docs_dir))
    if kept is None:
        return
    pages, plugin.util.tag_cache = kept
    for page, commit in pages.items():
        path = str(Path(os.path.normpath(os.path.join(config.docs_dir, page))).absolute())
        plugin.last_revision_commits[path] = commit
        plugin.cached_source_paths[path] = path


def on_post_build(config: MkDocsConfig) -> None:
    plugin = _plugin(config)
    if plugin is None or _key is None or not plugin.last_revision_commits:
        return
    docs = str(Path(config.docs_dir).absolute())
    pages = {
        os.path.relpath(path, docs): commit
        for path, commit in plugin.last_revision_commits.items()
        if path.startswith(docs + os.sep)
    }
    build_cache.store(Path(config.config_file_path).parent, "git-dates", _key, (pages, dict(plugin.util.tag_cache)))


def _git(arguments: list[str], where: Path) -> str | None:
    result = subprocess.run(
        ["git", "-c", "core.quotePath=false", *arguments], cwd=where, capture_output=True, text=True, check=False
    )
    return result.stdout if result.returncode == 0 else None


def read_history(docs: Path) -> tuple[dict[str, tuple[str, int]], dict[str, str]] | None:
    """(each tracked page's last commit and its author time, by path under `docs`; the tag the
    plugin would show for each of those commits, "" for none), as the plugin's own `git log -n 1
    --follow --diff-filter=r` per page and `git tag --points-at` per commit find them; None
    outside git."""
    prefix = _git(["rev-parse", "--show-prefix"], docs)
    listed = _git(["ls-files", "--", "*.md"], docs)
    history = _git(["log", "--format=%x00%H %at", "--name-status", "-M", "--no-color"], docs)
    tag_format = "--format=%(objectname) %(*objectname) %(refname:short)"
    refs = _git(["for-each-ref", "--sort=refname", tag_format, "refs/tags"], docs)
    if prefix is None or listed is None or history is None or refs is None:
        return None
    prefix = prefix.strip()
    commits = []  # newest first, as git log lists them: (hash, author time, {path: (status, source)})
    for block in history.split("\0")[1:]:
        head, _, changes = block.partition("\n")
        commit, when = head.split()
        changed: dict[str, tuple[str, str]] = {}
        for line in changes.splitlines():
            status, *paths = line.split("\t")
            if status.startswith("R") and len(paths) == 2:
                changed[paths[1]] = ("R", paths[0])  # a rename: --follow goes on with the old name
            elif status and paths:
                changed[paths[-1]] = (status[0], "")
        commits.append((commit, int(when), changed))
    pages = {}
    for page in listed.splitlines():
        name = prefix + page
        for commit, when, changed in commits:
            status, source = changed.get(name, ("", ""))
            if status == "R":  # left out by --diff-filter=r, followed by --follow
                name = source
            elif status:
                pages[page] = (commit, when)
                break
    tagged: dict[str, str] = {}
    for line in refs.splitlines():
        target, peeled, name = [*line.split(" ", 2), "", ""][:3]
        tagged.setdefault(peeled or target, name)  # the first by name, as `git tag --points-at` lists them
    return pages, {commit: tagged.get(commit, "") for commit, _ in pages.values()}
