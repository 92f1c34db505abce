#!/usr/bin/env bash
# Runs JMH benchmarks: bench/jmh.sh [BenchmarkRegex] [extra JMH args]
# Builds the test classes (where the benchmarks live) and runs JMH in a forked JVM.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >&2
exec java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.openjdk.jmh.Main "$@"
