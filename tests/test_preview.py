"""The contributor's preview (`make serve`'s command): it keeps answering with warnings in the
tree, and shows them, the coverage check's included, at the top of the page."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from conftest import SITE_URL, replace_once

PAGE = "workflow/step-1-requirements-clarification.md"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str, deadline: float) -> str:
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def test_the_preview_serves_and_shows_every_warning(site_copy: Path) -> None:
    page = site_copy / "docs" / PAGE
    text = page.read_text(encoding="utf-8")
    shortcode_line = replace_once(page, "## Why it matters", "<!-- md:stepz-table -->\n\n## Why it matterz")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-strict", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=site_copy,
        env={**os.environ, "SDW_FULL_BUILD": "false"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}{urlsplit(SITE_URL).path}"
        html = fetch(base + "workflow/step-1-requirements-clarification/", time.monotonic() + 90)
    finally:
        server.send_signal(signal.SIGINT)  # as Ctrl-C: MkDocs removes its temporary site
        _, stderr = server.communicate(timeout=30)
    assert "preview-warnings" in html
    assert f"docs/{PAGE}:{shortcode_line}: unknown shortcode &#x27;md:stepz-table&#x27;" in html
    heading_line = shortcode_line + 2
    assert (
        f"docs/{PAGE}:{heading_line}: section &quot;## Why it matterz&quot; should be &quot;## Why it matters&quot;"
    ) in html
    assert f"docs/{PAGE}:{shortcode_line}: unknown shortcode 'md:stepz-table'" in stderr
    assert text  # the page was read before it was changed
