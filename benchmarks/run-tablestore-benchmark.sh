#!/usr/bin/env bash
# Builds the libraries and the benchmarks module, then runs the TableStore benchmark on PostgreSQL and on MariaDB:
# a retention run over 1,000,000 expired rows of a TableStore against one plain DELETE of the same rows.
#
#   benchmarks/run-tablestore-benchmark.sh                 full run, writes docs/benchmarks/tablestore-results.md
#   benchmarks/run-tablestore-benchmark.sh --quick         smoke run (a tenth), writes no results file
#   benchmarks/run-tablestore-benchmark.sh -Dbench.expiredRows=2000000 -Dbench.purgeBatch=5000
#
# Environment: HOHEIT_BENCH_PG_URL (default jdbc:postgresql://127.0.0.1:5432/test?user=postgres),
# HOHEIT_BENCH_MARIADB_URL (default jdbc:mariadb://127.0.0.1:3306/test?user=root; the run creates and drops its own database), JAVA_HOME.
# -Dbench.rounds=3 (default; 1 with --quick): each figure is the median of that many runs.
set -euo pipefail
[[ "${1:-}" == "-h" || "${1:-}" == "--help" ]] && { sed -n '2,10p' "$0"; exit 0; }
exec "$(cd "$(dirname "$0")" && pwd)/run-main.sh" TableStoreBenchmark tablestore-results.md "$@"
