"""Shared fixtures: the repository, a site built once per session, and throwaway copies."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "docs" / "snippets"
# What a site needs to build: copying these gives a check something to break safely.
SITE_SOURCES = ("mkdocs.yml", "docs", "overrides", "lychee.toml", ".diagrams")

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, leaving its `!!python/name:` references unresolved."""


_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
MKDOCS = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
SITE_URL: str = MKDOCS["site_url"]
if str(SNIPPETS) not in sys.path:
    sys.path.insert(0, str(SNIPPETS))


def run(args: list[str], cwd: Path = ROOT, **kwargs) -> subprocess.CompletedProcess:
    """Run a command the way a contributor would, capturing its output as text."""
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, **kwargs)


def mkdocs_build(root: Path, site_dir: Path) -> subprocess.CompletedProcess:
    # No -q: `mkdocs build --strict -q` exits 0 even with broken links.
    return run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)], cwd=root)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built once with --strict; every build test reads this copy."""
    site_dir = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, site_dir)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    return site_dir


@pytest.fixture
def site_copy(tmp_path: Path) -> Path:
    """A throwaway copy of the site's sources, for feeding the checks bad input."""
    for name in SITE_SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, tmp_path / name)
    return tmp_path


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

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
# As DEVELOPERS.md prescribes: without the networking flags Chromium calls Google's hosts.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = ROOT / "test-artifacts"


class SiteServer:
    """Serves a built site on 127.0.0.1 as GitHub Pages does: under site_url's path (Material's
    instant navigation only handles links below it), with 404.html for unknown paths."""

    def __init__(self, site_dir: Path, prefix: str, site_url: str = "") -> None:
        import functools
        import http.server
        import threading

        server = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            def do_GET(self) -> None:
                # Material's instant navigation only follows links listed in sitemap.xml, and
                # maps its URLs onto this host without the port. Served from its own site_url,
                # as on GitHub Pages, the site lists its own URLs: stand in for that here.
                if site_url and self.path == f"{prefix}/sitemap.xml":
                    body = (site_dir / "sitemap.xml").read_bytes().replace(site_url.encode(), server.base.encode())
                    self.send_response(200)
                    self.send_header("Content-Type", "application/xml")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                    return
                super().do_GET()

            def translate_path(self, path: str) -> str:
                if prefix and path.startswith(prefix + "/"):
                    return super().translate_path(path[len(prefix) :])
                return super().translate_path("/no-such-file")  # outside the site: 404

            def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
                if code == 404 and (site_dir / "404.html").exists():
                    body = (site_dir / "404.html").read_bytes()
                    self.send_response(404)
                    self.send_header("Content-Type", "text/html; charset=utf-8")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                else:
                    super().send_error(code, message, explain)

            def log_message(self, *args) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(Handler, directory=str(site_dir))
        )
        self.httpd.daemon_threads = True
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.base = f"{self.origin}{prefix}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def url(self, path: str = "") -> str:
        return self.base + path.lstrip("/")

    def close(self) -> None:
        self.httpd.shutdown()


@pytest.fixture(scope="session")
def site_server(built_site: Path):
    from urllib.parse import urlsplit

    server = SiteServer(built_site, urlsplit(SITE_URL).path.rstrip("/"), SITE_URL)
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
