#!/usr/bin/env bash
# Load benchmark over HTTP on 127.0.0.1 with wrk: builds if needed, starts the service with the README's JVM
# options, measures startup to readiness and resident memory, warms the JVM, then drives, in interleaved rounds,
# the liveness probe (the baseline), the designation endpoint (every designation case answered with 200, in turn),
# a 10-change request (32 connections each) and a 1,000-change x 200-site request (one connection). Prints
# requests per second, p50/p99 and each endpoint's ratio to the baseline of the same round, and resident memory
# after the load.
#
#   benchmarks/load.sh [--warmup SECONDS] [--duration SECONDS] [--repeats N] [--gzip] [--view COMPACT]
#                      [--jar JAR [--plain]] [-- SERVICE ARGUMENTS...]
#
# Defaults: 300 s warm-up (shorter warm-ups understate throughput: the JIT keeps improving for minutes on two
# cores), 20 s per endpoint and round, 3 rounds. --gzip sends Accept-Encoding: gzip with every POST; --view asks
# for that answer view. The service runs as start.sh runs it ($JAVA, else java; deploy/jvm.options and the startup
# cache of deploy/startup-cache.sh); --jar measures another build of it (for example an older one), --plain without
# the cache (java @deploy/jvm.options -jar JAR). Arguments after -- go to the service (for example
# --dm-advisor.models.engine=KIE). JVM_OPTIONS names another JVM options file (for an older build's own).
set -euo pipefail
cd "$(dirname "$0")/.."

warmup=300 duration=20 repeats=3 jar="" gzip="" plain="" query=""
service_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --plain) plain=1; shift ;;
    --view) query="?view=$2"; shift 2 ;;
    --) shift; service_args=("$@"); break ;;
    --warmup) warmup="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --repeats) repeats="$2"; shift 2 ;;
    --jar) jar="$2"; shift 2 ;;
    --gzip) gzip="gzip"; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install wrk)" >&2; exit 2; }
work=benchmarks/target/load
mkdir -p "$work"
if [ -z "$jar" ]; then
  jar=service/target/dm-advisor-service-exec.jar
  ./mvnw -q -B -ntp -DskipTests -pl benchmarks -am package dependency:build-classpath \
    -Dmdep.outputFile="$PWD/benchmarks/target/classpath.txt" -Dmdep.includeScope=runtime
fi
[ -f benchmarks/target/classpath.txt ] || ./mvnw -q -B -ntp -DskipTests -pl benchmarks -am package dependency:build-classpath \
    -Dmdep.outputFile="$PWD/benchmarks/target/classpath.txt" -Dmdep.includeScope=runtime
rm -f "$work"/*.json
java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" uk.dmadvisor.benchmarks.LoadBodies \
  test-cases "$work" >/dev/null
designation_bodies=$(ls "$work"/designation-*.json | paste -sd:)

port=$(( 20000 + RANDOM % 20000 ))
base="http://127.0.0.1:$port"
jvm_options=("@${JVM_OPTIONS:-deploy/jvm.options}")
if [ -z "$plain" ]; then
  deploy/startup-cache.sh "$jar" "$work/run"
  jvm_options+=("@$work/run/java.options")
  jar="$work/run/app/dm-advisor-service.jar"
fi
started=$(date +%s%N)
"${JAVA:-java}" "${jvm_options[@]}" -jar "$jar" --server.port="$port" --server.address=127.0.0.1 "${service_args[@]}" \
  > "$work/service.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/actuator/health/readiness")" = 200 ]; do
  kill -0 $pid 2>/dev/null || { echo "the service did not start; see $work/service.log" >&2; exit 1; }
  sleep 0.02
done
ready_ms=$(( ($(date +%s%N) - started) / 1000000 ))
rss_mib() { echo $(( $(ps -o rss= -p "$pid") / 1024 )); }
rss_start=$(rss_mib)

# run NAME PATH CONNECTIONS SECONDS BODIES -> prints the RESULT line
run() {
  local threads=$(( $3 < 2 ? 1 : 2 ))
  BODIES="$5" ACCEPT_ENCODING="$gzip" wrk -t"$threads" -c"$3" -d"$4"s --timeout 30s --latency \
    -s benchmarks/src/main/resources/load/post.lua "$base$2" | grep '^RESULT' | sed "s/^RESULT/$1/"
}

echo "Warming up for ${warmup}s ..." >&2
third=$(( warmup * 45 / 100 ))
run warm "/api/v1/designation-assessments$query" 32 "$third" "$designation_bodies" >/dev/null
run warm "/api/v1/change-assessments$query" 32 "$third" "$work/changes-10.json" >/dev/null
run warm "/api/v1/change-assessments$query" 1 $(( warmup - 2 * third )) "$work/changes-1000.json" >/dev/null

results="$work/results.txt"
: > "$results"
for round in $(seq 1 "$repeats"); do
  echo "Round $round of $repeats ..." >&2
  { echo -n "round=$round "; run liveness /actuator/health/liveness 32 "$duration" ""; } >> "$results"
  { echo -n "round=$round "; run designation "/api/v1/designation-assessments$query" 32 "$duration" "$designation_bodies"; } >> "$results"
  { echo -n "round=$round "; run changes-10 "/api/v1/change-assessments$query" 32 "$duration" "$work/changes-10.json"; } >> "$results"
  { echo -n "round=$round "; run changes-1000 "/api/v1/change-assessments$query" 1 "$duration" "$work/changes-1000.json"; } >> "$results"
done
rss_load=$(rss_mib)

python3 - "$results" "$ready_ms" "$rss_start" "$rss_load" "$jar" <<'PY'
import re, statistics, sys
path, ready, rss_start, rss_load, jar = sys.argv[1:]
rows = []
for line in open(path):
    fields = dict(re.findall(r'(\w+)=([^\s]+)', line))
    fields['name'] = line.split()[1]
    rows.append(fields)
baseline = {r['round']: float(r['rps']) for r in rows if r['name'] == 'liveness'}
print(f"jar: {jar}")
print(f"startup to readiness: {int(ready) / 1000:.2f} s; resident memory after start: {rss_start} MiB, after the load: {rss_load} MiB")
print(f"{'endpoint':<14}{'req/s':>10}{'p50 ms':>10}{'p99 ms':>10}{'ratio':>8}{'errors':>8}")
for name in ['liveness', 'designation', 'changes-10', 'changes-1000']:
    mine = [r for r in rows if r['name'] == name]
    rps = statistics.median(float(r['rps']) for r in mine)
    p50 = statistics.median(float(r['p50_ms']) for r in mine)
    p99 = statistics.median(float(r['p99_ms']) for r in mine)
    ratio = statistics.median(float(r['rps']) / baseline[r['round']] for r in mine)
    errors = sum(int(r['errors']) for r in mine)
    print(f"{name:<14}{rps:>10.1f}{p50:>10.2f}{p99:>10.2f}{ratio:>8.3f}{errors:>8}")
print("(medians over the rounds; ratio = requests per second / the liveness baseline's in the same round)")
PY
