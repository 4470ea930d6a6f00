"""What a build computes from its inputs, kept on disk for the next build: a page's converted
HTML, its search sections, its themed HTML, the Anki deck.

Each entry is stored under a digest of everything it was computed from (sdw.preview builds
those keys from the files' contents, with paths relative to the project and no dates; only the
theme's own folders are named whole), so a build of another copy of
the site, such as the test suite's temporary copies, reuses what an earlier build computed, and
an entry is never out of date: a changed input is a different key. The installed versions of
the packages that shape the output, and Python's, name the folder, so an upgrade starts afresh.

Where: .cache/sdw-build/ in the project (git ignores .cache/; `make clean` removes it), or the
folder SDW_CACHE_DIR names. SDW_NO_CACHE=1 turns it off: every page is converted again, as a
build before this cache did (`SDW_NO_CACHE=1 make build`; the benchmark's cold builds).
"""

from __future__ import annotations

import atexit
import functools
import hashlib
import importlib.metadata
import logging
import os
import pickle
import queue
import sys
import tempfile
import threading
import time
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

log = logging.getLogger("mkdocs.sdw.build_cache")

DIR_VARIABLE = "SDW_CACHE_DIR"
OFF_VARIABLE = "SDW_NO_CACHE"
# The packages whose version changes what a build writes.
SHAPING_PACKAGES = (
    "mkdocs",
    "mkdocs-material",
    "pymdown-extensions",
    "markdown",
    "markdown-exec",
    "pygments",
    "jinja2",
    "genanki",
    "pyyaml",
    "mkdocs-print-site-plugin",  # its combined page and page parts are kept (print_cache)
    "mkdocs-git-revision-date-localized-plugin",  # its dates are kept (git_dates)
)
# Entries no build has used for this long are removed (the folder would otherwise only grow).
UNUSED_DAYS = 14
PRUNED_MARKER = "last-pruned"  # in the cache's folder; its time is the last pruning's


# Set when the folder cannot be used (read-only, full, not a folder), with what went wrong: the
# build goes on without the cache. And set by a preview whose code changed since it started
# (sdw.preview): what it converts with the old code is not kept under the new code's keys.
unusable: str | None = None
writes_suspended = False


def enabled() -> bool:
    return os.environ.get(OFF_VARIABLE, "") in ("", "0") and unusable is None


def _give_up(folder: Path | str, error: OSError) -> None:
    global unusable
    if unusable is None:
        unusable = f"{folder}: {error}"
        log.info(f"build cache: cannot use {unusable}; converting every page")


@functools.cache
def _folder(project: str, chosen: str) -> Path:
    base = Path(chosen or Path(project) / ".cache" / "sdw-build")
    versions = [sys.version]
    for name in SHAPING_PACKAGES:
        try:
            versions.append(f"{name}=={importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            versions.append(f"{name} missing")
    folder = base / hashlib.sha256("\n".join(versions).encode()).hexdigest()[:16]
    folder.mkdir(parents=True, exist_ok=True)
    _prune(base)
    return folder


def _prune(base: Path) -> None:
    """Remove entries unused for UNUSED_DAYS (a hit touches its entry), at most once a day:
    walking tens of thousands of entries took a quarter of a build with nothing to convert."""
    now = time.time()
    marker = base / PRUNED_MARKER
    try:
        if now - marker.stat().st_mtime < 86400:
            return
    except OSError:
        pass  # never pruned here
    marker.touch()
    cutoff = now - UNUSED_DAYS * 86400
    for directory, _folders, names in os.walk(base):
        for name in names:
            path = os.path.join(directory, name)
            try:
                if os.stat(path).st_mtime < cutoff:
                    os.remove(path)
            except OSError:
                pass  # another build removed it first


def folder_name(project: Path) -> str:
    """Where the cache is, for messages: relative to the project when it is inside it."""
    folder = Path(os.environ.get(DIR_VARIABLE) or Path(project) / ".cache" / "sdw-build")
    try:
        return str(folder.relative_to(project))
    except ValueError:
        return str(folder)


def _path(project: Path, kind: str, key: str) -> Path:
    return _folder(str(project), os.environ.get(DIR_VARIABLE, "")) / kind / key[:2] / f"{key}.pickle.z"


def load(project: Path, kind: str, key: str) -> Any | None:
    """The entry stored under `key`, or None (none, unreadable, or the cache is off)."""
    if not enabled():
        return None
    try:
        path = _path(project, kind, key)
        value = pickle.loads(zlib.decompress(path.read_bytes()))
        os.utime(path)
    except FileNotFoundError:
        return None
    except OSError as error:  # the folder cannot be made or read
        _give_up(os.environ.get(DIR_VARIABLE) or Path(project) / ".cache" / "sdw-build", error)
        return None
    except Exception as error:  # a damaged entry is computed again, and replaced
        log.debug(f"build cache: {path} unreadable ({error}); computing it again")
        return None
    return value


def remembered(project: Path, kind: str, identity: str, compute: Callable[[], Any]) -> Any:
    """compute()'s value, kept under a digest of `identity`, which must name everything compute
    reads, its code too unless that is in one of SHAPING_PACKAGES (each set of their versions
    has a folder of its own)."""
    key = hashlib.sha256(identity.encode("utf-8")).hexdigest()
    value = load(project, kind, key)
    if value is None:
        value = compute()
        store(project, kind, key, value)
    return value


def store(project: Path, kind: str, key: str, value: Any) -> None:
    """Keep `value` under `key`; written whole or not at all, as builds may run side by side."""
    if not enabled() or writes_suspended:
        return
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)  # as it is now: the caller may change it
    if _writes is not None:
        _writes.put((project, kind, key, data))
    else:
        _write(project, kind, key, data)


# The preview's entries are compressed and written by a thread of their own (write_behind), so a
# rebuild does not wait for them; zlib lets the other thread run meanwhile.
_writes: queue.Queue | None = None


def write_behind() -> None:
    """From now on, store() returns once it has pickled the value; a thread compresses and writes
    it, and the process writes what is left before it ends."""
    global _writes
    if _writes is not None:
        return
    _writes = queue.Queue()
    thread = threading.Thread(target=_writer, args=(_writes,), name="sdw-build-cache", daemon=True)
    thread.start()
    atexit.register(_finish, _writes, thread)


def _writer(writes: queue.Queue) -> None:
    while (entry := writes.get()) is not None:
        try:
            _write(*entry)
        except Exception as error:  # a cache entry not written is computed again
            log.debug(f"build cache: an entry was not written ({error})")


def _finish(writes: queue.Queue, thread: threading.Thread) -> None:
    writes.put(None)
    thread.join(timeout=30)


def _write(project: Path, kind: str, key: str, pickled: bytes) -> None:
    if writes_suspended:
        return
    data = zlib.compress(pickled, 1)
    try:
        path = _path(project, kind, key)
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    except OSError as error:
        _give_up(os.environ.get(DIR_VARIABLE) or Path(project) / ".cache" / "sdw-build", error)
        return
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except OSError as error:  # a full disk, say: this entry is not kept, and nor is any other
        Path(temporary).unlink(missing_ok=True)
        _give_up(path.parent, error)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
