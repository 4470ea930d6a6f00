"""sdw.block_shapes: a block's printed Markdown as its shape and its numbers. That the preview's
HTML from a shape equals a fresh build's is tests/test_preview.py's comparison; here, which
numbers are taken out, and that filling them back gives the text."""

from __future__ import annotations

import random

import markdown
import pytest

from sdw.block_shapes import FIRST_MARK, apart, fill

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
    text = f'=== "Output"\n\n    | a | 250M |\n\n{source}\n4 after\n'
    shape, numbers = apart(text)
    assert numbers == ("250M", "4")
    assert "x = count(250e6) * 3" in shape


def test_a_text_holding_a_mark_has_no_shape() -> None:
    assert apart(f"{chr(FIRST_MARK)} and 250M") == ("", ())


def test_a_mark_without_its_number_fills_nothing() -> None:
    shape, _ = apart("250M and 36")
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
