//! Exact `printf` conversion of floating point (`%f %e %g %a` and their
//! capitals), of `double` and of `long double` in each architecture's
//! format, byte for byte as glibc prints the same value. One engine for
//! both: a double is decoded into the same parts as a `long double`
//! ([`LdFormat::Double`]), so printf links a single one.
//!
//! A finite value is `m × 2^e` with `m < 2^113` and `-16494 <= e`. Its
//! decimal digits are computed as ASCII digits, one a byte, in the array
//! that is then rounded and printed: for `e >= 0` the integer `m × 2^e`
//! (at most 4933 digits) by repeated multiplication by powers of 2; for
//! `e < 0` by repeated division of `m` by powers of 2, which adds fraction
//! digits on the right. Only the digits the precision needs (plus guard
//! digits) are kept: dropping the digits past a position fixed before the
//! divisions start leaves the kept ones exactly the value's digits there
//! (each division floors the dropped part away, and the floor of a floor
//! divided by `2^k` is the floor of the quotient). And whether anything
//! nonzero lies past the kept digits is known without them: with `m` odd,
//! `m × 2^e` (e < 0) has exactly `-e` fraction digits, the last a 5. The
//! kept digits are then rounded (the same code rounds `%a`'s hexadecimal
//! digits) and printed. They take 16 KB of stack.

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
    /// `%a`'s digits: the leading hexadecimal digit, then `nfrac` digits
    /// (`m` but for x87 pseudo-denormals and IBM double-doubles).
    pub hm: u128,
    /// The number of `%a` fraction digits in `hm`.
    pub nfrac: u32,
    /// `%a`'s binary exponent (of the leading digit).
    pub hx: i32,
}

/// The biased exponent field of a double's bits.
fn dexp(b: u64) -> i32 {
    ((b >> 52) & 0x7ff) as i32
}

/// glibc's alignment of the IBM double-double `hi`, `lo`, which both its
/// decimal and its `%La` conversion start from: `hi`'s 52 fraction bits
/// `h`; `lo`'s significand lined up below `hi`'s last bit in 60 bits `l`,
/// its magnitude cut toward zero there; and `lo`'s sign folded in by a
/// subtraction that borrows from `h`, or from the hidden bit, which takes
/// one bit from the exponent (the third result, 0 or 1). `wrap`: a
/// negative shift (a high part below 2^-969 with a subnormal low part, or
/// a non-canonical pair) counts modulo 128, as the powerpc64 shift glibc's
/// decimal conversion uses does; its `%La` takes 64 and more as zero.
#[inline(never)]
fn ibm_align(hi: u64, lo: u64, wrap: bool) -> (u64, u64, i32) {
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
        let sh = (-ediff) as u32;
        l = l.checked_shl(if wrap { sh & 127 } else { sh }).unwrap_or(0);
    }
    let mut drop = 0;
    if (hi ^ lo) >> 63 != 0 && l != 0 {
        // hi - lo: borrow one unit of `hi`'s last bit.
        l = (1u64 << 60).wrapping_sub(l);
        if h == 0 {
            // From the hidden bit: one bit lower, one more bit of `l`.
            h = 0xf_ffff_ffff_fffe | (l >> 59);
            l = 0xfff_ffff_ffff_ffff & (l << 1);
            drop = 1;
        } else {
            h -= 1;
        }
    }
    (h, l, drop)
}

/// `%La`'s digits (see [`Parts::hm`], 28 fraction digits) and exponent
/// for the IBM double-double `hi`, `lo`, as glibc forms them: the 52 bits
/// of `h`, then the 60 of `l` ([`ibm_align`]).
fn ibm_hex(hi: u64, lo: u64) -> (u128, i32) {
    let e0 = dexp(hi);
    let (h, l, drop) = ibm_align(hi, lo, false);
    let frac = (h as u128) << 60 | (l & ((1 << 60) - 1)) as u128;
    let zero = frac == 0 && e0 == 0;
    (
        ((e0 != 0) as u128) << 112 | frac,
        if zero { 0 } else { (e0 - drop).max(1) - 1023 },
    )
}

/// The IBM double-double `hi`, `lo` as `m × 2^e`, as glibc's decimal
/// conversion sees it, which is not always the exact sum (muslin prints
/// what glibc prints): [`ibm_align`]'s `h` and `l`, of which it keeps the
/// top 106 bits (53 below `hi`'s last bit), cutting toward zero again.
/// So a low part of `hi`'s sign gives the sum cut toward zero; one of the
/// other sign, with bits below the 60-bit grid and none between that and
/// the 53-bit one, gives one unit of the last bit more (in magnitude)
/// than the sum cut toward zero. Checked against glibc 2.36 under qemu on
/// hand-picked and random pairs, canonical or not (a `hi` of 0 or a
/// subnormal with `lo` nonzero included: glibc prints what the rule
/// gives, not `hi + lo`).
fn ibm_parts(hi: u64, lo: u64) -> (u128, i32) {
    let e0 = dexp(hi);
    let (h, l, drop) = ibm_align(hi, lo, true);
    // The two 64-bit words glibc builds: `l`'s top bits overlap `h`'s low
    // ones by an or, not a sum (only a non-canonical pair has them).
    let m = ((h >> 11) as u128) << 64 | ((h << 53) | (l >> 7)) as u128;
    if e0 == 0 {
        // A subnormal or zero high part: no hidden bit, 2^-1074 its unit.
        (m, -1074 - 53)
    } else {
        (m | 1 << 105, e0 - 1023 - drop - 105)
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
        hm: 0,
        nfrac: 0,
        hx: 0,
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
            // `%La` shows all 64 bits (a pseudo-denormal's integer bit
            // too): the top 4 lead.
            p.hm = mant as u128;
            p.nfrac = 15;
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
            p.hm = p.m;
            p.nfrac = 28;
        }
        LdFormat::Double => {
            let b = bits as u64;
            let biased = dexp(b);
            p.neg = b >> 63 != 0;
            if biased == 0x7ff {
                p.class = if b << 12 == 0 { 1 } else { 2 };
            }
            p.m = (b & ((1 << 52) - 1) | ((biased != 0) as u64) << 52) as u128;
            p.e = biased.max(1) - 1075;
            p.hm = p.m;
            p.nfrac = 13;
        }
        LdFormat::IbmDouble => {
            let hi = (bits >> 64) as u64;
            let lo = bits as u64;
            p.neg = hi >> 63 != 0;
            if dexp(hi) == 0x7ff {
                p.class = if hi << 12 == 0 { 1 } else { 2 };
            }
            (p.m, p.e) = ibm_parts(hi, lo);
            (p.hm, p.hx) = ibm_hex(hi, lo);
            p.nfrac = 28;
            return p;
        }
    }
    // The leading digit's exponent (zero's is 0; subnormals show the
    // smallest normal exponent, as `e` has it).
    p.hx = if p.hm == 0 {
        0
    } else {
        p.e + 4 * p.nfrac as i32
    };
    p
}

/// Room for the digits of any value and precision, one ASCII digit a
/// byte: `m × 2^e` with `m < 2^113` and `e >= -16494` has at most 11564
/// significant digits (`m × 5^16494`), the largest value 4933 integer
/// ones. A power of two, so that a position masked with `D - 1` is in
/// bounds without a check (the engine has no panicking path: printf links
/// no panic machinery); see [`expand`] for why the digits a conversion
/// keeps never wrap around.
const D: usize = 16_384;

/// The digits a conversion prints, ASCII: decimal `0.d₀d₁… × 10^exp`
/// (`d₀` nonzero unless `len` is 0), `%a`'s hexadecimal digits (with
/// `exp` 1 until a carry out of the first one), or `inf`/`nan`. `d₀` is
/// at `d[a]`; digits past `len` are zeros.
struct Digits {
    d: [u8; D],
    /// Where the first digit is. While [`expand`] works, a position that
    /// may be negative (it is masked into `d`); at least 0 after.
    a: isize,
    len: usize,
    exp: i32,
    /// Set when nonzero digits lie past the stored ones (they only break
    /// ties: [`round_in`](Self::round_in) takes the stored digits, zeros
    /// past them, as exact up to where it rounds).
    more: bool,
}

impl Digits {
    /// The digit at position `i` (masked: see [`D`]).
    fn at(&mut self, i: isize) -> &mut u8 {
        &mut self.d[i as usize & (D - 1)]
    }

    /// Digit `i` of the significant ones.
    fn dig(&mut self, i: usize) -> &mut u8 {
        let a = self.a;
        self.at(a + i as isize)
    }

    /// The significant digits.
    fn sig(&self) -> &[u8] {
        let a = self.a as usize;
        self.d.get(a..a + self.len).unwrap_or_default()
    }

    /// Drops trailing zero digits.
    fn trim(&mut self) {
        while self.len > 0 && *self.dig(self.len - 1) == b'0' {
            self.len -= 1;
        }
    }

    /// The digits at positions `a..z`, an integer, become that integer
    /// times `f` plus `add` (`f <= 2^28`, `add < f`: every step fits 32
    /// bits); the carry takes in positions before `a`.
    #[inline(never)]
    fn mul(&mut self, z: isize, f: u32, add: u32) {
        let mut carry = add;
        let mut i = z;
        while i > self.a || carry != 0 {
            i -= 1;
            let v = if i >= self.a { *self.at(i) - b'0' } else { 0 };
            let t = v as u32 * f + carry;
            carry = t / 10;
            *self.at(i) = b'0' + (t - carry * 10) as u8;
        }
        self.a = i;
    }
}

/// Makes `dg` the digits of `m × 2^e` (`m` nonzero) that a conversion
/// with `prec` digits after the point (`fixed`) or significant digits
/// needs, and more: all of them for `e >= 0`.
///
/// For `e >= 0`, the integer `m × 2^e` ends at position `D` and grows
/// towards the front as it is multiplied by powers of 2 (at most 4933
/// digits). For `e < 0`, `m` is divided by `2^-e`, 28 bits a pass from the
/// first digit on, each pass adding fraction digits on the right; only
/// the digits up to a position fixed before the divisions start are
/// kept. What is kept is then exactly the value's digits there: each pass
/// floors the dropped part away, and the floor of a floor divided by
/// `2^k` is the floor of the quotient. Whether anything nonzero lies past
/// the kept digits is known without them: with `m` odd, `m × 2^e` has
/// exactly `-e` fraction digits, the last a 5.
///
/// The point's position is chosen so that the value's leading digit ends
/// up near position 64: the digits kept (at most 11566 of them, from the
/// leading one) then fit in `d` without wrapping. Positions before 0,
/// which hold `m`'s digits while the divisions move them right, wrap to
/// the end of `d`; the digits alive at any moment (those of `m` over a
/// power of two, at most 11 700) never overlap.
#[inline(never)]
#[optimize(size)]
fn expand(dg: &mut Digits, mut m: u128, mut e: i32, fixed: bool, prec: usize) {
    while m & 1 == 0 {
        m >>= 1;
        e += 1;
    }
    let k = e.unsigned_abs() as isize;
    // (1233/4096 is just under log10 2.)
    let point = if e >= 0 {
        D as isize
    } else {
        64 - ((k * 1233) >> 12)
    };
    dg.a = point;
    for _ in 0..8 {
        // The next 16 bits, from the top (a rotation: no variable shift
        // of a u128, which would link a helper on most arches).
        m = m.rotate_left(16);
        dg.mul(point, 1 << 16, m as u32 & 0xffff);
    }
    let mut z = point;
    let mut left = k;
    if e >= 0 {
        while left > 0 {
            let sh = left.min(28);
            dg.mul(z, 1 << sh, 0);
            left -= sh;
        }
    } else {
        // Where the kept digits end: `prec` and guard digits past the
        // point (`%f`) or past the leading digit. That digit is found
        // before dividing, from the value's size: a window that followed
        // the leading digit as the divisions move it right would take in
        // digits computed from a value already cut, which are not the
        // value's digits (`%.1Le` of 5.75 + 2^-100 printed 5.7). `m`'s
        // leading digit moves right by at most ceil(k log10 2) places,
        // which is at most one more than the estimate.
        let need = prec.min(12_000) as isize + 2;
        let lead = dg.a + ((k * 1233) >> 12) + 1;
        let end = if fixed { point } else { lead } + need;
        while left > 0 {
            let sh = left.min(28) as u32;
            let mut rem = 0u32;
            let mut i = dg.a;
            z = z.min(end);
            while i < z || (rem != 0 && i < end) {
                let t = rem * 10 + if i < z { (*dg.at(i) - b'0') as u32 } else { 0 };
                *dg.at(i) = b'0' + (t >> sh) as u8;
                rem = t & ((1 << sh) - 1);
                i += 1;
            }
            z = i;
            while dg.a < z && *dg.at(dg.a) == b'0' {
                dg.a += 1;
            }
            if dg.a >= z {
                // Nothing left: the value rounds to zero at this
                // precision (only `%f` comes here).
                dg.a = 0;
                dg.exp = 0;
                return;
            }
            left -= sh as isize;
        }
        dg.more = z - point < k;
    }
    dg.exp = (point - dg.a) as i32;
    dg.len = (z - dg.a) as usize;
    dg.trim();
}

impl Digits {
    /// Rounds to the first `keep` digits, to nearest with ties to even, in
    /// base 10 (`half` `5`, `top` `9`) or 16 (`8`, and `f` or `F` as the
    /// letters' case). A carry out of the first digit leaves the single
    /// digit 1 and raises `exp`; `keep < 0` rounds to zero. A value
    /// rounded to zero keeps its `exp` (at most 0 then, which prints as no
    /// integer digits).
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
        let first = *self.dig(k);
        // The parity of a digit's value: that of its ASCII code for 0-9,
        // the opposite for a-f (bit 6 set).
        let last = *self.dig(k.wrapping_sub(1));
        let odd = k > 0 && (last ^ last >> 6) & 1 == 1;
        let up = first > half || (first == half && (self.len > k + 1 || self.more || odd));
        self.len = k;
        if up {
            let mut i = k;
            loop {
                if i == 0 {
                    // Carried out of the first digit (9.96 to 10.0).
                    *self.dig(0) = b'1';
                    self.len = 1;
                    self.exp += 1;
                    break;
                }
                i -= 1;
                let c = self.dig(i);
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

/// Formats the raw `long double` `bits` of format `f` for the conversion
/// `conv` (`f F e E g G a A`), as `printf` does; [`LdFormat::Double`]
/// is how a double comes (one engine for both). Inlined where `f` is a
/// constant, so that only that format's decoding is linked.
#[inline(always)]
pub(crate) fn format(
    w: &mut W<'_>,
    f: LdFormat,
    bits: u128,
    conv: u8,
    flags: u32,
    prec: Option<usize>,
) {
    format_parts(w, &decode(f, bits), conv, flags, prec);
}

/// [`format`] of a decoded value `p`, with the field width in `w` and
/// `prec` (`None` when absent).
///
/// Every case becomes the same shape, written by the one piece of code at
/// the end: a prefix (sign, `0x`), the digits with the point after the
/// first `e` of them (zeros where there are none), `fp` digits after the
/// point, and a suffix (`e+05`, `p-3`). `inf` and `nan` are three
/// "digits" with no point; `%a` is `%e` of hexadecimal digits. Every
/// letter takes the case of the conversion (bit 0x20 of an ASCII letter
/// is its case).
#[inline(always)]
#[optimize(size)]
fn format_parts(w: &mut W<'_>, p: &Parts, conv: u8, mut flags: u32, prec: Option<usize>) {
    let lower = conv & 0x20;
    let conv = conv | 0x20;
    let alt = flags & ALT != 0;
    let pre = [sign(p.neg, flags), b'0', b'X' | lower];
    let mut hex = false;
    // The exponent suffix: marker (0: none), then at least `emin` digits.
    let (mut marker, mut x2, mut emin) = (0, 0, 2);
    let mut d = Digits {
        d: [0; D],
        a: 0,
        len: 0,
        exp: 1,
        more: false,
    };
    let mut e = 1;
    let mut fp;
    if p.class != 0 {
        let s = if p.class == 2 { b"NAN" } else { b"INF" };
        for (c, &s) in d.d.iter_mut().zip(s) {
            *c = s | lower;
        }
        d.len = 3;
        e = 3;
        fp = 0;
        flags &= !(ZERO | ALT);
    } else if conv == b'a' {
        // The leading digit, then `nfrac` fraction digits, written from
        // the last (the leading digit is what is left, below 16).
        let nf = p.nfrac as usize;
        let mut f = p.hm;
        for c in d.d.get_mut(..=nf).unwrap_or_default().iter_mut().rev() {
            *c = hex_digit(f as u32 & 15, lower);
            f >>= 4;
        }
        d.len = nf + 1;
        d.trim();
        fp = prec.unwrap_or(d.len.saturating_sub(1));
        d.round_in(fp.min(nf) as isize + 1, b'8', b'F' | lower);
        // A carry out of the leading digit (x87's can be f) makes it 1,
        // four bits up.
        x2 = p.hx + 4 * (d.exp - 1);
        hex = true;
        marker = b'P';
        emin = 1;
    } else {
        let preq = prec.unwrap_or(6);
        // Precisions past every digit there is all print the same digits.
        let pp = preq.min(1 << 20);
        if p.m != 0 {
            expand(&mut d, p.m, p.e, conv == b'f', pp.max(1) + 1);
        }
        let mut sci = conv == b'e';
        let q = pp.max(1);
        d.round_in(
            if conv == b'g' {
                q as isize
            } else if sci {
                pp as isize + 1
            } else {
                d.exp as isize + pp as isize
            },
            b'5',
            b'9',
        );
        fp = preq;
        if conv == b'g' {
            // Style e if the exponent is below -4 or not below the
            // precision; trailing zeros dropped unless `alt`.
            let x10 = d.exp - 1;
            let sig = if alt { q } else { d.len.min(q) };
            if x10 < -4 || x10 >= q as i32 {
                sci = true;
                fp = sig.max(1) - 1;
            } else {
                fp = (sig as isize - d.exp as isize).max(0) as usize;
            }
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
        // (At most 5 exponent digits: the indices are in range.)
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
    d.put_range(w, (e - int_digits) as isize, int_digits as usize);
    if point {
        w.put(b".");
    }
    d.put_range(w, e as isize, fp);
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
