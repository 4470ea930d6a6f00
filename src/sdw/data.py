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


class DataFileError(ValueError):
    """A data file that is not valid YAML; the message is `file:line:column: what, and the fix`."""


# The preview sets this: a file that stops parsing is then read as its last good version (the
# preview_data hook warns), so a typo does not freeze the server.
keep_last_good = False
_last_good: dict[Path, object] = {}


def read_yaml(path: Path):
    """A YAML file, parsed once per version of the file (a build reads each many times), as a
    copy the caller may change. A syntax error is a DataFileError naming the file's line."""
    resolved = path.resolve()
    parsed, error = _parsed(resolved, path.stat().st_mtime_ns)
    if error is None:
        _last_good[resolved] = parsed
    elif keep_last_good and resolved in _last_good:
        parsed = _last_good[resolved]
    else:
        raise DataFileError(error)
    return copy.deepcopy(parsed)


@functools.lru_cache(maxsize=64)
def _parsed(path: Path, mtime: int) -> tuple[object, str | None]:
    # The value, or the error's message: a failure is cached too, since a build asks many times.
    # libyaml's parser where the wheel has it: ten times the speed of the pure-Python one.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=loader), None
    except yaml.MarkedYAMLError as error:
        return None, yaml_error_message(path, error)


def yaml_error_message(path: Path, error: yaml.MarkedYAMLError) -> str:
    """`file:line:column: what is wrong`, and the likely fix, for a YAML syntax error."""
    # The parser names "<unicode string>" and counts from 0; a contributor needs the file and line.
    mark = error.problem_mark or error.context_mark
    where = f"{_shown(path)}:{mark.line + 1}:{mark.column + 1}" if mark else _shown(path)
    message = f"{where}: {error.problem or error.context}"
    if error.problem == "mapping values are not allowed in this context":
        # The usual cause in prose: an unquoted value holding ": ".
        message += "; a value with ': ' in it needs quotes (or a '|' block), or reword the colon"
    return message


def _shown(path: Path) -> str:
    # Relative to the project (the folder holding data/), as every other check prints paths.
    return path.relative_to(path.parent.parent).as_posix() if path.parent.name == "data" else str(path)


def steps_file(root: Path) -> Path:
    return root / STEPS_FILE


def load_steps(root: Path) -> dict:
    """The parsed steps data of the project whose mkdocs.yml is in `root`."""
    return read_yaml(steps_file(root))


def load_examples(root: Path) -> dict:
    """The parsed examples data: `compare_columns` and the `examples` list, in reading order."""
    return read_yaml(root / EXAMPLES_FILE)
