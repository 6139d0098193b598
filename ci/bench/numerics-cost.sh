#!/usr/bin/env bash
# What pinning libtorch's CPU numerics costs (issue REPRODUCE item 5): MT-PPO's smoke recipe
# (baselines/mt-ppo.yaml, seed 102, 256 envs) for N epochs, pinned (the default) and native
# (-Dmtboard.numerics=native: the machine's own ATen/MKL dispatch and libtorch's default threads),
# alternating, R rounds, in one session. Prints frames/s and checksums; run it on an idle machine.
# Usage: ci/bench/numerics-cost.sh [EPOCHS] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
epochs="${1:-30}"
rounds="${2:-2}"
lscpu | grep -E "Model name|^CPU\(s\)"
run() {
  local mode=$1
  MTBOARD_JAVA_OPTS="-Dmtboard.numerics=$mode" ./mtboard train submissions/baselines/mt-ppo.yaml --benchmark mt10-rand --tier smoke \
    --seed 102 --out "$(mktemp -d)" --threads 2 --max-epochs "$epochs" --json 2>/dev/null |
    python3 -c "import json,sys; d=json.load(sys.stdin); print('$mode', round(d['fps']), d['checksum'][:16], d['numerics']['torch_threads'])"
}
for ((r = 1; r <= rounds; r++)); do
  run pinned
  run native
done
