#!/usr/bin/env python3
"""Check that the site covers the workflow: every step, in order, with its skeleton and example.

Reads data/steps.yml and data/examples.yml (the one source of truth for the steps and the
worked examples) and mkdocs.yml, then checks, without building the site:

  - steps.yml numbers the steps 0, 1, 2... once each, and each step page exists;
  - each step page, and each example's page for each step 1 to 7, is in `nav` exactly once, in
    step order, with the example's 45-minute page;
  - each step page's H1 is "Step N: <title>" and its H2 headings include the skeleton, in order;
  - each key question listed for a step appears, word for word, on its page, and each example's
    own questions on that example's page for the step;
  - each step page's "Worked example" section generates the links to every example's page for
    the step (<!-- md:worked-examples -->), and each example page links back to its step page;
  - no page in docs/ is left out of `nav` unless `not_in_nav` or `exclude_docs` says so;
  - every Mermaid block is non-empty, starts with a known diagram type and holds no HTML tags;
  - no table cell is longer than a phone can show in a column (sdw.estimation.TABLE_CELL_LIMIT characters);
  - no paragraph is longer than a phone reader can hold in one go (PARAGRAPH_LIMIT characters);
  - no list item follows an item's second paragraph without a blank line, which Python-Markdown shows as
    text (a list glued to a lead-in sentence is rumdl's MD032, run by pre-commit and the tests).

Each problem is printed as `file:line: what is wrong`, then a one-line summary.
Exit codes: 0 no problems, 1 problems found, 2 usage or set-up error. Never modifies a file.

    python scripts/check_coverage.py [--root DIR]
"""

from __future__ import annotations

import difflib
import functools
import itertools
import posixpath
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

try:
    import pathspec
    import yaml
    from markdown_it import MarkdownIt
    from mdit_py_plugins.admon import admon_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin

    from sdw.cli import SetupError, run_check
    from sdw.data import yaml_error_message
    from sdw.estimation import shown_length, table_cell_problem
except ModuleNotFoundError as missing:  # run outside the project's environment
    print(
        f"scripts/check_coverage.py: needs the Python package {missing.name!r}: run `make setup`, then "
        ".venv/bin/python scripts/check_coverage.py",
        file=sys.stderr,
    )
    raise SystemExit(2) from None

STEPS_FILE = "data/steps.yml"
EXAMPLES_FILE = "data/examples.yml"
WORKED_EXAMPLES = "<!-- md:worked-examples -->"  # generates the links to every example's page
# The diagram types Mermaid 11 recognises (the first word of a diagram).
MERMAID_TYPES = (
    "architecture-beta",
    "block",
    "block-beta",
    "C4Component",
    "C4Container",
    "C4Context",
    "C4Deployment",
    "C4Dynamic",
    "classDiagram",
    "classDiagram-v2",
    "erDiagram",
    "flowchart",
    "flowchart-elk",
    "gantt",
    "gitGraph",
    "graph",
    "info",
    "journey",
    "kanban",
    "mindmap",
    "packet",
    "packet-beta",
    "pie",
    "quadrantChart",
    "radar-beta",
    "requirementDiagram",
    "sankey",
    "sankey-beta",
    "sequenceDiagram",
    "stateDiagram",
    "stateDiagram-v2",
    "timeline",
    "treemap-beta",
    "xychart",
    "xychart-beta",
    "zenuml",
)
# About two screens of a phone at 375 px (some 45 characters a line): a paragraph longer than that
# loses its reader's place. Counted as shown (sdw.estimation.shown_length), not as written.
PARAGRAPH_LIMIT = 1_900
# mermaid2's fence puts the diagram source into the page unescaped, so a tag vanishes.
HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*\b[^>]*>")


@dataclass
class Page:
    """A Markdown page, parsed once: headings, links and Mermaid blocks with their lines."""

    path: str  # relative to docs/
    text: str
    headings: list[tuple[int, int, str]] = field(default_factory=list)  # (level, line, text)
    links: list[tuple[int, str]] = field(default_factory=list)  # (line, href)
    mermaid: list[tuple[int, str]] = field(default_factory=list)  # (line of the fence, body)
    cells: list[tuple[int, str]] = field(default_factory=list)  # (line of the row, the cell's source)
    paragraphs: list[tuple[int, str]] = field(default_factory=list)  # (first line, the paragraph's source)
    items: list[int] = field(default_factory=list)  # the line of each list item


@dataclass
class Report:
    problems: list[str] = field(default_factory=list)

    def add(self, where: str, line: int, message: str) -> None:
        self.problems.append(f"{where}:{line}: {message}")


@functools.cache
def _markdown() -> MarkdownIt:
    # One parser for every page: building it (rules, plugins) costs more than parsing a page.
    # Inline parsing (emphasis, code spans, links) is half of a page's parse and the check needs
    # only its links: parse_page runs it on the few blocks that can hold one.
    return MarkdownIt("commonmark").use(front_matter_plugin).use(admon_plugin).enable("table").disable("inline")


# The preview runs this check on every save (src/sdw/mkdocs_hooks/preview_checks.py), with this
# module kept loaded: an unchanged page is not parsed again. The check only reads a Page.
@functools.lru_cache(maxsize=1024)
def parse_page(path: str, text: str) -> Page:
    page = Page(path, text)
    lines = text.splitlines()
    md, env = _markdown(), {}
    tokens = md.parse(text, env)
    joined: list[tuple[int, int, str]] = []  # paragraphs: (first line, the line after, source)
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            page.headings.append((int(token.tag[1]), token.map[0] + 1, tokens[index + 1].content.strip()))
        elif token.type == "fence" and token.info.split(" ")[0] == "mermaid":
            page.mermaid.append((token.map[0] + 1, token.content))
        elif token.type in ("td_open", "th_open"):
            row = next(t for t in reversed(tokens[:index]) if t.type == "tr_open")
            page.cells.append((row.map[0] + 1, tokens[index + 1].content))
        elif token.type == "list_item_open":
            page.items.append(token.map[0] + 1)
        elif token.type == "paragraph_open" or (
            token.type == "html_block" and token.content.lstrip().startswith("<!--")
        ):
            # CommonMark lets a comment at the start of a line (a cited figure) end a paragraph;
            # Python-Markdown, which renders the site, does not: the blocks around it are one paragraph.
            source = tokens[index + 1].content if token.type == "paragraph_open" else token.content
            last = joined[-1] if joined else None
            follows = tokens[index - 1].type if index else ""  # a comment after a paragraph, or the reverse
            if last and follows in ("paragraph_close", "html_block") and last[1] == token.map[0]:
                joined[-1] = (last[0], token.map[1], last[2] + "\n" + source)
            else:
                joined.append((token.map[0] + 1, token.map[1], source))
        # Every link starts with "[" (autolinks, "<https://...>", are never a page's link).
        if token.type == "inline" and token.map and "[" in token.content:
            token.children = []
            md.inline.parse(token.content, md, env, token.children)
            for child in token.children:
                if child.type == "link_open":
                    href = child.attrs.get("href", "")
                    page.links.append((_line_of(lines, token.map, href), href))
    page.paragraphs = [(line, source) for line, _, source in joined]
    return page


def _line_of(lines: list[str], block: list[int], needle: str) -> int:
    """The line of a block that contains `needle` (links in a paragraph may sit on any line)."""
    for number in range(block[0], block[1]):
        if needle and needle in lines[number]:
            return number + 1
    return block[0] + 1


@functools.lru_cache(maxsize=4096)  # the preview checks every page on each rebuild
def _normalise(text: str) -> str:
    """Lower case, no emphasis or code markers, single spaces: what a reader sees."""
    return re.sub(r"\s+", " ", re.sub(r"[*_`]", "", text)).strip().lower()


def _resolve(page_path: str, href: str) -> str:
    """A link's target page, relative to docs/, without its anchor."""
    target = href.split("#", 1)[0]
    if not target or re.match(r"^[a-z]+:", target):
        return ""
    return posixpath.normpath(posixpath.join(posixpath.dirname(page_path), target))


# Composing builds nodes (with their lines) and constructs nothing, so mkdocs.yml's
# `!!python/name:` tags need no handling. libyaml's loader when present: ten times faster.
_YamlLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _compose(path: Path) -> yaml.Node:
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=_YamlLoader)
    except FileNotFoundError as error:
        raise SetupError(f"{path}: not found; run from the repository root or pass --root") from error
    except yaml.MarkedYAMLError as error:
        raise SetupError(yaml_error_message(path, error)) from None
    if not isinstance(node, yaml.MappingNode):
        raise SetupError(f"{path}: expected a mapping at the top level")
    return node


def _get(node: yaml.MappingNode, key: str) -> yaml.Node | None:
    for key_node, value_node in node.value:
        if key_node.value == key:
            return value_node
    return None


def _scalar(node: yaml.Node | None) -> str | None:
    return node.value if isinstance(node, yaml.ScalarNode) else None


def nav_entries(node: yaml.Node | None) -> list[tuple[str, int]]:
    """Every page path in `nav`, in order, with the line it is listed on."""
    entries: list[tuple[str, int]] = []

    def walk(item: yaml.Node) -> None:
        if isinstance(item, yaml.ScalarNode):
            if item.value.endswith(".md"):
                entries.append((item.value, item.start_mark.line + 1))
        elif isinstance(item, yaml.SequenceNode):
            for child in item.value:
                walk(child)
        elif isinstance(item, yaml.MappingNode):
            for _, value in item.value:
                walk(value)

    if node is not None:
        walk(node)
    return entries


@dataclass
class Step:
    number: int
    title: str
    page: str
    example: str | None
    questions: list[tuple[str, int]]
    line: int


def load_steps(path: Path, report: Report) -> tuple[list[str], list[Step]]:
    root = _compose(path)
    where = STEPS_FILE
    skeleton_node, steps_node = _get(root, "skeleton"), _get(root, "steps")
    if not isinstance(skeleton_node, yaml.SequenceNode) or not isinstance(steps_node, yaml.SequenceNode):
        raise SetupError(f"{where}: needs a `skeleton` list and a `steps` list")
    skeleton = [item.value for item in skeleton_node.value]
    steps: list[Step] = []
    for item in steps_node.value:
        line = item.start_mark.line + 1
        if not isinstance(item, yaml.MappingNode):
            raise SetupError(f"{where}:{line}: each step must be a mapping")
        missing = [key for key in ("number", "title", "page", "key_questions") if _get(item, key) is None]
        if missing:
            raise SetupError(f"{where}:{line}: step is missing {', '.join(missing)}")
        questions_node = _get(item, "key_questions")
        questions = [(q.value, q.start_mark.line + 1) for q in getattr(questions_node, "value", [])]
        example = _scalar(_get(item, "example"))
        steps.append(
            Step(
                number=int(_scalar(_get(item, "number")) or -1),
                title=_scalar(_get(item, "title")) or "",
                page=_scalar(_get(item, "page")) or "",
                example=None if example in (None, "null", "~", "") else example,
                questions=questions,
                line=line,
            )
        )
    for expected, step in enumerate(steps):
        if step.number != expected:
            report.add(
                where, step.line, f"step numbered {step.number}; expected {expected} (steps run 0, 1, 2... in order)"
            )
        if not step.questions:
            report.add(where, step.line, f"step {step.number} lists no key_questions")
    seen: dict[str, int] = {}
    for step in steps:
        if step.page in seen:
            report.add(
                where,
                step.line,
                f"step {step.number} reuses the page {step.page} of step {seen[step.page]}; each step has its own page",
            )
        seen[step.page] = step.number
    return skeleton, steps


@dataclass
class Example:
    name: str
    line: int
    pages: dict[int, tuple[str, int]]  # step number -> (page, line in examples.yml)
    interview: tuple[str, int] | None
    questions: dict[int, list[tuple[str, int]]]


def load_examples(path: Path, steps: list[Step], report: Report) -> list[Example]:
    where = EXAMPLES_FILE
    node = _get(_compose(path), "examples")
    if not isinstance(node, yaml.SequenceNode):
        raise SetupError(f"{where}: needs an `examples` list")
    numbers = [step.number for step in steps if step.number > 0]
    examples: list[Example] = []
    for item in node.value:
        line = item.start_mark.line + 1
        name = _scalar(_get(item, "name")) if isinstance(item, yaml.MappingNode) else None
        if not name:
            raise SetupError(f"{where}:{line}: each example needs a `name`")
        pages_node, questions_node = _get(item, "pages"), _get(item, "questions")
        pages: dict[int, tuple[str, int]] = {}
        interview = None
        for key, value in getattr(pages_node, "value", []):
            if key.value == "interview":
                interview = (value.value, value.start_mark.line + 1)
            elif key.value.isdigit():
                pages[int(key.value)] = (value.value, value.start_mark.line + 1)
        questions = {
            int(key.value): [(q.value, q.start_mark.line + 1) for q in getattr(value, "value", [])]
            for key, value in getattr(questions_node, "value", [])
            if key.value.isdigit()
        }
        for number in numbers:
            if number not in pages:
                report.add(where, line, f"example '{name}' has no page for step {number}")
            if not questions.get(number):
                report.add(where, line, f"example '{name}' lists no questions for step {number}")
        if interview is None:
            report.add(where, line, f"example '{name}' has no 45-minute page (pages: interview:)")
        examples.append(Example(name, line, pages, interview, questions))
    return examples


def check_nav(nav: list[tuple[str, int]], nav_line: int, wanted: list[tuple[str, str]], report: Report) -> None:
    """`wanted`: (page, label) pairs that must each be in nav once, in this order."""
    positions: dict[str, list[int]] = {}
    for index, (path, _) in enumerate(nav):
        positions.setdefault(path, []).append(index)
    previous: tuple[int, str, str] | None = None  # (nav index, page, label)
    for page, label in wanted:
        found = positions.get(page, [])
        if not found:
            if previous:  # point at the entry it should follow
                report.add(
                    "mkdocs.yml", nav[previous[0]][1], f"nav: {page} ({label}) is missing; add it after {previous[1]}"
                )
            else:
                report.add("mkdocs.yml", nav_line, f"nav: {page} ({label}) is missing")
            continue
        if len(found) > 1:
            lines = ", ".join(str(nav[i][1]) for i in found)
            report.add(
                "mkdocs.yml", nav[found[1]][1], f"nav: {page} ({label}) is listed more than once (lines {lines})"
            )
        index = found[0]
        if previous and index < previous[0]:
            report.add(
                "mkdocs.yml",
                nav[index][1],
                f"nav: {page} ({label}) comes before {previous[1]} ({previous[2]}); list them in step order",
            )
        previous = (index, page, label)


def check_step_page(step: Step, page: Page, skeleton: list[str], report: Report) -> None:
    where = f"docs/{step.page}"
    expected_title = f"Step {step.number}: {step.title}"
    h1 = [(line, text) for level, line, text in page.headings if level == 1]
    if not h1:
        report.add(where, 1, f'no "# {expected_title}" heading')
    elif h1[0][1] != expected_title:
        report.add(where, h1[0][0], f'title is "{h1[0][1]}"; expected "{expected_title}" (from {STEPS_FILE})')

    h2 = [(line, text) for level, line, text in page.headings if level == 2]
    h2_texts = [text for _, text in h2]
    found_at: list[int] = []  # index into h2 of each skeleton heading found
    for order, heading in enumerate(skeleton):
        if heading not in h2_texts:
            before = f'after "## {skeleton[order - 1]}"' if order else "first"
            others = [text for text in h2_texts if text not in skeleton]
            close = difflib.get_close_matches(heading, others, n=1, cutoff=0.6)
            if close:  # most likely renamed: point at it
                line = h2[h2_texts.index(close[0])][0]
                report.add(
                    where,
                    line,
                    f'section "## {close[0]}" should be "## {heading}" (skeleton headings are fixed; see {STEPS_FILE})',
                )
            else:  # point where it belongs: after the previous skeleton heading found
                line = h2[found_at[-1]][0] if found_at else 1
                report.add(where, line, f'missing section "## {heading}" (expected {before})')
            continue
        found_at.append(h2_texts.index(heading))
    for previous, current in itertools.pairwise(found_at):
        if current < previous:
            (early_line, early), (late_line, late) = h2[current], h2[previous]
            report.add(
                where,
                late_line,
                f'section "## {late}" comes after "## {early}" (line {early_line}); the skeleton order is: '
                + ", ".join(skeleton),
            )
            break

    page_text = _normalise(page.text)
    questions_line = next((line for line, text in h2 if text == "Questions to ask"), 1)
    for question, line in step.questions:
        if _normalise(question) not in page_text:
            report.add(where, questions_line, f'key question missing: "{question}" (listed in {STEPS_FILE}:{line})')

    if step.number > 0:
        section = _section_lines(h2, "Worked example", len(page.text.splitlines()))
        lines = page.text.splitlines()[section[0] - 1 : section[1] - 1] if section[0] > 1 else []
        if not any(WORKED_EXAMPLES in text for text in lines):
            report.add(
                where,
                section[0] if section[0] > 1 else 1,
                f'"## Worked example" does not hold {WORKED_EXAMPLES}, which links every example\'s page for this '
                f"step (from {EXAMPLES_FILE})",
            )


def check_example_page(example: Example, number: int, step: Step, page: Page, report: Report) -> None:
    """An example's page for a step: it links back to the step page and asks the example's questions."""
    where = f"docs/{page.path}"
    h1_line = next((line for level, line, _ in page.headings if level == 1), 1)
    if step.page not in {_resolve(page.path, href) for _, href in page.links}:
        report.add(where, h1_line, f"does not link back to its step page {step.page}")
    text = _normalise(page.text)
    for question, line in example.questions.get(number, []):
        if _normalise(question) not in text:
            report.add(where, h1_line, f'example question missing: "{question}" (listed in {EXAMPLES_FILE}:{line})')


def _section_lines(h2: list[tuple[int, str]], title: str, last_line: int) -> tuple[int, int]:
    for index, (line, text) in enumerate(h2):
        if text == title:
            end = h2[index + 1][0] if index + 1 < len(h2) else last_line + 1
            return line, end
    return 1, 1


def check_mermaid(page: Page, report: Report) -> int:
    where = f"docs/{page.path}"
    for line, body in page.mermaid:
        meaningful = [text.strip() for text in body.splitlines() if text.strip() and not text.strip().startswith("%%")]
        if meaningful[:1] == ["---"]:  # a front-matter block (title, config) comes first
            closing = meaningful.index("---", 1) if "---" in meaningful[1:] else len(meaningful)
            meaningful = meaningful[closing + 1 :]
        if not meaningful:
            report.add(where, line, "empty Mermaid block")
            continue
        kind = meaningful[0].split()[0].rstrip(":;")
        if kind not in MERMAID_TYPES:
            close = difflib.get_close_matches(kind, MERMAID_TYPES, n=1)
            hint = f' (did you mean "{close[0]}"?)' if close else ""
            report.add(
                where,
                line,
                f'unknown Mermaid diagram type "{kind}"{hint}; a diagram starts with its type, '
                "such as flowchart, sequenceDiagram, erDiagram, classDiagram or stateDiagram-v2",
            )
        for offset, text in enumerate(body.splitlines()):
            tag = HTML_TAG.search(text)
            if tag:
                report.add(
                    where,
                    line + 1 + offset,
                    f'HTML tag "{tag[0]}" in a Mermaid block is dropped when the page renders; use plain text',
                )
    return len(page.mermaid)


def check_table_cells(page: Page, report: Report) -> None:
    for line, source in page.cells:
        problem = table_cell_problem(source)
        if problem:
            report.add(f"docs/{page.path}", line, problem)


def check_paragraphs(page: Page, report: Report) -> None:
    for line, source in page.paragraphs:
        length = shown_length(source)
        if length > PARAGRAPH_LIMIT:
            start = " ".join(source.split())[:40]
            report.add(
                f"docs/{page.path}",
                line,
                f"a paragraph of {length:,} characters, more than the {PARAGRAPH_LIMIT:,} a phone shows in about two "
                f'screens: split it where its subject turns (it starts "{start}")',
            )


LIST_MARKER = re.compile(r"\s*(?:[-*+]|\d+[.)])\s")
# A block that opens an admonition, a collapsible box or a content tab holds its list as it starts.
CONTAINER = re.compile(r"\s*(?:!!!|\?\?\?\+?|===)\s")


def check_list_items(page: Page, report: Report) -> None:
    """Python-Markdown, which renders the site, reads blank-line-separated blocks: a list item in a
    block that an item's second paragraph starts (indented) is shown as that paragraph's text.
    CommonMark, which this check and rumdl parse with, starts a new item there, so rumdl's MD032
    (blank lines around lists) catches only the list glued to an unindented lead-in sentence."""
    lines = page.text.splitlines()
    blocks = set()  # one message a block: the items after the first are swallowed with it
    for line in page.items:
        start = line - 1  # 0-based; walk back to the first line of the item's block
        while start > 0 and lines[start - 1].strip():
            start -= 1
        opener = LIST_MARKER.match(lines[start]) or CONTAINER.match(lines[start])
        indented = lines[start][:1].isspace()
        if start < line - 1 and indented and not opener and start not in blocks:
            blocks.add(start)
            report.add(
                f"docs/{page.path}",
                line,
                "this list item follows the previous item's second paragraph with no blank line between, so "
                "the page shows it as text in that paragraph: put a blank line before it",
            )


def _data_cells(example: yaml.Node) -> list[yaml.Node]:
    """The words of one example that the shortcodes put in table cells: what each step settles,
    the comparison tables' cells, and the 45-minute plan's "say" and "draw" and its wrap-up."""
    cells: list[yaml.Node] = [value for _, value in getattr(_get(example, "settles"), "value", [])]
    for _, step in getattr(_get(example, "compare"), "value", []):
        cells += [value for _, value in getattr(step, "value", [])]
    for key, value in getattr(_get(example, "interview"), "value", []):
        if key.value == "wrap_up":
            cells.append(value)
        elif key.value.isdigit():
            cells += [text for name, text in getattr(value, "value", []) if name.value in ("say", "draw")]
    return [cell for cell in cells if isinstance(cell, yaml.ScalarNode)]


def check_data_cells(path: Path, report: Report) -> None:
    for example in getattr(_get(_compose(path), "examples"), "value", []):
        for cell in _data_cells(example) if isinstance(example, yaml.MappingNode) else []:
            problem = table_cell_problem(cell.value)
            if problem:
                report.add(EXAMPLES_FILE, cell.start_mark.line + 1, problem)


def run(root: Path) -> tuple[list[str], str]:
    report = Report()
    config = _compose(root / "mkdocs.yml")
    docs_dir = root / (_scalar(_get(config, "docs_dir")) or "docs")
    skeleton, steps = load_steps(root / STEPS_FILE, report)
    examples = load_examples(root / EXAMPLES_FILE, steps, report)
    nav_node = _get(config, "nav")
    nav = nav_entries(nav_node)
    nav_line = nav_node.start_mark.line if nav_node is not None else 1  # the `nav:` key's line

    def spec(key: str) -> pathspec.PathSpec:
        lines = (_scalar(_get(config, key)) or "").splitlines()
        return pathspec.GitIgnoreSpec.from_lines([".*", "/templates/", *lines] if key == "exclude_docs" else lines)

    excluded, not_in_nav = spec("exclude_docs"), spec("not_in_nav")
    pages: dict[str, Page] = {}
    for path in sorted(docs_dir.rglob("*.md")):
        relative = path.relative_to(docs_dir).as_posix()
        if not excluded.match_file(relative):
            pages[relative] = parse_page(relative, path.read_text(encoding="utf-8"))

    # Every step page exists, is the only page of its step, and is in nav in order.
    for step in steps:
        if step.page not in pages:
            report.add(STEPS_FILE, step.line, f"step {step.number} page docs/{step.page} does not exist")
    listed = {step.page for step in steps}
    for path in pages:
        if re.match(r"workflow/step-\d+", path) and path not in listed:
            report.add(f"docs/{path}", 1, f"looks like a step page but is not listed in {STEPS_FILE}")
    check_nav(nav, nav_line, [(s.page, f"step {s.number}") for s in steps], report)
    for example in examples:
        for number, (page, line) in sorted(example.pages.items()):
            if page not in pages:
                report.add(
                    EXAMPLES_FILE, line, f"example '{example.name}' step {number} page docs/{page} does not exist"
                )
        if example.interview and example.interview[0] not in pages:
            report.add(
                EXAMPLES_FILE,
                example.interview[1],
                f"example '{example.name}' 45-minute page docs/{example.interview[0]} does not exist",
            )
        wanted = [
            (page, f"{example.name} example, step {number}") for number, (page, _) in sorted(example.pages.items())
        ]
        if example.interview:
            wanted.append((example.interview[0], f"{example.name} example, 45 minutes"))
        check_nav(nav, nav_line, wanted, report)
    nav_paths = {path for path, _ in nav}
    for path, line in nav:
        if path not in pages:
            report.add("mkdocs.yml", line, f"nav: {path} does not exist in docs/")

    # Skeleton, questions and links on each step page; links back from each example page.
    for step in steps:
        if step.page in pages:
            check_step_page(step, pages[step.page], skeleton, report)
    for example in examples:
        for number, (path, _) in sorted(example.pages.items()):
            step = next((s for s in steps if s.number == number), None)
            if step is None or path not in pages:
                continue
            check_example_page(example, number, step, pages[path], report)

    # Orphans and diagrams.
    for path in pages:
        if path not in nav_paths and not not_in_nav.match_file(path):
            report.add(
                f"docs/{path}",
                1,
                "page is not in nav; add it to nav in mkdocs.yml, or to not_in_nav if only links reach it",
            )
    diagrams = sum(check_mermaid(page, report) for page in pages.values())
    for page in pages.values():
        check_table_cells(page, report)
        check_paragraphs(page, report)
        check_list_items(page, report)
    check_data_cells(root / EXAMPLES_FILE, report)

    example_pages = sum(len(example.pages) for example in examples)
    counted = (
        f"{len(steps)} step pages, {len(examples)} examples with {example_pages} step pages, {len(pages)} pages, "
        f"{diagrams} Mermaid blocks"
    )
    return report.problems, counted


def main(argv: list[str] | None = None) -> int:
    return run_check("check_coverage", __doc__, run, argv)


if __name__ == "__main__":
    sys.exit(main())
