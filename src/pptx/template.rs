//! The organisation's own template ([`PptxTemplate`]) in a deck: its masters,
//! layouts, themes and media go into the package unchanged instead of the
//! built-in master, and each kind of slide takes the template layout that
//! fits it best.

use std::borrow::Cow;

use crate::model::{PptxTemplate, TemplateLayout};

use super::masters::Layout;
use super::package::Package;

/// Content type of a theme part.
pub(super) const THEME: &str = "application/vnd.openxmlformats-officedocument.theme+xml";

/// The layout types and names (Swedish and English, as PowerPoint names them)
/// that suit `l`, best first.
fn wanted(l: Layout) -> (&'static [&'static str], &'static [&'static str]) {
    match l {
        Layout::Title => (&["title"], &["Rubrikbild", "Title Slide"]),
        Layout::Section => (
            &["obj", "tx"],
            &["Rubrik och innehåll", "Title and Content"],
        ),
        Layout::Chart => (
            &["titleOnly", "obj"],
            &[
                "Endast rubrik",
                "Title Only",
                "Rubrik och innehåll",
                "Title and Content",
            ],
        ),
        Layout::Closing => (
            &["secHead", "title"],
            &[
                "Avsnittsrubrik",
                "Section Header",
                "Rubrikbild",
                "Title Slide",
            ],
        ),
    }
}

/// The template layout slides of kind `l` use: by layout type first, then by
/// name, else the template's first layout.
pub(super) fn layout_for(t: &PptxTemplate, l: Layout) -> &TemplateLayout {
    let (kinds, names) = wanted(l);
    kinds
        .iter()
        .find_map(|k| t.layouts.iter().find(|x| x.kind.as_deref() == Some(*k)))
        .or_else(|| {
            names
                .iter()
                .find_map(|n| t.layouts.iter().find(|x| x.name.eq_ignore_ascii_case(n)))
        })
        .unwrap_or(&t.layouts[0])
}

/// A slide's relationship target for the layout `part` (`ppt/slideLayouts/x.xml`).
pub(super) fn slide_target(part: &str) -> String {
    format!("../{}", part.strip_prefix("ppt/").unwrap_or(part))
}

/// The masters' part names, the target of the presentation's relationship to
/// each (`slideMasters/slideMaster1.xml`).
pub(super) fn master_targets(t: &PptxTemplate) -> Vec<String> {
    t.masters
        .iter()
        .map(|m| m.strip_prefix("ppt/").unwrap_or(m).to_string())
        .collect()
}

/// The theme the presentation names: the first master's.
pub(super) fn theme_target(t: &PptxTemplate) -> String {
    t.master_theme
        .strip_prefix("ppt/")
        .unwrap_or(&t.master_theme)
        .to_string()
}

/// A name for the notes master's theme that none of the template's parts has.
pub(super) fn notes_theme_name(t: &PptxTemplate) -> String {
    (2..)
        .map(|n| format!("ppt/theme/theme{n}.xml"))
        .find(|name| t.parts.iter().all(|p| &p.name != name))
        .unwrap_or_default()
}

/// Adds every part the template gives.
pub(super) fn add_to(t: &PptxTemplate, pkg: &mut Package) {
    for p in &t.parts {
        let content_type: Cow<'static, str> = if !p.content_type.is_empty() {
            p.content_type.clone().into()
        } else {
            default_type(&p.name).into()
        };
        pkg.add(p.name.clone(), content_type, p.bytes.to_vec());
    }
}

/// The content type of a part the template's `[Content_Types].xml` left out.
fn default_type(name: &str) -> &'static str {
    if name.ends_with(".rels") {
        super::package::RELS
    } else if name.starts_with("ppt/slideMasters/") {
        "application/vnd.openxmlformats-officedocument.presentationml.slideMaster+xml"
    } else if name.starts_with("ppt/slideLayouts/") {
        "application/vnd.openxmlformats-officedocument.presentationml.slideLayout+xml"
    } else if name.starts_with("ppt/theme/") {
        THEME
    } else if name.ends_with(".png") {
        "image/png"
    } else if name.ends_with(".jpeg") || name.ends_with(".jpg") {
        "image/jpeg"
    } else {
        "application/octet-stream"
    }
}
