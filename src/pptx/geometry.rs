//! Where things sit on a slide, in the HTML deck's design pixels (1280 × 720),
//! taken from `slides.css`: the same paddings, sizes and line heights, so the
//! PowerPoint slide looks like the deck's. The numbers the slide fitting uses
//! come from [`crate::render::slides::geometry`], so the two cannot drift apart.

use super::shapes::Rect;
use crate::render::slides::geometry::{self as deck, KIND_LINE, PAD, TITLE};
use crate::render::slides::measure::plain_lines;

/// The slide.
pub(super) const SLIDE: (f32, f32) = deck::SLIDE;
/// Left and right padding of a section slide.
pub(super) const PAD_X: f32 = PAD.0;
/// Width inside the paddings.
pub(super) const INNER_W: f32 = SLIDE.0 - 2.0 * PAD_X;
/// Top padding.
const PAD_TOP: f32 = PAD.1;
/// Bottom padding: the body ends here; the footer sits in it.
pub(super) const BODY_BOTTOM: f32 = SLIDE.1 - PAD.2;

/// The kind's band across the top of a section slide.
pub(super) const BAND: Rect = Rect {
    x: 0.0,
    y: 0.0,
    w: SLIDE.0,
    h: 16.0,
};
/// The kind label (22 px, line 28 px).
pub(super) const KIND: Rect = Rect {
    x: PAD_X,
    y: PAD_TOP,
    w: INNER_W,
    h: KIND_LINE.0,
};
/// The label's type size.
pub(super) const KIND_SIZE: f32 = 22.0;
/// The section title's type size.
pub(super) const TITLE_SIZE: f32 = TITLE.0;
const TITLE_Y: f32 = PAD_TOP + KIND_LINE.0 + KIND_LINE.1;

/// The footer line: organisation on the left, slide number on the right (16 px).
pub(super) const FOOTER: Rect = Rect {
    x: PAD_X,
    y: SLIDE.1 - 36.0,
    w: INNER_W - 160.0,
    h: 24.0,
};
/// The slide number's box.
pub(super) const NUMBER: Rect = Rect {
    x: SLIDE.0 - PAD_X - 160.0,
    y: SLIDE.1 - 36.0,
    w: 160.0,
    h: 24.0,
};
/// The footer's type size.
pub(super) const FOOTER_SIZE: f32 = 16.0;

/// The title of a section slide, as tall as its lines.
pub(super) fn title(text: &str) -> Rect {
    let lines = plain_lines(text, INNER_W, TITLE_SIZE, true).max(1);
    Rect {
        x: PAD_X,
        y: TITLE_Y,
        w: INNER_W,
        h: lines as f32 * TITLE_SIZE * TITLE.1,
    }
}

/// The room below a title box (`.slide__main`), in which the body is centred.
pub(super) fn body(title: Rect) -> Rect {
    let y = title.y + title.h + TITLE.2;
    Rect {
        x: PAD_X,
        y,
        w: INNER_W,
        h: (BODY_BOTTOM - y).max(40.0),
    }
}

/// Where content `height` tall starts in `room`: the room it leaves goes
/// [`deck::MAIN_SPACE`] (2 : 3) above and below it (`.slide__main::before`,
/// `::after`), none when it does not fit.
pub(super) fn centred(room: Rect, height: f32) -> f32 {
    let (above, below) = deck::MAIN_SPACE;
    room.y + (room.h - height).max(0.0) * above / (above + below)
}

/// The default title box of the section layout (one line).
pub(super) const LAYOUT_TITLE: Rect = Rect {
    x: PAD_X,
    y: TITLE_Y,
    w: INNER_W,
    h: TITLE_SIZE * TITLE.1,
};
/// The default body box of the section layout.
pub(super) const LAYOUT_BODY: Rect = Rect {
    x: PAD_X,
    y: TITLE_Y + TITLE_SIZE * TITLE.1 + TITLE.2,
    w: INNER_W,
    h: BODY_BOTTOM - (TITLE_Y + TITLE_SIZE * TITLE.1 + TITLE.2),
};
/// Padding of the title and closing slides, all sides.
const COVER_PAD: f32 = deck::COVER_PAD;
/// The cover's text area.
pub(super) const COVER: Rect = Rect {
    x: COVER_PAD,
    y: COVER_PAD,
    w: SLIDE.0 - 2.0 * COVER_PAD,
    h: SLIDE.1 - 2.0 * COVER_PAD,
};

/// The logo on the title and closing slides (`.slide__logo`): its plate's
/// height, the plate's padding above and below, at the sides, and the gap below it.
pub(super) const COVER_LOGO: (f32, f32, f32, f32) = (deck::LOGO.0, 16.0, 24.0, deck::LOGO.1);
/// The logo plate's largest width (`max-width`).
pub(super) const COVER_LOGO_MAX_W: f32 = 560.0;
/// The logo in the footer (`.slide__footer-logo`): height, largest width, gap after it.
pub(super) const FOOTER_LOGO: (f32, f32, f32) = (20.0, 120.0, 12.0);
/// The rule above the year on the title slide (`.slide__year`'s `border-top`);
/// the rest of [`deck::YEAR`]'s 12 px is its `padding-top`.
pub(super) const YEAR_RULE: f32 = 4.0;
/// The contact line of the closing slide (`.slide__contact`): size, line height, gap above.
pub(super) const CONTACT: (f32, f32, f32) = deck::CONTACT;

/// Height of `text` at `size` px with line height `line`, in the cover's width.
pub(super) fn cover_lines(text: &str, size: f32, line: f32, bold: bool) -> f32 {
    plain_lines(text, COVER.w, size, bold).max(1) as f32 * size * line
}
