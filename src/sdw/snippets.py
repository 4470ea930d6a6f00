"""The Python files in docs/snippets/: code that pages show, importable by name, run once.

A snippet imports its neighbours by name (`from twitter_assumptions import ...`). Run alone,
Python finds them beside the script; inside a build, `use(docs/snippets)` installs a finder
for that one folder, so neither the build nor the engine edits `sys.path`. Imported modules
stay in `sys.modules` for the rest of the build, so a snippet that many pages cite is run
once. A contributor's preview rebuilds in the same process: `use()` then forgets the snippets
whose files changed and every snippet that imports them, directly or not, and keeps the rest.
"""

from __future__ import annotations

import ast
import contextlib
import functools
import hashlib
import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import io
import os
import sys
import traceback
from pathlib import Path
from types import ModuleType
from typing import Any


class SnippetFinder(importlib.abc.MetaPathFinder):
    """Finds top-level modules among the `*.py` files of one folder, and nothing else."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.signature: tuple = ()

    def find_spec(self, name, path=None, target=None):
        if path is not None or "." in name:
            return None
        file = self.directory / f"{name}.py"
        if not file.is_file():
            return None
        return importlib.util.spec_from_file_location(name, file, loader=_SnippetLoader(name, str(file)))

    def files(self) -> list[Path]:
        return sorted(self.directory.glob("*.py"))


class _SnippetLoader(importlib.machinery.SourceFileLoader):
    """Python's loader for a source file, keeping each version's compiled code: a preview imports
    again every snippet an edit reaches, and without bytecode files (the Makefile's
    PYTHONDONTWRITEBYTECODE) Python compiled each from its text every time, a tenth of a second."""

    def source_to_code(self, data, path, *, _optimize=-1):
        return _compiled(bytes(data), str(path))


@functools.lru_cache(maxsize=512)
def _compiled(data: bytes, path: str):
    return compile(data, path, "exec", dont_inherit=True)


_finder: SnippetFinder | None = None


def default_directory() -> Path:
    """docs/snippets/ of the repository this package is installed from (editable)."""
    return Path(__file__).resolve().parents[2] / "docs" / "snippets"


def use(directory: Path | None = None) -> Path:
    """Make the snippets in `directory` importable; forget modules that are out of date."""
    global _finder
    directory = (directory or default_directory()).resolve()
    if _finder is not None and _finder.directory != directory:
        _forget()
        sys.meta_path.remove(_finder)
        _finder = None
    signature = _signature(directory)
    if _finder is None:
        # Modules already imported from this folder (a snippet run alone imports its
        # neighbours through sys.path) are as fresh as the files.
        _finder = SnippetFinder(directory)
        _finder.signature = signature
        sys.meta_path.append(_finder)
    elif signature != _finder.signature:
        changed = {Path(entry[0]).stem for entry in set(signature) ^ set(_finder.signature)}
        _forget(changed)
        _finder.signature = signature
    return directory


def _signature(directory: Path) -> tuple:
    """Each snippet file's name, time and size: one stat call per file (every page's conversion asks)."""
    with os.scandir(directory) as entries:
        files = [(entry.name, entry.stat()) for entry in entries if entry.name.endswith(".py")]
    return tuple(sorted((name, status.st_mtime_ns, status.st_size) for name, status in files))


def by_text() -> dict[str, str]:
    """Each snippet's text, less its last newlines, to its module name: for the folder in use,
    as use() last found it (read again only when a file of it changed)."""
    directory = _finder.directory if _finder is not None else use()
    return _texts(str(directory), _finder.signature)


@functools.lru_cache(maxsize=4)
def _texts(directory: str, signature: tuple) -> dict[str, str]:
    texts: dict[str, str] = {}
    for name, *_ in signature:
        try:
            text = Path(directory, name).read_text(encoding="utf-8")
        except OSError:  # gone since use() looked: not a snippet any more
            continue
        texts.setdefault(text.rstrip("\n"), name.removesuffix(".py"))
    return texts


def directory_in_use() -> Path | None:
    """The folder the snippets are imported from, or None before the first use()."""
    return _finder.directory if _finder is not None else None


def _loaded() -> dict[str, ModuleType]:
    """The snippets imported from the folder in use, by module name."""
    if _finder is None:
        return {}
    return {
        name: module
        for name, module in list(sys.modules.items())
        if (origin := getattr(module, "__file__", None)) and _folder_of(origin) == _finder.directory
    }


@functools.lru_cache(maxsize=4096)
def _folder_of(path: str) -> Path:
    """The resolved folder of a module's file (a module's file does not move while it is loaded)."""
    return Path(path).resolve().parent


def _forget(changed: set[str] | None = None) -> None:
    """Forget the `changed` snippets and those that import them (all of them when None)."""
    loaded = _loaded()
    forgotten = set(loaded) if changed is None else set(changed)
    growing = True
    while growing:
        dependents = {name for name, module in loaded.items() if imported_names(module.__file__) & forgotten}
        growing = not dependents <= forgotten
        forgotten |= dependents
    for name in forgotten & set(loaded):
        del sys.modules[name]
    importlib.invalidate_caches()


def imported_names(path: str | Path) -> frozenset[str]:
    """The top-level modules a Python file imports (parsed once per version of the file); none
    for a file that is gone (a snippet deleted while previewing). A file that imports from
    sdw.presets imports, through it, the snippets its presets read (sdw.presets.READS)."""
    return _parsed(path)[0]


def code_digest(path: str | Path) -> str:
    """A digest of what a Python file's code does, without its comments, blank lines and layout
    (its syntax tree): what a snippet that imports it, or a figure it computes, depends on. Its
    text, for a file that does not parse (its importers fail, and say where); "" for one that is gone."""
    return _parsed(path)[1]


def _parsed(path: str | Path) -> tuple[frozenset[str], str]:
    try:
        status = os.stat(path)
    except OSError:
        return frozenset(), ""
    return _parse(str(path), status.st_mtime_ns, status.st_size)


@functools.lru_cache(maxsize=512)
def _parse(path: str, mtime_ns: int, size: int) -> tuple[frozenset[str], str]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError:
        return frozenset(), ""
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return frozenset(), "text " + hashlib.sha256(text.encode("utf-8")).hexdigest()
    names, modules = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            modules.add(node.module)
            modules |= {f"{node.module}.{alias.name}" for alias in node.names}
    names = {module.split(".")[0] for module in modules}
    if "sdw.presets" in modules:
        from sdw.presets import READS, SNIPPETS_READ

        # One example's preset function (`from sdw.presets import chat`) reads that example's
        # snippets; anything else of the module (presets()) reads them all.
        imported = {module.split(".")[2] for module in modules if module.startswith("sdw.presets.")}
        if imported and imported <= READS.keys():
            names |= {name for preset in imported for name in READS[preset]}
        else:
            names |= set(SNIPPETS_READ)
    return frozenset(names), "code " + hashlib.sha256(ast.dump(tree).encode("utf-8")).hexdigest()


def names() -> list[str]:
    """The module names of the snippets in use."""
    directory = _finder.directory if _finder is not None else use()
    return sorted(file.stem for file in directory.glob("*.py"))


def exists(name: str) -> bool:
    """Whether a snippet of that module name is in use: among the files use() last listed (a
    page cites hundreds of figures, and a file check for each was a twentieth of a preview's
    rebuild after a value's edit; use() lists the folder again for every page)."""
    if _finder is None:
        use()
    return name.isidentifier() and name in _listed(_finder.signature)


@functools.lru_cache(maxsize=4)
def _listed(signature: tuple) -> frozenset[str]:
    return frozenset(entry[0].removesuffix(".py") for entry in signature)


def load(name: str) -> ModuleType:
    """The snippet imported as a module (quiet: its printing is guarded by `__name__`). One
    already imported is returned as it is: use() forgets those out of date."""
    if _finder is None:
        use()
    module = sys.modules.get(name)
    if module is not None and isinstance(getattr(module, "__loader__", None), _SnippetLoader):
        return module
    failed = _failures.pop(name, None)
    if failed is not None and failed[0] == _finder.signature:
        _failures[name] = failed
        raise failed[1].with_traceback(failed[2])
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            return importlib.import_module(name)
    except Exception as error:
        _failures[name] = (_finder.signature, error, error.__traceback__)
        raise


# A snippet that raised while the files are as they were raises the same again, unrun: a page cites
# hundreds of figures, and running a broken snippet (and all it imports) again for each took a
# preview's rebuild from two seconds to eight while a contributor fixed it. Any file's change runs
# it again (use() takes the files' signature for every page).
_failures: dict[str, tuple[tuple, BaseException, Any]] = {}


def shown_path(file_name: str) -> str:
    """'docs/snippets/x.py': a snippet file as messages name it (the folder in use, from the root)."""
    directory = _finder.directory if _finder is not None else use()
    return f"{directory.parent.name}/{directory.name}/{file_name}"


def failure(error: BaseException) -> str:
    """'docs/snippets/x.py:34 raised ZeroDivisionError: division by zero': where, in the snippets,
    an error raised while loading one came from (the innermost snippet line, which may be in a
    snippet the loaded one imports)."""
    directory = _finder.directory if _finder is not None else use()
    frames = [f for f in traceback.extract_tb(error.__traceback__) if Path(f.filename).resolve().parent == directory]
    if not frames:
        return f"raised {type(error).__name__}: {error}"
    where = f"{shown_path(Path(frames[-1].filename).name)}:{frames[-1].lineno}"
    return f"{where} raised {type(error).__name__}: {error}"
