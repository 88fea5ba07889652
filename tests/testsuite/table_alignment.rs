//! A table's columns keep the alignment the author gave them in Markdown
//! (`--:` right, `:-:` centred) in the PDFs and the PowerPoint deck, as on the
//! pages: numbers to the right when the author asked for it (issue 18).

use lopdf::content::Content;
use lopdf::{Document, Object};

use crate::common::{build_ok, copy_fixture, write};
use crate::pdf::{load, pdf};
use crate::pptx::{file, part, parts};

/// A section holding a table of a left, a right-aligned and a centred column,
/// each with a header wider or narrower than its one body cell.
fn site() -> tempfile::TempDir {
    let dir = copy_fixture("minimal");
    for (lang, title) in [("sv", "Testtext: styrka"), ("en", "Test text: strength")] {
        write(
            dir.path(),
            &format!("content/2020/01-styrka.{lang}.md"),
            &format!(
                "+++\nkind = \"strength\"\ntitle = \"{title}\"\n+++\n\n\
                 | Namn | Antal personer | Mitt i |\n|---|--:|:-:|\n| Alfa beta gamma | 1 | x |\n"
            ),
        );
    }
    dir
}

/// The start (x) of each text run on page `n` (from 1) by its baseline, in drawing order.
fn runs(doc: &Document, n: u32) -> Vec<(f32, f32)> {
    let page = doc.get_pages()[&n];
    let content = Content::decode(&doc.get_page_content(page)).expect("ops");
    content
        .operations
        .iter()
        .filter(|op| op.operator == "Tm")
        .map(|op| {
            let v: Vec<f32> = op
                .operands
                .iter()
                .filter_map(|o| match o {
                    Object::Real(v) => Some(*v),
                    Object::Integer(v) => Some(*v as f32),
                    _ => None,
                })
                .collect();
            (v[4], v[5])
        })
        .collect()
}

/// The x of the cells of the first two rows of three runs on one baseline
/// each: the table's header and its body row.
fn header_and_row(runs: &[(f32, f32)]) -> Option<([f32; 3], [f32; 3])> {
    let mut rows: Vec<Vec<f32>> = Vec::new();
    let mut last = f32::NAN;
    for &(x, y) in runs {
        if (y - last).abs() < 0.01 {
            rows.last_mut().unwrap().push(x);
        } else {
            rows.push(vec![x]);
        }
        last = y;
    }
    let at = rows
        .windows(2)
        .position(|w| w[0].len() == 3 && w[1].len() == 3)?;
    let three = |r: &[f32]| [r[0], r[1], r[2]];
    Some((three(&rows[at]), three(&rows[at + 1])))
}

fn check_columns(head: [f32; 3], row: [f32; 3], what: &str) {
    // Left: both start at the cell's left edge.
    assert!(
        (head[0] - row[0]).abs() < 0.01,
        "{what}: left column {head:?} {row:?}"
    );
    // Right: the short number ends where the wide header ends, so it starts well right of it.
    assert!(
        row[1] > head[1] + 20.0,
        "{what}: right column {head:?} {row:?}"
    );
    // Centred: the short cell starts right of its wider header, by less than the right column's gap.
    assert!(
        row[2] > head[2] + 2.0,
        "{what}: centred column {head:?} {row:?}"
    );
    assert!(
        row[2] - head[2] < row[1] - head[1],
        "{what}: centred, not right {head:?} {row:?}"
    );
}

#[test]
fn the_deck_pdf_and_the_report_pdf_align_columns_as_the_markdown_says() {
    let dir = site();
    let built = build_ok(dir.path());
    for lang in ["sv", "en"] {
        let deck = load(&pdf(&built, &format!("{lang}/2020/slides/slides.pdf")));
        let (head, row) = header_and_row(&runs(&deck, 2))
            .unwrap_or_else(|| panic!("{lang}: no table on the deck's second page"));
        check_columns(head, row, &format!("{lang} deck"));
        let report = load(&pdf(&built, &format!("{lang}/2020/report.pdf")));
        let pages = report.get_pages().len() as u32;
        let (head, row) = (1..=pages)
            .find_map(|n| header_and_row(&runs(&report, n)))
            .unwrap_or_else(|| panic!("{lang}: no table in the report"));
        check_columns(head, row, &format!("{lang} report"));
    }
}

#[test]
fn the_powerpoint_table_cells_carry_their_columns_alignment() {
    let dir = site();
    let built = build_ok(dir.path());
    for lang in ["sv", "en"] {
        let deck = parts(file(&built, &format!("{lang}/2020/slides/slides.pptx")));
        let slide = part(&deck, "ppt/slides/slide2.xml");
        let table = slide
            .split("<a:tbl>")
            .nth(1)
            .unwrap_or_else(|| panic!("{lang}: no table on slide 2"));
        let cells: Vec<Option<&str>> = table
            .split("<a:tc>")
            .skip(1)
            .map(|cell| {
                let p_pr = cell
                    .split("<a:pPr")
                    .nth(1)
                    .unwrap()
                    .split('>')
                    .next()
                    .unwrap();
                p_pr.split("algn=\"")
                    .nth(1)
                    .and_then(|a| a.split('"').next())
            })
            .collect();
        let columns = [None, Some("r"), Some("ctr")];
        assert_eq!(cells, [columns, columns].concat(), "{lang}");
    }
}
