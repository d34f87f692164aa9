//! The scanf engine: conversions `d i u o x X p s c [ ] n f e g a E G F A`
//! and `%%`, with widths, `*` (assignment suppression) and the length
//! modifiers `hh h l ll j z t L`, over any [`Input`] (a byte slice for
//! `sscanf`, a `FILE` for `fscanf`).
//!
//! The engine looks one byte ahead and never pushes back more than that
//! byte, as glibc's does: a field is the longest prefix of the input that
//! can start a number, and as ISO C says (and musl does; glibc does not)
//! it must be a whole number, or the conversion fails: `100ergs` read with
//! `%lf` consumes `100e` and fails (glibc stores 100), as do `1e+`, `0x`,
//! `0x.`, `infinit` and an unclosed `nan(`; `%i` of `0x` fails too. The
//! value is what `strtol`/`strtoul`/`strtod` make of the field (clamped
//! on overflow). `%Nc` needs exactly N bytes (fewer: input failure;
//! glibc takes them), and `%p` reads printf's `(nil)` as a null pointer. A floating-point field is at most [`FIELD_MAX`] bytes, as if
//! its width were that; integer fields have no such limit.
//! Not supported (the scan stops there, as at a matching failure): wide
//! conversions (`%lc`, `%ls`, `%l[`) and positional arguments (`%1$d`).

use super::ldfloat::LdFormat;
use super::printf::Length;
use super::{decimal_saturating, digit_value, int, is_space, ldparse, strtod};

/// The longest floating-point field read (longer ones end there).
pub const FIELD_MAX: usize = 512;
/// Room for an integer field's text: sign, prefix and 70 significant
/// digits overflow 64 bits in any base, and further digits are dropped.
const INT_MAX: usize = 80;

/// Where the scanned bytes come from.
pub trait Input {
    /// The bytes available now, without consuming them: empty only at the
    /// end of the input (or on a read error).
    fn chunk(&mut self) -> &[u8];
    /// Consumes the first `n` bytes of the last [`chunk`](Self::chunk).
    fn consume(&mut self, n: usize);
}

impl Input for &[u8] {
    fn chunk(&mut self) -> &[u8] {
        self
    }
    fn consume(&mut self, n: usize) {
        *self = &self[n..];
    }
}

/// Where the scanned values go: each assignment stores through the next
/// pointer argument.
pub trait Store {
    /// An integer conversion or `%n`: store `v` (two's complement) as the
    /// integer type that `len` names (`int` for [`Length::None`]).
    fn int(&mut self, len: Length, v: u64);
    /// A `float` (`%f` without a length modifier).
    fn f32(&mut self, v: f32);
    /// A `double` (`%lf`) or `long double` (`%Lf`, as `len` says).
    fn f64(&mut self, len: Length, v: f64);
    /// The `long double` layout [`long_double`](Self::long_double) takes.
    fn ld_format(&self) -> LdFormat {
        LdFormat::Double
    }
    /// A `long double` (`%Lf`): its raw bits in [`ld_format`](Self::ld_format)'s
    /// layout. By default stored as a double.
    fn long_double(&mut self, bits: u128) {
        self.f64(Length::L, f64::from_bits(bits as u64));
    }
    /// `%s`, `%c` or `%[` begins storing into the next array argument.
    fn begin(&mut self);
    /// Appends `b` to the array that [`begin`](Self::begin) started.
    fn append(&mut self, b: &[u8]);
    /// Ends the array, with a NUL after it when `nul` (`%s`, `%[`).
    fn end(&mut self, nul: bool);
}

/// The input with a count of consumed bytes (for `%n`) and a field width.
struct Cursor<'a> {
    input: &'a mut dyn Input,
    pos: usize,
    /// Bytes the current field may still take.
    left: usize,
}

impl Cursor<'_> {
    /// The next byte of the field, if the width and the input allow one.
    fn peek(&mut self) -> Option<u8> {
        if self.left == 0 {
            return None;
        }
        self.input.chunk().first().copied()
    }

    /// Consumes the byte [`peek`](Self::peek) returned.
    fn bump(&mut self) {
        self.input.consume(1);
        self.pos += 1;
        self.left -= 1;
    }

    /// Consumes the next byte if `want` accepts it, and returns it.
    fn take_if(&mut self, want: impl Fn(u8) -> bool) -> Option<u8> {
        let c = self.peek().filter(|&c| want(c))?;
        self.bump();
        Some(c)
    }

    /// Skips white space (any amount: not limited by a width).
    fn skip_space(&mut self) {
        loop {
            let c = self.input.chunk();
            let n = c.iter().position(|&b| !is_space(b)).unwrap_or(c.len());
            if n == 0 {
                return;
            }
            self.input.consume(n);
            self.pos += n;
        }
    }

    /// Moves the longest run (within the width) of bytes that `keep`
    /// accepts into `store` (if any); returns its length.
    fn span(
        &mut self,
        keep: &dyn Fn(u8) -> bool,
        mut store: Option<&mut (dyn Store + '_)>,
    ) -> usize {
        let mut total = 0;
        loop {
            let left = self.left;
            let c = self.input.chunk();
            let c = &c[..c.len().min(left)];
            let n = c.iter().position(|&b| !keep(b)).unwrap_or(c.len());
            if n == 0 {
                return total;
            }
            if let Some(s) = store.as_deref_mut() {
                if total == 0 {
                    s.begin();
                }
                s.append(&c[..n]);
            }
            let whole = n == c.len();
            self.input.consume(n);
            self.pos += n;
            self.left -= n;
            total += n;
            if !whole {
                return total;
            }
        }
    }
}

/// The text of a numeric field, as collected.
struct Text<const N: usize> {
    buf: [u8; N],
    len: usize,
}

impl<const N: usize> Text<N> {
    fn new() -> Self {
        Text {
            buf: [0; N],
            len: 0,
        }
    }

    fn push(&mut self, c: u8) {
        if self.len < N {
            self.buf[self.len] = c;
            self.len += 1;
        }
    }

    fn full(&self) -> bool {
        self.len == N
    }

    fn get(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

/// Reads an integer field in `base` (0: by prefix) into `t`; false when it
/// holds no digit. Leading zeros are not kept, so the text stays short.
fn collect_int(cur: &mut Cursor, mut base: u32, t: &mut Text<INT_MAX>) -> bool {
    if let Some(c) = cur.take_if(|c| c == b'+' || c == b'-') {
        t.push(c);
    }
    let mut digits = false;
    if (base == 0 || base == 16) && cur.take_if(|c| c == b'0').is_some() {
        t.push(b'0');
        digits = true;
        if let Some(x) = cur.take_if(|c| c | 0x20 == b'x') {
            t.push(x);
            base = 16;
            // ISO C: `0x` alone is only a prefix of a hexadecimal number,
            // not one: a digit must follow (glibc takes it as 0).
            digits = false;
        } else if base == 0 {
            base = 8;
        }
    } else if base == 0 {
        base = 10;
    }
    let mut nonzero = false;
    while let Some(c) = cur.take_if(|c| digit_value(c) < base) {
        digits = true;
        if c != b'0' || nonzero {
            t.push(c);
            nonzero = true;
        }
    }
    if !nonzero {
        t.push(b'0');
    }
    digits
}

/// Consumes the rest of `word` (case-insensitively) or fails.
fn take_word(cur: &mut Cursor, word: &[u8], t: &mut Text<FIELD_MAX>) -> bool {
    word.iter()
        .all(|&w| cur.take_if(|c| c | 0x20 == w).map(|c| t.push(c)).is_some())
}

/// Reads a floating-point field (decimal, hexadecimal, `inf`, `infinity`
/// or `nan`) into `t`; false when it is not a number.
fn collect_float(cur: &mut Cursor, t: &mut Text<FIELD_MAX>) -> bool {
    if let Some(c) = cur.take_if(|c| c == b'+' || c == b'-') {
        t.push(c);
    }
    match cur.peek().map(|c| c | 0x20) {
        Some(b'i') => {
            return take_word(cur, b"inf", t)
                && (cur.peek().is_none_or(|c| c | 0x20 != b'i') || take_word(cur, b"inity", t));
        }
        Some(b'n') => {
            if !take_word(cur, b"nan", t) {
                return false;
            }
            // `nan(chars)`: an unclosed one is not a number (ISO C).
            if cur.take_if(|c| c == b'(').is_none() {
                return true;
            }
            while cur
                .take_if(|c| c.is_ascii_alphanumeric() || c == b'_')
                .is_some()
            {}
            return cur.take_if(|c| c == b')').is_some();
        }
        _ => {}
    }
    let (mut hex, mut digits, mut dot, mut nonzero) = (false, 0usize, false, false);
    if cur.take_if(|c| c == b'0').is_some() {
        t.push(b'0');
        digits = 1;
        if let Some(x) = cur.take_if(|c| c | 0x20 == b'x') {
            t.push(x);
            hex = true;
            digits = 0;
        }
    }
    let radix = if hex { 16 } else { 10 };
    while !t.full() {
        let Some(c) = cur.take_if(|c| digit_value(c) < radix || (c == b'.' && !dot)) else {
            break;
        };
        if c == b'.' {
            dot = true;
        } else {
            digits += 1;
            // Leading zeros of the integer part after the first add nothing.
            if c == b'0' && !dot && !nonzero && digits > 1 {
                continue;
            }
            nonzero |= c != b'0';
        }
        t.push(c);
    }
    if digits > 0 {
        let mark = if hex { b'p' } else { b'e' };
        if let Some(e) = cur.take_if(|c| c | 0x20 == mark) {
            t.push(e);
            if let Some(s) = cur.take_if(|c| c == b'+' || c == b'-') {
                t.push(s);
            }
            let mut exp = false;
            while let Some(d) = cur.take_if(|c| c.is_ascii_digit()) {
                t.push(d);
                exp = true;
            }
            // ISO C: `10e` and `1e+` are prefixes of a number, not numbers
            // (a matching failure; glibc stores 10 and 1).
            if !exp {
                return false;
            }
        }
    }
    // A digit is needed (after the `0x` of hexadecimal: `0x` and `0x.`
    // are only prefixes, as above).
    digits > 0
}

/// How a directive of the format went.
enum Step {
    /// It matched; `true` if it assigned a value (counted).
    Matched(bool),
    /// A matching failure: the scan ends with the count so far.
    Mismatch,
    /// The input ended first: the scan ends, with `EOF` if nothing was
    /// assigned yet.
    InputEnd,
}

/// One conversion specification, after its `%`.
struct Spec {
    /// `*`: read the field but assign nothing.
    suppress: bool,
    /// The maximum field width; 0 when none was given.
    width: usize,
    len: Length,
    /// The conversion character.
    conv: u8,
}

/// Parses the specification at `fmt[*i..]` (just past the `%`) up to and
/// including its conversion character; `None` if the format ends first.
fn parse_spec(fmt: &[u8], i: &mut usize) -> Option<Spec> {
    let suppress = fmt.get(*i) == Some(&b'*');
    *i += suppress as usize;
    // (A width past 2^60 is as unlimited as `usize::MAX`.)
    let width = decimal_saturating(fmt, i, (usize::MAX as u64).min(1 << 60)) as usize;
    let len = Length::parse(fmt, i);
    let conv = *fmt.get(*i)?;
    *i += 1;
    Some(Spec {
        suppress,
        width,
        len,
        conv,
    })
}

/// Parses the set of a `%[` conversion at `fmt[*i..]` (just past the `[`)
/// up to and including its closing `]`, which is not the first member:
/// the bytes it matches (`set[b] != invert`); `None` if it is not closed.
fn parse_set(fmt: &[u8], i: &mut usize) -> Option<([bool; 256], bool)> {
    let invert = fmt.get(*i) == Some(&b'^');
    *i += invert as usize;
    let start = *i;
    let mut set = [false; 256];
    while *i < fmt.len() && (fmt[*i] != b']' || *i == start) {
        let c = fmt[*i];
        if fmt.get(*i + 1) == Some(&b'-') && fmt.get(*i + 2).is_some_and(|&e| e != b']') {
            let end = fmt[*i + 2];
            for b in c..=end.max(c) {
                set[b as usize] = true;
            }
            *i += 3;
        } else {
            set[c as usize] = true;
            *i += 1;
        }
    }
    if *i >= fmt.len() {
        return None;
    }
    *i += 1;
    Some((set, invert))
}

/// Matches the literal byte `c` of the format (after white space, for
/// `%%`).
fn literal(cur: &mut Cursor, c: u8, percent: bool) -> Step {
    if percent {
        cur.skip_space();
    }
    match cur.peek() {
        None => Step::InputEnd,
        Some(b) if b != c => Step::Mismatch,
        Some(_) => {
            cur.bump();
            Step::Matched(false)
        }
    }
}

/// `%d %i %u %o %x %X %p`: false for a matching failure.
fn scan_int(cur: &mut Cursor, conv: u8, len: Length, store: Option<&mut dyn Store>) -> bool {
    let base = match conv {
        b'd' | b'u' => 10,
        b'i' => 0,
        b'o' => 8,
        _ => 16,
    };
    // `%p` reads back printf's `(nil)` for a null pointer.
    if conv == b'p' && cur.peek() == Some(b'(') {
        if !b"(nil)".iter().all(|&w| cur.take_if(|c| c == w).is_some()) {
            return false;
        }
        if let Some(store) = store {
            store.int(Length::Z, 0);
        }
        return true;
    }
    let mut t = Text::new();
    if !collect_int(cur, base, &mut t) {
        return false;
    }
    // The value is `strtoll`'s or `strtoull`'s, cut to the type.
    let v = if conv == b'd' || conv == b'i' {
        int::strtoi(t.get(), base as i32, 64).map(|r| r.value as u64)
    } else {
        int::strtou(t.get(), base as i32, 64).map(|r| r.value)
    };
    let Some(v) = v else {
        return false;
    };
    if let Some(store) = store {
        store.int(if conv == b'p' { Length::Z } else { len }, v);
    }
    true
}

/// `%f %e %g %a` (either case): false for a matching failure.
fn scan_float(cur: &mut Cursor, len: Length, store: Option<&mut dyn Store>) -> bool {
    let mut t = Text::new();
    if !collect_float(cur, &mut t) {
        return false;
    }
    match store {
        Some(store) if len == Length::None => store.f32(strtod::strtof(t.get()).value),
        Some(store) if len == Length::BigL => {
            let f = store.ld_format();
            store.long_double(ldparse::strtold(t.get(), f).value);
        }
        Some(store) => store.f64(len, strtod::strtod(t.get()).value),
        None => {}
    }
    true
}

/// `%s`, `%c` and `%[`: the bytes `keep` accepts, within the width, as an
/// array (NUL-terminated when `nul`); false for a matching failure (no
/// byte, where one is needed).
fn scan_bytes(
    cur: &mut Cursor,
    keep: &dyn Fn(u8) -> bool,
    nul: bool,
    need_one: bool,
    mut store: Option<&mut dyn Store>,
) -> bool {
    if cur.span(keep, store.as_deref_mut()) == 0 && need_one {
        return false;
    }
    if let Some(store) = store {
        store.end(nul);
    }
    true
}

/// Performs the conversion `spec`; `fmt[*i..]` follows its conversion
/// character (a `%[` set is read from there).
fn convert(
    cur: &mut Cursor,
    spec: &Spec,
    fmt: &[u8],
    i: &mut usize,
    store: &mut dyn Store,
) -> Step {
    let Spec {
        suppress,
        width,
        len,
        conv,
    } = *spec;
    if !b"cn[".contains(&conv) {
        cur.skip_space();
    }
    if conv == b'n' {
        if !suppress {
            store.int(len, cur.pos as u64);
        }
        return Step::Matched(false);
    }
    if !b"diouxXpscfeEgGaAF[".contains(&conv) || (len == Length::L && b"sc[".contains(&conv)) {
        return Step::Mismatch;
    }
    if cur.input.chunk().is_empty() {
        return Step::InputEnd;
    }
    cur.left = if width == 0 { usize::MAX } else { width };
    let store = (!suppress).then_some(store);
    let matched = match conv {
        b'd' | b'i' | b'u' | b'o' | b'x' | b'X' | b'p' => scan_int(cur, conv, len, store),
        b's' => scan_bytes(cur, &|c| !is_space(c), true, false, store),
        b'c' => {
            if width == 0 {
                cur.left = 1;
            }
            let want = cur.left;
            let mut store = store;
            // ISO C: `%Nc` reads exactly N bytes; fewer (the input ended)
            // is an input failure, and nothing is assigned.
            if cur.span(&|_| true, store.as_deref_mut()) < want {
                return Step::InputEnd;
            }
            if let Some(store) = store {
                store.end(false);
            }
            true
        }
        b'[' => {
            let Some((set, invert)) = parse_set(fmt, i) else {
                return Step::Mismatch;
            };
            scan_bytes(cur, &|c| set[c as usize] != invert, true, true, store)
        }
        _ => scan_float(cur, len, store),
    };
    if matched {
        Step::Matched(!suppress)
    } else {
        Step::Mismatch
    }
}

/// Scans `input` according to `fmt` (without its NUL) as `fscanf` does;
/// returns the number of assignments, or -1 (`EOF`) if the input ended
/// before anything was assigned.
pub fn scan(input: &mut dyn Input, fmt: &[u8], store: &mut dyn Store) -> i32 {
    let mut cur = Cursor {
        input,
        pos: 0,
        left: usize::MAX,
    };
    let (mut i, mut count) = (0usize, 0i32);
    while i < fmt.len() {
        cur.left = usize::MAX;
        let c = fmt[i];
        let step = if is_space(c) {
            // White space in the format matches any amount, none included.
            while i < fmt.len() && is_space(fmt[i]) {
                i += 1;
            }
            cur.skip_space();
            Step::Matched(false)
        } else if c != b'%' || fmt.get(i + 1) == Some(&b'%') {
            i += 1 + (c == b'%') as usize;
            literal(&mut cur, c, c == b'%')
        } else {
            i += 1;
            match parse_spec(fmt, &mut i) {
                Some(spec) => convert(&mut cur, &spec, fmt, &mut i, store),
                None => Step::Mismatch,
            }
        };
        match step {
            Step::Matched(assigned) => count += assigned as i32,
            Step::Mismatch => return count,
            Step::InputEnd => return if count == 0 { -1 } else { count },
        }
    }
    count
}
