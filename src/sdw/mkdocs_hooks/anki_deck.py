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

from sdw import build_cache, deck, preview


def on_files(files: Files, config) -> Files:
    root = Path(config["config_file_path"]).parent
    files.append(File.generated(config, deck.DECK_FILE, content=_deck(root)))
    return files


def _deck(root: Path) -> bytes:
    # The preview, and a build, reuse the deck while its inputs (data, snippets, code) are
    # unchanged; the preview_cache hook, listed first, has fingerprinted them. A deck that warned
    # is built again, so it warns again.
    if not preview.state.caching:
        return deck.build(root)
    key = preview.deck_key()
    if preview.state.deck and preview.state.deck[0] == key:
        return preview.state.deck[1]
    content = build_cache.load(preview.state.root, "deck", key)
    if content is None:
        warnings = len(preview.state.warnings)
        content = deck.build(root, preview.card_figure)
        if len(preview.state.warnings) > warnings:
            return content
        build_cache.store(preview.state.root, "deck", key, content)
    preview.state.deck = (key, content)
    return content
