"""Flashcards from one source: the practice pages and the Anki deck both read `cards()`.

A card is one of:

  - hand-written, in data/cards.yml (key questions, reference figures, concepts...);
  - a glossary term of data/glossary.yml: 'What does "TERM" mean?', answered by its definition;
  - a follow-up question of a worked example (`follow_ups:` in data/examples.yml).

Every card has a stable `id`: the deck's note GUIDs are derived from it, so importing a newer
deck updates a reader's cards instead of adding copies. Questions and answers are Markdown and
may cite figures with <!-- md:fig snippet.name -->.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field
from pathlib import Path

from sdw.data import EXAMPLES_FILE, load_examples, load_steps, read_yaml
from sdw.glossary import GLOSSARY_FILE, anchor, load_glossary

CARDS_FILE = "data/cards.yml"
# Which practice page shows which sections, in reading order (paths relative to docs/).
PRACTICE_PAGES = {
    "practice/workflow.md": ["step-*"],
    "practice/examples.md": ["example-*"],
    "practice/concepts.md": ["concepts", "reference"],
    "practice/terms.md": ["glossary"],
}


@dataclass(frozen=True)
class Card:
    id: str
    question: str  # Markdown
    answer: str  # Markdown
    section: str  # step-N, example-NAME, concepts, reference or glossary
    tags: tuple[str, ...] = ()
    source: str = CARDS_FILE  # the file that defines it, for messages


@dataclass
class Deck:
    cards: list[Card]
    sections: dict[str, str]  # section -> its title, in reading order
    problems: list[str] = field(default_factory=list)

    def in_section(self, section: str) -> list[Card]:
        return [card for card in self.cards if card.section == section]

    def for_page(self, src_uri: str) -> list[str]:
        """The sections a practice page shows, in reading order."""
        patterns = PRACTICE_PAGES.get(src_uri, [])
        return [s for pattern in patterns for s in self.sections if fnmatch.fnmatchcase(s, pattern)]


CARD_FIELDS = ("id", "question", "answer", "section")  # tags are optional


def _missing_fields_message(entry: object, number: int, missing: list[str], lines: list[str]) -> str:
    """`data/cards.yml:LINE: card 'ID' has no 'section'`, with the fields every card needs."""
    card_id = entry.get("id") if isinstance(entry, dict) else None
    line = next(
        (
            i
            for i, text in enumerate(lines, start=1)
            if card_id and text.strip() in (f"- id: {card_id}", f"id: {card_id}")
        ),
        None,
    )
    where = f"{CARDS_FILE}:{line}" if line else CARDS_FILE
    name = f"card '{card_id}'" if card_id else f"card {number} (no id)"
    return (
        f"{where}: {name} has no "
        + ", ".join(f"'{key}'" for key in missing)
        + "; every card needs "
        + ", ".join(CARD_FIELDS)
        + " (tags are optional)"
    )


def load(root: Path) -> Deck:
    """Every card, in reading order (by section, then as written), and any problem with them."""
    steps, examples = load_steps(root), load_examples(root)["examples"]
    sections = {f"step-{step['number']}": f"Step {step['number']}: {step['title']}" for step in steps["steps"]}
    sections |= {f"example-{example['name']}": f"Worked example: {example['title']}" for example in examples}
    sections |= {"concepts": "Concepts", "reference": "Reference", "glossary": "Glossary terms"}

    found: list[Card] = []
    problems = []
    source_lines = (root / CARDS_FILE).read_text(encoding="utf-8").splitlines()
    for number, entry in enumerate(read_yaml(root / CARDS_FILE) or [], start=1):
        missing = [key for key in CARD_FIELDS if key not in entry]
        if missing:
            # A merge or an edit can drop a line: name the card's line, not a KeyError from here.
            problems.append(_missing_fields_message(entry, number, missing, source_lines))
            continue
        found.append(
            Card(
                id=str(entry["id"]),
                question=str(entry["question"]).strip(),
                answer=str(entry["answer"]).strip(),
                section=str(entry["section"]),
                tags=tuple(entry.get("tags") or ()),
            )
        )
    for example in examples:
        for entry in example.get("follow_ups") or []:
            found.append(
                Card(
                    id=str(entry["id"]),
                    question=str(entry["question"]).strip(),
                    answer=str(entry["answer"]).strip(),
                    section=f"example-{example['name']}",
                    tags=(example["name"], "follow-up"),
                    source=EXAMPLES_FILE,
                )
            )
    for entry in load_glossary(root):
        answer = " ".join(str(entry["definition"]).split())
        if entry["aliases"]:
            answer += "\n\nAlso written: " + ", ".join(entry["aliases"]) + "."
        found.append(
            Card(
                id=anchor(entry["term"]),
                question=f'What does "{entry["term"]}" mean?',
                answer=answer,
                section="glossary",
                tags=("glossary",),
                source=GLOSSARY_FILE,
            )
        )

    seen: dict[str, Card] = {}
    for card in found:
        if card.id in seen:
            problems.append(f"{card.source}: card id '{card.id}' is used twice (also in {seen[card.id].source})")
        seen.setdefault(card.id, card)
        if card.section not in sections:
            problems.append(
                f"{card.source}: card '{card.id}' has the section '{card.section}', which is none of: "
                + ", ".join(sections)
            )
    order = list(sections)
    found.sort(key=lambda card: order.index(card.section) if card.section in sections else len(order))
    shown = {s for page in PRACTICE_PAGES.values() for pattern in page for s in fnmatch.filter(sections, pattern)}
    problems += [
        f"sdw.cards: section '{s}' is on no practice page (PRACTICE_PAGES)" for s in sections if s not in shown
    ]
    return Deck(found, sections, problems)
