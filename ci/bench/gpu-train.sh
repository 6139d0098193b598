#!/usr/bin/env bash
# GPU training: throughput with its phase split, and the determinism checks, for BENCHMARKS.md
# (GPU-TRAIN). Runs on a machine where DJL can load a CUDA libtorch (README, "GPU training"):
# online DJL fetches one by itself; offline, export DJL's overrides first.
#
# Usage: ci/bench/gpu-train.sh MTBOARD OUT [SECTION...]
#   MTBOARD  the command that runs mtboard (./mtboard, or .gpu-bundle/run.sh)
#   OUT      directory for the runs and summary.txt
#   SECTION  any of: doctor parity speed cpu (default: all four), and standard: the standard tier of
#            baselines/mt-ppo.yaml on seed 201 end to end on cuda + gpu (about 1e8 frames)
# Env: EPOCHS (GPU timing epochs per size, default 6), CPU_EPOCHS (default 1),
#      SIZES (default "4096 24576 65536"), PARITY_EPOCHS (default 3).
# Throughput excludes each run's first epoch (libtorch's CUDA start-up and allocator warm-up).
set -euo pipefail
mtboard="$1"
out="$2"
shift 2
sections="${*:-doctor parity speed cpu}"
epochs="${EPOCHS:-6}"
cpu_epochs="${CPU_EPOCHS:-1}"
sizes="${SIZES:-4096 24576 65536}"
parity_epochs="${PARITY_EPOCHS:-3}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
mkdir -p "$out"
summary="$out/summary.txt"

# A copy of the MT-PPO baseline at another env count (the benchmark's standard tier takes it from the submission).
submission_at() {
  local envs="$1" file="$out/mt-ppo-$1.yaml"
  sed "s/^  num_envs: .*/  num_envs: $envs/" "$root/submissions/baselines/mt-ppo.yaml" > "$file"
  echo "$file"
}

# train NAME ENVS EPOCHS BACKEND DEVICE: one run into OUT/NAME, its checksum to stdout.
train() {
  local name="$1" envs="$2" n="$3" backend="$4" device="$5"
  "$mtboard" train "$(submission_at "$envs")" --benchmark mt10-rand --tier standard --seed 201 --max-epochs "$n" \
    --checkpoint-every 0 --backend "$backend" --device "$device" --out "$out/$name" --json > "$out/$name.json" 2> "$out/$name.log"
  sed -n 's/.*"checksum":"\([0-9a-f]*\)".*/\1/p' "$out/$name.json"
}

# phases DIR: mean frames/s and the phase split over the curve's epochs after the first (all if only one).
phases() {
  awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    { rows[NR] = $0 }
    END {
      first = (NR > 2) ? 3 : 2
      for (r = first; r <= NR; r++) {
        split(rows[r], c, ",")
        n++; fps += c[col["fps"]]; sim += c[col["sim_s"]]; copy += c[col["copy_s"]]
        inf += c[col["inference_s"]]; upd += c[col["update_s"]]
      }
      total = sim + copy + inf + upd
      printf "%10.0f fps  sim %4.1f%%  copies %4.1f%%  inference %4.1f%%  update %4.1f%%  (%.3f s/epoch, %d epochs timed)\n",
        fps / n, 100 * sim / total, 100 * copy / total, 100 * inf / total, 100 * upd / total, total / n, n
    }' "$1/curve.csv"
}

for section in $sections; do
  case "$section" in
    doctor)
      "$mtboard" doctor --json > "$out/doctor.json"
      "$mtboard" doctor | tee -a "$summary" ;;
    parity)
      # cuda + cpu networks must equal cpu + cpu networks; GPU networks must equal themselves, from either simulator.
      a="$(train parity-cpu-cpu 4096 "$parity_epochs" cpu cpu)"
      b="$(train parity-cuda-cpu 4096 "$parity_epochs" cuda cpu)"
      c="$(train parity-cuda-gpu-1 4096 "$parity_epochs" cuda gpu)"
      d="$(train parity-cuda-gpu-2 4096 "$parity_epochs" cuda gpu)"
      e="$(train parity-cpu-gpu 4096 "$parity_epochs" cpu gpu)"
      {
        echo "parity, MT-PPO standard seed 201, 4096 envs, $parity_epochs epochs:"
        echo "  cpu  sim + cpu networks   $a"
        echo "  cuda sim + cpu networks   $b   $([[ $a == "$b" ]] && echo IDENTICAL || echo DIFFERENT)"
        echo "  cuda sim + gpu networks   $c"
        echo "  cuda sim + gpu, again     $d   $([[ $c == "$d" ]] && echo IDENTICAL || echo DIFFERENT)"
        echo "  cpu  sim + gpu networks   $e   $([[ $c == "$e" ]] && echo IDENTICAL || echo DIFFERENT)"
      } | tee -a "$summary" ;;
    speed)
      for envs in $sizes; do
        train "speed-gpu-$envs" "$envs" "$epochs" cuda gpu > /dev/null
        echo "cuda + gpu  $(printf '%6d' "$envs") envs: $(phases "$out/speed-gpu-$envs")" | tee -a "$summary"
      done ;;
    cpu)
      for envs in $sizes; do
        train "speed-cpu-$envs" "$envs" "$cpu_epochs" cpu cpu > /dev/null
        echo "cpu  + cpu  $(printf '%6d' "$envs") envs: $(phases "$out/speed-cpu-$envs")" | tee -a "$summary"
      done ;;
    standard)
      "$mtboard" train "$root/submissions/baselines/mt-ppo.yaml" --benchmark mt10-rand --tier standard --seed 201 \
        --backend cuda --device gpu --checkpoint-every 50 --resume --out "$out/standard-201" --json > "$out/standard-201.json" 2> "$out/standard-201.log"
      echo "standard tier, seed 201, cuda + gpu: $(tail -n 1 "$out/standard-201.log")" | tee -a "$summary"
      echo "  $(phases "$out/standard-201")" | tee -a "$summary" ;;
    *)
      echo "unknown section '$section' (doctor, parity, speed, cpu, standard)" >&2
      exit 2 ;;
  esac
done
