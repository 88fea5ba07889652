//! Numbers written the way each language writes them.
//!
//! | | Swedish | English |
//! |---|---|---|
//! | thousands | `1 234` with U+00A0 NO-BREAK SPACE | `1,234` |
//! | decimals | `1 234,5` | `1,234.5` |
//! | negative | `−12` with U+2212 MINUS SIGN | `-12` |
//! | percent | `12,5 %` (no-break space before) | `12.5%` |
//! | other units | `12 st` (no-break space before) | `12 pcs` |
//!
//! The thousands separator is the no-break space U+00A0, as in the Unicode CLDR
//! data for Swedish: it keeps a number on one line, every font has it, and
//! screen readers read `1 234` as one number. (The narrow no-break space U+202F
//! is typographically finer but missing from some fonts.) Four-digit numbers are
//! grouped too (`1 234`), as the Swedish Language Council recommends for tables.

use crate::lang::Lang;

/// The thousands separator used for Swedish: U+00A0 NO-BREAK SPACE.
pub(super) const SV_GROUP: char = '\u{a0}';

/// `value` with exactly `decimals` decimals, grouped and signed as `lang` writes it.
pub(super) fn number(value: f64, decimals: usize, lang: Lang) -> String {
    let (group, point, minus) = match lang {
        Lang::Sv => (SV_GROUP, ',', '\u{2212}'),
        Lang::En => (',', '.', '-'),
    };
    let plain = fixed(value.abs(), decimals);
    let (int, frac) = plain.split_once('.').unwrap_or((&plain, ""));
    let mut out = String::with_capacity(plain.len() + 4);
    let is_zero = plain.bytes().all(|b| b == b'0' || b == b'.');
    if value < 0.0 && !is_zero {
        out.push(minus);
    }
    for (i, digit) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(digit);
    }
    if !frac.is_empty() {
        out.push(point);
        out.push_str(frac);
    }
    out
}

/// `format!("{:.*}", decimals, value)` for a non-negative `value`, without the
/// formatting machinery in the common case: chart labels, tables and
/// descriptions format tens of thousands of numbers in a large site.
///
/// Exact, like `format!`: `value` is `m × 2^e` with an integer `m`, so
/// `value × 10^decimals` is the integer `m × 10^decimals` shifted by `e`,
/// rounded half to even on the bits shifted out.
fn fixed(value: f64, decimals: usize) -> String {
    const MAX_DECIMALS: usize = 6;
    if !value.is_finite() || value >= 1e15 || decimals > MAX_DECIMALS || value.is_sign_negative() {
        return format!("{value:.decimals$}");
    }
    let bits = value.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i32;
    let fraction = u128::from(bits & ((1 << 52) - 1));
    // value = mantissa × 2^shift (subnormals have no implicit leading 1).
    let (mantissa, shift) = if exponent == 0 {
        (fraction, -1074)
    } else {
        (fraction | 1 << 52, exponent - 1075)
    };
    let scaled = mantissa * 10u128.pow(decimals as u32); // < 2^53 × 10^6 < 2^73
    // value < 1e15 < 2^52 ≤ mantissa × 2^0, so the shift is always to the right.
    debug_assert!(shift < 0);
    let k = shift.unsigned_abs();
    let units = if k >= 100 {
        0 // scaled < 2^73, so it is below 2^-27 units: rounds to zero
    } else {
        let (quotient, rest) = (scaled >> k, scaled & ((1u128 << k) - 1));
        let half = 1u128 << (k - 1);
        quotient + u128::from(rest > half || (rest == half && quotient % 2 == 1))
    };
    let mut buffer = itoa::Buffer::new();
    let digits = buffer.format(units);
    if decimals == 0 {
        return digits.to_string();
    }
    // At least one digit before the point: 0.05, not .05.
    let zeros = (decimals + 1).saturating_sub(digits.len());
    let mut out = String::with_capacity(zeros + digits.len() + 1);
    (0..zeros).for_each(|_| out.push('0'));
    out.push_str(digits);
    out.insert(out.len() - decimals, '.');
    out
}

/// A formatted number followed by its unit, spaced as `lang` writes it.
pub(super) fn with_unit(number: &str, unit: Option<&str>, lang: Lang) -> String {
    match unit.map(str::trim).filter(|u| !u.is_empty()) {
        None => number.to_string(),
        Some(u) if lang == Lang::En && matches!(u, "%" | "‰") => format!("{number}{u}"),
        Some(u) => format!("{number}\u{a0}{u}"),
    }
}

/// [`number`] then [`with_unit`].
pub(super) fn value(value: f64, decimals: usize, unit: Option<&str>, lang: Lang) -> String {
    with_unit(&number(value, decimals, lang), unit, lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NB: char = '\u{a0}';

    #[test]
    fn swedish_groups_with_no_break_space_and_uses_decimal_comma() {
        assert_eq!(number(1234.5, 1, Lang::Sv), format!("1{NB}234,5"));
        assert_eq!(number(1234567.0, 0, Lang::Sv), format!("1{NB}234{NB}567"));
        assert_eq!(number(999.0, 0, Lang::Sv), "999");
        assert_eq!(number(12.5, 2, Lang::Sv), "12,50");
    }

    #[test]
    fn english_groups_with_comma_and_uses_decimal_point() {
        assert_eq!(number(1234.5, 1, Lang::En), "1,234.5");
        assert_eq!(number(1234567.0, 0, Lang::En), "1,234,567");
        assert_eq!(number(0.25, 2, Lang::En), "0.25");
    }

    #[test]
    fn negative_numbers_and_negative_zero() {
        assert_eq!(number(-1234.5, 1, Lang::Sv), format!("\u{2212}1{NB}234,5"));
        assert_eq!(number(-1234.5, 1, Lang::En), "-1,234.5");
        assert_eq!(number(-0.0, 1, Lang::Sv), "0,0");
        assert_eq!(number(-0.01, 1, Lang::En), "0.0");
    }

    #[test]
    fn rounding_to_the_decimals_asked_for() {
        assert_eq!(number(2.25, 1, Lang::En), "2.2"); // 2.25 is stored just below 2.25
        assert_eq!(number(999.96, 1, Lang::Sv), format!("1{NB}000,0"));
        assert_eq!(number(0.3 - 0.1, 1, Lang::Sv), "0,2");
    }

    #[test]
    fn fixed_point_is_exactly_what_format_writes() {
        // A fixed pseudo-random sequence (xorshift) over many magnitudes, plus ties and edges.
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut values = vec![
            0.0,
            0.5,
            1.5,
            2.5,
            2.25,
            0.125,
            0.375,
            1e-300,
            5e-324,
            999.9999995,
            123456789012345.6,
            0.3 - 0.1,
        ];
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let mantissa = (x >> 11) as f64 / (1u64 << 53) as f64;
            let magnitude = 10f64.powi((x % 19) as i32 - 6);
            values.push(mantissa * magnitude);
            values.push((mantissa * 1000.0).round() / 8.0); // exact binary fractions: ties
        }
        for v in values {
            for d in 0..=7 {
                assert_eq!(fixed(v, d), format!("{v:.d$}"), "{v:e} with {d} decimals");
            }
        }
    }

    #[test]
    fn units_per_language() {
        assert_eq!(value(12.5, 1, Some("%"), Lang::Sv), format!("12,5{NB}%"));
        assert_eq!(value(12.5, 1, Some("%"), Lang::En), "12.5%");
        assert_eq!(value(3.0, 0, Some("st"), Lang::Sv), format!("3{NB}st"));
        assert_eq!(value(3.0, 0, Some("pcs"), Lang::En), format!("3{NB}pcs"));
        assert_eq!(value(3.0, 0, Some(" "), Lang::En), "3");
        assert_eq!(value(3.0, 0, None, Lang::En), "3");
    }
}
