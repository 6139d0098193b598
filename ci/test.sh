#!/usr/bin/env bash
# Runs every test of every module (the README's test command), then the distributed-worker check
# (ci/worker-failover.sh: real worker processes, one killed with SIGKILL). The platform's tests use
# MTBOARD_TEST_DB_URL when set (.ci/run starts a PostgreSQL), else an embedded PostgreSQL. Last, a
# bit-exact replay of the first epochs of a committed baseline result (ci/replay-baseline.sh).
# ci/stress-determinism.sh (the same short training side by side on oversubscribed cores) is not
# run here yet: in one of ten runs on the AMD VM (in a fresh clone) one copy's epoch-0 loss differed (7.983368 vs
# 7.983171), a load dependence whose cause is still open (issue XCPU item 5, BENCHMARKS.md); run it by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
# Tests and the failover check run several trainings at once on few cores; libgomp's spinning
# threads then starve each other (10x slower, BENCHMARKS.md). Sleeping waits change no result.
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
mvn -B -ntp verify "$@"
ci/worker-failover.sh ${MTBOARD_FAILOVER_DB_URL:+--db "$MTBOARD_FAILOVER_DB_URL"}
ci/replay-baseline.sh
