"""The linters and checks of .pre-commit-config.yaml pass on the repository, and catch bad input.

The tests run pre-commit itself on a throwaway copy, so what CI checks is exactly what a
contributor's commit hook checks.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest
from conftest import ROOT, run

VENV = Path(sys.executable).parent.parent


@pytest.fixture
def repo_copy(tmp_path: Path) -> Path:
    """The files git would commit (tracked, or new and not ignored), in a fresh repository."""
    listed = run(["git", "ls-files", "--cached", "--others", "--exclude-standard"]).stdout.splitlines()
    for name in listed:
        source = ROOT / name
        if source.is_file():
            (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, tmp_path / name)
    (tmp_path / ".venv").symlink_to(VENV)
    assert run(["git", "init", "-q"], cwd=tmp_path).returncode == 0
    assert run(["git", "add", "-A"], cwd=tmp_path).returncode == 0
    return tmp_path


def pre_commit(root: Path, *args: str, skip: str = ""):
    env = {**os.environ, "PRE_COMMIT_HOME": str(root.parent / "pre-commit-home"), "SKIP": skip}
    return run([str(VENV / "bin" / "pre-commit"), "run", *args], cwd=root, env=env)


def test_every_hook_passes_on_the_repository(repo_copy: Path) -> None:
    # The link check builds the whole site: tests/test_check_links.py runs it on the repository
    # (test_the_site_is_clean), and the test below shows the hook runs and fails.
    result = pre_commit(repo_copy, "--all-files", skip="check-links")
    assert result.returncode == 0, result.stdout + result.stderr


TYPO = "des" + "ing"  # spelled out here, so the spell checker does not flag this file
BAD_MARKDOWN = f"""\
---
description: A page written without the checks, to prove they catch it.
---

# A careless page
## A heading with no blank line above it

- A list item.

  Its second paragraph, indented for GitHub: MkDocs renders it outside the list.

The {TYPO} of this page has trailing spaces.   \nAnd no newline at the end."""


@pytest.mark.long
def test_a_bad_markdown_file_is_caught(repo_copy: Path, built_site: Path) -> None:
    # built_site: the link check's build of the copy then finds the repository's pages in the
    # shared build cache (conftest.site_copy says why).
    (repo_copy / "docs/careless.md").write_text(BAD_MARKDOWN, encoding="utf-8")
    run(["git", "add", "docs/careless.md"], cwd=repo_copy)
    result = pre_commit(repo_copy, "--files", "docs/careless.md")
    output = result.stdout
    assert result.returncode == 1
    failed = {line.split(".")[0].strip() for line in output.splitlines() if line.endswith("Failed")}
    assert failed == {
        "trailing whitespace",
        "end of file",
        "Markdown (rumdl, docs/ as MkDocs reads it)",
        "spelling (codespell, project words in",
        "workflow coverage (scripts/check_coverage",
        "links and assets (scripts/check_links",
    }
    assert "Fixing docs/careless.md" in output
    assert "docs/careless.md:6:1: [MD022] Expected 1 blank line above heading" in output
    assert "docs/careless.md:10:1: [MD077] Content inside list item needs 4 spaces of indentation for MkDocs" in output
    assert f"docs/careless.md:12: {TYPO} ==> design" in output
    assert "docs/careless.md:1: page is not in nav" in output
