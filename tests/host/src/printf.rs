//! muslin's printf engine against glibc's `snprintf`.

use crate::common::{CallArgs, Rng, compare, ours, random_run};

fn ints(v: &[u64]) -> CallArgs {
    CallArgs {
        ints: v.to_vec(),
        doubles: vec![],
    }
}

fn dbl(v: &[f64]) -> CallArgs {
    CallArgs {
        ints: vec![],
        doubles: v.to_vec(),
    }
}

fn check_all(cases: &[(&str, CallArgs)]) {
    let bad: Vec<String> = cases
        .iter()
        .flat_map(|(f, a)| {
            // Truncated outputs of glibc's `%#g` bug cannot be told apart.
            let caps: &[usize] = if f.contains('#') && f.contains(['g', 'G']) {
                &[4096]
            } else {
                &[4096, 5, 0]
            };
            caps.iter().map(|&c| compare(f, a, c)).collect::<Vec<_>>()
        })
        .flatten()
        .collect();
    assert!(
        bad.is_empty(),
        "{} mismatches:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

/// Hand-picked doubles: zeros, extremes, subnormals, ties, powers of ten.
fn special_doubles() -> Vec<f64> {
    let mut v = vec![
        0.0,
        -0.0,
        1.0,
        -1.0,
        0.5,
        1.5,
        2.5,
        0.125,
        0.375,
        9.5,
        99.5,
        999.5,
        0.05,
        0.15,
        0.25,
        0.35,
        1e-5,
        1e-4,
        123456.0,
        1234567.0,
        1e15,
        1e16,
        1e17,
        1e21,
        1e22,
        1e23,
        9007199254740993.0,
        0.1,
        0.2,
        0.3,
        1.0 / 3.0,
        2.0 / 3.0,
        std::f64::consts::PI,
        std::f64::consts::E,
        f64::MAX,
        -f64::MAX,
        f64::MIN_POSITIVE,
        f64::from_bits(1),
        f64::from_bits(0x000f_ffff_ffff_ffff),
        f64::from_bits(0x0008_0000_0000_0000),
        f64::EPSILON,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
        -f64::NAN,
        0.999_999_5,
        9.999_999_5,
        0.000_099_999_5,
        5e-324,
        1.7976931348623157e308,
        4.35,
        2.675,
        1.005,
    ];
    for e in -30..30 {
        v.push(10f64.powi(e));
        v.push(5.0 * 10f64.powi(e));
    }
    v
}

#[test]
fn edge_cases_doubles() {
    let convs = ["f", "F", "e", "E", "g", "G", "a", "A"];
    let mods = [
        "", "#", "+", " ", "-", "0", "+#", "-+", "08", "+012", "-12", "20", "#20", "1", " 015",
    ];
    let precs = [
        "", ".0", ".1", ".2", ".3", ".5", ".6", ".10", ".17", ".20", ".40", ".1100",
    ];
    let mut cases = Vec::new();
    for x in special_doubles() {
        for c in convs {
            for m in mods {
                for p in precs {
                    cases.push((format!("%{m}{p}{c}"), dbl(&[x])));
                }
            }
        }
    }
    let refs: Vec<(&str, CallArgs)> = cases.iter().map(|(f, a)| (f.as_str(), a.clone())).collect();
    check_all(&refs);
}

#[test]
fn edge_cases_integers() {
    let vals: [u64; 14] = [
        0,
        1,
        7,
        8,
        9,
        10,
        255,
        256,
        0x7fff_ffff,
        0x8000_0000,
        0xffff_ffff,
        i64::MAX as u64,
        i64::MIN as u64,
        u64::MAX,
    ];
    let convs = ["d", "i", "u", "o", "x", "X"];
    let lens = ["", "hh", "h", "l", "ll", "j", "z", "t"];
    let mods = [
        "", "#", "+", " ", "-", "0", "+#", "-+", "08", "+012", "-12", "20", "#20", ".0", ".5",
        "#.0", "#.3", "08.3", "-8.3", "#o", "'",
    ];
    let mut cases = Vec::new();
    for v in vals {
        for c in convs {
            for l in lens {
                for m in mods {
                    cases.push((format!("%{m}{l}{c}"), ints(&[v])));
                }
            }
        }
        for f in [
            "%p", "%20p", "%-20p|", "%+p", "% p", "%.3p", "%020p", "%c", "%5c", "%-5c|",
        ] {
            cases.push((f.to_string(), ints(&[v])));
        }
    }
    let refs: Vec<(&str, CallArgs)> = cases.iter().map(|(f, a)| (f.as_str(), a.clone())).collect();
    check_all(&refs);
}

#[test]
fn edge_cases_strings_and_misc() {
    let s = c"hello, world";
    let e = c"";
    let w: [u32; 6] = [b'w' as u32, b'i' as u32, b'd' as u32, b'e' as u32, 0, 0];
    let sp = s.as_ptr() as u64;
    let ep = e.as_ptr() as u64;
    let wp = w.as_ptr() as u64;
    let mut cases: Vec<(&str, CallArgs)> = vec![
        ("plain text", ints(&[])),
        ("", ints(&[])),
        ("100%% sure %%", ints(&[])),
        ("%s", ints(&[sp])),
        ("%20s|", ints(&[sp])),
        ("%-20s|", ints(&[sp])),
        ("%.5s|", ints(&[sp])),
        ("%8.3s|", ints(&[sp])),
        ("%.0s|", ints(&[sp])),
        ("%s|%s", ints(&[ep, sp])),
        ("%5s|", ints(&[ep])),
        ("%s", ints(&[0])),
        ("%.5s|", ints(&[0])),
        ("%.6s|", ints(&[0])),
        ("%10s|", ints(&[0])),
        ("%ls|", ints(&[wp])),
        ("%10ls|", ints(&[wp])),
        ("%.2ls|", ints(&[wp])),
        ("%lc|", ints(&[b'Z' as u64])),
        ("%p", ints(&[0])),
        ("%10p|", ints(&[0])),
        ("%-10p|", ints(&[0])),
        ("%*d|", ints(&[8, 42])),
        ("%*d|", ints(&[(-8i64) as u64, 42])),
        ("%-*d|", ints(&[(-8i64) as u64, 42])),
        ("%.*d|", ints(&[5, 42])),
        ("%.*d|", ints(&[(-5i64) as u64, 42])),
        ("%*.*d|", ints(&[9, 4, 42])),
        ("%0*d|", ints(&[9, (-42i64) as u64])),
        ("%2$d %1$d", ints(&[1, 2])),
        ("%1$d %1$x %1$o", ints(&[255])),
        ("%3$s %1$d %2$c", ints(&[7, b'q' as u64, sp])),
        ("%1$*2$d|", ints(&[5, 10])),
        ("%1$-*2$.*3$d|", ints(&[5, 10, 4])),
        ("a%cb%cc", ints(&[b'x' as u64, 0])),
        (
            "%hhd %hd %d %ld",
            ints(&[300, 70000, (-1i64) as u64, (-1i64) as u64]),
        ),
        ("%d %s %x %c %%", ints(&[42, sp, 0xbeef, b'!' as u64])),
    ];
    let fcases: Vec<(&str, CallArgs)> = vec![
        (
            "%*.*f|",
            CallArgs {
                ints: vec![12, 3],
                doubles: vec![3.14159],
            },
        ),
        (
            "%.*e|",
            CallArgs {
                ints: vec![(-1i64) as u64],
                doubles: vec![3.14159],
            },
        ),
        (
            "%2$.*1$g|",
            CallArgs {
                ints: vec![4],
                doubles: vec![3.14159],
            },
        ),
        (
            "%d %f %s %e",
            CallArgs {
                ints: vec![1, sp],
                doubles: vec![2.5, 1e300],
            },
        ),
        (
            "%3$f %1$d %2$a",
            CallArgs {
                ints: vec![9],
                doubles: vec![0.1, 0.2],
            },
        ),
    ];
    cases.extend(fcases);
    check_all(&cases);
}

#[test]
fn percent_n_stores_the_count() {
    let mut slots = [0i64; 3];
    let p = slots.as_mut_ptr() as u64;
    let args = ints(&[12345, p, (p + 8), (p + 16)]);
    let (out, n) = ours("%d%n abc%hhn%lln", &args, 100);
    assert_eq!((out.as_slice(), n), (&b"12345 abc"[..], 9));
    assert_eq!(slots[0] as i32, 5);
    assert_eq!(slots[1] as i8, 9);
    assert_eq!(slots[2], 9);
}

#[test]
fn invalid_conversions_are_printed_verbatim_and_stop() {
    let args = ints(&[1, 2, 3]);
    assert_eq!(ours("a%db%yc%d", &args, 100), (b"a1b%yc%d".to_vec(), 8));
    assert_eq!(ours("x%", &args, 100), (b"x%".to_vec(), 2));
    assert_eq!(ours("%d %2$d", &args, 100), (b"1 %2$d".to_vec(), 6));
    // Position 2 is never named, so position 3 cannot be reached.
    assert_eq!(ours("%1$d %3$d", &args, 100), (b"1 %3$d".to_vec(), 6));
    assert_eq!(ours("%1$d %d", &args, 100), (b"1 %d".to_vec(), 4));
}

#[test]
fn widths_and_precisions_over_int_max_fail() {
    // C: the output could not be counted in an int, so the engine returns
    // more than INT_MAX (the C functions: -1, EOVERFLOW) and prints
    // nothing from the conversion on.
    fn run(f: &str, args: &CallArgs) -> (Vec<u8>, usize) {
        let mut buf = vec![0u8; 100];
        let mut sink = crate::fmt::Truncating::new(&mut buf);
        let r = crate::fmt::printf::format(
            &mut sink,
            f.as_bytes(),
            &mut crate::common::TestArgs::new(args),
        )
        .unwrap();
        let _ = sink.finish();
        let kept = buf.iter().position(|&c| c == 0).unwrap_or(0);
        buf.truncate(kept);
        (buf, r)
    }
    let args = ints(&[1, 2, 3]);
    for f in [
        "a%99999999999d",
        "a%2147483648d",
        "a%.2147483648d",
        "a%-2147483648s",
        "a%1$2147483648d",
        "a%02147483648x",
        "a%.2147483648s",
    ] {
        assert_eq!(run(f, &args), (b"a".to_vec(), usize::MAX), "{f}");
    }
    // `*` with INT_MIN is a width of 2^31.
    let big = ints(&[i32::MIN as u32 as u64, 7]);
    assert_eq!(run("a%*d", &big), (b"a".to_vec(), usize::MAX));
    // A negative `*` width is `-` and its size; only INT_MIN overflows.
    let neg = ints(&[(-3i32) as u32 as u64, 7]);
    assert_eq!(run("%*d|", &neg), (b"7  |".to_vec(), 4));
    // INT_MAX itself is a width.
    assert_eq!(ours("%.2147483647d", &args, 10).0, b"000000000".to_vec());
}

/// A random double: uniform bit patterns, short decimals, binary
/// fractions that make ties, and the neighbours of special values.
fn random_double(r: &mut Rng) -> f64 {
    let x = match r.below(10) {
        0..=3 => f64::from_bits(r.next()),
        4 | 5 => {
            let k = r.below(10_000_000) as f64;
            let e = r.below(40) as i32 - 20;
            k * 10f64.powi(e)
        }
        6 | 7 => {
            let k = r.below(1 << 24) as f64;
            k / (1u64 << r.below(40)) as f64
        }
        8 => {
            let s = special_doubles();
            let x = *r.pick(&s);
            let d = r.below(5) as i64 - 2;
            f64::from_bits((x.to_bits() as i64).wrapping_add(d) as u64)
        }
        _ => f64::from_bits(r.next() >> (r.below(12) + 1)),
    };
    if r.chance(30) { -x } else { x }
}

fn random_flags(r: &mut Rng, s: &mut String) {
    for f in ['-', '+', ' ', '#', '0'] {
        if r.chance(15) {
            s.push(f);
        }
    }
}

fn random_text(r: &mut Rng, s: &mut String) {
    if r.chance(20) {
        s.push_str(r.pick(&["x=", "[", "%% ", "value: "]));
    }
}

fn gen_double(r: &mut Rng) -> (String, CallArgs) {
    let mut f = String::new();
    let mut a = CallArgs::default();
    random_text(r, &mut f);
    f.push('%');
    random_flags(r, &mut f);
    match r.below(10) {
        0..=4 => {}
        5..=8 => f.push_str(&r.below(30).to_string()),
        _ => {
            f.push('*');
            a.ints.push((r.below(61) as i64 - 30) as u64);
        }
    }
    match r.below(20) {
        0..=5 => {}
        6..=13 => f.push_str(&format!(".{}", r.below(21))),
        14..=16 => f.push_str(&format!(".{}", r.below(61))),
        17 => f.push_str(&format!(".{}", r.below(1200))),
        _ => {
            f.push_str(".*");
            a.ints.push((r.below(40) as i64 - 5) as u64);
        }
    }
    if r.chance(10) {
        f.push('l');
    }
    f.push(*r.pick(&['f', 'F', 'e', 'E', 'g', 'G', 'a', 'A']));
    random_text(r, &mut f);
    a.doubles.push(random_double(r));
    (f, a)
}

fn gen_integer(r: &mut Rng) -> (String, CallArgs) {
    let mut f = String::new();
    let mut a = CallArgs::default();
    random_text(r, &mut f);
    f.push('%');
    random_flags(r, &mut f);
    match r.below(10) {
        0..=5 => {}
        6..=8 => f.push_str(&r.below(25).to_string()),
        _ => {
            f.push('*');
            a.ints.push((r.below(51) as i64 - 25) as u64);
        }
    }
    match r.below(10) {
        0..=5 => {}
        6..=8 => f.push_str(&format!(".{}", r.below(25))),
        _ => {
            f.push_str(".*");
            a.ints.push((r.below(30) as i64 - 5) as u64);
        }
    }
    f.push_str(r.pick(&["", "hh", "h", "l", "ll", "j", "z", "t"]));
    f.push(*r.pick(&['d', 'i', 'u', 'o', 'x', 'X']));
    random_text(r, &mut f);
    let v = r.next() >> r.below(64);
    a.ints.push(if r.chance(40) { v.wrapping_neg() } else { v });
    (f, a)
}

/// 1,000,000 random doubles with random `%[flags][width][.prec]{fFeEgGaA}`
/// formats, in four parts so that the test harness runs them in parallel.
#[test]
fn random_doubles_part1() {
    random_run("random doubles 1/4", 1, 250_000, gen_double);
}
#[test]
fn random_doubles_part2() {
    random_run("random doubles 2/4", 2, 250_000, gen_double);
}
#[test]
fn random_doubles_part3() {
    random_run("random doubles 3/4", 3, 250_000, gen_double);
}
#[test]
fn random_doubles_part4() {
    random_run("random doubles 4/4", 4, 250_000, gen_double);
}

/// 200,000 random integers with random integer formats.
#[test]
fn random_integers() {
    random_run("random integers", 5, 200_000, gen_integer);
}
