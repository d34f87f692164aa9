//! muslin's UTF-8 decoder (`fmt::utf8`, behind `mbrtowc`) against glibc's
//! `mbrtowc` in the C.UTF-8 locale: every sequence of one to three bytes
//! and random four-byte ones, whole and fed one byte at a time.
//!
//! One difference is intended: glibc reports any incomplete prefix as
//! `(size_t)-2`, while muslin (as musl) rejects a prefix at once when no
//! continuation can make it valid (`e0 80`, `ed a0`, `f4 90`), as C asks
//! (-2 is for "an incomplete, but potentially valid" character). Such
//! cases are checked to be dead ends in glibc too. glibc's acceptance of
//! code points above U+10FFFF counts as a rejection.

use crate::common::{Rng, seed};
use crate::fmt::utf8::{Decoded, State, decode, encode};

unsafe extern "C" {
    /// glibc's mbrtowc(3) (the `libc` crate does not declare it).
    fn mbrtowc(
        pwc: *mut libc::wchar_t,
        s: *const libc::c_char,
        n: usize,
        ps: *mut libc::mbstate_t,
    ) -> usize;
}

/// glibc's `mbrtowc` on `s` from the initial state, in C.UTF-8:
/// `Some((c, len))`, or `None` for -1, `Some((0, usize::MAX))` for -2.
fn glibc(s: &[u8]) -> Option<(u32, usize)> {
    // SAFETY: a zeroed mbstate_t is the initial state; `s` is readable.
    unsafe {
        let mut st: libc::mbstate_t = std::mem::zeroed();
        let mut wc: libc::wchar_t = 0;
        let r = mbrtowc(&mut wc, s.as_ptr().cast(), s.len(), &mut st);
        match r {
            usize::MAX => None,
            x if x == usize::MAX - 1 => Some((0, usize::MAX)),
            // glibc decodes values past U+10FFFF (up to 0x7FFFFFFF, from
            // the old five- and six-byte forms too); Unicode and muslin (as
            // musl) reject them.
            _ if wc as u32 > 0x10ffff => None,
            n => Some((wc as u32, n.max(1))),
        }
    }
}

/// muslin's answer on `s` in the same form.
fn ours(s: &[u8]) -> Option<(u32, usize)> {
    match decode(&mut State::default(), s) {
        Decoded::Char { c, len } => Some((c, len)),
        Decoded::Incomplete => Some((0, usize::MAX)),
        Decoded::Invalid => None,
    }
}

/// The same, fed one byte per call through the state.
fn ours_bytewise(s: &[u8]) -> Option<(u32, usize)> {
    let mut st = State::default();
    for (i, &b) in s.iter().enumerate() {
        match decode(&mut st, &[b]) {
            Decoded::Char { c, .. } => return Some((c, i + 1)),
            Decoded::Incomplete => {}
            Decoded::Invalid => return None,
        }
    }
    Some((0, usize::MAX))
}

fn set_locale() {
    // SAFETY: a valid name; the tests of this module only read the locale.
    let r = unsafe { libc::setlocale(libc::LC_CTYPE, c"C.UTF-8".as_ptr()) };
    assert!(!r.is_null(), "the host has no C.UTF-8 locale");
}

/// Whether glibc decodes some completion of the prefix `s` to a character:
/// the next byte at each boundary of the continuation ranges, then 0x80s.
fn potentially_valid(s: &[u8]) -> bool {
    [0x80u8, 0x8f, 0x90, 0x9f, 0xa0, 0xbf].iter().any(|&b| {
        let mut t = s.to_vec();
        t.push(b);
        (0..3).any(|_| {
            let ok = matches!(glibc(&t), Some((_, n)) if n != usize::MAX);
            t.push(0x80);
            ok
        })
    })
}

fn compare(s: &[u8], bad: &mut Vec<String>) {
    let g = glibc(s);
    for (how, m) in [("whole", ours(s)), ("bytewise", ours_bytewise(s))] {
        let early_reject = m.is_none() && g == Some((0, usize::MAX)) && !potentially_valid(s);
        if m != g && !early_reject && bad.len() < 20 {
            bad.push(format!("{s:02x?} {how}: muslin {m:?}, glibc {g:?}"));
        }
    }
}

#[test]
fn utf8_short_sequences() {
    set_locale();
    let mut bad = Vec::new();
    for a in 1..=255u8 {
        compare(&[a], &mut bad);
        for b in 0..=255u8 {
            compare(&[a, b], &mut bad);
            if a >= 0xe0 {
                for c in 0..=255u8 {
                    compare(&[a, b, c], &mut bad);
                }
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn utf8_random_four_bytes() {
    set_locale();
    let seed = seed();
    let mut bad = Vec::new();
    for i in 0..2_000_000u64 {
        let mut r = Rng::for_case(seed, 0x75_74_66, i);
        let lead = 0xf0 + r.below(16) as u8;
        let mut s = [lead, 0, 0, 0];
        for b in s.iter_mut().skip(1) {
            // Mostly continuation bytes, so that most reach the end.
            *b = if r.chance(90) { 0x80 + r.below(64) as u8 } else { r.below(256) as u8 };
        }
        compare(&s, &mut bad);
    }
    assert!(bad.is_empty(), "seed {seed}:\n{}", bad.join("\n"));
}

#[test]
fn utf8_encode_round_trip() {
    for c in 0..=0x11_0000u32 {
        let mut buf = [0u8; 4];
        let n = encode(c, &mut buf);
        let scalar = char::from_u32(c).is_some();
        assert_eq!(n.is_some(), scalar, "U+{c:X}");
        if let Some(n) = n {
            assert_eq!(ours(&buf[..n]), Some((c, n.max(1))), "U+{c:X}");
        }
    }
}
