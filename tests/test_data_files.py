"""A syntax error in data/*.yml: one `file:line:column` message, a stopped build, a preview that keeps serving."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from conftest import ROOT, mkdocs_build, replace_once, run

from sdw import data

# A plain (unquoted) YAML value that gains ": " becomes a mapping in the wrong place: the usual slip
# when a contributor adds a colon to a card's prose.
GOOD = "the partition size limit, an"
BROKEN = "the partition size limit: an"
MESSAGE = (
    "mapping values are not allowed in this context; "
    "a value with ': ' in it needs quotes (or a '|' block), or reword the colon"
)


def break_examples(root: Path) -> str:
    """Put the colon into data/examples.yml; return where the parser will point, `file:line:column`."""
    path = root / "data/examples.yml"
    line = replace_once(path, GOOD, BROKEN)
    column = path.read_text(encoding="utf-8").splitlines()[line - 1].index(": ") + 1
    return f"data/examples.yml:{line}:{column}"


def test_a_build_stops_on_the_broken_line_without_a_traceback(site_copy: Path, tmp_path: Path) -> None:
    where = break_examples(site_copy)
    result = mkdocs_build(site_copy, tmp_path / "out")
    assert result.returncode == 1
    assert f"ERROR   -  {where}: {MESSAGE}" in result.stderr.splitlines()
    assert "Traceback" not in result.stderr


def test_the_coverage_check_gives_the_same_line_as_a_set_up_error(site_copy: Path) -> None:
    where = break_examples(site_copy)
    result = run([sys.executable, str(ROOT / "scripts/check_coverage.py")], cwd=site_copy)
    assert (result.returncode, result.stdout + result.stderr) == (2, f"check_coverage: {where}: {MESSAGE}\n")


def test_the_preview_reads_a_broken_file_as_its_last_good_version(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "data" / "cards.yml"
    path.parent.mkdir()
    path.write_text("- id: one\n  answer: fine\n", encoding="utf-8")
    assert data.read_yaml(path) == [{"id": "one", "answer": "fine"}]
    path.write_text("- id: one\n  answer: not: fine\n", encoding="utf-8")
    os.utime(path, ns=(1, path.stat().st_mtime_ns + 1))  # a new version, however coarse the clock
    broken = "data/cards.yml:2:14: " + MESSAGE
    # A build: the error, naming the line.
    monkeypatch.setattr(data, "keep_last_good", False)
    with pytest.raises(data.DataFileError) as error:
        data.read_yaml(path)
    assert str(error.value) == broken
    # The preview: the version that last parsed, so every page still builds.
    monkeypatch.setattr(data, "keep_last_good", True)
    assert data.read_yaml(path) == [{"id": "one", "answer": "fine"}]
