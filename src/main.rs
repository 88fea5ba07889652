//! The `summering` command: parses arguments, calls the library, prints the result.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand};
use summering::model::Date;
use summering::import::ImportOptions;
use summering::lang::Lang;
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
    /// Preview the site while you write: builds it in memory, serves it on this
    /// computer, rebuilds when a file in content/ or themes/ is saved, and reloads
    /// the open pages. A failed rebuild keeps the last good site and shows the
    /// error in the page. Nothing is written to the output folder.
    ///
    /// Example: summering serve --root . --port 1111   (then open http://127.0.0.1:1111/)
    Serve {
        /// The site folder, the one that holds content/.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The address to listen on. Only this computer can see 127.0.0.1; another
        /// address (like 0.0.0.0) shows the unpublished site to the network.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// The port (0 picks a free one).
        #[arg(long, default_value_t = 1111)]
        port: u16,
    },
    /// Start a new year's report from the latest one: same sections and languages,
    /// text replaced by {{placeholders}} that `check` reports until they are written,
    /// and last year's "way forward" items as the starting list of this year's focus
    /// areas. Never overwrites an existing year.
    ///
    /// Example: summering new 2022 --root .
    New {
        /// The year of the new report, four digits.
        year: u16,
        /// The site folder, the one that holds content/.
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Turn a slide deck exported as text (PowerPoint: File → Export → Outline; PDF:
    /// pdftotext) into a new year: slide titles become sections (kinds guessed from the
    /// titles), bullets become lists, the title and closing slides fill report.toml.
    /// Refuses to overwrite an existing year unless --force.
    ///
    /// Example: summering import summering-2021.txt --year 2021 --lang sv --root .
    Import {
        /// The text file exported from the deck.
        file: PathBuf,
        /// The report year, four digits.
        #[arg(long)]
        year: u16,
        /// The language of the deck; it must be the site's default language (sv).
        #[arg(long, value_parser = parse_lang)]
        lang: Lang,
        /// The site folder, the one that holds content/.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Replace the year if it exists (the whole content/YEAR folder).
        #[arg(long)]
        force: bool,
    },
}

fn parse_lang(code: &str) -> Result<Lang, String> {
    Lang::from_code(code).ok_or_else(|| format!("use one of: {}", Lang::supported_codes()))
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
        Command::Serve { root, bind, port } => serve(root, bind, port),
        Command::New { year, root } => new_year(root, year),
        Command::Import { file, year, lang, root, force } => import(ImportOptions { file, year, lang, root, force }),
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
            report(&e, use_color());
            eprintln!("{e}; nothing in the output folder was changed.");
            ExitCode::from(1)
        }
    }
}

fn import(options: ImportOptions) -> ExitCode {
    let started = Instant::now();
    match summering::import::import(&options) {
        Ok(i) => {
            if i.has_title_slide {
                println!("  title slide: \"{}\"", i.title);
            }
            for s in &i.sections {
                let how = if s.guessed { "from its title" } else { "NOT recognised from the title: check kind in the file" };
                println!("  {}: {} ({how})", s.file, s.kind.key());
            }
            if let Some(c) = &i.closing {
                println!("  closing slide: \"{c}\"");
            }
            for (line, text) in &i.unplaced {
                eprintln!("{}: line {line} of the deck is not in the new files: {text}", paint(use_color(), YELLOW, "warning"));
            }
            let unsure = i.sections.iter().filter(|s| !s.guessed).count();
            println!(
                "Imported {} lines into {} ({} sections{}) in {} ms; confirm the {{{{placeholders}}}}, then run summering check",
                i.lines,
                i.dir,
                i.sections.len(),
                if unsure == 0 { String::new() } else { format!(", {unsure} left for you to give a kind") },
                started.elapsed().as_millis()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            report(&e, use_color());
            eprintln!("Nothing was imported.");
            ExitCode::from(1)
        }
    }
}

fn new_year(root: PathBuf, year: u16) -> ExitCode {
    let started = Instant::now();
    match summering::scaffold::new_year(&root, year) {
        Ok(s) => {
            for f in &s.files {
                println!("  created {f}");
            }
            if let Some(into) = &s.carried_into {
                println!("  carried {} \"way forward\" items from {} into {into}", s.carried, s.from);
            }
            println!(
                "Created {} from {} ({} files) in {} ms; replace the {{{{placeholders}}}}, then run summering check",
                s.dir,
                s.from,
                s.files.len(),
                started.elapsed().as_millis()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            report(&e, use_color());
            eprintln!("Nothing was created.");
            ExitCode::from(1)
        }
    }
}

fn serve(root: PathBuf, bind: std::net::IpAddr, port: u16) -> ExitCode {
    use summering::serve::{Event, ServeOptions};
    let color = use_color();
    let options = ServeOptions { root, bind, port };
    let result = summering::serve::serve(&options, move |event| match event {
        Event::Listening { url, visible_on_network, watching } => {
            println!("Serving at {url} — watching {}; press Ctrl+C to stop", watching.join(" and "));
            if visible_on_network {
                eprintln!("{}: other computers on the network can see this unpublished site; use --bind 127.0.0.1 to keep it private", paint(color, YELLOW, "warning"));
            }
        }
        Event::Built { pages, took, changed, unchanged, warnings } => {
            let cause = if changed.is_empty() { String::new() } else { format!(" after a change to {}", changed.join(", ")) };
            let note = match (unchanged, warnings) {
                (true, _) => " (no page changed)".to_string(),
                (false, 0) => String::new(),
                (false, 1) => " (1 warning; run summering check)".to_string(),
                (false, n) => format!(" ({n} warnings; run summering check)"),
            };
            println!("Built {pages} pages in {} ms{cause}{note}", took.as_millis());
        }
        Event::Failed { error, changed } => {
            report(&error, color);
            let cause = if changed.is_empty() { String::new() } else { format!(" after a change to {}", changed.join(", ")) };
            eprintln!("{}{cause}; still serving the last good site, and the open pages show the error", paint(color, RED, "The build failed"));
        }
        Event::Served { path, since_change } => {
            println!("Served the new {path} {} ms after the change was saved", since_change.as_millis());
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            report(&BuildError::from(e), color);
            ExitCode::from(1)
        }
    }
}

const RED: &str = "\x1b[1;31m";
const YELLOW: &str = "\x1b[1;33m";

fn paint(color: bool, code: &str, text: &str) -> String {
    if color { format!("{code}{text}\x1b[0m") } else { text.to_string() }
}

fn report(e: &BuildError, color: bool) {
    let handler = miette::GraphicalReportHandler::new_themed(if color {
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
}

fn use_color() -> bool {
    use std::io::IsTerminal;
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stderr().is_terminal()
}

/// `SOURCE_DATE_EPOCH` (reproducible-builds.org) asks for a build date in the footer.
fn source_date_epoch() -> Option<Date> {
    std::env::var("SOURCE_DATE_EPOCH").ok()?.trim().parse().ok().and_then(Date::from_unix)
}
