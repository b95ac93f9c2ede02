#!/usr/bin/env bash
# Builds the benchmarks module and runs one of its plain-main benchmarks on the module path; the
# run-*-benchmark.sh scripts call it. Usage:
#
#   benchmarks/run-main.sh <main class> <results file under docs/benchmarks> [--quick] [-Dname=value ...]
#
# --quick is a smoke run and writes no results file. PostgreSQL comes from HOHEIT_BENCH_PG_URL
# (default jdbc:postgresql://127.0.0.1:5432/test?user=postgres); BENCH_MAVEN_ARGS=-o builds offline.
set -euo pipefail

main="${1:?a main class of dev.hoheit.benchmarks}"
results="${2:?a results file name}"
shift 2
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
if [[ -z "${JAVA_HOME:-}" && -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

quick=false
properties=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) quick=true; properties+=("-Dbench.quick=true") ;;
    -D*) properties+=("$1") ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
  shift
done
if [[ "$quick" == false && " ${properties[*]:-} " != *" -Dbench.results="* ]]; then
  properties+=("-Dbench.results=$root/docs/benchmarks/$results")
fi
revision="$(git -C "$root" describe --always --dirty 2>/dev/null || echo unknown)"
rm -rf "$root/benchmarks/target/lib" # jars of an earlier version would be a second copy of a module
(cd "$root" && ./mvnw -B -q ${BENCH_MAVEN_ARGS:-} -pl benchmarks -am package -Dmaven.test.skip=true)
cd "$here"
# The app's generated code reads instants through lib-transaction's UtcInstantBinding (see reference-app/pom.xml).
exec "$java" -Xmx4g "-Dbench.revision=working tree $revision" ${properties[@]+"${properties[@]}"} \
  --add-exports dev.hoheit.transaction/dev.hoheit.transaction.internal=dev.hoheit.mentoring \
  -p target/classes:target/lib -m "dev.hoheit.benchmarks/dev.hoheit.benchmarks.$main"
