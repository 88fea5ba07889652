#!/usr/bin/env bash
# Runs every browser/validator gate on the built site and prints one summary line per gate, then
# "N passed, N failed" (", N skipped" when a gate had nothing to check). Exits non-zero if any failed.
#   bash tests/browser/run-all.sh                  build the site with cargo into a temp folder, check it
#   SITE_DIR=path bash tests/browser/run-all.sh    check an existing folder, no build
#   GATES="links axe" ...                          run only some gates
#   KEEP_SITE=1 ...                                keep the temp build; SLIDES_PNG_DIR=... where slide PNGs go
# Gates: links, validate-html, axe, portability, print-slides, deck-views, slide-fit (see the header of each .mjs).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$here"

if [[ ! -d node_modules ]]; then
  echo "== npm ci (tests/browser)"
  # --ignore-scripts: vnu-jar's postinstall would download a JDK; the machine's Java is used instead.
  npm ci --ignore-scripts --no-audit --no-fund
fi

passed=0 failed=0 skipped=0
summary=()

if [[ -n "${SITE_DIR:-}" ]]; then
  site="$(cd "$SITE_DIR" && pwd)"
else
  tmp="$(mktemp -d "${TMPDIR:-/tmp}/summering-site.XXXXXX")"
  [[ -n "${KEEP_SITE:-}" ]] || trap 'rm -rf "$tmp"' EXIT
  site="$tmp/site"
  echo "== build: cargo run --quiet -- build --root $repo --output $site"
  start=$SECONDS
  if (cd "$repo" && cargo run --quiet -- build --root "$repo" --output "$site"); then
    summary+=("PASS  build ($((SECONDS - start))s)"); passed=$((passed + 1))
  else
    echo "FAIL: the build exited non-zero; no gate can run"
    echo "== summary"; echo "FAIL  build"
    echo "0 passed, 1 failed"
    exit 1
  fi
fi
echo "== site: $site"

for gate in ${GATES:-links validate-html axe portability print-slides deck-views slide-fit}; do
  echo
  echo "== gate: $gate"
  start=$SECONDS
  set +e
  timeout --kill-after=10 900 node "$gate.mjs" "$site"
  rc=$?
  set -e
  took="$((SECONDS - start))s"
  if [[ $rc -eq 0 ]]; then
    summary+=("PASS  $gate ($took)"); passed=$((passed + 1))
  elif [[ $rc -eq 77 ]]; then
    summary+=("SKIP  $gate (nothing to check)"); skipped=$((skipped + 1))
  else
    summary+=("FAIL  $gate (exit $rc, $took)"); failed=$((failed + 1))
  fi
done

echo
echo "== summary"
printf '%s\n' "${summary[@]}"
if [[ $skipped -gt 0 ]]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
[[ $failed -eq 0 ]]
