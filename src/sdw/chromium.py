"""Where Debian's Chromium is, and the flags every headless run here uses: one list for the
diagram hook (diagrams.py, beside this file), the browser tests and the benchmark.

It lives beside the hooks because a build needs it and a copy of the site carries overrides/.
Not a hook itself (mkdocs.yml lists those). The flags are DEVELOPERS.md's: without the
networking ones Chromium calls Google's hosts. CHROMIUM=/path/to/chromium points everything
at another binary.
"""

from __future__ import annotations

import os

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
