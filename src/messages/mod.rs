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

/// One argument of a message: text, or a count that also picks the plural form.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Arg {
    /// A file name, a value, a word from the content: shown as it is.
    Text(String),
    /// A number; the one named `n` chooses between `one` and `other`.
    Count(u64),
}

impl fmt::Display for Arg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Arg::Text(t) => f.write_str(t),
            Arg::Count(n) => write!(f, "{n}"),
        }
    }
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
        fill(template, &self.args)
    }
}

/// Text an editor reads: a catalogue message, or (until every text of the
/// library is in the catalogue) English text written where it was found.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Text {
    /// A message from the catalogue, shown in the editor's language.
    Message(Message),
    /// English text not yet in the catalogue, shown as it is in every language.
    Plain(String),
}

impl Text {
    /// The text in `lang`.
    pub fn render(&self, lang: Lang) -> Cow<'_, str> {
        match self {
            Text::Message(m) => Cow::Owned(m.render(lang)),
            Text::Plain(s) => Cow::Borrowed(s),
        }
    }

    /// The catalogue message, if this text is one.
    pub fn message(&self) -> Option<&Message> {
        match self {
            Text::Message(m) => Some(m),
            Text::Plain(_) => None,
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

impl From<String> for Text {
    fn from(s: String) -> Self {
        Text::Plain(s)
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text::Plain(s.to_string())
    }
}

impl From<&String> for Text {
    fn from(s: &String) -> Self {
        Text::Plain(s.clone())
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
fn fill(template: &str, args: &[(&'static str, Arg)]) -> String {
    let values: Vec<(&str, String)> = args.iter().map(|(k, v)| (*k, v.to_string())).collect();
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
            fill("{file}: {n} × { sv = \"…\" } {{x}} {missing}", &args),
            "a.md: 3 × { sv = \"…\" } {{x}} {missing}"
        );
        assert_eq!(fill("{", &args), "{");
        assert_eq!(fill("{file", &args), "{file");
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
