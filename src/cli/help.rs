//! `summering --help` and each command's `--help` in the editor's language.
//!
//! clap derives the English help from the doc comments in `main.rs`; for a
//! Swedish editor the same command is given the catalogue's Swedish texts at
//! run time (about, the examples, each option, clap's own headings and its
//! `--help`/`--version` lines). The catalogue's English texts are the derived
//! ones, word for word: a unit test compares them, and fails for an option or
//! command that has no entry here, so a new option cannot lack its Swedish.

use clap::Command;
use summering::lang::Lang;
use summering::messages::{Message, MessageId};

/// The help texts of one command: its about, its long about, and its options.
struct Texts {
    about: MessageId,
    long_about: Option<MessageId>,
    args: &'static [(&'static str, MessageId)],
}

/// Every text of the command line, by subcommand name ("" for `summering` itself).
fn texts(command: &str) -> Option<Texts> {
    use MessageId as M;
    let (about, long_about, args): (_, _, &[_]) = match command {
        "" => (M::CliAbout, None, &[("lang", M::CliLang)]),
        "build" => (
            M::CliBuildAbout,
            Some(M::CliBuildLong),
            &[
                ("lang", M::CliLangAfter),
                ("root", M::CliRoot),
                ("output", M::CliBuildOutput),
                ("readable", M::CliBuildReadable),
                ("drafts", M::CliBuildDrafts),
            ],
        ),
        "check" => (
            M::CliCheckAbout,
            Some(M::CliCheckLong),
            &[
                ("lang", M::CliLangAfter),
                ("root", M::CliRoot),
                ("format", M::CliCheckFormat),
            ],
        ),
        "serve" => (
            M::CliServeAbout,
            Some(M::CliServeLong),
            &[
                ("lang", M::CliLangAfter),
                ("root", M::CliRoot),
                ("bind", M::CliServeBind),
                ("port", M::CliServePort),
                ("allow_network", M::CliServeAllowNetwork),
            ],
        ),
        "new" => (
            M::CliNewAbout,
            Some(M::CliNewLong),
            &[
                ("lang", M::CliLangAfter),
                ("year", M::CliNewYear),
                ("root", M::CliRoot),
            ],
        ),
        "import" => (
            M::CliImportAbout,
            Some(M::CliImportLong),
            &[
                ("file", M::CliImportFile),
                ("year", M::CliImportYear),
                ("lang", M::CliImportLang),
                ("root", M::CliRoot),
                ("force", M::CliImportForce),
            ],
        ),
        "archive" => (
            M::CliArchiveAbout,
            Some(M::CliArchiveLong),
            &[
                ("lang", M::CliLangAfter),
                ("year", M::CliArchiveYear),
                ("root", M::CliRoot),
                ("out", M::CliArchiveOut),
                ("force", M::CliArchiveForce),
                ("verify", M::CliArchiveVerify),
            ],
        ),
        _ => return None,
    };
    Some(Texts {
        about,
        long_about,
        args,
    })
}

/// The value names of `main.rs` (`<YEAR>`, `--root <ROOT>`) and clap's own
/// words of a usage line (`[OPTIONS]`, `<COMMAND>`), each with its text.
const PLACEHOLDERS: &[(&str, MessageId)] = &[
    ("YEAR", MessageId::CliValueYear),
    ("FILE", MessageId::CliValueFile),
    ("FILE.zip", MessageId::CliValueZip),
    ("OUT", MessageId::CliValueOut),
    ("OUTPUT", MessageId::CliValueOutput),
    ("ROOT", MessageId::CliValueRoot),
    ("LANG", MessageId::CliValueLang),
    ("BIND", MessageId::CliValueBind),
    ("PORT", MessageId::CliValuePort),
    ("FORMAT", MessageId::CliValueFormat),
];

/// clap's `[OPTIONS]` and `<COMMAND>` of a usage line in `lang` (clap has no
/// setting for them, so the line is written with them replaced).
pub(crate) fn usage_in(usage: &str, lang: Lang) -> String {
    usage
        .replace(
            "[OPTIONS]",
            &format!("[{}]", MessageId::CliUsageOptions.text(lang)),
        )
        .replace(
            "<COMMAND>",
            &format!("<{}>", MessageId::CliUsageCommand.text(lang)),
        )
}

/// The `--lang` given on the command line, read before clap parses it, so
/// that `--help` (which clap answers while parsing) is in that language: one
/// before the command, or after any command but `import` (whose `--lang` is
/// the deck's). A value that is not a language is left to clap to refuse.
pub(crate) fn asked_lang(args: &[std::ffi::OsString]) -> Option<Lang> {
    let mut command: Option<&str> = None;
    let mut found = None;
    let mut args = args.iter().skip(1).map(|a| a.to_str().unwrap_or(""));
    while let Some(arg) = args.next() {
        let value = match arg.strip_prefix("--lang") {
            Some("") => args.next(),
            Some(rest) => rest.strip_prefix('='),
            None => {
                if command.is_none() && !arg.starts_with('-') {
                    command = Some(arg);
                }
                continue;
            }
        };
        if command != Some("import") {
            found = value.and_then(Lang::from_code).or(found);
        }
    }
    found
}

/// `command` (the derived one) with its help in `lang`. English is what clap
/// derived; Swedish replaces every text, clap's own included.
pub(crate) fn in_lang(mut command: Command, lang: Lang) -> Command {
    if lang == Lang::En {
        return command;
    }
    // Built first, so that clap's --help, --version and help command are there
    // to be translated too; their order is kept (clap looks them up by place).
    command.build();
    let t = |id: MessageId| Message::new(id).render(lang);
    let command = localise(command, "", lang)
        .after_help(t(MessageId::CliExamples))
        .subcommand_help_heading(MessageId::CliCommands.text(lang))
        .mut_subcommand("help", |help| {
            help.about(t(MessageId::CliHelpCommand))
                .mut_args(|a| a.help(t(MessageId::CliHelpCommandArg)))
        });
    let names: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .filter(|name| texts(name).is_some())
        .collect();
    names.iter().fold(command, |command, name| {
        command.mut_subcommand(name, |sub| localise(sub, name, lang))
    })
}

/// One command's about, options and headings in `lang`.
fn localise(command: Command, name: &str, lang: Lang) -> Command {
    let t = |id: MessageId| Message::new(id).render(lang);
    let Some(texts) = texts(name) else {
        return command;
    };
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}",
        t(MessageId::CliUsage)
    );
    let mut command = command
        .about(t(texts.about))
        .help_template(template)
        .mut_args(|arg| {
            let heading = if arg.is_positional() {
                MessageId::CliArguments
            } else {
                MessageId::CliOptions
            };
            let help = match arg.get_id().as_str() {
                "help" => Some((MessageId::CliHelp, Some(MessageId::CliHelpLong))),
                "version" => Some((MessageId::CliVersion, None)),
                id => texts
                    .args
                    .iter()
                    .find(|(name, _)| *name == id)
                    .map(|(_, help)| (*help, None)),
            };
            // The values' own lines (`--format`'s) are derived English; the
            // option's Swedish help names them instead.
            // clap's "[default: .]" is English too: the default is said in the help.
            let shown = if arg.get_action().takes_values() {
                arg.get_default_values()
            } else {
                &[]
            };
            let default: Vec<String> = shown
                .iter()
                .map(|v| v.to_string_lossy().into_owned())
                .collect();
            let with_default = |text: String| match default.is_empty() {
                true => text,
                false => format!(
                    "{text} ({})",
                    MessageId::CliDefault
                        .arg("value", default.join(", "))
                        .render(lang)
                ),
            };
            let names: Vec<clap::builder::Str> = arg
                .get_value_names()
                .unwrap_or_default()
                .iter()
                .map(|name| {
                    PLACEHOLDERS
                        .iter()
                        .find(|(english, _)| *english == name.as_str())
                        .map_or_else(|| name.clone(), |(_, id)| id.text(lang).into())
                })
                .collect();
            let arg = if names.is_empty() {
                arg
            } else {
                arg.value_names(names)
            };
            let arg = arg
                .help_heading(heading.text(lang))
                .hide_possible_values(true)
                .hide_default_value(true);
            match help {
                Some((short, Some(long))) => arg.help(t(short)).long_help(t(long)),
                Some((short, None)) => arg.help(with_default(t(short))),
                None => arg,
            }
        });
    if let Some(long) = texts.long_about {
        command = command.long_about(t(long));
    }
    // The usage line clap would write, with the Swedish value names, then its own words.
    let usage = command.clone().render_usage().to_string();
    let usage = usage.trim().strip_prefix("Usage:").unwrap_or(&usage).trim();
    let usage = usage_in(usage, lang);
    command.override_usage(usage)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn en(id: MessageId) -> String {
        Message::new(id).render(Lang::En)
    }

    /// The catalogue's English is clap's derived English, and every command and
    /// option has an entry (so each has its Swedish).
    #[test]
    fn the_english_texts_are_the_derived_ones_for_every_option() {
        let root = crate::Cli::command();
        let mut commands = vec![("", &root)];
        commands.extend(root.get_subcommands().map(|c| (c.get_name(), c)));
        for (name, command) in commands {
            let texts = texts(name).unwrap_or_else(|| panic!("no texts for {name:?}"));
            assert_eq!(
                command.get_about().map(|a| a.to_string()),
                Some(en(texts.about)),
                "{name}"
            );
            assert_eq!(
                command.get_long_about().map(|a| a.to_string()),
                texts.long_about.map(en),
                "{name}"
            );
            for arg in command.get_arguments() {
                let id = arg.get_id().as_str();
                let (_, help) = texts
                    .args
                    .iter()
                    .find(|(n, _)| *n == id)
                    .unwrap_or_else(|| panic!("{name} --{id} has no catalogue text"));
                assert_eq!(
                    arg.get_help().map(|h| h.to_string()),
                    Some(en(*help)),
                    "{name} {id}"
                );
            }
        }
        assert_eq!(
            root.get_after_help().map(|h| h.to_string()),
            Some(en(MessageId::CliExamples))
        );
    }

    #[test]
    fn the_language_of_the_help_is_read_before_parsing() {
        let asked = |line: &str| {
            let args: Vec<std::ffi::OsString> = line.split(' ').map(Into::into).collect();
            asked_lang(&args)
        };
        assert_eq!(asked("summering --lang sv --help"), Some(Lang::Sv));
        assert_eq!(asked("summering build --help --lang=sv"), Some(Lang::Sv));
        assert_eq!(asked("summering --lang en check --lang sv"), Some(Lang::Sv));
        assert_eq!(asked("summering import d.txt --lang en --help"), None);
        assert_eq!(
            asked("summering --lang sv import d.txt --lang en"),
            Some(Lang::Sv)
        );
        assert_eq!(asked("summering check --lang de"), None);
        assert_eq!(asked("summering --help"), None);
    }

    #[test]
    fn swedish_help_has_no_english_text_left() {
        let mut command = in_lang(crate::Cli::command(), Lang::Sv);
        let help = command.render_long_help().to_string();
        for english in [
            "Usage:",
            "Options:",
            "Commands:",
            "Print help",
            "Build the site",
            "Possible values",
            "[default:",
            "[OPTIONS]",
            "<COMMAND>",
        ] {
            assert!(!help.contains(english), "{english} in:\n{help}");
        }
        assert!(help.contains(&Message::new(MessageId::CliBuildAbout).render(Lang::Sv)));
        for name in ["build", "check"] {
            let mut sub = command.find_subcommand_mut(name).unwrap().clone();
            let help = sub.render_long_help().to_string();
            assert!(
                help.contains(&Message::new(MessageId::CliRoot).render(Lang::Sv)),
                "{help}"
            );
            for english in ["Options:", "Print help", "Possible values", "[default:"] {
                assert!(!help.contains(english), "{name}: {english} in:\n{help}");
            }
        }
    }
}
