//! Exact conversion of doubles to decimal and hexadecimal text, correctly
//! rounded (to nearest, ties to even) at any precision.
//!
//! A finite double is `m × 2^e` with `m < 2^53`. For `e ≥ 0` its value is
//! the integer `m × 2^e`; for `e < 0` it is `m × 5^-e / 10^-e`. Either way
//! one big integer `N` (at most 767 decimal digits) holds every digit, built
//! by multiplying `m` by powers of 2 or 5 in base 10⁹, and the decimal point
//! sits `-e` digits from its right end. Rounding then works on those digits.

use super::printf::{ALT, PLUS, SPACE, W, ZERO};

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
    digits: [u8; MAX_DIGITS],
    /// How many of `digits` are significant.
    pub len: usize,
    /// The decimal exponent: the value is `0.digits × 10^exp`.
    pub exp: i32,
}

/// Multiplies the base-10⁹ number `w[..*n]` by `f` (`f < 2^31`).
fn mul_small(w: &mut [u32; WORDS], n: &mut usize, f: u32) {
    let mut carry = 0u64;
    for x in w[..*n].iter_mut() {
        let t = *x as u64 * f as u64 + carry;
        *x = (t % BASE) as u32;
        carry = t / BASE;
    }
    while carry != 0 {
        w[*n] = (carry % BASE) as u32;
        carry /= BASE;
        *n += 1;
    }
}

impl Decimal {
    /// The exact decimal digits of `|x|` (`x` finite).
    pub fn new(x: f64) -> Decimal {
        let bits = x.to_bits();
        let biased = ((bits >> 52) & 0x7ff) as i32;
        let frac = bits & ((1 << 52) - 1);
        if biased == 0 {
            Decimal::from_parts(frac, -1074)
        } else {
            Decimal::from_parts(frac | 1 << 52, biased - 1075)
        }
    }

    /// The exact decimal digits of `m × 2^e`, for `m < 2^55` and
    /// `-1076 <= e <= 971`.
    pub fn from_parts(mut m: u64, mut e: i32) -> Decimal {
        let mut d = Decimal {
            digits: [0; MAX_DIGITS],
            len: 0,
            exp: 1,
        };
        if m == 0 {
            return d;
        }
        while m & 1 == 0 && e < 0 {
            m >>= 1;
            e += 1;
        }
        let mut w = [0u32; WORDS];
        let mut n = 0;
        while m != 0 {
            w[n] = (m % BASE) as u32;
            m /= BASE;
            n += 1;
        }
        let mut k = e.unsigned_abs();
        while k > 0 {
            let step = k.min(if e > 0 { 29 } else { 13 });
            let f = if e > 0 { 1 << step } else { 5u32.pow(step) };
            mul_small(&mut w, &mut n, f);
            k -= step;
        }
        // Most significant word without leading zeros, the rest 9 digits each.
        let mut top = w[n - 1];
        let mut tmp = [0u8; 9];
        let mut t = 0;
        while top != 0 {
            tmp[t] = b'0' + (top % 10) as u8;
            top /= 10;
            t += 1;
        }
        for i in 0..t {
            d.digits[i] = tmp[t - 1 - i];
        }
        let mut len = t;
        for i in (0..n - 1).rev() {
            let mut v = w[i];
            for j in (0..9).rev() {
                d.digits[len + j] = b'0' + (v % 10) as u8;
                v /= 10;
            }
            len += 9;
        }
        while d.digits[len - 1] == b'0' {
            len -= 1;
        }
        d.len = len;
        d.exp = (t + 9 * (n - 1)) as i32 - if e < 0 { -e } else { 0 };
        d
    }

    /// Stored digit `i` (ASCII), `i < len`.
    pub(crate) fn digit_at(&self, i: usize) -> u8 {
        self.digits[i]
    }

    /// Rounds to the first `keep` digits, to nearest with ties to even. A
    /// carry out of the first digit leaves the single digit 1 and raises
    /// `exp`; `keep < 0` rounds to zero.
    pub fn round(&mut self, keep: isize) {
        if keep >= self.len as isize {
            return;
        }
        if keep < 0 {
            self.len = 0;
            return;
        }
        let k = keep as usize;
        let first = self.digits[k];
        let up = first > b'5'
            || (first == b'5'
                && (self.len > k + 1 || (k > 0 && (self.digits[k - 1] - b'0') & 1 == 1)));
        self.len = k;
        if up {
            let mut i = k;
            loop {
                if i == 0 {
                    self.digits[0] = b'1';
                    self.len = 1;
                    self.exp += 1;
                    break;
                }
                i -= 1;
                if self.digits[i] == b'9' {
                    self.len = i;
                } else {
                    self.digits[i] += 1;
                    break;
                }
            }
        }
        while self.len > 0 && self.digits[self.len - 1] == b'0' {
            self.len -= 1;
        }
        if self.len == 0 && !up {
            self.exp = 1;
        }
    }

    /// The `n` digits from index `lo` on (zeros outside the stored ones)
    /// to `w`.
    fn put_range(&self, w: &mut W<'_>, lo: isize, n: usize) {
        let lead = if lo < 0 { lo.unsigned_abs().min(n) } else { 0 };
        w.pad(b'0', lead);
        let rest = n - lead;
        let start = lo.max(0) as usize;
        let take = if start < self.len {
            (self.len - start).min(rest)
        } else {
            0
        };
        w.put(&self.digits[start..start + take]);
        w.pad(b'0', rest - take);
    }

    /// Number of significant digits among the first `n` once trailing zeros
    /// are dropped.
    fn sig_digits(&self, n: usize) -> usize {
        self.len.min(n)
    }
}

/// Formats `x` for the conversion `conv` (`f F e E g G a A`), with `flags`,
/// `width` and `prec` (`None` when absent), as `printf` does.
pub(crate) fn format(
    w: &mut W<'_>,
    x: f64,
    conv: u8,
    flags: u32,
    width: usize,
    prec: Option<usize>,
) {
    let upper = conv.is_ascii_uppercase();
    let conv = conv.to_ascii_lowercase();
    let sign: &[u8] = if x.is_sign_negative() {
        b"-"
    } else if flags & PLUS != 0 {
        b"+"
    } else if flags & SPACE != 0 {
        b" "
    } else {
        b""
    };
    if !x.is_finite() {
        let s: &[u8] = match (x.is_nan(), upper) {
            (true, false) => b"nan",
            (true, true) => b"NAN",
            (false, false) => b"inf",
            (false, true) => b"INF",
        };
        let rpad = w.begin(flags & !ZERO, width, sign, 3);
        w.put(s);
        w.pad(b' ', rpad);
        return;
    }
    if conv == b'a' {
        return hex(w, x, upper, flags, width, prec, sign);
    }
    let alt = flags & ALT != 0;
    let mut d = Decimal::new(x);
    let mut p = prec.unwrap_or(6);
    let mut sci = conv == b'e';
    if conv == b'g' {
        let pp = p.max(1);
        d.round(pp as isize);
        let x10 = d.exp - 1;
        let sig = if alt { pp } else { d.sig_digits(pp) };
        if x10 < -4 || x10 >= pp as i32 {
            sci = true;
            p = sig.max(1) - 1;
        } else {
            p = (sig as isize - d.exp as isize).max(0) as usize;
        }
    } else if sci {
        // No double has more than MAX_DIGITS digits: larger precisions
        // round nothing (and must not overflow a 32-bit isize).
        d.round(p.min(MAX_DIGITS) as isize + 1);
    } else {
        d.round(d.exp as isize + p.min(2 * MAX_DIGITS) as isize);
    }
    let point = p > 0 || alt;
    if sci {
        let x10 = if d.len == 0 { 0 } else { d.exp - 1 };
        let mut ebuf = [0u8; 8];
        let mut i = ebuf.len();
        let mut v = x10.unsigned_abs();
        while v != 0 || i > ebuf.len() - 2 {
            i -= 1;
            ebuf[i] = b'0' + (v % 10) as u8;
            v /= 10;
        }
        i -= 1;
        ebuf[i] = if x10 < 0 { b'-' } else { b'+' };
        i -= 1;
        ebuf[i] = if upper { b'E' } else { b'e' };
        let len = 1 + point as usize + p + (ebuf.len() - i);
        let rpad = w.begin(flags, width, sign, len);
        d.put_range(w, 0, 1);
        if point {
            w.put(b".");
        }
        d.put_range(w, 1, p);
        w.put(&ebuf[i..]);
        w.pad(b' ', rpad);
    } else {
        let int_digits = d.exp.max(1) as usize;
        let len = int_digits + point as usize + p;
        let rpad = w.begin(flags, width, sign, len);
        if d.exp > 0 {
            d.put_range(w, 0, int_digits);
        } else {
            w.put(b"0");
        }
        if point {
            w.put(b".");
        }
        d.put_range(w, d.exp as isize, p);
        w.pad(b' ', rpad);
    }
}

/// `%a`: `0x1.hhhp±d` for normal numbers and, as glibc does,
/// `0x0.hhhp-1022` for subnormals; rounding may carry the leading digit to
/// 2 (`%.0a` of 1.5 is `0x2p+0`).
fn hex(
    w: &mut W<'_>,
    x: f64,
    upper: bool,
    flags: u32,
    width: usize,
    prec: Option<usize>,
    sign: &[u8],
) {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let mut frac = bits & ((1 << 52) - 1);
    let (mut lead, exp) = match (biased, frac) {
        (0, 0) => (0, 0),
        (0, _) => (0, -1022),
        _ => (1, biased - 1023),
    };
    let p = match prec {
        Some(p) => p,
        None => 13 - (frac.trailing_zeros().min(52) / 4) as usize,
    };
    if p < 13 {
        let shift = 4 * (13 - p as u32);
        let drop = frac & ((1 << shift) - 1);
        let half = 1 << (shift - 1);
        frac >>= shift;
        if drop > half || (drop == half && (if p == 0 { lead as u64 } else { frac }) & 1 == 1) {
            frac += 1;
            if frac >> (4 * p) != 0 {
                lead += 1;
                frac = 0;
            }
        }
    }
    let hexd: &[u8; 16] = if upper {
        b"0123456789ABCDEF"
    } else {
        b"0123456789abcdef"
    };
    let shown = p.min(13);
    let mut fbuf = [0u8; 13];
    for i in 0..shown {
        fbuf[i] = hexd[((frac >> (4 * (shown - 1 - i))) & 15) as usize];
    }
    let mut ebuf = [0u8; 6];
    let mut i = ebuf.len();
    let mut v = exp.unsigned_abs();
    loop {
        i -= 1;
        ebuf[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    i -= 1;
    ebuf[i] = if exp < 0 { b'-' } else { b'+' };
    i -= 1;
    ebuf[i] = if upper { b'P' } else { b'p' };
    let point = p > 0 || flags & ALT != 0;
    let mut prefix = [0u8; 3];
    prefix[..sign.len()].copy_from_slice(sign);
    prefix[sign.len()] = b'0';
    prefix[sign.len() + 1] = if upper { b'X' } else { b'x' };
    let len = 1 + point as usize + p + (ebuf.len() - i);
    let rpad = w.begin(flags, width, &prefix[..sign.len() + 2], len);
    w.put(&[b'0' + lead]);
    if point {
        w.put(b".");
    }
    w.put(&fbuf[..shown]);
    w.pad(b'0', p - shown);
    w.put(&ebuf[i..]);
    w.pad(b' ', rpad);
}
