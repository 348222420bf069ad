#!/usr/bin/env bash
# Runs the JMH benchmarks in process. Extra arguments go to JMH (e.g. -f 1 -wi 2 -i 3, or a benchmark regex).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -ntp -DskipTests -pl benchmarks -am install
mvn -q -B -ntp -pl benchmarks dependency:build-classpath -Dmdep.outputFile="$PWD/benchmarks/target/classpath.txt"
exec java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" org.openjdk.jmh.Main "$@"
