#!/usr/bin/env bash
# BENCHMARKS.md "Pages: board render": the board page over a board of 1,000 entries
# (ci/bench/board-fixture.sql) in Debian's headless chromium, RUNS cold loads (ci/bench/BoardRender.java):
# milliseconds from navigation until the page has fetched the board and drawn its table and
# interval plot (body[data-render-ms], set by board.js), one re-sort, and the bytes of script the page loads.
# Usage: ci/bench/board-render.sh [RUNS]. Needs the built platform jar, psql, curl, chromium, chromedriver.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-10}"
work=""; serve=""
trap 'kill $serve 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
. "$root/ci/bench/fixture-server.sh"
start_fixture_server "$root" --workers 0
page="http://127.0.0.1:$port/board.html?benchmark=mt10-rand&tier=smoke"
echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; $(date -u +%F); $(chromium --version 2>/dev/null | head -1)"
scripts=0
for s in $(curl -s "$page" | sed -n 's/.*<script src="\([^"]*\)".*/\1/p'); do
  scripts=$((scripts + $(curl -s "http://127.0.0.1:$port/$s" | wc -c)))
done
echo "script loaded by board.html: $scripts bytes"
(cd "$root" && mvn -q -B -pl platform dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" > /dev/null)
cp="$(cat "$work/cp.txt")"
java -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$cp" "$root/ci/bench/BoardRender.java" "$page" 1000 "$runs"
