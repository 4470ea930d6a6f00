"""sdw.snippet_fence: a block showing a whole snippet prints what running the file prints, from the
module the build imported; anything else is markdown-exec's, errors included."""

from __future__ import annotations

import contextlib
import io
import re

import markdown_exec
import pytest
from conftest import ROOT, SNIPPETS, convert
from selectolax.lexbor import LexborHTMLParser

from sdw import snippet_fence, snippets

SHOWN = re.compile(r'```python exec="on"[^\n]*\n--8<-- "(?P<file>[\w.]+)"\n```')
SHOWN_FILES = sorted({m["file"] for page in (ROOT / "docs").rglob("*.md") for m in SHOWN.finditer(page.read_text())})


def block(file: str) -> str:
    return f'```python exec="on" source="tabbed-right" tabs="{file}|Figures"\n--8<-- "{file}"\n```\n'


def test_the_pages_show_snippets() -> None:
    assert len(SHOWN_FILES) > 30, SHOWN_FILES


def _no_full_run(*args, **kwargs):
    raise AssertionError("markdown-exec ran the whole file: the shortcut was not taken")


@pytest.mark.parametrize("file", SHOWN_FILES)
def test_a_shown_snippet_prints_what_running_it_prints(file: str, monkeypatch) -> None:
    """The shortcut's output against the file run as a script, in full (by markdown-exec), for every
    snippet a page shows. (That each prints a table run alone is test_estimation's.)"""
    name = file.removesuffix(".py")
    code = (SNIPPETS / file).read_text(encoding="utf-8")
    assert snippet_fence.snippet_named_by(code) == name
    assert snippet_fence._printing(name) is not None, f"{file} does not end with `if __name__ != {name!r}:`"
    with monkeypatch.context() as patched:
        patched.setattr(markdown_exec, "formatter", _no_full_run)
        ours = convert("test.md", block(file)).html
    assert "<table>" in ours
    # With a comment added the code is no snippet's file, so markdown-exec runs all of it.
    not_the_file = code.rstrip("\n") + "\n# not the file"
    assert snippet_fence.snippet_named_by(not_the_file) is None
    theirs = convert("test.md", block(file).replace(f'--8<-- "{file}"', not_the_file)).html
    # The same HTML, source tab included, once the added comment is taken out of it.
    comment = '\n<span class="c1"># not the file</span>'
    assert theirs.count(comment) == 1
    assert _numbered(ours) == _numbered(theirs.replace(comment, ""))


def _numbered(html: str) -> str:
    """The HTML without markdown-exec's block numbers, which count the blocks converted so far."""
    return re.sub(r"\bn\d+\b|\bexec-\d+--", "n", html)


def test_a_block_of_other_code_runs_as_markdown_exec_runs_it() -> None:
    html = convert("test.md", '```python exec="on"\nprint("**made** by " + str(6 * 7))\n```\n').html
    assert "<strong>made</strong> by 42" in html


def _site_with_snippets(root, **files: str):
    """A folder whose docs/snippets/ holds `files` (name -> code); convert(..., root=it) uses them."""
    folder = root / "docs" / "snippets"
    folder.mkdir(parents=True)
    for name, code in files.items():
        (folder / f"{name}.py").write_text(code, encoding="utf-8")
    snippets.use(folder)
    return root


def test_a_snippet_that_fails_to_import_is_reported_at_the_page_and_the_snippets_line(tmp_path) -> None:
    """As a figure of it would be: the page's line, then the snippet's, then what to run."""
    code = 'x = 1 / 0\n\nif __name__ != "broken":\n    print(x)\n'
    root = _site_with_snippets(tmp_path, broken=code)
    assert snippet_fence.snippet_named_by(code) == "broken"
    converted = convert("test.md", f'Text.\n\n```python exec="on"\n{code}\n```\n', root=root)
    assert converted.warnings == [
        "docs/test.md:4: the block showing broken.py: docs/snippets/broken.py:1 raised ZeroDivisionError: "
        "division by zero; run python docs/snippets/broken.py to see the whole traceback"
    ]
    # The traceback, in the block's place.
    assert "ZeroDivisionError: division by zero" in LexborHTMLParser(converted.html).text()


def test_a_snippet_whose_printing_fails_is_reported_where_it_fails(tmp_path) -> None:
    """A snippet that imports but fails as it prints (a table cell too long for markdown_table, say)
    must warn, so a strict build stops, naming the snippet's file and line: it once left the block
    to superfences, which showed its code as plain text and passed the strict build."""
    code = 'x = 1\n\nif __name__ != "prints_badly":\n    print(x)\n    raise ValueError("a cell too long")\n'
    root = _site_with_snippets(tmp_path, prints_badly=code)
    converted = convert("test.md", f'```python exec="on"\n{code}\n```\n', root=root)
    assert converted.warnings == [
        "docs/test.md:2: the block showing prints_badly.py: docs/snippets/prints_badly.py:5 raised ValueError: "
        "a cell too long; run python docs/snippets/prints_badly.py to see the whole traceback"
    ]
    assert "__name__" not in converted.html  # the error is shown, not the snippet's code as text
    assert "ValueError: a cell too long" in LexborHTMLParser(converted.html).text()


def test_a_snippet_without_its_printing_block_runs_in_full(tmp_path) -> None:
    code = 'print("from " + "the top")\n'
    root = _site_with_snippets(tmp_path, plain=code, other_name='x = 2\nif __name__ != "plain":\n    print(x)\n')
    assert snippet_fence._printing("plain") is None
    assert snippet_fence._printing("other_name") is None  # tests its own name, not another's
    assert "from the top" in convert("test.md", f'```python exec="on"\n{code}\n```\n', root=root).html


def test_a_function_of_the_snippet_that_prints_is_captured_too(tmp_path, monkeypatch) -> None:
    code = (
        'def show(x):\n    print("| a |")\n    print("|---|")\n    print(f"| {x} |")\n\n\nvalue = 6 * 7\n\n'
        'if __name__ != "tables":\n    show(value)\n'
    )
    root = _site_with_snippets(tmp_path, tables=code)
    monkeypatch.setattr(markdown_exec, "formatter", _no_full_run)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        html = convert("test.md", f'```python exec="on"\n{code}\n```\n', root=root).html
    assert "<td>42</td>" in html
    assert printed.getvalue() == ""


def test_a_shown_snippets_code_keeps_its_text_without_plain_name_and_space_spans() -> None:
    """Pygments' spans for plain names and spaces carry no colour of their own (the theme's name
    colour is the code's), so the fence leaves them out; the code a reader sees and copies is the
    file, character for character, and every other token keeps its span."""
    file = "chat_traffic.py"
    html = convert("test.md", block(file)).html
    code = LexborHTMLParser(html).css_first("div.highlight code")
    assert code.text(deep=True).rstrip("\n") == (SNIPPETS / file).read_text(encoding="utf-8").rstrip("\n")
    classes = {span.attributes.get("class") for span in code.css("span")}
    assert not {"n", "w"} & classes, classes
    assert {"o", "p", "s2", "kn", "nn"} <= classes, classes  # operators, punctuation, strings, imports


def test_a_block_that_is_no_snippet_also_loses_plain_name_and_space_spans() -> None:
    """A block that is not a snippet's file goes to markdown-exec's own formatter; its code loses
    the same colourless spans, keeps its text, and still runs."""
    code = "x = 1\nprint(x)"
    html = convert("test.md", f'```python exec="on" source="above"\n{code}\n```\n').html
    shown = LexborHTMLParser(html).css_first("div.highlight code")
    assert shown.text(deep=True).rstrip("\n") == code
    classes = {span.attributes.get("class") for span in shown.css("span")}
    assert not {"n", "w"} & classes, classes
    assert {"o", "mi", "nb", "p"} <= classes, classes  # `=`, `1`, `print`, the brackets
    assert "<p>1</p>" in html
