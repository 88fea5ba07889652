#!/usr/bin/env bash
# Checks the PowerPoint decks of a built site with readers that are not summering's:
#   python-pptx (PyPI) reads each deck back (tests/pptx/read_back.py): slide count
#   equal to the HTML deck's, 16:9, notes on the same slides, every seed line as text;
#   LibreOffice Impress renders each to PDF with one page per slide, 16:9 pages.
# Built: the sample site and the fixtures that have notes, tables, charts, a logo and pictures,
#   and the brand fixture with the organisation template tests/fixtures/pptx-template/mall.potx,
#   whose decks' slide layouts must all be the template's (by name, read back with python-pptx).
# Usage: tests/pptx/check.sh [SITE_OUTPUT]   (default: builds them into a temp dir)
#        PPTX_PNG=DIR tests/pptx/check.sh     also writes every rendered page as a PNG to DIR
#        SUMMERING_BIN=target/debug/summering tests/pptx/check.sh   builds with that binary (no release build)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

export DEBIAN_FRONTEND=noninteractive
missing=()
command -v soffice >/dev/null || missing+=(libreoffice-impress)
command -v pdfinfo >/dev/null || missing+=(poppler-utils)
python3 -c "import venv, ensurepip" 2>/dev/null || missing+=(python3-venv)
if [[ ${#missing[@]} -gt 0 ]]; then
  apt-get update -q && apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
venv="${PPTX_VENV:-$HOME/.cache/summering/pptx-venv}"
if ! "$venv/bin/python" -c "import pptx" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q python-pptx
fi

sites=()
if [[ -n "${1:-}" ]]; then
  sites=("$1")
else
  bin="${SUMMERING_BIN:-target/release/summering}"
  [[ -n "${SUMMERING_BIN:-}" ]] || cargo build --quiet --release --locked
  # The markdown fixture holds an <img src=x onerror=…> to test sanitising; `build` rightly refuses
  # to publish that broken image, so its decks are built from a copy without that line.
  cp -r tests/fixtures/markdown "$work/markdown"
  sed -i '/<img src=x/d' "$work"/markdown/content/*/*.md
  for root in . tests/fixtures/long-section "$work/markdown" tests/fixtures/charts tests/fixtures/brand tests/fixtures/pictures; do
    name="$(basename "$root")"; [[ "$root" == . ]] && name=sample
    out="$work/site-$name"
    "$bin" build --root "$root" --output "$out" >/dev/null
    sites+=("$out")
  done
  # The brand fixture again, with the organisation's own template.
  cp -r tests/fixtures/brand "$work/template"
  cp tests/fixtures/pptx-template/mall.potx "$work/template/content/"
  sed -i '0,/^logo = /s//pptx_template = "mall.potx"\nlogo = /' "$work/template/content/site.toml"
  "$bin" build --root "$work/template" --output "$work/site-template" >/dev/null
  sites+=("$work/site-template")
fi

# LibreOffice draws with the theme's font, as a machine that has it installed would.
mkdir -p "$work/data/fonts"
cp themes/default/fonts/*.ttf "$work/data/fonts/"
fail=0
for site in "${sites[@]}"; do
  seed=()
  [[ "$site" == */site-sample || -n "${1:-}" ]] && seed=(tests/fixtures/seed-2021.txt)
  "$venv/bin/python" tests/pptx/read_back.py "$site" "${seed[@]}" || fail=1
  if [[ "$site" == */site-template ]]; then
    "$venv/bin/python" - "$site" tests/fixtures/pptx-template/mall.potx <<'PY' || fail=1
import re, sys, zipfile
from pathlib import Path
from pptx import Presentation
# python-pptx opens no .potx: the template's layout names straight from its parts.
with zipfile.ZipFile(sys.argv[2]) as z:
    template = {
        re.search(r'<p:cSld name="([^"]*)"', z.read(n).decode()).group(1)
        for n in z.namelist()
        if re.fullmatch(r"ppt/slideLayouts/slideLayout\d+\.xml", n)
    }
bad = 0
for deck in sorted(Path(sys.argv[1]).rglob("slides.pptx")):
    used = [s.slide_layout.name for s in Presentation(deck).slides]
    if not used or not set(used) <= template:
        print(f"FAIL template: {deck} uses layouts {sorted(set(used) - template)} not in the template")
        bad = 1
    else:
        print(f"ok   template: {deck.relative_to(sys.argv[1])}: layouts {sorted(set(used))}")
sys.exit(bad)
PY
  fi
  while IFS= read -r deck; do
    rel="${deck#"$site"/}"
    name="$(tr / - <<<"${rel%/slides/slides.pptx}")"
    mkdir -p "$work/pdf/$name"
    XDG_DATA_HOME="$work/data" timeout 300 soffice -env:UserInstallation="file://$work/profile" \
      --headless --convert-to pdf --outdir "$work/pdf/$name" "$deck" >/dev/null 2>&1 </dev/null || true
    pdf="$work/pdf/$name/slides.pdf"
    if [[ ! -s "$pdf" ]]; then
      echo "FAIL soffice: $rel was not rendered"; fail=1; continue
    fi
    # The HTML deck's slides (the page is minified: quotes may be left out).
    want="$(grep -Eo '<div class="?deck__item"?[ >]' "$(dirname "$deck")/index.html" | wc -l)"
    info="$(pdfinfo "$pdf")"
    pages="$(awk '/^Pages:/ {print $2}' <<<"$info")"
    [[ "$pages" == "$want" ]] || { echo "FAIL soffice: $rel renders $pages pages, the deck has $want slides"; fail=1; }
    grep -Eq '^Page size: *960(\.[0-9]+)? x 540' <<<"$info" || { echo "FAIL soffice: $rel pages are not 16:9: $(grep '^Page size' <<<"$info")"; fail=1; }
    if [[ -n "${PPTX_PNG:-}" ]]; then
      mkdir -p "$PPTX_PNG" && pdftoppm -png -r 40 "$pdf" "$PPTX_PNG/$(basename "$site")-$name"
    fi
    echo "ok   $rel: LibreOffice Impress renders $pages pages, 16:9"
  done < <(find "$site" -name slides.pptx | sort)
done
exit "$fail"
