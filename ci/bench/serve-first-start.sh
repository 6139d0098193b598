#!/usr/bin/env bash
# BENCHMARKS.md "Service: first start": from a fresh clone of this repository to the board listing
# every committed baseline result set: clone, `./mtboard serve` (which builds the platform, starts
# an embedded PostgreSQL in a new home, migrates, imports submissions/results/), and polls
# GET /api/leaderboards/mt10-rand?tier=smoke. Maven's local repository is used as it is (warm).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d)"
port=$((20000 + RANDOM % 20000))
trap 'kill $serve 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
expected="$(find "$root/submissions/results" -mindepth 3 -maxdepth 3 -type d | wc -l)"
t0=$(date +%s.%N)
git clone -q "$root" "$work/clone"
t1=$(date +%s.%N)
(cd "$work/clone" && MTBOARD_JAVA_OPTS="-Dmtboard.home=$work/home" exec ./mtboard serve --port "$port" > "$work/serve.log" 2>&1) &
serve=$!
built=""
while :; do
  [[ -z "$built" && -f "$work/clone/platform/target/quarkus-app/quarkus-run.jar" ]] && built=$(date +%s.%N)
  n="$(curl -sf "http://127.0.0.1:$port/api/leaderboards/mt10-rand?tier=smoke" 2>/dev/null \
      | python3 -c 'import json,sys; print(sum(1 for e in json.load(sys.stdin)["entries"] if e["origin"]))' 2>/dev/null || echo 0)"
  [[ "$n" -ge "$expected" && "$n" -gt 0 ]] && break
  kill -0 $serve 2>/dev/null || { echo "serve exited" >&2; tail -20 "$work/serve.log" >&2; exit 1; }
  sleep 0.5
done
t2=$(date +%s.%N)
echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; $(date -u +%F)"
python3 -c "
t0,t1,tb,t2=$t0,$t1,${built:-$t2},$t2
print(f'clone {t1-t0:.1f} s; build until the platform jar exists {tb-t1:.1f} s; start, import and first board read {t2-tb:.1f} s; total {t2-t0:.1f} s until the board lists $n imported entries')"
