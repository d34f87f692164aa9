//! The integer parser behind C's `strtol`, `strtoul`, `strtoll`,
//! `strtoull`, `atoi`, `atol`, `atoll` and scanf's integer conversions:
//! `[space][sign][0x|0]digits` in bases 0 and 2–36, and the clamping of
//! the result to a C type of any width.
//!
//! [`strtoi`] and [`strtou`] are the whole of `strtol`'s behaviour except
//! for C's pointers and `errno`, so the host tests compare them with glibc
//! exactly as the C functions call them.

use super::{Parsed, digit_value, is_space};
use core::ffi::c_int;

/// The digits [`parse`] read, before they are fitted to a type.
#[derive(Clone, Copy)]
struct Digits {
    /// The value of the digits, saturated at `u64::MAX`.
    magnitude: u64,
    /// A `-` sign came before the digits.
    negative: bool,
    /// The value of the digits does not fit in 64 bits.
    overflow: bool,
    /// Bytes consumed (space, sign, prefix, digits); 0 when there is no
    /// digit, i.e. no conversion (`endptr` is the start).
    consumed: usize,
}

/// Reads the integer at the start of `s` as `strtoull` does: white space,
/// an optional sign, for base 16 (or 0) a `0x`/`0X` that counts only when a
/// hexadecimal digit follows, and for base 0 a leading `0` meaning octal.
/// The end of `s` acts as C's NUL. `None` when `base` is neither 0 nor
/// 2..=36 (`EINVAL`).
fn parse(s: &[u8], base: c_int) -> Option<Digits> {
    if base != 0 && !(2..=36).contains(&base) {
        return None;
    }
    let mut base = base as u32;
    let mut i = 0;
    while s.get(i).is_some_and(|&c| is_space(c)) {
        i += 1;
    }
    let negative = s.get(i) == Some(&b'-');
    if matches!(s.get(i), Some(b'+' | b'-')) {
        i += 1;
    }
    let hex_prefix = s.get(i) == Some(&b'0')
        && s.get(i + 1).is_some_and(|&c| c | 0x20 == b'x')
        && s.get(i + 2).is_some_and(|&c| digit_value(c) < 16);
    if (base == 0 || base == 16) && hex_prefix {
        base = 16;
        i += 2;
    } else if base == 0 {
        base = if s.get(i) == Some(&b'0') { 8 } else { 10 };
    }
    let start = i;
    let (mut magnitude, mut overflow) = (0u64, false);
    while let Some(d) = s.get(i).map(|&c| digit_value(c)).filter(|&d| d < base) {
        match magnitude
            .checked_mul(base as u64)
            .and_then(|m| m.checked_add(d as u64))
        {
            Some(m) => magnitude = m,
            None => overflow = true,
        }
        i += 1;
    }
    Some(Digits {
        magnitude: if overflow { u64::MAX } else { magnitude },
        negative,
        overflow,
        consumed: if i == start { 0 } else { i },
    })
}

impl Digits {
    /// The value wrapped to 64 bits.
    fn wrapping(&self) -> i64 {
        let v = self.magnitude as i64;
        if self.negative { v.wrapping_neg() } else { v }
    }

    /// The value for a signed type of `bits` bits, clamped to its range
    /// (with a range error) when it does not fit.
    fn signed(&self, bits: u32) -> Parsed<i64> {
        let max = u64::MAX >> (65 - bits);
        // The negative limit is one further than the positive one.
        let range_error = self.overflow || self.magnitude > max + self.negative as u64;
        let value = match range_error {
            // `!max` is the type's minimum, sign-extended.
            true if self.negative => !max as i64,
            true => max as i64,
            false => self.wrapping(),
        };
        Parsed {
            value,
            consumed: self.consumed,
            range_error,
        }
    }

    /// The value for an unsigned type of `bits` bits: a negative number is
    /// negated in that type, as C requires (`strtoul("-1")` is the type's
    /// maximum); the maximum with a range error when the magnitude does not
    /// fit.
    fn unsigned(&self, bits: u32) -> Parsed<u64> {
        let max = u64::MAX >> (64 - bits);
        let range_error = self.overflow || self.magnitude > max;
        Parsed {
            value: if range_error {
                max
            } else {
                self.wrapping() as u64 & max
            },
            consumed: self.consumed,
            range_error,
        }
    }
}

/// `strtol`/`strtoll` for a signed type of `bits` bits (1..=64): the value
/// (sign-extended), `endptr`'s offset and whether `errno` is `ERANGE`;
/// `None` for an invalid `base` (`EINVAL`, `endptr` at the start).
pub fn strtoi(s: &[u8], base: c_int, bits: u32) -> Option<Parsed<i64>> {
    parse(s, base).map(|d| d.signed(bits))
}

/// `strtoul`/`strtoull` for an unsigned type of `bits` bits (1..=64), as
/// [`strtoi`] says.
pub fn strtou(s: &[u8], base: c_int, bits: u32) -> Option<Parsed<u64>> {
    parse(s, base).map(|d| d.unsigned(bits))
}

/// `atoi`/`atol`/`atoll` before the cast to their type: base 10, the value
/// wrapped to 64 bits (their overflow is undefined; this is the cheapest
/// answer), 0 when there is no number.
pub fn atoi(s: &[u8]) -> i64 {
    parse(s, 10).map_or(0, |d| d.wrapping())
}
