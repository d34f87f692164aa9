//! muslin's strtod/strtof/strtol family against glibc's.

use crate::common::{Rng, seed};
use crate::fmt::{int, strtod};
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

/// muslin's strtol/strtoul/strtoll/strtoull vs glibc's: value, end, ERANGE.
fn check_int(s: &[u8], base: i32) -> Option<String> {
    let c = CString::new(s).unwrap();
    let mut out = Vec::new();
    let p = int::parse(s, base as u32, true);
    for which in 0..4 {
        // glibc leaves `endptr` alone for an invalid base: start it at the start.
        let mut end = c.as_ptr() as *mut libc::c_char;
        // SAFETY: a NUL-terminated string, a valid end pointer, this
        // thread's errno.
        let (v, used, erange, einval) = unsafe {
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
        };
        let mine = match p {
            None => (0, 0, false, true),
            Some(p) => {
                let (v, e) = if which % 2 == 0 {
                    let (v, e) = p.signed(i64::MIN, i64::MAX);
                    (v as u64, e)
                } else {
                    p.unsigned(u64::MAX)
                };
                (v, p.consumed, e, false)
            }
        };
        if mine != (v, used, erange, einval) {
            out.push(format!(
                "strto[{which}]({:?}, {base}): muslin {mine:?}, glibc {:?}",
                String::from_utf8_lossy(s),
                (v, used, erange, einval)
            ));
        }
    }
    (!out.is_empty()).then(|| out.join("; "))
}

#[test]
fn strtol_edge_and_random() {
    let edge: &[&[u8]] = &[
        b"0",
        b"-0",
        b"+0",
        b"42",
        b"  -42",
        b"\t+7x",
        b"0x",
        b"0x1f",
        b"0X1F",
        b"0xg",
        b"-0x10",
        b"010",
        b"08",
        b"0b101",
        b"z",
        b"Z",
        b"zz",
        b"",
        b"-",
        b"+",
        b" ",
        b"9223372036854775807",
        b"9223372036854775808",
        b"-9223372036854775808",
        b"-9223372036854775809",
        b"18446744073709551615",
        b"18446744073709551616",
        b"-18446744073709551615",
        b"-18446744073709551616",
        b"99999999999999999999999999",
        b"0x7fffffffffffffff",
        b"0xffffffffffffffff",
        b"0x10000000000000000",
        b"1y",
        b"--1",
        b"+-1",
    ];
    let mut bad = Vec::new();
    for s in edge {
        for base in [0, 2, 8, 10, 16, 36, 1, 37, -1] {
            bad.extend(check_int(s, base));
        }
    }
    let seed = seed();
    let n = 100_000;
    for i in 0..n {
        let mut r = Rng::for_case(seed, 12, i);
        let any = r.below(37) as i32;
        let base = *r.pick(&[0, 0, 2, 8, 10, 10, 16, 16, 36, any]);
        let mut s = String::new();
        if r.chance(10) {
            s.push(' ');
        }
        if r.chance(30) {
            s.push(*r.pick(&['-', '+']));
        }
        if r.chance(20) {
            s.push_str(r.pick(&["0x", "0X", "0"]));
        }
        for _ in 0..r.below(25) {
            s.push(*r.pick(b"0123456789abcdefxyzXYZ") as char);
        }
        bad.extend(check_int(s.as_bytes(), base));
    }
    println!(
        "strtol: seed {seed}, {} edge and {n} random strings, {} mismatches",
        edge.len(),
        bad.len()
    );
    assert!(
        bad.is_empty(),
        "{} mismatches:\n{}",
        bad.len(),
        bad[..bad.len().min(10)].join("\n")
    );
}
