#!/usr/bin/env bash
# Checks every PDF of a built site with tools that are not summering's own:
#   qpdf --check (syntax, streams), pdffonts (every font embedded),
#   pdfinfo (tagged, page sizes: A4 reports, 16:9 decks with a page per slide
#   of the HTML deck), pdftotext (the seed's lines in the Swedish report),
#   pikepdf (the XMP claims PDF/A-2a and PDF/UA-1, /Lang, StructTreeRoot,
#   DisplayDocTitle, Outlines, a Figure with /Alt).
# veraPDF, the reference PDF/A validator, is a Java app from Maven Central, which
# these machines cannot reach; krilla checks both standards as it writes.
# Usage: tests/pdf/check.sh [SITE_OUTPUT]   (default: builds the sample into a temp dir)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

export DEBIAN_FRONTEND=noninteractive
missing=()
command -v qpdf >/dev/null || missing+=(qpdf)
{ command -v pdffonts && command -v pdftotext && command -v pdfinfo; } >/dev/null || missing+=(poppler-utils)
if [[ ${#missing[@]} -gt 0 ]]; then
  apt-get update -q && apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null
fi
python3 -c "import pikepdf" 2>/dev/null || pip install -q pikepdf 2>/dev/null || pip install -q --break-system-packages pikepdf

out="${1:-}"
if [[ -z "$out" ]]; then
  out="$(mktemp -d)/site"
  cargo run --quiet --release -- build --root . --output "$out"
fi

mapfile -t pdfs < <(find "$out" -name '*.pdf' | sort)
[[ ${#pdfs[@]} -gt 0 ]] || { echo "no PDFs under $out" >&2; exit 1; }
fail=0
for pdf in "${pdfs[@]}"; do
  rel="${pdf#"$out"/}"
  lang="${rel%%/*}"
  qpdf --check "$pdf" >/dev/null || { echo "FAIL qpdf --check: $rel"; fail=1; }
  if pdffonts "$pdf" 2>/dev/null | awk 'NR > 2 && $(NF-4) != "yes" { bad = 1 } END { exit bad }'; then :; else
    echo "FAIL pdffonts: a font is not embedded in $rel"; fail=1
  fi
  info="$(pdfinfo "$pdf" 2>/dev/null)"
  grep -q '^Tagged: *yes' <<<"$info" || { echo "FAIL pdfinfo: $rel is not tagged"; fail=1; }
  case "$rel" in
    */report.pdf) want='595.28 x 841.89 pts \(A4\)' ;;
    */slides/slides.pdf) want='720 x 405 pts' ;;
    *) want='' ;;
  esac
  if [[ -n "$want" ]] && ! grep -Eq "^Page size: *$want" <<<"$info"; then
    echo "FAIL pdfinfo: $rel page size: $(grep '^Page size' <<<"$info")"; fail=1
  fi
  python3 - "$pdf" "$lang" <<'PY' || fail=1
import sys, pikepdf
path, lang = sys.argv[1], sys.argv[2]
pdf = pikepdf.open(path)
root = pdf.Root
problems = []
meta = pdf.open_metadata()
for key, want in [("pdfaid:part", "2"), ("pdfaid:conformance", "A"), ("pdfuaid:part", "1")]:
    if str(meta.get(key)) != want:
        problems.append(f"XMP {key} = {meta.get(key)!r}, want {want}")
if str(root.get("/Lang")) != lang:
    problems.append(f"/Lang = {root.get('/Lang')}, want {lang}")
if "/StructTreeRoot" not in root:
    problems.append("no StructTreeRoot")
if not root.get("/ViewerPreferences", {}).get("/DisplayDocTitle", False):
    problems.append("DisplayDocTitle is not set")
if "/Outlines" not in root:
    problems.append("no outline")
if not str(pdf.docinfo.get("/Title", "")):
    problems.append("no title")
roles, alts = [], []
def walk(node):
    if isinstance(node, pikepdf.Array):
        for n in node:
            walk(n)
    elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
        roles.append(str(node.S))
        if str(node.S) == "/Figure":
            alts.append(str(node.get("/Alt", "")))
        if "/K" in node:
            walk(node.K)
walk(root.StructTreeRoot.get("/K"))
for role in ["/H1", "/H2", "/P", "/L", "/LI"]:
    if role not in roles:
        problems.append(f"no {role} in the structure tree")
if any(not a for a in alts):
    problems.append("a Figure without /Alt")
if problems:
    print(f"FAIL pikepdf {path}: " + "; ".join(problems))
    sys.exit(1)
PY
  # A deck has a page per slide of its HTML deck (each slide is one labelled group there).
  if [[ "$rel" == */slides/slides.pdf && -f "$(dirname "$pdf")/index.html" ]]; then
    slides="$(grep -o 'aria-roledescription=' "$(dirname "$pdf")/index.html" | wc -l)"
    pages="$(awk '/^Pages:/ { print $2 }' <<<"$info")"
    [[ "$slides" == "$pages" ]] || { echo "FAIL $rel: $pages pages for $slides slides of the HTML deck"; fail=1; }
  fi
  echo "ok   $rel ($(grep '^Pages' <<<"$info" | tr -s ' '))"
done

# The seed's lines are in the Swedish report's text, in reading order within a line.
sv="$(find "$out/sv" -name report.pdf | sort | tail -n1)"
if [[ -n "$sv" && -f tests/fixtures/seed-2021.txt && "$sv" == */2021/report.pdf ]]; then
  text="$(pdftotext -layout "$sv" - | tr -s ' \n' '  ')"
  while IFS= read -r line; do
    line="$(sed -e 's/^ *- *//' -e 's/ *$//' -e 's/arbetsätt/arbetssätt/' <<<"$line")"
    [[ -z "$line" ]] && continue
    if ! grep -Fq -- "$line" <<<"$text"; then
      for word in $line; do
        grep -Fq -- "$word" <<<"$text" || { echo "FAIL pdftotext: seed line missing: $line"; fail=1; break; }
      done
    fi
  done < tests/fixtures/seed-2021.txt
  echo "ok   seed lines in $(basename "$(dirname "$sv")")/report.pdf (pdftotext)"
fi
exit "$fail"
