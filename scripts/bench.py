#!/usr/bin/env python3
"""Measure the site: build time, page weight, Lighthouse scores, and how the checks scale.

A benchmark, not a test: it reports and never fails (timings vary from run to run; the byte
budgets that do not are tested in tests/test_budgets.py). It measures:

  - a cold strict build of the site, and the two checks (check_coverage, check_links) on it;
  - every page served with gzip on 127.0.0.1, as a real host serves it: bytes transferred and
    requests made, in Debian's Chromium;
  - Lighthouse (bench/package.json, mobile defaults), twice per page type, keeping the median:
    home, a step page, the page with the most diagrams, the estimator;
  - generated copies of the site with 500 and 1,000 extra pages: build time per page against
    the real site's, and what each added page costs at both sizes (equal when the build grows
    linearly); and the two checks on the larger copy.

It writes bench/results.json and bench/summary.md; with --compare OLD.json the summary shows
what changed. Run it from the repository root: python scripts/bench.py (or make bench).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from sdw.chromium import CHROMIUM, CHROMIUM_FLAGS  # one list, with the diagram fence and the tests
from sdw.site_server import SiteServer

ROOT = Path(__file__).resolve().parent.parent

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def timed(args: list[str], cwd: Path = ROOT) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    result = subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=ENV)
    return time.perf_counter() - start, result


def build(root: Path, site: Path) -> float:
    seconds, result = timed([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)], cwd=root)
    if result.returncode != 0:
        raise SystemExit(f"bench: the build failed in {root}:\n{result.stdout}{result.stderr}")
    return seconds


def time_checks(root: Path) -> dict[str, float]:
    return {
        name: round(timed([sys.executable, str(ROOT / "scripts" / f"{name}.py"), "--root", str(root)])[0], 2)
        for name in ("check_coverage", "check_links")
    }


def page_weights(server: SiteServer, paths: list[str]) -> dict[str, dict]:
    """Bytes transferred (headers and compressed bodies) and requests, per page, cold cache."""
    from playwright.sync_api import sync_playwright

    weights = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        for path in paths:
            context = browser.new_context(viewport={"width": 375, "height": 800})
            page = context.new_page()
            requests: list = []

            def record(request, requests: list = requests) -> None:  # (Playwright wants a function)
                requests.append(request)

            page.on("requestfinished", record)
            page.goto(server.base + path, wait_until="networkidle")
            page.wait_for_timeout(500)
            sizes = [request.sizes() for request in requests]
            weights[path or "/"] = {
                "bytes": sum(s["responseBodySize"] + s["responseHeadersSize"] for s in sizes),
                "requests": len(requests),
                "mermaid": any(request.url.endswith("mermaid.min.js") for request in requests),
            }
            context.close()
        browser.close()
    return weights


# --- Lighthouse ---------------------------------------------------------------------------------


def lighthouse_binary() -> Path | None:
    binary = ROOT / "bench" / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists() and shutil.which("npm"):
        subprocess.run(["npm", "ci", "--prefix", str(ROOT / "bench"), "--no-audit", "--no-fund"], check=False)
    return binary if binary.exists() else None


def lighthouse(binary: Path, url: str, runs: int) -> dict:
    scores = []
    for _ in range(runs):
        with tempfile.NamedTemporaryFile(suffix=".json") as report:
            subprocess.run(
                [str(binary), url, "--quiet", f"--chrome-flags={' '.join(CHROMIUM_FLAGS)}", "--output=json",
                 f"--output-path={report.name}"],
                env={**ENV, "CHROME_PATH": CHROMIUM}, capture_output=True, check=False,
            )  # fmt: skip
            data = json.loads(Path(report.name).read_text() or "{}")
        if not data.get("categories"):
            continue
        audits = data["audits"]
        scores.append({
            **{name: round(category["score"] * 100) for name, category in data["categories"].items()},
            # Lighthouse scales CPU work from this host by 4; a slow host scores lower.
            "benchmark_index": round(data["environment"]["benchmarkIndex"]),
            "total_blocking_time_ms": round(audits["total-blocking-time"]["numericValue"]),
            "largest_contentful_paint_ms": round(audits["largest-contentful-paint"]["numericValue"]),
            "cumulative_layout_shift": round(audits["cumulative-layout-shift"]["numericValue"], 3),
        })  # fmt: skip
    if not scores:
        return {"error": "lighthouse produced no report"}
    # The median of each figure over the runs (with two runs, their mean).
    return {name: statistics.median(score[name] for score in scores) for name in scores[0]}


# --- A generated 1,000-page copy -----------------------------------------------------------------

GENERATED_PAGE = """---
description: Generated page {n} of the benchmark copy, to measure how the build scales.
---

# Generated page {n}

A page of ordinary size, with the elements real pages use: prose, a list, a table, a code
block, an admonition. It exists only in the benchmark's temporary copy of the site.

## A section

{paragraph}

- One point, with a [link to the workflow](../workflow/index.md).
- Another point, with `inline code`.

| Option | Pros | Cons |
|---|---|---|
| One | Simple | Slow |
| Two | Fast | Complex |

!!! tip "A tip"
    {paragraph}

## Another section

```python
def rate(per_day: float) -> float:
    return per_day / 86_400
```

{paragraph}
"""
PARAGRAPH = (
    "Design decisions follow from a few numbers: how many requests arrive each second, how much "
    "data accumulates, and what must stay available when a machine fails. " * 3
).strip()


def generate_copy(target: Path, pages: int) -> Path:
    """The site's sources plus `pages` generated pages: one top-level part, in chapters of fifty.

    Nested, as a large guide would be: with navigation.sections every top-level section is open
    on every page, so a thousand pages in twenty top-level sections would make each page carry the
    whole nav and the build grow with the square of the pages; navigation.prune leaves out the
    chapters that are closed.
    """
    target.mkdir(parents=True)
    for name in ("mkdocs.yml", "docs", "overrides", "data", "src", ".diagrams"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, target / name)
    generated = target / "docs" / "generated"
    generated.mkdir()
    for n in range(1, pages + 1):
        (generated / f"page-{n:04d}.md").write_text(GENERATED_PAGE.format(n=n, paragraph=PARAGRAPH), encoding="utf-8")
    nav_lines = ["  - Generated pages:"]
    for start in range(1, pages + 1, 50):
        last = min(start + 49, pages)
        nav_lines.append(f"      - Pages {start}-{last}:")
        nav_lines += [f"          - generated/page-{n:04d}.md" for n in range(start, last + 1)]
    config = (target / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("\n  - Tools:", "\n" + "\n".join(nav_lines) + "\n  - Tools:", 1)
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    return target


# --- Putting it together ----------------------------------------------------------------------


def site_paths(site: Path, site_url: str) -> list[str]:
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    locations = [part.split("</loc>")[0] for part in sitemap.split("<loc>")[1:]]
    return [location.removeprefix(site_url) for location in locations]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "results.json")
    parser.add_argument("--compare", type=Path, help="previous results.json to compare against")
    parser.add_argument("--pages", type=int, default=1000, help="pages in the generated copy (default 1000)")
    parser.add_argument("--lighthouse-runs", type=int, default=2)
    parser.add_argument("--skip-lighthouse", action="store_true")
    parser.add_argument(
        "--skip-copy-checks", action="store_true", help="do not time the checks on the largest copy (minutes)"
    )
    args = parser.parse_args(argv)

    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    site_url = config["site_url"]
    results: dict = {"date": time.strftime("%Y-%m-%d %H:%M"), "machine": f"{os.cpu_count()} cores"}

    with tempfile.TemporaryDirectory(prefix="bench-") as temporary:
        temporary = Path(temporary)
        site = temporary / "site"
        print("bench: cold build of the site")
        seconds = build(ROOT, site)
        paths = site_paths(site, site_url)
        results["site"] = {
            "pages": len(paths),
            "build_seconds": round(seconds, 2),
            "per_page_ms": round(1000 * seconds / len(paths), 1),
            "checks_seconds": time_checks(ROOT),
        }

        print(f"bench: weighing {len(paths)} pages in Chromium")
        server = SiteServer(site, site_url).start()
        try:
            results["pages"] = page_weights(server, paths)
            diagrams = {
                path: (site / path / "index.html").read_text(encoding="utf-8").count('class="mermaid"')
                for path in paths
            }
            types = {
                "home": "",
                "step page": "workflow/step-1-requirements-clarification/",
                "most diagrams": max(diagrams, key=diagrams.get),
                "estimator": "tools/estimator/",
            }
            binary = None if args.skip_lighthouse else lighthouse_binary()
            results["lighthouse"] = {}
            for kind, path in types.items():
                if binary is None:
                    break
                print(f"bench: Lighthouse on the {kind} ({path or '/'})")
                results["lighthouse"][kind] = {
                    "path": path or "/",
                    **lighthouse(binary, server.base + path, args.lighthouse_runs),
                }
        finally:
            server.close()

        # Two sizes, so that the summary shows whether the cost of a page grows with the site.
        results["generated"] = []
        for pages in (args.pages // 2, args.pages):
            print(f"bench: a copy with {pages} generated pages")
            copy = generate_copy(temporary / f"copy-{pages}", pages)
            seconds = build(copy, temporary / f"copy-{pages}-site")
            total = len(paths) + pages
            point = {"pages": total, "build_seconds": round(seconds, 2)}
            point["per_page_ms"] = round(1000 * seconds / total, 1)
            point["per_page_vs_site"] = round(point["per_page_ms"] / results["site"]["per_page_ms"], 2)
            if pages == args.pages and not args.skip_copy_checks:
                print(f"bench: the checks on the copy with {pages} generated pages")
                point["checks_seconds"] = time_checks(copy)
            results["generated"].append(point)
            shutil.rmtree(copy)
        half, full = results["generated"]
        # Seconds per extra page between the two sizes, against the same figure up to the half:
        # near 1 when the build grows linearly, well above 1 when each page costs more as pages are added.
        first = (half["build_seconds"] - results["site"]["build_seconds"]) / (half["pages"] - results["site"]["pages"])
        second = (full["build_seconds"] - half["build_seconds"]) / (full["pages"] - half["pages"])
        results["growth"] = {
            "marginal_ms_per_page": [round(1000 * first, 1), round(1000 * second, 1)],
            "ratio": round(second / first, 2),
        }

    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    previous = json.loads(args.compare.read_text(encoding="utf-8")) if args.compare else None
    summary = render_summary(results, previous)
    args.output.with_name("summary.md").write_text(summary, encoding="utf-8")
    print(summary)
    return 0


def render_summary(results: dict, previous: dict | None) -> str:
    def change(path: list[str]) -> str:
        if previous is None:
            return ""
        old = previous
        for key in path:
            old = old.get(key, {}) if isinstance(old, dict) else {}
        return f" (was {old})" if old not in ({}, None) else ""

    site = results["site"]
    text_pages = {p: w for p, w in results["pages"].items() if not w["mermaid"]}
    lines = [
        f"# Benchmark, {results['date']} ({results['machine']})",
        "",
        "| Build | Pages | Seconds | Per page | check_coverage | check_links |",
        "|---|---|---|---|---|---|",
        f"| Site | {site['pages']} | {site['build_seconds']}{change(['site', 'build_seconds'])} "
        f"| {site['per_page_ms']} ms "
        f"| {site['checks_seconds']['check_coverage']} s | {site['checks_seconds']['check_links']} s |",
    ]
    for point in results["generated"]:
        checks = point.get("checks_seconds", {})
        lines.append(
            f"| Generated copy | {point['pages']} | {point['build_seconds']} "
            f"| {point['per_page_ms']} ms ({point['per_page_vs_site']}× the site's) | "
            + " | ".join(f"{checks[name]} s" if name in checks else "–" for name in ("check_coverage", "check_links"))
            + " |"
        )
    growth = results["growth"]
    lines += [
        "",
        f"Cost of an added page: {growth['marginal_ms_per_page'][0]} ms up to the first copy, "
        f"{growth['marginal_ms_per_page'][1]} ms beyond it ({growth['ratio']}×; 1 is linear).",
        "",
        f"Heaviest page without diagrams: {max(w['bytes'] for w in text_pages.values()) / 1000:.0f} KB over gzip; "
        f"pages loading Mermaid: {sum(w['mermaid'] for w in results['pages'].values())}; "
        f"most requests on a page: {max(w['requests'] for w in results['pages'].values())}.",
        "",
    ]
    if results.get("lighthouse"):
        lines += [
            "| Page type | Path | Performance | Accessibility | Best practices | SEO | TBT | LCP | Host index |",
            "|---|---|---|---|---|---|---|---|---|",
        ]
        for kind, score in results["lighthouse"].items():
            if "error" in score:
                lines.append(f"| {kind} | {score['path']} | {score['error']} | | | | | | |")
                continue
            lines.append(
                f"| {kind} | {score['path']} | {score['performance']}{change(['lighthouse', kind, 'performance'])} "
                f"| {score['accessibility']} | {score['best-practices']} | {score['seo']} "
                f"| {score['total_blocking_time_ms']:.0f} ms | {score['largest_contentful_paint_ms']:.0f} ms "
                f"| {score['benchmark_index']:.0f} |"
            )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
