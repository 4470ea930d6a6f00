"""Shortcodes: the site's custom Markdown markup, as a Python-Markdown extension.

    <!-- md:steps-table -->         the workflow at a glance, from data/steps.yml
    <!-- md:examples-list -->       every worked example, with its summary, from data/examples.yml
    <!-- md:examples-table [NAME] -->  an example's pages, step by step (NAME: the page's own example)
    <!-- md:worked-examples -->     on a step page: each example's page for this step, and what it settles
    <!-- md:compare -->             on a step page: the examples side by side at this step
    <!-- md:interview NAME -->      an example's 45-minute plan, minute by minute
    <!-- md:steps-flowchart -->     a Mermaid flowchart of the steps, from data/steps.yml
    <!-- md:budget -->              this step page's share of a 45-minute interview
    <!-- md:fig snippet.name -->    a figure computed by docs/snippets/snippet.py, formatted
    <!-- md:estimator -->           the estimator form, from sdw.estimation and sdw.presets
    <!-- md:estimator-link NAME -->  a link that opens the estimator with a preset's inputs filled in
    <!-- md:offline-copy -->        where to get the offline copy: the zip the deploy job publishes
                                    (in the offline copy itself: that this is it)
    <!-- md:glossary -->            every term of data/glossary.yml, its definition and the pages using it
    <!-- md:cards -->               on a practice page: its flashcards (sdw.cards), answers folded
    <!-- md:cards-summary -->       the practice pages, their sections and how many cards each holds
    <!-- md:checklist -->           the one-page checklist: each step's questions, output, pitfalls, minutes

Listed under `markdown_extensions` as `sdw.shortcodes`, so MkDocs and Zensical both run it.
Every problem is logged as a warning naming `file:line`, with the likely fix where there is
one, so `mkdocs build --strict` fails on it: an unknown shortcode (a typo), a figure that does
not exist, and, on a page that shows figures, a number typed by hand in the form the formatter
prints ("1.16K/s", "30.4 GB/day", "2×"), which would silently drift from its snippet, and an
average rate cited where the text says "peak" (or a peak where it says "average"): in a table,
the column's header decides (or, if it names neither, the cell's own words); in prose, the
sentence does.
"""

from __future__ import annotations

import bisect
import difflib
import functools
import hashlib
import html
import json
import logging
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor

from sdw import snippets
from sdw.cards import CARDS_FILE
from sdw.context import PageContext, page_context
from sdw.data import EXAMPLES_FILE, STEPS_FILE, load_examples, load_steps

# Under "mkdocs." so that MkDocs counts the warnings and --strict fails on them.
log = logging.getLogger("mkdocs.sdw.shortcodes")

KNOWN = (
    "steps-table",
    "examples-list",
    "examples-table",
    "worked-examples",
    "compare",
    "interview",
    "steps-flowchart",
    "budget",
    "fig",
    "estimator",
    "estimator-link",
    "offline-copy",
    "glossary",
    "cards",
    "cards-summary",
    "checklist",
)
# What a shortcode's output depends on besides its page, for the preview's cache (sdw.preview):
# other pages' Markdown, or the snippets' values outside figures (the presets are computed from
# them). Figures, md:fig and those the data files name, are filled in after conversion (Figure).
READ_OTHER_PAGES = ("glossary", "cards-summary")
READ_ALL_SNIPPETS = ("estimator",)
# The data files only some shortcodes read, and which ones (cards.load reads both). Every page's
# conversion may read data/steps.yml (a step page's budget and its checks) and data/glossary.yml
# (every page's tooltips); these two only the pages using these shortcodes do, so the preview
# keys only those pages by them, and editing a card converts the practice pages, not the site.
READ_DATA = {
    "data/examples.yml": (
        "examples-list",
        "examples-table",
        "worked-examples",
        "compare",
        "interview",
        "cards",
        "cards-summary",
        "glossary",
    ),
    "data/cards.yml": ("cards", "cards-summary", "glossary"),
}
OFFLINE_ZIP = "system-design-workflow-offline.zip"  # where the deploy job (.github/workflows/ci.yml) publishes it
ESTIMATOR_PAGE = "tools/estimator.md"
ESTIMATOR_SCRIPT = "tools/estimator.js"
SHORTCODE = re.compile(r"<!--\s*md:(?P<name>[\w-]+)(?P<args>[^>]*?)\s*-->")
# A number in the shape estimation.human() prints: a count with a K/M/B/T suffix, bytes, or a
# multiple ("2×": a ratio is always derived). Percentages and durations are left out: most typed
# ones are inputs (a 99.9% target, a 60 s window), not results.
HAND_TYPED_FIGURE = re.compile(
    r"(?<![\w.,/-])-?\d[\d,]*(?:\.\d+)?"
    r"(?:(?:[KMBT](?:/s|/day)?|\s?(?:B|KB|MB|GB|TB|PB|EB)(?:/s|/day)?)(?![\w])|×)"
)
FIGURE_SHORTCODE = re.compile(r"<!--\s*md:fig\b[^>]*?-->")
# Markdown whose numbers are not prose: fenced code, inline code, snippet includes, comments.
NOT_PROSE = re.compile(r"^(```|~~~).*?^\1|`[^`\n]+`|<!--.*?-->", re.DOTALL | re.MULTILINE)


def data_read(markdown: str) -> list[str]:
    """The files of READ_DATA that the page's shortcodes read."""
    names = {match["name"] for match in SHORTCODE.finditer(markdown)}
    return [path for path, readers in READ_DATA.items() if names.intersection(readers)]


def reads_other_pages(markdown: str) -> bool:
    """Whether a page uses a shortcode that reads other pages."""
    return any(match["name"] in READ_OTHER_PAGES for match in SHORTCODE.finditer(markdown))


def other_pages_read(markdown: str, root: Path, docs_dir: Path) -> str:
    """What a page's shortcodes read from the other pages, for its conversion's key: every
    page's title (the links they write) and, for the glossary, the pages using each term. Empty
    for a page that reads none. So editing a page re-converts the glossary only when the edit
    changes a title or which terms the page uses."""
    names = {match["name"] for match in SHORTCODE.finditer(markdown)} & set(READ_OTHER_PAGES)
    if not names:
        return ""
    from sdw import glossary

    sources = glossary.page_sources(docs_dir)
    read: dict = {"titles": {path: _page_title(text, path) for path, text in sources.items()}}
    if "glossary" in names:
        read["usage"] = glossary.usage(glossary.load_glossary(root), sources, kept_in=root)
    return json.dumps(read, sort_keys=True)


def reads_all_snippets(markdown: str) -> bool:
    """Whether a page uses a shortcode whose output depends on every snippet (not through figures)."""
    return any(match["name"] in READ_ALL_SNIPPETS for match in SHORTCODE.finditer(markdown))


def without_filled_figures(markdown: str) -> str:
    """A page's Markdown with each md:fig shortcode filled in after conversion replaced by a token of
    what it cites: what the preview's cache keys a page's conversion on (a heading's figures are
    expanded in place). The token keeps which figure each placeholder names in the key, so citing
    another figure converts the page again, but not the snippet's name, so the page does not depend
    on that snippet's code (its value is filled in on every build)."""
    return "\n".join(
        line if _is_heading(line) else FIGURE_SHORTCODE.sub(_figure_token, line) for line in markdown.split("\n")
    )


def _figure_token(match: re.Match) -> str:
    # Upper case: never read as a snippet's name (sdw.preview.IMPORT_WORD is lower case).
    return "FIG" + hashlib.sha256(match.group(0).encode("utf-8")).hexdigest()[:16].upper()


def _is_heading(line: str) -> bool:
    return line.startswith("#")


def suggest(word: str, choices, prefix: str = "") -> str:
    """'; did you mean X?' for the nearest choice, or nothing when none is near."""
    near = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean {prefix}{near[0]}?" if near else ""


class ShortcodePreprocessor(Preprocessor):
    """Expands shortcodes in a page's Markdown before anything else reads it."""

    def run(self, lines: list[str]) -> list[str]:
        self.md.sdw_figures = []  # an engine may convert many pages with one Markdown instance
        context = page_context(self.md)
        if context is None:
            return lines
        markdown = "\n".join(lines)
        if "md:" not in markdown and 'exec="on"' not in markdown:
            return lines
        snippets.use(context.docs_dir / "snippets")
        page = _Page(context, markdown)
        self.md.sdw_figures = page.cited  # FigurePostprocessor fills them in
        return SHORTCODE.sub(page.expand, markdown).split("\n")


@dataclass(frozen=True)
class Figure:
    """A figure a page cites, held as a placeholder until the page is converted, then filled in.

    Filling in after conversion lets the preview (sdw.preview) keep a page's converted HTML when
    only the values of the snippets it cites changed: it fills the kept HTML in again."""

    args: tuple[str, ...]  # md:fig's arguments, ("snippet.name",); an estimator link's, (ESTIMATOR_LINK, preset)
    where: str  # file:line of the shortcode
    words: str  # the text around it that may say "peak" or "average"
    place: str  # what that text is, for the message: "a sentence", "the column 'Peak'"...


# Private-use characters: no Markdown syntax, no glossary term and no typography rule touches them.
PLACEHOLDER = "\ue000{}\ue001"
PLACEHOLDERS = re.compile("\ue000(\\d+)\ue001")
# Set to a dict by the preview: page src_uri -> (its HTML before figures were filled in, them,
# their values).
keep_unfilled: dict[str, tuple[str, tuple[Figure, ...], list[str]]] | None = None
# Set by the build cache (sdw.preview.figure_values): a converted page's figures taken from earlier
# builds when their snippets are unchanged, as a kept page's are, instead of run again. Without it
# (Zensical, SDW_NO_CACHE=1) every figure is computed.
figure_values_kept: Callable[[tuple[Figure, ...]], list[str]] | None = None


class FigurePostprocessor(Postprocessor):
    """Fills in the figures a page cites, once its conversion is otherwise done."""

    def run(self, text: str) -> str:
        # Extensions run the postprocessors on parts too (toc, on each heading's text): only the
        # text that holds placeholders is filled in, and the whole page is the last such run.
        figures = tuple(getattr(self.md, "sdw_figures", ()))
        if not figures or "\ue000" not in text:
            return text
        context = page_context(self.md)
        values = (figure_values_kept or figure_values)(figures)
        if keep_unfilled is not None and context is not None:
            keep_unfilled[context.src_uri] = (text, figures, values)
        found = {int(match[1]) for match in PLACEHOLDERS.finditer(text)}
        for number, figure in enumerate(figures):
            if number not in found:  # the highlighter split its placeholder
                log.warning(
                    f"{figure.where}: {_cited_as(figure)} is inside code, where it cannot be filled in; "
                    "cite it in the text around the code block"
                )
        return substitute(text, values)


def _cited_as(figure: Figure) -> str:
    """The shortcode that cited `figure`, as a message names it."""
    if figure.args[0] == ESTIMATOR_LINK:
        return f"md:{ESTIMATOR_LINK} {figure.args[1]}"
    return f"md:fig {' '.join(figure.args)}"


def figure_values(figures: tuple[Figure, ...]) -> list[str]:
    """Each figure's value as HTML text, as the snippets compute it now; a figure that does not
    exist, or contradicts the text's "peak" or "average", warns."""
    return [_fill_one(figure) for figure in figures]


def substitute(text: str, values: list[str]) -> str:
    """`text` with placeholder N replaced by values[N]."""
    if "\ue000" not in text:
        return text
    return PLACEHOLDERS.sub(lambda match: values[int(match[1])], text)


# A Figure whose args are (ESTIMATOR_LINK, preset) is an estimator link's query, not a snippet's figure.
ESTIMATOR_LINK = "estimator-link"


def _fill_one(figure: Figure) -> str:
    from sdw.estimation import rate_conflict

    if figure.args[0] == ESTIMATOR_LINK:
        return _estimator_query(figure.args[1], figure.where)
    value = _figure(list(figure.args), figure.where)
    if value is None:
        return "?"
    word = rate_conflict(figure.words, value)
    if word:
        log.warning(
            f"{figure.where}: md:fig {' '.join(figure.args)} is {'an' if value.rate == 'average' else 'a'} "
            f"{value.rate} figure in {figure.place} that says '{word}'; cite the {word} figure, or say which one it is"
        )
    return html.escape(str(value), quote=False)


class _Page:
    """One page being expanded: where its lines are, and what it has used."""

    def __init__(self, context: PageContext, markdown: str) -> None:
        self.context, self.markdown = context, markdown
        self.cited: list[Figure] = []
        self.here = posixpath.dirname(context.src_uri)
        self.offset = _line_offset(context.read(), markdown)
        if 'exec="on"' in markdown or "md:fig" in markdown:
            self.report_hand_typed_figures()

    def where(self, position: int) -> str:
        return self.context.where(self.markdown.count("\n", 0, position) + self.offset + 1)

    def link(self, target: str) -> str:
        return posixpath.relpath(target, self.here or ".")

    def to_root(self) -> str:
        """From this page's address to the site's root, for raw HTML that no engine rewrites."""
        stem = self.context.src_uri.removesuffix(".md")
        own_folder = self.context.config.get("use_directory_urls", True) and not (
            stem == "index" or stem.endswith("/index")
        )
        depth = stem.count("/") + own_folder
        return "../" * depth

    def expand(self, match: re.Match) -> str:
        where = self.where(match.start())
        name, args = match["name"], match["args"].split()
        if name == "steps-table":
            return _steps_table(self)
        if name == "examples-list":
            return _examples_list(self)
        if name == "examples-table":
            return self.figures(_examples_table(self, args, where), where)
        if name == "worked-examples":
            return self.figures(_worked_examples(self, where), where)
        if name == "compare":
            return self.figures(_compare(self, where), where)
        if name == "interview":
            return self.figures(_interview(self, args, where), where)
        if name == "steps-flowchart":
            return _steps_flowchart(self)
        if name == "budget":
            return _budget(self, where)
        if name == "fig":
            return self.cite(args, self.markdown, match.start(), where)
        if name == "estimator":
            return _estimator(self, where)
        if name == "estimator-link":
            return _estimator_link(self, args, where)
        if name == "offline-copy":
            return _offline_copy(self)
        if name == "glossary":
            return _glossary(self)
        if name == "cards":
            return self.figures(_cards(self, where), where, source=CARDS_FILE)
        if name == "cards-summary":
            return _cards_summary(self, where)
        if name == "checklist":
            return _checklist(self)
        log.warning(
            f"{where}: unknown shortcode 'md:{name}'{suggest(name, KNOWN, 'md:')} "
            f"(known: {', '.join('md:' + k for k in KNOWN)})"
        )
        return match[0]

    def report_hand_typed_figures(self) -> None:
        for match in _hand_typed(self.markdown):
            log.warning(
                f"{self.where(match.start())}: '{match[0].strip()}' is typed by hand on a page whose figures come "
                f"from snippets; write <!-- md:fig snippet.name --> so it follows the code"
            )

    def report_hand_typed_data(self, generated: str, where: str, source: str) -> None:
        """A figure typed by hand in the text a data file gives this page (`source`:
        data/examples.yml for the 45-minute plans, what each step settles and the comparisons;
        data/cards.yml for the cards): named at its line in that file, found by its text, and at
        the shortcode that shows it."""
        for match in _hand_typed(generated):
            typed = " ".join(match[0].split())  # a figure the YAML folded over two lines, as shown
            log.warning(
                f"{_data_line(self.context.root, source, typed)}: '{typed}' is typed by hand in text that "
                f"{where} shows; write <!-- md:fig snippet.name --> so it follows the code"
            )

    @property
    def steps(self) -> dict:
        return _steps(self.context.root)

    @property
    def examples(self) -> dict:
        return _cached(self.context.root, EXAMPLES_FILE, load_examples)

    def step_number(self) -> int | None:
        """The number of the step whose page this is, or None."""
        return next((s["number"] for s in self.steps["steps"] if s["page"] == self.context.src_uri), None)

    def figures(self, generated: str, where: str, source: str = EXAMPLES_FILE) -> str:
        """Expand the figures a generated table or list cites, checked against its own words;
        `source` is the data file the text comes from."""
        self.report_hand_typed_data(generated, where, source)

        def figure(match: re.Match) -> str:
            if match["name"] != "fig":
                log.warning(f"{where}: only md:fig may appear in {EXAMPLES_FILE}, not md:{match['name']}")
                return match[0]
            return self.cite(match["args"].split(), generated, match.start(), where)

        return SHORTCODE.sub(figure, generated)

    def cite(self, args: list[str], text: str, position: int, where: str) -> str:
        """A figure cited at `position` of `text`: a placeholder, or its value in a heading."""
        line_start = text.rfind("\n", 0, position) + 1
        words, place = _rate_context(text, position)
        figure = Figure(tuple(args), where, words, place)
        if _is_heading(text[line_start:position]):  # a heading's text makes its anchor
            return html.unescape(_fill_one(figure))
        self.cited.append(figure)
        return PLACEHOLDER.format(len(self.cited) - 1)


_data_cache: dict[tuple[Path, str], tuple[int, dict]] = {}


def _cached(root: Path, name: str, load) -> dict:
    """A data file, parsed once per change: a preview rebuilds in the same process."""
    mtime = (root / name).stat().st_mtime_ns
    cached = _data_cache.get((root, name))
    if cached is None or cached[0] != mtime:
        cached = _data_cache[root, name] = (mtime, load(root))
        if name == STEPS_FILE:
            planned, total = _interview_minutes(cached[1]), cached[1]["interview_minutes_total"]
            if planned != total:
                log.warning(
                    f"{STEPS_FILE}: the opening, the steps and the wrap-up add up to {planned} minutes, "
                    f"not interview_minutes_total ({total})"
                )
    return cached[1]


def _steps(root: Path) -> dict:
    return _cached(root, STEPS_FILE, load_steps)


def _interview_minutes(steps: dict) -> int:
    """Every planned minute: the opening, each step's slot and the wrap-up."""
    slots = sum(step["interview_minutes"] or 0 for step in steps["steps"])
    return steps["interview_opening_minutes"] + slots + steps["interview_wrapup_minutes"]


def schedule(steps: dict) -> dict:
    """The minute marks of a 45-minute interview: (start, end) of the opening, of each step by its
    number (None for a step without a slot of its own) and of the wrap-up."""
    opening = steps["interview_opening_minutes"]
    marks: dict = {"opening": (0, opening)}
    clock = opening
    for step in steps["steps"]:
        minutes = step["interview_minutes"]
        marks[step["number"]] = None if minutes is None else (clock, clock + minutes)
        clock += minutes or 0
    marks["wrap-up"] = (clock, clock + steps["interview_wrapup_minutes"])
    return marks


def _slot(start: int, minutes: int) -> str:
    return f"{minutes} min (minutes {start} to {start + minutes})"


def _hand_typed(markdown: str):
    """The figures typed by hand in Markdown's prose: its code and comments blanked out first,
    keeping their line breaks so that offsets still give lines."""
    prose = NOT_PROSE.sub(lambda m: re.sub(r"[^\n]", " ", m[0]), markdown)
    return HAND_TYPED_FIGURE.finditer(prose)


def _data_line(root: Path, source: str, typed: str) -> str:
    """`data/examples.yml:12`: where `typed` first occurs in the data file `source`, across a
    line break where the YAML folded it (just the file if it cannot be found)."""
    try:
        text = (root / source).read_text(encoding="utf-8")
    except OSError:
        return source
    found = re.search(r"\s+".join(re.escape(part) for part in typed.split()), text)
    return f"{source}:{text.count(chr(10), 0, found.start()) + 1}" if found else source


def _line_offset(text: str, markdown: str) -> int:
    """Lines of front matter the engine stripped before handing the Markdown over."""
    return text[: len(text) - len(markdown)].count("\n") if text.endswith(markdown) else 0


def _steps_table(page: _Page) -> str:
    steps = page.steps
    rows = ["| Step | Goal | What it produces | Interview | Design review |", "|---|---|---|---|---|"]
    opening, wrapup = steps["interview_opening_minutes"], steps["interview_wrapup_minutes"]
    rows.append(
        "| Opening | Introductions, and the prompt | Who you are talking to, and the problem in one line "
        f"| {_slot(0, opening)} | The meeting's agenda |"
    )
    clock = opening
    for step in steps["steps"]:
        minutes = step["interview_minutes"]
        budget = "all along" if minutes is None else _slot(clock, minutes)
        clock += minutes or 0
        rows.append(
            f"| [{step['number']}. {step['title']}]({page.link(step['page'])}) | {step['goal']} | {step['output']} "
            f"| {budget} | {step['review']} |"
        )
    rows.append(
        "| Wrap-up | Summarize the design, then take and ask questions | The design in a few sentences, "
        f"its biggest risks, what you would do next | {_slot(clock, wrapup)} | Open questions and owners |"
    )
    rows.append(f"| **Total** | | | **{_interview_minutes(steps)} min** | |")
    # The class gives it its phone layout (overrides/assets/stylesheets/phone-tables.css).
    return '<div class="steps-table" markdown>\n\n' + "\n".join(rows) + "\n\n</div>"


def _steps_flowchart(page: _Page) -> str:
    """Steps 1 to 7 in a column, with step 0 beside them as the habits that run throughout."""
    steps = page.steps["steps"]
    lines = ["```mermaid", "flowchart TD"]
    for step in steps:
        lines.append(f'  S{step["number"]}["{step["number"]}. {step["title"]}"]')
    chain = [f"S{step['number']}" for step in steps if step["number"] > 0]
    lines.append("  " + " --> ".join(chain))
    lines.append(f"  S0 -.->|throughout| {chain[0]}")
    lines.append(f"  {chain[-1]} -.->|new constraint| {chain[0]}")
    lines.append("```")
    return "\n".join(lines)


def _example(page: _Page, args: list[str], where: str, shortcode: str) -> dict | None:
    """The example NAME names, or the one whose pages hold this page when no NAME is given."""
    examples = page.examples["examples"]
    names = [example["name"] for example in examples]
    if args:
        found = next((example for example in examples if example["name"] == args[0]), None)
        if found is None:
            log.warning(
                f"{where}: md:{shortcode} {args[0]}: no such example in {EXAMPLES_FILE} "
                f"(it has: {', '.join(names)}){suggest(args[0], names)}"
            )
        return found
    here = page.context.src_uri
    found = next((e for e in examples if here in e["pages"].values()), None)
    found = found or next((e for e in examples if here == f"examples/{e['name']}/index.md"), None)
    if found is None:
        log.warning(
            f"{where}: md:{shortcode}: no example in {EXAMPLES_FILE} has this page among its pages; "
            f"add the example's entry there, or name one here (one of: {', '.join(names)})"
        )
    return found


def _settles(example: dict, number: int, where: str) -> str:
    """What step `number` settles in the example, from its `settles:` (a warning when missing)."""
    text = example.get("settles", {}).get(number)
    if not text:
        log.warning(f"{where}: {EXAMPLES_FILE}: example '{example['name']}' has no settles.{number}")
    return text or "?"


def _examples_list(page: _Page) -> str:
    items = []
    for example in page.examples["examples"]:
        index = posixpath.join(posixpath.dirname(example["pages"][1]), "index.md")
        items.append(f"- **[{example['title']}]({page.link(index)})**: {example['summary']}")
    return "\n".join(items)


def _examples_table(page: _Page, args: list[str], where: str) -> str:
    example = _example(page, args, where, "examples-table")
    if example is None:
        return ""
    titles = {step["number"]: step for step in page.steps["steps"]}
    rows = ["| Step | This example's page | What it settles | The step in general |", "|---|---|---|---|"]
    for number in sorted(n for n in example["pages"] if isinstance(n, int)):
        step = titles[number]
        rows.append(
            f"| {number} | [{step['title']}]({page.link(example['pages'][number])}) "
            f"| {_settles(example, number, where)} "
            f"| [Step {number}]({page.link(step['page'])}) |"
        )
    interview = example["pages"]["interview"]
    rows.append(
        f"| all | [{example['title']} in 45 minutes]({page.link(interview)}) | The whole design, "
        "minute by minute, for an interview | [Time budgets](" + page.link("workflow/index.md") + ") |"
    )
    return "\n".join(rows)


def _worked_examples(page: _Page, where: str) -> str:
    number = page.step_number()
    if number is None or number == 0:
        log.warning(f"{where}: md:worked-examples belongs on a step page 1 to 7 listed in {STEPS_FILE}")
        return ""
    items = [
        f"- **[{example['title']}]({page.link(example['pages'][number])})**: {_settles(example, number, where)}"
        for example in page.examples["examples"]
    ]
    return "\n".join(items)


def _compare(page: _Page, where: str) -> str:
    number = page.step_number()
    columns = page.examples.get("compare_columns", {}).get(number) if number else None
    if not columns:
        log.warning(f"{where}: md:compare belongs on a step page with compare_columns in {EXAMPLES_FILE}")
        return ""
    rows = ["| Example | " + " | ".join(columns.values()) + " |", "|---" * (len(columns) + 1) + "|"]
    for example in page.examples["examples"]:
        cells = example.get("compare", {}).get(number, {})
        missing = [key for key in columns if key not in cells]
        if missing:
            log.warning(f"{where}: {EXAMPLES_FILE}: example '{example['name']}' has no compare.{number}.{missing[0]}")
        values = [str(cells.get(key, "?")).replace("|", "\\|").replace("\n", " ") for key in columns]
        rows.append(f"| [{example['title']}]({page.link(example['pages'][number])}) | " + " | ".join(values) + " |")
    return "\n".join(rows)


def _interview(page: _Page, args: list[str], where: str) -> str:
    """The 45-minute plan: the minute marks from data/steps.yml, the words from data/examples.yml."""
    example = _example(page, args, where, "interview")
    if example is None:
        return ""
    plan, steps = example.get("interview", {}), page.steps
    rows = ["| Minutes | Step | Say | Draw |", "|---|---|---|---|"]
    clock = steps["interview_opening_minutes"]
    rows.append(f"| 0–{clock} | Opening | Introductions; repeat the prompt in one line | Nothing yet |")
    for step in steps["steps"]:
        if not step["interview_minutes"]:
            continue
        slot = plan.get(step["number"], {})
        end = clock + step["interview_minutes"]
        link = page.link(example["pages"][step["number"]])
        rows.append(
            f"| {clock}–{end} | [{step['number']}. {step['title']}]({link}) | {slot.get('say', '?')} "
            f"| {slot.get('draw', '?')} |"
        )
        clock = end
    wrapup = steps["interview_wrapup_minutes"]
    # The wrap-up's minutes end with questions (steps.yml): the recap must leave room for them.
    rows.append(
        f"| {clock}–{clock + wrapup} | Wrap-up | {plan.get('wrap_up', '?')} | Point at the diagram as you go; "
        "then stop: the rest of the time is for the interviewer's questions, and yours |"
    )
    figures = "\n".join(f"{n}. {text}" for n, text in enumerate(plan.get("figures", []), start=1))
    trade_offs = "\n".join(f"{n}. {text}" for n, text in enumerate(plan.get("trade_offs", []), start=1))
    if len(plan.get("figures", [])) != 5 or len(plan.get("trade_offs", [])) != 2:
        log.warning(
            f"{where}: {EXAMPLES_FILE}: example '{example['name']}' needs five interview figures and two trade-offs"
        )
    return (
        '<div class="interview-plan" markdown>\n\n'
        + "\n".join(rows)
        + "\n\n**Five figures to say aloud**\n\n"
        + figures
        + "\n\n**Two trade-offs to name**\n\n"
        + trade_offs
        + "\n\n</div>"
    )


OFFLINE_COPY_HAS = "search, diagrams and the estimator work in it, from the file system"


def _offline_copy(page: _Page) -> str:
    """A sentence on the offline copy that is true in the build showing it: the offline copy says
    it is one; every other build links the zip the deploy job puts beside the deployed site, and
    says where it is, since the preview (`make serve`) and a local build do not hold it. (One
    sentence for the preview and the build: the preview must show what a build would.)"""
    if _plugin_enabled(page.context.config, "material/offline"):
        return f"You are reading the offline copy: it needs no network, and {OFFLINE_COPY_HAS}."
    # Relative: the deploy job puts the zip at the site's root, wherever that is served.
    href = html.escape(page.to_root() + OFFLINE_ZIP)
    return (
        f'For a machine with no network at all, <a href="{href}">download the offline copy</a>, a zip '
        "beside the deployed site (`make offline` builds one into `dist/`): unpack it and open "
        f"`system-design-workflow/index.html`; {OFFLINE_COPY_HAS}."
    )


def _plugin_enabled(config, name: str) -> bool:
    """Whether MkDocs' configuration runs plugin `name` (Zensical's, and a test's, name none)."""
    plugins = config.get("plugins") if hasattr(config, "get") else None
    plugin = plugins.get(name) if hasattr(plugins, "get") else None
    settings = getattr(plugin, "config", None)
    return bool(settings is not None and settings.get("enabled", True))


def _budget(page: _Page, where: str) -> str:
    steps = page.steps["steps"]
    index = next((i for i, step in enumerate(steps) if step["page"] == page.context.src_uri), None)
    if index is None:
        log.warning(f"{where}: md:budget belongs on a step page listed in {STEPS_FILE}")
        return ""
    step, length = steps[index], page.steps["interview_minutes_total"]
    opening, wrapup = page.steps["interview_opening_minutes"], page.steps["interview_wrapup_minutes"]
    if step["interview_minutes"] is None:
        return (
            f"**In a {length}-minute interview:** no slot of its own; it applies to every minute, from the "
            f"{opening} minutes of introductions at the start to the {wrapup} minutes kept at the end for "
            f"your summary and questions.\n\n**In a design review:** {step['review']}"
        )
    start = opening + sum(s["interview_minutes"] or 0 for s in steps[:index])
    end = start + step["interview_minutes"]
    text = (
        f"**In a {length}-minute interview:** about {step['interview_minutes']} minutes, "
        f"from minute {start} to minute {end}."
    )
    if index == len(steps) - 1:
        text += f" The last {wrapup} minutes, to minute {end + wrapup}, are for your summary and questions."
    return f"{text}\n\n**In a design review:** {step['review']}"


def figure(name: str, where: str):
    """The Quantity `snippet.name` cited at `where`, or None after a warning: what md:fig prints."""
    return _figure([name], where)


def _figure(args: list[str], where: str):
    """The Quantity a snippet defines under that name, or None (after a warning)."""
    from sdw.estimation import Quantity

    if len(args) != 1 or args[0].count(".") != 1:
        log.warning(f"{where}: md:fig takes one argument, snippet.name (e.g. twitter_traffic.tweets_per_second)")
        return None
    snippet, name = args[0].split(".")
    if not snippets.exists(snippet):  # one file check: a page cites hundreds of figures
        available = snippets.names()
        log.warning(f"{where}: md:fig {args[0]}: no snippet docs/snippets/{snippet}.py{suggest(snippet, available)}")
        return None
    try:
        module = snippets.load(snippet)
    except Exception as error:  # a broken snippet is a contributor's error: report, don't crash
        log.warning(f"{where}: md:fig {args[0]}: {snippets.failure(error)}")
        return None
    value = getattr(module, name, None)
    if not isinstance(value, Quantity):
        figures = sorted(k for k, v in vars(module).items() if isinstance(v, Quantity))
        log.warning(
            f"{where}: md:fig {args[0]}: {snippet}.py defines no figure '{name}'{suggest(name, figures)} "
            f"(it defines: {', '.join(figures)})"
        )
        return None
    return value


# Where a sentence starts or ends: a full stop, question or exclamation mark before a space, a
# blank line, a list item, a heading or a table row.
SENTENCE_BREAK = re.compile(r"[.!?](?=\s)|\n\s*\n|\n\s*(?:[-*+]|\d+\.)\s|\n#|\n\|")
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def _rate_context(markdown: str, position: int) -> tuple[str, str]:
    """The words that decide whether the figure at `position` must be a peak or an average, and
    what they are: in a table, the column's header if it names one of the two, else the cell;
    in prose, the sentence."""
    from sdw.estimation import RATE_WORDS

    line_start = markdown.rfind("\n", 0, position) + 1
    line_end = markdown.find("\n", position)
    line = markdown[line_start : len(markdown) if line_end < 0 else line_end]
    if line.lstrip().startswith("|"):
        column = COMMENT.sub("", line[: position - line_start]).count("|") - 1
        header = _table_header(markdown, line_start)
        title = header[column] if header is not None and 0 <= column < len(header) else ""
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        cell = COMMENT.sub(" ", cells[column]) if 0 <= column < len(cells) else ""
        if len({word.lower() for word in RATE_WORDS.findall(title)}) == 1:
            return title, f"the column '{title}'"
        return cell, "a table cell"
    # The sentence around `position`: the last break ending at or before it, the first starting
    # at or after it (found once per page, then by bisection: a page cites hundreds of figures).
    starts, ends = _sentence_breaks(markdown)
    before = bisect.bisect_right(ends, position) - 1
    start = ends[before] if before >= 0 else 0
    after = bisect.bisect_left(starts, position)
    end = starts[after] if after < len(starts) else len(markdown)
    return COMMENT.sub(" ", markdown[start:end]), "a sentence"


@functools.lru_cache(maxsize=8)
def _sentence_breaks(markdown: str) -> tuple[list[int], list[int]]:
    """Where each sentence break of `markdown` starts, and where each ends, in order."""
    matches = list(SENTENCE_BREAK.finditer(markdown))
    return [m.start() for m in matches], [m.end() for m in matches]


def _table_header(markdown: str, line_start: int) -> list[str] | None:
    """The header cells of the Markdown table whose row starts at `line_start`."""
    lines = markdown[:line_start].split("\n")[:-1]
    for index in range(len(lines) - 1, 0, -1):
        if re.fullmatch(r"\s*\|?\s*:?-{3,}.*", lines[index]):
            return [cell.strip() for cell in lines[index - 1].strip().strip("|").split("|")]
        if not lines[index].lstrip().startswith("|"):
            return None
    return None


def _page_title(text: str, fallback: str) -> str:
    """A page's H1, from its Markdown."""
    body = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.DOTALL)  # front matter may hold YAML comments
    match = re.search(r"^# (.+)$", body, re.MULTILINE)
    return match[1].strip() if match else fallback


# A step page's title: an example's ("Chat, step 3: Data model") or the workflow's ("Step 4: ...").
_STEP_TITLE = re.compile(r"^(?:(?P<example>.+?), s|S)tep (?P<step>\d+): ")


def _used_on(page: _Page, pages: list[str], titles: dict[str, str]) -> str:
    """The Glossary's list of the pages that use a term, in path order. Step pages are grouped,
    an example's (or the workflow's) in one item that names its title once and links each step as
    "step N": "Chat, step 3, step 4 and step 7" rather than three full titles (a line of some terms
    ran to 2,000 characters), and a link a thumb can hit rather than a lone digit. Items are parted
    by semicolons, since titles and groups hold commas."""
    items: list[str] = []  # a link, or the name of a group of steps
    groups: dict[str, list[tuple[str, str]]] = {}
    for path in pages:
        title = titles[path]
        step = _STEP_TITLE.match(title)
        if not step:
            items.append(f"[{title}]({page.link(path)})")
            continue
        name = step["example"] or "the workflow"
        if name not in groups:
            groups[name] = []
            items.append(name)
        groups[name].append((step["step"], page.link(path)))
    out = []
    for item in items:
        if item not in groups:
            out.append(item)
            continue
        # A no-break space keeps "step" and its number on one line, one target for a thumb.
        steps = [f"[step\u00a0{number}]({link})" for number, link in groups[item]]
        listed = steps[0] if len(steps) == 1 else ", ".join(steps[:-1]) + " and " + steps[-1]
        out.append(f"{item}, {listed}")
    return "; ".join(out)


def _glossary(page: _Page) -> str:
    """Every term, A to Z under a heading per letter: definition, other spellings, the concept page
    that explains it and every page that uses it (as abbr matches: whole word, case-sensitive, a
    spelling or its regular plural)."""
    from sdw import glossary

    entries = glossary.load_glossary(page.context.root)
    sources = glossary.page_sources(page.context.docs_dir)
    used = glossary.usage(entries, sources, kept_in=page.context.root)
    titles = {path: _page_title(text, path) for path, text in sources.items()}
    out: list[str] = []
    letter = None
    for entry in sorted(entries, key=lambda e: (e["term"].lower(), e["term"])):
        first = entry["term"][0].upper()
        if first != letter:
            letter = first
            out.append(f"## {letter}\n")
        details = []
        if entry["aliases"]:
            details.append("Also written: " + ", ".join(entry["aliases"]) + ".")
        concept = entry.get("concept")
        if concept:
            details.append(f"Explained in [{titles.get(concept, concept)}]({page.link(concept)}).")
        pages = used.get(entry["term"], [])
        if pages:
            details.append("Used on: " + _used_on(page, pages, titles) + ".")
        body = " ".join(str(entry["definition"]).split())
        out.append(f"{entry['term']}\n:   {body}\n")
        if details:
            out.append('    <span class="glossary-uses">' + " ".join(details) + "</span>\n")
    return "\n".join(out)


def _cards(page: _Page, where: str) -> str:
    """A practice page's cards, a section each: the question as a folded box, the answer inside."""
    from sdw import cards

    deck = cards.load(page.context.root)
    for problem in deck.problems:
        log.warning(f"{where}: {problem}")
    sections = deck.for_page(page.context.src_uri)
    if not sections:
        log.warning(
            f"{where}: md:cards belongs on a practice page listed in sdw.cards.PRACTICE_PAGES "
            f"({', '.join(cards.PRACTICE_PAGES)})"
        )
        return ""
    out = []
    for section in sections:
        shown = deck.in_section(section)
        out.append(f"## {deck.sections[section]}\n")
        link = _section_page(page, section)
        count = f"{len(shown)} card{'s' * (len(shown) != 1)}"
        out.append(f"{count}; {link}.\n" if link else f"{count}.\n")
        for card in shown:
            question = " ".join(card.question.split()).replace('"', "&quot;")
            answer = "\n".join(("    " + line) if line.strip() else "" for line in card.answer.split("\n"))
            out.append(f'??? question "{question}"\n\n{answer}\n')
    return "\n".join(out)


def _section_page(page: _Page, section: str) -> str:
    """A link to the page a section of cards practises, if it has one."""
    if section.startswith("step-"):
        number = int(section.removeprefix("step-"))
        step = next((s for s in page.steps["steps"] if s["number"] == number), None)
        return f"[the step's page]({page.link(step['page'])})" if step else ""
    if section.startswith("example-"):
        name = section.removeprefix("example-")
        example = next((e for e in page.examples["examples"] if e["name"] == name), None)
        if example:
            index = posixpath.join(posixpath.dirname(example["pages"][1]), "index.md")
            return f"[the example]({page.link(index)})"
    if section == "concepts":
        return f"[the concept pages]({page.link('concepts/index.md')})"
    if section == "reference":
        return f"[the reference tables]({page.link('reference/index.md')})"
    if section == "glossary":
        return f"[the Glossary]({page.link('reference/glossary.md')})"
    return ""


def _cards_summary(page: _Page, where: str) -> str:
    """The practice pages, what each holds and how many cards, from sdw.cards."""
    from sdw import cards

    deck = cards.load(page.context.root)
    for problem in deck.problems:
        log.warning(f"{where}: {problem}")
    sources = {path: (page.context.docs_dir / path) for path in cards.PRACTICE_PAGES}
    rows = ["| Page | Sections | Cards |", "|---|---|---|"]
    for path, source in sources.items():
        title = _page_title(source.read_text(encoding="utf-8"), path) if source.exists() else path
        sections = deck.for_page(path)
        count = sum(len(deck.in_section(section)) for section in sections)
        names = ", ".join(deck.sections[section] for section in sections)
        rows.append(f"| [{title}]({page.link(path)}) | {names} | {count} |")
    rows.append(f"| **All** | | **{len(deck.cards)}** |")
    return "\n".join(rows)


def _checklist(page: _Page) -> str:
    """Each step on one line of boxes: minutes, key questions, what to produce, top pitfalls."""
    steps = page.steps
    marks = schedule(steps)
    total = steps["interview_minutes_total"]

    def esc(text: str) -> str:
        return html.escape(" ".join(str(text).split()), quote=False)

    parts = ['<div class="checklist">']
    start, end = marks["opening"]
    parts.append(
        f'<section class="checklist__step checklist__step--edge"><h2 id="opening">Opening '
        f'<span class="checklist__minutes">minutes {start}–{end}</span></h2>'
        "<p>Introductions; repeat the prompt in one line.</p></section>"
    )
    for step in steps["steps"]:
        mark = marks[step["number"]]
        minutes = f"all {total} minutes" if mark is None else f"minutes {mark[0]}–{mark[1]}"
        questions = "".join(f"<li>{esc(q)}</li>" for q in step["key_questions"])
        pitfalls = "".join(f"<li>{esc(p)}</li>" for p in step.get("pitfalls", []))
        parts.append(
            f'<section class="checklist__step"><h2 id="step-{step["number"]}">'
            f'<a href="{html.escape(_html_link(page, step["page"]))}">{step["number"]}. {esc(step["title"])}</a> '
            f'<span class="checklist__minutes">{minutes}</span></h2>'
            f'<ul class="checklist__questions">{questions}</ul>'
            f'<p class="checklist__output"><strong>Produce:</strong> {esc(step["output"])}</p>'
            f'<p class="checklist__pitfalls-title"><strong>Avoid:</strong></p>'
            f'<ul class="checklist__pitfalls">{pitfalls}</ul></section>'
        )
    start, end = marks["wrap-up"]
    parts.append(
        f'<section class="checklist__step checklist__step--edge"><h2 id="wrap-up">Wrap-up '
        f'<span class="checklist__minutes">minutes {start}–{end}</span></h2>'
        "<p>The design in a few sentences, its biggest risks, what you would do next; then questions.</p>"
        "</section>"
    )
    parts.append("</div>")
    return "".join(parts)


def _html_link(page: _Page, target: str) -> str:
    """A link from raw HTML (which no engine rewrites) to a page, at its built address."""
    stem = target.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        stem = stem.removesuffix("index")
    elif page.context.config.get("use_directory_urls", True):
        stem += "/"
    else:
        stem += ".html"
    return page.to_root() + stem


def _presets(where: str, shortcode: str, compute):
    """What `compute()` returns from the estimator's presets, or None after a warning when a
    snippet they read raises."""
    try:
        return compute()
    except Exception as error:  # a contributor's broken snippet: say where it broke, don't crash
        log.warning(
            f"{where}: md:{shortcode}: the presets (src/sdw/presets.py) read the snippets, "
            f"and {snippets.failure(error)}"
        )
        return None


def _estimator(page: _Page, where: str) -> str:
    """The estimator's form and outputs, labelled from the model's own metadata."""
    from sdw.estimation import INPUT_UNITS, INPUTS, OUTPUTS
    from sdw.presets import presets

    all_presets = _presets(where, "estimator", presets)
    if all_presets is None:
        return ""
    data = {
        "inputs": [{"name": n, "label": d, "unit": INPUT_UNITS[n]} for n, d in INPUTS.items()],
        "outputs": [{"name": n, "label": label, "unit": unit} for n, (label, unit) in OUTPUTS.items()],
        "presets": all_presets,
        "default": "twitter",
    }
    # Inline, so that the page needs no path to the script: it works at any address, in the
    # one-page print version and from file://. A classic script: instant navigation re-runs
    # the scripts a page brings in, but as classic ones.
    source = (page.context.docs_dir / ESTIMATOR_SCRIPT).read_text(encoding="utf-8")
    script_tag = f"<script>{source}</script>"
    # An attribute, not a <script type="application/json">: Material's instant navigation
    # re-runs every script in a new page, JSON included.
    payload = html.escape(json.dumps(data), quote=True)
    buttons = "".join(
        f'<button type="button" class="md-button" data-preset="{html.escape(n)}">{html.escape(p["label"])}</button>'
        for n, p in all_presets.items()
    )
    fields = "".join(
        f'<div class="estimator__field"><label for="est-{n}">{html.escape(n.replace("_", " ").capitalize())}</label>'
        f'<span class="estimator__help" id="est-{n}-help">{html.escape(d)}</span>'
        f'<span class="estimator__input"><input id="est-{n}" name="{n}" data-input="{n}" type="text" '
        f'inputmode="decimal" autocomplete="off" spellcheck="false" '
        f'aria-describedby="est-{n}-unit est-{n}-help est-{n}-error">'
        f'<span class="estimator__unit" id="est-{n}-unit">{html.escape(INPUT_UNITS[n])}</span></span>'
        f'<span class="estimator__error" id="est-{n}-error" data-error="{n}" hidden></span></div>'
        for n, d in INPUTS.items()
    )
    rows = "".join(
        f'<tr><th scope="row">{html.escape(label)}</th>'
        f'<td><output id="est-out-{n}" data-output="{n}" for="{" ".join("est-" + i for i in INPUTS)}">–</output></td>'
        f'<td><code id="est-work-{n}" data-working="{n}"></code></td></tr>'
        for n, (label, _) in OUTPUTS.items()
    )
    return (
        f'<div class="estimator" data-estimator="{payload}">'
        f'<div class="estimator__presets" role="group" aria-label="Presets">{buttons}</div>'
        f'<form class="estimator__form" novalidate aria-label="Assumptions">{fields}</form>'
        f'<div class="estimator__outputs" aria-live="polite"><table><thead><tr><th scope="col">Output</th>'
        f'<th scope="col">Value</th><th scope="col">Working</th></tr></thead><tbody>{rows}</tbody></table></div>'
        f'<p class="estimator__share">'
        f'<button type="button" class="md-button" data-copy-link>Copy link to this estimate</button> '
        f'<span data-copy-status role="status"></span></p>'
        f"{script_tag}</div>"
    )


def _estimator_link(page: _Page, args: list[str], where: str) -> str:
    """A Markdown link to the estimator with every input of a preset in the query string. The
    query is filled in after conversion, as a figure is (ESTIMATOR_LINK, _estimator_query): it
    follows the preset's snippets, which the page's conversion then does not depend on."""
    from sdw import presets

    names = presets.names()
    if len(args) != 1:
        log.warning(f"{where}: md:estimator-link takes one preset name: {', '.join(names)}")
        return ""
    if args[0] not in names:
        log.warning(
            f"{where}: md:estimator-link {args[0]}: no such preset; presets() in src/sdw/presets.py "
            f"defines: {', '.join(names)}{suggest(args[0], names)}"
        )
        return ""
    page.cited.append(Figure((ESTIMATOR_LINK, args[0]), where, "", "an estimator link"))
    query = PLACEHOLDER.format(len(page.cited) - 1)
    return f"[open these assumptions in the estimator]({page.link(ESTIMATOR_PAGE)}?{query})"


def _estimator_query(name: str, where: str) -> str:
    """The estimator link's query: a preset's inputs as the form writes them into its fields
    (estimator.js inputText: 12 significant digits, so a derived input's binary noise, such as
    328.20000000000005, never reaches the address); "" after a warning when a snippet it reads raises."""
    from sdw import presets
    from sdw.estimation import input_text

    preset = _presets(where, ESTIMATOR_LINK, lambda: presets.preset(name))
    if preset is None:
        return ""
    inputs = preset["inputs"]
    return html.escape("&".join(f"{key}={input_text(value)}" for key, value in inputs.items()), quote=False)


class ShortcodeExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # Before pymdownx.snippets (32) inlines files, so that line numbers are the page's own,
        # and before the HTML block processor (20) stashes the comments that shortcodes are.
        md.preprocessors.register(ShortcodePreprocessor(md), "sdw_shortcodes", 40)
        # Last of all, after the raw HTML (30) and every extension's own postprocessors.
        md.postprocessors.register(FigurePostprocessor(md), "sdw_figures", 0)


def makeExtension(**kwargs) -> ShortcodeExtension:
    return ShortcodeExtension(**kwargs)
