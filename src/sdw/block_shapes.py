"""A block's printed Markdown as its shape and its numbers.

An assumption's edit changes the numbers a snippet prints, seldom the text around them; yet the
preview converted each changed block's output from Markdown again (half a value edit's rebuild).
`apart` replaces each number of the output by a mark, one private-use character, that Markdown
and its extensions pass through as they would a letter of no word; the preview converts that
shape once and then `fill`s in each new set of numbers. It uses a shape's HTML only after
checking it against a real conversion: filled with the numbers of an earlier output of the same
shape, it must give that output's HTML exactly (sdw.mkdocs_hooks.preview_cache). A shape where a
number changes what Markdown makes of the text (a list's number, a heading's id, a highlighted
code block's tokens) fails that check, and its blocks are converted as before.
"""

from __future__ import annotations

import re

# A number as printed: digits with their separators and an SI suffix (250M, 1,086, 4.74, 7.45K),
# standing alone: not part of a word (P99, 5xx, 1st), a version or path (v1.2, /2024/), a
# fraction (1/2, which a Markdown extension turns into a symbol; 3.47M/s is a number), an entity (&#38;) or a sign.
NUMBER = re.compile(r"(?<![\w.,/#&+\-])\d+(?:[.,]\d+)*[KMBT]?(?!\w|/\d|[.,]\d)")
FIRST_MARK = 0xF0000  # Supplementary Private Use Area-A: no text of the site uses it
LAST_MARK = 0xFFFFD
FENCE = re.compile(r"[ \t]*(`{3,}|~{3,})")
MARK = re.compile("[\U000f0000-\U000ffffd]")


# Text whose numbers may change what Markdown makes of it beyond the numbers: a tab (expanded by
# column, and a mark is one column where its number is several) or an abbreviation's definition
# (a term with a number in it would match only some values).
REFUSED = re.compile("[\t]|^\\*\\[", re.MULTILINE)
# The start of a line's text (after indentation and quote marks): a number there may start a list
# ("2. million" is an item where "1.5. million" is not), so it stays in the shape.
LINE_START = re.compile(r"^[ >]*")


def apart(text: str) -> tuple[str, tuple[str, ...]]:
    """The text with its numbers replaced by marks, and the numbers; ("", ()) when the text has
    no number, holds a mark already, has a tab or an abbreviation's definition, or has more
    numbers than there are marks."""
    if MARK.search(text) or REFUSED.search(text):
        return "", ()
    numbers: list[str] = []

    def mark(match: re.Match) -> str:
        numbers.append(match[0])
        return chr(FIRST_MARK + len(numbers) - 1)

    # Not in fenced code: its highlighter makes a token of each number, and a mark would be another
    # (a snippet's code, shown beside its output, holds numbers that an assumption's edit leaves).
    lines, fence = text.splitlines(keepends=True), None
    for index, line in enumerate(lines):
        opened = FENCE.match(line)
        if fence is None and opened:
            fence = opened[1]
        elif fence is not None:
            if opened and opened[1][0] == fence[0] and len(opened[1]) >= len(fence) and not line.strip(" \t\n`~"):
                fence = None
        else:
            start = LINE_START.match(line).end()

            def outside_start(match: re.Match, start: int = start) -> str:
                return match[0] if match.start() == start else mark(match)

            lines[index] = NUMBER.sub(outside_start, line)
    shape = "".join(lines)
    if not numbers or FIRST_MARK + len(numbers) - 1 > LAST_MARK:
        return "", ()
    return shape, tuple(numbers)


def fill(html: str, numbers: tuple[str, ...]) -> str | None:
    """The shape's HTML with its marks replaced by `numbers`; None when a mark has no number."""
    try:
        return MARK.sub(lambda match: numbers[ord(match[0]) - FIRST_MARK], html)
    except IndexError:
        return None
