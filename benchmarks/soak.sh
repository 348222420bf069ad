#!/usr/bin/env bash
# The soak: a loopback load of DURATION seconds (default 600) at CONNECTIONS connections (default 64) with wrk,
# mixing the designation and change assessments and record verification (bodies in benchmarks/soak, refreshed
# from the contract by benchmarks/soak/refresh-requests.py; the record is made by the service at the start).
# Every minute it forces a full GC and records the heap left (jcmd), the RSS and the CPU time of the service.
# Usage: benchmarks/soak.sh [DURATION] [CONNECTIONS]. Results in benchmarks/target/soak-<time>/.
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/lib/service.sh
DURATION=${1:-600}
CONNECTIONS=${2:-64}
PORT=${PORT:-18082}
OUT=benchmarks/target/soak-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }

[ "${SKIP_BUILD:-}" = 1 ] || build_service
start_service "$PORT" "$OUT/service.log" -Xlog:gc:file="$OUT/gc.log"
trap stop_service EXIT

# The record to verify: the service's own answer to the designation request, kept with the request.
cp benchmarks/soak/designation-request.json benchmarks/soak/change-request.json "$OUT/"
answer=$(curl -fs -H 'Content-Type: application/json' --data-binary @benchmarks/soak/designation-request.json \
  "http://127.0.0.1:$PORT/api/v1/designation-assessments")
printf '{"kind":"DESIGNATION","request":%s,"response":%s}' "$(cat benchmarks/soak/designation-request.json)" \
  "$answer" >"$OUT/record.json"
verification=$(curl -fs -H 'Content-Type: application/json' --data-binary @"$OUT/record.json" \
  "http://127.0.0.1:$PORT/api/v1/decision-records/verifications")
case "$verification" in
  *'"integrity":{"status":"INTACT","signature":"VALID"'*) ;;
  *) echo "The record made for the soak does not verify: $verification" >&2; exit 1 ;;
esac

# Forces a full GC and prints the heap it left, as the GC log records it ("Pause Full ... 650M->73M(320M)"): asking
# the heap afterwards would count what the load allocated in between.
heap_after_full_gc() {
  jcmd "$SERVICE_PID" GC.run >/dev/null
  grep 'Pause Full' "$OUT/gc.log" | tail -1 | sed -E 's/.* [0-9]+M->([0-9]+M)\(.*/\1/'
}

echo "minute,heap_used_after_full_gc,rss_kib,service_cpu_seconds" >"$OUT/heap.csv"
BODIES_DIR="$OUT" wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 60s --latency -s benchmarks/soak/mix.lua \
  "http://127.0.0.1:$PORT" >"$OUT/wrk.txt" 2>&1 &
WRK_PID=$!
minute=0
started=$(date +%s)
while kill -0 "$WRK_PID" 2>/dev/null; do
  # One sample at the end of each minute of load, on the clock (a slow sample does not shift the next).
  wait_for=$((started + 60 * (minute + 1) - $(date +%s)))
  [ "$wait_for" -gt 0 ] && { sleep "$wait_for" & wait $! || true; }
  kill -0 "$WRK_PID" 2>/dev/null || break
  minute=$((minute + 1))
  ticks=$(awk '{ print $14 + $15 }' "/proc/$SERVICE_PID/stat")
  echo "$minute,$(heap_after_full_gc),$(awk '/VmRSS/ { print $2 }' "/proc/$SERVICE_PID/status"),$((ticks / $(getconf CLK_TCK)))" >>"$OUT/heap.csv"
done
wrk_status=0
wait "$WRK_PID" || wrk_status=$?
cat "$OUT/wrk.txt"
echo
cat "$OUT/heap.csv"
echo "5xx in the service log: $(grep -c 'correlationId=' "$OUT/service.log" || true)"
echo "results: $OUT"
exit "$wrk_status"
