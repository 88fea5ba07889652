//! The lines each command prints, ending with a one-line summary with timing.

use std::time::Duration;

use super::Style;
use summering::import::Imported;
use summering::lang::Lang;
use summering::messages::{Message, MessageId};
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
    let t = |id: MessageId| Message::new(id).render(lang);
    let mut p = Printed::default();
    let caused = |changed: &[String]| {
        if changed.is_empty() {
            String::new()
        } else {
            Message::new(MessageId::ServeAfterChange)
                .arg("files", changed.join(", "))
                .render(lang)
        }
    };
    match event {
        Event::Listening {
            url,
            visible_on_network,
            watching,
        } => {
            let listening = Message::new(MessageId::ServeListening)
                .arg("url", url)
                .arg("watching", watching.join(&t(MessageId::ServeAnd)));
            p.stdout = format!("{}\n", listening.render(lang));
            if *visible_on_network {
                p.stderr = format!(
                    "{}: {}\n",
                    err.yellow(&t(MessageId::FrameWarning)),
                    t(MessageId::ServeVisibleOnNetwork)
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
                (true, _) => t(MessageId::ServeNoPageChanged),
                (false, 0) => String::new(),
                (false, &n) => Message::new(MessageId::ServeWarnings)
                    .count("n", n)
                    .render(lang),
            };
            let built = Message::new(MessageId::ServeBuilt)
                .count("pages", *pages)
                .count("ms", took.as_millis());
            let built = built.render(lang);
            // "Built" is coloured: the first word of the line, in either language.
            let (first, rest) = built.split_once(' ').unwrap_or((&built, ""));
            p.stdout = format!("{} {rest}{}{note}\n", out.green(first), caused(changed));
        }
        Event::Failed { error, changed } => {
            p.stderr = format!(
                "{}{}{}{}\n",
                super::errors(error, err, lang),
                err.red(&t(MessageId::ServeFailed)),
                caused(changed),
                t(MessageId::ServeStillServing)
            );
        }
        Event::Served { path, since_change } => {
            let served = Message::new(MessageId::ServeServed)
                .arg("path", path)
                .count("ms", since_change.as_millis());
            p.stdout = format!("{}\n", served.render(lang));
        }
    }
    p
}

/// What `import` prints.
pub(crate) fn imported(i: &Imported, year: u16, took: Duration, err: Style, lang: Lang) -> Printed {
    let line = |m: Message| format!("{}\n", m.render(lang));
    let warning = err.yellow(&Message::new(MessageId::FrameWarning).render(lang));
    let mut p = Printed::default();
    if let Some(stated) = i.stated_year.filter(|&stated| stated != year) {
        let m = Message::new(MessageId::ImportStatedYearDiffers)
            .arg("stated", stated)
            .arg("year", year);
        p.stderr.push_str(&format!("{warning}: {}", line(m)));
    }
    if i.has_title_slide {
        p.stdout.push_str(&line(
            Message::new(MessageId::ImportTitleSlide).arg("title", &i.title),
        ));
    }
    let translation = !i.report_values.is_empty();
    for s in &i.sections {
        let how = match (translation, s.guessed) {
            (true, _) => MessageId::ImportAsTranslated,
            (false, true) => MessageId::ImportFromTitle,
            (false, false) => MessageId::ImportNotRecognised,
        };
        let m = Message::new(MessageId::ImportSection)
            .arg("file", &s.file)
            .arg("kind", s.kind.key())
            .arg("how", Message::new(how).render(lang));
        p.stdout.push_str(&line(m));
    }
    for (key, value) in &i.report_values {
        let m = Message::new(MessageId::ImportAddToReport)
            .arg("dir", &i.dir)
            .arg("key", key)
            .arg("value", value);
        p.stdout.push_str(&line(m));
    }
    if let Some(c) = &i.closing {
        p.stdout.push_str(&line(
            Message::new(MessageId::ImportClosingSlide).arg("closing", c),
        ));
    }
    for (number, text) in &i.unplaced {
        let m = Message::new(MessageId::ImportUnplaced)
            .arg("line", number)
            .arg("text", text);
        p.stderr.push_str(&format!("{warning}: {}", line(m)));
    }
    let unsure = i.sections.iter().filter(|s| !s.guessed).count();
    let unsure = if unsure == 0 {
        String::new()
    } else {
        Message::new(MessageId::ImportUnsure)
            .arg("unsure", unsure)
            .render(lang)
    };
    let done = if translation {
        MessageId::ImportDoneTranslated
    } else {
        MessageId::ImportDone
    };
    let m = Message::new(done)
        .arg("lines", i.lines)
        .arg("dir", &i.dir)
        .count("n", i.sections.len())
        .arg("unsure", unsure)
        .count("ms", took.as_millis());
    p.stdout.push_str(&line(m));
    p
}

/// What `new` prints.
pub(crate) fn scaffolded(s: &Scaffolded, took: Duration, lang: Lang) -> String {
    let line = |m: Message| format!("{}\n", m.render(lang));
    let mut out = String::new();
    for f in &s.files {
        out.push_str(&line(
            Message::new(MessageId::NewCreatedFile).arg("file", f),
        ));
    }
    if let Some(into) = &s.carried_into {
        let m = Message::new(MessageId::NewCarried)
            .count("n", s.carried)
            .arg("from", s.from)
            .arg("into", into);
        out.push_str(&line(m));
    }
    let m = Message::new(MessageId::NewDone)
        .arg("dir", &s.dir)
        .arg("from", s.from)
        .count("n", s.files.len())
        .count("ms", took.as_millis());
    out.push_str(&line(m));
    out
}
