//! Exact `printf` conversion of `long double` (`%Lf %Le %Lg %La` and their
//! capitals) in each architecture's format, byte for byte as glibc prints
//! the same value.
//!
//! This is a separate engine from [`float`](super::float), which stays
//! sized for `double`: only `%L` conversions reach it. A finite value is
//! `m × 2^e` with `m < 2^113` and `-16494 <= e`. Its decimal digits are
//! computed in base 10⁹ words: for `e >= 0` the integer `m × 2^e` (at most
//! 4933 digits) by repeated multiplication by `2^29`; for `e < 0` by
//! repeated division of `m` by `2^29`, which adds fraction words on the
//! right. Only the words the precision needs (plus guard words) are kept:
//! dropping the words past a position leaves the kept ones exactly the
//! value's digits there (each division floors the dropped part away, and
//! the floor of a floor divided by `2^k` is the floor of the quotient). And
//! whether anything nonzero lies past the kept words is known without
//! them: with `m` odd, `m × 2^e` (e < 0) has exactly `-e` fraction digits,
//! the last a 5. The words take about 7.4 KB of stack.

use super::float::{tail, utoa};
use super::printf::{ALT, W, ZERO, prefix, sign};

/// The binary layout of a C `long double`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum LdFormat {
    /// The same as `double` (arm): the low 64 bits are the double's.
    Double,
    /// x87 80-bit extended (x86_64, i386): the low 80 bits, with an
    /// explicit integer bit (bit 63) and the sign and exponent in bits
    /// 64..80.
    X87,
    /// IEEE binary128 (aarch64, riscv64, s390x, loongarch64).
    Binary128,
    /// IBM double-double (powerpc64le): the high double's bits in the top
    /// 64 bits, the low double's in the bottom 64.
    IbmDouble,
}

/// A decoded `long double`.
#[derive(Clone, Copy, Debug)]
pub struct Parts {
    /// The sign bit.
    pub neg: bool,
    /// 0: finite, 1: infinity, 2: NaN.
    pub class: u8,
    /// Finite: the value is `m × 2^e`.
    pub m: u128,
    /// The binary exponent of `m`'s last bit.
    pub e: i32,
}

/// How `%La` shows a finite value: the leading hexadecimal digit `lead`,
/// then the `nfrac` digits of `frac`, times `2^exp`.
#[derive(Clone, Copy)]
pub struct Hex {
    lead: u32,
    frac: u128,
    nfrac: u32,
    exp: i32,
}

/// The biased exponent field of a double's bits.
fn dexp(b: u64) -> i32 {
    ((b >> 52) & 0x7ff) as i32
}

/// `%La`'s digits for the IBM double-double `hi`, `lo`, as glibc forms
/// them: 52 bits of `hi`'s fraction, then `lo`'s significand (shifted
/// to line up with the first, truncated) in 60 bits, `lo`'s sign folded
/// in by subtraction.
fn ibm_hex(hi: u64, lo: u64) -> Hex {
    let (e0, e1) = (dexp(hi), dexp(lo));
    let mut h = hi & ((1 << 52) - 1);
    let mut l = (lo & ((1 << 52) - 1)) << 7;
    if e1 != 0 {
        l |= 1 << 59;
    } else {
        l <<= 1;
    }
    let ediff = e0 - e1 - 53;
    if ediff > 63 {
        l = 0;
    } else if ediff > 0 {
        l >>= ediff;
    } else if ediff < 0 {
        l = l.checked_shl((-ediff) as u32).unwrap_or(0);
    }
    let mut exp = e0;
    if (hi ^ lo) >> 63 != 0 && l != 0 {
        l = (1u64 << 60).wrapping_sub(l);
        if h == 0 {
            h = 0xf_ffff_ffff_fffe | (l >> 59);
            l = 0xfff_ffff_ffff_ffff & (l << 1);
            exp -= 1;
        } else {
            h -= 1;
        }
    }
    let frac = (h as u128) << 60 | (l & ((1 << 60) - 1)) as u128;
    let zero = frac == 0 && e0 == 0;
    Hex {
        lead: (e0 != 0) as u32,
        frac,
        nfrac: 28,
        exp: if zero { 0 } else { exp.max(1) - 1023 },
    }
}

/// The IBM double-double `hi`, `lo` as `m × 2^e`, as glibc's decimal
/// conversion sees it, which is not always the exact sum (muslin prints
/// what glibc prints). glibc lines `lo` up below `hi`'s last bit in 60
/// bits, cutting its magnitude toward zero there, adds or subtracts that
/// to `hi`, and keeps the top 106 bits of the result (53 below `hi`'s
/// last bit), cutting toward zero again. So a low part of `hi`'s sign
/// gives the sum cut toward zero; one of the other sign, with bits below
/// the 60-bit grid and none between that and the 53-bit one, gives one
/// unit of the last bit more (in magnitude) than the sum cut toward zero.
/// Checked against glibc 2.36 under qemu on hand-picked and random
/// pairs, canonical or not (a `hi` of 0 or a subnormal with `lo` nonzero
/// included: glibc prints what the rule gives, not `hi + lo`).
fn ibm_parts(hi: u64, lo: u64) -> (u128, i32) {
    let (e0, e1) = (dexp(hi), dexp(lo));
    let mut h = hi & ((1 << 52) - 1);
    // `lo`'s significand, with 7 bits below it (bit 59 its leading one).
    let mut l = (lo & ((1 << 52) - 1)) << 7;
    if e1 != 0 {
        l |= 1 << 59;
    } else {
        l <<= 1;
    }
    let ediff = e0 - e1 - 53;
    if ediff > 0 {
        l = l.checked_shr(ediff as u32).unwrap_or(0);
    } else if ediff < 0 {
        // A high part below 2^-969 with a subnormal low part, or a
        // non-canonical pair. glibc shifts by the unchecked count, as the
        // powerpc64 shift does: the count modulo 128, 64 and more giving
        // zero.
        l = l.checked_shl((-ediff) as u32 & 127).unwrap_or(0);
    }
    let mut exp = e0 - 1023;
    if (hi ^ lo) >> 63 != 0 && l != 0 {
        // hi - lo: borrow one unit of `hi`'s last bit.
        l = (1u64 << 60).wrapping_sub(l);
        if h == 0 {
            // From the hidden bit: one bit lower, one more bit of `l`.
            h = 0xf_ffff_ffff_fffe | (l >> 59);
            l = 0xfff_ffff_ffff_ffff & (l << 1);
            exp -= 1;
        } else {
            h -= 1;
        }
    }
    // The two 64-bit words glibc builds: `l`'s top bits overlap `h`'s low
    // ones by an or, not a sum (only a non-canonical pair has them).
    let m = ((h >> 11) as u128) << 64 | ((h << 53) | (l >> 7)) as u128;
    if e0 == 0 {
        // A subnormal or zero high part: no hidden bit, 2^-1074 its unit.
        (m, -1074 - 53)
    } else {
        (m | 1 << 105, exp - 105)
    }
}

/// Decodes the raw bits of a `long double` in format `f` (not
/// [`LdFormat::Double`], which never comes here).
#[inline(always)]
pub fn decode(f: LdFormat, bits: u128) -> Parts {
    let mut p = Parts {
        neg: false,
        class: 0,
        m: 0,
        e: 0,
    };
    match f {
        LdFormat::X87 => {
            let se = (bits >> 64) as u32 & 0xffff;
            let mant = bits as u64;
            let biased = (se & 0x7fff) as i32;
            p.neg = se >> 15 != 0;
            let int_bit = mant >> 63 != 0;
            // The FPU takes unnormals, pseudo-infinities and pseudo-NaNs
            // (integer bit clear with a nonzero exponent) as invalid:
            // glibc prints them as NaN.
            if biased == 0x7fff || (biased != 0 && !int_bit) {
                p.class = if int_bit && mant << 1 == 0 { 1 } else { 2 };
            }
            // Pseudo-denormals (exponent 0, integer bit set): glibc prints
            // the fraction bits alone, as a denormal, unless they are all
            // zero (then the integer bit counts: the smallest normal).
            let pseudo = biased == 0 && int_bit && mant << 1 != 0;
            p.m = (if pseudo { mant << 1 >> 1 } else { mant }) as u128;
            // Denormals have the smallest normal exponent.
            p.e = biased.max(1) - 16383 - 63;
        }
        LdFormat::Binary128 => {
            let biased = ((bits >> 112) & 0x7fff) as i32;
            let frac = bits & ((1 << 112) - 1);
            p.neg = bits >> 127 != 0;
            if biased == 0x7fff {
                p.class = if frac == 0 { 1 } else { 2 };
            }
            p.m = frac | ((biased != 0) as u128) << 112;
            p.e = biased.max(1) - 16383 - 112;
        }
        LdFormat::IbmDouble | LdFormat::Double => {
            let hi = (bits >> 64) as u64;
            let lo = bits as u64;
            p.neg = hi >> 63 != 0;
            if dexp(hi) == 0x7ff {
                p.class = if hi << 12 == 0 { 1 } else { 2 };
            }
            (p.m, p.e) = ibm_parts(hi, lo);
        }
    }
    p
}

/// `%La`'s digits of a finite value (see [`Hex`]).
#[inline(always)]
fn hex_of(f: LdFormat, bits: u128) -> Hex {
    match f {
        LdFormat::X87 => {
            let mant = bits as u64;
            let biased = ((bits >> 64) as i32) & 0x7fff;
            Hex {
                lead: (mant >> 60) as u32,
                frac: (mant & ((1 << 60) - 1)) as u128,
                nfrac: 15,
                exp: if mant == 0 {
                    0
                } else {
                    biased.max(1) - 16383 - 3
                },
            }
        }
        LdFormat::Binary128 => {
            let biased = ((bits >> 112) & 0x7fff) as i32;
            let frac = bits & ((1 << 112) - 1);
            Hex {
                lead: (biased != 0) as u32,
                frac,
                nfrac: 28,
                exp: if frac == 0 && biased == 0 {
                    0
                } else {
                    biased.max(1) - 16383
                },
            }
        }
        _ => ibm_hex((bits >> 64) as u64, bits as u64),
    }
}

/// Base-10⁹ words: the most any value and precision need (see the module
/// docs): 4 for `m`, 1834 for the fraction digits of `2^-16494`, 550 for
/// the integer digits of the largest value, and one spare for a carry.
const N: usize = 1848;
const BASE: u32 = 1_000_000_000;

/// A decimal expansion in words `x[a..z]`, most significant first, with
/// the units word at `x[point - 1]`.
struct Big {
    x: [u32; N],
    a: usize,
    z: usize,
    point: usize,
    /// Set when nonzero digits lie past `x[z - 1]`.
    more: bool,
}

/// Decimal digits of `v < 10⁹` (at least 1).
fn ndigits(mut v: u32) -> usize {
    let mut n = 1;
    while v >= 10 {
        v /= 10;
        n += 1;
    }
    n
}

/// `10^k`, `k <= 9` (never zero, so dividing by it cannot fail).
fn pow10(k: usize) -> u32 {
    10u32.pow(k as u32).max(1)
}

/// Every access goes through these (out of range: 0, or nothing), so
/// the engine has no panicking path: printf links no panic machinery.
impl Big {
    /// Word `i`.
    fn w(&self, i: usize) -> u32 {
        self.x.get(i).copied().unwrap_or(0)
    }

    /// Sets word `i`.
    fn set(&mut self, i: usize, v: u32) {
        if let Some(t) = self.x.get_mut(i) {
            *t = v;
        }
    }

    /// Digits before the first word's leading one that the word's 9 places
    /// hold as zeros.
    fn lead_pad(&self) -> usize {
        9 - ndigits(self.w(self.a))
    }

    /// The decimal exponent: the value is `0.d₀d₁… × 10^exp`.
    fn exp(&self) -> i32 {
        9 * (self.point as i32 - self.a as i32) - self.lead_pad() as i32
    }

    /// Significant digit `i` (zero past the stored ones).
    fn digit(&self, i: usize) -> u8 {
        let j = i + self.lead_pad();
        let w = self.a + j / 9;
        if w >= self.z {
            return b'0';
        }
        b'0' + (self.w(w) / pow10(8 - j % 9) % 10) as u8
    }

    /// Significant digits stored (trailing zeros dropped).
    fn len(&self) -> usize {
        let mut z = self.z;
        while z > self.a && self.w(z - 1) == 0 {
            z -= 1;
        }
        if z == self.a {
            return 0;
        }
        let mut last = self.w(z - 1);
        let mut t = 0;
        while last.is_multiple_of(10) && t < 9 {
            last /= 10;
            t += 1;
        }
        (9 * (z - self.a)).saturating_sub(self.lead_pad() + t)
    }

    /// Rounds to `keep` significant digits, to nearest with ties to even
    /// (`keep < 0`: to zero; the exponent is kept). Needs `a > 0` for a
    /// carry out of the first word.
    #[optimize(size)]
    fn round(&mut self, keep: isize) {
        if keep < 0 {
            self.z = self.a;
            self.more = false;
            return;
        }
        let k = keep as usize;
        let j = k + self.lead_pad();
        let wi = self.a + j / 9;
        if wi >= self.z {
            // Every stored digit is kept (`more` never comes with fewer
            // stored digits than the precision asks for).
            return;
        }
        // The place value of the first dropped digit, and of the last kept.
        let unit = pow10(8 - j % 9);
        let v = self.w(wi);
        let next = v / unit % 10;
        let mut rest = !v.is_multiple_of(unit) || self.more;
        for i in wi + 1..self.z {
            rest |= self.w(i) != 0;
        }
        let prev = if k == 0 { 0 } else { self.digit(k - 1) - b'0' };
        let up = next > 5 || (next == 5 && (rest || prev & 1 == 1));
        self.set(wi, v - v % (unit * 10).max(1));
        self.z = wi + 1;
        self.more = false;
        if up {
            let (mut i, mut add) = if unit * 10 == BASE {
                (wi.wrapping_sub(1), 1)
            } else {
                (wi, unit * 10)
            };
            loop {
                if i < self.a || i == usize::MAX {
                    // Carried out of the first word.
                    self.a = self.a.saturating_sub(1);
                    self.set(self.a, 1);
                    break;
                }
                let t = self.w(i) + add;
                if t < BASE {
                    self.set(i, t);
                    break;
                }
                self.set(i, t - BASE);
                add = 1;
                i = i.wrapping_sub(1);
            }
        }
    }

    /// `x[a..z] = x[a..z] × 2^sh + add` (`sh <= 32`), new words at the
    /// front as the carry needs them.
    fn mul_pow2(&mut self, sh: u32, add: u32) {
        let mut carry = add as u64;
        let mut i = self.z;
        while i > self.a {
            i -= 1;
            let t = ((self.w(i) as u64) << sh) + carry;
            self.set(i, (t % BASE as u64) as u32);
            carry = t / BASE as u64;
        }
        while carry != 0 && self.a > 0 {
            self.a -= 1;
            self.set(self.a, (carry % BASE as u64) as u32);
            carry /= BASE as u64;
        }
    }
}

/// Where [`put_range`] takes digits: `small` (a word or hexadecimal
/// digits), or `big` when `dec`.
struct Digits<'a> {
    big: &'a Big,
    small: [u8; 32],
    dec: bool,
    len: usize,
}

impl Digits<'_> {
    fn get(&self, i: usize) -> u8 {
        if self.dec {
            self.big.digit(i)
        } else {
            self.small.get(i).copied().unwrap_or(b'0')
        }
    }
}

/// Writes the `n` significant digits from index `lo` on (zeros outside
/// `0..len`) with `get`.
fn put_range(w: &mut W<'_>, d: &Digits<'_>, lo: isize, n: usize) {
    let len = d.len;
    let lead = if lo < 0 { lo.unsigned_abs().min(n) } else { 0 };
    w.pad(b'0', lead);
    let mut i = lo.max(0) as usize;
    let mut left = n - lead;
    let mut buf = [0u8; 64];
    while left > 0 && i < len {
        let k = left.min(len - i).min(64);
        for (t, c) in buf.iter_mut().take(k).enumerate() {
            *c = d.get(i + t);
        }
        w.put(buf.get(..k).unwrap_or_default());
        i += k;
        left -= k;
    }
    w.pad(b'0', left);
}

/// Makes `big` the digits of `m × 2^e` (`m` nonzero) that a conversion
/// with `prec` digits after the point (`fixed`) or significant digits
/// needs, with guard digits: all of them for `e >= 0`.
#[inline(never)]
#[optimize(size)]
fn expand(big: &mut Big, mut m: u128, mut e: i32, fixed: bool, prec: usize) {
    while m & 1 == 0 {
        m >>= 1;
        e += 1;
    }
    // Words for `prec` more digits than the first word or the point, and
    // guard words.
    let need = (prec.min(20_000) + 9) / 9 + 2;
    // `m` as words ending at `end`: the integer for `e >= 0` at the end of
    // the array, growing towards the front; for `e < 0` in words 1..5, the
    // fraction words after them. Loaded 32 bits at a time.
    let end = if e >= 0 { N } else { 5 };
    big.a = end;
    big.z = end;
    big.point = end;
    for k in (0..4).rev() {
        big.mul_pow2(32, (m >> (32 * k)) as u32);
    }
    if e >= 0 {
        let mut k = e as u32;
        while k > 0 {
            let sh = k.min(32);
            big.mul_pow2(sh, 0);
            k -= sh;
        }
        big.more = false;
        return;
    }
    let mut k = -e;
    while k > 0 {
        // (10⁹ has 2^9 as a factor: at most 9 bits a pass.)
        let sh = k.min(9) as u32;
        let mask = (1u32 << sh) - 1;
        let mul = BASE >> sh;
        let mut carry = 0u32;
        for i in big.a..big.z {
            let t = big.w(i);
            big.set(i, (t >> sh) + carry);
            carry = (t & mask) * mul;
        }
        if carry != 0 {
            big.set(big.z, carry);
            big.z += 1;
        }
        while big.a < big.z && big.w(big.a) == 0 {
            big.a += 1;
        }
        // Keep only what the precision needs.
        let base = if fixed { big.point } else { big.a };
        big.z = big.z.min(base + need);
        if big.a >= big.z {
            // Nothing left in the window: the value rounds to zero at
            // this precision (only `%f` comes here).
            big.a = big.z;
            break;
        }
        k -= sh as i32;
    }
    // The exact expansion has `-e` fraction digits, the last nonzero.
    big.more = (big.z - big.point) * 9 < (-e) as usize;
}

/// Formats the raw `long double` `bits` of format `f` for the conversion
/// `conv` (`f F e E g G a A`), as [`float::format`](super::float::format)
/// does for a double. Inlined where `f` is a constant, so that only that
/// format's decoding is linked (and for [`LdFormat::Double`], none: the
/// double engine prints it).
#[inline(always)]
pub(crate) fn format(
    w: &mut W<'_>,
    f: LdFormat,
    bits: u128,
    conv: u8,
    flags: u32,
    prec: Option<usize>,
) {
    if f == LdFormat::Double {
        super::float::format(w, f64::from_bits(bits as u64), conv, flags, prec);
    } else {
        format_parts(w, &decode(f, bits), &hex_of(f, bits), conv, flags, prec);
    }
}

/// [`format`] of a decoded value: `p` for the decimal conversions, `h`
/// for `%a`.
#[inline(never)]
#[optimize(size)]
fn format_parts(w: &mut W<'_>, p: &Parts, h: &Hex, conv: u8, mut flags: u32, prec: Option<usize>) {
    let lower = conv & 0x20;
    let conv = conv | 0x20;
    let alt = flags & ALT != 0;
    let pre = [sign(p.neg, flags), b'0', b'X' | lower];
    let mut big = Big {
        x: [0; N],
        a: 0,
        z: 0,
        point: 0,
        more: false,
    };
    let mut small = [0u8; 32];
    let mut dec = false;
    let mut hex = false;
    // The shape (see float::format): `e` integer digits, then `fp`
    // fraction digits, then the suffix (marker, sign, at least `emin`
    // exponent digits).
    let (mut marker, mut x2, mut emin) = (0u8, 0i32, 2);
    let mut e = 1i32;
    let fp;
    let len;
    if p.class != 0 {
        let s = if p.class == 2 { b"NAN" } else { b"INF" };
        for (c, &s) in small.iter_mut().zip(s.iter()) {
            *c = s | lower;
        }
        e = 3;
        fp = 0;
        len = 3;
        flags &= !(ZERO | ALT);
    } else if conv == b'a' {
        x2 = h.exp;
        let nf = h.nfrac as usize;
        let mut lead = h.lead;
        let mut frac = h.frac;
        let keep = prec.unwrap_or_else(|| {
            let tz = if frac == 0 {
                nf
            } else {
                frac.trailing_zeros() as usize / 4
            };
            nf - tz.min(nf)
        });
        let shown = keep.min(nf);
        if keep < nf {
            let drop = 4 * (nf - keep) as u32;
            let rest = frac & ((1u128 << drop) - 1);
            let half = 1u128 << (drop - 1);
            frac >>= drop;
            let odd = if keep == 0 {
                lead & 1
            } else {
                (frac & 1) as u32
            };
            if rest > half || (rest == half && odd == 1) {
                frac += 1;
                if frac >> (4 * keep) != 0 {
                    frac = 0;
                    lead += 1;
                    if lead == 16 {
                        // x87: the leading digit carries into a new one.
                        lead = 1;
                        x2 += 4;
                    }
                }
            }
        }
        for (i, c) in small.iter_mut().take(shown + 1).enumerate() {
            let d = if i == 0 {
                lead
            } else {
                (frac >> (4 * (shown - i))) as u32 & 15
            };
            *c = hex_digit(d, lower);
        }
        len = shown + 1;
        fp = keep;
        hex = true;
        marker = b'P';
        emin = 1;
    } else {
        // Precisions past every digit there is all print the same digits.
        let preq = prec.unwrap_or(6);
        let mut pp = preq.min(1 << 20);
        let fixed = conv == b'f';
        if p.m != 0 {
            expand(&mut big, p.m, p.e, fixed, pp.max(1) + 1);
        }
        let exp = if p.m == 0 {
            1
        } else if big.a == big.z {
            0
        } else {
            big.exp()
        };
        let mut sci = conv == b'e';
        let q = pp.max(1);
        if big.a != big.z {
            big.round(if conv == b'g' {
                q as isize
            } else if sci {
                pp as isize + 1
            } else {
                exp as isize + pp as isize
            });
        }
        let l = if big.a == big.z { 0 } else { big.len() };
        let ex = if l == 0 { exp } else { big.exp() };
        if conv == b'g' {
            let x10 = ex - 1;
            let sig = if alt { q } else { l.min(q) };
            if x10 < -4 || x10 >= q as i32 {
                sci = true;
                pp = sig.max(1) - 1;
            } else {
                pp = (sig as isize - ex as isize).max(0) as usize;
            }
        }
        if sci {
            marker = b'E';
            x2 = if l == 0 { 0 } else { ex - 1 };
        } else {
            e = ex;
        }
        fp = if conv == b'g' { pp } else { preq };
        len = l;
        dec = true;
    }
    let d = Digits {
        big: &big,
        small,
        dec,
        len,
    };
    let mut sfx = [0u8; 24];
    let mut slen = 0;
    if marker != 0 {
        slen = utoa(&mut sfx, x2.unsigned_abs() as u64, 10, false, emin) + 2;
        if let Some(c) = sfx.get_mut(24 - slen) {
            *c = marker | lower;
        }
        if let Some(c) = sfx.get_mut(25 - slen) {
            *c = if x2 < 0 { b'-' } else { b'+' };
        }
    }
    let point = fp > 0 || flags & ALT != 0;
    let int_digits = e.max(1);
    let total = (int_digits as usize + point as usize + slen).saturating_add(fp);
    w.begin(flags, prefix(&pre, hex), total);
    put_range(w, &d, (e - int_digits) as isize, int_digits as usize);
    if point {
        w.put(b".");
    }
    put_range(w, &d, e as isize, fp);
    w.put(tail(&sfx, slen));
    w.end();
}

/// The hexadecimal digit `v < 16`, its letter in the case `lower` (0x20
/// or 0) says.
fn hex_digit(v: u32, lower: u8) -> u8 {
    if v < 10 {
        b'0' + v as u8
    } else {
        (b'A' | lower) + v as u8 - 10
    }
}
