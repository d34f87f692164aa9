//! The printf engine: parses a C format string and formats the arguments a
//! [`Args`] supplies into a [`Sink`].
//!
//! Supported: flags `- + space # 0` (and `'`, accepted and ignored: the C
//! locale has no grouping), width and precision as digits or `*`, length
//! modifiers `hh h l ll j z t L`, conversions `d i u o x X c s p n % f F e E
//! g G a A`, and positional arguments (`%2$d`, `%*3$d`, `%.*4$f`).
//!
//! What differs from the C standard's "undefined":
//! - A width or precision over `i32::MAX` (written in the format, or a
//!   `*` width of `INT_MIN`) ends the output there and makes `format`
//!   return `usize::MAX`, more than an `int` holds (C's `EOVERFLOW`).
//! - An invalid conversion (unknown conversion character, a format ending
//!   inside a conversion, mixing
//!   positional and sequential conversions, a position of 0 or over
//!   [`NL_ARGMAX`], or a position whose argument cannot be read because an
//!   earlier position is never used) is printed verbatim together with the
//!   rest of the format string, and no further argument is read.
//! - `%s`/`%ls` of a null pointer print `(null)`, or nothing when the
//!   precision is below 6 (as glibc); `%p` of a null pointer prints `(nil)`.
//! - `%lc`/`%ls` encode wide characters as UTF-8; one that is not a Unicode
//!   scalar value makes `format` fail with [`Error::Ilseq`].
//! - Floating point is exact and correctly rounded (ties to even), the same
//!   bytes as glibc except where glibc is wrong: with `#`, a `%g` whose
//!   rounding carries into a new power of ten that selects style e keeps its
//!   zeros here (`%#.3g` of 999.5 is `1.00e+03`, as C says; glibc prints
//!   `1.e+03`).
//! - `L` (long double) reads [`ArgType::LongDouble`] and asks the [`Args`]
//!   for the value's layout and bits ([`Args::long_double`]); the exact
//!   value is printed by [`ldfloat`].

use super::ldfloat::LdFormat;
use super::{Sink, float, ldfloat};

/// `-`: left-justify.
pub(crate) const LEFT: u32 = 1;
/// `+`: always a sign.
pub(crate) const PLUS: u32 = 2;
/// ` `: a space where the sign of a nonnegative number would go.
pub(crate) const SPACE: u32 = 4;
/// `#`: the alternate form.
pub(crate) const ALT: u32 = 8;
/// `0`: pad with zeros.
pub(crate) const ZERO: u32 = 16;

/// The most positional arguments a format can use (`%64$d`).
pub const NL_ARGMAX: usize = 64;

/// How an argument is passed in C, which is what decides how to read it
/// from a `va_list`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ArgType {
    /// `int` (also what `char`, `short` and `wint_t` are promoted to).
    Int,
    /// `long`, `size_t`, `ptrdiff_t`.
    Long,
    /// `long long`, `intmax_t`.
    LongLong,
    /// Any pointer.
    Ptr,
    /// `double` (also `float`, promoted).
    Double,
    /// `long double`: [`Args::arg`] returns a handle (the C side: its
    /// address) that [`Args::long_double`] turns into its bits.
    LongDouble,
}

/// Every [`ArgType`], in declaration order.
const ARG_TYPES: [ArgType; 6] = [
    ArgType::Int,
    ArgType::Long,
    ArgType::LongLong,
    ArgType::Ptr,
    ArgType::Double,
    ArgType::LongDouble,
];

/// The length modifier of a conversion.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Length {
    /// None.
    None,
    /// `hh`: `char`.
    Hh,
    /// `h`: `short`.
    H,
    /// `l`: `long` (and `wint_t`/`wchar_t *` for `c`/`s`).
    L,
    /// `ll`: `long long`.
    Ll,
    /// `j`: `intmax_t`.
    J,
    /// `z`: `size_t`.
    Z,
    /// `t`: `ptrdiff_t`.
    T,
    /// `L`: `long double`.
    BigL,
}

impl Length {
    /// The length modifier at `f[*i..]` (printf's and scanf's are the
    /// same), consumed.
    #[inline(always)]
    pub(crate) fn parse(f: &[u8], i: &mut usize) -> Length {
        let at = |i: usize| f.get(i).copied().unwrap_or(0);
        let c0 = at(*i);
        let mut len = match c0 {
            b'h' => Length::H,
            b'l' => Length::L,
            b'j' => Length::J,
            b'z' => Length::Z,
            b't' => Length::T,
            b'L' => Length::BigL,
            _ => Length::None,
        };
        if len != Length::None {
            *i += 1;
            if at(*i) == c0 && (c0 == b'h' || c0 == b'l') {
                len = if c0 == b'h' { Length::Hh } else { Length::Ll };
                *i += 1;
            }
        }
        len
    }

    /// The width in bits of the integer type the modifier names (`int`
    /// for [`Length::None`]).
    pub fn bits(self) -> u32 {
        match self {
            Length::Hh => 8,
            Length::H => 16,
            Length::None => 32,
            Length::L | Length::Z | Length::T => usize::BITS,
            _ => 64,
        }
    }
}

/// The arguments of one printf call. The engine asks for each argument
/// exactly once, in order, with its C type; with positional arguments it
/// first reads every argument up to the highest position the format uses.
pub trait Args {
    /// The next argument, of type `ty`: integers in the low bits (the bits
    /// above their C type's width may hold anything: the engine narrows
    /// every value to the type the conversion names), pointers as their
    /// address, doubles as `f64::to_bits`.
    fn arg(&mut self, ty: ArgType) -> u64;
    /// The bytes of the C string at address `ptr` (not null) before its NUL,
    /// reading at most `max` bytes (a string with a precision need not be
    /// terminated).
    fn c_str(&mut self, ptr: u64, max: usize) -> &[u8];
    /// Element `i` of the `wchar_t` array at address `ptr` (not null).
    fn wide_char(&mut self, ptr: u64, i: usize) -> u32;
    /// `%n`: stores `count` through the pointer `ptr` as the integer type
    /// that `len` names (`int` for [`Length::None`]).
    fn store_count(&mut self, ptr: u64, len: Length, count: usize);
    /// The `long double` that [`arg`](Self::arg) returned `v` for
    /// ([`ArgType::LongDouble`]): its layout and raw bits. By default `v`
    /// is a double's bits.
    fn long_double(&mut self, v: u64) -> (LdFormat, u128) {
        (LdFormat::Double, v as u128)
    }
}

/// Why formatting failed.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Error {
    /// A wide character that has no encoding (`EILSEQ`).
    Ilseq,
}

/// Output position: the sink and the number of bytes written so far.
pub(crate) struct W<'a> {
    out: &'a mut dyn Sink,
    n: usize,
    /// Count only (the first pass over a positional format).
    quiet: bool,
    /// The right padding of the field being written.
    rpad: usize,
    /// The width of the conversion being written.
    pub(crate) width: usize,
}

impl W<'_> {
    #[inline(never)]
    pub(crate) fn put(&mut self, b: &[u8]) {
        if !b.is_empty() && !self.quiet {
            self.out.write(b);
        }
        self.n = self.n.saturating_add(b.len());
    }

    /// Whether the width or `prec` is over `INT_MAX`: the output could not
    /// be counted in an `int`, so it is counted as `usize::MAX` (the C
    /// functions then return -1 with EOVERFLOW) and nothing more is
    /// printed. (Not generic, so it is compiled once.)
    #[inline(never)]
    #[optimize(size)]
    fn too_wide(&mut self, prec: Option<usize>) -> bool {
        let over = (self.width | prec.unwrap_or(0)) > i32::MAX as usize;
        if over {
            self.quiet = true;
            self.n = usize::MAX;
        }
        over
    }

    /// `count` copies of `c` (`b'0'` or `b' '`).
    #[inline(never)]
    pub(crate) fn pad(&mut self, c: u8, mut count: usize) {
        let buf = [c; 32];
        while count > 0 {
            let k = count.min(buf.len());
            self.put(buf.get(..k).unwrap_or_default());
            count -= k;
        }
    }

    /// Starts a field of `len` body bytes after `prefix` (sign, `0x`):
    /// writes the left padding, the prefix and any zero fill, and keeps the
    /// right padding for [`end`](Self::end), after the body.
    pub(crate) fn begin(&mut self, flags: u32, prefix: &[u8], len: usize) {
        let fill = self.width.saturating_sub(prefix.len() + len);
        // (`LEFT` and `ZERO` never come together.)
        if flags & (LEFT | ZERO) == 0 {
            self.pad(b' ', fill);
        }
        self.put(prefix);
        if flags & ZERO != 0 {
            self.pad(b'0', fill);
        }
        self.rpad = if flags & LEFT != 0 { fill } else { 0 };
    }

    /// Ends the field [`begin`](Self::begin) started.
    pub(crate) fn end(&mut self) {
        self.pad(b' ', self.rpad);
    }
}

/// A width or precision.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Num {
    None,
    Fixed(u32),
    /// `*` (position 0) or `*n$`.
    Arg(u32),
}

/// One parsed conversion specification.
struct Spec {
    flags: u32,
    width: Num,
    prec: Num,
    len: Length,
    conv: u8,
    /// `n` of `%n$`, or 0.
    pos: usize,
    /// Index just past the conversion character.
    end: usize,
}

/// A decimal number at `f[*i..]`; past `i32::MAX` it is `i32::MAX + 1`
/// (an overflow `convert` reports; a position that large is invalid).
#[inline(never)]
#[optimize(size)]
fn number(f: &[u8], i: &mut usize) -> usize {
    let mut v = 0u64;
    while let Some(&c) = f.get(*i).filter(|c| c.is_ascii_digit()) {
        v = (v * 10 + (c - b'0') as u64).min(i32::MAX as u64 + 1);
        *i += 1;
    }
    v as usize
}

/// `n$` at `f[*i..]`: the position, consuming it, or 0 (nothing consumed).
fn position(f: &[u8], i: &mut usize) -> Option<usize> {
    let mut j = *i;
    let n = number(f, &mut j);
    if j == *i || f.get(j) != Some(&b'$') {
        return Some(0);
    }
    if n == 0 || n > NL_ARGMAX {
        return None;
    }
    *i = j + 1;
    Some(n)
}

/// A width or precision: digits, `*` or `*n$`.
fn count(f: &[u8], i: &mut usize) -> Option<Num> {
    if f.get(*i) == Some(&b'*') {
        *i += 1;
        return Some(Num::Arg(position(f, i)? as u32));
    }
    let j = *i;
    let n = number(f, i);
    Some(if *i == j {
        Num::None
    } else {
        Num::Fixed(n as u32)
    })
}

/// Parses the conversion whose `%` is at `f[start]`; `None` if invalid.
#[optimize(size)]
fn parse(f: &[u8], start: usize) -> Option<Spec> {
    let at = |i: usize| f.get(i).copied().unwrap_or(0);
    let mut i = start + 1;
    let pos = position(f, &mut i)?;
    let mut flags = 0;
    loop {
        flags |= match at(i) {
            b'-' => LEFT,
            b'+' => PLUS,
            b' ' => SPACE,
            b'#' => ALT,
            b'0' => ZERO,
            // `'` (grouping): the C locale has none.
            b'\'' => 0,
            _ => break,
        };
        i += 1;
    }
    let width = count(f, &mut i)?;
    let mut prec = Num::None;
    if at(i) == b'.' {
        i += 1;
        prec = count(f, &mut i)?;
        if prec == Num::None {
            prec = Num::Fixed(0);
        }
    }
    let len = Length::parse(f, &mut i);
    let conv = at(i);
    // (`matches!`, not `[u8]::contains`, which would link memchr.)
    if !matches!(
        conv,
        b'd' | b'i'
            | b'o'
            | b'u'
            | b'x'
            | b'X'
            | b'c'
            | b's'
            | b'p'
            | b'n'
            | b'f'
            | b'F'
            | b'e'
            | b'E'
            | b'g'
            | b'G'
            | b'a'
            | b'A'
    ) {
        return None;
    }
    // Positional and sequential references cannot mix within one spec.
    let mixed = |n: Num| matches!(n, Num::Arg(p) if (p != 0) != (pos != 0));
    if mixed(width) || mixed(prec) {
        return None;
    }
    Some(Spec {
        flags,
        width,
        prec,
        len,
        conv,
        pos,
        end: i + 1,
    })
}

/// The C type a conversion reads.
#[optimize(size)]
fn arg_type(conv: u8, len: Length) -> ArgType {
    match conv {
        b's' | b'p' | b'n' => ArgType::Ptr,
        b'c' => ArgType::Int,
        b'f' | b'F' | b'e' | b'E' | b'g' | b'G' | b'a' | b'A' => {
            if len == Length::BigL {
                ArgType::LongDouble
            } else {
                ArgType::Double
            }
        }
        _ => match len {
            Length::L | Length::Z | Length::T => ArgType::Long,
            Length::Ll | Length::J | Length::BigL => ArgType::LongLong,
            _ => ArgType::Int,
        },
    }
}

/// How [`Source`] supplies arguments.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Read in order from the [`Args`] (a sequential format).
    Direct,
    /// The first pass over a positional format: note each position's type
    /// and hand out zeros.
    Record,
    /// From the table of positional arguments read after the first pass.
    Replay,
}

/// Where arguments come from.
struct Source<'a, A: Args + ?Sized> {
    args: &'a mut A,
    mode: Mode,
    /// The positional arguments; in the first pass, each position's type
    /// as its index in [`ARG_TYPES`] plus one (0: unused).
    vals: [u64; NL_ARGMAX + 1],
    /// Positions `1..=read` are in `vals`.
    read: usize,
    /// Whether the first pass noted a type.
    noted: bool,
}

impl<A: Args + ?Sized> Source<'_, A> {
    /// The argument at `pos` (0: the next one), or `None` if it cannot be had.
    #[optimize(size)]
    fn get(&mut self, pos: usize, ty: ArgType) -> Option<u64> {
        match self.mode {
            Mode::Direct => Some(self.args.arg(ty)),
            Mode::Record => {
                if let Some(t) = self.vals.get_mut(pos) {
                    *t = ty as u64 + 1;
                }
                self.noted = true;
                Some(0)
            }
            Mode::Replay => self.vals.get(pos).copied().filter(|_| pos <= self.read),
        }
    }

    /// A width or precision: `Some(None)` when absent, the argument (an
    /// `int`) for `*`; `None` if that cannot be had.
    #[optimize(size)]
    fn num(&mut self, n: Num) -> Option<Option<i64>> {
        Some(match n {
            Num::None => None,
            Num::Fixed(v) => Some(v as i64),
            Num::Arg(p) => Some(self.get(p as usize, ArgType::Int)? as i32 as i64),
        })
    }
}

/// Formats `fmt` (without its NUL) with `args` into `out`, as C's `printf`
/// does, and returns the number of bytes written. See the module docs for
/// what invalid formats do.
///
/// The first conversion decides whether the format is positional. A first
/// pass runs the format with a [`Mode::Record`] source: for a positional
/// format it notes the type of every position the conversions use, up to
/// the first invalid one (a sequential format stops it at its first
/// conversion). The arguments are then read in order of position, up to
/// the first that no conversion names, and the second pass prints.
#[optimize(size)]
pub fn format<A: Args + ?Sized>(
    out: &mut dyn Sink,
    fmt: &[u8],
    args: &mut A,
) -> Result<usize, Error> {
    let mut src = Source {
        args,
        mode: Mode::Record,
        vals: [0; NL_ARGMAX + 1],
        read: 0,
        noted: false,
    };
    run(out, fmt, &mut src)?;
    let mut k = 1;
    while let Some(&ty) = src
        .vals
        .get(k)
        .and_then(|&t| ARG_TYPES.get(t.wrapping_sub(1) as usize))
    {
        let v = src.args.arg(ty);
        if let Some(x) = src.vals.get_mut(k) {
            *x = v;
        }
        k += 1;
    }
    src.read = k - 1;
    src.mode = if src.noted {
        Mode::Replay
    } else {
        Mode::Direct
    };
    run(out, fmt, &mut src)
}

/// One pass over the format; positional when `src` is not [`Mode::Direct`].
#[optimize(size)]
fn run<A: Args + ?Sized>(
    out: &mut dyn Sink,
    f: &[u8],
    src: &mut Source<'_, A>,
) -> Result<usize, Error> {
    // The first pass prints nothing.
    let mut w = W {
        out,
        n: 0,
        quiet: src.mode == Mode::Record,
        rpad: 0,
        width: 0,
    };
    let positional = src.mode != Mode::Direct;
    let mut i = 0;
    loop {
        let rest = f.get(i..).unwrap_or_default();
        let Some(k) = rest.iter().position(|&c| c == b'%') else {
            w.put(rest);
            break;
        };
        w.put(rest.get(..k).unwrap_or_default());
        let lit = i + k;
        if f.get(lit + 1) == Some(&b'%') {
            w.put(b"%");
            i = lit + 2;
            continue;
        }
        match parse(f, lit).filter(|s| (s.pos != 0) == positional) {
            Some(s) if convert(&mut w, &s, src)? => i = s.end,
            _ => {
                w.put(rest.get(k..).unwrap_or_default());
                break;
            }
        }
    }
    Ok(w.n)
}

/// Formats one conversion; `Ok(false)` if an argument it needs cannot be had.
#[inline(never)]
#[optimize(size)]
fn convert<A: Args + ?Sized>(
    w: &mut W<'_>,
    s: &Spec,
    src: &mut Source<'_, A>,
) -> Result<bool, Error> {
    let mut flags = s.flags;
    let (Some(wv), Some(pv)) = (src.num(s.width), src.num(s.prec)) else {
        return Ok(false);
    };
    // A negative `*` width is `-` and its size; a negative precision none.
    let wv = wv.unwrap_or(0);
    if wv < 0 {
        flags |= LEFT;
    }
    w.width = wv.unsigned_abs() as usize;
    let prec = pv.filter(|&v| v >= 0).map(|v| v as usize);
    if flags & LEFT != 0 {
        flags &= !ZERO;
    }
    let Some(v) = src.get(s.pos, arg_type(s.conv, s.len)) else {
        return Ok(false);
    };
    if w.too_wide(prec) {
        return Ok(true);
    }
    let conv = s.conv;
    let mut buf = [0u8; 4];
    // The conversions that print a plain string pick it here.
    let t: &[u8] = match conv {
        b'p' if v == 0 => b"(nil)",
        b'd' | b'i' | b'u' | b'o' | b'x' | b'X' | b'p' => {
            integer(w, v, s.len, conv, flags, prec);
            return Ok(true);
        }
        b'c' if s.len == Length::L => {
            let n = utf8(v as u32, &mut buf).ok_or(Error::Ilseq)?;
            buf.get(..n).unwrap_or_default()
        }
        b'c' => {
            buf[0] = v as u8;
            &buf[..1]
        }
        b's' if v == 0 && prec.is_some_and(|p| p < 6) => b"",
        b's' if v == 0 => b"(null)",
        b's' if s.len == Length::L => {
            wide(w, src.args, v, flags, prec)?;
            return Ok(true);
        }
        b's' => src.args.c_str(v, prec.unwrap_or(usize::MAX)),
        b'n' => {
            // (Never in the first pass, where every pointer is null.)
            if v != 0 {
                src.args.store_count(v, s.len, w.n);
            }
            return Ok(true);
        }
        _ => {
            let (f, bits) = if s.len == Length::BigL {
                src.args.long_double(v)
            } else {
                (LdFormat::Double, v as u128)
            };
            // Where `long double` is `double` (arm, and a source with no
            // long double of its own), the smaller double-only engine;
            // else one engine for both (a double is one of its formats).
            // (The format of a zero is a constant: no memory is read.)
            if src.args.long_double(0).0 == LdFormat::Double {
                float::format(w, f64::from_bits(bits as u64), conv, flags, prec);
            } else {
                ldfloat::format(w, f, bits, conv, flags, prec);
            }
            return Ok(true);
        }
    };
    text(w, flags, t);
    Ok(true)
}

/// A plain string field (`%c`, `%s`, `(nil)`).
#[optimize(size)]
fn text(w: &mut W<'_>, flags: u32, s: &[u8]) {
    w.begin(flags & !ZERO, b"", s.len());
    w.put(s);
    w.end();
}

/// UTF-8 of the scalar value `c` into `buf`; its length, or `None`.
#[optimize(size)]
fn utf8(c: u32, buf: &mut [u8; 4]) -> Option<usize> {
    if c < 0x80 {
        buf[0] = c as u8;
        return Some(1);
    }
    if (0xd800..0xe000).contains(&c) || c > 0x10ffff {
        return None;
    }
    let n = if c < 0x800 {
        2
    } else if c < 0x10000 {
        3
    } else {
        4
    };
    // Lead byte: n high bits set; then 6 bits per continuation byte.
    let mut v = c;
    for k in (1..n).rev() {
        buf[k] = 0x80 | (v & 0x3f) as u8;
        v >>= 6;
    }
    buf[0] = (0xf00u32 >> n) as u8 | v as u8;
    Some(n)
}

/// `%ls`: the wide string at `ptr`, encoded, at most `prec` bytes of whole
/// characters.
#[optimize(size)]
fn wide<A: Args + ?Sized>(
    w: &mut W<'_>,
    args: &mut A,
    ptr: u64,
    flags: u32,
    prec: Option<usize>,
) -> Result<(), Error> {
    let max = prec.unwrap_or(usize::MAX);
    let mut buf = [0u8; 4];
    // First pass: the length in bytes.
    let (mut len, mut chars) = (0usize, 0usize);
    loop {
        let c = args.wide_char(ptr, chars);
        if c == 0 {
            break;
        }
        let n = utf8(c, &mut buf).ok_or(Error::Ilseq)?;
        if len + n > max {
            break;
        }
        len += n;
        chars += 1;
    }
    w.begin(flags & !ZERO, b"", len);
    for k in 0..chars {
        let n = utf8(args.wide_char(ptr, k), &mut buf).unwrap_or(0);
        w.put(buf.get(..n).unwrap_or_default());
    }
    w.end();
    Ok(())
}

/// Integer conversions `d i u o x X` and `p` (as `%#lx`).
#[optimize(size)]
fn integer(w: &mut W<'_>, raw: u64, len: Length, conv: u8, mut flags: u32, prec: Option<usize>) {
    let signed = conv == b'd' || conv == b'i';
    let bits = if conv == b'p' {
        usize::BITS
    } else {
        len.bits()
    };
    let shift = 64 - bits;
    let (neg, v) = if signed {
        let s = ((raw << shift) as i64) >> shift;
        (s < 0, s.unsigned_abs())
    } else {
        (false, (raw << shift) >> shift)
    };
    let sc = if signed || conv == b'p' {
        sign(neg, flags)
    } else {
        0
    };
    let (base, upper) = match conv {
        b'o' => (8, false),
        b'x' | b'p' => (16, false),
        b'X' => (16, true),
        _ => (10, false),
    };
    if conv == b'p' {
        flags |= ALT;
    }
    let pre = [sc, b'0', if upper { b'X' } else { b'x' }];
    let prefix = prefix(&pre, base == 16 && flags & ALT != 0 && v != 0);
    let mut buf = [0u8; 24];
    let ndig = float::utoa(&mut buf, v, base, upper, 0);
    let body = float::tail(&buf, ndig);
    let mut zeros = match prec {
        Some(p) => {
            flags &= !ZERO;
            p.saturating_sub(ndig)
        }
        None => (ndig == 0) as usize,
    };
    // (The digits never start with 0.)
    if conv == b'o' && flags & ALT != 0 && zeros == 0 {
        zeros = 1;
    }
    w.begin(flags, prefix, zeros + ndig);
    w.pad(b'0', zeros);
    w.put(body);
    w.end();
}

/// The prefix in `pre` (`[sign or 0, b'0', b'x' or b'X']`): the sign if
/// there is one, then `0x` if `hex`.
pub(crate) fn prefix(pre: &[u8; 3], hex: bool) -> &[u8] {
    pre.get((pre[0] == 0) as usize..if hex { 3 } else { 1 })
        .unwrap_or_default()
}

/// The sign character: `-` if `neg`, else `+` or ` ` as `flags` ask, or
/// 0 for none.
#[optimize(size)]
pub(crate) fn sign(neg: bool, flags: u32) -> u8 {
    if neg {
        b'-'
    } else if flags & PLUS != 0 {
        b'+'
    } else if flags & SPACE != 0 {
        b' '
    } else {
        0
    }
}

/// [`Args`] over a slice of raw values, for Rust callers and tests:
/// integers and pointers as `u64`, doubles as bits. Strings are not
/// supported (`%s` prints nothing, `%n` stores nothing).
pub struct SliceArgs<'a> {
    vals: &'a [u64],
    next: usize,
}

impl<'a> SliceArgs<'a> {
    /// Arguments taken in order from `vals`; missing ones read as 0.
    pub fn new(vals: &'a [u64]) -> Self {
        SliceArgs { vals, next: 0 }
    }
}

impl Args for SliceArgs<'_> {
    fn arg(&mut self, _ty: ArgType) -> u64 {
        let v = self.vals.get(self.next).copied().unwrap_or(0);
        self.next += 1;
        v
    }
    fn c_str(&mut self, _ptr: u64, _max: usize) -> &[u8] {
        b""
    }
    fn wide_char(&mut self, _ptr: u64, _i: usize) -> u32 {
        0
    }
    fn store_count(&mut self, _ptr: u64, _len: Length, _count: usize) {}
}
