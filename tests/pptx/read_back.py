"""Reads a built site's PowerPoint decks back with python-pptx, a reader that is
not summering's, and compares each with its HTML deck: slide count, 16:9,
speaker notes on the same slides, the logo as a picture on the same slides, the
slide's pictures as picture shapes with the HTML's alternative text (or marked
decorative where the HTML's is empty), inside the slide and in a format every
reader draws, and (for the Swedish 2021 deck of the sample) every line of the
seed deck as text.

Usage: read_back.py SITE_OUTPUT [SEED_FILE]   (give the seed only for the sample site)
"""
import html
import re
import sys
from pathlib import Path

from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Emu

site = Path(sys.argv[1])
seed = Path(sys.argv[2]) if len(sys.argv) > 2 else None
decks = sorted(site.glob("*/*/slides/slides.pptx"))
if not decks:
    print(f"FAIL no slides.pptx under {site}")
    sys.exit(1)
fail = False


def norm(text):
    return " ".join(text.replace("\u00a0", " ").split())


DECORATIVE = "{http://schemas.microsoft.com/office/drawing/2017/decorative}decorative"
ALT = re.compile(r"""\salt(?:=(?:"([^"]*)"|'([^']*)'|([^\s>"']*)))?""")


def html_pictures(item):
    """The alternative texts of the pictures a slide's HTML shows (not in its notes,
    not in a table, where the PowerPoint table holds the text)."""
    body = re.split(r'<details class="?slide-notes"?[ >]', item, maxsplit=1)[0]
    body = re.sub(r"<table\b.*?</table>", "", body, flags=re.S)
    alts = []
    for tag in re.findall(r"<img\b[^>]*>", body):
        if "slide__logo" in tag or "slide__footer-logo" in tag:
            continue
        m = ALT.search(tag)
        alts.append(html.unescape(next((g for g in m.groups() if g is not None), "")) if m else "")
    return alts


for path in decks:
    rel = path.relative_to(site)
    problems = []
    prs = Presentation(str(path))
    if (prs.slide_width, prs.slide_height) != (Emu(12192000), Emu(6858000)):
        problems.append(f"slide size {prs.slide_width} x {prs.slide_height}, want 12192000 x 6858000 (16:9)")
    page = (path.parent / "index.html").read_text(encoding="utf-8")
    # The pages are minified: attribute quotes may be left out.
    html_slides = re.split(r'<div class="?deck__item"?[ >]', page)[1:]
    if len(prs.slides) != len(html_slides):
        problems.append(f"{len(prs.slides)} slides, the HTML deck has {len(html_slides)}")
    texts = []
    for i, slide in enumerate(prs.slides):
        parts = []
        for shape in slide.shapes:
            if shape.has_text_frame:
                parts.append(shape.text_frame.text)
            if shape.has_table:
                parts.extend(c.text for r in shape.table.rows for c in r.cells)
            if shape.has_chart:
                chart = shape.chart
                parts.extend(str(c) for c in chart.plots[0].categories)
        text = norm(" ".join(parts))
        texts.append(text)
        item = html_slides[i] if i < len(html_slides) else ""
        has_html_notes = re.search(r'<details class="?slide-notes"?[ >]', item) is not None
        notes = norm(slide.notes_slide.notes_text_frame.text) if slide.has_notes_slide else ""
        if has_html_notes != bool(notes):
            problems.append(f"slide {i + 1}: notes {'missing' if has_html_notes else 'unexpected'}")
        if has_html_notes:
            body = re.split(r'class="?slide-notes__body"?[^>]*>', item, maxsplit=1)[1].split("</details>", 1)[0]
            words = norm(html.unescape(re.sub(r"<[^>]+>", " ", body)))
            for word in words.split()[:40]:
                if word.strip(".,:;()") and word.strip(".,:;()") not in notes:
                    problems.append(f"slide {i + 1}: notes lack {word!r}")
                    break
        # The logo: a picture wherever the HTML slide shows it, with its image and alternative text.
        html_logo = re.search(r'class="?slide__(?:footer-)?logo"?', item) is not None
        pictures = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE and s.name == "Logo"]
        if html_logo != bool(pictures):
            problems.append(f"slide {i + 1}: logo {'missing' if html_logo else 'unexpected'}")
        for pic in pictures:
            if pic.image.content_type != "image/png" or not pic.image.blob:
                problems.append(f"slide {i + 1}: the logo's picture is {pic.image.content_type}, want a PNG")
            descr = pic._element.nvPicPr.cNvPr.get("descr")
            if not descr:
                problems.append(f"slide {i + 1}: the logo has no alternative text")
        # The slide's pictures: as many, in order, each with the HTML's alternative text.
        want = html_pictures(item)
        got = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE and s.name != "Logo"]
        if len(want) != len(got):
            problems.append(f"slide {i + 1}: {len(got)} pictures, the HTML slide has {len(want)}")
        for alt, pic in zip(want, got):
            c_nv_pr = pic._element.nvPicPr.cNvPr
            descr = c_nv_pr.get("descr")
            decorative = any(el.get("val") == "1" for el in c_nv_pr.iter(DECORATIVE))
            if alt and (norm(descr or "") != norm(alt) or decorative):
                problems.append(f"slide {i + 1}: picture {pic.name!r} has descr {descr!r}, want {alt!r}")
            if not alt and (descr or not decorative):
                problems.append(f"slide {i + 1}: picture {pic.name!r} should be marked decorative, without descr")
            if pic.image.content_type not in ("image/png", "image/jpeg") or not pic.image.blob:
                problems.append(f"slide {i + 1}: picture {pic.name!r} is {pic.image.content_type}")
            if pic.left < 0 or pic.top < 0 or pic.left + pic.width > prs.slide_width or pic.top + pic.height > prs.slide_height:
                problems.append(f"slide {i + 1}: picture {pic.name!r} reaches outside the slide")
        # The HTML slide's heading is the PowerPoint slide's text too.
        m = re.search(r'<h[12] class="?slide__(?:deck-)?title"?[^>]*>(.*?)</h[12]>', item, re.S)
        if m:
            want = norm(html.unescape(re.sub(r"<[^>]+>", "", m.group(1))))
            if want not in text:
                problems.append(f"slide {i + 1}: title {want!r} not found in {text[:80]!r}")
        if not text:
            problems.append(f"slide {i + 1}: no text")
    if seed and str(rel).startswith("sv/2021/"):
        alltext = " ".join(texts)
        missing = 0
        for line in seed.read_text(encoding="utf-8").splitlines():
            line = re.sub(r"^ *- *", "", line).strip().replace("arbetsätt", "arbetssätt")
            if line and norm(line) not in alltext:
                problems.append(f"seed line missing: {line!r}")
                missing += 1
        if not missing:
            print(f"ok   every seed line is text in {rel}")
    if problems:
        fail = True
        for p in problems:
            print(f"FAIL {rel}: {p}")
    else:
        notes = sum(1 for s in prs.slides if s.has_notes_slide)
        pics = sum(1 for s in prs.slides for p in s.shapes if p.shape_type == MSO_SHAPE_TYPE.PICTURE and p.name != "Logo")
        print(f"ok   {rel}: {len(prs.slides)} slides (as the HTML deck), 16:9, {notes} with notes, {pics} pictures")
sys.exit(1 if fail else 0)
