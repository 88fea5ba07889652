//! What the `summering` commands print, as text: the binary's own module
//! (declared in `main.rs`), since presenting results to people is not the
//! library's job; the library hands back typed results and errors.
//!
//! Colour is used only when the output is a terminal and `NO_COLOR` is not
//! set (no-color.org); every line reads the same without it.

pub(crate) mod archive;
pub(crate) mod check;
pub(crate) mod messages;

use std::io::IsTerminal;

use summering::BuildError;

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

fn no_color_unset() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Every problem of a failed build with its snippet, as `build` prints them.
pub(crate) fn errors(e: &BuildError, style: Style) -> String {
    let handler = miette::GraphicalReportHandler::new_themed(if style.color {
        miette::GraphicalTheme::unicode()
    } else {
        miette::GraphicalTheme::unicode_nocolor()
    });
    let mut all = String::new();
    for err in &e.errors {
        let mut out = String::new();
        if handler.render_report(&mut out, err).is_err() {
            out = err.to_string();
        }
        all.push_str(&format!("{}: {err}\n{out}\n", style.red("error")));
    }
    all
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
