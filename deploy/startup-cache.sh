#!/usr/bin/env bash
# Prepares the packaged service for a fast start and prints the java options that use what it prepared.
#
#   deploy/startup-cache.sh JAR DIR      (the java launcher is $JAVA, else java on the PATH)
#
# It unpacks the executable jar the way Spring Boot recommends for class-data sharing (java -Djarmode=tools ...
# extract: DIR/app/dm-advisor-service.jar with its libraries beside it) and records, with a training run that
# starts the application context (so the models and rules load) and exits:
#   - on Java 25 or newer, an AOT cache (JEP 483/514/515: classes loaded and linked, method profiles), which about
#     halves the start;
#   - on Java 17 to 24, a static CDS archive of the classes the training run loaded, without lambda forms (dumping
#     those crashes the JDK 17 this project was measured on), which saves less.
# DIR/java.options then holds the option naming it; start.sh, the benchmarks and the container recipe pass it to the
# launcher as an argument file: java @deploy/jvm.options @DIR/java.options -jar DIR/app/dm-advisor-service.jar.
# Nothing is done when DIR was prepared for this very jar and launcher. The cache belongs to the JVM that recorded
# it: a JVM that cannot use it says so and starts without it.
set -euo pipefail
jar=$(realpath "$1")
dir=$2
java=${JAVA:-java}
options="$(cd "$(dirname "$0")" && pwd)/jvm.options"
stamp="$(sha256sum "$jar" | cut -d' ' -f1) $("$java" -XshowSettings:properties -version 2>&1 | awk '/java.home|java.version /' | tr -s ' ' | tr '\n' ' ')"
if [ -s "$dir/java.options" ] && [ "$(cat "$dir/stamp" 2>/dev/null)" = "$stamp" ]; then
  exit 0
fi

echo "Preparing $dir for a fast start (a training run of the service) ..." >&2
rm -rf "$dir"
mkdir -p "$dir"
dir=$(realpath "$dir")
"$java" -Djarmode=tools -jar "$jar" extract --destination "$dir/app" >/dev/null
mv "$dir/app/$(basename "$jar")" "$dir/app/dm-advisor-service.jar"
train() {
  (cd "$dir" && "$java" "@$options" "$@" -Dspring.context.exit=onRefresh -jar app/dm-advisor-service.jar \
    --server.port=0 >>training.log 2>&1) || { echo "The training run failed; see $dir/training.log" >&2; exit 1; }
}
feature=$("$java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')
if [ "${feature%%.*}" -ge 25 ]; then
  train -XX:AOTCacheOutput="$dir/dm-advisor.aot"
  echo "-XX:AOTCache=$dir/dm-advisor.aot" >"$dir/java.options"
else
  train -XX:DumpLoadedClassList="$dir/classes.all"
  grep -v '^@lambda' "$dir/classes.all" >"$dir/classes.lst"
  (cd "$dir" && "$java" "@$options" -Xshare:dump -XX:SharedClassListFile=classes.lst \
    -XX:SharedArchiveFile="$dir/dm-advisor.jsa" -cp app/dm-advisor-service.jar >>training.log 2>&1) \
    || { echo "Recording the CDS archive failed; see $dir/training.log" >&2; exit 1; }
  echo "-XX:SharedArchiveFile=$dir/dm-advisor.jsa" >"$dir/java.options"
fi
echo "$stamp" >"$dir/stamp"
