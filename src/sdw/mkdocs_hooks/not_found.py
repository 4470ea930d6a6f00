"""Make the 404 page self-contained: its stylesheets, icon and scripts inlined, nothing requested.

A host serves 404.html at the missing page's own address, at any depth, so MkDocs names the
page's files from site_url's path: wherever else the build is served (a custom domain's root,
a fork's path) they are not found, and the page shows unstyled with failed requests. Inlined,
they need no address. overrides/404.html decides what the page carries (Material's stylesheets
and the site's, and overrides/assets/javascripts/not-found.js instead of Material's bundle);
this hook inlines every stylesheet, icon and script it names from the site, leaves out
print-site's stylesheets (the print page's alone), and fails a strict build, naming this file,
if the page would still request anything. README, "Addresses".
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from urllib.parse import quote, urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils import is_error_template

log = logging.getLogger("mkdocs.hooks.not_found")

LINK = re.compile(r"<link\b[^>]*>")
SCRIPT = re.compile(r"<script\b([^>]*?)\s+src=\"([^\"]*)\"([^>]*)></script>")
ATTRIBUTE = re.compile(r"([\w-]+)=\"([^\"]*)\"")
SOURCE_MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/\s*$")
# What a browser would fetch by itself as the page loads.
REQUESTS = re.compile(r"<(?:link|script|img|source|iframe)\b[^>]*\b(?:src|href|srcset)=\"(?!data:|#)[^\"]+\"[^>]*>")
PRINT_SITE = "css/print-site"


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    if not is_error_template(template_name):
        return output
    root = urlsplit(config.site_url or "/").path
    root = root if root.endswith("/") else root + "/"
    site = Path(config.site_dir)  # the theme's files are copied before the static templates
    problems: list[str] = []

    def read(href: str) -> str | None:
        file = site / href.removeprefix(root)
        if not href.startswith(root) or not file.is_file():
            problems.append(f"cannot inline {href}: not a file of the build")
            return None
        return file.read_text(encoding="utf-8")

    def inline_link(match: re.Match) -> str:
        attributes = dict(ATTRIBUTE.findall(match.group(0)))
        href, rel = attributes.get("href", ""), attributes.get("rel", "").split()
        if not href.startswith(root):
            return match.group(0)
        if "stylesheet" in rel:
            if href.removeprefix(root).startswith(PRINT_SITE):
                return ""
            css = read(href)
            return (
                match.group(0) if css is None else f"<style>{closing_tag_free(SOURCE_MAP.sub('', css), href)}</style>"
            )
        if "icon" in rel and href.endswith(".svg"):
            svg = read(href)
            return (
                match.group(0) if svg is None else f'<link rel="icon" href="data:image/svg+xml,{quote(svg.strip())}">'
            )
        return match.group(0)

    def inline_script(match: re.Match) -> str:
        before, src, after = match.groups()
        code = read(src)
        if code is None:
            return match.group(0)
        return f"<script{before}{after}>{closing_tag_free(SOURCE_MAP.sub('', code), src)}</script>"

    def closing_tag_free(text: str, name: str) -> str:
        if re.search(r"</(?:style|script)", text, re.IGNORECASE):
            problems.append(f"cannot inline {name}: it contains a closing </style> or </script>")
        return text

    output = SCRIPT.sub(inline_script, LINK.sub(inline_link, output))
    problems += [f"still requests {tag}" for tag in REQUESTS.findall(output)]
    for problem in problems:
        log.warning(
            f"{template_name}: {problem}; the 404 page must be self-contained to work at any address "
            "(src/sdw/mkdocs_hooks/not_found.py)"
        )
    return output
