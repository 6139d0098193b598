#!/usr/bin/env bash
# Issue 21 item 5: a run must not depend on scheduling. Starts COPIES identical short trainings at
# once, each on more simulation threads than the machine has cores, next to a CPU hog (one busy
# loop per core), and compares every epoch's parameter digest (curve.csv's params_sha) and the
# final checksum (result.json) across the copies. Copy 1 also takes a checkpoint after every epoch
# (the others take none): taking one must not change the run either. Exits 1 naming the first
# epoch where a copy differs.
# Usage: ci/stress-determinism.sh [COPIES] [EPOCHS]   (default 3 x 3: about a minute on 2 cores)
# Env: STRESS_THREADS (simulation threads per copy, default 4), STRESS_HOG (busy loops, default
# one per core; 0 for none), STRESS_KEEP=1 keeps the work directory; STRESS_SUBMISSION,
# STRESS_BENCHMARK, STRESS_TIER and STRESS_SEED train another recipe (e.g. the MT-PPO baseline:
# submissions/baselines/mt-ppo.yaml, mt10-rand, smoke, 101).
set -euo pipefail
cd "$(dirname "$0")/.."
copies="${1:-3}"
epochs="${2:-3}"
threads="${STRESS_THREADS:-4}"
hogs="${STRESS_HOG:-$(nproc)}"
seed="${STRESS_SEED:-101}"
submission="${STRESS_SUBMISSION:-ci/fixtures/stress-tiny.yaml}"
benchmark="${STRESS_BENCHMARK:-ci/fixtures/stress-bench.yaml}"
tier="${STRESS_TIER:-smoke}"
if ! [[ "$copies" =~ ^[0-9]+$ && "$epochs" =~ ^[0-9]+$ ]] || ((copies < 2 || epochs < 1)); then
  echo "usage: ci/stress-determinism.sh [COPIES>=2] [EPOCHS>=1]" >&2
  exit 2
fi
# As in ci/test.sh: libgomp's spinning waits starve each other on few cores; sleeping waits change no result.
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
work="$(mktemp -d /tmp/mtboard-stress.XXXXXX)"
hog_pids=()
run_pids=()
cleanup() {
  local p
  for p in "${hog_pids[@]}" "${run_pids[@]}"; do
    kill "$p" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  if [[ "${STRESS_KEEP:-0}" == 1 ]]; then
    echo "stress-determinism: work directory kept: $work" >&2
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT

# Build the jar once now; copies started together would each find it stale and build it.
./mtboard --version >/dev/null

for ((k = 0; k < hogs; k++)); do
  (while :; do :; done) &
  hog_pids+=($!)
done
start=$SECONDS
for ((c = 1; c <= copies; c++)); do
  every=0
  ((c == 1)) && every=1
  ./mtboard train "$submission" --benchmark "$benchmark" --tier "$tier" --seed "$seed" --out "$work/copy-$c" \
    --max-epochs "$epochs" --threads "$threads" --checkpoint-every "$every" >"$work/copy-$c.log" 2>&1 &
  run_pids+=($!)
done
failed=0
for ((c = 1; c <= copies; c++)); do
  if ! wait "${run_pids[c - 1]}"; then
    echo "stress-determinism: copy $c failed; its log ends:" >&2
    tail -20 "$work/copy-$c.log" >&2
    failed=1
  fi
done
run_pids=()
for p in "${hog_pids[@]}"; do
  kill "$p" 2>/dev/null || true
done
hog_pids=()
elapsed=$((SECONDS - start))
((failed == 0)) || exit 1

# A column of a copy's curve.csv, by header name, one value per epoch.
column() {
  awk -F, -v name="$2" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) col = i; next } col { print $col }' "$1"
}
checksum() {
  grep -o '"checksum":"[0-9a-f]*"' "$1" | head -1 | cut -d'"' -f4
}
mapfile -t reference < <(column "$work/copy-1/curve.csv" params_sha)
if ((${#reference[@]} != epochs)); then
  echo "stress-determinism: copy 1 wrote ${#reference[@]} epochs, expected $epochs" >&2
  exit 1
fi
mapfile -t reference_loss < <(column "$work/copy-1/curve.csv" loss)
for ((c = 2; c <= copies; c++)); do
  mapfile -t digests < <(column "$work/copy-$c/curve.csv" params_sha)
  mapfile -t losses < <(column "$work/copy-$c/curve.csv" loss)
  for ((e = 0; e < epochs; e++)); do
    if [[ "${digests[e]:-missing}" != "${reference[e]}" ]]; then
      echo "stress-determinism: FAILED at epoch $e: copy 1 params_sha ${reference[e]} (loss ${reference_loss[e]})," \
        "copy $c ${digests[e]:-missing} (loss ${losses[e]:-missing}); $copies copies x $epochs epochs, --threads $threads, $hogs hog(s)" >&2
      exit 1
    fi
  done
  if [[ "$(checksum "$work/copy-$c/result.json")" != "$(checksum "$work/copy-1/result.json")" ]]; then
    echo "stress-determinism: FAILED: every epoch's digest matches but copy $c's checksum differs from copy 1's" >&2
    exit 1
  fi
done
for ((e = 0; e < epochs; e++)); do
  echo "epoch $e: params_sha ${reference[e]} loss ${reference_loss[e]} in all $copies copies"
done
echo "stress-determinism: $copies copies x $epochs epochs side by side (--threads $threads each, $hogs hog(s), $(nproc) cores," \
  "copy 1 checkpointing every epoch, $(basename "$submission") seed $seed) identical at every epoch; checksum $(checksum "$work/copy-1/result.json"); ${elapsed} s"
