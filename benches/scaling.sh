#!/usr/bin/env bash
# Scaling benchmark of `summering build` (issue 12): how the build time grows
# with the size of one section. Each case is a one-report site whose only
# section holds
#   - N bullets (250, 1,000, 2,000, 4,000),
#   - one line (a paragraph without a line break) of 128 KB to 1 MB,
#   - N footnotes (1,000 and 4,000), each cited by its own paragraph,
# and a baseline: the same site with a 10-bullet section, measured in the same
# run. Printed as a Markdown table: the median wall time, the CPU time (user +
# system, which moves less than wall time when other processes take the cores),
# the CPU time above the baseline, and the growth exponent k between one size
# and the next (CPU time above the baseline ∝ size^k: 1 is linear, 2 quadratic).
# This is a measurement, not a test: it never fails because a number is high.
#
#   benches/scaling.sh              # hyperfine's default run count
#   RUNS=5 benches/scaling.sh
#   BIN=/path/to/other/summering benches/scaling.sh
#
# Tools: hyperfine (Debian package hyperfine), installed with apt-get when
# missing and running as root. The release build is made first.
set -euo pipefail

cd "$(dirname "$0")/.."
RUNS=${RUNS:-}

if ! command -v hyperfine >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get install -y -qq hyperfine >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq hyperfine >/dev/null; }
  else
    echo "scaling.sh needs hyperfine (Debian package hyperfine)" >&2
    exit 1
  fi
fi

if [ -z "${BIN:-}" ]; then
  echo "building the release binary …" >&2
  cargo build --release --quiet --bin summering
  BIN=$PWD/target/release/summering
fi

# Sites and outputs on tmpfs when there is one (see benches/bench.sh).
BENCH_DIR=${BENCH_DIR:-$( [ -d /dev/shm ] && [ -w /dev/shm ] && echo /dev/shm || echo "${TMPDIR:-/tmp}")}
WORK=$(mktemp -d "$BENCH_DIR/summering-scaling.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

run_args=()
[ -n "$RUNS" ] && run_args=(--runs "$RUNS")

# site DIR CASE N: a one-language site with one report and one section.
site() {
  local dir=$1 case=$2 n=$3
  mkdir -p "$dir/content/2020"
  cat >"$dir/content/site.toml" <<'TOML'
languages = ["sv"]
theme = "default"
name = { sv = "Skalning" }
organisation = { sv = "Skalning" }
description = { sv = "Hur bygget växer med en sektions längd." }
TOML
  cat >"$dir/content/2020/report.toml" <<'TOML'
title = { sv = "Skalning 2020" }
published = 2020-12-31
TOML
  local f="$dir/content/2020/01-lang.sv.md"
  printf '+++\nkind = "strength"\ntitle = "En lång sektion"\n+++\n\n' >"$f"
  case $case in
    bullets) awk -v n="$n" 'BEGIN { for (i = 1; i <= n; i++) printf "- Punkt %d om samverkan mellan vården och kommunen i området\n", i }' >>"$f" ;;
    line) awk -v n="$n" 'BEGIN { s = ""; while (length(s) < n) s = s "samverkan "; print s }' >>"$f" ;;
    footnotes) awk -v n="$n" 'BEGIN { for (i = 1; i <= n; i++) printf "Mening %d med en not[^n%d].\n\n", i, i; for (i = 1; i <= n; i++) printf "[^n%d]: Not nummer %d.\n\n", i, i }' >>"$f" ;;
  esac
}

# measure LABEL CASE N → "median wall ms, mean CPU ms" (hyperfine).
measure() {
  local label=$1 dir=$WORK/$1
  site "$dir" "$2" "$3"
  "$BIN" build --root "$dir" --output "$dir/out" >/dev/null 2>&1 || { echo "the $label site does not build" >&2; exit 1; }
  hyperfine -N --style none --warmup 1 "${run_args[@]}" --export-csv "$WORK/$label.csv" \
    "$BIN build --root $dir --output $dir/out" >/dev/null 2>&1
  awk -F, 'NR == 2 { printf "%.1f %.1f\n", $4 * 1000, ($5 + $6) * 1000 }' "$WORK/$label.csv"
}

read -r base_wall base < <(measure baseline bullets 10)

echo
echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')), load average $(cut -d' ' -f1-3 /proc/loadavg); $("$BIN" --version); output on $BENCH_DIR; $(date -u +%Y-%m-%d)"
echo
echo "| section | size | build, median ms | CPU ms | CPU above baseline, ms | growth exponent k |"
echo "|---|---:|---:|---:|---:|---:|"
echo "| baseline | 10 bullets | $base_wall | $base | – | – |"

# series CASE UNIT SIZE…: one row per size, k against the previous size.
series() {
  local case=$1 unit=$2 prev_n="" prev_t=""
  shift 2
  for n in "$@"; do
    local wall t net k
    read -r wall t < <(measure "$case-$n" "$case" "$n")
    net=$(awk -v t="$t" -v b="$base" 'BEGIN { d = t - b; if (d < 0.1) d = 0.1; printf "%.1f", d }')
    if [ -n "$prev_n" ]; then
      k=$(awk -v a="$prev_t" -v b="$net" -v m="$prev_n" -v n="$n" 'BEGIN { printf "%.2f", log(b / a) / log(n / m) }')
    else
      k="–"
    fi
    echo "| $case | $n $unit | $wall | $t | $net | $k |"
    prev_n=$n prev_t=$net
  done
}

series bullets bullets 250 1000 2000 4000
series line bytes 131072 262144 524288 1048576
series footnotes notes 1000 4000
