//! Warnings derived from the validated model: untranslated text and removed HTML.

use crate::diagnostics::{Warning, WarningKind};
use crate::lang::Localized;
use crate::messages::{Message, MessageId};
use crate::model::Site;

/// True unless a section planned on `slides` slides needs a warning that it
/// was split: one slide needs none, and neither does a split made only of
/// the pieces of the tables and points the deck cut (`pieces`, one count per
/// cut), since each cut has a warning of its own that says what to shorten; a
/// second one about the same slides would tell of one split twice.
pub(crate) fn split_is_its_cuts(slides: usize, pieces: impl IntoIterator<Item = usize>) -> bool {
    let extra: usize = pieces.into_iter().map(|n| n.saturating_sub(1)).sum();
    slides <= extra + 1
}

/// Every warning about the site, in a stable order.
pub(crate) fn collect(site: &Site) -> Vec<Warning> {
    let mut out = Vec::new();
    let default = site.default_lang();
    let others: Vec<_> = site
        .languages
        .iter()
        .copied()
        .filter(|&l| l != default)
        .collect();
    // `what` is only written out when a translation is missing (most values have all).
    let missing = |file: &str,
                   what: std::fmt::Arguments<'_>,
                   value: Option<&Localized<String>>,
                   out: &mut Vec<Warning>| {
        for &lang in &others {
            if value.is_some_and(|v| v.get(lang).is_none()) {
                out.push(Warning {
                    kind: WarningKind::MissingTranslation,
                    file: file.to_string(),
                    message: Message::new(MessageId::WarnMissingValue)
                        .arg("what", what)
                        .arg("lang", lang)
                        .arg("default", default)
                        .into(),
                });
            }
        }
    };
    missing(
        "content/site.toml",
        format_args!("name"),
        Some(&site.name),
        &mut out,
    );
    missing(
        "content/site.toml",
        format_args!("organisation"),
        Some(&site.organisation),
        &mut out,
    );
    missing(
        "content/site.toml",
        format_args!("description"),
        site.description.as_ref(),
        &mut out,
    );
    for r in site.reports.iter().rev() {
        missing(&r.file, format_args!("title"), Some(&r.title), &mut out);
        missing(
            &r.file,
            format_args!("subtitle"),
            r.subtitle.as_ref(),
            &mut out,
        );
        missing(
            &r.file,
            format_args!("closing"),
            r.closing.as_ref(),
            &mut out,
        );
        for c in &r.charts {
            let id = &c.id;
            missing(
                &c.file,
                format_args!("chart \"{id}\": title"),
                Some(&c.title),
                &mut out,
            );
            missing(
                &c.file,
                format_args!("chart \"{id}\": x_label"),
                Some(&c.x_label),
                &mut out,
            );
            missing(
                &c.file,
                format_args!("chart \"{id}\": y_label"),
                Some(&c.y_label),
                &mut out,
            );
            missing(
                &c.file,
                format_args!("chart \"{id}\": unit"),
                c.unit.as_ref(),
                &mut out,
            );
            missing(
                &c.file,
                format_args!("chart \"{id}\": source"),
                Some(&c.source),
                &mut out,
            );
            for (i, cat) in c.categories.iter().enumerate() {
                missing(
                    &c.file,
                    format_args!(
                        "chart \"{id}\": category {} ({})",
                        i + 1,
                        cat.default_value()
                    ),
                    Some(cat),
                    &mut out,
                );
            }
            for s in &c.series {
                missing(
                    &c.file,
                    format_args!("chart \"{id}\": series \"{}\"", s.name.default_value()),
                    Some(&s.name),
                    &mut out,
                );
            }
        }
        for s in &r.sections {
            let source = s.text.default_value();
            for &lang in &others {
                if s.text.get(lang).is_none() {
                    let expected = source
                        .file
                        .replace(&format!(".{default}.md"), &format!(".{lang}.md"));
                    out.push(Warning {
                        kind: WarningKind::MissingTranslation,
                        file: source.file.clone(),
                        message: Message::new(MessageId::WarnNotTranslated)
                            .arg("lang", lang)
                            .arg("expected", expected)
                            .arg("default", default)
                            .into(),
                    });
                }
            }
            for lang in s.text.langs() {
                let text = s.text.get(lang).expect("listed language");
                if text.removed_unsafe {
                    out.push(Warning {
                        kind: WarningKind::UnsafeHtmlRemoved,
                        file: text.file.clone(),
                        message: MessageId::WarnUnsafeHtmlRemoved.into(),
                    });
                }
            }
        }
    }
    out.extend(crate::model::accessibility::warnings(site));
    out.extend(crate::model::images::warnings(site));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_split_made_of_its_cuts_alone_is_told_once() {
        assert!(split_is_its_cuts(1, []));
        assert!(!split_is_its_cuts(2, []));
        assert!(split_is_its_cuts(2, [2]), "a table in two pieces");
        assert!(split_is_its_cuts(3, [2, 2]));
        assert!(!split_is_its_cuts(4, [2]), "points beside the table too");
    }

    #[test]
    fn each_split_of_a_deck_has_one_warning() {
        use crate::diagnostics::WarningKind::{SlideItemSplit, SlideSplit, SlideTableSplit};
        let root =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/deck-pressure");
        let built = crate::build_in_memory(&crate::BuildOptions::new(root)).unwrap();
        let of = |file: &str| -> Vec<_> {
            built
                .warnings
                .iter()
                .filter(|w| w.file == format!("content/2022/{file}"))
                .map(|w| w.kind)
                .collect()
        };
        for lang in ["sv", "en"] {
            // A table in two pieces on two slides; one paragraph in three on three.
            assert_eq!(of(&format!("05-tabell.{lang}.md")), [SlideTableSplit]);
            assert_eq!(of(&format!("02-langt-stycke.{lang}.md")), [SlideItemSplit]);
            // Points on four slides, nothing cut.
            assert_eq!(of(&format!("01-langa-punkter.{lang}.md")), [SlideSplit]);
        }
    }
}
