//! clap's refusals of a command line ("unexpected argument", "invalid value")
//! in the editor's language. clap writes them in English with no hook for
//! the words, but hands over what it found (the argument, the value, the
//! usage), so the common ones are said again from the catalogue; the rare
//! rest keep clap's English.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use summering::lang::Lang;
use summering::messages::{Message, MessageId};

/// `e` as the binary prints it in `lang`, or `None` for clap's own text
/// (English, and the kinds this does not know).
pub(crate) fn in_lang(e: &clap::Error, lang: Lang) -> Option<String> {
    if lang == Lang::En || !e.use_stderr() {
        return None;
    }
    let text = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(list)) => Some(list.join(", ")),
        Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
        Some(ContextValue::StyledStrs(list)) => Some(
            list.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        _ => None,
    };
    let arg = text(ContextKind::InvalidArg);
    let value = text(ContextKind::InvalidValue);
    let message = match e.kind() {
        ErrorKind::UnknownArgument => MessageId::UsageUnknownArgument.arg("arg", arg?),
        ErrorKind::InvalidSubcommand => {
            MessageId::UsageUnknownCommand.arg("command", text(ContextKind::InvalidSubcommand)?)
        }
        ErrorKind::InvalidValue => match text(ContextKind::ValidValue) {
            Some(valid) => Message::new(MessageId::UsageInvalidValueOneOf)
                .arg("value", value?)
                .arg("arg", arg?)
                .arg("valid", valid),
            None => MessageId::UsageMissingValue.arg("arg", arg?),
        },
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(e).map(ToString::to_string)?;
            Message::new(MessageId::UsageInvalidValue)
                .arg("value", value?)
                .arg("arg", arg?)
                .arg("why", why)
        }
        ErrorKind::MissingRequiredArgument => MessageId::UsageMissing.arg("args", arg?),
        ErrorKind::ArgumentConflict => Message::new(MessageId::UsageConflict)
            .arg("arg", arg?)
            .arg("other", text(ContextKind::PriorArg)?),
        _ => return None,
    };
    let t = |id: MessageId| Message::new(id).render(lang);
    let mut out = format!("{}: {}\n", t(MessageId::FrameError), message.render(lang));
    let suggested =
        text(ContextKind::SuggestedArg).or_else(|| text(ContextKind::SuggestedSubcommand));
    if let Some(suggested) = suggested {
        let tip = MessageId::UsageDidYouMean.arg("suggested", suggested);
        out.push_str(&format!("\n  {}\n", tip.render(lang)));
    }
    if let Some(usage) = text(ContextKind::Usage) {
        let usage = usage.trim();
        let usage = usage.strip_prefix("Usage:").unwrap_or(usage).trim();
        let usage = super::help::usage_in(usage, lang);
        out.push_str(&format!("\n{}: {usage}\n", t(MessageId::CliUsage)));
    }
    out.push_str(&format!("\n{}\n", t(MessageId::UsageMoreHelp)));
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn refusal(line: &str) -> clap::Error {
        let args: Vec<&str> = line.split(' ').collect();
        let command = crate::cli::help::in_lang(crate::Cli::command(), Lang::Sv);
        command.try_get_matches_from(args).unwrap_err()
    }

    #[test]
    fn common_refusals_are_in_swedish_with_what_was_written() {
        for (line, written) in [
            ("summering build --nonsense", "--nonsense"),
            ("summering bygg", "bygg"),
            ("summering check --format html", "html"),
            ("summering check --lang de", "de"),
            ("summering new", "<ÅR>"),
            ("summering archive --verify a.zip --force", "--force"),
        ] {
            let e = refusal(line);
            let shown = in_lang(&e, Lang::Sv).unwrap_or_else(|| panic!("{line}: {e}"));
            assert!(shown.contains(written), "{line}: {shown}");
            assert!(shown.starts_with("fel: "), "{line}: {shown}");
            for english in [
                "error:",
                "Usage:",
                "For more information",
                "unexpected",
                "invalid",
                "[OPTIONS]",
                "<YEAR>",
            ] {
                assert!(!shown.contains(english), "{line}: {english} in {shown}");
            }
            assert_eq!(in_lang(&e, Lang::En), None);
        }
    }
}
