#!/usr/bin/env bash
# Runs SubsetTrain against a built checkout (this one by default, or e.g. a worktree of an older
# protocol's commit, built with `mvn -DskipTests package -pl reproduce -am`).
# Usage: ci/experiments/subset-train.sh [--checkout DIR] TASKS FRAMES ENVS SEED [SUBMISSION]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
checkout="$(cd "$here/../.." && pwd)"
if [[ "${1:-}" == "--checkout" ]]; then checkout="$(cd "$2" && pwd)"; shift 2; fi
tasks="$1"; frames="$2"; envs="$3"; seed="$4"
submission="${5:-$checkout/submissions/baselines/mt-ppo.yaml}"
protocol="$(sed -n 's/^protocol_version: *//p' "$checkout/submissions/benchmarks/mt10-rand.yaml")"
cp="$(ls "$checkout"/reproduce/target/lib/*.jar | tr '\n' ':')"
work="$(mktemp -d)"
javac -d "$work" -cp "$cp" "$here/SubsetTrain.java"
java -cp "$work:$cp" SubsetTrain "$submission" "$tasks" "$frames" "$envs" "$seed" "$protocol" 2>&1 | grep -v '^SLF4J'
