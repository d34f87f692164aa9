//! `strtold`: text to `long double` in each arch's layout, correctly
//! rounded (to nearest, ties to even), with glibc's `ERANGE`.
//!
//! The syntax is `strtod`'s (the scanner is shared). A decimal token
//! `D × 10^E` is converted exactly with big integers: for `E >= 0` the
//! integer `D × 5^E` gives the bits (times `2^E`); for `E < 0` long
//! division of `D` by `5^-E` gives them, the remainder saying whether
//! anything is left below. Digits past the 12,000th only matter as "not
//! zero" (no boundary between two `long double`s, nor a halfway point,
//! needs more than about 11,600 significant digits), so they become one
//! sticky digit. Hexadecimal input keeps 124 bits and a sticky bit.
//! Slow for very long inputs (quadratic in their length), which is fine
//! for a parser.

use super::ldfloat::LdFormat;
use super::strtod::{Scanned, scan};
use super::{Parsed, digit_value, is_space};

/// A binary format's significand bits (with the leading one) and range.
struct Format {
    /// Significand bits, the leading one included (64, 113, 106).
    prec: u32,
    /// The exponent of the smallest normal number's leading bit.
    emin: i64,
    /// The exponent of the largest finite number's leading bit.
    emax: i64,
}

/// Significant decimal digits kept (see the module docs).
const MAX_DIGITS: usize = 12_000;
/// Big-integer words (32 bits): room for `10^12001 × 2` or `5^17000`.
const WORDS: usize = 1300;

/// A nonnegative big integer, least significant word first.
struct Big {
    w: [u32; WORDS],
    n: usize,
}

impl Big {
    fn new(v: u32) -> Big {
        let mut b = Big {
            w: [0; WORDS],
            n: 1,
        };
        b.w[0] = v;
        b.trim();
        b
    }

    fn trim(&mut self) {
        while self.n > 0 && self.w[self.n - 1] == 0 {
            self.n -= 1;
        }
    }

    /// `self = self × f + add`.
    fn mul_add(&mut self, f: u32, add: u32) {
        let mut carry = add as u64;
        for v in self.w[..self.n].iter_mut() {
            let t = *v as u64 * f as u64 + carry;
            *v = t as u32;
            carry = t >> 32;
        }
        if carry != 0 && self.n < WORDS {
            self.w[self.n] = carry as u32;
            self.n += 1;
        }
    }

    /// `self × 5^k`.
    fn mul_pow5(&mut self, mut k: u64) {
        while k > 0 {
            let s = k.min(13);
            self.mul_add(5u32.pow(s as u32), 0);
            k -= s;
        }
    }

    fn bits(&self) -> u64 {
        if self.n == 0 {
            0
        } else {
            32 * self.n as u64 - self.w[self.n - 1].leading_zeros() as u64
        }
    }

    fn bit(&self, i: u64) -> bool {
        let k = (i / 32) as usize;
        k < self.n && (self.w[k] >> (i % 32)) & 1 != 0
    }

    /// `self <<= s`.
    fn shl(&mut self, s: u64) {
        if self.n == 0 {
            return;
        }
        let (words, b) = ((s / 32) as usize, (s % 32) as u32);
        let old = self.n;
        let n = (old + words + 1).min(WORDS);
        // Descending, so each source word is read before it is replaced.
        for i in (0..n).rev() {
            let src = |k: Option<usize>| k.filter(|&k| k < old).map_or(0, |k| self.w[k]);
            let hi = src(i.checked_sub(words));
            let lo = src(i.checked_sub(words + 1));
            self.w[i] = if b == 0 { hi } else { hi << b | lo >> (32 - b) };
        }
        self.n = n;
        self.trim();
    }

    fn cmp(&self, o: &Big) -> core::cmp::Ordering {
        if self.n != o.n {
            return self.n.cmp(&o.n);
        }
        for i in (0..self.n).rev() {
            if self.w[i] != o.w[i] {
                return self.w[i].cmp(&o.w[i]);
            }
        }
        core::cmp::Ordering::Equal
    }

    /// `self -= o` (`self >= o`).
    fn sub(&mut self, o: &Big) {
        let mut borrow = 0i64;
        for i in 0..self.n {
            let t = self.w[i] as i64 - if i < o.n { o.w[i] as i64 } else { 0 } - borrow;
            borrow = (t < 0) as i64;
            self.w[i] = t as u32;
        }
        self.trim();
    }
}

/// Rounds `mant × 2^exp2` (and a sticky fraction below it) to `f`: the
/// significand (with its leading bit where normal) and the biased
/// exponent (0 for subnormals and zero), `None` on overflow; and whether
/// it is a range error, glibc's way: overflow, or inexact and tiny (below
/// the smallest normal after rounding to full precision with an unbounded
/// exponent when `after`, else before).
fn round(
    mant: u128,
    exp2: i64,
    sticky: bool,
    f: &Format,
    after: bool,
) -> (Option<(u128, i64)>, bool) {
    if mant == 0 {
        return (Some((0, 0)), false);
    }
    let top = 127 - mant.leading_zeros() as i64;
    let e = top + exp2;
    if e > f.emax {
        return (None, true);
    }
    let shift_round = |q: i64| -> (u128, bool) {
        // Drop the bits of `mant` below 2^q.
        let s = q - exp2;
        if s <= 0 {
            return (mant << (-s) as u32, sticky);
        }
        if s > 128 {
            return (0, true);
        }
        let m = mant.checked_shr(s as u32).unwrap_or(0);
        let rem = if s == 128 {
            mant
        } else {
            mant & ((1u128 << s) - 1)
        };
        let half = 1u128 << (s - 1);
        let up = rem > half || (rem == half && (sticky || m & 1 == 1));
        (m + up as u128, rem != 0 || sticky)
    };
    let p = f.prec as i64;
    let tiny = if after {
        e < f.emin - 1 || (e == f.emin - 1 && shift_round(e - p + 1).0 >> p == 0)
    } else {
        e < f.emin
    };
    let mut q = e.max(f.emin) - p + 1;
    let (mut m, inexact) = shift_round(q);
    if m >> p != 0 {
        m >>= 1;
        q += 1;
    }
    if q + p - 1 > f.emax {
        return (None, true);
    }
    // Biased as `e - emin + 1` for normals.
    let biased = if m >> (p - 1) != 0 {
        q + p - 1 - f.emin + 1
    } else {
        0
    };
    (Some((m, biased)), tiny && inexact)
}

/// The bits of `±m` (rounded as [`round`] says) in layout `lf`.
fn encode(lf: LdFormat, neg: bool, r: Option<(u128, i64)>) -> u128 {
    let sign = neg as u128;
    match lf {
        LdFormat::X87 => {
            let (m, b) = r.unwrap_or((1 << 63, 0x7fff));
            sign << 79 | (b as u128) << 64 | m
        }
        LdFormat::Binary128 => {
            let (m, b) = r.unwrap_or((0, 0x7fff));
            sign << 127 | (b as u128) << 112 | (m & ((1 << 112) - 1))
        }
        _ => {
            // Double-double: the high double is the 106-bit value rounded
            // to 53 bits, the low one the exact rest.
            let Some((m, b)) = r else {
                return (sign << 63 | 0x7ff << 52) << 64;
            };
            if m == 0 {
                return (sign << 63) << 64;
            }
            // value = m × 2^(b + emin - 1 - 105) for normals (emin -969).
            let e = if b == 0 {
                -969 - 105
            } else {
                b - 969 - 1 - 105
            };
            // The high double takes the top 53 significant bits (fewer
            // than 106 are left below 2^-969), rounded to nearest.
            let sh = (128 - m.leading_zeros()).saturating_sub(53);
            let rest = m & ((1u128 << sh) - 1);
            let mut hi = m >> sh;
            let half = (1u128 << sh) >> 1;
            if sh > 0 && (rest > half || (rest == half && hi & 1 == 1)) {
                hi += 1;
            }
            let lo = m as i128 - ((hi << sh) as i128);
            let hb = dbl_bits(hi as u64, e + sh as i64, neg);
            // (A zero low part is +0, as glibc makes it.)
            let lb = dbl_bits(lo.unsigned_abs() as u64, e, lo != 0 && neg ^ (lo < 0));
            (hb as u128) << 64 | lb as u128
        }
    }
}

/// The double `±m × 2^e` (`m < 2^54`, exact or rounded to nearest) as bits.
fn dbl_bits(m: u64, e: i64, neg: bool) -> u64 {
    let f = Format {
        prec: 53,
        emin: -1022,
        emax: 1023,
    };
    let (r, _) = round(m as u128, e, false, &f, true);
    let bits = match r {
        None => 0x7ff << 52,
        Some((m, b)) => (b as u64) << 52 | (m as u64 & ((1 << 52) - 1)),
    };
    bits | (neg as u64) << 63
}

/// The format of layout `lf`.
fn format_of(lf: LdFormat) -> Format {
    match lf {
        LdFormat::X87 => Format {
            prec: 64,
            emin: -16382,
            emax: 16383,
        },
        LdFormat::Binary128 => Format {
            prec: 113,
            emin: -16382,
            emax: 16383,
        },
        // Double-double keeps 106 bits only where the low double is
        // normal: glibc's LDBL_MIN is 2^-969.
        _ => Format {
            prec: 106,
            emin: -969,
            emax: 1023,
        },
    }
}

/// The decimal token `t` (`digits[.digits][e±digits]`) as `mant × 2^exp2`
/// with a sticky bit, at least `prec + 2` significant bits when it has
/// that many (`mant` 0 for zero).
fn decimal(t: &[u8], prec: u32) -> (u128, i64, bool) {
    let mant_end = t.iter().position(|&c| c | 0x20 == b'e').unwrap_or(t.len());
    let mut e10: i64 = 0;
    if mant_end < t.len() {
        let mut k = mant_end + 1;
        let neg = t.get(k) == Some(&b'-');
        if matches!(t.get(k), Some(b'+' | b'-')) {
            k += 1;
        }
        while let Some(&c) = t.get(k) {
            e10 = (e10 * 10 + (c - b'0') as i64).min(1 << 40);
            k += 1;
        }
        if neg {
            e10 = -e10;
        }
    }
    // D: the significant digits as an integer; value = D × 10^e10.
    let mut d = Big::new(0);
    let (mut n, mut chunk, mut clen, mut sticky_digit) = (0usize, 0u32, 0u32, false);
    let mut seen_point = false;
    for &c in &t[..mant_end] {
        if c == b'.' {
            seen_point = true;
            continue;
        }
        if n == 0 && c == b'0' {
            if seen_point {
                e10 -= 1;
            }
            continue;
        }
        if n < MAX_DIGITS {
            chunk = chunk * 10 + (c - b'0') as u32;
            clen += 1;
            if clen == 9 {
                d.mul_add(1_000_000_000, chunk);
                chunk = 0;
                clen = 0;
            }
            n += 1;
            if seen_point {
                e10 -= 1;
            }
        } else {
            sticky_digit |= c != b'0';
            if !seen_point {
                e10 += 1;
            }
        }
    }
    if clen > 0 {
        d.mul_add(10u32.pow(clen), chunk);
    }
    if sticky_digit {
        d.mul_add(10, 1);
        e10 -= 1;
    }
    if d.n == 0 {
        return (0, 0, false);
    }
    // Far out of range either way: a value the rounding makes infinite or
    // zero.
    let mag = n as i64 + e10;
    if mag > 5000 {
        return (1, 20_000, false);
    }
    if mag < -5000 {
        return (1, -20_000, false);
    }
    let want = prec as u64 + 3;
    if e10 >= 0 {
        d.mul_pow5(e10 as u64);
        let b = d.bits();
        let (mut mant, mut sticky) = (0u128, false);
        let low = b.saturating_sub(want);
        for i in (low..b).rev() {
            mant = mant << 1 | d.bit(i) as u128;
        }
        for i in 0..low {
            if d.bit(i) {
                sticky = true;
                break;
            }
        }
        (mant, e10 + low as i64, sticky)
    } else {
        // D / 5^c: scale so that Y <= R < 2Y, then one quotient bit a step.
        let c = (-e10) as u64;
        let mut y = Big::new(1);
        y.mul_pow5(c);
        let mut r = d;
        let (rb, yb) = (r.bits() as i64, y.bits() as i64);
        let mut s = yb - rb;
        if s > 0 {
            r.shl(s as u64);
        } else {
            y.shl((-s) as u64);
        }
        if r.cmp(&y).is_lt() {
            r.shl(1);
            s += 1;
        }
        let mut mant = 0u128;
        for _ in 0..want {
            let bit = r.cmp(&y).is_ge();
            if bit {
                r.sub(&y);
            }
            mant = mant << 1 | bit as u128;
            r.shl(1);
        }
        // R/Y was in [1, 2) × 2^-s of the value / 2^-c: the leading bit has
        // exponent -s - c.
        (mant, -s - c as i64 - want as i64 + 1, r.n != 0)
    }
}

/// The hexadecimal number at `s[i..]` (`0x` and at least one digit),
/// as `mant × 2^exp2` with a sticky bit, and the index past it.
fn hex(s: &[u8], mut i: usize) -> (u128, i64, bool, usize) {
    i += 2;
    let (mut mant, mut exp2, mut sticky) = (0u128, 0i64, false);
    let mut seen_point = false;
    while let Some(&c) = s.get(i) {
        if c == b'.' && !seen_point {
            seen_point = true;
        } else if digit_value(c) < 16 {
            let d = digit_value(c) as u128;
            if mant >> 120 == 0 {
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
        i += 1;
    }
    if s.get(i).is_some_and(|&c| c | 0x20 == b'p') {
        let mut j = i + 1;
        let neg = s.get(j) == Some(&b'-');
        if matches!(s.get(j), Some(b'+' | b'-')) {
            j += 1;
        }
        let start = j;
        let mut v = 0i64;
        while let Some(&c) = s.get(j).filter(|c| c.is_ascii_digit()) {
            v = (v * 10 + (c - b'0') as i64).min(1 << 40);
            j += 1;
        }
        if j > start {
            exp2 += if neg { -v } else { v };
            i = j;
        }
    }
    (mant, exp2, sticky, i)
}

/// `strtold`: the `long double` (layout `lf`) at the start of `s`, as its
/// raw bits.
pub fn strtold(s: &[u8], lf: LdFormat) -> Parsed<u128> {
    if lf == LdFormat::Double {
        let p = super::strtod::strtod(s);
        return Parsed {
            value: p.value.to_bits() as u128,
            consumed: p.consumed,
            range_error: p.range_error,
        };
    }
    let f = format_of(lf);
    let mut i = 0;
    while i < s.len() && is_space(s[i]) {
        i += 1;
    }
    let neg = s.get(i) == Some(&b'-');
    if matches!(s.get(i), Some(b'+' | b'-')) {
        i += 1;
    }
    let start = i;
    // glibc detects tininess after rounding on x86 and before it where
    // the reference for binary128 (aarch64) does.
    let after = lf != LdFormat::Binary128;
    let (bits, range_error) = match scan(s, &mut i) {
        Scanned::Nothing => {
            return Parsed {
                value: 0,
                consumed: 0,
                range_error: false,
            };
        }
        Scanned::Inf => (encode(lf, neg, None), false),
        Scanned::Nan => {
            let nan = match lf {
                LdFormat::X87 => 0x7fff_c000_0000_0000_0000u128,
                LdFormat::Binary128 => 0x7fff_8000u128 << 96,
                _ => 0x7ff8u128 << 112,
            };
            let sign = match lf {
                LdFormat::X87 => 1u128 << 79,
                _ => 1u128 << 127,
            };
            (nan | if neg { sign } else { 0 }, false)
        }
        Scanned::Hex { .. } => {
            let (m, e, st, end) = hex(s, start);
            i = end;
            let (r, err) = round(m, e, st, &f, after);
            (encode(lf, neg, r), err)
        }
        Scanned::Decimal { start, end } => {
            let (m, e, st) = decimal(&s[start..end], f.prec);
            let (r, err) = round(m, e, st, &f, after);
            (encode(lf, neg, r), err)
        }
    };
    Parsed {
        value: bits,
        consumed: i,
        range_error,
    }
}
