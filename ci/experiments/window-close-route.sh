#!/usr/bin/env bash
# Runs WindowCloseRoute (window-close's reward along the route from the parked state to a closed
# window) against this checkout's build. Usage: ci/experiments/window-close-route.sh [ENVS]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cp="$(ls "$here"/../../reproduce/target/lib/*.jar | tr '\n' ':')"
work="$(mktemp -d)"
javac -d "$work" -cp "$cp" "$here/WindowCloseRoute.java"
java -cp "$work:$cp" WindowCloseRoute "${1:-50}" 2>&1 | grep -v '^SLF4J'
