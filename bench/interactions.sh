#!/usr/bin/env bash
# Interactions endpoint under load: a signed `/notify off` (Ed25519 check,
# one database write, the answer) at 64 connections, next to the same
# binary's liveness route (`GET /api/health/live`, a constant through the
# same middleware stack) as the ceiling, alternating, ROUNDS rounds each of
# SECONDS seconds. Also reads the server's CPU time per request and its
# peak RSS (VmHWM) from /proc. One release `serve` per backend.
#
# usage: bench/interactions.sh [sqlite] [postgres]   (default: both)
# env:   ROUNDS=5 SECONDS_PER_RUN=10 CONNECTIONS=64 THREADS=2
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-5}
SECS=${SECONDS_PER_RUN:-10}
CONNS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
BACKENDS=("${@:-sqlite postgres}")
read -r -a BACKENDS <<<"${BACKENDS[*]}"
PG_ADMIN=${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}

command -v wrk >/dev/null || { apt-get install -y -qq wrk >/dev/null; }
python3 -c 'import cryptography' 2>/dev/null || python3 -m pip install -q cryptography
cargo build --release --locked --quiet --bin streammaxing
BIN=${CARGO_TARGET_DIR:-target}/release/streammaxing

work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
cat >"$work/live.lua" <<LUA
wrk.method = "GET"
dofile("$PWD/bench/report.lua")
LUA

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

echo "machine: $(nproc) cores, $(uname -sr); $(date -u +%FT%TZ)"
for backend in "${BACKENDS[@]}"; do
  port=$((20000 + RANDOM % 20000))
  case $backend in
    sqlite) url="sqlite://$work/bench.db" ;;
    postgres)
      name="sm_bench_$$"
      psql -q "$PG_ADMIN" -c "DROP DATABASE IF EXISTS $name" -c "CREATE DATABASE $name"
      url="${PG_ADMIN%/*}/$name" ;;
    *) echo "unknown backend $backend" >&2; exit 2 ;;
  esac
  public_key=$(python3 bench/interaction_request.py "$work")
  DATABASE_URL=$url $BIN migrate >/dev/null
  if [ "$backend" = sqlite ]; then
    python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.executescript(open(sys.argv[2]).read()); c.commit()" "$work/bench.db" "$work/seed.sql"
  else
    psql -q "$url" -f "$work/seed.sql"
  fi
  DATABASE_URL=$url BIND_ADDR=127.0.0.1:$port RUST_LOG=info \
    DISCORD_APPLICATION_ID=1300000000000000001 DISCORD_PUBLIC_KEY=$public_key \
    DISCORD_BOT_TOKEN=bench-token DISCORD_API_URL=http://127.0.0.1:9 \
    $BIN serve --no-migrate >"$work/serve.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 200); do curl -sf "http://127.0.0.1:$port/api/health/live" >/dev/null && break; sleep 0.05; done
  # Warm up both paths (connections, caches), then measure.
  wrk -t"$THREADS" -c"$CONNS" -d2s -s "$work/live.lua" "http://127.0.0.1:$port/api/health/live" >/dev/null
  wrk -t"$THREADS" -c"$CONNS" -d2s -s "$work/notify_off.lua" "http://127.0.0.1:$port/interactions" >/dev/null
  for round in $(seq 1 "$ROUNDS"); do
    for target in live notify_off; do
      path=/api/health/live; [ $target = notify_off ] && path=/interactions
      before=$(cpu_ticks $pid)
      line=$(wrk -t"$THREADS" -c"$CONNS" -d"${SECS}s" -s "$work/$target.lua" "http://127.0.0.1:$port$path" | tail -n1)
      after=$(cpu_ticks $pid)
      echo "$backend $target $round $line $((after - before))" >>"$work/results"
    done
  done
  rss_kb=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
  kill -TERM $pid; wait $pid || true
  echo "$backend peak_rss_kb $rss_kb" >>"$work/results"
  [ "$backend" = postgres ] && psql -q "$PG_ADMIN" -c "DROP DATABASE IF EXISTS $name WITH (FORCE)"
done

python3 - "$work/results" "$(getconf CLK_TCK)" <<'PY'
import json, statistics, sys
rows, rss = {}, {}
tck = int(sys.argv[2])
for line in open(sys.argv[1]):
    parts = line.split(" ", 3)
    if parts[1] == "peak_rss_kb":
        rss[parts[0]] = int(parts[2]); continue
    backend, target, rnd, rest = parts
    js, ticks = rest.rsplit(" ", 1)
    r = json.loads(js); r["cpu_s"] = int(ticks) / tck
    rows.setdefault((backend, target), []).append(r)
print(f"{'backend':9} {'endpoint':11} {'rounds':>6} {'req/s':>9} {'p50 ms':>7} {'p99 ms':>7} {'errors':>6} {'cpu µs/req':>10} {'% of ceiling':>12}")
for (backend, target), rs in rows.items():
    med = lambda k: statistics.median(r[k] for r in rs)
    errors = sum(r["errors"] + r["non2xx"] for r in rs)
    cpu = statistics.median(r["cpu_s"] / r["requests"] * 1e6 for r in rs)
    ceiling = statistics.median(r["rps"] for r in rows[(backend, "live")])
    print(f"{backend:9} {target:11} {len(rs):>6} {med('rps'):>9.0f} {med('p50_ms'):>7.2f} {med('p99_ms'):>7.2f} {errors:>6} {cpu:>10.1f} {med('rps') / ceiling * 100:>11.1f}%")
for backend, kb in rss.items():
    print(f"{backend}: peak RSS of serve {kb / 1024:.1f} MiB")
PY
