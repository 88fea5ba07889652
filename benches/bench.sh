#!/usr/bin/env bash
# Benchmark of `summering build`: median wall time and peak memory for synthetic
# archives of 1, 100 and 1000 reports (× 2 languages) and for the sample site in
# content/, printed as a Markdown table. This is a measurement, not a test: it
# never fails because a number is high; it prints the targets beside the numbers.
#
#   benches/bench.sh                    # sizes 1 100 1000, hyperfine's default run count
#   SIZES="1 100" RUNS=5 benches/bench.sh
#   BIN=/path/to/other/summering benches/bench.sh   # measure another build of the binary
#   BASE=/path/to/main/summering benches/bench.sh  # and a baseline binary in the same runs
#   BIN=… GEN=… benches/bench.sh        # binaries already built: no cargo build
#   CHARTS=--charts benches/bench.sh    # synthetic reports with charts.toml (needs the chart feature)
#
# Tools: hyperfine (times, median of several runs after warm-up) and GNU time
# (`/usr/bin/time`, peak resident memory), both from Debian; installed with
# apt-get when missing and running as root. The release build is made first
# (a cold one takes a few minutes).
#
# Baseline: in the same run, `cp -r` of each built output folder is timed, so
# build times can be quoted as a ratio to copying the same files (a machine-
# independent yardstick: a static-site build cannot beat writing its output).
# With BASE set, the baseline binary is timed in the same hyperfine run as BIN
# (interleaved warm-ups, same load), on its own copy of the site so the two
# PDF caches do not evict each other's entries; the table then gives BASE's
# median and BIN ÷ BASE, the one comparison that holds on a shared machine.
# Every site is read from a copy of its content/ only, so each binary uses its
# own built-in theme (the repository's themes/default would override BASE's).
set -euo pipefail
# A row is measured inside $(…): without this, a failing build there would
# leave an empty row and the bench would go on as if nothing had happened.
shopt -s inherit_errexit

cd "$(dirname "$0")/.."
SIZES=${SIZES:-"1 100 1000"}
RUNS=${RUNS:-}
CHARTS=${CHARTS:-}
BASE=${BASE:-}

need() { # need COMMAND DEBIAN-PACKAGE
  if ! command -v "$1" >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "installing $2 …" >&2
      apt-get install -y -qq "$2" >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq "$2" >/dev/null; }
    else
      echo "bench.sh needs $1 (Debian package $2)" >&2
      exit 1
    fi
  fi
}
need hyperfine hyperfine
need /usr/bin/time time

# BIN and GEN given: measure those (no build).
if [ -z "${BIN:-}" ] || [ -z "${GEN:-}" ]; then
  echo "building the release binary and the generator …" >&2
  cargo build --release --quiet --bin summering --example synthetic_archive
fi
BIN=${BIN:-$PWD/target/release/summering}
GEN=${GEN:-$PWD/target/release/examples/synthetic_archive}

# Sites and outputs go to tmpfs (/dev/shm) when there is one: on a disk mounted
# with online discard, deleting the previous build's thousands of files costs
# seconds of kernel time that would drown what summering itself does. Set
# BENCH_DIR to measure on another file system.
BENCH_DIR=${BENCH_DIR:-$( [ -d /dev/shm ] && [ -w /dev/shm ] && echo /dev/shm || echo "${TMPDIR:-/tmp}")}
WORK=$(mktemp -d "$BENCH_DIR/summering-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

run_args=()
[ -n "$RUNS" ] && run_args=(--runs "$RUNS")

# median_ms CSV → the median column of hyperfine's CSV export, in ms.
median_ms() { awk -F, 'NR == 2 { printf "%.1f", $4 * 1000 }' "$1"; }
# cpu_ms CSV → mean user + system time, in ms: on a shared machine this moves
# less than wall time when other processes take the cores.
cpu_ms() { awk -F, 'NR == 2 { printf "%.1f", ($5 + $6) * 1000 }' "$1"; }

# quietly CMD… → runs CMD; its output (the sites' warnings) is shown only if it fails.
quietly() { "$@" >"$WORK/quiet.log" 2>&1 || { cat "$WORK/quiet.log" >&2; return 1; }; }

# copy_site ROOT DEST → DEST holds ROOT's content/ and nothing else.
copy_site() { rm -rf "$2" && mkdir -p "$2" && cp -r "$1/content" "$2/"; }

# measure LABEL REPORTS ROOT → one table row.
measure() {
  local label=$1 reports=$2 root=$3
  local site=$WORK/site-$label out=$WORK/out-$label copy=$WORK/copy-$label
  local names=(--command-name this) commands=("$BIN build --root $site --output $out")
  copy_site "$root" "$site"
  quietly "$BIN" build --root "$site" --output "$out"
  if [ -n "$BASE" ]; then
    copy_site "$root" "$site-base"
    quietly "$BASE" build --root "$site-base" --output "$out-base"
    names+=(--command-name base)
    commands+=("$BASE build --root $site-base --output $out-base")
  fi
  hyperfine -N --style none --warmup 2 "${run_args[@]}" --export-csv "$WORK/$label.csv" \
    "${names[@]}" "${commands[@]}" >/dev/null
  hyperfine -N --style none --warmup 2 "${run_args[@]}" --export-csv "$WORK/$label-cp.csv" \
    --prepare "rm -rf $copy" "cp -r $out $copy" >/dev/null
  local build cpu cp rss pages kb base=- ratio=-
  build=$(median_ms "$WORK/$label.csv")
  cpu=$(cpu_ms "$WORK/$label.csv")
  cp=$(median_ms "$WORK/$label-cp.csv")
  if [ -n "$BASE" ]; then
    base=$(awk -F, '$1 == "base" { printf "%.1f", $4 * 1000 }' "$WORK/$label.csv")
    ratio=$(awk -v b="$build" -v a="$base" 'BEGIN { printf "%.2f", b / a }')
  fi
  rss=$( { /usr/bin/time -f '%M' "$BIN" build --root "$site" --output "$out" >/dev/null; } 2>&1 | tail -n1)
  pages=$(find "$out" -name '*.html' | wc -l)
  kb=$(du -sk "$out" | cut -f1)
  awk -v l="$label" -v n="$reports" -v p="$pages" -v kb="$kb" -v b="$build" -v u="$cpu" -v c="$cp" -v r="$rss" -v ba="$base" -v q="$ratio" 'BEGIN {
    printf "| %s | %d | %d | %d | %.1f | %.1f | %.2f | %.1f | %.1f× | %.1f | %s | %s |\n", l, n, p, kb, b, u, b / n, c, b / c, r / 1024, ba, q }'
}

rows=()
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
row=$(measure sample "$(find content -mindepth 1 -maxdepth 1 -type d | wc -l)" "$PWD")
rows+=("$row")
for n in $SIZES; do
  # shellcheck disable=SC2086 # CHARTS is one optional flag
  "$GEN" --reports "$n" --out "$WORK/gen-$n" $CHARTS >/dev/null
  row=$(measure "synthetic-$n" "$n" "$WORK/gen-$n")
  rows+=("$row")
done

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
echo
echo "Machine: $(nproc) cores ($cpu), $(free -g | awk '/^Mem:/ { print $2 }') GiB, load average $load_before at the start and $(cut -d' ' -f1-3 /proc/loadavg) at the end; $("$BIN" --version); output on $BENCH_DIR; $(date -u +%Y-%m-%d)"
echo
echo "| site | reports | HTML pages | output KB | build, median ms | CPU ms (user+sys) | ms per report | \`cp -r\` of output, ms | build ÷ copy | peak RSS MB | BASE, median ms | build ÷ BASE |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
echo
echo "Targets (issue 6, 2-core machine): sample ≤ 10 ms; 1000 reports ≤ 1000 ms; peak RSS ≤ 150 MB; ms per report flat as reports grow."
