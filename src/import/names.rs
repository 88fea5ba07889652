//! Section kinds guessed from slide titles, and file names made from them.

use crate::model::SectionKind;

/// Words in a title that tell its kind, checked in this order (the first hit
/// wins, so "Framåt" is not taken for a focus area, nor "Utvecklingsområde"
/// for a strength). Swedish as the NOSAM decks write them, English too.
const CLUES: &[(SectionKind, &[&str])] = &[
    (
        SectionKind::WayForward,
        &[
            "framåt",
            "fortsatt arbete",
            "nästa steg",
            "kommande år",
            "way forward",
            "next step",
            "going forward",
            "looking ahead",
        ],
    ),
    (
        SectionKind::DevelopmentArea,
        &[
            "utvecklingsområde",
            "förbättringsområde",
            "att utveckla",
            "utmaning",
            "development",
            "improvement",
            "challenge",
        ],
    ),
    (
        SectionKind::FocusArea,
        &[
            "aktuella frågor",
            "aktuellt",
            "prioriter",
            "fokusområde",
            "fokus",
            "current issue",
            "focus",
            "priorit",
        ],
    ),
    (
        SectionKind::Strength,
        &[
            "styrk",
            "välfungerande",
            "viljan",
            "framgång",
            "fungerar bra",
            "strength",
            "works well",
            "success",
            "willingness",
        ],
    ),
];

/// The kind a slide title suggests, if any.
pub fn guess_kind(title: &str) -> Option<SectionKind> {
    let lower = title.to_lowercase();
    CLUES
        .iter()
        .find(|(_, words)| words.iter().any(|w| lower.contains(w)))
        .map(|(k, _)| *k)
}

/// Little words that make poor ends of a file name.
const STOP: &[&str] = &[
    "och", "att", "for", "i", "pa", "av", "under", "ar", "de", "som", "hos", "med", "till", "om",
    "en", "ett", "the", "of", "and", "in", "for", "to", "a", "an", "on", "at", "is",
];

/// A short file-name part from a title: `Aktuella frågor under 2021` →
/// `aktuella-fragor`. The `slug` crate makes the title ASCII (`å`, `ä`, `ö` →
/// `a`, `a`, `o`, as archives want file names); of its words, numbers are left
/// out, at most three kept, and little words dropped from the end.
pub fn slug(title: &str) -> String {
    let slugged = slug::slugify(title);
    let mut words: Vec<&str> = slugged
        .split('-')
        .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit()))
        .take(3)
        .collect();
    while words.len() > 1 && words.last().is_some_and(|w| STOP.contains(w)) {
        words.pop();
    }
    if words.is_empty() {
        "avsnitt".to_string()
    } else {
        words.join("-")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_from_the_seed_titles() {
        let cases = [
            (
                "Välfungerande struktur för samverkan",
                Some(SectionKind::Strength),
            ),
            (
                "Viljan att samverka är god hos de som deltar",
                Some(SectionKind::Strength),
            ),
            ("Aktuella frågor under 2021", Some(SectionKind::FocusArea)),
            ("Utvecklingsområde", Some(SectionKind::DevelopmentArea)),
            ("Framåt", Some(SectionKind::WayForward)),
            ("Deltagare", None),
        ];
        for (title, kind) in cases {
            assert_eq!(guess_kind(title), kind, "{title}");
        }
    }

    #[test]
    fn slugs_are_short_and_plain() {
        assert_eq!(
            slug("Välfungerande struktur för samverkan"),
            "valfungerande-struktur"
        );
        assert_eq!(
            slug("Viljan att samverka är god hos de som deltar"),
            "viljan-att-samverka"
        );
        assert_eq!(slug("Aktuella frågor under 2021"), "aktuella-fragor");
        assert_eq!(slug("Framåt"), "framat");
        assert_eq!(slug("2021"), "avsnitt");
        assert_eq!(slug("Översikt: ÅÄÖ åäö"), "oversikt-aao-aao");
        assert_eq!(slug("Café – Señor Ærø"), "cafe-senor-aero");
        assert_eq!(slug("«»—"), "avsnitt");
    }
}
