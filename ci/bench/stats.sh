#!/usr/bin/env bash
# Stats benchmark of BENCHMARKS.md: 50,000 stratified-bootstrap replicates of {mean, median, IQM,
# optimality gap} with 95% percentile intervals, on 10 x 50 and 10 x 10 success-rate matrices;
# MTBoard (warm, all cores) next to numpy (ci/bench/stats_numpy.py) in the same run.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mtboard --version >/dev/null
printf '%-7s %-12s %-12s %-16s %-14s %s\n' shape java_best_s java_median_s numpy_vector_s numpy_loop_s speedup_vs_vector
for tasks in 50 10; do
  java_json="$(./mtboard stats bench --runs 10 --tasks "$tasks" --reps 50000 --warmup 5 --repeat 9 --json)"
  numpy_json="$(python3 ci/bench/stats_numpy.py 10 "$tasks" 50000 5)"
  python3 - "$java_json" "$numpy_json" <<'PY'
import json, sys
j, n = json.loads(sys.argv[1]), json.loads(sys.argv[2])
shape = f"10x{j['tasks']}"
print(f"{shape:<7} {j['best_s']:<12.4f} {j['median_s']:<12.4f} {n['vectorised_best_s']:<16.4f} "
      f"{n['loop_s_scaled_to_reps']:<14.2f} {n['vectorised_best_s'] / j['best_s']:.1f}x (java threads {j['threads']}, numpy {n['numpy']})")
PY
done
