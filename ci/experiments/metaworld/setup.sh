#!/usr/bin/env bash
# Builds a work directory that runs Meta-World v2.0.0's own Python on MuJoCo 2.2.2 (Debian), for the
# cross-checks in BENCHMARKS.md. Needs: libmujoco-dev, python3-numpy, python3-scipy (apt), gcc, and
# a git directory of github:Farama-Foundation/Metaworld holding tag v2.0.0 (e.g. the fetch tool's mirror).
# Nothing from Meta-World is committed here: it is extracted into WORK at run time.
# Usage: ci/experiments/metaworld/setup.sh METAWORLD_GIT_DIR WORK
# Then:  ci/experiments/metaworld/run.sh WORK SCRIPT.py [args]
# v2.0.0 asks for mujoco-py (MuJoCo 2.0/2.1); on 2.2.2 kinematics are exact and dynamics indicative.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
git_dir="$1"; work="$2"
mkdir -p "$work"
# Meta-World v1's assets are not needed; a fetched mirror may lack some large blobs, so only the
# files it holds are extracted, and two missing v2 textures (appearance only, no physics) are
# stood in for by wood.png.
git --git-dir="$git_dir" ls-tree -r v2.0.0 metaworld | grep -v '/assets_v1/' |
  while read -r _ _ sha path; do
    if git --git-dir="$git_dir" cat-file -e "$sha" 2>/dev/null; then
      mkdir -p "$work/$(dirname "$path")"
      git --git-dir="$git_dir" cat-file blob "$sha" > "$work/$path"
    fi
  done
for png in real_door.png wood1.png; do
  [[ -f "$work/metaworld/envs/assets_v2/textures/$png" ]] ||
    cp "$work/metaworld/envs/assets_v2/textures/wood.png" "$work/metaworld/envs/assets_v2/textures/$png"
done
cp -r "$here/stubs" "$work/"
gcc -O2 -shared -fPIC -o "$work/libshim.so" "$here/shim.c" -lmujoco
echo "meta-world v2.0.0 work directory: $work" >&2
