//! The `summering` command: parses arguments, calls the library, prints the result.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand};
use summering::model::Date;
use summering::{BuildError, BuildOptions};

/// Builds the bilingual NOSAM yearly report site (report pages, archive) from content/.
#[derive(Parser)]
#[command(version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder.
    ///
    /// Example: summering build --root . --output output
    Build {
        /// The site folder, the one that holds content/.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the site (replaced as a whole). Default: ROOT/output.
        #[arg(long)]
        output: Option<PathBuf>,
    },
    /// Check the site without writing anything: everything `build` checks, plus
    /// links, anchors and assets, image alt texts, unfinished {{placeholders}},
    /// translation status and abbreviations missing from the glossary.
    ///
    /// Exit code 0 when the site can be published (warnings are listed), 1 on errors.
    ///
    /// Example: summering check --root . --format json > check.json
    Check {
        /// The site folder, the one that holds content/.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// `text` for people, `json` for other tools (the format is described in docs/check-json.md).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
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
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { ExitCode::from(2) } else { ExitCode::SUCCESS };
        }
    };
    match cli.command {
        Command::Build { root, output } => build(root, output),
        Command::Check { root, format } => check(root, format),
    }
}

fn check(root: PathBuf, format: Format) -> ExitCode {
    let report = summering::check::check(&root);
    match format {
        Format::Json => print!("{}", report.to_json()),
        Format::Text => eprint!("{}", report.to_text(use_color())),
    }
    eprintln!("{}", report.summary_line());
    if report.is_ok() { ExitCode::SUCCESS } else { ExitCode::from(1) }
}

fn build(root: PathBuf, output: Option<PathBuf>) -> ExitCode {
    let started = Instant::now();
    let options = BuildOptions { root, output, build_date: source_date_epoch() };
    match summering::build(&options) {
        Ok(built) => {
            for w in &built.warnings {
                eprintln!("warning: {w}");
            }
            let reports = built.site.reports.len();
            println!(
                "Built {} pages ({} reports × {} languages, {} KB) into {} in {} ms{}",
                built.pages(),
                reports,
                built.site.languages.len(),
                built.bytes().div_ceil(1024),
                options.output_dir().display(),
                started.elapsed().as_millis(),
                match built.warnings.len() {
                    0 => String::new(),
                    1 => ", 1 warning".into(),
                    n => format!(", {n} warnings"),
                }
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            report(&e);
            ExitCode::from(1)
        }
    }
}

fn report(e: &BuildError) {
    let handler = miette::GraphicalReportHandler::new_themed(if use_color() {
        miette::GraphicalTheme::unicode()
    } else {
        miette::GraphicalTheme::unicode_nocolor()
    });
    for err in &e.errors {
        let mut out = String::new();
        if handler.render_report(&mut out, err).is_err() {
            out = err.to_string();
        }
        eprintln!("error: {err}\n{out}");
    }
    eprintln!("{e}; nothing in the output folder was changed.");
}

fn use_color() -> bool {
    use std::io::IsTerminal;
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stderr().is_terminal()
}

/// `SOURCE_DATE_EPOCH` (reproducible-builds.org) asks for a build date in the footer.
fn source_date_epoch() -> Option<Date> {
    std::env::var("SOURCE_DATE_EPOCH").ok()?.trim().parse().ok().and_then(Date::from_unix)
}
