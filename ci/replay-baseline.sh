#!/usr/bin/env bash
# Replays the first epochs of a committed baseline result bit for bit (issue REPRODUCE item 6): any
# change that alters training numbers (the engine, a default, a dependency) fails CI here until the
# committed results are deliberately refreshed. The engine pins libtorch's CPU numerics and computes
# exp, tanh and sqrt in Java, so the replay matches on any x86-64 CPU with AVX2 and FMA, Intel or
# AMD, whatever its core count (engine's NumericsFingerprintTest names an operation that does not).
# Usage: ci/replay-baseline.sh [RESULT_DIR] [EPOCHS]
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-submissions/results/mt10-rand/smoke/mt-ppo/seed-101}"
epochs="${2:-40}"
if ! ./mtboard reproduce replay "$dir" --max-epochs "$epochs" --threads 2; then
  cat >&2 <<MSG
replay-baseline: $dir no longer replays bit for bit (the diff is above).
If the change is meant to alter training, refresh every committed result deliberately (each seed
of each baseline, one command per seed) and commit them with the change:
  ./mtboard train submissions/baselines/BASELINE.yaml --benchmark mt10-rand --tier smoke --seed N \\
      --out submissions/results/mt10-rand/smoke/BASELINE/seed-N
MSG
  exit 1
fi
