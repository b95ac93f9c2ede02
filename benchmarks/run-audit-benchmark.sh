#!/usr/bin/env bash
# Builds lib-audit and the benchmarks module, then runs the lib-audit benchmark on PostgreSQL.
#
#   benchmarks/run-audit-benchmark.sh                      full run (N = 1,000,000; 5,000,000 for reads)
#   benchmarks/run-audit-benchmark.sh --quick              smoke run (~50,000 events), writes no results file
#   benchmarks/run-audit-benchmark.sh -Dbench.events=200000 -Dbench.readEvents=2000000
#   benchmarks/run-audit-benchmark.sh --audit-from HEAD    measure lib-audit as committed (a clean
#                                                          export of that commit), not the working tree
#   benchmarks/run-audit-benchmark.sh --chain-from 5be8054 the chain baseline: lib-audit 0.1 (the hash chain)
#                                                          built from that commit (default 5be8054), run in
#                                                          the same JVM in a module layer of its own
#   benchmarks/run-audit-benchmark.sh --no-chain           no chain baseline
#   benchmarks/run-audit-benchmark.sh --no-build ...       run what was built last
#
# Environment:
#   HOHEIT_BENCH_PG_URL       JDBC URL (default jdbc:postgresql://127.0.0.1:5432/test?user=postgres);
#                             HOHEIT_BENCH_PG_USER / HOHEIT_BENCH_PG_PASSWORD if the URL does not carry them
#   JAVA_HOME                 a JDK 21 or newer (default: /usr/lib/jvm/temurin-25-jdk-amd64 if present)
#   BENCH_JAVA_OPTS           extra JVM options
#   BENCH_JFR=1               also record a JFR profile to benchmarks/target/audit-benchmark.jfr
#   BENCH_MAVEN_ARGS          extra Maven arguments for the builds, e.g. -o (offline)
#
# A full run writes docs/benchmarks/audit-results.md (override with -Dbench.results=FILE); the
# console output is also kept in benchmarks/target/audit-benchmark.log. The benchmark runs on the
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
audit_from=""
# lib-audit 0.1, the hash chain that the Merkle tree log replaced (the last commit before the tlog work).
chain_from="5be8054"
properties=()
maven_args=()
if [[ -n "${BENCH_MAVEN_ARGS:-}" ]]; then
  read -r -a maven_args <<< "$BENCH_MAVEN_ARGS"
fi
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) quick=true; properties+=("-Dbench.quick=true") ;;
    --no-build) build=false ;;
    --audit-from) audit_from="${2:?--audit-from needs a commit}"; shift ;;
    -D*) properties+=("$1") ;;
    --chain-from) chain_from="${2:?--chain-from needs a commit}"; shift ;;
    --no-chain) chain_from="" ;;
    -h|--help) sed -n '2,25p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

if [[ "$quick" == false && " ${properties[*]:-} " != *" -Dbench.results="* ]]; then
  properties+=("-Dbench.results=$root/docs/benchmarks/audit-results.md")
fi

# Which sources were measured: recorded when building, reused by --no-build.
revision_file="$here/target/build-revision.txt"
describe_tree() {
  local tree state
  tree="$(git -C "$root" describe --always --dirty 2>/dev/null)" || { echo "unknown (not a git checkout)"; return; }
  state=clean
  [[ -n "$(git -C "$root" status --porcelain -- lib-audit)" ]] && state="with uncommitted changes"
  echo "working tree $tree; lib-audit at $(git -C "$root" log -1 --format=%h -- lib-audit), $state"
}

if [[ "$build" == true ]]; then
  revision="$(describe_tree)"
  # Test sources are not compiled: the benchmark needs none, and another module's tests may be mid-edit.
  rm -rf "$root/benchmarks/target/lib" # jars of an earlier version would be a second copy of a module
  (cd "$root" && ./mvnw -B -q ${maven_args[@]+"${maven_args[@]}"} -pl benchmarks -am package -Dmaven.test.skip=true)
  echo "$revision" > "$revision_file"
fi
if [[ -n "$audit_from" ]]; then
  commit="$(git -C "$root" rev-parse --short "$audit_from^{commit}")"
  export_dir="$here/target/audit-source"
  rm -rf "$export_dir" && mkdir -p "$export_dir"
  git -C "$root" archive "$commit" | tar -x -C "$export_dir"
  (cd "$export_dir" && ./mvnw -B -q ${maven_args[@]+"${maven_args[@]}"} -pl lib-audit -am package -Dmaven.test.skip=true)
  cp "$export_dir"/lib-audit/target/hoheit-audit-*.jar "$here/target/lib/"
  rm -rf "$export_dir" # a second copy of the sources only confuses searches of the tree
  echo "benchmarks from the working tree; lib-audit built from a clean export of commit $commit (git archive)" > "$revision_file"
fi
revision="$(cat "$revision_file" 2>/dev/null || echo "unknown (built outside this script)")"

# The chain baseline's jar lives outside target/lib: two modules named dev.hoheit.audit on the module
# path would not start. Built once per commit and kept.
if [[ -n "$chain_from" ]]; then
  chain_commit="$(git -C "$root" rev-parse --short "$chain_from^{commit}")"
  chain_jar="$here/target/chain-lib/hoheit-audit-$chain_commit.jar"
  if [[ ! -f "$chain_jar" ]]; then
    chain_dir="$here/target/chain-source"
    rm -rf "$chain_dir" && mkdir -p "$chain_dir" "$here/target/chain-lib"
    git -C "$root" archive "$chain_commit" | tar -x -C "$chain_dir"
    (cd "$chain_dir" && ./mvnw -B -q ${maven_args[@]+"${maven_args[@]}"} -pl lib-audit -am package -Dmaven.test.skip=true)
    cp "$chain_dir"/lib-audit/target/hoheit-audit-*.jar "$chain_jar"
    rm -rf "$chain_dir"
  fi
  properties+=("-Dbench.chainJar=$chain_jar"
    "-Dbench.chainRevision=commit $chain_commit ($(git -C "$root" log -1 --format=%cs "$chain_commit"), clean git archive export)")
fi

jvm_options=()
if [[ -n "${BENCH_JAVA_OPTS:-}" ]]; then
  read -r -a jvm_options <<< "$BENCH_JAVA_OPTS"
fi
if [[ "${BENCH_JFR:-}" == 1 ]]; then
  jvm_options+=("-XX:StartFlightRecording=filename=$here/target/audit-benchmark.jfr,settings=profile")
fi

cd "$here"
"$java" ${jvm_options[@]+"${jvm_options[@]}"} -Dbench.revision="$revision" ${properties[@]+"${properties[@]}"} \
  --module-path target/classes:target/lib \
  --module dev.hoheit.benchmarks/dev.hoheit.benchmarks.AuditBenchmark 2>&1 | tee target/audit-benchmark.log
exit "${PIPESTATUS[0]}"
