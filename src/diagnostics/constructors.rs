//! How a [`SiteError`] is made, as the trait [`Catalogued`]: every text
//! (message, help, label) is a catalogue [`Message`], so it exists in Swedish
//! and English. Given a `&str` or a `String`, it does not compile, and
//! [`crate::messages::Text`] has no way to hold English text: a message
//! outside the catalogue cannot come back.

use std::ops::Range;
use std::sync::Arc;

use super::{ErrorKind, SiteError};
use crate::messages::{Message, Text};

/// Making a [`SiteError`] from catalogue texts only.
pub(crate) trait Catalogued: Sized {
    /// A problem with no file (rare: for example no content folder at all).
    fn new(kind: ErrorKind, message: impl Into<Message>) -> Self;
    /// A problem in a whole file (no particular place in it).
    fn in_file(kind: ErrorKind, file: impl Into<String>, message: impl Into<Message>) -> Self;
    /// A problem at a byte range of a file whose text we have.
    fn at(
        kind: ErrorKind,
        file: impl Into<String>,
        text: &Arc<str>,
        span: Range<usize>,
        message: impl Into<Message>,
    ) -> Self;
    /// Adds the help line: what the editor should do about it.
    fn with_help(self, help: impl Into<Message>) -> Self;
    /// Adds the short text shown under the caret.
    fn with_label(self, label: impl Into<Message>) -> Self;
}

impl Catalogued for SiteError {
    fn new(kind: ErrorKind, message: impl Into<Message>) -> Self {
        SiteError::with_message(kind, Text::Message(message.into()))
    }

    fn in_file(kind: ErrorKind, file: impl Into<String>, message: impl Into<Message>) -> Self {
        <SiteError as Catalogued>::new(kind, message).in_whole(file.into())
    }

    fn at(
        kind: ErrorKind,
        file: impl Into<String>,
        text: &Arc<str>,
        span: Range<usize>,
        message: impl Into<Message>,
    ) -> Self {
        <SiteError as Catalogued>::new(kind, message).placed(file.into(), text, span)
    }

    fn with_help(self, help: impl Into<Message>) -> Self {
        self.set_help(Text::Message(help.into()))
    }

    fn with_label(self, label: impl Into<Message>) -> Self {
        self.set_label(Text::Message(label.into()))
    }
}
