"""MkDocs hook: MkDocs' warnings about broken links and anchors name their line and the likely fix.

`docs/workflow/index.md:12: missing.md: no such file: docs/workflow/missing.md; did you mean
step-1-requirements-clarification.md?` instead of MkDocs' sentence without a line: see
src/sdw/link_warnings.py. In the strict build, the preview (terminal and banner) and
scripts/check_links.py alike. MkDocs-only, like every hook; Zensical words its own warnings.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from sdw import link_warnings


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    link_warnings.install(config.docs_dir)
    return config
