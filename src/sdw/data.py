"""The workflow's data: data/steps.yml and data/examples.yml, the one source of truth for the
steps and the worked examples.

Kept out of docs/ so that it is not published with the site. Read by the shortcodes, the
checks and the tests; nothing restates it.
"""

from __future__ import annotations

import copy
import functools
from pathlib import Path

import yaml

STEPS_FILE = "data/steps.yml"
EXAMPLES_FILE = "data/examples.yml"


def read_yaml(path: Path):
    """A YAML file, parsed once per version of the file (a build reads each many times), as a
    copy the caller may change."""
    return copy.deepcopy(_parsed(path.resolve(), path.stat().st_mtime_ns))


@functools.lru_cache(maxsize=64)
def _parsed(path: Path, mtime: int):
    # libyaml's parser where the wheel has it: ten times the speed of the pure-Python one.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)


def steps_file(root: Path) -> Path:
    return root / STEPS_FILE


def load_steps(root: Path) -> dict:
    """The parsed steps data of the project whose mkdocs.yml is in `root`."""
    return read_yaml(steps_file(root))


def load_examples(root: Path) -> dict:
    """The parsed examples data: `compare_columns` and the `examples` list, in reading order."""
    return read_yaml(root / EXAMPLES_FILE)
