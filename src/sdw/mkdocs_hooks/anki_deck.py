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

from sdw import deck, preview


def on_files(files: Files, config) -> Files:
    root = Path(config["config_file_path"]).parent
    files.append(File.generated(config, deck.DECK_FILE, content=_deck(root)))
    return files


def _deck(root: Path) -> bytes:
    # The preview reuses the deck while its inputs (data, snippets, code) are unchanged; the
    # preview_cache hook, listed first, has fingerprinted them. A deck that warned is rebuilt.
    if preview.state.serving and preview.state.deck and preview.state.deck[0] == preview.state.inputs:
        return preview.state.deck[1]
    warnings = len(preview.state.warnings)
    content = deck.build(root)
    if preview.state.serving and len(preview.state.warnings) == warnings:
        preview.state.deck = (preview.state.inputs, content)
    return content
