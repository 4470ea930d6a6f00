#!/usr/bin/env python3
"""Measure the site: build time, page weight, Lighthouse scores, and how the checks scale.

A benchmark, not a test: it reports and never fails (timings vary from run to run; the byte
budgets that do not are tested in tests/test_budgets.py). It measures:

  - a cold strict build of the site, and the two checks (check_coverage, check_links) on it;
  - every page served with gzip on 127.0.0.1, as a real host serves it: bytes transferred and
    requests made, in Debian's Chromium;
  - Lighthouse (bench/package.json, mobile defaults), five times per page type, keeping the run
    Lighthouse itself picks as the median (its computeMedianRun: "twice as stable as 1 run",
    Lighthouse's docs/variability.md):
    home, a step page, the page with the most diagrams, the estimator, an example's index and
    step page, a 45-minute plan, a concept page, a reference table, the glossary, a practice
    page of cards and the checklist;
  - generated copies of the site with 500 and 1,000 extra pages: build time per page against
    the real site's, and what each added page costs at both sizes (equal when the build grows
    linearly); and the two checks on the larger copy;
  - the contributor's loop: the strict build (the median of three cold runs, SDW_NO_CACHE=1,
    and of three with the build cache: nothing changed, and a sentence added to a page), and, under make
    serve's own command in a throwaway copy of the sources, the time from saving an edit until
    the server answers with the edited page: a sentence added to a page, a snippet's comment
    reworded, an assumption's value changed and a flashcard reworded (three edits of each, the
    median); with
    --with-tests, the test suite twice (pytest -n auto, minutes): every test, as CI runs it, then
    again with nothing changed, when the browser's page tests reuse their earlier passes
    (tests/kept_passes.py).

It writes bench/results.json and bench/summary.md; with --compare OLD.json the summary shows
what changed. Run it from the repository root: python scripts/bench.py (or make bench).
--loop-only measures the contributor's loop alone and keeps the rest of results.json.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from sdw.chromium import CHROMIUM, CHROMIUM_FLAGS  # one list, with the diagram fence and the tests
from sdw.site_server import SiteServer

ROOT = Path(__file__).resolve().parent.parent

# Cold by default: every build converts every page, so figures compare with earlier runs; the
# warm builds name a cache of their own (warm_builds).
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SDW_NO_CACHE": "1"}
# What a site needs to build, copied into the benchmark's throwaway copies.
SITE_SOURCES = ("mkdocs.yml", "docs", "overrides", "data", "src", ".diagrams")


def timed(args: list[str], cwd: Path = ROOT, env: dict | None = None) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    result = subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=env or ENV)
    return time.perf_counter() - start, result


def build(root: Path, site: Path, env: dict | None = None) -> float:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)]
    seconds, result = timed(command, cwd=root, env=env)
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


# Lighthouse's own choice of the representative run (core/lib/median-run.js): the run nearest the
# median first paint and the median time to interactive, so that every figure reported comes
# from one run, as Lighthouse's variability guide advises, not a median of each figure apart.
MEDIAN_RUN_JS = """
import {readFileSync} from 'node:fs';
import {computeMedianRun, filterToValidRuns} from 'lighthouse/core/lib/median-run.js';
const runs = process.argv.slice(1).map((path) => JSON.parse(readFileSync(path, 'utf8')));
const valid = filterToValidRuns(runs);
console.log(valid.length ? runs.indexOf(computeMedianRun(valid)) : -1);
"""


def median_run(reports: list[Path]) -> int:
    """The index in `reports` (Lighthouse JSON files) of Lighthouse's median run; -1 if none is valid."""
    result = subprocess.run(
        ["node", "--input-type=module", "-e", MEDIAN_RUN_JS, *map(str, reports)],
        cwd=ROOT / "bench", capture_output=True, text=True, check=False,
    )  # fmt: skip
    # A benchmark never fails: a Lighthouse whose module moved gives an error row, not a crash.
    return int(result.stdout) if result.returncode == 0 and result.stdout.strip() else -1


def lighthouse(binary: Path, url: str, runs: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as folder:
        reports = []
        for run in range(runs):
            report = Path(folder) / f"run-{run}.json"
            subprocess.run(
                [str(binary), url, "--quiet", f"--chrome-flags={' '.join(CHROMIUM_FLAGS)}", "--output=json",
                 f"--output-path={report}"],
                env={**ENV, "CHROME_PATH": CHROMIUM}, capture_output=True, check=False,
            )  # fmt: skip
            if report.is_file() and json.loads(report.read_text() or "{}").get("categories"):
                reports.append(report)
        chosen = median_run(reports) if reports else -1
        if chosen < 0:
            return {"error": "lighthouse produced no report"}
        data = json.loads(reports[chosen].read_text())
    audits = data["audits"]
    return {
        **{name: round(category["score"] * 100) for name, category in data["categories"].items()},
        # Lighthouse scales CPU work from this host by 4; a slow host scores lower.
        "benchmark_index": round(data["environment"]["benchmarkIndex"]),
        "total_blocking_time_ms": round(audits["total-blocking-time"]["numericValue"]),
        "largest_contentful_paint_ms": round(audits["largest-contentful-paint"]["numericValue"]),
        "cumulative_layout_shift": round(audits["cumulative-layout-shift"]["numericValue"], 3),
        "runs": len(reports),
    }


def copy_sources(target: Path) -> Path:
    """A throwaway copy of what the site needs to build, in `target`."""
    target.mkdir(parents=True)
    for name in SITE_SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)
    return target


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
    copy_sources(target)
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


# --- The contributor's loop ---------------------------------------------------------------------

# make serve's command (Makefile), in a throwaway copy, on a free port of 127.0.0.1.
PREVIEW_ENV = {"SDW_FULL_BUILD": "false", "PYTHONDONTWRITEBYTECODE": "1"}
# The page and the snippet the benchmark edits, and the page that shows each edit.
EDITED_PAGE = ("docs/workflow/step-1-requirements-clarification.md", "workflow/step-1-requirements-clarification/")
EDITED_SNIPPET = ("docs/snippets/twitter_assumptions.py", "examples/twitter/step-2-estimation/")  # its source tab
# The assumption every Twitter figure follows, and the page whose table shows it.
EDITED_VALUE = ("docs/snippets/twitter_assumptions.py", "examples/twitter/step-2-estimation/")
VALUE = re.compile(r"^daily_active_users = count\((?P<millions>\d+)e6\)", re.MULTILINE)
# A flashcard's answer (data/cards.yml), and the practice page that shows the step cards.
EDITED_CARD = ("data/cards.yml", "practice/workflow/")
CARD_ANSWER = re.compile(r"^  answer: '(?:bench[0-9a-f]{8} )?", re.MULTILINE)
START_TIMEOUT = 180.0  # seconds for make serve's first build before the benchmark gives up
RELOAD_TIMEOUT = 60.0  # seconds for one edit to show before it counts as not shown
TESTS_TIMEOUT = 1800.0  # the whole test suite
POLL = 0.05  # seconds between two requests for the edited page
SETTLE = 0.5  # seconds between an edit showing and the next, so that each is its own rebuild
ASSIGNMENT = re.compile(r"[a-z_][a-z0-9_]* = ")
MARK = re.compile(r" bench[0-9a-f]{8}$")


def fetch(url: str, timeout: float = 30.0) -> str | None:
    """The page at `url`, or None when the server does not answer it (yet)."""
    try:
        with urllib.request.urlopen(url, timeout=max(timeout, 0.1)) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:  # refused, reset, timed out, or an HTTP error status
        return None


def time_edit(url: str, edit: Callable[[], str], timeout: float = RELOAD_TIMEOUT) -> float | None:
    """Seconds from saving an edit until the server answers `url` with it, or None after `timeout`.

    `edit` saves the change and returns text that only the edited page holds. MkDocs' server
    holds a page request while it rebuilds and answers its livereload poll, which reloads the
    browser, as the rebuild ends: asking for the page every POLL seconds sees the same moment.
    """
    start = time.perf_counter()
    text = edit()
    deadline = start + timeout
    while (left := deadline - time.perf_counter()) > 0:
        page = fetch(url, timeout=left)
        if page is not None and text in page:
            return round(time.perf_counter() - start, 2)
        time.sleep(POLL)
    return None


def _mark() -> str:
    return f"bench{os.urandom(4).hex()}"


def append_sentence(path: Path) -> str:
    """Add a sentence to a page, as a contributor writing would; return the text it shows."""
    mark = _mark()
    with path.open("a", encoding="utf-8") as file:
        file.write(f"\nA sentence the benchmark added ({mark}).\n")
    return mark


def edit_comment(path: Path) -> str:
    """Reword the comment above a snippet's first value (the page shows the snippet's source)."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    line = next((n for n in range(len(lines) - 1) if lines[n].startswith("#") and ASSIGNMENT.match(lines[n + 1])), None)
    if line is None:
        raise SystemExit(f"bench: no comment above a value in {path} to edit")
    mark = _mark()
    lines[line] = MARK.sub("", lines[line].rstrip("\n")) + f" {mark}\n"
    path.write_text("".join(lines), encoding="utf-8")
    return mark


def edit_value(path: Path) -> str:
    """Raise the daily active users by a million, as a contributor trying another assumption
    would: every figure that follows it changes. Returns the value the page then shows."""
    text = path.read_text(encoding="utf-8")
    match = VALUE.search(text)
    if match is None:
        raise SystemExit(f"bench: no 'daily_active_users = count(NNNe6)' in {path} to edit")
    millions = int(match["millions"]) + 1
    path.write_text(text[: match.start("millions")] + str(millions) + text[match.end("millions") :], encoding="utf-8")
    return f"{millions}M"


def edit_card(path: Path) -> str:
    """Start the first card's answer with a new word, as a contributor rewording a card would."""
    text = path.read_text(encoding="utf-8")
    match = CARD_ANSWER.search(text)
    if match is None:
        raise SystemExit(f"bench: no quoted card answer in {path} to edit")
    mark = _mark()
    path.write_text(text[: match.start()] + f"  answer: '{mark} " + text[match.end() :], encoding="utf-8")
    return mark


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_served(process: subprocess.Popen, url: str, timeout: float) -> float | None:
    """Seconds until `url` answers, or None if the process ends or `timeout` passes first."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout and process.poll() is None:
        if fetch(url, timeout=5) is not None:
            return round(time.perf_counter() - start, 2)
        time.sleep(0.2)
    return None


def _restore_ctrl_c() -> None:
    """In the server's process: a benchmark started in the background inherits SIGINT ignored,
    and the server would then ignore the Ctrl-C that stops it and leave its temporary site behind."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


# What the preview logs once it has converted, in the background, the pages it took from the
# build cache (src/sdw/mkdocs_hooks/preview_cache.py).
DETACHED = "pages from the build cache now hold their blocks apart"


def serve_loop(copy: Path, site_url: str, edits: int) -> dict:
    """make serve's command in `copy`: seconds until it answers, then until each edit shows; then
    again, restarted on the build cache the first run filled: until it answers, until it has
    converted in the background the pages it took from there, and until one value edit shows."""
    loop = _serve(copy, site_url, edits, "serve")  # with a build cache of its own, empty at first
    restarted = _serve(copy, site_url, 1, "restart")
    loop["serve_restart_seconds"] = restarted["serve_start_seconds"]
    loop["detached_seconds"] = restarted.get("detached_seconds")
    loop["reload_value_after_restart"] = restarted["reload_value"]
    return loop


def _serve(copy: Path, site_url: str, edits: int, run: str) -> dict:
    port = free_port()
    base = f"http://127.0.0.1:{port}{urlsplit(site_url).path.rstrip('/')}/"
    log = copy.with_name(f"{copy.name}-{run}.log")
    command = [sys.executable, "-m", "mkdocs", "serve", "--no-strict", "--dev-addr", f"127.0.0.1:{port}"]
    restart = run == "restart"
    # A build cache of its own, empty at the first run, as a fresh clone's is; the restart finds
    # what the first run kept there.
    env = {**ENV, **PREVIEW_ENV, "SDW_NO_CACHE": "", "SDW_CACHE_DIR": str(copy.with_name(copy.name + "-cache"))}
    with log.open("w", encoding="utf-8") as output:
        process = subprocess.Popen(command, cwd=copy, env=env, stdout=output, stderr=output, preexec_fn=_restore_ctrl_c)
        try:
            begun = time.perf_counter()
            started = wait_until_served(process, base, START_TIMEOUT)
            if started is None:
                raise SystemExit(f"bench: make serve did not answer {base}:\n{log.read_text(encoding='utf-8')[-3000:]}")
            loop: dict = {"serve_start_seconds": started}
            if restart:
                deadline = time.perf_counter() + START_TIMEOUT
                while DETACHED not in log.read_text(encoding="utf-8") and time.perf_counter() < deadline:
                    time.sleep(POLL)
                if DETACHED in log.read_text(encoding="utf-8"):
                    loop["detached_seconds"] = round(time.perf_counter() - begun, 2)
            kinds = [("reload_value", edit_value, EDITED_VALUE)] if restart else []
            for name, edit, (source, path) in kinds or (
                ("reload_page", append_sentence, EDITED_PAGE),
                ("reload_snippet", edit_comment, EDITED_SNIPPET),
                ("reload_value", edit_value, EDITED_VALUE),
                ("reload_card", edit_card, EDITED_CARD),
            ):
                runs: list[float | None] = []
                rebuilds_before = len(rebuilds(log))
                for _ in range(edits):
                    runs.append(time_edit(base + path, lambda edit=edit, source=source: edit(copy / source)))
                    if runs[-1] is None:  # the server is stuck (see the log); the next edit would be too
                        break
                    time.sleep(SETTLE)
                # What MkDocs itself reports for these rebuilds; the rest is noticing the save.
                loop[name] = {**summarize(runs), "rebuild_seconds": rebuilds(log)[rebuilds_before:]}
            return loop
        finally:
            process.send_signal(signal.SIGINT)  # as Ctrl-C: MkDocs removes its temporary site
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def rebuilds(log: Path) -> list[float]:
    """The build times MkDocs printed so far, the first build's included."""
    return [
        float(seconds)
        for seconds in re.findall(r"Documentation built in ([\d.]+) seconds", log.read_text(encoding="utf-8"))
    ]


def summarize(runs: list[float | None]) -> dict:
    shown = [run for run in runs if run is not None]
    return {"median_seconds": round(statistics.median(shown), 2) if shown else None, "runs": runs}


def strict_builds(root: Path, temporary: Path, runs: int, empty_cache: bool = False) -> list[float]:
    """`mkdocs build --strict` `runs` times, each a new process into a new site folder: every page
    converted in one process (SDW_NO_CACHE=1), or, with `empty_cache`, each with a build cache
    folder of its own and empty, as a fresh clone's first build (its pages in two processes,
    sdw/mkdocs_hooks/parallel_pages.py)."""
    seconds = []
    for n in range(runs):
        env = None
        if empty_cache:
            env = {key: value for key, value in ENV.items() if key != "SDW_NO_CACHE"}
            env["SDW_CACHE_DIR"] = str(temporary / f"empty-cache-{n}")
        seconds.append(round(build(root, temporary / f"strict-{n}", env), 2))
        shutil.rmtree(temporary / f"strict-{n}")
    return seconds


def warm_builds(temporary: Path, runs: int) -> dict:
    """Strict builds with the build cache (sdw.build_cache) in a folder of their own, of a copy
    committed to a git repository of its own, as a contributor's clone is (the "last update"
    dates come from git), after one build has filled the cache: with nothing changed, and after
    a sentence is added to a page."""
    env = {key: value for key, value in ENV.items() if key != "SDW_NO_CACHE"}
    env["SDW_CACHE_DIR"] = str(temporary / "build-cache")
    copy = copy_sources(temporary / "warm-copy")
    commit_all(copy)
    build(copy, temporary / "warm-fill", env)
    unchanged, edited = [], []
    for n in range(runs):
        unchanged.append(round(build(copy, temporary / f"warm-{n}", env), 2))
        append_sentence(copy / EDITED_PAGE[0])
        edited.append(round(build(copy, temporary / f"warm-edit-{n}", env), 2))
    return {"strict_build_warm": summarize(unchanged), "strict_build_page_edit": summarize(edited)}


def commit_all(folder: Path) -> None:
    """`folder` as a git repository with one commit of everything in it."""
    identity = ["-c", "user.name=bench", "-c", "user.email=bench@example.invalid"]
    for command in (["init", "-q"], ["add", "-A"], [*identity, "commit", "-q", "-m", "bench"]):
        subprocess.run(["git", *command], cwd=folder, check=True, capture_output=True)


SUMMARY_COUNT = re.compile(r"(\d+) (passed|failed|errors?|skipped|xfailed|xpassed|deselected)\b")


def suite_counts(output: str) -> dict[str, int]:
    """pytest's closing line ("3 failed, 290 passed, 2 skipped in 301.2s") as counts."""
    lines = [line for line in output.splitlines() if re.search(r"\bin [\d.]+s\b", line) and SUMMARY_COUNT.search(line)]
    if not lines:
        return {}
    return {kind.replace("errors", "error"): int(number) for number, kind in SUMMARY_COUNT.findall(lines[-1])}


def time_tests(every: bool = True) -> dict:
    """The README's test command (make test without the install), once: wall time and counts.
    `every`: no kept passes (SDW_NO_TEST_CACHE=1), every browser test run as in CI."""
    command = [sys.executable, "-m", "pytest", "-n", "auto", "-q"]
    # The suite as a contributor runs it: its builds share the project's build cache (conftest).
    env = {key: value for key, value in ENV.items() if key not in ("CI", "SDW_NO_TEST_CACHE", "SDW_NO_CACHE")}
    if every:
        env["SDW_NO_TEST_CACHE"] = "1"
    start = time.perf_counter()
    try:
        result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env, timeout=TESTS_TIMEOUT)
    except subprocess.TimeoutExpired:
        return {"seconds": None, "error": f"stopped after {TESTS_TIMEOUT:.0f} s"}
    return {
        "seconds": round(time.perf_counter() - start, 1),
        "returncode": result.returncode,
        **suite_counts(result.stdout),
    }


def measure_loop(temporary: Path, site_url: str, args: argparse.Namespace, first_build: float | None) -> dict:
    """The contributor's loop: strict builds, edits under make serve, and the tests if asked."""
    loop: dict = {
        "date": time.strftime("%Y-%m-%d %H:%M"),
        "machine": f"{os.cpu_count()} cores",
        "load_average": round(os.getloadavg()[0], 1),  # a busy host's times are longer
    }
    earlier = [] if first_build is None else [round(first_build, 2)]
    print(f"bench: strict builds ({args.builds} converting every page, {args.builds} with an empty build cache)")
    loop["strict_build"] = summarize(earlier + strict_builds(ROOT, temporary, args.builds - len(earlier)))
    loop["strict_build_empty_cache"] = summarize(strict_builds(ROOT, temporary, args.builds, empty_cache=True))
    print(f"bench: strict builds with the build cache ({args.builds} unchanged, {args.builds} after a page edit)")
    loop.update(warm_builds(temporary, args.builds))
    print(f"bench: make serve in a copy, {args.edits} edits to a page and {args.edits} to a snippet")
    loop.update(serve_loop(copy_sources(temporary / "serve-copy"), site_url, args.edits))
    if args.with_tests:
        print("bench: the test suite (pytest -n auto), every test, then again with nothing changed")
        loop["tests"] = time_tests(every=True)
        loop["tests_kept"] = time_tests(every=False)
    return loop


# --- Putting it together ----------------------------------------------------------------------


def site_paths(site: Path, site_url: str) -> list[str]:
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    locations = [part.split("</loc>")[0] for part in sitemap.split("<loc>")[1:]]
    return [location.removeprefix(site_url) for location in locations]


def measure_site(temporary: Path, site_url: str, args: argparse.Namespace, results: dict) -> float:
    """The site's build, pages, Lighthouse scores and generated copies, into `results`; returns
    the seconds of the first build (a cold strict build, the loop's first)."""
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
            path: (site / path / "index.html").read_text(encoding="utf-8").count('class="mermaid"') for path in paths
        }
        # The example step page with the most table cells: the most work for a phone's start-up
        # (Material measures each table and code block as it mounts them).
        cells = {
            path: (site / path / "index.html").read_text(encoding="utf-8").count("<td")
            for path in paths
            if path.startswith("examples/") and "/step-" in path
        }
        # One page of each kind the site has (issue 14 asks 95 or more on phones for every one).
        types = {
            "home": "",
            "step page": "workflow/step-1-requirements-clarification/",
            "most diagrams": max(diagrams, key=diagrams.get),
            "estimator": "tools/estimator/",
            "example index": "examples/chat/",
            "example step, longest tables": max(cells, key=cells.get, default="examples/twitter/step-2-estimation/"),
            "45-minute plan": "examples/twitter/interview-45-minutes/",
            "concept page": "concepts/caching/",
            "reference table": "reference/latency-numbers/",
            "glossary": "reference/glossary/",
            "practice cards": "practice/workflow/",
            "checklist": "practice/checklist/",
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

    return results["site"]["build_seconds"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "results.json")
    parser.add_argument("--compare", type=Path, help="previous results.json to compare against")
    parser.add_argument("--pages", type=int, default=1000, help="pages in the generated copy (default 1000)")
    parser.add_argument("--lighthouse-runs", type=int, default=5)
    parser.add_argument("--skip-lighthouse", action="store_true")
    parser.add_argument(
        "--skip-copy-checks", action="store_true", help="do not time the checks on the largest copy (minutes)"
    )
    parser.add_argument("--builds", type=int, default=3, help="strict builds for the loop's median (default 3)")
    parser.add_argument("--edits", type=int, default=3, help="edits of each kind under make serve (default 3)")
    parser.add_argument("--with-tests", action="store_true", help="time the test suite once too (minutes)")
    parser.add_argument(
        "--loop-only", action="store_true", help="measure the contributor's loop alone; keep the rest of --output"
    )
    args = parser.parse_args(argv)
    args.builds, args.edits = max(args.builds, 1), max(args.edits, 1)
    # Read before measuring: --compare may name the file this run overwrites (make bench COMPARE=...).
    previous = json.loads(args.compare.read_text(encoding="utf-8")) if args.compare else None

    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    site_url = config["site_url"]
    results: dict = {"date": time.strftime("%Y-%m-%d %H:%M"), "machine": f"{os.cpu_count()} cores"}
    if args.loop_only and args.output.is_file():
        results = json.loads(args.output.read_text(encoding="utf-8"))

    with tempfile.TemporaryDirectory(prefix="bench-") as temporary:
        temporary = Path(temporary)
        first_build = None if args.loop_only else measure_site(temporary, site_url, args, results)
        results["loop"] = measure_loop(temporary, site_url, args, first_build)

    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    summary = render_summary(results, previous)
    args.output.with_name("summary.md").write_text(summary, encoding="utf-8")
    print(summary)
    return 0


# Issue 18's targets for the contributor's loop.
LOOP_TARGETS = {
    "reload_page": "about 1 s",
    "reload_snippet": "about 1 s",
    "reload_value": "about 1 s",
    "reload_card": "about 1 s",
    "strict_build": "≤ 2 s",
    "tests": "≤ 2 min on two cores",
}


def render_summary(results: dict, previous: dict | None) -> str:
    def earlier(path: list[str]):
        old = previous
        for key in path:
            old = old.get(key) if isinstance(old, dict) else None
        return old

    def change(path: list[str], unit: str = "") -> str:
        old = earlier(path)
        return f" (was {old}{unit})" if old not in ({}, None) else ""

    lines = [f"# Benchmark, {results['date']} ({results['machine']})", ""]
    if "site" in results:
        lines += site_summary(results, change)
    if results.get("lighthouse"):
        lines += [
            "| Page type | Path | Performance | Accessibility | Best practices | SEO | TBT | LCP | Host index |",
            "|---|---|---|---|---|---|---|---|---|",
        ]
        for kind, score in results["lighthouse"].items():
            if "error" in score:
                lines.append(f"| {kind} | {score['path']} | {score['error']} | | | | | | |")
                continue
            # A kind whose page changed since (the heaviest page is chosen afresh) is not compared.
            same_page = earlier(["lighthouse", kind, "path"]) in (None, score["path"])
            was = change(["lighthouse", kind, "performance"]) if same_page else " (another page before)"
            lines.append(
                f"| {kind} | {score['path']} | {score['performance']}{was} "
                f"| {score['accessibility']} | {score['best-practices']} | {score['seo']} "
                f"| {score['total_blocking_time_ms']:.0f} ms | {score['largest_contentful_paint_ms']:.0f} ms "
                f"| {score['benchmark_index']:.0f} |"
            )
        runs = sorted({score["runs"] for score in results["lighthouse"].values() if "runs" in score})
        if runs:
            lines += ["", f"Each row is one run: of {' or '.join(map(str, runs))} runs a page, the one Lighthouse's "
                      "computeMedianRun picks (nearest the median first paint and time to interactive)."]  # fmt: skip
        lines.append("")
    if "loop" in results:
        lines += loop_summary(results["loop"], change)
    return "\n".join(lines).rstrip("\n") + "\n"


def site_summary(results: dict, change: Callable) -> list[str]:
    site = results["site"]
    lines = [
        "| Build | Pages | Seconds | Per page | check_coverage | check_links |",
        "|---|---|---|---|---|---|",
        f"| Site | {site['pages']} | {site['build_seconds']}{change(['site', 'build_seconds'])} "
        f"| {site['per_page_ms']} ms "
        f"| {site['checks_seconds']['check_coverage']} s | {site['checks_seconds']['check_links']} s |",
    ]
    for point in results.get("generated", []):
        checks = point.get("checks_seconds", {})
        lines.append(
            f"| Generated copy | {point['pages']} | {point['build_seconds']} "
            f"| {point['per_page_ms']} ms ({point['per_page_vs_site']}× the site's) | "
            + " | ".join(f"{checks[name]} s" if name in checks else "–" for name in ("check_coverage", "check_links"))
            + " |"
        )
    lines.append("")
    if "growth" in results:
        growth = results["growth"]
        lines += [
            f"Cost of an added page: {growth['marginal_ms_per_page'][0]} ms up to the first copy, "
            f"{growth['marginal_ms_per_page'][1]} ms beyond it ({growth['ratio']}×; 1 is linear).",
            "",
        ]
    if results.get("pages"):
        weights = results["pages"]
        text_pages = [w["bytes"] for w in weights.values() if not w["mermaid"]]
        lines += [
            f"Heaviest page without diagrams: {max(text_pages, default=0) / 1000:.0f} KB over gzip; "
            f"pages loading Mermaid: {sum(w['mermaid'] for w in weights.values())}; "
            f"most requests on a page: {max(w['requests'] for w in weights.values())}.",
            "",
        ]
    return lines


def loop_summary(loop: dict, change: Callable) -> list[str]:
    """The contributor's loop against issue 18's targets: medians, each run, and the change."""

    def timed(name: str) -> str:
        figure = loop.get(name)
        if not figure:
            return "not measured"
        if figure["median_seconds"] is None:
            return f"not shown within {RELOAD_TIMEOUT:.0f} s"
        if None in figure["runs"]:
            runs = ", ".join(
                f"not shown within {RELOAD_TIMEOUT:.0f} s" if run is None else f"{run} s" for run in figure["runs"]
            )
        else:
            runs = ", ".join(f"{run}" for run in figure["runs"]) + " s"
        notes = [f"median of {runs}"]
        if figure.get("rebuild_seconds"):
            notes.append(f"MkDocs' rebuild {statistics.median(figure['rebuild_seconds']):.2f} s of it")
        return f"{figure['median_seconds']} s{change(['loop', name, 'median_seconds'], ' s')} ({'; '.join(notes)})"

    def suite(name: str) -> str:
        tests = loop.get(name)
        if tests is None:
            return "not run (bench.py --with-tests)"
        if tests.get("seconds") is None:
            return tests.get("error", "not finished")
        minutes, seconds = divmod(round(tests["seconds"]), 60)
        counts = [f"{tests.get(kind, 0)} {kind}" for kind in ("passed", "failed")] + [
            f"{tests[kind]} {kind}" for kind in ("error", "skipped", "xfailed", "xpassed") if kind in tests
        ]
        exit_status = "" if tests.get("returncode") == 0 else f", exit status {tests.get('returncode')}"
        return (
            f"{tests['seconds']} s{change(['loop', name, 'seconds'], ' s')}, {minutes} min {seconds:02d} s: "
            f"{', '.join(counts)}{exit_status}"
        )

    def seconds(name: str) -> str:
        value = loop.get(name)
        return "not measured" if value is None else f"{value} s{change(['loop', name], ' s')}"

    start = loop.get("serve_start_seconds")
    return [
        f"Contributor's loop, {loop['date']} ({loop['machine']}"
        + (f", load average {loop['load_average']} at the start" if "load_average" in loop else "")
        + "):",
        "",
        "| Measure | Target (issue 18) | Measured |",
        "|---|---|---|",
        f"| Edit to reload, a page (`make serve`) | {LOOP_TARGETS['reload_page']} | {timed('reload_page')} |",
        f"| Edit to reload, a snippet's comment (`make serve`) | {LOOP_TARGETS['reload_snippet']} "
        f"| {timed('reload_snippet')} |",
        f"| Edit to reload, an assumption's value (`make serve`) | {LOOP_TARGETS['reload_value']} "
        f"| {timed('reload_value')} |",
        f"| Edit to reload, a flashcard (`make serve`) | {LOOP_TARGETS['reload_card']} | {timed('reload_card')} |",
        f"| Edit to reload, an assumption's value, the first after `make serve` restarts on the build cache, "
        f"once its background conversions are done "
        f"| {LOOP_TARGETS['reload_value']} | {timed('reload_value_after_restart')} |",
        f"| `mkdocs build --strict`, cold: an empty build cache, as a fresh clone | {LOOP_TARGETS['strict_build']} "
        f"| {timed('strict_build_empty_cache')} |",
        f"| `mkdocs build --strict`, cold, every page in one process (`SDW_NO_CACHE=1`) "
        f"| {LOOP_TARGETS['strict_build']} | {timed('strict_build')} |",
        f"| `mkdocs build --strict`, nothing changed since a build | {LOOP_TARGETS['strict_build']} "
        f"| {timed('strict_build_warm')} |",
        f"| `mkdocs build --strict`, a page edited since a build | {LOOP_TARGETS['strict_build']} "
        f"| {timed('strict_build_page_edit')} |",
        f"| Test suite, `pytest -n auto`, every test (as CI) | {LOOP_TARGETS['tests']} | {suite('tests')} |",
        f"| Test suite again, nothing changed (kept passes) | {LOOP_TARGETS['tests']} | {suite('tests_kept')} |",
        "| `make serve`, start to first page | (recorded) | "
        + ("not measured" if start is None else f"{start} s{change(['loop', 'serve_start_seconds'], ' s')}")
        + " |",
        "| `make serve` restarted on the build cache: to first page; to its blocks apart (background) | (recorded) | "
        + seconds("serve_restart_seconds")
        + "; "
        + seconds("detached_seconds")
        + " |",
        "",
    ]


if __name__ == "__main__":
    sys.exit(main())
