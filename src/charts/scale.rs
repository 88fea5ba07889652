//! Scales: from data values to positions, and "nice" axis ticks.
//!
//! Ticks are steps of 1, 2, 2.5 or 5 times a power of ten, so axis labels read
//! as round numbers (0, 250, 500 …) instead of whatever the data's range gives.
//! They are chosen here rather than taken from plotters' key points, which are
//! steps of 1, 2 or 5 with as many points as fit: an axis needs a bounded number
//! of ticks, a step of 2.5 only where the data has decimals, and the number of
//! decimals that writes every tick exactly in the reader's language. Positions
//! are plotters' linear coordinate mapping ([`Linear`]).

use plotters::coord::ranged1d::Ranged;
use plotters::coord::types::RangedCoordf64;

/// Axis ticks from `min` to `max` in steps of `step`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Ticks {
    /// The first tick (at or below the smallest value).
    pub min: f64,
    /// The last tick (at or above the largest value).
    pub max: f64,
    /// The distance between ticks.
    pub step: f64,
    /// Decimals needed to write every tick exactly.
    pub decimals: usize,
}

impl Ticks {
    #[cfg(test)]
    /// Ticks covering `lo..=hi` with at most `max_ticks` ticks (at least 2, and 3
    /// for a range across zero: one at zero).
    pub(super) fn nice(lo: f64, hi: f64, max_ticks: usize) -> Ticks {
        Ticks::nice_for(lo, hi, max_ticks, usize::MAX)
    }

    /// Like [`Ticks::nice`] for data written with `data_decimals` decimals: a
    /// step of 2.5 is skipped where it would add a decimal the data does not
    /// have (whole numbers get 0, 2, 4 … rather than 0, 2,5, 5 …).
    ///
    /// Total for any input: the model only lets values of at most
    /// `model::chart::MAX_VALUE` through, but a range that is not finite, or too
    /// large for the arithmetic below, still gets ticks (0 to 1, or the range
    /// clamped to ±10^300) rather than a loop that never ends.
    pub(super) fn nice_for(lo: f64, hi: f64, max_ticks: usize, data_decimals: usize) -> Ticks {
        let (lo, hi) = usable_range(lo, hi);
        let magnitude = lo.abs().max(hi.abs());
        // A range across zero has a tick at zero, so it needs two intervals at least.
        let intervals = if lo < 0.0 && hi > 0.0 {
            max_ticks.max(3) as f64 - 1.0
        } else {
            max_ticks.max(2) as f64 - 1.0
        };
        // The step is at least a millionth of the largest value: ticks are then
        // within a millionth of a step of their exact values, and labels with the
        // step's decimals write them exactly.
        let raw = ((hi - lo) / intervals).max(magnitude * MIN_RELATIVE_STEP);
        let quarter_ok =
            |e: i32| decimals_of_step(2.5, e) <= data_decimals.max(decimals_of_step(1.0, e));
        let mut exponent = raw.log10().floor() as i32;
        let mut step_mantissa = 10.0;
        for m in [1.0, 2.0, 2.5, 5.0, 10.0] {
            if m == 2.5 && !quarter_ok(exponent) {
                continue;
            }
            if m * 10f64.powi(exponent) >= raw * (1.0 - 1e-9) {
                step_mantissa = m;
                break;
            }
        }
        // Each try makes the step larger; once it is as large as the largest value,
        // the ticks are 0 and ± one step, which always fits. So this ends within
        // about four tries per power of ten between `raw` and `magnitude` (at most
        // seven powers, by MIN_RELATIVE_STEP).
        for _ in 0..MAX_TRIES {
            let step = step_mantissa * 10f64.powi(exponent);
            let min = (lo / step + 1e-9).floor() * step;
            let max = (hi / step - 1e-9).ceil() * step;
            if ((max - min) / step).round() <= intervals {
                let decimals = decimals_of_step(step_mantissa, exponent);
                return Ticks {
                    min: tidy(min, decimals),
                    max: tidy(max, decimals),
                    step,
                    decimals,
                };
            }
            // Rounding outwards added an interval too many: take the next larger step.
            (step_mantissa, exponent) = match step_mantissa {
                m if m < 2.0 => (2.0, exponent),
                m if m < 2.5 && quarter_ok(exponent) => (2.5, exponent),
                m if m < 5.0 => (5.0, exponent),
                _ => (1.0, exponent + 1),
            };
        }
        // Not reached (see above); if it were, one power of ten at least as large
        // as every value is a step that always fits.
        let exponent = magnitude.log10().ceil() as i32;
        let step = 10f64.powi(exponent);
        Ticks {
            min: if lo < 0.0 { -step } else { 0.0 },
            max: if hi > 0.0 { step } else { 0.0 },
            step,
            decimals: decimals_of_step(1.0, exponent),
        }
    }

    /// The tick values, from `min` to `max` (at most 64 of them).
    pub(super) fn values(&self) -> Vec<f64> {
        // `as` turns NaN into 0 and saturates; the cap keeps a hand-made `Ticks` bounded.
        let n = (((self.max - self.min) / self.step).round() as usize).min(MAX_TICKS - 1);
        (0..=n)
            .map(|i| tidy(self.min + i as f64 * self.step, self.decimals))
            .collect()
    }
}

/// The largest size [`Ticks::nice_for`] works with: far enough below
/// `f64::MAX` that a range, a step and ten of them stay finite. Values smaller
/// than its inverse count as 0, so that a step is never below the smallest
/// normal `f64`.
const LIMIT: f64 = 1e300;

/// The smallest step, relative to the largest value of the range.
const MIN_RELATIVE_STEP: f64 = 1e-6;

/// How many steps [`Ticks::nice_for`] tries (it needs at most about 30).
const MAX_TRIES: usize = 64;

/// The most ticks an axis can have.
const MAX_TICKS: usize = 64;

/// `lo..=hi` in order, finite and within ±[`LIMIT`], and not empty: one value
/// (or all zero) gets room around it.
fn usable_range(lo: f64, hi: f64) -> (f64, f64) {
    if !(lo.is_finite() && hi.is_finite()) {
        return (0.0, 1.0);
    }
    let usable = |v: f64| {
        if v.abs() < 1.0 / LIMIT {
            0.0
        } else {
            v.clamp(-LIMIT, LIMIT)
        }
    };
    let (lo, hi) = (usable(lo), usable(hi));
    let (lo, hi) = if lo <= hi { (lo, hi) } else { (hi, lo) };
    if hi > lo {
        (lo, hi)
    } else if lo == 0.0 {
        (0.0, 1.0)
    } else if lo > 0.0 {
        (0.0, hi)
    } else {
        (lo, 0.0)
    }
}

/// 25 needs none, 2.5 one, 0.25 two: one more than the power of ten's decimals for 2.5.
fn decimals_of_step(mantissa: f64, exponent: i32) -> usize {
    let extra = i32::from(mantissa == 2.5);
    (extra - exponent).max(0) as usize
}

/// Removes float noise such as 0.30000000000000004 (and turns −0 into 0).
fn tidy(v: f64, decimals: usize) -> f64 {
    let f = 10f64.powi(decimals as i32 + 2);
    let r = if (v * f).is_finite() {
        (v * f).round() / f
    } else {
        v
    };
    if r == 0.0 { 0.0 } else { r }
}

/// The smallest and largest value to show: the data's range, widened to
/// include zero for bars (a bar's length must mean its value) and for lines
/// whose values are not far from zero anyway.
pub(super) fn domain(values: impl IntoIterator<Item = f64>, force_zero: bool) -> (f64, f64) {
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for v in values {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    if lo > hi {
        return (0.0, 1.0);
    }
    let near_zero = lo >= 0.0 && lo <= hi * 0.6 || hi <= 0.0 && hi >= lo * 0.6;
    if force_zero || near_zero || (lo < 0.0 && hi > 0.0) {
        (lo.min(0.0), hi.max(0.0))
    } else {
        (lo, hi)
    }
}

/// A value axis: plotters' linear coordinate from a value range onto a pixel range.
#[derive(Clone)]
pub(super) struct Linear {
    values: RangedCoordf64,
    pixels: (i32, i32),
}

impl Linear {
    /// Maps `d0..d1` (values) onto `r0..r1` (pixels; may run backwards, as a y axis does).
    pub(super) fn new((d0, d1): (f64, f64), pixels: (i32, i32)) -> Linear {
        Linear {
            values: (d0..d1).into(),
            pixels,
        }
    }

    /// The pixel position of `v`.
    pub(super) fn at(&self, v: f64) -> i32 {
        self.values.map(&v, self.pixels)
    }
}

/// Equal bands side by side, one per category, each with padding around its content.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Bands {
    start: f64,
    size: f64,
    fill: f64,
}

impl Bands {
    /// `n` bands filling `start..end`; `fill` (0–1) is the share of a band its bars take.
    pub(super) fn new(start: f64, end: f64, n: usize, fill: f64) -> Bands {
        Bands {
            start,
            size: (end - start) / n.max(1) as f64,
            fill,
        }
    }

    /// The width of one band.
    pub(super) fn size(&self) -> f64 {
        self.size
    }

    /// The centre of band `i`.
    pub(super) fn centre(&self, i: usize) -> f64 {
        self.start + (i as f64 + 0.5) * self.size
    }

    /// Where the content of band `i` starts, and how wide it is.
    pub(super) fn inner(&self, i: usize) -> (f64, f64) {
        let w = self.size * self.fill;
        (self.centre(i) - w / 2.0, w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_ticks_are_round() {
        let t = Ticks::nice(0.0, 1234.5, 6);
        assert_eq!((t.min, t.max, t.step, t.decimals), (0.0, 1250.0, 250.0, 0));
        assert_eq!(t.values(), [0.0, 250.0, 500.0, 750.0, 1000.0, 1250.0]);
        let t = Ticks::nice(0.0, 100.0, 6);
        assert_eq!((t.max, t.step), (100.0, 20.0));
        let t = Ticks::nice(0.0, 38.0, 6);
        assert_eq!((t.max, t.step), (40.0, 10.0));
    }

    #[test]
    fn fractional_steps_have_decimals() {
        let t = Ticks::nice(0.0, 1.0, 6);
        assert_eq!((t.step, t.decimals), (0.2, 1));
        assert_eq!(t.values(), [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
        let t = Ticks::nice(0.0, 0.1, 5);
        assert_eq!((t.step, t.decimals), (0.025, 3));
        let t = Ticks::nice(0.0, 100.0, 5);
        assert_eq!((t.step, t.decimals), (25.0, 0));
        let t = Ticks::nice(0.0, 10.0, 5);
        assert_eq!((t.step, t.decimals), (2.5, 1));
    }

    #[test]
    fn whole_numbers_get_whole_ticks() {
        let t = Ticks::nice_for(0.0, 12.0, 6, 0);
        assert_eq!((t.step, t.decimals), (5.0, 0));
        assert_eq!(Ticks::nice_for(0.0, 12.0, 6, 1).step, 2.5);
        assert_eq!(Ticks::nice_for(0.0, 120.0, 6, 0).step, 25.0);
    }

    #[test]
    fn ticks_never_exceed_the_maximum_count() {
        for hi in [1.0, 7.0, 9.5, 13.0, 99.0, 101.0, 1234.5, 0.07, 5e6] {
            for n in 2..9 {
                let t = Ticks::nice(0.0, hi, n);
                assert!(t.values().len() <= n, "{hi} {n}: {t:?}");
                assert!(t.min <= 0.0 && t.max >= hi, "{hi} {n}: {t:?}");
            }
        }
    }

    #[test]
    fn negative_and_degenerate_ranges() {
        let t = Ticks::nice(-12.0, 30.0, 6);
        assert!(
            t.min <= -12.0 && t.max >= 30.0 && t.values().contains(&0.0),
            "{t:?}"
        );
        assert_eq!(Ticks::nice(0.0, 0.0, 5).max, 1.0);
        let t = Ticks::nice(5.0, 5.0, 5);
        assert_eq!((t.min, t.max, t.step), (0.0, 6.0, 2.0));
        let t = Ticks::nice(-3.0, -3.0, 5);
        assert_eq!((t.min, t.max), (-3.0, 0.0));
    }

    #[test]
    fn a_range_across_zero_with_two_ticks_allowed_gets_three() {
        // Two ticks cannot cover a range across zero with zero among them; this used to loop forever.
        let t = Ticks::nice(-12.0, 30.0, 2);
        assert_eq!(t.values(), [-50.0, 0.0, 50.0]);
    }

    #[test]
    fn ticks_of_extreme_ranges_are_finite_and_bounded() {
        let edges = [
            0.0,
            -0.0,
            5e-324,
            -5e-324,
            f64::MIN_POSITIVE,
            1e-300,
            0.001,
            1.0,
            1e15,
            -1e15,
            1e300,
            1e307,
            -1e308,
            f64::MAX,
            f64::MIN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
        ];
        for lo in edges {
            for hi in edges {
                for n in [0, 2, 6] {
                    let t = Ticks::nice(lo, hi, n);
                    let values = t.values();
                    assert!(
                        values.len() >= 2 && values.len() <= n.max(3),
                        "{lo:e} {hi:e} {n}: {t:?}"
                    );
                    assert!(values.iter().all(|v| v.is_finite()), "{lo:e} {hi:e}: {t:?}");
                    assert!(t.step > 0.0 && t.step.is_finite(), "{lo:e} {hi:e}: {t:?}");
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn ticks_cover_every_drawable_range(
            a in -1e15..=1e15f64,
            b in -1e15..=1e15f64,
            n in 2usize..9,
        ) {
            let t = Ticks::nice(a, b, n);
            let (lo, hi) = (a.min(b), a.max(b));
            let values = t.values();
            proptest::prop_assert!(values.len() <= n.max(3), "{t:?}");
            // Within the slack that keeps a value on a tick from adding an interval.
            let slack = t.step * 1e-9;
            proptest::prop_assert!(t.min <= lo + slack && t.max >= hi - slack, "{t:?}");
            proptest::prop_assert!(t.step >= lo.abs().max(hi.abs()) * MIN_RELATIVE_STEP, "{t:?}");
        }

        #[test]
        fn ticks_of_any_two_numbers_are_finite(a: f64, b: f64, n in 0usize..9) {
            let t = Ticks::nice(a, b, n);
            proptest::prop_assert!(t.values().iter().all(|v| v.is_finite()), "{t:?}");
        }
    }

    #[test]
    fn domains_include_zero_when_honest() {
        assert_eq!(domain([3.0, 9.0], true), (0.0, 9.0));
        assert_eq!(domain([90.0, 96.0], false), (90.0, 96.0));
        assert_eq!(domain([30.0, 96.0], false), (0.0, 96.0));
        assert_eq!(domain([-4.0, 6.0], false), (-4.0, 6.0));
        assert_eq!(domain([], true), (0.0, 1.0));
    }

    #[test]
    fn linear_maps_and_flips() {
        let y = Linear::new((0.0, 100.0), (300, 0));
        assert_eq!((y.at(0.0), y.at(50.0), y.at(100.0)), (300, 150, 0));
        let b = Bands::new(0.0, 100.0, 4, 0.5);
        assert_eq!(
            (b.size(), b.centre(0), b.inner(1)),
            (25.0, 12.5, (31.25, 12.5))
        );
    }
}
