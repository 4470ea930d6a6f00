"""Shared fixtures: the repository, a site built once per session, throwaway copies, and one
page converted alone through the site's Markdown extensions (no build)."""

from __future__ import annotations

import functools
import logging
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "docs" / "snippets"
# What a site needs to build: copying these gives a check something to break safely.
SITE_SOURCES = ("mkdocs.yml", "docs", "overrides", "data", "src", "scripts", "lychee.toml", ".diagrams")

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
# Every build of a test copy shares the project's build cache (sdw.build_cache): its entries are keyed by
# content, so a copy with one change converts only the pages that change touches.
os.environ.setdefault("SDW_CACHE_DIR", str(Path(__file__).resolve().parent.parent / ".cache" / "sdw-build"))


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, leaving its `!!python/name:` references unresolved."""


_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
_ConfigLoader.add_constructor("!ENV", lambda loader, node: None)
MKDOCS = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
SITE_URL: str = MKDOCS["site_url"]
# The scripts are files to run, not a package: the tests import them from their folder.
if str(ROOT / "scripts") not in sys.path:
    sys.path.insert(0, str(ROOT / "scripts"))

import check_coverage  # noqa: E402  (scripts/, on the path just above)

from sdw import chromium, snippets  # noqa: E402

snippets.use(SNIPPETS)  # tests import snippets by name, as pages' code does


@pytest.fixture(autouse=True)
def _snippets_of_the_repository():
    """A test that converts a site copy's pages imports that copy's snippets, some broken on
    purpose; point the snippets back at the repository's after it, or a later test in the same
    worker would read the copy."""
    yield
    if snippets.directory_in_use() != SNIPPETS.resolve():
        snippets.use(SNIPPETS)


def page_tree(path: Path):
    """A built page parsed by Lexbor (selectolax): the whole site in 0.25 s, where BeautifulSoup's
    html.parser took 31 s, once in each test process. Parsed on each call, so the tree may be changed."""
    from selectolax.lexbor import LexborHTMLParser

    return LexborHTMLParser(path.read_text(encoding="utf-8"))


def page_parts(tree) -> list:
    """A parsed page and the content of each of its templates (the drawn diagrams' shadow roots),
    for a check that must reach inside them too."""
    return [tree, *tree.template_fragments()]


def shadow_content(template):
    """A <template>'s content: Lexbor keeps it apart from the page (as a browser does), where CSS
    selectors do not reach it."""
    return template.template_fragments()[0]


def url_path(source: str) -> str:
    """docs/a/b.md -> a/b/ ; docs/a/index.md -> a/ ; docs/index.md -> ''."""
    stem = source.removesuffix(".md").removesuffix("index").rstrip("/")
    return f"{stem}/" if stem else ""


# Every page in the built site, taken from nav: each nav page, the 404 page, and the one-page
# print version that print-site adds.
NAV = [
    path
    for path, _ in check_coverage.nav_entries(check_coverage._get(check_coverage._compose(ROOT / "mkdocs.yml"), "nav"))
]
PAGES = [url_path(path) for path in NAV] + ["404.html", "print_page/"]

# The whole guide on one page is 14 MB of HTML: 10 to 13 s to load on a quiet two-core host, over
# 30 s (Playwright's default) with three other workers busy. A wait, not a time limit.
WHOLE_GUIDE = "print_page/"


def load_patience(path: str) -> int:
    """How long, in ms, a browser test waits for `path` to load or restyle."""
    return 180_000 if path == WHOLE_GUIDE else 30_000


def run(args: list[str], cwd: Path = ROOT, **kwargs) -> subprocess.CompletedProcess:
    """Run a command the way a contributor would, capturing its output as text."""
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, **kwargs)


def mkdocs_build(root: Path, site_dir: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    # No -q: the tests read the warnings (a quiet build still fails on them: sdw.preview.keep_warnings_when_quiet).
    return run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)], cwd=root, env=env)


def once_per_run(tmp_path_factory: pytest.TempPathFactory, name: str, make) -> Path:
    """A folder that `make(folder)` fills once per test run, however many workers ask for it.

    Under pytest-xdist the workers share it: the first to arrive makes it under a lock in the
    run's own temporary folder, the others wait and read it. A module-scoped fixture would be
    made once in every worker that happens to run one of its tests.
    """
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        folder = tmp_path_factory.mktemp(name)
        make(folder)
        return folder
    from filelock import FileLock

    shared = tmp_path_factory.getbasetemp().parent  # one folder per run, shared by its workers
    folder, done = shared / name, shared / f"{name}.done"  # the marker beside it, not inside it
    with FileLock(shared / f"{name}.lock"):
        if not done.exists():
            # On failure no marker: each worker tries once and reports the failure itself.
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            make(folder)
            done.touch()
    return folder


def _strict_build(site_dir: Path) -> None:
    result = mkdocs_build(ROOT, site_dir)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built once per run with --strict; every test reads this copy and none writes to it."""
    return once_per_run(tmp_path_factory, "site", _strict_build)


def copy_site(destination: Path) -> Path:
    """Copy what a site needs to build into `destination`, and return it."""
    for name in SITE_SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, destination / name)
    return destination


@pytest.fixture
def site_copy(tmp_path: Path, built_site: Path) -> Path:
    """A throwaway copy of the site's sources, for feeding the checks bad input.

    After the repository's own build (built_site), whose pages fill the shared build cache: a
    copy changes a page or two, so its build then converts those alone. In a fresh clone (CI) the
    cache starts empty, and copies built before it was filled each converted every page, side by
    side on two cores."""
    return copy_site(tmp_path)


def append_line(path: Path, text: str) -> int:
    """Append a paragraph to a Markdown file and return the line number it landed on."""
    content = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    line = content.count("\n") + 1
    path.write_text(content + text + "\n", encoding="utf-8")
    return line


def replace_once(path: Path, old: str, new: str) -> int:
    """Replace the one occurrence of `old` and return the line it starts on."""
    content = path.read_text(encoding="utf-8")
    assert content.count(old) == 1, f"{old!r} occurs {content.count(old)} times in {path}"
    line = content[: content.index(old)].count("\n") + 1
    path.write_text(content.replace(old, new), encoding="utf-8")
    return line


# --- Browser tests: Debian's Chromium driven by Playwright, against a local server ----------

CHROMIUM = Path(chromium.CHROMIUM)
CHROMIUM_FLAGS = chromium.CHROMIUM_FLAGS  # sdw.chromium, shared with the diagram fence and the benchmark
ARTIFACTS = ROOT / "test-artifacts"
# How long a browser test waits for search results: the page's worker builds the index from the
# whole site's text first, which took over 10 s on a two-core host with other builds running.
SEARCH_RESULTS_MS = 30_000


@pytest.fixture(scope="session")
def site_server(built_site: Path):
    from sdw.site_server import SiteServer  # served as GitHub Pages serves it

    server = SiteServer(built_site, SITE_URL).start()
    yield server
    server.close()


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(
            f"Chromium not found at {CHROMIUM}. The browser tests drive Debian's Chromium through Playwright: "
            "install it with `sudo apt-get install chromium` (or set CHROMIUM=/path/to/chromium). "
            "`playwright install` is not needed.",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


def site_files_requested(page, origin: str, prefix: str = urlsplit(SITE_URL).path) -> list[str]:
    """The site's files `page` asks `origin` for from now on, as paths from the site's root (the
    files a kept pass digests: tests/kept_passes.py); the list grows as the page loads."""
    requested: list[str] = []

    def record(request) -> None:
        if request.url.startswith(origin):
            requested.append(urlsplit(request.url).path.removeprefix(prefix))

    page.on("request", record)
    return requested


@pytest.fixture(scope="session")
def kept_passes(built_site: Path, browser):
    """The page tests' earlier passes (tests/kept_passes.py), for this build and browser; none
    reused in CI or with SDW_NO_TEST_CACHE=1, where every test runs and records its pass."""
    import kept_passes as kept

    return kept.KeptPasses(built_site, f"chromium {browser.version}", reuse=kept.reuse_enabled())


@pytest.fixture
def kept_pass(request: pytest.FixtureRequest, kept_passes):
    """`kept_pass.unchanged()`: this test passed before on the same code, browser and files (the
    test then returns at once); `kept_pass.keep(files)`: record this pass, as its last step.
    `kept_pass.in_site(folder)`: the same for a test of another build than built_site's."""
    import kept_passes as kept

    node = request.node

    class KeptPass:
        def __init__(self, passes) -> None:
            self.passes = passes

        def unchanged(self) -> bool:
            if not self.passes.unchanged(node.nodeid):
                return False
            node.user_properties.append(("kept_pass", True))
            return True

        def keep(self, files) -> None:
            self.passes.keep(node.nodeid, files)

        def in_site(self, site: Path) -> KeptPass:
            return KeptPass(kept.KeptPasses(site, kept_passes.environment, reuse=kept_passes.reuse))

    return KeptPass(kept_passes)


_kept_passes_used: list[str] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    # On the controller too under xdist: the workers' reports come with their properties.
    if report.when == "call" and report.passed and ("kept_pass", True) in report.user_properties:
        _kept_passes_used.append(report.nodeid)


def pytest_terminal_summary(terminalreporter) -> None:
    if _kept_passes_used:
        terminalreporter.write_line(
            f"{len(_kept_passes_used)} browser tests passed before on the same code, browser and "
            "files, and were not run again (tests/kept_passes.py; SDW_NO_TEST_CACHE=1 runs them)"
        )


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """`-n auto` (make test, CI, make bench): two workers a core. A worker often waits on another
    process (its browser's frames, a served rebuild, a copy's build), and at one worker a core the
    cores waited with it: a CI run on 7 December took 16 min 58 s of tests, the next, at two workers
    a core, 12 min 26 s; then the run is CPU-bound (bench/README.md). PYTEST_XDIST_AUTO_NUM_WORKERS,
    when set, still decides."""
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None
    return 2 * (os.cpu_count() or 1)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that do not read the built site first. Under xdist (--dist worksteal splits the list
    in order) one worker then starts on them, builds of their own included, while another
    builds the site, instead of waiting for it. In each half the long ones first: a worker left
    alone with one at the end idled the other core for half a minute."""

    def order(item: pytest.Item) -> tuple[bool, bool]:
        return "built_site" in getattr(item, "fixturenames", ()), not item.get_closest_marker("long")

    items.sort(key=order)


# --- One page through the site's Markdown extensions, without a build -------------------------


@functools.cache
def _markdown_settings(root: Path) -> tuple[list, dict, dict]:
    """The extensions and their settings as mkdocs.yml gives them (its !!python/name: resolved)."""
    from mkdocs.config import load_config

    config = load_config(str(root / "mkdocs.yml"))
    return list(config["markdown_extensions"]), dict(config["mdx_configs"]), dict(config["extra"])


@dataclass
class Converted:
    html: str
    warnings: list[str]


def convert(src_uri: str, text: str | None = None, root: Path = ROOT) -> Converted:
    """Convert one page as a build would (front matter aside), and collect the warnings it logs.

    `text` defaults to the page's own Markdown in `root`; pass `root=site_copy` to read a copy.
    """
    import markdown

    from sdw.context import PageContext

    docs = root / "docs"
    if text is None:
        text = (docs / src_uri).read_text(encoding="utf-8")
    body = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.DOTALL)
    extensions, configs, extra = _markdown_settings(ROOT)
    md = markdown.Markdown(extensions=extensions, extension_configs=configs)
    md.sdw_page = PageContext(src_uri, docs, root, {"extra": extra, "use_directory_urls": True}, "test", text)
    records: list[str] = []
    handler = logging.Handler(level=logging.WARNING)
    handler.emit = lambda record: records.append(record.getMessage())
    logger = logging.getLogger("mkdocs.sdw")
    logger.addHandler(handler)
    try:
        html = md.convert(body)
    finally:
        logger.removeHandler(handler)
    return Converted(html, records)
