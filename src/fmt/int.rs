//! The `strtol` family's parser: `[space][sign][0x|0]digits` in bases 0 and
//! 2–36.

use super::{digit_value, is_space};

/// What [`parse`] read.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Parsed {
    /// The magnitude, saturated at `u64::MAX`.
    pub magnitude: u64,
    /// A `-` sign was read.
    pub negative: bool,
    /// The magnitude did not fit in 64 bits.
    pub overflow: bool,
    /// Bytes consumed (0 when there is no number: `endptr` is the start).
    pub consumed: usize,
}

/// Parses an integer at the start of `s` as `strtol` does; `None` for an
/// invalid `base` (`EINVAL`). With `skip_space` false, leading white space
/// is not allowed (scanf skips it itself).
pub fn parse(s: &[u8], mut base: u32, skip_space: bool) -> Option<Parsed> {
    if base == 1 || base > 36 {
        return None;
    }
    let mut i = 0;
    if skip_space {
        while i < s.len() && is_space(s[i]) {
            i += 1;
        }
    }
    let mut negative = false;
    if let Some(&c @ (b'+' | b'-')) = s.get(i) {
        negative = c == b'-';
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
    if overflow {
        magnitude = u64::MAX;
    }
    let consumed = if i == start { 0 } else { i };
    Some(Parsed {
        magnitude,
        negative,
        overflow,
        consumed,
    })
}

impl Parsed {
    /// The value for a signed type with range `min..=max`, and whether it
    /// was out of range (`ERANGE`; the value is then clamped).
    pub fn signed(&self, min: i64, max: i64) -> (i64, bool) {
        let limit = if self.negative {
            min.unsigned_abs()
        } else {
            max as u64
        };
        if self.overflow || self.magnitude > limit {
            return (if self.negative { min } else { max }, true);
        }
        let v = self.magnitude as i64;
        (if self.negative { v.wrapping_neg() } else { v }, false)
    }

    /// The value for an unsigned type with maximum `max` (`strtoul`: a `-`
    /// negates in the unsigned type), and whether it was out of range.
    pub fn unsigned(&self, max: u64) -> (u64, bool) {
        if self.overflow || self.magnitude > max {
            return (max, true);
        }
        let v = if self.negative {
            self.magnitude.wrapping_neg() & max
        } else {
            self.magnitude
        };
        (v, false)
    }
}
