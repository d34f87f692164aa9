//! UTF-8, the multibyte encoding of every locale muslin has: the decoder
//! behind `mbrtowc` and its relatives, which keeps a partial character
//! between calls in a [`State`] (C's `mbstate_t`), and the encoder behind
//! `wcrtomb`.
//!
//! The decoder accepts exactly the well-formed sequences of Unicode's
//! table 3-7: no overlong forms, no surrogates (U+D800..U+DFFF), nothing
//! above U+10FFFF. It rejects a sequence at the first byte that cannot
//! continue it, so that a prefix is reported incomplete only when some
//! continuation would make it valid (as C asks of `(size_t)-2`).

/// A multibyte conversion state: the part of a character read so far.
/// Its two words are the two words of C's `mbstate_t` (8 bytes, as in
/// musl and glibc); all zeros is the initial state.
#[repr(C)]
#[derive(Clone, Copy, Default, PartialEq, Eq, Debug)]
pub struct State {
    /// The bits of the character gathered so far (or, for the UTF-16
    /// functions of `<uchar.h>`, a surrogate kept for the next call).
    pub value: u32,
    /// Bits 0..8: continuation bytes still needed; bits 8..16 and 16..24:
    /// the lowest and highest value the next byte may have; bits 24..32:
    /// free for [`State::value`]'s other uses (0 here).
    pub pending: u32,
}

impl State {
    /// Whether no character is partly read (`mbsinit`).
    pub fn is_initial(&self) -> bool {
        self.pending == 0
    }
}

/// What [`decode`] made of its input.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Decoded {
    /// A whole character, completed by the first `len` bytes of the input
    /// (bytes kept in the state from earlier calls not counted).
    Char {
        /// The code point.
        c: u32,
        /// Input bytes consumed.
        len: usize,
    },
    /// Every input byte was consumed and the character is still
    /// incomplete; the state holds it (`(size_t)-2`).
    Incomplete,
    /// Not UTF-8 (`EILSEQ`); the state is reset to initial.
    Invalid,
}

/// Reads one character from `s`, continuing the partial character in `st`.
pub fn decode(st: &mut State, s: &[u8]) -> Decoded {
    let mut value = st.value;
    let mut need = st.pending & 0xff;
    let (mut lo, mut hi) = ((st.pending >> 8) & 0xff, (st.pending >> 16) & 0xff);
    for (i, &b) in s.iter().enumerate() {
        let b = b as u32;
        if need == 0 {
            // A lead byte: how many continuation bytes, and the range of the
            // first one, which is where overlong forms, surrogates and
            // values past U+10FFFF are cut off.
            (value, need, lo, hi) = match b {
                0..=0x7f => return Decoded::Char { c: b, len: 1 },
                0xc2..=0xdf => (b & 0x1f, 1, 0x80, 0xbf),
                0xe0 => (0, 2, 0xa0, 0xbf),
                0xed => (0xd, 2, 0x80, 0x9f),
                0xe1..=0xef => (b & 0xf, 2, 0x80, 0xbf),
                0xf0 => (0, 3, 0x90, 0xbf),
                0xf1..=0xf3 => (b & 7, 3, 0x80, 0xbf),
                0xf4 => (4, 3, 0x80, 0x8f),
                _ => return invalid(st),
            };
            continue;
        }
        if b < lo || b > hi {
            return invalid(st);
        }
        value = (value << 6) | (b & 0x3f);
        need -= 1;
        (lo, hi) = (0x80, 0xbf);
        if need == 0 {
            *st = State::default();
            return Decoded::Char {
                c: value,
                len: i + 1,
            };
        }
    }
    *st = State {
        value,
        pending: if need == 0 {
            0
        } else {
            need | (lo << 8) | (hi << 16)
        },
    };
    Decoded::Incomplete
}

/// Resets `st` and reports [`Decoded::Invalid`].
fn invalid(st: &mut State) -> Decoded {
    *st = State::default();
    Decoded::Invalid
}

/// The UTF-8 encoding of `c` in `buf`: its length, or `None` when `c` is
/// not a Unicode scalar value (a surrogate, or above U+10FFFF).
pub fn encode(c: u32, buf: &mut [u8; 4]) -> Option<usize> {
    let ch = char::from_u32(c)?;
    Some(ch.encode_utf8(buf).len())
}

/// The code point of the complete UTF-8 character at the start of `s`
/// and its length, or `None` if `s` does not start with one (incomplete
/// or invalid): `mbtowc` and the string conversions, which have no state.
pub fn decode_one(s: &[u8]) -> Option<(u32, usize)> {
    match decode(&mut State::default(), s) {
        Decoded::Char { c, len } => Some((c, len)),
        _ => None,
    }
}
