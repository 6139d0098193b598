#!/usr/bin/env bash
# Runs WindowCloseRoute (window-close's reward and joint along a scripted route, see
# metaworld/window_close_route.py) against this checkout's build.
# Usage: ci/experiments/window-close-route.sh park-to-closed|bar-drag [ENVS]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cp="$(ls "$here"/../../reproduce/target/lib/*.jar | tr '\n' ':')"
work="$(mktemp -d)"
javac -d "$work" -cp "$cp" "$here/WindowCloseRoute.java"
java -cp "$work:$cp" WindowCloseRoute "$1" "${2:-50}" 2>&1 | grep -v '^SLF4J'
