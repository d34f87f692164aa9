//! Exact conversion of doubles to decimal and hexadecimal text, correctly
//! rounded (to nearest, ties to even) at any precision.
//!
//! A finite double is `m × 2^e` with `m < 2^53`. For `e ≥ 0` its value is
//! the integer `m × 2^e`; for `e < 0` it is `m × 5^-e / 10^-e`. Either way
//! one big integer `N` (at most 767 decimal digits) holds every digit, built
//! by multiplying `m` by powers of 2 or 5 in base 10⁹, and the decimal point
//! sits `-e` digits from its right end. Rounding then works on those digits.

use super::printf::{ALT, W, ZERO, prefix, sign};

/// Decimal digits of the exact value of `m × 5^1076` for `m < 2^55` (the
/// most any double, or strtod's rounding threshold, needs).
const MAX_DIGITS: usize = 771;
/// Base-10⁹ words for [`MAX_DIGITS`] digits.
const WORDS: usize = MAX_DIGITS.div_ceil(9);
const BASE: u64 = 1_000_000_000;

/// The exact decimal expansion of a finite, nonnegative double:
/// `0.d₀d₁d₂… × 10^exp`, with `d₀ ≠ 0` unless the value is zero (then
/// `len == 0`). Digits past `len` are zeros.
pub struct Decimal {
    /// ASCII digits, the first nonzero. Bytes past the last are 0 (not
    /// `b'0'`).
    digits: [u8; WORDS * 9],
    /// How many of `digits` are significant.
    pub len: usize,
    /// The decimal exponent: the value is `0.digits × 10^exp`.
    pub exp: i32,
}

impl Decimal {
    /// The exact decimal digits of `|x|` (`x` finite).
    pub fn new(x: f64) -> Decimal {
        let mut d = Decimal::zero();
        d.set(x);
        d
    }

    /// The exact decimal digits of `m × 2^e`, for `m < 2^55` and
    /// `-1076 <= e <= 971`.
    pub fn from_parts(m: u64, e: i32) -> Decimal {
        let mut d = Decimal::zero();
        d.set_parts(m, e);
        d
    }

    /// Zero.
    fn zero() -> Decimal {
        Decimal {
            digits: [0; WORDS * 9],
            len: 0,
            exp: 1,
        }
    }

    /// Makes a zero `self` the exact digits of `|x|` (`x` finite).
    fn set(&mut self, x: f64) {
        let bits = x.to_bits();
        let biased = ((bits >> 52) & 0x7ff) as i32;
        // A subnormal (biased exponent 0) has no implicit bit and the
        // exponent of the smallest normal.
        let m = bits & ((1 << 52) - 1) | ((biased != 0) as u64) << 52;
        self.set_parts(m, biased.max(1) - 1075);
    }

    /// Makes a zero `self` the digits of `m × 2^e`, as
    /// [`from_parts`](Self::from_parts) says.
    #[optimize(size)]
    fn set_parts(&mut self, mut m: u64, mut e: i32) {
        let d = self;
        if m == 0 {
            return;
        }
        while m & 1 == 0 && e < 0 {
            m >>= 1;
            e += 1;
        }
        // `m < 2^55 < BASE²`: two words. The number is `w[..n]`; each
        // factor is below BASE, so a product's carry fits in `w[n]`, which
        // then joins it.
        let mut w = [0u32; WORDS];
        w[0] = (m % BASE) as u32;
        w[1] = (m / BASE) as u32;
        let mut n = 2;
        let mut k = e.unsigned_abs();
        while k > 0 {
            let step = k.min(if e > 0 { 29 } else { 12 });
            let f = (if e > 0 { 2u64 } else { 5 }).pow(step);
            let mut carry = 0;
            for x in w.iter_mut().take(n + 1) {
                let t = *x as u64 * f + carry;
                *x = (t % BASE) as u32;
                carry = t / BASE;
            }
            n += w.get(n).is_some_and(|&x| x != 0) as usize;
            k -= step;
        }
        // The top word (w[1] may have stayed 0) has as many digits as it
        // needs, the others 9 each; written from the least significant.
        if n == 2 && w[1] == 0 {
            n = 1;
        }
        let mut len = 9 * (n - 1);
        let mut t = w.get(n - 1).copied().unwrap_or(0);
        while t > 0 {
            len += 1;
            t /= 10;
        }
        let mut pos = len;
        for &v in w.iter().take(n) {
            let mut v = v;
            for _ in 0..9 {
                if pos == 0 {
                    break;
                }
                pos -= 1;
                if let Some(c) = d.digits.get_mut(pos) {
                    *c = b'0' + (v % 10) as u8;
                }
                v /= 10;
            }
        }
        d.len = len;
        d.exp = len as i32 + e.min(0);
        d.trim();
    }

    /// The significant digits.
    fn sig(&self) -> &[u8] {
        self.digits.get(..self.len).unwrap_or_default()
    }

    /// Stored digit `i` (ASCII), `i < len`.
    pub(crate) fn digit_at(&self, i: usize) -> u8 {
        self.sig().get(i).copied().unwrap_or(b'0')
    }

    /// Rounds to the first `keep` digits, to nearest with ties to even, in
    /// base 10 (`half` `5`, `top` `9`) or 16 (`8`, and `f` or `F` as the
    /// letters' case; the first digit is never the top one). A carry out of
    /// the first digit leaves the single digit 1 and raises `exp`; `keep <
    /// 0` rounds to zero. A value rounded to zero keeps its `exp` (at most
    /// 0 then, which prints as no integer digits).
    #[optimize(size)]
    fn round_in(&mut self, keep: isize, half: u8, top: u8) {
        if keep >= self.len as isize {
            return;
        }
        if keep < 0 {
            self.len = 0;
            return;
        }
        let k = keep as usize;
        let ds = &mut self.digits;
        let first = ds.get(k).copied().unwrap_or(b'0');
        // The parity of a digit's value: that of its ASCII code for 0-9,
        // the opposite for a-f (bit 6 set).
        let odd = k > 0 && ds.get(k - 1).is_some_and(|&c| (c ^ c >> 6) & 1 == 1);
        let up = first > half || (first == half && (self.len > k + 1 || odd));
        self.len = k;
        if up {
            let mut i = k;
            loop {
                if i == 0 {
                    // Carried out of the first digit (9.96 to 10.0).
                    ds[0] = b'1';
                    self.len = 1;
                    self.exp += 1;
                    break;
                }
                i -= 1;
                let Some(c) = ds.get_mut(i) else { break };
                if *c != top {
                    // After 9: a or A, as `top` is f or F.
                    *c = if *c == b'9' { top - 5 } else { *c + 1 };
                    break;
                }
                *c = b'0';
            }
        }
        self.trim();
    }

    /// Drops trailing zero digits.
    fn trim(&mut self) {
        while self.len > 0 && self.digit_at(self.len - 1) == b'0' {
            self.len -= 1;
        }
    }

    /// The `n` digits from index `lo` on (zeros outside the stored ones)
    /// to `w`.
    fn put_range(&self, w: &mut W<'_>, lo: isize, n: usize) {
        let lead = if lo < 0 { lo.unsigned_abs().min(n) } else { 0 };
        w.pad(b'0', lead);
        let rest = n - lead;
        let s = self.sig().get(lo.max(0) as usize..).unwrap_or_default();
        let s = s.get(..rest).unwrap_or(s);
        w.put(s);
        w.pad(b'0', rest - s.len());
    }
}

/// The digits of `v` in `base` (2..=16), at least `min` of them (`min <=
/// 24`), at the end of `buf`; returns how many.
#[inline(never)]
pub(crate) fn utoa(buf: &mut [u8; 24], mut v: u64, base: u64, upper: bool, min: usize) -> usize {
    let mut n = 0;
    for c in buf.iter_mut().rev() {
        if v == 0 && n >= min {
            break;
        }
        *c = digit(v % base, if upper { 0 } else { 0x20 });
        v /= base;
        n += 1;
    }
    n
}

/// The last `n` bytes of `buf`.
pub(crate) fn tail(buf: &[u8; 24], n: usize) -> &[u8] {
    buf.get(24 - n.min(24)..).unwrap_or_default()
}

/// The ASCII digit of `d < 16`; letters are lowercase when `lower` is
/// 0x20, uppercase when it is 0.
fn digit(d: u64, lower: u8) -> u8 {
    d as u8 + if d < 10 { b'0' } else { (b'A' | lower) - 10 }
}

impl Decimal {
    /// Makes a zero `self` the word `inf` or `nan` (three "digits"), in
    /// the case `lower` says.
    #[inline(always)]
    fn set_not_finite(&mut self, x: f64, lower: u8) {
        let s = if x.is_nan() { b"NAN" } else { b"INF" };
        self.digits[0] = s[0] | lower;
        self.digits[1] = s[1] | lower;
        self.digits[2] = s[2] | lower;
        self.len = 3;
    }

    /// Makes a zero `self` the 14 hexadecimal digits of finite `x` for `%a`
    /// (the leading 0 or 1, then 13 fraction digits, trimmed); returns the
    /// binary exponent.
    #[inline(always)]
    fn set_hex(&mut self, x: f64, lower: u8) -> i32 {
        let bits = x.to_bits();
        let biased = ((bits >> 52) & 0x7ff) as i32;
        let mut m = bits & ((1 << 52) - 1) | ((biased != 0) as u64) << 52;
        // Zero has exponent 0; subnormals print as 0x0.hhh with the
        // smallest normal's exponent, as glibc does.
        let exp = if m == 0 { 0 } else { biased.max(1) - 1023 };
        for c in self.digits[..14].iter_mut().rev() {
            *c = digit(m & 15, lower);
            m >>= 4;
        }
        self.len = 14;
        self.trim();
        exp
    }
}

/// `%g`'s choice for the rounded digits `d` at precision `pp` (at least 1):
/// style e (`true`) if the exponent is below -4 or not below the
/// precision, and the digits after the point (trailing zeros dropped
/// unless `alt`).
#[inline(always)]
fn g_style(d: &Decimal, pp: usize, alt: bool) -> (bool, usize) {
    let x10 = d.exp - 1;
    let sig = if alt { pp } else { d.len.min(pp) };
    if x10 < -4 || x10 >= pp as i32 {
        (true, sig.max(1) - 1)
    } else {
        (false, (sig as isize - d.exp as isize).max(0) as usize)
    }
}

/// Formats `x` for the conversion `conv` (`f F e E g G a A`), with `flags`, the
/// field width in `w` and `prec` (`None` when absent), as `printf` does.
///
/// Every case becomes the same shape, written by the one piece of code at
/// the end: a prefix (sign, `0x`), the digits of `d` with the point after
/// the first `e` of them (zeros where `d` has none), `p` digits after the
/// point, and a suffix (`e+05`, `p-3`). The helpers above fill `d` for each
/// case; they are inlined, and where a split would cost bytes in printf
/// (the suffix and the output, measured on every arch) the code stays here. `inf` and `nan` are three "digits" with no
/// point; `%a` is `%e` of 14 hexadecimal digits. Every letter takes the
/// case of the conversion (bit 0x20 of an ASCII letter is its case).
#[optimize(size)]
pub(crate) fn format(w: &mut W<'_>, x: f64, conv: u8, mut flags: u32, prec: Option<usize>) {
    let lower = conv & 0x20;
    let conv = conv | 0x20;
    let alt = flags & ALT != 0;
    // The sign if any, then `0x` for %a.
    let pre = [sign(x.is_sign_negative(), flags), b'0', b'X' | lower];
    let mut hex = false;
    // The exponent suffix: marker (0: none), then at least `emin` digits.
    let (mut marker, mut x2, mut emin) = (0, 0, 2);
    let mut d = Decimal::zero();
    let mut e = 1;
    let mut p;
    if !x.is_finite() {
        d.set_not_finite(x, lower);
        e = 3;
        p = 0;
        flags &= !(ZERO | ALT);
    } else if conv == b'a' {
        x2 = d.set_hex(x, lower);
        p = prec.unwrap_or(d.len.saturating_sub(1));
        d.round_in(p.min(13) as isize + 1, b'8', b'F' | lower);
        hex = true;
        marker = b'P';
        emin = 1;
    } else {
        d.set(x);
        p = prec.unwrap_or(6);
        let mut sci = conv == b'e';
        let pp = p.max(1);
        d.round_in(
            if conv == b'g' {
                pp.min(MAX_DIGITS) as isize
            } else if sci {
                p.min(MAX_DIGITS) as isize + 1
            } else {
                d.exp as isize + p.min(2 * MAX_DIGITS) as isize
            },
            b'5',
            b'9',
        );
        if conv == b'g' {
            (sci, p) = g_style(&d, pp, alt);
        }
        if sci {
            marker = b'E';
            // (Zero has `exp` 1; %e keeps a digit of anything else.)
            x2 = d.exp - 1;
        } else {
            e = d.exp;
        }
    }
    let mut sfx = [0u8; 24];
    let mut slen = 0;
    if marker != 0 {
        // (At most 4 exponent digits: the indices are in range.)
        slen = utoa(&mut sfx, x2.unsigned_abs() as u64, 10, false, emin) + 2;
        if let Some(c) = sfx.get_mut(24 - slen) {
            *c = marker | lower;
        }
        if let Some(c) = sfx.get_mut(25 - slen) {
            *c = if x2 < 0 { b'-' } else { b'+' };
        }
    }
    let point = p > 0 || flags & ALT != 0;
    let int_digits = e.max(1);
    let len = int_digits as usize + point as usize + p + slen;
    w.begin(flags, prefix(&pre, hex), len);
    d.put_range(w, (e - int_digits) as isize, int_digits as usize);
    if point {
        w.put(b".");
    }
    d.put_range(w, e as isize, p);
    w.put(tail(&sfx, slen));
    w.end();
}
