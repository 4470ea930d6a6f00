"""sdw.snippet_fence: a block showing a whole snippet prints what running the file prints, from the
module the build imported; anything else is markdown-exec's, errors included."""

from __future__ import annotations

import contextlib
import io
import logging
import re
import runpy

import pytest
from conftest import ROOT, SNIPPETS, convert

from sdw import snippet_fence, snippets

SHOWN = re.compile(r'```python exec="on"[^\n]*\n--8<-- "(?P<file>[\w.]+)"\n```')
SHOWN_FILES = sorted({m["file"] for page in (ROOT / "docs").rglob("*.md") for m in SHOWN.finditer(page.read_text())})


def block(file: str) -> str:
    return f'```python exec="on" source="tabbed-right" tabs="{file}|Figures"\n--8<-- "{file}"\n```\n'


def test_the_pages_show_snippets() -> None:
    assert len(SHOWN_FILES) > 30, SHOWN_FILES


@pytest.mark.parametrize("file", SHOWN_FILES)
def test_a_shown_snippet_prints_what_running_it_prints(file: str) -> None:
    """The shortcut's output against the file run as a script, in full, for every snippet a page shows."""
    name = file.removesuffix(".py")
    code = (SNIPPETS / file).read_text(encoding="utf-8")
    assert snippet_fence.snippet_named_by(code) == name
    assert snippet_fence._printing(name) is not None, f"{file} does not end with `if __name__ != {name!r}:`"
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        runpy.run_path(str(SNIPPETS / file), run_name="__main__")
    assert printed.getvalue().strip(), f"{file} prints nothing"
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


def test_a_snippet_that_fails_to_import_is_reported_by_markdown_exec(tmp_path, caplog) -> None:
    (tmp_path / "broken.py").write_text('x = 1 / 0\n\nif __name__ != "broken":\n    print(x)\n', encoding="utf-8")
    snippets.use(tmp_path)
    code = (tmp_path / "broken.py").read_text(encoding="utf-8")
    assert snippet_fence.snippet_named_by(code) == "broken"
    with caplog.at_level(logging.WARNING):
        convert("test.md", f'```python exec="on"\n{code}\n```\n')
    messages = "\n".join(record.getMessage() for record in caplog.records)
    assert "Execution of python code block exited with errors" in messages
    assert "ZeroDivisionError: division by zero" in messages


def test_a_snippet_without_its_printing_block_runs_in_full(tmp_path) -> None:
    (tmp_path / "plain.py").write_text('print("from " + "the top")\n', encoding="utf-8")
    (tmp_path / "other_name.py").write_text('x = 2\nif __name__ != "plain":\n    print(x)\n', encoding="utf-8")
    snippets.use(tmp_path)
    assert snippet_fence._printing("plain") is None
    assert snippet_fence._printing("other_name") is None  # tests its own name, not another's
    code = (tmp_path / "plain.py").read_text(encoding="utf-8")
    assert "from the top" in convert("test.md", f'```python exec="on"\n{code}\n```\n').html
