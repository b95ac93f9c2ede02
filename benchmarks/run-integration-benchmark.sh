#!/usr/bin/env bash
# The audit write path (outbox and integrator, issue 11) on PostgreSQL, every figure against a
# baseline measured in the same run (dev.hoheit.benchmarks.IntegrationBenchmark).
#
#   benchmarks/run-integration-benchmark.sh          # full run (5 rounds of 200,000 events), writes docs/benchmarks/integration-results.md
#   benchmarks/run-integration-benchmark.sh --quick  # smoke run (5 rounds of 20,000), no results file
#   benchmarks/run-integration-benchmark.sh -Dbench.integrationEvents=100000   # other sizes
set -euo pipefail
[[ "${1:-}" == "-h" || "${1:-}" == "--help" ]] && { sed -n '2,7p' "$0"; exit 0; }
exec "$(cd "$(dirname "$0")" && pwd)/run-main.sh" IntegrationBenchmark integration-results.md "$@"
