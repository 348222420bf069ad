#!/usr/bin/env bash
# Runs the JMH benchmarks in process. Extra arguments go to JMH (e.g. -f 1 -wi 2 -i 3, or a benchmark regex).
# Builds in the reactor (no install), so the local Maven repository is left as it was.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp -DskipTests -pl benchmarks -am package dependency:build-classpath \
  -Dmdep.outputFile="$PWD/benchmarks/target/classpath.txt" -Dmdep.includeScope=runtime
exec java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" org.openjdk.jmh.Main "$@"
