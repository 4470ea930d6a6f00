#!/usr/bin/env python3
"""Vendor browser code: fetch pinned npm packages' files, or verify the copies we ship.

The site must work with no network, so what Material would fetch from a CDN is served from
docs/assets/vendor/<package>/, with the package's licence and a record (<package>.json) of its
version, tarball, integrity hash and each file's checksum:

  - mermaid: only the single-file `dist/mermaid.min.js` build works here. Material renders
    diagrams itself and falls back to a CDN copy whenever `window.mermaid` is undefined, which
    is what happens with the ESM build.
  - iframe-worker: the shim that lets search run from file:// in the offline copy (Material's
    offline plugin would otherwise load it from unpkg.com).

    python scripts/vendor_assets.py --package mermaid --version 11.17.2   # download, verify, record
    python scripts/vendor_assets.py --check                               # verify every copy (no network)

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
VENDOR = Path("docs", "assets", "vendor")
REGISTRY = "https://registry.npmjs.org"
COMMAND = "python scripts/vendor_assets.py"
# For each package: paths inside its npm tarball, and the names we ship them under.
PACKAGES = {
    "mermaid": {"package/dist/mermaid.min.js": "mermaid.min.js", "package/LICENSE": "LICENSE"},
    "iframe-worker": {"package/shim/index.js": "shim.js", "package/LICENSE": "LICENSE"},
}


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=60) as response:
        return response.read()


def download(package: str, version: str, root: Path) -> None:
    vendor_dir = root / VENDOR / package
    wanted = PACKAGES[package]
    meta = json.loads(fetch(f"{REGISTRY}/{package}/{version}"))
    tarball_url, integrity = meta["dist"]["tarball"], meta["dist"]["integrity"]
    tarball = fetch(tarball_url)
    algorithm, _, expected = integrity.partition("-")
    actual = base64.b64encode(hashlib.new(algorithm, tarball).digest()).decode()
    if actual != expected:
        raise SystemExit(f"{tarball_url}: integrity mismatch ({algorithm}): registry says {expected}, got {actual}")
    vendor_dir.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as archive:
        for member, name in wanted.items():
            extracted = archive.extractfile(member)
            if extracted is None:
                raise SystemExit(f"{tarball_url}: {member} is missing from the package")
            (vendor_dir / name).write_bytes(extracted.read())
    record = {
        "package": package,
        "version": version,
        "tarball": tarball_url,
        "integrity": integrity,
        "files": {name: sha256_of(vendor_dir / name) for name in wanted.values()},
    }
    (vendor_dir / f"{package}.json").write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    print(f"vendored {package} {version} into {(VENDOR / package).as_posix()}")


def check(root: Path) -> int:
    """Compare every shipped file with the checksum recorded when it was vendored."""
    problems = checked = 0
    for package in PACKAGES:
        record_path = VENDOR / package / f"{package}.json"
        if not (root / record_path).exists():
            print(f"{record_path.as_posix()}: missing; run: {COMMAND} --package {package} --version X.Y.Z")
            problems += 1
            continue
        record = json.loads((root / record_path).read_text(encoding="utf-8"))
        for name, expected in record["files"].items():
            path = VENDOR / package / name
            checked += 1
            if not (root / path).exists():
                print(f"{path.as_posix()}: missing; run: {COMMAND} --package {package} --version {record['version']}")
                problems += 1
            elif sha256_of(root / path) != expected:
                print(
                    f"{path.as_posix()}: checksum differs from {package}.json ({package} {record['version']}); "
                    "re-vendor it rather than editing it by hand"
                )
                problems += 1
    if not problems:
        print(f"{checked} vendored files in {len(PACKAGES)} packages match their checksums")
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--version", help="the version to download from the npm registry, e.g. 11.17.2 (with --package)")
    group.add_argument("--check", action="store_true", help="verify every vendored file against its package's record")
    parser.add_argument("--package", choices=sorted(PACKAGES), default="mermaid", help="the package to vendor")
    parser.add_argument("--root", type=Path, default=REPO, help="the repository (default: the one holding this script)")
    args = parser.parse_args(argv)
    if args.check:
        return check(args.root)
    try:
        download(args.package, args.version, args.root)
    except OSError as error:
        print(f"could not download {args.package} {args.version}: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
