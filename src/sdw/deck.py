"""The Anki deck: every card of sdw.cards as a note, written with genanki.

The model and deck ids are constants, and each note's GUID is derived from its card's id, so a
reader who imports a newer deck gets their cards updated, with their review history, instead of
duplicated. Figures cited in questions and answers (<!-- md:fig snippet.name -->) are printed by
the same function as on the pages; the Markdown becomes the HTML Anki shows. A card's links are
written for the practice pages (../concepts/page.md#anchor); in the deck they become the page's
address on the published site (site_url in mkdocs.yml), since Anki has no page to resolve them from.

MkDocs writes the deck into the site (src/sdw/mkdocs_hooks/anki_deck.py); anywhere else:

    python -m sdw.deck OUT.apkg [--root DIR]
"""

from __future__ import annotations

import argparse
import functools
import logging
import os
import posixpath
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import genanki
import markdown
import yaml
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from sdw import cards, snippets

log = logging.getLogger("mkdocs.sdw.deck")

# Fixed forever: a new id would make Anki treat the deck and its note type as new ones.
MODEL_ID = 1_741_905_287
DECK_ID = 1_741_905_311
DECK_NAME = "System Design Workflow"
DECK_FILE = "practice/system-design-workflow.apkg"  # in the site, relative to its root
FIGURE = re.compile(r"<!--\s*md:fig\s+(?P<name>[\w.]+)\s*-->")
CARD_PAGES = "practice"  # the folder of the pages that show the cards: their links start there

MODEL = genanki.Model(
    MODEL_ID,
    "System Design Workflow card",
    fields=[{"name": "Question"}, {"name": "Answer"}, {"name": "Section"}, {"name": "Id"}],
    templates=[
        {
            "name": "Card 1",
            "qfmt": '<div class="question">{{Question}}</div>',
            "afmt": '{{FrontSide}}<hr id="answer"><div class="answer">{{Answer}}</div>'
            '<p class="section">{{Section}}</p>',
        }
    ],
    css=(
        ".card{font-family:system-ui,sans-serif;font-size:18px;line-height:1.5;text-align:left;"
        "max-width:40em;margin:0 auto;padding:0 1em}"
        ".question{font-weight:600}.section{font-size:14px;opacity:.7}"
    ),
    sort_field_index=0,
)


class _AbsoluteLinks(Treeprocessor):
    """Each link's href made an address under `site` (absolute() below), on the parsed tree."""

    def __init__(self, md: markdown.Markdown, site: str) -> None:
        super().__init__(md)
        self.site = site

    def run(self, root) -> None:
        for link in root.iter("a"):
            if (href := link.get("href")) is not None:
                link.set("href", absolute(href, self.site))


class _AbsoluteLinksExtension(Extension):
    def __init__(self, site: str) -> None:
        super().__init__()
        self.site = site

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_AbsoluteLinks(md, self.site), "sdw_deck_absolute_links", 0)


@functools.lru_cache(maxsize=4096)
def _converted(text: str, site: str = "") -> str:
    """markdown.markdown, kept per text: the preview builds the deck again after any snippet's
    edit (cards cite figures), and most cards' text, figures filled in, is unchanged. With `site`,
    links become addresses under it."""
    return markdown.markdown(text, extensions=[_AbsoluteLinksExtension(site)] if site else [])


def printed_figure(name: str, where: str) -> str:
    """The figure `snippet.name` as a card prints it: as the pages print it, or "?" after a warning."""
    from sdw.shortcodes import figure

    value = figure(name, where)
    return "?" if value is None else str(value)


def site_url(root: Path) -> str:
    """The published site's address, from mkdocs.yml (not the build's config: `mkdocs serve`
    sets its own, and the deck a reader downloads must link the published pages)."""
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    return config["site_url"].rstrip("/") + "/"


def absolute(href: str, site: str) -> str:
    """A card's link as an address on the site: ../concepts/page.md#anchor, written for the
    practice pages, becomes SITE/concepts/page/#anchor (the site's directory URLs). Addresses
    with a scheme (https:, mailto:) are kept."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return href
    path = parts.path
    if path:
        path = posixpath.normpath(posixpath.join(CARD_PAGES, path))
        if path.endswith(".md"):
            folder, name = posixpath.split(path.removesuffix(".md"))
            path = posixpath.join(folder, "" if name == "index" else name + "/")
    else:
        path = CARD_PAGES + "/"
    path = path.lstrip("/")
    return site + path + (f"#{parts.fragment}" if parts.fragment else "")


def html(text: str, where: str, figure: Callable[[str, str], str] = printed_figure, site: str = "") -> str:
    """A card's Markdown as HTML, its figures printed by `figure` (the preview's keeps them), its
    links made absolute under `site` when one is given (the deck's)."""

    def cite(match: re.Match) -> str:
        return figure(match["name"], where)

    rendered = _converted(FIGURE.sub(cite, text), site)
    # A one-paragraph question reads better without its <p>.
    if rendered.count("<p>") == 1 and rendered.startswith("<p>") and rendered.endswith("</p>"):
        rendered = rendered[3:-4]
    return rendered


def notes(root: Path, figure: Callable[[str, str], str] = printed_figure) -> list[genanki.Note]:
    deck = cards.load(root)
    for problem in deck.problems:
        log.warning(problem)
    snippets.use(root / "docs" / "snippets")
    site = site_url(root)
    result = []
    for card in deck.cards:
        where = f"{card.source}: card '{card.id}'"
        result.append(
            genanki.Note(
                model=MODEL,
                fields=[
                    html(card.question, where, figure, site),
                    html(card.answer, where, figure, site),
                    deck.sections[card.section],
                    card.id,
                ],
                tags=list(dict.fromkeys(tag.replace(" ", "-") for tag in (card.section, *card.tags))),
                guid=genanki.guid_for(card.id),
            )
        )
    return result


def write(root: Path, out: Path, figure: Callable[[str, str], str] = printed_figure) -> int:
    """Write the deck to `out`; return how many notes it holds (`figure` prints a cited figure)."""
    deck = genanki.Deck(DECK_ID, DECK_NAME, description="Flashcards from the System Design Workflow guide.")
    for note in notes(root, figure):
        deck.add_note(note)
    # Anki updates a note on import only when it is newer: the build's time, or a reproducible one.
    timestamp = float(os.environ["SOURCE_DATE_EPOCH"]) if "SOURCE_DATE_EPOCH" in os.environ else None
    out.parent.mkdir(parents=True, exist_ok=True)
    genanki.Package(deck).write_to_file(str(out), timestamp=timestamp)
    return len(deck.notes)


def build(root: Path, figure: Callable[[str, str], str] = printed_figure) -> bytes:
    """The deck as bytes, written through a temporary file (genanki writes SQLite to a path)."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "deck.apkg"
        write(root, out, figure)
        return out.read_bytes()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--root", type=Path, default=Path("."))
    args = parser.parse_args(argv)
    logging.basicConfig(format="%(message)s")
    count = write(args.root.resolve(), args.out)
    print(f"{args.out}: {count} cards")
    return 0


if __name__ == "__main__":
    sys.exit(main())
