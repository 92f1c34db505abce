#!/usr/bin/env python3
"""Prints the median (and min/max) of every JMH benchmark in a -rf json file: from the raw
measurements of throughput/average/single-shot modes, or from the sample histogram (SampleTime)."""
import json, statistics, sys


def histogram_median(hist):
    """hist: [[value, count], ...] per iteration; the median sample and the range."""
    values = sorted((v, c) for iteration in hist for v, c in iteration)
    total = sum(c for _, c in values)
    seen = 0
    for v, c in values:
        seen += c
        if seen * 2 >= total:
            return v, values[0][0], values[-1][0], total
    return float("nan"), float("nan"), float("nan"), 0


for b in json.load(open(sys.argv[1])):
    pm = b["primaryMetric"]
    name = b["benchmark"].split(".")[-1] + "".join(f" {k}={v}" for k, v in (b.get("params") or {}).items())
    unit = pm["scoreUnit"]
    if "rawData" in pm:
        raw = [x for fork in pm["rawData"] for x in fork]
        print(f"{name:60s} median {statistics.median(raw):10.3f} {unit}  (min {min(raw):.3f}, max {max(raw):.3f}, n={len(raw)})")
    else:
        median, low, high, n = histogram_median([it for fork in pm["rawDataHistogram"] for it in fork])
        p99 = pm["scorePercentiles"].get("99.0")
        print(f"{name:60s} median {median:10.3f} {unit}  (p99 {p99:.3f}, min {low:.3f}, max {high:.3f}, n={n})")
