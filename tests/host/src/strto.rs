//! muslin's strtod/strtof/strtol family against glibc's.

use crate::common::{Rng, seed};
use crate::fmt::{self, int, strtod};
use std::ffi::CString;

/// glibc's strtod: value bits, consumed, ERANGE.
fn glibc_strtod(s: &[u8]) -> (u64, usize, bool) {
    let c = CString::new(s).unwrap();
    let mut end = std::ptr::null_mut();
    // SAFETY: a NUL-terminated string and a valid end pointer; errno is
    // this thread's.
    unsafe {
        *libc::__errno_location() = 0;
        let v = libc::strtod(c.as_ptr(), &mut end);
        let err = *libc::__errno_location() == libc::ERANGE;
        (v.to_bits(), end.offset_from(c.as_ptr()) as usize, err)
    }
}

fn glibc_strtof(s: &[u8]) -> (u32, usize, bool) {
    let c = CString::new(s).unwrap();
    let mut end = std::ptr::null_mut();
    // SAFETY: as in `glibc_strtod`.
    unsafe {
        *libc::__errno_location() = 0;
        let v = libc::strtof(c.as_ptr(), &mut end);
        let err = *libc::__errno_location() == libc::ERANGE;
        (v.to_bits(), end.offset_from(c.as_ptr()) as usize, err)
    }
}

/// Compares strtod and strtof on `s`; NaNs compare by sign only (glibc
/// keeps `nan(n)` payloads, muslin makes the default quiet NaN).
fn check(s: &[u8]) -> Option<String> {
    let ours = strtod::strtod(s);
    let theirs = glibc_strtod(s);
    let mine = (ours.value.to_bits(), ours.consumed, ours.range_error);
    let same = |a: u64, b: u64, nan: bool| if nan { a >> 63 == b >> 63 } else { a == b };
    let mut bad = None;
    if !(same(mine.0, theirs.0, ours.value.is_nan()) && mine.1 == theirs.1 && mine.2 == theirs.2) {
        bad = Some(format!(
            "strtod({:?}): muslin {:?}/{:x} consumed {} erange {}, glibc {:?}/{:x} consumed {} erange {}",
            String::from_utf8_lossy(s),
            ours.value,
            mine.0,
            mine.1,
            mine.2,
            f64::from_bits(theirs.0),
            theirs.0,
            theirs.1,
            theirs.2
        ));
    }
    let of = strtod::strtof(s);
    let tf = glibc_strtof(s);
    let nan = of.value.is_nan();
    let ok = if nan {
        of.value.to_bits() >> 31 == tf.0 >> 31
    } else {
        of.value.to_bits() == tf.0
    };
    if !(ok && of.consumed == tf.1 && of.range_error == tf.2) {
        bad = Some(format!(
            "{}strtof({:?}): muslin {:?} consumed {} erange {}, glibc {:?} consumed {} erange {}",
            bad.map_or(String::new(), |b| b + "; "),
            String::from_utf8_lossy(s),
            of.value,
            of.consumed,
            of.range_error,
            f32::from_bits(tf.0),
            tf.1,
            tf.2
        ));
    }
    bad
}

fn check_list(inputs: &[&[u8]]) {
    let bad: Vec<String> = inputs.iter().filter_map(|s| check(s)).collect();
    assert!(
        bad.is_empty(),
        "{} mismatches:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn strtod_edge_cases() {
    let long_half = format!("9007199254740993{}", "0".repeat(500));
    let long_tie = format!("0.{}1", "0".repeat(400));
    let denorm_exact = format!("{:.1074e}", f64::from_bits(1));
    let min_normal = format!("{:.1100e}", f64::MIN_POSITIVE);
    let below_min = "2.2250738585072011e-308".to_string();
    let huge_digits = "1".repeat(5000);
    let many: Vec<String> = vec![
        long_half,
        long_tie,
        denorm_exact,
        min_normal,
        below_min,
        huge_digits,
    ];
    let mut inputs: Vec<&[u8]> = vec![
        b"0",
        b"-0",
        b"+0",
        b"1",
        b"-1",
        b"  \t\n42",
        b"1.5",
        b".5",
        b"5.",
        b".",
        b"-.",
        b"+",
        b"",
        b"   ",
        b"abc",
        b"1e10",
        b"1E10",
        b"1e",
        b"1e+",
        b"1e-",
        b"1e+5x",
        b"1.5e-3",
        b"1e308",
        b"1.8e308",
        b"-1.8e308",
        b"1e309",
        b"1e-320",
        b"1e-330",
        b"2e-324",
        b"2.5e-324",
        b"3e-324",
        b"4.9406564584124654e-324",
        b"2.4703282292062327e-324",
        b"2.4703282292062328e-324",
        b"2.2250738585072014e-308",
        b"2.2250738585072009e-308",
        b"1.7976931348623157e308",
        b"1.7976931348623158e308",
        b"1.7976931348623159e308",
        b"9007199254740993",
        b"9007199254740992.5",
        b"0.1",
        b"0.30000000000000004",
        b"123456789012345678901234567890",
        b"1e-400",
        b"1e400",
        b"1e99999999999999999999",
        b"1e-99999999999999999999",
        b"0e99999",
        b"inf",
        b"INF",
        b"-inf",
        b"infinity",
        b"-Infinity",
        b"infinit",
        b"infx",
        b"in",
        b"nan",
        b"NaN",
        b"-nan",
        b"nan(123)",
        b"nan(abc_9)x",
        b"nan(",
        b"nan(1 2)",
        b"nan()",
        b"0x",
        b"0x1",
        b"0X1P4",
        b"0x1.8p3",
        b"0x.8",
        b"0x.p1",
        b"0x1p",
        b"0x1p+",
        b"0x1p-1074",
        b"0x1p-1075",
        b"0x1.8p-1075",
        b"0x1.0000000000001p-1075",
        b"0x1.8p-1074",
        b"0x1p-1022",
        b"0x0.fffffffffffff8p-1022",
        b"0x1.00000000000008p-1022",
        b"0x1.fffffffffffff8p1023",
        b"0x1p1024",
        b"0x1p-2000",
        b"0x123456789abcdef0123456789p0",
        b"0x1.000000000000080000000001p0",
        b"0x1.00000000000008p0",
        b"0x1.00000000000018p0",
        b"-0x1.8",
        b"0xg",
        b"0x.",
        b"1.e5",
        b"00000000000000000000001.5",
        b"0.000000000000000000000000000000001e33",
        b"1.00000005960464477539062",
        b"1.000000059604644775390625",
        b"1.0000000596046447753906250001",
        b"3.4028235e38",
        b"3.4028236e38",
        b"1e-45",
        b"7e-46",
        b"1.17549435e-38",
        b"1.1754942e-38",
        b"0x1p-149",
        b"0x1p-150",
        b"0x1.000002p-150",
        b"0x1.fffffep127",
        b"0x1.ffffffp127",
    ];
    for s in &many {
        inputs.push(s.as_bytes());
    }
    check_list(&inputs);
}

/// Random decimal and hexadecimal strings, 200,000 of them.
#[test]
fn strtod_random() {
    let seed = seed();
    let mut bad = Vec::new();
    let mut count = 0;
    let n = 200_000;
    for i in 0..n {
        let mut r = Rng::for_case(seed, 11, i);
        let mut s = String::new();
        if r.chance(10) {
            s.push(' ');
        }
        if r.chance(30) {
            s.push(*r.pick(&['-', '+']));
        }
        let hex = r.chance(20);
        if hex {
            s.push_str("0x");
        }
        let digits: &[u8] = if hex {
            b"0123456789abcdefABCDEF"
        } else {
            b"0123456789"
        };
        let nd = if r.chance(10) {
            r.below(60)
        } else {
            r.below(20)
        };
        let point = if r.chance(60) {
            r.below(nd + 1) as i64
        } else {
            -1
        };
        for k in 0..nd {
            if k as i64 == point {
                s.push('.');
            }
            let zeros = r.chance(20);
            s.push(if zeros { '0' } else { *r.pick(digits) as char });
        }
        if r.chance(50) {
            s.push(if hex { 'p' } else { *r.pick(&['e', 'E']) });
            if r.chance(50) {
                s.push(*r.pick(&['-', '+']));
            }
            let range = *r.pick(&[10u64, 40, 330, 400, 1100, 5000]);
            if r.chance(95) {
                s.push_str(&r.below(range).to_string());
            }
        }
        if r.chance(10) {
            s.push(*r.pick(&['x', ' ', '.', 'e']));
        }
        // Some strings are the shortest or long forms of random doubles.
        if r.chance(15) {
            let x = f64::from_bits(r.next() >> r.below(3));
            if x.is_finite() {
                s = format!("{:e}", x);
            }
        }
        if r.chance(5) {
            let x = f64::from_bits(r.next() >> 2);
            s = format!("{:.*e}", r.below(30) as usize, x);
        }
        if let Some(m) = check(s.as_bytes()) {
            count += 1;
            if bad.len() < 10 {
                bad.push(format!("seed {seed} case {i}: {m}"));
            }
        }
    }
    println!("strtod random: seed {seed}, {n} strings, {count} mismatches");
    assert!(count == 0, "{count} mismatches:\n{}", bad.join("\n"));
}

/// What one call of a glibc `strto*` integer function did: the value (as
/// 64 bits), `endptr`'s offset, `ERANGE`, `EINVAL`.
type IntResult = (u64, usize, bool, bool);

/// glibc's `strtol`, `strtoul`, `strtoll` or `strtoull` (`which` 0..4) on `s`.
fn glibc_int(c: &CString, base: i32, which: usize) -> IntResult {
    // glibc leaves `endptr` alone for an invalid base: start it at the start.
    let mut end = c.as_ptr() as *mut libc::c_char;
    // SAFETY: a NUL-terminated string, a valid end pointer, this thread's
    // errno.
    unsafe {
        *libc::__errno_location() = 0;
        let v = match which {
            0 => libc::strtol(c.as_ptr(), &mut end, base) as u64,
            1 => libc::strtoul(c.as_ptr(), &mut end, base) as u64,
            2 => libc::strtoll(c.as_ptr(), &mut end, base) as u64,
            _ => libc::strtoull(c.as_ptr(), &mut end, base) as u64,
        };
        let e = *libc::__errno_location();
        (
            v,
            end.offset_from(c.as_ptr()) as usize,
            e == libc::ERANGE,
            e == libc::EINVAL,
        )
    }
}

/// muslin's result in the same shape as [`glibc_int`]'s.
fn ours<T>(p: Option<fmt::Parsed<T>>, to_u64: impl Fn(T) -> u64) -> IntResult {
    match p {
        None => (0, 0, false, true),
        Some(p) => (to_u64(p.value), p.consumed, p.range_error, false),
    }
}

/// Whether `s` has a `-` after its leading white space (the C locale's).
fn minus(s: &[u8]) -> bool {
    let i = s
        .iter()
        .position(|&c| !c.is_ascii_whitespace() && c != 0x0b);
    i.is_some_and(|i| s[i] == b'-')
}

/// muslin's strtol/strtoul/strtoll/strtoull, as the C functions call the
/// engine (`bits` the width of `long` and `long long` here), against
/// glibc's: value, end, ERANGE, EINVAL. The 32-bit `long` of the other
/// arches is checked against glibc's 64-bit result cut down by C's rule
/// (out of range: the type's limit and ERANGE; `strtoul` negates in the
/// type). `atoi`/`atol`/`atoll` are compared where their value is defined
/// (no overflow).
fn check_int(s: &[u8], base: i32) -> Option<String> {
    let c = CString::new(s).unwrap();
    let mut out = Vec::new();
    let mut differ = |what: &str, mine: IntResult, theirs: IntResult| {
        if mine != theirs {
            out.push(format!(
                "{what}({:?}, {base}): muslin {mine:?}, glibc {theirs:?}",
                String::from_utf8_lossy(s)
            ));
        }
    };
    let signed = |bits| ours(int::strtoi(s, base, bits), |v| v as u64);
    let unsigned = |bits| ours(int::strtou(s, base, bits), |v| v);
    let long = libc::c_long::BITS;
    let llong = libc::c_longlong::BITS;
    let ll = glibc_int(&c, base, 2);
    let ull = glibc_int(&c, base, 3);
    differ("strtol", signed(long), glibc_int(&c, base, 0));
    differ("strtoul", unsigned(long), glibc_int(&c, base, 1));
    differ("strtoll", signed(llong), ll);
    differ("strtoull", unsigned(llong), ull);

    // A 32-bit `long`.
    let (v, end, erange, einval) = ll;
    let v = v as i64;
    let clamped = v.clamp(i32::MIN as i64, i32::MAX as i64);
    differ(
        "strtol (32-bit)",
        signed(32),
        (clamped as u64, end, erange || clamped != v, einval),
    );
    let (v, end, erange, einval) = ull;
    let negative = minus(s) && end > 0;
    let magnitude = if negative { v.wrapping_neg() } else { v };
    let model = if erange || magnitude > u32::MAX as u64 {
        (u32::MAX as u64, end, true, einval)
    } else {
        (v & u32::MAX as u64, end, false, einval)
    };
    differ("strtoul (32-bit)", unsigned(32), model);

    if base == 10 && !ll.2 {
        // SAFETY: a NUL-terminated string.
        let (i, l, q) = unsafe {
            (
                libc::atoi(c.as_ptr()),
                libc::atol(c.as_ptr()),
                libc::atoll(c.as_ptr()),
            )
        };
        let mine = int::atoi(s);
        let got = (
            mine as i32 as u64,
            mine as libc::c_long as u64,
            mine as u64,
            false,
        );
        let want = (i as u64, l as u64, q as u64, false);
        if got != want {
            out.push(format!(
                "atoi/atol/atoll({:?}): muslin {got:?}, glibc {want:?}",
                String::from_utf8_lossy(s)
            ));
        }
    }
    (!out.is_empty()).then(|| out.join("; "))
}

/// Every base C may be given that matters: the valid ones and invalid ones
/// on both sides.
const BASES: [i32; 43] = [
    i32::MIN,
    -36,
    -16,
    -1,
    0,
    1,
    2,
    3,
    4,
    5,
    6,
    7,
    8,
    9,
    10,
    11,
    12,
    13,
    14,
    15,
    16,
    17,
    18,
    19,
    20,
    21,
    22,
    23,
    24,
    25,
    26,
    27,
    28,
    29,
    30,
    31,
    32,
    33,
    34,
    35,
    36,
    37,
    i32::MAX,
];

/// `v` written in `base` (2..=36), lowercase or uppercase.
fn in_base(mut v: u128, base: u32, upper: bool) -> String {
    let digits: &[u8] = if upper {
        b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    } else {
        b"0123456789abcdefghijklmnopqrstuvwxyz"
    };
    let mut out = Vec::new();
    loop {
        out.push(digits[(v % base as u128) as usize]);
        v /= base as u128;
        if v == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap()
}

/// The values where a 32- or 64-bit type's range ends, and their
/// neighbours.
fn limits() -> Vec<u128> {
    let mut v = Vec::new();
    for p in [31, 32, 63, 64] {
        let x = 1u128 << p;
        v.extend([x - 2, x - 1, x, x + 1]);
    }
    v.extend([0, 1, u128::MAX >> 1, 10u128.pow(20), 36u128.pow(13)]);
    v
}

/// Runs `check_int` on every input for every base in [`BASES`].
fn check_all_bases(inputs: &[Vec<u8>], bad: &mut Vec<String>) {
    for s in inputs {
        for &base in &BASES {
            bad.extend(check_int(s, base));
        }
    }
}

fn report(name: &str, cases: usize, bad: &[String]) {
    println!("{name}: {cases} cases, {} mismatches", bad.len());
    assert!(
        bad.is_empty(),
        "{} mismatches:\n{}",
        bad.len(),
        bad[..bad.len().min(10)].join("\n")
    );
}

/// Hand-picked strings, and every range limit written in every base, with
/// each sign, under every base.
#[test]
fn strtol_edge_cases() {
    let mut inputs: Vec<Vec<u8>> = [
        &b"0"[..],
        b"-0",
        b"+0",
        b"42",
        b"  -42",
        b"\t+7x",
        b"\n\x0b\x0c\r 5",
        b"\xa05",
        b"\x1c5",
        b"0x",
        b"0X",
        b"-0x",
        b"0x1f",
        b"0X1F",
        b"0xg",
        b"0x 1",
        b"-0x10",
        b"+0x10",
        b"0x0x1",
        b"00x1",
        b"010",
        b"08",
        b"09",
        b"0b101",
        b"z",
        b"Z",
        b"zz",
        b"ZZZZZZZZZZZZZZ",
        b"",
        b"-",
        b"+",
        b" ",
        b" - 1",
        b"--1",
        b"+-1",
        b"-+1",
        b"1y",
        b"1.5",
        b"1e5",
        b"99999999999999999999999999",
        b"-99999999999999999999999999",
        b"0x7fffffffffffffff",
        b"0xffffffffffffffff",
        b"0x10000000000000000",
        b"-0x8000000000000000",
        b"-0x8000000000000001",
        b"0000000000000000000000000000000000000000001",
    ]
    .iter()
    .map(|s| s.to_vec())
    .collect();
    for v in limits() {
        for base in 2..=36 {
            for sign in ["", "-", "+"] {
                let upper = base % 2 == 0;
                inputs.push(format!("{sign}{}", in_base(v, base, upper)).into_bytes());
            }
        }
        for prefix in ["0x", "-0x", "0X", "0", "-0"] {
            let base = if prefix.ends_with('0') { 8 } else { 16 };
            inputs.push(format!("{prefix}{}", in_base(v, base, false)).into_bytes());
        }
    }
    let mut bad = Vec::new();
    check_all_bases(&inputs, &mut bad);
    report("strtol edge", inputs.len() * BASES.len(), &bad);
}

/// Random strings: random bases (mostly valid), space, signs, prefixes,
/// digits and junk, and numbers near the range limits.
#[test]
fn strtol_random() {
    let seed = seed();
    let n = 100_000;
    let mut bad = Vec::new();
    for i in 0..n {
        let mut r = Rng::for_case(seed, 12, i);
        let base = match r.below(20) {
            0 => *r.pick(&BASES),
            1..=9 => *r.pick(&[0, 0, 10, 16, 8, 2, 36]),
            // 0..=36: 1 is invalid.
            _ => r.below(37) as i32,
        };
        let mut s = Vec::new();
        for _ in 0..(if r.chance(20) { r.below(3) } else { 0 }) {
            s.push(*r.pick(b" \t\n\x0b\x0c\r\xa0"));
        }
        if r.chance(30) {
            s.push(*r.pick(b"-+"));
        }
        if r.chance(25) {
            s.extend_from_slice(r.pick(&[&b"0x"[..], b"0X", b"0"]));
        }
        if r.chance(30) {
            // A number near a limit, in this base (or 10 / 16 / 8 for base 0).
            let b = if base == 0 {
                *r.pick(&[8, 10, 16])
            } else {
                base.clamp(2, 36) as u32
            };
            let v = *r.pick(&limits());
            let v = match r.below(3) {
                0 => v,
                1 => v.saturating_add(r.below(1000) as u128),
                _ => v.saturating_sub(r.below(1000) as u128),
            };
            s.extend_from_slice(in_base(v, b, r.chance(50)).as_bytes());
        } else {
            for _ in 0..r.below(25) {
                s.push(*r.pick(b"0123456789abcdefghijklmnopqrstuvwxyzXYZ_.-+ \x7f\xff"));
            }
        }
        bad.extend(check_int(&s, base).map(|m| format!("seed {seed} case {i}: {m}")));
    }
    report(&format!("strtol random, seed {seed}"), n as usize, &bad);
}
