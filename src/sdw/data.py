"""The workflow's data: data/steps.yml and data/examples.yml, the one source of truth for the
steps and the worked examples.

Kept out of docs/ so that it is not published with the site. Read by the shortcodes, the
checks and the tests; nothing restates it.
"""

from __future__ import annotations

from pathlib import Path

import yaml

STEPS_FILE = "data/steps.yml"
EXAMPLES_FILE = "data/examples.yml"


def steps_file(root: Path) -> Path:
    return root / STEPS_FILE


def load_steps(root: Path) -> dict:
    """The parsed steps data of the project whose mkdocs.yml is in `root`."""
    return yaml.safe_load(steps_file(root).read_text(encoding="utf-8"))


def load_examples(root: Path) -> dict:
    """The parsed examples data: `compare_columns` and the `examples` list, in reading order."""
    return yaml.safe_load((root / EXAMPLES_FILE).read_text(encoding="utf-8"))
