//! The workbook embedded with each chart, so PowerPoint's "Edit Data" opens
//! the chart's numbers in a spreadsheet: one sheet, the categories down
//! column A, one column per series, names in row 1. It is itself a small OPC
//! package (written by [`super::package`], same bytes for the same chart).
//! Strings are inline (`t="inlineStr"`), so the workbook needs no shared-string part.

use std::io;

use super::package::{Package, Rels};
use super::xml::{self, Res};

const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/// The sheet's name, as the chart's formulas refer to it.
pub(super) const SHEET: &str = "Sheet1";

/// A cell value.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Cell<'a> {
    Text(&'a str),
    Number(f64),
    Empty,
}

/// Column letter of column `i` (0 → A); charts have at most 7 columns.
pub(super) fn column(i: usize) -> String {
    let mut n = i + 1;
    let mut s = Vec::new();
    while n > 0 {
        s.push(b'A' + ((n - 1) % 26) as u8);
        n = (n - 1) / 26;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// The workbook holding `rows` (row-major, first row the header).
pub(super) fn workbook(rows: &[Vec<Cell<'_>>]) -> io::Result<Vec<u8>> {
    let mut p = Package::default();
    p.add(
        "xl/workbook.xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        xml::part(|w| {
            xml::el(w, "workbook", &[("xmlns", MAIN), ("xmlns:r", R)], |w| {
                xml::el(w, "sheets", &[], |w| {
                    xml::empty(
                        w,
                        "sheet",
                        &[("name", SHEET), ("sheetId", "1"), ("r:id", "rId1")],
                    )
                })
            })
        })?,
    );
    p.add(
        "xl/worksheets/sheet1.xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
        xml::part(|w| {
            xml::el(w, "worksheet", &[("xmlns", MAIN), ("xmlns:r", R)], |w| {
                xml::el(w, "sheetData", &[], |w| {
                    for (r, row) in rows.iter().enumerate() {
                        let rn = (r + 1).to_string();
                        xml::el(w, "row", &[("r", &rn)], |w| -> Res {
                            for (c, cell) in row.iter().enumerate() {
                                let at = format!("{}{rn}", column(c));
                                match cell {
                                    Cell::Text(t) => {
                                        xml::el(w, "c", &[("r", &at), ("t", "inlineStr")], |w| {
                                            xml::el(w, "is", &[], |w| xml::text(w, "t", &[], t))
                                        })?
                                    }
                                    Cell::Number(v) => xml::el(w, "c", &[("r", &at)], |w| {
                                        xml::text(w, "v", &[], &v.to_string())
                                    })?,
                                    Cell::Empty => {}
                                }
                            }
                            Ok(())
                        })?;
                    }
                    Ok(())
                })
            })
        })?,
    );
    let mut book = Rels::default();
    book.add(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
        "worksheets/sheet1.xml",
    );
    book.add_to(&mut p, "xl/workbook.xml")?;
    let mut root = Rels::default();
    root.add(super::package::rel::DOCUMENT, "xl/workbook.xml");
    root.add_to(&mut p, "")?;
    p.zip()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_lettered_like_a_spreadsheet() {
        assert_eq!(column(0), "A");
        assert_eq!(column(6), "G");
        assert_eq!(column(26), "AA");
    }

    #[test]
    fn the_workbook_holds_the_numbers_as_numbers() {
        let bytes = workbook(&[
            vec![Cell::Text("Org"), Cell::Text("Närvaro")],
            vec![Cell::Text("SU & co"), Cell::Number(62.5)],
            vec![Cell::Text("x"), Cell::Empty],
        ])
        .unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let sheet =
            std::io::read_to_string(zip.by_name("xl/worksheets/sheet1.xml").unwrap()).unwrap();
        assert!(sheet.contains(r#"<c r="B2"><v>62.5</v></c>"#), "{sheet}");
        assert!(sheet.contains("SU &amp; co"));
        assert!(!sheet.contains(r#"r="B3""#));
    }
}
