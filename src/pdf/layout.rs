//! Page layout: text broken into lines with the font's real widths, lines and
//! blocks stacked down pages, and a page break wherever the next piece does
//! not fit. The result is a list of pages of drawing operations ([`Op`]),
//! each tagged content with its place in the structure tree.
//!
//! Line breaking is greedy at spaces (a word longer than the line is broken
//! between letters); there is no hyphenation.

use crate::charts::theme::Rgb;

use super::fonts::{Fonts, Style};
use super::tags::{Annot, Group, Leaf, Tree};

/// Where a link goes.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Target {
    /// A web address (http, https, mailto, tel).
    Uri(String),
    /// A place in this document, by anchor number (see [`Flow::anchor`]).
    Anchor(usize),
}

/// A run of text in one style.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Span {
    pub(super) text: String,
    pub(super) style: Style,
    pub(super) color: Rgb,
    /// Set when the run is in another language than its surroundings.
    pub(super) lang: Option<&'static str>,
    pub(super) link: Option<Target>,
}

impl Span {
    pub(super) fn new(text: impl Into<String>, style: Style, color: Rgb) -> Span {
        Span {
            text: text.into(),
            style,
            color,
            lang: None,
            link: None,
        }
    }
}

/// One drawing operation on a page.
pub(super) enum Op {
    /// Text on a baseline, tagged as `leaf` (or an artifact when `None`).
    Text {
        x: f32,
        y: f32,
        size: f32,
        style: Style,
        color: Rgb,
        text: String,
        lang: Option<&'static str>,
        leaf: Option<Leaf>,
    },
    /// A filled rectangle: rules and backgrounds, always an artifact.
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        color: Rgb,
    },
    /// A chart, by index into the document's SVG trees, tagged as `leaf`.
    Svg {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        svg: usize,
        leaf: Leaf,
    },
    /// A picture of the year folder, by index into the document's pictures;
    /// tagged as `leaf` (a figure), or an artifact when it is decorative.
    Picture {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        picture: usize,
        leaf: Option<Leaf>,
    },
    /// A link area (added after the page's drawing).
    Link {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        target: Target,
        annot: Annot,
    },
}

/// The page's geometry, in points (1/72 inch).
#[derive(Debug, Clone, Copy)]
pub(super) struct PageBox {
    pub(super) width: f32,
    pub(super) height: f32,
    pub(super) left: f32,
    pub(super) right: f32,
    pub(super) top: f32,
    pub(super) bottom: f32,
}

impl PageBox {
    /// The width between the margins.
    pub(super) fn measure(&self) -> f32 {
        self.width - self.left - self.right
    }
}

/// Text settings of a paragraph.
#[derive(Debug, Clone, Copy)]
pub(super) struct Para {
    pub(super) size: f32,
    pub(super) leading: f32,
    /// Left edge, relative to the left margin.
    pub(super) indent: f32,
    /// Width available, from the indent.
    pub(super) width: f32,
    /// Where the lines sit in the width.
    pub(super) align: Align,
}

/// Where a paragraph's lines sit in its width: a table column's alignment
/// (numbers to the right, as the author's `--:` asks), or left.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) enum Align {
    #[default]
    Left,
    Centre,
    Right,
}

/// A piece of a line: text of one span.
struct Piece {
    span: usize,
    text: String,
    width: f32,
}

/// Lays out the document top to bottom.
pub(super) struct Flow<'f, 't> {
    pub(super) fonts: &'f Fonts<'t>,
    pub(super) page: PageBox,
    pub(super) pages: Vec<Vec<Op>>,
    pub(super) tree: Tree,
    /// Each anchor's page index and top.
    pub(super) anchors: Vec<Option<(usize, f32)>>,
    /// Current position from the top of the page.
    pub(super) y: f32,
    /// The file the text being laid out comes from (for messages).
    pub(super) source: String,
    /// The first character of the text laid out that the fonts do not have,
    /// with its file: the writer's error once the layout is done.
    pub(super) missing: Option<(String, char)>,
}

impl<'f, 't> Flow<'f, 't> {
    pub(super) fn new(fonts: &'f Fonts<'t>, page: PageBox) -> Self {
        Flow {
            fonts,
            page,
            pages: vec![Vec::new()],
            tree: Tree::new(),
            anchors: Vec::new(),
            y: page.top,
            source: String::new(),
            missing: None,
        }
    }

    /// Notes the first character of `spans` that the fonts do not have (once).
    pub(super) fn check(&mut self, spans: &[Span]) {
        if self.missing.is_some() {
            return;
        }
        self.missing = spans.iter().find_map(|span| {
            let c = self.fonts.missing(span.style, &span.text)?;
            Some((self.source.clone(), c))
        });
    }

    /// Starts a new page.
    pub(super) fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = self.page.top;
    }

    /// Breaks the page unless `height` more fits on this one.
    pub(super) fn need(&mut self, height: f32) {
        let at_top = self.y <= self.page.top + 0.01;
        if !at_top && self.y + height > self.page.height - self.page.bottom {
            self.new_page();
        }
    }

    /// Moves down by `gap`, unless at the top of a page.
    pub(super) fn gap(&mut self, gap: f32) {
        if self.y > self.page.top + 0.01 {
            self.y += gap;
        }
    }

    pub(super) fn push(&mut self, op: Op) {
        self.pages.last_mut().expect("a page").push(op);
    }

    pub(super) fn page_index(&self) -> usize {
        self.pages.len() - 1
    }

    /// A new anchor, not yet placed.
    pub(super) fn anchor(&mut self) -> usize {
        self.anchors.push(None);
        self.anchors.len() - 1
    }

    /// Places `anchor` here.
    pub(super) fn place(&mut self, anchor: usize) {
        self.anchors[anchor] = Some((self.page_index(), self.y));
    }

    /// A rule across the text width (an artifact).
    pub(super) fn rule(&mut self, thickness: f32, color: Rgb) {
        let (x, w) = (self.page.left, self.page.measure());
        let y = self.y;
        self.push(Op::Rect {
            x,
            y,
            w,
            h: thickness,
            color,
        });
        self.y += thickness;
    }

    /// Breaks `spans` into lines of at most `width` points.
    fn lines(&self, spans: &[Span], size: f32, width: f32) -> Vec<Vec<Piece>> {
        let mut lines: Vec<Vec<Piece>> = vec![Vec::new()];
        let mut used = 0.0;
        let mut pending_space: Option<(usize, f32)> = None;
        for (i, span) in spans.iter().enumerate() {
            let mut parts = span.text.split('\n').peekable();
            while let Some(part) = parts.next() {
                for (w, word) in part.split(' ').enumerate() {
                    if w > 0 {
                        pending_space = Some((i, self.fonts.width(span.style, size, " ")));
                    }
                    if word.is_empty() {
                        continue;
                    }
                    let word_width = self.fonts.width(span.style, size, word);
                    let space = pending_space.map_or(0.0, |(_, s)| s);
                    let line_empty = lines.last().is_none_or(Vec::is_empty);
                    if !line_empty && used + space + word_width > width {
                        if let Some((si, _)) = pending_space.take() {
                            // The space stays at the end of the line, so the text reads "a b", not "ab".
                            push_piece(lines.last_mut().expect("a line"), si, " ", 0.0);
                        }
                        lines.push(Vec::new());
                        used = 0.0;
                    } else if let Some((si, s)) = pending_space.take()
                        && !line_empty
                    {
                        push_piece(lines.last_mut().expect("a line"), si, " ", s);
                        used += s;
                    }
                    if word_width > width {
                        // Longer than a whole line: break between letters.
                        let mut chunk = String::new();
                        for c in word.chars() {
                            chunk.push(c);
                            if used + self.fonts.width(span.style, size, &chunk) > width
                                && chunk.chars().count() > 1
                            {
                                chunk.pop();
                                let w = self.fonts.width(span.style, size, &chunk);
                                push_piece(lines.last_mut().expect("a line"), i, &chunk, w);
                                lines.push(Vec::new());
                                used = 0.0;
                                chunk.clear();
                                chunk.push(c);
                            }
                        }
                        let w = self.fonts.width(span.style, size, &chunk);
                        push_piece(lines.last_mut().expect("a line"), i, &chunk, w);
                        used += w;
                    } else {
                        push_piece(lines.last_mut().expect("a line"), i, word, word_width);
                        used += word_width;
                    }
                }
                if parts.peek().is_some() {
                    // A hard line break.
                    pending_space = None;
                    lines.push(Vec::new());
                    used = 0.0;
                }
            }
        }
        if lines.len() > 1 && lines.last().is_some_and(Vec::is_empty) {
            lines.pop();
        }
        lines
    }

    /// The text of each line `spans` break into as a paragraph.
    pub(super) fn line_texts(&self, spans: &[Span], p: Para) -> Vec<String> {
        self.lines(spans, p.size, p.width)
            .into_iter()
            .map(|line| line.into_iter().map(|piece| piece.text).collect())
            .collect()
    }

    /// The height `spans` take as a paragraph.
    pub(super) fn height(&self, spans: &[Span], p: Para) -> f32 {
        self.lines(spans, p.size, p.width).len() as f32 * p.leading
    }

    /// Lays out `spans` as lines under `parent`, breaking pages between lines.
    /// Links become `Link` elements under `parent` holding their text and area.
    pub(super) fn paragraph(&mut self, parent: Group, spans: &[Span], p: Para) {
        let lines = self.lines(spans, p.size, p.width);
        for line in lines {
            self.need(p.leading);
            let baseline = self.y + p.size * 1.02 + (p.leading - p.size * 1.2) / 2.0;
            let mut x = self.page.left + p.indent;
            let used = || line.iter().map(|piece| piece.width).sum::<f32>();
            x += match p.align {
                Align::Left => 0.0,
                Align::Centre => ((p.width - used()) / 2.0).max(0.0),
                Align::Right => (p.width - used()).max(0.0),
            };
            let mut pieces = line.into_iter().peekable();
            while let Some(first) = pieces.next() {
                let span = &spans[first.span];
                let mut text = first.text;
                let mut width = first.width;
                while let Some(next) = pieces.next_if(|n| n.span == first.span) {
                    text.push_str(&next.text);
                    width += next.width;
                }
                let (owner, link) = match &span.link {
                    Some(target) => {
                        let link = self.tree.group(Some(parent), krilla::tagging::Tag::Link);
                        (link, Some(target.clone()))
                    }
                    None => (parent, None),
                };
                let leaf = self.tree.leaf(owner);
                self.push(Op::Text {
                    x,
                    y: baseline,
                    size: p.size,
                    style: span.style,
                    color: span.color,
                    text,
                    lang: span.lang,
                    leaf: Some(leaf),
                });
                if let Some(target) = link {
                    let annot = self.tree.annot(owner);
                    let y = self.y;
                    self.push(Op::Link {
                        x,
                        y,
                        w: width.max(1.0),
                        h: p.leading,
                        target,
                        annot,
                    });
                }
                x += width;
            }
            self.y += p.leading;
        }
    }

    /// Text on one line at `x` (from the page's left edge), an artifact or tagged under `parent`.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn text_at(
        &mut self,
        parent: Option<Group>,
        x: f32,
        baseline: f32,
        size: f32,
        style: Style,
        color: Rgb,
        text: &str,
    ) {
        let leaf = parent.map(|p| self.tree.leaf(p));
        self.push(Op::Text {
            x,
            y: baseline,
            size,
            style,
            color,
            text: text.to_string(),
            lang: None,
            leaf,
        });
    }
}

fn push_piece(line: &mut Vec<Piece>, span: usize, text: &str, width: f32) {
    line.push(Piece {
        span,
        text: text.to_string(),
        width,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::render::Theme;

    const A4: PageBox = PageBox {
        width: 595.0,
        height: 842.0,
        left: 60.0,
        right: 60.0,
        top: 60.0,
        bottom: 60.0,
    };

    fn texts(flow: &Flow<'_, '_>) -> Vec<String> {
        flow.pages
            .iter()
            .flatten()
            .filter_map(|op| match op {
                Op::Text { text, .. } => Some(text.clone()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn lines_keep_every_word_and_space_and_fit_the_width() {
        let theme = Theme::load(std::path::Path::new("/x"), "default", &[Lang::Sv]).unwrap();
        let fonts = Fonts::load(&theme).unwrap();
        let mut flow = Flow::new(&fonts, A4);
        let root = flow.tree.group(None, krilla::tagging::Tag::P);
        let text =
            "Samverkan mellan kommun, primärvård och sjukhus har stärkts under året. ".repeat(20);
        let spans = [Span::new(text.trim_end(), Style::Regular, Rgb(0, 0, 0))];
        let p = Para {
            size: 10.0,
            leading: 14.0,
            indent: 0.0,
            width: 200.0,
            align: Align::Left,
        };
        flow.paragraph(root, &spans, p);
        let lines = texts(&flow);
        assert!(lines.len() > 10);
        assert_eq!(lines.concat(), text.trim_end());
        for line in &lines {
            assert!(
                fonts.width(Style::Regular, 10.0, line.trim_end()) <= 200.0,
                "{line}"
            );
        }
        assert!(flow.pages.len() == 1);
    }

    #[test]
    fn a_word_longer_than_the_line_is_broken_and_pages_break() {
        let theme = Theme::load(std::path::Path::new("/x"), "default", &[Lang::Sv]).unwrap();
        let fonts = Fonts::load(&theme).unwrap();
        let mut flow = Flow::new(&fonts, A4);
        let root = flow.tree.group(None, krilla::tagging::Tag::P);
        let long = "Göteborgsområdet".repeat(10);
        let p = Para {
            size: 10.0,
            leading: 14.0,
            indent: 0.0,
            width: 100.0,
            align: Align::Left,
        };
        flow.paragraph(root, &[Span::new(&long, Style::Bold, Rgb(0, 0, 0))], p);
        assert_eq!(texts(&flow).concat(), long);
        for _ in 0..60 {
            flow.paragraph(root, &[Span::new("rad", Style::Regular, Rgb(0, 0, 0))], p);
        }
        assert_eq!(flow.pages.len(), 2);
    }
}
