"""MkDocs hook: the print page's heading ids renamed in a tenth of the time, with the same result.

See src/sdw/print_anchors.py. MkDocs-only, like every hook and like the print-site plugin.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from sdw import print_anchors


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    print_anchors.install()
    return config
