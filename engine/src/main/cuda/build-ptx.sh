#!/usr/bin/env bash
# Compiles sim.cu to PTX when nvcc is available: no FMA contraction, IEEE division and sqrt, so
# the GPU's float arithmetic matches the Java backend bit for bit. Without nvcc it says so and
# exits 0: the committed PTX (src/main/resources/.../sim.ptx) is what the jar carries then.
# Usage: build-ptx.sh OUTPUT.ptx
set -euo pipefail
out="$1"
src="$(cd "$(dirname "$0")" && pwd)/sim.cu"
nvcc_bin="$(command -v nvcc || true)"
[[ -z "$nvcc_bin" && -x /usr/local/cuda/bin/nvcc ]] && nvcc_bin=/usr/local/cuda/bin/nvcc
if [[ -z "$nvcc_bin" ]]; then
  echo "build-ptx: nvcc not found; using the committed PTX"
  exit 0
fi
mkdir -p "$(dirname "$out")"
"$nvcc_bin" -ptx -arch=compute_80 --fmad=false -prec-div=true -prec-sqrt=true "$src" -o "$out"
echo "build-ptx: compiled $src -> $out"
