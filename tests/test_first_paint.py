"""A table on a phone's first screen keeps its columns while the page is still being parsed.

A browser paints what it has parsed so far. A busy or slow phone can paint a table's first
rows before the parser reaches the rest; the columns are sized for those rows, and when the
rest arrive they change width and every row on screen moves. Seen once in CI as a layout shift
of 0.028 on the concepts index (a 26-row table of links and long descriptions), which is now a
list, and of 0.023 on the workflow overview (a five-column table, now blocks on a phone). These
tests hold each page's HTML in its first table, as a slow parser would, let the browser paint,
then send the rest, and read the layout shift as tests/test_browser.py does. They hold it twice,
after a quarter of its rows and after half: the workflow table moved by 0.0118 when cut after
its third row of twelve and by 0.0056 when cut at half (a few rows are sized by fewer words).
(Making the browser wait for the whole table, <link rel="expect" blocking="render">, cost every
such page 120 to 310 ms of first paint with the CPU slowed four times: the tables are kept
still instead.)
"""

from __future__ import annotations

import http.server
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import PAGES, SITE_URL
from selectolax.lexbor import LexborHTMLParser
from test_browser import AFTER_TWO_FRAMES, MAX_LAYOUT_SHIFT, RECORD_LAYOUT_SHIFTS

pytestmark = pytest.mark.browser

# Text before a table that still leaves it on a 375 x 667 px phone's first screen (about 25
# lines of 45 characters, less the header and the title), counted generously.
FIRST_SCREEN_CHARACTERS = 1500

# Each frame the browser draws, the rows of the article's first table (once it has one).
RECORD_FRAMES = """
window.__frames = [];
(function frame() {
  const table = document.querySelector("article table");
  if (table) window.__frames.push(table.rows.length);
  requestAnimationFrame(frame);
})();
"""


def first_screen_table(html: str) -> bool:
    """Whether the page's first table starts on a phone's first screen and has rows to add."""
    article = LexborHTMLParser(html).css_first("article")
    if article is None or article.css_first("table") is None:
        return False
    inner = article.html
    start = inner.index("<table")
    before = LexborHTMLParser(inner[:start]).body.text(deep=True)
    rows = inner[start : inner.index("</table>", start)].count("<tr")
    return len(before) <= FIRST_SCREEN_CHARACTERS and rows >= 4


# Where the held HTML stops: after this share of the first table's rows.
HOLD_AT = (0.25, 0.5)


class HeldTableServer:
    """The built site under site_url's path, but for the page given to hold(): its HTML stops at a
    row of its first table until release() is called."""

    def __init__(self, site: Path) -> None:
        prefix = urlsplit(SITE_URL).path.rstrip("/")
        server = self
        self.held: tuple[str, bytes, bytes] | None = None
        self.released = threading.Event()

        class Handler(http.server.SimpleHTTPRequestHandler):
            def do_GET(self) -> None:
                path = unquote(urlsplit(self.path).path)
                held = server.held
                if held is None or path != f"{prefix}/{held[0]}":
                    self.path = path.removeprefix(prefix) or "/"
                    super().do_GET()
                    return
                _, head, tail = held
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(head) + len(tail)))
                self.end_headers()
                self.wfile.write(head)
                self.wfile.flush()
                server.released.wait(30)
                self.wfile.write(tail)

            def log_message(self, *args) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), lambda *a: Handler(*a, directory=str(site)))
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}{prefix}/"

    def hold(self, page: str, html: str, share: float = 0.5) -> str:
        start = html.index("<table")
        end = html.index("</table>", start)
        rows = [i for i in range(start, end) if html.startswith("<tr", i)]
        cut = rows[max(1, min(len(rows) - 1, round(len(rows) * share)))]
        self.released = threading.Event()
        self.held = (page, html[:cut].encode(), html[cut:].encode())
        return self.base + page

    def close(self) -> None:
        self.released.set()
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="module")
def phone(browser, built_site: Path):
    """A phone-sized tab that records layout shifts and frames, and the server it loads from.
    One tab for every page: the stylesheets and scripts come from its cache after the first."""
    server = HeldTableServer(built_site)
    context = browser.new_context(viewport={"width": 375, "height": 667})
    tab = context.new_page()
    tab.add_init_script(RECORD_LAYOUT_SHIFTS)
    tab.add_init_script(RECORD_FRAMES)
    yield tab, server
    context.close()
    server.close()


def held_table_shift(phone, page: str, html: str, share: float = 0.5) -> tuple[float, list[str]]:
    """Load `page`, served as `html`; once the browser has painted `share` of its first table's
    rows, send the rest. The layout shift as the page loads, and what moved."""
    tab, server = phone
    tab.goto(server.hold(page, html, share), wait_until="commit")
    # Polled on a timer: frames are what it waits for.
    tab.wait_for_function("window.__frames && window.__frames.length > 0", polling=50, timeout=20_000)
    server.released.set()
    tab.wait_for_load_state("load")
    tab.evaluate(AFTER_TWO_FRAMES)
    return tab.evaluate("window.__layoutShift"), tab.evaluate("window.__shifted")


def test_a_table_whose_columns_move_as_rows_arrive_is_caught(phone, built_site: Path) -> None:
    """The check itself: a first table whose last rows hold long words widens its first column."""
    page = "workflow/"
    html = (built_site / page / "index.html").read_text(encoding="utf-8")
    short = "<tr><td>a</td><td>" + "words of a description " * 6 + "</td></tr>"
    long = "<tr><td>Internationalisation, characteristically</td><td>" + "words " * 20 + "</td></tr>"
    table = f"<table><thead><tr><th>Page</th><th>Use</th></tr></thead><tbody>{short * 12}{long * 2}</tbody></table>"
    # Right under the title, outside the page's own table and the class that lays it out.
    title = html.index("</h1>") + len("</h1>")
    bad = html[:title] + table + html[title:]
    shift, moved = held_table_shift(phone, page, bad)
    assert shift > MAX_LAYOUT_SHIFT, f"a table that widens its first column at row 13 moved by {shift:.4f} only"
    assert moved


def test_first_screen_tables_keep_their_columns_as_rows_arrive(phone, built_site: Path) -> None:
    problems = []
    for page in PAGES:
        if page.endswith(".html") or page == "print_page/":
            continue
        html = (built_site / page / "index.html").read_text(encoding="utf-8")
        if not first_screen_table(html):
            continue
        for share in HOLD_AT:
            shift, moved = held_table_shift(phone, page, html, share)
            if shift > MAX_LAYOUT_SHIFT:
                break
        if shift > MAX_LAYOUT_SHIFT:
            problems.append(
                f"{page}: a phone that paints {share:.0%} of its first table's rows before the rest is parsed "
                f"sees it move (layout shift {shift:.4f}, allowed {MAX_LAYOUT_SHIFT}); moved: {moved[:3]}. "
                "A table on the first screen must keep its column widths as rows arrive: make it a list, lay it "
                "out as blocks on a phone (overrides/assets/stylesheets/phone-tables.css), "
                "or move it below the first screen."
            )
    assert not problems, "\n".join(problems)
