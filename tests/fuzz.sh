#!/usr/bin/env bash
# Runs the robustness property tests (tests/testsuite/robustness.rs) for longer
# than `cargo test` does: each target for about SECONDS seconds (default 60),
# with fresh random seeds every round. Bounded in time; stops at the first
# failure and prints the smallest input that fails, ready to paste into a
# regression test at the end of robustness.rs.
#
#   tests/fuzz.sh            # 60 s per target
#   tests/fuzz.sh 600        # 10 minutes per target
#   PROPTEST_CASES=64 tests/fuzz.sh 30   # 64 cases per round
set -euo pipefail
cd "$(dirname "$0")/.."
export FUZZ_SECONDS=${1:-60}
export PROPTEST_CASES=${PROPTEST_CASES:-64}
# One target at a time so each gets both cores' worth of the budget.
cargo test --quiet --test testsuite -- robustness:: --nocapture --test-threads 1
