//! The lines each command prints, ending with a one-line summary with timing.

use std::time::Duration;

use super::Style;
use summering::import::Imported;
use summering::lang::Lang;
use summering::scaffold::Scaffolded;
use summering::serve::Event;

/// Text for standard output and for standard error.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Printed {
    /// Results.
    pub stdout: String,
    /// Problems and warnings.
    pub stderr: String,
}

/// What `serve` prints for one event.
pub(crate) fn serve_event(event: &Event, out: Style, err: Style, lang: Lang) -> Printed {
    let mut p = Printed::default();
    let caused = |changed: &[String]| {
        if changed.is_empty() {
            String::new()
        } else {
            format!(" after a change to {}", changed.join(", "))
        }
    };
    match event {
        Event::Listening {
            url,
            visible_on_network,
            watching,
        } => {
            p.stdout = format!(
                "Serving at {url} — watching {}; press Ctrl+C to stop\n",
                watching.join(" and ")
            );
            if *visible_on_network {
                p.stderr = format!(
                    "{}: other computers on the network can see this unpublished site; use --bind 127.0.0.1 to keep it private\n",
                    err.yellow("warning")
                );
            }
        }
        Event::Built {
            pages,
            took,
            changed,
            unchanged,
            warnings,
        } => {
            let note = match (unchanged, warnings) {
                (true, _) => " (no page changed)".to_string(),
                (false, 0) => String::new(),
                (false, 1) => " (1 warning; run summering check)".to_string(),
                (false, n) => format!(" ({n} warnings; run summering check)"),
            };
            p.stdout = format!(
                "{} {pages} pages in {} ms{}{note}\n",
                out.green("Built"),
                took.as_millis(),
                caused(changed)
            );
        }
        Event::Failed { error, changed } => {
            p.stderr = format!(
                "{}{}{}; still serving the last good site, and the open pages show the error\n",
                super::errors(error, err, lang),
                err.red("The build failed"),
                caused(changed)
            );
        }
        Event::Served { path, since_change } => {
            p.stdout = format!(
                "Served the new {path} {} ms after the change was saved\n",
                since_change.as_millis()
            );
        }
    }
    p
}

/// What `import` prints.
pub(crate) fn imported(i: &Imported, year: u16, took: Duration, err: Style) -> Printed {
    let mut p = Printed::default();
    if let Some(stated) = i.stated_year.filter(|&stated| stated != year) {
        p.stderr.push_str(&format!(
            "{}: the title slide says {stated}, but the deck was imported as {year}: if the deck is the {stated} report, import it again with --year {stated} --force\n",
            err.yellow("warning")
        ));
    }
    if i.has_title_slide {
        p.stdout
            .push_str(&format!("  title slide: \"{}\"\n", i.title));
    }
    let translation = !i.report_values.is_empty();
    for s in &i.sections {
        let how = match (translation, s.guessed) {
            (true, _) => "as in the section it translates",
            (false, true) => "from its title",
            (false, false) => "NOT recognised from the title: check kind in the file",
        };
        p.stdout
            .push_str(&format!("  {}: {} ({how})\n", s.file, s.kind.key()));
    }
    for (key, value) in &i.report_values {
        p.stdout.push_str(&format!(
            "  add to {}/report.toml, in {key} = {{ … }}: {value}\n",
            i.dir
        ));
    }
    if let Some(c) = &i.closing {
        p.stdout.push_str(&format!("  closing slide: \"{c}\"\n"));
    }
    for (line, text) in &i.unplaced {
        p.stderr.push_str(&format!(
            "{}: line {line} of the deck is not in the new files: {text}\n",
            err.yellow("warning")
        ));
    }
    let unsure = i.sections.iter().filter(|s| !s.guessed).count();
    p.stdout.push_str(&format!(
        "Imported {} lines into {} ({} {}sections{}) in {} ms; confirm the {{{{placeholders}}}}, then run summering check\n",
        i.lines,
        i.dir,
        i.sections.len(),
        if translation { "translated " } else { "" },
        if unsure == 0 { String::new() } else { format!(", {unsure} left for you to give a kind") },
        took.as_millis()
    ));
    p
}

/// What `new` prints.
pub(crate) fn scaffolded(s: &Scaffolded, took: Duration) -> String {
    let mut out = String::new();
    for f in &s.files {
        out.push_str(&format!("  created {f}\n"));
    }
    if let Some(into) = &s.carried_into {
        out.push_str(&format!(
            "  carried {} \"way forward\" items from {} into {into}\n",
            s.carried, s.from
        ));
    }
    out.push_str(&format!(
        "Created {} from {} ({} files) in {} ms, as a draft: build leaves it out until draft = true is removed from its report.toml; replace the {{{{placeholders}}}}, then run summering check\n",
        s.dir,
        s.from,
        s.files.len(),
        took.as_millis()
    ));
    out
}
