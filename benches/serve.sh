#!/usr/bin/env bash
# Benchmark of `summering serve` under load, on 127.0.0.1 only: a page fetched
# while 500 idle connections are held (target: under 100 ms), and 2,000
# requests 16 at a time (target: no error). A measurement, not a test: it
# prints the numbers and the targets, and fails only if the server does not
# start. The baseline is the same page fetched with nothing else open, in the
# same run; BASELINE_BIN=/path/to/other/summering adds the same rows for
# another build (an older one, say) in the same run.
#
#   benches/serve.sh
#   IDLE=500 REQUESTS=2000 CONCURRENCY=16 benches/serve.sh
#   BIN=target/release/summering BASELINE_BIN=/dev/shm/old-summering benches/serve.sh
#
# Needs python3 (standard library only). The site is the sample, copied to
# /dev/shm. Every wait is bounded: the server is killed after TIME_LIMIT
# seconds (default 120) and when the script ends.
set -euo pipefail

cd "$(dirname "$0")/.."
IDLE=${IDLE:-500}
REQUESTS=${REQUESTS:-2000}
CONCURRENCY=${CONCURRENCY:-16}
TIME_LIMIT=${TIME_LIMIT:-120}
if [ -z "${BIN:-}" ]; then
  cargo build --release --quiet
  BIN=target/release/summering
fi

# Each connection is a file descriptor of this shell's children and of the server.
ulimit -n 4096 2>/dev/null || ulimit -n "$(ulimit -Hn)"

work=$(mktemp -d /dev/shm/summering-serve-bench.XXXXXX)
pid=
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
cp -r content "$work/content"
if [ -d themes ]; then cp -r themes "$work/themes"; fi

measure() { # measure BINARY LABEL
  local log="$work/serve.log"
  : >"$log"
  NO_COLOR=1 timeout "$TIME_LIMIT" "$1" serve --port 0 --root "$work" >"$log" 2>/dev/null &
  pid=$!
  local addr=
  for _ in $(seq 300); do
    addr=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$log" | head -n1 || true)
    [ -n "$addr" ] && break
    kill -0 "$pid" 2>/dev/null || { echo "the server ($1) exited" >&2; exit 1; }
    sleep 0.1
  done
  [ -n "$addr" ] || { echo "the server ($1) did not start" >&2; exit 1; }
  # `timeout` is the parent; the server is its child.
  local server
  server=$(pgrep -P "$pid" || echo "$pid")
  echo
  echo "### $2 ($1)"
  echo
  timeout "$TIME_LIMIT" python3 benches/serve_load.py "${addr##*:}" "$server" "$IDLE" "$REQUESTS" "$CONCURRENCY"
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  pid=
}

echo "Targets: a page within 100 ms while $IDLE idle connections are open; $REQUESTS requests, $CONCURRENCY at a time, with no error."
measure "$BIN" "this build"
if [ -n "${BASELINE_BIN:-}" ]; then
  measure "$BASELINE_BIN" "baseline build"
fi
