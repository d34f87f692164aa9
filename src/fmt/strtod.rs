//! `strtod` and `strtof`: correctly rounded (to nearest, ties to even).
//!
//! Accepted, after optional white space and sign: decimal numbers with any
//! number of digits and an optional exponent, hexadecimal numbers
//! (`0x1.8p3`, binary exponent optional), `inf`, `infinity` and `nan` with
//! an optional `(n-char-sequence)`, all case-insensitive. An exponent or a
//! `(…)` that is not complete is not consumed, so `consumed` always matches
//! C's `endptr`.
//!
//! Range errors follow glibc: overflow to ±infinity, and a result whose
//! exact value is below the smallest normal number ("tiny" before rounding)
//! and is not exact (so a zero from a nonzero input, and most subnormals).
//!
//! Decimal input is rounded by `core`'s `str::parse` on the exact token
//! (correctly rounded for any length); hexadecimal input is rounded here.

use super::float::Decimal;
use super::{Parsed, decimal_saturating, digit_value, is_space};

/// A binary floating-point format.
#[derive(Clone, Copy)]
struct Format {
    /// Stored fraction bits (52 or 23).
    frac: u32,
    /// Exponent bias (1023 or 127).
    bias: i32,
}

const F64: Format = Format {
    frac: 52,
    bias: 1023,
};
const F32: Format = Format {
    frac: 23,
    bias: 127,
};

/// A number as scanned: where its parts are, before rounding.
pub(super) enum Scanned {
    Nothing,
    Inf,
    Nan,
    /// `s[start..end]` is a decimal token `digits[.digits][e±digits]`.
    Decimal {
        start: usize,
        end: usize,
    },
    /// `mant × 2^exp2`, with `sticky` set if nonzero bits were dropped.
    Hex {
        mant: u64,
        exp2: i64,
        sticky: bool,
    },
}

/// Case-insensitive: does `s[i..]` start with `word` (lowercase)?
fn starts_ci(s: &[u8], i: usize, word: &[u8]) -> bool {
    s.len() >= i + word.len()
        && s[i..i + word.len()]
            .iter()
            .zip(word)
            .all(|(a, b)| a | 0x20 == *b)
}

/// A run of digits (below `base`) at `s[*i..]`; returns how many.
fn digits(s: &[u8], i: &mut usize, base: u32) -> usize {
    let start = *i;
    while *i < s.len() && digit_value(s[*i]) < base {
        *i += 1;
    }
    *i - start
}

/// An exponent `[+-]digits` at `s[*i..]` (just past `e`/`p`), saturated;
/// `None` (nothing consumed) if there are no digits.
fn exponent(s: &[u8], i: &mut usize) -> Option<i64> {
    let mut j = *i;
    let neg = match s.get(j) {
        Some(b'-') => {
            j += 1;
            true
        }
        Some(b'+') => {
            j += 1;
            false
        }
        _ => false,
    };
    let start = j;
    let v = decimal_saturating(s, &mut j, 1 << 40) as i64;
    if j == start {
        return None;
    }
    *i = j;
    Some(if neg { -v } else { v })
}

/// Scans the number at `s[*i..]` (after the sign), advancing `i` past it.
pub(super) fn scan(s: &[u8], i: &mut usize) -> Scanned {
    if starts_ci(s, *i, b"inf") {
        *i += if starts_ci(s, *i, b"infinity") { 8 } else { 3 };
        return Scanned::Inf;
    }
    if starts_ci(s, *i, b"nan") {
        *i += 3;
        if s.get(*i) == Some(&b'(') {
            let mut j = *i + 1;
            while s
                .get(j)
                .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_')
            {
                j += 1;
            }
            if s.get(j) == Some(&b')') {
                *i = j + 1;
            }
        }
        return Scanned::Nan;
    }
    let start = *i;
    let hex_digit_at = |k: usize| s.get(k).is_some_and(|&c| digit_value(c) < 16);
    if s.get(start) == Some(&b'0')
        && s.get(start + 1).is_some_and(|&c| c | 0x20 == b'x')
        && (hex_digit_at(start + 2) || (s.get(start + 2) == Some(&b'.') && hex_digit_at(start + 3)))
    {
        let mut j = start + 2;
        let (mut mant, mut exp2, mut sticky) = (0u64, 0i64, false);
        let mut seen_point = false;
        while j < s.len() {
            let c = s[j];
            if c == b'.' && !seen_point {
                seen_point = true;
            } else if digit_value(c) < 16 {
                let d = digit_value(c) as u64;
                if mant >> 60 == 0 {
                    mant = mant * 16 + d;
                    if seen_point {
                        exp2 -= 4;
                    }
                } else {
                    sticky |= d != 0;
                    if !seen_point {
                        exp2 += 4;
                    }
                }
            } else {
                break;
            }
            j += 1;
        }
        if s.get(j).is_some_and(|&c| c | 0x20 == b'p') {
            j += 1;
            match exponent(s, &mut j) {
                Some(e) => exp2 += e,
                None => j -= 1,
            }
        }
        *i = j;
        return Scanned::Hex { mant, exp2, sticky };
    }
    let mut j = start;
    let mut n = digits(s, &mut j, 10);
    if s.get(j) == Some(&b'.') {
        j += 1;
        n += digits(s, &mut j, 10);
    }
    if n == 0 {
        return Scanned::Nothing;
    }
    if s.get(j).is_some_and(|&c| c | 0x20 == b'e') {
        j += 1;
        if exponent(s, &mut j).is_none() {
            j -= 1;
        }
    }
    *i = j;
    Scanned::Decimal { start, end: j }
}

/// Drops the low `shift` bits of `mant` (with `sticky` below them),
/// rounding to nearest, ties to even: the rounded value and whether it is
/// inexact.
fn round_shift(mant: u64, shift: i64, sticky: bool) -> (u64, bool) {
    if shift <= 0 {
        return (mant << -shift, sticky);
    }
    if shift > 64 {
        return (0, true);
    }
    let m = mant.checked_shr(shift as u32).unwrap_or(0);
    let rem = mant & (u64::MAX >> (64 - shift));
    let half = 1u64 << (shift - 1);
    let up = rem > half || (rem == half && (sticky || m & 1 == 1));
    (m + up as u64, rem != 0 || sticky)
}

/// Rounds `mant × 2^exp2` (plus a sticky fraction below it) to `fmt`;
/// returns the bits and whether it is a range error: overflow, or an
/// inexact result that is tiny after rounding (as glibc on x86_64: below
/// the smallest normal number even when rounded to full precision with an
/// unbounded exponent).
fn round_binary(mant: u64, exp2: i64, sticky: bool, fmt: Format) -> (u64, bool) {
    if mant == 0 {
        return (0, false);
    }
    let inf = (2 * fmt.bias as u64 + 1) << fmt.frac;
    let top = 63 - mant.leading_zeros() as i64;
    let e = top + exp2; // 2^e <= value < 2^(e+1)
    let emin = 1 - fmt.bias as i64;
    if e > fmt.bias as i64 {
        return (inf, true);
    }
    let tiny = e < emin - 1
        || (e == emin - 1
            && round_shift(mant, e - fmt.frac as i64 - exp2, sticky).0 >> (fmt.frac + 1) == 0);
    // The exponent of the last place kept.
    let mut q = e.max(emin) - fmt.frac as i64;
    let (mut m, inexact) = round_shift(mant, q - exp2, sticky);
    if m >> (fmt.frac + 1) != 0 {
        m >>= 1;
        q += 1;
    }
    let biased = if m >> fmt.frac != 0 {
        q + fmt.frac as i64 + fmt.bias as i64
    } else {
        0
    };
    if biased > 2 * fmt.bias as i64 {
        return (inf, true);
    }
    let bits = (biased as u64) << fmt.frac | (m & ((1 << fmt.frac) - 1));
    (bits, tiny && inexact)
}

/// `±mant × 2^exp2`, with `sticky` set when nonzero bits below `mant` were
/// dropped, rounded to the nearest double (ties to even); for converting
/// wider formats such as `long double`.
pub fn from_parts(neg: bool, mant: u64, exp2: i64, sticky: bool) -> f64 {
    let (bits, _) = round_binary(mant, exp2, sticky, F64);
    f64::from_bits(bits | (neg as u64) << 63)
}

/// Compares the decimal token `t` (`digits[.digits][e±digits]`, not zero)
/// with the exact value `d`.
fn cmp_decimal(t: &[u8], d: &Decimal) -> core::cmp::Ordering {
    // The token's significant digits and decimal exponent (value = 0.D × 10^e).
    let mant_end = t.iter().position(|&c| c | 0x20 == b'e').unwrap_or(t.len());
    let mut e10: i64 = match t.get(mant_end + 1..) {
        Some(rest) if !rest.is_empty() => {
            let mut k = 0;
            exponent(rest, &mut k).unwrap_or(0)
        }
        _ => 0,
    };
    let mant = &t[..mant_end];
    let point = mant.iter().position(|&c| c == b'.').unwrap_or(mant.len());
    let first = mant
        .iter()
        .position(|&c| (b'1'..=b'9').contains(&c))
        .unwrap_or(0);
    e10 += if first < point {
        (point - first) as i64
    } else {
        -((first - point - 1) as i64)
    };
    if e10 != d.exp as i64 {
        return e10.cmp(&(d.exp as i64));
    }
    let mut ours = mant[first..].iter().filter(|&&c| c != b'.');
    let mut k = 0;
    loop {
        let a = ours.next().copied();
        let b = (k < d.len).then(|| d.digit_at(k));
        match (a, b) {
            (None, None) => return core::cmp::Ordering::Equal,
            (Some(a), None) if a != b'0' => return core::cmp::Ordering::Greater,
            (Some(_), None) => {}
            (None, Some(_)) => return core::cmp::Ordering::Less,
            (Some(a), Some(b)) if a != b => return a.cmp(&b),
            _ => {}
        }
        k += 1;
    }
}

/// The shared part of [`strtod`] and [`strtof`]: the bits of the value and
/// the flags. `decimal` rounds a decimal token with `core`.
fn parse(s: &[u8], fmt: Format, decimal: fn(&str) -> (u64, f64)) -> Parsed<u64> {
    let mut i = 0;
    while i < s.len() && is_space(s[i]) {
        i += 1;
    }
    let negative = s.get(i) == Some(&b'-');
    if matches!(s.get(i), Some(b'+' | b'-')) {
        i += 1;
    }
    let inf = (2 * fmt.bias as u64 + 1) << fmt.frac;
    let (bits, range_error) = match scan(s, &mut i) {
        Scanned::Nothing => {
            return Parsed {
                value: 0,
                consumed: 0,
                range_error: false,
            };
        }
        Scanned::Inf => (inf, false),
        Scanned::Nan => (inf | 1 << (fmt.frac - 1), false),
        Scanned::Hex { mant, exp2, sticky } => round_binary(mant, exp2, sticky, fmt),
        Scanned::Decimal { start, end } => {
            let t = &s[start..end];
            // SAFETY: the token is ASCII digits, '.', 'e'/'E' and signs.
            let (bits, x) = decimal(unsafe { core::str::from_utf8_unchecked(t) });
            let min_normal = 1u64 << fmt.frac;
            let nonzero = t
                .iter()
                .take_while(|&&c| c | 0x20 != b'e')
                .any(|c| (b'1'..=b'9').contains(c));
            let err = if bits == inf {
                true
            } else if bits == 0 {
                nonzero
            } else if bits < min_normal {
                cmp_decimal(t, &Decimal::new(x)).is_ne()
            } else if bits == min_normal {
                // Tiny after rounding: below 2^emin less a quarter of the
                // subnormal spacing, 2^emin × (1 - 2^-(frac+2)).
                let emin = 1 - fmt.bias;
                let m = (1u64 << (fmt.frac + 2)) - 1;
                let threshold = Decimal::from_parts(m, emin - fmt.frac as i32 - 2);
                cmp_decimal(t, &threshold).is_lt()
            } else {
                false
            };
            (bits, err)
        }
    };
    let sign_bit = 1u64 << (fmt.frac + if fmt.frac == 52 { 11 } else { 8 });
    Parsed {
        value: bits | if negative { sign_bit } else { 0 },
        consumed: i,
        range_error,
    }
}

/// `strtod`: the double at the start of `s`, as C parses it.
pub fn strtod(s: &[u8]) -> Parsed<f64> {
    let p = parse(s, F64, |t| {
        let x: f64 = t.parse().unwrap_or(0.0);
        (x.to_bits(), x)
    });
    Parsed {
        value: f64::from_bits(p.value),
        consumed: p.consumed,
        range_error: p.range_error,
    }
}

/// `strtof`: the float at the start of `s`, rounded once (not via double).
pub fn strtof(s: &[u8]) -> Parsed<f32> {
    let p = parse(s, F32, |t| {
        let x: f32 = t.parse().unwrap_or(0.0);
        (x.to_bits() as u64, x as f64)
    });
    Parsed {
        value: f32::from_bits(p.value as u32),
        consumed: p.consumed,
        range_error: p.range_error,
    }
}
