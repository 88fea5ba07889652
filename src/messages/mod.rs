//! The texts an editor reads — errors, help lines, warnings, command
//! summaries — in Swedish and English, from one catalogue.
//!
//! The library never picks a language: an error or a summary carries a
//! [`Message`] (a [`MessageId`] and its arguments), and whoever shows it (the
//! binary, the preview's error page) renders it with [`Message::render`] in
//! the language the editor asked for ([`editor_lang`]).
//!
//! The texts are in `catalogue.toml` beside this file, compiled in: every id
//! has an `sv` and an `en` text (a unit test fails otherwise), written as
//! plain text with `{name}` for an argument, or as `{ one = "…", other = "…" }`
//! where the count `{n}` chooses the form (Swedish and English agree on when).

mod catalogue;
mod ids;

use std::borrow::Cow;
use std::fmt;

use crate::lang::Lang;

pub use ids::MessageId;

/// One argument of a message: text, a count that also picks the plural form,
/// a decimal number, or another message (shown in the same language).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Arg {
    /// A file name, a value, a word from the content: shown as it is.
    Text(String),
    /// A number; the one named `n` chooses between `one` and `other`.
    Count(u64),
    /// A decimal number, `scaled` / 10^`places`: Swedish writes it with a
    /// decimal comma ("1,5 MB"), English with a point.
    Decimal {
        /// The value times 10^`places`, rounded.
        scaled: i64,
        /// The digits after the decimal sign.
        places: u8,
    },
    /// A catalogue text inside this one (what could not be done, a kind's name).
    Message(Box<Message>),
}

impl Arg {
    /// The argument as the text of a message in `lang`.
    fn render(&self, lang: Lang) -> String {
        match self {
            Arg::Text(t) => t.clone(),
            Arg::Count(n) => n.to_string(),
            Arg::Decimal { scaled, places } => decimal(*scaled, *places, lang),
            Arg::Message(m) => m.render(lang),
        }
    }
}

/// `scaled` / 10^`places` with the decimal sign of `lang`.
fn decimal(scaled: i64, places: u8, lang: Lang) -> String {
    let sign = if scaled < 0 { "-" } else { "" };
    let digits = scaled.unsigned_abs().to_string();
    let places = usize::from(places);
    if places == 0 {
        return format!("{sign}{digits}");
    }
    let digits = format!("{digits:0>width$}", width = places + 1);
    let (whole, fraction) = digits.split_at(digits.len() - places);
    let point = match lang {
        Lang::Sv => ',',
        Lang::En => '.',
    };
    format!("{sign}{whole}{point}{fraction}")
}

/// A message from the catalogue with its arguments, not yet in a language.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Message {
    id: MessageId,
    args: Vec<(&'static str, Arg)>,
}

impl Message {
    /// The message `id` with no arguments yet.
    pub fn new(id: MessageId) -> Self {
        Message {
            id,
            args: Vec::new(),
        }
    }

    /// Adds the text argument `{name}`.
    pub fn arg(mut self, name: &'static str, value: impl fmt::Display) -> Self {
        self.args.push((name, Arg::Text(value.to_string())));
        self
    }

    /// Adds the number argument `{name}` (`n` also picks the plural form).
    pub fn count(mut self, name: &'static str, n: impl TryInto<u64>) -> Self {
        let n = n.try_into().unwrap_or(u64::MAX);
        self.args.push((name, Arg::Count(n)));
        self
    }

    /// Adds the decimal argument `{name}`, shown with `places` digits after
    /// the decimal sign of the language.
    pub fn decimal(mut self, name: &'static str, value: f64, places: u8) -> Self {
        let scaled = value * 10f64.powi(i32::from(places));
        // Saturates at the ends of i64 and makes NaN 0: a message never panics.
        #[allow(clippy::cast_possible_truncation, reason = "rounded and saturating")]
        let scaled = scaled.round() as i64;
        self.args.push((name, Arg::Decimal { scaled, places }));
        self
    }

    /// Adds `{name}`, itself a catalogue text, rendered in the same language.
    pub fn message(mut self, name: &'static str, value: impl Into<Message>) -> Self {
        self.args.push((name, Arg::Message(Box::new(value.into()))));
        self
    }

    /// Which message this is.
    pub fn id(&self) -> MessageId {
        self.id
    }

    /// The value of argument `name`, if given.
    pub fn get(&self, name: &str) -> Option<&Arg> {
        self.args.iter().find(|(k, _)| *k == name).map(|(_, v)| v)
    }

    /// The message in `lang`, arguments filled in.
    pub fn render(&self, lang: Lang) -> String {
        let n = match self.get("n") {
            Some(Arg::Count(n)) => Some(*n),
            _ => None,
        };
        let template = catalogue::text(self.id, lang, n);
        fill(template, &self.args, lang)
    }
}

impl From<MessageId> for Message {
    fn from(id: MessageId) -> Self {
        Message::new(id)
    }
}

/// Shorthands that start a [`Message`] from its id.
impl MessageId {
    /// [`Message::arg`] on this message.
    pub fn arg(self, name: &'static str, value: impl fmt::Display) -> Message {
        Message::new(self).arg(name, value)
    }

    /// [`Message::count`] on this message.
    pub fn count(self, name: &'static str, n: impl TryInto<u64>) -> Message {
        Message::new(self).count(name, n)
    }

    /// The text of a message that takes no arguments, as the catalogue holds
    /// it: for clap's headings, which keep a `&'static str`.
    pub fn text(self, lang: Lang) -> &'static str {
        catalogue::text(self, lang, None)
    }

    /// [`Message::message`] on this message.
    pub fn message(self, name: &'static str, value: impl Into<Message>) -> Message {
        Message::new(self).message(name, value)
    }
}

/// Text an editor reads: always a catalogue message, shown in the editor's
/// language (English text cannot be made into one, so it cannot come back).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Text {
    /// A message from the catalogue, shown in the editor's language.
    Message(Message),
}

impl Text {
    /// The text in `lang`.
    pub fn render(&self, lang: Lang) -> Cow<'_, str> {
        match self {
            Text::Message(m) => Cow::Owned(m.render(lang)),
        }
    }

    /// The catalogue message.
    pub fn message(&self) -> Option<&Message> {
        match self {
            Text::Message(m) => Some(m),
        }
    }
}

impl From<Message> for Text {
    fn from(m: Message) -> Self {
        Text::Message(m)
    }
}

impl From<MessageId> for Text {
    fn from(id: MessageId) -> Self {
        Text::Message(Message::new(id))
    }
}

/// English, as tools and logs read it.
impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// English, as `check --format json` writes it for tools.
impl serde::Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.render(Lang::En))
    }
}

/// The language codes `languages` as a message shows them: "sv, en".
pub(crate) fn codes(languages: &[Lang]) -> String {
    let codes: Vec<&str> = languages.iter().map(|l| l.code()).collect();
    codes.join(", ")
}

/// The language the editor reads messages in: `choice` (the `--lang` option)
/// if given, else the first set of `LC_ALL`, `LC_MESSAGES` and `LANG` (as
/// POSIX orders them) — Swedish when it starts with `sv`, English otherwise —
/// and English when none is set.
pub fn editor_lang(choice: Option<Lang>, env: impl Fn(&str) -> Option<String>) -> Lang {
    if let Some(lang) = choice {
        return lang;
    }
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(env)
        .find(|v| !v.is_empty());
    match locale {
        Some(v) if v.to_ascii_lowercase().starts_with("sv") => Lang::Sv,
        _ => Lang::En,
    }
}

/// `template` with each `{name}` that is an argument replaced by its value;
/// other braces (`{ sv = "…" }`, `{{placeholders}}`) stay as they are (the
/// charts' string files are filled the same way).
fn fill(template: &str, args: &[(&'static str, Arg)], lang: Lang) -> String {
    let values: Vec<(&str, String)> = args.iter().map(|(k, v)| (*k, v.render(lang))).collect();
    let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    crate::charts::strings::fill(template, &values)
}

/// The argument names a catalogue text uses (`{name}`), for the tests.
#[cfg(test)]
fn placeholders(template: &str) -> std::collections::BTreeSet<&str> {
    let mut out = std::collections::BTreeSet::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let len = after
            .find(|c: char| !(c.is_ascii_lowercase() || c == '_'))
            .unwrap_or(after.len());
        // `{{placeholders}}` is the editor's notation, not an argument.
        let literal = template[..template.len() - rest.len() + open].ends_with('{');
        if len > 0 && after[len..].starts_with('}') && !literal {
            out.insert(&after[..len]);
        }
        rest = after;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn the_option_wins_then_lc_all_then_lc_messages_then_lang() {
        let sv = [("LANG", "sv_SE.UTF-8")];
        assert_eq!(editor_lang(None, env(&sv)), Lang::Sv);
        assert_eq!(editor_lang(Some(Lang::En), env(&sv)), Lang::En);
        let both = [("LC_ALL", "en_GB.UTF-8"), ("LANG", "sv_SE.UTF-8")];
        assert_eq!(editor_lang(None, env(&both)), Lang::En);
        let messages = [("LC_MESSAGES", "sv_FI"), ("LANG", "C")];
        assert_eq!(editor_lang(None, env(&messages)), Lang::Sv);
        let empty = [("LC_ALL", ""), ("LANG", "sv")];
        assert_eq!(editor_lang(None, env(&empty)), Lang::Sv);
        assert_eq!(editor_lang(None, env(&[])), Lang::En);
        assert_eq!(editor_lang(None, env(&[("LANG", "C.UTF-8")])), Lang::En);
    }

    #[test]
    fn arguments_are_filled_and_other_braces_kept() {
        let args = [("file", Arg::Text("a.md".into())), ("n", Arg::Count(3))];
        assert_eq!(
            fill(
                "{file}: {n} × { sv = \"…\" } {{x}} {missing}",
                &args,
                Lang::En
            ),
            "a.md: 3 × { sv = \"…\" } {{x}} {missing}"
        );
        assert_eq!(fill("{", &args, Lang::En), "{");
        assert_eq!(fill("{file", &args, Lang::En), "{file");
    }

    #[test]
    fn decimals_have_a_comma_in_swedish_and_a_point_in_english() {
        let m = Message::new(MessageId::WarnLargePicture).decimal("mb", 1.46, 1);
        assert!(
            m.render(Lang::Sv).contains("1,5 MB"),
            "{}",
            m.render(Lang::Sv)
        );
        assert!(
            m.render(Lang::En).contains("1.5 MB"),
            "{}",
            m.render(Lang::En)
        );
        assert_eq!(decimal(5, 2, Lang::Sv), "0,05");
        assert_eq!(decimal(-125, 2, Lang::En), "-1.25");
        assert_eq!(decimal(7, 0, Lang::Sv), "7");
        assert_eq!(decimal(i64::MIN, 1, Lang::En), "-922337203685477580.8");
    }

    #[test]
    fn a_message_argument_is_in_the_same_language() {
        let m = Message::new(MessageId::FrameIo)
            .message("action", MessageId::FrameHelp)
            .arg("reason", "x");
        assert_eq!(m.render(Lang::Sv), "kunde inte hjälp: x");
        assert_eq!(m.render(Lang::En), "could not help: x");
    }

    #[test]
    fn every_message_has_both_languages_with_the_same_arguments() {
        for &id in MessageId::ALL {
            for n in [None, Some(1), Some(2)] {
                let sv = catalogue::lookup(id, Lang::Sv, n);
                let en = catalogue::lookup(id, Lang::En, n);
                let (Some(sv), Some(en)) = (sv, en) else {
                    panic!("{} lacks a text in sv or en", id.key());
                };
                assert!(
                    !sv.trim().is_empty() && !en.trim().is_empty(),
                    "{}",
                    id.key()
                );
                assert_eq!(
                    placeholders(sv),
                    placeholders(en),
                    "{}: sv and en use different arguments",
                    id.key()
                );
            }
        }
    }

    #[test]
    fn the_catalogue_has_no_text_without_an_id() {
        let known: std::collections::BTreeSet<&str> =
            MessageId::ALL.iter().map(|id| id.key()).collect();
        for key in catalogue::keys() {
            assert!(
                known.contains(key.as_str()),
                "{key} is in the catalogue but has no id"
            );
        }
    }

    #[test]
    fn the_count_picks_the_plural_form() {
        let one = Message::new(MessageId::BuildFailed).count("n", 1u64);
        let two = Message::new(MessageId::BuildFailed).count("n", 2u64);
        assert_ne!(one.render(Lang::En), two.render(Lang::En));
        assert!(two.render(Lang::Sv).contains('2'));
    }
}
