#!/usr/bin/env python3
"""Makes the web pages' fonts (themes/default/assets/fonts/NotoSans-*.woff2)
from the PDF writer's TrueType files (themes/default/fonts/NotoSans-*.ttf).

The pages get a smaller subset than the PDF: Latin (Basic, Latin-1, Extended-A,
so Swedish, the Nordic languages and most European names), combining accents
(text pasted from macOS can carry "a" + U+030A instead of "å"), typographic
punctuation (dashes, quotes, bullets, spaces, ‰), the minus sign, €, arrows and
≤ ≥ ≈. A character outside it falls back, glyph by glyph, to the next font of
`--font-body` in base.css. All OpenType layout features are kept (kerning,
ligatures, tabular figures: the charts' tables use `tabular-nums`).

Run once at development time, not at build time: the .woff2 outputs are
committed, so a fresh machine needs neither Python nor fontTools.

    pip install fonttools brotli
    python3 docs/make_woff2.py

The fonts are under the SIL Open Font License 1.1 (themes/default/fonts/OFL.txt,
copied beside the outputs); Noto has no Reserved Font Name, so a subset
keeps its name. See docs/fonts.md.
"""

import pathlib
import shutil

from fontTools import subset

THEME = pathlib.Path(__file__).resolve().parent.parent / "themes" / "default"
HERE = THEME / "fonts"
OUT = THEME / "assets" / "fonts"
STYLES = ["Regular", "Bold", "Italic", "BoldItalic"]
UNICODES = (
    "U+0020-007E,U+00A0-017F,U+0237,U+02BB-02BC,U+02C6-02C7,U+02D8-02DD,"
    "U+0300-036F,U+1E9E,U+2000-206F,U+20AC,U+2116,U+2122,U+2190-2195,"
    "U+2212,U+2248,U+2260,U+2264-2265,U+FFFD"
)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for style in STYLES:
        source = HERE / f"NotoSans-{style}.ttf"
        target = OUT / f"NotoSans-{style}.woff2"
        options = subset.Options()
        options.flavor = "woff2"
        options.layout_features = ["*"]
        options.name_IDs = ["*"]
        options.name_languages = ["*"]
        options.notdef_outline = True
        options.hinting = False
        font = subset.load_font(str(source), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=subset.parse_unicodes(UNICODES))
        subsetter.subset(font)
        # Same input, same bytes: no modification time of today in 'head'.
        font["head"].modified = font["head"].created
        subset.save_font(font, str(target), options)
        print(target.relative_to(THEME.parent.parent), target.stat().st_size, "bytes")
    shutil.copyfile(HERE / "OFL.txt", OUT / "OFL.txt")


if __name__ == "__main__":
    main()
