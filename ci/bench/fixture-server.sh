# Sourced by the board benchmarks: starts the built platform jar on a new embedded database in a
# temporary home (no committed results imported), waits until it is ready, and loads the
# 1,000-entry board of ci/bench/board-fixture.sql. Sets work, port and serve; the caller's EXIT
# trap stops the server. Usage: start_fixture_server ROOT [serve options, e.g. --workers 0]
start_fixture_server() {
  local root="$1"; shift
  local jar="$root/platform/target/quarkus-app/quarkus-run.jar"
  work="$(mktemp -d)"
  port=$((20000 + RANDOM % 20000))
  java -Dai.djl.offline=true -Dmtboard.home="$work/home" -Dmtboard.benchmarks-dir="$root/submissions/benchmarks" \
    -Dmtboard.baselines-dir="$root/submissions/baselines" -Dmtboard.results-dir="$work/no-results" \
    -jar "$jar" serve --port "$port" "$@" > "$work/serve.log" 2>&1 &
  serve=$!
  for _ in $(seq 120); do curl -sf "http://127.0.0.1:$port/q/health/ready" > /dev/null && break; sleep 1; done
  local pg_port
  pg_port="$(sed -E 's#.*localhost:([0-9]+)/.*#\1#' "$work/home/db-url")"
  PGPASSWORD=postgres psql -q -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -v ON_ERROR_STOP=1 -f "$root/ci/bench/board-fixture.sql"
  sleep 1 # the board cache re-renders when its half-second stamp moves
}
