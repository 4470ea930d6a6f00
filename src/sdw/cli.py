"""What the check scripts share: their options, their exit codes and their closing summary.

Each check (scripts/check_*.py) prints `file:line: what is wrong` for every problem, then one
summary line, and exits 0 (clean), 1 (problems) or 2 (usage or set-up error).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path


class SetupError(Exception):
    """The check cannot run (a missing or unreadable file): exit 2."""


def parser(doc: str | None) -> argparse.ArgumentParser:
    """The options every check takes: --root, the repository to check."""
    made = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    made.add_argument(
        "--root", type=Path, default=Path("."), help="the repository to check (default: the current directory)"
    )
    return made


def report(name: str, problems: list, counted: str, notes: list[str] = ()) -> int:
    """Print each problem, then the summary; the exit code for what was found."""
    for problem in problems:
        print(problem)
    for note in notes:
        print(note)
    if problems:
        print(f"{name}: {len(problems)} problem{'s' * (len(problems) != 1)} ({counted} checked)")
        return 1
    print(f"{name}: OK ({counted} checked)")
    return 0


def run_check(name: str, doc: str | None, run: Callable[[Path], tuple[list, str]], argv: list[str] | None) -> int:
    """A check with no options but --root: parse, run, report; a set-up error is exit 2."""
    args = parser(doc).parse_args(argv)
    try:
        problems, counted = run(args.root.resolve())
    except SetupError as error:
        print(f"{name}: {error}", file=sys.stderr)
        return 2
    return report(name, problems, counted)
