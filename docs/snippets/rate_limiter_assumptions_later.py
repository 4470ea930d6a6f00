"""Rate limiter worked example: the assumptions of the failure handling (etcd, Envoy, the zonal shift, breakers,
challenges), argued on steps 3 to 7 and used on steps 1 and 3 to 7, and by some of step 2's own figures
(the breaker's stall), which step 2 folds below its own table. They live in rate_limiter_assumptions.py with
every other assumption; this file only prints them.
"""

from rate_limiter_assumptions import HEADER, LATER_TABLE

from sdw.estimation import markdown_table

if __name__ != "rate_limiter_assumptions_later":
    print(markdown_table(HEADER, LATER_TABLE))
