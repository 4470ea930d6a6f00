"""The contributor's preview (`mkdocs serve`): what must outlive a rebuild.

MkDocs reloads mkdocs.yml and its hooks on every rebuild, so a hook's own module state is lost
after the first build; this module is imported once per process and keeps that state for the
hooks in src/sdw/mkdocs_hooks/: whether MkDocs is serving, the current build's warnings, and
the caches that let a rebuild after one save convert only what the save changed.

What a page's conversion depends on, and so what its cache key holds: its Markdown (after the
other hooks); every file of the project that is neither a page nor a snippet (data, the package,
the vendored assets, mkdocs.yml, the diagram cache), except the data files only some shortcodes
read (the examples and the cards, shortcodes.READ_DATA), which only the pages using those hold;
the list of the site's files (a link to a
page that was removed must warn again); the text of the snippets it shows, and the code (without
comments: sdw.snippets.code_digest) of those it runs and of every snippet those import (and the
estimator's presets, for md:estimator, whose form reads them), named where the page can run them
(running_parts: not a name in its prose); and, for the few
pages that read other pages (the Glossary page, the practice overview), every page. A page
whose conversion logged a warning is never cached, so that a rebuild shows the warning again.

Not the figures it cites: sdw.shortcodes leaves a placeholder for each and fills them in after
conversion, so a page keeps its converted HTML, with placeholders, and its figures are filled in
again from the snippets on every rebuild (a few microseconds each); an estimator link's query is
filled in the same way. Editing an assumption then re-converts only the pages that run or show a
snippet that depends on it, and the preview not even those: it keeps each page it converted with
a token in place of each markdown-exec block (Block, Detached, detached_key), and when only what
the blocks run changed, it runs those blocks again and puts them in (src/sdw/mkdocs_hooks/
preview_cache.py), in memory only; the pages it took from the build cache it converts so in the
background after its build.

The keys are digests of the files' contents, with paths relative to the project, and of the
configuration as MkDocs resolved it (the address the preview serves at, the plugins turned on):
the same for any copy of the site. So `mkdocs build` uses the same caches, kept on disk by
sdw.build_cache, and a build converts only the pages whose inputs changed since any earlier
build on the machine (SDW_NO_CACHE=1 converts them all).
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sdw import build_cache, search_pool, shortcodes, snippets

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
    links_to_anchors: dict[str, dict[str, str]]  # by the linked file's src_uri


@dataclass
class Block:
    """A markdown-exec block of a page the preview converted, kept apart from the page's HTML (a
    token holds its place), so that a rebuild after a snippet's edit runs the block again without
    converting the page: what it reads (block_key), how to make its HTML again, the HTML."""

    token: str
    source: str
    key: str
    make: Any  # () -> str: sdw.snippet_fence's block, with the page's Markdown and its counter
    counter_after: int  # markdown-exec's counter after the block: the page's later ids follow it
    html: str
    md: Any  # the page's Markdown: where markdown-exec files a block's headings for its contents
    # The snippet whose whole text, as a `--8<--` line includes it, the block's source is: run
    # again with the file's new text after an edit of it (its page gave the block no other).
    snippet: str | None = None


@dataclass
class Detached:
    """A page's conversion with each block's place held by its token (the preview's, in memory)."""

    key: str  # detached_key
    rendered: Rendered  # content: tokens for the blocks, placeholders for the figures
    blocks: list[Block]


@dataclass
class State:
    serving: bool = False
    caching: bool = False  # serving, or a build with sdw.build_cache on
    root: Path = Path()
    code: str = ""  # src/ as the process found it on its first build
    warnings: list[str] = field(default_factory=list)
    # Per build: the fingerprints every page's key starts from, and those of the data files only
    # some pages read (shortcodes.READ_DATA), by path.
    inputs: str = ""
    data_files: dict[str, str] = field(default_factory=dict)
    address: str = ""  # site_url: only the themed HTML holds it (output_key)
    theming: str = ""  # the settings only the themed HTML depends on (theming_key)
    snippets: dict[str, str] = field(default_factory=dict)  # module name -> its file's fingerprint
    # Module name -> the fingerprint of its code alone (sdw.snippets.code_digest), and of all of them.
    snippet_code: dict[str, str] = field(default_factory=dict)
    all_code: str = ""
    snippet_paths: dict[str, str] = field(default_factory=dict)  # module name -> its file
    imports: dict[str, list[str]] = field(default_factory=dict)  # module name -> the modules it imports
    # Every figure's value, by the figure and the fingerprint of the snippets it depends on, for
    # this build's inputs (their key); whether this build added any.
    figures: tuple[str, dict[str, str], bool] = field(default_factory=lambda: ("", {}, False))
    # Per build: the figures it used, and whether it built the deck (which cites the cards' figures).
    figures_used: set[str] = field(default_factory=set)
    cards_used: bool = False
    # Per build: a snippet's fingerprint with those of the snippets it imports, by module name.
    closures: dict[str, str] = field(default_factory=dict)
    all_snippets: str = ""
    presets: tuple[int, str] = (-1, "")  # (build, digest of the estimator's presets)
    # Across builds: page src_uri -> (key, what its conversion produced).
    rendered: dict[str, tuple[str, Rendered]] = field(default_factory=dict)
    # Search sections by a hash of the page's HTML; the deck by its inputs.
    sections: dict[str, list] = field(default_factory=dict)
    # What the pages built from other pages read (other_pages_read), by its key.
    other_pages: dict[str, str] = field(default_factory=dict)
    pages: str = ""  # every page's Markdown, fingerprinted
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
    # The preview's pages with their blocks apart, by src_uri; the blocks of the page being
    # converted (None when not the preview's); pages whose blocks alone ran again this build.
    detached: dict[str, Detached] = field(default_factory=dict)
    config: Any = None  # this build's MkDocs configuration
    new_detached: list[Block] | None = None
    attached: bool = False  # the page being converted keeps its blocks in place (_keep_block)
    blocks_run: int = 0
    shapes_filled: int = 0  # blocks whose output was filled into its shape's HTML (sdw.block_shapes)
    converted: int = 0  # pages this build converted (preview_cache)
    # The pages a preview's build took from the build cache without their blocks apart, which it
    # converts in the background after the build (preview_cache: page, its build, key, what its
    # detached_key reads); those found not to keep their blocks apart, by their key; the thread.
    to_detach: list[tuple] = field(default_factory=list)
    undetachable: dict[str, str] = field(default_factory=dict)
    reconvert: set[str] = field(default_factory=set)  # their background conversion warned or failed
    sources: tuple = ()  # the watched files as the preview's last build found them (preview_cache._sources)
    background: Any = None  # (threading.Thread, threading.Event that stops it)
    hits: int = 0
    print_page_kept: bool | None = None  # whether the print page's combination came from the cache
    pages_built: int = 0
    template_hits: int = 0


state = State()


class _Collector(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.WARNING:
            state.warnings.append(record.getMessage())


_collector = _Collector()


def keep_warnings_when_quiet(logger: logging.Logger) -> None:
    """`mkdocs -q` raises the mkdocs logger to ERROR, which drops warnings before any handler sees
    them: `mkdocs build -q --strict` then passes a page that warns, and the build cache, which
    keeps only pages that did not warn, would keep it too, for later strict builds to pass as
    well. So the logger stays at WARNING, and -q quiets its output (the stream handlers) instead."""
    if logger.level <= logging.WARNING:
        return
    for handler in logger.handlers:
        if isinstance(handler, logging.StreamHandler):
            handler.setLevel(max(handler.level, logger.level))
            _quieted.append(handler)
    logger.setLevel(logging.WARNING)


_quieted: list[logging.Handler] = []  # the output handlers -q quieted


def show_warnings_when_strict(strict: bool) -> None:
    """Under --strict a warning fails the build, as an error does: -q then still prints the
    warnings (its INFO lines stay quiet), so that the build says where it failed, `file:line`,
    instead of an abort that names no page."""
    if strict:
        for handler in _quieted:
            handler.setLevel(logging.WARNING)


def start(command: str) -> None:
    """Called from every preview hook's on_startup (once per process, by the first hooks)."""
    state.serving = command == "serve"
    state.caching = state.serving or (command == "build" and build_cache.enabled())
    logger = logging.getLogger("mkdocs")
    keep_warnings_when_quiet(logger)
    if state.caching and _collector not in logger.handlers:
        logger.addHandler(_collector)


def _fingerprint_tree(folder: Path, root: Path, skip_suffix: str | None = None) -> list[str]:
    """A line per file: its path from the project's root and a digest of its content."""
    lines = []
    for directory, subfolders, names in os.walk(folder):
        subfolders[:] = sorted(name for name in subfolders if name not in SKIPPED_FOLDERS)
        for name in sorted(names):
            if skip_suffix and name.endswith(skip_suffix):
                continue
            path = os.path.join(directory, name)
            lines.append(_fingerprint(path, root))
    return lines


def _fingerprint(path: str, root: Path) -> str:
    with open(path, "rb") as file:
        digest = hashlib.file_digest(file, "sha256").hexdigest()
    return f"{os.path.relpath(path, root)}\t{digest}"


def begin_build(root: Path, docs_dir: Path, files: list[str], config: Any = None) -> None:
    """Fingerprint the build's inputs once, before any page is converted."""
    state.root = root
    state.data_files = {}
    snippet_folder = docs_dir / SNIPPETS
    used_config = getattr(config, "config_file_path", None) or str(root / "mkdocs.yml")
    inputs = [_fingerprint(str(root / "mkdocs.yml"), root), _fingerprint(used_config, root)]
    inputs.append(configuration_key(config, root))
    state.address = str(getattr(config, "site_url", None) or "")
    state.theming = theming_key(config, root)
    others = _fingerprint_tree(docs_dir, root, skip_suffix=".md")
    inputs += [line for line in others if not _is_snippet(line, snippet_folder, root)]
    for name in INPUT_FOLDERS:
        for line in _fingerprint_tree(root / name, root):
            path = line.split("\t")[0].replace(os.sep, "/")
            if path in shortcodes.READ_DATA:
                state.data_files[path] = line
            else:
                inputs.append(line)
    _check_code(root)
    inputs.append("\n".join(sorted(files)))
    state.inputs = _digest("\n".join(inputs))
    state.build += 1
    pages = [line for line in _fingerprint_tree(docs_dir, root) if line.split("\t")[0].endswith(".md")]
    state.pages = _digest("\n".join(pages))
    modules = [line for line in _fingerprint_tree(snippet_folder, root) if _is_snippet(line, snippet_folder, root)]
    state.snippets = {Path(line.split("\t")[0]).stem: line for line in modules}
    state.snippet_paths = {name: str(root / line.split("\t")[0]) for name, line in state.snippets.items()}
    state.all_snippets = _digest("\n".join(modules))
    state.closures = {}
    state.figures_used, state.cards_used = set(), False
    parsed_key = _digest("\0".join(["parsed", state.inputs, state.all_snippets]))  # the parser is in src/
    parsed = build_cache.load(root, "parsed", parsed_key)
    if parsed is None:
        paths = state.snippet_paths.items()
        parsed = {name: (sorted(snippets.imported_names(path)), snippets.code_digest(path)) for name, path in paths}
        build_cache.store(root, "parsed", parsed_key, parsed)
    state.imports = {name: imports for name, (imports, _) in parsed.items()}
    state.snippet_code = {name: f"{name}\t{code}" for name, (_, code) in parsed.items()}
    state.all_code = _digest("\n".join(state.snippet_code[name] for name in sorted(state.snippet_code)))


def _check_code(root: Path) -> None:
    """The sdw package is loaded once per process: a preview whose src/ changed since it started
    still converts with the old code, so it says so, and keeps nothing on disk from then on."""
    code = _digest("\n".join(_fingerprint_tree(root / "src", root)))
    if not state.code:
        state.code = code
    elif code != state.code:
        build_cache.writes_suspended = True
        logging.getLogger("mkdocs.sdw.preview").warning(
            "src/ changed since this preview started, and the preview still runs the code it started "
            "with: stop it (Ctrl-C) and run make serve again"
        )


# Settings that name where things are on this machine, not what the site is (dev_addr is the
# preview's address), and strict, which decides only whether the warnings fail the build once it
# is done (a page that warned is never kept).
SETTINGS_LEFT_OUT = {"config_file_path", "docs_dir", "site_dir", "watch", "dev_addr", "strict"}
# What shapes a page's themed HTML but never its conversion: the site's address (its canonical
# links), the stylesheets and scripts each page links to, and plugins that act only on the
# Markdown before conversion (the page's key holds the Markdown they leave) or on the HTML after
# it. make serve turns these two plugins off (SDW_FULL_BUILD=false), and with them print-site's
# stylesheets and script, so a preview reuses the pages a build converted, and the other way round.
THEMING_SETTINGS = {"site_url", "extra_css", "extra_javascript"}
THEMING_PLUGINS = {"git-revision-date-localized", "print-site"}


def _plain(value: Any, root: Path) -> Any:
    """A setting as JSON can hold it, with the project's folder as <project>."""
    if isinstance(value, str):
        return value.replace(str(root), "<project>")
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, Path):
        return _plain(str(value), root)
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_plain(item, root) for item in value]
        return sorted(items, key=repr) if isinstance(value, (set, frozenset)) else items
    items = getattr(value, "items", None)
    if callable(items):
        return {str(key): _plain(item, root) for key, item in items()}
    if hasattr(value, "config") and callable(getattr(value.config, "items", None)):
        return {"plugin": type(value).__name__, "config": _plain(value.config, root)}
    return type(value).__name__


def configuration_key(config: Any, root: Path) -> str:
    """The configuration as MkDocs resolved it (environment variables read), less where things
    are on this machine and what only the themed HTML depends on: what every page's conversion
    may read. So previews on any port, builds for any address, and a preview after a build
    share their pages."""
    if config is None:
        return ""
    left_out = SETTINGS_LEFT_OUT | THEMING_SETTINGS
    settings = {key: _plain(value, root) for key, value in config.items() if key not in left_out}
    plugins = config.get("plugins")
    if plugins is not None:
        settings["plugins"] = {name: _plain(p, root) for name, p in plugins.items() if name not in THEMING_PLUGINS}
    theme = config.get("theme")
    if theme is not None:  # what the theme's mapping leaves out
        settings["theme files"] = _plain([getattr(theme, "name", None), getattr(theme, "dirs", [])], root)
        settings["theme static templates"] = sorted(getattr(theme, "static_templates", ()))
    return _digest(json.dumps(settings, sort_keys=True, default=str))


def theming_key(config: Any, root: Path) -> str:
    """What configuration_key leaves out for the themed HTML (content_key holds it)."""
    if config is None:
        return ""
    chosen = {key: _plain(config.get(key), root) for key in sorted(THEMING_SETTINGS)}
    plugins = config.get("plugins") or {}
    chosen["plugins"] = {name: _plain(p, root) for name, p in plugins.items() if name in THEMING_PLUGINS}
    return _digest(json.dumps(chosen, sort_keys=True, default=str))


SNIPPETS = "snippets"
IMPORT_WORD = re.compile(r"\b[a-z][a-z0-9_]*\b")
# pymdownx.snippets' line that puts a snippet's text in the page: `--8<-- "twitter_traffic.py"`.
INCLUDE_MARK = "--8<--"
INCLUDED_SNIPPET = re.compile(r'^[ \t]*--8<--[ \t]+"([a-z][a-z0-9_]*)\.py"[ \t]*$', re.MULTILINE)


def _is_snippet(line: str, folder: Path, root: Path) -> bool:
    """A Python file of docs/snippets (the lines of other files stay in the global inputs)."""
    path = line.split("\t")[0]
    return os.path.dirname(path) == os.path.relpath(folder, root) and path.endswith(".py")


def snippets_used(markdown: str) -> str:
    """The fingerprint of the snippets a page names, and of every snippet they import: the text of
    those the page includes (it shows their code), the code alone of the others (a page shows what
    they compute). A comment edited in an assumptions file then converts again the page that
    shows that file, not every page that runs a snippet importing it. Any other use of the include
    mark (another form of it) counts every snippet the page names as shown."""
    words, included, plain_includes = _scan(markdown)
    named = state.snippets.keys() & words
    shown = named & included if plain_includes else named
    todo = list(named)
    seen: set[str] = set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        todo += [other for other in state.imports.get(name, ()) if other in state.snippets]
    fingerprints = [state.snippets[name] if name in shown else state.snippet_code[name] for name in sorted(seen)]
    return _digest("\n".join(fingerprints))


# Kept per text: a preview keys every page on every rebuild, and most pages' text is unchanged.
@functools.lru_cache(maxsize=512)
def _scan(text: str) -> tuple[frozenset[str], frozenset[str], bool]:
    """The words of `text` that may name a snippet, the snippets it includes by a plain
    `--8<-- "name.py"` line, and whether every include mark is such a line."""
    included = INCLUDED_SNIPPET.findall(text)
    return frozenset(IMPORT_WORD.findall(text)), frozenset(included), len(included) == text.count(INCLUDE_MARK)


@functools.lru_cache(maxsize=512)
def running_parts(markdown: str) -> str:
    """What of a page's Markdown can run a snippet's code while the page converts: its
    markdown-exec blocks, its snippet includes and its shortcodes (a figure in a heading is
    expanded in place). A snippet named anywhere else (prose, a path in inline code, code shown
    and not run) runs nothing, so editing it does not convert the page. The whole page when an
    include takes another form than a `--8<-- "name.py"` line."""
    if len(INCLUDED_SNIPPET.findall(markdown)) != markdown.count(INCLUDE_MARK):
        return markdown  # another form of the include (the file named on a line of its own)
    parts = [match[0] for match in EXEC_BLOCK.finditer(markdown)]
    parts += [line for line in markdown.split("\n") if INCLUDE_MARK in line]
    parts += [match[0] for match in shortcodes.SHORTCODE.finditer(markdown)]  # a heading's md:fig too
    return "\n".join(parts)


# A markdown-exec block whose fence runs code (exec="on"), with its body; the closing fence as
# the opening one, at the same indentation.
EXEC_BLOCK = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[^\n]*\bexec=\"[^\"]*\"[^\n]*\n"
    r"(?P<body>.*?)^(?P=indent)(?P=fence)[ \t]*$",
    re.MULTILINE | re.DOTALL,
)
# What holds a block's place in a page's HTML until it is filled in (private-use characters, as
# sdw.shortcodes' figure placeholders, which use the two before them): in a <div> when the block's
# HTML starts with a block-level tag, for Python-Markdown to leave it outside a paragraph as it
# leaves the block (block_token).
BLOCK_TOKENS = re.compile("<div>\ue002\\d+\ue003</div>|\ue002\\d+\ue003")


def block_token(number: int, block_level: bool) -> str:
    token = f"\ue002{number}\ue003"
    return f"<div>{token}</div>" if block_level else token


def detached_key(src_uri: str, markdown: str, other_pages_read: str, reads_all_snippets: bool) -> str | None:
    """page_key for the preview's conversion of a page with its markdown-exec blocks apart: not
    the code the blocks run, which each block's own key holds (block_key), nor the text of a
    snippet a block is whole (its body one `--8<--` line: the block runs again with the file's new
    text, Block.snippet), but the text of a snippet included with other lines (the page's conversion
    joined them). None when a block includes a file otherwise than by a `--8<-- "name.py"` line."""
    included: list[str] = []
    unknown = False

    def without(match: re.Match) -> str:
        nonlocal unknown
        names = INCLUDED_SNIPPET.findall(match["body"])
        unknown = unknown or len(names) != match["body"].count(INCLUDE_MARK)
        if not WHOLE_FILE_BODY.fullmatch(match["body"]):  # such a block runs again with the file's text
            included.extend(names)
        return ""

    outside = EXEC_BLOCK.sub(without, markdown)
    if unknown:
        return None
    shown = "\n".join(state.snippets[name] for name in sorted(set(included)) if name in state.snippets)
    used = snippets_used(running_parts(outside)) + _digest(shown) + (presets_key() if reads_all_snippets else "")
    data = "\n".join(state.data_files.get(path, path) for path in shortcodes.data_read(markdown))
    return _digest("\0".join(["detached", src_uri, markdown, state.inputs, used, other_pages_read, data]))


# A block whose body is one snippet's include line and nothing else: its source is that file.
WHOLE_FILE_BODY = re.compile(r'[ \t]*--8<--[ \t]+"[a-z][a-z0-9_]*\.py"[ \t]*\n?')


def whole_file_blocks(markdown: str) -> int:
    """How many of the page's markdown-exec blocks are one snippet's include line and nothing else."""
    return sum(1 for match in EXEC_BLOCK.finditer(markdown) if WHOLE_FILE_BODY.fullmatch(match["body"]))


def included_text(name: str) -> str | None:
    """A snippet's text as a block whose body is its `--8<--` line gets it, or None when the file
    is gone (preview_cache checks that a kept block's source is this text)."""
    path = state.snippet_paths.get(name)
    try:
        return Path(path).read_text(encoding="utf-8") if path else None
    except OSError:
        return None


def block_key(source: str) -> str:
    """What a markdown-exec block's HTML depends on: its source (a snippet's whole text, for a
    block that shows one), the code of the snippets it names and of those they import, and
    every other input."""
    names = " ".join(sorted(word for word in set(IMPORT_WORD.findall(source)) if word in state.snippets))
    return _digest("\0".join(["block", source, state.inputs, snippets_used(names)]))


def fill_blocks(content: str, html: dict[str, str]) -> str:
    """`content` with each block's token replaced by its HTML."""
    return BLOCK_TOKENS.sub(lambda match: html[match[0]], content)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def page_key(src_uri: str, markdown: str, other_pages_read: str, reads_all_snippets: bool) -> str:
    """The key of a page's conversion. `markdown` is the page's, less the figures filled in after
    conversion (a snippet only cited there changes the figures, not the conversion);
    `other_pages_read`, what its shortcodes read from other pages (sdw.shortcodes.other_pages_read)."""
    used = snippets_used(running_parts(markdown)) + (presets_key() if reads_all_snippets else "")
    data = "\n".join(state.data_files.get(path, path) for path in shortcodes.data_read(markdown))
    return _digest("\0".join([src_uri, markdown, state.inputs, used, other_pages_read, data]))


def other_pages_read(markdown: str, root: Path, docs_dir: Path) -> str:
    """sdw.shortcodes.other_pages_read, kept while no page changes: finding which pages use each
    glossary term reads every page, a quarter of a second of a build with nothing to convert."""
    if not shortcodes.reads_other_pages(markdown):
        return ""
    key = _digest("\0".join(["other pages", state.inputs, state.pages, markdown]))
    read = recall("other-pages", key, state.other_pages)
    if read is None:
        read = shortcodes.other_pages_read(markdown, root, docs_dir)
        keep("other-pages", key, read, state.other_pages)
    return read


def deck_key() -> str:
    """The Anki deck's inputs: its cards (data/), the code, the snippets' code (its cards cite their figures),
    and the time it is stamped with when a reproducible one is asked for (sdw.deck). Otherwise
    a kept deck keeps the time it was first built: its notes are the same, so Anki has nothing
    newer to update."""
    data = "\n".join(state.data_files[path] for path in sorted(state.data_files))
    return _digest("\0".join(["deck", state.inputs, data, state.all_code, os.environ.get("SOURCE_DATE_EPOCH", "")]))


def presets_key() -> str:
    """The estimator's presets as this build computes them (from the snippets they read), once
    per build; every snippet's file when they cannot be computed (a broken snippet: its pages
    warn)."""
    if state.presets[0] != state.build:
        from sdw.presets import SNIPPETS_READ

        key = _digest("\0".join(["presets", state.inputs, snippets_used(" ".join(SNIPPETS_READ))]))
        digest = build_cache.load(state.root, "presets", key)
        if digest is None:
            from sdw.presets import presets

            try:
                digest = _digest(json.dumps(presets(), sort_keys=True))
                build_cache.store(state.root, "presets", key, digest)
            except Exception:  # a snippet raised: the pages that show it report it
                digest = _digest(state.all_snippets)
        state.presets = (state.build, digest)
    return state.presets[1]


def _figure_memory() -> dict[str, str]:
    key = _digest("\0".join(["figures", state.inputs]))
    if state.figures[0] != key:
        state.figures = (key, build_cache.load(state.root, "figures", key) or {}, False)
    return state.figures[1]


def _closure(snippet: str) -> str:
    """The fingerprint of a snippet's code and of every snippet it imports, directly or not: all
    that a figure's value depends on besides the inputs (not their comments). Editing one
    snippet leaves the figures of the others kept, so a preview imports only the edited snippet
    and those that import it."""
    if snippet not in state.closures:
        state.closures[snippet] = snippets_used(snippet) if snippet in state.snippets else ""
    return state.closures[snippet]


def _figure_key(figure) -> str:
    # Not its place (file:line): only a warning names it, and a figure that warned is never kept,
    # so an edit that moves a page's lines still finds every figure below it kept.
    cited = repr((figure.args, figure.words, figure.place))
    if len(figure.args) == 2 and figure.args[0] == shortcodes.ESTIMATOR_LINK:  # a preset's snippets
        from sdw.presets import READS

        return f"{cited}\0{snippets_used(' '.join(READS.get(figure.args[1], ())))}"
    return f"{cited}\0{_closure(figure.args[0].split('.')[0] if figure.args else '')}"


def _kept(key: str, compute) -> str:
    """The value kept under `key` by an earlier build, or `compute()` now, kept for later builds
    unless it warned (a figure that warns is computed, and warns, every time)."""
    memory = _figure_memory()
    state.figures_used.add(key)
    value = memory.get(key)
    if value is None:
        warnings = len(state.warnings)
        value = compute()
        if len(state.warnings) == warnings:
            memory[key] = value
            state.figures = (state.figures[0], memory, True)
    return value


def figure_values(figures: tuple) -> list[str]:
    """sdw.shortcodes.figure_values, each value taken from an earlier build when its inputs and
    the snippets it depends on are the same (a figure's value depends on nothing else), so that
    a build whose pages are all unchanged runs no snippet."""

    def compute(figure) -> str:
        return shortcodes.figure_values((figure,))[0]

    return [_kept(_figure_key(figure), lambda figure=figure: compute(figure)) for figure in figures]


def card_figure(name: str, where: str) -> str:
    """sdw.deck.printed_figure, kept as figure_values keeps a page's: the deck is built again
    after any snippet's edit, and its cards cite figures of most snippets."""
    from sdw.deck import printed_figure

    key = f"{CARD}{name}\0{where}\0{_closure(name.split('.')[0])}"
    state.cards_used = True
    return _kept(key, lambda: printed_figure(name, where))


def remember_figures(figures: tuple, values: list[str]) -> None:
    """Figures computed without a warning, kept for later builds (saved by save_figures)."""
    memory = _figure_memory()
    for figure, value in zip(figures, values, strict=True):
        key = _figure_key(figure)
        memory[key] = value
        state.figures_used.add(key)
    state.figures = (state.figures[0], memory, True)


CARD = "card\0"  # how a card's figure's key starts


def save_figures(always: bool = False) -> None:
    """Store the figures, when this build computed any (or `always`): those it used (every page's
    figures are filled in on every build) and, when it kept the deck, the cards'. What a preview's
    edits replaced is dropped, in memory and on disk, so neither grows with every edit (writing
    every value an afternoon's edits had made took a value edit's rebuild 0.16 s)."""
    key, memory, added = state.figures
    if not (added or always):
        return
    used, cards_kept = state.figures_used, not state.cards_used
    memory = {name: value for name, value in memory.items() if name in used or (cards_kept and name.startswith(CARD))}
    build_cache.store(state.root, "figures", key, memory)
    state.figures = (key, memory, False)


def search_sections(unfilled: str) -> list:
    """Material's search parse of a page's HTML (before its figures are filled in), kept: it
    depends on the HTML and on the parser (sdw.search_parse, in the inputs)."""
    key = _digest("\0".join([unfilled, state.inputs]))
    sections = recall("search", key, state.sections)
    if sections is None:
        sections = search_pool.parse(unfilled)
        keep("search", key, sections, state.sections)
    return sections


def search_sections_later(unfilled: str):
    """search_sections as a function that gives them, the parse under way meanwhile in the
    preview's second process (sdw.search_pool); None when there is none, or the parse is kept."""
    key = _digest("\0".join([unfilled, state.inputs]))
    if recall("search", key, state.sections) is not None:
        return None
    future = search_pool.submit(unfilled)
    if future is None:
        return None

    def sections() -> list:
        kept = state.sections.get(key)  # another page with the same HTML had it first
        if kept is None:
            kept = search_pool.result(future, unfilled)
            keep("search", key, kept, state.sections)
        return kept

    return sections


def content_key(src_uri: str, content: str) -> str:
    """What a page's themed HTML depends on besides its front matter and navigation: its HTML,
    and every input that is not a page (the templates among them)."""
    return _digest("\0".join([src_uri, content, state.inputs, state.theming]))


def cached(src_uri: str, key: str) -> Rendered | None:
    """A page's conversion as an earlier build left it: this process's, or one on disk."""
    entry = state.rendered.get(src_uri)
    if entry and entry[0] == key:
        state.hits += 1
        return entry[1]
    rendered = build_cache.load(state.root, "page", key)
    if rendered is not None:
        state.hits += 1
        state.rendered[src_uri] = (key, rendered)
    return rendered


def remember(src_uri: str, key: str, rendered: Rendered) -> None:
    state.rendered[src_uri] = (key, rendered)
    build_cache.store(state.root, "page", key, rendered)


def recall(kind: str, key: str, memory: dict[str, Any]) -> Any | None:
    """What `memory` (this process) or the disk holds under `key`."""
    if key in memory:
        return memory[key]
    value = build_cache.load(state.root, kind, key)
    if value is not None:
        memory[key] = value
    return value


def keep(kind: str, key: str, value: Any, memory: dict[str, Any]) -> None:
    memory[key] = value
    build_cache.store(state.root, kind, key, value)


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


def output_key(template: str, content_key: str, meta: dict, navigation: str, toc: Any = (), title: str = "") -> str:
    """A page's HTML depends on its content (content_key, as page_key), its front matter, the
    template, the project's other inputs (in content_key), the navigation around it, and its
    table of contents and title (a heading's data-toc-label changes the contents, not the HTML),
    and the site's whole address (its canonical links; the preview's port)."""
    meta_text = json.dumps(meta, sort_keys=True, default=str)
    parts = [template, content_key, state.address, meta_text, navigation, repr(_toc_items(toc)), str(title)]
    return _digest("\0".join(parts))


def _toc_items(toc: Any) -> list:
    return [(item.title, item.id, item.level, _toc_items(getattr(item, "children", ()) or ())) for item in toc or ()]


def theme_key(folders: list[str], files: Any, static_templates: Any = ()) -> str:
    """What the theme's files that a build copies depend on: each theme folder's files outside
    the installed packages (the project's overrides/), the site's own files, and which of the
    theme's templates are copied as they are (static_templates). (An installed theme changes
    with its version, which names the build cache's folder.)"""
    lines = [str(folder) for folder in folders] + sorted(static_templates)
    for folder in folders:
        if "site-packages" not in Path(folder).parts:
            lines += _fingerprint_tree(Path(folder), Path(folder))
    lines += sorted(files)
    return _digest("\n".join(lines))
