"""Serve a built site on 127.0.0.1 the way GitHub Pages does, to test and measure it.

  - under site_url's path (/system-design-workflow/): Material's instant navigation only
    follows links below it;
  - text gzipped when the browser accepts it, as a real host sends it;
  - 404.html, with status 404, for any unknown address;
  - sitemap.xml with site_url replaced by this server's address: instant navigation maps the
    sitemap's URLs onto the page's host, which on GitHub Pages is the site's own.

`base` serves the same build under another path instead (a fork's address, a custom domain's
root): the site must work wherever it is served. The browser tests (tests/conftest.py) and
the benchmark (scripts/bench.py) use it. Alone:

  mkdocs build && python scripts/site_server.py site/ [--port 8000] [--base /]
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import io
import sys
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

ROOT = Path(__file__).resolve().parents[2]  # the repository (the package is installed editable)
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")


@functools.lru_cache(maxsize=512)
def _gzipped(body: bytes) -> bytes:
    # Every page load asks for the same stylesheets and scripts: compress each once.
    return gzip.compress(body, compresslevel=6, mtime=0)


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        # A browser that navigates away hangs up on what it no longer wants: not an error.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


class SiteServer:
    def __init__(self, site_dir: Path, site_url: str, port: int = 0, base: str | None = None) -> None:
        prefix = (urlsplit(site_url).path if base is None else base).rstrip("/")
        server = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            def send_head(self):
                path = unquote(urlsplit(self.path).path)
                if not path.startswith(prefix + "/"):
                    return self._not_found()
                file = Path(self.translate_path(path[len(prefix) :]))
                if file.is_dir():
                    if not path.endswith("/"):
                        self.send_response(301)
                        self.send_header("Location", path + "/")
                        self.send_header("Content-Length", "0")
                        self.end_headers()
                        return None
                    file = file / "index.html"
                if not file.is_file():
                    return self._not_found()
                body = file.read_bytes()
                if path == f"{prefix}/sitemap.xml":
                    body = body.replace(site_url.encode(), server.base.encode())
                return self._send(200, body, self.guess_type(str(file)))

            def _not_found(self):
                page = site_dir / "404.html"
                body = page.read_bytes() if page.is_file() else b"Not found"
                return self._send(404, body, "text/html; charset=utf-8")

            def _send(self, status: int, body: bytes, kind: str):
                self.send_response(status)
                self.send_header("Content-Type", kind)
                if kind.startswith(COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", ""):
                    body = _gzipped(body)
                    self.send_header("Content-Encoding", "gzip")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                return io.BytesIO(body)

            def log_message(self, *args) -> None:
                pass

        self.httpd = _Server(("127.0.0.1", port), functools.partial(Handler, directory=str(site_dir)))
        self.httpd.daemon_threads = True
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.base = f"{self.origin}{prefix}/"

    def start(self) -> SiteServer:
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self

    def url(self, path: str = "") -> str:
        return self.base + path.lstrip("/")

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site_dir", type=Path, help="a built site (mkdocs build)")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help="where to read site_url")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--base", help="serve under this path instead of site_url's (e.g. / or /fork/)")
    args = parser.parse_args(argv)
    if not (args.site_dir / "index.html").is_file():
        print(f"site_server: {args.site_dir} holds no index.html; build the site first", file=sys.stderr)
        return 2
    config = yaml.load(args.config.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    server = SiteServer(args.site_dir, config["site_url"], args.port, args.base)
    print(f"site_server: {server.base}")
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C ends it quietly
        server.httpd.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
