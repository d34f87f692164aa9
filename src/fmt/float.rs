//! Exact conversion of doubles to decimal and hexadecimal text, correctly
//! rounded (to nearest, ties to even) at any precision.
//!
//! A finite double is `m × 2^e` with `m < 2^53`. For `e ≥ 0` its value is
//! the integer `m × 2^e`; for `e < 0` it is `m × 5^-e / 10^-e`. Either way
//! one big integer `N` (at most 767 decimal digits) holds every digit, built
//! by multiplying `m` by powers of 2 or 5 in base 10⁹, and the decimal point
//! sits `-e` digits from its right end. Rounding then works on those digits.

use super::printf::{ALT, W, ZERO, hex_prefix, sign};

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
    /// ASCII digits, 9 per base-10⁹ word; the significant ones start at
    /// `start`. Bytes past the last word are 0 (not `b'0'`).
    digits: [u8; WORDS * 9],
    start: usize,
    /// How many of `digits` are significant.
    pub len: usize,
    /// The decimal exponent: the value is `0.digits × 10^exp`.
    pub exp: i32,
}

/// Multiplies the base-10⁹ number `w[..*n]` (words past it are zero) by
/// `f` (`f < 2^31`).
fn mul_small(w: &mut [u32; WORDS], n: &mut usize, f: u32) {
    let mut carry = 0u64;
    for (i, x) in w.iter_mut().enumerate() {
        if i >= *n {
            if carry == 0 {
                break;
            }
            *n = i + 1;
        }
        let t = *x as u64 * f as u64 + carry;
        *x = (t % BASE) as u32;
        carry = t / BASE;
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
    #[optimize(size)]
    pub fn from_parts(mut m: u64, mut e: i32) -> Decimal {
        let mut d = Decimal {
            digits: [0; WORDS * 9],
            start: 0,
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
        // `m < 2^55 < BASE²`: at most two words.
        let mut w = [0u32; WORDS];
        w[0] = (m % BASE) as u32;
        w[1] = (m / BASE) as u32;
        let mut n = 1 + (m >= BASE) as usize;
        let mut k = e.unsigned_abs();
        while k > 0 {
            let step = k.min(if e > 0 { 29 } else { 13 });
            let f = if e > 0 { 1 << step } else { 5u32.pow(step) };
            mul_small(&mut w, &mut n, f);
            k -= step;
        }
        // 9 digits per word, most significant first.
        for (chunk, &v) in d.digits.chunks_exact_mut(9).zip(w.iter().take(n).rev()) {
            let mut v = v;
            for c in chunk.iter_mut().rev() {
                *c = b'0' + (v % 10) as u8;
                v /= 10;
            }
        }
        let start = d.digits.iter().position(|&c| c > b'0').unwrap_or(0);
        let used = d.digits.get(..9 * n).unwrap_or_default();
        let end = used.iter().rposition(|&c| c > b'0').map_or(0, |i| i + 1);
        d.start = start;
        d.len = end.saturating_sub(start);
        d.exp = (9 * n - start) as i32 - if e < 0 { -e } else { 0 };
        d
    }

    /// The significant digits.
    fn sig(&self) -> &[u8] {
        self.digits
            .get(self.start..self.start + self.len)
            .unwrap_or_default()
    }

    /// Stored digit `i` (ASCII), `i < len`.
    pub(crate) fn digit_at(&self, i: usize) -> u8 {
        self.sig().get(i).copied().unwrap_or(b'0')
    }

    /// Rounds to the first `keep` digits, to nearest with ties to even. A
    /// carry out of the first digit leaves the single digit 1 and raises
    /// `exp`; `keep < 0` rounds to zero.
    #[optimize(size)]
    pub fn round(&mut self, keep: isize) {
        if keep >= self.len as isize {
            return;
        }
        if keep < 0 {
            self.len = 0;
            return;
        }
        let k = keep as usize;
        let ds = self.digits.get_mut(self.start..).unwrap_or_default();
        let first = ds.get(k).copied().unwrap_or(b'0');
        // ASCII digits have the parity of their value.
        let odd = k > 0 && ds.get(k - 1).is_some_and(|&c| c & 1 == 1);
        let up = first > b'5' || (first == b'5' && (self.len > k + 1 || odd));
        self.len = k;
        if up {
            let mut carry = true;
            for c in ds.iter_mut().take(k).rev() {
                if *c == b'9' {
                    *c = b'0';
                } else {
                    *c += 1;
                    carry = false;
                    break;
                }
            }
            if carry {
                if let Some(c) = ds.first_mut() {
                    *c = b'1';
                }
                self.len = 1;
                self.exp += 1;
            }
        }
        while self.len > 0 && ds.get(self.len - 1) == Some(&b'0') {
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
        let s = self.sig().get(lo.max(0) as usize..).unwrap_or_default();
        let s = s.get(..rest).unwrap_or(s);
        w.put(s);
        w.pad(b'0', rest - s.len());
    }

    /// Number of significant digits among the first `n` once trailing zeros
    /// are dropped.
    fn sig_digits(&self, n: usize) -> usize {
        self.len.min(n)
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
        let d = (v % base) as u8;
        *c = d + if d < 10 {
            b'0'
        } else if upper {
            b'A' - 10
        } else {
            b'a' - 10
        };
        v /= base;
        n += 1;
    }
    n
}

/// The last `n` bytes of `buf`.
pub(crate) fn tail(buf: &[u8; 24], n: usize) -> &[u8] {
    buf.get(24 - n.min(24)..).unwrap_or_default()
}

/// Formats `x` for the conversion `conv` (`f F e E g G a A`), with `flags`,
/// `width` and `prec` (`None` when absent), as `printf` does.
#[optimize(size)]
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
    let sign = sign(x.is_sign_negative(), flags);
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
    // Style e is style f of the digits with the point after the first.
    let x10 = if d.len == 0 { 0 } else { d.exp - 1 };
    let mut ebuf = [0u8; 24];
    let (e, elen) = if sci {
        (
            1,
            2 + utoa(&mut ebuf, x10.unsigned_abs() as u64, 10, false, 2),
        )
    } else {
        (d.exp, 0)
    };
    let int_digits = e.max(1);
    let len = int_digits as usize + point as usize + p + elen;
    let rpad = w.begin(flags, width, sign, len);
    d.put_range(w, (e - int_digits) as isize, int_digits as usize);
    if point {
        w.put(b".");
    }
    d.put_range(w, e as isize, p);
    if sci {
        exp_suffix(w, if upper { b'E' } else { b'e' }, x10, &ebuf, elen - 2);
    }
    w.pad(b' ', rpad);
}

/// `e±ddd`: the marker, the sign of `x`, then the last `n` bytes of `ebuf`.
fn exp_suffix(w: &mut W<'_>, marker: u8, x: i32, ebuf: &[u8; 24], n: usize) {
    w.put(&[marker, if x < 0 { b'-' } else { b'+' }]);
    w.put(tail(ebuf, n));
}

/// `%a`: `0x1.hhhp±d` for normal numbers and, as glibc does,
/// `0x0.hhhp-1022` for subnormals; rounding may carry the leading digit to
/// 2 (`%.0a` of 1.5 is `0x2p+0`).
#[optimize(size)]
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
    let (mut lead, exp): (u64, i32) = match (biased, frac) {
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
        if drop > half || (drop == half && (if p == 0 { lead } else { frac }) & 1 == 1) {
            frac += 1;
            if frac >> (4 * p) != 0 {
                lead += 1;
                frac = 0;
            }
        }
    }
    // The leading digit and `shown` fraction digits, as one hex number.
    let shown = p.min(13);
    let mut fbuf = [0u8; 24];
    utoa(&mut fbuf, lead << (4 * shown) | frac, 16, upper, shown + 1);
    let mut ebuf = [0u8; 24];
    let elen = utoa(&mut ebuf, exp.unsigned_abs() as u64, 10, false, 1);
    let point = p > 0 || flags & ALT != 0;
    let mut pbuf = [0u8; 3];
    let prefix = hex_prefix(&mut pbuf, sign, true, upper);
    let len = 1 + point as usize + p + 2 + elen;
    let rpad = w.begin(flags, width, prefix, len);
    let digits = tail(&fbuf, shown + 1);
    w.put(digits.get(..1).unwrap_or_default());
    if point {
        w.put(b".");
    }
    w.put(digits.get(1..).unwrap_or_default());
    w.pad(b'0', p - shown);
    exp_suffix(w, if upper { b'P' } else { b'p' }, exp, &ebuf, elen);
    w.pad(b' ', rpad);
}
