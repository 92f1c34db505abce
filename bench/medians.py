#!/usr/bin/env python3
"""Prints the median (and min/max) of every JMH benchmark's raw measurements from a -rf json file."""
import json, statistics, sys
for b in json.load(open(sys.argv[1])):
    raw = [x for fork in b["primaryMetric"]["rawData"] for x in fork]
    name = b["benchmark"].split(".")[-1] + "".join(f" {k}={v}" for k, v in (b.get("params") or {}).items())
    unit = b["primaryMetric"]["scoreUnit"]
    print(f"{name:60s} median {statistics.median(raw):10.3f} {unit}  (min {min(raw):.3f}, max {max(raw):.3f}, n={len(raw)})")
