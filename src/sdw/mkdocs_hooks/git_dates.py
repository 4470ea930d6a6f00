"""MkDocs hook: the "last update" dates from an earlier build, while git's history is the same.

git-revision-date-localized asks git for every page's last commit on every build (a `git log`
per page in a pool of processes, and a `git tag` per commit), most of a second of a build with
nothing else to do. Its answers change only when HEAD, the tags or the plugin's options do. The
plugin keeps them across the rebuilds of one `mkdocs serve` and drops them itself when HEAD
moves; this hook keeps them across builds, in the build cache (sdw.build_cache), under a key
made of HEAD, the tags and the plugin's options, and hands them back before the plugin asks git.
A page the kept answers do not hold (a new file) is asked of git by the plugin as before.

Relies on the pinned plugin's own caches (requirements.txt); tests/test_build_cache.py checks
that a build with the kept dates writes what the plugin writes alone. MkDocs-only, like every hook.
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
