"""Flashcards from one source (sdw.cards): the Anki deck (sdw.deck) and the practice pages.

The deck is opened as Anki would: a zip holding a SQLite collection. Its notes are compared with
the source, and a second build shows that each note keeps its GUID, so that importing a newer
deck updates a reader's cards instead of duplicating them.
"""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import sqlite3
import zipfile
from pathlib import Path

import genanki
import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, convert

from sdw import cards, deck, glossary, snippets
from sdw.data import load_examples, load_steps

DECK = cards.load(ROOT)


def notes_of(apkg: Path, tmp_path: Path) -> list[dict]:
    with zipfile.ZipFile(apkg) as archive:
        name = next(n for n in ("collection.anki21", "collection.anki2") if n in archive.namelist())
        archive.extract(name, tmp_path)
    with sqlite3.connect(tmp_path / name) as db:
        rows = db.execute("SELECT guid, flds, tags, mid FROM notes").fetchall()
        decks = db.execute("SELECT decks, models FROM col").fetchone()
    fields = ("question", "answer", "section", "id")
    return [
        {"guid": guid, **dict(zip(fields, flds.split("\x1f"), strict=True)), "tags": tags.split(), "model": mid}
        for guid, flds, tags, mid in rows
    ] + [{"decks": decks[0], "models": decks[1]}]


@pytest.fixture(scope="module")
def built_twice(tmp_path_factory) -> tuple[list[dict], list[dict]]:
    folder = tmp_path_factory.mktemp("deck")
    first, second = folder / "one.apkg", folder / "two.apkg"
    deck.write(ROOT, first)
    deck.write(ROOT, second)
    return notes_of(first, folder / "a"), notes_of(second, folder / "b")


def test_the_source_has_a_hundred_cards_or_more_with_unique_ids() -> None:
    assert DECK.problems == []
    assert len(DECK.cards) >= 100
    assert len({card.id for card in DECK.cards}) == len(DECK.cards)


def test_every_term_and_follow_up_is_a_card() -> None:
    ids = {card.id: card for card in DECK.cards}
    for entry in glossary.load_glossary(ROOT):
        card = ids[glossary.anchor(entry["term"])]
        assert card.question == f'What does "{entry["term"]}" mean?'
        assert card.answer.startswith(" ".join(entry["definition"].split()))
    for example in load_examples(ROOT)["examples"]:
        for follow_up in example.get("follow_ups") or []:
            assert ids[follow_up["id"]].section == f"example-{example['name']}"
    hand_written = yaml.safe_load((ROOT / cards.CARDS_FILE).read_text(encoding="utf-8"))
    assert all(entry["id"] in ids for entry in hand_written)


def key_question_problems(deck_: cards.Deck, steps: dict) -> list[str]:
    """Every key question of every step is the question of exactly one card in its step's section."""
    problems = []
    for step in steps["steps"]:
        section = f"step-{step['number']}"
        for question in step["key_questions"]:
            found = [card.id for card in deck_.in_section(section) if card.question == question]
            if len(found) != 1:
                problems.append(
                    f"step {step['number']}: key question '{question}' has {len(found)} cards in section "
                    f"'{section}', not one" + (f" ({', '.join(found)})" if found else "")
                )
    return problems


def test_every_key_question_is_one_card_of_its_step() -> None:
    assert key_question_problems(DECK, load_steps(ROOT)) == []


def test_a_missing_or_doubled_key_question_card_is_named() -> None:
    steps = load_steps(ROOT)
    missing, doubled = steps["steps"][2]["key_questions"][0], steps["steps"][6]["key_questions"][1]
    changed = []
    for card in DECK.cards:
        if card.question == missing and card.section == "step-2":
            card = dataclasses.replace(card, question=missing.rstrip("?") + ", roughly?")
        changed.append(card)
        if card.question == doubled and card.section == "step-6":
            changed.append(dataclasses.replace(card, id=card.id + "-copy"))
    problems = key_question_problems(dataclasses.replace(DECK, cards=changed), steps)
    assert len(problems) == 2, problems
    assert problems[0].startswith(f"step 2: key question '{missing}' has 0 cards"), problems
    assert problems[1].startswith(f"step 6: key question '{doubled}' has 2 cards"), problems


def test_the_deck_holds_every_card_as_a_note(built_twice) -> None:
    notes, meta = built_twice[0][:-1], built_twice[0][-1]
    assert len(notes) == len(DECK.cards)
    by_id = {note["id"]: note for note in notes}
    for card in DECK.cards:
        note = by_id[card.id]
        assert note["guid"] == genanki.guid_for(card.id)
        assert note["section"] == DECK.sections[card.section]
        assert note["model"] == deck.MODEL_ID
        assert card.section in note["tags"]
        assert note["question"] and note["answer"]
        assert "md:" not in note["question"] + note["answer"], f"{card.id}: a figure left unprinted"
    assert str(deck.DECK_ID) in meta["decks"] and str(deck.MODEL_ID) in meta["models"]


def test_figures_in_answers_are_printed_as_on_the_pages(built_twice) -> None:
    by_id = {note["id"]: note for note in built_twice[0][:-1]}
    cited = [card for card in DECK.cards if "md:fig" in card.answer]
    assert cited, "some answers cite figures"
    for card in cited:
        for name in re.findall(r"md:fig\s+([\w.]+)", card.answer):
            module, figure = name.split(".")
            assert str(getattr(snippets.load(module), figure)) in by_id[card.id]["answer"]


def note_links(note: dict) -> list[str]:
    """The hrefs of a note's question and answer, parsed."""
    html = BeautifulSoup(note["question"] + note["answer"], "html.parser")
    return [link["href"] for link in html.find_all("a", href=True)]


def deck_link_problems(notes: list[dict], site: str) -> list[str]:
    """Every link in a note is an address: Anki has no page to resolve a relative one against."""
    problems = []
    for note in notes:
        for href in note_links(note):
            if not href.startswith("https://") or (href.startswith(site) and (".md" in href or "../" in href)):
                problems.append(f"{note['id']}: {href}")
    return problems


def test_the_decks_links_are_addresses_on_the_site(built_twice) -> None:
    notes, site = built_twice[0][:-1], deck.site_url(ROOT)
    assert deck_link_problems(notes, site) == []
    on_site = [href for note in notes for href in note_links(note) if href.startswith(site)]
    assert len(on_site) >= 50, "the cards' 'Source linked on' lines link pages of the site"
    assert any(href.startswith(f"{site}concepts/consistency-models/#") for href in on_site)
    # The check names a relative link, as the deck had before its links were made absolute.
    relative = {"id": "x", "question": "Q", "answer": '<a href="../concepts/consistency-models.md#cap">CAP</a>'}
    assert deck_link_problems([relative], site) == ["x: ../concepts/consistency-models.md#cap"]


def test_the_decks_links_lead_to_a_page_and_heading_of_the_built_site(built_twice, built_site: Path) -> None:
    site, missing, parsed = deck.site_url(ROOT), [], {}
    for note in built_twice[0][:-1]:
        for href in note_links(note):
            if not href.startswith(site):
                continue
            path, _, anchor = href.removeprefix(site).partition("#")
            page = built_site / path / "index.html"
            if page not in parsed and page.is_file():
                parsed[page] = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
            if page not in parsed or (anchor and parsed[page].find(id=anchor) is None):
                missing.append(f"{note['id']}: {href}")
    assert missing == []


SOURCE_LINE = re.compile(r"\blinked on\b|\bSources?\b")  # "Sources linked on [section](...)."


def outside_links(page: BeautifulSoup, anchor: str) -> list[str] | None:
    """The outside links of the section that heading `anchor` opens, up to the next heading of its
    level or higher, code tabs included; None if no heading has that id."""
    heading = page.find(id=anchor)
    if heading is None or not re.fullmatch(r"h[1-6]", heading.name):
        return None
    links = []
    for element in heading.next_elements:
        name = getattr(element, "name", None)
        if name and re.fullmatch(r"h[1-6]", name) and int(name[1]) <= int(heading.name[1]):
            break
        if name == "a" and element.get("href", "").startswith(("https://", "http://")):
            links.append(element["href"])
    return links


def test_each_section_a_cards_source_line_names_links_a_source(built_site: Path) -> None:
    """A card that says where its sources are linked names sections that link some outside page.
    Which page, and that it is the card's source, review checks."""
    pages: dict[Path, BeautifulSoup] = {}

    def parsed(path: Path) -> BeautifulSoup:
        if path not in pages:
            pages[path] = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        return pages[path]

    problems, checked = [], 0
    for src_uri in cards.PRACTICE_PAGES:
        practice = built_site / src_uri.removesuffix(".md") / "index.html"
        for details in parsed(practice).select("details.question"):
            if not SOURCE_LINE.search(details.get_text(" ", strip=True)):
                continue
            question = details.summary.get_text(" ", strip=True)
            for link in details.find_all("a", href=True):
                path, _, anchor = link["href"].partition("#")
                if not anchor or path.startswith(("https://", "http://")):
                    continue
                target = Path(os.path.normpath(practice.parent / path)) / "index.html"
                found = outside_links(parsed(target), anchor) if target.is_file() else None
                checked += 1
                if not found:
                    problems.append(
                        f"{question[:60]}: {link['href']} " + ("links no source" if found == [] else "is no heading")
                    )
    assert checked >= 60, checked
    assert problems == []


def test_a_second_build_keeps_every_guid(built_twice) -> None:
    first, second = ({note["id"]: note["guid"] for note in notes[:-1]} for notes in built_twice)
    assert first == second


def test_the_built_site_carries_the_deck_and_the_practice_page_links_it(built_site: Path, tmp_path: Path) -> None:
    apkg = built_site / deck.DECK_FILE
    assert len(notes_of(apkg, tmp_path)[:-1]) == len(DECK.cards)
    soup = BeautifulSoup((built_site / "practice/index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.select_one('article a[href="system-design-workflow.apkg"]') is not None


def test_each_card_is_on_one_practice_page_with_its_answer_folded() -> None:
    shown: dict[str, int] = {}
    for page in cards.PRACTICE_PAGES:
        converted = convert(page)
        assert converted.warnings == [], converted.warnings
        soup = BeautifulSoup(converted.html, "html.parser")
        for details in soup.select("details.question"):
            assert not details.has_attr("open")
            question = " ".join(details.summary.get_text().split())
            shown[question] = shown.get(question, 0) + 1
    for card in DECK.cards:
        question = " ".join(re.sub(r"<!--.*?-->", "", card.question).split())
        if "md:fig" in card.question:
            continue  # printed as a figure on the page
        assert shown.get(re.sub(r"[*`]", "", question)) == 1, card.id
    assert sum(shown.values()) == len(DECK.cards)


def test_the_summary_counts_every_card() -> None:
    converted = convert("practice/index.md")
    assert converted.warnings == []
    assert f"<strong>{len(DECK.cards)}</strong>" in converted.html


def test_a_card_without_a_field_is_named_at_its_line(tmp_path: Path) -> None:
    """A merge once dropped a card's `section:` line; the build stopped in a KeyError traceback.
    Now the card is left out and the problem names its line and the fields every card needs."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    source = tmp_path / cards.CARDS_FILE
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    first = next(i for i, line in enumerate(lines) if line.startswith("- id: "))
    card_id = lines[first].removeprefix("- id: ").strip()
    end = next(i for i in range(first + 1, len(lines)) if lines[i].startswith("- id: "))
    section = next(i for i in range(first, end) if lines[i].startswith("  section: "))
    source.write_text("".join(lines[:section] + lines[section + 1 :]), encoding="utf-8")

    loaded = cards.load(tmp_path)

    assert card_id not in {card.id for card in loaded.cards}
    assert loaded.problems == [
        f"data/cards.yml:{first + 1}: card '{card_id}' has no 'section'; every card needs id, question, answer, "
        "section (tags are optional)"
    ]
