"""What a Markdown extension knows of the page it is converting, under MkDocs or Zensical.

Python-Markdown gives an extension the text, not the page. Both engines leave the page on the
Markdown instance, each in its own way; this module is the one place that knows both.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markdown import Markdown


@dataclass(frozen=True)
class PageContext:
    src_uri: str  # the page's path relative to docs_dir, with forward slashes
    docs_dir: Path
    root: Path  # the folder holding mkdocs.yml
    config: Any  # the engine's configuration: a mapping with "extra", "site_url"...
    engine: str  # "mkdocs" or "zensical"
    text: str | None = None  # the page's Markdown, front matter included, when not read from its file

    @property
    def source(self) -> Path:
        return self.docs_dir / self.src_uri

    def read(self) -> str:
        """The page's Markdown as written, front matter included ("" if it has no file)."""
        if self.text is not None:
            return self.text
        try:
            return self.source.read_text(encoding="utf-8")
        except OSError:
            return ""

    def where(self, line: int) -> str:
        """`docs/page.md:12`, as every message names a place."""
        return f"{self.docs_dir.name}/{self.src_uri}:{line}"


def page_context(md: Markdown) -> PageContext | None:
    """The page `md` is converting, or None (Markdown converted outside a site build)."""
    # Set directly by a caller that converts one page by itself (the tests do).
    if isinstance(given := getattr(md, "sdw_page", None), PageContext):
        return given
    # MkDocs registers its link rewriter, which holds the page's file and the config, on each
    # page's Markdown instance before converting it.
    if "relpath" in md.treeprocessors:
        relpath = md.treeprocessors["relpath"]
        file, config = getattr(relpath, "file", None), getattr(relpath, "config", None)
        if file is not None and config is not None:
            return PageContext(
                src_uri=file.src_uri,
                docs_dir=Path(config["docs_dir"]),
                root=Path(config["config_file_path"]).parent,
                config=config,
                engine="mkdocs",
            )
    # Zensical registers a preprocessor that holds the page and the config.
    for processor in md.preprocessors:
        if type(processor).__name__ == "ContextPreprocessor" and hasattr(processor, "page"):
            config = processor.config
            root = Path(config.get("root_dir") or ".").resolve()
            docs_dir = (root / config.get("docs_dir", "docs")).resolve()
            return PageContext(
                src_uri=Path(processor.page.path).as_posix(),
                docs_dir=docs_dir,
                root=root,
                config=config,
                engine="zensical",
            )
    return None
