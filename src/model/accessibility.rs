//! The accessibility statement (tillgänglighetsredogörelse) of the site.
//!
//! A public body must publish one for every website and intranet it runs
//! (DOS-lagen, 2018:1937), with the parts DIGG prescribes: who is behind the
//! service, what service it is, the compliance status in DIGG's words, what
//! is not accessible and why, what is exempt as a disproportionate burden or
//! outside the law, how and when it was assessed, when the statement was last
//! updated, and how to give feedback. A [`Statement`] has every one of them,
//! and its status agrees with its lists; it is built from
//! `content/accessibility.toml` and nothing else (no status is ever made up).
//!
//! What summering knows itself about the pages it writes (sections shown
//! untranslated, charts with example data) is listed by [`known_problems`],
//! so the statement never falls behind the site.

use std::ops::Range;

use serde::Serialize;
use toml::Spanned;

use super::convert::{Ctx, date};
use super::types::{Date, Site, Year};
use crate::diagnostics::{Catalogued, ErrorKind, SiteError, Warning, WarningKind};
use crate::lang::{Lang, Localized};
use crate::load::Parsed;
use crate::load::accessibility::{RawFeedback, RawItem, RawStatement};
use crate::load::raw::{List, RawLocalized};
use crate::messages::{Message, MessageId};

/// The compliance status, in DIGG's three steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Compliance {
    /// "helt förenlig" / "fully compliant": every requirement met, no exception.
    Fully,
    /// "delvis förenlig" / "partially compliant": the exceptions are listed.
    Partially,
    /// "inte förenlig" / "not compliant": most requirements are not met.
    Not,
}

impl Compliance {
    /// Every status, in the order DIGG lists them.
    pub const ALL: [Compliance; 3] = [Compliance::Fully, Compliance::Partially, Compliance::Not];

    /// The word editors write (`status = "partially"`).
    pub fn key(self) -> &'static str {
        match self {
            Compliance::Fully => "fully",
            Compliance::Partially => "partially",
            Compliance::Not => "not",
        }
    }

    /// Parses the word editors write.
    pub fn from_key(key: &str) -> Option<Compliance> {
        Compliance::ALL.into_iter().find(|c| c.key() == key)
    }

    /// The status an editor most likely meant by DIGG's own words in Swedish
    /// or English ("delvis förenlig", "Partially compliant"); for the help line.
    fn guess(word: &str) -> Option<Compliance> {
        let w = word.trim().to_lowercase();
        let first = w.split_whitespace().next().unwrap_or("");
        match first {
            "helt" | "fully" | "full" => Some(Compliance::Fully),
            "delvis" | "partially" | "partial" => Some(Compliance::Partially),
            "inte" | "ej" | "not" | "non-compliant" => Some(Compliance::Not),
            _ => None,
        }
    }
}

/// How the site was assessed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Method {
    /// The public body tested the site itself (självskattning).
    SelfAssessment,
    /// Someone outside the public body reviewed it (extern granskning).
    ExternalReview,
}

impl Method {
    /// Every method.
    pub const ALL: [Method; 2] = [Method::SelfAssessment, Method::ExternalReview];

    /// The word editors write (`method = "self-assessment"`).
    pub fn key(self) -> &'static str {
        match self {
            Method::SelfAssessment => "self-assessment",
            Method::ExternalReview => "external-review",
        }
    }

    /// Parses the word editors write.
    pub fn from_key(key: &str) -> Option<Method> {
        Method::ALL.into_iter().find(|m| m.key() == key)
    }
}

/// Where readers send feedback: at least one way, each checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Feedback {
    /// An e-mail address.
    Email(String),
    /// A web address (a form or a contact page).
    Link(String),
    /// Both.
    Both {
        /// The e-mail address.
        email: String,
        /// The web address.
        link: String,
    },
}

impl Feedback {
    /// The e-mail address, if there is one.
    pub fn email(&self) -> Option<&str> {
        match self {
            Feedback::Email(e) | Feedback::Both { email: e, .. } => Some(e),
            Feedback::Link(_) => None,
        }
    }

    /// The web address, if there is one.
    pub fn link(&self) -> Option<&str> {
        match self {
            Feedback::Link(l) | Feedback::Both { link: l, .. } => Some(l),
            Feedback::Email(_) => None,
        }
    }
}

/// One entry of a list: what content, and why (not accessible, or exempt).
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    what: Localized<String>,
    why: Localized<String>,
}

impl Item {
    /// What content it is.
    pub fn what(&self) -> &Localized<String> {
        &self.what
    }

    /// Why it is listed.
    pub fn why(&self) -> &Localized<String> {
        &self.why
    }
}

/// A complete accessibility statement: every part DIGG requires, and a status
/// that agrees with the lists (a fully compliant site lists no problem and no
/// exemption; a partially or not compliant one lists at least one problem).
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    public_body: Localized<String>,
    service: Localized<String>,
    status: Compliance,
    problems: Vec<Item>,
    burden: Vec<Item>,
    out_of_scope: Vec<Item>,
    method: Method,
    method_note: Option<Localized<String>>,
    assessed: Date,
    updated: Date,
    feedback: Feedback,
    file: String,
}

impl Statement {
    /// The public body behind the service.
    pub fn public_body(&self) -> &Localized<String> {
        &self.public_body
    }

    /// The website or service the statement is about.
    pub fn service(&self) -> &Localized<String> {
        &self.service
    }

    /// The compliance status.
    pub fn status(&self) -> Compliance {
        self.status
    }

    /// Content that is not accessible, as the editor describes it (empty only when fully compliant).
    pub fn problems(&self) -> &[Item] {
        &self.problems
    }

    /// Content exempt as a disproportionate burden (12 §).
    pub fn disproportionate_burden(&self) -> &[Item] {
        &self.burden
    }

    /// Content outside the law's scope (9 §).
    pub fn out_of_scope(&self) -> &[Item] {
        &self.out_of_scope
    }

    /// How the site was assessed.
    pub fn method(&self) -> Method {
        self.method
    }

    /// What the assessment covered, if the editor says.
    pub fn method_note(&self) -> Option<&Localized<String>> {
        self.method_note.as_ref()
    }

    /// The date of the assessment.
    pub fn assessed(&self) -> Date {
        self.assessed
    }

    /// The date the statement was last updated (never before the assessment).
    pub fn updated(&self) -> Date {
        self.updated
    }

    /// How readers give feedback.
    pub fn feedback(&self) -> &Feedback {
        &self.feedback
    }

    /// `content/accessibility.toml`, for messages.
    pub fn file(&self) -> &str {
        &self.file
    }

    /// Every text of the statement with what it is, for translation warnings.
    pub fn texts(&self) -> Vec<(String, &Localized<String>)> {
        let mut out = vec![
            ("public_body".to_string(), &self.public_body),
            ("service".to_string(), &self.service),
        ];
        out.extend(
            self.method_note
                .iter()
                .map(|n| ("method_note".to_string(), n)),
        );
        for (table, items) in [
            ("problem", &self.problems),
            ("disproportionate_burden", &self.burden),
            ("out_of_scope", &self.out_of_scope),
        ] {
            for (i, item) in items.iter().enumerate() {
                out.push((format!("[[{table}]] {}: what", i + 1), &item.what));
                out.push((format!("[[{table}]] {}: why", i + 1), &item.why));
            }
        }
        out
    }

    /// Validates the raw file, pushing every problem to `errors`.
    pub(super) fn convert(
        raw: &Parsed<RawStatement>,
        ctx: &Ctx<'_>,
        errors: &mut Vec<SiteError>,
    ) -> Option<Statement> {
        let src = &raw.source;
        let r = &raw.value;
        let before = errors.len();
        let err = |kind, span: Range<usize>, message: MessageId, help: Message| {
            src.error_at(kind, span, message).with_help(help)
        };
        // A missing top-level part is reported where top-level keys go: the
        // start of the file's first table (or its end), so line and column
        // point at where to add it.
        let top = top_level_end(r, src.text.len());
        let missing = |part: &str, help: MessageId| {
            let label = if top < src.text.len() {
                MessageId::StatementMissingAbove
            } else {
                MessageId::StatementMissingHere
            };
            src.error_at(
                ErrorKind::MissingField,
                top..top,
                MessageId::StatementMissing.arg("part", part),
            )
            .with_label(label.arg("part", part))
            .with_help(help)
        };
        let text = |value: &Option<Spanned<RawLocalized>>,
                    part: &str,
                    help: MessageId,
                    errors: &mut Vec<SiteError>| match value {
            None => {
                errors.push(missing(part, help));
                None
            }
            Some(v) => localized_text(ctx, src, v, part, errors),
        };
        let public_body = text(
            &r.public_body,
            "public_body",
            MessageId::StatementPublicBodyHelp,
            errors,
        );
        let service = text(
            &r.service,
            "service",
            MessageId::StatementServiceHelp,
            errors,
        );
        let status = match &r.status {
            None => {
                errors.push(missing("status", MessageId::StatementStatusHelp));
                None
            }
            Some(s) => match Compliance::from_key(s.get_ref().trim()) {
                Some(c) => Some((c, s.span())),
                None => {
                    let help = match Compliance::guess(s.get_ref()) {
                        Some(c) => MessageId::StatementStatusOneWord.arg("key", c.key()),
                        None => MessageId::StatementStatusWords.into(),
                    };
                    errors.push(
                        err(
                            ErrorKind::InvalidValue,
                            s.span(),
                            MessageId::StatementNotAStatus,
                            help,
                        )
                        .with_label(MessageId::StatementNotAStatusLabel),
                    );
                    None
                }
            },
        };
        let method = match &r.method {
            None => {
                errors.push(missing("method", MessageId::StatementMethodHelp));
                None
            }
            Some(m) => match Method::from_key(m.get_ref().trim()) {
                Some(m) => Some(m),
                None => {
                    errors.push(
                        err(
                            ErrorKind::InvalidValue,
                            m.span(),
                            MessageId::StatementNotAMethod,
                            MessageId::StatementMethodWords.into(),
                        )
                        .with_label(MessageId::StatementNotAMethodLabel),
                    );
                    None
                }
            },
        };
        let method_note = r
            .method_note
            .as_ref()
            .map(|n| localized_text(ctx, src, n, "method_note", errors));
        let assessed = match &r.assessed {
            None => {
                errors.push(missing("assessed", MessageId::StatementAssessedHelp));
                None
            }
            Some(d) => date(src, d, errors).map(|v| (v, d.span())),
        };
        let updated = match &r.updated {
            None => {
                errors.push(missing("updated", MessageId::StatementUpdatedHelp));
                None
            }
            Some(d) => date(src, d, errors).map(|v| (v, d.span())),
        };
        if let (Some((a, _)), Some((u, span))) = (&assessed, &updated)
            && u < a
        {
            errors.push(err(
                ErrorKind::InvalidValue,
                span.clone(),
                MessageId::StatementUpdatedBeforeAssessed,
                MessageId::StatementUpdatedBeforeAssessedHelp.into(),
            ));
        }
        let feedback = match &r.feedback {
            None => {
                errors.push(missing("feedback", MessageId::StatementFeedbackHelp));
                None
            }
            Some(f) => feedback(src, f, errors),
        };
        let problems = items(ctx, src, list(&r.problem), "problem", errors);
        let burden = items(
            ctx,
            src,
            list(&r.disproportionate_burden),
            "disproportionate_burden",
            errors,
        );
        let out_of_scope = items(ctx, src, list(&r.out_of_scope), "out_of_scope", errors);
        if let Some((status, span)) = &status {
            let problem_count = list(&r.problem).len();
            let burden_count = list(&r.disproportionate_burden).len();
            match status {
                Compliance::Fully if problem_count + burden_count > 0 => errors.push(err(
                    ErrorKind::InvalidValue,
                    span.clone(),
                    MessageId::StatementFullyWithExceptions,
                    MessageId::StatementFullyWithExceptionsHelp.into(),
                )),
                Compliance::Partially | Compliance::Not if problem_count == 0 => errors.push(
                    SiteError::at(
                        ErrorKind::MissingField,
                        &src.name,
                        &src.text,
                        span.clone(),
                        MessageId::StatementNoProblemListed.arg("status", status.key()),
                    )
                    .with_help(MessageId::StatementNoProblemListedHelp),
                ),
                _ => {}
            }
        }
        if errors.len() > before {
            return None;
        }
        Some(Statement {
            public_body: public_body?,
            service: service?,
            status: status?.0,
            problems: problems?,
            burden: burden?,
            out_of_scope: out_of_scope?,
            method: method?,
            method_note: method_note.flatten(),
            assessed: assessed?.0,
            updated: updated?.0,
            feedback: feedback?,
            file: src.name.clone(),
        })
    }
}

/// Where the top-level keys of the file end: the start of its first table
/// (`[feedback]` or a `[[…]]`, whose spans start after their header line), or the
/// end of the file when it has none.
fn top_level_end(r: &RawStatement, len: usize) -> usize {
    let tables = r.feedback.iter().map(|f| f.span().start).chain(
        [&r.problem, &r.disproportionate_burden, &r.out_of_scope]
            .into_iter()
            .flatten()
            .flat_map(|l| l.iter().map(|i| i.span().start)),
    );
    tables.min().unwrap_or(len)
}

/// The entries of an optional `[[table]]` list.
fn list<T>(l: &Option<List<T>>) -> &[T] {
    l.as_ref().map_or(&[], |l| l.as_slice())
}

/// A `{ sv = "…", en = "…" }` value whose default-language text is not empty.
fn localized_text(
    ctx: &Ctx<'_>,
    src: &crate::load::SourceFile,
    value: &Spanned<RawLocalized>,
    part: &str,
    errors: &mut Vec<SiteError>,
) -> Option<Localized<String>> {
    let l = ctx.localized(src, value, errors)?;
    if l.default_value().is_empty() {
        errors.push(
            src.error_at(
                ErrorKind::InvalidValue,
                value.span(),
                MessageId::StatementEmpty.arg("part", part),
            )
            .with_help(MessageId::StatementEmptyHelp),
        );
        return None;
    }
    Some(l)
}

/// The entries of `[[table]]`, each with both `what` and `why`.
fn items(
    ctx: &Ctx<'_>,
    src: &crate::load::SourceFile,
    raw: &[Spanned<RawItem>],
    table: &str,
    errors: &mut Vec<SiteError>,
) -> Option<Vec<Item>> {
    let before = errors.len();
    let mut out = Vec::new();
    for item in raw {
        let mut part =
            |value: &Option<Spanned<RawLocalized>>, key: &str, help: MessageId| match value {
                Some(v) => localized_text(ctx, src, v, &format!("{table}.{key}"), errors),
                None => {
                    errors.push(
                        src.error_at(
                            ErrorKind::MissingField,
                            item.span(),
                            MessageId::StatementItemMissing
                                .arg("table", table)
                                .arg("key", key),
                        )
                        .with_label(MessageId::StatementItemMissingLabel.arg("key", key))
                        .with_help(help),
                    );
                    None
                }
            };
        let what = part(
            &item.get_ref().what,
            "what",
            MessageId::StatementItemWhatHelp,
        );
        let why = part(&item.get_ref().why, "why", MessageId::StatementItemWhyHelp);
        if let (Some(what), Some(why)) = (what, why) {
            out.push(Item { what, why });
        }
    }
    (errors.len() == before).then_some(out)
}

/// `[feedback]`: an e-mail address, a web address, or both, each checked.
fn feedback(
    src: &crate::load::SourceFile,
    raw: &Spanned<RawFeedback>,
    errors: &mut Vec<SiteError>,
) -> Option<Feedback> {
    let bad = |span: Range<usize>, message: MessageId, help: MessageId| {
        src.error_at(ErrorKind::InvalidValue, span, message)
            .with_help(help)
    };
    let f = raw.get_ref();
    let email = f.email.as_ref().map(|e| {
        let v = e.get_ref().trim();
        if is_email(v) {
            Some(v.to_string())
        } else {
            errors.push(bad(
                e.span(),
                MessageId::StatementNotAnEmail,
                MessageId::StatementNotAnEmailHelp,
            ));
            None
        }
    });
    let url = f.url.as_ref().map(|u| {
        let v = u.get_ref().trim();
        if is_web_address(v) {
            Some(v.to_string())
        } else {
            errors.push(bad(
                u.span(),
                MessageId::StatementNotAWebAddress,
                MessageId::StatementNotAWebAddressHelp,
            ));
            None
        }
    });
    match (email, url) {
        (Some(Some(email)), Some(Some(link))) => Some(Feedback::Both { email, link }),
        (Some(Some(email)), None) => Some(Feedback::Email(email)),
        (None, Some(Some(link))) => Some(Feedback::Link(link)),
        (None, None) => {
            errors.push(
                src.error_at(
                    ErrorKind::MissingField,
                    raw.span(),
                    MessageId::StatementNoFeedback,
                )
                .with_label(MessageId::StatementNoFeedbackLabel)
                .with_help(MessageId::StatementNoFeedbackHelp),
            );
            None
        }
        _ => None,
    }
}

/// One `@` between a non-empty local part and a domain with a dot; nothing a
/// `mailto:` link would misread.
fn is_email(s: &str) -> bool {
    let ok = |c: char| !c.is_whitespace() && !"<>\"'(),;:\\[]?&#/".contains(c);
    match s.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && s.chars().filter(|&c| c == '@').count() == 1
                && s.chars().all(ok)
        }
        None => false,
    }
}

/// An absolute `https://` or `http://` address with a host and no spaces.
fn is_web_address(s: &str) -> bool {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"));
    rest.is_some_and(|r| {
        !r.is_empty()
            && !r.starts_with('/')
            && r.chars()
                .all(|c| !c.is_whitespace() && !c.is_control() && c != '"' && c != '<' && c != '>')
    })
}

/// Something about the pages that summering itself knows makes them less
/// usable, for the statement's list of known problems.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum KnownProblem<'a> {
    /// A section with no text in `missing`: those pages show the default
    /// language's text, marked with its `lang`.
    Untranslated {
        /// The report's year.
        year: Year,
        /// The section (its default-language title names it).
        section: &'a super::Section,
        /// The language it is missing in.
        missing: Lang,
    },
    /// A chart shown in a report whose numbers are marked as example data
    /// (its source says "Exempeldata" / "Example data").
    ExampleData {
        /// The report's year.
        year: Year,
        /// The chart.
        chart: &'a super::Chart,
    },
}

/// What summering knows itself about the site's pages, in report order (newest
/// first), for the statement: sections shown untranslated, then charts with
/// example data.
pub fn known_problems(site: &Site) -> Vec<KnownProblem<'_>> {
    let mut out = Vec::new();
    for r in &site.reports {
        for s in &r.sections {
            for &missing in &site.languages {
                if s.text.get(missing).is_none() {
                    out.push(KnownProblem::Untranslated {
                        year: r.year,
                        section: s,
                        missing,
                    });
                }
            }
        }
    }
    for r in &site.reports {
        let shown = r.sections.iter().flat_map(|s| &s.charts);
        let mut seen = std::collections::BTreeSet::new();
        for id in shown {
            if let Some(chart) = r.chart(id).filter(|c| is_example_data(c))
                && seen.insert(id)
            {
                out.push(KnownProblem::ExampleData {
                    year: r.year,
                    chart,
                });
            }
        }
    }
    // Pictures are not listed: a picture without a text alternative does not
    // build (see `super::images::undescribed`), and one marked decorative
    // (`alt=""`) meets WCAG 1.1.1 as it is, so it is no problem to declare.
    out
}

/// True when a chart's source says its numbers are example data, which is how
/// charts mark them (`source = { sv = "Exempeldata …", en = "Example data …" }`).
pub fn is_example_data(chart: &super::Chart) -> bool {
    chart.source.langs().any(|l| {
        let source = chart.source.get(l).map(|s| s.to_lowercase());
        source.is_some_and(|s| s.contains("exempeldata") || s.contains("example data"))
    })
}

/// The statement's warnings: no statement at all, a "fully compliant" status
/// that summering's own known problems contradict, and untranslated parts.
pub(crate) fn warnings(site: &Site) -> Vec<Warning> {
    let file = format!("content/{}", crate::load::accessibility::FILE);
    let Some(statement) = &site.accessibility else {
        return vec![Warning {
            kind: WarningKind::MissingAccessibilityStatement,
            file,
            message: MessageId::WarnNoAccessibilityStatement.into(),
        }];
    };
    let mut out = Vec::new();
    let known = known_problems(site).len();
    if statement.status == Compliance::Fully && known > 0 {
        out.push(Warning {
            kind: WarningKind::AccessibilityStatusContradicted,
            file: statement.file.clone(),
            message: Message::new(MessageId::WarnStatusContradicted)
                .count("n", known)
                .into(),
        });
    }
    let default = site.default_lang();
    for (what, text) in statement.texts() {
        for &lang in site.languages.iter().filter(|&&l| l != default) {
            if text.get(lang).is_none() {
                out.push(Warning {
                    kind: WarningKind::MissingTranslation,
                    file: statement.file.clone(),
                    message: Message::new(MessageId::WarnMissingValue)
                        .arg("what", &what)
                        .arg("lang", lang)
                        .arg("default", default)
                        .into(),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_and_methods_round_trip() {
        for c in Compliance::ALL {
            assert_eq!(Compliance::from_key(c.key()), Some(c));
        }
        for m in Method::ALL {
            assert_eq!(Method::from_key(m.key()), Some(m));
        }
        assert_eq!(Compliance::from_key("delvis"), None);
    }

    #[test]
    fn digg_words_are_guessed_for_the_help_line() {
        assert_eq!(
            Compliance::guess("delvis förenlig"),
            Some(Compliance::Partially)
        );
        assert_eq!(Compliance::guess("Helt förenlig"), Some(Compliance::Fully));
        assert_eq!(Compliance::guess("not compliant"), Some(Compliance::Not));
        assert_eq!(Compliance::guess("ok"), None);
    }

    #[test]
    fn feedback_addresses() {
        assert!(is_email("tillganglighet@nosam.example.se"));
        for bad in [
            "",
            "a",
            "a@b",
            "@b.se",
            "a@b.se.",
            "a b@c.se",
            "mailto:a@b.se",
            "a@@b.se",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
        assert!(is_web_address("https://www.example.se/kontakt"));
        for bad in [
            "",
            "www.example.se",
            "https://",
            "https:///x",
            "javascript:alert(1)",
            "https://a b",
        ] {
            assert!(!is_web_address(bad), "{bad}");
        }
    }
}
