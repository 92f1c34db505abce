#!/usr/bin/env bash
# The assistant's own overhead per turn (AssistantTimings): one turn = the model (WireMock, OpenAI
# wire format, no delay) asks for one qualify_opportunity call, the chain runs it, the model answers.
# In-process and through POST /api/v1/chat; p50/p99 after warm-up, and the time inside the two model
# requests, so turn minus model is stated. Usage: bench/assistant.sh [turns=500] [warmup=1000]
# (CLOSER_AUDIT_DURABILITY=async bench/assistant.sh for write-behind audit)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -ntp -DskipTests -Dexec.skip=true package test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
  -Dmdep.includeScope=test >&2
java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" dev.closer.bench.AssistantTimings "${1:-500}" "${2:-1000}"
