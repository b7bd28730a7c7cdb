//! Syllables of a run of digits read aloud as an English number.
//!
//! Input: ASCII digits. Output: the syllables of the usual spoken form (American, without
//! "and"): "250" is "two hundred fifty" (5), "1000000" is "one million" (3). Four-digit
//! numbers from 1100 to 2099, most of them years in news text, are read as years: "1990"
//! is "nineteen ninety" (4), "1905" "nineteen oh five" (4), "2024" "twenty twenty-four" (5),
//! but "2007" "two thousand seven" (5). Runs with a leading zero (codes, decimals after the
//! point) or longer than 15 digits are read digit by digit, zero as "oh"; "000" alone is the
//! tail of "1,000" (the tokenizer splits at the comma) and reads as "thousand".

/// Syllables of zero to nineteen.
const UNDER_TWENTY: [usize; 20] = [2, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 3, 1, 2, 2, 2, 2, 3, 2, 2];
/// Syllables of twenty, thirty, ... ninety (index = tens digit).
const TENS: [usize; 10] = [0, 0, 2, 2, 2, 2, 2, 3, 2, 2];
/// "hundred", and each of "thousand", "million", "billion", "trillion".
const SCALE_WORD: usize = 2;

pub(crate) fn syllables(digits: &[u8]) -> usize {
    let value = digits.iter().fold(0u64, |v, &d| v.saturating_mul(10).saturating_add(u64::from(d.wrapping_sub(b'0'))));
    match digits {
        [] => 0,
        b"000" => SCALE_WORD,
        [b'0', _, ..] => digit_by_digit(digits),
        _ if digits.len() > 15 => digit_by_digit(digits),
        _ if digits.len() == 4 && (1100..2100).contains(&value) && !(2000..2010).contains(&value) => year(value),
        _ => cardinal(value),
    }
}

fn digit_by_digit(digits: &[u8]) -> usize {
    digits.iter().map(|&d| if d == b'0' { 1 } else { under_hundred(u64::from(d.wrapping_sub(b'0'))) }).sum()
}

/// 1100–2099 but not 2000–2009: "nineteen hundred", "nineteen oh five", "twenty twelve".
fn year(value: u64) -> usize {
    let (high, low) = (value / 100, value % 100);
    under_hundred(high)
        + match low {
            0 => SCALE_WORD,
            1..=9 => 1 + under_hundred(low),
            _ => under_hundred(low),
        }
}

fn cardinal(value: u64) -> usize {
    if value == 0 {
        return under_hundred(0);
    }
    let mut total = 0;
    let mut rest = value;
    let mut scale = 0;
    while rest > 0 {
        let group = rest % 1000;
        if group > 0 {
            total += under_thousand(group) + if scale > 0 { SCALE_WORD } else { 0 };
        }
        rest /= 1000;
        scale += 1;
    }
    total
}

/// 1–999 (0 reads as nothing here: it is a silent part of a larger number).
fn under_thousand(value: u64) -> usize {
    let (hundreds, rest) = (value / 100, value % 100);
    let head = if hundreds > 0 { under_hundred(hundreds) + SCALE_WORD } else { 0 };
    head + if rest > 0 { under_hundred(rest) } else { 0 }
}

/// 0–99.
fn under_hundred(value: u64) -> usize {
    match value {
        0..=19 => UNDER_TWENTY.get(value as usize).copied().unwrap_or(1),
        _ => {
            let (tens, units) = ((value / 10) as usize, value % 10);
            TENS.get(tens).copied().unwrap_or(2) + if units > 0 { under_hundred(units) } else { 0 }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::syllables;

    #[test]
    fn numbers_read_aloud() {
        let cases: &[(&str, usize)] = &[
            ("0", 2),           // zero
            ("7", 2),           // seven
            ("11", 3),          // eleven
            ("21", 3),          // twenty-one
            ("70", 3),          // seventy
            ("100", 3),         // one hundred
            ("250", 5),         // two hundred fifty
            ("1000", 3),        // one thousand
            ("2007", 5),        // two thousand seven
            ("1990", 4),        // nineteen ninety
            ("1905", 4),        // nineteen oh five
            ("1900", 4),        // nineteen hundred
            ("2024", 5),        // twenty twenty-four
            ("3000", 3),        // three thousand
            ("1000000", 3),     // one million
            ("2500000", 8),     // two million five hundred thousand
            ("000", 2),         // "thousand", the tail of 1,000
            ("05", 2),          // oh five
            ("007", 4),         // oh oh seven
            ("12345678901234567", 19), // digit by digit
        ];
        for &(digits, want) in cases {
            assert_eq!(syllables(digits.as_bytes()), want, "{digits}");
        }
    }

    #[test]
    fn huge_and_odd_input_does_not_panic() {
        assert_eq!(syllables(b""), 0);
        assert!(syllables(b"999999999999999") > 0);
    }
}
