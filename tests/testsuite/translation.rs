//! A section missing in English falls back to Swedish, marked and announced.

use summering::WarningKind;

use crate::common::{build_ok, fixture, page};

#[test]
fn untranslated_section_is_shown_in_swedish_with_a_notice_and_a_warning() {
    let site = build_ok(&fixture("fallback"));
    let en = &page(&site, "en/2020/index.html");
    // The section element carries lang="sv"; the notice itself is in English.
    let start = en
        .find("id=framat")
        .expect("the fallback section is on the English page");
    let section = &en[en[..start].rfind("<section").unwrap()..];
    let section = &section[..section.find("</section>").unwrap()];
    assert!(section.contains("lang=sv"), "{section}");
    assert!(section.contains("lang=en>Not translated yet"), "{section}");
    let sv = &page(&site, "sv/2020/index.html");
    assert!(
        !sv.contains("notice--untranslated"),
        "the Swedish page has no notice"
    );
    let warning = site
        .warnings
        .iter()
        .find(|w| w.kind == WarningKind::MissingTranslation)
        .expect("a warning about the missing translation");
    assert!(warning.file.ends_with("02-framat.sv.md"), "{warning:?}");
    assert!(
        warning.message.to_string().contains("02-framat.en.md"),
        "the warning names the file to write: {warning:?}"
    );
}

#[test]
fn complete_sites_have_no_translation_warnings() {
    // The minimal fixture has no accessibility statement, and says so in a warning of its own.
    let translation = |w: &&summering::Warning| w.kind == WarningKind::MissingTranslation;
    assert_eq!(
        build_ok(&fixture("minimal"))
            .warnings
            .iter()
            .filter(translation)
            .count(),
        0
    );
    assert!(crate::common::sample().warnings.is_empty());
}
