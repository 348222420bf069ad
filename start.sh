#!/usr/bin/env bash
# Builds the service (skipping tests) and starts it on http://127.0.0.1:8080 (PORT and ADDRESS override), with the
# JVM options of every other way it runs (deploy/jvm.options) and a startup cache recorded for the jar just built
# (deploy/startup-cache.sh: an AOT cache on Java 25 or newer, a CDS archive on Java 17; recorded again only when
# the jar or the JVM changes, which adds some 20 s to that start). The launcher is $JAVA, else java on the PATH:
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java ./start.sh     # the fastest start (see Performance)
# Extra arguments go to the service, e.g. --dm-advisor.signing.private-key=file:signing.jwk
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -q -B -ntp -DskipTests -pl service -am package
run=service/target/run
deploy/startup-cache.sh service/target/dm-advisor-service-exec.jar "$run"
exec "${JAVA:-java}" @deploy/jvm.options "@$run/java.options" -jar "$run/app/dm-advisor-service.jar" "$@"
