//! `summering serve`: build in memory, serve on this computer, rebuild on
//! change, reload open pages.
//!
//! - Binds to 127.0.0.1 unless another address is asked for: a preview of an
//!   unpublished report is not for the whole network.
//! - The site is built with [`crate::build_in_memory`] and served from memory;
//!   nothing is written, so `output/` is never touched and no request can reach
//!   a file on disk.
//! - After a failed rebuild the last good site stays up, and the error is shown
//!   in the open pages until the next good build.
//! - The live-reload script is added to pages as they are served; built sites
//!   never contain it.
//!
//! The library does not print: [`serve`] reports what happens as [`Event`]s.

mod guard;
mod http;
mod server;
mod state;
mod watch;

use std::fmt::Write as _;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::diagnostics::{BuildError, Catalogued, ErrorKind, SiteError};
use crate::lang::Lang;
use crate::messages::{Message, MessageId};
use crate::{BuildOptions, build_pages_in_memory};
use state::{Files, State};

/// Where and what to serve.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The site root.
    pub root: PathBuf,
    /// The address to listen on; 127.0.0.1 unless asked.
    pub bind: IpAddr,
    /// The port; 0 picks a free one.
    pub port: u16,
    /// Must be true to listen on an address other computers can reach: the
    /// preview of an unpublished report is not for the network by accident.
    pub allow_network: bool,
    /// The language of the error box the open pages show after a failed build.
    pub lang: Lang,
}

/// What the server reports while it runs.
#[derive(Debug)]
pub enum Event {
    /// The server is listening and watching (after the first build, good or not).
    Listening {
        /// `http://127.0.0.1:1111/`
        url: String,
        /// True when the address is not a loopback address.
        visible_on_network: bool,
        /// The folders watched, relative to the root.
        watching: Vec<String>,
    },
    /// A build finished.
    Built {
        /// Pages in the site.
        pages: usize,
        /// How long the build took.
        took: Duration,
        /// The changed files that caused it (empty for the first build).
        changed: Vec<String>,
        /// True when the new build is identical to the one being served.
        unchanged: bool,
        /// Warnings of the build.
        warnings: usize,
    },
    /// A build failed; the last good site is still served.
    Failed {
        /// The problems.
        error: BuildError,
        /// The changed files that caused it (empty for the first build).
        changed: Vec<String>,
    },
    /// The first page of a new build was served.
    Served {
        /// The page.
        path: String,
        /// From the change being saved to this page being sent.
        since_change: Duration,
    },
}

/// Builds, serves and watches until the process ends. Returns only if the
/// server cannot start (or stops watching), with the reason.
pub fn serve(
    options: &ServeOptions,
    on_event: impl Fn(Event) + Send + Sync + 'static,
) -> Result<(), SiteError> {
    if !options.bind.is_loopback() && !options.allow_network {
        return Err(SiteError::new(
            ErrorKind::Serve,
            MessageId::ServeNotLoopback.arg("address", options.bind),
        )
        .with_help(MessageId::ServeNotLoopbackHelp));
    }
    let on_event = Arc::new(on_event);
    // The preview shows the draft years too, bannered.
    let build_options = BuildOptions {
        drafts: true,
        ..BuildOptions::new(&options.root)
    };
    let started = Instant::now();
    let mut first_site = None;
    let state = Arc::new(match build_pages_in_memory(&build_options) {
        Ok(built) => {
            on_event(Event::Built {
                pages: built.pages(),
                took: started.elapsed(),
                changed: Vec::new(),
                unchanged: false,
                warnings: built.warnings.len(),
            });
            let files: Files = built
                .files
                .into_iter()
                .map(|f| (f.path, Arc::from(f.bytes)))
                .collect();
            first_site = Some(built.site);
            State::new(files, None)
        }
        Err(error) => {
            let text = error_text(&error, options.lang);
            on_event(Event::Failed {
                error,
                changed: Vec::new(),
            });
            State::new(Files::new(), Some(text))
        }
    });
    let addr = SocketAddr::new(options.bind, options.port);
    let listener = std::net::TcpListener::bind(addr).map_err(|e| bind_error(addr, &e))?;
    let local = listener.local_addr().unwrap_or(addr);
    // Watching starts before the server says it listens, so a change saved
    // after that message is always seen.
    let watcher = watch::start(&options.root)?;
    {
        let (state, on_event) = (Arc::clone(&state), Arc::clone(&on_event));
        server::spawn(listener, Arc::clone(&state), move |path| {
            if let Some(saved) = state.take_change_saved() {
                on_event(Event::Served {
                    path: path.to_string(),
                    since_change: saved.elapsed(),
                });
            }
        })
        .map_err(|e| bind_error(local, &e))?;
    }
    on_event(Event::Listening {
        url: format!("http://{local}/"),
        visible_on_network: !local.ip().is_loopback(),
        watching: watch::folders(&options.root)
            .iter()
            .map(|f| crate::load::display(&options.root, f) + "/")
            .collect(),
    });
    if let Some(site) = first_site {
        add_documents(&state, &site, &build_options, options.lang, &*on_event);
    }
    watcher.run(|change| {
        let started = Instant::now();
        match build_pages_in_memory(&build_options) {
            Ok(built) => {
                let unchanged = state.is_current(&built.files);
                let (pages, warnings) = (built.pages(), built.warnings.len());
                if !unchanged {
                    state.publish(built.files, change.first_seen);
                }
                on_event(Event::Built {
                    pages,
                    took: started.elapsed(),
                    changed: change.paths,
                    unchanged,
                    warnings,
                });
                add_documents(
                    &state,
                    &built.site,
                    &build_options,
                    options.lang,
                    &*on_event,
                );
            }
            Err(error) => {
                state.fail(error_text(&error, options.lang));
                on_event(Event::Failed {
                    error,
                    changed: change.paths,
                });
            }
        }
    })
}

/// The PDFs and PowerPoint decks, made (or taken from the document cache)
/// after the pages are served, so a reload does not wait for them; a document
/// that cannot be made fails the build.
fn add_documents(
    state: &State,
    site: &crate::model::Site,
    options: &BuildOptions,
    lang: Lang,
    on_event: &dyn Fn(Event),
) {
    match crate::build_documents(site, options) {
        Ok(pdfs) => state.set_documents(pdfs),
        Err(error) => {
            state.fail(error_text(&error, lang));
            on_event(Event::Failed {
                error,
                changed: Vec::new(),
            });
        }
    }
}

/// The problems of a failed build as plain text in `lang`, for the open pages.
fn error_text(error: &BuildError, lang: Lang) -> String {
    let mut out = format!("{}\n", error.summary().render(lang));
    let help = Message::new(MessageId::FrameHelp).render(lang);
    for e in &error.errors {
        let title = Message::new(e.kind().title()).render(lang);
        let _ = writeln!(out, "\n{title}\n{}", e.in_lang(lang));
        if let Some(text) = e.help_in(lang) {
            let _ = writeln!(out, "  {help}: {text}");
        }
    }
    out
}

fn bind_error(addr: SocketAddr, e: &std::io::Error) -> SiteError {
    let in_use = e.kind() == std::io::ErrorKind::AddrInUse;
    let help = if in_use {
        MessageId::ServePortInUse
            .arg("port", addr.port())
            .arg("next", addr.port().saturating_add(1))
    } else {
        Message::new(MessageId::ServeBadAddress)
    };
    let message = MessageId::ServeCannotListen
        .arg("address", addr)
        .arg("error", e);
    SiteError::new(ErrorKind::Serve, message).with_help(help)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_error_box_speaks_the_editors_language() {
        let text: Arc<str> = Arc::from("a = 1\nb = {{x}}\n");
        let e = crate::model::placeholder::unfinished(&[&crate::load::SourceFile {
            name: "content/site.toml".into(),
            text: Arc::clone(&text),
        }]);
        let error = BuildError::from(e);
        for lang in [Lang::Sv, Lang::En] {
            let shown = error_text(&error, lang);
            assert!(shown.starts_with(&error.summary().render(lang)), "{shown}");
            assert!(shown.contains("content/site.toml:2:5: "), "{shown}");
            let help = Message::new(MessageId::ErrorUnfinishedHelp).render(lang);
            let word = Message::new(MessageId::FrameHelp).render(lang);
            assert!(shown.contains(&format!("  {word}: {help}")), "{shown}");
            let title = Message::new(ErrorKind::Unfinished.title()).render(lang);
            assert!(shown.contains(&title), "{shown}");
        }
        assert_ne!(error_text(&error, Lang::Sv), error_text(&error, Lang::En));
    }
}
