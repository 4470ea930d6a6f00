"""In a preview (`mkdocs serve`), run the coverage check on every rebuild and log its problems.

scripts/check_coverage.py checks what a build does not: each step page's skeleton headings and
key questions, each example's pages, nav order and links back. Run as part of the preview, a
contributor sees a missing heading or question at once, in the terminal and, through
preview_warnings.py, at the top of every page, instead of at `make test`. It takes a fraction of
a second. A build (`mkdocs build`) does not run it: `make check` and the tests do.

MkDocs-only, like every hook (Zensical runs none).
"""

from __future__ import annotations

import logging
import runpy
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from sdw import preview

log = logging.getLogger("mkdocs.sdw.preview_checks")


def on_startup(command: str, dirty: bool) -> None:
    preview.start(command)


def on_pre_build(config: MkDocsConfig) -> None:
    if not preview.state.serving:
        return
    root = Path(config.config_file_path).parent
    script = root / "scripts" / "check_coverage.py"
    if not script.exists():
        log.warning(f"{script} not found: the preview cannot check coverage")
        return
    # The check is a script to run, not a module to import: load it from its file. Loaded
    # without what it needs, it exits (status 2, the install command on stderr); the preview
    # says so on the page and keeps serving.
    # Loaded once per version of the script, so that its cache of parsed pages lasts.
    status = script.stat()
    version = (str(script), status.st_mtime_ns, status.st_size)
    if preview.state.coverage_check is None or preview.state.coverage_check[0] != version:
        try:
            preview.state.coverage_check = (version, runpy.run_path(str(script), run_name="check_coverage"))
        except SystemExit:
            log.warning(
                f"{script.name} cannot run in this environment (see above); the preview skips the coverage check"
            )
            return
    check = preview.state.coverage_check[1]
    try:
        problems, _ = check["run"](root)
    except check["SetupError"] as error:
        log.warning(f"check_coverage: {error}")
        return
    for problem in problems:
        log.warning(problem)
