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

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from sdw import preview


def on_startup(command: str, dirty: bool) -> None:
    preview.start(command)  # the warnings are collected there, across rebuilds


def on_pre_build(config: MkDocsConfig) -> None:
    preview.state.warnings.clear()


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if not preview.state.serving or not preview.state.warnings:
        return output
    mine = f"docs/{page.file.src_uri}:"
    warnings = sorted(preview.state.warnings, key=lambda text: mine not in text)
    items = "".join(f"<li><code>{html.escape(text)}</code></li>" for text in warnings)
    banner = (
        '<div class="admonition failure preview-warnings" role="alert">'
        f'<p class="admonition-title">This preview has {len(warnings)} build warning'
        f"{'s' if len(warnings) != 1 else ''}: a strict build (make build, make test) fails on "
        f"each</p><ul>{items}</ul></div>"
    )
    marker = '<article class="md-content__inner md-typeset">'
    return output.replace(marker, marker + banner, 1) if marker in output else output
