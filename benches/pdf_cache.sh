#!/usr/bin/env bash
# What the PDF cache (ROOT/.summering-cache/) saves: `summering build` of the
# sample and of a synthetic 1,000-report archive, cold (no cache: every PDF is
# made) and warm (nothing changed since the last build: every PDF comes from
# the cache), each against baseline binaries timed in the same hyperfine run.
# A measurement, not a test: it prints a Markdown table and the issue's goals.
#
#   BASE=/path/to/main/summering benches/pdf_cache.sh
#   BASE=… NOPDF=/path/to/summering-before-pdfs benches/pdf_cache.sh   # also the build without PDFs
#   SIZES="1000" RUNS=5 BIG_RUNS=3 benches/pdf_cache.sh
#   BIN=… GEN=… benches/pdf_cache.sh   # binaries already built: no cargo build
#   BIG_COLD=0 benches/pdf_cache.sh     # the archives warm only (their cold pass is minutes)
#
# BASE is the binary to compare with (say, main's release build); NOPDF, when
# given, a binary from before the PDFs (d1c02ae, the parent of c3e9980), for
# "warm within 10 % of the build without PDFs". Every binary measured for a
# site is timed in the same hyperfine run, and the ratios printed under the
# table are of medians from that run: on a shared machine only those compare.
# With BIG_COLD=0 each binary's archive cache is filled by one untimed build
# and only warm builds are timed. Sites and outputs go to tmpfs (/dev/shm)
# when there is one.
set -euo pipefail

cd "$(dirname "$0")/.."
RUNS=${RUNS:-10}
BIG_RUNS=${BIG_RUNS:-3}
BIG_COLD=${BIG_COLD:-1}
SIZES=${SIZES:-1000}
command -v hyperfine >/dev/null || { echo "pdf_cache.sh needs hyperfine (Debian package hyperfine)" >&2; exit 1; }

# BIN and GEN given: measure those (no build).
if [ -z "${BIN:-}" ] || [ -z "${GEN:-}" ]; then
  echo "building the release binary and the generator …" >&2
  cargo build --release --quiet --bin summering --example synthetic_archive
fi
BIN=${BIN:-$PWD/target/release/summering}
GEN=${GEN:-$PWD/target/release/examples/synthetic_archive}
BASE=${BASE:-}
NOPDF=${NOPDF:-}

BENCH_DIR=${BENCH_DIR:-$( [ -d /dev/shm ] && [ -w /dev/shm ] && echo /dev/shm || echo "${TMPDIR:-/tmp}")}
WORK=$(mktemp -d "$BENCH_DIR/summering-pdf-cache.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# mean_ms CSV NAME → the mean of the named command in hyperfine's CSV export, in ms.
mean_ms() { awk -F, -v n="$2" '$1 == n { printf "%.1f", $2 * 1000 }' "$1"; }
median_ms() { awk -F, -v n="$2" '$1 == n { printf "%.1f", $4 * 1000 }' "$1"; }
cpu_ms() { awk -F, -v n="$2" '$1 == n { printf "%.1f", ($5 + $6) * 1000 }' "$1"; }

# quietly CMD… → runs CMD; its output (the sites' warnings) is shown only if it fails.
quietly() { "$@" >"$WORK/quiet.log" 2>&1 || { cat "$WORK/quiet.log" >&2; return 1; }; }

rows=()
ratios=()
# ratio CSV A B → median of command A ÷ median of command B, from one hyperfine run.
ratio() { awk -F, -v a="$2" -v b="$3" '$1 == a { x = $4 } $1 == b { y = $4 } END { if (x && y) printf "%.2f", x / y }' "$1"; }

# measure LABEL ROOT RUNS COLD → table rows for each binary, warm and (COLD=1) cold.
measure() {
  local label=$1 root=$2 runs=$3 cold=$4
  local out=$WORK/out-$label csv=$WORK/$label.csv
  local names=() prepares=() commands=()
  # Each binary gets a copy of the site, so their caches do not meet.
  for kind in bin base nopdf; do
    local bin
    case $kind in bin) bin=$BIN ;; base) bin=$BASE ;; nopdf) bin=$NOPDF ;; esac
    [ -n "$bin" ] || continue
    local site=$WORK/site-$label-$kind
    # content/ only: the built-in theme is the binary's own.
    rm -rf "$site" && mkdir -p "$site" && cp -r "$root/content" "$site/"
    # Fills the cache: the warm runs find every PDF there.
    quietly "$bin" build --root "$site" --output "$out-$kind"
    names+=(--command-name "$kind-warm")
    prepares+=(--prepare true)
    commands+=("$bin build --root $site --output $out-$kind")
    if [ "$cold" = 1 ]; then
      names+=(--command-name "$kind-cold")
      prepares+=(--prepare "rm -rf $site/.summering-cache")
      commands+=("$bin build --root $site --output $out-$kind")
    fi
  done
  hyperfine -N --style none --warmup 1 --runs "$runs" --export-csv "$csv" \
    "${names[@]}" "${prepares[@]}" "${commands[@]}" >/dev/null
  local pdfs
  pdfs=$(find "$out-bin" -name '*.pdf' | wc -l)
  for kind in bin base nopdf; do
    grep -q "^$kind-warm," "$csv" || continue
    local name
    case $kind in bin) name="this build" ;; base) name="baseline (BASE)" ;; nopdf) name="without PDFs (NOPDF)" ;; esac
    local cold_cell="not timed" warm
    if grep -q "^$kind-cold," "$csv"; then
      cold_cell="$(mean_ms "$csv" "$kind-cold") / $(median_ms "$csv" "$kind-cold") ($(cpu_ms "$csv" "$kind-cold") CPU)"
    fi
    warm="$(mean_ms "$csv" "$kind-warm") / $(median_ms "$csv" "$kind-warm") ($(cpu_ms "$csv" "$kind-warm") CPU)"
    rows+=("| $label | $name | $pdfs | $cold_cell | $warm |")
  done
  [ -n "$BASE" ] && ratios+=("$label, warm: this build ÷ BASE $(ratio "$csv" bin-warm base-warm)")
  [ -n "$NOPDF" ] && ratios+=("$label, warm: this build ÷ NOPDF $(ratio "$csv" bin-warm nopdf-warm)")
  return 0
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
measure sample "$PWD" "$RUNS" 1
for n in $SIZES; do
  "$GEN" --reports "$n" --out "$WORK/gen-$n" >/dev/null
  measure "synthetic-$n" "$WORK/gen-$n" "$BIG_RUNS" "$BIG_COLD"
done

echo
echo "Machine: $(nproc) cores, load average $load_before at the start and $(cut -d' ' -f1-3 /proc/loadavg) at the end; $("$BIN" --version); output on $BENCH_DIR; $(date -u +%Y-%m-%dT%H:%MZ); $RUNS runs (sample), $BIG_RUNS (archives)"
echo
echo "| site | binary | PDFs (this build) | cold: mean / median ms (user+sys) | warm: mean / median ms (user+sys) |"
echo "|---|---|---:|---|---|"
printf '%s\n' "${rows[@]}"
echo
[ ${#ratios[@]} -gt 0 ] && printf -- '- %s\n' "${ratios[@]}"
echo
echo "Goals (issue 14): sample cold ≤ 300 ms with all PDFs; warm within 10 % of the build without PDFs; 1,000 reports warm ≤ 1.2 s."
