#!/usr/bin/env bash
# The long contract fuzz run: starts the packaged service on 127.0.0.1 and sends it REQUESTS (default 100,000)
# generated and broken requests from the contract, with the checks of ContractFuzzTest, from THREADS threads.
# Usage: benchmarks/fuzz.sh [REQUESTS] [THREADS]. The summary is in service/target/fuzz-summary.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/lib/service.sh
REQUESTS=${1:-100000}
THREADS=${2:-4}
PORT=${PORT:-18081}
OUT=benchmarks/target/fuzz-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$OUT"

[ "${SKIP_BUILD:-}" = 1 ] || build_service
start_service "$PORT" "$OUT/service.log"
trap stop_service EXIT
./mvnw -q -B -ntp -pl service -am test -Dtest=LongFuzzRunTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfuzz.requests="$REQUESTS" -Dfuzz.threads="$THREADS" -Dfuzz.baseUrl="http://127.0.0.1:$PORT" \
  -Dspotless.check.skip=true -Denforcer.skip=true
cp service/target/fuzz-summary.txt "$OUT/"
cat "$OUT/fuzz-summary.txt"
echo "5xx in the service log: $(grep -c 'correlationId=' "$OUT/service.log" || true)"
