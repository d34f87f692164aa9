//! Number formatting and parsing: the engines behind the printf family,
//! `strtod`/`strtof`, the `strtol` family and the scanf family.
//!
//! Everything here is ordinary safe Rust over byte slices, with no reference
//! to the rest of muslin, so that it also builds on the host (see
//! `tests/host/`, which compares it with glibc). The C side supplies
//! arguments through [`printf::Args`] / [`scanf::Store`] and receives output
//! through [`Sink`]; those implementations are where raw pointers and
//! `VaList`s are touched.
//!
//! - [`printf::format`]: C99 `printf` formatting, exact floating point.
//! - [`float`]: exact decimal and hexadecimal expansion of doubles.
//! - [`ldfloat`]: the same for `long double` in each arch's layout (only
//!   `%L` conversions reach it).
//! - [`ldparse`]: correctly rounded `strtold` in each arch's layout.
//! - [`strtod`]: correctly rounded `strtod`/`strtof`.
//! - [`int`]: the integer parser of the `strtol` family and scanf, with C's
//!   clamping to each type.
//! - [`scanf::scan`]: `sscanf` over a byte slice.
//! - [`utf8`]: the UTF-8 decoder and encoder of the multibyte functions.
//! - [`unicode`]: Unicode classes, case mappings and widths for
//!   `<wctype.h>` and `wcwidth`.

pub mod float;
pub mod int;
pub mod ldfloat;
pub mod ldparse;
pub mod printf;
pub mod scanf;
pub mod strtod;
pub mod unicode;
pub mod utf8;

/// Where formatted output goes: a buffer (`snprintf`), a descriptor
/// (`dprintf`) or a `FILE`.
pub trait Sink {
    /// Appends `bytes` to the output. Errors are the sink's own business
    /// (a `FILE` records them in its error flag); the engine counts bytes.
    fn write(&mut self, bytes: &[u8]);
}

/// A [`Sink`] over a fixed buffer with `snprintf` semantics: it keeps the
/// first `buf.len() - 1` bytes and counts all of them, and
/// [`finish`](Self::finish) writes the terminating NUL.
pub struct Truncating<'a> {
    buf: &'a mut [u8],
    /// Bytes offered so far (kept or not).
    pub len: usize,
}

impl<'a> Truncating<'a> {
    /// A sink over `buf`; an empty `buf` keeps nothing (`snprintf(NULL, 0)`).
    pub fn new(buf: &'a mut [u8]) -> Self {
        Truncating { buf, len: 0 }
    }

    /// Writes the terminating NUL (if the buffer has room for anything) and
    /// returns the full length of the output, as `snprintf` does.
    pub fn finish(self) -> usize {
        if !self.buf.is_empty() {
            let end = self.len.min(self.buf.len() - 1);
            self.buf[end] = 0;
        }
        self.len
    }
}

impl Sink for Truncating<'_> {
    fn write(&mut self, bytes: &[u8]) {
        let cap = self.buf.len().saturating_sub(1);
        if self.len < cap {
            let n = bytes.len().min(cap - self.len);
            self.buf[self.len..self.len + n].copy_from_slice(&bytes[..n]);
        }
        self.len += bytes.len();
    }
}

/// What a `strto*` parser made of the start of a string: [`strtod`]'s
/// `strtod`/`strtof` and [`int`]'s `strtol` family.
#[derive(Clone, Copy, PartialEq, Debug)]
pub struct Parsed<T> {
    /// The value (0 when nothing was consumed).
    pub value: T,
    /// Bytes consumed: `endptr - nptr`.
    pub consumed: usize,
    /// `errno` should be set to `ERANGE`.
    pub range_error: bool,
}

/// C's `isspace` in the C locale: space, `\t`, `\n`, `\v`, `\f`, `\r`.
/// The one definition: the parsers here and C's `isspace` use it.
pub(crate) fn is_space(c: u8) -> bool {
    c == b' ' || (b'\t'..=b'\r').contains(&c)
}

/// The value of `c` as a digit in bases up to 36 (`0`–`9`, then `a`–`z`
/// or `A`–`Z`), or 99: every digit test of the parsers here is
/// `digit_value(c) < base`.
pub(crate) fn digit_value(c: u8) -> u32 {
    match c {
        b'0'..=b'9' => (c - b'0') as u32,
        b'a'..=b'z' => (c - b'a') as u32 + 10,
        b'A'..=b'Z' => (c - b'A') as u32 + 10,
        _ => 99,
    }
}

/// The decimal number at `s[*i..]` (possibly no digits: 0), consumed;
/// `None` as soon as its value passes `cap`, leaving `*i` at the digit that
/// passed it. printf's widths and precisions, and through
/// [`decimal_saturating`] scanf's widths and strtod's exponents.
#[inline(always)]
pub(crate) fn decimal(s: &[u8], i: &mut usize, cap: u64) -> Option<u64> {
    let mut v = 0u64;
    while let Some(&c) = s.get(*i).filter(|c| c.is_ascii_digit()) {
        v = v * 10 + (c - b'0') as u64;
        if v > cap {
            return None;
        }
        *i += 1;
    }
    Some(v)
}

/// [`decimal`] with every digit consumed and the value saturated at `cap`
/// (`cap` below 2^60).
pub(crate) fn decimal_saturating(s: &[u8], i: &mut usize, cap: u64) -> u64 {
    decimal(s, i, cap).unwrap_or_else(|| {
        while s.get(*i).is_some_and(|c| c.is_ascii_digit()) {
            *i += 1;
        }
        cap
    })
}
