//! What the `summering` commands print, as text: the binary's own module
//! (declared in `main.rs`), since presenting results to people is not the
//! library's job; the library hands back typed results and errors.
//!
//! Colour is used only when the output is a terminal and `NO_COLOR` is not
//! set (no-color.org); every line reads the same without it.

pub(crate) mod archive;
pub(crate) mod check;
pub(crate) mod help;
pub(crate) mod messages;
pub(crate) mod usage_error;

use std::io::IsTerminal;

use std::fmt::Write as _;

use summering::lang::Lang;
use summering::messages::{Message, MessageId};
use summering::{BuildError, ErrorKind, SiteError};

/// Whether to colour text for one output stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Style {
    /// True to use ANSI colours.
    pub color: bool,
}

impl Style {
    /// Colour for standard error when it is a terminal and `NO_COLOR` is unset or empty.
    pub(crate) fn stderr() -> Style {
        Style {
            color: no_color_unset() && std::io::stderr().is_terminal(),
        }
    }

    /// Colour for standard output when it is a terminal and `NO_COLOR` is unset or empty.
    pub(crate) fn stdout() -> Style {
        Style {
            color: no_color_unset() && std::io::stdout().is_terminal(),
        }
    }

    /// `text` in bold red (errors).
    pub(crate) fn red(self, text: &str) -> String {
        self.paint("\x1b[1;31m", text)
    }

    /// `text` in bold yellow (warnings).
    pub(crate) fn yellow(self, text: &str) -> String {
        self.paint("\x1b[1;33m", text)
    }

    /// `text` in bold green (success).
    pub(crate) fn green(self, text: &str) -> String {
        self.paint("\x1b[1;32m", text)
    }

    fn paint(self, code: &str, text: &str) -> String {
        if self.color {
            format!("{code}{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
}

/// Writes `text` to standard output. A closed pipe (`summering check | head`,
/// `summering serve | head -1`) or a full disk is not an error of the command:
/// `print!` would panic there. The exit code still says how the command went.
pub(crate) fn say(text: &str) {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    // serve writes a line per rebuild: each is seen when it happens.
    let _ = out.flush();
}

fn no_color_unset() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Every problem of a failed command, each headed by its kind and title.
pub(crate) fn errors(e: &BuildError, style: Style, lang: Lang) -> String {
    let handler = handler(style);
    let mut all = String::new();
    for err in &e.errors {
        all.push_str(&framed(err, &handler, style, lang));
        all.push('\n');
    }
    all
}

/// What `build` prints when it fails: each problem, then what happened to
/// the output folder.
pub(crate) fn failed_build(e: &BuildError, style: Style, lang: Lang) -> String {
    let mut all = errors(e, style, lang);
    // Only where it is true: a swap that failed halfway says itself where the
    // previous build is.
    let after = if e.has(ErrorKind::OutputMovedAside) {
        MessageId::BuildOutputMovedAside
    } else {
        MessageId::BuildOutputUnchanged
    };
    let _ = writeln!(
        all,
        "{}; {}",
        e.summary().render(lang),
        Message::new(after).render(lang)
    );
    all
}

/// A kind's name as in `check`'s JSON (`broken-link`).
pub(crate) fn kind_name(kind: impl serde::Serialize) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

/// "error[broken-link]: Broken link" and the problem's [`frame`] under it.
pub(crate) fn framed(
    err: &SiteError,
    handler: &miette::GraphicalReportHandler,
    style: Style,
    lang: Lang,
) -> String {
    let word = Message::new(MessageId::FrameError).render(lang);
    let title = Message::new(err.kind().title()).render(lang);
    let head = style.red(&format!("{word}[{}]", kind_name(err.kind())));
    format!("{head}: {title}\n{}", frame(err, handler, lang))
}

/// miette's report handler, with colour or without.
pub(crate) fn handler(style: Style) -> miette::GraphicalReportHandler {
    miette::GraphicalReportHandler::new_themed(if style.color {
        miette::GraphicalTheme::unicode()
    } else {
        miette::GraphicalTheme::unicode_nocolor()
    })
}

/// One problem in `lang`: miette's frame (message, snippet, label), then the
/// help line, which miette would head with the English word "help".
pub(crate) fn frame(
    err: &SiteError,
    handler: &miette::GraphicalReportHandler,
    lang: Lang,
) -> String {
    let shown = err.in_lang(lang);
    let mut out = String::new();
    if handler.render_report(&mut out, &shown).is_err() {
        out = format!("{shown}\n");
    }
    if let Some(help) = err.help_in(lang) {
        let word = Message::new(MessageId::FrameHelp).render(lang);
        let _ = writeln!(out, "  {word}: {help}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_colour_means_plain_text() {
        let plain = Style { color: false };
        assert_eq!(plain.red("error"), "error");
        assert_eq!(Style { color: true }.yellow("w"), "\x1b[1;33mw\x1b[0m");
    }
}
