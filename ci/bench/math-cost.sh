#!/usr/bin/env bash
# What computing the networks' exp, tanh and sqrt in Java costs (issue XCPU item 2): MT-PPO's smoke
# recipe (baselines/mt-ppo.yaml, seed 102, 256 envs, pinned numerics) for N epochs, trained by the
# engine of an earlier build (BEFORE: a command that runs its mtboard CLI, e.g. `java -jar
# /tmp/old/mtboard.jar`, whose lib/ folder sits beside it) and by this checkout's ./mtboard,
# alternating, R rounds, in one session. Prints frames/s and checksums; run it on an idle machine.
# Usage: BEFORE="java -jar OLD/mtboard.jar" ci/bench/math-cost.sh [EPOCHS] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${BEFORE:?set BEFORE to a command that runs the mtboard CLI of an earlier build}"
epochs="${1:-30}"
rounds="${2:-3}"
lscpu | grep -E "Model name|^CPU\(s\)"
run() {
  local label=$1
  shift
  "$@" train submissions/baselines/mt-ppo.yaml --benchmark mt10-rand --tier smoke \
    --seed 102 --out "$(mktemp -d)" --threads 2 --max-epochs "$epochs" --json 2>/dev/null |
    python3 -c "import json,sys; d=json.load(sys.stdin); print('$label', round(d['fps']), d['checksum'][:16], d['numerics'].get('math', 'onemkl-vml'))"
}
for ((r = 1; r <= rounds; r++)); do
  # shellcheck disable=SC2086 # BEFORE is a command line
  run before $BEFORE
  run after ./mtboard
done
