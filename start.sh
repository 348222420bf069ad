#!/usr/bin/env bash
# Builds the service (skipping tests) and starts it on http://127.0.0.1:8080 (PORT and ADDRESS override).
set -euo pipefail
cd "$(dirname "$0")"
mvn -q -B -ntp -DskipTests -pl service -am package
exec java -jar service/target/dm-advisor-service-exec.jar "$@"
