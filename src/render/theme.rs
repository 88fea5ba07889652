//! Themes: templates, assets and interface strings.
//!
//! The default theme is compiled into the binary, so `summering` works without
//! a `themes/` folder. A site's own `themes/NAME/` overrides it file by file:
//! a site can replace just `assets/style.css` and keep everything else.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::sync::Arc;

use crate::diagnostics::{BuildError, Catalogued, ErrorKind, IoAction, SiteError};
use crate::lang::Lang;
use crate::load;
use crate::messages::MessageId;

use super::strings::{StringTable, UiStrings};

macro_rules! embed {
    ($($path:literal),* $(,)?) => {
        &[$(($path, include_bytes!(concat!("../../themes/default/", $path)) as &[u8])),*]
    };
}

/// The built-in default theme: every file of `themes/default/`, by relative path.
pub const DEFAULT_THEME: &[(&str, &[u8])] = embed![
    "templates/base.html",
    "templates/landing.html",
    "templates/archive.html",
    "templates/report.html",
    "templates/partials/head.html",
    "templates/partials/header.html",
    "templates/partials/footer.html",
    "templates/partials/lang-switch.html",
    "templates/partials/toc.html",
    "templates/partials/section.html",
    "templates/slides.html",
    "templates/handout.html",
    "templates/presenter.html",
    "templates/partials/slide.html",
    "templates/partials/slide-footer.html",
    "templates/partials/deck-head.html",
    "templates/partials/glossary.html",
    "templates/statement.html",
    "assets/base.css",
    "assets/style.css",
    "assets/slides.css",
    "assets/handout.css",
    "assets/slides.js",
    "strings/sv.toml",
    "strings/en.toml",
    "charts.toml",
    "templates/partials/figure.html",
    "templates/partials/chart-table.html",
    "assets/charts.css",
    // The PDF writer's font (SIL OFL 1.1; see docs/fonts.md).
    "fonts/NotoSans-Regular.ttf",
    "fonts/NotoSans-Bold.ttf",
    "fonts/NotoSans-Italic.ttf",
    "fonts/NotoSans-BoldItalic.ttf",
    "fonts/OFL.txt",
    // The same family for the web pages, as WOFF2 (made by docs/make_woff2.py).
    "assets/fonts/NotoSans-Regular.woff2",
    "assets/fonts/NotoSans-Bold.woff2",
    "assets/fonts/NotoSans-Italic.woff2",
    "assets/fonts/NotoSans-BoldItalic.woff2",
    "assets/fonts/OFL.txt",
];

macro_rules! embed_minified {
    ($($path:literal),* $(,)?) => {
        &[$((concat!("assets/", $path), include_bytes!(concat!("minified/", $path)) as &[u8])),*]
    };
}

/// The default theme's stylesheets as `summering build` minifies them, made
/// ahead (by the test `default_stylesheets_are_minified_ahead`, which fails
/// when one is out of date): every build would otherwise minify the same
/// stylesheets again, and load the CSS minifier's code to do it. Used only for
/// a file whose bytes are the default theme's.
const DEFAULT_MINIFIED: &[(&str, &[u8])] = embed_minified![
    "base.css",
    "style.css",
    "slides.css",
    "handout.css",
    "charts.css"
];

/// `file` at `path` minified: the premade copy when it is the default
/// theme's own file, else minified now (see [`crate::output::minify_file`]).
pub fn minified(path: &str, file: &ThemeFile) -> Vec<u8> {
    let default = DEFAULT_THEME
        .iter()
        .find(|(p, _)| *p == path)
        .map(|(_, bytes)| *bytes);
    let premade = DEFAULT_MINIFIED
        .iter()
        .find(|(p, _)| *p == path)
        .map(|(_, bytes)| *bytes);
    match (default, premade) {
        (Some(default), Some(premade)) if *file.bytes == *default => premade.to_vec(),
        _ => {
            let mut out = crate::output::OutputFile::new(path.to_string(), file.bytes.to_vec());
            crate::output::minify_file(&mut out);
            out.bytes
        }
    }
}

/// The value of `--color-NAME` in `css`, when it is a `#rrggbb` colour.
pub(crate) fn colour_token(css: &str, name: &str) -> Option<crate::colour::Rgb> {
    let key = format!("--color-{name}:");
    let at = css.find(&key)? + key.len();
    let value = css[at..].split([';', '}']).next()?.trim();
    crate::colour::Rgb::from_hex(value)
}

/// One theme file and where it came from (for messages).
#[derive(Debug, Clone)]
pub struct ThemeFile {
    /// As shown to editors: `themes/default/templates/base.html`.
    pub display: String,
    /// The bytes.
    pub bytes: Arc<[u8]>,
}

/// A theme with overrides applied.
#[derive(Debug, Clone)]
pub struct Theme {
    /// Files by path relative to the theme folder (`templates/base.html`).
    pub files: BTreeMap<String, ThemeFile>,
    /// Interface strings per language.
    pub strings: StringTable,
    /// Chart colours and font, from `charts.toml`.
    pub charts: crate::charts::ChartTheme,
}

impl Theme {
    /// The design token `--color-NAME` of the theme's `assets/base.css`, when it
    /// is a `#rrggbb` colour: what the pages are drawn in, for the checks and
    /// the writers that cannot use CSS (PowerPoint, the brand colours' contrast).
    pub fn colour_token(&self, name: &str) -> Option<crate::colour::Rgb> {
        let css = String::from_utf8_lossy(&self.files.get("assets/base.css")?.bytes);
        colour_token(&css, name)
    }

    /// The theme's colours the brand colours of `site.toml` are weighed against
    /// (the default theme's where a token is missing).
    pub fn colours(&self) -> crate::model::ThemeColours {
        use crate::colour::Rgb;
        let get = |name, default| self.colour_token(name).unwrap_or(default);
        crate::model::ThemeColours {
            background: get("bg", Rgb(0xff, 0xff, 0xff)),
            accent: get("accent", Rgb(0x00, 0x5a, 0x8c)),
            accent_strong: get("accent-strong", Rgb(0x00, 0x3f, 0x63)),
            on_accent: get("on-accent", Rgb(0xff, 0xff, 0xff)),
        }
    }

    /// Loads theme `name`: the built-in default, overridden by `ROOT/themes/NAME/`.
    pub fn load(root: &Path, name: &str, languages: &[Lang]) -> Result<Theme, BuildError> {
        let mut files = BTreeMap::new();
        for (path, bytes) in DEFAULT_THEME {
            files.insert(
                (*path).to_string(),
                ThemeFile {
                    display: format!("themes/default/{path} (built in)"),
                    bytes: Arc::from(*bytes),
                },
            );
        }
        let dir = root.join("themes").join(name);
        if dir.is_dir() {
            let mut overrides = Vec::new();
            walk(&dir, false, &mut overrides).map_err(BuildError::from)?;
            // Resolved once, and only if some file was reached through a link.
            let mut real_dir = None;
            for (path, via_link) in overrides {
                let rel = load::display(&dir, &path);
                if rel.split('/').any(|part| part.starts_with('.')) {
                    continue;
                }
                if via_link {
                    refuse_links_out(
                        root,
                        real_dir.get_or_insert_with(|| fs::canonicalize(&dir)),
                        &path,
                    )?;
                }
                let bytes =
                    fs::read(&path).map_err(|e| SiteError::io(&path, IoAction::ReadFile, &e))?;
                files.insert(
                    rel,
                    ThemeFile {
                        display: load::display(root, &path),
                        bytes: Arc::from(bytes),
                    },
                );
            }
        } else if name != "default" {
            return Err(SiteError::in_file(
                ErrorKind::Theme,
                "content/site.toml",
                MessageId::ThemeMissing.arg("name", name),
            )
            .with_help(MessageId::ThemeMissingHelp.arg("name", name))
            .into());
        }
        let mut strings = BTreeMap::new();
        let mut errors = Vec::new();
        for &lang in languages {
            let key = format!("strings/{}.toml", lang.code());
            let Some(file) = files.get(&key) else {
                errors.push(
                    SiteError::in_file(
                        ErrorKind::Theme,
                        format!("themes/{name}/{key}"),
                        MessageId::ThemeNoStrings,
                    )
                    .with_help(MessageId::ThemeNoStringsHelp),
                );
                continue;
            };
            match parse_strings(file) {
                Ok(s) => {
                    strings.insert(lang, s);
                }
                Err(e) => errors.push(e),
            }
        }
        let charts = match files.get("charts.toml") {
            Some(file) => {
                let text: Arc<str> = Arc::from(String::from_utf8_lossy(&file.bytes).as_ref());
                crate::charts::ChartTheme::parse(&file.display, &text)
                    .map_err(|e| errors.extend(e))
                    .ok()
            }
            None => None,
        };
        match charts {
            Some(charts) if errors.is_empty() => Ok(Theme {
                files,
                strings,
                charts,
            }),
            _ => Err(errors.into()),
        }
    }

    /// The text of a theme file, if it exists and is UTF-8.
    pub fn text(&self, path: &str) -> Option<&str> {
        self.files
            .get(path)
            .and_then(|f| std::str::from_utf8(&f.bytes).ok())
    }

    /// Files under `prefix/`, with their paths.
    pub fn under<'a>(
        &'a self,
        prefix: &'a str,
    ) -> impl Iterator<Item = (&'a str, &'a ThemeFile)> + 'a {
        self.files
            .iter()
            .filter(move |(p, _)| {
                p.starts_with(prefix) && p.as_bytes().get(prefix.len()) == Some(&b'/')
            })
            .map(|(p, f)| (p.as_str(), f))
    }
}

fn parse_strings(file: &ThemeFile) -> Result<UiStrings, SiteError> {
    let text: Arc<str> = Arc::from(String::from_utf8_lossy(&file.bytes).as_ref());
    toml::from_str::<UiStrings>(&text)
        .map_err(|e| load::theme_error(&file.display, &text, &e, MessageId::ThemeStringsHelp))
}

/// A theme file that is a link to somewhere outside the theme folder would be
/// published (and served by `summering serve`) with the site: refuse it.
/// `theme_dir` is the theme folder with its links resolved.
fn refuse_links_out(
    root: &Path,
    theme_dir: &std::io::Result<std::path::PathBuf>,
    path: &Path,
) -> Result<(), SiteError> {
    let inside = match (theme_dir, fs::canonicalize(path)) {
        (Ok(dir), Ok(target)) => target.starts_with(dir),
        _ => false,
    };
    if inside {
        return Ok(());
    }
    Err(SiteError::in_file(
        ErrorKind::Theme,
        load::display(root, path),
        MessageId::ThemeLinkOutside,
    )
    .with_help(MessageId::ThemeLinkOutsideHelp))
}

/// Every file under `dir`, and whether a link (the file itself or a folder on
/// the way) was followed to reach it: only those can lead outside the theme.
fn walk(
    dir: &Path,
    via_link: bool,
    out: &mut Vec<(std::path::PathBuf, bool)>,
) -> Result<(), SiteError> {
    let entries = fs::read_dir(dir).map_err(|e| SiteError::io(dir, IoAction::ListFolder, &e))?;
    for entry in entries {
        let entry = entry.map_err(|e| SiteError::io(dir, IoAction::ListFolder, &e))?;
        let path = entry.path();
        let link = via_link || entry.file_type().map_or(true, |t| t.is_symlink());
        if path.is_dir() {
            walk(&path, link, out)?
        } else {
            out.push((path, link))
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_theme_file_is_built_in() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default");
        let mut on_disk = Vec::new();
        walk(&dir, false, &mut on_disk).unwrap();
        let mut on_disk: Vec<String> = on_disk
            .iter()
            .map(|(p, _)| load::display(&dir, p))
            .collect();
        on_disk.sort();
        let mut built_in: Vec<String> = DEFAULT_THEME
            .iter()
            .map(|(p, _)| (*p).to_string())
            .collect();
        built_in.sort();
        assert_eq!(
            on_disk, built_in,
            "add new theme files to DEFAULT_THEME in src/render/theme.rs"
        );
    }

    #[cfg(unix)]
    #[test]
    fn links_are_followed_only_inside_the_theme_folder() {
        use std::os::unix::fs::symlink;
        let root = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        fs::write(outside.path().join("x.css"), "body{}").unwrap();
        let theme = root.path().join("themes/default");
        fs::create_dir_all(theme.join("assets")).unwrap();
        fs::write(theme.join("assets/own.css"), "p{}").unwrap();
        symlink(theme.join("assets/own.css"), theme.join("assets/alias.css")).unwrap();
        let theme_of = |root: &Path| Theme::load(root, "default", &[Lang::Sv]);
        assert!(
            theme_of(root.path())
                .unwrap()
                .files
                .contains_key("assets/alias.css"),
            "a link inside the theme is fine"
        );
        symlink(outside.path(), theme.join("assets/linked")).unwrap();
        let err = theme_of(root.path()).unwrap_err();
        assert_eq!(
            err.errors[0].kind(),
            ErrorKind::Theme,
            "a linked folder outside the theme is refused"
        );
    }

    /// Regenerate with `SUMMERING_BLESS=1 cargo test default_stylesheets`.
    #[test]
    fn default_stylesheets_are_minified_ahead() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/render/minified");
        let bless = std::env::var_os("SUMMERING_BLESS").is_some();
        let sources: Vec<_> = DEFAULT_THEME
            .iter()
            .filter(|(p, _)| p.ends_with(".css"))
            .collect();
        assert_eq!(
            sources.len(),
            DEFAULT_MINIFIED.len(),
            "every default stylesheet needs a premade minified copy"
        );
        for (path, source) in sources {
            let fresh = crate::output::minify_css(source);
            if bless {
                fs::write(dir.join(&path["assets/".len()..]), &fresh).unwrap();
                continue;
            }
            let premade = DEFAULT_MINIFIED
                .iter()
                .find(|(p, _)| p == path)
                .map(|(_, b)| String::from_utf8_lossy(b));
            let fresh = String::from_utf8_lossy(&fresh);
            assert_eq!(
                premade.as_ref(),
                Some(&fresh),
                "{path} changed: run SUMMERING_BLESS=1 cargo test default_stylesheets"
            );
            let file = ThemeFile {
                display: String::new(),
                bytes: Arc::from(*source),
            };
            assert_eq!(String::from_utf8_lossy(&minified(path, &file)), fresh);
        }
        let edited = ThemeFile {
            display: String::new(),
            bytes: Arc::from(&b"p { color : red }"[..]),
        };
        assert_eq!(minified("assets/style.css", &edited), b"p{color:red}");
    }

    #[test]
    fn default_strings_parse_for_every_language() {
        let theme = Theme::load(Path::new("/nonexistent"), "default", &Lang::ALL).unwrap();
        assert_eq!(theme.strings.len(), Lang::ALL.len());
    }
}
