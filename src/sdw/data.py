"""The workflow's data: data/steps.yml, the one source of truth for the steps.

Kept out of docs/ so that it is not published with the site. Read by the shortcodes, the
checks and the tests; nothing restates it.
"""

from __future__ import annotations

from pathlib import Path

import yaml

STEPS_FILE = "data/steps.yml"


def steps_file(root: Path) -> Path:
    return root / STEPS_FILE


def load_steps(root: Path) -> dict:
    """The parsed steps data of the project whose mkdocs.yml is in `root`."""
    return yaml.safe_load(steps_file(root).read_text(encoding="utf-8"))
