//! Speaker notes: the part of a section file after a line `???`.
//!
//! How editors write them (also in the reply to issue 3 and the content guide):
//!
//! ```text
//! +++
//! kind = "development-area"
//! title = "Utvecklingsområde"
//! +++
//!
//! - what the report page and the slide show
//!
//! ???
//!
//! What the presenter says about this slide. Ordinary Markdown, any length.
//! ```
//!
//! - The marker is a line with nothing but `???` on it (spaces around it are allowed).
//! - Everything before it is the section text (report page and slide); everything
//!   after it is the speaker notes, shown only in the deck's notes view and the
//!   handout — never on the report page, on the slide or in the default print.
//! - At most one marker per file, below the closing `+++`. A `???` inside a fenced
//!   code block (```` ``` ````) is text, not a marker.
//! - A line that starts with `???` but has more text on it is an error, so a
//!   mistyped marker never ends up on a slide.

use std::ops::Range;

/// A section body cut at its notes marker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parts<'a> {
    /// The section text: everything before the marker (or the whole body).
    pub text: &'a str,
    /// The notes after the marker and where they start in the body; `None` without a
    /// marker or when nothing but blank lines follows it.
    pub notes: Option<(&'a str, usize)>,
}

/// What is wrong with a notes marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkerProblem {
    /// A second `???` line.
    Twice,
    /// `???` followed by other text on the same line.
    ExtraText,
}

/// A misplaced marker, with its byte range in the text that was searched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkerError {
    /// Where the offending line is.
    pub span: Range<usize>,
    /// What is wrong with it.
    pub problem: MarkerProblem,
}

/// Splits a section body at its `???` line.
pub fn split(body: &str) -> Result<Parts<'_>, MarkerError> {
    let mut marker: Option<Range<usize>> = None;
    for line in marker_lines(body) {
        match (line.problem, &marker) {
            (Some(problem), _) => {
                return Err(MarkerError {
                    span: line.span,
                    problem,
                });
            }
            (None, Some(_)) => {
                return Err(MarkerError {
                    span: line.span,
                    problem: MarkerProblem::Twice,
                });
            }
            (None, None) => marker = Some(line.span),
        }
    }
    let Some(span) = marker else {
        return Ok(Parts {
            text: body,
            notes: None,
        });
    };
    let after = line_end(body, span.end);
    let notes = &body[after..];
    let line_start = body[..span.start].rfind('\n').map_or(0, |i| i + 1);
    Ok(Parts {
        text: &body[..line_start],
        notes: (!notes.trim().is_empty()).then_some((notes, after)),
    })
}

/// The first line that is (or starts with) `???`, for finding a marker written in the
/// front matter by mistake. Code fences are not tracked there: front matter is TOML.
pub fn first_marker(text: &str) -> Option<Range<usize>> {
    lines(text)
        .find(|(_, line)| line.trim_start().starts_with("???"))
        .map(|(span, _)| span)
}

struct MarkerLine {
    span: Range<usize>,
    problem: Option<MarkerProblem>,
}

/// Lines that are or start with `???`, outside fenced code blocks.
fn marker_lines(body: &str) -> impl Iterator<Item = MarkerLine> + '_ {
    let mut fence: Option<(char, usize)> = None;
    lines(body).filter_map(move |(span, line)| {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if let Some(f) = fence_of(trimmed).filter(|_| indent < 4) {
            match fence {
                None => fence = Some(f),
                Some((c, n))
                    if f.0 == c && f.1 >= n && trimmed.trim_start_matches(c).trim().is_empty() =>
                {
                    fence = None
                }
                Some(_) => {}
            }
            return None;
        }
        if fence.is_some() || !trimmed.starts_with("???") {
            return None;
        }
        let problem = (trimmed.trim_end() != "???").then_some(MarkerProblem::ExtraText);
        Some(MarkerLine {
            span: span.start + indent..span.start + line.trim_end().len(),
            problem,
        })
    })
}

/// `` ``` `` or `~~~` (three or more) at the start of a line: the fence character and length.
fn fence_of(line: &str) -> Option<(char, usize)> {
    let c = line.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let n = line.chars().take_while(|x| *x == c).count();
    (n >= 3).then_some((c, n))
}

/// Lines without their line break, with byte ranges.
fn lines(text: &str) -> impl Iterator<Item = (Range<usize>, &str)> {
    let mut pos = 0;
    std::iter::from_fn(move || {
        if pos >= text.len() {
            return None;
        }
        let start = pos;
        let end = line_end(text, start);
        pos = end;
        let line = text[start..end].trim_end_matches(['\n', '\r']);
        Some((start..start + line.len(), line))
    })
}

/// The offset just after the line break of the line containing `at`.
fn line_end(text: &str, at: usize) -> usize {
    text[at..].find('\n').map_or(text.len(), |i| at + i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_marker_means_no_notes() {
        let p = split("- a\n- b\n").unwrap();
        assert_eq!(
            p,
            Parts {
                text: "- a\n- b\n",
                notes: None
            }
        );
    }

    #[test]
    fn text_before_and_notes_after_the_marker() {
        let body = "\n- a\n\n???\nSäg detta.\n";
        let p = split(body).unwrap();
        assert_eq!(p.text, "\n- a\n\n");
        let (notes, at) = p.notes.unwrap();
        assert_eq!(notes, "Säg detta.\n");
        assert_eq!(&body[at..], notes);
    }

    #[test]
    fn marker_tolerates_spaces_and_crlf() {
        let p = split("a\r\n  ???  \r\nnotes\r\n").unwrap();
        assert_eq!(p.text, "a\r\n");
        assert_eq!(p.notes.unwrap().0, "notes\r\n");
    }

    #[test]
    fn empty_notes_are_none() {
        assert_eq!(split("a\n???\n\n  \n").unwrap().notes, None);
        assert_eq!(
            split("a\n???").unwrap(),
            Parts {
                text: "a\n",
                notes: None
            }
        );
    }

    #[test]
    fn marker_in_a_code_fence_is_text() {
        let body = "```\n???\n```\n~~~~\n???\n~~~\n~~~~\n";
        assert_eq!(split(body).unwrap().notes, None);
    }

    #[test]
    fn second_marker_is_an_error_at_its_line() {
        let body = "a\n???\nb\n???\nc\n";
        let e = split(body).unwrap_err();
        assert_eq!(e.problem, MarkerProblem::Twice);
        assert_eq!(e.span, 8..11);
    }

    #[test]
    fn marker_with_text_is_an_error() {
        let e = split("a\n??? Anteckningar\n").unwrap_err();
        assert_eq!(e.problem, MarkerProblem::ExtraText);
        assert_eq!(e.span, 2..18);
        // Question marks inside a sentence are fine.
        assert!(split("Vad gör vi nu???\n").unwrap().notes.is_none());
    }

    #[test]
    fn finds_a_marker_in_front_matter() {
        assert_eq!(first_marker("kind = \"x\"\n???\n"), Some(11..14));
        assert_eq!(first_marker("title = \"Varför???\"\n"), None);
    }
}
