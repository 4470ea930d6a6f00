"""The practice and reference pages in the built site: search finds them; in Chromium, the
checklist prints on one A4 sheet, card answers print open, and a glossary term shows its
definition from the keyboard."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from conftest import ARTIFACTS, ROOT

from sdw import cards, glossary

CHECKLIST = "practice/checklist/"


def search_entries(built_site: Path) -> list[dict]:
    return json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]


def test_search_indexes_terms_concept_pages_and_card_questions(built_site: Path) -> None:
    entries = search_entries(built_site)

    def found(words: str, location: str) -> bool:
        return any(
            # The index keeps the text as HTML: "R + W > N" is stored as "R + W &gt; N".
            entry["location"].startswith(location) and words in html.unescape(entry["title"] + " " + entry["text"])
            for entry in entries
        )

    for entry in glossary.load_glossary(ROOT)[:20]:
        assert found(" ".join(entry["definition"].split())[:60], "reference/glossary/"), entry["term"]
    assert found("Caching patterns and invalidation", "concepts/caching/")
    deck = cards.load(ROOT)
    for card in deck.cards[::25]:
        if "<!--" in card.question:
            continue
        assert found(re.sub(r"[*`]", "", card.question)[:50], "practice/"), card.id


@pytest.mark.browser
def test_the_checklist_prints_on_one_a4_sheet(browser, site_server) -> None:
    page = browser.new_page()
    try:
        page.goto(site_server.url(CHECKLIST))
        page.wait_for_load_state("networkidle")
        pdf = page.pdf(format="A4")
    finally:
        page.close()
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "checklist.pdf").write_bytes(pdf)
    pages = len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))
    assert pages == 1, f"the checklist prints on {pages} A4 pages (see test-artifacts/checklist.pdf)"


@pytest.mark.browser
def test_the_checklist_holds_every_step(browser, site_server) -> None:
    import yaml

    steps = yaml.safe_load((ROOT / "data/steps.yml").read_text(encoding="utf-8"))["steps"]
    page = browser.new_page()
    try:
        page.goto(site_server.url(CHECKLIST))
        text = " ".join(page.locator(".checklist").inner_text().split())
    finally:
        page.close()
    assert "minutes 0–2" in text and "minutes 40–45" in text
    for step in steps:
        for line in [*step["key_questions"], step["output"], *step["pitfalls"]]:
            assert " ".join(line.split()) in text


@pytest.mark.browser
def test_card_answers_fold_on_screen_and_print_open(browser, site_server) -> None:
    page = browser.new_page()
    try:
        page.goto(site_server.url("practice/workflow/"))
        answer = page.locator("article details.question > :not(summary)").first
        assert not answer.is_visible()
        page.emulate_media(media="print")
        assert answer.is_visible()
    finally:
        page.close()


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_glossary_term_shows_its_definition_on_keyboard_focus(browser, site_server, scheme: str) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    try:
        page.goto(site_server.url("concepts/caching/"))
        page.wait_for_load_state("networkidle")
        term = page.locator("article abbr").first
        definition = term.get_attribute("title")
        assert term.get_attribute("tabindex") == "0"
        term.focus()
        tooltip = page.locator(".md-tooltip2--active")
        tooltip.wait_for(state="visible", timeout=30_000)
        assert tooltip.inner_text().strip() == definition
    finally:
        context.close()
