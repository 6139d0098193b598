#!/usr/bin/env bash
# The CUDA issue's acceptance run on a GPU machine, from the bundle (see ci/gpu-bundle.sh):
# parity of CPU and CUDA on MT10, then throughput of both backends at 4096..262144 envs and the
# memory-bound limit. Prints a table at the end; raw JSON lines go to $OUT when it is set.
# With REF_APP set to a directory holding another build's mtboard.jar and engine jar (e.g. the
# previous protocol's), its CUDA throughput is measured in the same run and shown as a ratio.
# Usage: [REF_APP=dir] .gpu-bundle/gpu-checks.sh [cuda_steps] [cpu_steps]
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
run="$here/run.sh"
out="${OUT:-/tmp/mtboard-gpu}"
mkdir -p "$out"
cuda_steps="${1:-2000}"
cpu_steps="${2:-100}"
cores="$(nproc)"
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader | tee "$out/gpu.txt"
status=0
for policy in random mixed; do
  if ! "$run" sim parity --suite mt10 --envs 1000 --steps 300 --policy "$policy" | tee -a "$out/parity.txt"; then
    status=1
  fi
done
: > "$out/bench.jsonl"
: > "$out/ref.jsonl"
ref_run() {
  # The reference build with this bundle's JRE and libraries, its own engine jar first.
  local java=/tmp/mtboard-jre/jre/bin/java
  "$java" -cp "$REF_APP/engine-0.1.0-SNAPSHOT.jar:$REF_APP/mtboard.jar:$(ls "$here"/app/lib/*.jar | grep -v '/engine-' | tr '\n' ':')" \
    org.mtboard.reproduce.MainKt "$@"
}
for envs in 4096 24576 65536 262144; do
  "$run" sim bench --backend cuda --suite mt10 --envs "$envs" --steps "$cuda_steps" --warmup 200 --json | tee -a "$out/bench.jsonl"
  if [[ -n "${REF_APP:-}" ]]; then
    ref_run sim bench --backend cuda --suite mt10 --envs "$envs" --steps "$cuda_steps" --warmup 200 --json | tee -a "$out/ref.jsonl"
  fi
  "$run" sim bench --backend cpu --suite mt10 --envs "$envs" --steps "$cpu_steps" --warmup 50 --threads "$cores" --json | tee -a "$out/bench.jsonl"
done
python3 - "$out/bench.jsonl" "$out/ref.jsonl" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
ref = {r["envs"]: r for r in (json.loads(l) for l in open(sys.argv[2]) if l.strip())}
cuda = {r["envs"]: r for r in rows if r["backend"] == "cuda"}
cpu = {r["envs"]: r for r in rows if r["backend"] == "cpu"}
print(f"{'envs':>7} {'cuda steps/s':>13} {'+host copies':>13} {'cpu steps/s':>12} {'cuda/cpu':>9} {'mem-bound':>10} {'of bound':>9}"
      + (f" {'ref cuda':>10} {'vs ref':>7}" if ref else ""))
for n in sorted(cuda):
    c, p = cuda[n], cpu.get(n)
    ratio = c["env_steps_per_s"] / p["env_steps_per_s"] if p else float("nan")
    print(f"{n:>7} {c['env_steps_per_s']:>13.3e} {c['with_host_copies_env_steps_per_s']:>13.3e} "
          f"{(p or {}).get('env_steps_per_s', float('nan')):>12.3e} {ratio:>8.1f}x "
          f"{c['memory_bound_env_steps_per_s']:>10.3e} {100 * c['fraction_of_memory_bound']:>8.1f}%"
          + (f" {ref[n]['env_steps_per_s']:>10.3e} {c['env_steps_per_s'] / ref[n]['env_steps_per_s']:>6.2f}x" if n in ref else ""))
b = next(iter(cuda.values()))
print(f"device copy bandwidth {b['device_copy_bytes_per_s']:.3e} B/s (read+write), {b['bytes_per_env_step']} B per env-step; cpu threads {cpu and next(iter(cpu.values()))['threads']}")
PY
exit $status
