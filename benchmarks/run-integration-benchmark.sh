#!/usr/bin/env bash
# The audit write path (outbox and integrator, issue 11) on PostgreSQL, every figure against a
# baseline measured in the same run (dev.hoheit.benchmarks.IntegrationBenchmark).
#
#   benchmarks/run-integration-benchmark.sh          # full run (5 rounds of 200,000 events), writes docs/benchmarks/integration-results.md
#   benchmarks/run-integration-benchmark.sh --quick  # smoke run (5 rounds of 20,000), no results file
#   benchmarks/run-integration-benchmark.sh -Dbench.integrationEvents=100000   # other sizes
#
# PostgreSQL comes from HOHEIT_BENCH_PG_URL (default jdbc:postgresql://127.0.0.1:5432/test?user=postgres).
set -euo pipefail

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
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
if [[ "$quick" == false && " ${properties[*]:-} " != *" -Dbench.results="* ]]; then
  properties+=("-Dbench.results=$root/docs/benchmarks/integration-results.md")
fi
revision="$(git -C "$root" describe --always --dirty 2>/dev/null || echo unknown)"
(cd "$root" && ./mvnw -B -q ${BENCH_MAVEN_ARGS:-} -pl benchmarks -am package -Dmaven.test.skip=true)
cd "$here"
exec "$java" -Xmx4g "-Dbench.revision=working tree $revision" ${properties[@]+"${properties[@]}"} \
  -p target/classes:target/lib -m dev.hoheit.benchmarks/dev.hoheit.benchmarks.IntegrationBenchmark
