#!/usr/bin/env bash
# CPU simulator throughput on the MT10 mix, as recorded in BENCHMARKS.md: env-steps/s at 4096 and
# 24576 envs on all cores and on one, with the bytes the stepping threads allocated while timed.
# With REF_MTBOARD set to another checkout's mtboard launcher (e.g. the previous protocol's), each
# repeat also times that build, interleaved with this one, and the row shows the ratio of medians.
# Usage: [REF_MTBOARD=/path/to/other/mtboard] ci/bench/sim-cpu.sh [steps] [repeats]
set -euo pipefail
cd "$(dirname "$0")/../.."
steps="${1:-2000}"
repeats="${2:-3}"
cores="$(nproc)"
ref="${REF_MTBOARD:-}"
rate() { python3 -c 'import json,sys; print(json.loads(sys.argv[1])["env_steps_per_s"])' "$1"; }
printf '%-7s %-8s %-14s %-16s %-12s' envs threads "best_steps/s" "median_steps/s" alloc_bytes
[[ -n "$ref" ]] && printf ' %-16s %s' "ref_median" "ratio"
printf '\n'
for envs in 4096 24576; do
  for threads in "$cores" 1; do
    runs=()
    refs=()
    alloc=0
    for _ in $(seq "$repeats"); do
      line="$(./mtboard sim bench --suite mt10 --envs "$envs" --steps "$steps" --threads "$threads" --json)"
      runs+=("$(rate "$line")")
      alloc="$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["allocated_bytes"])' "$line")"
      if [[ -n "$ref" ]]; then
        refs+=("$(rate "$("$ref" sim bench --suite mt10 --envs "$envs" --steps "$steps" --threads "$threads" --json)")")
      fi
    done
    python3 - "$envs" "$threads" "$alloc" "${#runs[@]}" "${runs[@]}" "${refs[@]+"${refs[@]}"}" <<'PY'
import statistics, sys
envs, threads, alloc, n, *rest = sys.argv[1:]
n = int(n)
runs = sorted(float(r) for r in rest[:n])
refs = sorted(float(r) for r in rest[n:])
line = f"{envs:<7} {threads:<8} {runs[-1]:<14.3e} {statistics.median(runs):<16.3e} {alloc:<12}"
if refs:
    line += f" {statistics.median(refs):<16.3e} {statistics.median(runs) / statistics.median(refs):.3f}x"
print(line)
PY
  done
done
