//! muslin's scanf engine against glibc's `sscanf`: the return value and the
//! bytes stored through each pointer.

use crate::fmt::printf::Length;
use crate::fmt::scanf::{Input, Store, scan};
use std::ffi::CString;

const SLOTS: usize = 6;
const SLOT: usize = 128;

/// Stores into the next slot exactly the bytes C would store.
struct Slots<'a> {
    mem: &'a mut [[u8; SLOT]; SLOTS],
    next: usize,
    /// The array being stored (`%s`, `%c`, `%[`).
    array: Vec<u8>,
}

impl Slots<'_> {
    fn put(&mut self, b: &[u8]) {
        self.mem[self.next][..b.len()].copy_from_slice(b);
        self.next += 1;
    }
}

impl Store for Slots<'_> {
    fn int(&mut self, len: Length, v: u64) {
        let n = match len {
            Length::Hh => 1,
            Length::H => 2,
            Length::None => 4,
            _ => 8,
        };
        self.put(&v.to_le_bytes()[..n]);
    }
    fn f32(&mut self, v: f32) {
        self.put(&v.to_le_bytes());
    }
    fn f64(&mut self, _len: Length, v: f64) {
        self.put(&v.to_le_bytes());
    }
    fn begin(&mut self) {
        self.array.clear();
    }
    fn append(&mut self, b: &[u8]) {
        self.array.extend_from_slice(b);
    }
    fn end(&mut self, nul: bool) {
        let mut v = std::mem::take(&mut self.array);
        if nul {
            v.push(0);
        }
        self.put(&v);
    }
}

/// A stream that hands out one byte at a time, as an unbuffered `FILE`
/// does: every field then crosses chunk boundaries.
struct Trickle<'a>(&'a [u8]);

impl Input for Trickle<'_> {
    fn chunk(&mut self) -> &[u8] {
        &self.0[..self.0.len().min(1)]
    }
    fn consume(&mut self, n: usize) {
        self.0 = &self.0[n..];
    }
}

/// Scans `input` as a slice and as a one-byte-at-a-time stream; both must
/// agree (return value, stores and the bytes left over).
fn scan_both(input: &str, fmt: &str, mem: &mut [[u8; SLOT]; SLOTS]) -> i32 {
    let mut whole = input.as_bytes();
    let n = scan(
        &mut whole,
        fmt.as_bytes(),
        &mut Slots {
            mem,
            next: 0,
            array: Vec::new(),
        },
    );
    let mut other = [[0xaau8; SLOT]; SLOTS];
    let mut trickle = Trickle(input.as_bytes());
    let m = scan(
        &mut trickle,
        fmt.as_bytes(),
        &mut Slots {
            mem: &mut other,
            next: 0,
            array: Vec::new(),
        },
    );
    assert!(
        n == m && *mem == other && whole == trickle.0,
        "sscanf({input:?}, {fmt:?}): the slice and the stream disagree"
    );
    n
}

fn check(input: &str, fmt: &str) -> Option<String> {
    let mut ours = [[0xaau8; SLOT]; SLOTS];
    let mut theirs = [[0xaau8; SLOT]; SLOTS];
    let n_ours = scan_both(input, fmt, &mut ours);
    let i = CString::new(input).unwrap();
    let f = CString::new(fmt).unwrap();
    let p: Vec<*mut u8> = theirs.iter_mut().map(|s| s.as_mut_ptr()).collect();
    // SAFETY: NUL-terminated input and format; each conversion stores at
    // most 128 bytes (no input here is longer than 100) into its own slot.
    let n_theirs =
        unsafe { libc::sscanf(i.as_ptr(), f.as_ptr(), p[0], p[1], p[2], p[3], p[4], p[5]) };
    (n_ours != n_theirs || ours != theirs).then(|| {
        let show = |m: &[[u8; SLOT]; SLOTS]| {
            m.iter()
                .map(|s| {
                    let end = s.iter().rposition(|&b| b != 0xaa).map_or(0, |k| k + 1);
                    format!("{:02x?}", &s[..end])
                })
                .collect::<Vec<_>>()
                .join(" ")
        };
        format!(
            "sscanf({input:?}, {fmt:?}): muslin {n_ours} [{}], glibc {n_theirs} [{}]",
            show(&ours),
            show(&theirs)
        )
    })
}

#[test]
fn sscanf_against_glibc() {
    let cases: &[(&str, &str)] = &[
        ("42", "%d"),
        ("  -42 17", "%d %d"),
        ("-42 17", "%d%d"),
        ("12345", "%3d%d"),
        ("0x1f 017 99", "%i %i %i"),
        ("0x1f", "%x"),
        ("1F", "%X"),
        ("777", "%o"),
        ("-1", "%u"),
        ("300", "%hhd"),
        ("70000", "%hd"),
        ("123456789012", "%lld"),
        ("123456789012", "%ld"),
        ("4294967295", "%u"),
        ("abc", "%d"),
        ("", "%d"),
        ("   ", "%d"),
        ("1", "%d %d"),
        ("1 x", "%d %d"),
        ("hello world", "%s %s"),
        ("hello world", "%3s%s"),
        ("  padded", "%s"),
        ("abc", "%c"),
        ("abc", "%2c%c"),
        (" abc", "%c"),
        (" abc", " %c"),
        ("abcdef", "%[a-c]%s"),
        ("abc]def", "%[]abc]%s"),
        ("hello, world", "%[^,], %s"),
        ("a-b", "%[a-]%s"),
        ("xyz", "%[abc]"),
        ("123abc", "%d%n%s"),
        ("12 34", "%*d %d"),
        ("12 34", "%*d %*d"),
        ("x=5", "x=%d"),
        ("x=5", "y=%d"),
        ("100%", "%d%%"),
        ("100 %", "%d %%"),
        ("3.25", "%f"),
        ("3.25", "%lf"),
        ("-1.5e3 2", "%lf %d"),
        ("1e400", "%lf"),
        ("0x1.8p1", "%lf"),
        ("inf nan", "%lf %lf"),
        ("1.23456789", "%4lf%lf"),
        ("  .5", "%g"),
        ("1.5abc", "%e%s"),
        ("0.1", "%f"),
        ("16777217", "%f"),
        ("abc", "%d%s"),
        ("42", "%n%d%n"),
        ("  42", "%n%d"),
        ("7 8 9", "%d %d %d"),
        ("ff", "%2x"),
        ("-0x10", "%x"),
        ("+5", "%u"),
        ("9223372036854775807", "%lld"),
        ("a", "%5c"),
    ];
    // Where a number ends: the longest prefix that could start one, with
    // one byte of look-ahead (glibc's rule); `%n%s` shows what is left.
    let prefixes = [
        "100ergs", "0xg", "1e+", "1e+x", "infx", "infinitx", "infinityx", "nan(12)x", "0x",
        "0x1p", "0x1px", "0x.p1", ".e1", ".", "-.5x", "+-1", "-x", "1.5e", "1.5E-3x",
        "0x1.8p+1y", "0X1P-2z", "INFx", "nanx", "na", "in", "00012x", "1e", "1.e2x", "0xx",
        "0x.x", "-0x", "e5", "  -inf", "1..2", "0779", "08", "0b1", "-", "+", "- 5", "0X", "0xG",
        "12345678901234567890123", "-9223372036854775809", "18446744073709551616",
        "000000000000000000000000000000000000000000000000000000000000000000000000000000000000001",
        "0.000000000000000000000000000000000000000000000000000000000000000000000000000000001e80",
    ];
    let mut all: Vec<(&str, &str)> = cases.to_vec();
    for p in prefixes {
        for f in [
            "%lf%n%s", "%lli%n%s", "%llx%n%s", "%llu%n%s", "%llo%n%s", "%3lf%n%s", "%2lf%n%s",
            "%2lli%n%s", "%2llx%n%s", "%3lli%n%s", "%1lf%n%s",
        ] {
            all.push((p, f));
        }
    }
    // Where glibc takes a prefix of a number as the number (`10e`, `1e+`,
    // `0x`, `0x.`): ISO C says the conversion fails, and muslin follows
    // it (as musl does), so there the first conversion must fail instead.
    let iso_incomplete = [
        "100ergs", "0xg", "1e+", "1e+x", "0x", "0x1p", "0x1px", "0x.p1", "1.5e", "0x1.8p+1y",
        "0X1P-2z", "1e", "1.e2x", "0xx", "0x.x", "-0x", "0X", "0xG", "10e", " 0x12 0x34",
    ];
    // Cases where muslin keeps to ISO C and glibc does not, with muslin's
    // return value and the bytes consumed (`%n`), or `None` for no store.
    let iso_cases: &[(&str, &str, i32, Option<i32>)] = &[
        // `%Nc` needs N bytes: the second field is an input failure.
        ("hello, world\n", "%8c%8c", 1, None),
        ("a", "%5c", -1, None),
        // `%2i` of `0x34` reads `0x`, no number.
        (" 0x12 0x34", "%5i%2i", 1, None),
        ("10e", "%lf", 0, None),
        ("1e+", "%lf", 0, None),
        ("0x", "%lf", 0, None),
        ("0x.p", "%lf", 0, None),
        ("in", "%lf", 0, None),
        ("nan(", "%lf", 0, None),
        ("nan(abc", "%lf", 0, None),
        // A closed `nan(...)` is one number (glibc stops after `nan`).
        ("nan(12)x", "%lf%n%s", 2, Some(7)),
    ];
    let mut bad: Vec<String> = Vec::new();
    for &(input, fmt, want, consumed) in iso_cases {
        let mut ours = [[0xaau8; SLOT]; SLOTS];
        let n = scan_both(input, fmt, &mut ours);
        let got_n = consumed.map(|_| i32::from_le_bytes(ours[1][..4].try_into().unwrap()));
        if n != want || got_n != consumed {
            bad.push(format!(
                "sscanf({input:?}, {fmt:?}): muslin {n} (consumed {got_n:?}), ISO C {want} ({consumed:?})"
            ));
        }
    }
    all.retain(|(i, f)| !iso_cases.iter().any(|c| c.0 == *i && c.1 == *f));
    for (i, f) in &all {
        let Some(m) = check(i, f) else { continue };
        if iso_incomplete.contains(i) {
            let mut ours = [[0xaau8; SLOT]; SLOTS];
            if scan_both(i, f, &mut ours) == 0 {
                continue;
            }
        }
        bad.push(m);
    }
    assert!(
        bad.is_empty(),
        "{} mismatches:\n{}",
        bad.len(),
        bad.join("\n")
    );
}
