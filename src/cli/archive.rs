//! `summering archive`: packs a year or checks a package, and says what happened.

use std::path::PathBuf;
use std::process::ExitCode;

use summering::archive::ArchiveOptions;
use summering::lang::Lang;
use summering::messages::{Message, MessageId};

use super::Style;

/// Runs `summering archive YEAR` or `summering archive --verify FILE`.
pub(crate) fn run(
    year: Option<u16>,
    root: PathBuf,
    out: Option<PathBuf>,
    force: bool,
    verify: Option<PathBuf>,
    lang: Lang,
) -> ExitCode {
    let style = Style::stderr();
    if let Some(zip) = verify {
        return match summering::archive::verify(&zip) {
            Ok(v) if v.problems.is_empty() => {
                println!(
                    "{} {}: {} files, every checksum in METS.xml and manifest-sha256.txt matches",
                    Style::stdout().green("ok"),
                    v.package,
                    v.files
                );
                ExitCode::SUCCESS
            }
            Ok(v) => {
                for p in &v.problems {
                    println!("{}: {p}", Style::stdout().red("problem"));
                }
                eprintln!(
                    "{}: {} problem(s) in {} files of {}",
                    zip.display(),
                    v.problems.len(),
                    v.files,
                    v.package
                );
                ExitCode::from(1)
            }
            Err(e) => {
                eprint!("{}", super::errors(&e.into(), style, lang));
                ExitCode::from(1)
            }
        };
    }
    // clap requires the year when --verify is not given.
    let Some(year) = year else {
        return ExitCode::from(2);
    };
    let options = ArchiveOptions {
        root,
        year,
        out,
        force,
    };
    match summering::archive(&options) {
        Ok(a) => {
            println!(
                "Archived {year} as {} ({} files, {} KB) in {}",
                a.package,
                a.files,
                a.bytes.div_ceil(1024),
                a.path.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprint!("{}", super::errors(&e, style, lang));
            eprintln!("{}", Message::new(MessageId::NoPackage).render(lang));
            ExitCode::from(1)
        }
    }
}
