#!/usr/bin/env bash
# The open template preview under a flood: CLIENTS processes post the
# heaviest accepted template bodies to /api/templates/render for SECONDS
# seconds, each request from its own X-Forwarded-For address (serve runs
# with TRUST_FORWARDED_FOR=true, so the per-client rate does not hide the
# load), while a signed PING goes to /interactions every 20 ms; prints the
# PING's p50/p95/max next to the goal (p95 < 100 ms). One release `serve`
# per backend (see bench/render_flood.py).
#
# usage: bench/render_flood.sh [sqlite] [postgres]   (default: both)
# env:   SECONDS_PER_RUN=5 CLIENTS=8 BODY_MAX=48000
#        BIN=path/to/streammaxing to measure another build (e.g. an older one)
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=${SECONDS_PER_RUN:-5}
CLIENTS=${CLIENTS:-8}
BACKENDS=("${@:-sqlite postgres}")
read -r -a BACKENDS <<<"${BACKENDS[*]}"
PG_ADMIN=${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}

python3 -c 'import cryptography' 2>/dev/null || python3 -m pip install -q cryptography
if [ -z "${BIN:-}" ]; then
  cargo build --release --locked --quiet --bin streammaxing
  BIN=${CARGO_TARGET_DIR:-target}/release/streammaxing
fi

work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

echo "machine: $(nproc) cores, $(uname -sr); $(date -u +%FT%TZ); $BIN"
for backend in "${BACKENDS[@]}"; do
  port=$((20000 + RANDOM % 20000))
  case $backend in
    sqlite) url="sqlite://$work/bench.db" ;;
    postgres)
      name="sm_render_bench_$$"
      psql -q "$PG_ADMIN" -c "DROP DATABASE IF EXISTS $name" -c "CREATE DATABASE $name"
      url="${PG_ADMIN%/*}/$name" ;;
    *) echo "unknown backend $backend" >&2; exit 2 ;;
  esac
  public_key=$(python3 -c 'import sys; sys.path.insert(0, "bench"); from interaction_request import PUBLIC_KEY; print(PUBLIC_KEY)')
  DATABASE_URL=$url $BIN migrate >/dev/null
  DATABASE_URL=$url BIND_ADDR=127.0.0.1:$port RUST_LOG=warn TRUST_FORWARDED_FOR=true \
    DISCORD_APPLICATION_ID=1300000000000000001 DISCORD_PUBLIC_KEY=$public_key \
    DISCORD_BOT_TOKEN=bench-token DISCORD_API_URL=http://127.0.0.1:9 \
    $BIN serve --no-migrate >"$work/serve.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 200); do curl -sf "http://127.0.0.1:$port/api/health/live" >/dev/null && break; sleep 0.05; done
  echo "== $backend"
  python3 bench/render_flood.py "http://127.0.0.1:$port" "$SECS" "$CLIENTS"
  echo "peak RSS of serve: $(awk '/VmHWM/ {printf "%.1f MiB", $2 / 1024}' "/proc/$pid/status")"
  kill -TERM $pid; wait $pid || true
  [ "$backend" = postgres ] && psql -q "$PG_ADMIN" -c "DROP DATABASE IF EXISTS $name WITH (FORCE)"
done
