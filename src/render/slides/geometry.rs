//! The geometry of a slide, in *design px* of a 1280 × 720 slide: the one place
//! for the numbers the fit estimate ([`super::fit`], [`super::measure`],
//! [`super::covers`]) shares with `themes/default/assets/slides.css`, which sets
//! every length on a slide as a multiple of `--u` (1/1280 of the slide's width)
//! or in em of the body's type size.
//!
//! If a number here and the stylesheet disagree, the estimate is wrong and a
//! slide may overflow: the tests at the end read the stylesheet and fail when
//! they do. Where the estimate leans deliberately (a heading's margins), the
//! test checks that it leans the safe way.

/// The slide, in design px (`aspect-ratio: 16 / 9`, `--u: calc(100cqw / 1280)`).
pub(crate) const SLIDE: (f32, f32) = (1280.0, 720.0);
/// Padding of a section slide: sides, top, bottom (`.slide__inner`).
pub(crate) const PAD: (f32, f32, f32) = (72.0, 56.0, 48.0);
/// The kind label above the title: line height and gap below (`.slide__kind`).
pub(crate) const KIND_LINE: (f32, f32) = (28.0, 8.0);
/// The section title: size, line height (em) and gap below (`.slide__title`).
pub(crate) const TITLE: (f32, f32, f32) = (40.0, 1.2, 24.0);

/// Body type sizes, largest first; each has a `slide--size-N` rule, and the
/// largest is the body's default (`var(--size, 32)`).
pub(crate) const SIZES: [f32; 5] = [32.0, 30.0, 28.0, 26.0, MIN_SIZE];
/// The smallest body type size, in design px (1/1280 of the slide width).
pub(crate) const MIN_SIZE: f32 = 24.0;

/// Line height of body text, in em (`.slide__body`, table cells).
pub(crate) const LINE: f32 = 1.3;
/// Space after a paragraph, list, table, code block or quote, in em.
pub(crate) const BLOCK_GAP: f32 = 0.5;
/// Space after a list item, and above a list inside an item, in em.
pub(crate) const ITEM_GAP: f32 = 0.3;
/// Indent of a list level, in em (`padding-left` of `ul`, `ol`).
pub(crate) const LIST_INDENT: f32 = 1.3;
/// Headings inside a section (`#` in the Markdown): size, line height (em of
/// the heading), and the space they take above and below in em of the body.
/// The stylesheet's margins are 0.35 + 0.15 em of the heading (0.55 em of the
/// body); the estimate takes 0.6.
pub(crate) const HEADING: (f32, f32, f32) = (1.1, 1.25, 0.6);
/// Tables: font size (em), vertical cell padding, top and bottom together (em
/// of the table's font), and border (px).
pub(crate) const TABLE: (f32, f32, f32) = (0.85, 0.4, 1.0);
/// Type sizes of a table, in em of the body, largest first: a table is set in
/// the largest at which the longest word of each of its columns fits beside
/// the others' in the body's width (so a wide table, seven columns or more,
/// gets smaller type instead of words broken in the middle). The first is
/// [`TABLE`]'s default; each other has a `slide--table-N` rule (N in hundredths).
pub(crate) const TABLE_SCALES: [f32; 3] = [TABLE.0, 0.75, 0.65];
/// A table cell's padding left and right together, in em of the table's font.
pub(crate) const CELL_PAD_X: f32 = 1.0;
/// Code blocks: font size, line height, padding (em).
pub(crate) const CODE: (f32, f32, f32) = (0.8, 1.35, 0.5);
/// Footnotes: font size (em).
pub(crate) const FOOTNOTE: f32 = 0.75;
/// Block quotes: indent including the border (em).
pub(crate) const QUOTE_INDENT: f32 = 1.0;
/// A thematic break's line, design px (its margins are [`BLOCK_GAP`] above and below).
pub(crate) const RULE: f32 = 2.0;
/// Height an image may take (`max-height`), design px.
pub(crate) const IMAGE_HEIGHT: f32 = 240.0;

/// A chart on a chart slide (`.slide__figure`): the gap above it, its
/// caption's size and line height, and the most the chart may take, design px.
pub(crate) const FIGURE: (f32, f32, f32, f32) = (16.0, 20.0, 1.5, 440.0);

/// How the room a section slide's body (or chart) leaves under its title is
/// shared above and below it: the `flex` of `.slide__main::before` and
/// `::after`, the optical centre. The PDF deck places its bodies the same way.
pub(crate) const MAIN_SPACE: (f32, f32) = (2.0, 3.0);

/// Padding of the title and closing slides, all sides, design px.
pub(crate) const COVER_PAD: f32 = 72.0;
/// Title sizes of the title slide, largest first (`slide--size-N`; the largest
/// is the title's default).
pub(crate) const TITLE_SIZES: [f32; 5] = [72.0, 64.0, 56.0, 48.0, 40.0];
/// Statement sizes of the closing slide, largest first (the same).
pub(crate) const CLOSING_SIZES: [f32; 5] = [64.0, 56.0, 48.0, 40.0, 32.0];
/// The organisation line on both: size, line height and gap after it on the
/// title slide (the closing slide's has none: the statement's gap is above it).
pub(crate) const ORG: (f32, f32, f32) = (26.0, 1.3, 24.0);
/// The report title on the title slide: line height, and gap after it in em.
pub(crate) const DECK_TITLE: (f32, f32) = (1.1, 0.4);
/// The subtitle: part of the title size, smallest size, line height, gap after it.
pub(crate) const SUBTITLE: (f32, f32, f32, f32) = (0.5, 24.0, 1.3, 32.0);
/// The year on the title slide: size, line height (bold, one line), and the
/// rule above it with its padding, design px.
pub(crate) const YEAR: (f32, f32, f32) = (32.0, 1.2, 12.0);
/// The closing statement: line height, gap after it.
pub(crate) const STATEMENT: (f32, f32) = (1.2, 40.0);
/// The logo on the title and closing slides (`.slide__logo`): height
/// including its plate, gap below it, design px.
pub(crate) const LOGO: (f32, f32) = (112.0, 32.0);
/// The contact line under the organisation on the closing slide
/// (`.slide__contact`): size, line height, gap above it.
pub(crate) const CONTACT: (f32, f32, f32) = (24.0, 1.3, 16.0);

/// The width of a section slide's body.
pub(crate) fn body_width() -> f32 {
    SLIDE.0 - 2.0 * PAD.0
}

/// The size a picture of its own size `natural` is shown at, in the unit of
/// `natural`: never larger than itself, and scaled down in its shape to fit
/// `max` (width, height), as the stylesheets' `width: auto; height: auto;
/// max-width; max-height` do. The PDFs' and the PowerPoint decks' one rule, here
/// beside the numbers it must agree with.
pub(crate) fn fitted(natural: (f32, f32), max: (f32, f32)) -> (f32, f32) {
    let (w, h) = (
        natural.0.max(f32::MIN_POSITIVE),
        natural.1.max(f32::MIN_POSITIVE),
    );
    let scale = (max.0 / w).min(max.1 / h).clamp(0.0, 1.0);
    (w * scale, h * scale)
}

/// The height in `max-height:calc(N * var(--u))`, the one style the Markdown
/// renderer gives a picture on a slide (one of several sharing a block).
pub(crate) fn shared_height(style: &str) -> Option<f32> {
    style
        .trim()
        .strip_prefix("max-height:calc(")?
        .strip_suffix(" * var(--u))")?
        .parse()
        .ok()
        .filter(|h: &f32| h.is_finite() && *h > 0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SLIDES_CSS: &str = include_str!("../../../themes/default/assets/slides.css");
    const REPORT_CSS: &str = include_str!("../../../themes/default/assets/style.css");

    /// The stylesheet without its comments.
    fn stylesheet() -> String {
        let mut out = String::with_capacity(SLIDES_CSS.len());
        let mut rest = SLIDES_CSS;
        while let Some(start) = rest.find("/*") {
            out.push_str(&rest[..start]);
            rest = rest[start..]
                .find("*/")
                .map_or("", |end| &rest[start + end + 2..]);
        }
        out.push_str(rest);
        out
    }

    /// The value of `property` in the first rule of `slides.css` whose selector
    /// list is `selector` (rules inside `@media` come after the ones they adapt).
    fn css(selector: &str, property: &str) -> String {
        let css = stylesheet();
        let wanted: Vec<&str> = selector.split_whitespace().collect();
        for rule in css.split('}') {
            let Some((head, body)) = rule.rsplit_once('{') else {
                continue;
            };
            let head = head.rsplit('{').next().unwrap_or(head);
            if head.split_whitespace().collect::<Vec<_>>() != wanted {
                continue;
            }
            for declaration in body.split(';') {
                if let Some((name, value)) = declaration.split_once(':')
                    && name.trim() == property
                {
                    return value.trim().to_string();
                }
            }
        }
        panic!("slides.css has no `{property}` in `{selector}`")
    }

    /// The numbers in a CSS value, in order: `calc(56 * var(--u)) 0.5em` → [56, 0.5].
    fn numbers(value: &str) -> Vec<f32> {
        value
            .split(|c: char| !(c.is_ascii_digit() || c == '.'))
            .filter(|s| s.chars().any(|c| c.is_ascii_digit()))
            .map(|s| s.parse().unwrap())
            .collect()
    }

    fn of(selector: &str, property: &str) -> Vec<f32> {
        numbers(&css(selector, property))
    }

    #[test]
    fn the_css_reader_reads_what_it_is_given() {
        assert_eq!(
            numbers("calc(56 * var(--u)) calc(72 * var(--u)) 0.5em"),
            [56.0, 72.0, 0.5]
        );
        assert_eq!(
            numbers("calc(max(var(--size, 72) / 2, 24) * var(--u))"),
            [72.0, 2.0, 24.0]
        );
        assert_eq!(css(".slide__cont", "font-weight"), "400");
    }

    #[test]
    fn the_section_slide_matches_the_stylesheet() {
        assert_eq!(of(".slide", "aspect-ratio"), [16.0, 9.0]);
        assert_eq!(SLIDE.0 / SLIDE.1, 16.0 / 9.0);
        assert_eq!(of(".slide__inner", "--u"), [100.0, SLIDE.0]);
        assert_eq!(of(".slide__inner", "padding"), [PAD.1, PAD.0, PAD.2]);
        assert_eq!(of(".slide__kind", "line-height"), [KIND_LINE.0]);
        assert_eq!(of(".slide__kind", "margin"), [0.0, 0.0, KIND_LINE.1]);
        assert_eq!(of(".slide__title", "font-size"), [TITLE.0]);
        assert_eq!(of(".slide__title", "line-height"), [TITLE.1]);
        assert_eq!(of(".slide__title", "margin"), [0.0, 0.0, TITLE.2]);
    }

    #[test]
    fn the_body_matches_the_stylesheet() {
        assert_eq!(of(".slide__body", "font-size"), [SIZES[0]]);
        assert_eq!(of(".slide__body", "line-height"), [LINE]);
        assert_eq!(of(".slide__body p", "margin"), [0.0, 0.0, BLOCK_GAP]);
        let lists = ".slide__body ul, .slide__body ol";
        assert_eq!(of(lists, "margin"), [0.0, 0.0, BLOCK_GAP]);
        assert_eq!(of(lists, "padding-left"), [LIST_INDENT]);
        assert_eq!(of(".slide__body li", "margin"), [0.0, 0.0, ITEM_GAP]);
        let sub_lists = ".slide__body li > ul, .slide__body li > ol";
        assert_eq!(of(sub_lists, "margin"), [ITEM_GAP, 0.0, 0.0]);
        assert_eq!(of(".slide__body li > p", "margin"), [0.0, 0.0, ITEM_GAP]);

        let headings = ".slide__body h4, .slide__body h5, .slide__body h6";
        assert_eq!(of(headings, "font-size"), [HEADING.0]);
        assert_eq!(of(headings, "line-height"), [HEADING.1]);
        let margins: f32 = of(headings, "margin").iter().sum();
        assert!(
            HEADING.2 >= margins * HEADING.0,
            "{margins} em of the heading"
        );

        assert_eq!(of(".slide__body table", "font-size"), [TABLE.0]);
        assert_eq!(of(".slide__body table", "margin"), [0.0, 0.0, BLOCK_GAP]);
        let cells = ".slide__body th, .slide__body td";
        assert_eq!(of(cells, "padding")[0] * 2.0, TABLE.1);
        assert_eq!(of(cells, "padding")[1] * 2.0, CELL_PAD_X);
        assert_eq!(TABLE_SCALES[0], TABLE.0);
        for scale in &TABLE_SCALES[1..] {
            let rule = format!(
                ".slide--table-{} .slide__body table",
                (scale * 100.0).round()
            );
            assert_eq!(of(&rule, "font-size"), [*scale]);
        }
        assert_eq!(of(cells, "border"), [TABLE.2]);
        assert_eq!(of(cells, "line-height"), [LINE]);

        let pre = ".slide__body pre";
        assert_eq!(of(pre, "font-size"), [CODE.0]);
        assert_eq!(of(pre, "line-height"), [CODE.1]);
        assert_eq!(of(pre, "padding"), [CODE.2]);
        assert_eq!(of(pre, "margin"), [0.0, 0.0, BLOCK_GAP]);

        let note = ".slide__body .footnote-definition";
        assert_eq!(of(note, "font-size"), [FOOTNOTE]);
        let quote = ".slide__body blockquote";
        assert_eq!(
            of(quote, "padding-left")[0] + of(quote, "border-left")[0],
            QUOTE_INDENT
        );
        assert_eq!(of(quote, "margin"), [0.0, 0.0, BLOCK_GAP]);
        assert_eq!(of(".slide__body hr", "margin"), [BLOCK_GAP, 0.0]);
        assert_eq!(of(".slide__body hr", "border-top"), [RULE]);
        assert_eq!(of(".slide__body img", "max-height"), [IMAGE_HEIGHT]);
    }

    #[test]
    fn the_body_is_centred_in_the_room_under_the_title() {
        assert_eq!(css(".slide--section .slide__inner", "display"), "flex");
        assert_eq!(css(".slide__main", "flex"), "1 1 0");
        // The room the body leaves is shared 2 : 3 above and below it (the optical
        // centre); the PDF and PowerPoint decks are to place their bodies the same way.
        assert_eq!(of(".slide__main::before", "flex"), [MAIN_SPACE.0, 1.0, 0.0]);
        assert_eq!(of(".slide__main::after", "flex"), [MAIN_SPACE.1, 1.0, 0.0]);
        // The centred box is the estimate's height: no bottom margin after the last block.
        let last = ".slide__body > :last-child, .slide__body > :last-child :last-child";
        assert_eq!(of(last, "margin-bottom"), [0.0]);
    }

    #[test]
    fn a_chart_matches_the_stylesheet() {
        assert_eq!(of(".slide__figure", "margin"), [FIGURE.0, 0.0, 0.0]);
        let caption = ".slide__figure figcaption";
        assert_eq!(of(caption, "font-size"), [FIGURE.1]);
        assert_eq!(of(caption, "line-height"), [FIGURE.2]);
        assert_eq!(of(".slide__figure svg", "max-height"), [FIGURE.3]);
    }

    #[test]
    fn the_title_and_closing_slides_match_the_stylesheet() {
        let covers = ".slide--title .slide__inner, .slide--closing .slide__inner";
        assert_eq!(of(covers, "padding"), [COVER_PAD]);
        assert_eq!(of(".slide__org", "font-size"), [ORG.0]);
        assert_eq!(of(".slide__org", "line-height"), [ORG.1]);
        assert_eq!(of(".slide__org", "margin"), [0.0, 0.0, ORG.2]);
        assert_eq!(of(".slide--closing .slide__org", "margin"), [0.0]);
        let title = ".slide__deck-title";
        assert_eq!(of(title, "font-size"), [TITLE_SIZES[0]]);
        assert_eq!(of(title, "line-height"), [DECK_TITLE.0]);
        assert_eq!(of(title, "margin"), [0.0, 0.0, DECK_TITLE.1]);
        let sub = ".slide__subtitle";
        assert_eq!(
            of(sub, "font-size"),
            [TITLE_SIZES[0], 1.0 / SUBTITLE.0, SUBTITLE.1]
        );
        assert_eq!(of(sub, "line-height"), [SUBTITLE.2]);
        assert_eq!(of(sub, "margin"), [0.0, 0.0, SUBTITLE.3]);
        assert_eq!(of(".slide__year", "font-size"), [YEAR.0]);
        assert_eq!(of(".slide__year", "line-height"), [YEAR.1]);
        assert_eq!(
            of(".slide__year", "border-top")[0] + of(".slide__year", "padding-top")[0],
            YEAR.2
        );
        assert_eq!(of(".slide__logo", "height"), [LOGO.0]);
        assert_eq!(of(".slide__logo", "margin"), [0.0, 0.0, LOGO.1]);
        assert_eq!(of(".slide__contact", "font-size"), [CONTACT.0]);
        assert_eq!(of(".slide__contact", "line-height"), [CONTACT.1]);
        assert_eq!(of(".slide__contact", "margin"), [CONTACT.2, 0.0, 0.0]);
        let statement = ".slide__statement";
        assert_eq!(of(statement, "font-size"), [CLOSING_SIZES[0]]);
        assert_eq!(of(statement, "line-height"), [STATEMENT.0]);
        assert_eq!(of(statement, "margin"), [0.0, 0.0, STATEMENT.1]);
    }

    #[test]
    fn every_type_size_the_fit_can_choose_has_a_css_class() {
        for size in SIZES.iter().chain(&TITLE_SIZES).chain(&CLOSING_SIZES) {
            assert_eq!(of(&format!(".slide--size-{size}"), "--size"), [*size]);
        }
    }

    #[test]
    fn decks_print_on_16_9_pages_and_the_report_keeps_a4() {
        assert!(SLIDES_CSS.contains("@page { size: 254mm 142.875mm; margin: 0; }"));
        assert_eq!(254.0 / 142.875, SLIDE.0 / SLIDE.1);
        assert!(SLIDES_CSS.contains(".deck__item + .deck__item { break-before: page; }"));
        assert!(SLIDES_CSS.contains("print-color-adjust: exact"));
        assert!(REPORT_CSS.contains("@page { size: A4;"));
        assert!(
            !REPORT_CSS.contains("254mm"),
            "the report stylesheet must not carry slide print rules"
        );
    }

    #[test]
    fn a_picture_is_never_enlarged_and_keeps_its_shape() {
        assert_eq!(fitted((400.0, 200.0), (1136.0, 240.0)), (400.0, 200.0));
        assert_eq!(fitted((1600.0, 1200.0), (1136.0, 240.0)), (320.0, 240.0));
        assert_eq!(fitted((4000.0, 100.0), (1000.0, 240.0)), (1000.0, 25.0));
        assert_eq!(fitted((10.0, 10.0), (0.0, 240.0)), (0.0, 0.0));
    }

    #[test]
    fn only_the_style_the_renderer_writes_is_a_shared_height() {
        assert_eq!(
            shared_height("max-height:calc(120.0 * var(--u))"),
            Some(120.0)
        );
        assert_eq!(shared_height("max-height:calc(1e9999 * var(--u))"), None);
        assert_eq!(shared_height("max-height:calc(-3 * var(--u))"), None);
        assert_eq!(shared_height("max-height:120px"), None);
    }
}
