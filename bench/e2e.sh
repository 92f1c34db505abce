#!/usr/bin/env bash
# End-to-end timings over REST on loopback (100,000-account scoring, 100,000-deal analysis,
# draft + assess), medians of repeated runs. Usage: bench/e2e.sh [runs=7]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -ntp -DskipTests package test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >&2
data=$(mktemp -d); port=$((20000 + RANDOM % 10000))
CLOSER_DATA_DIR=$data AGENT_BUDGET_CEILING=100000000 bin/closer serve --port "$port" 2>"$data/serve.log" &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done
java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" dev.closer.bench.EndToEndTimings "$port" "${1:-7}"
