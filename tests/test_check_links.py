"""scripts/check_links.py: each kind of broken link, fed into a copy, gives its exact message."""

from __future__ import annotations

import http.server
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import check_links
import pytest
from conftest import ROOT, append_line, run

PAGE = "workflow/step-1-requirements-clarification.md"
OTHER = "workflow/step-2-scale-estimation.md"


def check(root: Path, *args: str) -> tuple[int, list[str]]:
    result = run([sys.executable, str(ROOT / "scripts/check_links.py"), *args], cwd=root)
    return result.returncode, (result.stdout + result.stderr).splitlines()


@pytest.mark.long
def test_the_site_is_clean(site_copy: Path) -> None:
    code, lines = check(site_copy)
    assert code == 0, "\n".join(lines)
    assert len(lines) == 1 and lines[0].startswith("check_links: OK (")
    assert lines[0].endswith("offline; add --external to check other sites)")


def test_help_explains_the_check() -> None:
    result = run([sys.executable, "scripts/check_links.py", "--help"])
    assert result.returncode == 0
    assert "--external" in result.stdout
    assert "Exit codes: 0 no problems, 1 problems found, 2 usage or set-up error." in result.stdout


def test_a_missing_config_is_a_setup_error(tmp_path: Path) -> None:
    code, lines = check(tmp_path)
    assert (code, lines) == (
        2,
        [f"check_links: {tmp_path}/mkdocs.yml: not found; run from the repository root or pass --root"],
    )


# (what is broken, the Markdown appended to docs/PAGE, lines after the append, link, reason)
BROKEN = [
    ("missing page", "See [the missing page](missing.md).", 0, "missing.md", "no such file: docs/workflow/missing.md"),
    (
        "missing anchor on another page",
        "See [estimation](step-2-scale-estimation.md#no-such-part).",
        0,
        "step-2-scale-estimation.md#no-such-part",
        f"no anchor #no-such-part in docs/{OTHER}",
    ),
    (
        "misspelt page: the nearest file is suggested, as a link from this page",
        "See [estimation](step-2-scale-estimaton.md).",
        0,
        "step-2-scale-estimaton.md",
        "no such file: docs/workflow/step-2-scale-estimaton.md; did you mean step-2-scale-estimation.md?",
    ),
    (
        "misspelt anchor: the nearest heading's anchor is suggested",
        "See [the pitfalls](step-2-scale-estimation.md#common-pitfals).",
        0,
        "step-2-scale-estimation.md#common-pitfals",
        f"no anchor #common-pitfals in docs/{OTHER}; did you mean #common-pitfalls?",
    ),
    (
        "missing anchor on the same page",
        "See [above](#no-such-heading).",
        0,
        "#no-such-heading",
        "no such anchor on this page",
    ),
    (
        "missing image",
        "![A diagram](images/diagram.png)",
        0,
        "images/diagram.png",
        "no such file: docs/workflow/images/diagram.png",
    ),
    (
        "broken link in a table",
        "| Step | Page |\n|---|---|\n| 9 | [Nine](step-9.md) |",
        2,
        "step-9.md",
        "no such file: docs/workflow/step-9.md",
    ),
    (
        "broken link in an admonition",
        '!!! tip "Read more"\n    See [the glossary](glossary.md).',
        1,
        "glossary.md",
        "no such file: docs/workflow/glossary.md; did you mean ../reference/glossary.md?",
    ),
    (
        "broken reference-style link",
        "See [the appendix][appendix].\n\n[appendix]: appendix.md",
        2,
        "appendix.md",
        "no such file: docs/workflow/appendix.md",
    ),
    (
        "broken link in raw HTML",
        '<a href="raw-page.md">raw</a>',
        0,
        "raw-page.md",
        "no such file in the built site: workflow/step-1-requirements-clarification/raw-page.md",
    ),
]


@pytest.mark.long
def test_each_kind_of_broken_link_and_outside_asset_is_reported_where_it_is_written(site_copy: Path) -> None:
    """All the kinds at once (one build): each must come back at its own line, exactly, and an
    asset from another host where it is written: an image at its Markdown line, a script at its
    mkdocs.yml line."""
    expected = []
    for _, markdown, offset, link, reason in BROKEN:
        line = append_line(site_copy / "docs" / PAGE, markdown) + offset
        expected.append(f"docs/{PAGE}:{line}: {link}: {reason}")
    image = append_line(site_copy / "docs" / PAGE, "![Logo](https://example.com/logo.png)")
    # A style attribute on an element with text of its own (read as the element's text before).
    styled = append_line(site_copy / "docs" / PAGE, '<p style="background: url(https://example.com/bg.png)">Text</p>')
    script = append_line(site_copy / "mkdocs.yml", "extra_javascript:\n  - https://cdn.example.com/library.js") + 1
    expected += [
        f"docs/{PAGE}:{image}: https://example.com/logo.png: <img src> loads from another host; "
        "vendor it under docs/assets/ so the site works offline",
        f"docs/{PAGE}:{styled}: https://example.com/bg.png: CSS url() loads from another host; "
        "vendor it under docs/assets/ so the site works offline",
        f"mkdocs.yml:{script}: https://cdn.example.com/library.js: <script src> loads from another host; "
        "vendor it under docs/assets/ so the site works offline",
    ]
    code, lines = check(site_copy)
    assert code == 1
    assert sorted(lines[:-1]) == sorted(expected)
    assert lines[-1].startswith(f"check_links: {len(expected)} problems in 2 files (")


def test_a_single_broken_link_is_the_only_problem_and_the_check_modifies_nothing(site_copy: Path) -> None:
    line = append_line(site_copy / "docs" / PAGE, "See [the missing page](missing.md).")
    before = {p: p.read_bytes() for p in site_copy.rglob("*") if p.is_file()}
    code, lines = check(site_copy)
    assert (code, lines[:-1]) == (1, [f"docs/{PAGE}:{line}: missing.md: no such file: docs/workflow/missing.md"])
    assert lines[-1].startswith("check_links: 1 problem in 1 file (")
    after = {p: p.read_bytes() for p in site_copy.rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    assert after == before


# --- --external, against a server on 127.0.0.1 (never the internet) ---------------------------


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/ok":
            self.send_response(200)
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
        elif self.path == "/slow":
            time.sleep(3)  # past the check's timeout: the checker has hung up, so say nothing
            return
        else:
            self.send_response(404)
        self.end_headers()

    do_HEAD = do_GET

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def local_server() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_external_links_200_404_redirect_and_timeout(site_copy: Path, local_server: str) -> None:
    page = site_copy / "docs" / PAGE
    ok = append_line(page, f"[fine]({local_server}/ok)")
    gone = append_line(page, f"[gone]({local_server}/gone)")
    moved = append_line(page, f"[moved]({local_server}/moved)")
    slow = append_line(page, f"[slow]({local_server}/slow)")
    settings = site_copy / "lychee-test.toml"
    settings.write_text(
        'timeout = 1\nmax_retries = 0\nmax_concurrency = 2\nmax_cache_age = "1d"\n'
        'cache_exclude_status = "400.."\n'
        # Only the local server's links: the pages' own outside links must not make this test need a network.
        "exclude = ['.*']\ninclude = ['^http://127\\.0\\.0\\.1:']\n",
        encoding="utf-8",
    )
    code, lines = check(site_copy, "--external", "--config", str(settings))
    assert code == 1
    assert lines[:-1] == [
        f"docs/{PAGE}:{gone}: {local_server}/gone: Rejected status code: 404 Not Found",
        f"docs/{PAGE}:{slow}: {local_server}/slow: timed out (see timeout and max_retries in lychee.toml)",
        f"docs/{PAGE}:{moved}: {local_server}/moved: note: redirects to {local_server}/ok; link to that instead",
    ]
    assert lines[-1].startswith("check_links: 2 problems in 1 file (")
    assert lines[-1].endswith("offline and external)")
    # Successes are cached on disk (failures are not, so they are re-checked next run).
    cache = (site_copy / ".cache/lychee/.lycheecache").read_text(encoding="utf-8")
    assert f"{local_server}/ok," in cache and f"{local_server}/gone" not in cache
    assert ok  # the 200 is not reported


def test_a_missing_requirement_is_a_set_up_error_with_the_command_that_installs_it() -> None:
    # -S: no site-packages, as with a Python that the project's set-up never touched.
    result = run([sys.executable, "-S", "scripts/check_links.py"])
    assert result.returncode == 2
    assert result.stderr == (
        "scripts/check_links.py: needs the Python package 'selectolax': run `make setup`, then "
        ".venv/bin/python scripts/check_links.py\n"
    )


# Each kind of tag the asset pass reads, holding an outside URL, and tags that only refer to one.
FETCHING = [
    *(
        f'<{tag} {attribute}="https://cdn.example.com/x">'
        for tag, names in check_links.ASSET_ATTRIBUTES.items()
        for attribute in names
    ),
    '<img srcset="a.png 1x, //cdn.example.com/x.png 2x">',
    *(f'<link rel="{rel}" href="//cdn.example.com/x">' for rel in sorted(check_links.FETCHING_RELS)),
    '<p style="background: url(https://cdn.example.com/x.png)">Text</p>',
    "<style>body { background: url('//cdn.example.com/x.png') }</style>",
    '<IMG SRC="https://cdn.example.com/x.png">',
    # Inside a template, as each drawn diagram's shadow root is: out of Lexbor's selectors' reach.
    '<template shadowrootmode="open"><img src="https://cdn.example.com/x.png"></template>',
    '<template shadowrootmode="open"><svg><style>@import url(https://cdn.example.com/x.css);</style></svg></template>',
    '<div><template shadowrootmode="open">'
    '<p style="background: url(//cdn.example.com/x.png)">Text</p></template></div>',
    # Table parts, which a template's content keeps and a document parsed from its HTML would drop.
    '<template shadowrootmode="open"><tr><td style="background: url(//cdn.example.com/x.png)">a</td></tr></template>',
]
REFERRING = [
    '<a href="https://example.com/">a link</a>',
    '<link rel="canonical" href="https://example.com/">',
    '<img src="../assets/x.png" srcset="x.png 1x">',
    '<p style="color: red">https://example.com/ in words</p>',
    "<img src>",
    '<template shadowrootmode="open"><a href="https://example.com/">a link</a></template>',
]


@pytest.mark.parametrize("html", FETCHING + REFERRING)
def test_the_quick_look_finds_what_the_line_counting_pass_finds(html: str) -> None:
    """external_assets runs its exact pass (AssetReferences, which knows lines) only on pages the
    quick one (Lexbor) finds an outside asset on: the two must agree on every kind of tag the site
    writes, in upper or lower case, inside a template or not. (Where they differ, the browser sides
    with Lexbor: a repeated attribute counts once, by its first value; markup inside <textarea> or
    <title> is text; <image> is <img>. The stream would report the first two, wrongly, and misses the
    third, as it did before there was a quick look.)"""
    page = f"<!doctype html><html><head></head><body>{html}</body></html>"
    exact = check_links.AssetReferences()
    exact.feed(page)
    exact.close()
    found = any(check_links.is_external(url) for url, _, _ in exact.found)
    assert found == (html in FETCHING)
    assert check_links.may_load_from_another_host(page) == found
