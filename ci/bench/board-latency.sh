#!/usr/bin/env bash
# BENCHMARKS.md "Service: leaderboard latency": GET /api/leaderboards at a fixed 200 requests/s for
# 60 s against a board of 1,000 entries (ci/bench/board-fixture.sql), with the local worker idle,
# then while it trains a real MT-PPO smoke run; and the serve process's resident memory.
# Usage: ci/bench/board-latency.sh [RATE] [SECONDS]. Needs the built platform jar, psql and curl.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rate="${1:-200}"
seconds="${2:-60}"
work=""; serve=""
trap 'kill $serve 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
. "$root/ci/bench/fixture-server.sh"
start_fixture_server "$root"
rss() { awk '/VmRSS/ {printf "%.0f MiB", $2/1024}' "/proc/$serve/status"; }
page="http://127.0.0.1:$port/api/leaderboards/mt10-rand?tier=smoke"
full="$page&limit=0"
echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; $(date -u +%F)"
echo "board: $(curl -s "$full" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["total"], "entries")'); page of 100: $(curl -s "$page" | wc -c) bytes, all 1,000: $(curl -s "$full" | wc -c) bytes"
echo "serve RSS idle, before load: $(rss)"
for url in "$page" "$full"; do
  java "$root/ci/bench/BoardLatency.java" "$url" "$rate" "$seconds" | sed "s#^#idle     $([[ $url == *limit=0 ]] && echo all-1000 || echo page-100): #"
done
echo "serve RSS after the idle load: $(rss)"
token="$(cat "$work/home/token")"
id="$(curl -sf -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/yaml' --data-binary @"$root/submissions/baselines/mt-ppo.yaml" \
  "http://127.0.0.1:$port/api/submissions?benchmark=mt10-rand&tier=smoke" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')"
sleep 20
echo "local worker training: $(curl -s "http://127.0.0.1:$port/api/submissions/$id" | python3 -c 'import json,sys; d=json.load(sys.stdin); r=d["runs"][0]; print("seed", r["seed"], r["status"], "epoch", r["epoch"], "of", r["epochs_total"])' 2>/dev/null || echo '?')"
for url in "$page" "$full"; do
  java "$root/ci/bench/BoardLatency.java" "$url" "$rate" "$seconds" | sed "s#^#training $([[ $url == *limit=0 ]] && echo all-1000 || echo page-100): #"
done
echo "serve RSS while training, after the load: $(rss)"
