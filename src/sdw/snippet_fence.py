"""The fence that shows a snippet's code beside what it prints: markdown-exec's, run once.

A page shows a snippet as a markdown-exec block, its source in one tab and its printed tables
in the other:

    ```python exec="on" source="tabbed-right" tabs="twitter_traffic.py|Figures"
    --8<-- "twitter_traffic.py"
    ```

markdown-exec runs a block by executing its whole code again, yet the build has already
imported that snippet (as `twitter_traffic`, for the page's `md:fig` figures), and the
snippet's module-level code is all the work: it ends with one `if __name__ != "twitter_traffic":`
block that prints the tables of the figures above it. So when a block's code is exactly a snippet
file, this fence runs only that final block, in a copy of the imported module's namespace,
and prints what running the file prints (tests/test_snippet_fence.py compares the two for every
snippet). Any other block, or a snippet that does not end that way or fails to import, goes to
markdown-exec's own formatter unchanged, which runs it and reports its errors as always.

Listed under pymdownx.superfences' custom fences in mkdocs.yml, with markdown-exec's validator
(its options, `source`, `tabs` and the rest, mean what its documentation says), so MkDocs and
Zensical both run it. A site's build imports each snippet once; a preview rebuild, after
sdw.snippets has forgotten the changed ones, re-imports only those.
"""

from __future__ import annotations

import ast
import contextlib
import functools
import io
import logging
import re
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import markdown_exec
from markdown import Markdown
from markdown_exec import code_block
from markdown_exec._internal.rendering import MarkdownConverter  # pinned: requirements.txt

from sdw import snippets
from sdw.context import page_context

log = logging.getLogger("mkdocs.sdw.snippet_fence")

# Set by the preview (src/sdw/mkdocs_hooks/preview_cache.py) to keep each block apart from its
# page: called with the block's source, the page's Markdown and a function that makes the block's
# HTML (again, later, from the same markdown-exec counter, of the same source or of a new text of
# the snippet file it is); returns what the page holds.
keep_block: Callable[[str, Markdown, Callable[[], str]], str] | None = None


def formatter(
    source: str,
    language: str,
    css_class: str,
    options: dict[str, Any],
    md: Markdown,
    classes: list[str] | None = None,
    id_value: str = "",
    attrs: dict[str, Any] | None = None,
    **kwargs: Any,
) -> str:
    """markdown-exec's formatter, with a snippet's printing run on its imported module."""
    counter = MarkdownConverter.counter

    def make(text: str = source) -> str:  # another text: the snippet the block includes, edited
        MarkdownConverter.counter = counter  # the block's ids, as in its page's conversion
        return _format(text, language, css_class, options, md, classes, id_value, attrs, **kwargs)

    return make() if keep_block is None else keep_block(source, md, make)


def _format(
    source: str,
    language: str,
    css_class: str,
    options: dict[str, Any],
    md: Markdown,
    classes: list[str] | None,
    id_value: str,
    attrs: dict[str, Any] | None,
    **kwargs: Any,
) -> str:
    name = snippet_named_by(source) if language == "python" and not options.get("session") else None
    printing = _printing(name) if name else None

    def theirs() -> str:
        return _lighter(
            markdown_exec.formatter(source, language, css_class, options, md, classes, id_value, attrs, **kwargs)
        )

    if printing is None:
        return theirs()
    try:
        module = snippets.load(name)
    except Exception as error:
        return _reported(error, name, source, md)

    def run(code: str, **_: Any) -> str:
        # All of stdout, not a `print` of its own in the namespace: a function of the module called
        # from the block prints through the module's own globals.
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            exec(printing, dict(vars(module)))
        return printed.getvalue()

    try:
        shown = markdown_exec.base_format(language=language, run=run, code=source, md=md, **options)
    except Exception as error:
        # base_format catches only markdown-exec's own ExecutionError; anything else would reach
        # pymdownx.superfences, which shows the block's code as plain text and says nothing.
        return _reported(error, name, source, md)
    return _lighter(shown)


def _reported(error: Exception, name: str, source: str, md: Markdown) -> str:
    """Warn (so a strict build stops) where the page shows the snippet and where in the snippets
    it raised, as a figure's message does, and show the traceback in the block's place. Not
    markdown-exec's message: it starts with the block's whole code, a few hundred lines."""
    context = page_context(md)
    lines = context.read().splitlines() if context else []
    # The include line; a block that holds the code itself is found by its first line.
    wanted = [f'--8<-- "{name}.py"', *[line.strip() for line in source.splitlines() if line.strip()][:1]]
    number = next((n for want in wanted for n, line in enumerate(lines, 1) if line.strip() == want), 1)
    here = context.where(number) if context else f"a page showing {name}.py"
    log.warning(
        f"{here}: the block showing {name}.py: {snippets.failure(error)}; "
        f"run python {snippets.shown_path(f'{name}.py')} to see the whole traceback"
    )
    trace = "".join(traceback.TracebackException.from_exception(error).format())
    return MarkdownConverter(md).convert(code_block("python", trace))


# Pygments wraps every plain name and every run of spaces in a span of its own ("n", "w"). The
# theme gives a name the code's own colour (Material: --md-code-hl-name-color is
# --md-code-fg-color) and spaces none, so those spans change nothing a reader sees, yet they are
# about a tenth of a step-2 page's gzipped weight, which a text page's budget counts
# (tests/test_budgets.py). A span's text never holds "<" (Pygments escapes it).
PLAIN_TOKEN = re.compile(r'<span class="(?:n|w)">([^<]*)</span>')


def _lighter(html: str) -> str:
    """The block's HTML with Pygments' plain-name and space spans replaced by their text."""
    return type(html)(PLAIN_TOKEN.sub(r"\1", str(html)))


def snippet_named_by(code: str) -> str | None:
    """The module name of the snippet whose whole file is `code`, or None."""
    # pymdownx.snippets includes a file without its last newline.
    return snippets.by_text().get(code.rstrip("\n"))


def _printing(name: str):
    """The code of the snippet's final `if __name__ != "<name>":` block, compiled with the file's
    own line numbers; None when the snippet does not end with one."""
    file = (snippets.directory_in_use() or snippets.use()) / f"{name}.py"
    status = file.stat()
    return _compiled_printing(str(file), name, status.st_mtime_ns, status.st_size)


@functools.lru_cache(maxsize=256)
def _compiled_printing(path: str, name: str, mtime_ns: int, size: int):
    try:
        tree = ast.parse(Path(path).read_text(encoding="utf-8"), filename=path)
    except SyntaxError:
        return None
    last = tree.body[-1] if tree.body else None
    if not (isinstance(last, ast.If) and not last.orelse and _is_not_imported_test(last.test, name)):
        return None
    return compile(ast.Module(body=last.body, type_ignores=[]), path, "exec")


def _is_not_imported_test(test: ast.expr, name: str) -> bool:
    """`__name__ != "<name>"`: true when the file runs as a script or as markdown-exec's block."""
    return (
        isinstance(test, ast.Compare)
        and isinstance(test.left, ast.Name)
        and test.left.id == "__name__"
        and len(test.ops) == 1
        and isinstance(test.ops[0], ast.NotEq)
        and isinstance(test.comparators[0], ast.Constant)
        and test.comparators[0].value == name
    )
