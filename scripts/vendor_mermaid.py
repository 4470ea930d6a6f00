#!/usr/bin/env python3
"""Vendor Mermaid: fetch a pinned mermaid.min.js from the npm registry, or verify the copy we ship.

The site must work with no network, so Mermaid is served from docs/assets/vendor/mermaid/
instead of a CDN. Only the single-file `dist/mermaid.min.js` build works here: Material for
MkDocs renders diagrams itself and falls back to a CDN copy whenever `window.mermaid` is
undefined, which is what happens with the ESM build.

    python scripts/vendor_mermaid.py --version 11.17.2   # download, verify, record
    python scripts/vendor_mermaid.py --check             # verify the shipped copy (no network)

Exit codes: 0 done, 1 download or verification failed, 2 usage error.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import io
import json
import sys
import tarfile
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
VENDOR_PATH = Path("docs", "assets", "vendor", "mermaid")
REGISTRY = "https://registry.npmjs.org"
# Paths inside the npm tarball, and the names we give them.
WANTED = {"package/dist/mermaid.min.js": "mermaid.min.js", "package/LICENSE": "LICENSE"}


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=60) as response:
        return response.read()


def download(version: str, root: Path) -> None:
    vendor_dir = root / VENDOR_PATH
    meta = json.loads(fetch(f"{REGISTRY}/mermaid/{version}"))
    tarball_url, integrity = meta["dist"]["tarball"], meta["dist"]["integrity"]
    tarball = fetch(tarball_url)
    algorithm, _, expected = integrity.partition("-")
    actual = base64.b64encode(hashlib.new(algorithm, tarball).digest()).decode()
    if actual != expected:
        raise SystemExit(f"{tarball_url}: integrity mismatch ({algorithm}): registry says {expected}, got {actual}")
    vendor_dir.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as archive:
        for member, name in WANTED.items():
            extracted = archive.extractfile(member)
            if extracted is None:
                raise SystemExit(f"{tarball_url}: {member} is missing from the package")
            (vendor_dir / name).write_bytes(extracted.read())
    record = {
        "package": "mermaid",
        "version": version,
        "tarball": tarball_url,
        "integrity": integrity,
        "files": {name: sha256_of(vendor_dir / name) for name in WANTED.values()},
    }
    (vendor_dir / "mermaid.json").write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    print(f"vendored mermaid {version} into {VENDOR_PATH.as_posix()}")


def check(root: Path) -> int:
    """Compare the shipped files with the checksums recorded when they were vendored."""
    record_path = VENDOR_PATH / "mermaid.json"
    if not (root / record_path).exists():
        print(f"{record_path.as_posix()}: missing; run: python scripts/vendor_mermaid.py --version X.Y.Z")
        return 1
    record = json.loads((root / record_path).read_text(encoding="utf-8"))
    problems = 0
    for name, expected in record["files"].items():
        path = VENDOR_PATH / name
        if not (root / path).exists():
            print(f"{path.as_posix()}: missing; run: python scripts/vendor_mermaid.py --version {record['version']}")
            problems += 1
        elif sha256_of(root / path) != expected:
            print(
                f"{path.as_posix()}: checksum differs from mermaid.json (mermaid {record['version']}); "
                f"re-vendor it rather than editing it by hand"
            )
            problems += 1
    if not problems:
        print(f"mermaid {record['version']}: {len(record['files'])} vendored files match their checksums")
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--version", help="Mermaid version to download from the npm registry, e.g. 11.17.2")
    group.add_argument("--check", action="store_true", help="verify the vendored files against mermaid.json")
    parser.add_argument("--root", type=Path, default=REPO, help="the repository (default: the one holding this script)")
    args = parser.parse_args(argv)
    if args.check:
        return check(args.root)
    try:
        download(args.version, args.root)
    except OSError as error:
        print(f"could not download mermaid {args.version}: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
