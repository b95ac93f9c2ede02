#!/usr/bin/env bash
# The audit write path (outbox and integrator) on MariaDB, every figure against a baseline measured in
# the same run (dev.hoheit.benchmarks.MariaDbIntegrationBenchmark). MariaDB comes from
# HOHEIT_BENCH_MARIADB_URL (default jdbc:mariadb://127.0.0.1:3306/test?user=root).
#
#   benchmarks/run-integration-benchmark-mariadb.sh          # full run (3 rounds of 100,000 events), writes docs/benchmarks/integration-results-mariadb.md
#   benchmarks/run-integration-benchmark-mariadb.sh --quick  # smoke run (2 rounds of 20,000), no results file
set -euo pipefail
[[ "${1:-}" == "-h" || "${1:-}" == "--help" ]] && { sed -n '2,7p' "$0"; exit 0; }
exec "$(cd "$(dirname "$0")" && pwd)/run-main.sh" MariaDbIntegrationBenchmark integration-results-mariadb.md "$@"
