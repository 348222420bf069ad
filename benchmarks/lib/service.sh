# Starts and stops the packaged service on a loopback port, for the load and fuzz scripts. Source it.
# The JVM options and the CDS archive are those of every other way the service runs (deploy/jvm.options, deploy/startup-cache.sh).

build_service() {
  ./mvnw -q -B -ntp -DskipTests -pl service -am package
}

# start_service PORT LOGFILE [extra java options...]: starts a copy of the jar beside LOGFILE and waits until it is
# ready; sets SERVICE_PID.
start_service() {
  local port=$1 log=$2
  shift 2
  # Unpacked beside the log with its startup cache, as start.sh runs it ($JAVA, else java); a build while the
  # service runs cannot change it.
  local run
  run="$(dirname "$log")/run"
  deploy/startup-cache.sh service/target/dm-advisor-service-exec.jar "$run"
  "${JAVA:-java}" @deploy/jvm.options "@$run/java.options" "$@" -jar "$run/app/dm-advisor-service.jar" \
    --server.port="$port" --server.address=127.0.0.1 >"$log" 2>&1 &
  SERVICE_PID=$!
  for _ in $(seq 1 180); do
    if curl -fs "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1; then
      return 0
    fi
    if ! kill -0 "$SERVICE_PID" 2>/dev/null; then
      echo "The service did not start; see $log" >&2
      return 1
    fi
    sleep 1
  done
  echo "The service was not ready after 180 s; see $log" >&2
  return 1
}

stop_service() {
  if [ -n "${SERVICE_PID:-}" ] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    kill "$SERVICE_PID"
    wait "$SERVICE_PID" 2>/dev/null || true
  fi
}
