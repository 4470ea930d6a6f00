"""sdw.link_warnings: MkDocs' link warnings with their line and the likely fix, in the strict build."""

from __future__ import annotations

import logging
from pathlib import Path

from conftest import append_line, mkdocs_build

from sdw.link_warnings import LineFilter, Locator

PAGE = "guide/start.md"


def docs(tmp_path: Path) -> Path:
    (tmp_path / "guide").mkdir()
    (tmp_path / "guide/start.md").write_text(
        "# Start\n\nSee [next](nxt.md).\n\nAnd [next](nxt.md) again, and [parts](next.md#setp-two).\n",
        encoding="utf-8",
    )
    (tmp_path / "guide/next.md").write_text("# Next\n\n## Step two {#step-two}\n\n## Step three\n", encoding="utf-8")
    (tmp_path / "guide/index.md").write_text("# Guide\n", encoding="utf-8")
    return tmp_path


def mkdocs_message(link: str, rest: str) -> str:
    return f"Doc file '{PAGE}' contains a link '{link}', but {rest}"


def test_a_missing_page_is_blamed_on_each_line_that_links_it_in_turn(tmp_path: Path) -> None:
    locator = Locator(docs(tmp_path))
    message = mkdocs_message("nxt.md", "the target 'guide/nxt.md' is not found among documentation files.")
    assert [str(locator.problem(message)) for _ in range(2)] == [
        f"docs/{PAGE}:3: nxt.md: no such file: docs/guide/nxt.md; did you mean next.md?",
        f"docs/{PAGE}:5: nxt.md: no such file: docs/guide/nxt.md; did you mean next.md?",
    ]


def test_a_missing_anchor_suggests_the_nearest_heading_or_attribute_id(tmp_path: Path) -> None:
    locator = Locator(docs(tmp_path))
    message = mkdocs_message("next.md#setp-two", "the doc 'guide/next.md' does not contain an anchor '#setp-two'.")
    assert str(locator.problem(message)) == (
        f"docs/{PAGE}:5: next.md#setp-two: no anchor #setp-two in docs/guide/next.md; did you mean #step-two?"
    )


def test_no_suggestion_when_nothing_is_near(tmp_path: Path) -> None:
    locator = Locator(docs(tmp_path))
    message = mkdocs_message("zzz.md", "the target 'guide/zzz.md' is not found among documentation files.")
    assert str(locator.problem(message)) == f"docs/{PAGE}:1: zzz.md: no such file: docs/guide/zzz.md"


def test_other_messages_pass_through_the_filter_unchanged(tmp_path: Path) -> None:
    line_filter = LineFilter()
    line_filter.locator = Locator(docs(tmp_path))
    record = logging.LogRecord("mkdocs.structure.pages", logging.WARNING, "", 0, "Something else: %s", ("x",), None)
    assert line_filter.filter(record) and record.getMessage() == "Something else: x"


def test_the_strict_build_names_the_line_and_the_fix(site_copy: Path, tmp_path: Path) -> None:
    page = "workflow/step-1-requirements-clarification.md"
    line = append_line(site_copy / "docs" / page, "See [estimation](step-2-scale-estimaton.md).")
    result = mkdocs_build(site_copy, tmp_path / "site")
    assert result.returncode == 1
    assert (
        f"WARNING -  docs/{page}:{line}: step-2-scale-estimaton.md: no such file: "
        "docs/workflow/step-2-scale-estimaton.md; did you mean step-2-scale-estimation.md?"
    ) in result.stderr
