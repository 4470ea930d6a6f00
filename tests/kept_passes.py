"""Passes of the browser tests of the built pages, kept while nothing they depend on has changed.

Used by the tests that only read a build (each page's, each search, the 404 page, the palette,
instant navigation, each kind of page at another address, the offline copy, the diagrams' boxes
off screen). Such a test's outcome is decided by the test code, the browser, and the bytes of
the files the page loads. After a pass, the test's id, the files it loaded and a digest of all
three are written to `.cache/sdw-tests/`; when a later run finds the same digest (each file read
again from the new build), the test passes without opening the page, as a build reuses a page
whose inputs are unchanged. A failure is never kept, so a failing page runs on every run until
it passes. The digest covers every file under the site's `assets/` whether or not the page asked
for it (a worker's own requests may not reach the page's listener), the test's code (its module,
`conftest.py`, and every module of the tests, `scripts/` and `sdw` that either imports, followed
through their imports), the locked versions of every package (axe-core's among them) and the
browser's version. An edit to another test, or to build code the test never imports, keeps the
pass: whatever such an edit changes in the site is in the page's files, which are digested
anyway.

With `SDW_NO_TEST_CACHE=1`, and whenever `CI` is set, no pass is reused: every test runs (CI runs
every test every time); passes are still recorded, for a later run to reuse.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import modulefinder
import os
import re
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / ".cache" / "sdw-tests" / "passes"
# Where the project's own modules are imported from: conftest.py puts tests/ and scripts/ on the
# path, sdw is installed from src/, and the snippets' finder (sdw.snippets) imports docs/snippets by
# name. Any other import is a package, covered by the lock file. A module imported by a computed
# name (importlib) is not followed: no browser test does that.
MODULE_FOLDERS = ("tests", "scripts", "src", "docs/snippets")
PROPERTY = "kept_pass"  # on a reused test's report, for the run's summary line


def reuse_enabled() -> bool:
    return not os.environ.get("SDW_NO_TEST_CACHE") and not os.environ.get("CI")


class _ProjectModules(modulefinder.ModuleFinder):
    """The standard library's import scanner, which reads each module's bytecode (so an import
    inside a function counts, and relative imports resolve), searching only MODULE_FOLDERS: a
    package is not followed, the lock file covers it. A module that does not compile is recorded,
    not followed: its bytes are digested all the same, so a fix to it changes the digest, and a
    test that needs it fails on its own, with Python's message."""

    def __init__(self, root: Path) -> None:
        super().__init__(path=[str(root / folder) for folder in MODULE_FOLDERS])
        self.unparsable: set[str] = set()

    def load_module(self, fqname, fp, pathname, file_info):
        try:
            return super().load_module(fqname, fp, pathname, file_info)
        except SyntaxError:
            self.unparsable.add(pathname)
            return self.add_module(fqname)


def imported_files(root: Path, start: Path) -> set[Path]:
    """`start` and every module of this project it imports, followed through their own imports."""
    finder = _ProjectModules(root)
    with contextlib.suppress(SyntaxError):  # `start` itself does not compile: digested, not followed
        finder.run_script(str(start))
    found = {module.__file__ for module in finder.modules.values() if module.__file__} | finder.unparsable
    return {start, *(Path(name) for name in found)}


@functools.cache
def code_digest(test_module: str, root: Path = ROOT) -> str:
    """What a test in `test_module` (its path from the root) runs: that module and conftest.py,
    every module of this project either imports, and every pinned version."""
    files = imported_files(root, root / test_module) | imported_files(root, root / "tests" / "conftest.py")
    digest = hashlib.sha256()
    for path in sorted([*files, root / "requirements.lock"]):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def served_file(site: Path, path: str) -> Path:
    """The file the site server answers `path` (relative to the site's root) with, as
    sdw.site_server does: a folder's index.html, and the 404 page for anything missing."""
    file = site / path.split("?", 1)[0].split("#", 1)[0]
    if file.is_dir():
        file = file / "index.html"
    return file if file.is_file() else site / "404.html"


# MkDocs stamps every <lastmod> in the sitemap with the build's date, so its bytes change at
# midnight with nothing else changed; instant navigation reads only its addresses.
LASTMOD = re.compile(rb"<lastmod>[^<]*</lastmod>")


def _outcome_bytes(file: Path) -> bytes:
    """The bytes of `file` a test's outcome can depend on: the sitemap without its dates."""
    content = file.read_bytes()
    return LASTMOD.sub(b"", content) if file.name == "sitemap.xml" else content


class KeptPasses:
    def __init__(
        self, site: Path, environment: str, folder: Path = FOLDER, code: str | None = None, reuse: bool = True
    ) -> None:
        self.site, self.folder, self.reuse, self.code = site, folder, reuse, code
        self.environment = environment

    def _code(self, test_id: str) -> str:
        return self.code if self.code is not None else code_digest(test_id.split("::", 1)[0])

    def _record(self, test_id: str) -> Path:
        return self.folder / (hashlib.sha256(test_id.encode()).hexdigest()[:32] + ".json")

    def _digest(self, test_id: str, files: Iterable[str]) -> str:
        digest = hashlib.sha256(f"{test_id}\0{self._code(test_id)}\0{self.environment}\0".encode())
        assets = self.site / "assets"
        every = set(files) | {p.relative_to(self.site).as_posix() for p in assets.rglob("*") if p.is_file()}
        for name in sorted(every):
            file = served_file(self.site, name)
            digest.update(name.encode() + b"\0" + hashlib.sha256(_outcome_bytes(file)).digest())
        return digest.hexdigest()

    def unchanged(self, test_id: str) -> bool:
        """Whether `test_id` passed before with the same code, browser and files (never when
        reuse is off)."""
        if not self.reuse:
            return False
        try:
            record = json.loads(self._record(test_id).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        return record.get("digest") == self._digest(test_id, record.get("files", []))

    def keep(self, test_id: str, files: Iterable[str]) -> None:
        """Record a pass; call it only once the test has passed."""
        files = sorted(set(files))
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            record = self._record(test_id)
            partial = record.with_suffix(f".{os.getpid()}.tmp")  # xdist workers write side by side
            text = json.dumps({"test": test_id, "files": files, "digest": self._digest(test_id, files)})
            partial.write_text(text, encoding="utf-8")
            partial.replace(record)
        except OSError:
            pass  # a folder that cannot be written only means the test runs again next time
