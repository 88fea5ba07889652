//! Speaker notes as notes slides: the slide's picture above, the notes'
//! paragraphs (with their lists' outline levels) in the notes placeholder,
//! which is where PowerPoint's presenter view and python-pptx's
//! `notes_text_frame` read them.

use super::body::Block;
use super::masters::{A, NOTES_BODY, P, R, notes_image, tree_start};
use super::package::Rels;
use super::shapes::{BodyLook, Frame, Ids, Ph, text_shape};
use super::xml::{self, Xml};

/// Notes type size, design px (12 pt).
const NOTES_SIZE: f32 = 16.0;

/// The notes slide part; links are added to `rels`.
pub(super) fn notes_slide(
    blocks: &[Block],
    look: BodyLook<'_>,
    rels: &mut Rels,
) -> std::io::Result<Vec<u8>> {
    let look = BodyLook {
        size: NOTES_SIZE,
        ..look
    };
    xml::part(|w| {
        xml::el(
            w,
            "p:notes",
            &[("xmlns:a", A), ("xmlns:r", R), ("xmlns:p", P)],
            |w| {
                xml::el(w, "p:cSld", &[], |w| {
                    xml::el(w, "p:spTree", &[], |w| {
                        tree_start(w)?;
                        let mut ids = Ids::default();
                        notes_image(w, &mut ids, None)?;
                        let frame = Frame {
                            name: "Notes",
                            ph: Some(Ph("body", Some("1"))),
                            rect: Some(NOTES_BODY),
                            anchor: "t",
                            autofit: true,
                        };
                        text_shape(w, &mut ids, frame, |w| write(w, blocks, look, rels))
                    })
                })?;
                xml::el(w, "p:clrMapOvr", &[], |w| {
                    xml::empty(w, "a:masterClrMapping", &[])
                })
            },
        )
    })
}

/// Notes are one text frame: a table in them becomes a paragraph a row, cells
/// separated by tabs; a picture, which a text frame cannot hold, is left to
/// the HTML deck's notes.
fn write(w: &mut Xml, blocks: &[Block], look: BodyLook<'_>, rels: &mut Rels) -> xml::Res {
    for block in blocks {
        match block {
            Block::Text(paras) => super::slides::write_paras(w, paras, look, rels)?,
            Block::Table(t) => {
                for row in &t.rows {
                    let mut runs = Vec::new();
                    for (i, cell) in row.iter().enumerate() {
                        if i > 0 {
                            runs.push(super::body::Run {
                                text: "\t".into(),
                                ..Default::default()
                            });
                        }
                        runs.extend(cell.iter().cloned());
                    }
                    let para = super::body::Para {
                        level: 0,
                        in_list: false,
                        bullet: super::body::Bullet::None,
                        style: super::body::Style::Normal,
                        quote: false,
                        runs,
                    };
                    super::shapes::body_para(w, &para, look, rels)?;
                }
            }
            Block::Picture(_) => {}
        }
    }
    Ok(())
}
