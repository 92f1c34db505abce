#!/usr/bin/env bash
# Reading 10,000 HubSpot deals across 100 search pages from WireMock (CrmScanTimings), medians of
# repeated scans. Usage: bench/crm_scan.sh [runs=5]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -ntp -DskipTests -Dexec.skip=true package test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
  -Dmdep.includeScope=test >&2
java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" dev.closer.bench.CrmScanTimings "${1:-5}"
