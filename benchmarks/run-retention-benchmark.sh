#!/usr/bin/env bash
# Builds lib-retention (with lib-audit and lib-consent) and the benchmarks module, then runs the
# lib-retention benchmark on PostgreSQL: export and erasure of one person, and a retention run.
#
#   benchmarks/run-retention-benchmark.sh                  full run (100,000 audit events, 10,000 notes,
#                                                          20 MiB of pictures; 1,000,000 expired rows)
#   benchmarks/run-retention-benchmark.sh --quick          smoke run (about a tenth), writes no results file
#   benchmarks/run-retention-benchmark.sh -Dbench.expiredRows=2000000 -Dbench.purgeBatch=5000
#   benchmarks/run-retention-benchmark.sh --no-build ...   run what was built last
#
# Environment:
#   HOHEIT_BENCH_PG_URL       JDBC URL (default jdbc:postgresql://127.0.0.1:5432/test?user=postgres);
#                             HOHEIT_BENCH_PG_USER / HOHEIT_BENCH_PG_PASSWORD if the URL does not carry them
#   JAVA_HOME                 a JDK 21 or newer (default: /usr/lib/jvm/temurin-25-jdk-amd64 if present)
#   BENCH_HEAP                the JVM's fixed heap, -Xms and -Xmx (default 256m): the export's heap growth
#                             is measured against it
#   BENCH_JAVA_OPTS           extra JVM options
#   BENCH_JFR=1               also record a JFR profile to benchmarks/target/retention-benchmark.jfr
#
# A full run writes docs/benchmarks/retention-results.md (override with -Dbench.results=FILE); the
# console output is also kept in benchmarks/target/retention-benchmark.log. The benchmark runs on the
# module path: target/classes:target/lib.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"

if [[ -z "${JAVA_HOME:-}" && -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

build=true
quick=false
properties=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) quick=true; properties+=("-Dbench.quick=true") ;;
    --no-build) build=false ;;
    -D*) properties+=("$1") ;;
    -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

if [[ "$quick" == false && " ${properties[*]:-} " != *" -Dbench.results="* ]]; then
  properties+=("-Dbench.results=$root/docs/benchmarks/retention-results.md")
fi

# Which sources were measured: recorded when building, reused by --no-build.
revision_file="$here/target/retention-build-revision.txt"
describe_tree() {
  local tree state module parts=()
  tree="$(git -C "$root" describe --always --dirty 2>/dev/null)" || { echo "unknown (not a git checkout)"; return; }
  for module in lib-retention lib-audit lib-consent; do
    state=clean
    [[ -n "$(git -C "$root" status --porcelain -- "$module")" ]] && state="with uncommitted changes"
    parts+=("$module at $(git -C "$root" log -1 --format=%h -- "$module"), $state")
  done
  local joined
  joined="$(printf '; %s' "${parts[@]}")"
  echo "working tree $tree$joined"
}

if [[ "$build" == true ]]; then
  mkdir -p "$here/target"
  revision="$(describe_tree)"
  # Test sources are not compiled: the benchmark needs none, and another module's tests may be mid-edit.
  rm -rf "$root/benchmarks/target/lib" # jars of an earlier version would be a second copy of a module
  (cd "$root" && ./mvnw -B -q -pl benchmarks -am package -Dmaven.test.skip=true)
  echo "$revision" > "$revision_file"
fi
revision="$(cat "$revision_file" 2>/dev/null || echo "unknown (built outside this script)")"

heap="${BENCH_HEAP:-256m}"
jvm_options=("-Xms$heap" "-Xmx$heap")
if [[ -n "${BENCH_JAVA_OPTS:-}" ]]; then
  read -r -a extra <<< "$BENCH_JAVA_OPTS"
  jvm_options+=("${extra[@]}")
fi
if [[ "${BENCH_JFR:-}" == 1 ]]; then
  jvm_options+=("-XX:StartFlightRecording=filename=$here/target/retention-benchmark.jfr,settings=profile")
fi

cd "$here"
"$java" "${jvm_options[@]}" -Dbench.revision="$revision" ${properties[@]+"${properties[@]}"} \
  --module-path target/classes:target/lib \
  --module dev.hoheit.benchmarks/dev.hoheit.benchmarks.RetentionBenchmark 2>&1 | tee target/retention-benchmark.log
exit "${PIPESTATUS[0]}"
