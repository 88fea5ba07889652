//! How long one chart takes to draw: every chart of tests/fixtures/charts (one of
//! each kind), in both languages, both layouts, description and table included.
//!
//! Run: cargo run --example chart_timing [--release]

use std::path::Path;
use std::time::Instant;

use summering::lang::Lang;
use summering::model::Site;
use summering::render::Theme;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/charts");
    let (raw, errors) = summering::load::load(&root);
    assert!(errors.is_empty(), "{errors:?}");
    let site = Site::try_from(raw.expect("fixture loads")).expect("fixture is valid");
    let theme = Theme::load(&root, &site.theme, &site.languages).expect("default theme");
    let charts = &site.reports[0].charts;
    const ROUNDS: u32 = 50;
    let mut bytes = 0;
    for chart in charts {
        let start = Instant::now();
        for _ in 0..ROUNDS {
            for lang in [Lang::Sv, Lang::En] {
                let f =
                    summering::render::figures::figure(chart, lang, "t", &theme).expect("draws");
                bytes = f.svg_wide.len() + f.svg_narrow.len();
            }
        }
        let per = start.elapsed() / (ROUNDS * 2);
        println!(
            "{:<12} {:<12} {:>7.3} ms per figure (2 SVGs + description + table), {bytes} bytes of SVG",
            chart.id,
            chart.kind.key(),
            per.as_secs_f64() * 1e3
        );
    }
}
