#!/usr/bin/env bash
# Throughput and latency of get_budget_status through REST and MCP Streamable HTTP on loopback,
# at 16 and 64 concurrent clients, with Closer's own load driver sharing the machine.
# Usage: bench/load.sh [seconds=20] [warmup=10]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}; warmup=${2:-10}
mvn -q -B -ntp -DskipTests package test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >&2
data=$(mktemp -d); port=$((20000 + RANDOM % 10000))
CLOSER_DATA_DIR=$data bin/closer serve --port "$port" 2>"$data/serve.log" &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done
cp="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
for mode in rest mcp; do
  for clients in 16 64; do
    java -XX:+UseSerialGC -cp "$cp" dev.closer.bench.LoadDriver --port "$port" --mode "$mode" --clients "$clients" \
      --seconds "$seconds" --warmup "$warmup"
  done
done
