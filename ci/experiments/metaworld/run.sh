#!/usr/bin/env bash
# Runs one of this folder's scripts against a work directory made by setup.sh.
# Usage: ci/experiments/metaworld/run.sh WORK SCRIPT.py [args]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(cd "$1" && pwd)"; script="$2"; shift 2
MW_SHIM="$work/libshim.so" PYTHONPATH="$work/stubs:$work" exec python3 -W ignore "$here/$script" "$@"
