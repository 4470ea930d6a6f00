"""scripts/site_server.py serves a build as GitHub Pages does: under site_url, gzipped, with 404.html."""

from __future__ import annotations

import gzip
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import ROOT, run

from sdw.site_server import SiteServer

SITE_URL = "https://example.org/guide/"


@pytest.fixture
def server(tmp_path: Path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text("<p>home</p>", encoding="utf-8")
    (tmp_path / "a" / "index.html").write_text("<p>page a</p>", encoding="utf-8")
    (tmp_path / "404.html").write_text("<p>lost</p>", encoding="utf-8")
    (tmp_path / "sitemap.xml").write_text(f"<loc>{SITE_URL}a/</loc>", encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG not really")
    started = SiteServer(tmp_path, SITE_URL).start()
    yield started
    started.close()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None


def get(url: str, gzip_ok: bool = False) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    try:
        with urllib.request.build_opener(NoRedirect).open(request) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_pages_are_served_under_the_site_path(server) -> None:
    assert server.base.endswith("/guide/")
    assert get(server.url("a/"))[::2] == (200, b"<p>page a</p>")
    assert get(server.url())[::2] == (200, b"<p>home</p>")


def test_a_folder_without_its_slash_is_redirected(server) -> None:
    status, headers, _ = get(server.url("a"))
    assert (status, headers["Location"]) == (301, "/guide/a/")


def test_unknown_addresses_get_the_404_page_with_status_404(server) -> None:
    assert get(server.url("missing/"))[::2] == (404, b"<p>lost</p>")
    assert get(server.origin + "/a/")[::2] == (404, b"<p>lost</p>")  # outside the site's path


def test_text_is_gzipped_when_the_browser_accepts_it_and_images_are_not(server) -> None:
    status, headers, body = get(server.url("a/"), gzip_ok=True)
    assert (status, headers["Content-Encoding"], gzip.decompress(body)) == (200, "gzip", b"<p>page a</p>")
    status, headers, body = get(server.url("logo.png"), gzip_ok=True)
    assert ("Content-Encoding" in headers, body) == (False, b"\x89PNG not really")


def test_the_sitemap_names_this_server_instead_of_site_url(server) -> None:
    assert get(server.url("sitemap.xml"))[2] == f"<loc>{server.base}a/</loc>".encode()


def test_run_alone_without_a_build_it_says_what_to_do(tmp_path: Path) -> None:
    result = run([sys.executable, str(ROOT / "scripts" / "site_server.py"), str(tmp_path)])
    assert (result.returncode, result.stderr) == (
        2,
        f"site_server: {tmp_path} holds no index.html; build the site first\n",
    )
