#!/usr/bin/env bash
# What auditing costs a request of the reference app: a mentor's view of a mentee's Smoff-Time against
# the same request of a second app whose audit log skips appends (dev.hoheit.benchmarks.MentorViewBenchmark).
#
#   benchmarks/run-mentor-view-benchmark.sh          # full run (3,000 calls each), writes docs/benchmarks/mentor-view-results.md
#   benchmarks/run-mentor-view-benchmark.sh --quick  # smoke run (500 calls each), no results file
set -euo pipefail
[[ "${1:-}" == "-h" || "${1:-}" == "--help" ]] && { sed -n '2,6p' "$0"; exit 0; }
exec "$(cd "$(dirname "$0")" && pwd)/run-main.sh" MentorViewBenchmark mentor-view-results.md "$@"
