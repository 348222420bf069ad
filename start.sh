#!/usr/bin/env bash
# Builds the service (skipping tests) and starts it on http://127.0.0.1:8080 (PORT and ADDRESS override), with the
# JVM options of every other way it runs (deploy/jvm.options). Extra arguments go to the service, e.g.
# --dm-advisor.signing.private-key=file:signing.jwk
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -q -B -ntp -DskipTests -pl service -am package
exec java @deploy/jvm.options -jar service/target/dm-advisor-service-exec.jar "$@"
