#!/usr/bin/env bash
# Distributed workers, checked end to end with real processes on one database:
#   1. two `mtboard worker` processes split one submission's seeds (smoke tier, 3 seeds);
#   2. one of them is killed with SIGKILL in the middle of a run; the other resumes that run from
#      the checkpoint in the database, and its final checksum equals an uninterrupted
#      `mtboard train` of the same seed.
# Runs on the tiny test benchmark (platform/src/test/resources), so it takes a minute or two.
# Needs the built jars (mvn package) and python3. Usage: ci/worker-failover.sh [--db JDBC_URL]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
platform_jar="$root/platform/target/quarkus-app/quarkus-run.jar"
cli_jar="$root/reproduce/target/mtboard.jar"
bench_dir="$root/platform/src/test/resources/benchmarks"
config="$root/platform/src/test/resources/tiny-ppo.yaml"
for j in "$platform_jar" "$cli_jar"; do [[ -f $j ]] || { echo "worker-failover: $j missing; run mvn -B -DskipTests package" >&2; exit 1; }; done
work="$(mktemp -d)"
port=$((20000 + RANDOM % 20000))
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
db_args=()
[[ "${1:-}" == "--db" ]] && db_args=(--db "$2")
java_opts=(-Dai.djl.offline=true -Dmtboard.home="$work/home" -Dmtboard.benchmarks-dir="$bench_dir"
  -Dmtboard.results-dir="$work/none" -Dmtboard.checkpoint-interval=0s)
api() { python3 -c "import json,sys,urllib.request; print(json.dumps(json.load(urllib.request.urlopen('http://127.0.0.1:$port$1'))))"; }
field() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1], {}, {'d': d}))" "$1"; }

echo "== the server (no local worker) on :$port"
java "${java_opts[@]}" -jar "$platform_jar" serve --port "$port" --workers 0 "${db_args[@]}" > "$work/serve.log" 2>&1 &
pids+=($!)
for _ in $(seq 120); do curl -sf "http://127.0.0.1:$port/q/health/ready" > /dev/null && break; sleep 1; done
db="${db_args[1]:-$(cat "$work/home/db-url")}"
token="$(cat "$work/home/token")"

start_worker() {
  java "${java_opts[@]}" -jar "$platform_jar" worker --db "$db" --threads 1 > "$work/worker-$1.log" 2>&1 &
  pids+=($!)
  eval "worker_$1=$!"
}
start_worker A
start_worker B

submit() { curl -sf -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/yaml' --data-binary @"$config" \
  "http://127.0.0.1:$port/api/submissions?benchmark=tiny&tier=$1" | field 'd["id"]'; }
wait_done() {
  local status=""
  for _ in $(seq 600); do
    status="$(api "/api/submissions/$1" | field 'd["status"]')"
    [[ "$status" == finished || "$status" == failed ]] && break
    sleep 1
  done
  echo "$status"
}

echo "== both workers alive: submit the tiny config on tier smoke (3 frozen seeds)"
first="$(submit smoke)"
[[ "$(wait_done "$first")" == finished ]] || { echo "submission #$first did not finish" >&2; exit 1; }
api "/api/submissions/$first" | python3 -c "
import json, sys
d = json.load(sys.stdin)
split = {}
for r in d['runs']:
    split.setdefault(r['worker'], []).append(r['seed'])
print('submission #%d (smoke) split: %s' % (d['id'], '; '.join('%s: seeds %s' % (w, s) for w, s in sorted(split.items()))))
if len(split) < 2:
    print('FAIL: one worker ran every seed'); sys.exit(1)
"

echo "== submit it on tier standard (5 frozen seeds, 40 epochs each)"
id="$(submit standard)"
echo "submission #$id"

echo "== wait until worker A has checkpointed a run, then SIGKILL it"
victim_seed=""
for _ in $(seq 300); do
  victim_seed="$(api "/api/submissions/$id" | field "next((str(r['seed']) for r in d['runs'] if r['status']=='running' and r['worker'] and r['worker'].endswith('-$worker_A') and (r['checkpoint_epoch'] or 0) >= 5), '')")"
  [[ -n "$victim_seed" ]] && break
  sleep 0.5
done
[[ -n "$victim_seed" ]] || { echo "worker A never checkpointed a run" >&2; tail -20 "$work/worker-A.log" >&2; exit 1; }
epoch_at_kill="$(api "/api/submissions/$id" | field "next(r['epoch'] for r in d['runs'] if r['seed']==$victim_seed)")"
kill -9 "$worker_A"
echo "killed worker A (pid $worker_A) while it ran seed $victim_seed at epoch $epoch_at_kill"

echo "== worker B finishes everything, resuming seed $victim_seed from the database"
status="$(wait_done "$id")"
api "/api/submissions/$id" > "$work/final.json"
[[ "$status" == finished ]] || { echo "submission ended $status" >&2; cat "$work/final.json" >&2; exit 1; }

echo "== an uninterrupted run of seed $victim_seed with the command line"
java -Dai.djl.offline=true -jar "$cli_jar" train "$config" --benchmark "$bench_dir/tiny.yaml" --tier standard \
  --seed "$victim_seed" --threads 1 --out "$work/cli" > /dev/null 2>&1
expected="$(field 'd["checksum"]' < "$work/cli/result.json")"

python3 - "$work/final.json" "$victim_seed" "$expected" "$worker_A" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); seed = int(sys.argv[2]); expected = sys.argv[3]; pid_a = sys.argv[4]
runs = {r["seed"]: r for r in d["runs"] if r["purpose"] == "score"}
started = {}
for e in d["audit"]:
    if e["seed"] is not None and e["to"] == "running":
        started.setdefault(e["seed"], []).append(e["reason"].split(" (")[0].split(" on ")[1])
print("seed  attempts  workers that ran it            final checksum")
for s, r in sorted(runs.items()):
    print(f"{s:<5} {r['attempts']:<9} {' -> '.join(started.get(s, [])):<30} {r['checksum'][:16]}")
resumed = [e["reason"] for e in d["audit"] if e["seed"] == seed and e["reason"].startswith("resumed")]
ok = True
if not resumed:
    print(f"FAIL: seed {seed} has no 'resumed' audit line"); ok = False
else:
    print(f"seed {seed}: {resumed[0]}")
got = runs[seed]["checksum"]
print(f"seed {seed}: resumed run {got}\n         uninterrupted  {expected}")
if got != expected:
    print("FAIL: the resumed run is not bit-identical to an uninterrupted one"); ok = False
first = {s: w[0] for s, w in started.items()}
workers = set(first.values())
for s, r in runs.items():
    if r["status"] != "finished":
        print(f"FAIL: seed {s} is {r['status']}"); ok = False
split = {w: sorted(s for s, x in first.items() if x == w) for w in workers}
print("who started each seed:", "; ".join(f"{w}: {v}" for w, v in split.items()))
print("PASS" if ok else "FAILED")
sys.exit(0 if ok else 1)
PY
