//! The package's DrawingML theme (`ppt/theme/theme1.xml`): the colour scheme
//! from the site theme's tokens and the font scheme naming the font the theme
//! ships.
//!
//! The font is not embedded (PowerPoint's embedded fonts are an obfuscated
//! format of their own); it is named with its PANOSE number and as a
//! variable-pitch sans-serif (`pitchFamily="34"`), which is how a reader
//! without Noto Sans picks its nearest sans-serif (Arial, Liberation Sans)
//! instead of a serif default.

use super::palette::{Palette, hex};
use super::xml::{self, Res, Xml};

/// The theme's font family (`themes/default/fonts/NotoSans-*.ttf`).
pub(super) const FONT: &str = "Noto Sans";
/// Noto Sans's PANOSE classification (sans-serif, normal weight).
const PANOSE: &str = "020B0502040504020204";
/// The monospace font for code, with the same fallback habit.
pub(super) const MONO: &str = "Courier New";

const A: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";

/// The theme part.
pub(super) fn theme(p: &Palette, name: &str) -> std::io::Result<Vec<u8>> {
    xml::part(|w| {
        xml::el(w, "a:theme", &[("xmlns:a", A), ("name", name)], |w| {
            xml::el(w, "a:themeElements", &[], |w| {
                colours(w, p)?;
                fonts(w)?;
                formats(w)
            })?;
            xml::empty(w, "a:objectDefaults", &[])?;
            xml::empty(w, "a:extraClrSchemeLst", &[])
        })
    })
}

fn colours(w: &mut Xml, p: &Palette) -> Res {
    let series = |i: usize| p.series.get(i).copied().unwrap_or(p.accent);
    let slots = [
        ("a:dk1", p.text),
        ("a:lt1", p.bg),
        ("a:dk2", p.accent_strong),
        ("a:lt2", p.surface),
        ("a:accent1", series(0)),
        ("a:accent2", series(1)),
        ("a:accent3", series(2)),
        ("a:accent4", series(3)),
        ("a:accent5", series(4)),
        ("a:accent6", series(5)),
        ("a:hlink", p.accent),
        ("a:folHlink", p.accent_strong),
    ];
    xml::el(w, "a:clrScheme", &[("name", "summering")], |w| {
        for (slot, colour) in slots {
            xml::el(w, slot, &[], |w| {
                xml::empty(w, "a:srgbClr", &[("val", &hex(colour))])
            })?;
        }
        Ok(())
    })
}

/// `<a:latin>` naming the theme's font with its fallback hints.
pub(super) fn latin(w: &mut Xml, tag: &str) -> Res {
    xml::empty(
        w,
        tag,
        &[
            ("typeface", FONT),
            ("panose", PANOSE),
            ("pitchFamily", "34"),
            ("charset", "0"),
        ],
    )
}

fn fonts(w: &mut Xml) -> Res {
    xml::el(w, "a:fontScheme", &[("name", FONT)], |w| {
        for group in ["a:majorFont", "a:minorFont"] {
            xml::el(w, group, &[], |w| {
                latin(w, "a:latin")?;
                xml::empty(w, "a:ea", &[("typeface", "")])?;
                xml::empty(w, "a:cs", &[("typeface", "")])
            })?;
        }
        Ok(())
    })
}

/// The format scheme: three of each list, as the schema requires; plain fills
/// and lines (the slides set their own).
fn formats(w: &mut Xml) -> Res {
    let solid = |w: &mut Xml| {
        xml::el(w, "a:solidFill", &[], |w| {
            xml::empty(w, "a:schemeClr", &[("val", "phClr")])
        })
    };
    xml::el(w, "a:fmtScheme", &[("name", "summering")], |w| {
        xml::el(w, "a:fillStyleLst", &[], |w| {
            (0..3).try_for_each(|_| solid(w))
        })?;
        xml::el(w, "a:lnStyleLst", &[], |w| {
            for width in ["9525", "19050", "28575"] {
                xml::el(
                    w,
                    "a:ln",
                    &[
                        ("w", width),
                        ("cap", "flat"),
                        ("cmpd", "sng"),
                        ("algn", "ctr"),
                    ],
                    |w| {
                        solid(w)?;
                        xml::empty(w, "a:prstDash", &[("val", "solid")])
                    },
                )?;
            }
            Ok(())
        })?;
        xml::el(w, "a:effectStyleLst", &[], |w| {
            (0..3).try_for_each(|_| {
                xml::el(w, "a:effectStyle", &[], |w| {
                    xml::empty(w, "a:effectLst", &[])
                })
            })
        })?;
        xml::el(w, "a:bgFillStyleLst", &[], |w| {
            (0..3).try_for_each(|_| solid(w))
        })
    })
}
