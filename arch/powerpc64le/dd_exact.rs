//! Exact arithmetic for the double-double `long double` functions whose
//! result C defines exactly (`fmodl`, `remainderl`, `remquol`, `fmal`
//! rounded once), and libgcc's double-double operations as
//! glibc's `sqrtl` and `fdiml` run them, so that ours give the same bits.
//!
//! A double-double `hi + lo` may have its two parts far apart (`1 +
//! 2^-200` is one), so its bits can spread over up to 2098 places: every
//! finite double is an integer multiple of 2^-1074 below 2^1024. [`Fixed`]
//! holds such a magnitude exactly as an integer count of 2^-1074; the
//! remainders are then long division on integers, exact whatever the
//! spread, and rounding the result to a double-double is done once, at the
//! end (`hi` the value rounded to nearest, `lo` the rest rounded to
//! nearest: the canonical pair).

use core::cmp::Ordering;

/// 64-bit words of the remainders' [`Fixed`]: 2176 bits, above the 2098
/// that magnitudes below 2^1024 in units of 2^-1074 need.
pub const W: usize = 34;

/// 64-bit words of `fmal`'s [`Fixed`], in units of 2^-2148 (the lowest
/// bit of a product of two doubles): 4352 bits, above the 4302 of the
/// largest product.
pub const W2: usize = 68;

/// A non-negative number as an integer multiple of 2^-1074 (or of
/// 2^-2148 where `off` below is 1074), `N` little-endian words.
#[derive(Clone, Copy)]
pub struct Fixed<const N: usize>([u64; N]);

impl<const N: usize> Fixed<N> {
    /// Zero.
    pub const ZERO: Self = Fixed([0; N]);

    /// `|d|` (finite) exactly, in units of 2^-(1074 + off).
    pub fn of(d: f64, off: usize) -> Self {
        let mut f = Self::ZERO;
        f.add_f64(d, off, false);
        f
    }

    /// The integer significand of a finite `|d|` and the position of its
    /// lowest bit in units of 2^-1074.
    fn split(d: f64) -> (u64, usize) {
        let bits = d.to_bits() & !(1 << 63);
        let e = (bits >> 52) as usize;
        let f = bits & ((1 << 52) - 1);
        if e == 0 { (f, 0) } else { (f | 1 << 52, e - 1) }
    }

    /// `self += |d|`, or `self -= |d|` with `sub` (then `|d| <= self`),
    /// in units of 2^-(1074 + off).
    pub fn add_f64(&mut self, d: f64, off: usize, sub: bool) {
        let (m, pos) = Self::split(d);
        self.add_int(m as u128, pos + off, sub);
    }

    /// `self += |x y|` exactly (units of 2^-2148), or `-=` with `sub`.
    pub fn add_product(&mut self, x: f64, y: f64, sub: bool) {
        let (mx, px) = Self::split(x);
        let (my, py) = Self::split(y);
        self.add_int(mx as u128 * my as u128, px + py, sub);
    }

    /// `self += m << pos` (or `-=` with `sub`).
    fn add_int(&mut self, m: u128, pos: usize, sub: bool) {
        if m == 0 {
            return;
        }
        let (w, b) = (pos / 64, pos % 64);
        // m << b over three words (m has at most 106 bits).
        let lo = m << b;
        let hi = if b == 0 { 0 } else { m >> (128 - b) };
        let parts = [lo as u64, (lo >> 64) as u64, hi as u64];
        let mut carry = false;
        for (i, word) in self.0.iter_mut().enumerate().skip(w) {
            let p = if i - w < 3 { parts[i - w] } else { 0 };
            if i - w >= 3 && !carry {
                break;
            }
            let (v, c1, c2);
            if sub {
                (v, c1) = word.overflowing_sub(p);
                let t = v.overflowing_sub(carry as u64);
                *word = t.0;
                c2 = t.1;
            } else {
                (v, c1) = word.overflowing_add(p);
                let t = v.overflowing_add(carry as u64);
                *word = t.0;
                c2 = t.1;
            }
            carry = c1 || c2;
        }
    }

    /// Index of the highest nonzero word plus one (0 for zero).
    fn top(&self) -> usize {
        self.0.iter().rposition(|&w| w != 0).map_or(0, |i| i + 1)
    }

    /// Index of the lowest nonzero word (`N` for zero).
    fn bottom(&self) -> usize {
        self.0.iter().position(|&w| w != 0).unwrap_or(N)
    }

    /// The number of significant bits.
    pub fn bit_len(&self) -> usize {
        match self.top() {
            0 => 0,
            t => t * 64 - self.0[t - 1].leading_zeros() as usize,
        }
    }

    /// Is it zero?
    pub fn is_zero(&self) -> bool {
        self.top() == 0
    }

    /// Word `j` of `self << k` (`k = 64 ws + bs`).
    fn shl_word(&self, j: usize, ws: usize, bs: usize) -> u64 {
        let at = |i: usize| if i < N { self.0[i] } else { 0 };
        if j < ws {
            return 0;
        }
        let i = j - ws;
        let low = if bs == 0 || i == 0 {
            0
        } else {
            at(i - 1) >> (64 - bs)
        };
        (at(i) << bs) | low
    }

    /// `self` against `b << k`.
    pub fn cmp_shl(&self, b: &Self, k: usize) -> Ordering {
        let (ws, bs) = (k / 64, k % 64);
        let btop = (b.top() + ws + 1).min(N);
        for j in (0..self.top().max(btop)).rev() {
            let (x, y) = (self.0[j], b.shl_word(j, ws, bs));
            if x != y {
                return x.cmp(&y);
            }
        }
        Ordering::Equal
    }

    /// `self -= b << k` (which is at most `self`).
    pub fn sub_shl(&mut self, b: &Self, k: usize) {
        let (ws, bs) = (k / 64, k % 64);
        let start = b.bottom() + ws;
        let end = (b.top() + ws + 1).min(N);
        let mut borrow = false;
        for j in start..N {
            if j >= end && !borrow {
                break;
            }
            let (v, b1) = self.0[j].overflowing_sub(b.shl_word(j, ws, bs));
            let (v, b2) = v.overflowing_sub(borrow as u64);
            self.0[j] = v;
            borrow = b1 || b2;
        }
    }

    /// `count` (at most 64) bits from bit `pos` up.
    fn bits(&self, pos: usize, count: usize) -> u64 {
        let (w, b) = (pos / 64, pos % 64);
        let at = |i: usize| if i < N { self.0[i] } else { 0 };
        let v = if b == 0 {
            at(w)
        } else {
            (at(w) >> b) | (at(w + 1) << (64 - b))
        };
        if count == 64 {
            v
        } else {
            v & ((1 << count) - 1)
        }
    }

    /// Is any bit below `pos` set?
    fn any_below(&self, pos: usize) -> bool {
        let (w, b) = (pos / 64, pos % 64);
        self.0[..w].iter().any(|&x| x != 0) || (b != 0 && self.0[w] & ((1 << b) - 1) != 0)
    }

    /// The value (in units of 2^-(1074 + off)) rounded to the nearest
    /// double, ties to even.
    pub fn round_f64(&self, off: usize) -> f64 {
        let n = self.bit_len();
        // The lowest bit kept: 53 below the top, or 2^-1074's place.
        let sh = n.saturating_sub(53).max(off);
        let mut m = self.bits(sh, 64.min(n.saturating_sub(sh).max(1)));
        if sh > 0 && self.bits(sh - 1, 1) == 1 && (m & 1 == 1 || self.any_below(sh - 1)) {
            m += 1;
        }
        // Exact: m <= 2^53 and the scale is at least 2^-1074.
        libm::scalbn(m as f64, sh as i32 - off as i32 - 1074)
    }

    /// The value as the canonical double-double: `hi` rounded to nearest,
    /// `lo` the rest rounded to nearest.
    pub fn round_dd(&self, off: usize) -> (f64, f64) {
        let hi = self.round_f64(off);
        if !hi.is_finite() {
            return (hi, 0.0);
        }
        let h = Self::of(hi, off);
        let mut rest = *self;
        match self.cmp_shl(&h, 0) {
            Ordering::Equal => (hi, 0.0),
            Ordering::Greater => {
                rest.sub_shl(&h, 0);
                (hi, rest.round_f64(off))
            }
            Ordering::Less => {
                let mut r = h;
                r.sub_shl(self, 0);
                (hi, -r.round_f64(off))
            }
        }
    }
}

/// `|x| = |hi + lo|` exactly (`lo` smaller than `hi`, as in any
/// double-double).
pub fn magnitude(hi: f64, lo: f64) -> Fixed<W> {
    let mut f = Fixed::of(hi, 0);
    f.add_f64(lo, 0, hi.is_sign_negative() != lo.is_sign_negative());
    f
}

/// `|x| mod |y|` (both finite, `y` nonzero) exactly, and the low three
/// bits of the quotient; with `nearest`, the quotient rounded to nearest
/// (ties to even), so that the remainder may be negative: returned as
/// its magnitude and whether it is negative.
pub fn rem(x: Fixed<W>, y: &Fixed<W>, nearest: bool) -> (Fixed<W>, bool, u32) {
    let mut r = x;
    let mut q = 0u32;
    let ny = y.bit_len();
    // Long division: each step subtracts the largest `y << k` that fits
    // (each `k` at most once), so the quotient's bit k is set there.
    loop {
        let nr = r.bit_len();
        if nr < ny {
            break;
        }
        let mut k = nr - ny;
        if r.cmp_shl(y, k) == Ordering::Less {
            if k == 0 {
                break;
            }
            k -= 1;
        }
        r.sub_shl(y, k);
        if k < 3 {
            q |= 1 << k;
        }
    }
    if nearest {
        // 2r against y: above, or a tie with an odd quotient, rounds up.
        let c = y.cmp_shl(&r, 1);
        if c == Ordering::Less || (c == Ordering::Equal && q & 1 == 1) {
            let mut t = *y;
            t.sub_shl(&r, 0);
            return (t, true, (q + 1) & 7);
        }
    }
    (r, false, q & 7)
}

/// `x y + z` (all finite double-doubles) exactly, rounded once to the
/// canonical double-double; an exact zero is `+0`, as round-to-nearest
/// gives.
pub fn fma_dd(x: (f64, f64), y: (f64, f64), z: (f64, f64)) -> (f64, f64) {
    let (mut pos, mut neg) = (Fixed::<W2>::ZERO, Fixed::<W2>::ZERO);
    for a in [x.0, x.1] {
        for b in [y.0, y.1] {
            let acc = if a.is_sign_negative() != b.is_sign_negative() {
                &mut neg
            } else {
                &mut pos
            };
            acc.add_product(a, b, false);
        }
    }
    for c in [z.0, z.1] {
        let acc = if c.is_sign_negative() {
            &mut neg
        } else {
            &mut pos
        };
        acc.add_f64(c, 1074, false);
    }
    match pos.cmp_shl(&neg, 0) {
        Ordering::Equal => (0.0, 0.0),
        Ordering::Greater => {
            pos.sub_shl(&neg, 0);
            pos.round_dd(1074)
        }
        Ordering::Less => {
            neg.sub_shl(&pos, 0);
            let (h, l) = neg.round_dd(1074);
            (-h, -l)
        }
    }
}

// libgcc's double-double `+`, `*` and `/` (`__gcc_qadd`, `__gcc_qmul`,
// `__gcc_qdiv` of GCC's rs6000 port), step for step, for the functions
// glibc writes in `long double` arithmetic (its `sqrtl`, `fdiml`): only
// the same operations in the same order give glibc's bits. Each result is
// `(hi, lo)`.

/// `(a + aa) + (c + cc)` as libgcc adds.
pub fn gcc_add(a: f64, aa: f64, c: f64, cc: f64) -> (f64, f64) {
    let z = a + c;
    if !z.is_finite() {
        if z.is_nan() {
            return (z, 0.0);
        }
        // Overflowed in the high parts: the whole may still be finite.
        let z = cc + aa + c + a;
        if !z.is_finite() {
            return (z, 0.0);
        }
        let zz = aa + cc;
        let xl = if a.abs() > c.abs() {
            a - z + c + zz
        } else {
            c - z + a + zz
        };
        return (z, xl);
    }
    let q = a - z;
    let zz = q + c + (a - (q + z)) + aa + cc;
    if zz == 0.0 {
        return (z, 0.0); // keeps a -0 sum
    }
    let xh = z + zz;
    if !xh.is_finite() {
        return (xh, 0.0);
    }
    (xh, z - xh + zz)
}

/// `(a + b) * (c + d)` as libgcc multiplies (the low part of `a c` by a
/// fused multiply-add).
pub fn gcc_mul(a: f64, b: f64, c: f64, d: f64) -> (f64, f64) {
    let t = a * c;
    if t == 0.0 || !t.is_finite() {
        return (t, 0.0);
    }
    // libgcc as GCC compiles it: `a d + b c` contracted to one fused
    // multiply-add.
    let tau = libm::fma(a, c, -t) + libm::fma(a, d, b * c);
    let u = t + tau;
    if !u.is_finite() {
        return (u, 0.0);
    }
    (u, (t - u) + tau)
}

/// `(a + b) / (c + d)` as libgcc divides (one correction of the double
/// quotient).
pub fn gcc_div(a: f64, b: f64, c: f64, d: f64) -> (f64, f64) {
    let t = a / c;
    if t == 0.0 || !t.is_finite() {
        return (t, 0.0);
    }
    let (a, b, c, d) = if a.abs() <= f64::from_bits(0x0360_0000_0000_0000) {
        // |a| <= 2^-969: scaled by 2^106 so the low part of c t is exact.
        let s = f64::from_bits(0x4690_0000_0000_0000);
        (a * s, b * s, c * s, d * s)
    } else {
        (a, b, c, d)
    };
    let s = c * t;
    let w = libm::fma(-d, t, b); // contracted, as GCC compiles libgcc
    let sigma = libm::fma(c, t, -s);
    let v = a - s;
    let tau = ((v - sigma) + w) / c;
    let u = t + tau;
    if !u.is_finite() {
        return (u, 0.0);
    }
    (u, (t - u) + tau)
}
