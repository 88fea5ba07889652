#!/usr/bin/env bash
# Fault injection for the output folder and for `content/YEAR`: kills, crashes at
# every rename and unlink, a full disk, a mount point. Checks the promise
# "output/ exists and is either the complete old build or the complete new one"
# (and the same for content/YEAR under `import --force`) after each fault.
#
#   tests/faults.sh            # uses target/debug/summering (built if missing)
#   BIN=target/release/summering tests/faults.sh
#
# Needs strace (Debian package strace); the tmpfs and bind-mount parts need root
# and are skipped, saying so, without it. Bounded: a few hundred short builds of a
# small fixture site, about a minute on two cores. Runs from .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v strace >/dev/null || { echo "faults.sh needs strace (apt-get install strace)" >&2; exit 1; }
if [[ -z ${BIN:-} ]]; then
  cargo build --quiet --bin summering
  BIN=$PWD/target/debug/summering
fi
BIN=$(realpath "$BIN")
FIXTURES=$PWD/tests/fixtures
WORK=$(mktemp -d)
cleanup() {
  for m in "$WORK"/mnt/*; do mountpoint -q "$m" 2>/dev/null && umount "$m"; done
  rm -rf "$WORK"
}
trap cleanup EXIT
cd "$WORK"
failures=0
checks=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# Two versions of one site: A is the fixture, B has one sentence changed.
cp -r "$FIXTURES/two-years" site-a
cp -r "$FIXTURES/two-years" site-b
printf '\nEtt tillägg i version B.\n' >> site-b/content/2021/01-styrka.sv.md
"$BIN" build --root site-a --output ref-a >/dev/null
"$BIN" build --root site-b --output ref-b >/dev/null
cmp -s ref-a/sv/2021/index.html ref-b/sv/2021/index.html && { echo "faults.sh: A and B build alike" >&2; exit 1; }

use_site() { rm -rf site && cp -r "site-$1" site; }

# The invariant after any fault: OUT is a complete copy of REF-A or of REF-B.
complete() { # complete OUT REF-A REF-B WHAT
  checks=$((checks + 1))
  if [[ ! -d $1 ]]; then fail "$4: $1 is missing"; return; fi
  diff -rq "$1" "$2" >/dev/null 2>&1 || diff -rq "$1" "$3" >/dev/null 2>&1 ||
    fail "$4: $1 is neither the old nor the new version: $(diff -rq "$1" "$2" 2>&1 | head -n 3)"
}

# Kill the build at the entry of its K-th call of SYSCALLS (strace delivers SIGKILL
# there), for every K until a build gets through; the site alternates between A and
# B so that every kill lands between an old build and a different new one.
kill_at_each() { # kill_at_each SYSCALLS
  local k=1 v=b
  while [[ $k -le 40 ]]; do
    use_site $v
    if (strace -f -qq -o /dev/null -e trace="$1" -e inject="$1":signal=KILL:when=$k \
      "$BIN" build --root site --output out; exit $?) >/dev/null 2>&1; then
      complete out ref-a ref-b "build, no kill at $1 #$k"
      break
    fi
    complete out ref-a ref-b "build killed at $1 #$k"
    k=$((k + 1))
    [[ $v == a ]] && v=b || v=a
  done
}

echo "== kill -9 of build at each rename, exchange, unlink and link"
use_site a && "$BIN" build --root site --output out >/dev/null
kill_at_each rename,renameat,renameat2
kill_at_each unlink,unlinkat,rmdir
# A warm build hard-links the cached PDFs and decks into its staging folder.
kill_at_each link,linkat

echo "== kill -9 of build at random moments"
for i in $(seq 1 30); do
  [[ $((i % 2)) == 0 ]] && use_site a || use_site b
  "$BIN" build --root site --output out >/dev/null 2>&1 &
  pid=$!
  sleep "0.0$((RANDOM % 10))$((RANDOM % 10))"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  complete out ref-a ref-b "build killed at random (round $i)"
done

echo "== the next build removes what the killed ones left"
# One more kill, at the first unlink: after the swap, removing the previous build.
use_site b
(strace -f -qq -o /dev/null -e trace=unlink,unlinkat -e inject=unlink,unlinkat:signal=KILL:when=1 \
  "$BIN" build --root site --output out; exit $?) >/dev/null 2>&1 || true
left=$(find . -maxdepth 1 -name '.out.*-*' | wc -l)
[[ $left -gt 0 ]] || fail "the kills left nothing to clean up (the test would prove nothing)"
use_site a && "$BIN" build --root site --output out >/dev/null
checks=$((checks + 1))
left=$(find . -maxdepth 1 -name '.out.*' | wc -l)
[[ $left -eq 0 ]] || fail "leftovers after a build: $(find . -maxdepth 1 -name '.out.*' | head -n 3)"
complete out ref-a ref-a "the build after the kills"

echo "== Ctrl-C (SIGINT) and SIGTERM at random moments: clean exit, nothing left, true message"
prev=a
use_site a && "$BIN" build --root site --output out >/dev/null
for i in $(seq 1 24); do
  v=$([[ $((i % 2)) == 0 ]] && echo a || echo b)
  sig=$([[ $((i % 3)) == 0 ]] && echo INT || echo TERM)
  use_site $v
  "$BIN" build --root site --output out >/dev/null 2>stderr.txt &
  pid=$!
  sleep "0.0$((RANDOM % 10))$((RANDOM % 10))"
  kill -s $sig "$pid" 2>/dev/null || true
  rc=0; wait "$pid" || rc=$?
  complete out ref-a ref-b "build stopped by SIG$sig (round $i, exit $rc)"
  checks=$((checks + 1))
  left=$(find . -maxdepth 1 -name '.out.*' | wc -l)
  [[ $left -eq 0 ]] || fail "SIG$sig (round $i, exit $rc) left $(find . -maxdepth 1 -name '.out.*' | head -n 3)"
  case $rc in
    0) prev=$v ;;
    130) if grep -q "nothing in the output folder was changed" stderr.txt; then
           diff -rq out "ref-$prev" >/dev/null || fail "SIG$sig (round $i) said nothing changed, but out changed"
         else
           prev=$v
         fi ;;
    143) ;; # before the handler was installed, so before anything was staged
    *) fail "SIG$sig (round $i): exit code $rc" ;;
  esac
done

echo "== kill -9 of import --force at each rename, exchange and unlink"
cp -r "$FIXTURES/minimal" isite
sed 's/Viljan att samverka är god/Viljan att samverka är mycket god/' "$FIXTURES/seed-2021.txt" > deck-b.txt
cp "$FIXTURES/seed-2021.txt" deck-a.txt
import() { "$BIN" import "deck-$1.txt" --year 2021 --lang sv --root isite --force >/dev/null 2>&1; }
import b && cp -r isite/content/2021 year-b
import a && cp -r isite/content/2021 year-a
for calls in rename,renameat,renameat2 unlink,unlinkat,rmdir; do
  for k in 1 2 3 4 5 6; do
    v=$([[ $((k % 2)) == 0 ]] && echo a || echo b)
    (strace -f -qq -o /dev/null -e trace=$calls -e inject=$calls:signal=KILL:when=$k \
      "$BIN" import "deck-$v.txt" --year 2021 --lang sv --root isite --force; exit $?) >/dev/null 2>&1 || true
    complete isite/content/2021 year-a year-b "import --force killed at $calls #$k"
  done
done
import a
checks=$((checks + 1))
left=$(find isite/content -maxdepth 1 -name '.2021.*' | wc -l)
[[ $left -eq 0 ]] || fail "leftovers after an import: $(find isite/content -maxdepth 1 -name '.2021.*' | head -n 3)"

# The small disk holds two builds of the fixture side by side (about 660 KB each
# with the web fonts), so that the build after the filler is removed fits.
if [[ $(id -u) == 0 ]] && mkdir -p mnt/small mnt/mp mnt/bind-src mnt/bind && mount -t tmpfs -o size=2400k tmpfs mnt/small 2>/dev/null; then
  echo "== a full disk: one message, output unchanged, nothing left"
  use_site a && "$BIN" build --root site --output mnt/small/out >/dev/null
  # Fill the disk but for a few KB, less than a build needs.
  dd if=/dev/zero of=mnt/small/filler bs=4k 2>/dev/null || true
  rm -f mnt/small/filler && avail=$(df -k --output=avail mnt/small | tail -n1)
  dd if=/dev/zero of=mnt/small/filler bs=1k count=$((avail - 24)) 2>/dev/null
  use_site b
  rc=0; "$BIN" build --root site --output mnt/small/out >/dev/null 2>stderr.txt || rc=$?
  checks=$((checks + 1))
  [[ $rc == 1 ]] || fail "full disk: exit code $rc"
  n=$(grep -c "the disk is full" stderr.txt || true)
  [[ $n == 1 ]] || fail "full disk: $n messages about it, $(wc -l < stderr.txt) lines: $(head -c 300 stderr.txt)"
  grep -q "\.out\.new" stderr.txt && fail "full disk: the message names the hidden staging folder"
  complete mnt/small/out ref-a ref-a "full disk"
  [[ $(find mnt/small -maxdepth 1 -name '.out.*' | wc -l) == 0 ]] || fail "full disk: staging left behind"
  rm -f mnt/small/filler
  "$BIN" build --root site --output mnt/small/out >/dev/null
  complete mnt/small/out ref-b ref-b "the build after the disk was freed"
  umount mnt/small

  echo "== a mount point as the output folder: refused, with a message about mount points"
  mount -t tmpfs -o size=1m tmpfs mnt/mp
  echo "not ours" > mnt/bind-src/keep.txt
  mount --bind mnt/bind-src mnt/bind
  for target in mnt/mp mnt/bind; do
    before=$(ls -A "$target")
    rc=0; "$BIN" build --root site --output "$target" >/dev/null 2>stderr.txt || rc=$?
    checks=$((checks + 1))
    [[ $rc == 1 ]] || fail "mount point $target: exit code $rc"
    # (The bind mount holds someone's file, which is what it is refused for.)
    [[ $target == mnt/bind ]] || grep -q "mount point" stderr.txt ||
      fail "mount point $target: no word of mount points: $(head -c 300 stderr.txt)"
    [[ $(ls -A "$target") == "$before" ]] || fail "mount point $target was changed"
  done
  # A bind mount of a folder summering built (same file system, so only the rename sees it).
  rm -f mnt/bind-src/keep.txt
  umount mnt/bind && "$BIN" build --root site --output mnt/bind-src >/dev/null && mount --bind mnt/bind-src mnt/bind
  rc=0; "$BIN" build --root site --output mnt/bind >/dev/null 2>stderr.txt || rc=$?
  checks=$((checks + 1))
  grep -q "mount point" stderr.txt || fail "bind mount of a build: no word of mount points (exit $rc): $(head -c 300 stderr.txt)"
  complete mnt/bind ref-b ref-b "bind mount of a build"
  umount mnt/bind; umount mnt/mp
else
  echo "== skipped: full disk and mount points (need root to mount a small tmpfs)"
fi

echo "faults.sh: $checks checks"
echo "$((checks - failures)) passed, $failures failed"
[[ $failures -eq 0 ]]
