"""The contributor's preview (`mkdocs serve`): what must outlive a rebuild.

MkDocs reloads mkdocs.yml and its hooks on every rebuild, so a hook's own module state is lost
after the first build; this module is imported once per process and keeps that state for the
hooks in src/sdw/mkdocs_hooks/: whether MkDocs is serving, the current build's warnings, and
the caches that let a rebuild after one save convert only what the save changed.

What a page's conversion depends on, and so what its cache key holds: its Markdown (after the
other hooks); every file of the project that is neither a page nor a snippet (data, the package,
the vendored assets, mkdocs.yml, the diagram cache); the list of the site's files (a link to a
page that was removed must warn again); the snippets it runs or shows, with every snippet those
import (and the estimator's presets, for the estimator's shortcodes, which read them); and, for the few
pages that read other pages (the Glossary page, the practice overview), every page. A page
whose conversion logged a warning is never cached, so that a rebuild shows the warning again.

Not the figures it cites: sdw.shortcodes leaves a placeholder for each and fills them in after
conversion, so a page keeps its converted HTML, with placeholders, and its figures are filled in
again from the snippets on every rebuild (a few microseconds each). Editing an assumption then
re-converts only the pages that run or show a snippet that depends on it.
`mkdocs build` uses none of this.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sdw import snippets

# Folders of the project whose files a page's conversion may read, besides docs/.
INPUT_FOLDERS = ("data", "src", "overrides", ".diagrams")
SKIPPED_FOLDERS = {"__pycache__", ".git", ".venv", "node_modules"}


@dataclass
class Rendered:
    """What Page.render leaves on a page."""

    content: str  # with placeholders for the figures, filled in on every use
    figures: tuple  # sdw.shortcodes.Figure, one per placeholder
    toc: Any
    title: str | None
    anchors: set[str] | None
    links_to_anchors: Any


@dataclass
class State:
    serving: bool = False
    warnings: list[str] = field(default_factory=list)
    # Per build: the fingerprints every page's key starts from.
    inputs: str = ""
    pages: str = ""
    snippets: dict[str, str] = field(default_factory=dict)  # module name -> its file's stat
    all_snippets: str = ""
    presets: tuple[int, str] = (-1, "")  # (build, digest of the estimator's presets)
    # Across builds: page src_uri -> (key, what its conversion produced).
    rendered: dict[str, tuple[str, Rendered]] = field(default_factory=dict)
    # Search sections by a hash of the page's HTML; the deck by its inputs.
    sections: dict[str, list] = field(default_factory=dict)
    deck: tuple[str, bytes] | None = None
    # Across builds: page src_uri -> (key, the theme's HTML for it), and the pages' navigation
    # as this build's templates see it (computed once per build, once every title is known).
    outputs: dict[str, tuple[str, str]] = field(default_factory=dict)
    build: int = 0
    navigation: tuple[int, str] = (-1, "")
    # scripts/check_coverage.py as loaded (its version, its namespace), kept for its page cache.
    coverage_check: tuple[tuple, dict] | None = None
    # markdown-exec's converted blocks: page src_uri -> {block key: HTML}, from the page's last
    # conversion; the page being converted, and the blocks its conversion is keeping.
    blocks: dict[str, dict[str, Any]] = field(default_factory=dict)
    converting: str | None = None
    new_blocks: dict[str, Any] = field(default_factory=dict)
    hits: int = 0
    template_hits: int = 0


state = State()


class _Collector(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.WARNING:
            state.warnings.append(record.getMessage())


_collector = _Collector()


def start(command: str) -> None:
    """Called from every preview hook's on_startup (once per process, by the first hooks)."""
    state.serving = command == "serve"
    logger = logging.getLogger("mkdocs")
    if state.serving and _collector not in logger.handlers:
        logger.addHandler(_collector)


def _stat_tree(folder: Path, skip_suffix: str | None = None) -> list[str]:
    lines = []
    for directory, subfolders, names in os.walk(folder):
        subfolders[:] = sorted(name for name in subfolders if name not in SKIPPED_FOLDERS)
        for name in sorted(names):
            if skip_suffix and name.endswith(skip_suffix):
                continue
            path = os.path.join(directory, name)
            status = os.stat(path)
            lines.append(f"{path}\t{status.st_mtime_ns}\t{status.st_size}")
    return lines


def begin_build(root: Path, docs_dir: Path, files: list[str]) -> None:
    """Fingerprint the build's inputs once, before any page is converted."""
    config = (root / "mkdocs.yml").stat()
    snippets = docs_dir / SNIPPETS
    inputs = [f"mkdocs.yml\t{config.st_mtime_ns}\t{config.st_size}"]
    inputs += [line for line in _stat_tree(docs_dir, skip_suffix=".md") if not _is_snippet(line, snippets)]
    for name in INPUT_FOLDERS:
        inputs += _stat_tree(root / name)
    inputs.append("\n".join(sorted(files)))
    state.inputs = _digest("\n".join(inputs))
    state.build += 1
    state.pages = _digest("\n".join(line for line in _stat_tree(docs_dir) if line.split("\t")[0].endswith(".md")))
    modules = [line for line in _stat_tree(snippets) if _is_snippet(line, snippets)]
    state.snippets = {Path(line.split("\t")[0]).stem: line for line in modules}
    state.all_snippets = _digest("\n".join(modules))


SNIPPETS = "snippets"
IMPORT_WORD = re.compile(r"\b[a-z][a-z0-9_]*\b")


def _is_snippet(line: str, snippets: Path) -> bool:
    """A Python file of docs/snippets (the stat lines of other files stay in the global inputs)."""
    path = line.split("\t")[0]
    return os.path.dirname(path) == str(snippets) and path.endswith(".py")


def snippets_used(markdown: str) -> str:
    """The fingerprint of the snippets a page names, and of every snippet they import."""
    todo = [word for word in set(IMPORT_WORD.findall(markdown)) if word in state.snippets]
    seen: set[str] = set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        line = state.snippets[name]
        todo += [other for other in snippets.imported_names(line.split("\t")[0]) if other in state.snippets]
    return _digest("\n".join(state.snippets[name] for name in sorted(seen)))


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def page_key(src_uri: str, markdown: str, reads_other_pages: bool, reads_all_snippets: bool) -> str:
    """The key of a page's conversion. `markdown` is the page's, less the figures filled in after
    conversion (a snippet only cited there changes the figures, not the conversion)."""
    used = snippets_used(markdown) + (presets_key() if reads_all_snippets else "")
    return _digest("\0".join([src_uri, markdown, state.inputs, used, state.pages if reads_other_pages else ""]))


def presets_key() -> str:
    """The estimator's presets as this build computes them (from the snippets), once per build;
    every snippet's file when they cannot be computed (a broken snippet: its pages warn)."""
    if state.presets[0] != state.build:
        from sdw.presets import presets

        try:
            computed = json.dumps(presets(), sort_keys=True)
        except Exception:  # a snippet raised: the pages that show it report it
            computed = state.all_snippets
        state.presets = (state.build, _digest(computed))
    return state.presets[1]


def content_key(src_uri: str, content: str) -> str:
    """What a page's themed HTML depends on besides its front matter and navigation: its HTML,
    and every input that is not a page (the templates among them)."""
    return _digest("\0".join([src_uri, content, state.inputs]))


def cached(src_uri: str, key: str) -> Rendered | None:
    entry = state.rendered.get(src_uri)
    if entry and entry[0] == key:
        state.hits += 1
        return entry[1]
    return None


def remember(src_uri: str, key: str, rendered: Rendered) -> None:
    state.rendered[src_uri] = (key, rendered)


def navigation_key(nav) -> str:
    """What every page's navigation shows: each section's and page's title and address, in order
    (a page's title comes from its conversion, so this waits for the first template)."""
    if state.navigation[0] != state.build:

        def walk(items) -> list[str]:
            lines = []
            for item in items:
                lines.append(f"{type(item).__name__}\t{item.title}\t{getattr(item, 'url', '')}")
                lines += walk(getattr(item, "children", None) or [])
            return lines

        state.navigation = (state.build, _digest("\n".join(walk(nav.items))))
    return state.navigation[1]


def output_key(template: str, content_key: str, meta: dict, navigation: str) -> str:
    """A page's HTML depends on its content (content_key, as page_key), its front matter, the
    template, the project's other inputs (in content_key) and the navigation around it."""
    return _digest("\0".join([template, content_key, json.dumps(meta, sort_keys=True, default=str), navigation]))


def theme_key(folders: list[str], files: Any) -> str:
    """What the theme's files that a build copies depend on: each theme folder's files outside
    the installed packages (the project's overrides/), and the site's own files."""
    lines = [str(folder) for folder in folders]
    for folder in folders:
        if "site-packages" not in Path(folder).parts:
            lines += _stat_tree(Path(folder))
    lines += sorted(files)
    return _digest("\n".join(lines))
