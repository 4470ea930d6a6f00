"""Passes of the browser's page tests, kept while nothing they depend on has changed.

A page test's outcome is decided by the test code, the browser, and the bytes of the files the
page loads. After a pass, the test's id, the files it loaded and a digest of all three are
written to `.cache/sdw-tests/`; when a later run finds the same digest (each file read again
from the new build), the test passes without opening the page, as a build reuses a page whose
inputs are unchanged. A failure is never kept, so a failing page runs on every run until it
passes. The digest covers every file under the site's `assets/` whether or not the page asked
for it (a worker's own requests may not reach the page's listener), every Python file of the
tests and of `sdw`, the locked versions of every package (axe-core's among them) and the
browser's version.

With `SDW_NO_TEST_CACHE=1`, and whenever `CI` is set, no pass is reused: every test runs (CI runs
every test every time); passes are still recorded, for a later run to reuse.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / ".cache" / "sdw-tests" / "passes"
# What every browser test runs: the tests, the site's package, and every pinned version.
CODE = ("tests/**/*.py", "src/sdw/**/*.py", "requirements.lock")
PROPERTY = "kept_pass"  # on a reused test's report, for the run's summary line


def reuse_enabled() -> bool:
    return not os.environ.get("SDW_NO_TEST_CACHE") and not os.environ.get("CI")


@functools.cache
def code_digest(root: Path = ROOT) -> str:
    digest = hashlib.sha256()
    for pattern in CODE:
        for path in sorted(root.glob(pattern)):
            if "__pycache__" not in path.parts:
                digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def served_file(site: Path, path: str) -> Path:
    """The file the site server answers `path` (relative to the site's root) with, as
    sdw.site_server does: a folder's index.html, and the 404 page for anything missing."""
    file = site / path.split("?", 1)[0].split("#", 1)[0]
    if file.is_dir():
        file = file / "index.html"
    return file if file.is_file() else site / "404.html"


class KeptPasses:
    def __init__(
        self, site: Path, environment: str, folder: Path = FOLDER, code: str | None = None, reuse: bool = True
    ) -> None:
        self.site, self.folder, self.reuse = site, folder, reuse
        self.environment = f"{code if code is not None else code_digest()}\0{environment}"

    def _record(self, test_id: str) -> Path:
        return self.folder / (hashlib.sha256(test_id.encode()).hexdigest()[:32] + ".json")

    def _digest(self, test_id: str, files: Iterable[str]) -> str:
        digest = hashlib.sha256(f"{test_id}\0{self.environment}\0".encode())
        assets = self.site / "assets"
        every = set(files) | {p.relative_to(self.site).as_posix() for p in assets.rglob("*") if p.is_file()}
        for name in sorted(every):
            file = served_file(self.site, name)
            digest.update(name.encode() + b"\0" + hashlib.sha256(file.read_bytes()).digest())
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
