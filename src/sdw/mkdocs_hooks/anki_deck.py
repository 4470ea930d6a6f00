"""MkDocs hook: the Anki deck (src/sdw/deck.py) as a file of the site, practice/*.apkg.

Added to MkDocs' files before pages are converted, so that the practice pages link it as an
ordinary file (MkDocs checks the link) and every build carries it: the site, the offline copy
(mkdocs-offline.yml inherits this hook) and the preview. A hook, not a Markdown extension: an
extension converts a page and cannot add a file to the site. Zensical runs no hooks, so its
build has no deck; `python -m sdw.deck site/practice/system-design-workflow.apkg` writes one.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File, Files

from sdw import deck


def on_files(files: Files, config) -> Files:
    root = Path(config["config_file_path"]).parent
    files.append(File.generated(config, deck.DECK_FILE, content=deck.build(root)))
    return files
