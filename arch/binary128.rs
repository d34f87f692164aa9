//! IEEE binary128 `long double` (aarch64, riscv64, loongarch64, s390x),
//! converted to and from double in software. Those arches' `mod.rs`
//! include this file with `#[path]`; their `long_double.rs` read and write
//! the bytes in their own byte order and argument-passing convention.

/// `±mant × 2^exp2` (nonzero bits below `mant` flagged by `sticky`) as the
/// nearest double (ties to even; overflow gives infinity).
fn to_f64(neg: bool, mant: u64, exp2: i64, sticky: bool) -> f64 {
    let mut bits = 0;
    if mant != 0 {
        let lz = mant.leading_zeros();
        let m = mant << lz;
        // The biased exponent the leading bit gets.
        let e = exp2 - lz as i64 + 63 + 1023;
        // Bits of `m` below the 53 a double keeps (more for subnormals);
        // past 64 the value is under half the least subnormal: zero.
        let shift = 11 + (1 - e).clamp(0, 54) as u32;
        if e >= 2047 {
            bits = 0x7ff << 52;
        } else if shift <= 64 {
            let q = m.checked_shr(shift).unwrap_or(0);
            let drop = m - q.checked_shl(shift).unwrap_or(0);
            let half = 1 << (shift - 1);
            let up = drop > half || (drop == half && (sticky || q & 1 == 1));
            // A carry out of the significand raises the exponent (to
            // infinity past the largest double), as it should.
            bits = (q + up as u64) + (((e.max(1) - 1) as u64) << 52);
        }
    }
    f64::from_bits(bits | (neg as u64) << 63)
}

/// The IEEE binary128 value with these bits, rounded to the nearest double.
pub fn from_binary128(bits: u128) -> f64 {
    let neg = bits >> 127 != 0;
    let e = ((bits >> 112) & 0x7fff) as i64;
    let frac = bits & ((1 << 112) - 1);
    if e == 0x7fff {
        let v = if frac == 0 { f64::INFINITY } else { f64::NAN };
        return if neg { -v } else { v };
    }
    let mant = frac | ((e != 0) as u128) << 112;
    let sticky = mant & ((1 << 49) - 1) != 0;
    to_f64(
        neg,
        (mant >> 49) as u64,
        e.max(1) - 16383 - 112 + 49,
        sticky,
    )
}

/// The bits of `v` as an IEEE binary128 value (exact: every double is one).
pub fn to_binary128(v: f64) -> u128 {
    let bits = v.to_bits();
    let sign = ((bits >> 63) as u128) << 127;
    let (e, frac) = ((bits >> 52 & 0x7ff) as i64, bits & ((1 << 52) - 1));
    let body = if v.is_nan() {
        0x7fff_8000u128 << 96
    } else if v.is_infinite() {
        0x7fffu128 << 112
    } else if e == 0 && frac == 0 {
        0
    } else {
        // Normalise subnormals: binary128 has the range to hold them as
        // normal numbers.
        let (mant, exp) = if e == 0 {
            let shift = frac.leading_zeros() as i64 - 11;
            (frac << shift, -1022 - shift)
        } else {
            (frac | 1 << 52, e - 1023)
        };
        ((exp + 16383) as u128) << 112 | ((mant as u128) << 60 & ((1 << 112) - 1))
    };
    sign | body
}
