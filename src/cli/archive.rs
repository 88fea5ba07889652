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
                let m = Message::new(MessageId::ArchiveVerified)
                    .arg("package", &v.package)
                    .count("files", v.files);
                let ok = Message::new(MessageId::ArchiveOk).render(lang);
                super::say(&format!(
                    "{} {}\n",
                    Style::stdout().green(&ok),
                    m.render(lang)
                ));
                ExitCode::SUCCESS
            }
            Ok(v) => {
                let problem = Message::new(MessageId::ArchiveProblem).render(lang);
                let listed: String = v
                    .problems
                    .iter()
                    .map(|p| {
                        let red = Style::stdout().red(&problem);
                        format!("{red}: {}\n", p.message().render(lang))
                    })
                    .collect();
                super::say(&listed);
                let m = Message::new(MessageId::ArchiveProblems)
                    .arg("zip", zip.display())
                    .count("n", v.problems.len())
                    .count("files", v.files)
                    .arg("package", &v.package);
                eprintln!("{}", m.render(lang));
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
            let m = Message::new(MessageId::ArchiveDone)
                .arg("year", year)
                .arg("package", &a.package)
                .count("files", a.files)
                .count("kb", a.bytes.div_ceil(1024))
                .arg("path", a.path.display());
            super::say(&format!("{}\n", m.render(lang)));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprint!("{}", super::errors(&e, style, lang));
            eprintln!("{}", Message::new(MessageId::NoPackage).render(lang));
            ExitCode::from(1)
        }
    }
}
