//! The `summering` command: parses arguments, calls the library, prints the result.

/// jemalloc: the build allocates from all cores at once, and jemalloc's per-thread
/// arenas keep them from contending as glibc's allocator does, for a little more
/// peak memory (numbers in the README, Performance).
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

mod cli;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use cli::{Style, messages, say};
use summering::import::ImportOptions;
use summering::lang::Lang;
use summering::messages::{Message, MessageId};
use summering::model::Date;
use summering::output::{Cancel, CleanedUp};
use summering::{BuildError, BuildOptions};

/// Builds the bilingual NOSAM yearly report site (report pages, archive) from content/.
#[derive(Parser)]
#[command(version, about, long_about = None, after_help = EXAMPLES)]
struct Cli {
    /// The language of summering's messages: sv or en. Default: from LC_ALL,
    /// LC_MESSAGES or LANG (sv… gives Swedish), else English. Given before the
    /// command it applies to every command, import too (whose own --lang is the
    /// deck's language).
    #[arg(long = "lang", value_name = "sv|en", value_parser = parse_lang)]
    lang: Option<Lang>,
    #[command(subcommand)]
    command: Command,
}

/// `--lang` after a command (all but `import`, whose `--lang` is the deck's).
#[derive(clap::Args)]
struct MessageLang {
    /// The language of summering's messages: sv or en. Default: from LC_ALL,
    /// LC_MESSAGES or LANG (sv… gives Swedish), else English.
    #[arg(long = "lang", value_name = "sv|en", value_parser = parse_lang)]
    lang: Option<Lang>,
}

const EXAMPLES: &str = "Examples:
  summering serve                 preview while writing, at http://127.0.0.1:1111/
  summering check                 is the site ready to publish?
  summering new 2022              start next year's report from the latest one
  summering import deck.txt --year 2021 --lang sv
  summering build                 write the site into output/";

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder.
    ///
    /// Example: summering build --root . --output output
    Build {
        #[command(flatten)]
        messages: MessageLang,
        /// The site folder, the one that holds content/.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the site (replaced as a whole). Default: ROOT/output.
        #[arg(long)]
        output: Option<PathBuf>,
        /// Keep the templates' line breaks and indentation in the pages (to read
        /// the HTML while working on a theme); pages are then not minified.
        #[arg(long)]
        readable: bool,
        /// Also build the years marked draft = true in their report.toml, each page
        /// with a "Draft" banner and kept out of search engines (noindex).
        #[arg(long)]
        drafts: bool,
    },
    /// Check the site without writing anything (exit code 1 if it is not ready).
    ///
    /// Everything `build` checks, plus: links, anchors and assets resolve, images have
    /// alt text, no {{placeholders}} are left, translations are present and made from
    /// the current Swedish text, and all-capital words are in content/glossary.toml.
    /// Exit code 0 when the site can be published (warnings are listed), 1 on errors.
    ///
    /// Example: summering check --root . --format json > check.json
    Check {
        #[command(flatten)]
        messages: MessageLang,
        /// The site folder, the one that holds content/.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// `text` for people, `json` for other tools (described in docs/check-json.md).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Preview the site while you write, with pages that reload on save.
    ///
    /// Builds the site in memory, serves it on this computer, rebuilds when a file in
    /// content/ or themes/ is saved and reloads the open pages. A failed rebuild keeps
    /// the last good site and shows the error in the page. Nothing is written.
    ///
    /// Example: summering serve --root . --port 1111   (then open http://127.0.0.1:1111/)
    Serve {
        #[command(flatten)]
        messages: MessageLang,
        /// The site folder, the one that holds content/.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The address to listen on. Only this computer can see 127.0.0.1; another
        /// address (like 0.0.0.0) shows the unpublished site to the network and needs
        /// --allow-network.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// The port (0 picks a free one).
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Needed with a --bind address other computers can reach.
        #[arg(long)]
        allow_network: bool,
    },
    /// Start a new year's report from the latest one.
    ///
    /// Same sections and languages; headings and text become {{placeholders}} that
    /// `check` reports until they are written; last year's "way forward" items become
    /// the starting list of this year's focus areas. Never overwrites a year.
    ///
    /// Example: summering new 2022 --root .
    New {
        #[command(flatten)]
        messages: MessageLang,
        /// The year of the new report, four digits.
        year: u16,
        /// The site folder, the one that holds content/.
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Make a new year from a slide deck exported as text.
    ///
    /// Export the deck's text (PowerPoint: File → Export → Outline/RTF, saved as text;
    /// PDF: pdftotext). Slide titles become sections, with kinds guessed from the titles;
    /// bullets become lists; the title and closing slides fill report.toml. Refuses to
    /// overwrite an existing year (or existing translation files) unless --force.
    ///
    /// Example: summering import summering-2021.txt --year 2021 --lang sv --root .
    Import {
        /// The text file exported from the deck.
        file: PathBuf,
        /// The report year, four digits; left out, the year the title slide names.
        #[arg(long)]
        year: Option<u16>,
        /// The language of the deck. The default language (sv) makes a new year; another
        /// (en) adds translation files to an existing year, matching sections in order.
        #[arg(long, value_parser = parse_lang)]
        lang: Lang,
        /// The site folder, the one that holds content/.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Replace the year if it exists (the whole content/YEAR folder).
        #[arg(long)]
        force: bool,
    },
    /// Pack one year as an archive package (a ZIP after E-ARK CSIP), or check one.
    ///
    /// The package holds the year's pages in every language (report, deck, handout and the
    /// accessibility statement) working from file:// with no link out of the package, its
    /// PDF/A files, METS.xml, a Dublin Core record and manifest-sha256.txt (docs/archive.md).
    /// The same input gives the same bytes. Never overwrites a file without --force.
    ///
    /// Example: summering archive 2021 --root .
    ///          summering archive --verify archive/nosam-summeringar-2021.zip
    Archive {
        #[command(flatten)]
        messages: MessageLang,
        /// The report year, four digits.
        #[arg(required_unless_present = "verify")]
        year: Option<u16>,
        /// The site folder, the one that holds content/.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the ZIP. Default: ROOT/archive/NAME-YEAR.zip.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Replace the file at --out if there is one.
        #[arg(long)]
        force: bool,
        /// Check a package instead, without unpacking it: every file against the
        /// SHA-256 in METS.xml and in the manifest (exit code 1 if anything is wrong).
        #[arg(long, value_name = "FILE.zip", conflicts_with_all = ["year", "out", "force"])]
        verify: Option<PathBuf>,
    },
}

/// The messages' language as read before clap parses the command line
/// ([`cli::help::asked_lang`] and the locale), for [`parse_lang`]'s refusal.
static HELP_LANG: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

fn parse_lang(code: &str) -> Result<Lang, String> {
    Lang::from_code(code).ok_or_else(|| {
        // The language of the messages as far as it is known while it is read.
        let lang = HELP_LANG.get().copied().unwrap_or(Lang::En);
        Message::new(MessageId::SiteUseOneOf)
            .arg("list", Lang::supported_codes())
            .render(lang)
    })
}

/// How `check` prints its result.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// Messages with file, line and column, and a summary line.
    Text,
    /// One JSON document on standard output.
    Json,
}

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let env = |name: &str| std::env::var(name).ok();
    let help_lang = summering::messages::editor_lang(cli::help::asked_lang(&args), env);
    let _ = HELP_LANG.set(help_lang);
    let command = cli::help::in_lang(Cli::command(), help_lang);
    let parsed = command
        .try_get_matches_from(&args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            match cli::usage_error::in_lang(&e, help_lang) {
                Some(text) => eprint!("{text}"),
                None => {
                    let _ = e.print();
                }
            }
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let chosen = |after: Option<Lang>| summering::messages::editor_lang(after.or(cli.lang), env);
    match cli.command {
        Command::Build {
            messages,
            root,
            output,
            readable,
            drafts,
        } => build(root, output, readable, drafts, chosen(messages.lang)),
        Command::Check {
            messages,
            root,
            format,
        } => check(root, format, chosen(messages.lang)),
        Command::Serve {
            messages,
            root,
            bind,
            port,
            allow_network,
        } => serve(root, bind, port, allow_network, chosen(messages.lang)),
        Command::New {
            messages,
            year,
            root,
        } => new_year(root, year, chosen(messages.lang)),
        Command::Import {
            file,
            year,
            lang,
            root,
            force,
        } => import(file, year, lang, root, force, chosen(None)),
        Command::Archive {
            messages,
            year,
            root,
            out,
            force,
            verify,
        } => cli::archive::run(year, root, out, force, verify, chosen(messages.lang)),
    }
}

fn check(root: PathBuf, format: Format, lang: Lang) -> ExitCode {
    let report = summering::check::check(&root);
    match format {
        // Standard output stays pure JSON; the summary goes to standard error.
        Format::Json => {
            say(&report.to_json());
            eprintln!("{}", cli::check::summary(&report, lang));
        }
        Format::Text => {
            say(&cli::check::report(&report, Style::stdout(), lang));
            say(&format!("{}\n", cli::check::summary(&report, lang)));
        }
    }
    if report.is_ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn serve(
    root: PathBuf,
    bind: std::net::IpAddr,
    port: u16,
    allow_network: bool,
    lang: Lang,
) -> ExitCode {
    let options = summering::serve::ServeOptions {
        root,
        bind,
        port,
        allow_network,
        lang,
    };
    let (out, err) = (Style::stdout(), Style::stderr());
    let result = summering::serve::serve(&options, move |event| {
        let p = messages::serve_event(&event, out, err, lang);
        say(&p.stdout);
        eprint!("{}", p.stderr);
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&BuildError::from(e), MessageId::ServeNotStarted, lang),
    }
}

fn new_year(root: PathBuf, year: u16, lang: Lang) -> ExitCode {
    let started = Instant::now();
    match summering::scaffold::new_year(&root, year) {
        Ok(s) => {
            say(&messages::scaffolded(&s, started.elapsed(), lang));
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e, MessageId::NothingCreated, lang),
    }
}

fn import(
    file: PathBuf,
    year: Option<u16>,
    deck_lang: Lang,
    root: PathBuf,
    force: bool,
    lang: Lang,
) -> ExitCode {
    let started = Instant::now();
    let year = match year {
        Some(year) => year,
        None => match summering::import::stated_year(&file) {
            Ok(Some(year)) => {
                let m = Message::new(MessageId::ImportYearFromTitle).arg("year", year);
                eprintln!("{}", m.render(lang));
                year
            }
            Ok(None) => {
                eprintln!("{}", Message::new(MessageId::ImportNoYear).render(lang));
                return ExitCode::from(2);
            }
            Err(e) => return fail(&e, MessageId::NothingImported, lang),
        },
    };
    let options = ImportOptions {
        file,
        year,
        lang: deck_lang,
        root,
        force,
    };
    match summering::import::import(&options) {
        Ok(i) => {
            let p = messages::imported(&i, year, started.elapsed(), Style::stderr(), lang);
            eprint!("{}", p.stderr);
            say(&p.stdout);
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e, MessageId::NothingImported, lang),
    }
}

fn fail(e: &BuildError, what_happened: MessageId, lang: Lang) -> ExitCode {
    eprint!("{}", cli::errors(e, Style::stderr(), lang));
    eprintln!("{}", Message::new(what_happened).render(lang));
    ExitCode::from(1)
}

fn build(
    root: PathBuf,
    output: Option<PathBuf>,
    readable: bool,
    drafts: bool,
    lang: Lang,
) -> ExitCode {
    let started = Instant::now();
    let options = BuildOptions {
        root,
        output,
        build_date: source_date_epoch(),
        readable,
        drafts,
    };
    let cancel = Cancel::default();
    stop_on_signals(&cancel, lang);
    match summering::build_with_cancel(&options, &cancel) {
        Ok(built) => {
            // One write for all warnings: standard error is unbuffered, so writing them
            // one by one would cost several system calls each.
            let word = Message::new(MessageId::FrameWarning).render(lang);
            let warnings: String = built
                .warnings
                .iter()
                .map(|w| format!("{word}: {}\n", w.render(lang)))
                .collect();
            eprint!("{warnings}");
            let summary = Message::new(MessageId::BuildBuilt)
                .count("pages", built.pages)
                .count("reports", built.site.reports.len())
                .count("langs", built.site.languages.len())
                .count("kb", built.bytes.div_ceil(1024))
                .arg("dir", options.output_dir().display())
                .count("ms", started.elapsed().as_millis());
            let warned = match built.warnings.len() {
                0 => String::new(),
                n => Message::new(MessageId::BuildWarnings)
                    .count("n", n)
                    .render(lang),
            };
            say(&format!("{}{warned}\n", summary.render(lang)));
            // The process ends here and the system takes its memory back at once;
            // freeing a large site's model piece by piece first would only delay the exit.
            std::mem::forget(built);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprint!("{}", cli::failed_build(&e, Style::stderr(), lang));
            if e.has(summering::ErrorKind::Interrupted) {
                ExitCode::from(INTERRUPTED)
            } else {
                ExitCode::from(1)
            }
        }
    }
}

/// The exit code of a build stopped by Ctrl-C or SIGTERM (128 + SIGINT, as shells do).
const INTERRUPTED: u8 = 130;

/// How long a stopped build may take to notice by itself (at its next file)
/// before the handler removes its staging folder and ends the process.
const GRACE: std::time::Duration = std::time::Duration::from_millis(500);

/// Ctrl-C, SIGTERM and SIGHUP during a build stop it instead of killing it: it
/// writes no further file, is not swapped in, and its staging folder is removed
/// before the process ends. If no handler can be installed the system's default
/// applies, and the next build removes what this one leaves.
fn stop_on_signals(cancel: &Cancel, lang: Lang) {
    let cancel = cancel.clone();
    let _ = ctrlc::set_handler(move || {
        cancel.cancel();
        std::thread::sleep(GRACE);
        let what = match cancel.clean_up() {
            CleanedUp::OutputUnchanged => MessageId::InterruptedUnchanged,
            CleanedUp::AlreadyBuilt => MessageId::InterruptedBuilt,
        };
        eprintln!("{}", Message::new(what).render(lang));
        std::process::exit(i32::from(INTERRUPTED));
    });
}

/// `SOURCE_DATE_EPOCH` (reproducible-builds.org) asks for a build date in the footer.
fn source_date_epoch() -> Option<Date> {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()?
        .trim()
        .parse()
        .ok()
        .and_then(Date::from_unix)
}
