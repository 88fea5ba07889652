//! The PDF deck places a slide's content where the HTML deck does: read back
//! from the built PDF (the baselines its text operators set) and checked
//! against the slide geometry the stylesheet and the fit share.

use lopdf::content::Content;
use lopdf::{Document, Object};

use crate::render::slides::fit::figure_height;
use crate::render::slides::geometry::{
    FIGURE, ITEM_GAP, KIND_LINE, LINE, MAIN_SPACE, PAD, SIZES, SLIDE, TITLE,
};
use crate::{BuildOptions, build_in_memory};

use super::slides::U;

/// The built `fixture`'s file at `path`.
fn built(fixture: &str, path: &str) -> Vec<u8> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(fixture);
    let site = build_in_memory(&BuildOptions::new(root)).expect("the fixture builds");
    let file = site
        .files
        .into_iter()
        .find(|f| f.path == path)
        .unwrap_or_else(|| panic!("{path} not built"));
    file.bytes
}

fn deck(fixture: &str, path: &str) -> Document {
    Document::load_mem(&built(fixture, path)).expect("a PDF lopdf can read")
}

/// The operands of every `operator` on page `n` (from 1), in drawing order.
fn operands(doc: &Document, n: u32, operator: &str) -> Vec<Vec<f32>> {
    let page = doc.get_pages()[&n];
    let content = Content::decode(&doc.get_page_content(page)).expect("ops");
    content
        .operations
        .iter()
        .filter(|op| op.operator == operator)
        .map(|op| {
            op.operands
                .iter()
                .filter_map(|o| match o {
                    Object::Real(v) => Some(*v),
                    Object::Integer(v) => Some(*v as f32),
                    _ => None,
                })
                .collect()
        })
        .collect()
}

/// The baseline (from the page's top) of each text run on page `n` (from 1),
/// in drawing order: the kind label, the title, the body or chart, the footer.
fn baselines(doc: &Document, n: u32) -> Vec<f32> {
    operands(doc, n, "Tm").iter().map(|m| m[5]).collect()
}

/// Where the layout puts the baseline of a line `size` high with `leading`.
fn baseline(top: f32, size: f32, leading: f32) -> f32 {
    top + size * 1.02 + (leading - size * 1.2) / 2.0
}

/// The top of the room under a one-line title, and that room's height, design px.
fn main_under_one_line_title() -> (f32, f32) {
    let top = PAD.1 + KIND_LINE.0 + KIND_LINE.1 + TITLE.0 * TITLE.1 + TITLE.2;
    (top, SLIDE.1 - PAD.2 - top)
}

fn close(got: f32, want: f32, what: &str) {
    assert!(
        (got - want).abs() < 0.05,
        "{what}: {got} pt, want {want} pt"
    );
}

#[test]
fn a_short_body_sits_two_fifths_down_the_room_under_its_title() {
    // Two one-line points at the largest size: 2 lines and the gap between the items.
    let doc = deck("minimal", "en/2020/slides/slides.pdf");
    let size = SIZES[0];
    let height = 2.0 * LINE * size + ITEM_GAP * size;
    let (top, room) = main_under_one_line_title();
    let above = (room - height) * MAIN_SPACE.0 / (MAIN_SPACE.0 + MAIN_SPACE.1);
    let lines = baselines(&doc, 2);
    // [kind, title, first marker, first point, second marker, second point, footer…]
    let want = baseline((top + above) * U, size * U, LINE * size * U);
    close(lines[2], want, "the first point's baseline");
    close(lines[3], want, "its marker's baseline");
    let second = want + (LINE + ITEM_GAP) * size * U;
    close(lines[5], second, "the second point's baseline");
}

#[test]
fn a_chart_is_as_high_as_the_fit_leaves_it_and_centred_with_its_caption() {
    let doc = deck("charts", "en/2021/slides/slides.pdf");
    // The slide of the first chart follows the title slide and the section's.
    let lines = baselines(&doc, 3);
    // The caption is the last run before the footer's two.
    let caption_baseline = lines[lines.len() - 3];
    let (gap, size, line, _) = FIGURE;
    let chart = figure_height("Test chart: bars", "Source: Test data");
    let content = gap + chart + size * line;
    let (top, room) = main_under_one_line_title();
    let above = (room - content) * MAIN_SPACE.0 / (MAIN_SPACE.0 + MAIN_SPACE.1);
    let want = baseline((top + above + gap + chart) * U, size * U, size * line * U);
    close(
        caption_baseline,
        want,
        "the caption's baseline under the chart",
    );
}

#[test]
fn a_wide_table_is_set_in_the_type_size_the_plan_chose_for_the_html_deck() {
    let html = String::from_utf8(built("deck-pressure", "en/2022/slides/index.html")).unwrap();
    // The slide whose class names a smaller table size, and its body size.
    let classes: Vec<&str> = html
        .split("class=\"slide slide--")
        .skip(1)
        .map(|rest| &rest[..rest.find('"').unwrap()])
        .collect();
    let (n, class) = classes
        .iter()
        .enumerate()
        .find(|(_, c)| c.contains("slide--table-"))
        .expect("the nine-column table gets a smaller size");
    let number = |key: &str| -> f32 {
        let rest = &class[class.find(key).unwrap() + key.len()..];
        rest.split(' ').next().unwrap().parse().unwrap()
    };
    let (size, scale) = (number("slide--size-"), number("slide--table-") / 100.0);
    assert!(scale < crate::render::slides::geometry::TABLE_SCALES[0]);
    let doc = deck("deck-pressure", "en/2022/slides/slides.pdf");
    let sizes: Vec<f32> = operands(&doc, n as u32 + 1, "Tf")
        .iter()
        .map(|f| f[0])
        .collect();
    let cell = scale * size * U;
    // The paragraph above the table at the body's size, then every cell at the table's.
    close(sizes[2], size * U, "the paragraph's type size");
    assert!(sizes.len() > 40, "{sizes:?}");
    for got in &sizes[3..sizes.len() - 2] {
        close(*got, cell, "a cell's type size");
    }
}
