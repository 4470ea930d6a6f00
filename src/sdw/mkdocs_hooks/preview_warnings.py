"""In a preview (`mkdocs serve`), show the build's warnings on the page as well as in the terminal.

The preview runs without --strict (`make serve`), so a warning never stops it from answering;
without this hook it would be easy to miss. Each page gets a banner at the top of its content
listing the build's warnings, those that name this page first. MkDocs renders every page's
Markdown before it writes any page, so each banner sees the whole build's warnings.

MkDocs-only: Zensical runs no hooks, and has its own preview. A build (`mkdocs build`) is not
touched: there, --strict turns every warning into a failure.
"""

from __future__ import annotations

import html
import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

_state: dict = {"serving": False, "warnings": []}


class _Collector(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.WARNING:
            _state["warnings"].append(record.getMessage())


_collector = _Collector()


def on_startup(command: str, dirty: bool) -> None:
    _state["serving"] = command == "serve"
    logger = logging.getLogger("mkdocs")
    if _state["serving"] and _collector not in logger.handlers:
        logger.addHandler(_collector)


def on_pre_build(config: MkDocsConfig) -> None:
    _state["warnings"] = []


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if not _state["serving"] or not _state["warnings"]:
        return output
    mine = f"docs/{page.file.src_uri}:"
    warnings = sorted(_state["warnings"], key=lambda text: mine not in text)
    items = "".join(f"<li><code>{html.escape(text)}</code></li>" for text in warnings)
    banner = (
        '<div class="admonition failure preview-warnings" role="alert">'
        f'<p class="admonition-title">This preview has {len(warnings)} build warning'
        f"{'s' if len(warnings) != 1 else ''}: a strict build (make build, make test) fails on "
        f"each</p><ul>{items}</ul></div>"
    )
    marker = '<article class="md-content__inner md-typeset">'
    return output.replace(marker, marker + banner, 1) if marker in output else output
