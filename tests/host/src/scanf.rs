//! muslin's scanf engine against glibc's `sscanf`: the return value and the
//! bytes stored through each pointer.

use crate::fmt::printf::Length;
use crate::fmt::scanf::{Store, scan};
use std::ffi::CString;

const SLOTS: usize = 6;
const SLOT: usize = 64;

/// Stores into the next slot exactly the bytes C would store.
struct Slots<'a> {
    mem: &'a mut [[u8; SLOT]; SLOTS],
    next: usize,
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
    fn bytes(&mut self, b: &[u8], nul: bool) {
        let mut v = b.to_vec();
        if nul {
            v.push(0);
        }
        self.put(&v);
    }
}

fn check(input: &str, fmt: &str) -> Option<String> {
    let mut ours = [[0xaau8; SLOT]; SLOTS];
    let mut theirs = [[0xaau8; SLOT]; SLOTS];
    let n_ours = scan(
        input.as_bytes(),
        fmt.as_bytes(),
        &mut Slots {
            mem: &mut ours,
            next: 0,
        },
    );
    let i = CString::new(input).unwrap();
    let f = CString::new(fmt).unwrap();
    let p: Vec<*mut u8> = theirs.iter_mut().map(|s| s.as_mut_ptr()).collect();
    // SAFETY: NUL-terminated input and format; each conversion stores at
    // most 64 bytes (widths in the tests are below 60) into its own slot.
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
    let bad: Vec<String> = cases.iter().filter_map(|(i, f)| check(i, f)).collect();
    assert!(
        bad.is_empty(),
        "{} mismatches:\n{}",
        bad.len(),
        bad.join("\n")
    );
}
