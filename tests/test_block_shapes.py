"""sdw.block_shapes: a block's printed Markdown as its shape and its numbers. That the preview's
HTML from a shape equals a fresh build's is tests/test_preview.py's comparison; here, which
numbers are taken out, and that filling them back gives the text."""

from __future__ import annotations

import random
from pathlib import Path

import markdown
import pytest
from conftest import convert as convert_page

from sdw.block_shapes import FIRST_MARK, apart, fill
from sdw.glossary import load_glossary, words

ROOT = Path(__file__).resolve().parent.parent

TABLE = """| Figure | Average | Peak |
|---|---|---|
| Favorites | 15.5K/s | 46.5K/s |
| Servers | 1,086 | 36 × 2.72 TB |
"""


def test_a_tables_numbers_are_taken_out_and_filled_back() -> None:
    shape, numbers = apart(TABLE)
    assert numbers == ("15.5K", "46.5K", "1,086", "36", "2.72")
    assert fill(shape, numbers) == TABLE
    assert fill(shape, ("15.6K", "46.8K", "1,090", "37", "2.8")) == TABLE.replace("15.5K", "15.6K").replace(
        "46.5K", "46.8K"
    ).replace("1,086", "1,090").replace("36 ×", "37 ×").replace("2.72", "2.8")


@pytest.mark.parametrize(
    "text",
    [
        "P99 and 5xx",  # part of a word
        "the 1st try",  # an ordinal, which a Markdown extension raises
        "v1.2 and /2024/",  # a version, a path
        "1/2 of it",  # a fraction, which a Markdown extension turns into a symbol
        "&#38; and -3 and +4",  # an entity, signs
        "count(250e6)",  # a literal
    ],
)
def test_numbers_that_markdown_may_read_stay_in_the_shape(text: str) -> None:
    assert apart(text) == ("", ())


def test_numbers_in_fenced_code_stay_in_the_shape() -> None:
    source = '=== "Source"\n\n    ```python\n    x = count(250e6) * 3\n    ```\n'
    text = f'=== "Output"\n\n    | a | 250M |\n\n{source}\nthen 4 after\n'
    shape, numbers = apart(text)
    assert numbers == ("250M", "4")
    assert "x = count(250e6) * 3" in shape


@pytest.mark.parametrize(
    "text",
    [
        f"{chr(FIRST_MARK)} and 250M",  # a mark already
        "250M\tservers",  # a tab: Markdown expands it by column
        "*[L7]: layer seven\nL7 at 36 servers",  # an abbreviation's definition
    ],
)
def test_some_texts_have_no_shape(text: str) -> None:
    assert apart(text) == ("", ())


def test_a_number_that_starts_a_line_stays_in_the_shape() -> None:
    """It may start a list: "2. million" is an item where "1.5. million" is not."""
    shape, numbers = apart("1.5. million and 36\n  > 2 of them\n| 4 | 5 |\n")
    assert numbers == ("36", "4", "5")
    assert shape.startswith("1.5. million and ") and "  > 2 of them" in shape


def test_no_glossary_term_holds_a_number_a_shape_would_take_out() -> None:
    """Glossary terms become abbreviations on every page, block output included: a term such as
    "Layer 7" would match only some values of a number taken out of its shape."""
    terms = words(load_glossary(ROOT))
    taken = [term for term in terms if apart(term)[1]]
    assert not taken, f"data/glossary.yml: these terms hold a number sdw.block_shapes takes out: {taken}"


def test_a_mark_without_its_number_fills_nothing() -> None:
    shape, _ = apart("From 250M to 36")
    assert fill(shape, ("250M",)) is None


def test_markdown_passes_the_marks_through() -> None:
    """A shape's HTML, filled, is the text's HTML (what the preview checks once per shape)."""
    shape, numbers = apart(TABLE + "\nAbout 3.47M/s at peak, 12.8 ms each.\n")
    extensions = ["tables", "abbr", "attr_list", "pymdownx.smartsymbols"]
    assert fill(markdown.markdown(shape, extensions=extensions), numbers) == markdown.markdown(
        TABLE + "\nAbout 3.47M/s at peak, 12.8 ms each.\n", extensions=extensions
    )


def test_filling_a_shape_with_its_numbers_gives_the_text_back() -> None:
    pieces = ["250M", "1,086", "4.74", " ", "|", "\n", "K/s", "P99", "1/2", "a", ".", ",", "-", "```\n", "x7", "0"]
    generator = random.Random(18)
    for _ in range(2000):
        text = "".join(generator.choice(pieces) for _ in range(generator.randint(1, 30)))
        shape, numbers = apart(text)
        if numbers:
            assert fill(shape, numbers) == text, repr(text)
        assert len(shape) <= len(text)


def convert(text: str) -> str:
    """As a block's output on a page converts (conftest's one-page conversion, the page's context)."""
    return convert_page("examples/twitter/step-2-estimation.md", text).html


SHAPED = [
    "| Figure | Average | Peak |\n|---|---|---|\n| Favorites | 15.5K/s | 46.5K/s |\n| Servers | 1,086 | 36 |\n",
    "About **250M** users at p99 under 250 ms, 12.8 ms each, $7.45K a month (1/2 of it), L7 at 36.\n",
    "- 36 servers\n- 2.72 TB on 3 copies\n\n1. first\n2. then 40 more\n",
    "See [the 250 page](https://example.com/a/250) and `count(250)` with 4 -> 5.\n",
    "1.5. million and 36\n\n> 2.5 of 8\n",
    "## Step 2: 250M users\n\n36 servers\n",  # a heading's id holds the number: never shaped
]
VALUES = ["2", "1.5", "10K", "999", "0.5", "3.47M", "1,000", "7"]


@pytest.mark.parametrize("text", SHAPED)
def test_a_shape_that_passes_the_check_gives_every_number_the_sites_markdown(text: str) -> None:
    """What the preview relies on: once a shape's HTML, filled with one output's numbers, is that
    output's HTML (the check), filling it with any other numbers gives what converting them would.
    With mkdocs.yml's own extensions (the glossary, abbreviations, smart symbols, tables...)."""
    shape, numbers = apart(text)
    html = convert(shape)
    if fill(html, numbers) != convert(text):
        return  # the check fails: the preview converts such a block as before
    generator = random.Random(text)
    for _ in range(8):
        others = tuple(generator.choice(VALUES) for _ in numbers)
        other_text = fill(shape, others)
        assert apart(other_text) == (shape, others)
        assert fill(html, others) == convert(other_text), repr(other_text)


@pytest.mark.parametrize("failure", ["warns", "raises", "differs"])
def test_a_shape_that_fails_its_check_is_not_used_again(monkeypatch, failure: str) -> None:
    """The preview's check (sdw.mkdocs_hooks.preview_cache._filled): a shape whose conversion warns,
    raises, or whose HTML filled with the earlier output's numbers is not that output's HTML, gives
    no HTML (the block is converted as before), is marked failed, and leaves no warning behind."""
    import logging
    from types import SimpleNamespace

    from sdw import preview
    from sdw.mkdocs_hooks import preview_cache

    logger = logging.getLogger("mkdocs")
    if preview._collector not in logger.handlers:  # as in a preview: restored after the test
        monkeypatch.setattr(logger, "handlers", [*logger.handlers, preview._collector])
    monkeypatch.setattr(preview.state, "new_blocks", {})
    monkeypatch.setattr(preview.state, "warnings", [])
    earlier = (("250M",), "<p>250M users</p>")

    def original(converter, text: str, stash, id_prefix) -> str:
        if failure == "warns":
            logging.getLogger("mkdocs.test").warning("a warning from a shape's conversion")
        if failure == "raises":
            raise ValueError("a broken extension")
        return f"<p>{text} users</p>" if failure != "differs" else f"<ol><li>{text} users</li></ol>"

    converter = SimpleNamespace(_original_md=SimpleNamespace(treeprocessors={}))
    shape = chr(FIRST_MARK)
    assert preview_cache._filled(converter, original, shape, ("36",), "shape\0k", earlier, None) is None
    assert preview.state.new_blocks["shape\0k"] is False
    assert preview.state.warnings == []
    # Once failed, it is not tried again.
    assert preview_cache._filled(converter, original, shape, ("36",), "shape\0k", False, None) is None


def test_a_checked_shape_fills_in_new_numbers(monkeypatch) -> None:
    from types import SimpleNamespace

    from sdw import preview
    from sdw.mkdocs_hooks import preview_cache

    monkeypatch.setattr(preview.state, "new_blocks", {})
    monkeypatch.setattr(preview.state, "warnings", [])
    monkeypatch.setattr(preview.state, "shapes_filled", 0)
    converter = SimpleNamespace(_original_md=SimpleNamespace(treeprocessors={}))
    shape = chr(FIRST_MARK)

    def original(converter, text: str, stash, id_prefix) -> str:
        return f"<p>{text} users</p>"

    earlier = (("250M",), "<p>250M users</p>")
    assert preview_cache._filled(converter, original, shape, ("36",), "shape\0k", earlier, None) == "<p>36 users</p>"
    assert preview.state.new_blocks["shape\0k"] == f"<p>{shape} users</p>"
    assert preview.state.shapes_filled == 1
