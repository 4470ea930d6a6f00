"""scripts/check_coverage.py: each kind of mistake, fed into a copy, gives its exact message."""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import sys
from pathlib import Path

import check_coverage
import yaml
from conftest import ROOT, append_line, replace_once, run

STEPS = yaml.safe_load((ROOT / "data/steps.yml").read_text(encoding="utf-8"))
STEP = {step["number"]: step for step in STEPS["steps"]}


def check_as_a_contributor(root: Path) -> tuple[int, list[str]]:
    """Run the script from the copy's root, as a contributor would; return (exit code, lines)."""
    result = run([sys.executable, str(ROOT / "scripts/check_coverage.py")], cwd=root)
    return result.returncode, (result.stdout + result.stderr).splitlines()


def check(root: Path) -> tuple[int, list[str]]:
    """The check's main() on the copy, in this process: the same lines and exit code as the script
    (the clean site, the missing config and test_the_check_modifies_nothing run the script itself), without a Python
    start and a parse of every page per mistake: pages the copy shares with the repository are
    parsed once per worker (parse_page's cache), as in the preview."""
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
        code = check_coverage.main(["--root", str(root)])
    return code, printed.getvalue().splitlines()


def problems(lines: list[str]) -> list[str]:
    assert lines[-1].startswith("check_coverage: "), lines
    return lines[:-1]


def nav_line(root: Path, entry: str) -> int:
    lines = (root / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    return next(number for number, text in enumerate(lines, 1) if text.strip() == f"- {entry}")


def test_the_site_is_clean(site_copy: Path) -> None:
    code, lines = check_as_a_contributor(site_copy)
    assert (code, problems(lines)) == (0, [])
    pages = sum(1 for example in EXAMPLES for key in example["pages"] if key != "interview")
    assert lines[-1].startswith(f"check_coverage: OK (8 step pages, {len(EXAMPLES)} examples with {pages} step pages, ")


def test_help_explains_the_check() -> None:
    result = run([sys.executable, "scripts/check_coverage.py", "--help"])
    assert result.returncode == 0
    assert "steps.yml" in result.stdout
    assert "Exit codes: 0 no problems, 1 problems found, 2 usage or set-up error." in result.stdout


def test_a_missing_config_is_a_setup_error(tmp_path: Path) -> None:
    code, lines = check_as_a_contributor(tmp_path)
    assert code == 2
    assert lines == [f"check_coverage: {tmp_path}/mkdocs.yml: not found; run from the repository root or pass --root"]


def test_step_page_removed_from_nav(site_copy: Path) -> None:
    page, previous = STEP[6]["page"], STEP[5]["page"]
    previous_line = nav_line(site_copy, previous)
    replace_once(site_copy / "mkdocs.yml", f"      - {page}\n", "")
    code, lines = check(site_copy)
    assert code == 1
    assert problems(lines) == [
        f"mkdocs.yml:{previous_line}: nav: {page} (step 6) is missing; add it after {previous}",
        f"docs/{page}:1: page is not in nav; add it to nav in mkdocs.yml, or to not_in_nav if only links reach it",
    ]


def test_step_pages_out_of_order_in_nav(site_copy: Path) -> None:
    three, four = STEP[3]["page"], STEP[4]["page"]
    replace_once(site_copy / "mkdocs.yml", f"      - {three}\n      - {four}\n", f"      - {four}\n      - {three}\n")
    code, lines = check(site_copy)
    assert code == 1
    assert problems(lines) == [
        f"mkdocs.yml:{nav_line(site_copy, four)}: nav: {four} (step 4) comes before {three} (step 3); "
        "list them in step order"
    ]


def test_step_page_renamed(site_copy: Path) -> None:
    page = STEP[7]["page"]
    renamed = page.replace(".md", "-and-fixes.md")
    (site_copy / "docs" / page).rename(site_copy / "docs" / renamed)
    steps_lines = (site_copy / "data/steps.yml").read_text(encoding="utf-8").splitlines()
    step_line = next(n for n, text in enumerate(steps_lines, 1) if text.strip() == "- number: 7")
    code, lines = check(site_copy)
    assert code == 1
    assert problems(lines) == [
        f"data/steps.yml:{step_line}: step 7 page docs/{page} does not exist",
        f"docs/{renamed}:1: looks like a step page but is not listed in data/steps.yml",
        f"mkdocs.yml:{nav_line(site_copy, page)}: nav: {page} does not exist in docs/",
        f"docs/{renamed}:1: page is not in nav; add it to nav in mkdocs.yml, or to not_in_nav if only links reach it",
    ]


def test_skeleton_heading_missing(site_copy: Path) -> None:
    page = site_copy / "docs" / STEP[2]["page"]
    text = page.read_text(encoding="utf-8")
    pitfalls_line = text[: text.index("## Common pitfalls")].count("\n") + 1
    start, end = text.index("## Time budget"), text.index("## Worked example")
    page.write_text(text[:start] + text[end:], encoding="utf-8")
    code, lines = check(site_copy)
    assert code == 1
    assert problems(lines) == [
        f'docs/{STEP[2]["page"]}:{pitfalls_line}: missing section "## Time budget" '
        '(expected after "## Common pitfalls")'
    ]


def test_skeleton_heading_renamed(site_copy: Path) -> None:
    line = replace_once(site_copy / "docs" / STEP[1]["page"], "## Common pitfalls", "## Common Pitfalls To Avoid")
    code, lines = check(site_copy)
    assert code == 1
    assert problems(lines) == [
        f'docs/{STEP[1]["page"]}:{line}: section "## Common Pitfalls To Avoid" should be "## Common pitfalls" '
        "(skeleton headings are fixed; see data/steps.yml)"
    ]


def test_skeleton_heading_out_of_order(site_copy: Path) -> None:
    page = site_copy / "docs" / STEP[3]["page"]
    text = page.read_text(encoding="utf-8")
    why = text[text.index("## Why it matters") : text.index("## Questions to ask")]
    text = text.replace(why, "")
    text = text.replace("## Common pitfalls", why + "## Common pitfalls")
    page.write_text(text, encoding="utf-8")
    line = text[: text.index("## Why it matters")].count("\n") + 1
    code, lines = check(site_copy)
    assert code == 1
    questions_line = text[: text.index("## Questions to ask")].count("\n") + 1
    assert problems(lines) == [
        f'docs/{STEP[3]["page"]}:{line}: section "## Why it matters" comes after "## Questions to ask" '
        f"(line {questions_line}); the skeleton order is: " + ", ".join(STEPS["skeleton"])
    ]


def test_key_question_dropped(site_copy: Path) -> None:
    question = STEP[1]["key_questions"][2]
    page = site_copy / "docs" / STEP[1]["page"]
    replace_once(page, question, "Will tweets carry pictures?")
    text = page.read_text(encoding="utf-8")
    questions_line = text[: text.index("## Questions to ask")].count("\n") + 1
    steps_lines = (ROOT / "data/steps.yml").read_text(encoding="utf-8").splitlines()
    listed = next(n for n, line in enumerate(steps_lines, 1) if question in line)
    code, lines = check(site_copy)
    assert code == 1
    assert problems(lines) == [
        f'docs/{STEP[1]["page"]}:{questions_line}: key question missing: "{question}" '
        f"(listed in data/steps.yml:{listed})"
    ]


def test_key_question_found_despite_emphasis_and_line_breaks(site_copy: Path) -> None:
    question = STEP[6]["key_questions"][0]  # "How should we partition the data across many databases?"
    words = question.split(" ")
    rewrapped = "**" + " ".join(words[:3]) + "\n  " + " ".join(words[3:]) + "**"
    replace_once(site_copy / "docs" / STEP[6]["page"], f"**{question}**", rewrapped)
    code, lines = check(site_copy)
    assert (code, problems(lines)) == (0, [])


# The second example: every check applies to each example, not to Twitter alone.
EXAMPLES = yaml.safe_load((ROOT / "data/examples.yml").read_text(encoding="utf-8"))["examples"]
SECOND = EXAMPLES[1]


def examples_line(text: str) -> int:
    """The line of `text` in data/examples.yml."""
    lines = (ROOT / "data/examples.yml").read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if line.strip() == text)


def h1_line(path: Path) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if line.startswith("# "))


def test_example_page_does_not_link_back(site_copy: Path) -> None:
    page = SECOND["pages"][4]
    example = site_copy / "docs" / page
    text = example.read_text(encoding="utf-8")
    # Every link to the step page, anchors included, now points elsewhere.
    pattern = re.escape(f"](../../{STEP[4]['page']}") + r"(#[^)]*)?\)"
    example.write_text(re.sub(pattern, "](../../index.md)", text), encoding="utf-8")
    code, lines = check(site_copy)
    assert code == 1
    assert problems(lines) == [f"docs/{page}:{h1_line(example)}: does not link back to its step page {STEP[4]['page']}"]


def test_example_page_missing(site_copy: Path) -> None:
    page = SECOND["pages"][3]
    (site_copy / "docs" / page).unlink()
    code, lines = check(site_copy)
    assert code == 1
    assert problems(lines) == [
        f"data/examples.yml:{examples_line(f'3: {page}')}: example '{SECOND['name']}' step 3 page docs/{page} "
        "does not exist",
        f"mkdocs.yml:{nav_line(site_copy, page)}: nav: {page} does not exist in docs/",
    ]


def test_example_page_left_out_of_nav(site_copy: Path) -> None:
    page, previous = SECOND["pages"][5], SECOND["pages"][4]
    previous_line = nav_line(site_copy, previous)
    replace_once(site_copy / "mkdocs.yml", f"          - {page}\n", "")
    code, lines = check(site_copy)
    assert code == 1
    assert problems(lines) == [
        f"mkdocs.yml:{previous_line}: nav: {page} ({SECOND['name']} example, step 5) is missing; "
        f"add it after {previous}",
        f"docs/{page}:1: page is not in nav; add it to nav in mkdocs.yml, or to not_in_nav if only links reach it",
    ]


def test_example_pages_out_of_order_in_nav(site_copy: Path) -> None:
    six, seven = SECOND["pages"][6], SECOND["pages"][7]
    replace_once(
        site_copy / "mkdocs.yml",
        f"          - {six}\n          - {seven}\n",
        f"          - {seven}\n          - {six}\n",
    )
    code, lines = check(site_copy)
    assert code == 1
    assert problems(lines) == [
        f"mkdocs.yml:{nav_line(site_copy, seven)}: nav: {seven} ({SECOND['name']} example, step 7) comes before "
        f"{six} ({SECOND['name']} example, step 6); list them in step order",
    ]


def test_example_question_dropped(site_copy: Path) -> None:
    question = SECOND["questions"][2][0]
    page = site_copy / "docs" / SECOND["pages"][2]
    text = page.read_text(encoding="utf-8")
    assert question in text
    page.write_text(text.replace(question, "A question worded otherwise?"), encoding="utf-8")
    code, lines = check(site_copy)
    assert code == 1
    assert problems(lines) == [
        f'docs/{SECOND["pages"][2]}:{h1_line(page)}: example question missing: "{question}" '
        f"(listed in data/examples.yml:{examples_line(f'- {question}')})"
    ]


def test_an_example_without_a_page_for_a_step(site_copy: Path) -> None:
    name, page = SECOND["name"], SECOND["pages"][7]
    replace_once(site_copy / "data/examples.yml", f"    7: {page}\n", "")
    code, lines = check(site_copy)
    assert code == 1
    assert problems(lines) == [
        f"data/examples.yml:{examples_line(f'- name: {name}')}: example '{name}' has no page for step 7"
    ]


def test_step_page_does_not_generate_its_examples(site_copy: Path) -> None:
    page = site_copy / "docs" / STEP[5]["page"]
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("<!-- md:worked-examples -->", ""), encoding="utf-8")
    line = text[: text.index("## Worked example")].count("\n") + 1
    code, lines = check(site_copy)
    assert code == 1
    assert problems(lines) == [
        f'docs/{STEP[5]["page"]}:{line}: "## Worked example" does not hold <!-- md:worked-examples -->, which '
        "links every example's page for this step (from data/examples.yml)"
    ]


def test_orphan_page_and_not_in_nav(site_copy: Path) -> None:
    (site_copy / "docs/notes.md").write_text("# Notes\n", encoding="utf-8")
    code, lines = check(site_copy)
    assert code == 1
    assert problems(lines) == [
        "docs/notes.md:1: page is not in nav; add it to nav in mkdocs.yml, or to not_in_nav if only links reach it"
    ]
    append_line(site_copy / "mkdocs.yml", "not_in_nav: |\n  /notes.md")
    code, lines = check(site_copy)
    assert (code, problems(lines)) == (0, [])


def test_empty_mermaid_block(site_copy: Path) -> None:
    line = append_line(site_copy / "docs" / STEP[5]["page"], "```mermaid\n```")
    code, lines = check(site_copy)
    assert code == 1
    assert problems(lines) == [f"docs/{STEP[5]['page']}:{line}: empty Mermaid block"]


def test_unknown_mermaid_diagram_type(site_copy: Path) -> None:
    line = append_line(site_copy / "docs" / STEP[5]["page"], "```mermaid\n%% a comment\nflowchar TD\n  A --> B\n```")
    code, lines = check(site_copy)
    assert code == 1
    assert problems(lines) == [
        f'docs/{STEP[5]["page"]}:{line}: unknown Mermaid diagram type "flowchar" (did you mean "flowchart"?); '
        "a diagram starts with its type, such as flowchart, sequenceDiagram, erDiagram, classDiagram or stateDiagram-v2"
    ]


def test_html_inside_mermaid(site_copy: Path) -> None:
    line = append_line(site_copy / "docs" / STEP[5]["page"], '```mermaid\nflowchart TD\n  A["two<br>lines"] --> B\n```')
    code, lines = check(site_copy)
    assert code == 1
    assert problems(lines) == [
        f'docs/{STEP[5]["page"]}:{line + 2}: HTML tag "<br>" in a Mermaid block is dropped when the page renders; '
        "use plain text"
    ]


def test_steps_numbered_out_of_sequence(site_copy: Path) -> None:
    line = replace_once(site_copy / "data/steps.yml", "  - number: 3\n", "  - number: 4\n")
    code, lines = check(site_copy)
    assert code == 1
    assert problems(lines)[0] == (f"data/steps.yml:{line}: step numbered 4; expected 3 (steps run 0, 1, 2... in order)")


def test_the_check_modifies_nothing(site_copy: Path) -> None:
    before = {p: p.read_bytes() for p in site_copy.rglob("*") if p.is_file()}
    append_line(site_copy / "docs" / STEP[1]["page"], "```mermaid\n```")
    before[site_copy / "docs" / STEP[1]["page"]] = (site_copy / "docs" / STEP[1]["page"]).read_bytes()
    check_as_a_contributor(site_copy)
    after = {p: p.read_bytes() for p in site_copy.rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    assert after == before
    shutil.rmtree(site_copy / "docs", ignore_errors=True)


def test_a_missing_requirement_is_a_set_up_error_with_the_command_that_installs_it() -> None:
    # -S: no site-packages, as with a Python that the project's set-up never touched.
    result = run([sys.executable, "-S", "scripts/check_coverage.py"])
    assert result.returncode == 2
    assert result.stderr == (
        "scripts/check_coverage.py: needs the Python package 'pathspec': run `make setup`, then "
        ".venv/bin/python scripts/check_coverage.py\n"
    )


# 250 characters of source that show as 270: the link as its text, each cited figure as six.
MARKED_UP_CELL = "word " * 50 + "[a link](https://example.com/a/long/address) <!-- md:fig a.b --> <!-- md:fig c.d -->"


def test_a_table_cell_too_long_for_a_phone(site_copy: Path) -> None:
    page = STEP[2]["page"]
    table = f"| Option | Why |\n|---|---|\n| a | {MARKED_UP_CELL} |\n| b | {'word ' * 61}|"
    line = append_line(site_copy / "docs" / page, table)
    code, lines = check(site_copy)
    assert code == 1
    # The second row: 61 words of four letters and the 60 spaces between them, 304 characters;
    # the first, 338 characters of source, shows as 249 + " a link" + two " 123.4K": 270.
    assert problems(lines) == [
        f"docs/{page}:{line + 3}: a table cell of 304 characters, more than the 300 a phone shows in a column: "
        'shorten it (it starts "word word word word word word word word "), or say the rest under the table'
    ]


def test_a_paragraph_too_long_for_a_phone(site_copy: Path) -> None:
    page = STEP[2]["page"]
    # A list item of 379 "word "s and "words": 1,895 + 5 = 1,900 characters, the most allowed.
    append_line(site_copy / "docs" / page, "- " + "word " * 379 + "words")
    # 190 words (949 characters), a line break (one space), then a line that starts with a cited
    # figure: "123.4K and " (11) and 189 words (944), 955. CommonMark ends a paragraph at a comment
    # that starts a line, Python-Markdown does not: one paragraph of 949 + 1 + 955 = 1,905.
    text = ("word " * 190).strip() + "\n<!-- md:fig a.b --> and " + ("word " * 189).strip()
    line = append_line(site_copy / "docs" / page, text)
    code, lines = check(site_copy)
    assert code == 1
    assert problems(lines) == [
        f"docs/{page}:{line}: a paragraph of 1,905 characters, more than the 1,900 a phone shows in about two "
        'screens: split it where its subject turns (it starts "word word word word word word word word ")'
    ]


def test_a_list_item_right_after_an_items_second_paragraph(site_copy: Path) -> None:
    page = STEP[3]["page"]
    # Fine: a list after a blank line, an item's second paragraph with blank lines around it, a list
    # that starts a box, and a list glued to a lead-in sentence (rumdl's MD032 reports that one).
    append_line(site_copy / "docs" / page, "Options:\n\n- one\n\n    more about one\n\n- two")
    boxes = "- an item\n\n    !!! note\n        - in a box\n        - and another\n\n"
    boxes += '    ??? question "Q"\n        - an answer'
    append_line(site_copy / "docs" / page, boxes)
    append_line(site_copy / "docs" / page, "Options:\n- one\n- two")
    # Shown as text by Python-Markdown, both items, inside the second paragraph: one message a block,
    # at the first item swallowed.
    item = append_line(site_copy / "docs" / page, "- three\n\n    more about three\n- four\n- five")
    code, lines = check(site_copy)
    assert code == 1
    assert problems(lines) == [
        f"docs/{page}:{item + 3}: this list item follows the previous item's second paragraph with no blank "
        "line between, so the page shows it as text in that paragraph: put a blank line before it"
    ]


def test_a_cell_from_the_examples_data_too_long_for_a_phone(site_copy: Path) -> None:
    # Twitter's settles.1 becomes 61 words (304 characters); its old text moves to a key of its own.
    old = "  settles:\n    1: 'In: tweets"
    line = replace_once(site_copy / "data/examples.yml", old, old.replace("1: ", "1: " + "word " * 61 + "\n    0: "))
    code, lines = check(site_copy)
    assert code == 1
    assert problems(lines) == [
        f"data/examples.yml:{line + 1}: a table cell of 304 characters, more than the 300 a phone shows in a column: "
        'shorten it (it starts "word word word word word word word word "), or say the rest under the table'
    ]
