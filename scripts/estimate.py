#!/usr/bin/env python3
"""Back-of-the-envelope sizing from ten assumptions: the site's model on the command line.

Reads the inputs as a JSON object on stdin, or takes a named preset, and prints the outputs
as a JSON object. The model is sdw.estimation (src/sdw/estimation.py); the estimator page runs a line-for-line
JavaScript port of it, and the tests hold the two to the same results.

    echo '{"daily_active_users": 1e6, ...}' | python scripts/estimate.py
    python scripts/estimate.py --preset twitter
    python scripts/estimate.py --list-presets

Inputs: daily_active_users, writes_per_user_per_day, reads_per_user_per_day, write_size_bytes,
read_size_bytes, peak_to_average, replication_factor, retention_years, cache_fraction,
requests_per_server. Outputs: write_qps_avg, read_qps_avg, write_qps_peak, read_qps_peak,
storage_per_day_bytes, storage_total_bytes, ingress_bytes_per_sec, egress_bytes_per_sec,
cache_bytes, servers.

Exit codes: 0 done; 2 bad input (one line naming the field, or the inputs to lower when together
they give an output past what a number can hold) or usage error.
"""

from __future__ import annotations

import argparse
import json
import sys

try:
    from sdw.estimation import InputError, estimate
    from sdw.presets import presets
except ModuleNotFoundError as missing:  # run outside the project's environment
    print(
        f"scripts/estimate.py: needs {missing.name!r}: run `make setup`, then .venv/bin/python scripts/estimate.py",
        file=sys.stderr,
    )
    raise SystemExit(2) from None


def main(argv: list[str] | None = None) -> int:
    PRESETS = presets()
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--preset", choices=sorted(PRESETS), help="use a named set of inputs instead of stdin")
    parser.add_argument("--list-presets", action="store_true", help="print the presets' names and labels")
    args = parser.parse_args(argv)
    if args.list_presets:
        for name, preset in PRESETS.items():
            print(f"{name}: {preset['label']}")
        return 0
    if args.preset:
        inputs = PRESETS[args.preset]["inputs"]
    else:
        try:
            inputs = json.loads(sys.stdin.read())
        except json.JSONDecodeError as error:
            print(f"input: not valid JSON ({error.msg} at line {error.lineno}, column {error.colno})", file=sys.stderr)
            return 2
    try:
        outputs = estimate(inputs)
    except InputError as error:
        print(error, file=sys.stderr)
        return 2
    print(json.dumps(outputs, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
