//! Exact decimal digits of doubles (strtod checks its rounding against
//! them), and the integer digits printf shares.
//!
//! A finite double is `m × 2^e` with `m < 2^53`. For `e ≥ 0` its value is
//! the integer `m × 2^e`; for `e < 0` it is `m × 5^-e / 10^-e`. Either way
//! one big integer `N` (at most 767 decimal digits) holds every digit, built
//! by multiplying `m` by powers of 2 or 5 in base 10⁹, and the decimal point
//! sits `-e` digits from its right end.

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

    /// Drops trailing zero digits.
    fn trim(&mut self) {
        while self.len > 0 && self.digit_at(self.len - 1) == b'0' {
            self.len -= 1;
        }
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
