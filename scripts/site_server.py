#!/usr/bin/env python3
"""Serve a built site on 127.0.0.1 as GitHub Pages serves it (the server is sdw.site_server).

    python scripts/site_server.py site/ [--port 8000] [--base /another/path/]

Exit codes: 0 stopped with Ctrl-C; 2 usage or set-up error.
"""

from __future__ import annotations

import sys

try:
    from sdw.site_server import main
except ModuleNotFoundError as missing:  # run outside the project's environment
    print(
        f"scripts/site_server.py: needs {missing.name!r}: run `make setup`, then .venv/bin/python "
        "scripts/site_server.py",
        file=sys.stderr,
    )
    raise SystemExit(2) from None

if __name__ == "__main__":
    sys.exit(main())
