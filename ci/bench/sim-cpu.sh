#!/usr/bin/env bash
# CPU simulator throughput on the MT10 mix, as recorded in BENCHMARKS.md: env-steps/s at 4096 and
# 24576 envs on all cores and on one, with the bytes the stepping threads allocated while timed.
# Usage: ci/bench/sim-cpu.sh [steps] [repeats]
set -euo pipefail
cd "$(dirname "$0")/../.."
steps="${1:-2000}"
repeats="${2:-3}"
cores="$(nproc)"
printf '%-7s %-8s %-14s %-16s %s\n' envs threads "best_steps/s" "median_steps/s" alloc_bytes
for envs in 4096 24576; do
  for threads in "$cores" 1; do
    runs=()
    alloc=0
    for _ in $(seq "$repeats"); do
      line="$(./mtboard sim bench --suite mt10 --envs "$envs" --steps "$steps" --threads "$threads" --json)"
      runs+=("$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["env_steps_per_s"])' "$line")")
      alloc="$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["allocated_bytes"])' "$line")"
    done
    python3 - "$envs" "$threads" "$alloc" "${runs[@]}" <<'PY'
import statistics, sys
envs, threads, alloc, *runs = sys.argv[1:]
runs = sorted(float(r) for r in runs)
print(f"{envs:<7} {threads:<8} {runs[-1]:<14.3e} {statistics.median(runs):<16.3e} {alloc}")
PY
  done
done
