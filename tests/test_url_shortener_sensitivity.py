"""The URL shortener's index promises that an assumption can be changed and the pages rebuilt.

Each case copies docs/snippets, changes one assumption in url_shortener_assumptions.py and runs
every url_shortener_* snippet as the build does (as __main__), in a subprocess of its own. A
snippet must either print its figures or stop on an assertion: the assertions guard sentences
whose claim the numbers decide, and the one a case stops on is listed below, so this docstring can
say which claims stop the build. Two claims print their verdict instead of asserting it (which
reservation makes the store's own servers cheaper than DynamoDB; whether two zones' caches could
refill from the store at once, beside every cache's misses, with a zone down); each case checks the
verdicts it prints.

What the cases find, as written: at 20 years every snippet runs; the others stop on the first
claim that no longer holds: at twice and ten times the links, step 2's "both past their capacity,
hence the spare" (the servers snippet, and every snippet that imports it); at 5 years, step 4's "at
list prices DynamoDB is the cheaper store" (the table's requests do not shrink with the data, the
servers do); at half the links and at a hundred redirects, claims of steps 6 and 7 (what a viral
minute does to the freshness pages; the link store carrying every redirect while the event log is
out of reach). Others lie behind
them, which rewriting them reveals: the one-day compaction window's disk being negligible at twice
the links, a legal removal's minute at ten times, and the click log's partitions at both and at a
hundred redirects, among them. One case lifts the spare-servers claim at ten times the links, and
step 2's "one accounts primary carries its reads" behind it (the creates' account checks and the
gateways' credential reads pass what one primary is planned for): the cost snippet then runs and
its verdicts are checked (the misses, at most one a clicked link and zone a day, grow less than the
redirects, so DynamoDB stays just the cheaper at list price), beside a legal removal's minute.

Step 7's bulk cache refill reads at a fixed 50K/s, or three quarters of what the store has spare
beside every cache's misses if that is less, and one refill must fit beside them (asserted). At
half the links and at 5 years the fixed rate would not fit (the store shrinks with the data, 71.4%
of what it can read beside 44.9% and 83.3%), so the refill slows instead (28.9K/s at half the
links; 8.78K/s, 6.33 h, at 5 years) and the claim holds. Two at once is past what the store can
read as written and at 5 years, within it at 20 years (and at ten times the links, behind that
case's stop).
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "docs" / "snippets"
ASSUMPTIONS = "url_shortener_assumptions.py"

LINKS = "links_created_per_day = per_day(100e6)"
RETENTION = "retention_years = count(10)"
REDIRECTS = "redirects_per_link_created = count(10)"

SPARE = "assert all(spare_needed.values())"
ONE_ACCOUNTS_PRIMARY = "assert accounts_primary_reads_peak < accounts_primary_planned_reads"
LINKS_X10 = (ASSUMPTIONS, LINKS, "links_created_per_day = per_day(1000e6)")

# case: the edits, each (the snippet, the line changed, its new text)
CASES = {
    "as written": [(ASSUMPTIONS, LINKS, LINKS)],
    "links x2": [(ASSUMPTIONS, LINKS, "links_created_per_day = per_day(200e6)")],
    "links x10": [LINKS_X10],
    # The spare claim stops every snippet that imports the servers one, and the one-primary claim every
    # snippet that imports the API one: both lifted, the cost snippet runs.
    "links x10, the spare claim lifted": [
        LINKS_X10,
        ("url_shortener_servers.py", SPARE, "pass"),
        ("url_shortener_api.py", ONE_ACCOUNTS_PRIMARY, "pass"),
    ],
    "links x0.5": [(ASSUMPTIONS, LINKS, "links_created_per_day = per_day(50e6)")],
    "retention 5 years": [(ASSUMPTIONS, RETENTION, "retention_years = count(5)")],
    "retention 20 years": [(ASSUMPTIONS, RETENTION, "retention_years = count(20)")],
    "redirects per link 100": [(ASSUMPTIONS, REDIRECTS, "redirects_per_link_created = count(100)")],
}

# The first claim each case stops on: snippet -> the assertion (its source line) that stops it. Every
# other url_shortener snippet must run. These are sentences of steps 2, 6 and 7 (the spare servers,
# the freshness pages, the link store's reads): rewrite one as a printed verdict, and its entries go,
# and the claim behind it stops the case instead (the docstring names some).
STOPPED_BY_SERVERS = {
    name: SPARE
    for name in (
        "url_shortener_api",
        "url_shortener_cost",
        "url_shortener_deletion",
        "url_shortener_estimator",
        "url_shortener_partitioning",
        "url_shortener_reliability",
        "url_shortener_servers",
    )
}
# Step 4: at list prices, without the second region's copy, DynamoDB is the cheaper store.
LIST_PRICE = "assert servers_total_monthly_cost > ddb_monthly_cost"
STOPS = {
    "as written": {},
    "links x2": STOPPED_BY_SERVERS,
    "links x10": STOPPED_BY_SERVERS,
    "links x10, the spare claim lifted": {
        "url_shortener_reliability": "assert uncached_451_minute_budget > 1",
    },
    "links x0.5": {
        "url_shortener_reliability": "assert viral_late_canary_share_of_hour > freshness_fast_burn_late_share",
    },
    "retention 5 years": {"url_shortener_cost": LIST_PRICE},
    "retention 20 years": {},
    "redirects per link 100": {
        "url_shortener_partitioning": "assert lag_fallback_load_per_server < 1",
        "url_shortener_cost": "assert lag_fallback_load_per_server < 1",
        "url_shortener_reliability": "assert lag_fallback_load_per_server < 1",
    },
}

# The printed verdicts: snippet -> {phrase: how many times it is printed}, where the case runs it.
SPARE_NEEDED = "a server down: past capacity"
TWO_REFILLS_PAST = "past what it can read"
TWO_REFILLS_WITHIN = "within what it can read"
SPARE_MARGIN = "a server down: within capacity"
BEYOND = "beyond any reservation"
WITHIN = "within AWS's headline"
VERDICTS = {
    "as written": {
        "url_shortener_servers": {SPARE_NEEDED: 2, SPARE_MARGIN: 0},
        # Backups on both sides bring every break-even (27% and 3.58%; with one engineer's time,
        # 54% and 30.6%) under AWS's headline 72%.
        "url_shortener_cost": {BEYOND: 0, WITHIN: 4},
        # Two bulk refills at once beside every cache's misses: 44.8% + 2 x 38.5% = 122%.
        "url_shortener_reliability": {TWO_REFILLS_PAST: 1, TWO_REFILLS_WITHIN: 0},
    },
    # Half the data: the store's servers shrink with it and its spare with them; the refill slows to
    # fit (83.3% + 12.5%), and two at once come to 108%.
    "retention 5 years": {"url_shortener_reliability": {TWO_REFILLS_PAST: 1, TWO_REFILLS_WITHIN: 0}},
    # Half the links: one engineer's time is a larger share, and Standard-IA's break-even with it
    # passes the headline.
    "links x0.5": {"url_shortener_cost": {BEYOND: 1, WITHIN: 3}},
    # Twice the data: the table's storage and continuous backups grow with it, and every break-even
    # stays within the headline.
    # Two bulk refills at once then fit: 23.3% + 2 x 20% = 63.3%.
    "retention 20 years": {
        "url_shortener_cost": {BEYOND: 0, WITHIN: 4},
        "url_shortener_reliability": {TWO_REFILLS_PAST: 0, TWO_REFILLS_WITHIN: 1},
    },
    # Ten times the links, the day's distinct clicked links as assumed: the misses, at most one a
    # clicked (link, zone) pair a day, grow less than the redirects, DynamoDB stays just the cheaper
    # at list price, and every break-even is within the headline.
    "links x10, the spare claim lifted": {"url_shortener_cost": {BEYOND: 0, WITHIN: 4}},
}

RUNNER = """
import contextlib, io, json, runpy, sys, traceback
folder, names = sys.argv[1], sys.argv[2:]
sys.path.insert(0, folder)
results = {}
for name in names:
    printed = io.StringIO()
    try:
        with contextlib.redirect_stdout(printed):
            runpy.run_path(f"{folder}/{name}.py", run_name="__main__")
        results[name] = ["printed", printed.getvalue()]
    except AssertionError as error:
        frame = traceback.extract_tb(error.__traceback__)[-1]
        results[name] = ["assertion", (frame.line or "").strip()]
    except Exception as error:
        results[name] = ["error", f"{type(error).__name__}: {error}"]
print(json.dumps(results))
"""


@pytest.mark.parametrize("case", list(CASES))
def test_a_changed_assumption_reruns_or_stops_on_a_named_claim(case: str, tmp_path: Path) -> None:
    folder = tmp_path / "snippets"
    shutil.copytree(SNIPPETS, folder, ignore=shutil.ignore_patterns("__pycache__"))
    for snippet, old, new in CASES[case]:
        text = (folder / snippet).read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{snippet} no longer has the line {old!r}; update CASES"
        (folder / snippet).write_text(text.replace(old, new), encoding="utf-8")
    names = sorted(path.stem for path in folder.glob("url_shortener_*.py"))
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]),
        "SDW_CACHE_DIR": str(tmp_path / "cache"),
    }
    run = subprocess.run(
        [sys.executable, "-c", RUNNER, str(folder), *names], capture_output=True, text=True, env=env, cwd=tmp_path
    )
    assert run.returncode == 0, run.stderr
    results = json.loads(run.stdout.splitlines()[-1])

    errors = {name: detail for name, (kind, detail) in results.items() if kind == "error"}
    assert errors == {}, f"{case}: snippets failed other than on a claim's assertion: {errors}"
    stopped = {name: detail for name, (kind, detail) in results.items() if kind == "assertion"}
    assert stopped == STOPS[case], (
        f"{case}: the claims that stop the build changed; if a sentence now holds or prints its verdict, "
        f"update STOPS and the index's list: {stopped}"
    )
    for name, phrases in VERDICTS.get(case, {}).items():
        printed = results[name][1]
        for phrase, times in phrases.items():
            assert printed.count(phrase) == times, f"{case}: {name} prints {phrase!r} {printed.count(phrase)} times"
